/**
 * The view ops of an EditPlan (data bars, colour rules, frozen panes, autofilter) in every
 * interpreter: ExcelJS (written to a real .xlsx and read back), Office.js (the fake host),
 * the snapshot interpreter and undo. Refusals leave the workbook untouched.
 */
import * as ExcelJS from 'exceljs';
import type { CellEdit, EditPlan } from '../../../../src/core/plan/edit-plan';
import { applyPlanToSnapshot } from '../../../../src/core/forms';
import { inversePlan } from '../../../../src/core/plan/undo';
import { applyPlanToExcelJS } from '../../../../src/xlsx/apply-plan';
import { applyPlan, ExcelAdapterError } from '../../../../src/excel';
import { FakeWorkbook } from '../../../support/fakes/fake-excel';

const S = 'Tổng hợp';

function viewPlan(sheet = S): EditPlan {
  const edits: CellEdit[] = [
    { op: 'add-sheet', sheet },
    { op: 'set-value', sheet, cell: 'A1', value: 'Xã' },
    { op: 'set-value', sheet, cell: 'B1', value: 'Tỷ lệ' },
    { op: 'set-value', sheet, cell: 'C1', value: 'Đánh giá' },
    { op: 'set-value', sheet, cell: 'A2', value: 'Hoàng Kim' },
    { op: 'set-value', sheet, cell: 'B2', value: 0.973 },
    { op: 'set-value', sheet, cell: 'C2', value: 'Đ' },
    { op: 'add-data-bar', sheet, range: 'B2:B3', color: '63BE7B' },
    { op: 'add-color-rule', sheet, range: 'C2:C3', equals: 'Đ', fill: 'C6EFCE', font: '006100' },
    { op: 'add-color-rule', sheet, range: 'C2:C3', equals: 'K', fill: 'FFC7CE' },
    { op: 'freeze-panes', sheet, rows: 1, columns: 2 },
    { op: 'set-autofilter', sheet, range: 'A1:C3' },
  ];
  return { description: 'Định dạng xem', edits };
}

