/**
 * Apply a core EditPlan to the open workbook, in three syncs for a plan under the per-sync
 * budget (budget.ts), more for a larger one:
 *   1. sheet list, protection and (when the plan writes notes) the notes collection;
 *   2. only when needed: note locations and, for undo, the current state of every target
 *      (one more sync per CAPTURES_PER_SYNC edits);
 *   3. the writes (one sync per 4 MB of estimated request).
 * The plan is checked first (protected or missing sheet, bad address…): a refused plan
 * writes nothing. With `captureUndo`, the result carries an UndoRecord that `applyUndo`
 * applies to put every touched cell back (the pane's **Hoàn tác**).
 */
import type { EditPlan } from '../core/plan/edit-plan';
import { areaA1, cellKey, parseAreasAddress, splitQualified } from './address';
import { detectCapabilities } from './capabilities';
import type { NoteHandle } from './read';
import { runExcel } from './run';
import {
  isOwnPageLayout,
  loadPageLayout,
  pageLayoutState,
  type PageLayoutRead,
} from './page-layout';
import {
  BORDER_EDGES,
  checkEdits,
  writeInBudget,
  type AdapterEdit,
  type WriteTarget,
} from './write';

export interface UndoRecord {
  /** "Hoàn tác: Điền 37 công thức…" */
  description: string;
  /** Inverse edits, to apply in this order. */
  edits: AdapterEdit[];
  /** What undo cannot restore exactly (Vietnamese). */
  notes: string[];
}

export interface ApplyResult {
  /** Number of edits written. */
  applied: number;
  /** Vietnamese notes: the plan's own notes and what the host could not do. */
  notes: string[];
  undo?: UndoRecord;
}

export interface ApplyOptions {
  /** Read the current state of every target first and return an UndoRecord. */
  captureUndo?: boolean;
}

type Capture =
  | { kind: 'content'; edit: AdapterEdit & { sheet: string; cell: string }; range: Excel.Range }
  | {
      kind: 'props';
      edit: AdapterEdit & { sheet: string; cell: string };
      props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
    }
  | {
      kind: 'validation';
      edit: AdapterEdit & { sheet: string; cell: string };
      dv: Excel.DataValidation;
    }
  | {
      kind: 'merge';
      edit: AdapterEdit & { sheet: string; range: string };
      areas: Excel.RangeAreas | null;
    }
  | {
      kind: 'width';
      edit: AdapterEdit & { sheet: string; column: string };
      format: Excel.RangeFormat;
    }
  | { kind: 'note'; edit: AdapterEdit & { sheet: string; cell: string } }
  | { kind: 'page'; edit: AdapterEdit & { sheet: string }; read: PageLayoutRead }
  | {
      kind: 'row';
      edit: AdapterEdit & { sheet: string; row: number };
      format: Excel.RangeFormat;
    }
  /** Conditional formats, frozen panes, autofilter on an existing sheet: not restored. */
  | { kind: 'view'; edit: AdapterEdit & { sheet: string } }
  | { kind: 'sheet'; edit: AdapterEdit & { sheet: string } };

/** Apply a core plan (see src/core/plan/edit-plan.ts) to the open workbook. */
export async function applyPlan(plan: EditPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const result = await applyEdits(plan.description, plan.edits, opts);
  if (plan.notes?.length) result.notes = [...plan.notes, ...result.notes];
  return result;
}

/** Put back what an applied plan changed. */
export async function applyUndo(undo: UndoRecord): Promise<ApplyResult> {
  const result = await applyEdits(undo.description, undo.edits, {});
  result.notes = [...undo.notes, ...result.notes];
  return result;
}

