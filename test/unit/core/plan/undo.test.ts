/**
 * undo.ts: inversePlan, from the snapshot read before a plan, builds the plan that puts back
 * every cell the plan touched (value or formula with its number format, note, fill) and deletes
 * the sheets it added. Checked on seed 004's PHỤ LỤC 01 through ExcelJS: apply, undo, read back,
 * and the workbook is as it was.
 */
import type { EditPlan } from '../../../../src/core/plan/edit-plan';
import {
  toA1,
  type Cell,
  type SheetGrid,
  type WorkbookSnapshot,
} from '../../../../src/core/model/grid';
import { inversePlan } from '../../../../src/core/plan/undo';
import { applyPlanToExcelJS } from '../../../../src/xlsx/apply-plan';
import { snapshotFromExcelJS } from '../../../../src/xlsx/read-workbook';
import { hoangKimGrid, roundTrip, toExcel } from '../../../support/fill-support';
import { rowOf, withCell } from '../../../support/fixtures/tsv-grid';

const PL01 = 'Phụ lục 01';

/** Seed 004 with what a real file holds besides text: a formula, a note, a fill. */
function seedSheet(): SheetGrid {
  let g = hoangKimGrid(PL01);
  const at = (code: string, col: number, patch: Partial<Cell>) => {
    const row = rowOf(g, code);
    const old = g.cells.find((c) => c.row === row && c.col === col);
    g = withCell(g, { ...(old ?? { kind: 'empty', value: null }), row, col, ...patch } as Cell);
  };
  at('3.9', 4, { kind: 'number', value: 3644 / 4993, formula: '3644/4993', numberFormat: '0.00%' });
  at('1.7', 4, { note: 'Số liệu quý IV', fill: 'FFC7CE' });
  at('4.5', 4, { kind: 'number', value: 14, numberFormat: '0 "điểm"' });
  return g;
}

async function load(grid: SheetGrid): Promise<WorkbookSnapshot> {
  return snapshotFromExcelJS(await roundTrip(toExcel({ sheets: [grid] })), 'hoang-kim.xlsx');
}

async function applyThenUndo(before: WorkbookSnapshot, plan: EditPlan) {
  const wb = await roundTrip(toExcel(before));
  applyPlanToExcelJS(wb, plan);
  const mid = await roundTrip(wb);
  const changed = snapshotFromExcelJS(mid, before.name);
  const undo = inversePlan(before, plan);
  applyPlanToExcelJS(mid, undo);
  const restored = snapshotFromExcelJS(await roundTrip(mid), before.name);
  return { undo, changed, restored };
}

/** Every cell as a person and a formula see it, keyed by sheet!A1. */
function contents(s: WorkbookSnapshot): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const sh of s.sheets)
    for (const c of sh.cells)
      out.set(`${sh.name}!${toA1(c.row, c.col)}`, [
        c.kind,
        c.value,
        c.formula,
        c.numberFormat,
        c.note,
        c.fill,
      ]);
  return out;
}

function expectSameWorkbook(before: WorkbookSnapshot, after: WorkbookSnapshot): void {
  expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  expect([...contents(after)].sort()).toEqual([...contents(before)].sort());
}