describe('ExcelJS interpreter', () => {
  it('writes data bars, colour rules, frozen panes and the autofilter into the file', async () => {
    const wb = new ExcelJS.Workbook();
    applyPlanToExcelJS(wb, viewPlan());
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = back.getWorksheet(S)!;
    const xml = JSON.stringify(
      (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
    );
    expect(xml).toContain('dataBar');
    expect(xml).toContain('"B2:B3"');
    expect(xml).toContain('"\\"Đ\\""');
    expect(xml).toContain('FFC6EFCE');
    expect(xml).toContain('FF006100');
    expect(xml).toContain('"\\"K\\""');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect(String(ws.autoFilter)).toBe('A1:C3');
  });

  it('gives each rule of a sheet its own priority', () => {
    const wb = new ExcelJS.Workbook();
    applyPlanToExcelJS(wb, viewPlan());
    const cfs = (
      wb.getWorksheet(S) as unknown as {
        conditionalFormattings: { rules: { priority: number }[] }[];
      }
    ).conditionalFormattings;
    const priorities = cfs.flatMap((c) => c.rules.map((r) => r.priority));
    expect(new Set(priorities).size).toBe(3);
  });

  it('refuses a bad range, colour or freeze before writing anything', () => {
    for (const bad of [
      { op: 'add-data-bar', sheet: S, range: 'B2:', color: '63BE7B' },
      { op: 'add-color-rule', sheet: S, range: 'C2:C3', equals: 'Đ', fill: 'xanh' },
      { op: 'freeze-panes', sheet: S, rows: -1, columns: 0 },
      { op: 'set-autofilter', sheet: S, range: '1A' },
    ] as CellEdit[]) {
      const wb = new ExcelJS.Workbook();
      const plan = viewPlan();
      expect(() => applyPlanToExcelJS(wb, { ...plan, edits: [...plan.edits, bad] })).toThrow(
        /Không thể ghi/,
      );
      expect(wb.worksheets).toHaveLength(0);
    }
  });
});

describe('Office.js interpreter (fake host)', () => {
  function host(apiVersion = '1.18'): FakeWorkbook {
    const fake = new FakeWorkbook({ apiVersion });
    fake.addSheet('Sheet1');
    fake.activeSheet = 'Sheet1';
    fake.install();
    return fake;
  }

  it('adds the conditional formats, freezes the panes and applies the autofilter', async () => {
    const fake = host();
    await applyPlan(viewPlan());
    const s = fake.mustSheet(S);
    expect(s.conditionalFormats).toEqual([
      {
        type: 'DataBar',
        range: 'B2:B3',
        fillColor: '#63BE7B',
        gradientFill: false,
        lowerBound: 'LowestValue',
        upperBound: 'HighestValue',
      },
      {
        type: 'CellValue',
        range: 'C2:C3',
        fillColor: '#C6EFCE',
        fontColor: '#006100',
        rule: { formula1: '="Đ"', operator: 'EqualTo' },
      },
      {
        type: 'CellValue',
        range: 'C2:C3',
        fillColor: '#FFC7CE',
        rule: { formula1: '="K"', operator: 'EqualTo' },
      },
    ]);
    expect(s.frozen).toEqual({ rows: 1, columns: 2 });
    expect(s.autoFilter).toBe('A1:C3');
  });

  it('freezes rows only or columns only', async () => {
    const fake = host();
    await applyPlan({
      description: '',
      edits: [
        { op: 'freeze-panes', sheet: 'Sheet1', rows: 3, columns: 0 },
        { op: 'add-sheet', sheet: 'B' },
        { op: 'freeze-panes', sheet: 'B', rows: 0, columns: 1 },
      ],
    });
    expect(fake.mustSheet('Sheet1').frozen).toEqual({ rows: 3, columns: 0 });
    expect(fake.mustSheet('B').frozen).toEqual({ rows: 0, columns: 1 });
  });

  it('refuses a bad range before anything is written', async () => {
    const fake = host();
    const before = fake.dump();
    const plan = viewPlan();
    plan.edits.push({ op: 'set-autofilter', sheet: S, range: 'A1:' });
    await expect(applyPlan(plan)).rejects.toBeInstanceOf(ExcelAdapterError);
    expect(fake.dump()).toEqual(before);
  });

  it('undo on an existing sheet says what it cannot put back', async () => {
    host();
    const r = await applyPlan(
      {
        description: 'Cố định',
        edits: [{ op: 'freeze-panes', sheet: 'Sheet1', rows: 1, columns: 0 }],
      },
      { captureUndo: true },
    );
    expect(r.undo?.notes.join('\n')).toContain('cố định dòng/cột');
  });
});

describe('snapshot interpreter and undo', () => {
  it('the snapshot keeps the values; view ops change no cell', () => {
    const snap = applyPlanToSnapshot({ sheets: [] }, viewPlan());
    const withoutView = applyPlanToSnapshot(
      { sheets: [] },
      {
        description: '',
        edits: viewPlan().edits.filter((e) => !/data-bar|color-rule|freeze|autofilter/.test(e.op)),
      },
    );
    expect(snap).toEqual(withoutView);
    expect(snap.sheets[0].cells).toHaveLength(6);
  });

  it('undo deletes a new sheet with its formats; on an existing sheet it says so', () => {
    const onNew = inversePlan({ sheets: [] }, viewPlan());
    expect(onNew.edits).toEqual([{ op: 'delete-sheet', sheet: S }]);
    expect(onNew.notes).toBeUndefined();
    const existing = { sheets: [{ name: S, cells: [], merges: [], index: 0 }] };
    const onOld = inversePlan(existing, { ...viewPlan(), edits: viewPlan().edits.slice(1) });
    expect(onOld.notes?.join('\n')).toContain('5 định dạng có điều kiện');
  });
});
