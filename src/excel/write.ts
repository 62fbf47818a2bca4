/**
 * Queueing edits on an Office.js request context: every op of the core's EditPlan
 * (src/core/plan/edit-plan.ts) plus the few the adapter needs to undo them. Queueing never
 * syncs; the caller syncs once. `checkEdits` validates a whole list against what was read
 * before anything is queued, so a refused plan leaves the workbook untouched (as the CLI's
 * applyPlanToExcelJS does).
 */
import type { CellEdit } from '../core/plan/edit-plan';
import { fromA1, toA1 } from '../core/model/grid';
import { cellKey, parseArea, qualified } from './address';
import type { Capabilities } from './capabilities';
import { jsonBytes, syncInBudget, type WriteUnit } from './budget';
import { ExcelAdapterError, MESSAGES } from './errors';
import type { NoteHandle } from './read';
import { queuePageLayoutState, queuePageSetup, type PageLayoutState } from './page-layout';

/** Ops beyond CellEdit, used by undo records. */
export type AdapterEdit =
  | CellEdit
  | { op: 'delete-sheet'; sheet: string }
  | { op: 'unmerge'; sheet: string; range: string }
  | { op: 'clear-validation'; sheet: string; cell: string }
  | {
      op: 'restore-format';
      sheet: string;
      cell: string;
      bold: boolean;
      italic: boolean;
      wrap: boolean;
      /** Office.js horizontal alignment ("General", "Left", …) */
      align: string;
      /** Office.js border style per edge ("None", "Continuous", …) */
      borders: Record<string, string>;
      fontName?: string;
      fontSize?: number;
    }
  | { op: 'set-column-points'; sheet: string; column: string; points: number }
  | { op: 'restore-page-layout'; sheet: string; layout: PageLayoutState };

/** What a batch of edits is applied against (read in an earlier sync of the same run). */
export interface WriteTarget {
  caps: Capabilities;
  /** Sheets in tab order. */
  sheets: { name: string; protected: boolean }[];
  /** Existing notes/comments by cellKey; updated as note edits are queued. */
  notes: Map<string, NoteHandle>;
  structureProtected: boolean;
  /** Sheets with a print setup of their own (read when a plan keeps existing setups). */
  ownPageSetup?: Set<string>;
}

export const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
const RGB = /^#?[0-9A-Fa-f]{6}$/;
const hexColor = (rgb: string) => `#${rgb.replace(/^#/, '').toUpperCase()}`;
const ALIGN: Record<'left' | 'center' | 'right', string> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};

/** Column width in characters (ExcelJS / Excel UI unit) → points (Office.js unit). */
export function charsToPoints(width: number): number {
  return Math.round((7 * width + 5) * 0.75 * 100) / 100;
}

/** ISO date ("2023-03-02" or a full ISO time) → Excel serial number (1900 date system). */
export function excelDateSerial(iso: string): number {
  const ms = Date.parse(/T/.test(iso) ? iso : `${iso}T00:00:00Z`);
  return ms / 86400000 + 25569;
}

/**
 * A string Excel would turn into something else when written as a value gets a leading
 * apostrophe, so the text stays text. Range.values reads text as if typed: "+", "-", "="
 * start a formula (Excel.Range.values reference); numbers with separators, percent,
 * currency or accounting brackets ("1.10", "1,000", "5%", "$5", "(5)"), mixed fractions
 * ("1 1/2"), dates ("3/4", "2023-03-02"), times and TRUE/FALSE become values.
 */
