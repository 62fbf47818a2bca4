/**
 * The workbook snapshot the core reads. Adapters (ExcelJS in src/cli, Office.js in
 * src/excel) build it; the core never sees ExcelJS or Office objects.
 *
 * Sparse by design: only cells that hold something are listed, so a sheet whose used
 * range reaches row 1,000,000 because of one stray cell costs what its content costs.
 * Rows and columns are 0-based here; A1 addresses are produced by `toA1`.
 */
import type { PageSetup } from '../plan/edit-plan';

export type CellKind = 'empty' | 'string' | 'number' | 'boolean' | 'date' | 'error';

export interface Cell {
  /** 0-based row index */
  row: number;
  /** 0-based column index */
  col: number;
  kind: CellKind;
  /**
   * The value a spreadsheet shows (for a formula cell: its cached result).
   * string: the full text (rich-text runs joined); number; boolean;
   * date: ISO 8601 string; error: the error code such as "#DIV/0!"; empty: null.
   */
  value: string | number | boolean | null;
  /** Formula without the leading "=", when the cell holds one (shared formulas resolved). */
  formula?: string;
  /** Excel number format, e.g. "0.0%"; absent or "General" when none. */
  numberFormat?: string;
  /** Target of a hyperlink on the cell. */
  hyperlink?: string;
  /** Text of a note / comment on the cell. */
  note?: string;
  /** Fill colour as ARGB/RGB hex, when the adapter reads it (needed to restore marks). */
  fill?: string;
  /**
   * Font name of the cell's text ("Times New Roman", ".VnTime", "VNI-Times"), when the adapter
   * reads it: a TCVN3 / VNI font means the text was typed in that legacy encoding.
   */
  font?: string;
}

export interface MergedArea {
  /** 0-based, inclusive */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Non-empty cells, in any order. */
  cells: Cell[];
  merges: MergedArea[];
  /** True when the sheet is protected (writes will be refused). */
  protected?: boolean;
  /** 0-based position in the workbook. */
  index?: number;
  /** Column widths in characters by 0-based column, where the adapter reads them. */
  columnWidths?: Record<number, number>;
  /** Fixed row heights in points by 1-based row, where the adapter reads them. */
  rowHeights?: Record<number, number>;
  /**
   * The sheet's own print setup, present only when it has one (landscape, fitted, scaled,
   * print titles or a footer): `set-page-setup` with keepExisting leaves such a sheet alone.
   */
  pageSetup?: PageSetup;
}

export interface WorkbookSnapshot {
  /** File name or workbook title, for reports. */
  name?: string;
  sheets: SheetGrid[];
}

/** 0-based column index → letters (0 → A, 27 → AB). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (row, col) → "B12". */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B12" → { row: 11, col: 1 } (0-based). Absolute markers ($) are ignored. */
export function fromA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m || Number(m[2]) < 1) throw new Error(`Invalid A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Row-indexed view of a sparse sheet, with merged areas resolved: a cell covered by a
 * merge reads as the merge's top-left cell (flag `merged: true`).
 */
export class GridView {
  readonly sheet: SheetGrid;
  private readonly byRow = new Map<number, Map<number, Cell>>();
  private readonly mergeOf = new Map<string, MergedArea>();
  /** Sorted indices of rows that hold at least one cell. */
  readonly rowIndices: number[];
  readonly maxCol: number;

  constructor(sheet: SheetGrid) {
    this.sheet = sheet;
    let maxCol = -1;
    for (const c of sheet.cells) {
      if (c.kind === 'empty' && !c.formula) continue;
      let r = this.byRow.get(c.row);
      if (!r) this.byRow.set(c.row, (r = new Map()));
      r.set(c.col, c);
      if (c.col > maxCol) maxCol = c.col;
    }
    for (const m of sheet.merges) {
      // only index merges whose top-left holds content; others are visual only
      const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (area > 10000) continue; // pathological merge; read top-left only
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          this.mergeOf.set(`${r}:${c}`, m);
        }
      if (m.right > maxCol && this.byRow.get(m.top)?.has(m.left)) maxCol = m.right;
    }
    this.rowIndices = [...this.byRow.keys()].sort((a, b) => a - b);
    this.maxCol = maxCol;
  }

  /** The cell stored at (row, col), not following merges. */
  raw(row: number, col: number): Cell | undefined {
    return this.byRow.get(row)?.get(col);
  }

  /** The cell at (row, col), following a merge to its top-left cell. */
  get(row: number, col: number): Cell | undefined {
    const own = this.raw(row, col);
    if (own) return own;
    const m = this.mergeOf.get(`${row}:${col}`);
    return m ? this.raw(m.top, m.left) : undefined;
  }

  /** The merged area covering (row, col), if any (including its top-left). */
  mergeAt(row: number, col: number): MergedArea | undefined {
    const m = this.mergeOf.get(`${row}:${col}`);
    if (m) return m;
    return this.sheet.merges.find((a) => a.top === row && a.left === col);
  }

  /** Cells of one row, sorted by column. */
  rowCells(row: number): Cell[] {
    const r = this.byRow.get(row);
    if (!r) return [];
    return [...r.values()].sort((a, b) => a.col - b.col);
  }

  /** Display text of a cell ("" when empty), following merges. */
  text(row: number, col: number): string {
    const c = this.get(row, col);
    return cellText(c);
  }
}

/** Plain text of a cell as a person reads it ("" for empty). */
export function cellText(c: Cell | undefined): string {
  if (!c || c.value === null || c.value === undefined) return '';
  if (typeof c.value === 'string') return c.value;
  return String(c.value);
}
