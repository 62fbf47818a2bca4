/**
 * The Office.js adapter on a typed fake host: what it reads, and how many context.sync()
 * calls each command costs (a workbook read within one band of the per-sync budget: 3 to
 * read — sheets; extents and merged areas; contents — and one more to mark), and the
 * errors it reports. Large workbooks: excel-payload.test.ts.
 */
import * as ExcelJS from 'exceljs';
import { snapshotFromExcelJS } from '../../../src/xlsx/read-workbook';
import type { Cell, WorkbookSnapshot } from '../../../src/core/model/grid';
import {
  applyPlan,
  checkWorkbook,
  clearMarks,
  ExcelAdapterError,
  readWorkbookSnapshot,
  selectCell,
} from '../../../src/excel';
import { isDateFormat, serialToIso } from '../../../src/excel/read';
import { hoangKimWorkbook } from '../../support/fixtures/xlsx-builders';
import { FakeWorkbook } from '../../support/fakes/fake-excel';
import { fakeFromExcelJS } from '../../support/fakes/fake-from-xlsx';
import { firstSheet, hoangKimFake, largeFormFake } from '../../support/fakes/workbooks';

function sortCells(cells: Cell[]): Cell[] {
  return [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
}

function comparable(s: WorkbookSnapshot) {
  return s.sheets.map((g) => ({
    name: g.name,
    protected: !!g.protected,
    index: g.index,
    merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    cells: sortCells(g.cells),
  }));
}

/** A workbook with every kind of cell a sheet stores. */
function everyKindWorkbook(): ExcelJS.Workbook {
  const wb = hoangKimWorkbook();
  const ws = wb.addWorksheet('Các kiểu ô');
  ws.getCell('A1').value = 'Báo cáo ngày';
  ws.getCell('B1').value = new Date(Date.UTC(2023, 11, 5));
  ws.getCell('B1').numFmt = 'dd/mm/yyyy';
  ws.getCell('A2').value = 'Tỷ lệ';
  ws.getCell('B2').value = 0.829;
  ws.getCell('B2').numFmt = '0.0%';
  ws.getCell('A3').value = 'Lỗi công thức';
  ws.getCell('B3').value = {
    formula: '1/0',
    result: { error: '#DIV/0!' },
  } as ExcelJS.CellFormulaValue;
  ws.getCell('A4').value = 'Công thức';
  ws.getCell('B4').value = { formula: 'B2*2', result: 1.658 } as ExcelJS.CellFormulaValue;
  ws.getCell('A5').value = 'Đúng/sai';
  ws.getCell('B5').value = true;
  ws.getCell('A6').value = 'Minh chứng';
  ws.getCell('B6').value = {
    text: 'Cổng thông tin',
    hyperlink: 'http://hoangkim.hoanghoa.thanhhoa.gov.vn',
  };
  ws.getCell('A7').value = '1.10';
  ws.getCell('B7').value = 'Tô màu';
  ws.getCell('B7').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('B8').note = 'Ghi chú của người dùng';
  ws.getCell('A10').value = 'Tiêu đề gộp';
  ws.mergeCells('A10:D10');
  return wb;
}

describe('readWorkbookSnapshot', () => {
  it('reads what the CLI reads: values, cached results, formulas, formats, dates, errors, links, notes, fills, merges', async () => {
    const wb = everyKindWorkbook();
    const fake = fakeFromExcelJS(wb);
    fake.install();
    const snap = await readWorkbookSnapshot();
    expect(fake.syncCount).toBe(3);
    expect(comparable(snap)).toEqual(comparable(snapshotFromExcelJS(wb)));
    const kinds = snap.sheets[1].cells.map((c) => c.kind);
    expect(new Set(kinds)).toEqual(
      new Set(['string', 'date', 'number', 'error', 'boolean', 'empty']),
    );
  });

  it('costs 3 syncs on a 2,000-row form and reads every row', async () => {
    const fake = largeFormFake(2000);
    fake.install();
    const snap = await readWorkbookSnapshot();
    expect(fake.syncCount).toBe(3);
    const rows = new Set(snap.sheets[0].cells.map((c) => c.row));
    expect(rows.size).toBeGreaterThan(2000);
  });

  it('reads a sheet with a stray cell at row 1,000,000 only up to the read window, and says so', async () => {
    const fake = hoangKimFake();
    fake.setCell(firstSheet(fake), 'C1000000', { value: 'lạc' });
    fake.install();
    const result = await checkWorkbook({ mark: false });
    expect(fake.syncCount).toBe(3);
    expect(result.report.sheets[0].summary.criteria).toBe(37);
    expect(result.messages.join('\n')).toMatch(/tới dòng 1\.000\.000.*chỉ đọc vùng A1:AZ10000/);
    expect(result.snapshot.sheets[0].cells.every((c) => c.row < 10000)).toBe(true);
  });

  it('a sheet whose only content lies outside the window is read as empty, with a message', async () => {
    const fake = hoangKimFake();
    const far = fake.addSheet('Ghi chép');
    far.cells.set('11999,2', { value: 'xa' });
    far.cells.set('3,60', { value: 'cột BI' });
    fake.install();
    const result = await checkWorkbook({ mark: false });
    expect(fake.syncCount).toBe(3);
    const grid = result.snapshot.sheets.find((s) => s.name === 'Ghi chép')!;
    expect(grid.cells).toEqual([]);
    expect(result.messages.join('\n')).toMatch(/"Ghi chép" có dữ liệu tới dòng 12\.000, cột BI/);
    expect(result.report.sheets[0].summary.criteria).toBe(37);
  });

  it('recognises dates the way ExcelJS does', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('0.0%')).toBe(false);
    expect(isDateFormat('[Red]0.00')).toBe(false);
    expect(isDateFormat('"ngày" 0')).toBe(false);
    expect(serialToIso(45265)).toBe('2023-12-05');
    expect(serialToIso(45265.5)).toBe('2023-12-05T12:00:00.000Z');
  });
});

