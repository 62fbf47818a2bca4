/**
 * A criteria table as officials type it (the table of a decision or plan: title rows, group
 * rows "I. Phát triển chính quyền số" / "1", codes, names, units, targets "100%", "trên 90%",
 * "Có", "3", "Đáp ứng", optional evidence and maximum points) → a catalog, with a Vietnamese
 * note for every row that could not be read and every guess made. Pure: a grid in, JSON and
 * notes out; the CLI (`cds-check catalog import`) and the add-in ("Dùng bảng này làm bộ tiêu
 * chí") read and write the files.
 */
import type { Catalog, Criterion, CriterionGroup, Target } from './types';
import { defaultCatalog, loadCatalog, CatalogError } from '../catalog';
import { cellText, GridView, toA1, type SheetGrid } from '../model/grid';
import { classifyHeader } from '../appendix/headers';
import { isPercentUnit, parseVietnameseNumber, formatNumberVi } from '../model/parse-value';
import { cleanText, foldText, matchKey } from '../model/text';
import { classifyScoringHeader } from '../scoring/headers';

export interface TableImportOptions {
  /** Catalog id (lower-case ASCII with hyphens); default from the title */
  id?: string;
  title?: string;
  province?: string;
  year?: number;
  /** Levels and chains are taken from this catalog (default: the bundled default catalog). */
  levelsFrom?: Catalog;
}

export interface ImportNote {
  /** 1-based row of the table, null for the whole table */
  row: number | null;
  /** 'skipped': the row is not in the catalog; 'guess': read, with a decision to check */
  kind: 'skipped' | 'guess';
  message: string;
}

export interface TableImport {
  /** The catalog, validated by `loadCatalog` (null when the table gave no criterion) */
  catalog: Catalog | null;
  /** The JSON written to the file (same content as `catalog`) */
  json: Record<string, unknown> | null;
  notes: ImportNote[];
}

type Column = 'tt' | 'name' | 'unit' | 'target' | 'evidence' | 'points';

const ROMAN = /^(?=[IVXLC]+$)M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]];
    const b = v[s[i + 1]] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

function findHeader(
  view: GridView,
): { row: number; columns: Partial<Record<Column, number>> } | null {
  for (const r of view.rowIndices.slice(0, 60)) {
    const columns: Partial<Record<Column, number>> = {};
    for (const c of view.rowCells(r)) {
      const text = cellText(c).trim();
      if (!text) continue;
      const sc = classifyScoringHeader(text);
      if (sc?.column === 'max') {
        columns.points ??= c.col;
        continue;
      }
      const h = classifyHeader(text);
      if (!h) continue;
      const role =
        h.role === 'tt' ||
        h.role === 'name' ||
        h.role === 'unit' ||
        h.role === 'target' ||
        h.role === 'evidence'
          ? h.role
          : null;
      if (role && columns[role] === undefined) columns[role] = c.col;
    }
    // "Chỉ tiêu" alone is the criterion's text when no other column names it
    if (columns.name === undefined && columns.target !== undefined) {
      columns.name = columns.target;
      delete columns.target;
    }
    if (columns.tt !== undefined && columns.name !== undefined) return { row: r, columns };
  }
  return null;
}

/** What a target text demands, or why it cannot be read. */
export interface TargetReading {
  target: Target | null;
  /** Vietnamese guesses made ("không có đơn vị; đã hiểu là 90%") */
  guesses: string[];
  /** Why it could not be read */
  problem?: string;
}

const STRICT = /^(trên|hơn|lớn hơn|cao hơn|>)\s*/iu;
const AT_LEAST = /^(≥|>=|từ|tối thiểu|ít nhất|đạt|không dưới|không thấp hơn|bằng|=)\s*/iu;
const OR_MORE = /\s*(trở lên|trở lên\.|trở len)$/iu;

