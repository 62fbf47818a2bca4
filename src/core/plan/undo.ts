/**
 * Undo (pane button **Hoàn tác**): from the snapshot read before a plan was applied, the plan
 * that puts back every cell the plan touched — value or formula with its number format, note,
 * fill — and deletes the sheets it added. Styles (bold, borders), validation lists, merges and
 * column widths on existing sheets cannot be read from a snapshot (nor conditional formats,
 * frozen panes and autofilters); a print setup and row heights are put back from what the
 * snapshot says (none read: the defaults, rows growing with their text); fill and appraise only set
 * them on cells they create or on new sheets (deleted on undo), and the plan says so otherwise.
 */
import type { CellEdit, EditPlan } from './edit-plan';
import { fromA1, type Cell, type WorkbookSnapshot } from '../model/grid';

interface Touched {
  sheet: string;
  cell: string;
  content: boolean;
  note: boolean;
  fill: boolean;
}

function findCell(snapshot: WorkbookSnapshot, sheet: string, a1: string): Cell | undefined {
  const grid = snapshot.sheets.find((s) => s.name === sheet);
  if (!grid) return undefined;
  const { row, col } = fromA1(a1);
  return grid.cells.find((c) => c.row === row && c.col === col);
}

/** The original content of a cell as an edit (value or formula, with its number format). */
function restoreContent(sheet: string, cell: string, orig: Cell | undefined): CellEdit {
  const numberFormat = orig?.numberFormat ?? 'General';
  if (orig?.formula) {
    const e: CellEdit = { op: 'set-formula', sheet, cell, formula: orig.formula, numberFormat };
    if (orig.value !== null && orig.value !== undefined) e.cached = orig.value;
    return e;
  }
  const value = !orig || orig.kind === 'empty' ? null : orig.value;
  const edit: CellEdit = { op: 'set-value', sheet, cell, value, numberFormat };
  if (orig?.kind === 'date' || orig?.kind === 'error') edit.kind = orig.kind;
  return edit;
}

/** The plan that undoes `plan` on the workbook `snapshot` was read from. */
export function inversePlan(snapshot: WorkbookSnapshot, plan: EditPlan): EditPlan {
  const added: string[] = [];
  const touched = new Map<string, Touched>();
  const notes: string[] = [];
  let unrestorable = 0;
  let views = 0;
  /** Print layout put back: page setups by sheet, row heights by sheet and row */
  const pageSetups = new Map<string, CellEdit>();
  const rowHeights = new Map<string, CellEdit>();
  for (const e of plan.edits) {
    if (e.op === 'add-sheet') {
      if (!snapshot.sheets.some((s) => s.name === e.sheet)) added.push(e.sheet);
      continue;
    }
    if (added.includes(e.sheet)) continue; // deleted as a whole
    switch (e.op) {
      case 'set-value':
      case 'set-formula':
      case 'set-note':
      case 'set-fill': {
        const key = `${e.sheet}\u0000${e.cell.toUpperCase()}`;
        let t = touched.get(key);
        if (!t) {
          t = {
            sheet: e.sheet,
            cell: e.cell.toUpperCase(),
            content: false,
            note: false,
            fill: false,
          };
          touched.set(key, t);
        }
        if (e.op === 'set-value' || e.op === 'set-formula') t.content = true;
        if (e.op === 'set-note') t.note = true;
        if (e.op === 'set-fill') t.fill = true;
        break;
      }
      case 'set-style':
      case 'set-column-width':
      case 'select':
        break; // cosmetic; nothing a validation reads
      case 'merge':
      case 'set-validation-list':
      case 'delete-sheet':
        unrestorable++;
        break;
      case 'add-data-bar':
      case 'add-color-rule':
      case 'freeze-panes':
      case 'set-autofilter':
        views++; // not in a snapshot: cannot be put back from one
        break;
      case 'set-page-setup': {
        // the snapshot holds the sheet's own setup, if any; none → back to the defaults
        const own = snapshot.sheets.find((s) => s.name === e.sheet)?.pageSetup;
        if (e.keepExisting && own) break; // the interpreter left it alone
        if (!pageSetups.has(e.sheet))
          pageSetups.set(e.sheet, {
            op: 'set-page-setup',
            sheet: e.sheet,
            setup: own ?? null,
          });
        break;
      }
      case 'set-row-height': {
        const key = `${e.sheet}\u0000${e.row}`;
        if (!rowHeights.has(key)) {
          const fixed = snapshot.sheets.find((s) => s.name === e.sheet)?.rowHeights?.[e.row];
          rowHeights.set(key, {
            op: 'set-row-height',
            sheet: e.sheet,
            row: e.row,
            height: fixed ?? null,
          });
        }
        break;
      }
      default: {
        const unknown: never = e;
        throw new Error(`inversePlan: unknown edit ${JSON.stringify(unknown)}`);
      }
    }
  }
  const edits: CellEdit[] = [];
  for (const t of touched.values()) {
    const orig = findCell(snapshot, t.sheet, t.cell);
    if (t.content) edits.push(restoreContent(t.sheet, t.cell, orig));
    if (t.note)
      edits.push({ op: 'set-note', sheet: t.sheet, cell: t.cell, text: orig?.note ?? null });
    if (t.fill)
      edits.push({ op: 'set-fill', sheet: t.sheet, cell: t.cell, color: orig?.fill ?? null });
  }
  edits.push(...pageSetups.values(), ...rowHeights.values());
  for (const s of [...added].reverse()) edits.push({ op: 'delete-sheet', sheet: s });
  if (unrestorable)
    notes.push(
      `${unrestorable} thay đổi (gộp ô, danh sách chọn, xóa sheet) không hoàn tác được tự động.`,
    );
  if (views)
    notes.push(
      `${views} định dạng có điều kiện, cố định dòng/cột hay bộ lọc trên trang tính có sẵn không hoàn tác được tự động.`,
    );
  const what: string[] = [];
  if (touched.size) what.push(`khôi phục ${touched.size} ô`);
  if (added.length) what.push(`xóa ${added.length} sheet đã thêm`);
  if (pageSetups.size) what.push(`đặt lại trang in của ${pageSetups.size} sheet`);
  return {
    description: what.length ? `Hoàn tác: ${what.join(', ')}` : 'Không có gì để hoàn tác',
    edits,
    ...(notes.length ? { notes } : {}),
  };
}
