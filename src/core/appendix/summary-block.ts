/**
 * The summary under an appendix table, as live formulas: per criteria group and overall,
 * the number of criteria met (COUNTIF of "Đạt" over the Đánh giá cells of the group — of the
 * mark "x" over the "Đạt" column when Đánh giá is split into mark columns), the
 * total (from the catalog) and the rate — the figures Mẫu 02/04 ask for ("đã hoàn thành
 * X/Y tiêu chí, tỷ lệ đạt …%").
 *
 * Its first line starts with "Tổng số", a phrase that ends an appendix table for the
 * recogniser, so the block is never read as continuation rows of the last criterion.
 */
import type { CellEdit } from '../plan/edit-plan';
import { a1, a1Range, str } from '../model/formula';
import { cellText, type GridView } from '../model/grid';
import { percentFormat } from '../model/convert-result';
import { MET_TEXT } from './verdict-formula';
import { formatNumberVi } from '../model/parse-value';

export const SUMMARY_TITLE = 'Tổng số tiêu chí đạt (tính bằng công thức)';
const HEADERS = ['Nhóm tiêu chí', 'Số tiêu chí đạt', 'Tổng số tiêu chí', 'Tỷ lệ đạt'];
const TOTAL_LABEL = 'Tổng cộng';

export interface SummaryGroup {
  /** "1. Chính quyền số" */
  label: string;
  /** 0-based rows the group counts: one Đánh giá cell per criterion (where its verdict is) */
  rows: number[];
  /** Number of criteria of the group in the catalog */
  total: number;
}

export interface SummaryInput {
  sheet: string;
  groups: SummaryGroup[];
  verdictCol: number;
  /** First row of the block (0-based) */
  startRow: number;
  /** Column of the labels; the three figures go in the next three columns */
  labelCol: number;
  /** What each Đánh giá cell will show once the plan is applied (for cached values) */
  verdictShown: (row: number) => string;
  /**
   * The texts COUNTIF counts as met in `verdictCol` (default ["Đạt"]); for a "Đạt" mark
   * column, the marks ("x" and any other mark typed there).
   */
  metTexts?: string[];
}

/** Number of rows the block takes. */
export function summaryHeight(groupCount: number): number {
  return groupCount + 4;
}

/** Runs of consecutive rows: [8,9,10,12] → [[8,10],[12,12]]. */
export function rowRuns(rows: number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** COUNTIF is case-insensitive and matches the whole cell. */
function countsAsMet(shown: string, metTexts: string[]): boolean {
  const s = shown.toLowerCase();
  return metTexts.some((t) => t.toLowerCase() === s);
}

/**
 * A text COUNTIF matches literally: not starting with a comparison operator, without the
 * wildcards * ? ~, not empty.
 */
export function countifLiteral(text: string): boolean {
  return text !== '' && !/^[<>=]/.test(text) && !/[*?~]/.test(text);
}

/** Distinct texts (case-insensitively, as COUNTIF compares), first spelling kept. */
function distinctTexts(texts: string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of texts) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()];
}

/** "Đã hoàn thành 36/37 tiêu chí, tỷ lệ đạt 97,3%" (what the sentence formula shows) */
export function summarySentence(met: number, total: number): string {
  const pct = total === 0 ? 0 : Math.round((met / total) * 1000) / 10;
  return `Đã hoàn thành ${met}/${total} tiêu chí, tỷ lệ đạt ${formatNumberVi(pct)}%`;
}