/** Read a target as typed ("trên 90%", "100%", "≥ 3", "Có", "Đáp ứng"), given the row's unit/name. */
export function readTarget(text: string, unit: string, name: string): TargetReading {
  let t = cleanText(text).replace(/[.;]+$/, '');
  if (!t) return { target: null, guesses: [], problem: 'chưa ghi chỉ tiêu' };
  const guesses: string[] = [];
  let strict = false;
  for (;;) {
    const s = STRICT.exec(t);
    if (s) {
      strict = true;
      t = t.slice(s[0].length);
      continue;
    }
    const a = AT_LEAST.exec(t);
    if (a && /\d/.test(t)) {
      t = t.slice(a[0].length);
      continue;
    }
    break;
  }
  t = t.replace(OR_MORE, '').trim();
  const m = /^(\d[\d.,]*)\s*(%?)\s*(.*)$/u.exec(t);
  if (m) {
    const n = parseVietnameseNumber(m[1]);
    if (n === null) return { target: null, guesses, problem: `không đọc được số “${m[1]}”` };
    const rest = m[3].trim();
    const percentUnit = isPercentUnit(unit);
    const rateByName = /^(tỷ lệ|tỉ lệ)/iu.test(cleanText(name));
    let asRate = m[2] === '%' || percentUnit;
    if (!asRate && !unit.trim() && !rest && rateByName && n <= 100) {
      asRate = true;
      guesses.push(
        `chỉ tiêu “${text.trim()}” không có đơn vị; tên là một tỷ lệ nên đã hiểu là ${formatNumberVi(n)}%`,
      );
    }
    if (asRate) {
      if (n > 100)
        return { target: null, guesses, problem: `tỷ lệ ${formatNumberVi(n)}% vượt quá 100%` };
      const target: Target = { kind: 'min-rate', value: n / 100, text: text.trim() };
      if (strict) target.strict = true;
      return { target, guesses };
    }
    if (!Number.isInteger(n))
      return { target: null, guesses, problem: `số lượng “${m[1]}” không phải số nguyên` };
    if (!unit.trim() && !rest)
      guesses.push(`chỉ tiêu “${text.trim()}” không có đơn vị; đã hiểu là số lượng tối thiểu ${n}`);
    if (strict) {
      guesses.push(`“${text.trim()}” là phải vượt ${n}: đã ghi số lượng tối thiểu ${n + 1}`);
      return { target: { kind: 'min-count', value: n + 1, text: text.trim() }, guesses };
    }
    return { target: { kind: 'min-count', value: n, text: text.trim() }, guesses };
  }
  const key = matchKey(t);
  if (key === 'co' || key === 'x' || key === 'da co')
    return { target: { kind: 'yes', text: text.trim() }, guesses };
  if (/^(khong|chua)( |$)/.test(key))
    return {
      target: null,
      guesses,
      problem: `chỉ tiêu “${text.trim()}” là một phủ định, không biết đạt khi nào`,
    };
  return {
    target: { kind: 'qualitative', text: text.trim(), accept: [cleanText(t)] },
    guesses,
  };
}

/** The first rate stated in a criterion's text ("… đạt trên 90%") when the table has no target column. */
function targetInName(name: string): { target: string; name: string; more: boolean } | null {
  const re =
    /(?:(?:đạt|đạt tỷ lệ|tới|lên)\s+)?((?:trên|từ|hơn)\s+)?(\d[\d.,]*\s*%)(\s*trở lên)?/giu;
  const all = [...name.matchAll(re)];
  if (all.length === 0) return null;
  const first = all[0];
  const target = `${first[1] ?? ''}${first[2]}${first[3] ?? ''}`.replace(/\s+/g, ' ').trim();
  let short = name
    .slice(0, first.index)
    .replace(/[\s,;:-]+$/, '')
    .trim();
  if (!short || /^(trên|tới|đạt)$/iu.test(short)) short = name;
  return { target, name: short, more: all.length > 1 };
}