/** What fill + appraise-like planners write: conversions with notes, verdicts, marks, sheets. */
function planOn(before: WorkbookSnapshot): EditPlan {
  const g = before.sheets[0];
  const r = (code: string) => rowOf(g, code) + 1;
  return {
    description: 'Điền công thức',
    edits: [
      { op: 'set-value', sheet: PL01, cell: `E${r('1.6')}`, value: 0.829, numberFormat: '0.0%' },
      { op: 'set-note', sheet: PL01, cell: `E${r('1.6')}`, text: 'Giá trị gốc: 82,9%' },
      {
        op: 'set-formula',
        sheet: PL01,
        cell: `F${r('1.6')}`,
        formula: `IF(E${r('1.6')}>=0.7,"Đạt","Không đạt")`,
        cached: 'Đạt',
      },
      { op: 'set-style', sheet: PL01, cell: `F${r('1.6')}`, bold: true },
      // a cell holding a formula, overwritten twice
      { op: 'set-value', sheet: PL01, cell: `E${r('3.9')}`, value: 0.7298 },
      { op: 'set-formula', sheet: PL01, cell: `E${r('3.9')}`, formula: '1/2', cached: 0.5 },
      // a cell with a note and a fill
      { op: 'set-fill', sheet: PL01, cell: `E${r('1.7')}`, color: 'FFF2CC' },
      { op: 'set-note', sheet: PL01, cell: `E${r('1.7')}`, text: 'Cần thẩm định lại' },
      { op: 'set-value', sheet: PL01, cell: `E${r('4.5')}`, value: 15, numberFormat: '0' },
      // cells that were empty
      { op: 'set-value', sheet: PL01, cell: 'B60', value: 'Tổng số tiêu chí đạt' },
      { op: 'set-formula', sheet: PL01, cell: 'C61', formula: 'COUNTIF(F8:F18,"Đạt")', cached: 11 },
      { op: 'set-fill', sheet: PL01, cell: 'J9', color: 'FFC7CE' },
      { op: 'set-column-width', sheet: PL01, column: 'J', width: 30 },
      { op: 'select', sheet: PL01, cell: 'E13' },
      // two new sheets with content of their own
      { op: 'add-sheet', sheet: 'Phụ lục 02', after: PL01 },
      { op: 'set-value', sheet: 'Phụ lục 02', cell: 'A1', value: 'PHỤ LỤC 02' },
      { op: 'merge', sheet: 'Phụ lục 02', range: 'A1:H1' },
      { op: 'set-fill', sheet: 'Phụ lục 02', cell: 'E9', color: 'FFF2CC' },
      { op: 'add-sheet', sheet: 'Mẫu 1.4' },
      { op: 'set-value', sheet: 'Mẫu 1.4', cell: 'A1', value: 'Mẫu 1.4' },
    ],
  };
}

describe('inversePlan on seed 004 through ExcelJS', () => {
  it('restores values, formulas, formats, notes and fills and deletes the added sheets', async () => {
    const before = await load(seedSheet());
    const plan = planOn(before);
    const { changed, restored } = await applyThenUndo(before, plan);
    expect(changed.sheets.map((s) => s.name)).toEqual([PL01, 'Phụ lục 02', 'Mẫu 1.4']);
    expect(contents(changed)).not.toEqual(contents(before));
    expectSameWorkbook(before, restored);
  });

  it('one restore per touched cell, sheets deleted last-added first', async () => {
    const before = await load(seedSheet());
    const undo = inversePlan(before, planOn(before));
    const cells = undo.edits.filter((e) => e.op === 'set-value' || e.op === 'set-formula');
    expect(cells.map((e) => ('cell' in e ? e.cell : ''))).toEqual([
      'E13',
      'F13',
      'E38',
      'E50',
      'B60',
      'C61',
    ]);
    expect(undo.edits.filter((e) => e.op === 'delete-sheet')).toEqual([
      { op: 'delete-sheet', sheet: 'Mẫu 1.4' },
      { op: 'delete-sheet', sheet: 'Phụ lục 02' },
    ]);
    expect(undo.edits.some((e) => e.sheet === 'Phụ lục 02' && e.op !== 'delete-sheet')).toBe(false);
    // 6 contents + E14's note/fill + J9's fill = 8 cells
    expect(undo.description).toBe('Hoàn tác: khôi phục 8 ô, xóa 2 sheet đã thêm');
    expect(undo.notes).toBeUndefined();
  });

  it('a formula comes back with its cached value and format; an empty cell as empty', async () => {
    const before = await load(seedSheet());
    const undo = inversePlan(before, planOn(before));
    expect(undo.edits.find((e) => e.op === 'set-formula' && e.cell === 'E38')).toEqual({
      op: 'set-formula',
      sheet: PL01,
      cell: 'E38',
      formula: '3644/4993',
      numberFormat: '0.00%',
      cached: 3644 / 4993,
    });
    expect(undo.edits.find((e) => 'cell' in e && e.cell === 'C61')).toEqual({
      op: 'set-value',
      sheet: PL01,
      cell: 'C61',
      value: null,
      numberFormat: 'General',
    });
    expect(undo.edits).toContainEqual({ op: 'set-note', sheet: PL01, cell: 'E13', text: null });
    expect(undo.edits).toContainEqual({
      op: 'set-note',
      sheet: PL01,
      cell: 'E14',
      text: 'Số liệu quý IV',
    });
    expect(undo.edits).toContainEqual({
      op: 'set-fill',
      sheet: PL01,
      cell: 'E14',
      color: 'FFC7CE',
    });
    expect(undo.edits).toContainEqual({ op: 'set-fill', sheet: PL01, cell: 'J9', color: null });
  });
});

