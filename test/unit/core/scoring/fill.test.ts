import { analyzeWorkbook } from '../../../../src/core/analyze';
import { bundledCatalog, defaultCatalog } from '../../../../src/core/catalog';
import { applyPlanToSnapshot } from '../../../../src/core/plan/apply-to-snapshot';
import { GridView, type WorkbookSnapshot } from '../../../../src/core/model/grid';
import { planScoringFill, recognizeScoring } from '../../../../src/core/scoring';
import { computeFormulas } from '../../../support/fixtures/hf-compute';
import { acceptanceIndices, flatRows, gridOf, yenDinhRows } from '../../../support/scoring-sheets';

function fillOnce(wb: WorkbookSnapshot, catalog = defaultCatalog()) {
  const sheet = wb.sheets[0];
  const view = new GridView(sheet);
  const rec = recognizeScoring(view)!;
  const plan = planScoringFill(sheet.name, view, rec, catalog);
  return { plan, after: applyPlanToSnapshot(wb, { description: '', edits: plan.edits }) };
}

describe('fill on a scoring sheet: SUM formulas, computed by HyperFormula', () => {
  it('flat layout with a total row: parents, indices and total are SUMs that compute what the items add up to', () => {
    const rows = flatRows(acceptanceIndices(), { total: { max: 300, score: 280 } });
    const wb = { sheets: [gridOf('DTI', rows)] };
    const { plan, after } = fillOnce(wb);
    const at = (code: string) => rows.findIndex((r) => r[0] === code) + 1;
    const total = rows.findIndex((r) => r[1] === 'Tổng cộng') + 1;
    const formulas = new Map(
      plan.edits.filter((e) => e.op === 'set-formula').map((e) => [e.cell, e]),
    );
    expect(formulas.get(`D${at('1.2')}`)).toMatchObject({
      formula: `SUM(D${at('1.2.1')}:D${at('1.2.2')})`,
      cached: 18.125,
    });
    expect(formulas.get(`D${total}`)).toMatchObject({ cached: 268.125 });
    expect(formulas.get(`C${total}`)).toMatchObject({ cached: 300 });
    // "5 điểm" and "8,125" became numbers, their text kept in a note
    expect(plan.edits).toContainEqual({
      op: 'set-value',
      sheet: 'DTI',
      cell: `D${at('1.6')}`,
      value: 5,
    });
    expect(plan.converted).toBe(2);
    const computed = computeFormulas(after);
    for (const e of plan.edits)
      if (e.op === 'set-formula')
        expect(computed.get(`DTI!${e.cell}`)).toBeCloseTo(Number(e.cached), 9);
    // the typed 18 and the index 95 are replaced by their sums: only 3.3's 12 of 10 stays
    const report = analyzeWorkbook(after, defaultCatalog()).sheets[0];
    expect(report.findings.map((f) => [f.rule, f.criterion])).toEqual([['points-over-max', '3.3']]);
    expect(report.points).toMatchObject({ max: 300, total: 268.125, computed: 268.125 });
  });

  it('is idempotent: a second fill plans nothing', () => {
    const wb = {
      sheets: [gridOf('DTI', flatRows(acceptanceIndices(), { total: { max: 300, score: 0 } }))],
    };
    const { after } = fillOnce(wb);
    expect(fillOnce(after).plan.edits).toEqual([]);
  });

  it('Yên Định layout: sub-item parents get SUMs, an index in its header is only noted', () => {
    const rows = yenDinhRows(acceptanceIndices());
    const { plan } = fillOnce({ sheets: [gridOf('CĐS', rows)] });
    const at = (code: string) =>
      rows.findIndex((r) => r[0] === code && r[1] !== 'Chỉ số đánh giá') + 1;
    expect(
      plan.edits
        .filter((e) => e.op === 'set-formula')
        .map((e) => e.cell)
        .sort(),
    ).toEqual([`C${at('1.2')}`, `D${at('1.2')}`].sort());
    expect(plan.notes.some((n) => /Chỉ số 2: điểm ghi trong tiêu đề cột.*90/.test(n))).toBe(true);
    expect(plan.notes.some((n) => /1\.2: đã ghi 18.*18,125/.test(n))).toBe(true);
  });

  it("a catalog rule with a result writes the rule's formula (proportional, steps), computed as the rule", () => {
    const base = bundledCatalog('thanh-hoa-dti-huyen-2022');
    const cat = {
      ...base,
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
                    { min: 4, points: 5, strict: true },
                  ],
                },
              }
            : c,
      ),
    };
    const ix = acceptanceIndices();
    const rows = flatRows(ix, { result: true });
    const r31 = rows.findIndex((r) => r[0] === '3.1');
    const r32 = rows.findIndex((r) => r[0] === '3.2');
    rows[r32][4] = 4; // "trên 4": 4 is not above, 2 points
    const grid = gridOf('DTI', rows);
    grid.cells.push({ row: r31, col: 4, kind: 'number', value: 0.9, numberFormat: '0%' });
    const { plan, after } = fillOnce({ sheets: [grid] }, cat);
    const f = plan.edits.filter(
      (e) => e.op === 'set-formula' && (e.cell === `D${r31 + 1}` || e.cell === `D${r32 + 1}`),
    );
    expect(f.map((e) => (e as { cached?: number }).cached)).toEqual([4.5, 2]);
    const computed = computeFormulas(after);
    expect(computed.get(`DTI!D${r31 + 1}`)).toBeCloseTo(4.5, 9);
    expect(computed.get(`DTI!D${r32 + 1}`)).toBe(2);
  });
});
