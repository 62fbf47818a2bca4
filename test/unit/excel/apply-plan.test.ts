/**
 * applyPlan: every CellEdit op of src/core/plan/edit-plan.ts written through the Office.js
 * adapter, the core's own plans (blank appendix, fill, appraise), the undo record that
 * puts everything back, and the refusals (protected sheet, missing sheet, bad input) that
 * leave the workbook untouched.
 */
import { planAppraise } from '../../../src/core/appendix/appraise';
import { planTemplate } from '../../../src/core/appendix/template';
import { defaultCatalog } from '../../../src/core/catalog/catalog';
import type { CellEdit, EditPlan } from '../../../src/core/plan/edit-plan';
import { planFill } from '../../../src/core/appendix/fill';
import { applyPlan, applyUndo, checkWorkbook, ExcelAdapterError } from '../../../src/excel';
import { charsToPoints, literalValue } from '../../../src/excel/write';
import { FakeWorkbook } from '../../support/fakes/fake-excel';
import { firstSheet, hoangKimFake } from '../../support/fakes/workbooks';

function setup(opts: { apiVersion?: string } = {}) {
  const fake = hoangKimFake(opts);
  fake.install();
  return { fake, sheet: firstSheet(fake) };
}

function everyOp(sheet: string): EditPlan {
  const edits: CellEdit[] = [
    { op: 'set-value', sheet, cell: 'I8', value: '1.10' },
    { op: 'set-value', sheet, cell: 'I9', value: 0.829, numberFormat: '0.0%' },
    { op: 'set-value', sheet, cell: 'I10', value: '=không phải công thức' },
    { op: 'set-value', sheet, cell: 'E13', value: null },
    {
      op: 'set-formula',
      sheet,
      cell: 'I11',
      formula: 'IF(E13>=D13,"Đạt","Không đạt")',
      cached: 'Đạt',
    },
    { op: 'set-formula', sheet, cell: 'I12', formula: '=3644/4993', numberFormat: '0.00%' },
    { op: 'set-note', sheet, cell: 'E12', text: 'Kết quả gốc: “82,9%”' },
    { op: 'set-fill', sheet, cell: 'E12', color: 'FFF2CC' },
    {
      op: 'set-style',
      sheet,
      cell: 'A6',
      bold: true,
      italic: true,
      wrap: true,
      align: 'center',
      border: true,
    },
    { op: 'set-validation-list', sheet, cell: 'F8', values: ['Đạt', 'Không đạt'] },
    { op: 'merge', sheet, range: 'I1:K1' },
    { op: 'set-column-width', sheet, column: 'I', width: 14 },
    { op: 'add-sheet', sheet: 'Thẩm định', after: sheet },
    { op: 'set-value', sheet: 'Thẩm định', cell: 'A1', value: 'PHỤ LỤC 02' },
    { op: 'set-note', sheet: 'Thẩm định', cell: 'A1', text: 'Cần thẩm định lại' },
    { op: 'select', sheet, cell: 'E18' },
  ];
  return { description: 'Mọi thao tác', edits };
}

