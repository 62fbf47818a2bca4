/**
 * FORMS-QA: the formulas `fill` writes on officer-typed forms compute, with Excel's semantics
 * (HyperFormula: TRIM(TRUE) is "TRUE", text compared code point by code point), exactly what the
 * official meant — every tick spelling (TRUE/FALSE check boxes, NFD "Có", "x" followed by a
 * non-breaking space, "Có (VNPT)"), platform names as ticks, group and subtotal rows left out.
 * The LibreOffice side is test/integration/qa-forms-pipeline.test.ts.
 */
import { computeFormulas } from '../support/fixtures/hf-compute';
import type * as ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/core/analyze';
import { applyPlanToSnapshot, planFormEdits } from '../../src/core/forms';
import { analyseBook, catalog, cleanTmp, readRatios } from '../support/fixtures/qa-forms-run';
import * as W from '../support/fixtures/qa-forms-workbooks';

afterAll(cleanTmp);

type Build = (wb: ExcelJS.Workbook) => W.Truth;

test.each<[string, Build]>([
  [
    'Mẫu 1.4, TRUE/FALSE check boxes',
    (wb) => W.addMau14(wb, undefined, { tickStyle: 'boolean', sttTotal: true }),
  ],
  [
    'Mẫu 1.4, every spelling, figures in the labels',
    (wb) => W.addMau14(wb, undefined, { figures: 'label' }),
  ],
  ['Mẫu 2.5 two-level, every spelling', (wb) => W.addMau25(wb)],
  [
    'Mẫu 2.6, platform names as ticks',
    (wb) => W.addMau26(wb, W.enterpriseEntries(14, 'digital-platform', 0.6, 4)),
  ],
  [
    'Mẫu 3.3 in NFD, groups, subtotals, Tổng cộng with COUNTA',
    (wb) =>
      W.addMau33(wb, W.adultEntries(90), {
        nfd: true,
        groups: 'merged',
        subtotals: true,
        total: 'counta',
      }),
  ],
  [
    'Mẫu 3.3, numbers 1/0, no summary lines',
    (wb) => W.addMau33(wb, undefined, { tickStyle: 'numeric', figures: 'missing' }),
  ],
  [
    'Mẫu 3.3 of 30 thôn, each with its group row and "Cộng thôn …" subtotal, header repeated',
    (wb) =>
      W.addMau33(
        wb,
        W.adultEntries(
          300,
          17,
          0,
          Array.from({ length: 30 }, (_, i) => `Thôn ${i + 1}`),
        ),
        { groups: 'plain', subtotals: true, repeatHeaderEvery: 70, total: 'counta' },
      ),
  ],
  [
    'Mẫu 3.3 whose group rows hold a line break ("Thôn Đông⏎(12 hộ)"): the range is split around them',
    (wb) =>
      W.addMau33(
        wb,
        W.adultEntries(40, 19, 0, ['Thôn Đông\n(12 hộ)', 'Thôn Tây\n(15 hộ)', 'Thôn Nam\n(13 hộ)']),
        { groups: 'plain', subtotals: true },
      ),
  ],
  [
    'Mẫu 4.5 grouped by thôn, one point named like a group ("Thôn Bắc"): the range is split',
    (wb) =>
      W.addMau45(wb, 0, {
        groups: 'plain',
        points: [
          ['Khu vực UBND xã', 'Thôn Đông'],
          ['Nhà văn hóa thôn Đông', 'Thôn Đông'],
          ['Thôn Bắc', 'Thôn Bắc'],
          ['Chợ Hoàng Kim', 'Thôn Bắc'],
        ],
      }),
  ],
  [
    'Mẫu 2.6 grouped by thôn, platform names and "Không sử dụng"',
    (wb) => {
      const entries = W.enterpriseEntries(24, 'digital-platform', 0.5, 6).map((e, i) => ({
        ...e,
        group: W.THON[Math.floor(i / 5)],
      }));
      return W.addMau26(wb, entries, { groups: 'roman', subtotals: true });
    },
  ],
  ['Mẫu 4.1, both lists', (wb) => W.addMau41(wb)],
  ['Mẫu 4.5, no figure typed', (wb) => W.addMau45(wb, 7, { figures: 'blank' })],
])('%s: the filled formulas compute the true figures', async (_label, build) => {
  const wb = W.newWorkbook();
  const truth = build(wb);
  const { snapshot, report } = await analyseBook(wb);
  const sheet = report.sheets.find((s) => s.name === truth.sheet)!;
  expect(readRatios(sheet)).toEqual(truth.ratios);
  const plan = planFormEdits(snapshot, report, catalog);
  // Excel refuses a formula longer than 8 192 characters (the file would need repairing)
  for (const e of plan.edits)
    if (e.op === 'set-formula') expect(e.formula.length).toBeLessThanOrEqual(8192);
  const filled = applyPlanToSnapshot(snapshot, plan);
  const values = computeFormulas(filled);
  for (const r of sheet.ratios) {
    const [n, d] = truth.ratios[r.key!];
    const got = values.get(`${truth.sheet}!${r.cell}`);
    const shown = (v: unknown) => (typeof v === 'number' ? v.toFixed(9) : String(v));
    expect(`${r.key} ${shown(got)}`).toBe(`${r.key} ${shown(d === 0 ? '' : n / d)}`);
  }
  // and the filled sheet validates with the same figures, no ratio finding
  const again = analyzeWorkbook(filled, catalog).sheets.find((s) => s.name === truth.sheet)!;
  expect(readRatios(again)).toEqual(truth.ratios);
  expect(again.findings.filter((f) => f.rule.startsWith('ratio-'))).toEqual([]);
});
