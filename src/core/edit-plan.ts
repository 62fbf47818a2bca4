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
  | { op: 'set-autofilter'; sheet: string; range: string };

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