/** Apply adapter edits (CellEdit ops plus the undo ops) in one Excel.run (syncs: see above). */
export async function applyEdits(
  description: string,
  edits: AdapterEdit[],
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  return runExcel(async (context) => {
    const caps = detectCapabilities();
    const writesNotes = caps.noteKind !== 'none' && edits.some((e) => e.op === 'set-note');
    const touchesSheets = edits.some((e) => e.op === 'add-sheet' || e.op === 'delete-sheet');

    // --- sync 1: sheets, protection, notes collection
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/protection/protected');
    let noteItems: { items: (Excel.Note | Excel.Comment)[] } | null = null;
    if (writesNotes)
      noteItems =
        caps.noteKind === 'note'
          ? context.workbook.notes.load('items/content')
          : context.workbook.comments.load('items/content');
    const wbProtection =
      touchesSheets && caps.workbookProtection
        ? context.workbook.protection.load('protected')
        : null;
    await context.sync();

    const target: WriteTarget = {
      caps,
      sheets: worksheets.items.map((ws) => ({ name: ws.name, protected: ws.protection.protected })),
      notes: new Map(),
      structureProtected: wbProtection ? wbProtection.protected : false,
    };
    const checked = checkEdits(edits, target);

    // --- sync 2 (when needed): note locations, current state for undo
    const locations = (noteItems?.items ?? []).map((item) => ({
      item,
      loc: item.getLocation().load('address'),
    }));
    const captures: Capture[] = [];
    if (opts.captureUndo) {
      // in slices that keep each sync's request under the budget (budget.ts)
      const added = new Set<string>();
      for (let i = 0; i < checked.length; i += CAPTURES_PER_SYNC) {
        captures.push(
          ...queueCaptures(context, checked.slice(i, i + CAPTURES_PER_SYNC), caps.merges, added),
        );
        // one sync per band is the point: the payload guidance says to split and sync each part
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        if (i + CAPTURES_PER_SYNC < checked.length) await context.sync();
      }
    }
    // a user's own page setup is never changed: read the layouts a plan may keep
    const layouts = new Map<string, PageLayoutRead>();
    const names = new Set(target.sheets.map((s) => s.name));
    for (const e of checked)
      if (e.op === 'add-sheet') names.delete(e.sheet);
      else if (e.op === 'set-page-setup' && e.keepExisting && names.has(e.sheet))
        if (!layouts.has(e.sheet))
          layouts.set(e.sheet, loadPageLayout(context.workbook.worksheets.getItem(e.sheet)));
    if (
      locations.length > 0 ||
      layouts.size > 0 ||
      captures.some((c) => c.kind !== 'note' && c.kind !== 'sheet')
    )
      await context.sync();
    target.ownPageSetup = new Set(
      [...layouts].filter(([, r]) => isOwnPageLayout(pageLayoutState(r))).map(([n]) => n),
    );
    for (const { item, loc } of locations) {
      const { sheet, ref } = splitQualified(loc.address);
      const cell = ref.split(':')[0].replace(/\$/g, '');
      const handle: NoteHandle = { sheet, cell, text: item.content, obj: item };
      target.notes.set(cellKey(sheet, cell), handle);
    }
    const undo = opts.captureUndo ? buildUndo(description, captures, target) : undefined;

    // --- sync 3 (one per 4 MB of estimated request): the writes
    const notes = await writeInBudget(context, checked, target);
    const result: ApplyResult = { applied: checked.length, notes };
    if (undo) result.undo = undo;
    return result;
  });
}

/**
 * Undo captures queued in one sync: each costs about three actions in the request and a
 * few hundred bytes in the response, so 5,000 stay well under the per-sync budget.
 */
export const CAPTURES_PER_SYNC = 5000;

