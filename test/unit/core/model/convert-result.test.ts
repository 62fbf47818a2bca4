/**
 * convert-result.ts: a result typed as text (seed 004: "82,9%", "3.644/4.993", "14 điểm") turned
 * into what a spreadsheet computes with — a number with a percent or unit format, or a ratio
 * formula — while the typed text goes into a note ("Giá trị gốc: …"). Yes/no and other texts are
 * left alone. Formulas are checked with HyperFormula against their cached value.
 */
import { HyperFormula } from 'hyperformula';
import {
  ORIGINAL_NOTE_PREFIX,
  convertTypedResult,
  convertedValue,
  fractionPercentDecimals,
  hasOriginalNote,
  originalNote,
  percentFormat,
  typedPercentDecimals,
} from '../../../../src/core/model/convert-result';
import type { Cell } from '../../../../src/core/model/grid';
import { parseCellValue, parseText } from '../../../../src/core/model/parse-value';

const textCell = (value: string): Cell => ({ row: 11, col: 4, kind: 'string', value });
const numberCell = (value: number, numberFormat?: string): Cell => ({
  row: 11,
  col: 4,
  kind: 'number',
  value,
  ...(numberFormat ? { numberFormat } : {}),
});

/** The conversion of a text typed in a row whose unit is `unit`. */
function convertTyped(text: string, unit = '%') {
  const cell = textCell(text);
  return convertTypedResult(cell, parseCellValue(cell, { unit }));
}

describe('percentFormat / typedPercentDecimals / fractionPercentDecimals', () => {
  it('builds 0%, 0.0%, 0.00% and clamps to 0..4 decimals', () => {
    expect(percentFormat(0)).toBe('0%');
    expect(percentFormat(1)).toBe('0.0%');
    expect(percentFormat(2)).toBe('0.00%');
    expect(percentFormat(2.9)).toBe('0.00%');
    expect(percentFormat(9)).toBe('0.0000%');
    expect(percentFormat(-1)).toBe('0%');
  });

  it.each([
    ['82,9%', 1],
    ['70,26%', 2],
    ['69%.', 0],
    ['100 %', 0],
    ['2/3 = 66,67%', 2],
    ['60% trở lên, đạt 72,5%', 1],
    ['đạt 70.5 %', 1],
  ])('typedPercentDecimals(%j) = %i (the last percent typed)', (raw, d) => {
    expect(typedPercentDecimals(raw)).toBe(d);
  });

  it('typedPercentDecimals is null without a percent', () => {
    expect(typedPercentDecimals('3.644/4.993')).toBeNull();
    expect(typedPercentDecimals('Có')).toBeNull();
  });

  it.each([
    [1, 0],
    [0.5, 0],
    [0.829, 1],
    [0.105, 1],
    [0.7026, 2],
    [2 / 3, 2],
    [0.12345, 2],
  ])('fractionPercentDecimals(%p) = %i', (f, d) => {
    expect(fractionPercentDecimals(f)).toBe(d);
  });
});

describe('convertTypedResult: texts that are numbers', () => {
  it('"82,9%" → 0.829 shown 0.0%', () => {
    expect(convertTyped('82,9%')).toEqual({ kind: 'value', value: 0.829, numberFormat: '0.0%' });
  });

  it('keeps the decimals typed: "62,50%" → 0.00%, "100%" → 0%', () => {
    expect(convertTyped('62,50%')).toEqual({ kind: 'value', value: 0.625, numberFormat: '0.00%' });
    expect(convertTyped('100%')).toEqual({ kind: 'value', value: 1, numberFormat: '0%' });
  });

  it('a bare number typed in a % row is a percent: "72,5" → 0.725 shown 0.0%', () => {
    const c = convertTyped('72,5');
    expect(c).toEqual({ kind: 'value', value: 0.725, numberFormat: '0.0%' });
  });

  it('"3.644/4.993" → the formula 3644/4993 shown 0.00%, cached its value', () => {
    const c = convertTyped('3.644/4.993');
    expect(c).toEqual({
      kind: 'formula',
      formula: '3644/4993',
      cached: 3644 / 4993,
      numberFormat: '0.00%',
    });
  });

  it('the ratio wins over a stated rate that disagrees: "2/3 = 69%" → 2/3', () => {
    const c = convertTyped('2/3 = 69%');
    expect(c).toMatchObject({ kind: 'formula', formula: '2/3' });
    expect(convertedValue(c!)).toBeCloseTo(2 / 3, 12);
  });

  it('every ratio formula computes its cached value in a spreadsheet', () => {
    const texts = ['3.644/4.993', '1.101/1.567 hồ sơ, đạt 70,26%', '2/3 = 69%', '15/28'];
    const conversions = texts.map((t) => convertTyped(t));
    const formulas = conversions.map((c) => (c?.kind === 'formula' ? `=${c.formula}` : null));
    expect(formulas.every((f) => f !== null)).toBe(true);
    const hf = HyperFormula.buildFromArray([formulas], {
      licenseKey: 'gpl-v3',
      smartRounding: false,
    });
    conversions.forEach((c, col) =>
      expect(hf.getCellValue({ sheet: 0, row: 0, col })).toBeCloseTo(convertedValue(c!), 12),
    );
    hf.destroy();
  });

  it('a count keeps its unit in the number format: "14 điểm" → 14 shown 0 "điểm"', () => {
    expect(convertTyped('14 điểm', 'Điểm')).toEqual({
      kind: 'value',
      value: 14,
      numberFormat: '0 "điểm"',
    });
    expect(convertTyped('12,5 km', 'km')).toEqual({
      kind: 'value',
      value: 12.5,
      numberFormat: 'General "km"',
    });
  });

  it('a plain number keeps the cell’s format: "4.993" → 4993', () => {
    expect(convertTyped('4.993', 'Hộ')).toEqual({ kind: 'value', value: 4993 });
  });

  it('a unit that would break the format (a quote, a backslash) gets no format', () => {
    const cell = textCell('3 inch"');
    const parsed = { kind: 'number' as const, value: 3, raw: '3 inch"', unit: 'inch"' };
    expect(convertTypedResult(cell, parsed)).toEqual({ kind: 'value', value: 3 });
    const cell2 = textCell('3 a\\b');
    expect(
      convertTypedResult(cell2, { kind: 'number', value: 3, raw: '3 a\\b', unit: 'a\\b' }),
    ).toEqual({ kind: 'value', value: 3 });
  });
});

