/**
 * Recognise an appendix table (PHỤ LỤC 01/02/03) on any sheet, wherever it sits.
 *
 * 1. Header: the best-scoring row (column titles matched with `classifyHeader`) among the
 *    first non-empty rows; a two-row header (a merged "Kết quả" over "Tự đánh giá" /
 *    "Thẩm định") is combined with the row below. No header with a result column → null.
 * 2. Kind: from the result columns (commune → 01, commune + district → 02, province → 03);
 *    the title block above only decides what a bare "Kết quả" column is.
 * 3. Body: criterion rows (TT holds a code such as "1.10"), group rows ("1 Chính quyền số"),
 *    repeated headers (PDF paste) skipped and recorded, continuation rows (empty TT) merged
 *    into the criterion above; the table ends at a signature / summary block or a long gap.
 *
 * The catalog is used only for group names/aliases and known criterion codes.
 * Only rows that hold cells are visited (`view.rowIndices`), never 0..maxRow.
 */
import type { Catalog } from '../catalog/types';
import { cellText, type Cell, type GridView } from '../model/grid';
import {
  classifyHeader,
  headerKey,
  tableEndKind,
  RESULT_ROLES,
  ROLE_WEIGHT,
  titleLevel,
  type HeaderMatch,
} from './headers';
import type {
  AppendixRecognition,
  ColumnRole,
  CriterionRow,
  GroupRow,
  TableLayout,
} from '../model/report-types';
import { cleanText, matchKey } from '../model/text';

/** A header is chosen among this many non-empty rows from the first candidate. */
const HEADER_WINDOW = 60;
/** Non-empty rows searched for a first header candidate (a report may precede the table). */
const HEADER_SCAN_LIMIT = 3000;
/** More blank rows than this after the table's last row end it. */
const MAX_BLANK_GAP = 5;
/** Non-empty rows above the header read for the title ("PHỤ LỤC 02"). */
const TITLE_SCAN_ROWS = 15;
/** This many unattachable rows in a row (prose after the table) end it. */
const MAX_STRAYS_IN_A_ROW = 3;
/** Rows looked through after a table-ending text for criteria the table still lacks. */
const END_BLOCK_ROWS = 40;
/** A numbered row whose name is not a catalog group is a group row only when this short. */
const MAX_GROUP_NAME = 60;
/** A header names at least this many roles. */
const MIN_HEADER_ROLES = 3;

type Columns = Partial<Record<ColumnRole, number>>;

interface HeaderCell {
  col: number;
  text: string;
  match: HeaderMatch | null;
}

interface HeaderCandidate {
  /** [row] or [row, row + 1] for a two-row header */
  rows: number[];
  columns: Columns;
  /** Columns whose result title does not name a level ("Kết quả") */
  genericCols: number[];
  extraColumns: { header: string; col: number }[];
  minCol: number;
  maxCol: number;
  score: number;
}