describe('inversePlan: what it cannot or must not undo', () => {
  const snap = (): WorkbookSnapshot => ({
    sheets: [
      { name: PL01, cells: [{ row: 0, col: 0, kind: 'string', value: 'PHỤ LỤC 01' }], merges: [] },
    ],
  });

  it('counts merges, validation lists and sheet deletions on existing sheets in a note', () => {
    const undo = inversePlan(snap(), {
      description: '',
      edits: [
        { op: 'merge', sheet: PL01, range: 'A1:H1' },
        { op: 'set-validation-list', sheet: PL01, cell: 'F8', values: ['Đạt', 'Không đạt'] },
        { op: 'delete-sheet', sheet: 'Cũ' },
      ],
    });
    expect(undo.edits).toEqual([]);
    expect(undo.notes).toEqual([
      '3 thay đổi (gộp ô, danh sách chọn, xóa sheet) không hoàn tác được tự động.',
    ]);
    expect(undo.description).toBe('Không có gì để hoàn tác');
  });

  it('never deletes a sheet that existed before, even if the plan "adds" it', () => {
    const undo = inversePlan(snap(), {
      description: '',
      edits: [
        { op: 'add-sheet', sheet: PL01 },
        { op: 'set-value', sheet: PL01, cell: 'A1', value: 'PHỤ LỤC 02' },
      ],
    });
    expect(undo.edits).toEqual([
      { op: 'set-value', sheet: PL01, cell: 'A1', value: 'PHỤ LỤC 01', numberFormat: 'General' },
    ]);
  });

  it('an address written in lower case is the same cell', () => {
    const undo = inversePlan(snap(), {
      description: '',
      edits: [
        { op: 'set-value', sheet: PL01, cell: 'a1', value: 'x' },
        { op: 'set-note', sheet: PL01, cell: 'A1', text: 'y' },
      ],
    });
    expect(undo.edits).toEqual([
      { op: 'set-value', sheet: PL01, cell: 'A1', value: 'PHỤ LỤC 01', numberFormat: 'General' },
      { op: 'set-note', sheet: PL01, cell: 'A1', text: null },
    ]);
  });

  it('styles, widths and selections leave nothing to undo', () => {
    const undo = inversePlan(snap(), {
      description: '',
      edits: [
        { op: 'set-style', sheet: PL01, cell: 'A1', bold: true },
        { op: 'set-column-width', sheet: PL01, column: 'B', width: 52 },
        { op: 'select', sheet: PL01, cell: 'A1' },
      ],
    });
    expect(undo).toEqual({ description: 'Không có gì để hoàn tác', edits: [] });
  });
});

describe('inversePlan: cells whose kind a text value cannot carry', () => {
  // Excel turns "2/3" typed in Kết quả into the date 02/03; linking the result to its form
  // (planLinkForms) writes a formula over it, and Hoàn tác must give the date back — not the text
  // "2023-03-02". Likewise an error pasted as a value (#DIV/0!) must come back as an error.
  async function roundTripUndo(cell: Cell) {
    const grid: SheetGrid = { name: PL01, cells: [cell], merges: [] };
    const wb = toExcel({ sheets: [grid] });
    const ws = wb.getWorksheet(PL01)!;
    if (cell.kind === 'date') ws.getCell('E31').value = new Date(`${cell.value}T00:00:00Z`);
    if (cell.kind === 'error') ws.getCell('E31').value = { error: cell.value } as never;
    const before = snapshotFromExcelJS(await roundTrip(wb), 'x.xlsx');
    expect(before.sheets[0].cells[0]).toMatchObject({ kind: cell.kind, value: cell.value });
    const plan: EditPlan = {
      description: 'Liên kết',
      edits: [
        { op: 'set-note', sheet: PL01, cell: 'E31', text: 'Giá trị gốc: 2/3' },
        {
          op: 'set-formula',
          sheet: PL01,
          cell: 'E31',
          formula: "'Mẫu 3.3'!E25",
          numberFormat: '0.0%',
          cached: 0.7,
        },
      ],
    };
    const { restored } = await applyThenUndo(before, plan);
    return { before, restored };
  }

  it('a date comes back as a date', async () => {
    const { before, restored } = await roundTripUndo({
      row: 30,
      col: 4,
      kind: 'date',
      value: '2023-03-02',
      numberFormat: 'dd/mm/yyyy',
    });
    expectSameWorkbook(before, restored);
  });

  it('an error value comes back as an error', async () => {
    const { before, restored } = await roundTripUndo({
      row: 30,
      col: 4,
      kind: 'error',
      value: '#DIV/0!',
    });
    expectSameWorkbook(before, restored);
  });
});
