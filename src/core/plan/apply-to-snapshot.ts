/**
 * Apply an EditPlan to a core snapshot (no spreadsheet engine): what a sheet looks like after
 * the plan, for planning on top of a plan (the template fills its own formulas) and for tests.
 * Formulas keep their `cached` value.
 */
import type { CellEdit, EditPlan } from './edit-plan';
import { fromA1, type Cell, type SheetGrid, type WorkbookSnapshot } from '../model/grid';

function cellOf(sheet: SheetGrid, address: string): Cell {
  const { row, col } = fromA1(address);
  let c = sheet.cells.find((x) => x.row === row && x.col === col);
  if (!c) {
    c = { row, col, kind: 'empty', value: null };
    sheet.cells.push(c);
  }
  return c;
}

function setValue(c: Cell, value: string | number | boolean | null): void {
  c.value = value;
  c.kind =
    value === null || value === ''
      ? 'empty'
      : typeof value === 'number'
        ? 'number'
        : typeof value === 'boolean'
          ? 'boolean'
          : 'string';
  if (c.kind === 'empty') c.value = null;
}

function applyEdit(wb: WorkbookSnapshot, e: CellEdit): void {
  if (e.op === 'add-sheet') {
    if (!wb.sheets.some((s) => s.name === e.sheet))
      wb.sheets.push({ name: e.sheet, cells: [], merges: [], index: wb.sheets.length });
    return;
  }
  const sheet = wb.sheets.find((s) => s.name === e.sheet);
  if (!sheet) throw new Error(`No sheet ${e.sheet}`);
  switch (e.op) {
    case 'set-value': {
      const c = cellOf(sheet, e.cell);
      delete c.formula;
      setValue(c, e.value);
      if (e.kind && typeof e.value === 'string') c.kind = e.kind;
      if (e.numberFormat) c.numberFormat = e.numberFormat;
      return;
    }
    case 'set-formula': {
      const c = cellOf(sheet, e.cell);
      c.formula = e.formula;
      setValue(c, e.cached ?? null);
      if (e.numberFormat) c.numberFormat = e.numberFormat;
      return;
    }
    case 'set-note': {
      const c = cellOf(sheet, e.cell);
      if (e.text === null) delete c.note;
      else c.note = e.text;
      return;
    }
    case 'merge': {
      const [a, b] = e.range.split(':').map(fromA1);
      sheet.merges.push({
        top: Math.min(a.row, b.row),
        left: Math.min(a.col, b.col),
        bottom: Math.max(a.row, b.row),
        right: Math.max(a.col, b.col),
      });
      return;
    }
    case 'set-column-width': {
      const { col } = fromA1(`${e.column}1`);
      sheet.columnWidths = { ...(sheet.columnWidths ?? {}), [col]: e.width };
      return;
    }
    case 'set-row-height': {
      const heights = { ...(sheet.rowHeights ?? {}) };
      if (e.height === null) delete heights[e.row];
      else heights[e.row] = e.height;
      sheet.rowHeights = heights;
      return;
    }
    case 'set-page-setup':
      if (e.keepExisting && sheet.pageSetup) return;
      if (e.setup) sheet.pageSetup = e.setup;
      else delete sheet.pageSetup;
      return;
    // layout and view (and, as before, fills and sheet deletion): not applied here
    case 'set-fill':
    case 'delete-sheet':
    case 'set-style':
    case 'set-validation-list':
    case 'select':
    case 'add-data-bar':
    case 'add-color-rule':
    case 'freeze-panes':
    case 'set-autofilter':
      return;
    default: {
      const unknown: never = e;
      throw new Error(`applyPlanToSnapshot: unknown edit ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * A copy of the snapshot with the plan applied (values, formulas with cached results, notes,
 * merges, column widths, row heights, print setup).
 */
export function applyPlanToSnapshot(wb: WorkbookSnapshot, plan: EditPlan): WorkbookSnapshot {
  const copy: WorkbookSnapshot = {
    ...wb,
    sheets: wb.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((c) => ({ ...c })),
      merges: s.merges.map((m) => ({ ...m })),
    })),
  };
  for (const e of plan.edits) applyEdit(copy, e);
  for (const s of copy.sheets)
    s.cells = s.cells.filter((c) => c.kind !== 'empty' || c.formula || c.note);
  return copy;
}