function queueCaptures(
  context: Excel.RequestContext,
  edits: AdapterEdit[],
  merges: boolean,
  added: Set<string>,
): Capture[] {
  const out: Capture[] = [];
  for (const e of edits) {
    if (e.op === 'add-sheet') {
      added.add(e.sheet);
      out.push({ kind: 'sheet', edit: e });
      continue;
    }
    if (added.has(e.sheet) || e.op === 'select' || e.op === 'delete-sheet') continue;
    const ws = context.workbook.worksheets.getItem(e.sheet);
    switch (e.op) {
      case 'set-value':
      case 'set-formula':
        out.push({
          kind: 'content',
          edit: e,
          range: ws.getRange(e.cell).load('formulas,values,valueTypes,numberFormat'),
        });
        break;
      case 'set-fill':
        out.push({
          kind: 'props',
          edit: e,
          props: ws
            .getRange(e.cell)
            .getCellProperties({ format: { fill: { color: true, pattern: true } } }),
        });
        break;
      case 'set-style':
      case 'restore-format':
        out.push({
          kind: 'props',
          edit: e,
          props: ws.getRange(e.cell).getCellProperties({
            format: {
              font: { bold: true, italic: true, name: true, size: true },
              wrapText: true,
              horizontalAlignment: true,
              borders: { style: true },
            },
          }),
        });
        break;
      case 'set-validation-list':
      case 'clear-validation': {
        const dv = ws.getRange(e.cell).dataValidation;
        dv.load('rule');
        out.push({ kind: 'validation', edit: e, dv });
        break;
      }
      case 'merge':
      case 'unmerge': {
        let areas: Excel.RangeAreas | null = null;
        if (merges) {
          areas = ws.getRange(e.range).getMergedAreasOrNullObject();
          areas.load('address');
        }
        out.push({ kind: 'merge', edit: e, areas });
        break;
      }
      case 'set-column-width':
      case 'set-column-points': {
        const col = e.column.toUpperCase();
        const format = ws.getRange(`${col}:${col}`).format;
        format.load('columnWidth');
        out.push({ kind: 'width', edit: e, format });
        break;
      }
      case 'set-note':
        out.push({ kind: 'note', edit: e });
        break;
      case 'set-page-setup':
      case 'restore-page-layout':
        out.push({ kind: 'page', edit: e, read: loadPageLayout(ws) });
        break;
      case 'set-row-height': {
        const format = ws.getRange(`${e.row}:${e.row}`).format;
        format.load('rowHeight');
        out.push({ kind: 'row', edit: e, format });
        break;
      }
      case 'add-data-bar':
      case 'add-color-rule':
      case 'freeze-panes':
      case 'set-autofilter':
        out.push({ kind: 'view', edit: e });
        break;
      default: {
        const unknown: never = e;
        throw new Error(`apply-plan: no undo capture for ${JSON.stringify(unknown)}`);
      }
    }
  }
  return out;
}

function setsFont(e: AdapterEdit, key: 'fontName' | 'fontSize'): boolean {
  return e.op === 'set-style' && e[key] !== undefined;
}

/** getCellProperties names the edges top/bottom/left/right. */
const BORDER_KEYS = {
  EdgeTop: 'top',
  EdgeBottom: 'bottom',
  EdgeLeft: 'left',
  EdgeRight: 'right',
} as const;

function contentInverse(sheet: string, cell: string, range: Excel.Range): AdapterEdit {
  const f = range.formulas[0][0] as unknown;
  const numberFormat = String(range.numberFormat[0][0] ?? 'General');
  if (typeof f === 'string' && f.startsWith('='))
    return { op: 'set-formula', sheet, cell, formula: f.slice(1), numberFormat };
  const type = String(range.valueTypes[0][0]);
  const v = range.values[0][0] as unknown;
  const value =
    type === 'Empty' || v === ''
      ? null
      : typeof v === 'number' || typeof v === 'boolean'
        ? v
        : String(v);
  return { op: 'set-value', sheet, cell, value, numberFormat };
}