const CODE_RE = /^(\d{1,2})[.,](\d{1,2})$/;
const LEADING_CODE_RE = /^(\d{1,2})[.,](\d{1,2})(?:[.):]|\s*[-–])?\s+(?=[\p{L}\d(“"])/u;
const GROUP_TT_RE = /^(\d{1,2}|[IVX]{1,6})(?:[.)]\s*|\s+|$)(.*)$/i;

function isBlank(c: Cell): boolean {
  return cellText(c).trim() === '' && !c.formula;
}

/** Text a person reads, as one line (NFC, single spaces). */
function lineText(c: Cell | undefined): string {
  return cleanText(cellText(c));
}

// ---------------------------------------------------------------- header

/** A cell of the row below a header candidate that can only be data, not a sub-header. */
function looksLikeData(c: Cell): boolean {
  if (c.kind === 'number' || c.kind === 'boolean' || c.kind === 'date') return true;
  const t = lineText(c).replace(/\.$/, '');
  return CODE_RE.test(t) || /^\d{1,2}$/.test(t) || /^[IVX]{1,6}$/.test(t) || t.length > 60;
}

function oneRowHeaderCells(view: GridView, r: number): HeaderCell[] {
  return view
    .rowCells(r)
    .filter((c) => !isBlank(c))
    .map((c) => {
      const text = lineText(c);
      return { col: c.col, text, match: classifyHeader(text) };
    });
}

/**
 * Header cells of rows r and r+1 combined: a parent title (possibly merged across several
 * columns, or written once over blank neighbours) joined with the sub-title below it.
 */
function twoRowHeaderCells(view: GridView, r: number): HeaderCell[] | null {
  const below = view.rowCells(r + 1).filter((c) => !isBlank(c));
  if (below.length === 0 || below.some(looksLikeData)) return null;
  const cols = new Set<number>();
  for (const c of view.rowCells(r)) {
    if (isBlank(c)) continue;
    const m = view.mergeAt(r, c.col);
    const right = m && m.top === r && m.left === c.col ? m.right : c.col;
    for (let k = c.col; k <= right; k++) cols.add(k);
  }
  for (const c of below) cols.add(c.col);
  const out: HeaderCell[] = [];
  let carry: string | null = null;
  let prevCol = -2;
  for (const col of [...cols].sort((a, b) => a - b)) {
    const top = view.get(r, col);
    // own text, or a title merged across from the left
    let parent = top && top.row === r ? lineText(top) : '';
    const child = lineText(view.raw(r + 1, col));
    // no merge recorded: a title written once over the sub-titles to its right
    if (!parent && child && carry !== null && prevCol === col - 1) parent = carry;
    carry = child && parent ? parent : null;
    prevCol = col;
    const text = parent && child ? `${parent} ${child}` : parent || child;
    if (!text) continue;
    const match =
      classifyHeader(text) ??
      (child ? classifyHeader(child) : null) ??
      (parent ? classifyHeader(parent) : null);
    out.push({ col, text, match });
  }
  return out;
}

/**
 * One verdict column per level ("Xã tự đánh giá (Đạt/Không đạt)" … "Huyện đánh giá (Đạt/Không
 * đạt)"): the sheet's own level is the last one, so the rightmost equally good verdict is read.
 */
function preferRightmostVerdict(
  cands: { col: number; match: HeaderMatch }[],
  picked: { role: ColumnRole; col: number }[],
  used: Set<number>,
): void {
  const chosen = picked.find((p) => p.role === 'verdict');
  if (!chosen) return;
  const best = cands.find((c) => c.col === chosen.col)!.match;
  const right = cands
    .filter(
      (c) =>
        c.match.role === 'verdict' &&
        c.col > chosen.col &&
        !used.has(c.col) &&
        c.match.quality === best.quality &&
        c.match.specificity === best.specificity,
    )
    .sort((a, b) => b.col - a.col)[0];
  if (!right) return;
  used.delete(chosen.col);
  used.add(right.col);
  chosen.col = right.col;
}

function yearOf(text: string): number {
  const years = [...text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  return years.length ? Math.max(...years) : 0;
}

/**
 * Results of several years ("Kết quả năm 2022" | "Kết quả năm 2023"): the latest is the one
 * assessed; targets of several years ("Chỉ tiêu năm 2023" | "… năm 2025"): the result's year.
 */
function preferYear(
  cands: { col: number; text: string; match: HeaderMatch }[],
  picked: { role: ColumnRole; col: number }[],
  used: Set<number>,
): void {
  const rivals = (p: { role: ColumnRole; col: number }) => {
    const own = cands.find((c) => c.col === p.col)!;
    return cands.filter(
      (c) =>
        c.match.role === p.role &&
        (c.col === p.col || !used.has(c.col)) &&
        c.match.quality === own.match.quality &&
        c.match.specificity === own.match.specificity,
    );
  };
  const move = (p: { role: ColumnRole; col: number }, col: number) => {
    used.delete(p.col);
    used.add(col);
    p.col = col;
  };
  let resultYear = 0;
  for (const p of picked) {
    if (!(RESULT_ROLES as readonly string[]).includes(p.role)) continue;
    const best = rivals(p).sort((a, b) => yearOf(b.text) - yearOf(a.text) || a.col - b.col)[0];
    if (best.col !== p.col && yearOf(best.text) > 0) move(p, best.col);
    resultYear = Math.max(resultYear, yearOf(best.text));
  }
  const target = picked.find((p) => p.role === 'target');
  if (target && resultYear > 0) {
    const same = rivals(target).find((c) => yearOf(c.text) === resultYear);
    if (same && same.col !== target.col) move(target, same.col);
  }
}

function assignRoles(cells: HeaderCell[]): Omit<HeaderCandidate, 'rows'> | null {
  const cands = cells.filter((c) => c.match).map((c) => ({ ...c, match: c.match! }));
  // "STT | Chỉ tiêu | …" without a name column: the column after TT is the name.
  if (!cands.some((c) => c.match.role === 'name')) {
    const tt = cands.find((c) => c.match.role === 'tt');
    const next = tt && cands.find((c) => c.col === tt.col + 1 && c.match.role === 'target');
    if (next) next.match = { ...next.match, role: 'name' };
  }
  cands.sort(
    (a, b) =>
      b.match.quality - a.match.quality ||
      b.match.specificity - a.match.specificity ||
      a.col - b.col,
  );
  const picked: { role: ColumnRole; col: number }[] = [];
  const genericCols: number[] = [];
  const used = new Set<number>();
  for (const c of cands) {
    if (picked.some((p) => p.role === c.match.role) || used.has(c.col)) continue;
    picked.push({ role: c.match.role, col: c.col });
    used.add(c.col);
    if (c.match.generic) genericCols.push(c.col);
  }
  preferRightmostVerdict(cands, picked, used);
  preferYear(cands, picked, used);
  const columns: Columns = {};
  for (const p of picked.sort((a, b) => a.col - b.col)) columns[p.role] = p.col;
  const roles = Object.keys(columns) as ColumnRole[];
  const hasResult = RESULT_ROLES.some((r) => columns[r] !== undefined);
  const qualifies =
    (columns.tt !== undefined || columns.name !== undefined) &&
    (hasResult || columns.target !== undefined) &&
    roles.length >= MIN_HEADER_ROLES;
  if (!qualifies) return null;
  const extraColumns = cells
    .filter((c) => !used.has(c.col))
    .map((c) => ({ header: c.text, col: c.col }))
    .sort((a, b) => a.col - b.col);
  const allCols = cells.map((c) => c.col);
  return {
    columns,
    genericCols,
    extraColumns,
    minCol: Math.min(...allCols),
    maxCol: Math.max(...allCols),
    score: roles.reduce((s, r) => s + ROLE_WEIGHT[r], 0),
  };
}

function headerCandidate(view: GridView, r: number): HeaderCandidate | null {
  const cells = oneRowHeaderCells(view, r);
  const single = assignRoles(cells);
  // Two rows only when the pair says more than either row alone (not a title over a header).
  if (cells.some((c) => c.match)) {
    const twoCells = twoRowHeaderCells(view, r);
    const double = twoCells ? assignRoles(twoCells) : null;
    const below = double ? assignRoles(oneRowHeaderCells(view, r + 1)) : null;
    // On a tie with the row alone, two rows win when they name more columns: a title merged
    // over sub-titles ("Kết quả thực hiện" over "Năm 2022" | "Năm 2023") is not one column.
    const named = (h: Omit<HeaderCandidate, 'rows'> | null) =>
      h ? Object.keys(h.columns).length + h.extraColumns.length : 0;
    if (
      double &&
      double.score > (below?.score ?? 0) &&
      (double.score > (single?.score ?? 0) ||
        (double.score === single?.score && named(double) > named(single)))
    )
      return { rows: [r, r + 1], ...double };
  }
  return single ? { rows: [r], ...single } : null;
}

function findHeader(view: GridView): HeaderCandidate | null {
  const rows = view.rowIndices;
  let best: HeaderCandidate | null = null;
  let stopAt = Math.min(rows.length, HEADER_SCAN_LIMIT);
  for (let i = 0; i < stopAt; i++) {
    const cand = headerCandidate(view, rows[i]);
    // a table without a result column (target assignment) is not an appendix: look further
    if (!cand || !RESULT_ROLES.some((role) => cand.columns[role] !== undefined)) continue;
    if (!best) stopAt = Math.min(stopAt, i + HEADER_WINDOW);
    if (!best || cand.score > best.score) best = cand;
  }
  return best;
}

/** Fill in TT / name columns a header left blank, next to the other one. */
function completeColumns(h: HeaderCandidate): Columns {
  const columns = { ...h.columns };
  const taken = new Set(Object.values(columns));
  if (columns.tt === undefined && columns.name !== undefined)
    // the column left of the name; without one, codes written in front of the names
    columns.tt = columns.name > 0 && !taken.has(columns.name - 1) ? columns.name - 1 : columns.name;
  if (columns.name === undefined && columns.tt !== undefined && !taken.has(columns.tt + 1))
    columns.name = columns.tt + 1;
  return columns;
}

// ---------------------------------------------------------------- verdict marks

/** A mark-column title: "Đạt" / "Không đạt" / "Chưa đạt", alone or under "Đánh giá". */
function markTitle(text: string): 'met' | 'unmet' | null {
  const key = headerKey(text)
    .replace(/^(ket qua danh gia|danh gia|xep loai)( |$)/, '')
    .trim();
  if (key === 'dat') return 'met';
  if (key === 'khong dat' || key === 'chua dat') return 'unmet';
  return null;
}

/**
 * The Đánh giá split into two mark columns: "Đạt" | "Không đạt" side by side, in the header
 * or in the row right under it (under a merged "Đánh giá"). The sub-header row then belongs to
 * the header. Null when the verdict is one column.
 */
function findVerdictMarks(
  view: GridView,
  header: HeaderCandidate,
  columns: Columns,
): { met: number; unmet: number; header: HeaderCandidate } | null {
  const last = header.rows[header.rows.length - 1];
  for (const r of [...header.rows, last + 1]) {
    const cells = view.rowCells(r).filter((c) => !isBlank(c));
    const below = !header.rows.includes(r);
    if (below && (cells.length === 0 || cells.some(looksLikeData))) continue;
    const met = cells.filter((c) => markTitle(lineText(c)) === 'met');
    const unmet = cells.filter((c) => markTitle(lineText(c)) === 'unmet');
    for (const m of met) {
      const u = unmet.find((x) => Math.abs(x.col - m.col) === 1);
      if (!u) continue;
      // not when the verdict is another column (a stray "Đạt" / "Không đạt" pair elsewhere)
      const v = columns.verdict;
      if (v !== undefined && v !== m.col && v !== u.col) {
        const merge = view.mergeAt(header.rows[0], v);
        const spans = (c: number) => !!merge && merge.left <= c && c <= merge.right;
        if (!spans(m.col) || !spans(u.col)) continue;
      }
      const extraColumns = header.extraColumns.filter((e) => e.col !== m.col && e.col !== u.col);
      const rows = below ? [...header.rows, r] : header.rows;
      return { met: m.col, unmet: u.col, header: { ...header, rows, extraColumns } };
    }
  }
  return null;
}

// ---------------------------------------------------------------- kind

function readTitleLevel(view: GridView, headerRow: number): 1 | 2 | 3 | null {
  const rows = view.rowIndices;
  let end = lowerBound(rows, headerRow);
  const start = Math.max(0, end - TITLE_SCAN_ROWS);
  let weak: 1 | 2 | 3 | null = null;
  for (; end > start; end--) {
    for (const c of view.rowCells(rows[end - 1])) {
      const t = titleLevel(cellText(c));
      if (t?.strong) return t.level;
      if (t && weak === null) weak = t.level;
    }
  }
  return weak;
}

function decideKind(
  columns: Columns,
  genericCols: number[],
  level: 1 | 2 | 3 | null,
): AppendixRecognition['kind'] | null {
  const commune = columns['result-commune'];
  const district = columns['result-district'];
  const province = columns['result-province'];
  if (commune !== undefined && district === undefined && province === undefined) {
    // A bare "Kết quả": whose result it is comes from the title.
    if (genericCols.includes(commune) && level === 2) {
      delete columns['result-commune'];
      columns['result-district'] = commune;
      return 'phu-luc-02';
    }
    if (genericCols.includes(commune) && level === 3) {
      delete columns['result-commune'];
      columns['result-province'] = commune;
      return 'phu-luc-03';
    }
    return 'phu-luc-01';
  }
  if (province !== undefined) return 'phu-luc-03';
  if (district !== undefined) return 'phu-luc-02';
  return null;
}

// ---------------------------------------------------------------- body

interface CodeContext {
  known: Set<string>;
  seen: Set<string>;
  prev: string | null;
}

/**
 * The criterion code in a TT cell, as a string ("1.10" stays "1.10"). A numeric cell 1.1
 * cannot tell "1.1" from "1.10": a format showing two decimals decides ("0.00" → "1.10");
 * otherwise (General, "0.0") it reads "1.1", unless "1.1" was already seen (or the previous
 * code was 1.9) and the catalog knows "1.10". A format never hides typed digits (1.11 under
 * "0.0" is "1.11").
 */
export function parseCriterionCode(cell: Cell | undefined, ctx?: CodeContext): string | null {
  if (!cell) return null;
  if (cell.kind === 'number' && typeof cell.value === 'number') {
    const v = cell.value;
    if (Number.isInteger(v) || v <= 0 || v >= 100) return null;
    // The value's own digits are what was typed (1.11 stays 1.11 even under a "0.0" format);
    // a format with more decimals only adds the zero a number cannot keep (1.1 → "1.10").
    const own = String(Math.round(v * 100) / 100);
    const ownDecimals = own.split('.')[1]?.length ?? 0;
    const shown = /0\.(0+)/.exec(cell.numberFormat ?? '')?.[1].length ?? 0;
    const text = shown > ownDecimals ? v.toFixed(Math.min(shown, 2)) : own;
    const m = CODE_RE.exec(text);
    if (!m) return null;
    const code = `${Number(m[1])}.${m[2]}`;
    if (ctx && m[2].length === 1) {
      const ten = `${code}0`;
      const prev = ctx.prev ? CODE_RE.exec(ctx.prev) : null;
      const afterNine = !!prev && prev[1] === m[1] && Number(prev[2]) >= Number(m[2]) * 10 - 1;
      if (ctx.known.has(ten) && !ctx.seen.has(ten) && (ctx.seen.has(code) || afterNine)) return ten;
    }
    return code;
  }
  if (cell.kind !== 'string') return null;
  const t = lineText(cell).replace(/[.)]$/, '');
  const m = CODE_RE.exec(t) ?? LEADING_CODE_RE.exec(t);
  return m ? `${Number(m[1])}.${m[2]}` : null;
}

/** "1.1. Xây dựng…" / "3.10 - Tỷ lệ…": a code written in front of the criterion's name. */
function leadingCode(cell: Cell | undefined): string | null {
  if (!cell || cell.kind !== 'string') return null;
  const m = LEADING_CODE_RE.exec(lineText(cell));
  return m ? `${Number(m[1])}.${m[2]}` : null;
}

function romanToInt(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  const u = s.toUpperCase();
  for (let i = 0; i < u.length; i++) {
    const cur = v[u[i]];
    const next = v[u[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** The catalog group a text names: exact name/alias, or (loose) containing it as words. */
function matchGroup(text: string, catalog: Catalog, loose: boolean) {
  const key = matchKey(text);
  if (!key) return null;
  let best: { code: string; len: number } | null = null;
  for (const g of catalog.groups) {
    for (const n of [g.name, ...(g.aliases ?? [])]) {
      const gk = matchKey(n);
      if (!gk) continue;
      const hit = key === gk || (loose && ` ${key} `.includes(` ${gk} `));
      if (hit && (!best || gk.length > best.len)) best = { code: g.code, len: gk.length };
    }
  }
  return best?.code ?? null;
}

function detectGroup(
  ttText: string,
  nameText: string,
  hasValues: boolean,
  catalog: Catalog,
): { code: string; name: string } | null {
  const m = ttText ? GROUP_TT_RE.exec(ttText) : null;
  if (m) {
    const name = cleanText(m[2] || nameText);
    if (!name || /^[\d\s().,]+$/.test(name)) return null;
    const code = matchGroup(name, catalog, true);
    if (code) return { code, name };
    if (hasValues || name.length > MAX_GROUP_NAME) return null;
    return { code: /^\d+$/.test(m[1]) ? String(Number(m[1])) : String(romanToInt(m[1])), name };
  }
  const text = ttText || nameText;
  const code = matchGroup(text, catalog, false);
  if (code) return { code, name: text };
  // lettered groups: "A" / "B." in TT and the group's name next to it
  if (/^[A-Z][.)]?$/.test(ttText)) {
    const lettered = matchGroup(nameText, catalog, true);
    if (lettered) return { code: lettered, name: cleanText(nameText) };
  }
  // no TT: the numbering written in the name cell ("III. XÃ HỘI SỐ", "1. Chính quyền số")
  const inName = !ttText ? GROUP_TT_RE.exec(nameText) : null;
  const rest = inName ? cleanText(inName[2]) : '';
  const named = rest ? matchGroup(rest, catalog, false) : null;
  return named ? { code: named, name: rest } : null;
}

/**
 * The cell a role reads on row r. A merge spilling in from another column (a name merged
 * across the unit column) is not this column's; on a continuation row neither is a merge
 * coming down from the row above (it was read there already).
 */
function roleCell(
  view: GridView,
  r: number,
  col: number | undefined,
  continuation: boolean,
): Cell | undefined {
  if (col === undefined) return undefined;
  const raw = view.raw(r, col);
  if (raw) return raw;
  const c = view.get(r, col);
  if (!c || c.col !== col) return undefined;
  return continuation ? undefined : c;
}

/**
 * A sub-item marker in the TT column under a criterion: "a)", "b.", "-", "+", "•", or a
 * third-level number "1.8.1". (Plain numbers "1)" stay group candidates.)
 */
function isSubItemMarker(tt: string): boolean {
  return /^(?:[a-zđ][.)]|[-–—+•*·∙]|\d{1,2}[.,]\d{1,2}[.,]\d{1,2}[.)]?)$/i.test(tt);
}

function isHeaderLike(cells: Cell[]): boolean {
  let matched = 0;
  for (const c of cells) if (classifyHeader(cellText(c))) matched++;
  return matched >= 2 && matched > cells.length - matched;
}

/** A row "(1) (2) (3) …" or "A B C …" numbering the columns under a header. */
function isColumnNumberRow(cells: Cell[]): boolean {
  return (
    cells.length >= 3 && cells.every((c) => /^\(?\s*(\d{1,2}|[A-Za-z])\s*\)?$/.test(lineText(c)))
  );
}

function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Body {
  rows: CriterionRow[];
  groups: GroupRow[];
  strayRows: number[];
  headerRows: number[];
  lastRow: number;
}

function readBody(
  view: GridView,
  catalog: Catalog,
  header: HeaderCandidate,
  columns: Columns,
): Body {
  const roles = (Object.keys(columns) as ColumnRole[]).filter((r) => r !== 'tt');
  const ttCol = columns.tt;
  const minCol = Math.min(header.minCol, ...Object.values(columns));
  const maxCol = Math.max(header.maxCol, ...Object.values(columns));
  const headerLast = header.rows[header.rows.length - 1];
  const body: Body = {
    rows: [],
    groups: [],
    strayRows: [],
    headerRows: [...header.rows],
    lastRow: headerLast,
  };
  const ctx: CodeContext = {
    known: new Set(catalog.criteria.map((c) => c.code)),
    seen: new Set(),
    prev: null,
  };
  let current: CriterionRow | null = null;
  /** Inside the sub-items of `current` (their continuation lines are theirs, not its). */
  let inSubItem = false;
  /** Row of a text that ends the table, while looking whether the table goes on after it. */
  let endAt: number | null = null;
  /** The criterion such a text would continue, and the TT-less lines since. */
  let endOf: CriterionRow | null = null;
  let endLines: number[] = [];
  let lastContent = headerLast;
  /** Rows since the last criterion that could not be attached (prose after the table). */
  let straysInARow = 0;
  const firstCols = Math.max(ttCol ?? minCol, columns.name ?? minCol);
  const endsTable = (c: Cell): boolean => {
    const kind = tableEndKind(cellText(c));
    return kind === 'anywhere' || (kind === 'first-columns' && c.col <= firstCols);
  };
  const mayEndTable = (c: Cell): boolean => tableEndKind(cellText(c)) === 'sentence';

  const startCriterion = (r: number, code: string, ttCell: Cell): CriterionRow => {
    const row: CriterionRow = {
      code,
      row: r,
      continuationRows: [],
      name: '',
      unit: '',
      texts: { tt: code },
      cells: { tt: ttCell },
    };
    for (const role of roles) {
      const cell = roleCell(view, r, columns[role], false);
      const t = lineText(cell);
      if (t) row.texts[role] = t;
      if (cell && (t || cell.formula)) row.cells[role] = cell;
    }
    row.name = row.texts.name ?? '';
    row.unit = row.texts.unit ?? '';
    return row;
  };

  const continueCriterion = (row: CriterionRow, r: number) => {
    for (const role of roles) {
      const cell = roleCell(view, r, columns[role], true);
      const t = lineText(cell);
      if (!t) continue;
      row.texts[role] = row.texts[role] ? `${row.texts[role]} ${t}` : t;
      if (!row.cells[role]) row.cells[role] = cell;
    }
    row.continuationRows.push(r);
    row.name = row.texts.name ?? '';
    row.unit = row.texts.unit ?? '';
  };

  const idx = view.rowIndices;
  for (let i = lowerBound(idx, headerLast + 1); i < idx.length; i++) {
    const r = idx[i];
    if (r - lastContent - 1 > MAX_BLANK_GAP) break;
    const inside = view
      .rowCells(r)
      .filter((c) => !isBlank(c) && c.col >= minCol && c.col <= maxCol);
    if (inside.length === 0) {
      // blank, or text outside the table's columns (a note far to the side / below)
      const outside = view.rowCells(r).some((c) => !isBlank(c));
      if (outside && r - lastContent > 2) break;
      continue;
    }
    const ttCell = roleCell(view, r, ttCol, false);
    const ttFromAbove = !!ttCell && ttCell.row < r;
    let code = ttCell && !ttFromAbove ? parseCriterionCode(ttCell, ctx) : null;
    let codeCell = ttCell;
    if (!code && columns.name !== ttCol) {
      // STT numbered 1, 2, 3… (or empty) and the code in front of the name ("1.1. Xây dựng…")
      const nameCell = roleCell(view, r, columns.name, false);
      const named = leadingCode(nameCell);
      if (named && ctx.known.has(named) && !ctx.seen.has(named)) {
        code = named;
        codeCell = nameCell;
      }
    }
    if (code && codeCell) {
      if (endAt !== null) {
        // after an end block: a code already read (or unknown) is another table
        if (ctx.seen.has(code) || !ctx.known.has(code)) break;
        // the "end" was a line of the table ("Chủ tịch UBND tỉnh ban hành…"): read it as such
        if (endOf) for (const pr of endLines) continueCriterion(endOf, pr);
        endAt = null;
      }
      inSubItem = false;
      current = startCriterion(r, code, codeCell);
      body.rows.push(current);
      ctx.seen.add(code);
      ctx.prev = code;
      lastContent = body.lastRow = r;
      straysInARow = 0;
      continue;
    }
    if (endAt !== null) {
      // inside the block that ends the table (signature, summary, next appendix)
      if (isHeaderLike(inside) || r - endAt > END_BLOCK_ROWS) break;
      if (!lineText(ttCell)) endLines.push(r);
      lastContent = r;
      continue;
    }
    if (inside.some((c) => endsTable(c))) break;
    if (inside.some((c) => mayEndTable(c))) {
      // A sentence starting like a signature ("Chủ tịch UBND xã ký…", "Quyết định ngày … tháng
      // … năm …") ends the table unless criteria the table still lacks follow: then it was a
      // line of the table (an evidence continuation).
      endAt = r;
      endOf = !lineText(ttCell) && !inSubItem ? current : null;
      endLines = [r];
      current = null;
      lastContent = r;
      continue;
    }
    if (isHeaderLike(inside)) {
      body.headerRows.push(r);
      lastContent = r;
      continue;
    }
    if (ttFromAbove) {
      // TT merged down from the code row: the same criterion continues here.
      if (current && current.row === ttCell.row) {
        continueCriterion(current, r);
        lastContent = body.lastRow = r;
      } else {
        body.strayRows.push(r);
        lastContent = r;
      }
      continue;
    }
    if (isColumnNumberRow(inside)) {
      lastContent = r;
      continue;
    }
    const ttText = lineText(ttCell);
    const nameText = lineText(roleCell(view, r, columns.name, false));
    const hasValues = (['unit', 'target', ...RESULT_ROLES] as ColumnRole[]).some(
      (role) => lineText(roleCell(view, r, columns[role], false)) !== '',
    );
    const subItem =
      !!current &&
      (isSubItemMarker(ttText) ||
        // no TT but a verdict of its own under a criterion that has one: an item, not a
        // continuation line (a PDF page break never splits a one-word verdict)
        (!ttText &&
          (inSubItem ||
            (!!current.texts.verdict &&
              lineText(roleCell(view, r, columns.verdict, false)) !== ''))));
    // (a group row without TT, "III. XÃ HỘI SỐ", is a group, whatever follows)
    if (subItem && current && !matchGroup(nameText, catalog, !ttText)) {
      (current.subItemRows ??= []).push(r);
      inSubItem = true;
      lastContent = body.lastRow = r;
      straysInARow = 0;
      continue;
    }
    const group = detectGroup(ttText, nameText, hasValues, catalog);
    if (group) {
      body.groups.push({ ...group, row: r });
      current = null;
      inSubItem = false;
      lastContent = r;
      continue;
    }
    if (!ttText && current) {
      continueCriterion(current, r);
      lastContent = body.lastRow = r;
      continue;
    }
    body.strayRows.push(r);
    current = null;
    inSubItem = false;
    lastContent = r;
    if (++straysInARow >= MAX_STRAYS_IN_A_ROW) break;
  }
  // Nothing after the last criterion belongs to the table (a report or form may follow).
  const end = body.lastRow;
  body.groups = body.groups.filter((g) => g.row <= end);
  body.strayRows = body.strayRows.filter((r) => r <= end);
  body.headerRows = body.headerRows.filter((r) => r <= end || header.rows.includes(r));
  return body;
}

// ---------------------------------------------------------------- entry point

/**
 * Recognise a PHỤ LỤC 01/02/03 table on a sheet. Null (not an error) when the sheet has no
 * appendix header with a result column, or no criterion row under it.
 */
export function recognizeAppendix(view: GridView, catalog: Catalog): AppendixRecognition | null {
  const found = findHeader(view);
  if (!found) return null;
  const columns = completeColumns(found);
  if (columns.tt === undefined) return null;
  const kind = decideKind(columns, found.genericCols, readTitleLevel(view, found.rows[0]));
  if (!kind) return null;
  const marks = findVerdictMarks(view, found, columns);
  const header = marks ? marks.header : found;
  if (marks) columns.verdict = marks.met;
  const body = readBody(view, catalog, header, columns);
  if (body.rows.length === 0) return null;
  const layout: TableLayout = {
    headerRow: header.rows[0],
    headerRows: body.headerRows,
    columns,
    extraColumns: header.extraColumns,
    lastRow: body.lastRow,
  };
  if (marks) layout.verdictMarks = { met: marks.met, unmet: marks.unmet };
  return { kind, layout, rows: body.rows, groups: body.groups, strayRows: body.strayRows };
}
