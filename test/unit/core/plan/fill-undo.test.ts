import { planAppraise } from '../../../../src/core/appendix/appraise';
import type { EditPlan } from '../../../../src/core/plan/edit-plan';
import { planFill } from '../../../../src/core/appendix/fill';
import type { WorkbookSnapshot } from '../../../../src/core/model/grid';
import { inversePlan } from '../../../../src/core/plan/undo';
import { snapshotFromExcelJS } from '../../../../src/xlsx/read-workbook';
import { applyPlanToExcelJS } from '../../../../src/xlsx/apply-plan';
import {
  analyze,
  catalog,
  cellMap,
  hoangKimGrid,
  numericVariant,
  ratioVariant,
  roundTrip,
  snapshotOf,
  toExcel,
} from '../../../support/fill-support';

/** Apply `plan`, then its inverse computed from the snapshot read before; read back. */
async function applyThenUndo(
  before: WorkbookSnapshot,
  plan: EditPlan,
): Promise<{ undo: EditPlan; restored: WorkbookSnapshot; changed: WorkbookSnapshot }> {
  const wb = await roundTrip(toExcel(before));
  applyPlanToExcelJS(wb, plan);
  const mid = await roundTrip(wb);
  const changed = snapshotFromExcelJS(mid, before.name);
  const undo = inversePlan(before, plan);
  applyPlanToExcelJS(mid, undo);
  const restored = snapshotFromExcelJS(await roundTrip(mid), before.name);
  return { undo, restored, changed };
}

function expectSame(a: WorkbookSnapshot, b: WorkbookSnapshot): void {
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  for (const s of a.sheets) {
    const x = cellMap(s);
    const y = cellMap(b.sheets.find((t) => t.name === s.name)!);
    expect([...y.keys()].sort()).toEqual([...x.keys()].sort());
    for (const [addr, c] of x) {
      const d = y.get(addr)!;
      expect([addr, d.kind, d.value, d.formula, d.numberFormat, d.note, d.fill]).toEqual([
        addr,
        c.kind,
        c.value,
        c.formula,
        c.numberFormat,
        c.note,
        c.fill,
      ]);
    }
  }
}

async function load(...grids: Parameters<typeof snapshotOf>): Promise<WorkbookSnapshot> {
  return snapshotFromExcelJS(await roundTrip(toExcel(snapshotOf(...grids))), 'xa.xlsx');
}

describe('Hoàn tác (inversePlan)', () => {
  it.each([
    ['seed 004', hoangKimGrid],
    ['ratios', ratioVariant],
    ['numeric cells', numericVariant],
  ])('undoes fill on %s: every cell back as it was', async (_l, make) => {
    const before = await load(make());
    const plan = planFill(before, analyze(before), catalog);
    const { undo, restored, changed } = await applyThenUndo(before, plan);
    expect(changed.sheets[0].cells.length).toBeGreaterThan(before.sheets[0].cells.length);
    expect(undo.description).toMatch(/^Hoàn tác: khôi phục \d+ ô$/);
    expectSame(before, restored);
  });

  it('undoes appraise by deleting the sheet it added', async () => {
    const before = await load(hoangKimGrid());
    const plan = planAppraise(before, analyze(before), catalog, 'huyen');
    const { undo, restored, changed } = await applyThenUndo(before, plan);
    expect(changed.sheets.length).toBe(2);
    expect(undo.edits).toEqual([{ op: 'delete-sheet', sheet: 'Phụ lục 02' }]);
    expectSame(before, restored);
  });

  it('undoes appraise --adjacent: the added columns are emptied again', async () => {
    const before = await load(hoangKimGrid());
    const plan = planAppraise(before, analyze(before), catalog, 'huyen', { adjacent: true });
    const { restored } = await applyThenUndo(before, plan);
    expectSame(before, restored);
  });

  it('restores a formula that was there before, with its cached value and format', () => {
    const snap: WorkbookSnapshot = {
      sheets: [
        {
          name: 'S',
          merges: [],
          cells: [
            {
              row: 0,
              col: 0,
              kind: 'number',
              value: 0.5,
              formula: '1/2',
              numberFormat: '0%',
              note: 'cũ',
              fill: 'FFC7CE',
            },
          ],
        },
      ],
    };
    const plan: EditPlan = {
      description: 'x',
      edits: [
        { op: 'set-value', sheet: 'S', cell: 'A1', value: 3 },
        { op: 'set-note', sheet: 'S', cell: 'A1', text: 'mới' },
        { op: 'set-fill', sheet: 'S', cell: 'A1', color: null },
        { op: 'set-value', sheet: 'S', cell: 'B2', value: 'x', numberFormat: '0.0%' },
        { op: 'merge', sheet: 'S', range: 'C1:D1' },
      ],
    };
    const undo = inversePlan(snap, plan);
    expect(undo.edits).toEqual([
      {
        op: 'set-formula',
        sheet: 'S',
        cell: 'A1',
        formula: '1/2',
        numberFormat: '0%',
        cached: 0.5,
      },
      { op: 'set-note', sheet: 'S', cell: 'A1', text: 'cũ' },
      { op: 'set-fill', sheet: 'S', cell: 'A1', color: 'FFC7CE' },
      { op: 'set-value', sheet: 'S', cell: 'B2', value: null, numberFormat: 'General' },
    ]);
    expect(undo.notes![0]).toMatch(/1 thay đổi .* không hoàn tác được/);
  });

  it('has nothing to undo for an empty plan', () => {
    expect(inversePlan({ sheets: [] }, { description: '', edits: [] }).description).toBe(
      'Không có gì để hoàn tác',
    );
  });
});