describe('applyPlan writes every CellEdit op', () => {
  it('values, formulas, notes, fills, styles, validation, merge, width, sheet, selection — in ≤ 3 syncs', async () => {
    const { fake, sheet } = setup();
    const r = await applyPlan(everyOp(sheet));
    expect(fake.lastRunSyncs).toBeLessThanOrEqual(3);
    expect(r.applied).toBe(16);
    expect(fake.cell(sheet, 'I8')).toMatchObject({ value: '1.10' }); // text stays text
    expect(fake.cell(sheet, 'I9')).toMatchObject({ value: 0.829, numberFormat: '0.0%' });
    expect(fake.cell(sheet, 'I10')).toMatchObject({ value: '=không phải công thức' });
    expect(fake.cell(sheet, 'I10')?.formula).toBeUndefined();
    expect(fake.cell(sheet, 'E13')?.value).toBe('');
    expect(fake.cell(sheet, 'I11')?.formula).toBe('IF(E13>=D13,"Đạt","Không đạt")');
    expect(fake.cell(sheet, 'I12')).toMatchObject({ formula: '3644/4993', numberFormat: '0.00%' });
    expect(fake.noteAt(sheet, 'E12')).toBe('Kết quả gốc: “82,9%”');
    expect(fake.cell(sheet, 'E12')?.fill).toBe('#FFF2CC');
    expect(fake.cell(sheet, 'A6')).toMatchObject({
      bold: true,
      italic: true,
      wrap: true,
      align: 'Center',
    });
    expect(fake.cell(sheet, 'A6')?.borders).toEqual({
      EdgeTop: 'Continuous',
      EdgeBottom: 'Continuous',
      EdgeLeft: 'Continuous',
      EdgeRight: 'Continuous',
    });
    expect(fake.cell(sheet, 'F8')?.validation).toEqual(['Đạt', 'Không đạt']);
    expect(fake.sheet(sheet)!.merges).toContainEqual({ top: 0, left: 8, bottom: 0, right: 10 });
    expect(fake.sheet(sheet)!.columnWidths.get(8)).toBe(charsToPoints(14));
    expect(fake.sheets.map((s) => s.name)).toEqual([sheet, 'Thẩm định']);
    expect(fake.cell('Thẩm định', 'A1')?.value).toBe('PHỤ LỤC 02');
    expect(fake.noteAt('Thẩm định', 'A1')).toBe('Cần thẩm định lại');
    expect(fake.selection).toEqual({ sheet, address: 'E18' });
    expect(fake.activeSheet).toBe(sheet);
  });

  it('replaces an existing note and deletes one with text null', async () => {
    const { fake, sheet } = setup();
    fake.sheet(sheet)!.notes.set('7,4', 'cũ');
    fake.sheet(sheet)!.notes.set('8,4', 'xoá tôi');
    await applyPlan({
      description: 'ghi chú',
      edits: [
        { op: 'set-note', sheet, cell: 'E8', text: 'mới' },
        { op: 'set-note', sheet, cell: 'E9', text: null },
        { op: 'set-note', sheet, cell: 'E10', text: null },
      ],
    });
    expect(fake.noteAt(sheet, 'E8')).toBe('mới');
    expect(fake.noteAt(sheet, 'E9')).toBeUndefined();
    expect(fake.lastRunSyncs).toBe(3);
  });

  it('a plan without notes and without undo costs 2 syncs', async () => {
    const { fake, sheet } = setup();
    await applyPlan({
      description: 'tô màu',
      edits: [{ op: 'set-fill', sheet, cell: 'E12', color: 'FFC7CE' }],
    });
    expect(fake.lastRunSyncs).toBe(2);
  });

  it('restores a date as a date serial and an error as the error Excel reads from its text', async () => {
    const { fake, sheet } = setup();
    await applyPlan({
      description: 'hoàn tác',
      edits: [
        {
          op: 'set-value',
          sheet,
          cell: 'E40',
          value: '2023-03-02',
          kind: 'date',
          numberFormat: 'dd/mm/yyyy',
        },
        { op: 'set-value', sheet, cell: 'E41', value: '#DIV/0!', kind: 'error' },
        { op: 'set-value', sheet, cell: 'E42', value: '2023-03-02' },
      ],
    });
    // 2 March 2023 is serial 44987 in Excel's 1900 date system
    expect(fake.cell(sheet, 'E40')).toMatchObject({ value: 44987, numberFormat: 'dd/mm/yyyy' });
    expect(fake.cell(sheet, 'E41')?.value).toBe('#DIV/0!');
    // the same text without a kind stays text (quoted on the way so Excel keeps it as typed)
    expect(fake.cell(sheet, 'E42')?.value).toBe('2023-03-02');
  });

  it('delete-sheet removes a sheet and ignores one that is already gone', async () => {
    const { fake, sheet } = setup();
    fake.addSheet('Nháp');
    await applyPlan({
      description: 'xoá',
      edits: [
        { op: 'delete-sheet', sheet: 'Nháp' },
        { op: 'delete-sheet', sheet: 'Không có' },
      ],
    });
    expect(fake.sheets.map((s) => s.name)).toEqual([sheet]);
  });

  it('quotes only the texts Excel would turn into something else', () => {
    expect(literalValue('1.10')).toBe("'1.10");
    expect(literalValue('82,9%')).toBe("'82,9%");
    expect(literalValue('=A1')).toBe("'=A1");
    expect(literalValue('- Có kênh Zalo')).toBe("'- Có kênh Zalo");
    expect(literalValue('TRUE')).toBe("'TRUE");
    expect(literalValue('5/12')).toBe("'5/12");
    expect(literalValue('Đạt')).toBe('Đạt');
    expect(literalValue('14 điểm')).toBe('14 điểm');
    expect(literalValue(42)).toBe(42);
    expect(literalValue(null)).toBe('');
  });
});

