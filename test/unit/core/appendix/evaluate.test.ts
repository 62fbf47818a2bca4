import type { Catalog, Criterion, Target } from '../../../../src/core/catalog/types';
import {
  evaluateAppendix,
  judgeResult,
  ratioDisagreement,
  resultRoles,
  sameResult,
  samePhrase,
  sheetTargetAgrees,
  summaryLineVi,
  verdictLabel,
} from '../../../../src/core/appendix/evaluate';
import type { Finding, RuleId } from '../../../../src/core/model/findings';
import { GridView, cellText, type Cell, type SheetGrid } from '../../../../src/core/model/grid';
import type {
  AppendixRecognition,
  ColumnRole,
  CriterionRow,
  GroupRow,
} from '../../../../src/core/model/report-types';
import { defaultCatalog } from '../../../../src/core/catalog/catalog';
import { recognizeAppendix } from '../../../../src/core/appendix/recognize';
import { gridFromTsv, readSeedTable, rowOf, withCell } from '../../../support/fixtures/tsv-grid';
import { load, marksWorkbook } from '../../../support/fill-layout-builders';
import { cleanRows } from '../../../support/fixtures/qa-builders';
import { analyze } from '../../../support/fill-support';

// ---------------------------------------------------------------------------------------------
// A small hand-made catalog (codes and targets as in the Thanh Hóa 2023 set) and a hand-made
// recognition, so the evaluator is tested on its own.

function crit(code: string, unit: string, target: Target, evidenceRequired = false): Criterion {
  return {
    code,
    group: code.split('.')[0],
    name: `Chỉ tiêu ${code}`,
    unit,
    target,
    requirement: '',
    evidence: evidenceRequired ? [`Hồ sơ chứng minh ${code}`] : [],
    evidenceRequired,
  };
}

const CRITERIA: Criterion[] = [
  crit('1.1', 'Văn bản', { kind: 'yes', text: 'Có' }, true),
  crit('1.6', '%', { kind: 'min-rate', value: 0.7, text: '70%' }),
  crit('1.8', 'Hệ thống', {
    kind: 'qualitative',
    text: 'Sử dụng hiệu quả',
    accept: ['Sử dụng hiệu quả', 'Có sử dụng hiệu quả', 'Đạt', 'Có'],
  }),
  crit('2.5', '%', { kind: 'min-rate', value: 0.5, text: '50%' }),
  crit('3.6', '%', { kind: 'min-rate', value: 0.1, text: '10%' }),
  crit('4.5', 'Điểm phát', { kind: 'yes', text: 'Có' }, true),
];

function testCatalog(criteria: Criterion[] = CRITERIA): Catalog {
  return {
    id: 'test',
    title: 'Bộ tiêu chí thử',
    province: 'Thanh Hóa',
    year: 2023,
    sources: [],
    groups: [
      { code: '1', name: 'Chính quyền số' },
      { code: '2', name: 'Kinh tế số' },
      { code: '3', name: 'Xã hội số' },
      { code: '4', name: 'Hạ tầng số' },
    ],
    criteria,
    levels: [],
    chains: [],
    defaultChain: '',
  };
}

const PL01_COLUMNS: ColumnRole[] = [
  'tt',
  'name',
  'unit',
  'target',
  'result-commune',
  'verdict',
  'evidence',
  'note',
];
const PL02_COLUMNS: ColumnRole[] = [
  'tt',
  'name',
  'unit',
  'target',
  'result-commune',
  'result-district',
  'verdict',
  'note',
];
const PL03_COLUMNS: ColumnRole[] = [
  'tt',
  'name',
  'unit',
  'target',
  'result-district',
  'result-province',
  'verdict',
  'note',
];

const HEADER =
  'TT\tTên chỉ tiêu\tĐơn vị tính\tChỉ tiêu\tKết quả\tĐánh giá\tTài liệu minh chứng\tGhi chú';

/** A recognition of a grid whose header is row 0 and whose column i plays roles[i]. */
function recognise(
  grid: SheetGrid,
  kind: AppendixRecognition['kind'],
  roles: ColumnRole[],
): AppendixRecognition {
  const view = new GridView(grid);
  const columns: Partial<Record<ColumnRole, number>> = {};
  roles.forEach((r, i) => (columns[r] = i));
  const rows: CriterionRow[] = [];
  const groups: GroupRow[] = [];
  for (const r of view.rowIndices) {
    if (r === 0) continue;
    const code = view.text(r, 0).trim();
    if (/^\d+$/.test(code)) {
      groups.push({ code, name: view.text(r, 1), row: r });
      continue;
    }
    if (!/^\d+\.\d+$/.test(code)) continue;
    const texts: CriterionRow['texts'] = {};
    const cells: CriterionRow['cells'] = {};
    roles.forEach((role, col) => {
      const c = view.get(r, col);
      if (c) {
        cells[role] = c;
        texts[role] = cellText(c);
      }
    });
    rows.push({
      code,
      row: r,
      continuationRows: [],
      name: texts.name ?? '',
      unit: texts.unit ?? '',
      texts,
      cells,
    });
  }
  const lastRow = view.rowIndices[view.rowIndices.length - 1] ?? 0;
  return {
    kind,
    layout: { headerRow: 0, headerRows: [0], columns, extraColumns: [], lastRow },
    rows,
    groups,
    strayRows: [],
  };
}

