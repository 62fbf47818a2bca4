import { analyzeWorkbook } from '../../../../src/core/analyze';
import { bundledCatalog, defaultCatalog } from '../../../../src/core/catalog';
import { GridView } from '../../../../src/core/model/grid';
import { recognizeScoring, evaluateScoring } from '../../../../src/core/scoring';
import { recognizeAppendix } from '../../../../src/core/appendix/recognize';
import {
  acceptanceIndices,
  flatRows,
  gridOf,
  yenDinhRows,
  type IndexSpec,
} from '../../../support/scoring-sheets';

function analyze(rows: ReturnType<typeof yenDinhRows>, catalog = defaultCatalog()) {
  const report = analyzeWorkbook({ sheets: [gridOf('Chỉ số CĐS', rows)] }, catalog);
  return report.sheets[0];
}

/** rule → 1-based rows of the findings */
function byRule(findings: { rule: string; cell: string }[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const f of findings) (out[f.rule] ??= []).push(Number(/\d+$/.exec(f.cell)![0]));
  return out;
}

function rowOfCode(rows: ReturnType<typeof yenDinhRows>, code: string): number {
  return rows.findIndex((r) => r[0] === code && r[1] !== 'Chỉ số đánh giá') + 1;
}

describe('scoring sheet in the Yên Định layout (acceptance)', () => {
  const rows = yenDinhRows(acceptanceIndices());
  const sheet = analyze(rows);

  it('is a dti sheet with exactly the three mistakes, on their rows', () => {
    expect(sheet.kind).toBe('dti');
    const header2 = rows.findIndex((r) => r[0] === '2' && r[1] === 'Chỉ số đánh giá') + 1;
    expect(byRule(sheet.findings)).toEqual({
      'points-sum-mismatch': [rowOfCode(rows, '1.2'), header2].sort((a, b) => a - b),
      'points-over-max': [rowOfCode(rows, '3.3')],
    });
    expect(sheet.findings.every((f) => f.severity === 'error')).toBe(true);
    const f12 = sheet.findings.find((f) => f.criterion === '1.2')!;
    expect(f12.cell).toBe(`D${rowOfCode(rows, '1.2')}`);
    expect(f12.message).toContain('18');
    expect(f12.message).toContain('18,125');
    const fIdx = sheet.findings.find((f) => f.criterion === '2')!;
    expect(fIdx.cell).toBe(`D${header2}`);
    expect(fIdx.message).toMatch(/95.*90/);
  });

  it('reads "5 điểm" as 5 and "8,125" as 8.125, and reports the maximum 300', () => {
    expect(sheet.points).toMatchObject({ max: 300, total: 273 });
    // items as typed: 20+18+20+15+0+5 (1.2 is a parent: its sub-items count) → 8.125+10
    expect(sheet.points!.indices.map((i) => i.computed)).toEqual([78.125, 90, 100]);
    expect(sheet.points!.computed).toBe(268.125);
  });

  it('a clean sheet gives no finding; 10,01 of 10 is over, 10 of 10 is not', () => {
    const clean = acceptanceIndices();
    clean[0].items[1].score = 18.125;
    clean[0].score = 78.125;
    clean[1].score = 90;
    clean[2].items[2].score = 10;
    clean[2].items[3].score = 10;
    expect(analyze(yenDinhRows(clean)).findings).toEqual([]);
    clean[2].items[2].score = '10,01';
    clean[2].score = 100.01;
    const f = analyze(yenDinhRows(clean)).findings.map((x) => x.rule);
    expect(f).toContain('points-over-max');
  });

  it('is not read as an appendix, and the appendix recognition does not claim it', () => {
    const view = new GridView(gridOf('x', rows));
    expect(recognizeAppendix(view, defaultCatalog())).toBeNull();
  });
});

