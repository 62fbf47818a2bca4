/**
 * The commune an appendix belongs to, read from its title rows as officials type them:
 * "XÃ HOÀNG KIM, HUYỆN HOẰNG HÓA" (the Hoàng Kim report's PHỤ LỤC 01), "UBND XÃ CẨM BÌNH",
 * "Phường Đông Sơn - thành phố Thanh Hóa", "KẾT QUẢ THẨM ĐỊNH … CHO XÃ HỢP THỊNH". The blank
 * templates' "CHO XÃ/PHƯỜNG/THỊ TRẤN....." names nobody, and neither does "cấp xã" nor
 * "công nhận xã hoàn thành" (a unit word counts only at the start of a line or after
 * UBND / ỦY BAN NHÂN DÂN / cho / của / tại / a colon).
 */
import { cellText, type SheetGrid } from '../model/grid';
import { cleanText, foldText } from '../model/text';

/** A local unit: "xã Hoàng Kim", "huyện Hoằng Hóa". */
export interface PlaceName {
  /** Unit word, lower case as in running text: "xã", "phường", "thị trấn", "huyện"… */
  unit: string;
  /** Name as a person writes it in running text: "Hoàng Kim" (title case of "HOÀNG KIM") */
  name: string;
}

export interface CommuneName extends PlaceName {
  /** The district (huyện, thị xã, thành phố, quận) written after it, if any */
  district?: PlaceName;
  /** The province written after it, if any */
  province?: PlaceName;
  /** The title line it was read from, as typed ("XÃ HOÀNG KIM, HUYỆN HOẰNG HÓA") */
  line: string;
  /** 0-based row of that line (undefined when read from a text) */
  row?: number;
}

/** Commune-level unit words (folded, as token sequences). */
const COMMUNE_UNITS: { words: string[]; unit: string }[] = [
  { words: ['thi', 'tran'], unit: 'thị trấn' },
  { words: ['dac', 'khu'], unit: 'đặc khu' },
  { words: ['phuong'], unit: 'phường' },
  { words: ['xa'], unit: 'xã' },
];
const DISTRICT_UNITS: { words: string[]; unit: string }[] = [
  { words: ['thi', 'xa'], unit: 'thị xã' },
  { words: ['thanh', 'pho'], unit: 'thành phố' },
  { words: ['tp'], unit: 'thành phố' },
  { words: ['huyen'], unit: 'huyện' },
  { words: ['quan'], unit: 'quận' },
];
const PROVINCE_UNITS: { words: string[]; unit: string }[] = [{ words: ['tinh'], unit: 'tỉnh' }];

/** Folded tokens after which a unit word starts a name. */
const LEAD_WORDS = new Set(['ubnd', 'dan', 'cho', 'cua', 'tai', 'thuoc']);
/** Folded tokens that end a name (the year, another unit, a connective). */
const STOP_WORDS = new Set(['nam', 'giai', 'doan', 've', 'viec', 'kem', 'theo', 'den', 'tu']);

interface Token {
  text: string;
  fold: string;
  /** The token ended with a separator (",", ";", ":", "-", ")") */
  endsClause: boolean;
}

function tokenize(line: string): Token[] {
  const spaced = cleanText(line).replace(/([,;:()–—]|\s-\s)/g, ' $1 ');
  const out: Token[] = [];
  for (const raw of spaced.split(' ')) {
    if (raw === '') continue;
    if (/^[,;:()–—-]$/.test(raw)) {
      if (out.length) out[out.length - 1].endsClause = true;
      else out.push({ text: raw, fold: raw, endsClause: true });
      continue;
    }
    const text = raw.replace(/[.…]+$/, '');
    out.push({ text, fold: foldText(text).replace(/[^a-z0-9/]/g, ''), endsClause: false });
  }
  return out;
}

function unitAt(
  tokens: Token[],
  i: number,
  units: { words: string[]; unit: string }[],
): { unit: string; next: number } | null {
  for (const u of units) {
    if (u.words.every((w, k) => tokens[i + k]?.fold === w)) {
      // "Thị" "trấn," — the unit must not end its clause before a name follows
      const last = tokens[i + u.words.length - 1];
      if (last.endsClause) continue;
      return { unit: u.unit, next: i + u.words.length };
    }
  }
  return null;
}

