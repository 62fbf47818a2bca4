/**
 * Every sheet we write prints as an official appendix (Hướng dẫn 2142/STTTT-CNTT's PHỤ LỤC
 * are landscape tables): A4 landscape, fitted to one page wide and as many pages tall as
 * needed, the margins of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP:
 * top and bottom 20 mm, left 30 mm, right 15 mm), the table's header row(s) repeated on every
 * page, "Trang 1/3" in the footer, Times New Roman, and rows tall enough for their wrapped
 * text. `printSetupPlan` is what `template`, `appraise`, the roll-up workbook and the pane's
 * "Chuẩn bị in" call; on a user's own sheet it never changes a print setup the sheet has and
 * leaves fonts as they are, only making rows tall enough.
 */
import type { CellEdit, PageSetup } from '../plan/edit-plan';
import type { EditPlan } from '../plan/edit-plan';
import { applyPlanToSnapshot } from '../plan/apply-to-snapshot';
import { cellText, fromA1, toA1, type SheetGrid, type WorkbookSnapshot } from '../model/grid';
import { rowHeightFor, type MeasuredCell } from './row-heights';
import { isAppendixKind } from '../appendix/roles';
import type { WorkbookReport } from '../model/report-types';

const MM_PER_INCH = 25.4;
const mm = (v: number) => Math.round((v / MM_PER_INCH) * 100) / 100;

/** The page of an official appendix. */
export const APPENDIX_PAGE_SETUP: PageSetup = {
  paperSize: 9, // A4
  orientation: 'landscape',
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: mm(30), right: mm(15), top: mm(20), bottom: mm(20), header: 0.3, footer: 0.3 },
  footer: 'Trang &P/&N',
  horizontalCentered: true,
};

export const PRINT_FONT = 'Times New Roman';
/** Titles above the table */
export const TITLE_FONT_SIZE = 13;
/** The table and everything under it */
export const BODY_FONT_SIZE = 12;
/** Excel's default column width, in characters */
const DEFAULT_WIDTH = 8.43;

export interface PrintSetupOptions {
  /** 0-based first and last row of the table's header, repeated on every printed page */
  headerRows?: [number, number];
  orientation?: 'portrait' | 'landscape';
  /**
   * A user's own sheet: keep its print setup if it has one, never change its fonts, and only
   * make rows taller where their text needs more than one line.
   */
  userSheet?: boolean;
  /** Cells whose text is bold (titles, headers, group rows), for measuring */
  isBold?: (row: number, col: number) => boolean;
  /** Column widths in characters by 0-based column (default: the sheet's, else Excel's) */
  columnWidths?: Record<number, number>;
}

