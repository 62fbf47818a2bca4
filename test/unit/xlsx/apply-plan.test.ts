import * as ExcelJS from 'exceljs';
import { applyPlanToExcelJS } from '../../../src/xlsx/apply-plan';
import { WorkbookError } from '../../../src/xlsx/errors';
import type { EditPlan } from '../../../src/core/plan/edit-plan';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

function plan(edits: EditPlan['edits']): EditPlan {
  return { description: 'thử', edits };
}

function baseWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PL01');
  ws.getCell('A1').value = 'PHỤ LỤC 01';
  ws.getCell('E8').value = '82,9%';
  wb.addWorksheet('Mẫu 1.4');
  return wb;
}

describe('applyPlanToExcelJS', () => {
  it('writes values with a number format, formulas with their cached result', async () => {
    const wb = baseWorkbook();
    applyPlanToExcelJS(
      wb,
      plan([
        { op: 'set-value', sheet: 'PL01', cell: 'E9', value: 0.829, numberFormat: '0.0%' },
        { op: 'set-value', sheet: 'PL01', cell: 'E8', value: null },
        { op: 'set-value', sheet: 'PL01', cell: 'B2', value: 'Đạt' },
        { op: 'set-value', sheet: 'PL01', cell: 'B3', value: true },
        {
          op: 'set-formula',
          sheet: 'PL01',
          cell: 'F9',
          formula: '=IF(E9>=0.7,"Đạt","Không đạt")',
          cached: 'Đạt',
        },
        {
          op: 'set-formula',
          sheet: 'PL01',
          cell: 'F10',
          formula: 'E9*2',
          numberFormat: '0%',
          cached: 1.658,
        },
        { op: 'set-formula', sheet: 'PL01', cell: 'F11', formula: 'E9>0', cached: true },
        { op: 'set-formula', sheet: 'PL01', cell: 'F12', formula: 'SUM(E1:E9)' },
      ]),
    );
    const ws = (await roundTrip(wb)).getWorksheet('PL01')!;
    expect(ws.getCell('E9').value).toBe(0.829);
    expect(ws.getCell('E9').numFmt).toBe('0.0%');
    expect(ws.getCell('E8').value).toBeNull();
    expect(ws.getCell('B2').value).toBe('Đạt');
    expect(ws.getCell('B3').value).toBe(true);
    expect(ws.getCell('F9').value).toEqual({
      formula: 'IF(E9>=0.7,"Đạt","Không đạt")',
      result: 'Đạt',
    });
    expect(ws.getCell('F10').value).toEqual({ formula: 'E9*2', result: 1.658 });
    expect(ws.getCell('F10').numFmt).toBe('0%');
    expect(ws.getCell('F11').value).toEqual({ formula: 'E9>0', result: true });
    expect(ws.getCell('F12').formula).toBe('SUM(E1:E9)');
  });

  it('sets and removes notes', async () => {
    const wb = baseWorkbook();
    applyPlanToExcelJS(
      wb,
      plan([
        { op: 'set-note', sheet: 'PL01', cell: 'E8', text: 'Kết quả thấp hơn chỉ tiêu' },
        { op: 'set-note', sheet: 'PL01', cell: 'A1', text: 'tạm' },
      ]),
    );
    applyPlanToExcelJS(wb, plan([{ op: 'set-note', sheet: 'PL01', cell: 'A1', text: null }]));
    const ws = (await roundTrip(wb)).getWorksheet('PL01')!;
    expect(ws.getCell('E8').note).toBe('Kết quả thấp hơn chỉ tiêu');
    expect(ws.getCell('A1').note).toBeUndefined();
    expect(ws.getCell('A1').value).toBe('PHỤ LỤC 01');
  });

  it('sets a fill on one cell without repainting cells that shared its style', async () => {
    const wb = baseWorkbook();
    const ws0 = wb.getWorksheet('PL01')!;
    ws0.getCell('C1').value = 'x';
    ws0.getCell('C1').font = { bold: true };
    ws0.getCell('C2').value = 'y';
    ws0.getCell('C2').font = { bold: true };
    // reload: ExcelJS then shares one style object between C1 and C2
    const loaded = await roundTrip(wb);
    applyPlanToExcelJS(
      loaded,
      plan([
        { op: 'set-fill', sheet: 'PL01', cell: 'C1', color: 'FFC7CE' },
        { op: 'set-fill', sheet: 'PL01', cell: 'E8', color: '#c6efce' },
      ]),
    );
    const ws = (await roundTrip(loaded)).getWorksheet('PL01')!;
    expect(ws.getCell('C1').fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFFC7CE' },
    });
    expect(ws.getCell('E8').fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(ws.getCell('C2').fill).not.toMatchObject({ pattern: 'solid' });
    expect(ws.getCell('C2').font?.bold).toBe(true);

    applyPlanToExcelJS(
      ws.workbook,
      plan([{ op: 'set-fill', sheet: 'PL01', cell: 'C1', color: null }]),
    );
    const again = (await roundTrip(ws.workbook)).getWorksheet('PL01')!;
    expect(again.getCell('C1').fill).not.toMatchObject({ pattern: 'solid' });
    expect(again.getCell('E8').fill).toMatchObject({ pattern: 'solid' });
  });

  it('applies styles, validation lists, merges and column widths', async () => {
    const wb = baseWorkbook();
    applyPlanToExcelJS(
      wb,
      plan([
        {
          op: 'set-style',
          sheet: 'PL01',
          cell: 'A1',
          bold: true,
          wrap: true,
          align: 'center',
          border: true,
        },
        { op: 'set-style', sheet: 'PL01', cell: 'A2', italic: true },
        { op: 'set-validation-list', sheet: 'PL01', cell: 'F9', values: ['Đạt', 'Không đạt'] },
        { op: 'merge', sheet: 'PL01', range: 'A1:H1' },
        { op: 'merge', sheet: 'PL01', range: 'A1:H1' },
        { op: 'set-column-width', sheet: 'PL01', column: 'b', width: 60 },
        { op: 'select', sheet: 'PL01', cell: 'E8' },
      ]),
    );
    const ws = (await roundTrip(wb)).getWorksheet('PL01')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
    expect(ws.getCell('A1').border?.top?.style).toBe('thin');
    expect(ws.getCell('A2').font?.italic).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.getCell('F9').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Đạt,Không đạt"'],
    });
    expect((ws.model as { merges: string[] }).merges).toEqual(['A1:H1']);
    expect(ws.getCell('D1').isMerged).toBe(true);
    expect(ws.getColumn('B').width).toBe(60);
  });

  it('adds a sheet after a given one, in file order', async () => {
    const wb = baseWorkbook();
    applyPlanToExcelJS(
      wb,
      plan([
        { op: 'add-sheet', sheet: 'Thẩm định', after: 'PL01' },
        { op: 'set-value', sheet: 'Thẩm định', cell: 'A1', value: 'PHỤ LỤC 02' },
        { op: 'add-sheet', sheet: 'Cuối' },
      ]),
    );
    const back = await roundTrip(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual(['PL01', 'Thẩm định', 'Mẫu 1.4', 'Cuối']);
    expect(back.getWorksheet('Thẩm định')!.getCell('A1').value).toBe('PHỤ LỤC 02');
  });

  it('refuses a plan touching a protected sheet before writing anything', async () => {
    const wb = baseWorkbook();
    await wb.getWorksheet('Mẫu 1.4')!.protect('', {});
    const p = plan([
      { op: 'set-value', sheet: 'PL01', cell: 'E8', value: 'đổi' },
      { op: 'set-value', sheet: 'Mẫu 1.4', cell: 'A1', value: 'x' },
    ]);
    let err: unknown;
    try {
      applyPlanToExcelJS(wb, p);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe('protected-sheet');
    expect((err as WorkbookError).message).toMatch(/bảo vệ/);
    expect(wb.getWorksheet('PL01')!.getCell('E8').value).toBe('82,9%');
  });

  it.each<[string, EditPlan['edits'], string]>([
    [
      'missing sheet',
      [{ op: 'set-value', sheet: 'Không có', cell: 'A1', value: 1 }],
      'missing-sheet',
    ],
    ['existing sheet', [{ op: 'add-sheet', sheet: 'PL01' }], 'sheet-exists'],
    ['bad sheet name', [{ op: 'add-sheet', sheet: 'a/b' }], 'invalid-edit'],
    ['after unknown', [{ op: 'add-sheet', sheet: 'Mới', after: 'Không có' }], 'missing-sheet'],
    ['bad address', [{ op: 'set-value', sheet: 'PL01', cell: 'Z', value: 1 }], 'invalid-edit'],
    ['bad range', [{ op: 'merge', sheet: 'PL01', range: 'A1:??' }], 'invalid-edit'],
    [
      'overlapping merge',
      [
        { op: 'merge', sheet: 'PL01', range: 'A1:C1' },
        { op: 'merge', sheet: 'PL01', range: 'B1:D2' },
      ],
      'invalid-edit',
    ],
    [
      'bad width',
      [{ op: 'set-column-width', sheet: 'PL01', column: 'B', width: 0 }],
      'invalid-edit',
    ],
    [
      'list with comma',
      [{ op: 'set-validation-list', sheet: 'PL01', cell: 'A1', values: ['a,b'] }],
      'invalid-edit',
    ],
  ])('refuses %s without changing the workbook', (_label, edits, code) => {
    const wb = baseWorkbook();
    const before = wb.worksheets.map((w) => w.name);
    let err: unknown;
    try {
      applyPlanToExcelJS(
        wb,
        plan([{ op: 'set-value', sheet: 'PL01', cell: 'E8', value: 'đổi' }, ...edits]),
      );
    } catch (e) {
      err = e;
    }
    expect((err as WorkbookError).code).toBe(code);
    expect(wb.getWorksheet('PL01')!.getCell('E8').value).toBe('82,9%');
    expect(wb.worksheets.map((w) => w.name)).toEqual(before);
  });
});

describe('addresses as a person types them', () => {
  it('a lower-case address is the same cell (e12 = E12), never a half-written file', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { applyPlanToExcelJS } = await import('../../../src/xlsx/apply-plan');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('PL01');
    applyPlanToExcelJS(wb, {
      description: 'ghi',
      edits: [
        { op: 'set-value', sheet: 'PL01', cell: 'A1', value: 'đầu' },
        { op: 'set-value', sheet: 'PL01', cell: 'e12', value: 0.829, numberFormat: '0.0%' },
      ],
    });
    const ws = wb.getWorksheet('PL01')!;
    expect(ws.getCell('A1').value).toBe('đầu');
    expect(ws.getCell('E12').value).toBe(0.829);
    expect(ws.getCell('E12').numFmt).toBe('0.0%');
  });
});
