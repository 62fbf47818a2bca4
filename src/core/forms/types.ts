/**
 * What the evidence-form reader produces: a recognised Mẫu (1.4, 2.5, 2.6, 3.3, 4.1, 4.5),
 * its list(s) of data rows and its summary lines, all as 0-based grid positions.
 */
import type { Cell } from '../model/grid';

export type FormKind = 'mau-1.4' | 'mau-2.5' | 'mau-2.6' | 'mau-3.3' | 'mau-4.1' | 'mau-4.5';

/**
 * How a column's content is read.
 * - `tick`: a mark (x, Có, 1, ✓…); anything unexpected is reported (mark-unclear).
 * - `tick-or-text`: a mark, or a description that means yes (Mẫu 2.6 lists the platforms used).
 * - `email`: an address written means yes; it is checked (invalid-email).
 * - `phone`: a Vietnamese phone number, checked (invalid-phone).
 * - `stt`, `name`, `text`, `note`: read as text.
 */
export type FormColumnKind =
  'stt' | 'name' | 'text' | 'phone' | 'tick' | 'tick-or-text' | 'email' | 'note';

/** One data row of a list. */
export interface FormRow {
  /** 0-based sheet row */
  row: number;
  /** Text of the STT/TT cell ("" when none) */
  stt: string;
  /** Text of the name column, trimmed ("" when none) */
  name: string;
  /** Cell per column id (undefined when empty) */
  cells: Record<string, Cell | undefined>;
}

/** A list (table) inside a form; Mẫu 4.1 has two. */
export interface FormList {
  /** List id from the definitions: "main", "fibre-boxes", "base-stations" */
  id: string;
  /** 0-based rows of the header (two for the two-level header of Mẫu 2.5) */
  headerRows: number[];
  /** 0-based row of the list heading ("1. Danh sách hộp cáp…"), when present */
  headingRow?: number;
  /** column id → 0-based column */
  columns: Record<string, number>;
  /** 0-based first row after the header (and after a column-numbering row) */
  firstRow: number;
  /** 0-based last row of the data area (before "Tổng cộng", summary lines or the next list); < firstRow when empty */
  lastRow: number;
  /** Rows holding entries (placeholder rows "..." and empty rows left out) */
  rows: FormRow[];
  /** 0-based row of the "Tổng cộng" line, when present */
  totalRow?: number;
}

/** A summary line ("- Tổng số CBCC của cơ quan: người.", "Tỷ lệ …:"). */
export interface SummaryLine {
  /** Ratio key the line states ("staff", "computer", …) */
  key: string;
  /** Text of the label as found (or the official label when the line is missing) */
  label: string;
  /** 0-based position of the label cell; absent when the line is missing from the sheet */
  labelRow?: number;
  labelCol?: number;
  /** 0-based position where the live figure is or should go (a separate cell right of the label) */
  valueRow: number;
  valueCol: number;
  /** Where the typed figure was found: the value cell, or the label cell itself ("Tỷ lệ …: 95,2%") */
  figureAt?: 'value' | 'label';
  /** The typed figure's text as read ("95,2%", "25") */
  figureText?: string;
  /** The typed figure: a fraction for rates, a number for counts; null when none or unreadable */
  figure: number | null;
  /** Decimals shown by the typed figure (for rounding tolerance), when known */
  figureDecimals?: number;
  /** The figure cell holds a formula */
  formula?: string;
  /** True when the line is not on the sheet (a planned position is given instead) */
  missing?: boolean;
}

export interface FormRecognition {
  kind: FormKind;
  /** Sheet name */
  sheet: string;
  /** 0-based row of the title ("Mẫu 1.4. …"), when found */
  titleRow?: number;
  title?: string;
  lists: FormList[];
  summaries: SummaryLine[];
  /** 0-based first row of the signature block, when found */
  signatureRow?: number;
  /**
   * "A1:H40": the rows of this form when the sheet holds several forms (each read within its
   * own rows); absent when the form is the sheet's only one.
   */
  range?: string;
}
