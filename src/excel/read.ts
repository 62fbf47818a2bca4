/**
 * Reading the workbook for the core, in bands that each fit Excel on the web's 5 MB
 * response limit (Resource limits and performance optimization for Office Add-ins):
 *   1. the list of sheets (name, position, visibility, protection), the notes or comments
 *      collection, the workbook's structure protection;
 *   2. every sheet's extent — A1 to the end of its used range (values only), clipped to
 *      READ_WINDOW — the store's extent, the location of every note, and the merged areas
 *      of every sheet (merges.ts: their own step, retried without them when over 512);
 *   3. the contents in bands of rows: values, cached results, formulas, number formats,
 *      value types, the fill, font name and hyperlink of every cell (one getCellProperties
 *      call), and
 *      the hidden marks store. A sync carries as many bands, of as many sheets, as fit in
 *      SYNC_BUDGET_BYTES, estimated at first from FULL_CELL_BYTES a cell and then from the
 *      bytes the sheet's previous band actually took; a band the host still refuses as too
 *      large is read again in two halves.
 * So a read costs 2 + ⌈estimated bytes / SYNC_BUDGET_BYTES⌉ syncs (3 for a workbook under
 * 4 MB, which is about 25,000 filled cells), plus the merged-area fallback when a sheet
 * holds more than 512 merged areas. Nothing is loaded in a loop of one sync per cell or row.
 */
import type { Cell, MergedArea, SheetGrid, WorkbookSnapshot } from '../core/model/grid';
import { columnLetters, toA1 } from '../core/model/grid';
import { areaA1, cellKey, parseAreasAddress, splitQualified } from './address';
import type { Capabilities } from './capabilities';
import { formatNumberVi } from '../core/model/parse-value';
import { keepFontsOfLegacySheet } from '../core/model/legacy-sheet';
import { decodeStore, MARKS_SHEET, type MarkRecord } from './marks-store';
import { isMergeLimitCandidate, readMerges } from './merges';
import { isPayloadTooLarge, jsonBytes, SYNC_BUDGET_BYTES } from './budget';

/** First guess of what one cell of a band costs in the response (all it reads). */
export const FULL_CELL_BYTES = 160;
/** …when only fills are read (Xoá đánh dấu). */
export const FILL_CELL_BYTES = 80;
/** …for one row of the marks store (a JSON record, escaped). */
export const STORE_ROW_BYTES = 400;
/** A measured estimate is raised by this much before sizing the next band. */
const ESTIMATE_MARGIN = 1.25;

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
  /** The area read (0-based), null until its extent is known. */
  area: MergedArea | null;
  bands: BandLoad[];
}

interface BandLoad {
  /** 0-based rows and columns of the band. */
  area: MergedArea;
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

/** A band still to read: of a sheet (index into loads) or of the store (-1). */
interface BandPlan {
  sheet: number;
  area: MergedArea;
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
 * Read the whole workbook (2 + one sync per band, see above). `values: false` reads only
 * what marking needs (sheets, fills, notes, the store), for **Xoá đánh dấu**.
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

  // --- sync 2: extents, note locations, merged areas (again without them if they fail)
  const messages: string[] = [];
  const readMergesHere = withValues && caps.merges;
  let extents = queueExtents(context, worksheets.items, noteItems, readMergesHere);
  let mergesFailed = false;
  try {
    await context.sync();
  } catch (e) {
    if (!readMergesHere || !isMergeLimitCandidate(e)) throw e;
    mergesFailed = true;
    extents = queueExtents(context, worksheets.items, noteItems, false);
    await context.sync();
  }
  const { loads, storeWs, storeUsed, locations } = extents;
  for (const { sheet, inside } of loads)
    if (!inside.isNullObject)
      sheet.area = {
        top: 0,
        left: 0,
        bottom: inside.rowIndex + inside.rowCount - 1,
        right: inside.columnIndex + inside.columnCount - 1,
      };
  const merges = new Map<string, MergedArea[]>();
  if (readMergesHere && !mergesFailed) {
    for (const { sheet, mergeAreas } of loads) {
      const list: MergedArea[] = [];
      if (mergeAreas && !mergeAreas.isNullObject)
        for (const m of parseAreasAddress(mergeAreas.address))
          if (m.sheet === sheet.ws.name) list.push(m.area);
      merges.set(sheet.ws.name, list);
    }
  } else if (readMergesHere) {
    const read = await readMerges(
      context,
      loads.flatMap(({ sheet }) =>
        sheet.area ? [{ sheet: sheet.ws.name, area: sheet.area }] : [],
      ),
      { skipFirstAttempt: true },
    );
    for (const [k, v] of read.merges) merges.set(k, v);
    messages.push(...read.messages);
  }

