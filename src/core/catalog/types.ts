/**
 * Types of a criteria catalog (src/catalog/*.json). The catalog is data: criterion codes,
 * names, targets, evidence and the appraisal chain live in JSON, never in TypeScript.
 */

import type { CatalogScoring, ScoringRule } from './scoring';

export type { CatalogScoring, RatingBand, ScoringRule, ScoringStep } from './scoring';

/** What a criterion's target demands. */
export type Target =
  /** A minimum rate. `value` is a fraction (0.7 for 70 %). `text` as written ("70%"). */
  | {
      kind: 'min-rate';
      value: number;
      text: string;
      /**
       * True when the target says "trên X%" (above X %): the value must exceed `value`.
       * Absent/false: "đạt X%", "X% trở lên" — the value must reach `value`.
       */
      strict?: boolean;
    }
  /** A minimum count (e.g. at least 1 wifi point). */
  | { kind: 'min-count'; value: number; text: string }
  /** Yes/no: the thing must exist ("Có"). */
  | { kind: 'yes'; text: string }
  /**
   * A qualitative phrase ("Đáp ứng", "Sử dụng hiệu quả", "Cung cấp đầy đủ thông tin theo
   * quy định"). `accept` lists phrases (compared normalised) that satisfy it; a "Có" or a
   * positive phrase also satisfies it unless it is a negative ("Không", "Chưa").
   */
  | { kind: 'qualitative'; text: string; accept: string[] };

export interface CriterionGroup {
  /** "1" */
  code: string;
  /** "Chính quyền số" */
  name: string;
  /** Other spellings seen on group rows ("Hạ tầng và nền tảng số"). */
  aliases?: string[];
  /** Điểm tối đa of the group (an index of a scored set: "Nhận thức số", 100). */
  points?: number;
}

/** A link from a criterion's result to an evidence form's computed rate (issue: forms). */
export interface FormLink {
  /** Form kind, e.g. "mau-1.4" */
  form: string;
  /** Ratio key within the form, e.g. "computer" / "mailbox" / "smartphone". */
  ratio: string;
}

/** A dispatch (or a sector's guidance) that says which records prove a criterion. */
export interface EvidenceReference {
  /** Dispatch number as issued, "2579/SYT-VP"; absent when the guidance names only the issuer. */
  dispatch?: string;
  /** Date of the dispatch as written, "21/6/2023". */
  date?: string;
  /** Who issued it: "Sở Y tế", "Công an tỉnh", "ngành Công an". */
  issuer: string;
}

export interface Criterion {
  /** "1.6" */
  code: string;
  /** Group code, "1" */
  group: string;
  /** Official name (Tên chỉ tiêu) */
  name: string;
  /** Đơn vị tính, as in the official appendix ("%", "Văn bản", "Hệ thống"...) */
  unit: string;
  /** The yearly target */
  target: Target;
  /** Yêu cầu tiêu chí (requirement text, Hướng dẫn 2142/STTTT-CNTT) */
  requirement: string;
  /** Thành phần hồ sơ chứng minh: each required document */
  evidence: string[];
  /**
   * The documents of another department the guidance points to for this criterion's
   * evidence ("Hồ sơ, biểu mẫu theo hướng dẫn tại Công văn số 2579/SYT-VP … của Sở Y tế").
   * Their records are required like any listed document; the missing-evidence message names them.
   */
  evidenceReferences?: EvidenceReference[];
  /**
   * When true, an empty Tài liệu minh chứng cell is reported (missing-evidence). False only
   * when the guidance names no document at all.
   */
  evidenceRequired: boolean;
  /** The evidence form(s) the result is computed from, if any. */
  formLinks?: FormLink[];
  /** Why the catalog reads the source the way it does (ambiguous target, split rows...). */
  notes?: string;
  /**
   * Điểm tối đa, in a scored set. A scored criterion may leave out `unit`, `target`,
   * `requirement`, `evidence` and `evidenceRequired` (the loader fills "điểm", a target "Đạt",
   * its name, none, false).
   */
  points?: number;
  /** How its points are given (default: typed by the unit, checked against `points`). */
  scoring?: ScoringRule;
}

/** One level of the appraisal chain (commune self-assessment, district, province). */
export interface AppraisalLevel {
  /** Name used on the command line (`--level huyen`): "xa", "huyen", "tinh". */
  id: string;
  /** Vietnamese label: "UBND cấp xã" */
  label: string;
  /** Sheet kind produced / recognised for this level: "phu-luc-01", "phu-luc-02"... */
  sheetKind: string;
  /** Appendix title, "PHỤ LỤC 02" */
  appendixTitle: string;
  /** Subtitle line: "KẾT QUẢ THẨM ĐỊNH CÁC TIÊU CHÍ CHUYỂN ĐỔI SỐ CHO XÃ..." */
  subtitle: string;
  /** Header of this level's result column: "Kết quả thẩm định của UBND cấp huyện" */
  resultHeader: string;
  /** Default sheet name when generated */
  sheetName: string;
  /** How this level's report (Báo cáo) is headed and signed; defaults by position in the chain. */
  report?: LevelReport;
}

/**
 * The report a level writes with its appendix (Hướng dẫn 2142/STTTT-CNTT): Mẫu số 01 the
 * commune's self-assessment report, Mẫu số 02 the appraisal report, Mẫu số 04 the verification
 * report. In `issuer` and `actor`, "{xa}" / "{huyen}" stand for the commune / district read from
 * the appendix's title rows ("xã Hoàng Kim"), "{XA}" / "{HUYEN}" for the same in capitals.
 */
export interface LevelReport {
  form: 'mau-01' | 'mau-02' | 'mau-04';
  /** Issuing body, one line each, top left: ["ỦY BAN NHÂN DÂN", "{XA}"] */
  issuer: string[];
  /** Who reports, in sentences: "UBND {xa}", "Sở Thông tin và Truyền thông" */
  actor: string;
  /** Document code after "Số: …/": "BC-UBND", "BC-STTTT" */
  numberCode: string;
  /** Signature block lines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["GIÁM ĐỐC"] */
  signature: string[];
  /** Nơi nhận lines ("- UBND huyện (b/c);") */
  recipients?: string[];
}

/** When a commune is recognised as having completed the criteria ("Kết quả: ĐẠT"). */
export type CompletionRule =
  /** Every criterion of the catalog met */
  | { kind: 'all' }
  /** At least `value` (a fraction) of the criteria met */
  | { kind: 'min-rate'; value: number };

/** What every report of the catalog says (its legal basis, the completion rule). */
export interface CatalogReport {
  /** The opening "Thực hiện …" clause(s), without "Thực hiện" */
  basis: string[];
  completion?: CompletionRule;
}

export interface AppraisalChain {
  id: string;
  /** "Thanh Hóa 2023: xã → huyện → tỉnh" */
  label: string;
  /** Level ids in order, first is the self-assessment. */
  levels: string[];
}

export interface Catalog {
  /** "thanh-hoa-2023" */
  id: string;
  /** Human title */
  title: string;
  province: string;
  year: number;
  /** Source documents, by their own names and numbers */
  sources: string[];
  groups: CriterionGroup[];
  criteria: Criterion[];
  levels: AppraisalLevel[];
  chains: AppraisalChain[];
  /** Id of the chain used when none is chosen. */
  defaultChain: string;
  /** Decisions taken when building the catalog from its sources (Vietnamese). */
  notes?: string[];
  /** Report (Báo cáo) texts; absent: generic wording, every criterion must be met. */
  report?: CatalogReport;
  /** Present when the set is scored in points (a DTI index): total, rating bands… */
  scoring?: CatalogScoring;
}
