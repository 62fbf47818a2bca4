/**
 * Reading the workbook for the core, in two syncs whatever its size:
 *   1. the list of sheets (name, position, visibility, protection), the notes or comments
 *      collection, the workbook's structure protection;
 *   2. for every sheet at once: A1 to the end of its used range (values only), clipped to
 *      READ_WINDOW —
 *      values, cached results, formulas, number formats, value types — the fill and
 *      hyperlink of every cell (one getCellProperties call), the merged areas, and the
 *      location of every note; plus the hidden marks store.
 * Nothing is loaded in a loop of syncs.
 */
import type { Cell, MergedArea, SheetGrid, WorkbookSnapshot } from '../core/model/grid';
import { columnLetters, toA1 } from '../core/model/grid';
import { cellKey, splitQualified } from './address';
import type { Capabilities } from './capabilities';
import { formatNumberVi } from '../core/model/parse-value';
import { decodeStore, MARKS_SHEET, type MarkRecord } from './marks-store';
import { readMerges } from './merges';

/** The part of a sheet read at most: A1:AZ10000 (a stray cell far below costs nothing). */
export const READ_WINDOW = { rows: 10000, cols: 52, address: 'A1:AZ10000' };

export interface NoteHandle {
  sheet: string;
  /** "E16" */
  cell: string;
  text: string;
  /** The host object, to change or delete it in a later batch of the same run. */
  obj: Excel.Note | Excel.Comment;
}

export interface SheetState {
  name: string;
  position: number;
  visibility: string;
  protected: boolean;
  /** The area read, whose fills are known (0-based): A1 … last used cell, clipped. */
  window: MergedArea | null;
  /** Fill of each filled cell in the window, "#RRGGBB", keyed "E16". */
  fills: Map<string, string>;
  /** The used range reached beyond READ_WINDOW: 1-based last row and column read. */
  truncated?: { rows: number; cols: number };
}

export interface HostState {
  caps: Capabilities;
  sheets: SheetState[];
  /** Notes (or comments) by cellKey(sheet, cell). */
  notes: Map<string, NoteHandle>;
  structureProtected: boolean;
  store: { exists: boolean; rows: number; records: MarkRecord[] };
}

export interface WorkbookRead {
  /** What the core sees: the user's content, marks replaced by the originals. */
  snapshot: WorkbookSnapshot;
  state: HostState;
  /** Vietnamese notes about what could not be read (truncated sheets…). */
  messages: string[];
}

