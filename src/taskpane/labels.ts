/** Vietnamese texts of the pane (sheet kinds, severities, evidence statuses: src/core/model/labels.ts). */
import type { Severity } from '../core/model/findings';
import { SEVERITY_LABELS, kindLabel } from '../core/model/labels';

export { kindLabel, SEVERITY_LABELS };

export const UI = {
  title: 'Kiểm tra chuyển đổi số cấp xã',
  intro:
    'Bấm Kiểm tra để đối chiếu các phụ lục (PHỤ LỤC 01, 02, 03) và biểu mẫu minh chứng trong sổ làm việc với bộ tiêu chí; các ô có lỗi được tô màu và ghi chú ngay trên trang tính.',
  check: 'Kiểm tra',
  checking: 'Đang kiểm tra sổ làm việc…',
  clearMarks: 'Xoá đánh dấu',
  clearing: 'Đang xoá đánh dấu…',
  inserting: 'Đang chèn PHỤ LỤC 01 trống…',
  insertBlank: 'Chèn PHỤ LỤC 01 trống',
  selecting: 'Chọn ô',
  results: 'Kết quả kiểm tra',
  noFindings: 'Không có lỗi hay cảnh báo nào.',
  otherSheets: 'Trang tính không phải phụ lục hay biểu mẫu',
  general: 'Chung (không gắn với chỉ tiêu nào)',
  ratios: 'Tỷ lệ tính từ biểu mẫu',
  emptyTitle: 'Không tìm thấy phụ lục hay biểu mẫu nào',
  emptyBody: (sheets: number) =>
    `Đã xem ${sheets} trang tính nhưng không thấy bảng nào có hàng tiêu đề của PHỤ LỤC 01/02/03 (TT, Tên chỉ tiêu, Đơn vị tính, Chỉ tiêu, Kết quả, Đánh giá (Đạt/Không đạt), Tài liệu minh chứng) hay của các biểu mẫu minh chứng (Mẫu 1.4, 2.5, 2.6, 3.3, 4.1, 4.5).`,
  emptyOffer:
    'Có thể chèn mẫu PHỤ LỤC 01 chính thức (37 chỉ tiêu theo bộ tiêu chí) vào một trang tính mới để điền.',
  marked: (n: number) =>
    n > 0 ? `Đã tô màu và ghi chú ${n} ô trên bảng tính.` : 'Không có ô nào cần đánh dấu.',
  restoredOld: (n: number) => `Đã gỡ đánh dấu cũ của ${n} ô đã sửa xong.`,
  cleared: (n: number) => `Đã xoá đánh dấu, trả lại màu nền và ghi chú gốc của ${n} ô.`,
  counts: (s: { criteria: number; met: number; unmet: number; undetermined: number }) =>
    `Không đạt: ${s.unmet} · Chưa xác định: ${s.undetermined}`,
  findingCounts: (e: number, w: number, i: number) => {
    const parts: string[] = [];
    if (e) parts.push(`${e} lỗi`);
    if (w) parts.push(`${w} cảnh báo`);
    if (i) parts.push(`${i} thông tin`);
    return parts.length ? parts.join(', ') : 'Không có lỗi';
  },
  goTo: (sheet: string, cell: string) => `Chọn ô ${cell} trên trang tính ${sheet}`,
  rollup: 'Tổng hợp các xã',
  rollingUp: 'Đang tổng hợp các xã…',
  rollupNone:
    'Không có PHỤ LỤC 01/02/03 nào trong sổ làm việc để tổng hợp (mỗi xã một trang tính).',
  rollupAdded: (sheets: string[]) =>
    `Đã thêm ${sheets.map((s) => `“${s}”`).join(', ')}; các số đếm là công thức trên sheet ma trận: sửa một ô “Đ”/“K”/“?”, mọi tổng đổi theo.`,
  outsideTitle: 'Ngăn này cần chạy trong Excel.',
  outsideBody:
    'Trang đang mở trong trình duyệt, ngoài Excel, nên không đọc được sổ làm việc nào. Để kiểm tra tệp .xlsx mà không cần Excel (Excel 2016/2019, WPS, LibreOffice), hãy dùng trang kiểm tra trên tệp:',
  outsideLink: 'Mở trang kiểm tra trên tệp (cds-check.html)',
  /** The standalone page, published next to taskpane.html. */
  standalonePage: 'cds-check.html',
};

export function severityLabel(s: Severity): string {
  return SEVERITY_LABELS[s];
}