describe('convertTypedResult: what is left alone', () => {
  it.each(['Có', 'Không', 'Chưa có', 'Đáp ứng', 'Có kênh Zalo, trang thông tin điện tử'])(
    '%j is not a number',
    (text) => {
      expect(convertTyped(text, 'Văn bản')).toBeNull();
    },
  );

  it('a division by zero typed ("5/0") is not converted', () => {
    expect(convertTyped('5/0')).toBeNull();
    const cell = textCell('5/0');
    expect(
      convertTypedResult(cell, {
        kind: 'rate',
        value: 0,
        raw: '5/0',
        numerator: 5,
        denominator: 0,
      }),
    ).toBeNull();
  });

  it('a reading joined from continuation rows is not this cell’s: not converted', () => {
    const cell = textCell('1.101/1.567 hồ sơ,');
    const joined = parseText('1.101/1.567 hồ sơ, đạt 70,26%', { unit: '%' });
    expect(convertTypedResult(cell, joined)).toBeNull();
    // the same reading of the cell itself is converted (spacing and NFD do not matter)
    const own = parseText('1.101/1.567  hồ sơ,'.normalize('NFD'), { unit: '%' });
    expect(convertTypedResult(cell, own)).toMatchObject({ kind: 'formula', formula: '1101/1567' });
  });

  it('a formula cell, a missing cell or reading is never converted', () => {
    const f: Cell = { ...numberCell(0.7298), formula: 'C5/C6' };
    expect(convertTypedResult(f, parseCellValue(f, { unit: '%' }))).toBeNull();
    expect(convertTypedResult(undefined, parseText('82,9%'))).toBeNull();
    expect(convertTypedResult(textCell('82,9%'), undefined)).toBeNull();
  });

  it('a date, a boolean or an error cell is not converted', () => {
    const date: Cell = { row: 0, col: 0, kind: 'date', value: '2023-03-02T00:00:00.000Z' };
    expect(convertTypedResult(date, parseCellValue(date, { unit: '%' }))).toBeNull();
    const err: Cell = { row: 0, col: 0, kind: 'error', value: '#DIV/0!' };
    expect(convertTypedResult(err, parseCellValue(err, { unit: '%' }))).toBeNull();
  });
});

describe('convertTypedResult: number cells', () => {
  it('72 typed without a percent format in a % row → 0.72 shown 0%', () => {
    const cell = numberCell(72);
    expect(convertTypedResult(cell, parseCellValue(cell, { unit: '%' }))).toEqual({
      kind: 'value',
      value: 0.72,
      numberFormat: '0%',
    });
  });

  it('0.105 without a format in a % row → shown 0.0%', () => {
    const cell = numberCell(0.105);
    expect(convertTypedResult(cell, parseCellValue(cell, { unit: '%' }))).toEqual({
      kind: 'value',
      value: 0.105,
      numberFormat: '0.0%',
    });
  });

  it('a number already shown as a percent, or a count, is left alone', () => {
    const pct = numberCell(0.829, '0.0%');
    expect(convertTypedResult(pct, parseCellValue(pct, { unit: '%' }))).toBeNull();
    const count = numberCell(14);
    expect(convertTypedResult(count, parseCellValue(count, { unit: 'Điểm' }))).toBeNull();
  });
});

describe('originalNote / hasOriginalNote', () => {
  it('adds "Giá trị gốc: …" under an existing note', () => {
    expect(originalNote(undefined, '82,9%')).toBe('Giá trị gốc: 82,9%');
    expect(originalNote('  ', '82,9%')).toBe('Giá trị gốc: 82,9%');
    expect(originalNote('Số liệu quý IV ', '3.644/4.993')).toBe(
      'Số liệu quý IV\nGiá trị gốc: 3.644/4.993',
    );
    expect(ORIGINAL_NOTE_PREFIX).toBe('Giá trị gốc: ');
  });

  it('recognises a cell that fill has already changed', () => {
    expect(
      hasOriginalNote({ ...numberCell(0.829), note: originalNote('Ghi chú cũ', '82,9%') }),
    ).toBe(true);
    expect(hasOriginalNote({ ...numberCell(0.829), note: 'Số liệu quý IV' })).toBe(false);
    expect(hasOriginalNote(numberCell(0.829))).toBe(false);
    expect(hasOriginalNote(undefined)).toBe(false);
  });
});
