import { planFill, type FillPlan } from '../../../../src/core/appendix/fill';
import type { CellEdit, EditPlan } from '../../../../src/core/plan/edit-plan';
import {
  cellText,
  toA1,
  type SheetGrid,
  type WorkbookSnapshot,
} from '../../../../src/core/model/grid';
import type { WorkbookReport } from '../../../../src/core/model/report-types';
import { SUMMARY_TITLE } from '../../../../src/core/appendix/summary-block';
import { snapshotFromExcelJS } from '../../../../src/xlsx/read-workbook';
import { rowOf, withCell } from '../../../support/fixtures/tsv-grid';
import {
  analyze,
  applyAndRead,
  catalog,
  cellAt,
  cellMap,
  evaluateFormulas,
  extraColumnVariant,
  hoangKimGrid,
  numericVariant,
  PL01,
  ratioVariant,
  roundTrip,
  sheetOf,
  snapshotOf,
  toExcel,
  VERDICT_SHOWN,
  cachedOf,
} from '../../../support/fill-support';

interface Filled {
  before: WorkbookSnapshot;
  report: WorkbookReport;
  plan: FillPlan;
  after: WorkbookSnapshot;
}

/** Round-trip the input through ExcelJS first, so both sides are read the same way. */
async function fill(grid: SheetGrid): Promise<Filled> {
  const before = snapshotFromExcelJS(await roundTrip(toExcel(snapshotOf(grid))), 'in.xlsx');
  const report = analyze(before);
  const plan = planFill(before, report, catalog);
  const { snapshot: after } = await applyAndRead(before, plan);
  return { before, report, plan, after };
}

function edited(plan: EditPlan, sheet: string, ops: CellEdit['op'][]): Set<string> {
  const out = new Set<string>();
  for (const e of plan.edits)
    if (e.sheet === sheet && ops.includes(e.op) && 'cell' in e) out.add(e.cell);
  return out;
}

function criterionRow(rep: WorkbookReport, code: string): number {
  const row = rep.sheets[0].rows!.find((r) => r.code === code);
  if (!row) throw new Error(`no row ${code}`);
  return row.row;
}

const VARIANTS: [string, () => SheetGrid][] = [
  ['seed 004 as typed (PDF-pasted)', () => hoangKimGrid()],
  ['ratios typed in the result column', () => ratioVariant()],
  ['an extra column', () => extraColumnVariant()],
  ['numeric cells', () => numericVariant()],
];

