/**
 * Applies a core EditPlan to an ExcelJS workbook in one pass. Everything that can be
 * checked is checked first (protected sheets, missing sheets, bad addresses, merge
 * overlaps), so a refused plan leaves the workbook untouched.
 */
import type * as ExcelJS from 'exceljs';
import type { CellEdit, EditPlan, PageSetup } from '../core/plan/edit-plan';
import { columnLetters, fromA1 } from '../core/model/grid';
import { WorkbookError } from './errors';

type Area = { top: number; left: number; bottom: number; right: number };

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

/** "A1:H3" → 0-based area; throws WorkbookError on a malformed range. */
export function parseRange(range: string): Area {
  const parts = range.split(':');
  if (parts.length < 1 || parts.length > 2) throw badEdit(`vùng "${range}" không hợp lệ`);
  try {
    const a = fromA1(parts[0]);
    const b = parts.length === 2 ? fromA1(parts[1]) : a;
    return {
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    };
  } catch {
    throw badEdit(`vùng "${range}" không hợp lệ`);
  }
}

function badEdit(what: string): WorkbookError {
  return new WorkbookError('invalid-edit', `Không thể ghi: ${what}.`);
}

function overlaps(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function sameArea(a: Area, b: Area): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** The merged areas of a worksheet (0-based). */
export function worksheetMerges(ws: ExcelJS.Worksheet): Area[] {
  // ExcelJS keeps merges in a private map (master address → Range); `model.merges` would
  // build the whole sheet model, which is costly on large sheets.
  const priv = (ws as unknown as { _merges?: Record<string, { model?: Area }> })._merges;
  if (priv && typeof priv === 'object') {
    const out: Area[] = [];
    for (const r of Object.values(priv)) {
      if (r && r.model) {
        const m = r.model;
        out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
      }
    }
    return out;
  }
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return merges.map(parseRange);
}

export function isSheetProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return !!(p && p.sheet);
}

function editAddress(e: CellEdit): string | undefined {
  switch (e.op) {
    case 'merge':
    case 'add-sheet':
    case 'delete-sheet':
    case 'set-column-width':
    case 'add-data-bar':
    case 'add-color-rule':
    case 'freeze-panes':
    case 'set-autofilter':
    case 'set-page-setup':
    case 'set-row-height':
      return undefined;
    case 'set-value':
    case 'set-formula':
    case 'set-note':
    case 'set-fill':
    case 'set-style':
    case 'set-validation-list':
    case 'select':
      return e.cell;
    default: {
      const _never: never = e;
      return _never;
    }
  }
}

const RGB = /^#?[0-9A-Fa-f]{6}$/;