/** A PHỤ LỤC 01 sheet from data lines (header added), evaluated with the test catalog. */
function pl01(
  lines: string[],
  opts: { catalog?: Catalog; edit?: (g: SheetGrid) => SheetGrid } = {},
) {
  let grid = gridFromTsv('PL01', [HEADER, ...lines].join('\n'));
  if (opts.edit) grid = opts.edit(grid);
  const rec = recognise(grid, 'phu-luc-01', PL01_COLUMNS);
  return evaluateAppendix('PL01', new GridView(grid), rec, opts.catalog ?? testCatalog());
}

/** Lines for every test criterion, all met, with evidence where required. */
function goodLines(): string[] {
  return [
    '1\tChính quyền số',
    '1.1\tKế hoạch\tVăn bản\tCó\tCó\tĐạt\tKH số 12/KH-UBND',
    '1.6\tTỷ lệ hồ sơ trực tuyến\t%\t70%\t82,9%\tĐạt',
    '1.8\tKhai thác CSDL\tHệ thống\tCó sử dụng hiệu quả\tSử dụng hiệu quả\tĐạt',
    '2\tKinh tế số',
    '2.5\tHợp đồng điện tử\t%\t50%\t53,57%\tĐạt',
    '3\tXã hội số',
    '3.6\tKhám bệnh từ xa\t%\t10%\t10,5%\tĐạt',
    '4\tHạ tầng số',
    '4.5\tWifi công cộng\tĐiểm phát\tCó\t14 điểm\tĐạt\tDanh sách điểm phát',
  ];
}

function replaceLine(lines: string[], code: string, line: string): string[] {
  return lines.map((l) => (l.split('\t')[0] === code ? line : l));
}

function rules(findings: Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

function verdictOf(res: ReturnType<typeof pl01>, code: string) {
  return res.criteria.find((c) => c.code === code)?.verdict;
}

// ---------------------------------------------------------------------------------------------

describe('a clean sheet', () => {
  it('has every criterion met and no finding', () => {
    const res = pl01(goodLines());
    expect(res.findings).toEqual([]);
    expect(res.summary).toEqual({ criteria: 6, met: 6, unmet: 0, undetermined: 0 });
    const c16 = res.criteria.find((c) => c.code === '1.6');
    expect(c16).toMatchObject({ row: 4, verdict: 'met', target: 0.7 });
    expect(c16?.value).toBeCloseTo(0.829, 10);
    expect(res.criteria.find((c) => c.code === '1.1')).toMatchObject({ value: 'Có', target: 'Có' });
    expect(res.criteria.find((c) => c.code === '4.5')).toMatchObject({ value: 14 });
  });
});

describe('missing-criterion', () => {
  it('reports a catalog criterion without a row, on the header TT cell, as undetermined', () => {
    const res = pl01(goodLines().filter((l) => !l.startsWith('1.8\t')));
    const f = rules(res.findings, 'missing-criterion');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'A1', criterion: '1.8', severity: 'error' });
    expect(f[0].message).toContain('1.8');
    expect(verdictOf(res, '1.8')).toBe('undetermined');
    expect(res.criteria.find((c) => c.code === '1.8')).toMatchObject({ row: 0, value: null });
    expect(res.summary).toMatchObject({ criteria: 6, met: 5, undetermined: 1 });
  });
  it('is silent when every criterion has a row', () => {
    expect(rules(pl01(goodLines()).findings, 'missing-criterion')).toEqual([]);
  });
});

describe('duplicate-criterion', () => {
  it('reports the second row of a code and evaluates the first', () => {
    const lines = [...goodLines(), '1.6\tTỷ lệ hồ sơ trực tuyến\t%\t70%\t10%\tĐạt'];
    const res = pl01(lines);
    const f = rules(res.findings, 'duplicate-criterion');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'A12', criterion: '1.6', severity: 'error' });
    expect(f[0].message).toContain('dòng 4');
    expect(verdictOf(res, '1.6')).toBe('met');
    expect(rules(res.findings, 'unmet-target')).toEqual([]);
  });
  it('does not count a repeated header row as a row', () => {
    const lines = [...goodLines().slice(0, 4), HEADER, ...goodLines().slice(4)];
    const res = pl01(lines);
    expect(rules(res.findings, 'duplicate-criterion')).toEqual([]);
    expect(res.findings).toEqual([]);
  });
});

describe('unknown-criterion', () => {
  it('warns about a code not in the catalog and does not evaluate it', () => {
    const res = pl01([...goodLines(), '4.9\tChỉ tiêu lạ\t%\t50%\t10%\tĐạt']);
    const f = rules(res.findings, 'unknown-criterion');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'A12', criterion: '4.9', severity: 'warning' });
    expect(res.criteria.map((c) => c.code)).not.toContain('4.9');
    expect(rules(res.findings, 'unmet-target')).toEqual([]);
  });
  it('is silent for catalog codes', () => {
    expect(rules(pl01(goodLines()).findings, 'unknown-criterion')).toEqual([]);
  });
});

describe('missing-result', () => {
  it('reports an empty result and, with Đạt typed, a verdict mismatch (Hoàng Kim 1.11)', () => {
    const res = pl01(replaceLine(goodLines(), '1.1', '1.1\tKế hoạch\tVăn bản\tCó\t\tĐạt\tKH 12'));
    const f = rules(res.findings, 'missing-result');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'E3', criterion: '1.1', severity: 'error' });
    expect(verdictOf(res, '1.1')).toBe('undetermined');
    const vm = rules(res.findings, 'verdict-mismatch');
    expect(vm).toHaveLength(1);
    expect(vm[0].cell).toBe('F3');
    expect(vm[0].message).toBe('1.1: chưa có kết quả nhưng ghi Đạt');
    expect(rules(res.findings, 'missing-verdict')).toEqual([]);
  });
  it('is silent when the result is filled', () => {
    expect(rules(pl01(goodLines()).findings, 'missing-result')).toEqual([]);
  });
});