  // --- syncs 3…: the contents, in bands within the per-sync budget
  const sheets = loads.map((l) => l.sheet);
  const storeRows = storeUsed ? storeUsed.rowIndex + storeUsed.rowCount : 0;
  const storeValues: unknown[][] = [];
  const plans: BandPlan[] = sheets.flatMap((sh, i) =>
    sh.area ? [{ sheet: i, area: sh.area }] : [],
  );
  if (storeRows > 0)
    plans.push({ sheet: -1, area: { top: 0, left: 0, bottom: storeRows - 1, right: 0 } });
  const estimate = new Map<number, number>(); // bytes a cell, per sheet (-1: the store)
  let lastSheetEstimate: number | undefined; // a sheet not read yet: like the last one read
  const cellBytes = (i: number) =>
    estimate.get(i) ??
    (i < 0
      ? STORE_ROW_BYTES
      : (lastSheetEstimate ?? (withValues ? FULL_CELL_BYTES : FILL_CELL_BYTES)));
  while (plans.length > 0) {
    let budget = SYNC_BUDGET_BYTES;
    const batch: { plan: BandPlan; load: BandLoad }[] = [];
    while (plans.length > 0) {
      const plan = plans[0];
      const cols = plan.area.right - plan.area.left + 1;
      const rowBytes = cols * cellBytes(plan.sheet);
      const rows = plan.area.bottom - plan.area.top + 1;
      let fit = Math.floor(budget / rowBytes);
      if (fit <= 0) {
        if (batch.length > 0) break;
        fit = 1;
      }
      const take = Math.min(rows, fit);
      const area = { ...plan.area, bottom: plan.area.top + take - 1 };
      if (take < rows) plan.area = { ...plan.area, top: plan.area.top + take };
      else plans.shift();
      const band = { sheet: plan.sheet, area };
      const ws = plan.sheet < 0 ? storeWs! : sheets[plan.sheet].ws;
      batch.push({ plan: band, load: queueBand(ws, area, plan.sheet < 0, withValues) });
      budget -= take * rowBytes;
    }
    try {
      // one sync per band is the point: the payload guidance says to split and sync each part
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const rows = batch.reduce((n, b) => n + b.plan.area.bottom - b.plan.area.top + 1, 0);
      if (!isPayloadTooLarge(e) || rows <= 1) throw e;
      // the estimate was short: the same bands again, each in halves, at twice the guess
      for (const { plan } of batch) estimate.set(plan.sheet, cellBytes(plan.sheet) * 2);
      plans.unshift(...batch.flatMap(({ plan }) => halves(plan)));
      continue;
    }
    for (const { plan, load } of batch) {
      const cells = (load.area.bottom - load.area.top + 1) * (load.area.right - load.area.left + 1);
      const measured = bandBytes(load, plan.sheet < 0, withValues) / cells;
      const next = Math.max(cellBytes(plan.sheet) / 4, measured * ESTIMATE_MARGIN, 8);
      estimate.set(plan.sheet, next);
      if (plan.sheet >= 0) lastSheetEstimate = next;
      if (plan.sheet < 0) storeValues.push(...(load.range.values as unknown[][]));
      else sheets[plan.sheet].bands.push(load);
    }
  }