describe('flat layouts and messy variants', () => {
  const indices = (): IndexSpec[] => acceptanceIndices();

  it('index rows, a total row typed over the indices: the total is checked too', () => {
    const ix = indices();
    const rows = flatRows(ix, { total: { max: 300, score: 280 } });
    const s = analyze(rows);
    expect(s.kind).toBe('dti');
    const total = rows.findIndex((r) => r[1] === 'Tổng cộng') + 1;
    const rules = byRule(s.findings);
    expect(rules['points-sum-mismatch']).toContain(total);
    expect(s.points).toMatchObject({ max: 300, total: 280 });
  });

  it('roman index rows with items restarting at 1 are one hierarchy per index', () => {
    const rows = flatRows(indices(), { roman: true });
    const rec = recognizeScoring(new GridView(gridOf('x', rows)))!;
    const roman = rec.nodes.filter((n) => n.kind === 'index').map((n) => n.code);
    expect(roman).toEqual(['I', 'II', 'III']);
    const s = analyze(rows);
    expect(Object.keys(byRule(s.findings)).sort()).toEqual([
      'points-over-max',
      'points-sum-mismatch',
    ]);
    expect(s.findings.map((f) => f.criterion).sort()).toEqual(['1.2', '2', '3.3']);
  });

  it('unreadable and missing points are said so on their cells', () => {
    const ix = indices();
    ix[0].items.find((i) => i.code === '1.5')!.score = 'đạt';
    ix[0].items.find((i) => i.code === '1.6')!.score = null;
    const rows = flatRows(ix);
    const s = analyze(rows);
    const rules = byRule(s.findings);
    expect(rules['points-unreadable']).toEqual([rows.findIndex((r) => r[0] === '1.5') + 1]);
    expect(rules['missing-points']).toEqual([rows.findIndex((r) => r[0] === '1.6') + 1]);
  });

  it('a two-row header ("Điểm" over "Tối đa" | "Tự chấm") and codes typed as numbers (3.10 → 3.1)', () => {
    const ix = indices();
    const rows = flatRows(ix);
    const h = rows.findIndex((r) => r[0] === 'STT');
    rows.splice(h, 1, ['STT', 'Chỉ số đánh giá', 'Điểm', null], [null, null, 'Tối đa', 'Tự chấm']);
    for (const r of rows)
      if (typeof r[0] === 'string' && /^\d+\.\d+$/.test(r[0])) r[0] = Number(r[0]);
    const grid = gridOf('x', rows);
    grid.merges.push({ top: h, left: 2, bottom: h, right: 3 });
    const rec = recognizeScoring(new GridView(grid))!;
    expect(rec.layout.columns).toMatchObject({ max: 2, score: 3 });
    expect(rec.nodes.map((n) => n.code)).toContain('3.10');
    expect(rec.nodes.find((n) => n.code === '3.10')!.parent).toBe(
      rec.nodes.findIndex((n) => n.code === '3'),
    );
  });

  it('NFD text, "Điểm năm 2024" title, and an uncoded "-" sub-item under an item', () => {
    const rows = flatRows(indices(), { scoreTitle: 'Điểm năm 2024'.normalize('NFD') });
    const at = rows.findIndex((r) => r[0] === '1.2.1');
    rows.splice(
      at,
      2,
      [null, '- Tham gia đầy đủ các cuộc họp', 10, '8,125'],
      [null, '- Chủ trì các cuộc họp', 10, 10],
    );
    const s = analyze(rows);
    expect(s.kind).toBe('dti');
    expect(s.findings.find((f) => f.criterion === '1.2')?.rule).toBe('points-sum-mismatch');
  });
});

