/** QA: the small evaluator used when a file kept a formula without its value. */
import { evaluateArithmetic } from '../../src/core/model/formula-eval';

const cells: Record<string, number | null> = { '0:0': 3644, '1:0': 4993, '2:0': 0, '3:0': null };
const lookup = (r: number, c: number) => (`${r}:${c}` in cells ? cells[`${r}:${c}`] : 0);

describe('evaluateArithmetic', () => {
  it.each([
    ['3644/4993', 3644 / 4993],
    ['=A1/A2', 3644 / 4993],
    ['$A$1/$A$2*100', (3644 / 4993) * 100],
    ['ROUND(A1/A2*100,2)', 72.98],
    ['ROUND(A1/A2;4)', 0.7298],
    ['SUM(A1:A3)/2', (3644 + 4993) / 2],
    ['-(1+2)*3', -9],
    ['50%', 0.5],
    ['A3/A2', 0],
    ['A9+1', 1],
    ['2^3', null],
    ['A1/A3', null],
    ['A4*2', null],
    ["'Mẫu 3.3'!C5/C6", null],
    ['IF(A1>0,1,0)', null],
    ['A1&"%"', null],
    ['(1+2', null],
    ['SUM(A1:Z9999)', null],
    ['', null],
  ])('%j → %p', (f, expected) => {
    const v = evaluateArithmetic(f, lookup);
    if (expected === null) expect(v).toBeNull();
    else expect(v).toBeCloseTo(expected, 10);
  });
});
