/**
 * headers.ts: which logical column a header cell names (every synonym officials write, the
 * tricky pairs such as "Chỉ tiêu" vs "Tên chỉ tiêu" and "Kết quả" vs "Kết quả thẩm định"), the
 * phrases ending a table and the level a title names. Inputs: the header rows of seed 001's
 * blank PHỤ LỤC 01/02/03 and headers seen in filled appendices.
 */
import {
  RESULT_ROLES,
  ROLE_WEIGHT,
  classifyHeader,
  headerKey,
  isTableEndText,
  tableEndKind,
  titleLevel,
} from '../../../../src/core/appendix/headers';
import type { ColumnRole } from '../../../../src/core/model/report-types';
import { readSeedTable } from '../../../support/fixtures/tsv-grid';

const role = (text: string) => classifyHeader(text)?.role ?? null;

/** The header row (the line starting with "TT") of a seed table. */
function seedHeader(file: string): string[] {
  const line = readSeedTable(file)
    .split(/\r?\n/)
    .find((l) => l.startsWith('TT\t'));
  if (!line) throw new Error(`no header in ${file}`);
  return line.split('\t');
}

describe('classifyHeader on the seed 001 header rows', () => {
  it('PHỤ LỤC 01', () => {
    expect(seedHeader('blank-pl01.tsv').map(role)).toEqual([
      'tt',
      'name',
      'unit',
      'target',
      'result-commune',
      'verdict',
      'evidence',
      'note',
    ]);
  });

  it('PHỤ LỤC 02 (with the typo "Chi tiêu" of the original)', () => {
    const header = seedHeader('blank-pl02.tsv');
    expect(header).toContain('Chi tiêu');
    expect(header.map(role)).toEqual([
      'tt',
      'name',
      'unit',
      'target',
      'result-commune',
      'result-district',
      'verdict',
      'note',
    ]);
  });

  it('PHỤ LỤC 03', () => {
    expect(seedHeader('blank-pl03.tsv').map(role)).toEqual([
      'tt',
      'name',
      'unit',
      'target',
      'result-district',
      'result-province',
      'verdict',
      'note',
    ]);
  });
});

describe('classifyHeader: every synonym', () => {
  const cases: [string, ColumnRole][] = [
    ['TT', 'tt'],
    ['STT', 'tt'],
    ['Số TT', 'tt'],
    ['Số thứ tự', 'tt'],
    ['Thứ tự', 'tt'],
    ['Mã', 'tt'],
    ['Mã chỉ tiêu', 'tt'],
    ['Mã tiêu chí', 'tt'],
    ['Mã số', 'tt'],
    ['Tên chỉ tiêu', 'name'],
    ['Tên tiêu chí', 'name'],
    ['Nội dung', 'name'],
    ['Chỉ tiêu, nội dung', 'name'],
    ['Chỉ tiêu/tiêu chí', 'name'],
    ['Tiêu chí', 'name'],
    ['Nội dung chỉ tiêu', 'name'],
    ['Nội dung tiêu chí', 'name'],
    ['Đơn vị tính', 'unit'],
    ['ĐVT', 'unit'],
    ['Đơn vị', 'unit'],
    ['Đơn vị đo', 'unit'],
    ['ĐV tính', 'unit'],
    ['Chỉ tiêu', 'target'],
    ['Chi tiêu', 'target'],
    ['Mục tiêu', 'target'],
    ['Chỉ tiêu giao', 'target'],
    ['Chỉ tiêu được giao', 'target'],
    ['Kế hoạch', 'target'],
    ['Đánh giá', 'verdict'],
    ['Đạt/Không đạt', 'verdict'],
    ['Đạt hay không đạt', 'verdict'],
    ['Xếp loại', 'verdict'],
    ['Tài liệu minh chứng', 'evidence'],
    ['Tài liệu kiểm chứng', 'evidence'],
    ['Tài liệu chứng minh', 'evidence'],
    ['Minh chứng', 'evidence'],
    ['Hồ sơ minh chứng', 'evidence'],
    ['Hồ sơ chứng minh', 'evidence'],
    ['Đường dẫn minh chứng', 'evidence'],
    ['Link minh chứng', 'evidence'],
    ['File minh chứng', 'evidence'],
    ['Tệp minh chứng', 'evidence'],
    ['Ghi chú', 'note'],
    ['Tự đánh giá', 'result-commune'],
    ['Xã tự đánh giá', 'result-commune'],
    ['Thẩm định', 'result-district'],
    ['Huyện thẩm định', 'result-district'],
    ['Thẩm tra', 'result-province'],
    ['Tỉnh thẩm tra', 'result-province'],
    ['Sở thẩm tra', 'result-province'],
  ];

  it.each(cases)('%j → %s (exact phrase, quality 3)', (text, expected) => {
    const m = classifyHeader(text);
    expect(m?.role).toBe(expected);
    expect(m?.quality).toBe(3);
  });

  it.each(cases)('%j → %s in upper case, NFD and with extra spaces', (text, expected) => {
    expect(role(text.toUpperCase())).toBe(expected);
    expect(role(text.normalize('NFD'))).toBe(expected);
    expect(role(`  ${text.replace(/ /g, '   ')} `)).toBe(expected);
  });
});