/** The print setup of one sheet as plan edits (its cells, merges and widths as `sheet` holds them). */
export function printSetupPlan(sheet: SheetGrid, opts: PrintSetupOptions = {}): CellEdit[] {
  const name = sheet.name;
  const widths = { ...(sheet.columnWidths ?? {}), ...(opts.columnWidths ?? {}) };
  const width = (c: number) => widths[c] ?? DEFAULT_WIDTH;
  const userSheet = !!opts.userSheet;
  const header = opts.headerRows;
  const titleEnd = header ? header[0] : 0;
  const fontSize = (row: number) => (row < titleEnd ? TITLE_FONT_SIZE : BODY_FONT_SIZE);
  const edits: CellEdit[] = [];

  // fonts over the used rectangle (empty cells too: what the official types later matches)
  let maxRow = -1;
  let maxCol = -1;
  for (const c of sheet.cells) {
    if (cellText(c).trim() === '' && !c.formula) continue;
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  for (const m of sheet.merges)
    if (m.top <= maxRow && m.left <= maxCol) maxCol = Math.max(maxCol, m.right);
  if (!userSheet)
    for (let r = 0; r <= maxRow; r++)
      for (let c = 0; c <= maxCol; c++)
        edits.push({
          op: 'set-style',
          sheet: name,
          cell: toA1(r, c),
          fontName: PRINT_FONT,
          fontSize: fontSize(r),
        });

  // row heights from the wrapped text of every cell (a merge across columns is one wide cell)
  const byRow = new Map<number, MeasuredCell[]>();
  const covered = new Set<string>();
  for (const m of sheet.merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  for (const cell of sheet.cells) {
    const text = cellText(cell);
    if (text.trim() === '' || covered.has(`${cell.row}:${cell.col}`)) continue;
    const merge = sheet.merges.find((m) => m.top === cell.row && m.left === cell.col);
    let w = 0;
    for (let c = cell.col; c <= (merge ? merge.right : cell.col); c++) w += width(c);
    const rows = merge ? merge.bottom - merge.top + 1 : 1;
    const list = byRow.get(cell.row) ?? [];
    list.push({
      // a merge down several rows shares its height among them
      text,
      widthChars: w,
      fontSize: userSheet ? BODY_FONT_SIZE : fontSize(cell.row),
      bold: opts.isBold?.(cell.row, cell.col) ?? (header ? cell.row <= header[1] : false),
      ...(rows > 1 ? { rows } : {}),
    } as MeasuredCell);
    byRow.set(cell.row, list);
  }
  for (const [row, cells] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const single = cells.filter((c) => !(c as MeasuredCell & { rows?: number }).rows);
    const need = rowHeightFor(single, BODY_FONT_SIZE);
    if (userSheet) {
      const fixed = sheet.rowHeights?.[row + 1];
      const oneLine = rowHeightFor(
        single.map((c) => ({ ...c, text: 'x' })),
        BODY_FONT_SIZE,
      );
      if (need <= oneLine || (fixed !== undefined && fixed >= need)) continue;
    }
    edits.push({ op: 'set-row-height', sheet: name, row: row + 1, height: need });
  }

  const setup: PageSetup = {
    ...APPENDIX_PAGE_SETUP,
    orientation: opts.orientation ?? 'landscape',
    ...(header ? { printTitleRows: [header[0] + 1, header[1] + 1] as [number, number] } : {}),
  };
  edits.push({
    op: 'set-page-setup',
    sheet: name,
    setup,
    ...(userSheet ? { keepExisting: true } : {}),
  });
  return edits;
}

/**
 * The print setup of a sheet a plan writes (template, appraise, roll-up): the plan applied to
 * `before` (the workbook it is for; empty for a new workbook) gives the sheet's cells, merges
 * and widths, and the plan's bold styles say which text is bold.
 */
export function printSetupForPlan(
  plan: EditPlan,
  sheet: string,
  opts: PrintSetupOptions = {},
  before: WorkbookSnapshot = { sheets: [] },
): CellEdit[] {
  const after = applyPlanToSnapshot(before, plan);
  const grid = after.sheets.find((s) => s.name === sheet);
  if (!grid) return [];
  const bold = new Set<string>();
  for (const e of plan.edits)
    if (e.op === 'set-style' && e.sheet === sheet && e.bold) {
      const { row, col } = fromA1(e.cell);
      bold.add(`${row}:${col}`);
    }
  return printSetupPlan(grid, { isBold: (r, c) => bold.has(`${r}:${c}`), ...opts });
}

/**
 * "Chuẩn bị in" (the pane): the print setup of every recognised appendix sheet of a workbook
 * the user opened. Their own sheets: a print setup they made is kept (the adapters check),
 * fonts are left alone, rows only grow where their text needs it; protected sheets are
 * skipped with a note.
 */
export function planPreparePrint(snapshot: WorkbookSnapshot, report: WorkbookReport): EditPlan {
  const edits: CellEdit[] = [];
  const notes: string[] = [];
  const done: string[] = [];
  for (const rep of report.sheets) {
    if (!isAppendixKind(rep.kind) || !rep.layout) continue;
    const grid = snapshot.sheets.find((s) => s.name === rep.name);
    if (!grid) continue;
    if (grid.protected) {
      notes.push(`Sheet "${rep.name}" đang được bảo vệ: không chỉnh trang in.`);
      continue;
    }
    // the header and its continuation rows right under it (a two-line header)
    const rows = [...new Set(rep.layout.headerRows)].sort((a, b) => a - b);
    let last = rep.layout.headerRow;
    while (rows.includes(last + 1)) last++;
    edits.push(
      ...printSetupPlan(grid, { headerRows: [rep.layout.headerRow, last], userSheet: true }),
    );
    if (grid.pageSetup)
      notes.push(
        `Sheet "${rep.name}" đã có thiết lập trang in riêng: giữ nguyên, chỉ chỉnh chiều cao dòng.`,
      );
    done.push(rep.name);
  }
  if (done.length === 0)
    return {
      description: 'Không có phụ lục nào (PHỤ LỤC 01/02/03) để chuẩn bị in.',
      edits: [],
      ...(notes.length ? { notes } : {}),
    };
  return {
    description: `Chuẩn bị in ${done.map((n) => `"${n}"`).join(', ')}: khổ A4 ngang, vừa một trang theo chiều ngang, lặp dòng tiêu đề bảng, đánh số trang, dòng đủ cao cho tên chỉ tiêu`,
    edits,
    ...(notes.length ? { notes } : {}),
  };
}
