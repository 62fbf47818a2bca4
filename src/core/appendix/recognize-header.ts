/**
 * Recognition, step 1: the header row of an appendix table (the best-scoring row of column
 * titles among the first non-empty rows, a two-row header combined with the row below) and
 * the "Đạt" | "Không đạt" mark columns that may stand for the verdict column.
 */
import { cellText, type Cell, type GridView } from '../model/grid';
import { classifyHeader, headerKey, RESULT_ROLES, ROLE_WEIGHT, type HeaderMatch } from './headers';
import type { ColumnRole } from '../model/report-types';
import { cleanText } from '../model/text';

/** A header is chosen among this many non-empty rows from the first candidate. */
const HEADER_WINDOW = 60;
/** Non-empty rows searched for a first header candidate (a report may precede the table). */
const HEADER_SCAN_LIMIT = 3000;
/** A header names at least this many roles. */
const MIN_HEADER_ROLES = 3;
export type Columns = Partial<Record<ColumnRole, number>>;

interface HeaderCell {
  col: number;
  text: string;
  match: HeaderMatch | null;
}

export interface HeaderCandidate {
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
export const CODE_RE = /^(\d{1,2})[.,](\d{1,2})$/;

export function isBlank(c: Cell): boolean {
  return cellText(c).trim() === '' && !c.formula;
}

/** Text a person reads, as one line (NFC, single spaces). */
export function lineText(c: Cell | undefined): string {
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

export function findHeader(view: GridView): HeaderCandidate | null {
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
export function completeColumns(h: HeaderCandidate): Columns {
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
export function findVerdictMarks(
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

export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
