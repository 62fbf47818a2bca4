import { communeFromText, communeFromTitleRows } from '../../../../src/core/report';
import type { SheetGrid } from '../../../../src/core/model/grid';

function grid(rows: string[][]): SheetGrid {
  const cells = rows.flatMap((r, row) =>
    r.map((value, col) => ({ row, col, kind: 'string' as const, value })).filter((c) => c.value),
  );
  return { name: 'PL', cells, merges: [] };
}

describe('communeFromText: the commune named in a title line', () => {
  it.each([
    ['XÃ HOÀNG KIM, HUYỆN HOẰNG HÓA', 'xã', 'Hoàng Kim', 'huyện Hoằng Hóa'],
    ['UBND XÃ CẨM BÌNH', 'xã', 'Cẩm Bình', undefined],
    ['ỦY BAN NHÂN DÂN XÃ HỢP THỊNH - HUYỆN HIỆP HÒA', 'xã', 'Hợp Thịnh', 'huyện Hiệp Hòa'],
    ['Phường Đông Sơn, thành phố Thanh Hóa', 'phường', 'Đông Sơn', 'thành phố Thanh Hóa'],
    ['THỊ TRẤN BÚT SƠN, HUYỆN HOẰNG HÓA, TỈNH THANH HÓA', 'thị trấn', 'Bút Sơn', 'huyện Hoằng Hóa'],
    [
      'KẾT QUẢ THẨM ĐỊNH CÁC TIÊU CHÍ CHUYỂN ĐỔI SỐ CHO XÃ HOẰNG LỘC NĂM 2023',
      'xã',
      'Hoằng Lộc',
      undefined,
    ],
    ['Xã Định Tân, thị xã Bỉm Sơn', 'xã', 'Định Tân', 'thị xã Bỉm Sơn'],
    // NFD as some writers save it
    ['XÃ HOÀNG KIM, HUYỆN HOẰNG HÓA'.normalize('NFD'), 'xã', 'Hoàng Kim', 'huyện Hoằng Hóa'],
  ])('%s', (line, unit, name, district) => {
    const c = communeFromText(line);
    expect(c).not.toBeNull();
    expect(c!.unit).toBe(unit);
    expect(c!.name).toBe(name);
    expect(c!.district ? `${c!.district.unit} ${c!.district.name}` : undefined).toBe(district);
  });

  it.each([
    'KẾT QUẢ THẨM ĐỊNH CHI TIẾT THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ CHO XÃ/PHƯỜNG/THỊ TRẤN.....',
    'CHI TIẾT TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ',
    'Bộ tiêu chí chuyển đổi số cấp xã năm 2023',
    'Hồ sơ đề nghị công nhận xã hoàn thành tiêu chí chuyển đổi số',
    'THỊ XÃ BỈM SƠN',
    'PHỤ LỤC 01',
  ])('names nobody: %s', (line) => {
    expect(communeFromText(line)).toBeNull();
  });
});

describe('communeFromTitleRows', () => {
  it('reads the line under the subtitle, above the header row only', () => {
    const g = grid([
      ['PHỤ LỤC 01'],
      ['CHI TIẾT TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ'],
      ['', 'XÃ HOÀNG KIM, HUYỆN HOÀNG HÓA'],
      ['TT', 'Tên chỉ tiêu'],
      ['1', 'UBND xã Khác'],
    ]);
    const c = communeFromTitleRows(g, 3);
    expect(c?.name).toBe('Hoàng Kim');
    expect(c?.row).toBe(2);
    expect(c?.line).toBe('XÃ HOÀNG KIM, HUYỆN HOÀNG HÓA');
    expect(communeFromTitleRows(grid([['PHỤ LỤC 01'], ['TT'], ['UBND XÃ A']]), 1)).toBeNull();
  });

  it('joins a name split over cells of one row', () => {
    const g = grid([['PHỤ LỤC 02'], ['UBND', 'XÃ QUẢNG', 'PHÚ']]);
    expect(communeFromTitleRows(g)?.name).toBe('Quảng Phú');
  });
});

describe('communeFromTitleRows beside the motto', () => {
  it('reads "UBND XÃ …" next to "Độc lập - Tự do - Hạnh phúc" on the same row', () => {
    const sheet = {
      name: 'PL01',
      index: 0,
      merges: [],
      cells: [
        { row: 0, col: 0, kind: 'string' as const, value: 'UBND HUYỆN HOẰNG HÓA' },
        { row: 0, col: 4, kind: 'string' as const, value: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
        { row: 1, col: 0, kind: 'string' as const, value: 'UBND XÃ HOẰNG ĐẠO' },
        { row: 1, col: 4, kind: 'string' as const, value: 'Độc lập - Tự do - Hạnh phúc' },
      ],
    };
    expect(communeFromTitleRows(sheet, 5)?.name).toBe('Hoằng Đạo');
  });
});
