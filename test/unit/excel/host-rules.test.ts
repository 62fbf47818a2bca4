/**
 * The documented Excel host rules the fake host enforces (test/fakes/fake-excel.ts, each
 * marked HOST RULE with its page), one block per rule: first the fake rejects the case as
 * Excel does, then the adapter works under the rule.
 */
import { applyPlan, checkWorkbook, clearMarks, ExcelAdapterError } from '../../../src/excel';
import { toAdapterError } from '../../../src/excel/errors';
import { MARKS_SHEET } from '../../../src/excel/marks-store';
import { MERGE_FALLBACK_SYNCS } from '../../../src/excel/merges';
import { FakeWorkbook, MAX_MERGED_AREAS, quoteSheet } from '../../support/fakes/fake-excel';
import { firstSheet, hoangKimFake } from '../../support/fakes/workbooks';

async function hostError(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).not.toBeNull();
  return e as { code: string; message: string };
}

describe('Worksheet.delete: a very hidden sheet cannot be deleted', () => {
  it('the fake refuses with InvalidOperation, and deletes once the sheet is made Hidden in the same batch', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('Trang 1');
    fake.addSheet('Kho').visibility = 'VeryHidden';
    const err = await hostError(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Kho').delete();
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('InvalidOperation');
    expect(fake.sheet('Kho')).toBeDefined();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Kho');
      ws.visibility = 'Hidden';
      ws.delete();
      await ctx.sync();
    });
    expect(fake.sheet('Kho')).toBeUndefined();
  });

  it('Xoá đánh dấu empties the very hidden store: the store is gone and the marks with it', async () => {
    const fake = hoangKimFake();
    fake.install();
    const sheet = firstSheet(fake);
    const original = fake.dump();
    await checkWorkbook();
    expect(fake.sheet(MARKS_SHEET)!.visibility).toBe('VeryHidden');
    const cleared = await clearMarks();
    expect(cleared.restored).toBeGreaterThan(20);
    expect(fake.sheet(MARKS_SHEET)).toBeUndefined();
    expect(fake.cell(sheet, 'E18')?.fill).toBeUndefined();
    expect(fake.dump()).toEqual(original);
  });

  it('Kiểm tra with nothing left to mark drops the store too', async () => {
    const fake = hoangKimFake();
    fake.install();
    await checkWorkbook();
    // every sheet becomes unrecognisable: no finding, so no mark is left
    for (const s of fake.sheets) if (s.name !== MARKS_SHEET) s.cells.clear();
    const again = await checkWorkbook();
    expect(again.marks!.marked).toBe(0);
    expect(fake.sheet(MARKS_SHEET)).toBeUndefined();
  });
});

describe('getMergedAreasOrNullObject fails above 512 merged areas', () => {
  function mergedSheet(areas: number): FakeWorkbook {
    const fake = hoangKimFake();
    const s = fake.addSheet('Gộp ô');
    // two-cell merges, 20 to a row (A:B, C:D …), the way a hand-made form merges labels
    for (let i = 0; i < areas; i++) {
      const row = Math.floor(i / 20);
      const col = (i % 20) * 2;
      s.merges.push({ top: row, left: col, bottom: row, right: col + 1 });
      s.cells.set(`${row},${col}`, { value: `ô ${i + 1}` });
    }
    return fake;
  }

  it.each([
    [MAX_MERGED_AREAS, true],
    [MAX_MERGED_AREAS + 1, false],
  ])('the fake returns %i merged areas: %s', async (areas, ok) => {
    const fake = mergedSheet(areas);
    const run = fake.run(async (ctx) => {
      const ra = ctx.workbook.worksheets.getItem('Gộp ô').getRange('A1:AZ100');
      const merged = ra.getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      return merged.address.split(',').length;
    });
    if (ok) expect(await run).toBe(areas);
    else expect((await hostError(run)).code).toBe('GeneralException');
  });

  it('a sheet with 600 merged areas is read whole: every area, in a few more syncs, and the appendix still checked', async () => {
    const fake = mergedSheet(600);
    fake.install();
    const result = await checkWorkbook({ mark: false });
    const grid = result.snapshot.sheets.find((s) => s.name === 'Gộp ô')!;
    expect(grid.merges).toHaveLength(600);
    expect(new Set(grid.merges.map((m) => `${m.top},${m.left}`)).size).toBe(600);
    expect(result.snapshot.sheets[0].merges.length).toBeGreaterThan(0);
    expect(result.report.sheets[0].summary.criteria).toBe(37);
    // 3 syncs without the limit; the extents again without merges, one sync per sheet, and
    // the sheet over the limit in four bands
    expect(fake.lastRunSyncs).toBeLessThanOrEqual(3 + 1 + 2 + 4);
    expect(result.messages.join('\n')).not.toMatch(/vùng gộp/);
  });

  it('a sheet with more merged areas than the fallback can read says which rows were skipped', async () => {
    const fake = mergedSheet(20 * 1000);
    fake.install();
    const result = await checkWorkbook({ mark: false });
    const grid = result.snapshot.sheets.find((s) => s.name === 'Gộp ô')!;
    expect(grid.merges.length).toBeGreaterThan(0);
    expect(grid.merges.length).toBeLessThan(20 * 1000);
    expect(result.messages.join('\n')).toMatch(
      /"Gộp ô" có quá nhiều vùng gộp ô.*từ dòng \d+ đến dòng \d+/,
    );
    // sheets, extents (failed on the merges), extents again, the fallback, two content bands
    expect(fake.lastRunSyncs).toBeLessThanOrEqual(3 + MERGE_FALLBACK_SYNCS + 2);
    expect(result.report.sheets[0].summary.criteria).toBe(37);
  });
});

