import type { Cell } from '../../../../src/core/model/grid';
import {
  formatNumberVi,
  formatRateVi,
  isPercentUnit,
  parseCellValue,
  parseText,
  parseVietnameseNumber,
  percentFormatKind,
  percentToFraction,
} from '../../../../src/core/model/parse-value';
import type { ParsedValue } from '../../../../src/core/model/value-types';
import { readSeedTable } from '../../../support/fixtures/tsv-grid';

const PCT = { unit: '%' };

function cell(value: Cell['value'], kind: Cell['kind'], extra: Partial<Cell> = {}): Cell {
  return { row: 0, col: 0, kind, value, ...extra };
}

function rate(p: ParsedValue): Extract<ParsedValue, { kind: 'rate' }> {
  if (p.kind !== 'rate') throw new Error(`expected a rate, got ${JSON.stringify(p)}`);
  return p;
}

describe('parseVietnameseNumber', () => {
  it.each<[string, number]>([
    ['82,9', 82.9],
    ['0,5', 0.5],
    ['4.993', 4993],
    ['1.101', 1101],
    ['3.644', 3644],
    ['3.501', 3501],
    ['6.410', 6410],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['12.5', 12.5],
    ['12.55', 12.55],
    ['0.829', 0.829], // "0." cannot start a thousands group
    ['0.5715', 0.5715],
    ['1567', 1567],
    ['04', 4],
    ['0', 0],
    ['1234,56', 1234.56],
    ['1,234,567', 1234567],
    ['1,234.5', 1234.5],
    ['  82,9  ', 82.9],
    ['\u00a04.993\u00a0', 4993],
    ['\u200b14\u200b', 14],
    ['-5', -5],
    ['+5', 5],
    ['\u22123,5', -3.5],
    ['-1.234,5', -1234.5],
  ])('%j → %d', (text, expected) => {
    expect(parseVietnameseNumber(text)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'abc',
    '82,9%',
    '1.101/1567',
    '1.23.456', // group of 2 digits
    '1.2345.678',
    '01.234', // thousands group cannot start with 0
    '1,2,3',
    '1..2',
    '.5',
    '5.',
    ',5',
    '1 567',
    '4G',
    '--5',
    '- 5',
    '12e3',
    'Infinity',
    'NaN',
    '0x10',
    '1'.repeat(400), // not a finite number
  ])('%j → null', (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });

  it('returns null for a non-string without throwing', () => {
    expect(parseVietnameseNumber(42 as unknown as string)).toBeNull();
    expect(parseVietnameseNumber(null as unknown as string)).toBeNull();
  });

  it('never yields -0', () => {
    expect(Object.is(parseVietnameseNumber('-0'), 0)).toBe(true);
  });
});

describe('parseText: rates', () => {
  it.each<[string, number]>([
    ['82,9%', 0.829],
    ['80,95 %', 0.8095],
    ['80,95%', 0.8095],
    ['75,15%', 0.7515],
    ['53,57%', 0.5357],
    ['57,69%', 0.5769],
    ['72,1%', 0.721],
    ['64,6%', 0.646],
    ['94,9%', 0.949],
    ['10,5%', 0.105],
    ['72,98%', 0.7298],
    ['34,9%', 0.349],
    ['29,6%', 0.296],
    ['70,26%', 0.7026],
    ['100 %', 1],
    ['100% ', 1],
    ['100%', 1],
    ['69%.', 0.69],
    ['60%.', 0.6],
    ['100%,', 1],
    ['75,15%.', 0.7515],
    ['98,1%.', 0.981],
    ['71,1%,', 0.711],
    ['(82,9%)', 0.829],
    ['đạt 70,26%', 0.7026],
    ['Đạt 100%', 1],
    ['đạt tỷ lệ 69%.', 0.69],
    ['đạt tỉ lệ 10,5%', 0.105],
    ['Tỷ lệ đạt 82,9%', 0.829],
    ['≥ 70%', 0.7],
    ['>=70%', 0.7],
    ['trên 90%', 0.9],
    ['Tối thiểu 50%', 0.5],
    ['Từ 70% trở lên', 0.7],
    ['50 phần trăm', 0.5],
    ['12.5%', 0.125],
    ['0,5%', 0.005],
    ['1.234,5%', 12.345],
    ['-5%', -0.05],
    ['72,1\\%', 0.721], // LaTeX escape left by PDF conversion
    ['82,9\uff05', 0.829], // full-width percent sign
  ])('%j → rate %d', (text, expected) => {
    const p = rate(parseText(text));
    expect(p.value).toBe(expected);
    expect(p.assumedUnit).toBeUndefined();
    expect(p.numerator).toBeUndefined();
    expect(p.raw).toBe(text);
  });

  it('reads an explicit percent even when the row unit is not %', () => {
    expect(rate(parseText('82,9%', { unit: 'Văn bản' })).value).toBe(0.829);
  });

  it('gives exact fractions, without binary noise', () => {
    expect(rate(parseText('82,9%')).value).toBe(0.829);
    expect(rate(parseText('57,15%')).value).toBe(0.5715);
  });
});

describe('parseText: ratios', () => {
  it.each<[string, number, number, string?]>([
    ['28/42', 28, 42],
    ['3.644/4.993', 3644, 4993],
    ['1.101/1.567', 1101, 1567],
    ['1.101/ 1567 hộ', 1101, 1567],
    ['3.420/4551 người', 3420, 4551],
    ['15/28 doanh nghiệp', 15, 28],
    ['1024/1024 hồ sơ', 1024, 1024],
    ['696/696 hồ sơ', 696, 696],
    ['11/11 chỉ tiêu', 11, 11],
    ['21/21', 21, 21],
    ['6/6 thôn', 6, 6],
    ['28 / 42', 28, 42],
    ['28/42.', 28, 42],
  ])('%j → %d/%d', (text, n, d) => {
    const p = rate(parseText(text));
    expect(p.numerator).toBe(n);
    expect(p.denominator).toBe(d);
    expect(p.value).toBe(n / d);
    expect(p.stated).toBeUndefined();
  });

  it.each<[string, number, number, number]>([
    ['3.420/4.551 = 57,15%', 3420, 4551, 0.5715],
    ['2/3 = 69%', 2, 3, 0.69],
    ['21/21, đạt 100%', 21, 21, 1],
    ['1.101/ 1567 hộ, đạt 70,26%.', 1101, 1567, 0.7026],
    ['1.101/ 1567 hộ, đạt 70,26%', 1101, 1567, 0.7026],
    ['34/42 đạt tỷ lệ 80,95%', 34, 42, 0.8095],
    ['34/42 đạt tỷ lệ 80,95% (có phụ lục kèm theo)', 34, 42, 0.8095],
    ['15/28 doanh nghiệp, đạt tỉ lệ 53,57%.', 15, 28, 0.5357],
    ['15/26 doanh nghiệp sử dụng nền tảng số, đạt tỉ lệ 57,69%', 15, 26, 0.5769],
    ['3.420/4551 người đạt 75,15%.', 3420, 4551, 0.7515],
    ['2260/3501 người đạt 64,6%', 2260, 3501, 0.646],
    ['3323/3501 người đạt 94,9%', 3323, 3501, 0.949],
    ['6.410/6.410 người, đạt tỷ lệ 100%', 6410, 6410, 1],
    ['367/3.501 người, đạt tỉ lệ 10,5%', 367, 3501, 0.105],
    ['3.644/4.993 đạt tỉ lệ 72,98%', 3644, 4993, 0.7298],
    ['1.221/3.501 người, đạt 34,9%', 1221, 3501, 0.349],
    ['1.037/3.501 người, đạt 29,6%', 1037, 3501, 0.296],
    ['421/592 hồ sơ đạt tỉ lệ 71,1%', 421, 592, 0.711],
    ['424/432 đạt tỷ lệ: 98,1%.', 424, 432, 0.981],
    ['1024/1024 hồ sơ = 100%.', 1024, 1024, 1],
    ['696/696 hồ sơ, đạt 100%.', 696, 696, 1],
    ['11/11 chỉ tiêu, đạt 100%', 11, 11, 1],
    ['$2.526/3.501 = 72,1\\%$', 2526, 3501, 0.721], // LaTeX left by PDF conversion
  ])('%j → %d/%d stated %d (not reconciled)', (text, n, d, stated) => {
    const p = rate(parseText(text));
    expect(p.numerator).toBe(n);
    expect(p.denominator).toBe(d);
    expect(p.value).toBe(n / d);
    expect(p.stated).toBe(stated);
    expect(p.raw).toBe(text);
  });

  it('keeps "2/3 = 69%" inconsistent: value is the ratio, stated is what was typed', () => {
    const p = rate(parseText('2/3 = 69%'));
    expect(p.value).toBeCloseTo(0.6667, 4);
    expect(p.stated).toBe(0.69);
  });

  it.each(['5/0', '0/0', '12/0 hộ', '3/0 = 50%'])('%j → #DIV/0!', (text) => {
    expect(parseText(text)).toEqual({ kind: 'error', raw: text, code: '#DIV/0!' });
  });

  it('a ratio in a % row stays a ratio (not assumed)', () => {
    const p = rate(parseText('28/42', PCT));
    expect(p.assumedUnit).toBeUndefined();
    expect(p.numerator).toBe(28);
  });

  it.each([
    '15/10/2023', // a date
    '4G/5G',
    '2/3 trường là trường Tiểu học và trường THCS', // a sentence
    '28/-42',
    '28/',
    '/42',
    '28/42%',
    '2/3 = 69',
  ])('%j is not a ratio', (text) => {
    expect(parseText(text).kind).toBe('text');
  });
});

describe('parseText: bare numbers and counts', () => {
  it.each<[string, number]>([
    ['50', 0.5],
    ['82.9', 0.829],
    ['82,9', 0.829],
    ['100', 1],
    ['4.993', 49.93],
    ['-5', -0.05],
  ])('%j in a %% row → rate %d, assumed unit', (text, expected) => {
    const p = rate(parseText(text, PCT));
    expect(p.value).toBe(expected);
    expect(p.assumedUnit).toBe(true);
  });

  it.each<[string, number]>([
    ['0,829', 0.829],
    ['0.5', 0.5],
    ['1', 1],
    ['0', 0],
  ])('%j in a %% row is a fraction, still assumed', (text, expected) => {
    const p = rate(parseText(text, PCT));
    expect(p.value).toBe(expected);
    expect(p.assumedUnit).toBe(true);
  });

  it.each(['%', '(%)', 'tỷ lệ %', 'Tỷ lệ (%)', 'Tỉ lệ', ' % ', 'tỷ lệ %'.normalize('NFD')])(
    'unit %j counts as percent',
    (unit) => {
      expect(isPercentUnit(unit)).toBe(true);
      expect(rate(parseText('50', { unit })).value).toBe(0.5);
    },
  );

  it.each(['Văn bản', 'Hệ thống', 'Điểm phát', '', 'Kênh giao tiếp', undefined])(
    'unit %j is not percent',
    (unit) => {
      expect(isPercentUnit(unit)).toBe(false);
      expect(parseText('50', { unit })).toEqual({ kind: 'number', value: 50, raw: '50' });
    },
  );

  it('bare numbers without context are numbers', () => {
    expect(parseText('4.993')).toEqual({ kind: 'number', value: 4993, raw: '4.993' });
    expect(parseText('82,9')).toEqual({ kind: 'number', value: 82.9, raw: '82,9' });
    expect(parseText(' 50 ')).toEqual({ kind: 'number', value: 50, raw: ' 50 ' });
  });

  it.each<[string, number, string]>([
    ['14 điểm', 14, 'điểm'],
    ['25 camera', 25, 'camera'],
    ['04 trạm', 4, 'trạm'],
    ['1 trạm', 1, 'trạm'],
    ['01 điểm', 1, 'điểm'],
    ['1 nền tảng', 1, 'nền tảng'],
    ['207 hộ', 207, 'hộ'],
    ['42 doanh nghiệp', 42, 'doanh nghiệp'],
    ['25 điểm.', 25, 'điểm'],
    ['04 trạm BTS', 4, 'trạm BTS'],
    ['1.024 hồ sơ', 1024, 'hồ sơ'],
  ])('%j → %d %s', (text, value, unit) => {
    expect(parseText(text)).toEqual({ kind: 'number', value, raw: text, unit });
    // a count stays a count in a % row
    expect(parseText(text, PCT)).toEqual({ kind: 'number', value, raw: text, unit });
  });

  it('keeps the unit in NFC for NFD input', () => {
    const p = parseText('14 điểm'.normalize('NFD'));
    expect(p).toMatchObject({ kind: 'number', value: 14, unit: 'điểm'.normalize('NFC') });
  });

  it.each(['4G', '14điểm', '100% CBCC có máy tính', '289 tin, bài', '2022-2025', 'Chưa đạt 50%'])(
    '%j is not a clean number',
    (text) => {
      expect(['text', 'no']).toContain(parseText(text).kind);
    },
  );
});

describe('parseText: yes / no / text / empty / error', () => {
  it.each([
    'Có',
    'có',
    'CÓ',
    'Có.',
    'x',
    'X',
    '✓',
    'co',
    'Có kênh Zalo, trang thông tin điện tử, HoangHoa S....',
    'Có sử dụng hiệu quả',
    'Có 14 điểm',
    'Đã có',
    'Có'.normalize('NFD'),
    'Có kênh Zalo'.normalize('NFD'),
  ])('%j → yes', (text) => {
    expect(parseText(text)).toEqual({ kind: 'yes', raw: text });
  });

  it.each([
    'Không',
    'không',
    'KHÔNG',
    'Không có',
    'Chưa',
    'Chưa có',
    'Chưa đạt',
    'Không đạt',
    'Chưa triển khai',
    'khong co',
    'Chưa có'.normalize('NFD'),
  ])('%j → no', (text) => {
    expect(parseText(text)).toEqual({ kind: 'no', raw: text });
  });

  it.each([
    'Đáp ứng',
    'Sử dụng hiệu quả',
    'Cung cấp đầy đủ thông tin theo quy định',
    'Đạt',
    'Cơ sở dữ liệu dân cư', // "Cơ" is not "Có"
    'Cô giáo',
    'Có/Không', // a header, not an answer
    'Không áp dụng',
    'Khongdat',
    'http://hoangkim.hoanghoa.tanhhoa.gov.vn',
    '*',
  ])('%j → text', (text) => {
    expect(parseText(text)).toEqual({ kind: 'text', raw: text, text });
  });

  it('text is cleaned NFC with collapsed spaces', () => {
    const input = '  Đáp\n  ứng\u00a0'.normalize('NFD');
    const p = parseText(input);
    expect(p).toEqual({ kind: 'text', raw: input, text: 'Đáp ứng' });
  });

  it.each(['', '   ', '\u00a0', '-', '—', '–', '...', '…', ' - ', '\n'])('%j → empty', (text) => {
    expect(parseText(text)).toEqual({ kind: 'empty', raw: text });
  });

  it.each(['#DIV/0!', '#REF!', '#VALUE!', '#N/A', '#NAME?', '#NUM!', '#n/a', ' #REF! '])(
    '%j → error',
    (text) => {
      const p = parseText(text);
      expect(p.kind).toBe('error');
      if (p.kind === 'error') expect(p.code).toBe(text.trim().toUpperCase());
    },
  );

  it('NFC and NFD parse identically', () => {
    for (const s of [
      'đạt 70,26%',
      '1.101/ 1567 hộ, đạt 70,26%',
      'Không có',
      'Chưa đạt',
      '14 điểm',
      'Đáp ứng',
      'Tỷ lệ đạt 82,9%',
      'Từ 70% trở lên',
      '2/3 = 69%',
    ]) {
      const a = parseText(s.normalize('NFC'), PCT);
      const b = parseText(s.normalize('NFD'), PCT);
      expect({ ...b, raw: '' }).toEqual({ ...a, raw: '' });
    }
  });
});

describe('parseCellValue', () => {
  it('undefined and empty cells are empty', () => {
    expect(parseCellValue(undefined)).toEqual({ kind: 'empty', raw: '' });
    expect(parseCellValue(cell(null, 'empty'))).toEqual({ kind: 'empty', raw: '' });
    expect(parseCellValue(cell(null, 'empty', { formula: 'A1' }))).toEqual({
      kind: 'empty',
      raw: '',
    });
  });

  it('string cells go through parseText', () => {
    expect(rate(parseCellValue(cell('82,9%', 'string'))).value).toBe(0.829);
    expect(parseCellValue(cell('Có', 'string')).kind).toBe('yes');
    expect(rate(parseCellValue(cell('50', 'string'), PCT)).assumedUnit).toBe(true);
  });

  it.each<[number, string, number]>([
    [0.829, '0%', 0.829],
    [0.829, '0.0%', 0.829],
    [0.5715, '0.00%', 0.5715],
    [1, '0%', 1],
    [0, '0.0%', 0],
    [0.829, '0.0%;[Red]-0.0%', 0.829],
  ])('numeric %d with %j format in a %% row → that fraction, no ambiguity', (v, fmt, expected) => {
    const p = rate(parseCellValue(cell(v, 'number', { numberFormat: fmt }), PCT));
    expect(p.value).toBe(expected);
    expect(p.assumedUnit).toBeUndefined();
  });

  it('raw shows the value as the format displays it, in Vietnamese', () => {
    expect(parseCellValue(cell(0.829, 'number', { numberFormat: '0.0%' })).raw).toBe('82,9%');
    expect(parseCellValue(cell(0.829, 'number', { numberFormat: '0%' })).raw).toBe('83%');
    expect(parseCellValue(cell(0.5715, 'number', { numberFormat: '0.00%' })).raw).toBe('57,15%');
    expect(parseCellValue(cell(4993, 'number', { numberFormat: '#,##0' })).raw).toBe('4.993');
    expect(parseCellValue(cell(82.9, 'number')).raw).toBe('82,9');
  });

  it('a percent-formatted cell is a rate even outside a % row', () => {
    expect(rate(parseCellValue(cell(0.829, 'number', { numberFormat: '0.0%' }))).value).toBe(0.829);
  });

  it('a literal-percent format ("0.0\\"%\\"") holds the percent number', () => {
    expect(percentFormatKind('0.0"%"')).toBe('literal');
    expect(percentFormatKind('0.0\\%')).toBe('literal');
    expect(percentFormatKind('0.0%')).toBe('scaled');
    expect(percentFormatKind('General')).toBeNull();
    expect(percentFormatKind(undefined)).toBeNull();
    const p = rate(parseCellValue(cell(82.9, 'number', { numberFormat: '0.0"%"' })));
    expect(p.value).toBe(0.829);
    expect(p.assumedUnit).toBeUndefined();
    expect(p.raw).toBe('82,9%');
  });

  it.each<[number, string | undefined, number]>([
    [82.9, undefined, 0.829],
    [82.9, 'General', 0.829],
    [50, 'General', 0.5],
    [100, '0', 1],
    [0.829, 'General', 0.829],
    [0.829, undefined, 0.829],
    [1, 'General', 1],
  ])('numeric %d (%j) in a %% row → rate %d with assumedUnit', (v, fmt, expected) => {
    const p = rate(parseCellValue(cell(v, 'number', { numberFormat: fmt }), PCT));
    expect(p.value).toBe(expected);
    expect(p.assumedUnit).toBe(true);
  });

  it('numeric cells outside a % row are numbers', () => {
    expect(parseCellValue(cell(4993, 'number'))).toEqual({
      kind: 'number',
      value: 4993,
      raw: '4.993',
    });
    expect(parseCellValue(cell(82.9, 'number'), { unit: 'Văn bản' })).toEqual({
      kind: 'number',
      value: 82.9,
      raw: '82,9',
    });
  });

  it('formula cells are read from their cached value', () => {
    const f = cell(0.7514831905075807, 'number', { formula: 'E5/E6', numberFormat: '0.00%' });
    const p = rate(parseCellValue(f, PCT));
    expect(p.value).toBe(0.7514831905075807);
    expect(p.raw).toBe('75,15%');
    const e = parseCellValue(cell('#DIV/0!', 'error', { formula: 'E5/E6' }));
    expect(e).toEqual({ kind: 'error', raw: '#DIV/0!', code: '#DIV/0!' });
  });

  it.each(['#DIV/0!', '#REF!', '#VALUE!', '#N/A'])('error cell %j', (code) => {
    expect(parseCellValue(cell(code, 'error'))).toEqual({ kind: 'error', raw: code, code });
  });

  it('an error cell without a code is #VALUE!', () => {
    expect(parseCellValue(cell(null, 'error'))).toMatchObject({ kind: 'error', code: '#VALUE!' });
  });

  it('date cells give their ISO value', () => {
    expect(parseCellValue(cell('2023-11-30T00:00:00.000Z', 'date'))).toEqual({
      kind: 'date',
      raw: '30/11/2023',
      iso: '2023-11-30T00:00:00.000Z',
    });
    // a serial number from an adapter that did not convert
    expect(parseCellValue(cell(45260, 'date'))).toMatchObject({
      kind: 'date',
      iso: '2023-11-30T00:00:00.000Z',
    });
  });

  it('boolean cells are yes / no', () => {
    expect(parseCellValue(cell(true, 'boolean'))).toEqual({ kind: 'yes', raw: 'TRUE' });
    expect(parseCellValue(cell(false, 'boolean'))).toEqual({ kind: 'no', raw: 'FALSE' });
  });

  it('rich text and hyperlinks arrive as their text', () => {
    const link = cell('http://hoangkim.hoanghoa.tanhhoa.gov.vn', 'string', {
      hyperlink: 'http://hoangkim.hoanghoa.tanhhoa.gov.vn',
    });
    expect(parseCellValue(link).kind).toBe('text');
    expect(parseCellValue(cell('Có kênh Zalo, trang thông tin điện tử', 'string')).kind).toBe(
      'yes',
    );
  });

  it('a non-finite number is a #NUM! error', () => {
    expect(parseCellValue(cell(Number.NaN, 'number'))).toMatchObject({
      kind: 'error',
      code: '#NUM!',
    });
  });

  it('tolerates a kind that disagrees with the value', () => {
    expect(rate(parseCellValue(cell('82,9%', 'number'))).value).toBe(0.829);
    expect(parseCellValue(cell(14, 'string'))).toMatchObject({ kind: 'number', value: 14 });
  });
});

describe('formatRateVi / formatNumberVi', () => {
  it.each<[number, number | undefined, string]>([
    [0.829, undefined, '82,9%'],
    [0.5715, undefined, '57,15%'],
    [1, undefined, '100%'],
    [0, undefined, '0%'],
    [0.7, undefined, '70%'],
    [0.8095, undefined, '80,95%'],
    [2 / 3, undefined, '66,67%'],
    [2 / 3, 0, '67%'],
    [2 / 3, 1, '66,7%'],
    [0.57155, undefined, '57,16%'], // half rounds up despite binary noise
    [0.70261646, 4, '70,2616%'],
    [12.345, undefined, '1.234,5%'],
    [-0.05, undefined, '-5%'],
    [-0.0000001, undefined, '0%'],
  ])('formatRateVi(%d, %j) → %j', (f, d, expected) => {
    expect(d === undefined ? formatRateVi(f) : formatRateVi(f, d)).toBe(expected);
  });

  it('returns "" for non-finite rates', () => {
    expect(formatRateVi(Number.NaN)).toBe('');
    expect(formatRateVi(Number.POSITIVE_INFINITY)).toBe('');
  });

  it.each<[number, string]>([
    [4993, '4.993'],
    [82.9, '82,9'],
    [1234567, '1.234.567'],
    [1234.5, '1.234,5'],
    [0.5, '0,5'],
    [999, '999'],
    [0, '0'],
    [-0, '0'],
    [-4993, '-4.993'],
    [1e21, '1.000.000.000.000.000.000.000'],
    [1.5e-7, '0,00000015'],
  ])('formatNumberVi(%d) → %j', (n, expected) => {
    expect(formatNumberVi(n)).toBe(expected);
  });

  it('formatNumberVi rounds to maxDecimals and drops trailing zeros', () => {
    expect(formatNumberVi(2 / 3, 2)).toBe('0,67');
    expect(formatNumberVi(82.9, 3)).toBe('82,9');
    expect(formatNumberVi(4993.4, 0)).toBe('4.993');
    expect(formatNumberVi(Number.NaN)).toBe('');
  });

  it('handles many decimals beyond double precision', () => {
    expect(formatNumberVi(123456.789, 20)).toBe('123.456,789');
    expect(formatRateVi(0.5, 20)).toBe('50%');
    expect(formatRateVi(0.829, 99)).toBe('82,9%'); // decimals clamped to 20
  });

  it('percentToFraction avoids binary noise', () => {
    expect(percentToFraction(82.9)).toBe(0.829);
    expect(percentToFraction(-57.15)).toBe(-0.5715);
  });
});

describe('the Hoàng Kim PHỤ LỤC 01 as typed (seed 004)', () => {
  // columns: TT, Tên chỉ tiêu, Đơn vị tính, Chỉ tiêu, Kết quả, Đánh giá, ...
  const rows = readSeedTable('hoang-kim-pl01.tsv')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((f) => /^\d+\.\d+$/.test(f[0]?.trim() ?? ''));
  const byCode = new Map(rows.map((f) => [f[0].trim(), f]));
  const read = (code: string, col: 3 | 4) => {
    const f = byCode.get(code);
    if (!f) throw new Error(`no row ${code}`);
    return parseText(f[col] ?? '', { unit: f[2] });
  };

  it('has the 37 criteria rows', () => {
    expect(byCode.size).toBe(37);
  });

  it('every target and result in a % row is a rate (or empty)', () => {
    for (const f of rows.filter((r) => r[2] === '%')) {
      for (const col of [3, 4] as const) {
        expect(read(f[0], col).kind).toBe('rate');
      }
    }
  });

  it('reads the results as officials typed them', () => {
    expect(rate(read('1.6', 4)).value).toBe(0.829);
    expect(rate(read('2.4', 4)).value).toBe(0.8095);
    expect(rate(read('3.8', 4)).value).toBe(0.69); // "69%."
    expect(rate(read('3.12', 4)).value).toBe(0.7026);
    expect(read('1.7', 4).kind).toBe('yes'); // "Có kênh Zalo, trang thông tin điện tử, HoangHoa S...."
    expect(read('1.8', 4)).toMatchObject({ kind: 'text', text: 'Sử dụng hiệu quả' });
    expect(read('4.2', 4)).toMatchObject({ kind: 'text', text: 'Đáp ứng' });
    expect(read('4.5', 4)).toMatchObject({ kind: 'number', value: 14, unit: 'điểm' });
    expect(read('4.6', 4)).toMatchObject({ kind: 'number', value: 25, unit: 'camera' });
    expect(read('1.11', 4).kind).toBe('empty'); // an empty result marked Đạt
  });

  it('flags the target written "50" without % (2.5) as an assumed unit', () => {
    const target = rate(read('2.5', 3));
    expect(target.value).toBe(0.5);
    expect(target.assumedUnit).toBe(true);
    expect(rate(read('2.6', 3)).assumedUnit).toBeUndefined();
  });

  it('reads yes/no and qualitative targets', () => {
    expect(read('1.1', 3).kind).toBe('yes');
    expect(read('1.8', 3).kind).toBe('yes'); // "Có sử dụng hiệu quả"
    expect(read('1.9', 3)).toMatchObject({
      kind: 'text',
      text: 'Cung cấp đầy đủ thông tin theo quy định',
    });
  });
});