describe('unparseable-value', () => {
  it('reports a yes against a rate target', () => {
    const res = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t70%\tCó\t'));
    const f = rules(res.findings, 'unparseable-value');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'E4', criterion: '1.6' });
    expect(f[0].message).toContain('không phải một tỷ lệ');
    expect(verdictOf(res, '1.6')).toBe('undetermined');
  });
  it('reports a formula error result', () => {
    const res = pl01(goodLines(), {
      edit: (g) =>
        withCell(g, { row: 3, col: 4, kind: 'error', value: '#DIV/0!', formula: 'C1/D1' }),
    });
    const f = rules(res.findings, 'unparseable-value');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe('1.6: kết quả là lỗi công thức #DIV/0!');
    // typed Đạt on an unreadable result
    expect(rules(res.findings, 'verdict-mismatch')).toHaveLength(1);
  });
  it('reports a qualitative result without an accepted phrase, and an unknown verdict word', () => {
    const res = pl01(
      replaceLine(
        goodLines(),
        '1.8',
        '1.8\tKhai thác\tHệ thống\tSử dụng hiệu quả\tĐang triển khai\tx',
      ),
    );
    const f = rules(res.findings, 'unparseable-value');
    expect(f.map((x) => x.cell)).toEqual(['E5', 'F5']);
    expect(f[0].message).toContain('“Đang triển khai”');
    expect(f[1].message).toContain('“x”');
  });
  it('is silent for readable results', () => {
    expect(rules(pl01(goodLines()).findings, 'unparseable-value')).toEqual([]);
  });
});

describe('unmet-target', () => {
  it('reports a rate below target, and the Đạt typed against it', () => {
    const res = pl01(replaceLine(goodLines(), '3.6', '3.6\tKhám bệnh từ xa\t%\t10%\t8,2%\tĐạt'));
    const f = rules(res.findings, 'unmet-target');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'E9', criterion: '3.6', severity: 'error' });
    expect(f[0].message).toBe('3.6: kết quả 8,2% thấp hơn chỉ tiêu 10%');
    expect(verdictOf(res, '3.6')).toBe('unmet');
    expect(res.summary).toMatchObject({ met: 5, unmet: 1 });
  });
  it('accepts a rate exactly at target', () => {
    const res = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t70%\t70%\tĐạt'));
    expect(rules(res.findings, 'unmet-target')).toEqual([]);
    expect(verdictOf(res, '1.6')).toBe('met');
  });
  it('needs more than the value for a strict ("trên X%") target', () => {
    const catalog = testCatalog(
      CRITERIA.map((c) =>
        c.code === '1.6'
          ? {
              ...c,
              target: { kind: 'min-rate', value: 0.7, text: 'trên 70%', strict: true } as Target,
            }
          : c,
      ),
    );
    const at = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\ttrên 70%\t70%\tĐạt'), {
      catalog,
    });
    expect(verdictOf(at, '1.6')).toBe('unmet');
    const above = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\ttrên 70%\t70,1%\tĐạt'), {
      catalog,
    });
    expect(verdictOf(above, '1.6')).toBe('met');
  });
  it('reports "Không" and a count of 0 against a yes target', () => {
    const res = pl01(
      replaceLine(
        replaceLine(goodLines(), '1.1', '1.1\tKế hoạch\tVăn bản\tCó\tKhông\tKhông đạt\tKH'),
        '4.5',
        '4.5\tWifi\tĐiểm phát\tCó\t0 điểm\tKhông đạt\tDS',
      ),
    );
    expect(rules(res.findings, 'unmet-target').map((f) => f.criterion)).toEqual(['1.1', '4.5']);
    expect(rules(res.findings, 'verdict-mismatch')).toEqual([]);
  });
  it('reports a negative phrase against a qualitative target', () => {
    const res = pl01(
      replaceLine(
        goodLines(),
        '1.8',
        '1.8\tKhai thác\tHệ thống\tSử dụng hiệu quả\tChưa sử dụng hiệu quả\tKhông đạt',
      ),
    );
    expect(rules(res.findings, 'unmet-target').map((f) => f.criterion)).toEqual(['1.8']);
    expect(rules(res.findings, 'unparseable-value')).toEqual([]);
  });
});

