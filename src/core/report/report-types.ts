/**
 * The report (Báo cáo) as data: what `cds-check report` and the pane's "Soạn báo cáo (Word)"
 * draft from an analysed appendix, before any file format. src/docx turns it into a .docx.
 * Texts are final Vietnamese; a `placeholder` run is what only a person can write ("…"),
 * shown so that nobody signs it unfilled.
 */

export type ReportForm = 'mau-01' | 'mau-02' | 'mau-04';

/** A piece of text in a paragraph. */
export interface ReportRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** To be written by a person (highlighted in the document) */
  placeholder?: boolean;
}

export type ReportBlock =
  /** A section heading: level 1 "I. …", level 2 "1. …", level 3 "1.1. …" */
  | { kind: 'heading'; level: 1 | 2 | 3; runs: ReportRun[] }
  /** A body paragraph (justified, first-line indent) */
  | { kind: 'paragraph'; runs: ReportRun[]; align?: 'center' | 'justify' }
  /** A "- …" line */
  | { kind: 'bullet'; runs: ReportRun[] };

export interface AppendixTableRow {
  kind: 'group' | 'criterion';
  cells: string[];
}

/** The appendix reproduced at the end of the report (a landscape section). */
export interface AppendixTable {
  /** "PHỤ LỤC 01", the subtitle, the commune line */
  titleLines: string[];
  /** Column titles, in the sheet's order */
  headers: string[];
  /** Relative column widths (characters, as the sheet's) */
  widths: number[];
  rows: AppendixTableRow[];
  /** "Đã hoàn thành 36/37 tiêu chí, tỷ lệ đạt 97,3%" */
  summary: string;
}

export interface ReportDocument {
  form: ReportForm;
  /** "Mẫu số 01" */
  formLabel: string;
  /** Issuing body, top left, one line each */
  issuer: ReportRun[][];
  /** "Số: …/BC-UBND" */
  number: ReportRun[];
  /** ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"] */
  motto: [string, string];
  /** "Hoàng Kim, ngày … tháng … năm 2023" */
  placeDate: ReportRun[];
  /** "BÁO CÁO" */
  title: string;
  /** The subject line(s) under the title */
  subject: ReportRun[];
  body: ReportBlock[];
  /** "Nơi nhận:" lines */
  recipients: ReportRun[][];
  /** Signature block lines ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), then the signer's name */
  signature: { lines: string[]; name: ReportRun[] };
  appendix: AppendixTable;
  /** Facts the document states, for programs and tests */
  facts: ReportFacts;
}

export interface ReportFacts {
  /** "Hoàng Kim" or null when the title rows name no commune */
  commune: string | null;
  district: string | null;
  year: number;
  met: number;
  total: number;
  /** met / total (0..1) */
  rate: number;
  /** "ĐẠT" / "KHÔNG ĐẠT" */
  result: 'ĐẠT' | 'KHÔNG ĐẠT';
  unmet: string[];
  undetermined: string[];
  missingEvidence: string[];
  /** Criteria whose result differs from the level below's (appraisal reports) */
  differs: string[];
  sheet: string;
}
