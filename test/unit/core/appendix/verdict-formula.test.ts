/**
 * verdict-formula.ts: the Đánh giá formula of a criterion. The formulas are evaluated with
 * HyperFormula for every criterion of the bundled catalog against results officials type
 * (numbers and texts from seed 004), and must show (1) the verdict the guidance gives and
 * (2) exactly what `simulateVerdict` predicts (the cached value fill writes).
 */
import { HyperFormula } from 'hyperformula';
import { criterionByCode, defaultCatalog } from '../../../../src/core/catalog/catalog';
import type { Criterion } from '../../../../src/core/catalog/types';
import {
  MARK_TEXT,
  MET_TEXT,
  UNMET_TEXT,
  VERDICT_WORDS,
  markOutputs,
  sheetTrim,
  shownAs,
  simulateVerdict,
  verdictFormula,
  verdictRuleFor,
  verdictText,
  type VerdictOutputs,
  type VerdictRule,
} from '../../../../src/core/appendix/verdict-formula';

const catalog = defaultCatalog();
const crit = (code: string): Criterion => criterionByCode(catalog, code)!;

type Value = string | number | boolean | null;

/**
 * What a spreadsheet shows in the verdict cell for each result value: column A holds the
 * value (text stays text), column B the formula on A.
 */
function computeInSheet(values: Value[], rule: VerdictRule, outputs?: VerdictOutputs): Value[] {
  const rows = values.map((v, r) => [
    typeof v === 'string' ? (v === '' ? null : `'${v}`) : v,
    `=${verdictFormula(`A${r + 1}`, rule, outputs)}`,
  ]);
  const hf = HyperFormula.buildFromArray(rows, {
    licenseKey: 'gpl-v3',
    caseSensitive: false,
    accentSensitive: true,
    useWildcards: true,
  });
  const out = values.map((_, row) => hf.getCellValue({ sheet: 0, row, col: 1 }) as Value);
  hf.destroy();
  return out;
}

/** Results officials type, of every kind. */
const VALUES: Value[] = [
  0.829,
  0.7,
  0.6999,
  1,
  0,
  14,
  0.5,
  0.55,
  'Có',
  'có',
  '  CÓ  ',
  'Không',
  'không có',
  'KHÔNG',
  'Chưa',
  'chưa triển khai',
  'Chua co',
  'Khong',
  'x',
  'X',
  '✓',
  'Đạt',
  'ĐẠT',
  'Đã đạt',
  'Đáp ứng',
  'Đáp ứng'.normalize('NFD'),
  // (no-break spaces left out: HyperFormula's TRIM removes them, Excel's TRIM does not)
  'Có đáp ứng',
  'Chưa đáp ứng',
  'Sử dụng hiệu quả',
  'Đang sử dụng   hiệu quả các phần mềm dùng chung',
  'Cung cấp đầy đủ thông tin theo quy định',
  'Có kênh Zalo, trang thông tin điện tử',
  'Có, 02 kênh',
  'Đã có',
  'Hoàn thành',
  '82,9%',
  '14 điểm',
  '',
  '   ',
  true,
  false,
];

describe('verdictFormula computes what simulateVerdict predicts (HyperFormula)', () => {
  it.each(catalog.criteria.map((c) => [c.code, c.target.kind]))(
    'criterion %s (%s), words and marks, plain and percent cells',
    (code) => {
      for (const percentCell of [false, true]) {
        const rule = verdictRuleFor(crit(code), percentCell);
        for (const outputs of [VERDICT_WORDS, markOutputs('met'), markOutputs('unmet')]) {
          const shown = computeInSheet(VALUES, rule, outputs);
          const predicted = VALUES.map((v) => shownAs(simulateVerdict(v, rule), outputs));
          expect(VALUES.map((v, i) => [v, shown[i]])).toEqual(
            VALUES.map((v, i) => [v, predicted[i]]),
          );
        }
      }
    },
  );
});