describe('verdict-mismatch', () => {
  it('names the values: "3.6: kết quả 8,2% thấp hơn chỉ tiêu 10% nhưng ghi Đạt"', () => {
    const res = pl01(replaceLine(goodLines(), '3.6', '3.6\tKhám bệnh từ xa\t%\t10%\t8,2%\tĐạt'));
    const f = rules(res.findings, 'verdict-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'F9', criterion: '3.6', severity: 'error' });
    expect(f[0].message).toBe('3.6: kết quả 8,2% thấp hơn chỉ tiêu 10% nhưng ghi Đạt');
  });
  it('reports "Không đạt" typed on a met result', () => {
    const res = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t70%\t82,9%\tKhông đạt'));
    const f = rules(res.findings, 'verdict-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe('1.6: kết quả 82,9% đạt chỉ tiêu 70% nhưng ghi Không đạt');
  });
  it("reads a formula verdict's cached result", () => {
    const formulaVerdict = (value: string): Cell => ({
      row: 8,
      col: 5,
      kind: 'string',
      value,
      formula: 'IF(E9>=D9,"Đạt","Không đạt")',
    });
    const wrong = pl01(replaceLine(goodLines(), '3.6', '3.6\tKhám bệnh\t%\t10%\t8,2%'), {
      edit: (g) => withCell(g, formulaVerdict('Đạt')),
    });
    expect(rules(wrong.findings, 'verdict-mismatch')).toHaveLength(1);
    const right = pl01(replaceLine(goodLines(), '3.6', '3.6\tKhám bệnh\t%\t10%\t8,2%'), {
      edit: (g) => withCell(g, formulaVerdict('Không đạt')),
    });
    expect(rules(right.findings, 'verdict-mismatch')).toEqual([]);
    expect(rules(right.findings, 'missing-verdict')).toEqual([]);
  });
  it('accepts "Chưa đạt" on an unmet result and Đạt on a met one', () => {
    const res = pl01(replaceLine(goodLines(), '3.6', '3.6\tKhám bệnh\t%\t10%\t8,2%\tChưa đạt'));
    expect(rules(res.findings, 'verdict-mismatch')).toEqual([]);
    expect(rules(pl01(goodLines()).findings, 'verdict-mismatch')).toEqual([]);
  });
});

describe('missing-verdict', () => {
  it('warns when a result exists but Đánh giá is empty', () => {
    const res = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t70%\t82,9%\t'));
    const f = rules(res.findings, 'missing-verdict');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'F4', criterion: '1.6', severity: 'warning' });
    expect(f[0].message).toContain('Đạt');
  });
  it('is silent when the result is empty too, and for a formula not yet calculated', () => {
    const empty = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t70%\t\t'));
    expect(rules(empty.findings, 'missing-verdict')).toEqual([]);
    const pending = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t70%\t82,9%\t'), {
      edit: (g) =>
        withCell(g, {
          row: 3,
          col: 5,
          kind: 'empty',
          value: null,
          formula: 'IF(E4>=D4,"Đạt","Không đạt")',
        }),
    });
    expect(rules(pending.findings, 'missing-verdict')).toEqual([]);
  });
});

describe('ratio-mismatch', () => {
  const withResult = (result: string) =>
    pl01(replaceLine(goodLines(), '1.6', `1.6\tTỷ lệ\t%\t50%\t${result}\tĐạt`), {
      catalog: testCatalog(
        CRITERIA.map((c) =>
          c.code === '1.6'
            ? { ...c, target: { kind: 'min-rate', value: 0.5, text: '50%' } as Target }
            : c,
        ),
      ),
    });
  it('reports "2/3 = 69%"', () => {
    const f = rules(withResult('2/3 = 69%').findings, 'ratio-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'E4', criterion: '1.6', severity: 'error' });
    expect(f[0].message).toBe('1.6: 2/3 = 66,67%, không phải 69%');
  });
  it('accepts the quotient rounded or truncated to the decimals typed', () => {
    for (const ok of [
      '2/3 = 66,67%',
      '2/3 = 67%',
      '2/3 = 66%',
      '2/3 = 66,7%',
      '3.420/4.551 = 75,15%',
    ])
      expect(rules(withResult(ok).findings, 'ratio-mismatch')).toEqual([]);
    // 3420/4551 = 75,148…%: 75,15 (rounded) and 75,14 (truncated) agree, 75,16 does not
    expect(ratioDisagreement(3420, 4551, 0.7514)).toBeNull();
    expect(ratioDisagreement(3420, 4551, 0.7516)).toBe('75,15%');
  });
});

describe('value-out-of-range', () => {
  it('reports a rate above 100% or below 0', () => {
    const above = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t70%\t120%\tĐạt'));
    const f = rules(above.findings, 'value-out-of-range');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'E4', severity: 'error' });
    expect(f[0].message).toBe('1.6: kết quả 120% vượt quá 100%');
    const below = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t70%\t-5%\tKhông đạt'));
    expect(rules(below.findings, 'value-out-of-range')).toHaveLength(1);
  });
  it('accepts exactly 100%', () => {
    const res = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t70%\t100%\tĐạt'));
    expect(rules(res.findings, 'value-out-of-range')).toEqual([]);
  });
});

describe('ambiguous-unit', () => {
  it('warns on a target "50" in a % row and reads it as 50% (Hoàng Kim 2.5)', () => {
    const res = pl01(replaceLine(goodLines(), '2.5', '2.5\tHợp đồng điện tử\t%\t50\t53,57%\tĐạt'));
    const f = rules(res.findings, 'ambiguous-unit');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'D7', criterion: '2.5', severity: 'warning' });
    expect(f[0].message).toContain('50%');
    expect(rules(res.findings, 'target-differs')).toEqual([]);
  });
  it('warns on a bare-number result and still judges it', () => {
    const res = pl01(replaceLine(goodLines(), '2.5', '2.5\tHợp đồng điện tử\t%\t50%\t53,57\tĐạt'));
    const f = rules(res.findings, 'ambiguous-unit');
    expect(f.map((x) => x.cell)).toEqual(['E7']);
    expect(verdictOf(res, '2.5')).toBe('met');
  });
  it('reads a bare number as a percent when the row gives no unit but the target is a rate', () => {
    const res = pl01(
      replaceLine(goodLines(), '2.5', '2.5\tHợp đồng điện tử\t\t50%\t40\tKhông đạt'),
    );
    expect(rules(res.findings, 'ambiguous-unit').map((x) => x.cell)).toEqual(['E7']);
    expect(verdictOf(res, '2.5')).toBe('unmet');
  });
  it('is silent when the % is written', () => {
    expect(rules(pl01(goodLines()).findings, 'ambiguous-unit')).toEqual([]);
  });
});

