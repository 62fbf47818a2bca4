/**
 * Vietnamese texts of the appendix evaluation: every message a user reads about a criterion
 * is built here, so that wording stays in one place. Values are shown the Vietnamese way
 * (82,9%, 4.993) via parse-value's `formatRateVi` and `formatNumberVi`.
 */
import { formatNumberVi, formatRateVi } from './parse-value';
import type { EvidenceReference, Target } from '../catalog/types';
import type { SheetSummary, Verdict } from './report-types';
import type { ParsedValue } from './value-types';

/**
 * "theo hướng dẫn tại Công văn số 2579/SYT-VP của Sở Y tế" (dispatches joined by "và");
 * a reference naming only its issuer reads "theo hướng dẫn của ngành Công an".
 */
export function referralText(references: EvidenceReference[]): string {
  const dispatches = references
    .filter((r) => r.dispatch)
    .map((r) => `Công văn số ${r.dispatch} của ${r.issuer}`);
  const sectors = references.filter((r) => !r.dispatch).map((r) => `hướng dẫn của ${r.issuer}`);
  const parts: string[] = [];
  if (dispatches.length > 0) parts.push(`hướng dẫn tại ${dispatches.join(' và ')}`);
  parts.push(...sectors);
  return `theo ${parts.join(' và ')}`;
}

/** A parsed value as a person reads it in a message. */
export function showValue(v: ParsedValue): string {
  switch (v.kind) {
    case 'rate':
      return formatRateVi(v.value);
    case 'number':
      return formatNumberVi(v.value) + (v.unit ? ` ${v.unit}` : '');
    case 'error':
      return v.code;
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v.iso);
      return m ? `${m[3]}/${m[2]}/${m[1]}` : v.iso;
    }
    case 'empty':
      return '(trống)';
    default:
      return `“${v.raw.trim()}”`;
  }
}

/** A catalog target as a person reads it. */
export function showTarget(t: Target): string {
  if (t.kind === 'min-rate') return (t.strict ? 'trên ' : '') + formatRateVi(t.value);
  if (t.kind === 'min-count') return t.text.trim() || formatNumberVi(t.value);
  return `“${t.text}”`;
}

function quote(s: string): string {
  return `“${s.trim()}”`;
}

export function verdictLabel(v: Verdict): string {
  switch (v) {
    case 'met':
      return 'Đạt';
    case 'unmet':
      return 'Không đạt';
    default:
      return 'Chưa xác định';
  }
}

/** "Đạt 36/37 tiêu chí (97,3%)" */
export function summaryLineVi(s: SheetSummary): string {
  const share = s.criteria > 0 ? ` (${formatRateVi(s.met / s.criteria, 1)})` : '';
  return `Đạt ${s.met}/${s.criteria} tiêu chí${share}`;
}

