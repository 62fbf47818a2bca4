/**
 * formula-eval.ts: the value of a simple same-sheet formula whose cached result is missing from
 * the file. What it computes must equal what a spreadsheet computes (checked with HyperFormula on
 * the same cells); what it cannot compute exactly it refuses (null), and it never throws.
 *
 * Cells: a Mẫu 3.3-like block — C5 = 3644 smartphone subscribers with a security app, C6 = 4993
 * subscribers, C7 = 0, C8 blank, C9 a text ("Có"), D5:D7 = 12, 9, 14 wifi points.
 */
import { HyperFormula } from 'hyperformula';
import { evaluateArithmetic, type NumberLookup } from '../../../../src/core/model/formula-eval';
import { fromA1 } from '../../../../src/core/model/grid';

const CELLS: Record<string, number | string> = {
  C5: 3644,
  C6: 4993,
  C7: 0,
  C9: 'Có',
  D5: 12,
  D6: 9,
  D7: 14,
  E5: 14053,
  E6: 20000,
};

const key = (row: number, col: number) => `${row}:${col}`;
const byPos = new Map(
  Object.entries(CELLS).map(([a1, v]) => {
    const { row, col } = fromA1(a1);
    return [key(row, col), v] as const;
  }),
);

/** The core's lookup contract: a number, 0 for a blank cell, null for a text. */
const lookup: NumberLookup = (row, col) => {
  const v = byPos.get(key(row, col));
  if (v === undefined) return 0;
  return typeof v === 'number' ? v : null;
};

/** What HyperFormula computes for `formula` on the same cells. */
function spreadsheet(formulas: string[]): unknown[] {
  const rows: (number | string | null)[][] = Array.from({ length: 10 }, () => []);
  for (const [a1, v] of Object.entries(CELLS)) {
    const { row, col } = fromA1(a1);
    rows[row][col] = typeof v === 'string' ? `'${v}` : v;
  }
  rows.push(formulas.map((f) => `=${f.trim().replace(/^=/, '')}`));
  const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3', smartRounding: false });
  const out = formulas.map((_, col) => hf.getCellValue({ sheet: 0, row: 10, col }));
  hf.destroy();
  return out;
}

describe('evaluateArithmetic computes what a spreadsheet computes', () => {
  const computed = [
    'C5/C6',
    '=C5/C6',
    '$C$5/$C$6*100',
    'c5/c6',
    ' C5 / C6 ',
    'ROUND(C5/C6*100,2)',
    'ROUND(C5/C6,4)',
    'ROUND(D5*1.5,0)',
    'ROUND(1234.5,-2)',
    'SUM(D5:D7)',
    'SUM(D5:D7)/3',
    'SUM(D5,D6,D7,1)',
    'sum(D7:D5)',
    'SUM(C5:D6)',
    '(C5+D5)/(C6+D6)',
    '2+3*4',
    '(2+3)*4',
    '-(1+2)*3',
    '-C5',
    '1--1',
    '50%',
    '50%*2',
    'C5/C6*100%',
    'C7/C6',
    'C8+1',
    'SUM(C7:C8)',
    '1e3',
    '3644/4993',
    'ROUND(E5/E6*100,2)',
    'ROUND(2.675,2)',
    // Excel rounds halves away from zero, negatives included
    'ROUND(-2.5,0)',
    'ROUND(-0.125,2)',
    'ROUND(C7-D5*0.125,0)',
  ];
  const expected = spreadsheet(computed);

  it.each(computed.map((f, i) => [f, expected[i]]))('%s = %p', (formula, value) => {
    expect(typeof value).toBe('number');
    const got = evaluateArithmetic(formula, lookup);
    expect(got).not.toBeNull();
    expect(got).toBeCloseTo(value as number, 10);
  });
});

describe('evaluateArithmetic refuses what it cannot compute exactly', () => {
  it.each([
    ["'Mẫu 3.3'!C5/C6", 'another sheet'],
    ['Sheet2!C5', 'another sheet, unquoted'],
    ['C9+1', 'a text cell'],
    ['SUM(C5:C9)', 'a range holding a text'],
    ['C5/C7', 'division by zero'],
    ['C5/C8', 'division by a blank cell'],
    ['IF(C5>0,1,0)', 'a function not listed'],
    ['MAX(D5:D7)', 'a function not listed'],
    ['AVERAGE(D5:D7)', 'a function not listed'],
    ['C5>C6', 'a comparison'],
    ['C5&"%"', 'text concatenation'],
    ['"70%"', 'a text literal'],
    ['2^3', 'a power (not supported)'],
    ['D5:D7', 'a bare range'],
    ['(1+2', 'an unbalanced bracket'],
    ['1+2)', 'an extra bracket'],
    ['1 2', 'two numbers side by side'],
    ['SUM(D5,)', 'an empty argument'],
    ['ROUND(C5/C6)', 'ROUND without digits'],
    ['ROUND(D5:D7,1)', 'ROUND over a range'],
    ['SUM(A1:Z9999)', 'a range over 10,000 cells'],
    ['', 'nothing'],
    ['=', 'just an equals sign'],
    ['#DIV/0!', 'an error literal'],
  ])('%j (%s) → null', (formula) => {
    expect(evaluateArithmetic(formula, lookup)).toBeNull();
  });

  it('never throws, whatever the input', () => {
    for (const f of ['SUM(', ')', '((((', '%', '-', 'ROUND(,)', 'A0', 'ZZZZ1', '1e', '\u0000'])
      expect(() => evaluateArithmetic(f, lookup)).not.toThrow();
  });

  it('a lookup that throws gives null, not an exception', () => {
    const boom: NumberLookup = () => {
      throw new Error('no sheet');
    };
    expect(evaluateArithmetic('C5/C6', boom)).toBeNull();
  });

  it('reads each cell through the lookup (0-based row and column)', () => {
    const asked: string[] = [];
    const spy: NumberLookup = (row, col) => {
      asked.push(key(row, col));
      return 2;
    };
    expect(evaluateArithmetic('$AA$10*B2', spy)).toBe(4);
    expect(asked).toEqual(['9:26', '1:1']);
  });

  it('accepts ";" as the argument separator (European locale)', () => {
    expect(evaluateArithmetic('ROUND(C5/C6;4)', lookup)).toBe(0.7298);
    expect(evaluateArithmetic('SUM(D5;D6;D7)', lookup)).toBe(35);
  });
});