/** "HOÀNG KIM" / "hoàng kim" → "Hoàng Kim"; a mixed-case name is kept as typed. */
function titleCase(words: string[]): string {
  return words
    .map((w) => {
      if (w !== w.toUpperCase() && w !== w.toLowerCase()) return w;
      const lower = w.toLocaleLowerCase('vi');
      return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
    })
    .join(' ');
}

function isUnitStart(tokens: Token[], i: number): boolean {
  return (
    unitAt(tokens, i, DISTRICT_UNITS) !== null ||
    unitAt(tokens, i, PROVINCE_UNITS) !== null ||
    unitAt(tokens, i, COMMUNE_UNITS) !== null
  );
}

/** The name after a unit word: up to a separator, a stop word or another unit. */
function nameFrom(tokens: Token[], start: number): { name: string; next: number } | null {
  const words: string[] = [];
  let i = start;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (words.length > 0 && (STOP_WORDS.has(t.fold) || isUnitStart(tokens, i))) break;
    if (!/[\p{L}\d]/u.test(t.text) || t.text.includes('/')) return null;
    if (/^\d{4}$/.test(t.text)) break; // a year
    words.push(t.text);
    if (t.endsClause || words.length >= 5) {
      i++;
      break;
    }
  }
  if (words.length === 0) return null;
  return { name: titleCase(words), next: i };
}

/** The commune named in one line of text, or null. */
export function communeFromText(line: string): CommuneName | null {
  const tokens = tokenize(line);
  for (let i = 0; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const leads = i === 0 || LEAD_WORDS.has(prev.fold) || prev.endsClause;
    if (!leads) continue;
    const u = unitAt(tokens, i, COMMUNE_UNITS);
    if (!u) continue;
    // "THỊ XÃ …" is a district-level unit, not "thị" + "xã"
    if (u.unit === 'xã' && prev?.fold === 'thi') continue;
    const n = nameFrom(tokens, u.next);
    if (!n) continue;
    const found: CommuneName = { unit: u.unit, name: n.name, line: cleanText(line) };
    let j = n.next;
    const d = unitAt(tokens, j, DISTRICT_UNITS);
    if (d) {
      const dn = nameFrom(tokens, d.next);
      if (dn) {
        found.district = { unit: d.unit, name: dn.name };
        j = dn.next;
      }
    }
    const p = unitAt(tokens, j, PROVINCE_UNITS);
    if (p) {
      const pn = nameFrom(tokens, p.next);
      if (pn) found.province = { unit: p.unit, name: pn.name };
    }
    return found;
  }
  return null;
}

/**
 * The commune named in a sheet's title rows: the rows above `beforeRow` (the table's header
 * row, 0-based; default: the first 12 rows), top to bottom, each row's cells joined.
 */
export function communeFromTitleRows(sheet: SheetGrid, beforeRow = 12): CommuneName | null {
  const rows = new Map<number, { col: number; text: string }[]>();
  for (const c of sheet.cells) {
    if (c.row >= beforeRow) continue;
    const text = cellText(c).trim();
    if (!text) continue;
    let r = rows.get(c.row);
    if (!r) rows.set(c.row, (r = []));
    r.push({ col: c.col, text });
  }
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(row)!.sort((a, b) => a.col - b.col);
    // a merged title repeated in every cell of its merge (as some writers store it) counts once
    const texts = cells.map((c) => c.text).filter((t, i, all) => all.indexOf(t) === i);
    // A name may be split over cells ("XÃ QUẢNG" | "PHÚ"): the row's cells are read joined.
    // But the motto block puts "UBND XÃ HOẰNG ĐẠO" beside "Độc lập - Tự do - Hạnh phúc":
    // joined, that reads "Hoằng Đạo Độc Lập". When one cell alone names a commune of two
    // words or more and the joined text only adds words after it, the cell's name is kept.
    const joined = communeFromText(texts.join(' '));
    const single = texts.map((t) => communeFromText(t)).find((c) => c !== null) ?? null;
    const found =
      joined &&
      single &&
      joined.name !== single.name &&
      joined.name.startsWith(`${single.name} `) &&
      single.name.split(' ').length >= 2
        ? single
        : (joined ?? single);
    if (found) return { ...found, row };
  }
  return null;
}

/** "xã Hoàng Kim", "xã Hoàng Kim, huyện Hoằng Hóa" */
export function placeText(place: PlaceName): string {
  return `${place.unit} ${place.name}`;
}

export function communeText(c: CommuneName, withDistrict = true): string {
  return withDistrict && c.district ? `${placeText(c)}, ${placeText(c.district)}` : placeText(c);
}