describe('target-differs', () => {
  it('warns when the sheet target differs from the catalog', () => {
    const res = pl01(replaceLine(goodLines(), '2.5', '2.5\tHợp đồng điện tử\t%\t40%\t53,57%\tĐạt'));
    const f = rules(res.findings, 'target-differs');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'D7', criterion: '2.5', severity: 'warning' });
    expect(f[0].message).toBe('2.5: chỉ tiêu trên bảng là 40%, bộ tiêu chí quy định 50%');
  });
  it('warns on a target 1 point off the catalog (69% typed, 70% required); quiet on 70%', () => {
    const off = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t69%\t82,9%\tĐạt'));
    const f = rules(off.findings, 'target-differs');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ criterion: '1.6', severity: 'warning' });
    expect(f[0].message).toContain('69%');
    const same = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t70%\t82,9%\tĐạt'));
    expect(rules(same.findings, 'target-differs')).toEqual([]);
  });
  it('uses the catalog target, not the sheet target, for the verdict', () => {
    const res = pl01(replaceLine(goodLines(), '2.5', '2.5\tHợp đồng điện tử\t%\t40%\t45%\tĐạt'));
    expect(verdictOf(res, '2.5')).toBe('unmet');
  });
  it('warns on a different qualitative phrase', () => {
    const res = pl01(
      replaceLine(
        goodLines(),
        '1.8',
        '1.8\tKhai thác\tHệ thống\tĐủ 5 hệ thống\tSử dụng hiệu quả\tĐạt',
      ),
    );
    expect(rules(res.findings, 'target-differs').map((f) => f.criterion)).toEqual(['1.8']);
  });
  it('compares phrases by meaning and ignores an empty sheet target', () => {
    expect(samePhrase('Có sử dụng hiệu quả', 'Sử dụng hiệu quả')).toBe(true);
    expect(samePhrase('Đáp', 'Đáp ứng')).toBe(false);
    const res = pl01(replaceLine(goodLines(), '1.6', '1.6\tTỷ lệ\t%\t\t82,9%\tĐạt'));
    expect(res.findings).toEqual([]);
  });
});

describe('missing-evidence', () => {
  it('warns on the evidence cell of a criterion that requires evidence', () => {
    const res = pl01(replaceLine(goodLines(), '1.1', '1.1\tKế hoạch\tVăn bản\tCó\tCó\tĐạt\t'));
    const f = rules(res.findings, 'missing-evidence');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'G3', criterion: '1.1', severity: 'warning' });
    expect(f[0].message).toContain('Hồ sơ chứng minh 1.1');
  });
  it('is silent for criteria not requiring evidence, and when a link is given', () => {
    // 1.6 requires none and has none in goodLines
    expect(rules(pl01(goodLines()).findings, 'missing-evidence')).toEqual([]);
    const linked = pl01(replaceLine(goodLines(), '1.1', '1.1\tKế hoạch\tVăn bản\tCó\tCó\tĐạt\t'), {
      edit: (g) =>
        withCell(g, {
          row: 2,
          col: 6,
          kind: 'string',
          value: ' ',
          hyperlink: 'http://x.gov.vn/kh',
        }),
    });
    expect(rules(linked.findings, 'missing-evidence')).toEqual([]);
  });
  it('is silent on a layout without an evidence column (PHỤ LỤC 02)', () => {
    const grid = gridFromTsv(
      'PL02',
      [
        'TT\tTên\tĐVT\tChỉ tiêu\tXã\tHuyện\tĐánh giá\tGhi chú',
        '1.1\tKế hoạch\tVăn bản\tCó\tCó\tCó\tĐạt',
      ].join('\n'),
    );
    const rec = recognise(grid, 'phu-luc-02', PL02_COLUMNS);
    const res = evaluateAppendix('PL02', new GridView(grid), rec, testCatalog([CRITERIA[0]]));
    expect(res.findings).toEqual([]);
  });
});

describe('group-row-verdict', () => {
  it('warns on a verdict typed on a group row', () => {
    const res = pl01(
      goodLines().map((l) => (l === '3\tXã hội số' ? '3\tXã hội số\t\t\t\tĐạt' : l)),
    );
    const f = rules(res.findings, 'group-row-verdict');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'F8', severity: 'warning' });
    expect(f[0].message).toContain('Xã hội số');
  });
  it('does not read a group name merged across the row as a verdict', () => {
    const res = pl01(goodLines(), {
      edit: (g) => ({ ...g, merges: [{ top: 7, left: 1, bottom: 7, right: 7 }] }),
    });
    expect(rules(res.findings, 'group-row-verdict')).toEqual([]);
  });
});

describe('group-row-verdict with Đánh giá split into Đạt | Không đạt mark columns', () => {
  /** A verdict typed on group row "3" in the mark column `col` ('met' | 'unmet'). */
  const groupMarkFindings = async (col: 'met' | 'unmet', text: string) => {
    const { wb, map } = marksWorkbook(cleanRows());
    wb.getWorksheet('PL01')!.getCell(map.rowOf.get('3')!, map.col[col]).value = text;
    const { snapshot } = await load(wb);
    const sheet = analyze(snapshot).sheets.find((s) => s.name === 'PL01')!;
    expect(sheet.layout!.verdictMarks).toBeDefined();
    return rules(sheet.findings, 'group-row-verdict');
  };
  it('is quiet on a "-" in either mark column of a group row', async () => {
    expect(await groupMarkFindings('met', '-')).toEqual([]);
    expect(await groupMarkFindings('unmet', '-')).toEqual([]);
  });
  it('warns on an "x" in a mark column of a group row', async () => {
    const f = await groupMarkFindings('met', 'x');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning' });
    expect(f[0].message).toContain('Xã hội số');
    expect(await groupMarkFindings('unmet', 'x')).toHaveLength(1);
  });
});