function buildUndo(description: string, captures: Capture[], target: WriteTarget): UndoRecord {
  const groups: AdapterEdit[][] = [];
  const notes: string[] = [];
  for (const c of captures) {
    const e = c.edit;
    const inverse: AdapterEdit[] = [];
    groups.push(inverse);
    switch (c.kind) {
      case 'sheet':
        inverse.push({ op: 'delete-sheet', sheet: e.sheet });
        break;
      case 'content':
        inverse.push(contentInverse(c.edit.sheet, c.edit.cell, c.range));
        break;
      case 'props': {
        const p = c.props.value[0]?.[0];
        const fmt = p?.format;
        if (c.edit.op === 'set-fill') {
          const fill = fmt?.fill;
          const color = fill && fill.color && fill.pattern !== 'None' ? fill.color : null;
          inverse.push({ op: 'set-fill', sheet: c.edit.sheet, cell: c.edit.cell, color });
        } else {
          const borders: Record<string, string> = {};
          for (const edge of BORDER_EDGES)
            borders[edge] = String(fmt?.borders?.[BORDER_KEYS[edge]]?.style ?? 'None');
          inverse.push({
            op: 'restore-format',
            sheet: c.edit.sheet,
            cell: c.edit.cell,
            bold: !!fmt?.font?.bold,
            italic: !!fmt?.font?.italic,
            wrap: !!fmt?.wrapText,
            align: String(fmt?.horizontalAlignment ?? 'General'),
            borders,
            // the font only when the plan changes it (a restore writes what it names)
            ...(setsFont(c.edit, 'fontName') && fmt?.font?.name ? { fontName: fmt.font.name } : {}),
            ...(setsFont(c.edit, 'fontSize') && typeof fmt?.font?.size === 'number'
              ? { fontSize: fmt.font.size }
              : {}),
          });
        }
        break;
      }
      case 'validation': {
        const rule = c.dv.rule as Excel.DataValidationRule | undefined;
        const list = rule?.list;
        if (list && typeof list.source === 'string')
          inverse.push({
            op: 'set-validation-list',
            sheet: c.edit.sheet,
            cell: c.edit.cell,
            values: list.source.split(','),
          });
        else {
          const other = rule && Object.values(rule).some((v) => v !== undefined && v !== null);
          if (other)
            notes.push(
              `Quy tắc kiểm tra dữ liệu cũ của ô ${c.edit.sheet}!${c.edit.cell} không khôi phục được.`,
            );
          inverse.push({ op: 'clear-validation', sheet: c.edit.sheet, cell: c.edit.cell });
        }
        break;
      }
      case 'merge': {
        inverse.push({ op: 'unmerge', sheet: c.edit.sheet, range: c.edit.range });
        if (c.areas && !c.areas.isNullObject) {
          for (const { area } of parseAreasAddress(c.areas.address))
            inverse.push({ op: 'merge', sheet: c.edit.sheet, range: areaA1(area) });
        } else if (!c.areas)
          notes.push(
            'Excel này không đọc được vùng gộp: các vùng gộp cũ có thể không được khôi phục.',
          );
        break;
      }
      case 'width':
        inverse.push({
          op: 'set-column-points',
          sheet: c.edit.sheet,
          column: c.edit.column,
          points: c.format.columnWidth,
        });
        break;
      case 'page': {
        const before = pageLayoutState(c.read);
        inverse.push({ op: 'restore-page-layout', sheet: c.edit.sheet, layout: before });
        if (
          before.printTitleRows === null &&
          c.edit.op === 'set-page-setup' &&
          c.edit.setup?.printTitleRows
        )
          notes.push(
            `Excel không bỏ được dòng tiêu đề in đã đặt trên trang tính "${c.edit.sheet}"; hãy bỏ trong Bố trí Trang › In Tiêu đề nếu cần.`,
          );
        break;
      }
      case 'row':
        inverse.push({
          op: 'set-row-height',
          sheet: c.edit.sheet,
          row: c.edit.row,
          height: c.format.rowHeight,
        });
        break;
      case 'view': {
        const what =
          c.edit.op === 'freeze-panes'
            ? 'cố định dòng/cột'
            : c.edit.op === 'set-autofilter'
              ? 'bộ lọc'
              : 'định dạng có điều kiện';
        const note = `Không hoàn tác được ${what} trên trang tính "${c.edit.sheet}".`;
        if (!notes.includes(note)) notes.push(note);
        break;
      }
      case 'note': {
        const existing = target.notes.get(cellKey(c.edit.sheet, c.edit.cell));
        inverse.push({
          op: 'set-note',
          sheet: c.edit.sheet,
          cell: c.edit.cell,
          text: existing ? existing.text : null,
        });
        break;
      }
    }
  }
  // undo the last edit first; within one edit, its inverse ops keep their order
  const edits = groups.reverse().flat();
  return { description: `Hoàn tác: ${description}`, edits, notes };
}
