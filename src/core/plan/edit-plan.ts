/**
 * A plan of cell edits: what the core wants written. Adapters apply it in one batch
 * (Office.js: one sync; ExcelJS: one pass). Addresses are A1 on a named sheet.
 */

export type CellEdit =
  /** Write a constant (number, text, boolean) with an optional number format. */
  | {
      op: 'set-value';
      sheet: string;
      cell: string;
      value: string | number | boolean | null;
      numberFormat?: string;
      /**
       * What a string `value` stands for when it is not text: 'date' (an ISO date, written as
       * a real date) or 'error' (an error value such as "#DIV/0!"). Used to restore cells.
       */
      kind?: 'date' | 'error';
    }
  /** Write a formula (without leading "="); `cached` is the value we expect it to compute. */
  | {
      op: 'set-formula';
      sheet: string;
      cell: string;
      formula: string;
      numberFormat?: string;
      cached?: string | number | boolean;
    }
  /** Set (replace) the note on a cell. `null` removes it. */
  | { op: 'set-note'; sheet: string; cell: string; text: string | null }
  /** Set the fill colour of a cell (RGB hex "FFC7CE"); `null` removes the fill. */
  | { op: 'set-fill'; sheet: string; cell: string; color: string | null }
  /** Bold / wrap / alignment for generated layouts. */
  | {
      op: 'set-style';
      sheet: string;
      cell: string;
      bold?: boolean;
      italic?: boolean;
      wrap?: boolean;
      align?: 'left' | 'center' | 'right';
      border?: boolean;
      /** Font of the cell ("Times New Roman") */
      fontName?: string;
      /** Font size in points */
      fontSize?: number;
    }
  /** Data validation list (e.g. Đạt / Không đạt). */
  | { op: 'set-validation-list'; sheet: string; cell: string; values: string[] }
  /** Merge a range "A1:H1". */
  | { op: 'merge'; sheet: string; range: string }
  /** Column width in characters. */
  | { op: 'set-column-width'; sheet: string; column: string; width: number }
  /** Add a sheet (after `after` if given). Fails if it exists. */
  | { op: 'add-sheet'; sheet: string; after?: string }
  /** Delete a sheet (undo of add-sheet); nothing happens when it does not exist. */
  | { op: 'delete-sheet'; sheet: string }
  /** Select a cell (pane: click on a finding). */
  | { op: 'select'; sheet: string; cell: string }
  /**
   * Conditional formatting: a data bar over a range of numbers ("F5:F170"), its length from
   * the range's minimum to its maximum, in `color` (RGB hex "63BE7B").
   */
  | { op: 'add-data-bar'; sheet: string; range: string; color: string }
  /**
   * Conditional formatting: cells of `range` whose value equals the text `equals` ("Đ")
   * get the fill `fill` (and the font colour `font`), RGB hex. Follows the cell when edited.
   */
  | {
      op: 'add-color-rule';
      sheet: string;
      range: string;
      equals: string;
      fill: string;
      font?: string;
    }
  /** Freeze the top `rows` rows and the left `columns` columns (0 = none) of a sheet. */
  | { op: 'freeze-panes'; sheet: string; rows: number; columns: number }
  /** Turn on the autofilter buttons over `range` (its first row is the header row). */
  | { op: 'set-autofilter'; sheet: string; range: string }
  /**
   * How the sheet prints (see PageSetup). `null` puts back the spreadsheet's defaults (undo
   * of a setup written on a sheet that had none). With `keepExisting`, a sheet that has a print
   * setup of its own (landscape, fitted, scaled, print titles or a footer) is left as it is:
   * a user's own page setup is never changed.
   */
  | { op: 'set-page-setup'; sheet: string; setup: PageSetup | null; keepExisting?: boolean }
  /**
   * Height of row `row` (1-based, as Excel numbers rows) in points; `null`: the row grows
   * with its content again (no fixed height).
   */
  | { op: 'set-row-height'; sheet: string; row: number; height: number | null };

/**
 * The print setup of a sheet, as an official document prints (Hướng dẫn 2142/STTTT-CNTT's
 * appendices: A4 landscape, one page wide, the header row repeated, page numbers).
 */
export interface PageSetup {
  /** Excel paper size code: 9 = A4 */
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  /**
   * Fit to this many pages wide and tall (0 = as many as needed). Absent: printed at `scale`.
   */
  fitToWidth?: number;
  fitToHeight?: number;
  /** Print scale in percent when not fitted (default 100) */
  scale?: number;
  /** Margins in inches */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  /** Rows repeated at the top of every printed page, 1-based, first and last: [5, 5] */
  printTitleRows?: [number, number];
  /** Centre footer with the spreadsheet's codes: "Trang &P/&N" (page P of N) */
  footer?: string;
  /** Centre the table between the left and right margins */
  horizontalCentered?: boolean;
}

export interface EditPlan {
  /** Vietnamese one-line description for the UI ("Điền 37 công thức…") */
  description: string;
  edits: CellEdit[];
  /** Vietnamese messages for things the plan deliberately did not do. */
  notes?: string[];
}

export function emptyPlan(description: string): EditPlan {
  return { description, edits: [] };
}