describe('appraisal levels (PHỤ LỤC 02/03)', () => {
  const pl02 = (line: string) => {
    const grid = gridFromTsv(
      'PL02',
      ['TT\tTên\tĐVT\tChỉ tiêu\tXã\tHuyện\tĐánh giá\tGhi chú', line].join('\n'),
    );
    const rec = recognise(grid, 'phu-luc-02', PL02_COLUMNS);
    return evaluateAppendix('PL02', new GridView(grid), rec, testCatalog([CRITERIA[1]]));
  };
  it('judges the district result', () => {
    const res = pl02('1.6\tTỷ lệ\t%\t70%\t82,9%\t60%\tKhông đạt');
    expect(res.criteria[0]).toMatchObject({ verdict: 'unmet' });
    expect(res.criteria[0].value).toBeCloseTo(0.6, 10);
    expect(rules(res.findings, 'unmet-target')[0].cell).toBe('F2');
  });
  it('missing-result: empty district result with a commune result → undetermined', () => {
    const res = pl02('1.6\tTỷ lệ\t%\t70%\t82,9%\t\t');
    expect(res.criteria[0].verdict).toBe('undetermined');
    const f = rules(res.findings, 'missing-result');
    expect(f).toHaveLength(1);
    expect(f[0].cell).toBe('F2');
    expect(f[0].message).toBe(
      '1.6: chưa có kết quả thẩm định của UBND cấp huyện (kết quả tự đánh giá của UBND cấp xã: 82,9%)',
    );
  });
  it('appraisal-differs: info when the levels differ, silent within 0,05 point', () => {
    const differs = pl02('1.6\tTỷ lệ\t%\t70%\t82,9%\t80%\tĐạt');
    const f = rules(differs.findings, 'appraisal-differs');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'F2', severity: 'info' });
    expect(f[0].message).toContain('80%');
    expect(f[0].message).toContain('82,9%');
    expect(
      rules(pl02('1.6\tTỷ lệ\t%\t70%\t82,9%\t82,93%\tĐạt').findings, 'appraisal-differs'),
    ).toEqual([]);
  });
  it('appraisal-differs at 0,4 point (82,9% below, 82,5% above); equal values quiet', () => {
    const f = rules(pl02('1.6\tTỷ lệ\t%\t70%\t82,9%\t82,5%\tĐạt').findings, 'appraisal-differs');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'F2', criterion: '1.6' });
    expect(f[0].message).toContain('82,5%');
    expect(
      rules(pl02('1.6\tTỷ lệ\t%\t70%\t82,9%\t82,9%\tĐạt').findings, 'appraisal-differs'),
    ).toEqual([]);
  });
  it('PHỤ LỤC 03 judges the province result against the district one', () => {
    const grid = gridFromTsv(
      'PL03',
      [
        'TT\tTên\tĐVT\tChỉ tiêu\tHuyện\tTỉnh\tĐánh giá\tGhi chú',
        '1.1\tKế hoạch\tVăn bản\tCó\tCó\tKhông\tĐạt',
      ].join('\n'),
    );
    const rec = recognise(grid, 'phu-luc-03', PL03_COLUMNS);
    const res = evaluateAppendix('PL03', new GridView(grid), rec, testCatalog([CRITERIA[0]]));
    expect(res.criteria[0].verdict).toBe('unmet');
    expect(rules(res.findings, 'appraisal-differs').map((f) => f.cell)).toEqual(['F2']);
    expect(rules(res.findings, 'verdict-mismatch').map((f) => f.cell)).toEqual(['G2']);
  });
});

describe('target semantics', () => {
  const yes: Target = { kind: 'yes', text: 'Có' };
  const rate: Target = { kind: 'min-rate', value: 0.7, text: '70%' };
  const count: Target = { kind: 'min-count', value: 2, text: '2 điểm' };
  const qual: Target = { kind: 'qualitative', text: 'Đáp ứng', accept: ['Đáp ứng', 'Đạt', 'Có'] };
  const v = (raw: string) => ({ kind: 'text' as const, raw, text: raw });
  it('yes: a count ≥ 1, a rate > 0, a positive text; not 0 or a negative', () => {
    expect(
      judgeResult('x', { kind: 'number', value: 25, raw: '25 camera', unit: 'camera' }, yes)
        .verdict,
    ).toBe('met');
    expect(judgeResult('x', { kind: 'number', value: 0, raw: '0' }, yes).verdict).toBe('unmet');
    expect(judgeResult('x', { kind: 'rate', value: 0.3, raw: '30%' }, yes).verdict).toBe('met');
    expect(judgeResult('x', { kind: 'rate', value: 0, raw: '0%' }, yes).verdict).toBe('unmet');
    expect(judgeResult('x', v('Trang thông tin điện tử xã'), yes).verdict).toBe('met');
    expect(judgeResult('x', v('Chưa triển khai'), yes).verdict).toBe('unmet');
    expect(judgeResult('x', { kind: 'no', raw: 'Chưa có' }, yes).verdict).toBe('unmet');
  });
  it('min-count: a number ≥ value or yes', () => {
    expect(judgeResult('x', { kind: 'number', value: 2, raw: '2' }, count).verdict).toBe('met');
    expect(judgeResult('x', { kind: 'number', value: 1, raw: '1' }, count).verdict).toBe('unmet');
    expect(judgeResult('x', { kind: 'yes', raw: 'Có' }, count).verdict).toBe('met');
    expect(judgeResult('x', v('nhiều'), count).verdict).toBe('undetermined');
  });
  it('min-rate: a rate against the value, "Không" is unmet, text is unreadable', () => {
    expect(judgeResult('x', { kind: 'rate', value: 0.7 - 1e-12, raw: '70%' }, rate).verdict).toBe(
      'met',
    );
    expect(judgeResult('x', { kind: 'no', raw: 'Không' }, rate).verdict).toBe('unmet');
    expect(judgeResult('x', v('Tốt'), rate).verdict).toBe('undetermined');
  });
  it('qualitative: accepted phrases either way, Đạt, Có; negatives unmet; others unreadable', () => {
    expect(judgeResult('x', v('Có đáp ứng yêu cầu'), qual).verdict).toBe('met');
    expect(judgeResult('x', v('Đạt'), qual).verdict).toBe('met');
    expect(judgeResult('x', { kind: 'yes', raw: 'Có' }, qual).verdict).toBe('met');
    expect(judgeResult('x', v('Chưa đáp ứng'), qual).verdict).toBe('unmet');
    expect(judgeResult('x', v('Đáp'), qual).verdict).toBe('undetermined');
    expect(judgeResult('x', { kind: 'rate', value: 1, raw: '100%' }, qual).verdict).toBe(
      'undetermined',
    );
  });
});

