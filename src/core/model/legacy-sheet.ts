/**
 * Reading sheets typed in TCVN3 or VNI: every text cell is converted to Unicode NFC before
 * recognition, so recognition, the report, cell messages and what we write are Unicode.
 *
 * Per cell, its font decides (".VnTime"/".VnTimeH" → TCVN3, "VNI-Times" → VNI, any other font
 * → Unicode, left alone). Where the adapter gives no font, the text decides: a cell whose
 * words only read as Vietnamese once decoded ("ViÖt", "Vieät"); and, once a sheet is known to
 * be typed that way, its other font-less cells with Latin-1 letters and no Unicode-only letter.
 */
import { makeFinding, type Finding } from './findings';
import { toA1, type Cell, type SheetGrid, type WorkbookSnapshot } from './grid';
import {
  decodeLegacy,
  detectLegacyText,
  encodingOfFont,
  type LegacyEncoding,
} from './legacy-encoding';

export interface LegacySheetInfo {
  encoding: LegacyEncoding;
  /** How many cells were converted. */
  cells: number;
  /** A1 address of the first converted cell (reading order). */
  first: string;
  /** The legacy font named on the converted cells, when the adapter read fonts. */
  font?: string;
}

const decoded = new WeakMap<SheetGrid, LegacySheetInfo | null>();

/** Unicode-only Vietnamese letters: a text holding one is Unicode, never converted. */
const UNICODE_ONLY = /[ĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9]/;
/** A Latin-1 letter or symbol (where both legacy encodings put their Vietnamese letters). */
const LATIN1 = /[\u00A1-\u00FF]/;

/**
 * Convert the legacy-encoded text cells of a sheet to Unicode, in place (the cell's `font`
 * is kept, naming what it was typed in). Idempotent: a sheet is converted once.
 * Returns what was converted, or null when the sheet is Unicode.
 */
export function decodeLegacySheet(sheet: SheetGrid): LegacySheetInfo | null {
  const known = decoded.get(sheet);
  if (known !== undefined) return known;
  const counts: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  const fonts: Record<LegacyEncoding, string | undefined> = { tcvn3: undefined, vni: undefined };
  const converted: { row: number; col: number }[] = [];
  const fontless: SheetGrid['cells'] = [];
  const detected = new Map<SheetGrid['cells'][number], LegacyEncoding>();

  for (const cell of sheet.cells) {
    if (typeof cell.value !== 'string') continue;
    if (cell.font !== undefined && cell.font.trim() !== '') {
      const byFont = encodingOfFont(cell.font);
      if (!byFont) continue;
      counts[byFont.encoding]++;
      fonts[byFont.encoding] ??= cell.font;
      const text = decodeLegacy(cell.value, byFont.encoding, byFont.capitals);
      if (text !== cell.value) converted.push(cell);
      cell.value = text;
      continue;
    }
    fontless.push(cell);
    const guess = detectLegacyText(cell.value);
    if (guess) {
      detected.set(cell, guess);
      counts[guess]++;
    }
  }

  const total = counts.tcvn3 + counts.vni;
  if (total === 0) {
    decoded.set(sheet, null);
    return null;
  }
  const encoding: LegacyEncoding = counts.tcvn3 >= counts.vni ? 'tcvn3' : 'vni';
  for (const cell of fontless) {
    const text = cell.value as string;
    const own = detected.get(cell);
    // a font-less cell of a legacy sheet: converted when its text shows the encoding, or
    // when it has Latin-1 letters and nothing only Unicode has ("Cã" is "Có" in TCVN3)
    const as = own ?? (!UNICODE_ONLY.test(text) && LATIN1.test(text) ? encoding : undefined);
    if (!as) continue;
    const out = decodeLegacy(text, as);
    if (out !== text) {
      cell.value = out;
      converted.push(cell);
    }
  }
  if (converted.length === 0) {
    decoded.set(sheet, null);
    return null;
  }
  const first = converted.reduce((a, b) =>
    b.row < a.row || (b.row === a.row && b.col < a.col) ? b : a,
  );
  const info: LegacySheetInfo = {
    encoding,
    cells: converted.length,
    first: toA1(first.row, first.col),
  };
  if (fonts[encoding]) info.font = fonts[encoding];
  decoded.set(sheet, info);
  return info;
}

/** Convert every sheet of a workbook (in place); what was converted, by sheet name. */
export function decodeLegacyWorkbook(wb: WorkbookSnapshot): Map<string, LegacySheetInfo> {
  const out = new Map<string, LegacySheetInfo>();
  for (const sheet of wb.sheets) {
    const info = decodeLegacySheet(sheet);
    if (info) out.set(sheet.name, info);
  }
  return out;
}

/**
 * Fonts only matter on a sheet typed (partly) in a legacy font: readers call this after reading
 * a sheet, so that every cell of such a sheet keeps its font (a Unicode font protects its cell
 * from conversion) and the cells of an all-Unicode sheet carry none (no noise in snapshots).
 */
export function keepFontsOfLegacySheet(cells: Cell[]): void {
  if (cells.some((c) => encodingOfFont(c.font) !== undefined)) return;
  for (const c of cells) if (c.font !== undefined) delete c.font;
}

const ENCODING_NAME: Record<LegacyEncoding, string> = {
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI',
};

/** The one info finding of a converted sheet. */
export function legacyEncodingFinding(sheet: string, info: LegacySheetInfo): Finding {
  const font = info.font ? `, phông ${info.font}` : '';
  return makeFinding(
    'legacy-encoding',
    sheet,
    info.first,
    `Trang tính được gõ bằng bảng mã ${ENCODING_NAME[info.encoding]}${font}: đã chuyển ${info.cells} ô sang Unicode để đọc. Nên chuyển mã cả tệp sang Unicode (Unikey: Công cụ chuyển mã) và dùng phông Times New Roman.`,
  );
}
