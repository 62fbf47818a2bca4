import type { Cell } from '../../../../src/core/model/grid';
import {
  classifyMarkText,
  emailProblem,
  normalisePhone,
  readMark,
  readTick,
  phoneFromText,
  splitPhones,
} from '../../../../src/core/forms/ticks';
import {
  figureFromCell,
  figureFromText,
  parseViNumber,
  tolerance,
} from '../../../../src/core/forms/figures';

const str = (value: string): Cell => ({ row: 0, col: 0, kind: 'string', value });
const num = (value: number, numberFormat?: string): Cell => ({
  row: 0,
  col: 0,
  kind: 'number',
  value,
  ...(numberFormat ? { numberFormat } : {}),
});

describe('ticks as officials type them', () => {
  test.each([
    'x',
    'X',
    'Có',
    'có',
    'CÓ',
    'C',
    'c',
    '1',
    '✓',
    '✔',
    'Có (VNPT)',
    'Có(Viettel)',
    ' x ',
  ])('"%s" is a tick', (t) => expect(readTick(str(t))).toBe('yes'));
  test('the number 1 and TRUE are ticks', () => {
    expect(readTick(num(1))).toBe('yes');
    expect(readTick({ row: 0, col: 0, kind: 'boolean', value: true })).toBe('yes');
  });
  test('an NFD "Có" is a tick', () => expect(readTick(str('Có'.normalize('NFD')))).toBe('yes'));
  test.each(['', 'Không', 'không', 'K', 'k', '0', '-', 'Chưa'])('"%s" is not a tick', (t) =>
    expect(readTick(str(t))).toBe('no'),
  );
  test('an empty cell and the number 0 are not ticks', () => {
    expect(readTick(undefined)).toBe('no');
    expect(readTick(num(0))).toBe('no');
  });
  test.each(['?', 'chưa rõ', '2', 'Có/Không', 'xx', 'ok'])('"%s" is unclear', (t) =>
    expect(classifyMarkText(t)).toBe('unclear'),
  );
  test('the number 2 is unclear', () => expect(readTick(num(2))).toBe('unclear'));
});

describe('columns that count what is written', () => {
  test('a mailbox address or a platform name counts; a "no" spelling does not', () => {
    expect(readMark(str('lannt.hoangkim@thanhhoa.gov.vn'), 'email')).toBe('yes');
    expect(readMark(str('Kế toán MISA, hóa đơn điện tử'), 'tick-or-text')).toBe('yes');
    expect(readMark(str('Không'), 'email')).toBe('no');
    expect(readMark(str('-'), 'tick-or-text')).toBe('no');
    expect(readMark(undefined, 'email')).toBe('no');
  });
  test('a tick column stays strict', () => {
    expect(readMark(str('MISA'), 'tick')).toBe('unclear');
  });
});

describe('e-mail addresses', () => {
  test('an official address is fine', () =>
    expect(emailProblem('hunglv.hoangkim@thanhhoa.gov.vn')).toBeNull());
  test.each([
    'tuandv.hoangkim@thanhhoa',
    'hung lv@thanhhoa.gov.vn',
    'hunglv.thanhhoa.gov.vn',
    'a@@b.vn',
  ])('"%s" is invalid', (t) => expect(emailProblem(t)).toBe('invalid'));
  test('a private mailbox is not an official one', () =>
    expect(emailProblem('hangbt2023@gmail.com')).toBe('not-official'));
  test('blank, "Không" and a tick are not addresses to check', () => {
    expect(emailProblem('')).toBeNull();
    expect(emailProblem('Không')).toBeNull();
    expect(emailProblem('x')).toBeNull();
  });
});

describe('Vietnamese phone numbers', () => {
  test.each([
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['+84 915 222 333', '0915222333'],
    ['84915222333', '0915222333'],
    ['(0237) 3865 123', '02373865123'],
  ])('"%s" → %s', (t, digits) => expect(phoneFromText(t)).toBe(digits));
  test.each(['098 123 456', '0912 345 60', '1912345678', '09123456789', 'không có'])(
    '"%s" is not a number',
    (t) => expect(phoneFromText(t)).toBeNull(),
  );
  test('a number cell of 9 digits lost its leading 0 in Excel', () =>
    expect(normalisePhone(num(912777666))).toBe('0912777666'));
  test('two numbers in one cell are split', () =>
    expect(splitPhones('0912 345 678 / 0237 3865 123')).toEqual(['0912 345 678', '0237 3865 123']));
});

describe('figures typed on summary lines', () => {
  test('Vietnamese numbers', () => {
    expect(parseViNumber('4.993')).toBe(4993);
    expect(parseViNumber('82,9')).toBe(82.9);
    expect(parseViNumber('1.234,5')).toBe(1234.5);
    expect(parseViNumber('95.2')).toBe(95.2);
  });
  test('a percent in text, with its decimals', () => {
    expect(figureFromText(' 95,2%', 'rate')).toMatchObject({ value: 0.952, decimals: 1 });
    expect(figureFromText('83 %', 'rate')).toMatchObject({ value: 0.83, decimals: 0 });
  });
  test('a ratio in text', () =>
    expect(figureFromText('10/12', 'rate')?.value).toBeCloseTo(10 / 12, 10));
  test('a count with its unit', () =>
    expect(figureFromText(' 25 người.', 'count')).toMatchObject({ value: 25 }));
  test('no figure', () => {
    expect(figureFromText(' người.', 'count')).toBeNull();
    expect(figureFromText('%', 'rate')).toBeNull();
  });
  test('a number cell formatted as % is a fraction; a bare 83,3 is a percent', () => {
    expect(figureFromCell(num(0.833, '0.0%'), 'rate')).toMatchObject({ value: 0.833, decimals: 1 });
    expect(figureFromCell(num(83.3), 'rate')?.value).toBeCloseTo(0.833, 10);
  });
  test('rounding tolerance follows the decimals shown', () => {
    expect(tolerance('rate', 1)).toBeCloseTo(0.0005, 8);
    expect(tolerance('rate', 0)).toBeCloseTo(0.005, 8);
    expect(tolerance('count', 0)).toBeLessThan(1e-6);
  });
});