describe('comparisons', () => {
  it('sheetTargetAgrees for counts, yes and qualitative targets', () => {
    const count: Target = { kind: 'min-count', value: 1, text: '1 điểm' };
    expect(sheetTargetAgrees({ kind: 'number', value: 1, raw: '1' }, count)).toBe(true);
    expect(sheetTargetAgrees({ kind: 'number', value: 2, raw: '2' }, count)).toBe(false);
    expect(sheetTargetAgrees({ kind: 'yes', raw: 'Có' }, count)).toBe(true);
    expect(sheetTargetAgrees({ kind: 'yes', raw: 'Có' }, { ...count, value: 3 })).toBe(false);
    const yes: Target = { kind: 'yes', text: 'Có' };
    expect(sheetTargetAgrees({ kind: 'yes', raw: 'Có' }, yes)).toBe(true);
    expect(sheetTargetAgrees({ kind: 'number', value: 1, raw: '1' }, yes)).toBe(true);
    expect(sheetTargetAgrees({ kind: 'no', raw: 'Không' }, yes)).toBe(false);
    expect(sheetTargetAgrees({ kind: 'empty', raw: '' }, yes)).toBe(true);
    const rate: Target = { kind: 'min-rate', value: 0.5, text: '50%' };
    expect(sheetTargetAgrees({ kind: 'rate', value: 0.5, raw: '50%' }, rate)).toBe(true);
    expect(sheetTargetAgrees({ kind: 'text', raw: 'Một nửa', text: 'Một nửa' }, rate)).toBe(false);
  });
  it('sameResult compares levels by kind and value', () => {
    expect(sameResult({ kind: 'yes', raw: 'Có' }, { kind: 'yes', raw: 'Có kênh Zalo' })).toBe(true);
    expect(sameResult({ kind: 'yes', raw: 'Có' }, { kind: 'no', raw: 'Không' })).toBe(false);
    expect(
      sameResult(
        { kind: 'number', value: 14, raw: '14' },
        { kind: 'number', value: 12, raw: '12' },
      ),
    ).toBe(false);
    expect(
      sameResult(
        { kind: 'text', raw: 'Đáp ứng', text: 'Đáp ứng' },
        { kind: 'text', raw: 'đáp  ứng', text: 'đáp ứng' },
      ),
    ).toBe(true);
  });
  it('PHỤ LỤC 03 without a district column compares with the commune result', () => {
    const grid = gridFromTsv('PL03', 'TT\tTên\tĐVT\tChỉ tiêu\tXã\tTỉnh\tĐánh giá');
    const roles: ColumnRole[] = [
      'tt',
      'name',
      'unit',
      'target',
      'result-commune',
      'result-province',
      'verdict',
    ];
    expect(resultRoles(recognise(grid, 'phu-luc-03', roles))).toEqual({
      own: 'result-province',
      lower: 'result-commune',
    });
    expect(resultRoles(recognise(grid, 'phu-luc-03', PL03_COLUMNS)).lower).toBe('result-district');
  });
  it('reads a count back as a number when the row says % but the target is not a rate', () => {
    const res = pl01(replaceLine(goodLines(), '4.5', '4.5\tWifi\t%\tCó\t3\tĐạt\tDS'));
    expect(res.criteria.find((c) => c.code === '4.5')).toMatchObject({ verdict: 'met', value: 3 });
    expect(rules(res.findings, 'ambiguous-unit')).toEqual([]);
  });
});

