/**
 * `fill` on a whole commune workbook (PHỤ LỤC 01 + evidence forms): the forms get their summary
 * formulas, PL01's linked results refer to them, and the appendix verdicts are formulas on those
 * linked cells — all computed by HyperFormula and equal to what validate says of the result.
 */
import { analyzeWorkbook } from '../../../../src/core/analyze';
import { planFillWorkbook } from '../../../../src/core/appendix/fill';
import { toA1 } from '../../../../src/core/model/grid';
import { applyPlanToSnapshot } from '../../../../src/core/plan/apply-to-snapshot';
import {
  catalog,
  evaluateFormulas,
  hoangKimGrid,
  PL01,
  snapshotOf,
  VERDICT_SHOWN,
} from '../../../support/fill-support';
import {
  buildMau14,
  buildMau25,
  buildMau33,
  buildMau45,
} from '../../../support/fixtures/forms-builders';

describe('planFillWorkbook on PL01 + forms', () => {
  const snap = snapshotOf(
    hoangKimGrid(),
    buildMau14({ sheet: 'Mẫu 1.4', typedComputer: '100%', typedMailbox: '100%' }),
    buildMau25({ sheet: 'Mẫu 2.5' }),
    buildMau33({ sheet: 'Mẫu 3.3' }),
    buildMau45({ sheet: 'Mẫu 4.5', typed: '14 điểm' }),
  );
  const report = analyzeWorkbook(snap, catalog);
  const plan = planFillWorkbook(snap, report, catalog, analyzeWorkbook);
  const after = applyPlanToSnapshot(snap, plan);
  const afterReport = analyzeWorkbook(after, catalog);
  const computed = evaluateFormulas(after);
  const app = afterReport.sheets.find((s) => s.name === PL01)!;

  it('links PL01 results to the forms and writes the verdicts on them', () => {
    const linked = plan.edits.filter(
      (e) => e.op === 'set-formula' && e.sheet === PL01 && /^'?Mẫu/.test(e.formula),
    );
    expect(linked.length).toBeGreaterThanOrEqual(4);
    expect(plan.description).toMatch(/Liên kết \d+ kết quả/);
    expect(plan.description).toMatch(/công thức Đánh giá/);
    const vCol = app.layout!.columns.verdict!;
    let live = 0;
    for (const res of app.criteria) {
      const row = app.rows!.find((r) => r.code === res.code)!;
      const addr = `${PL01}!${toA1(row.row, vCol)}`;
      if (!computed.has(addr)) continue;
      live++;
      expect([res.code, computed.get(addr)]).toEqual([res.code, VERDICT_SHOWN[res.verdict]]);
    }
    expect(live).toBeGreaterThanOrEqual(36);
  });

  it('every formula of the workbook computes its cached value', () => {
    for (const s of after.sheets)
      for (const c of s.cells.filter((x) => x.formula)) {
        const got = computed.get(`${s.name}!${toA1(c.row, c.col)}`);
        const want = c.value ?? '';
        if (typeof want === 'number') expect(got).toBeCloseTo(want, 9);
        else expect([s.name, toA1(c.row, c.col), got]).toEqual([s.name, toA1(c.row, c.col), want]);
      }
  });

  it('is idempotent on the whole workbook', () => {
    const again = planFillWorkbook(after, afterReport, catalog, analyzeWorkbook);
    expect(again.edits).toEqual([]);
  });
});