/** Check the whole plan against the workbook before anything is written. */
function checkPlan(wb: ExcelJS.Workbook, plan: EditPlan): void {
  const added = new Set<string>();
  const exists = (name: string) => added.has(name) || !!wb.getWorksheet(name);
  const pendingMerges = new Map<string, Area[]>();
  for (const e of plan.edits) {
    if (e.op === 'add-sheet') {
      // Excel compares sheet names case-insensitively ("Phụ lục 02" = "PHỤ LỤC 02")
      const lower = e.sheet.toLowerCase();
      const taken =
        [...added].some((n) => n.toLowerCase() === lower) ||
        wb.worksheets.some((w) => w.name.toLowerCase() === lower);
      if (taken)
        throw new WorkbookError(
          'sheet-exists',
          `Không thể thêm trang tính "${e.sheet}": đã có trang tính cùng tên.`,
        );
      if (
        !e.sheet.trim() ||
        e.sheet.length > 31 ||
        SHEET_NAME_FORBIDDEN.test(e.sheet) ||
        /^'|'$/.test(e.sheet) ||
        e.sheet.toLowerCase() === 'history'
      )
        throw badEdit(
          `tên trang tính "${e.sheet}" không hợp lệ (tối đa 31 ký tự, không chứa [ ] : * ? / \\, không bắt đầu hay kết thúc bằng dấu nháy đơn)`,
        );
      if (e.after !== undefined && !exists(e.after))
        throw new WorkbookError(
          'missing-sheet',
          `Không thể ghi: không có trang tính "${e.after}".`,
        );
      added.add(e.sheet);
      continue;
    }
    if (e.op === 'delete-sheet') {
      added.delete(e.sheet);
      continue;
    }
    if (!exists(e.sheet))
      throw new WorkbookError('missing-sheet', `Không thể ghi: không có trang tính "${e.sheet}".`);
    const ws = wb.getWorksheet(e.sheet);
    if (ws && !added.has(e.sheet) && isSheetProtected(ws))
      throw new WorkbookError(
        'protected-sheet',
        `Trang tính "${e.sheet}" đang được bảo vệ (Protect Sheet); hãy bỏ bảo vệ rồi chạy lại. Chưa ghi gì vào tệp.`,
      );
    const addr = editAddress(e);
    if (addr !== undefined) {
      try {
        fromA1(addr);
      } catch {
        throw badEdit(`ô "${addr}" trên trang tính "${e.sheet}" không hợp lệ`);
      }
    }
    if (e.op === 'set-column-width') {
      if (!/^[A-Za-z]{1,3}$/.test(e.column) || !(e.width > 0))
        throw badEdit(`độ rộng cột "${e.column}" không hợp lệ`);
    }
    if (e.op === 'merge') {
      const area = parseRange(e.range);
      const existing = ws ? worksheetMerges(ws) : [];
      const pending = pendingMerges.get(e.sheet) ?? [];
      for (const m of [...existing, ...pending]) {
        if (!sameArea(m, area) && overlaps(m, area))
          throw badEdit(`vùng ${e.range} chồng lên một vùng đã gộp trên trang tính "${e.sheet}"`);
      }
      pending.push(area);
      pendingMerges.set(e.sheet, pending);
    }
    if (e.op === 'add-data-bar' || e.op === 'add-color-rule' || e.op === 'set-autofilter')
      parseRange(e.range);
    if (e.op === 'add-data-bar' && !RGB.test(e.color))
      throw badEdit(`màu "${e.color}" không hợp lệ`);
    if (e.op === 'add-color-rule') {
      const bad = [e.fill, e.font].find((c) => c !== undefined && !RGB.test(c));
      if (bad !== undefined) throw badEdit(`màu "${bad}" không hợp lệ`);
    }
    if (
      e.op === 'freeze-panes' &&
      ![e.rows, e.columns].every((n) => Number.isInteger(n) && n >= 0 && n < 1000)
    )
      throw badEdit(`cố định ${e.rows} dòng, ${e.columns} cột không hợp lệ`);
    if (e.op === 'set-validation-list') {
      const bad = e.values.find((v) => v.includes(',') || v.includes('"'));
      if (bad !== undefined || e.values.join(',').length > 255)
        throw badEdit(`danh sách chọn "${e.values.join(', ')}" không hợp lệ`);
    }
    if (e.op === 'set-row-height') {
      if (!Number.isInteger(e.row) || e.row < 1 || e.row > 1048576)
        throw badEdit(`dòng ${e.row} không hợp lệ`);
      if (e.height !== null && !(e.height > 0 && e.height <= 409))
        throw badEdit(`chiều cao dòng ${e.height} không hợp lệ (tối đa 409 điểm)`);
    }
    if (e.op === 'set-page-setup' && e.setup?.printTitleRows) {
      const [a, b] = e.setup.printTitleRows;
      if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 1 && b >= a))
        throw badEdit(`dòng tiêu đề in ${a}:${b} không hợp lệ`);
    }
  }
}

const DEFAULT_MARGINS = {
  left: 0.7,
  right: 0.7,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

/**
 * True when the sheet has a print setup of its own: landscape, fitted to pages, scaled,
 * print titles or area, or a header/footer. (ExcelJS fills `pageSetup` with defaults, so a
 * portrait sheet at 100 % without titles or footer has none.)
 */
export function hasOwnPageSetup(ws: ExcelJS.Worksheet): boolean {
  const p = ws.pageSetup ?? {};
  const hf = (ws.headerFooter ?? {}) as Record<string, unknown>;
  return (
    p.orientation === 'landscape' ||
    !!p.fitToPage ||
    (p.scale !== undefined && p.scale !== 100) ||
    !!p.printTitlesRow ||
    !!p.printTitlesColumn ||
    !!p.printArea ||
    ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'].some(
      (k) => typeof hf[k] === 'string' && (hf[k] as string).trim() !== '',
    )
  );
}