export function summaryEdits(input: SummaryInput): CellEdit[] {
  const { sheet, verdictCol, labelCol } = input;
  const metTexts = distinctTexts((input.metTexts ?? [MET_TEXT]).filter(countifLiteral));
  const edits: CellEdit[] = [];
  const r0 = input.startRow;
  const cMet = labelCol + 1;
  const cTotal = labelCol + 2;
  const cRate = labelCol + 3;
  edits.push({ op: 'set-value', sheet, cell: a1(r0, labelCol), value: SUMMARY_TITLE });
  edits.push({ op: 'set-style', sheet, cell: a1(r0, labelCol), bold: true });
  HEADERS.forEach((h, i) => {
    const cell = a1(r0 + 1, labelCol + i);
    edits.push({ op: 'set-value', sheet, cell, value: h });
    edits.push({ op: 'set-style', sheet, cell, bold: true, border: true, wrap: true });
  });
  let metAll = 0;
  let totalAll = 0;
  const firstGroupRow = r0 + 2;
  input.groups.forEach((g, i) => {
    const r = firstGroupRow + i;
    const runs = rowRuns(g.rows);
    const met = runs.reduce((n, [top, bottom]) => {
      let k = 0;
      for (let row = top; row <= bottom; row++)
        if (countsAsMet(input.verdictShown(row), metTexts)) k++;
      return n + k;
    }, 0);
    metAll += met;
    totalAll += g.total;
    const countif =
      runs.length === 0 || metTexts.length === 0
        ? '0'
        : runs
            .flatMap(([top, bottom]) =>
              metTexts.map(
                (t) => `COUNTIF(${a1Range(top, verdictCol, bottom, verdictCol)},${str(t)})`,
              ),
            )
            .join('+');
    edits.push({ op: 'set-value', sheet, cell: a1(r, labelCol), value: g.label });
    edits.push({ op: 'set-formula', sheet, cell: a1(r, cMet), formula: countif, cached: met });
    edits.push({ op: 'set-value', sheet, cell: a1(r, cTotal), value: g.total });
    edits.push(rateEdit(sheet, r, cMet, cTotal, cRate, met, g.total));
    for (let c = labelCol; c <= cRate; c++)
      edits.push({ op: 'set-style', sheet, cell: a1(r, c), border: true });
  });
  const rt = firstGroupRow + input.groups.length;
  const lastGroupRow = rt - 1;
  edits.push({ op: 'set-value', sheet, cell: a1(rt, labelCol), value: TOTAL_LABEL });
  const sum = (c: number) =>
    input.groups.length === 0 ? '0' : `SUM(${a1Range(firstGroupRow, c, lastGroupRow, c)})`;
  edits.push({ op: 'set-formula', sheet, cell: a1(rt, cMet), formula: sum(cMet), cached: metAll });
  edits.push({
    op: 'set-formula',
    sheet,
    cell: a1(rt, cTotal),
    formula: sum(cTotal),
    cached: totalAll,
  });
  edits.push(rateEdit(sheet, rt, cMet, cTotal, cRate, metAll, totalAll));
  for (let c = labelCol; c <= cRate; c++)
    edits.push({ op: 'set-style', sheet, cell: a1(rt, c), bold: true, border: true });
  // The sentence of Mẫu 02/04, with a Vietnamese decimal comma whatever the locale.
  const rs = rt + 1;
  const pct = `SUBSTITUTE(ROUND(${a1(rt, cRate)}*100,1)&"",".",",")`;
  edits.push({
    op: 'set-formula',
    sheet,
    cell: a1(rs, labelCol),
    formula: `"Đã hoàn thành "&${a1(rt, cMet)}&"/"&${a1(rt, cTotal)}&" tiêu chí, tỷ lệ đạt "&${pct}&"%"`,
    cached: summarySentence(metAll, totalAll),
  });
  edits.push({ op: 'set-style', sheet, cell: a1(rs, labelCol), italic: true });
  return edits;
}

function rateEdit(
  sheet: string,
  r: number,
  cMet: number,
  cTotal: number,
  cRate: number,
  met: number,
  total: number,
): CellEdit {
  return {
    op: 'set-formula',
    sheet,
    cell: a1(r, cRate),
    formula: `IF(${a1(r, cTotal)}=0,0,${a1(r, cMet)}/${a1(r, cTotal)})`,
    numberFormat: percentFormat(1),
    cached: total === 0 ? 0 : met / total,
  };
}

/**
 * The last row of a table: layout.lastRow, or further down when a criterion's continuation
 * or sub-item rows reach below it (the summary block never goes over them).
 */
export function tableBottom(
  layout: { lastRow: number },
  rows: { row: number; continuationRows: number[]; subItemRows?: number[] }[],
): number {
  let bottom = layout.lastRow;
  for (const r of rows)
    for (const x of [r.row, ...r.continuationRows, ...(r.subItemRows ?? [])])
      if (x > bottom) bottom = x;
  return bottom;
}

/** True when the sheet already has a summary block written by us (below `fromRow`). */
export function hasSummaryBlock(view: GridView, fromRow: number, col?: number): boolean {
  for (const r of view.rowIndices) {
    if (r < fromRow) continue;
    for (const c of view.rowCells(r)) {
      if (col !== undefined && c.col !== col) continue;
      if (cellText(c).trim() === SUMMARY_TITLE) return true;
    }
  }
  return false;
}

/**
 * The first row ≥ `from` where a block of `height` rows × `width` columns from `leftCol`
 * is empty (no cell, no merge). Never beyond from + 10000.
 */
export function freeBlockRow(
  view: GridView,
  from: number,
  height: number,
  leftCol: number,
  width: number,
): number {
  const busy = (r: number) => {
    for (let c = leftCol; c < leftCol + width; c++) {
      const cell = view.raw(r, c);
      if (cell && (cellText(cell).trim() !== '' || cell.formula)) return true;
      if (view.mergeAt(r, c)) return true;
    }
    return false;
  };
  for (let start = from; start < from + 10000; start++) {
    let ok = true;
    for (let r = start; r < start + height; r++) {
      if (busy(r)) {
        ok = false;
        start = r; // continue after the busy row
        break;
      }
    }
    if (ok) return start;
  }
  return from + 10000;
}
