/** What the core returns for a workbook: per sheet, its kind, criteria, summary and findings. */
import type { Finding } from './findings';
import type { ParsedValue } from './value-types';

export type SheetKind =
  | 'phu-luc-01'
  | 'phu-luc-02'
  | 'phu-luc-03'
  | 'mau-1.4'
  | 'mau-2.5'
  | 'mau-2.6'
  | 'mau-3.3'
  | 'mau-4.1'
  | 'mau-4.5'
  /** A point-scored index sheet (Điểm tối đa / Điểm tự chấm), issue 14 */
  | 'dti'
  | 'unknown';

export type Verdict = 'met' | 'unmet' | 'undetermined';

/** Logical columns of an appendix table. */
export type ColumnRole =
  | 'tt'
  | 'name'
  | 'unit'
  | 'target'
  /** PL01's "Kết quả" / "Kết quả tự đánh giá của UBND cấp xã" */
  | 'result-commune'
  /** "Kết quả thẩm định của UBND cấp huyện" */
  | 'result-district'
  /** "Kết quả thẩm tra của Sở TTTT" */
  | 'result-province'
  | 'verdict'
  | 'evidence'
  | 'note';

/** Where the table sits on the sheet: the header row and the column of each role. */
export interface TableLayout {
  /** 0-based row of the (first) header row */
  headerRow: number;
  /** 0-based rows holding a repeated header (PDF paste), including headerRow */
  headerRows: number[];
  /** role → 0-based column */
  columns: Partial<Record<ColumnRole, number>>;
  /** Unknown extra columns kept and ignored: header text → column */
  extraColumns: { header: string; col: number }[];
  /** 0-based last row of the table (before a signature block / summary) */
  lastRow: number;
  /**
   * When the Đánh giá is split into two mark columns ("Đạt" | "Không đạt", an "x" in one of
   * them): their 0-based columns. `columns.verdict` is then the "Đạt" column.
   */
  verdictMarks?: { met: number; unmet: number };
}

/** One data row of an appendix, after continuation rows were merged into it. */
export interface CriterionRow {
  code: string;
  /** 0-based row of the row that holds the code */
  row: number;
  /** 0-based rows of continuation lines merged into this one */
  continuationRows: number[];
  /**
   * 0-based rows of sub-items listed under the criterion ("a)", "-", "1.8.1", or rows with a
   * verdict of their own): part of the table, not read as the criterion's values.
   */
  subItemRows?: number[];
  name: string;
  unit: string;
  /** Raw texts per role (the row's text joined with its continuation rows' text by a space) */
  texts: Partial<Record<ColumnRole, string>>;
  /**
   * The cell per role on the code row (or, when that is empty, the first non-empty cell of a
   * continuation row), so that numeric values, number formats, formulas and hyperlinks are kept.
   */
  cells: Partial<Record<ColumnRole, import('./grid').Cell>>;
}

/** A group row ("1 Chính quyền số"). */
export interface GroupRow {
  code: string;
  name: string;
  row: number;
}

export interface CriterionResult {
  code: string;
  /** 1-based row, as a user reads it */
  row: number;
  verdict: Verdict;
  /** The value the verdict rests on: a number (fraction for rates), a string or null */
  value: number | string | boolean | null;
  /** The catalog's target: a number (fraction) for rates, else its text */
  target: number | string | null;
  /** The parsed value (not in the JSON report) */
  parsed?: ParsedValue;
}

export interface RatioReport {
  label: string;
  numerator: number;
  denominator: number;
  value: number;
  cell: string;
  /** Ratio key (for form links), e.g. "smartphone" */
  key?: string;
  /** "rate": value = numerator/denominator; "count": value = numerator, denominator = 1 (forms). */
  kind?: 'rate' | 'count';
}

export interface SheetSummary {
  criteria: number;
  met: number;
  unmet: number;
  undetermined: number;
}

export interface SheetReport {
  name: string;
  kind: SheetKind;
  criteria: CriterionResult[];
  summary: SheetSummary;
  findings: Finding[];
  ratios: RatioReport[];
  /**
   * "A1:H40": the rows this report covers when the sheet holds several evidence forms (one
   * report per form, same sheet name); absent when the sheet holds one table.
   */
  range?: string;
  /** Recognition details for adapters and edit planners (not in the JSON report). */
  layout?: TableLayout;
  rows?: CriterionRow[];
  groups?: GroupRow[];
  /**
   * For a scoring sheet (kind 'dti'): its maximum, total as typed, total computed from the
   * items, per index (the roll-up ranks units by `total ?? computed`).
   */
  points?: import('../scoring/types').PointsSummary;
  /** For a scoring sheet: what was recognised (not in the JSON report). */
  scoring?: import('../scoring/types').ScoringRecognition;
}

/** What `recognizeAppendix` returns for a sheet that is a PHỤ LỤC 01/02/03. */
export interface AppendixRecognition {
  kind: 'phu-luc-01' | 'phu-luc-02' | 'phu-luc-03';
  layout: TableLayout;
  rows: CriterionRow[];
  groups: GroupRow[];
  /** Rows that look like data but could not be attached (0-based), for diagnostics. */
  strayRows: number[];
}

export interface WorkbookReport {
  sheets: SheetReport[];
}
