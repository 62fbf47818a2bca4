/**
 * A commune plan's criteria table as officials type it (title rows, roman group rows, STT
 * restarting in each group, targets "trên 90%", "100%", "80% trở lên", "Có", "3", "Đáp ứng",
 * one target without a unit, one row without a target), and an appendix (PHỤ LỤC 01) made for
 * the catalog imported from it.
 */
import type { Typed } from './scoring-sheets';

export const PLAN_TABLE: Typed[][] = [
  ['UBND XÃ HỢP THỊNH', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['PHỤ LỤC'],
  ['CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ CỦA XÃ HỢP THỊNH, TỈNH BẮC GIANG NĂM 2024'],
  ['(Kèm theo Kế hoạch số 35/KH-UBND ngày 06/02/2024 của UBND xã)'],
  [],
  ['STT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu năm 2024', 'Tài liệu minh chứng'],
  ['(1)', '(2)', '(3)', '(4)', '(5)'],
  ['I', 'Phát triển chính quyền số'],
  [
    '1',
    'Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ',
    '%',
    'trên 90%',
    'Báo cáo của Bộ phận một cửa',
  ],
  ['2', 'Tỷ lệ hồ sơ được xử lý hoàn toàn trực tuyến', '%', 'Trên 60%'],
  ['3', 'Tỷ lệ văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử', '%', '100%'],
  ['4', 'Có Cổng thông tin điện tử thành phần của Cổng thông tin điện tử tỉnh', null, 'Có'],
  ['5', 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', '%', null],
  ['II', 'Phát triển kinh tế số'],
  ['1', 'Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử', '%', '80% trở lên'],
  ['2', 'Số sản phẩm OCOP tham gia sàn thương mại điện tử', 'Sản phẩm', '3'],
  ['3', 'Hỗ trợ doanh nghiệp, hợp tác xã chuyển đổi số', null, 'Đáp ứng'],
  ['III', 'Phát triển xã hội số'],
  ['1', 'Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng', '%', 'trên 90%'],
  ['2', 'Tỷ lệ dân số trưởng thành có tài khoản định danh điện tử', null, '90'],
  ['3', 'Tỷ lệ dân số trưởng thành có chữ ký số cá nhân', '%', 'trên 20%'],
  [],
  [null, 'Người lập biểu', null, 'TRƯỞNG BAN'],
];

/** The results a commune types for each imported code, and the verdict expected. */
export const PLAN_RESULTS: { code: string; result: Typed; verdict: 'met' | 'unmet' }[] = [
  { code: '1.1', result: '90%', verdict: 'unmet' }, // "trên 90%": 90% is not above
  { code: '1.2', result: '60,5%', verdict: 'met' },
  { code: '1.3', result: '100%', verdict: 'met' },
  { code: '1.4', result: 'Có', verdict: 'met' },
  { code: '2.1', result: '80%', verdict: 'met' }, // "80% trở lên": 80% reaches it
  { code: '2.2', result: '2 sản phẩm', verdict: 'unmet' },
  { code: '2.3', result: 'Đáp ứng', verdict: 'met' },
  { code: '3.1', result: '90,1%', verdict: 'met' },
  { code: '3.2', result: '89,9%', verdict: 'unmet' },
  { code: '3.3', result: '20%', verdict: 'unmet' },
];

/** A PHỤ LỤC 01 for the imported catalog, as a commune would type it. */
export function planAppendixRows(
  criteria: { code: string; group: string; name: string; unit: string; target: { text: string } }[],
  groups: { code: string; name: string }[],
): Typed[][] {
  const rows: Typed[][] = [
    ['PHỤ LỤC 01'],
    ['KẾT QUẢ TỰ ĐÁNH GIÁ CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ CỦA XÃ HỢP THỊNH NĂM 2024'],
    [],
    [
      'TT',
      'Tên chỉ tiêu',
      'Đơn vị tính',
      'Chỉ tiêu',
      'Kết quả tự đánh giá của UBND cấp xã',
      'Đánh giá',
      'Tài liệu minh chứng',
    ],
  ];
  for (const g of groups) {
    rows.push([g.code, g.name]);
    for (const c of criteria.filter((x) => x.group === g.code)) {
      const r = PLAN_RESULTS.find((x) => x.code === c.code);
      rows.push([
        c.code,
        c.name,
        c.unit,
        c.target.text,
        r?.result ?? null,
        null,
        'Báo cáo số 12/BC-UBND',
      ]);
    }
  }
  return rows;
}
