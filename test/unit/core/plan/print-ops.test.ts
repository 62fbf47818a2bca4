/**
 * The print ops of an EditPlan (set-page-setup, set-row-height, fonts in set-style) in every
 * interpreter: ExcelJS (written to a real .xlsx and read back), Office.js (the fake host, with
 * undo), the snapshot interpreter and the core's undo. A user's own page setup is never changed.
 */
import * as ExcelJS from 'exceljs';
import type { CellEdit, EditPlan, PageSetup } from '../../../../src/core/plan/edit-plan';
import { applyPlanToSnapshot } from '../../../../src/core/forms';
import { inversePlan } from '../../../../src/core/plan/undo';
import { applyPlanToExcelJS } from '../../../../src/xlsx/apply-plan';
import { snapshotFromExcelJS } from '../../../../src/xlsx/read-workbook';
import { applyPlan, applyUndo } from '../../../../src/excel';
import { FakeWorkbook } from '../../../support/fakes/fake-excel';

const S = 'Phụ lục 02';
const SETUP: PageSetup = {
  paperSize: 9,
  orientation: 'landscape',
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.59, right: 0.39, top: 0.59, bottom: 0.59, header: 0.3, footer: 0.3 },
  printTitleRows: [4, 4],
  footer: 'Trang &P/&N',
  horizontalCentered: true,
};

function printPlan(sheet = S, keepExisting = false): EditPlan {
  const edits: CellEdit[] = [
    { op: 'set-value', sheet, cell: 'B5', value: 'Tên chỉ tiêu rất dài' },
    { op: 'set-style', sheet, cell: 'B5', fontName: 'Times New Roman', fontSize: 13, wrap: true },
    { op: 'set-row-height', sheet, row: 5, height: 48.75 },
    { op: 'set-page-setup', sheet, setup: SETUP, keepExisting },
  ];
  return { description: 'Chuẩn bị in', edits };
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

describe('ExcelJS interpreter', () => {
  it('writes A4 landscape, one page wide, margins, print titles, the footer, row height and font', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(S);
    applyPlanToExcelJS(wb, printPlan());
    const ws = (await roundTrip(wb)).getWorksheet(S)!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?4:\$?4$/);
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.59, right: 0.39 });
    expect(ws.headerFooter.oddFooter).toBe('&CTrang &P/&N');
    expect(ws.getRow(5).height).toBe(48.75);
    expect(ws.getCell('B5').font).toMatchObject({ name: 'Times New Roman', size: 13 });
    // read back into the snapshot: the sheet now has a setup of its own
    const snap = snapshotFromExcelJS(await roundTrip(wb));
    expect(snap.sheets[0].pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: [4, 4],
      footer: 'Trang &P/&N',
    });
    expect(snap.sheets[0].rowHeights?.[5]).toBe(48.75);
  });

  it('keepExisting leaves a sheet that has its own setup alone, and sets up one that has none', () => {
    const wb = new ExcelJS.Workbook();
    const own = wb.addWorksheet(S);
    own.pageSetup.orientation = 'portrait';
    own.pageSetup.scale = 85;
    const plain = wb.addWorksheet('Khác');
    applyPlanToExcelJS(wb, {
      description: '',
      edits: [...printPlan(S, true).edits, ...printPlan('Khác', true).edits],
    });
    expect(own.pageSetup.orientation).toBe('portrait');
    expect(own.pageSetup.scale).toBe(85);
    expect(own.pageSetup.printTitlesRow).toBeUndefined();
    expect(plain.pageSetup.orientation).toBe('landscape');
    expect(plain.pageSetup.printTitlesRow).toBe('4:4');
  });

  it('null puts back the defaults and lets the row grow again', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(S);
    applyPlanToExcelJS(wb, printPlan());
    applyPlanToExcelJS(wb, {
      description: '',
      edits: [
        { op: 'set-page-setup', sheet: S, setup: null },
        { op: 'set-row-height', sheet: S, row: 5, height: null },
      ],
    });
    const ws = (await roundTrip(wb)).getWorksheet(S)!;
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.pageSetup.printTitlesRow).toBeFalsy();
    expect(ws.headerFooter?.oddFooter).toBeFalsy();
    expect(ws.getRow(5).height).toBeUndefined();
    expect(snapshotFromExcelJS(wb).sheets[0].pageSetup).toBeUndefined();
  });

  it('refuses a bad row or height before writing anything', () => {
    for (const bad of [
      { op: 'set-row-height', sheet: S, row: 0, height: 20 },
      { op: 'set-row-height', sheet: S, row: 3, height: 410 },
    ] as CellEdit[]) {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet(S);
      expect(() =>
        applyPlanToExcelJS(wb, { description: '', edits: [...printPlan().edits, bad] }),
      ).toThrow(/Không thể ghi/);
      expect(wb.getWorksheet(S)!.getCell('B5').value).toBeNull();
    }
  });
});