describe.each(VARIANTS)('fill on %s', (_label, make) => {
  let f: Filled;
  beforeAll(async () => {
    f = await fill(make());
  });

  it('recognises the input as a PHỤ LỤC 01', () => {
    expect(f.report.sheets[0].kind).toBe('phu-luc-01');
  });

  it('writes a verdict formula for every criterion whose value it can judge', () => {
    const layout = f.report.sheets[0].layout!;
    const formulas = f.plan.edits.filter(
      (e) =>
        e.op === 'set-formula' &&
        e.cell.startsWith(toA1(0, layout.columns.verdict!).replace(/\d+/, '')),
    );
    expect(formulas.length).toBeGreaterThanOrEqual(36);
  });

  it('every formula computed by HyperFormula equals its cached value', () => {
    const computed = evaluateFormulas(f.after);
    const sheet = sheetOf(f.after, PL01);
    const withFormula = sheet.cells.filter((c) => c.formula);
    expect(withFormula.length).toBeGreaterThan(40);
    for (const c of withFormula) {
      const got = computed.get(`${PL01}!${toA1(c.row, c.col)}`);
      const cached = cachedOf(c, got);
      if (typeof got === 'number') expect(got).toBeCloseTo(Number(cached), 9);
      else expect([toA1(c.row, c.col), got]).toEqual([toA1(c.row, c.col), cached]);
    }
  });

  it('the computed verdicts are the verdicts validate gives on the original', () => {
    const computed = evaluateFormulas(f.after);
    const layout = f.report.sheets[0].layout!;
    let checked = 0;
    for (const res of f.report.sheets[0].criteria) {
      const addr = toA1(criterionRow(f.report, res.code), layout.columns.verdict!);
      const cell = cellAt(f.after, PL01, addr);
      if (!cell?.formula) continue;
      checked++;
      expect([res.code, computed.get(`${PL01}!${addr}`)]).toEqual([
        res.code,
        VERDICT_SHOWN[res.verdict],
      ]);
    }
    expect(checked).toBeGreaterThanOrEqual(36);
  });

  it('validate on the filled file (cached values, no recalculation) gives the same verdicts', () => {
    const again = analyze(f.after);
    expect(again.sheets[0].kind).toBe('phu-luc-01');
    expect(again.sheets[0].criteria.map((c) => [c.code, c.verdict])).toEqual(
      f.report.sheets[0].criteria.map((c) => [c.code, c.verdict]),
    );
    // the table still ends where it did: the summary block is not read as rows of 4.8
    expect(again.sheets[0].layout!.lastRow).toBe(f.report.sheets[0].layout!.lastRow);
    const r48 = again.sheets[0].rows!.find((r) => r.code === '4.8')!;
    expect(r48.name).toBe(f.report.sheets[0].rows!.find((r) => r.code === '4.8')!.name);
  });

  it('changes only result/verdict cells and adds the summary; each changed cell keeps its text in a note', () => {
    const before = cellMap(sheetOf(f.before, PL01));
    const after = cellMap(sheetOf(f.after, PL01));
    const written = edited(f.plan, PL01, ['set-value', 'set-formula']);
    const layout = f.report.sheets[0].layout!;
    const allowedCols = new Set([layout.columns['result-commune'], layout.columns.verdict]);
    for (const [addr, orig] of before) {
      const now = after.get(addr);
      if (!written.has(addr)) {
        expect([addr, now?.value, now?.formula, now?.numberFormat, now?.note]).toEqual([
          addr,
          orig.value,
          orig.formula,
          orig.numberFormat,
          orig.note,
        ]);
        continue;
      }
      expect(allowedCols.has(now!.col)).toBe(true);
      if (cellText(orig).trim() !== '')
        expect(now!.note).toContain(`Giá trị gốc: ${cellText(orig)}`);
    }
    // new cells: only where the plan wrote
    for (const addr of after.keys()) if (!before.has(addr)) expect(written.has(addr)).toBe(true);
  });

  it('never writes into a continuation row or a repeated header row', () => {
    const rep = f.report.sheets[0];
    const forbidden = new Set<number>([
      ...rep.layout!.headerRows,
      ...rep.rows!.flatMap((r) => r.continuationRows),
    ]);
    for (const e of f.plan.edits) {
      if (!('cell' in e)) continue;
      const row = Number(/\d+/.exec(e.cell)![0]) - 1;
      expect([e.cell, forbidden.has(row)]).toEqual([e.cell, false]);
    }
  });

  it('re-running fill on the filled file plans nothing (idempotent)', () => {
    const again = planFill(f.after, analyze(f.after), catalog);
    expect(again.edits).toEqual([]);
    expect(again.description).toMatch(/Không có gì cần điền/);
  });

  it('the summary block counts the criteria met per group and overall', () => {
    const computed = evaluateFormulas(f.after);
    const sheet = sheetOf(f.after, PL01);
    const title = sheet.cells.find((c) => c.value === SUMMARY_TITLE)!;
    expect(title.row).toBeGreaterThanOrEqual(f.report.sheets[0].layout!.lastRow + 2);
    const crit = f.report.sheets[0].criteria;
    const at = (r: number, c: number) =>
      computed.get(`${PL01}!${toA1(r, c)}`) ?? cellAt(f.after, PL01, toA1(r, c))?.value;
    catalog.groups.forEach((g, i) => {
      const r = title.row + 2 + i;
      const inGroup = crit.filter(
        (c) => catalog.criteria.find((x) => x.code === c.code)!.group === g.code,
      );
      // only verdicts a formula shows are counted by COUNTIF; typed ones are counted as typed
      const met = inGroup.filter((c) => {
        const addr = toA1(
          criterionRow(f.report, c.code),
          f.report.sheets[0].layout!.columns.verdict!,
        );
        const cell = cellAt(f.after, PL01, addr);
        return cellText(cell).toLowerCase() === 'đạt';
      }).length;
      expect(at(r, title.col + 1)).toBe(met);
      expect(at(r, title.col + 2)).toBe(inGroup.length);
    });
    const totalRow = title.row + 2 + catalog.groups.length;
    expect(at(totalRow, title.col + 2)).toBe(37);
    const met = at(totalRow, title.col + 1) as number;
    expect(at(totalRow, title.col + 3)).toBeCloseTo(met / 37, 9);
    const pct = String(Math.round((met / 37) * 1000) / 10).replace('.', ',');
    expect(at(totalRow + 1, title.col)).toBe(`Đã hoàn thành ${met}/37 tiêu chí, tỷ lệ đạt ${pct}%`);
  });
});