describe('classifyHeader: the tricky pairs', () => {
  it('"Chỉ tiêu" is the target, "Tên chỉ tiêu" the name (the longer phrase wins)', () => {
    expect(role('Chỉ tiêu')).toBe('target');
    expect(role('Tên chỉ tiêu')).toBe('name');
    expect(role('Chỉ tiêu năm 2024')).toBe('target');
    expect(role('Chỉ tiêu, nội dung')).toBe('name');
    expect(role('Nội dung chỉ tiêu')).toBe('name');
  });

  it('"Kết quả" alone is the commune’s result, marked generic', () => {
    const m = classifyHeader('Kết quả');
    expect(m).toMatchObject({ role: 'result-commune', generic: true, quality: 1 });
    expect(classifyHeader('Kết quả thực hiện')).toMatchObject({
      role: 'result-commune',
      generic: true,
    });
    expect(classifyHeader('Kết quả thực hiện năm 2024')?.generic).toBe(true);
  });

  it('"Kết quả thẩm định" is the district’s, "Kết quả thẩm tra" the province’s, not generic', () => {
    const district = classifyHeader('Kết quả thẩm định');
    expect(district).toMatchObject({ role: 'result-district', quality: 2 });
    expect(district?.generic).toBeUndefined();
    expect(classifyHeader('Kết quả thẩm tra')).toMatchObject({ role: 'result-province' });
  });

  it('a result title names its level by whom it names', () => {
    expect(role('Kết quả tự đánh giá của UBND cấp xã')).toBe('result-commune');
    expect(role('Kết quả của xã')).toBe('result-commune');
    expect(role('Kết quả cấp huyện')).toBe('result-district');
    expect(role('Kết quả thẩm định của UBND cấp huyện')).toBe('result-district');
    expect(role('Kết quả thẩm tra của Sở TTTT')).toBe('result-province');
    // two tiers (2025): the province "thẩm định" the commune's result
    expect(role('Kết quả thẩm định của Sở KH&CN')).toBe('result-province');
    expect(role('Kết quả thẩm định của UBND tỉnh')).toBe('result-province');
  });

  it('"Kết quả đánh giá" without a level is the verdict', () => {
    expect(role('Kết quả đánh giá')).toBe('verdict');
    expect(role('Kết quả đánh giá (Đạt/Không đạt)')).toBe('verdict');
  });

  it('a title offering the two verdicts is the verdict, whoever writes it', () => {
    expect(role('Đánh giá (Đạt/Không đạt)')).toBe('verdict');
    expect(role('Xã tự đánh giá (Đạt/Không đạt)')).toBe('verdict');
    expect(role('Huyện đánh giá (Đạt/Chưa đạt)')).toBe('verdict');
  });

  it('a verb alone names the level (weakest match)', () => {
    expect(classifyHeader('Sở KH&CN thẩm tra')).toMatchObject({
      role: 'result-province',
      quality: 1,
    });
    expect(role('UBND huyện thẩm định')).toBe('result-district');
  });

  it('titles about the appraisal that are not its result name nothing', () => {
    for (const t of ['Người thẩm định', 'Ý kiến thẩm tra', 'Ngày thẩm định', 'Cán bộ thẩm tra'])
      expect(classifyHeader(t)).toBeNull();
  });

  it('the two mark columns "Đạt" | "Không đạt" are not column titles by themselves', () => {
    expect(classifyHeader('Đạt')).toBeNull();
    expect(classifyHeader('Không đạt')).toBeNull();
  });

  it('a year is a target column ("Năm 2023"), a prefix phrase allows qualifiers', () => {
    expect(classifyHeader('Năm 2023')).toMatchObject({ role: 'target', quality: 3 });
    expect(role('Kế hoạch 2024')).toBe('target');
    expect(role('Ghi chú (nếu có)')).toBe('note');
    expect(role('Tài liệu minh chứng (đường dẫn)')).toBe('evidence');
  });

  it('a phrase without qualifiers allowed must be the whole cell', () => {
    expect(role('Tiêu chí')).toBe('name');
    expect(role('Tiêu chí chuyển đổi số')).toBeNull();
    expect(role('Xếp loại chung')).toBeNull();
  });

  it('line breaks and the column number under the title are ignored', () => {
    expect(role('TT\n(1)')).toBe('tt');
    expect(role('Tên\nchỉ tiêu')).toBe('name');
    expect(role('Kết quả\nthẩm định của\nUBND cấp huyện')).toBe('result-district');
    expect(role('Kết quả (5)')).toBe('result-commune');
    expect(role('Đánh giá\r\n(Đạt/Không đạt)')).toBe('verdict');
  });

  it('NFD input reads like NFC for the result titles too', () => {
    for (const t of ['Kết quả thẩm định của UBND cấp huyện', 'Kết quả thẩm tra của Sở TTTT'])
      expect(classifyHeader(t.normalize('NFD'))).toEqual(classifyHeader(t));
  });

  it('empty, unrelated or overlong text names nothing', () => {
    expect(classifyHeader('')).toBeNull();
    expect(classifyHeader('   ')).toBeNull();
    expect(classifyHeader('Người phụ trách')).toBeNull();
    expect(classifyHeader('1.6')).toBeNull();
    expect(classifyHeader(`Tên chỉ tiêu ${'rất dài '.repeat(20)}`)).toBeNull();
  });
});