/** Write a core PageSetup (null: the defaults) into an ExcelJS worksheet. */
function writePageSetup(ws: ExcelJS.Worksheet, setup: PageSetup | null): void {
  const fitted = !!setup && setup.fitToWidth !== undefined;
  const next: Partial<ExcelJS.PageSetup> = {
    ...ws.pageSetup,
    paperSize: (setup?.paperSize ?? ws.pageSetup.paperSize) as ExcelJS.PaperSize,
    orientation: setup?.orientation ?? 'portrait',
    fitToPage: fitted,
    fitToWidth: fitted ? setup.fitToWidth : 1,
    fitToHeight: fitted ? (setup.fitToHeight ?? 0) : 1,
    scale: setup?.scale ?? 100,
    margins: setup?.margins ?? DEFAULT_MARGINS,
    horizontalCentered: !!setup?.horizontalCentered,
    printTitlesRow: setup?.printTitleRows
      ? `${setup.printTitleRows[0]}:${setup.printTitleRows[1]}`
      : undefined,
  };
  ws.pageSetup = next as ExcelJS.PageSetup;
  const hf = (ws.headerFooter ?? {}) as Partial<ExcelJS.HeaderFooter>;
  ws.headerFooter = {
    ...hf,
    oddFooter: setup?.footer ? `&C${setup.footer}` : undefined,
  } as ExcelJS.HeaderFooter;
}

/** ExcelJS shares style objects between cells read from a file: copy before changing one. */
function ownStyle(cell: ExcelJS.Cell): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = { ...(cell.style ?? {}) };
  cell.style = s;
  return s;
}

