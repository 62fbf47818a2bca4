/**
 * findings.ts: makeFinding takes its severity from RULE_SEVERITY; sortFindings lists errors,
 * then warnings, then info, and within a severity by row (numerically: E9 before E10), then
 * by column (E before AA).
 */
import {
  RULE_SEVERITY,
  makeFinding,
  sortFindings,
  type Finding,
  type RuleId,
} from '../../../../src/core/model/findings';

const PL01 = 'Phụ lục 01';

describe('makeFinding', () => {
  it('gives every rule the severity RULE_SEVERITY names', () => {
    for (const rule of Object.keys(RULE_SEVERITY) as RuleId[]) {
      const f = makeFinding(rule, PL01, 'E12', 'x');
      expect(f.severity).toBe(RULE_SEVERITY[rule]);
      expect(f.rule).toBe(rule);
    }
  });

  it('rules that make a result wrong are errors, doubts are warnings, a difference is info', () => {
    expect(makeFinding('unmet-target', PL01, 'E12', '').severity).toBe('error');
    expect(makeFinding('verdict-mismatch', PL01, 'F12', '').severity).toBe('error');
    expect(makeFinding('evidence-differs', PL01, 'E8', '').severity).toBe('error');
    expect(makeFinding('ambiguous-unit', PL01, 'E20', '').severity).toBe('warning');
    expect(makeFinding('missing-evidence', PL01, 'G9', '').severity).toBe('warning');
    expect(makeFinding('appraisal-differs', 'Phụ lục 02', 'F12', '').severity).toBe('info');
  });

  it('keeps sheet, cell, message and the criterion code when given', () => {
    const f = makeFinding(
      'unmet-target',
      PL01,
      'E12',
      '1.6: kết quả 62,5% thấp hơn chỉ tiêu 70%',
      '1.6',
    );
    expect(f).toEqual({
      rule: 'unmet-target',
      severity: 'error',
      sheet: PL01,
      cell: 'E12',
      message: '1.6: kết quả 62,5% thấp hơn chỉ tiêu 70%',
      criterion: '1.6',
    });
  });

  it('has no criterion key at all when none is given (JSON report stays clean)', () => {
    const f = makeFinding('blank-entry', 'Mẫu 1.4', 'B9', 'Dòng 9: chưa ghi họ tên');
    expect('criterion' in f).toBe(false);
    expect(JSON.stringify(f)).not.toContain('criterion');
  });
});

describe('sortFindings', () => {
  const f = (rule: RuleId, cell: string): Finding =>
    makeFinding(rule, PL01, cell, `${rule}@${cell}`);

  it('lists errors, then warnings, then info, whatever the rows', () => {
    const sorted = sortFindings([
      f('appraisal-differs', 'E5'),
      f('missing-evidence', 'G6'),
      f('unmet-target', 'E40'),
      f('ambiguous-unit', 'D7'),
      f('verdict-mismatch', 'F30'),
    ]);
    expect(sorted.map((x) => x.severity)).toEqual(['error', 'error', 'warning', 'warning', 'info']);
    expect(sorted.map((x) => x.cell)).toEqual(['F30', 'E40', 'G6', 'D7', 'E5']);
  });

  it('orders rows numerically: E9 before E10 before E100', () => {
    const sorted = sortFindings([
      f('unmet-target', 'E100'),
      f('unmet-target', 'E10'),
      f('unmet-target', 'E9'),
    ]);
    expect(sorted.map((x) => x.cell)).toEqual(['E9', 'E10', 'E100']);
  });

  it('within a row, orders by column: E12 before F12', () => {
    const sorted = sortFindings([f('verdict-mismatch', 'F12'), f('unmet-target', 'E12')]);
    expect(sorted.map((x) => x.cell)).toEqual(['E12', 'F12']);
  });

  // Columns compared as text put AA (column 27) before B and E: a finding on an extra column far
  // right would be listed before the Kết quả cell of the same row.
  it('within a row, orders columns by position: B10, E10, AA10', () => {
    const sorted = sortFindings([
      f('unmet-target', 'AA10'),
      f('unmet-target', 'E10'),
      f('unmet-target', 'B10'),
    ]);
    expect(sorted.map((x) => x.cell)).toEqual(['B10', 'E10', 'AA10']);
  });

  it('returns a new array and leaves the input order alone', () => {
    const input = [f('missing-evidence', 'G6'), f('unmet-target', 'E12')];
    const before = input.map((x) => x.cell);
    const sorted = sortFindings(input);
    expect(sorted).not.toBe(input);
    expect(input.map((x) => x.cell)).toEqual(before);
    expect(sorted.map((x) => x.cell)).toEqual(['E12', 'G6']);
  });

  it('keeps findings of the same cell and severity in their original order (stable)', () => {
    const a = makeFinding('unmet-target', PL01, 'E12', 'thứ nhất');
    const b = makeFinding('ratio-mismatch', PL01, 'E12', 'thứ hai');
    expect(sortFindings([a, b]).map((x) => x.message)).toEqual(['thứ nhất', 'thứ hai']);
    expect(sortFindings([b, a]).map((x) => x.message)).toEqual(['thứ hai', 'thứ nhất']);
  });
});