function slug(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Documents one a line (a document's own ";" stays inside it). */
function splitEvidence(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((s) => cleanText(s).replace(/^[-+•]\s*/, ''))
    .filter((s) => s !== '');
}

/**
 * Read a criteria table into a catalog. Never throws on the table's content: what cannot be
 * read is in `notes`.
 */
export function importCriteriaTable(grid: SheetGrid, opts: TableImportOptions = {}): TableImport {
  const view = new GridView(grid);
  const notes: ImportNote[] = [];
  const header = findHeader(view);
  if (!header)
    return {
      catalog: null,
      json: null,
      notes: [
        {
          row: null,
          kind: 'skipped',
          message: `Trang tính "${grid.name}" không có dòng tiêu đề bảng tiêu chí (cần cột "TT"/"STT" và cột "Tên chỉ tiêu"/"Chỉ tiêu"/"Nội dung")`,
        },
      ],
    };
  const cols = header.columns;
  const text = (r: number, c: number | undefined) =>
    c === undefined ? '' : cleanText(view.text(r, c));
  const titleRows = view.rowIndices
    .filter((r) => r < header.row)
    .map((r) =>
      view
        .rowCells(r)
        .map((c) => cellText(c).trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
  const headerTexts = view.rowCells(header.row).map((c) => cellText(c));
  const yearIn = (s: string) => /\b(20\d{2})\b/.exec(s)?.[1];
  const yearText = [...headerTexts, ...titleRows].map(yearIn).find((y) => y !== undefined);
  const year = opts.year ?? (yearText ? Number(yearText) : new Date().getUTCFullYear());
  if (opts.year === undefined && !yearText)
    notes.push({ row: null, kind: 'guess', message: `Bảng không ghi năm: đã lấy năm ${year}` });
  const title =
    opts.title ??
    titleRows.find((t) => /chỉ tiêu|tiêu chí|chỉ số/iu.test(t)) ??
    titleRows[0] ??
    `Bộ tiêu chí ${grid.name}`;

  const groups: (CriterionGroup & { row: number })[] = [];
  const criteria: (Criterion & { row: number })[] = [];
  const codes = new Set<string>();
  let group: (CriterionGroup & { row: number }) | null = null;
  let last: (Criterion & { row: number }) | null = null;
  const rows = view.rowIndices.filter((r) => r > header.row);

  const newGroup = (code: string, name: string, row: number, points?: number) => {
    let c = code;
    while (groups.some((g) => g.code === c)) c = `${c}b`;
    if (c !== code)
      notes.push({
        row: row + 1,
        kind: 'guess',
        message: `nhóm mã “${code}” đã có; ghi là “${c}”`,
      });
    const g: CriterionGroup & { row: number } = { code: c, name, row };
    if (points !== undefined) g.points = points;
    groups.push(g);
    group = g;
    last = null;
    return g;
  };
  /** The code of the next row that has one ("" when none) */
  const nextCode = (i: number): string => {
    const next = rows.slice(i + 1).find((r) => text(r, cols.tt) || text(r, cols.name));
    return next === undefined
      ? ''
      : text(next, cols.tt)
          .replace(/[.):]+$/, '')
          .trim();
  };
  const nextStartsGroup = (i: number): boolean => {
    const tt = nextCode(i);
    return tt === '1' || /^\d+\.1$/.test(tt);
  };

  rows.forEach((r, i) => {
    const ttRaw = text(r, cols.tt);
    const tt = ttRaw.replace(/[.):]+$/, '').trim();
    const nameRaw = text(r, cols.name);
    const unit = text(r, cols.unit);
    const targetText = text(r, cols.target);
    const evidence = cols.evidence === undefined ? '' : view.text(r, cols.evidence).trim();
    const pointsText = text(r, cols.points);
    if (!tt && !nameRaw && !targetText) return;
    // a header repeated after a page break
    if (classifyHeader(ttRaw)?.role === 'tt' && classifyHeader(nameRaw)) return;
    // the column numbers row "(1) (2) (3)"
    if (/^\(?\d{1,2}\)?$/.test(tt) && /^\(?\d{1,2}\)?$/.test(nameRaw)) return;
    const points = pointsText
      ? parseVietnameseNumber(pointsText.replace(/\s*(điểm|đ)\.?$/iu, ''))
      : null;
    if (pointsText && points === null)
      notes.push({
        row: r + 1,
        kind: 'guess',
        message: `điểm tối đa “${pointsText}” không đọc được; bỏ qua điểm của dòng này`,
      });
    // signature block, notes under the table
    if (!tt && /^(người lập|thủ trưởng|chủ tịch|trưởng ban|ghi chú|nơi nhận)/iu.test(nameRaw))
      return;

    // group rows: "I" / "II", "1" without target and unit followed by "1.1", a heading without TT
    const roman = ROMAN.test(tt) ? romanValue(tt) : null;
    const noValues = !unit && !targetText && !evidence;
    if (roman !== null && nameRaw) {
      newGroup(String(roman), nameRaw.replace(/^[IVXLC]+[.)]\s*/, ''), r, points ?? undefined);
      return;
    }
    const nameRoman = /^([IVXLC]+)[.)]\s+(.+)$/.exec(nameRaw);
    if (!tt && nameRoman && noValues) {
      newGroup(String(romanValue(nameRoman[1])), nameRoman[2], r, points ?? undefined);
      return;
    }
    if (
      /^\d+$/.test(tt) &&
      noValues &&
      nameRaw &&
      !targetInName(nameRaw) &&
      nextCode(i) === `${tt}.1`
    ) {
      newGroup(tt, nameRaw, r, points ?? undefined);
      return;
    }
    if (!tt && nameRaw && noValues && !targetInName(nameRaw) && nextStartsGroup(i)) {
      newGroup(String(groups.length + 1), nameRaw, r, points ?? undefined);
      notes.push({
        row: r + 1,
        kind: 'guess',
        message: `dòng “${nameRaw}” không có số thứ tự: đã hiểu là nhóm ${group!.code}`,
      });
      return;
    }
    if (!tt) {
      if (last && nameRaw && noValues) {
        // a name cut by a page break
        last.name = cleanText(`${last.name} ${nameRaw}`);
        last.requirement = cleanText(`${last.requirement} ${nameRaw}`);
        return;
      }
      notes.push({
        row: r + 1,
        kind: 'skipped',
        message: `dòng không có số thứ tự/mã: “${nameRaw || targetText}”; bỏ qua`,
      });
      return;
    }
    if (!/^\d+(\.\d+)*$/.test(tt)) {
      notes.push({
        row: r + 1,
        kind: 'skipped',
        message: `số thứ tự “${ttRaw}” không đọc được; bỏ qua dòng “${nameRaw}”`,
      });
      return;
    }
    if (!nameRaw) {
      notes.push({
        row: r + 1,
        kind: 'skipped',
        message: `dòng ${ttRaw} không có tên chỉ tiêu; bỏ qua`,
      });
      return;
    }
    let code: string;
    if (tt.includes('.')) {
      code = tt;
      const gcode = tt.split('.')[0];
      if (!groups.some((g) => g.code === gcode)) {
        newGroup(gcode, `Nhóm ${gcode}`, r);
        notes.push({
          row: r + 1,
          kind: 'guess',
          message: `mã ${tt} thuộc nhóm ${gcode} nhưng bảng không có dòng nhóm ${gcode}: đã tạo nhóm “Nhóm ${gcode}”`,
        });
      } else group = groups.find((g) => g.code === gcode)!;
    } else {
      if (!group) {
        newGroup('1', title, r);
        notes.push({
          row: r + 1,
          kind: 'guess',
          message: `bảng không có dòng nhóm trước chỉ tiêu đầu tiên: đã tạo nhóm 1 “${title}”`,
        });
      }
      code = `${group!.code}.${tt}`;
    }
    if (codes.has(code)) {
      notes.push({
        row: r + 1,
        kind: 'skipped',
        message: `mã ${code} bị trùng; bỏ qua dòng “${nameRaw}”`,
      });
      return;
    }
    let name = nameRaw;
    let target = targetText;
    if (!target) {
      const inName = targetInName(nameRaw);
      if (inName) {
        target = inName.target;
        name = inName.name;
        notes.push({
          row: r + 1,
          kind: 'guess',
          message:
            `${code}: bảng không có cột chỉ tiêu; lấy mức “${inName.target}” trong tên` +
            (inName.more ? ' (dòng nêu nhiều mức, chỉ lấy mức đầu tiên)' : ''),
        });
      }
    }
    const docs = splitEvidence(evidence);
    if (!target && points !== null) {
      // a scored item (an index's component): points, no target
      const scoredItem = {
        code,
        group: code.split('.')[0],
        name,
        unit: unit || 'điểm',
        requirement: nameRaw,
        evidence: docs,
        evidenceRequired: docs.length > 0,
        points,
        row: r,
      } as unknown as Criterion & { row: number };
      codes.add(code);
      criteria.push(scoredItem);
      last = scoredItem;
      return;
    }
    const reading = readTarget(target, unit, name);
    if (!reading.target) {
      notes.push({
        row: r + 1,
        kind: 'skipped',
        message: `${code}: ${reading.problem ?? 'không đọc được chỉ tiêu'}; bỏ qua “${nameRaw}”`,
      });
      return;
    }
    for (const g of reading.guesses)
      notes.push({ row: r + 1, kind: 'guess', message: `${code}: ${g}` });
    const crit: Criterion & { row: number } = {
      code,
      group: code.split('.')[0],
      name,
      unit:
        unit ||
        (reading.target.kind === 'min-rate'
          ? '%'
          : reading.target.kind === 'min-count'
            ? 'Số lượng'
            : 'Đánh giá'),
      target: reading.target,
      requirement: targetText ? `${nameRaw}: ${targetText}` : nameRaw,
      evidence: docs,
      evidenceRequired: docs.length > 0,
      row: r,
    };
    if (!unit)
      notes.push({
        row: r + 1,
        kind: 'guess',
        message: `${code}: không ghi đơn vị tính; đã ghi “${crit.unit}”`,
      });
    if (points !== null) crit.points = points;
    codes.add(code);
    criteria.push(crit);
    last = crit;
  });

  // duplicate names are not allowed in a catalog: tell them apart by their code
  const seen = new Map<string, string>();
  for (const c of criteria) {
    const k = foldText(c.name);
    if (seen.has(k)) {
      notes.push({
        row: c.row + 1,
        kind: 'guess',
        message: `${c.code}: tên trùng với ${seen.get(k)}; đã thêm mã vào tên`,
      });
      c.name = `${c.name} (${c.code})`;
    } else seen.set(k, c.code);
  }
  const used = groups.filter((g) => criteria.some((c) => c.group === g.code));
  for (const g of groups)
    if (!used.includes(g))
      notes.push({
        row: g.row + 1,
        kind: 'skipped',
        message: `nhóm ${g.code} “${g.name}” không có chỉ tiêu nào; bỏ qua`,
      });
  if (criteria.length === 0) {
    notes.push({ row: null, kind: 'skipped', message: 'Không đọc được chỉ tiêu nào trong bảng' });
    return { catalog: null, json: null, notes };
  }

  const base = opts.levelsFrom ?? defaultCatalog();
  const id = opts.id ?? (slug(title) || 'bo-tieu-chi');
  const province =
    opts.province ??
    /tỉnh\s+([A-ZĐÂ][^\s,.;]*(?:\s+[A-ZĐÂ][^\s,.;]*)*)/u.exec(titleRows.join(' '))?.[1] ??
    'Chưa ghi tỉnh';
  if (!opts.province && province === 'Chưa ghi tỉnh')
    notes.push({
      row: null,
      kind: 'guess',
      message: 'Bảng không ghi tên tỉnh: ghi “Chưa ghi tỉnh” (sửa trường "province")',
    });
  const json: Record<string, unknown> = {
    id,
    title,
    province,
    year,
    sources: [`Bảng tiêu chí "${grid.name}" (nhập bằng cds-check catalog import)`],
    notes: [
      `Nhập từ bảng tiêu chí; các cấp và chuỗi thẩm định lấy theo danh mục "${base.id}".`,
      ...notes
        .filter((n) => n.kind === 'guess')
        .map((n) => (n.row ? `Dòng ${n.row}: ${n.message}` : n.message)),
    ],
    groups: used.map(({ row: _row, ...g }) => g),
    criteria: criteria.map(({ row: _row, ...c }) => c),
    levels: base.levels,
    chains: base.chains,
    defaultChain: base.defaultChain,
  };
  const scored = criteria.filter((c) => c.points !== undefined);
  if (scored.length > 0) {
    for (const g of json.groups as CriterionGroup[]) {
      const own = criteria.filter(
        (c) =>
          c.group === g.code &&
          c.points !== undefined &&
          !criteria.some((p) => c.code.startsWith(`${p.code}.`)),
      );
      const sum = own.reduce((s, c) => s + (c.points ?? 0), 0);
      if (g.points !== undefined && Math.abs(g.points - sum) > 1e-6)
        notes.push({
          row: null,
          kind: 'guess',
          message: `nhóm ${g.code}: điểm tối đa ghi ${g.points} khác tổng các chỉ tiêu ${sum}; đã ghi ${sum}`,
        });
      if (sum > 0) g.points = sum;
      else delete g.points;
    }
    const total = (json.groups as CriterionGroup[]).reduce((s, g) => s + (g.points ?? 0), 0);
    if (total > 0) json.scoring = { total };
  }
  try {
    const catalog = loadCatalog(json);
    return { catalog, json, notes };
  } catch (e) {
    const problems = e instanceof CatalogError ? e.problems : [String(e)];
    for (const p of problems)
      notes.push({ row: null, kind: 'skipped', message: `Danh mục nhập được chưa hợp lệ: ${p}` });
    return { catalog: null, json, notes };
  }
}

/** "A12" of a note's row in the table's first column, for messages. */
export function noteCell(note: ImportNote): string {
  return note.row === null ? '' : toA1(note.row - 1, 0);
}