export function literalValue(v: string | number | boolean | null): string | number | boolean {
  if (v === null) return '';
  if (typeof v !== 'string') return v;
  const t = v.trim();
  const risky =
    /^[=+\-@']/.test(v) ||
    /^[-+]?[\d.,\s]+(%|[eE][-+]?\d+)?$/.test(t) ||
    /^(true|false)$/i.test(t) ||
    /^\d{1,4}[/\-.]\d{1,2}([/\-.]\d{1,4})?$/.test(t) ||
    /^\d{1,2}:\d{2}/.test(t) ||
    /^\(\s*\$?[\d.,\s]+\)%?$/.test(t) ||
    /^[-+]?\$\s*[\d.,]+$/.test(t) ||
    /^[-+]?\d+\s+\d+\/\d+$/.test(t);
  return risky && t !== '' ? `'${v}` : v;
}

function editCell(e: AdapterEdit): string | undefined {
  switch (e.op) {
    case 'merge':
    case 'unmerge':
    case 'add-sheet':
    case 'delete-sheet':
    case 'set-column-width':
    case 'set-column-points':
    case 'add-data-bar':
    case 'add-color-rule':
    case 'freeze-panes':
    case 'set-autofilter':
    case 'set-page-setup':
    case 'set-row-height':
    case 'restore-page-layout':
      return undefined;
    case 'set-value':
    case 'set-formula':
    case 'set-note':
    case 'set-fill':
    case 'set-style':
    case 'set-validation-list':
    case 'select':
    case 'clear-validation':
    case 'restore-format':
      return e.cell;
    default: {
      const _never: never = e;
      return _never;
    }
  }
}

function invalid(what: string): ExcelAdapterError {
  return new ExcelAdapterError(
    'invalid-edit',
    `Không thể ghi: ${what}. Chưa ghi gì vào bảng tính.`,
  );
}

/**
 * Validate edits against the target; throws ExcelAdapterError before anything is queued.
 * Returns the edits to queue (a delete of a sheet that no longer exists is dropped).
 */
export function checkEdits(edits: AdapterEdit[], target: WriteTarget): AdapterEdit[] {
  const names = new Set(target.sheets.map((s) => s.name));
  const added = new Set<string>();
  const protectedSheets = new Set(target.sheets.filter((s) => s.protected).map((s) => s.name));
  const out: AdapterEdit[] = [];
  for (const e of edits) {
    if (e.op === 'add-sheet') {
      if (names.has(e.sheet))
        throw new ExcelAdapterError('sheet-exists', MESSAGES.sheetExists(e.sheet));
      if (!e.sheet.trim() || e.sheet.length > 31 || SHEET_NAME_FORBIDDEN.test(e.sheet))
        throw invalid(
          `tên trang tính "${e.sheet}" không hợp lệ (tối đa 31 ký tự, không chứa [ ] : * ? / \\)`,
        );
      if (e.after !== undefined && !names.has(e.after))
        throw new ExcelAdapterError('missing-sheet', MESSAGES.missingSheet(e.after));
      if (target.structureProtected)
        throw new ExcelAdapterError('protected-workbook', MESSAGES.protectedWorkbook);
      names.add(e.sheet);
      added.add(e.sheet);
      out.push(e);
      continue;
    }
    if (e.op === 'delete-sheet') {
      if (!names.has(e.sheet)) continue;
      if (target.structureProtected)
        throw new ExcelAdapterError('protected-workbook', MESSAGES.protectedWorkbook);
      names.delete(e.sheet);
      out.push(e);
      continue;
    }
    if (!names.has(e.sheet))
      throw new ExcelAdapterError('missing-sheet', MESSAGES.missingSheet(e.sheet));
    if (e.op !== 'select' && protectedSheets.has(e.sheet) && !added.has(e.sheet))
      throw new ExcelAdapterError('protected-sheet', MESSAGES.protectedSheet(e.sheet));
    const cell = editCell(e);
    if (cell !== undefined) {
      try {
        fromA1(cell);
      } catch {
        throw invalid(`ô "${cell}" trên trang tính "${e.sheet}" không hợp lệ`);
      }
    }
    if (
      e.op === 'merge' ||
      e.op === 'unmerge' ||
      e.op === 'add-data-bar' ||
      e.op === 'add-color-rule' ||
      e.op === 'set-autofilter'
    ) {
      try {
        parseArea(e.range);
      } catch {
        throw invalid(`vùng "${e.range}" không hợp lệ`);
      }
    }
    if (
      (e.op === 'set-column-width' || e.op === 'set-column-points') &&
      !/^[A-Za-z]{1,3}$/.test(e.column)
    )
      throw invalid(`cột "${e.column}" không hợp lệ`);
    if (e.op === 'set-column-width' && !(e.width > 0))
      throw invalid(`độ rộng cột "${e.column}" không hợp lệ`);
    if (e.op === 'set-validation-list') {
      const bad = e.values.find((v) => v.includes(',') || v.includes('"'));
      if (bad !== undefined || e.values.join(',').length > 255)
        throw invalid(`danh sách chọn "${e.values.join(', ')}" không hợp lệ`);
    }
    if (e.op === 'add-data-bar' && !RGB.test(e.color))
      throw invalid(`màu "${e.color}" không hợp lệ`);
    if (e.op === 'add-color-rule') {
      const bad = [e.fill, e.font].find((c) => c !== undefined && !RGB.test(c));
      if (bad !== undefined) throw invalid(`màu "${bad}" không hợp lệ`);
    }
    if (
      e.op === 'set-row-height' &&
      (!Number.isInteger(e.row) ||
        e.row < 1 ||
        e.row > 1048576 ||
        (e.height !== null && !(e.height > 0 && e.height <= 409)))
    )
      throw invalid(`chiều cao dòng ${e.row} không hợp lệ`);
    if (
      e.op === 'freeze-panes' &&
      ![e.rows, e.columns].every((n) => Number.isInteger(n) && n >= 0 && n < 1000)
    )
      throw invalid(`cố định ${e.rows} dòng, ${e.columns} cột không hợp lệ`);
    out.push(e);
  }
  return out;
}

/** What queueing carries from one edit to the next (sheet objects, tab order, counts). */
export interface EditQueueState {
  order: string[];
  sheets: Map<string, Excel.Worksheet>;
  skippedNotes: number;
  /** More edits follow: leave the closing notes to the last call. */
  continues: boolean;
}

export function newEditQueue(target: WriteTarget): EditQueueState {
  return {
    order: target.sheets.map((s) => s.name),
    sheets: new Map(),
    skippedNotes: 0,
    continues: false,
  };
}

/** Actions an edit queues at most (an estimate for the request's size). */
function actionCount(e: AdapterEdit): number {
  switch (e.op) {
    case 'set-style':
    case 'restore-format':
      return 10;
    case 'set-fill':
    case 'delete-sheet':
      return 2;
    default:
      return 4;
  }
}

/** Estimated request bytes of one edit: its actions (object paths and calls) and its data. */
export function editBytes(e: AdapterEdit): number {
  return 250 * actionCount(e) + jsonBytes(e);
}

/**
 * Queue `edits` (already checked) and sync each time the per-sync budget is reached
 * (budget.ts), with `before` and `after` units around them: ⌈estimated bytes / budget⌉
 * syncs. Returns Vietnamese notes on what the host could not do.
 */
export async function writeInBudget(
  context: Excel.RequestContext,
  edits: AdapterEdit[],
  target: WriteTarget,
  around: { before?: WriteUnit[]; after?: WriteUnit[] } = {},
): Promise<string[]> {
  const queue = newEditQueue(target);
  queue.continues = true;
  const units: WriteUnit[] = edits.map((e) => ({
    bytes: editBytes(e),
    queue: () => void queueEdits(context, [e], target, queue),
  }));
  queue.continues = true;
  await syncInBudget(context, [...(around.before ?? []), ...units, ...(around.after ?? [])]);
  queue.continues = false;
  return queueEdits(context, [], target, queue);
}

/**
 * Queue `edits` (already checked) on `context`. No sync. Returns Vietnamese notes on what
 * the host could not do (e.g. notes on an Excel without notes or comments).
 */
export function queueEdits(
  context: Excel.RequestContext,
  edits: AdapterEdit[],
  target: WriteTarget,
  queue: EditQueueState = newEditQueue(target),
): string[] {
  const notes: string[] = [];
  const { order, sheets } = queue;
  const sheet = (name: string): Excel.Worksheet => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };
  for (const e of edits) {
    switch (e.op) {
      case 'add-sheet': {
        const ws = context.workbook.worksheets.add(e.sheet);
        sheets.set(e.sheet, ws);
        if (e.after !== undefined) {
          const at = order.indexOf(e.after) + 1;
          order.splice(at, 0, e.sheet);
          ws.position = at;
        } else order.push(e.sheet);
        break;
      }
      case 'delete-sheet':
        sheet(e.sheet).delete();
        sheets.delete(e.sheet);
        order.splice(order.indexOf(e.sheet), 1);
        break;
      case 'select': {
        const ws = sheet(e.sheet);
        ws.activate();
        ws.getRange(e.cell).select();
        break;
      }
      case 'merge':
        sheet(e.sheet).getRange(e.range).merge(false);
        break;
      case 'unmerge':
        sheet(e.sheet).getRange(e.range).unmerge();
        break;
      case 'set-column-width':
        sheet(e.sheet).getRange(
          `${e.column.toUpperCase()}:${e.column.toUpperCase()}`,
        ).format.columnWidth = charsToPoints(e.width);
        break;
      case 'set-column-points':
        sheet(e.sheet).getRange(
          `${e.column.toUpperCase()}:${e.column.toUpperCase()}`,
        ).format.columnWidth = e.points;
        break;
      case 'set-value': {
        const r = sheet(e.sheet).getRange(e.cell);
        if (e.numberFormat !== undefined) r.numberFormat = [[e.numberFormat]];
        if (e.value === null || e.value === '') r.clear('Contents');
        else if (e.kind === 'date' && typeof e.value === 'string')
          r.values = [[excelDateSerial(e.value)]];
        else if (e.kind === 'error' && typeof e.value === 'string')
          r.values = [[e.value]]; // Excel reads a typed "#DIV/0!" as the error value
        else r.values = [[literalValue(e.value)]];
        break;
      }
      case 'set-formula': {
        const r = sheet(e.sheet).getRange(e.cell);
        if (e.numberFormat !== undefined) r.numberFormat = [[e.numberFormat]];
        r.formulas = [[`=${e.formula.replace(/^=/, '')}`]];
        break;
      }
      case 'set-fill': {
        const r = sheet(e.sheet).getRange(e.cell);
        if (e.color === null) r.format.fill.clear();
        else r.format.fill.color = `#${e.color.replace(/^#/, '').toUpperCase()}`;
        break;
      }
      case 'set-style': {
        const f = sheet(e.sheet).getRange(e.cell).format;
        if (e.bold !== undefined) f.font.bold = e.bold;
        if (e.italic !== undefined) f.font.italic = e.italic;
        if (e.wrap !== undefined) f.wrapText = e.wrap;
        if (e.align !== undefined)
          f.horizontalAlignment = ALIGN[e.align] as Excel.HorizontalAlignment;
        if (e.border !== undefined)
          for (const edge of BORDER_EDGES)
            f.borders.getItem(edge as Excel.BorderIndex).style = (
              e.border ? 'Continuous' : 'None'
            ) as Excel.BorderLineStyle;
        if (e.fontName !== undefined) f.font.name = e.fontName;
        if (e.fontSize !== undefined) f.font.size = e.fontSize;
        break;
      }
      case 'restore-format': {
        const f = sheet(e.sheet).getRange(e.cell).format;
        f.font.bold = e.bold;
        f.font.italic = e.italic;
        f.wrapText = e.wrap;
        f.horizontalAlignment = e.align as Excel.HorizontalAlignment;
        for (const edge of BORDER_EDGES)
          f.borders.getItem(edge as Excel.BorderIndex).style = (e.borders[edge] ??
            'None') as Excel.BorderLineStyle;
        if (e.fontName !== undefined) f.font.name = e.fontName;
        if (e.fontSize !== undefined) f.font.size = e.fontSize;
        break;
      }
      case 'set-validation-list': {
        const dv = sheet(e.sheet).getRange(e.cell).dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: e.values.join(',') } };
        break;
      }
      case 'clear-validation':
        sheet(e.sheet).getRange(e.cell).dataValidation.clear();
        break;
      case 'set-note':
        if (target.caps.noteKind === 'none') {
          queue.skippedNotes++;
          break;
        }
        queueNote(context, target, e.sheet, e.cell, e.text);
        break;
      case 'add-data-bar': {
        const cf = sheet(e.sheet)
          .getRange(e.range)
          .conditionalFormats.add('DataBar' as Excel.ConditionalFormatType);
        cf.dataBar.lowerBoundRule = { type: 'LowestValue' as Excel.ConditionalFormatRuleType };
        cf.dataBar.upperBoundRule = { type: 'HighestValue' as Excel.ConditionalFormatRuleType };
        cf.dataBar.positiveFormat.fillColor = hexColor(e.color);
        cf.dataBar.positiveFormat.gradientFill = false;
        break;
      }
      case 'add-color-rule': {
        const cf = sheet(e.sheet)
          .getRange(e.range)
          .conditionalFormats.add('CellValue' as Excel.ConditionalFormatType);
        cf.cellValue.format.fill.color = hexColor(e.fill);
        if (e.font !== undefined) cf.cellValue.format.font.color = hexColor(e.font);
        cf.cellValue.rule = {
          formula1: `="${e.equals.replace(/"/g, '""')}"`,
          operator: 'EqualTo' as Excel.ConditionalCellValueOperator,
        };
        break;
      }
      case 'freeze-panes': {
        const ws = sheet(e.sheet);
        if (e.rows > 0 && e.columns > 0)
          ws.freezePanes.freezeAt(ws.getRange(`A1:${toA1(e.rows - 1, e.columns - 1)}`));
        else if (e.rows > 0) ws.freezePanes.freezeRows(e.rows);
        else if (e.columns > 0) ws.freezePanes.freezeColumns(e.columns);
        else ws.freezePanes.unfreeze();
        break;
      }
      case 'set-autofilter': {
        const ws = sheet(e.sheet);
        ws.autoFilter.apply(ws.getRange(e.range));
        break;
      }
      case 'set-page-setup':
        if (e.keepExisting && target.ownPageSetup?.has(e.sheet)) break;
        queuePageSetup(sheet(e.sheet), e.setup);
        break;
      case 'restore-page-layout':
        queuePageLayoutState(sheet(e.sheet), e.layout);
        break;
      case 'set-row-height': {
        const f = sheet(e.sheet).getRange(`${e.row}:${e.row}`).format;
        if (e.height === null) f.autofitRows();
        else f.rowHeight = e.height;
        break;
      }
      default: {
        const unknown: never = e;
        throw invalid(`thao tác ${JSON.stringify(unknown)} không được hỗ trợ`);
      }
    }
  }
  if (queue.skippedNotes > 0 && !queue.continues)
    notes.push(
      `Không ghi được ${queue.skippedNotes} ghi chú vì Excel này chưa hỗ trợ ghi chú hay chú thích (cần ExcelApi 1.10).`,
    );
  return notes;
}

/** Set, replace or delete the note (or comment) on one cell. */
function queueNote(
  context: Excel.RequestContext,
  target: WriteTarget,
  sheet: string,
  cell: string,
  text: string | null,
): void {
  const k = cellKey(sheet, cell);
  const existing = target.notes.get(k);
  if (text === null) {
    if (existing) {
      existing.obj.delete();
      target.notes.delete(k);
    }
    return;
  }
  if (existing) {
    existing.obj.content = text;
    existing.text = text;
    return;
  }
  const address = qualified(sheet, cell.replace(/\$/g, '').toUpperCase());
  const obj =
    target.caps.noteKind === 'note'
      ? context.workbook.notes.add(address, text)
      : context.workbook.comments.add(address, text);
  const { row, col } = fromA1(cell);
  target.notes.set(k, { sheet, cell: toA1(row, col), text, obj });
}