describe('headerKey', () => {
  it('folds case, diacritics, đ, punctuation and dots', () => {
    expect(headerKey('TT.')).toBe('tt');
    expect(headerKey('Đánh giá (Đạt/Không đạt)')).toBe('danh gia dat khong dat');
    expect(headerKey('Số\u00a0TT')).toBe('so tt');
    expect(headerKey('Tỷ lệ %')).toBe('ty le %');
  });
});

describe('tableEndKind / isTableEndText', () => {
  it.each([
    ['CHỦ TỊCH', 'anywhere'],
    ['Người lập biểu', 'anywhere'],
    ['TM. ỦY BAN NHÂN DÂN', 'anywhere'],
    ['TM. ỦY BAN NHÂN DÂN XÃ HOÀNG KIM', 'anywhere'],
    ['Nơi nhận:', 'anywhere'],
    ['Độc lập - Tự do - Hạnh phúc', 'anywhere'],
    ['Hoàng Kim, ngày 15 tháng 12 năm 2023', 'anywhere'],
    ['ngày   tháng   năm 2023', 'anywhere'],
    ['Chủ tịch UBND xã ký ban hành Kế hoạch số 12/KH-UBND', 'sentence'],
    ['Quyết định ngày 12 tháng 3 năm 2023 của UBND', 'sentence'],
    ['Tổng số', 'first-columns'],
    ['Tổng cộng: 37 chỉ tiêu', 'first-columns'],
    ['Kết luận', 'first-columns'],
    ['Mẫu 1.4', 'first-columns'],
  ])('%j → %s', (text, kind) => {
    expect(tableEndKind(text)).toBe(kind);
    expect(isTableEndText(text)).toBe(true);
  });

  it.each(['1.6', 'Có', 'Xây dựng và tổ chức triển khai', '', 'Tổng hợp số liệu'])(
    '%j does not end a table',
    (text) => {
      expect(tableEndKind(text)).toBeNull();
      expect(isTableEndText(text)).toBe(false);
    },
  );
});

describe('titleLevel', () => {
  it.each([
    ['PHỤ LỤC 01', { level: 1, strong: true }],
    ['PHỤ LỤC 02', { level: 2, strong: true }],
    ['Phụ lục số 3', { level: 3, strong: true }],
    ['Phụ lục 1', { level: 1, strong: true }],
    ['CHI TIẾT TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ', { level: 1, strong: false }],
    [
      'KẾT QUẢ THẨM ĐỊNH CHI TIẾT THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ CHO XÃ',
      { level: 2, strong: false },
    ],
    ['KẾT QUẢ THẨM TRA CÁC TIÊU CHÍ CHUYỂN ĐỔI SỐ', { level: 3, strong: false }],
  ])('%j → %p', (text, expected) => {
    expect(titleLevel(text)).toEqual(expected);
    expect(titleLevel(text.normalize('NFD'))).toEqual(expected);
  });

  it('says nothing about other titles', () => {
    expect(titleLevel('PHỤ LỤC 04')).toBeNull();
    expect(titleLevel('BẢNG TỔNG HỢP')).toBeNull();
    expect(titleLevel('XÃ HOÀNG KIM, HUYỆN HOÀNG HÓA')).toBeNull();
  });
});

describe('RESULT_ROLES / ROLE_WEIGHT', () => {
  it('lists the three result levels, bottom up, each weighing like TT and name', () => {
    expect(RESULT_ROLES).toEqual(['result-commune', 'result-district', 'result-province']);
    for (const r of RESULT_ROLES) expect(ROLE_WEIGHT[r]).toBe(ROLE_WEIGHT.tt);
    expect(ROLE_WEIGHT.note).toBeLessThan(ROLE_WEIGHT.unit);
  });
});
