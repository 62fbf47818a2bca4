/**
 * The small grid shown when a finding is clicked (there is no Excel to jump to): the
 * table's header row, the finding's row and its neighbours, across the table's columns,
 * with the finding's cell marked. Pure: snapshot + report in, rows of display texts out.
 */
import {
  GridView,
  columnLetters,
  fromA1,
  type Cell,
  type SheetGrid,
  formatNumberVi,
  formatRateVi,
  type SheetReport,
} from '../core';

export interface PreviewCell {
  /** "E18" */
  address: string;
  text: string;
  /** The formula, when the cell holds one (shown as a tooltip). */
  formula?: string;
  highlighted: boolean;
}

export interface PreviewRow {
  /** 1-based, as Excel shows it */
  number: number;
  header: boolean;
  cells: PreviewCell[];
}

export interface GridPreview {
  sheet: string;
  cell: string;
  /** Column letters shown, left to right */
  columns: string[];
  rows: PreviewRow[];
}

/** A cell's value as a spreadsheet would show it (percent formats as "82,9%"). */
export function displayText(c: Cell | undefined): string {
  if (!c || c.value === null) return '';
  if (typeof c.value === 'number') {
    if (c.numberFormat && c.numberFormat.includes('%')) return formatRateVi(c.value, 2);
    return formatNumberVi(c.value, 4);
  }
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return c.value;
}

const MAX_COLUMNS = 8;

/** The columns to show: the table's (role columns, then extra ones), else around the cell. */
function previewColumns(report: SheetReport | undefined, col: number, maxCol: number): number[] {
  const layout = report?.layout;
  if (layout) {
    const cols = [
      ...Object.values(layout.columns).filter((c): c is number => typeof c === 'number'),
      ...layout.extraColumns.map((x) => x.col),
    ];
    const left = Math.min(...cols, col);
    const right = Math.max(...cols, col);
    if (right - left < MAX_COLUMNS * 2) {
      const all: number[] = [];
      for (let c = left; c <= right; c++) all.push(c);
      return all;
    }
  }
  const left = Math.max(0, col - 3);
  const right = Math.max(col + 3, Math.min(maxCol, left + MAX_COLUMNS - 1));
  const all: number[] = [];
  for (let c = left; c <= right; c++) all.push(c);
  return all;
}

/** The preview around `cell` ("E18") on `sheet`; `around` rows above and below. */
export function buildPreview(
  sheet: SheetGrid,
  report: SheetReport | undefined,
  cell: string,
  around = 1,
): GridPreview {
  const at = fromA1(cell);
  const view = new GridView(sheet);
  const columns = previewColumns(report, at.col, view.maxCol);
  const rowIndices: { row: number; header: boolean }[] = [];
  const header = report?.layout?.headerRow;
  if (header !== undefined && header < at.row - around)
    rowIndices.push({ row: header, header: true });
  for (let r = Math.max(0, at.row - around); r <= at.row + around; r++)
    rowIndices.push({ row: r, header: r === header });
  const rows: PreviewRow[] = rowIndices.map(({ row, header: isHeader }) => ({
    number: row + 1,
    header: isHeader,
    cells: columns.map((col) => {
      const c = view.get(row, col);
      const out: PreviewCell = {
        address: `${columnLetters(col)}${row + 1}`,
        text: displayText(c),
        highlighted: row === at.row && col === at.col,
      };
      if (c?.formula && view.raw(row, col) === c) out.formula = `=${c.formula}`;
      return out;
    }),
  }));
  return {
    sheet: sheet.name,
    cell: `${columnLetters(at.col)}${at.row + 1}`,
    columns: columns.map(columnLetters),
    rows,
  };
}