describe('rounding at the boundary', () => {
  it('a parent rounded to 2 decimals (18,13 over 18,125) is not a mismatch; 18,14 is', () => {
    const at = (typed: string) => {
      const ix = acceptanceIndices();
      ix[0].items[1].score = typed;
      ix[0].score = 78;
      return analyze(flatRows(ix)).findings.filter((f) => f.criterion === '1.2');
    };
    expect(at('18,13')).toEqual([]);
    expect(at('18,12')).toEqual([]);
    expect(at('18,14').map((f) => f.rule)).toEqual(['points-sum-mismatch']);
    expect(at('18,11').map((f) => f.rule)).toEqual(['points-sum-mismatch']);
  });

  it('roman indices typed in the name column ("I. Nhận thức số") without a code of their own', () => {
    const rows = flatRows(acceptanceIndices(), { roman: true });
    for (const r of rows)
      if (typeof r[0] === 'string' && /^[IVX]+$/.test(r[0])) {
        r[1] = `${r[0]}. ${r[1]}`;
        r[0] = null;
      }
    const rec = recognizeScoring(new GridView(gridOf('x', rows)))!;
    expect(rec.nodes.filter((n) => n.kind === 'index').map((n) => n.code)).toEqual([
      'I',
      'II',
      'III',
    ]);
    expect(
      analyze(rows)
        .findings.map((f) => f.criterion)
        .sort(),
    ).toEqual(['1.2', '2', '3.3']);
  });
});

describe('with a scored catalog', () => {
  const cat = bundledCatalog('thanh-hoa-dti-huyen-2022');

  it('the bundled Yên Định index: 8 indices, 1.000 points, 1.2 = 1.2.1 + 1.2.2', () => {
    expect(cat.groups.map((g) => g.points)).toEqual([100, 100, 100, 100, 100, 200, 150, 150]);
    expect(cat.scoring?.total).toBe(1000);
    expect(cat.criteria.find((c) => c.code === '1.2.1')?.points).toBe(10);
  });

  it('maxima that differ from the catalog are reported (max-differs)', () => {
    const ix = acceptanceIndices();
    // the catalog gives 3.1 and 3.2 5 points each; 1.4 20: type 1.4 as 25
    ix[0].items.find((i) => i.code === '1.4')!.max = 25;
    const s = analyze(yenDinhRows(ix), cat);
    const f = s.findings.filter((x) => x.rule === 'max-differs');
    expect(f.map((x) => x.criterion)).toContain('1.4');
  });
});

describe('rules and explanations from a catalog', () => {
  const base = bundledCatalog('thanh-hoa-dti-huyen-2022');
  const cat = {
    ...base,
    scoring: { total: 1000, explanation: 'below-max' as const },
    criteria: base.criteria.map((c) =>
      c.code === '3.1'
        ? { ...c, scoring: { kind: 'proportional' as const } }
        : c.code === '3.2'
          ? {
              ...c,
              scoring: {
                kind: 'steps' as const,
                steps: [
                  { min: 1, points: 2 },
                  { min: 4, points: 5 },
                ],
              },
            }
          : c,
    ),
  };

  it('score-differs at the boundary: 90% × 5 = 4,5; 4 lần → 5 điểm, 3 lần → 2', () => {
    const ix = acceptanceIndices();
    ix[2].items[0] = { ...ix[2].items[0], score: 4.5, result: '90%', explanation: 'x' };
    ix[2].items[1] = { ...ix[2].items[1], score: 5, result: 3, explanation: 'x' };
    const rows = flatRows(ix, { result: true, explanation: true });
    const s = analyze(rows, cat);
    const diff = s.findings.filter((f) => f.rule === 'score-differs');
    expect(diff.map((f) => f.criterion)).toEqual(['3.2']);
    expect(diff[0].message).toMatch(/5 điểm.*2 điểm/);
    const expl = s.findings.filter((f) => f.rule === 'missing-explanation').map((f) => f.criterion);
    expect(expl).toContain('1.4'); // 15 of 20, no Giải trình
    expect(expl).not.toContain('1.1'); // full points
  });
});

describe('evaluateScoring is pure', () => {
  it('returns the same for the same recognition', () => {
    const rec = recognizeScoring(new GridView(gridOf('x', yenDinhRows(acceptanceIndices()))))!;
    expect(evaluateScoring('x', rec)).toEqual(evaluateScoring('x', rec));
  });
});