export const msg = {
  missingCriterion: (code: string, name: string) =>
    `${code}: bảng không có dòng cho chỉ tiêu “${name}”`,

  duplicateCriterion: (code: string, firstRow: number) =>
    `${code}: chỉ tiêu ghi lặp lại (đã có ở dòng ${firstRow}); dòng này không được tính`,

  unknownCriterion: (code: string) =>
    `${code}: mã chỉ tiêu không có trong bộ tiêu chí; dòng này không được đánh giá`,

  missingResult: (code: string, levelLabel: string) => `${code}: chưa có ${levelLabel}`,

  missingResultWithLower: (code: string, levelLabel: string, lowerLabel: string, lower: string) =>
    `${code}: chưa có ${levelLabel} (${lowerLabel}: ${lower})`,

  formulaError: (code: string, errorCode: string) =>
    `${code}: kết quả là lỗi công thức ${errorCode}`,

  notARate: (code: string, value: ParsedValue, target: Target) =>
    `${code}: kết quả ${showValue(value)} không phải một tỷ lệ để so với chỉ tiêu ${showTarget(target)}`,

  notACount: (code: string, value: ParsedValue, target: Target) =>
    `${code}: kết quả ${showValue(value)} không phải một số lượng để so với chỉ tiêu ${showTarget(target)}`,

  notAnAnswer: (code: string, value: ParsedValue, target: Target) =>
    `${code}: kết quả ${showValue(value)} không cho biết có hay không (chỉ tiêu ${showTarget(target)})`,

  notApplicable: (code: string, value: ParsedValue, target: Target) =>
    `${code}: kết quả ghi ${showValue(value)}; chỉ tiêu ${showTarget(target)} cần có kết quả để đánh giá`,

  /** A date where a result belongs: Excel turns a typed fraction ("2/3") into a date. */
  dateResult: (code: string, value: ParsedValue) =>
    `${code}: kết quả là ngày tháng (${showValue(value)}), không phải một kết quả; có thể Excel đã tự đổi phân số (như “2/3”) thành ngày — hãy ghi lại dạng chữ, ví dụ “2/3 = 66,67%”`,

  /** A formula saved without its computed value (files written by some tools). */
  uncalculatedFormula: (code: string, formula: string) =>
    `${code}: kết quả là công thức =${formula} nhưng không đọc được giá trị đã tính (tệp lưu không kèm giá trị); hãy mở tệp bằng Excel, kiểm tra ô này rồi lưu lại`,

  noAcceptPhrase: (code: string, value: ParsedValue, target: Target) =>
    `${code}: kết quả ${showValue(value)} không nêu rõ đã đạt yêu cầu ${showTarget(target)}`,

  /** Why a result falls short, reused by unmet-target and verdict-mismatch. */
  belowTarget: (code: string, value: ParsedValue, target: Target) =>
    (value.kind === 'rate' || value.kind === 'number') &&
    (target.kind === 'min-count' || (target.kind === 'min-rate' && !target.strict))
      ? `${code}: kết quả ${showValue(value)} thấp hơn chỉ tiêu ${showTarget(target)}`
      : `${code}: kết quả ${showValue(value)} không đạt chỉ tiêu ${showTarget(target)}`,

  reachesTarget: (code: string, value: ParsedValue, target: Target) =>
    `${code}: kết quả ${showValue(value)} đạt chỉ tiêu ${showTarget(target)}`,

  noResult: (code: string) => `${code}: chưa có kết quả`,

  unreadableResult: (code: string, value: ParsedValue) =>
    `${code}: kết quả ${showValue(value)} không đọc được`,

  /** "<why> nhưng ghi Đạt" */
  verdictMismatch: (why: string, typed: string) => `${why} nhưng ghi ${typed.trim()}`,

  staleVerdictFormula: (code: string, formula: string, shown: string, computed: string) =>
    `${code}: công thức chưa được tính lại — ô Đánh giá =${formula} đang hiện ${shown.trim() === '' ? '(trống)' : `“${shown.trim()}”`} nhưng công thức tính ra ${computed === '' ? '(trống)' : `“${computed}”`} (tệp được lưu bằng chương trình không tính lại công thức); hãy mở tệp bằng Excel để tính lại rồi lưu`,

  unknownVerdict: (code: string, typed: string) =>
    `${code}: ô Đánh giá ghi ${quote(typed)}, cần ghi “Đạt” hoặc “Không đạt”`,

  bothMarks: (code: string) =>
    `${code}: đánh dấu cả hai cột “Đạt” và “Không đạt”; chỉ đánh dấu một cột`,

  missingVerdict: (code: string, computed: Verdict) =>
    `${code}: chưa ghi Đánh giá (theo kết quả: ${verdictLabel(computed)})`,

  ratioMismatch: (code: string, num: number, den: number, statedText: string, expected: string) =>
    `${code}: ${formatNumberVi(num)}/${formatNumberVi(den)} = ${expected}, không phải ${statedText}`,

  rateAbove100: (code: string, value: ParsedValue) =>
    `${code}: kết quả ${showValue(value)} vượt quá 100%`,

  rateBelow0: (code: string, value: ParsedValue) => `${code}: kết quả ${showValue(value)} là số âm`,

  ambiguousTarget: (code: string, raw: string, read: ParsedValue) =>
    `${code}: chỉ tiêu ghi ${quote(raw)} không có đơn vị; đã hiểu là ${showValue(read)}`,

  ambiguousResult: (code: string, raw: string, read: ParsedValue) =>
    `${code}: kết quả ghi ${quote(raw)} không có đơn vị; đã hiểu là ${showValue(read)}`,

  targetDiffers: (code: string, sheet: ParsedValue, target: Target) =>
    `${code}: chỉ tiêu trên bảng là ${showValue(sheet)}, bộ tiêu chí quy định ${showTarget(target)}`,

  missingEvidence: (code: string, evidence: string[], references: EvidenceReference[] = []) => {
    // A listed document that is the referral itself is said once, through the reference.
    const own = evidence
      .filter((e) => !references.some((r) => e.includes(r.dispatch ?? r.issuer)))
      .map((e) => e.trim().replace(/[.;]+$/, ''));
    const parts: string[] = [];
    if (own.length > 0) parts.push(`hồ sơ cần có: ${own.join('; ')}`);
    if (references.length > 0)
      parts.push(
        `${references.some((r) => r.dispatch) ? 'hồ sơ, biểu mẫu' : 'hồ sơ'} ${referralText(references)}`,
      );
    return parts.length > 0
      ? `${code}: chưa ghi tài liệu minh chứng (${parts.join('; ')})`
      : `${code}: chưa ghi tài liệu minh chứng`;
  },

  groupRowVerdict: (groupCode: string, groupName: string, typed: string) =>
    `Nhóm ${groupCode} (${groupName}): dòng nhóm ghi Đánh giá ${quote(typed)}; chỉ đánh giá từng chỉ tiêu`,

  appraisalDiffers: (
    code: string,
    levelLabel: string,
    value: ParsedValue,
    lowerLabel: string,
    lower: ParsedValue,
  ) => `${code}: ${levelLabel} ${showValue(value)} khác ${lowerLabel} ${showValue(lower)}`,
};

/** Fallback labels of the result columns, when the catalog's levels do not name them. */
export const RESULT_LABELS = {
  'result-commune': 'kết quả tự đánh giá của UBND cấp xã',
  'result-district': 'kết quả thẩm định của UBND cấp huyện',
  'result-province': 'kết quả thẩm tra của Sở TTTT',
} as const;