describe('fill conversions', () => {
  it('"82,9%" becomes 0.829 shown 0.0%, the typed text kept in a note', async () => {
    const f = await fill(hoangKimGrid());
    const r = criterionRow(f.report, '1.6');
    const cell = cellAt(f.after, PL01, toA1(r, 4))!;
    expect(cell.value).toBeCloseTo(0.829, 12);
    expect(cell.numberFormat).toBe('0.0%');
    expect(cell.note).toBe('Giá trị gốc: 82,9%');
    // "80,95%" keeps its two decimals; "69%." is 0.69 shown 0%
    const c24 = cellAt(f.after, PL01, toA1(criterionRow(f.report, '2.4'), 4))!;
    expect([c24.value, c24.numberFormat]).toEqual([0.8095, '0.00%']);
    const c38 = cellAt(f.after, PL01, toA1(criterionRow(f.report, '3.8'), 4))!;
    expect([c38.value, c38.numberFormat]).toEqual([0.69, '0%']);
  });

  it('"14 điểm" becomes 14 shown with its unit; qualitative texts stay text', async () => {
    const f = await fill(hoangKimGrid());
    const c45 = cellAt(f.after, PL01, toA1(criterionRow(f.report, '4.5'), 4))!;
    expect([c45.value, c45.numberFormat]).toEqual([14, '0 "điểm"']);
    const c18 = cellAt(f.after, PL01, toA1(criterionRow(f.report, '1.8'), 4))!;
    expect(c18.value).toBe('Sử dụng hiệu quả');
    expect(c18.note).toBeUndefined();
  });

  it('a ratio becomes a live division; a stated rate that disagrees is reported, not replaced', async () => {
    const f = await fill(ratioVariant());
    const c39 = cellAt(f.after, PL01, toA1(criterionRow(f.report, '3.9'), 4))!;
    expect(c39.formula).toBe('3644/4993');
    expect(c39.numberFormat).toBe('0.00%');
    expect(c39.note).toBe('Giá trị gốc: 3.644/4.993');
    const c38 = cellAt(f.after, PL01, toA1(criterionRow(f.report, '3.8'), 4))!;
    expect(c38.formula).toBe('2/3');
    expect(c38.note).toBe('Giá trị gốc: 2/3 = 69%');
    expect(
      f.report.sheets[0].findings.some((x) => x.rule === 'ratio-mismatch' && x.criterion === '3.8'),
    ).toBe(true);
    expect(f.plan.notes!.some((n) => n.startsWith('3.8:') && n.includes('không khớp'))).toBe(true);
    // a stated rate that agrees ("1.101/1.567 … 70,26%") gives no such note
    expect(f.plan.notes!.some((n) => n.startsWith('1.6:'))).toBe(false);
    expect(cellAt(f.after, PL01, toA1(criterionRow(f.report, '1.6'), 4))!.formula).toBe(
      '1101/1567',
    );
  });

  it('a bare number in a % row is shown as the percent it was read as', async () => {
    const f = await fill(numericVariant());
    const c31 = cellAt(f.after, PL01, toA1(criterionRow(f.report, '3.1'), 4))!;
    expect(c31.value).toBeCloseTo(0.721, 12);
    expect(c31.numberFormat).toBe('0.0%');
    expect(c31.note).toBe('Giá trị gốc: 72.1');
    // numbers already shown as percents are left alone
    const written = edited(f.plan, PL01, ['set-value', 'set-formula']);
    expect(written.has(toA1(criterionRow(f.report, '1.6'), 4))).toBe(false);
    expect(written.has(toA1(criterionRow(f.report, '4.5'), 4))).toBe(false);
  });

  it('an empty result gets a formula showing "" and keeps the typed "Đạt" in a note', async () => {
    const f = await fill(hoangKimGrid());
    const r = criterionRow(f.report, '1.11');
    const v = cellAt(f.after, PL01, toA1(r, 5))!;
    expect(v.formula).toContain('TRIM(E');
    expect(v.value === '' || v.value === null).toBe(true);
    expect(v.note).toBe('Giá trị gốc: Đạt');
    expect(evaluateFormulas(f.after).get(`${PL01}!${toA1(r, 5)}`)).toBe('');
  });

  it('compares with the catalog target, not the sheet’s text target ("50" for 2.5)', async () => {
    const f = await fill(hoangKimGrid());
    const r = criterionRow(f.report, '2.5');
    const v = cellAt(f.after, PL01, toA1(r, 5))!;
    expect(v.formula).toContain(`E${r + 1}>=0.5,`);
    expect(v.formula).not.toContain(`D${r + 1}`);
  });

  it('leaves a verdict for a person when its formula would disagree with validate', async () => {
    let g = hoangKimGrid();
    g = withCell(g, { row: rowOf(g, '1.1'), col: 4, kind: 'string', value: '- Không' });
    const f = await fill(g);
    const r = criterionRow(f.report, '1.1');
    expect(f.report.sheets[0].criteria.find((c) => c.code === '1.1')!.verdict).toBe('unmet');
    expect(edited(f.plan, PL01, ['set-formula']).has(toA1(r, 5))).toBe(false);
    expect(f.plan.notes!.some((n) => n.startsWith('1.1:'))).toBe(true);
    expect(f.plan.stats.skipped).toBe(1);
  });

  it('a yes-target answered "Có kênh Zalo…" and a negative "Chưa có" are judged as validate does', async () => {
    let g = hoangKimGrid();
    g = withCell(g, { row: rowOf(g, '4.7'), col: 4, kind: 'string', value: 'Chưa có' });
    const f = await fill(g);
    const computed = evaluateFormulas(f.after);
    expect(computed.get(`${PL01}!F${criterionRow(f.report, '1.7') + 1}`)).toBe('Đạt');
    expect(computed.get(`${PL01}!F${criterionRow(f.report, '4.7') + 1}`)).toBe('Không đạt');
    expect(f.report.sheets[0].criteria.find((c) => c.code === '4.7')!.verdict).toBe('unmet');
  });

  it('does nothing on a protected sheet and says so', () => {
    const snap = snapshotOf({ ...hoangKimGrid(), protected: true });
    const plan = planFill(snap, analyze(snap), catalog);
    expect(plan.edits).toEqual([]);
    expect(plan.notes!.join(' ')).toMatch(/bảo vệ/);
    expect(plan.description).toMatch(/đang được bảo vệ/);
    expect(plan.stats).toMatchObject({ appendixSheets: 1, protectedSheets: 1 });
  });

  it('says so when the workbook has no appendix', () => {
    const snap = snapshotOf({
      name: 'Sheet1',
      cells: [{ row: 0, col: 0, kind: 'string', value: 'x' }],
      merges: [],
    });
    const plan = planFill(snap, analyze(snap), catalog);
    expect(plan.edits).toEqual([]);
    expect(plan.description).toMatch(/Không tìm thấy bảng PHỤ LỤC/);
    expect(plan.stats.appendixSheets).toBe(0);
  });

  it('moves the summary further down when the rows under the table are taken', () => {
    let g = hoangKimGrid();
    const snap0 = snapshotOf(g);
    const last = analyze(snap0).sheets[0].layout!.lastRow;
    // a signature block right under the table, in the label column
    g = withCell(g, { row: last + 2, col: 1, kind: 'string', value: 'Người lập biểu' });
    g = withCell(g, { row: last + 4, col: 2, kind: 'string', value: 'Nguyễn Thị Lan' });
    const snap = snapshotOf(g);
    const plan = planFill(snap, analyze(snap), catalog);
    const title = plan.edits.find((e) => e.op === 'set-value' && e.value === SUMMARY_TITLE)!;
    expect(Number(/\d+/.exec((title as { cell: string }).cell)![0]) - 1).toBe(last + 5);
  });

  it('fills only the requested sheet', () => {
    const snap = snapshotOf(hoangKimGrid('Xã A'), hoangKimGrid('Xã B'));
    const plan = planFill(snap, analyze(snap), catalog, { sheet: 'Xã B' });
    expect(plan.edits.length).toBeGreaterThan(0);
    expect(new Set(plan.edits.map((e) => e.sheet))).toEqual(new Set(['Xã B']));
  });
});
