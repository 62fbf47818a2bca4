/**
 * QA regressions of the value parser: results as officials paste them from their report.
 */
import { parseText } from '../../src/core/model/parse-value';

const PCT = { unit: '%' };

describe('rates written inside a sentence or with a tail', () => {
  it.each([
    ['Tổng số 1.567 hộ, trong đó 1.101 hộ thanh toán, đạt 70,26%', 0.7026],
    ['Đạt tỷ lệ 82,9%.', 0.829],
    ['100% hồ sơ', 1],
    ['100% số CBCC', 1],
    ['82,9% - Đạt', 0.829],
    ['82,9%; Đạt', 0.829],
  ])('%j → rate %d', (text, value) => {
    const p = parseText(text, PCT);
    expect(p.kind).toBe('rate');
    if (p.kind === 'rate') {
      expect(p.value).toBeCloseTo(value, 10);
      expect(p.assumedUnit).toBeUndefined();
    }
  });

  it.each([
    ['Theo kết quả khảo sát, có 3.420/4551 người đạt 75,15%.', 3420, 4551, 0.7515],
    ['Có 2/3 trường thực hiện, đạt tỷ lệ 69%.', 2, 3, 0.69],
    ['Có 1.101/1.567 hộ, đạt 70,26%', 1101, 1567, 0.7026],
    ['Tính đến 30/11/2023 có 3.644/4.993 người, đạt 72,98%', 3644, 4993, 0.7298],
    ['2/3 (69%)', 2, 3, 0.69],
    ['1.101/1.567 (70,26%)', 1101, 1567, 0.7026],
  ])('%j → ratio %d/%d stated %d', (text, numerator, denominator, stated) => {
    expect(parseText(text)).toMatchObject({ kind: 'rate', numerator, denominator, stated });
  });

  it.each([
    ['1.101 hộ/1.567 hộ', 1101, 1567],
    ['17 DN/21 DN', 17, 21],
    ['17 doanh nghiệp/21 doanh nghiệp', 17, 21],
  ])('%j → ratio %d/%d (unit on both sides)', (text, numerator, denominator) => {
    expect(parseText(text)).toMatchObject({ kind: 'rate', numerator, denominator });
  });

  it.each([
    'Chưa đạt 50%',
    'Không đạt 50%',
    '50% chưa đạt',
    '82,9% - Không đạt',
    '100% CBCC có máy tính phục vụ công việc',
    'Ngày 30/11/2023',
  ])('%j is not a rate', (text) => {
    expect(parseText(text).kind).not.toBe('rate');
  });

  it('several ratios in a sentence: only the stated rate is kept', () => {
    const p = parseText('Có 2/3 trường tiểu học và 1/1 trường THCS, đạt 75%');
    expect(p).toMatchObject({ kind: 'rate', value: 0.75 });
    expect(p).not.toHaveProperty('numerator');
  });

  it('"Có 14 điểm" stays a yes; "Có 1.101/1.567 hộ" is the ratio', () => {
    expect(parseText('Có 14 điểm').kind).toBe('yes');
    expect(parseText('Có 1.101/1.567 hộ')).toMatchObject({ kind: 'rate', numerator: 1101 });
  });
});