describe('Office.js interpreter (fake host)', () => {
  function host(): FakeWorkbook {
    const fake = new FakeWorkbook({ apiVersion: '1.18' });
    fake.addSheet(S);
    fake.addSheet('Khác');
    fake.activeSheet = S;
    fake.install();
    return fake;
  }

  it('sets the page layout, the row height and the font, and undo puts them back', async () => {
    const fake = host();
    const r = await applyPlan(printPlan(), { captureUndo: true });
    const s = fake.mustSheet(S);
    expect(s.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerFooter: 'Trang &P/&N',
      centerHorizontally: true,
      printTitleRows: '$4:$4',
    });
    expect(s.pageLayout!.leftMargin).toBeCloseTo(0.59 * 72);
    expect(s.rowHeights?.get(4)).toBe(48.75);
    expect(s.cells.get('4,1')).toMatchObject({ fontName: 'Times New Roman', fontSize: 13 });
    await applyUndo(r.undo!);
    expect(s.pageLayout).toMatchObject({
      orientation: 'Portrait',
      paperSize: 'Letter',
      zoom: { scale: 100 },
    });
    expect(s.rowHeights?.get(4)).toBe(15);
    expect(s.cells.get('4,1')?.fontName).toBe('Calibri');
    expect(r.undo!.notes.join('\n')).toContain('dòng tiêu đề in');
  });

  it("keepExisting never changes a user's own page layout", async () => {
    const fake = host();
    fake.mustSheet(S).pageLayout = {
      ...(await import('../../../support/fakes/fake-excel')).defaultPageLayout(),
      zoom: { scale: 80 },
    };
    await applyPlan({
      description: '',
      edits: [...printPlan(S, true).edits, ...printPlan('Khác', true).edits],
    });
    expect(fake.mustSheet(S).pageLayout).toMatchObject({
      orientation: 'Portrait',
      zoom: { scale: 80 },
    });
    expect(fake.mustSheet('Khác').pageLayout).toMatchObject({ orientation: 'Landscape' });
  });
});

describe('snapshot interpreter and undo', () => {
  it('the snapshot records the setup, the row height and the column widths', () => {
    const snap = applyPlanToSnapshot(
      { sheets: [{ name: S, cells: [], merges: [] }] },
      {
        description: '',
        edits: [...printPlan().edits, { op: 'set-column-width', sheet: S, column: 'B', width: 52 }],
      },
    );
    expect(snap.sheets[0].pageSetup).toEqual(SETUP);
    expect(snap.sheets[0].rowHeights).toEqual({ 5: 48.75 });
    expect(snap.sheets[0].columnWidths).toEqual({ 1: 52 });
    const kept = applyPlanToSnapshot(snap, {
      description: '',
      edits: [
        {
          op: 'set-page-setup',
          sheet: S,
          setup: { ...SETUP, orientation: 'portrait' },
          keepExisting: true,
        },
      ],
    });
    expect(kept.sheets[0].pageSetup?.orientation).toBe('landscape');
  });

  it('undo resets the setup of a sheet that had none and lets rows grow again', () => {
    const before = { sheets: [{ name: S, cells: [], merges: [], rowHeights: { 7: 30 } }] };
    const plan: EditPlan = {
      description: '',
      edits: [...printPlan().edits, { op: 'set-row-height', sheet: S, row: 7, height: 60 }],
    };
    const undo = inversePlan(before, plan);
    expect(undo.edits).toEqual(
      expect.arrayContaining([
        { op: 'set-page-setup', sheet: S, setup: null },
        { op: 'set-row-height', sheet: S, row: 5, height: null },
        { op: 'set-row-height', sheet: S, row: 7, height: 30 },
      ]),
    );
    // a sheet with its own setup and keepExisting: nothing to put back
    const own = { sheets: [{ name: S, cells: [], merges: [], pageSetup: SETUP }] };
    const none = inversePlan(own, { description: '', edits: printPlan(S, true).edits.slice(3) });
    expect(none.edits).toEqual([]);
  });
});