describe('the verdicts the guidance gives', () => {
  const verdicts = (code: string, values: Value[], percentCell = false) =>
    computeInSheet(values, verdictRuleFor(crit(code), percentCell));

  it('1.6 (at least 70%): 82,9% and exactly 70% are met, 69,99% is not', () => {
    expect(verdicts('1.6', [0.829, 0.7, 0.6999, 0], true)).toEqual([
      MET_TEXT,
      MET_TEXT,
      UNMET_TEXT,
      UNMET_TEXT,
    ]);
  });

  it('a strict rate ("trên 50%"): 50% is not met, 50,1% is', () => {
    const strict: Criterion = {
      ...crit('2.5'),
      target: { kind: 'min-rate', value: 0.5, text: 'trên 50%', strict: true },
    };
    const rule = verdictRuleFor(strict, true);
    expect(verdictFormula('E12', rule)).toContain('E12>0.5');
    expect(computeInSheet([0.5, 0.501], rule)).toEqual([UNMET_TEXT, MET_TEXT]);
  });

  it('a rate written as text ("82,9%") is left for fill to convert: no verdict', () => {
    expect(verdicts('1.6', ['82,9%'], true)).toEqual(['']);
  });

  it('a rate answered "Không"/"Chưa" is not met', () => {
    expect(verdicts('3.2', ['Không', 'Chưa triển khai'], true)).toEqual([UNMET_TEXT, UNMET_TEXT]);
  });

  it('1.1 (Có): yes answers are met, negatives are not, an empty cell shows nothing', () => {
    expect(
      verdicts('1.1', [
        'Có',
        'Có kênh Zalo, trang thông tin điện tử',
        'Không',
        'Chưa có',
        '',
        '  ',
      ]),
    ).toEqual([MET_TEXT, MET_TEXT, UNMET_TEXT, UNMET_TEXT, '', '']);
  });

  it('a yes-target counts: 14 wifi points met, 0 not; as a percent any share above 0', () => {
    expect(verdicts('4.5', [14, 1, 0])).toEqual([MET_TEXT, MET_TEXT, UNMET_TEXT]);
    expect(verdicts('4.5', [0.5, 0], true)).toEqual([MET_TEXT, UNMET_TEXT]);
  });

  it('1.8 (Sử dụng hiệu quả): its accepted phrases anywhere in the text, not a number', () => {
    expect(
      verdicts('1.8', [
        'Sử dụng hiệu quả',
        'Đang sử dụng hiệu quả các phần mềm',
        'Đáp ứng',
        'Đạt',
        'Có',
        'Chưa sử dụng hiệu quả',
        'Hoàn thành',
        1,
      ]),
    ).toEqual([MET_TEXT, MET_TEXT, MET_TEXT, MET_TEXT, MET_TEXT, UNMET_TEXT, '', '']);
  });

  it('4.2 (Đáp ứng): "Chưa đáp ứng" is not met although it holds the phrase', () => {
    expect(verdicts('4.2', ['Đáp ứng', 'Có đáp ứng', 'Chưa đáp ứng', 'Không đáp ứng'])).toEqual([
      MET_TEXT,
      MET_TEXT,
      UNMET_TEXT,
      UNMET_TEXT,
    ]);
  });

  it('a count target: the number, or a yes answer', () => {
    const count: Criterion = {
      ...crit('4.5'),
      target: { kind: 'min-count', value: 15, text: '15 điểm' },
    };
    const rule = verdictRuleFor(count, false);
    expect(computeInSheet([15, 14, 'Có', 'x', 'Không', '14 điểm'], rule)).toEqual([
      MET_TEXT,
      UNMET_TEXT,
      MET_TEXT,
      MET_TEXT,
      UNMET_TEXT,
      '',
    ]);
  });

  it('a mark column shows "x" in the column of the verdict and nothing in the other', () => {
    const rule = verdictRuleFor(crit('1.6'), true);
    expect(computeInSheet([0.829, 0.6, ''], rule, markOutputs('met'))).toEqual([MARK_TEXT, '', '']);
    expect(computeInSheet([0.829, 0.6, ''], rule, markOutputs('unmet'))).toEqual([
      '',
      MARK_TEXT,
      '',
    ]);
  });
});

describe('verdictFormula text', () => {
  it('compares the result with the catalog constant, never with the Chỉ tiêu cell', () => {
    const f = verdictFormula('E12', verdictRuleFor(crit('1.6'), true));
    expect(f).toBe(
      'IF(TRIM(E12)="","",IF(ISNUMBER(E12),IF(E12>=0.7,"Đạt","Không đạt"),' +
        'IF(OR(LEFT(LOWER(TRIM(E12)),5)="không",LEFT(LOWER(TRIM(E12)),4)="chưa",' +
        'LEFT(LOWER(TRIM(E12)),5)="khong",LEFT(LOWER(TRIM(E12)),5)="chua ",' +
        'LOWER(TRIM(E12))="chua"),"Không đạt","")))',
    );
    expect(f).not.toMatch(/D12/);
  });

  it('refers to a result on another sheet', () => {
    const f = verdictFormula("'Phụ lục 01'!E12", verdictRuleFor(crit('1.1'), false));
    expect(f.startsWith(`IF(TRIM('Phụ lục 01'!E12)="",""`)).toBe(true);
  });

  it('no phrase holding a SEARCH wildcard (* ? ~) is searched for', () => {
    const c: Criterion = {
      ...crit('1.8'),
      target: { kind: 'qualitative', text: 'Đáp ứng*', accept: ['Có ứng dụng?', 'sử dụng tốt'] },
    };
    const rule = verdictRuleFor(c, false);
    expect([...rule.positiveExact, ...rule.positiveContains].some((p) => /[*?~]/.test(p))).toBe(
      false,
    );
    expect(rule.positiveContains).toContain('sử dụng tốt');
  });

  it('qualitative phrases are lower-cased NFC: one word exact, several words searched', () => {
    const c: Criterion = {
      ...crit('1.8'),
      target: { kind: 'qualitative', text: 'ĐÁP ỨNG'.normalize('NFD'), accept: ['Tốt'] },
    };
    const rule = verdictRuleFor(c, false);
    expect(rule.positiveContains).toContain('đáp ứng');
    expect(rule.positiveExact).toContain('tốt');
    expect(rule.numeric).toBe('blank');
  });
});

describe('small helpers', () => {
  it('sheetTrim trims and collapses spaces only (like the spreadsheet TRIM)', () => {
    expect(sheetTrim('  Có   kênh  Zalo ')).toBe('Có kênh Zalo');
    expect(sheetTrim('\u00a0Có\u00a0')).toBe('\u00a0Có\u00a0');
    expect(sheetTrim('Có\tkênh')).toBe('Có\tkênh');
  });

  it('verdictText and shownAs', () => {
    expect(verdictText('met')).toBe('Đạt');
    expect(verdictText('unmet')).toBe('Không đạt');
    expect(verdictText('undetermined')).toBe('');
    expect(shownAs(MET_TEXT, markOutputs('met'))).toBe('x');
    expect(shownAs(UNMET_TEXT, markOutputs('met'))).toBe('');
    expect(shownAs('', VERDICT_WORDS)).toBe('');
  });
});
