/** Vietnamese labels for what the CLI prints. */
import type { Severity } from '../core/findings';
import type { SheetKind } from '../core/report-types';

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
  unknown: 'không nhận dạng được',
};

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
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