describe('labels', () => {
  it('verdictLabel and summaryLineVi', () => {
    expect(verdictLabel('met')).toBe('Đạt');
    expect(verdictLabel('unmet')).toBe('Không đạt');
    expect(verdictLabel('undetermined')).toBe('Chưa xác định');
    expect(summaryLineVi({ criteria: 37, met: 36, unmet: 0, undetermined: 1 })).toBe(
      'Đạt 36/37 tiêu chí (97,3%)',
    );
    expect(summaryLineVi({ criteria: 0, met: 0, unmet: 0, undetermined: 0 })).toBe(
      'Đạt 0/0 tiêu chí',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// End to end on the seed tables: recognizeAppendix + defaultCatalog + evaluateAppendix.

describe('Hoàng Kim PHỤ LỤC 01 (seed 004), end to end', () => {
  const catalog = defaultCatalog();
  const evaluateSeed = (edit?: (g: SheetGrid) => SheetGrid) => {
    let grid = gridFromTsv('Phụ lục 01', readSeedTable('hoang-kim-pl01.tsv'));
    if (edit) grid = edit(grid);
    const view = new GridView(grid);
    const rec = recognizeAppendix(view, catalog);
    if (!rec) throw new Error('not recognised');
    return { grid, rec, ...evaluateAppendix(grid.name, view, rec, catalog) };
  };
  /** Criteria whose Tài liệu minh chứng cell holds a link in the seed. */
  const WITH_EVIDENCE = ['1.7', '1.9', '2.2', '2.3'];

  it('reads 37 criteria: 36 met, 1.11 undetermined', () => {
    const res = evaluateSeed();
    expect(res.summary).toEqual({ criteria: 37, met: 36, unmet: 0, undetermined: 1 });
    expect(res.criteria.filter((c) => c.verdict !== 'met').map((c) => c.code)).toEqual(['1.11']);
    expect(summaryLineVi(res.summary)).toBe('Đạt 36/37 tiêu chí (97,3%)');
  });

  it('reports exactly what is wrong, and invents nothing', () => {
    const { findings, grid } = evaluateSeed();
    const row = (code: string) => rowOf(grid, code) + 1;
    const byRule = (r: RuleId) => rules(findings, r).map((f) => `${f.criterion ?? ''}@${f.cell}`);
    expect(byRule('missing-result')).toEqual([`1.11@E${row('1.11')}`]);
    expect(byRule('verdict-mismatch')).toEqual([`1.11@F${row('1.11')}`]);
    expect(byRule('ambiguous-unit')).toEqual([`2.5@D${row('2.5')}`]);
    expect(byRule('group-row-verdict')).toEqual([`@F${row('3')}`, `@F${row('4')}`]);
    const expectedEvidence = catalog.criteria
      .filter((c) => c.evidenceRequired && !WITH_EVIDENCE.includes(c.code))
      .map((c) => c.code);
    expect(expectedEvidence.length).toBeGreaterThan(0);
    expect(
      rules(findings, 'missing-evidence')
        .map((f) => f.criterion)
        .sort(),
    ).toEqual(expectedEvidence.sort());
    const expectedRules = new Set<RuleId>([
      'missing-result',
      'verdict-mismatch',
      'ambiguous-unit',
      'group-row-verdict',
      'missing-evidence',
    ]);
    expect(findings.filter((f) => !expectedRules.has(f.rule))).toEqual([]);
  });

  it('reads the results as typed: 1.8 text, 3.8 "69%.", 4.5 "14 điểm", 4.2 split "Đáp ứng"', () => {
    const { criteria } = evaluateSeed();
    const c = (code: string) => criteria.find((x) => x.code === code);
    expect(c('1.8')).toMatchObject({ verdict: 'met', value: 'Sử dụng hiệu quả' });
    expect(c('3.8')?.verdict).toBe('met');
    expect(c('3.8')?.value).toBeCloseTo(0.69, 10);
    expect(c('4.5')).toMatchObject({ verdict: 'met', value: 14 });
    expect(c('4.6')).toMatchObject({ verdict: 'met', value: 25 });
    expect(c('4.2')).toMatchObject({ verdict: 'met', value: 'Đáp ứng' });
    expect(c('1.7')?.verdict).toBe('met');
    expect(c('1.11')).toMatchObject({ verdict: 'undetermined', value: null });
  });

  it('catches a result below target typed Đạt (3.6 at 8,2%)', () => {
    const { findings } = evaluateSeed((g) => {
      const r = rowOf(g, '3.6');
      return withCell(g, { row: r, col: 4, kind: 'string', value: '8,2%' });
    });
    expect(rules(findings, 'unmet-target').map((f) => f.message)).toEqual([
      '3.6: kết quả 8,2% thấp hơn chỉ tiêu 10%',
    ]);
    expect(rules(findings, 'verdict-mismatch').map((f) => f.message)).toContain(
      '3.6: kết quả 8,2% thấp hơn chỉ tiêu 10% nhưng ghi Đạt',
    );
  });

  it('catches "2/3 = 69%" typed in 3.8', () => {
    const { findings } = evaluateSeed((g) =>
      withCell(g, { row: rowOf(g, '3.8'), col: 4, kind: 'string', value: '2/3 = 69%' }),
    );
    expect(rules(findings, 'ratio-mismatch').map((f) => f.message)).toEqual([
      '3.8: 2/3 = 66,67%, không phải 69%',
    ]);
  });
});

describe('blank PHỤ LỤC 02 (seed 001), end to end', () => {
  it('judges the district result, without evidence checks', () => {
    const catalog = defaultCatalog();
    let grid = gridFromTsv('Phụ lục 02', readSeedTable('blank-pl02.tsv'));
    const r = rowOf(grid, '1.6');
    grid = withCell(grid, { row: r, col: 4, kind: 'string', value: '82,9%' });
    grid = withCell(grid, { row: r, col: 5, kind: 'string', value: '80%' });
    grid = withCell(grid, { row: r, col: 6, kind: 'string', value: 'Đạt' });
    const view = new GridView(grid);
    const rec = recognizeAppendix(view, catalog);
    expect(rec?.kind).toBe('phu-luc-02');
    if (!rec) return;
    const res = evaluateAppendix(grid.name, view, rec, catalog);
    expect(res.criteria.find((c) => c.code === '1.6')?.verdict).toBe('met');
    expect(res.summary).toEqual({ criteria: 37, met: 1, unmet: 0, undetermined: 36 });
    expect(rules(res.findings, 'appraisal-differs').map((f) => f.cell)).toEqual([`F${r + 1}`]);
    expect(rules(res.findings, 'missing-result')).toHaveLength(36);
    expect(rules(res.findings, 'missing-evidence')).toEqual([]);
    expect(rules(res.findings, 'missing-verdict')).toEqual([]);
  });
});
