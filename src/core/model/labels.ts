/**
 * Vietnamese UI texts shared by the CLI, the task pane and the ribbon: sheet kinds,
 * severities, evidence statuses and the number formats they print. Pure (no I/O, no DOM).
 */
import type { Severity } from './findings';
import type { RatioReport, SheetKind } from './report-types';

export const KIND_LABELS: Record<SheetKind, string> = {
  'phu-luc-01': 'Phụ lục 01 – tự đánh giá cấp xã',
  'phu-luc-02': 'Phụ lục 02 – thẩm định cấp huyện',
  'phu-luc-03': 'Phụ lục 03 – thẩm tra cấp tỉnh',
  'mau-1.4': 'Mẫu 1.4 – cán bộ, công chức có máy tính và hộp thư điện tử công vụ',
  'mau-2.5': 'Mẫu 2.5 – doanh nghiệp sử dụng hợp đồng điện tử',
  'mau-2.6': 'Mẫu 2.6 – doanh nghiệp nhỏ và vừa sử dụng nền tảng số',
  'mau-3.3': 'Mẫu 3.3 – thuê bao di động thông minh có phần mềm an toàn thông tin',
  'mau-4.1': 'Mẫu 4.1 – hạ tầng cáp quang, di động 4G/5G đến hộ gia đình',
  'mau-4.5': 'Mẫu 4.5 – điểm wifi công cộng',
  dti: 'Bảng chấm điểm chỉ số chuyển đổi số (Điểm tối đa / Điểm tự chấm)',
  unknown: 'không nhận dạng được',
};

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** "mau-1.4" → "Mẫu 1.4" (the short name officials use for an evidence form). */
export function formShortLabel(kind: string): string {
  const m = /^mau-(.+)$/.exec(kind);
  return m ? `Mẫu ${m[1]}` : kindLabel(kind);
}

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  info: 'Thông tin',
};

/** 0.973 → "97,3%" (one decimal, dropped when zero). */
export function percentVi(fraction: number): string {
  if (!Number.isFinite(fraction)) return '';
  const s = (Math.round(fraction * 1000) / 10).toFixed(1).replace(/\.0$/, '').replace('.', ',');
  return `${s}%`;
}

/** 4993 → "4.993", 0.5 → "0,5" */
export function numberVi(n: number): string {
  const [i, f] = String(n).split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return f ? `${grouped},${f}` : grouped;
}

/**
 * A form's ratio as one line: "Tỷ lệ CBCC có máy tính/tổng số CBCC: 20/21 (95,2%)"; a count
 * ("Tổng số điểm công cộng có wifi: 12") has no denominator; an empty list says so.
 */
export function ratioLineVi(r: RatioReport): string {
  if (r.kind === 'count') return `${r.label}: ${numberVi(r.value)}`;
  const share = r.denominator > 0 ? percentVi(r.value) : 'chưa có ai trong danh sách';
  return `${r.label}: ${numberVi(r.numerator)}/${numberVi(r.denominator)} (${share})`;
}

/** How a criterion's Tài liệu minh chứng cell stands (src/core/appendix/evidence-status.ts). */
export type EvidenceStatusKind = 'present' | 'missing' | 'not-required' | 'differs';

export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatusKind, string> = {
  present: 'Có minh chứng',
  missing: 'Thiếu minh chứng',
  'not-required': 'Không yêu cầu',
  differs: 'Lệch với biểu mẫu',
};

/** The label of a status; "Lệch với Mẫu 1.4" when the differing form is known. */
export function evidenceStatusLabel(status: EvidenceStatusKind, form?: string): string {
  if (status === 'differs' && form) return `Lệch với ${formShortLabel(form)}`;
  return EVIDENCE_STATUS_LABELS[status];
}

export const EVIDENCE_UI = {
  title: 'Minh chứng theo chỉ tiêu',
  /** "4 có · 21 thiếu · 12 không yêu cầu · 1 lệch" (zero counts left out) */
  counts: (c: Record<EvidenceStatusKind, number>) => {
    const parts: string[] = [];
    if (c.present) parts.push(`${c.present} có`);
    if (c.missing) parts.push(`${c.missing} thiếu`);
    if (c.differs) parts.push(`${c.differs} lệch với biểu mẫu`);
    if (c['not-required']) parts.push(`${c['not-required']} không yêu cầu`);
    return parts.join(' · ');
  },
  goTo: (cell: string) => `Chọn ô minh chứng ${cell}`,
};