describe('undo (Hoàn tác)', () => {
  it('puts back every cell, format, note, merge, width and sheet the plan changed', async () => {
    const { fake, sheet } = setup();
    fake.setCell(sheet, 'A6', { bold: true, align: 'Left' });
    fake.setCell(sheet, 'E12', { fill: '#00B050' });
    fake.setCell(sheet, 'F8', { validation: ['Có', 'Không'] });
    fake.sheet(sheet)!.notes.set('11,4', 'ghi chú của xã');
    fake.sheet(sheet)!.columnWidths.set(8, 30);
    const original = fake.dump();
    const r = await applyPlan(everyOp(sheet), { captureUndo: true });
    expect(fake.lastRunSyncs).toBeLessThanOrEqual(3);
    expect(fake.dump()).not.toEqual(original);
    expect(r.undo!.description).toBe('Hoàn tác: Mọi thao tác');
    await applyUndo(r.undo!);
    expect(fake.lastRunSyncs).toBeLessThanOrEqual(3);
    expect(fake.dump()).toEqual(original);
  });

  it('undoes the core’s fill plan on the Hoàng Kim appendix exactly', async () => {
    const { fake } = setup();
    const catalog = defaultCatalog();
    const before = await checkWorkbook({ mark: false });
    const plan = planFill(before.snapshot, before.report, catalog);
    expect(plan.edits.length).toBeGreaterThan(37);
    const original = fake.dump();
    const r = await applyPlan(plan, { captureUndo: true });
    expect(fake.lastRunSyncs).toBeLessThanOrEqual(3);
    const after = await checkWorkbook({ mark: false });
    expect(after.report.sheets[0].kind).toBe('phu-luc-01');
    await applyUndo(r.undo!);
    expect(fake.dump()).toEqual(original);
  });

  it('applies the core’s appraisal plan (PHỤ LỤC 02) and the new sheet is recognised', async () => {
    const { fake } = setup();
    const catalog = defaultCatalog();
    const before = await checkWorkbook({ mark: false });
    const plan = planAppraise(before.snapshot, before.report, catalog, 'huyen');
    await applyPlan(plan);
    expect(fake.lastRunSyncs).toBeLessThanOrEqual(3);
    const after = await checkWorkbook({ mark: false });
    expect(after.report.sheets.map((s) => s.kind)).toContain('phu-luc-02');
  });
});

describe('blank PHỤ LỤC 01 from the catalog (empty state)', () => {
  it('inserts the official layout into an empty workbook; Kiểm tra then recognises 37 criteria', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('Sheet1');
    fake.install();
    const empty = await checkWorkbook({ mark: false });
    expect(empty.report.sheets.every((s) => s.kind === 'unknown')).toBe(true);
    await applyPlan(planTemplate(defaultCatalog(), 'phu-luc-01'));
    const r = await checkWorkbook({ mark: false });
    const pl01 = r.report.sheets.find((s) => s.kind === 'phu-luc-01')!;
    expect(pl01.summary.criteria).toBe(37);
  });
});