function argb(rgb: string): string {
  const hex = rgb.replace(/^#/, '').toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

/** Priorities of conditional formats must be distinct on a sheet: the next free one. */
function nextPriority(ws: ExcelJS.Worksheet): number {
  const cfs =
    (ws as unknown as { conditionalFormattings?: { rules: { priority?: number }[] }[] })
      .conditionalFormattings ?? [];
  let max = 0;
  for (const cf of cfs) for (const r of cf.rules) max = Math.max(max, r.priority ?? 0);
  return max + 1;
}

function placeSheetAfter(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, after: string): void {
  const order = wb.worksheets.filter((w) => w !== ws);
  const at = order.findIndex((w) => w.name === after);
  order.splice(at + 1, 0, ws);
  order.forEach((w, i) => {
    (w as unknown as { orderNo: number }).orderNo = i;
  });
}

function applyEdit(wb: ExcelJS.Workbook, e: CellEdit): void {
  if (e.op === 'delete-sheet') {
    const gone = wb.getWorksheet(e.sheet);
    if (gone) wb.removeWorksheet(gone.id);
    return;
  }
  if (e.op === 'add-sheet') {
    const ws = wb.addWorksheet(e.sheet);
    if (e.after !== undefined) placeSheetAfter(wb, ws, e.after);
    return;
  }
  const ws = wb.getWorksheet(e.sheet);
  if (!ws)
    throw new WorkbookError('missing-sheet', `Không thể ghi: không có trang tính "${e.sheet}".`);
  switch (e.op) {
    case 'select':
      return; // a file has no selection worth writing
    case 'merge': {
      const a = parseRange(e.range);
      const already = worksheetMerges(ws).some((m) => sameArea(m, a));
      if (!already) ws.mergeCells(a.top + 1, a.left + 1, a.bottom + 1, a.right + 1);
      return;
    }
    case 'set-column-width':
      ws.getColumn(e.column.toUpperCase()).width = e.width;
      return;
    case 'add-data-bar':
      ws.addConditionalFormatting({
        ref: e.range.toUpperCase(),
        rules: [
          {
            type: 'dataBar',
            priority: nextPriority(ws),
            gradient: false,
            cfvo: [{ type: 'min' }, { type: 'max' }],
            color: { argb: argb(e.color) },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
      return;
    case 'add-color-rule': {
      const style: Partial<ExcelJS.Style> = {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(e.fill) } },
      };
      if (e.font !== undefined) style.font = { color: { argb: argb(e.font) } };
      ws.addConditionalFormatting({
        ref: e.range.toUpperCase(),
        rules: [
          {
            type: 'cellIs',
            operator: 'equal',
            priority: nextPriority(ws),
            formulae: [`"${e.equals.replace(/"/g, '""')}"`],
            style,
          },
        ],
      });
      return;
    }
    case 'freeze-panes': {
      const topLeftCell = `${columnLetters(e.columns)}${e.rows + 1}`;
      ws.views =
        e.rows === 0 && e.columns === 0
          ? [{ state: 'normal' }]
          : [{ state: 'frozen', xSplit: e.columns, ySplit: e.rows, topLeftCell }];
      return;
    }
    case 'set-autofilter':
      ws.autoFilter = e.range.toUpperCase();
      return;
    case 'set-page-setup':
      if (e.keepExisting && hasOwnPageSetup(ws)) return;
      writePageSetup(ws, e.setup);
      return;
    case 'set-row-height': {
      const row = ws.getRow(e.row);
      if (e.height === null) {
        // no fixed height: the row grows with its wrapped text again
        (row as unknown as { height?: number }).height = undefined;
      } else row.height = e.height;
      return;
    }
    default:
      break;
  }
  const cell = ws.getCell(e.cell.toUpperCase()); // "e12" is the cell E12, as in Excel
  switch (e.op) {
    case 'set-value':
      if (e.kind === 'date' && typeof e.value === 'string') cell.value = new Date(e.value);
      else if (e.kind === 'error' && typeof e.value === 'string')
        cell.value = { error: e.value } as ExcelJS.CellErrorValue;
      else cell.value = e.value;
      if (e.numberFormat !== undefined) ownStyle(cell).numFmt = e.numberFormat;
      return;
    case 'set-formula': {
      const formula = e.formula.replace(/^=/, '');
      cell.value =
        e.cached === undefined
          ? ({ formula } as ExcelJS.CellFormulaValue)
          : ({ formula, result: e.cached } as ExcelJS.CellFormulaValue);
      if (e.numberFormat !== undefined) ownStyle(cell).numFmt = e.numberFormat;
      return;
    }
    case 'set-note':
      if (e.text === null) {
        // ExcelJS has no public way to remove a note; its setter always creates one.
        (cell as unknown as { _comment?: unknown })._comment = undefined;
      } else {
        cell.note = e.text;
      }
      return;
    case 'set-fill':
      ownStyle(cell).fill =
        e.color === null
          ? { type: 'pattern', pattern: 'none' }
          : { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(e.color) } };
      return;
    case 'set-style': {
      const s = ownStyle(cell);
      if (e.bold !== undefined || e.italic !== undefined) {
        const font: Partial<ExcelJS.Font> = { ...(s.font ?? {}) };
        if (e.bold !== undefined) font.bold = e.bold;
        if (e.italic !== undefined) font.italic = e.italic;
        s.font = font;
      }
      if (e.wrap !== undefined || e.align !== undefined) {
        const al: Partial<ExcelJS.Alignment> = { ...(s.alignment ?? {}) };
        if (e.wrap !== undefined) al.wrapText = e.wrap;
        if (e.align !== undefined) al.horizontal = e.align;
        if (al.vertical === undefined) al.vertical = 'top';
        s.alignment = al;
      }
      if (e.border !== undefined) {
        const thin: Partial<ExcelJS.Border> = { style: 'thin' };
        s.border = e.border ? { top: thin, left: thin, bottom: thin, right: thin } : {};
      }
      if (e.fontName !== undefined || e.fontSize !== undefined) {
        const font: Partial<ExcelJS.Font> = { ...(s.font ?? {}) };
        if (e.fontName !== undefined) font.name = e.fontName;
        if (e.fontSize !== undefined) font.size = e.fontSize;
        s.font = font;
      }
      return;
    }
    case 'set-validation-list':
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${e.values.join(',')}"`],
      };
      return;
    default: {
      const unknown: never = e;
      throw badEdit(`thao tác ${JSON.stringify(unknown)} không được hỗ trợ`);
    }
  }
}

/**
 * Write every edit of `plan` into `wb`. Throws WorkbookError ('protected-sheet', 'missing-sheet',
 * 'sheet-exists', 'invalid-edit') before changing anything when the plan cannot be applied.
 */
export function applyPlanToExcelJS(wb: ExcelJS.Workbook, plan: EditPlan): void {
  checkPlan(wb, plan);
  for (const e of plan.edits) applyEdit(wb, e);
}
