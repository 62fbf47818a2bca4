/** Vietnamese texts of the standalone page (shared texts come from src/core/labels.ts). */
export const WEB_UI = {
  title: 'Kiểm tra chuyển đổi số cấp xã trên tệp',
  privacy:
    'Trang này chạy hoàn toàn trên máy của bạn, không cần mạng: tệp không được gửi đi đâu và tệp gốc không bị sửa.',
  intro:
    'Chọn một hay nhiều tệp phụ lục (PHỤ LỤC 01/02/03, biểu mẫu minh chứng) để xem kết quả như lệnh cds-check validate, rồi tải về tệp đã điền công thức, tệp có phụ lục thẩm định hay tệp đánh dấu lỗi.',
  choose: 'Chọn tệp…',
  dropHere: 'hoặc kéo thả tệp .xlsx, .xls, .ods vào đây',
  dropActive: 'Thả tệp để mở',
  reading: (i: number, n: number, name: string) =>
    n > 1 ? `Đang đọc tệp ${i}/${n}: ${name}…` : `Đang đọc tệp ${name}…`,
  internalError: (name: string, why: string) =>
    `Lỗi nội bộ khi kiểm tra tệp "${name}": ${why.split('\n')[0]}`,
  unreadable: 'Không đọc được',
  close: 'Đóng tệp',
  closeAll: 'Đóng tất cả',
  files: (n: number) => `${n} tệp đang mở`,
  noAppendix: 'Không tìm thấy phụ lục hay biểu mẫu nào để kiểm tra.',
  downloads: 'Tải về',
  downloadFill: 'Tải tệp đã điền công thức',
  downloadAppraise: 'Tải tệp có phụ lục thẩm định',
  downloadMarks: 'Tải tệp đánh dấu lỗi',
  downloadReport: 'Tải báo cáo (Word)',
  downloadRollup: 'Tải bảng tổng hợp',
  /** A file holding several communes' appendices, one per sheet */
  downloadWorkbookRollup: 'Tải tệp có tổng hợp các xã trong tệp',
  templates: 'Mẫu trống',
  templateKind: 'Mẫu',
  downloadTemplate: 'Tải mẫu trống',
  chain: 'Chuỗi thẩm định',
  level: 'Cấp thẩm định',
  working: (what: string, name: string) => `${what}: đang xử lý "${name}"…`,
  downloaded: (name: string) => `Đã tạo tệp "${name}" (xem thư mục Tải về của trình duyệt).`,
  nothingWritten: 'Không có gì thay đổi: không tạo tệp.',
  chartTitle: 'Đạt / không đạt / chưa xác định theo nhóm',
  chartLegend: { met: 'Đạt', unmet: 'Không đạt', undetermined: 'Chưa xác định' },
  rollupTitle: 'Tổng hợp',
  rankTitle: 'Xếp hạng theo tỷ lệ tiêu chí đạt',
  rollupLevel: 'Tổng hợp theo',
  rollupEmpty: 'Không có phụ lục nào của cấp này trong các tệp đang mở: không tạo tệp.',
  rollupDone: (n: number) =>
    `Bảng tổng hợp ${n} xã/phường: Tổng hợp, Theo tiêu chí, Ma trận, Lỗi, Tệp khác.`,
  rollupSkipped: 'Không đưa vào tổng hợp',
  duplicateOf: (others: string[]) => `trùng tên với: ${others.join('; ')}`,
  table: {
    rank: 'Hạng',
    file: 'Tệp',
    commune: 'Xã',
    met: 'Đạt',
    rate: 'Tỷ lệ đạt',
    unmet: 'Không đạt',
    undetermined: 'Chưa xác định',
    errors: 'Lỗi',
  },
  previewTitle: (sheet: string, cell: string) => `Ô ${cell} trên trang tính "${sheet}"`,
  previewHint: 'Bấm vào một lỗi để xem dòng đó của bảng tính.',
  previewClose: 'Đóng xem trước',
  marksNone: 'Không có ô nào cần đánh dấu: không tạo tệp.',
  marksDone: (n: number) => `Đã tô màu và ghi chú ${n} ô trong tệp mới.`,
  originalKept: 'Tệp gốc không bị thay đổi.',
  /** The CLI's sentence (src/cli/commands/plan-io.ts readOnlyNote) for an .xls / .ods original. */
  readOnlyOriginal: (name: string, format: 'xls' | 'ods') =>
    `Tệp "${name}" (.${format}) chỉ được đọc, không bị sửa; kết quả được ghi vào một tệp .xlsx mới. Tệp gốc không bị thay đổi.`,
  noClear:
    'Trang này không sửa tệp gốc nên không có đánh dấu nào để xoá; tệp đánh dấu lỗi là một tệp mới.',
  reportPlaceholders: 'Các chỗ "…" (tô vàng) trong báo cáo là phần người soạn điền tiếp.',
  waitsFor: (what: string) => `${what}: chưa có trong bản này.`,
};
