/**
 * The print setup appraise writes: a new PHỤ LỤC 02 sheet gets the appendix page, Times New
 * Roman and row heights; `--adjacent` on the user's own sheet sets the page up only when the
 * sheet has no print setup of its own, never changes its fonts, and only grows rows.
 */
import * as ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../../../src/core/analyze';
import { planAppraise } from '../../../../src/core/appendix/appraise';
import { defaultCatalog } from '../../../../src/core/catalog';
import type { CellEdit } from '../../../../src/core/plan/edit-plan';
import { applyPlanToExcelJS } from '../../../../src/xlsx/apply-plan';
import { snapshotFromExcelJS } from '../../../../src/xlsx/read-workbook';
import { hoangKimWorkbook } from '../../../support/fixtures/xlsx-builders';

const catalog = defaultCatalog();

function plan(wb: ExcelJS.Workbook, adjacent: boolean) {
  const snap = snapshotFromExcelJS(wb);
  return planAppraise(snap, analyzeWorkbook(snap, catalog), catalog, 'huyen', { adjacent });
}
const of = <K extends CellEdit['op']>(edits: CellEdit[], op: K) =>
  edits.filter((e): e is Extract<CellEdit, { op: K }> => e.op === op);

describe('appraise prints', () => {
  it('a new PHỤ LỤC 02: the appendix page with its header repeated, fonts, every row sized', () => {
    const p = plan(hoangKimWorkbook(), false);
    const setup = of(p.edits, 'set-page-setup');
    expect(setup).toHaveLength(1);
    expect(setup[0]).toMatchObject({ sheet: 'Phụ lục 02', setup: { orientation: 'landscape' } });
    expect(setup[0].keepExisting).toBeUndefined();
    expect(of(p.edits, 'set-style').some((e) => e.fontName === 'Times New Roman')).toBe(true);
    expect(of(p.edits, 'set-row-height').length).toBeGreaterThan(37);
  });

  it('--adjacent keeps a page setup the user made, and their fonts', () => {
    const wb = hoangKimWorkbook();
    const ws = wb.worksheets[0];
    ws.pageSetup.orientation = 'portrait';
    ws.pageSetup.scale = 80;
    const p = plan(wb, true);
    expect(of(p.edits, 'set-page-setup')[0].keepExisting).toBe(true);
    expect(of(p.edits, 'set-style').some((e) => e.fontName !== undefined)).toBe(false);
    applyPlanToExcelJS(wb, p);
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.scale).toBe(80);
    // rows grew where a name needs more than one line
    const rows = of(p.edits, 'set-row-height').map((e) => e.row);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(45);
  });

  it('--adjacent on a sheet without a setup of its own gives it the appendix page', () => {
    const wb = hoangKimWorkbook();
    applyPlanToExcelJS(wb, plan(wb, true));
    expect(wb.worksheets[0].pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });
});