describe('sync counts', () => {
  it.each([
    ['37-row appendix (Hoàng Kim)', () => hoangKimFake()],
    ['2,000-row Mẫu 3.3 form', () => largeFormFake(2000)],
  ])(
    '%s: Kiểm tra, re-check and Xoá đánh dấu cost at most 4 syncs, a plan at most 3',
    async (_label, make) => {
      const fake = make();
      fake.install();
      const sheet = firstSheet(fake);
      const first = await checkWorkbook();
      expect(first.marks!.marked).toBeGreaterThan(20);
      expect(fake.lastRunSyncs).toBeLessThanOrEqual(4);
      await checkWorkbook();
      expect(fake.lastRunSyncs).toBeLessThanOrEqual(4);
      await clearMarks();
      expect(fake.lastRunSyncs).toBeLessThanOrEqual(4);
      const edits = Array.from({ length: 1500 }, (_, i) => ({
        op: 'set-note' as const,
        sheet,
        cell: `H${i + 4}`,
        text: `ghi chú ${i}`,
      }));
      await applyPlan({ description: 'nhiều ghi chú', edits }, { captureUndo: true });
      expect(fake.lastRunSyncs).toBeLessThanOrEqual(3);
      await selectCell(sheet, 'B4');
      expect(fake.lastRunSyncs).toBeLessThanOrEqual(2);
      expect(fake.runCount).toBe(5);
    },
  );
});

describe('errors are reported in Vietnamese, never swallowed', () => {
  it('cell-edit mode', async () => {
    const fake = hoangKimFake();
    fake.install();
    fake.cellEditMode = true;
    const err = await checkWorkbook().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelAdapterError);
    expect((err as ExcelAdapterError).code).toBe('cell-edit-mode');
    expect((err as ExcelAdapterError).message).toMatch(/chế độ sửa ô.*Enter/);
  });

  it('an Excel older than the declared ExcelApi 1.9', async () => {
    const fake = hoangKimFake({ apiVersion: '1.8' });
    fake.install();
    const err = await checkWorkbook().catch((e: unknown) => e);
    expect((err as ExcelAdapterError).code).toBe('api-missing');
    expect((err as ExcelAdapterError).message).toMatch(/chưa hỗ trợ.*ExcelApi 1\.9/);
    expect(fake.syncCount).toBe(0);
  });

  it('a host that refuses an API at run time (ApiNotFound) is reported, not ignored', async () => {
    const fake = hoangKimFake({ apiVersion: '1.12' });
    fake.install();
    // the host claims 1.13 but lacks it: getMergedAreas fails inside the batch
    const office = (
      globalThis as unknown as {
        Office: { context: { requirements: { isSetSupported: unknown } } };
      }
    ).Office;
    office.context.requirements.isSetSupported = () => true;
    const err = await checkWorkbook().catch((e: unknown) => e);
    expect((err as ExcelAdapterError).code).toBe('api-missing');
    expect((err as ExcelAdapterError).hostCode).toBe('ApiNotFound');
  });

  it('no Excel at all (page opened outside Excel)', async () => {
    const g = globalThis as Record<string, unknown>;
    delete g.Excel;
    delete g.Office;
    const err = await checkWorkbook().catch((e: unknown) => e);
    expect((err as ExcelAdapterError).code).toBe('no-office');
  });

  it('selecting a cell on a sheet that was renamed since the check', async () => {
    const fake = hoangKimFake();
    fake.install();
    const err = await selectCell('Không có', 'A1').catch((e: unknown) => e);
    expect((err as ExcelAdapterError).code).toBe('missing-sheet');
    expect((err as ExcelAdapterError).message).toMatch(/Không có trang tính "Không có"/);
  });
});

describe('FakeWorkbook guards the request model', () => {
  it('a property read before load+sync throws PropertyNotLoaded', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('A');
    const err = await fake
      .run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('A');
        return ws.name;
      })
      .catch((e: unknown) => e);
    expect((err as { code: string }).code).toBe('PropertyNotLoaded');
  });
});