  // --- build
  const notes = new Map<string, NoteHandle>();
  for (const { item, loc } of locations) {
    const { sheet, ref } = splitQualified(loc.address);
    const cell = ref.split(':')[0].replace(/\$/g, '');
    notes.set(cellKey(sheet, cell), { sheet, cell, text: item.content, obj: item });
  }
  const state: HostState = {
    caps,
    sheets: [],
    notes,
    structureProtected: wbProtection ? wbProtection.protected : false,
    store: {
      exists: storeWs !== null,
      rows: storeRows,
      records: decodeStore(storeValues),
    },
  };
  const grids: SheetGrid[] = [];
  for (const load of sheets) {
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

/** Queue sync 2: every sheet's used range and window, the store's, note locations, merges. */
function queueExtents(
  context: Excel.RequestContext,
  items: Excel.Worksheet[],
  noteItems: { items: (Excel.Note | Excel.Comment)[] } | null,
  withMerges: boolean,
) {
  const loads: { sheet: SheetLoad; inside: Excel.Range; mergeAreas: Excel.RangeAreas | null }[] =
    [];
  let storeWs: Excel.Worksheet | null = null;
  let storeUsed: Excel.Range | null = null;
  for (const ws of items) {
    if (ws.name === MARKS_SHEET) {
      storeWs = ws;
      storeUsed = ws.getUsedRange(true).load('rowIndex,rowCount');
      continue;
    }
    const used = ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
    // A1 … the used range's last cell, clipped to the window: never a null object, so the
    // calls chained on it are safe even when the content lies wholly outside the window
    const clipped = ws.getRange('A1').getBoundingRect(used).getIntersection(READ_WINDOW.address);
    // what holds values inside the window: A1 … its last used cell is what is read, so a
    // stray cell beyond the window costs nothing (null when the window holds no value)
    const inside = clipped.getUsedRangeOrNullObject(true);
    inside.load('rowIndex,columnIndex,rowCount,columnCount');
    const win = clipped;
    let mergeAreas: Excel.RangeAreas | null = null;
    if (withMerges) {
      mergeAreas = win.getMergedAreasOrNullObject();
      mergeAreas.load('address');
    }
    loads.push({ sheet: { ws, used, area: null, bands: [] }, inside, mergeAreas });
  }
  const locations = (noteItems?.items ?? []).map((item) => ({
    item,
    loc: item.getLocation().load('address'),
  }));
  return { loads, storeWs, storeUsed, locations };
}

function queueBand(
  ws: Excel.Worksheet,
  area: MergedArea,
  store: boolean,
  withValues: boolean,
): BandLoad {
  const range = ws.getRange(areaA1(area));
  if (store) {
    range.load('values');
    return { area, range, props: null };
  }
  if (withValues) range.load('values,formulas,numberFormat,valueTypes');
  const props = range.getCellProperties({
    // the font name tells text typed in TCVN3 (.VnTime) or VNI (VNI-Times) apart
    format: withValues
      ? { fill: { color: true, pattern: true }, font: { name: true } }
      : { fill: { color: true, pattern: true } },
    hyperlink: withValues,
  });
  return { area, range, props };
}

/** Bytes a band's response actually took (the data loaded, as JSON). */
function bandBytes(load: BandLoad, store: boolean, withValues: boolean): number {
  const r = load.range;
  if (store) return jsonBytes(r.values);
  let n = jsonBytes(load.props!.value);
  if (withValues)
    n +=
      jsonBytes(r.values) +
      jsonBytes(r.formulas) +
      jsonBytes(r.numberFormat) +
      jsonBytes(r.valueTypes);
  return n;
}

function halves(plan: BandPlan): BandPlan[] {
  const { top, bottom } = plan.area;
  if (top === bottom) return [plan];
  const mid = top + Math.floor((bottom - top) / 2);
  return [
    { sheet: plan.sheet, area: { ...plan.area, bottom: mid } },
    { sheet: plan.sheet, area: { ...plan.area, top: mid + 1 } },
  ];
}

function buildSheet(
  load: SheetLoad,
  notes: Map<string, NoteHandle>,
  withValues: boolean,
): { sheet: SheetState; grid: SheetGrid } {
  const { ws, used, area, bands } = load;
  const sheet: SheetState = {
    name: ws.name,
    position: ws.position,
    visibility: ws.visibility,
    protected: ws.protection.protected,
    window: area,
    fills: new Map(),
  };
  const lastRow = used.rowIndex + used.rowCount;
  const lastCol = used.columnIndex + used.columnCount;
  if (lastRow > READ_WINDOW.rows || lastCol > READ_WINDOW.cols)
    sheet.truncated = { rows: lastRow, cols: lastCol };
  const grid: SheetGrid = { name: ws.name, cells: [], merges: [], index: ws.position };
  if (sheet.protected) grid.protected = true;
  const byAddress = new Map<string, Cell>();
  for (const band of bands) {
    const { top, left, bottom, right } = band.area;
    const cellProps = band.props!.value;
    for (let r = 0; r <= bottom - top; r++) {
      for (let c = 0; c <= right - left; c++) {
        const a1 = toA1(top + r, left + c);
        const p = cellProps[r]?.[c];
        const fill = fillOf(p);
        if (fill) sheet.fills.set(a1, fill);
        if (!withValues) continue;
        const cell = readCell(band.range, r, c, top + r, left + c, p);
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
  keepFontsOfLegacySheet(grid.cells);
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
  const font = p?.format?.font?.name;
  if (cell.kind === 'string' && font) cell.font = font;
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