describe('cell-edit mode: InvalidOperationInCellEditMode or a plain InvalidOperation', () => {
  it.each(['InvalidOperationInCellEditMode', 'InvalidOperation'] as const)(
    'the fake fails a batch with %s; the adapter says "nhấn Enter hoặc Esc"',
    async (code) => {
      const fake = hoangKimFake();
      fake.install();
      fake.cellEditMode = true;
      fake.cellEditError = code;
      const err = await hostError(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.load('items/name');
          await ctx.sync();
        }),
      );
      expect(err.code).toBe(code);
      const adapted = (await hostError(checkWorkbook())) as unknown as ExcelAdapterError;
      expect(adapted).toBeInstanceOf(ExcelAdapterError);
      expect(adapted.message).toMatch(/nhấn Enter hoặc Esc/);
      expect(fake.sheet(MARKS_SHEET)).toBeUndefined();
    },
  );

  it('a plain InvalidOperation that names cell edit is cell-edit mode; one that names protection is protection', () => {
    const edit = toAdapterError({
      code: 'InvalidOperation',
      message: 'Not allowed in cell edit mode',
    });
    expect(edit.code).toBe('cell-edit-mode');
    const prot = toAdapterError({ code: 'InvalidOperation', message: 'The sheet is protected' });
    expect(prot.code).toBe('protected-sheet');
  });

  it('with delayForCellEdit the fake holds the batch until the user leaves the cell, then runs it', async () => {
    const fake = hoangKimFake();
    fake.install();
    fake.cellEditMode = true;
    fake.cellEditError = 'InvalidOperation';
    let done = false;
    const pending = checkWorkbook({ delayForCellEdit: true }).then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    expect(fake.delayedForCellEdit).toBe(1);
    fake.leaveCellEdit();
    const result = await pending;
    expect(result.marks!.marked).toBeGreaterThan(20);
  });
});

describe('sheet names in addresses: quoted unless Excel would leave them bare', () => {
  it.each([
    ['A1', true],
    ['R2C3', true],
    ['XFD1048576', true],
    ['TRUE', true],
    ['R', true],
    ['Phụ lục 01', true],
    ['2024', true],
    ['Sheet1', false],
    ['XFE1', false],
    ['Tong_hop', false],
  ])('"%s" needs quotes: %s; the fake refuses it bare', async (name, quoted) => {
    expect(quoteSheet(name).startsWith("'")).toBe(quoted);
    const fake = new FakeWorkbook();
    fake.addSheet(name);
    const bare = fake.run(async (ctx) => {
      ctx.workbook.notes.add(`${name}!B2`, 'ghi chú');
      await ctx.sync();
    });
    if (quoted) expect((await hostError(bare)).code).toBe('InvalidArgument');
    else await bare;
    await fake.run(async (ctx) => {
      ctx.workbook.notes.add(`'${name}'!C3`, 'ghi chú');
      await ctx.sync();
    });
    expect(fake.noteAt(name, 'C3')).toBe('ghi chú');
  });

  it('an appendix on a sheet named "A1" is checked, marked with notes and cleared', async () => {
    const fake = hoangKimFake();
    fake.sheets[0].name = 'A1';
    fake.addSheet('R2C3').cells.set('0,0', { value: 'ghi chép' });
    fake.install();
    const original = fake.dump();
    const result = await checkWorkbook();
    expect(result.report.sheets[0].name).toBe('A1');
    expect(fake.noteAt('A1', 'E18')).toContain('1.11');
    await checkWorkbook();
    await clearMarks();
    expect(fake.dump()).toEqual(original);
  });
});

describe('Range.values: text is read as if typed', () => {
  const typed: [string, unknown][] = [
    ['1.10', 1.1],
    ['1,000', 1000],
    ['5%', 0.05],
    ['(5)', -5],
    ['$5', 5],
    ['1 1/2', 1.5],
    ['1e3', 1000],
    ['TRUE', true],
    ['2023-03-02', 44987],
    ['3/4', 'date'],
    ['10:30', 0.4375],
  ];

  it.each(typed)('the fake reads "%s" as %p', async (text, expected) => {
    const fake = new FakeWorkbook();
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[text]];
      await ctx.sync();
    });
    const cell = fake.cell('S', 'A1')!;
    if (expected === 'date') {
      expect(typeof cell.value).toBe('number');
      expect(cell.numberFormat).toMatch(/d/);
    } else expect(cell.value).toBe(expected);
  });

  it('"-x" and "=x" become formulas, "19/8/2025" (a day-first date) and an apostrophe stay text', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:D1').values = [
        ['-x', '=x', '19/8/2025', "'1.10"],
      ];
      await ctx.sync();
    });
    expect(fake.cell('S', 'A1')!.formula).toBe('-x');
    expect(fake.cell('S', 'B1')!.formula).toBe('x');
    expect(fake.cell('S', 'C1')!.value).toBe('19/8/2025');
    expect(fake.cell('S', 'D1')!.value).toBe('1.10');
  });

  it('text the adapter writes stays the same text', async () => {
    const fake = hoangKimFake();
    fake.install();
    const sheet = firstSheet(fake);
    const texts = [
      ...typed.map(([t]) => t),
      '-x',
      '=x',
      '+84 912 345 678',
      '19/8/2025',
      '0912345678',
    ];
    await applyPlan({
      description: 'văn bản',
      edits: texts.map((value, i) => ({ op: 'set-value', sheet, cell: `K${i + 1}`, value })),
    });
    texts.forEach((t, i) => {
      const c = fake.cell(sheet, `K${i + 1}`)!;
      expect(c.formula).toBeUndefined();
      expect(c.value).toBe(t);
    });
  });
});