interface SheetLoad {
  ws: Excel.Worksheet;
  used: Excel.Range;
  win: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/** ExcelJS's rule for a date format (brackets and quoted text removed, then y m d h s b). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === 'General') return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** Excel serial date → ISO ("2023-12-05" at midnight, else full ISO), as the CLI writes dates. */
export function serialToIso(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function fillOf(p: Excel.CellProperties | undefined): string | undefined {
  const fill = p?.format?.fill;
  if (!fill || !fill.color || fill.pattern === 'None') return undefined;
  return fill.color.toUpperCase();
}

function hyperlinkOf(p: Excel.CellProperties | undefined): string | undefined {
  const h = p?.hyperlink;
  if (!h) return undefined;
  if (h.address) return h.address;
  if (h.documentReference) return `#${h.documentReference}`;
  return undefined;
}

/**
 * Read the whole workbook (two syncs). `values: false` reads only what marking needs
 * (sheets, fills, notes, the store), for **Xoá đánh dấu**.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  caps: Capabilities,
  opts: { values?: boolean } = {},
): Promise<WorkbookRead> {
  const withValues = opts.values !== false;
  // --- sync 1: the sheet list, the notes, workbook protection
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/position,items/visibility,items/protection/protected');
  let noteItems: { items: (Excel.Note | Excel.Comment)[] } | null = null;
  if (caps.noteKind === 'note') noteItems = context.workbook.notes.load('items/content');
  else if (caps.noteKind === 'comment') noteItems = context.workbook.comments.load('items/content');
  const wbProtection = caps.workbookProtection
    ? context.workbook.protection.load('protected')
    : null;
  await context.sync();

  // --- sync 2: every sheet's content, fills, merges; note locations; the store
  const loads: SheetLoad[] = [];
  let storeRange: Excel.Range | null = null;
  for (const ws of worksheets.items) {
    if (ws.name === MARKS_SHEET) {
      storeRange = ws.getUsedRange(true).load('values,rowCount');
      continue;
    }
    const used = ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
    // A1 … the used range's last cell, clipped to the window: never a null object, so the
    // calls chained on it are safe even when the content lies wholly outside the window
    const win = ws.getRange('A1').getBoundingRect(used).getIntersection(READ_WINDOW.address);
    win.load(
      withValues
        ? 'rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat,valueTypes'
        : 'rowIndex,columnIndex,rowCount,columnCount',
    );
    const props = win.getCellProperties({
      format: { fill: { color: true, pattern: true } },
      hyperlink: withValues,
    });
    loads.push({ ws, used, win, props });
  }
  const locations = (noteItems?.items ?? []).map((item) => ({
    item,
    loc: item.getLocation().load('address'),
  }));
  await context.sync();

  // --- merged areas, in their own step (merges.ts)
  const messages: string[] = [];
  let merges = new Map<string, MergedArea[]>();
  if (withValues && caps.merges) {
    const read = await readMerges(
      context,
      loads.map(({ ws, win }) => ({
        sheet: ws.name,
        area: {
          top: win.rowIndex,
          left: win.columnIndex,
          bottom: win.rowIndex + win.rowCount - 1,
          right: win.columnIndex + win.columnCount - 1,
        },
      })),
    );
    merges = read.merges;
    messages.push(...read.messages);
  }

  // --- build
  const notes = new Map<string, NoteHandle>();
  for (const { item, loc } of locations) {
    const { sheet, ref } = splitQualified(loc.address);
    const cell = ref.split(':')[0].replace(/\$/g, '');
    notes.set(cellKey(sheet, cell), { sheet, cell, text: item.content, obj: item });
  }
  const storeValues = storeRange ? (storeRange.values as unknown[][]) : [];
  const state: HostState = {
    caps,
    sheets: [],
    notes,
    structureProtected: wbProtection ? wbProtection.protected : false,
    store: {
      exists: storeRange !== null,
      rows: storeRange ? storeRange.rowCount : 0,
      records: decodeStore(storeValues),
    },
  };
  const grids: SheetGrid[] = [];
  for (const load of loads) {
    const { sheet, grid } = buildSheet(load, notes, withValues);
    grid.merges.push(...(merges.get(sheet.name) ?? []));
    state.sheets.push(sheet);
    grids.push(grid);
    if (sheet.truncated)
      messages.push(
        `Trang tính "${sheet.name}" có dữ liệu tới dòng ${formatNumberVi(sheet.truncated.rows)}, cột ${columnLetters(sheet.truncated.cols - 1)}; chỉ đọc vùng ${READ_WINDOW.address}.`,
      );
  }
  const snapshot: WorkbookSnapshot = { sheets: grids };
  restoreOriginals(snapshot, state.store.records);
  return { snapshot, state, messages };
}

function buildSheet(
  load: SheetLoad,
  notes: Map<string, NoteHandle>,
  withValues: boolean,
): { sheet: SheetState; grid: SheetGrid } {
  const { ws, used, win, props } = load;
  const sheet: SheetState = {
    name: ws.name,
    position: ws.position,
    visibility: ws.visibility,
    protected: ws.protection.protected,
    window: null,
    fills: new Map(),
  };
  const lastRow = used.rowIndex + used.rowCount;
  const lastCol = used.columnIndex + used.columnCount;
  if (lastRow > READ_WINDOW.rows || lastCol > READ_WINDOW.cols)
    sheet.truncated = { rows: lastRow, cols: lastCol };
  const grid: SheetGrid = { name: ws.name, cells: [], merges: [], index: ws.position };
  if (sheet.protected) grid.protected = true;
  const byAddress = new Map<string, Cell>();
  {
    const top = win.rowIndex;
    const left = win.columnIndex;
    sheet.window = { top, left, bottom: top + win.rowCount - 1, right: left + win.columnCount - 1 };
    const cellProps = props.value;
    for (let r = 0; r < win.rowCount; r++) {
      for (let c = 0; c < win.columnCount; c++) {
        const a1 = toA1(top + r, left + c);
        const p = cellProps[r]?.[c];
        const fill = fillOf(p);
        if (fill) sheet.fills.set(a1, fill);
        if (!withValues) continue;
        const cell = readCell(win, r, c, top + r, left + c, p);
        if (fill) cell.fill = fill.slice(1);
        if (cell.kind === 'empty' && !cell.formula && !cell.fill && !cell.hyperlink) continue;
        grid.cells.push(cell);
        byAddress.set(a1, cell);
      }
    }
  }
  if (withValues) {
    // notes: on a read cell, or as an empty cell carrying only its note (as the CLI does)
    for (const n of notes.values()) {
      if (n.sheet !== ws.name) continue;
      const existing = byAddress.get(n.cell);
      if (existing) existing.note = n.text;
      else {
        const { row, col } = fromA1Safe(n.cell);
        const cell: Cell = { row, col, kind: 'empty', value: null, note: n.text };
        grid.cells.push(cell);
        byAddress.set(n.cell, cell);
      }
    }
  }
  return { sheet, grid };
}

function fromA1Safe(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function readCell(
  win: Excel.Range,
  r: number,
  c: number,
  row: number,
  col: number,
  p?: Excel.CellProperties,
): Cell {
  const vt = win.valueTypes[r][c] as string;
  const raw = win.values[r][c] as unknown;
  const f = win.formulas[r][c] as unknown;
  const fmt = win.numberFormat[r][c] as unknown as string;
  const cell: Cell = { row, col, kind: 'empty', value: null };
  if (typeof f === 'string' && f.startsWith('=')) cell.formula = f.slice(1);
  if (vt === 'Error') {
    cell.kind = 'error';
    cell.value = String(raw);
  } else if (typeof raw === 'number') {
    if (isDateFormat(fmt)) {
      cell.kind = 'date';
      cell.value = serialToIso(raw);
    } else {
      cell.kind = 'number';
      cell.value = raw;
    }
  } else if (typeof raw === 'boolean') {
    cell.kind = 'boolean';
    cell.value = raw;
  } else if (typeof raw === 'string' && raw !== '') {
    cell.kind = 'string';
    cell.value = raw;
  }
  if (fmt && fmt !== 'General') cell.numberFormat = fmt;
  const link = hyperlinkOf(p);
  if (link) cell.hyperlink = link;
  return cell;
}

/**
 * Put back, in the snapshot, the user's fill and note of every cell still carrying our
 * mark, so that the core (and any plan built on the snapshot) sees the user's workbook.
 */
function restoreOriginals(snapshot: WorkbookSnapshot, records: MarkRecord[]): void {
  if (records.length === 0) return;
  for (const grid of snapshot.sheets) {
    const mine = records.filter((r) => r.sheet === grid.name);
    if (mine.length === 0) continue;
    const index = new Map(grid.cells.map((c, i) => [`${c.row},${c.col}`, i]));
    const drop = new Set<number>();
    for (const rec of mine) {
      const { row, col } = fromA1Safe(rec.cell);
      const idx = index.get(`${row},${col}`);
      if (idx === undefined) continue;
      const cell = { ...grid.cells[idx] };
      if (rec.markFill !== null && cell.fill !== undefined && `#${cell.fill}` === rec.markFill) {
        if (rec.fill === null) delete cell.fill;
        else cell.fill = rec.fill.replace(/^#/, '');
      }
      if (rec.markNote !== null && cell.note === rec.markNote) {
        if (rec.note === null) delete cell.note;
        else cell.note = rec.note;
      }
      grid.cells[idx] = cell;
      if (
        cell.kind === 'empty' &&
        !cell.formula &&
        cell.fill === undefined &&
        cell.note === undefined &&
        !cell.hyperlink
      )
        drop.add(idx);
    }
    if (drop.size) grid.cells = grid.cells.filter((_, i) => !drop.has(i));
  }
}