describe('refusals write nothing', () => {
  it('a protected sheet: Vietnamese message naming the sheet, workbook untouched', async () => {
    const { fake, sheet } = setup();
    fake.sheet(sheet)!.protected = true;
    const original = fake.dump();
    const err = await applyPlan(everyOp(sheet)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelAdapterError);
    expect((err as ExcelAdapterError).code).toBe('protected-sheet');
    expect((err as ExcelAdapterError).message).toBe(
      `Trang tính "${sheet}" đang được bảo vệ (Protect Sheet); hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại. Chưa ghi gì vào bảng tính.`,
    );
    expect(fake.dump()).toEqual(original);
  });

  it('a protected sheet the host refuses at write time (AccessDenied) is still a clear message', async () => {
    const { fake, sheet } = setup();
    // protection switched on between the read and the write of the same batch
    const plan: EditPlan = {
      description: 'x',
      edits: [{ op: 'set-fill', sheet, cell: 'A1', color: 'FFC7CE' }],
    };
    const run = fake.run;
    (globalThis as unknown as { Excel: { run: unknown } }).Excel.run = async (batch: never) =>
      run(async (ctx) => {
        const origSync = ctx.sync.bind(ctx);
        let n = 0;
        ctx.sync = async () => {
          if (++n === 2) fake.sheet(sheet)!.protected = true;
          return origSync();
        };
        return (batch as (c: typeof ctx) => Promise<unknown>)(ctx);
      });
    const err = await applyPlan(plan).catch((e: unknown) => e);
    expect((err as ExcelAdapterError).code).toBe('protected-sheet');
    expect((err as ExcelAdapterError).message).toMatch(/bảo vệ/);
  });

  it.each([
    [
      { op: 'set-value', sheet: 'Không có', cell: 'A1', value: 1 } as CellEdit,
      'missing-sheet',
      /Không có trang tính "Không có"/,
    ],
    [
      { op: 'add-sheet', sheet: 'PHỤ LỤC 01' } as CellEdit,
      'sheet-exists',
      /đã có trang tính cùng tên/,
    ],
    [
      { op: 'add-sheet', sheet: 'a/b' } as CellEdit,
      'invalid-edit',
      /tên trang tính "a\/b" không hợp lệ/,
    ],
    [
      { op: 'set-fill', sheet: 'PHỤ LỤC 01', cell: 'ZZZZ1', color: null } as CellEdit,
      'invalid-edit',
      /ô "ZZZZ1"/,
    ],
    [
      { op: 'merge', sheet: 'PHỤ LỤC 01', range: 'A1:?' } as CellEdit,
      'invalid-edit',
      /vùng "A1:\?"/,
    ],
    [
      {
        op: 'set-validation-list',
        sheet: 'PHỤ LỤC 01',
        cell: 'F8',
        values: ['Đạt, tốt', 'Không'],
      } as CellEdit,
      'invalid-edit',
      /danh sách chọn/,
    ],
    [
      { op: 'set-column-width', sheet: 'PHỤ LỤC 01', column: 'I', width: 0 } as CellEdit,
      'invalid-edit',
      /độ rộng cột/,
    ],
  ])('%j → %s', async (edit, code, message) => {
    const { fake, sheet } = setup();
    const original = fake.dump();
    const plan: EditPlan = {
      description: 'x',
      edits: [{ op: 'set-value', sheet, cell: 'I1', value: 'trước' }, edit],
    };
    const err = await applyPlan(plan).catch((e: unknown) => e);
    expect((err as ExcelAdapterError).code).toBe(code);
    expect((err as ExcelAdapterError).message).toMatch(message);
    expect(fake.dump()).toEqual(original);
  });

  it('a workbook with a protected structure refuses a new sheet', async () => {
    const { fake, sheet } = setup();
    fake.structureProtected = true;
    const err = await applyPlan({
      description: 'x',
      edits: [{ op: 'add-sheet', sheet: 'Mới', after: sheet }],
    }).catch((e: unknown) => e);
    expect((err as ExcelAdapterError).code).toBe('protected-workbook');
  });

  it('notes on an Excel without notes or comments are reported, not silently dropped', async () => {
    const { fake, sheet } = setup({ apiVersion: '1.9' });
    const r = await applyPlan({
      description: 'ghi chú',
      edits: [
        { op: 'set-note', sheet, cell: 'E12', text: 'a' },
        { op: 'set-fill', sheet, cell: 'E12', color: 'FFF2CC' },
      ],
      notes: ['Kế hoạch bỏ qua 1 ô.'],
    });
    expect(r.notes).toEqual([
      'Kế hoạch bỏ qua 1 ô.',
      'Không ghi được 1 ghi chú vì Excel này chưa hỗ trợ ghi chú hay chú thích (cần ExcelApi 1.10).',
    ]);
    expect(fake.cell(sheet, 'E12')?.fill).toBe('#FFF2CC');
  });
});
