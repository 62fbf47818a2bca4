/**
 * A typed, in-memory fake of the part of the Office.js Excel API that src/excel uses.
 *
 * It follows the real request model closely enough to catch the mistakes that matter:
 * - every read and write is QUEUED and only runs, in order, at `context.sync()`;
 * - a property read before it was loaded and synced throws `PropertyNotLoaded`;
 * - `*OrNullObject` results expose `isNullObject` after a sync;
 * - a host error (protected sheet, cell-edit mode, missing API, missing item) rejects the
 *   sync with an error carrying the real Office error `code`;
 * - each API call checks the ExcelApi version it needs against the fake host's version.
 * `FakeWorkbook.syncCount` counts every sync, which is what the adapter tests assert on.
 *
 * It also enforces the documented host rules that a lenient fake would let through (each
 * is marked "HOST RULE" below with the page it comes from), so that a test passing here
 * passes for the same reason in Excel:
 * - a very hidden sheet cannot be deleted (Excel.Worksheet.delete reference);
 * - Excel on the web's 5 MB limit on a request and on a response (Resource limits and
 *   performance optimization for Office Add-ins; Excel JavaScript API performance
 *   optimization, "Payload size limit best practices");
 * - getMergedAreasOrNullObject fails above 512 merged areas (Excel.Range reference);
 * - cell-edit mode fails a batch with InvalidOperationInCellEditMode or a plain
 *   InvalidOperation, unless Excel.run was given { delayForCellEdit: true }
 *   (Excel.RunOptions reference);
 * - a sheet name must be quoted in an address unless Excel would leave it bare;
 * - text written to Range.values is coerced as if typed (Excel.Range.values reference);
 * - the dialog API's lifecycle and error codes (see FakeOfficeHost).
 *
 * No Node imports: the browser test bundles this file into the page as the fake host.
 */
import type { Cell, MergedArea, WorkbookSnapshot } from '../../../src/core/model/grid';

export type FakeScalar = string | number | boolean;

export interface FakeCell {
  /** Constant or cached formula result; '' for none. Errors are their code ("#DIV/0!"). */
  value: FakeScalar;
  error?: boolean;
  /** Formula without "=" */
  formula?: string;
  numberFormat?: string;
  /** "#RRGGBB" when filled */
  fill?: string;
  hyperlink?: string;
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  wrap?: boolean;
  align?: string;
  /** Border line style per edge ("Continuous", "None"). */
  borders?: Record<string, string>;
  validation?: string[];
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  merges: MergedArea[];
  protected: boolean;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** notes (ExcelApi 1.18), keyed "row,col" */
  notes: Map<string, string>;
  /** column index → width in points */
  columnWidths: Map<number, number>;
  /** Conditional formats (ExcelApi 1.6), in the order they were added. */
  conditionalFormats?: FakeConditionalFormat[];
  /** Frozen panes (ExcelApi 1.7). */
  frozen?: { rows: number; columns: number };
  /** Autofilter range, "A3:H40" (ExcelApi 1.9). */
  autoFilter?: string;
  /** Page layout (ExcelApi 1.9); absent: Excel's defaults. */
  pageLayout?: FakePageLayout;
  /** 0-based row → height in points, where set (absent: the default height, autofit). */
  rowHeights?: Map<number, number>;
}

export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerFooter: string;
  /** "$5:$5" or null */
  printTitleRows: string | null;
}

export function defaultPageLayout(): FakePageLayout {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerFooter: '',
    printTitleRows: null,
  };
}

export interface FakeConditionalFormat {
  type: 'DataBar' | 'CellValue';
  /** "F5:F20" */
  range: string;
  /** DataBar: positiveFormat.fillColor; CellValue: format.fill.color ("#RRGGBB") */
  fillColor?: string;
  /** CellValue: format.font.color */
  fontColor?: string;
  gradientFill?: boolean;
  lowerBound?: string;
  upperBound?: string;
  /** CellValue: the rule ({ formula1: '="Đ"', operator: 'EqualTo' }) */
  rule?: { formula1: string; operator: string };
}

export interface FakeComment {
  id: string;
  sheet: string;
  key: string;
  content: string;
  replies: { id: string; content: string }[];
}

export interface FakeWorkbookJSON {
  apiVersion: string;
  activeSheet: string;
  sheets: {
    name: string;
    protected: boolean;
    visibility: FakeSheet['visibility'];
    merges: MergedArea[];
    cells: [string, FakeCell][];
    notes: [string, string][];
    columnWidths: [number, number][];
    pageLayout?: FakePageLayout;
    rowHeights?: [number, number][];
  }[];
  comments: FakeComment[];
}

export class FakeOfficeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
  }
}

const DEFAULT_COL_WIDTH = 48;
/** Range.getMergedAreasOrNullObject returns at most this many areas. */
export const MAX_MERGED_AREAS = 512;
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

// ------------------------------------------------------------------------------------------
// addresses

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/**
 * HOST RULE (ECMA-376 Part 1 §18.17, formula grammar; Excel writes addresses this way): a
 * sheet name may stand bare in a reference only when it is a plain name (letters, digits,
 * "_" and ".", not starting with a digit) that cannot be read as a cell reference in
 * either notation ("A1", "XFD1048576", "R2C3", "R", "C") or as TRUE/FALSE.
 */
export function sheetNameNeedsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (/^(TRUE|FALSE)$/i.test(name)) return true;
  if (/^(R|C)$/i.test(name) || /^R\d*C\d*$/i.test(name) || /^[RC]\d+$/i.test(name)) return true;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && colIndex(a1[1]) < MAX_COLS && Number(a1[2]) <= MAX_ROWS) return true;
  return false;
}

/** A sheet name as Excel writes it in an address it returns. */
export function quoteSheet(name: string): string {
  return sheetNameNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

function rectA1(r: Rect): string {
  const a = `${colLetters(r.left)}${r.top + 1}`;
  const b = `${colLetters(r.right)}${r.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** "A1", "A1:C3", "C:C", "2:4", optionally "Sheet!…" → sheet name (if any) and rectangle. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let sheet: string | undefined;
  let ref = address.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
    else if (sheetNameNeedsQuotes(sheet))
      // HOST RULE: Excel cannot parse "A1!B2" or "Phụ lục 01!E16" (see sheetNameNeedsQuotes)
      throw new FakeOfficeError(
        'InvalidArgument',
        `The argument is invalid or missing or has an incorrect format (unquoted sheet name in ${address}).`,
      );
    ref = ref.slice(bang + 1);
  }
  const parts = ref.replace(/\$/g, '').split(':');
  const one = (p: string): { row?: number; col?: number } => {
    const m = /^([A-Za-z]{0,3})(\d*)$/.exec(p);
    if (!m || (m[1] === '' && m[2] === ''))
      throw new FakeOfficeError('InvalidArgument', `Bad address ${address}`);
    return {
      col: m[1] ? colIndex(m[1]) : undefined,
      row: m[2] ? Number(m[2]) - 1 : undefined,
    };
  };
  const a = one(parts[0]);
  const b = parts.length > 1 ? one(parts[1]) : a;
  const rect: Rect = {
    top: Math.min(a.row ?? 0, b.row ?? 0),
    left: Math.min(a.col ?? 0, b.col ?? 0),
    bottom: a.row === undefined ? MAX_ROWS - 1 : Math.max(a.row, b.row ?? a.row),
    right: a.col === undefined ? MAX_COLS - 1 : Math.max(a.col, b.col ?? a.col),
  };
  return { sheet, rect };
}

const key = (r: number, c: number) => `${r},${c}`;

function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = need.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

/** Excel's defaults (not bold, no wrap…) are stored as absent, as a file would. */
function setFlag(c: FakeCell, flag: 'bold' | 'italic' | 'wrap', v: boolean): void {
  if (v) c[flag] = true;
  else delete c[flag];
}

/** A cell entry with nothing observable in it (left behind by a cleared fill, say). */
function isBlank(c: FakeCell): boolean {
  return Object.entries(c).every(([k, v]) => v === undefined || (k === 'value' && v === ''));
}

function isFilled(c: FakeCell | undefined): boolean {
  return !!c && (c.value !== '' || !!c.formula);
}

// ------------------------------------------------------------------------------------------
// the workbook

export interface FakeWorkbookOptions {
  /** Highest ExcelApi version the fake host supports (default "1.18"). */
  apiVersion?: string;
  /** Per-sync payload limit in bytes (default Excel on the web's 5 MB). */
  payloadLimit?: number;
}

/** "5MB" of the payload guidance, counted strictly. */
export const WEB_PAYLOAD_LIMIT = 5_000_000;

export class FakeWorkbook {
  /** Office.context.document.settings as set, and as last saved into the document */
  documentSettings = new Map<string, unknown>();
  savedDocumentSettings = new Map<string, unknown>();
  sheets: FakeSheet[] = [];
  comments: FakeComment[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet = '';
  /** The user is typing in a cell (see FakeRequestContext.sync). */
  cellEditMode = false;
  /**
   * HOST RULE ("delay in cell edit" guidance; Excel.RunOptions.delayForCellEdit): a batch
   * in cell-edit mode fails with InvalidOperationInCellEditMode, or on some hosts and
   * builds with a plain InvalidOperation.
   */
  cellEditError: 'InvalidOperationInCellEditMode' | 'InvalidOperation' =
    'InvalidOperationInCellEditMode';
  /** Batches that waited for the user to leave cell-edit mode (delayForCellEdit). */
  delayedForCellEdit = 0;
  private cellEditWaiters: (() => void)[] = [];
  structureProtected = false;
  /** Per-sync payload limit in bytes: Excel on the web's 5 MB (Infinity: no limit). */
  payloadLimit: number;
  /** Request and response bytes of every sync that carried actions, in order. */
  payloads: { request: number; response: number }[] = [];
  apiVersion: string;
  syncCount = 0;
  /** Syncs of the last Excel.run batch (reset at each run). */
  lastRunSyncs = 0;
  runCount = 0;
  private nextId = 1;

  constructor(opts: FakeWorkbookOptions = {}) {
    this.apiVersion = opts.apiVersion ?? '1.18';
    this.payloadLimit = opts.payloadLimit ?? WEB_PAYLOAD_LIMIT;
  }

  /** Plain JSON of the workbook (to hand it to a browser page). */
  toJSON(): FakeWorkbookJSON {
    return {
      apiVersion: this.apiVersion,
      activeSheet: this.activeSheet,
      sheets: this.sheets.map((s) => ({
        name: s.name,
        protected: s.protected,
        visibility: s.visibility,
        merges: s.merges,
        cells: [...s.cells.entries()],
        notes: [...s.notes.entries()],
        columnWidths: [...s.columnWidths.entries()],
        ...(s.pageLayout ? { pageLayout: s.pageLayout } : {}),
        ...(s.rowHeights ? { rowHeights: [...s.rowHeights.entries()] } : {}),
      })),
      comments: this.comments,
    };
  }

  static fromJSON(data: FakeWorkbookJSON): FakeWorkbook {
    const wb = new FakeWorkbook({ apiVersion: data.apiVersion });
    for (const j of data.sheets) {
      const s = wb.addSheet(j.name);
      s.protected = j.protected;
      s.visibility = j.visibility;
      s.merges = j.merges;
      s.cells = new Map(j.cells);
      s.notes = new Map(j.notes);
      s.columnWidths = new Map(j.columnWidths);
      if (j.pageLayout) s.pageLayout = j.pageLayout;
      if (j.rowHeights) s.rowHeights = new Map(j.rowHeights);
    }
    wb.comments = data.comments;
    wb.activeSheet = data.activeSheet;
    return wb;
  }

  static fromSnapshot(snap: WorkbookSnapshot, opts: FakeWorkbookOptions = {}): FakeWorkbook {
    const wb = new FakeWorkbook(opts);
    for (const g of snap.sheets) {
      const s = wb.addSheet(g.name);
      s.protected = !!g.protected;
      s.merges = g.merges.map((m) => ({ ...m }));
      for (const c of g.cells) wb.putCell(s, c);
    }
    wb.activeSheet = wb.sheets[0]?.name ?? '';
    return wb;
  }

  addSheet(name: string): FakeSheet {
    const s: FakeSheet = {
      name,
      cells: new Map(),
      merges: [],
      protected: false,
      visibility: 'Visible',
      notes: new Map(),
      columnWidths: new Map(),
    };
    this.sheets.push(s);
    return s;
  }

  newId(): string {
    return `id-${this.nextId++}`;
  }

  private putCell(s: FakeSheet, c: Cell): void {
    const fc: FakeCell = { value: '' };
    if (c.kind === 'date' && typeof c.value === 'string') {
      fc.value = isoToSerial(c.value);
      fc.numberFormat =
        c.numberFormat && c.numberFormat !== 'General' ? c.numberFormat : 'dd/mm/yyyy';
    } else {
      fc.value = c.value === null ? '' : c.value;
      if (c.numberFormat) fc.numberFormat = c.numberFormat;
    }
    if (c.kind === 'error') fc.error = true;
    if (c.formula) fc.formula = c.formula;
    if (c.hyperlink) fc.hyperlink = c.hyperlink;
    if (c.font) fc.fontName = c.font;
    if (c.fill) fc.fill = '#' + c.fill.replace(/^#/, '').slice(-6).toUpperCase();
    if (c.note !== undefined) s.notes.set(key(c.row, c.col), c.note);
    s.cells.set(key(c.row, c.col), fc);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  mustSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s)
      throw new FakeOfficeError(
        'ItemNotFound',
        `The requested resource doesn't exist: sheet ${name}.`,
      );
    return s;
  }

  /** Test helper: the cell at "B3" on a sheet (undefined when never written). */
  cell(sheet: string, a1: string): FakeCell | undefined {
    const { rect } = parseAddress(a1);
    return this.mustSheet(sheet).cells.get(key(rect.top, rect.left));
  }

  /** Test helper: write a cell directly (no batch). */
  setCell(sheet: string, a1: string, patch: Partial<FakeCell>): void {
    const { rect } = parseAddress(a1);
    const s = this.mustSheet(sheet);
    const k = key(rect.top, rect.left);
    s.cells.set(k, { ...(s.cells.get(k) ?? { value: '' }), ...patch });
  }

  noteAt(sheet: string, a1: string): string | undefined {
    const { rect } = parseAddress(a1);
    return this.mustSheet(sheet).notes.get(key(rect.top, rect.left));
  }

  commentAt(sheet: string, a1: string): FakeComment | undefined {
    const { rect } = parseAddress(a1);
    return this.comments.find((c) => c.sheet === sheet && c.key === key(rect.top, rect.left));
  }

  supports(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  /** Throws ApiNotFound when the host is older than `version` (at sync, like a real host). */
  need(version: string, what: string): void {
    if (!this.supports(version))
      throw new FakeOfficeError(
        'ApiNotFound',
        `The API you are trying to use could not be found (${what}, ExcelApi ${version}).`,
      );
  }

  /** A deep copy of the observable state, for "nothing changed" assertions. */
  dump(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        merges: s.merges,
        cells: [...s.cells.entries()]
          .filter(([, v]) => !isBlank(v))
          .sort()
          .map(([k, v]) => [k, { ...v }]),
        notes: [...s.notes.entries()].sort(),
        widths: [...s.columnWidths.entries()].sort(),
      })),
      comments: this.comments.map((c) => ({ ...c, replies: c.replies.map((r) => ({ ...r })) })),
    };
  }

  /** The user presses Enter or Esc: batches that were delayed for cell edit go on. */
  leaveCellEdit(): void {
    this.cellEditMode = false;
    for (const resume of this.cellEditWaiters.splice(0)) resume();
  }

  /** Resolves when the user leaves cell-edit mode (at once when not in it). */
  cellEditEnded(): Promise<void> {
    if (!this.cellEditMode) return Promise.resolve();
    this.delayedForCellEdit++;
    return new Promise((resolve) => this.cellEditWaiters.push(resolve));
  }

  /** `Excel.run` bound to this workbook: `run(batch)` or `run(options, batch)`. */
  run = async <T>(
    a: FakeRunOptions | ((ctx: FakeRequestContext) => Promise<T>),
    b?: (ctx: FakeRequestContext) => Promise<T>,
  ): Promise<T> => {
    const batch = typeof a === 'function' ? a : b!;
    const ctx = new FakeRequestContext(this);
    if (typeof a !== 'function') ctx.delayForCellEdit = !!a.delayForCellEdit;
    this.runCount++;
    this.lastRunSyncs = 0;
    const result = await batch(ctx);
    if (ctx.pending()) await ctx.sync();
    return result;
  };

  /** Install `Excel` and `Office` globals backed by this workbook on `target` (globalThis). */
  install(
    target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
    hostOpts: FakeOfficeHostOptions = {},
  ): FakeOfficeHost {
    const host = new FakeOfficeHost(this, hostOpts);
    target.Excel = { run: this.run };
    target.Office = host.office;
    return host;
  }
}

export interface FakeRunOptions {
  delayForCellEdit?: boolean;
}

/** Excel serial date (1900 system) ↔ ISO date. */
export function isoToSerial(iso: string): number {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return ms / 86400000 + 25569;
}

// ------------------------------------------------------------------------------------------
// the Office global

/** A dialog the fake host opened (displayDialogAsync). */
export interface FakeDialog {
  /** The URL the add-in passed. */
  url: string;
  /** The URL the dialog page is loaded from: the host's `_host_info` added to the query. */
  openedUrl: string;
  options: unknown;
  open: boolean;
  /** Messages the parent sent with messageChild (DialogApi 1.2). */
  childMessages: string[];
  /** How it closed: 'parent' (dialog.close()), 'user' (12006), 'runtime' (function ended). */
  closedBy?: 'parent' | 'user' | 'runtime';
  handlers: Map<string, ((arg: unknown) => void)[]>;
}

export interface FakeOfficeHostOptions {
  /** "Mac", "PC", "OfficeOnline" (default). */
  platform?: string;
  /** Highest DialogApi (default "1.2"; "1.1" has no messageChild). */
  dialogApi?: '1.1' | '1.2';
  /** Origin of the add-in's pages, the only one a dialog may start on (AppDomains aside). */
  origin?: string;
  /** The host drops the URL's "#…" part when it opens a dialog (office-js issue 2284). */
  dropsHash?: boolean;
}

/** Errors of displayDialogAsync ("Handle errors and events in the Office dialog box"). */
export const DIALOG_ERRORS = {
  notHttps: 12005,
  wrongDomain: 12004,
  closedByUser: 12006,
  alreadyOpen: 12007,
  ignoredByUser: 12009,
} as const;

/** How long a function command may run (add-in commands: ExecuteFunction). */
export const FUNCTION_COMMAND_LIMIT_MS = 5 * 60 * 1000;

export class FakeOfficeHost {
  readonly associated = new Map<string, (event: { completed: () => void }) => unknown>();
  readonly dialogs: FakeDialog[] = [];
  readonly office: Record<string, unknown>;
  /** The next displayDialogAsync fails with this code (12009: the user ignored it…). */
  failNextDialog: number | null = null;
  /** Function commands the host ended after 5 minutes without completed(). */
  killedCommands = 0;
  readonly platform: string;

  constructor(
    readonly wb: FakeWorkbook,
    readonly opts: FakeOfficeHostOptions = {},
  ) {
    const associated = this.associated;
    this.platform = opts.platform ?? 'OfficeOnline';
    const origin = opts.origin ?? 'https://localhost:3000';
    const dialogApi = opts.dialogApi ?? '1.2';
    this.office = {
      HostType: { Excel: 'Excel' },
      EventType: {
        DialogMessageReceived: 'dialogMessageReceived',
        DialogEventReceived: 'dialogEventReceived',
        DialogParentMessageReceived: 'dialogParentMessageReceived',
      },
      onReady: (cb?: (info: { host: string; platform: string }) => void) => {
        const info = { host: 'Excel', platform: this.platform };
        if (cb) cb(info);
        return Promise.resolve(info);
      },
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === 'ExcelApi'
              ? wb.supports(version ?? '1.1')
              : name === 'DialogApi'
                ? versionAtLeast(dialogApi, version ?? '1.1')
                : false,
        },
        ui: {
          displayDialogAsync: (url: string, options: unknown, cb?: (r: unknown) => void) =>
            this.displayDialog(url, options, origin, dialogApi, cb),
        },
        displayLanguage: 'vi-VN',
        document: {
          // Office.context.document.settings: kept in the workbook once saveAsync succeeds
          settings: {
            get: (name: string) =>
              wb.documentSettings.has(name) ? wb.documentSettings.get(name) : null,
            set: (name: string, value: unknown) => {
              wb.documentSettings.set(name, JSON.parse(JSON.stringify(value)));
            },
            remove: (name: string) => {
              wb.documentSettings.delete(name);
            },
            saveAsync: (cb?: (r: { status: string; error?: { message: string } }) => void) => {
              wb.savedDocumentSettings = new Map(wb.documentSettings);
              cb?.({ status: 'succeeded' });
            },
          },
        },
      },
      actions: {
        associate: (name: string, fn: (event: { completed: () => void }) => unknown) => {
          associated.set(name, fn);
        },
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    };
  }

  /**
   * HOST RULES of the dialog API (Use the Office dialog API in Office Add-ins; Best
   * practices and rules for the Office dialog API; Handle errors and events in the Office
   * dialog box): the start URL must be an absolute HTTPS URL (12005) on the add-in's own
   * domain (12004); one dialog at a time from a host window (12007); the user may refuse
   * it (12009); the host adds its `_host_info` query parameter to the page's URL, which
   * add-ins "should neither read nor write"; messageChild exists from DialogApi 1.2.
   */
  private displayDialog(
    url: string,
    options: unknown,
    origin: string,
    dialogApi: string,
    cb?: (r: unknown) => void,
  ): void {
    const fail = (code: number, message: string) =>
      cb?.({ status: 'failed', error: { code, message } });
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return fail(DIALOG_ERRORS.wrongDomain, 'The URL is not absolute.');
    }
    if (parsed.protocol !== 'https:' && origin.startsWith('https:'))
      return fail(DIALOG_ERRORS.notHttps, 'The URL uses HTTP. HTTPS is required.');
    if (parsed.origin !== origin)
      return fail(DIALOG_ERRORS.wrongDomain, 'The domain of the URL is not in AppDomains.');
    if (this.dialogs.some((d) => d.open))
      return fail(
        DIALOG_ERRORS.alreadyOpen,
        'A dialog box is already opened from this host window.',
      );
    if (this.failNextDialog !== null) {
      const code = this.failNextDialog;
      this.failNextDialog = null;
      return fail(code, 'The user chose to ignore the dialog box.');
    }
    const opened = new URL(url);
    if (this.opts.dropsHash) opened.hash = '';
    opened.searchParams.append('_host_info', `Excel$${this.platform}$16.01$vi-VN$$$$0`);
    const dialog: FakeDialog = {
      url,
      openedUrl: opened.toString(),
      options,
      open: true,
      childMessages: [],
      handlers: new Map(),
    };
    this.dialogs.push(dialog);
    const api: Record<string, unknown> = {
      close: () => {
        if (dialog.open) {
          dialog.open = false;
          dialog.closedBy = 'parent';
        }
      },
      addEventHandler: (type: string, handler: (arg: unknown) => void) => {
        const list = dialog.handlers.get(type) ?? [];
        list.push(handler);
        dialog.handlers.set(type, list);
      },
    };
    if (versionAtLeast(dialogApi, '1.2'))
      api.messageChild = (message: string) => {
        if (!dialog.open) throw new Error('The dialog is closed.');
        dialog.childMessages.push(message);
      };
    cb?.({ status: 'succeeded', value: api });
  }

  /** The open dialog (test helper). */
  get openDialog(): FakeDialog | undefined {
    return this.dialogs.find((d) => d.open);
  }

  /** The dialog page sends a message to its parent (Office.context.ui.messageParent). */
  messageParent(message: string): void {
    const d = this.openDialog;
    if (!d) throw new Error('no open dialog');
    for (const h of d.handlers.get('dialogMessageReceived') ?? []) h({ message, origin: d.url });
  }

  /** The user closes the dialog with its X: DialogEventReceived with 12006. */
  userClosesDialog(): void {
    const d = this.openDialog;
    if (!d) throw new Error('no open dialog');
    d.open = false;
    d.closedBy = 'user';
    for (const h of d.handlers.get('dialogEventReceived') ?? [])
      h({ error: DIALOG_ERRORS.closedByUser });
  }

  /**
   * Run a ribbon function command as the host does. HOST RULE (add-in commands, "the
   * runtime closes when either the function completes or 5 minutes have passed"): the host
   * ends the runtime at completed() or after 5 minutes — on Mac, a dialog the function
   * opened closes with it (office-js issue 428). Resolves when the runtime ends.
   */
  invokeCommand(name: string): Promise<'completed' | 'killed'> {
    const fn = this.associated.get(name);
    if (!fn) throw new Error(`no function ${name}`);
    return new Promise((resolve) => {
      let ended = false;
      const end = (how: 'completed' | 'killed') => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        if (how === 'killed') this.killedCommands++;
        for (const d of this.dialogs)
          if (d.open && (how === 'killed' || this.platform === 'Mac')) {
            d.open = false;
            d.closedBy = 'runtime';
          }
        resolve(how);
      };
      const timer = setTimeout(() => end('killed'), FUNCTION_COMMAND_LIMIT_MS);
      void fn({ completed: () => end('completed') });
    });
  }
}

// ------------------------------------------------------------------------------------------
// request context and client objects

type Op = () => void;

/** Bytes a queued action adds to a request (its JSON: action, object path, arguments). */
export const OP_REQUEST_BYTES = 200;
/** Bytes an action adds to a response besides the data it loads. */
export const OP_RESPONSE_BYTES = 50;

/** UTF-8 length of a string (Vietnamese letters take 2 or 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n +=
      c < 0x80
        ? 1
        : c < 0x800
          ? 2
          : c >= 0xd800 && c < 0xdc00
            ? 4
            : c >= 0xdc00 && c < 0xe000
              ? 0
              : 3;
  }
  return n;
}

/** Bytes of a value sent or returned as JSON. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

export class FakeRequestContext {
  private queue: Op[] = [];
  readonly workbook: WorkbookApi;
  syncs = 0;
  /** Excel.run({ delayForCellEdit: true }, …) */
  delayForCellEdit = false;
  private requestBytes = 0;
  private responseBytes = 0;

  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookApi(this);
  }

  /** Queue an action; `payload` is the size of the data it sends (values, note text…). */
  enqueue(op: Op, payload = 0): void {
    this.queue.push(op);
    this.requestBytes += OP_REQUEST_BYTES + payload;
  }

  /** Count data an action returns (inside a queued op). */
  respond(bytes: number): void {
    this.responseBytes += bytes;
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    this.wb.syncCount++;
    this.wb.lastRunSyncs++;
    this.syncs++;
    for (const sh of this.wb.sheets) touch(sh); // test helpers may have changed cells
    const ops = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    if (this.wb.cellEditMode && ops.length > 0) {
      // HOST RULE (Excel.RunOptions.delayForCellEdit): "When true, … if the user is in cell
      // edit mode then the batch request is delayed until the user exits cell edit mode";
      // otherwise the batch fails, with either error code (see FakeWorkbook.cellEditError)
      if (this.delayForCellEdit) await this.wb.cellEditEnded();
      else if (this.wb.cellEditError === 'InvalidOperation')
        throw new FakeOfficeError(
          'InvalidOperation',
          "The requested operation is invalid in the object's current state.",
        );
      else
        throw new FakeOfficeError(
          'InvalidOperationInCellEditMode',
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
        );
    }
    // HOST RULE (Resource limits and performance optimization for Office Add-ins; Excel
    // JavaScript API performance optimization, "Payload size limit best practices"): "Excel
    // on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error
    // will be thrown if that limit is exceeded." A request over it runs nothing; a response
    // over it fails after the actions ran (reads only fill client objects, which the
    // failed sync leaves unusable).
    if (ops.length > 0 && request > this.wb.payloadLimit)
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${request} bytes).`,
      );
    for (const op of ops) op();
    const response = this.responseBytes + ops.length * OP_RESPONSE_BYTES;
    if (ops.length > 0) this.wb.payloads.push({ request, response });
    if (response > this.wb.payloadLimit)
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${response} bytes).`,
      );
  }
}

function loadProps(spec: string | string[] | undefined): string[] {
  if (spec === undefined) return [];
  const list = Array.isArray(spec) ? spec : spec.split(',');
  return list.map((s) => s.trim()).filter(Boolean);
}

/** Loaded properties; every value put here counts towards the sync's response. */
class LoadedProps extends Map<string, unknown> {
  constructor(private readonly context: FakeRequestContext) {
    super();
  }
  override set(prop: string, value: unknown): this {
    this.context.respond(jsonBytes(value));
    return super.set(prop, value);
  }
}

class ClientObject {
  protected loaded: Map<string, unknown>;
  protected nullState: boolean | undefined;
  constructor(readonly context: FakeRequestContext) {
    this.loaded = new LoadedProps(context);
  }

  protected get wb(): FakeWorkbook {
    return this.context.wb;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined)
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        "The property 'isNullObject' is not available.",
      );
    return this.nullState;
  }
}

// ---- workbook

class WorkbookApi extends ClientObject {
  readonly worksheets: WorksheetCollectionApi;
  readonly protection: WorkbookProtectionApi;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionApi(ctx);
    this.protection = new WorkbookProtectionApi(ctx);
  }
  get notes(): NoteCollectionApi {
    return new NoteCollectionApi(this.context, undefined);
  }
  get comments(): CommentCollectionApi {
    return new CommentCollectionApi(this.context);
  }
}

class WorkbookProtectionApi extends ClientObject {
  load(_spec?: string | string[]): this {
    this.context.enqueue(() => {
      this.wb.need('1.7', 'WorkbookProtection');
      this.loaded.set('protected', this.wb.structureProtected);
    });
    return this;
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

// ---- worksheets

class WorksheetCollectionApi extends ClientObject {
  private loadedItems: WorksheetApi[] | undefined;

  load(spec?: string | string[]): this {
    const props = loadProps(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      this.loadedItems = this.wb.sheets.map((s) => {
        const ws = new WorksheetApi(this.context, () => s);
        ws.fill(props);
        return ws;
      });
    });
    return this;
  }

  get items(): WorksheetApi[] {
    if (!this.loadedItems)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.loadedItems;
  }

  getItem(name: string): WorksheetApi {
    return new WorksheetApi(this.context, () => this.wb.mustSheet(name));
  }

  getItemOrNullObject(name: string): WorksheetApi {
    return new WorksheetApi(this.context, () => this.wb.sheet(name) ?? null);
  }

  add(name: string): WorksheetApi {
    this.context.enqueue(() => {
      if (this.wb.sheet(name))
        throw new FakeOfficeError(
          'ItemAlreadyExists',
          `A sheet with the name "${name}" already exists.`,
        );
      if (this.wb.structureProtected)
        throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      this.wb.addSheet(name);
    });
    return new WorksheetApi(this.context, () => this.wb.mustSheet(name));
  }
}

class WorksheetApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx);
  }

  protected sheetOrThrow(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError('ItemNotFound', 'The requested worksheet does not exist.');
    return s;
  }

  /** Fill loaded properties now (inside a queued op). */
  fill(props: string[]): void {
    const s = this.resolve();
    this.nullState = !s;
    if (!s) return;
    for (const p of props) {
      if (p === 'name') this.loaded.set('name', s.name);
      else if (p === 'position') this.loaded.set('position', this.wb.sheets.indexOf(s));
      else if (p === 'visibility') this.loaded.set('visibility', s.visibility);
      else if (p === 'protection/protected' || p === 'protection') {
        this.wb.need('1.2', 'WorksheetProtection');
        this.protection.setLoaded(s.protected);
      } else if (p === 'id') this.loaded.set('id', s.name);
    }
  }

  readonly protection = new WorksheetProtectionApi(this.context, () => this.sheetOrThrow());

  load(spec?: string | string[]): this {
    const props = loadProps(spec);
    this.context.enqueue(() =>
      this.fill(props.length ? props : ['name', 'position', 'visibility']),
    );
    return this;
  }

  get name(): string {
    return this.read('name');
  }
  get position(): number {
    return this.read('position');
  }
  set position(v: number) {
    this.context.enqueue(() => {
      const s = this.sheetOrThrow();
      const list = this.wb.sheets.filter((x) => x !== s);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
      this.wb.sheets = list;
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.context.enqueue(() => {
      const s = this.sheetOrThrow();
      s.visibility = v as FakeSheet['visibility'];
    });
  }

  get notes(): NoteCollectionApi {
    return new NoteCollectionApi(this.context, () => this.sheetOrThrow());
  }

  getRange(address?: string): RangeApi {
    return new RangeApi(this.context, () => {
      const s = this.sheetOrThrow();
      const rect = address
        ? parseAddress(address).rect
        : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      return { sheet: s, rect };
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeApi {
    return new RangeApi(this.context, () => {
      const s = this.sheetOrThrow();
      this.wb.need('1.1', 'getUsedRange');
      return {
        sheet: s,
        rect: usedRect(s, !!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi {
    return new RangeApi(this.context, () => {
      const s = this.sheetOrThrow();
      this.wb.need('1.4', 'getUsedRangeOrNullObject');
      const rect = usedRect(s, !!valuesOnly);
      return rect ? { sheet: s, rect } : null;
    });
  }

  activate(): void {
    this.context.enqueue(() => {
      const s = this.sheetOrThrow();
      this.wb.activeSheet = s.name;
    });
  }

  get freezePanes(): FreezePanesApi {
    return new FreezePanesApi(this.context, () => this.sheetOrThrow());
  }

  get autoFilter(): AutoFilterApi {
    return new AutoFilterApi(this.context, () => this.sheetOrThrow());
  }

  get pageLayout(): PageLayoutApi {
    return new PageLayoutApi(this.context, () => this.sheetOrThrow());
  }

  delete(): void {
    this.context.enqueue(() => {
      const s = this.sheetOrThrow();
      if (this.wb.structureProtected)
        throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      // HOST RULE (Excel.Worksheet.delete reference): "if the worksheet's visibility is set
      // to "VeryHidden", the delete operation will fail with an InvalidOperation exception.
      // You should first change its visibility to hidden or visible before deleting it."
      if (s.visibility === 'VeryHidden')
        throw new FakeOfficeError(
          'InvalidOperation',
          'This operation cannot be performed on a very hidden worksheet.',
        );
      this.wb.sheets = this.wb.sheets.filter((x) => x !== s);
      this.wb.comments = this.wb.comments.filter((c) => c.sheet !== s.name);
    });
  }
}

const LAYOUT_PROPS = [
  'orientation',
  'paperSize',
  'zoom',
  'leftMargin',
  'rightMargin',
  'topMargin',
  'bottomMargin',
  'headerMargin',
  'footerMargin',
  'centerHorizontally',
] as const;

/** Worksheet.pageLayout (ExcelApi 1.9): the properties the adapter reads and writes. */
class PageLayoutApi extends ClientObject {
  readonly headersFooters: { defaultForAllPages: HeaderFooterApi };
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
    this.headersFooters = { defaultForAllPages: new HeaderFooterApi(ctx, () => this.layout()) };
  }
  private layout(): FakePageLayout {
    this.wb.need('1.9', 'pageLayout');
    const s = this.resolve();
    return (s.pageLayout ??= defaultPageLayout());
  }
  private put<K extends keyof FakePageLayout>(k: K, v: FakePageLayout[K]): void {
    this.context.enqueue(() => {
      const s = this.resolve();
      guardWrite(this.wb, s);
      this.layout()[k] = v;
    });
  }
  load(spec?: string | string[]): this {
    const props = loadProps(spec);
    this.context.enqueue(() => {
      const l = this.layout();
      for (const p of props.length ? props : LAYOUT_PROPS)
        if ((LAYOUT_PROPS as readonly string[]).includes(p))
          this.loaded.set(p, JSON.parse(JSON.stringify(l[p as keyof FakePageLayout])));
    });
    return this;
  }
  get orientation(): string {
    return this.read('orientation');
  }
  set orientation(v: string) {
    this.put('orientation', v);
  }
  get paperSize(): string {
    return this.read('paperSize');
  }
  set paperSize(v: string) {
    this.put('paperSize', v);
  }
  get zoom(): FakePageLayout['zoom'] {
    return this.read('zoom');
  }
  set zoom(v: FakePageLayout['zoom']) {
    this.put('zoom', { ...v });
  }
  get leftMargin(): number {
    return this.read('leftMargin');
  }
  set leftMargin(v: number) {
    this.put('leftMargin', v);
  }
  get rightMargin(): number {
    return this.read('rightMargin');
  }
  set rightMargin(v: number) {
    this.put('rightMargin', v);
  }
  get topMargin(): number {
    return this.read('topMargin');
  }
  set topMargin(v: number) {
    this.put('topMargin', v);
  }
  get bottomMargin(): number {
    return this.read('bottomMargin');
  }
  set bottomMargin(v: number) {
    this.put('bottomMargin', v);
  }
  get headerMargin(): number {
    return this.read('headerMargin');
  }
  set headerMargin(v: number) {
    this.put('headerMargin', v);
  }
  get footerMargin(): number {
    return this.read('footerMargin');
  }
  set footerMargin(v: number) {
    this.put('footerMargin', v);
  }
  get centerHorizontally(): boolean {
    return this.read('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this.put('centerHorizontally', v);
  }
  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows))
      throw new FakeOfficeError('InvalidArgument', `fake: bad print title rows ${rows}`);
    this.put('printTitleRows', rows.includes('$') ? rows : rows.replace(/(\d+)/g, '$$$1'));
  }
  getPrintTitleRowsOrNullObject(): RangeApi {
    return new RangeApi(this.context, () => {
      const l = this.layout();
      if (!l.printTitleRows) return null;
      return { sheet: this.resolve(), rect: parseAddress(l.printTitleRows).rect };
    });
  }
}

class HeaderFooterApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly layout: () => FakePageLayout,
  ) {
    super(ctx);
  }
  load(spec?: string | string[]): this {
    this.context.enqueue(() => this.loaded.set('centerFooter', this.layout().centerFooter));
    void spec;
    return this;
  }
  get centerFooter(): string {
    return this.read('centerFooter');
  }
  set centerFooter(v: string) {
    this.context.enqueue(() => {
      this.layout().centerFooter = v;
    });
  }
}

class FreezePanesApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
  }
  private set(size: () => { rows: number; columns: number }): void {
    this.context.enqueue(() => {
      this.wb.need('1.7', 'freezePanes');
      const s = this.resolve();
      const { rows, columns } = size();
      if (rows === 0 && columns === 0) delete s.frozen;
      else s.frozen = { rows, columns };
    });
  }
  freezeRows(n = 1): void {
    this.set(() => ({ rows: n, columns: 0 }));
  }
  freezeColumns(n = 1): void {
    this.set(() => ({ rows: 0, columns: n }));
  }
  /** The range covers the cells frozen in the top-left pane ("A1:C1" → 1 row, 3 columns). */
  freezeAt(range: RangeApi | string): void {
    this.set(() => {
      const address = typeof range === 'string' ? range : range.fakeAddress();
      const { rect } = parseAddress(address);
      if (rect.top !== 0 || rect.left !== 0)
        throw new FakeOfficeError('InvalidArgument', 'fake: freezeAt must start at A1');
      return { rows: rect.bottom + 1, columns: rect.right + 1 };
    });
  }
  unfreeze(): void {
    this.set(() => ({ rows: 0, columns: 0 }));
  }
}

class AutoFilterApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
  }
  apply(range: RangeApi | string): void {
    this.context.enqueue(() => {
      const address = typeof range === 'string' ? range : range.fakeAddress();
      this.wb.need('1.9', 'autoFilter');
      const s = this.resolve();
      guardWrite(this.wb, s);
      s.autoFilter = rectA1(parseAddress(address).rect);
    });
  }
  remove(): void {
    this.context.enqueue(() => {
      delete this.resolve().autoFilter;
    });
  }
}

class ConditionalFormatCollectionApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => Resolved,
  ) {
    super(ctx);
  }
  add(type: string): ConditionalFormatApi {
    if (type !== 'DataBar' && type !== 'CellValue')
      throw new FakeOfficeError(
        'InvalidArgument',
        `fake: conditional format ${type} not supported`,
      );
    const cf: FakeConditionalFormat = { type, range: '' };
    this.context.enqueue(() => {
      this.wb.need('1.6', 'conditionalFormats');
      const { sheet, rect } = this.resolve();
      guardWrite(this.wb, sheet);
      cf.range = rectA1(rect);
      (sheet.conditionalFormats ??= []).push(cf);
    });
    return new ConditionalFormatApi(this.context, cf);
  }
}

/** Setters are queued like every write; they change the format record at sync. */
class ConditionalFormatApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly cf: FakeConditionalFormat,
  ) {
    super(ctx);
  }
  private later(fn: (cf: FakeConditionalFormat) => void): void {
    this.context.enqueue(() => fn(this.cf));
  }
  get dataBar() {
    if (this.cf.type !== 'DataBar')
      throw new FakeOfficeError('InvalidArgument', 'fake: not a data bar');
    const later = this.later.bind(this);
    return {
      set lowerBoundRule(r: { type: string }) {
        later((cf) => (cf.lowerBound = r.type));
      },
      set upperBoundRule(r: { type: string }) {
        later((cf) => (cf.upperBound = r.type));
      },
      positiveFormat: {
        set fillColor(c: string) {
          later((cf) => (cf.fillColor = c));
        },
        set gradientFill(g: boolean) {
          later((cf) => (cf.gradientFill = g));
        },
      },
    };
  }
  get cellValue() {
    if (this.cf.type !== 'CellValue')
      throw new FakeOfficeError('InvalidArgument', 'fake: not a cell value rule');
    const later = this.later.bind(this);
    return {
      set rule(r: { formula1: string; operator: string }) {
        later((cf) => (cf.rule = { formula1: r.formula1, operator: r.operator }));
      },
      format: {
        fill: {
          set color(c: string) {
            later((cf) => (cf.fillColor = c));
          },
        },
        font: {
          set color(c: string) {
            later((cf) => (cf.fontColor = c));
          },
        },
      },
    };
  }
}

class WorksheetProtectionApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
  }
  setLoaded(v: boolean): void {
    this.loaded.set('protected', v);
  }
  load(_spec?: string | string[]): this {
    this.context.enqueue(() => {
      this.wb.need('1.2', 'WorksheetProtection');
      this.loaded.set('protected', this.resolve().protected);
    });
    return this;
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

/** Used rectangles computed in the current sync (cleared by every write: guardWrite). */
const usedCache = new WeakMap<FakeSheet, Map<string, Rect | null>>();

function usedRect(s: FakeSheet, valuesOnly: boolean, within?: Rect): Rect | null {
  let cache = usedCache.get(s);
  if (!cache) usedCache.set(s, (cache = new Map()));
  const k = `${valuesOnly}:${within ? rectA1(within) : ''}`;
  if (cache.has(k)) {
    const hit = cache.get(k);
    return hit ? { ...hit } : null;
  }
  const r = computeUsedRect(s, valuesOnly, within);
  cache.set(k, r && { ...r });
  return r;
}

/** Forget the used rectangles of a sheet (its cells changed). */
function touch(s: FakeSheet): void {
  usedCache.delete(s);
}

function computeUsedRect(s: FakeSheet, valuesOnly: boolean, within?: Rect): Rect | null {
  let r: Rect | null = null;
  for (const [k, c] of s.cells) {
    const formatted = !!(
      c.fill ||
      c.numberFormat ||
      c.bold ||
      c.italic ||
      c.borders ||
      c.validation
    );
    if (!isFilled(c) && (valuesOnly || !formatted)) continue;
    const comma = k.indexOf(',');
    const row = Number(k.slice(0, comma));
    const col = Number(k.slice(comma + 1));
    if (
      within &&
      (row < within.top || row > within.bottom || col < within.left || col > within.right)
    )
      continue;
    if (!r) r = { top: row, left: col, bottom: row, right: col };
    else {
      r.top = Math.min(r.top, row);
      r.left = Math.min(r.left, col);
      r.bottom = Math.max(r.bottom, row);
      r.right = Math.max(r.right, col);
    }
  }
  return r;
}

// ---- ranges

interface Resolved {
  sheet: FakeSheet;
  rect: Rect;
}

export class ClientResult<T> {
  private v: T | undefined;
  private set = false;
  put(v: T): void {
    this.v = v;
    this.set = true;
  }
  get value(): T {
    if (!this.set)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'value' is not available.");
    return this.v as T;
  }
}

export interface FakeCellProperties {
  address?: string;
  hyperlink?: { address?: string; textToDisplay?: string };
  format?: {
    fill?: { color?: string; pattern?: string };
    font?: { bold?: boolean; italic?: boolean; name?: string; size?: number };
    wrapText?: boolean;
    horizontalAlignment?: string;
    borders?: Record<string, { style?: string }>;
  };
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
const EDGE_KEYS: Record<string, string> = {
  EdgeTop: 'top',
  EdgeBottom: 'bottom',
  EdgeLeft: 'left',
  EdgeRight: 'right',
};

function guardWrite(wb: FakeWorkbook, s: FakeSheet): void {
  touch(s);
  if (s.protected)
    throw new FakeOfficeError(
      'AccessDenied',
      "The cell or chart you're trying to change is on a protected sheet.",
    );
  void wb;
}

/** A number as en-US Excel reads typed text ("1,000.5", "5%", "(5)", "$5", "1e3", "1 1/2"). */
function typedNumber(t: string): number | undefined {
  if (t.endsWith('%')) {
    const n = typedNumber(t.slice(0, -1).trim());
    return n === undefined ? undefined : n / 100;
  }
  const acc = /^\((.+)\)$/.exec(t);
  if (acc) {
    const n = typedNumber(acc[1].trim());
    return n === undefined ? undefined : -n;
  }
  const sign = /^[+-]/.test(t) ? t[0] : '';
  let body = sign ? t.slice(1) : t;
  if (body.startsWith('$')) body = body.slice(1);
  const mixed = /^(\d+) (\d+)\/(\d+)$/.exec(body);
  if (mixed && Number(mixed[3]) > 0) {
    const n = Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
    return sign === '-' ? -n : n;
  }
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(body)) body = body.replace(/,/g, '');
  if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return undefined;
  const n = Number(body);
  return sign === '-' ? -n : n;
}

/** A date or time as en-US Excel reads typed text: serial and the format Excel gives it. */
function typedDate(t: string): { serial: number; format: string } | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const mdy = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(t);
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (mdy) {
    m = Number(mdy[1]);
    d = Number(mdy[2]);
    y = mdy[3] === undefined ? 2026 : Number(mdy[3]) < 100 ? 2000 + Number(mdy[3]) : Number(mdy[3]);
  } else {
    const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
    if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) return undefined;
    const secs = Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0);
    return { serial: secs / 86400, format: 'h:mm' };
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined; // "19/8/2025": kept as text
  const ms = Date.UTC(y, m - 1, d);
  if (new Date(ms).getUTCDate() !== d) return undefined;
  return { serial: ms / 86400000 + 25569, format: 'm/d/yyyy' };
}

/**
 * HOST RULE (Excel.Range.values reference): text written to `values` is read as if the
 * user had typed it into en-US Excel — "If the returned value starts with a plus ("+"),
 * minus ("-"), or equal sign ("="), Excel interprets this value as a formula"; numbers
 * (thousands separators, percent, currency, accounting negatives, exponents, mixed
 * fractions), m/d/y and ISO dates, times and TRUE/FALSE become values of those types
 * ("locale-shaped strings … are stored as text"); a leading apostrophe keeps the rest as
 * text.
 */
function coerceInput(v: unknown): { value: FakeScalar; formula?: string; numberFormat?: string } {
  if (v === null || v === undefined || v === '') return { value: '' };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=')) return { value: '', formula: s.slice(1) };
  const t = s.trim();
  const n = typedNumber(t);
  if (n !== undefined) {
    if (t.endsWith('%')) return { value: n, numberFormat: '0%' };
    return { value: n };
  }
  if (/^[+-]/.test(s)) return { value: '', formula: s };
  const d = typedDate(t);
  if (d) return { value: d.serial, numberFormat: d.format };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  return { value: s };
}

const CELL_DATA = new Set(['values', 'formulas', 'numberFormat', 'valueTypes']);

export class RangeApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolveFn: () => Resolved | null,
  ) {
    super(ctx);
  }

  private resolveOrThrow(): Resolved {
    const r = this.resolveFn();
    if (!r)
      throw new FakeOfficeError(
        'ItemNotFound',
        'The requested range does not exist (null object).',
      );
    return r;
  }

  private eachCell(fn: (s: FakeSheet, row: number, col: number) => void): void {
    const { sheet, rect } = this.resolveOrThrow();
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 5_000_000)
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The range is too large.');
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) fn(sheet, r, c);
  }

  private grid<T>(
    fn: (cell: FakeCell | undefined, s: FakeSheet, row: number, col: number) => T,
  ): T[][] {
    const { sheet, rect } = this.resolveOrThrow();
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: T[] = [];
      for (let c = rect.left; c <= rect.right; c++)
        row.push(fn(sheet.cells.get(key(r, c)), sheet, r, c));
      out.push(row);
    }
    return out;
  }

  load(spec?: string | string[]): this {
    const props = loadProps(spec);
    this.context.enqueue(() => {
      const r = this.resolveFn();
      this.nullState = !r;
      if (!r) return;
      const { sheet, rect } = r;
      if (
        (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 5_000_000 &&
        props.some((p) => CELL_DATA.has(p))
      )
        throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The range is too large.');
      for (const p of props) {
        switch (p) {
          case 'address':
            this.loaded.set(p, `${quoteSheet(sheet.name)}!${rectA1(rect)}`);
            break;
          case 'values':
            this.loaded.set(
              p,
              this.grid((c) => (c ? c.value : '')),
            );
            break;
          case 'formulas':
            this.loaded.set(
              p,
              this.grid((c) => (c?.formula ? `=${c.formula}` : c ? c.value : '')),
            );
            break;
          case 'numberFormat':
            this.loaded.set(
              p,
              this.grid((c) => c?.numberFormat ?? 'General'),
            );
            break;
          case 'valueTypes':
            this.loaded.set(
              p,
              this.grid((c) => valueType(c)),
            );
            break;
          case 'rowIndex':
            this.loaded.set(p, rect.top);
            break;
          case 'columnIndex':
            this.loaded.set(p, rect.left);
            break;
          case 'rowCount':
            this.loaded.set(p, rect.bottom - rect.top + 1);
            break;
          case 'columnCount':
            this.loaded.set(p, rect.right - rect.left + 1);
            break;
          default:
            throw new FakeOfficeError('InvalidArgument', `fake: range property ${p} not supported`);
        }
      }
    });
    return this;
  }

  get address(): string {
    return this.read('address');
  }
  get values(): FakeScalar[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.context.enqueue(() => this.writeGrid(v, false), jsonBytes(v));
  }
  get formulas(): FakeScalar[][] {
    return this.read('formulas');
  }
  set formulas(v: unknown[][]) {
    this.context.enqueue(() => this.writeGrid(v, true), jsonBytes(v));
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.context.enqueue(() => {
      const { sheet, rect } = this.resolveOrThrow();
      guardWrite(this.wb, sheet);
      this.eachCell((s, r, c) => {
        const f = v[r - rect.top]?.[c - rect.left] ?? v[0][0];
        const cell = s.cells.get(key(r, c)) ?? { value: '' };
        if (f === 'General') delete cell.numberFormat;
        else cell.numberFormat = f;
        s.cells.set(key(r, c), cell);
      });
    }, jsonBytes(v));
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }

  private writeGrid(v: unknown[][], formulas: boolean): void {
    const { sheet, rect } = this.resolveOrThrow();
    guardWrite(this.wb, sheet);
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    if (v.length !== rows || v.some((r) => r.length !== cols))
      throw new FakeOfficeError(
        'InvalidArgument',
        'The number of rows or columns in the input array does not match the size of the range.',
      );
    this.eachCell((s, r, c) => {
      const input = v[r - rect.top][c - rect.left];
      const { value, formula, numberFormat } = coerceInput(input);
      void formulas;
      const cell: FakeCell = { ...(s.cells.get(key(r, c)) ?? { value: '' }), value };
      delete cell.error;
      if (formula !== undefined) cell.formula = formula;
      else delete cell.formula;
      // Excel gives a typed date, time or percentage its format when the cell has none
      if (numberFormat !== undefined && (cell.numberFormat ?? 'General') === 'General')
        cell.numberFormat = numberFormat;
      s.cells.set(key(r, c), cell);
    });
  }

  getCellProperties(opts: {
    address?: boolean;
    hyperlink?: boolean;
    format?: Record<string, unknown>;
  }): ClientResult<FakeCellProperties[][]> {
    const result = new ClientResult<FakeCellProperties[][]>();
    this.context.enqueue(() => {
      this.wb.need('1.9', 'getCellProperties');
      const fmt = (opts.format ?? {}) as {
        fill?: object;
        font?: object;
        wrapText?: boolean;
        horizontalAlignment?: boolean;
        borders?: object;
      };
      result.put(
        this.respondWith(
          this.grid((c, s, r, col) => {
            const p: FakeCellProperties = {};
            if (opts.address) p.address = `${quoteSheet(s.name)}!${colLetters(col)}${r + 1}`;
            if (opts.hyperlink && c?.hyperlink)
              p.hyperlink = { address: c.hyperlink, textToDisplay: String(c.value) };
            if (opts.format) {
              p.format = {};
              if (fmt.fill)
                p.format.fill = c?.fill
                  ? { color: c.fill, pattern: 'Solid' }
                  : { color: '#FFFFFF', pattern: 'None' };
              if (fmt.font)
                p.format.font = {
                  bold: !!c?.bold,
                  italic: !!c?.italic,
                  name: c?.fontName ?? 'Calibri',
                  size: c?.fontSize ?? 11,
                };
              if (fmt.wrapText) p.format.wrapText = !!c?.wrap;
              if (fmt.horizontalAlignment) p.format.horizontalAlignment = c?.align ?? 'General';
              if (fmt.borders) {
                const b: Record<string, { style: string }> = {};
                for (const e of EDGES) b[EDGE_KEYS[e]] = { style: c?.borders?.[e] ?? 'None' };
                p.format.borders = b;
              }
            }
            return p;
          }),
        ),
      );
    });
    return result;
  }

  /** Count a returned value towards the sync's response. */
  private respondWith<T>(v: T): T {
    this.context.respond(jsonBytes(v));
    return v;
  }

  getMergedAreasOrNullObject(): RangeAreasApi {
    return new RangeAreasApi(this.context, () => {
      this.wb.need('1.13', 'getMergedAreasOrNullObject');
      const { sheet, rect } = this.resolveOrThrow();
      const hits = sheet.merges.filter((m) => intersect(m, rect));
      // HOST RULE (Excel.Range.getMergedAreasOrNullObject reference): "if the merged areas
      // count in this range is more than 512, then this method will fail to return the
      // result" (the page names no error code; the whole batch fails)
      if (hits.length > MAX_MERGED_AREAS)
        throw new FakeOfficeError(
          'GeneralException',
          `There was an internal error while processing the request (${hits.length} merged areas).`,
        );
      return hits.length ? { sheet, rects: hits } : null;
    });
  }

  getBoundingRect(other: RangeApi | string): RangeApi {
    return new RangeApi(this.context, () => {
      const { sheet, rect } = this.resolveOrThrow();
      const o = typeof other === 'string' ? parseAddress(other).rect : other.resolved().rect;
      return {
        sheet,
        rect: {
          top: Math.min(rect.top, o.top),
          left: Math.min(rect.left, o.left),
          bottom: Math.max(rect.bottom, o.bottom),
          right: Math.max(rect.right, o.right),
        },
      };
    });
  }

  getIntersection(address: string): RangeApi {
    return new RangeApi(this.context, () => {
      const { sheet, rect } = this.resolveOrThrow();
      const hit = intersect(rect, parseAddress(address).rect);
      if (!hit) throw new FakeOfficeError('ItemNotFound', 'No intersection.');
      return { sheet, rect: hit };
    });
  }

  /**
   * Range.getUsedRangeOrNullObject (ExcelApi 1.4): "the used range of the given range
   * object", null "if there are no used cells within the range" — the smallest rectangle
   * holding every used cell inside this range.
   */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi {
    return new RangeApi(this.context, () => {
      this.wb.need('1.4', 'Range.getUsedRangeOrNullObject');
      const { sheet, rect } = this.resolveOrThrow();
      const used = usedRect(sheet, !!valuesOnly, rect);
      return used ? { sheet, rect: used } : null;
    });
  }

  getIntersectionOrNullObject(address: string): RangeApi {
    return new RangeApi(this.context, () => {
      this.wb.need('1.4', 'getIntersectionOrNullObject');
      const { sheet, rect } = this.resolveOrThrow();
      const hit = intersect(rect, parseAddress(address).rect);
      return hit ? { sheet, rect: hit } : null;
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.resolveOrThrow();
      this.wb.selection = { sheet: sheet.name, address: rectA1(rect) };
      this.wb.activeSheet = sheet.name;
    });
  }

  merge(_across?: boolean): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.resolveOrThrow();
      guardWrite(this.wb, sheet);
      this.wb.need('1.2', 'merge');
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
      sheet.merges.push({ ...rect });
    });
  }

  unmerge(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.resolveOrThrow();
      guardWrite(this.wb, sheet);
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    });
  }

  clear(applyTo?: string): void {
    this.context.enqueue(() => {
      const { sheet } = this.resolveOrThrow();
      guardWrite(this.wb, sheet);
      this.eachCell((s, r, c) => {
        const k = key(r, c);
        if (!applyTo || applyTo === 'All') s.cells.delete(k);
        else if (applyTo === 'Contents') {
          const cell = s.cells.get(k);
          if (cell) {
            cell.value = '';
            delete cell.formula;
            delete cell.error;
          }
        }
      });
    });
  }

  readonly format = new RangeFormatApi(this.context, this);

  get conditionalFormats(): ConditionalFormatCollectionApi {
    return new ConditionalFormatCollectionApi(this.context, () => this.resolveOrThrow());
  }

  /** The address this range was made from, resolved now (for freezeAt / autoFilter.apply). */
  fakeAddress(): string {
    const { rect } = this.resolveOrThrow();
    return rectA1(rect);
  }
  readonly dataValidation = new DataValidationApi(this.context, this);

  /** For nested API objects: run fn on each cell (op time). */
  forCells(
    fn: (cell: FakeCell, s: FakeSheet, row: number, col: number) => void,
    write = true,
  ): void {
    const { sheet } = this.resolveOrThrow();
    if (write) guardWrite(this.wb, sheet);
    this.eachCell((s, r, c) => {
      const k = key(r, c);
      const cell = s.cells.get(k) ?? { value: '' };
      fn(cell, s, r, c);
      s.cells.set(k, cell);
    });
  }

  resolved(): Resolved {
    return this.resolveOrThrow();
  }
}

function valueType(c: FakeCell | undefined): string {
  if (!c || (c.value === '' && !c.formula)) return 'Empty';
  if (c.error) return 'Error';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  if (c.value === '') return 'Empty';
  return 'String';
}

class RangeAreasApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolveFn: () => { sheet: FakeSheet; rects: Rect[] } | null,
  ) {
    super(ctx);
  }
  load(spec?: string | string[]): this {
    const props = loadProps(spec);
    this.context.enqueue(() => {
      const r = this.resolveFn();
      this.nullState = !r;
      if (!r) return;
      if (props.includes('address'))
        this.loaded.set(
          'address',
          r.rects.map((x) => `${quoteSheet(r.sheet.name)}!${rectA1(x)}`).join(','),
        );
      if (props.includes('areaCount')) this.loaded.set('areaCount', r.rects.length);
    });
    return this;
  }
  get address(): string {
    return this.read('address');
  }
}

class RangeFormatApi extends ClientObject {
  readonly fill: RangeFillApi;
  readonly font: RangeFontApi;
  readonly borders: BordersApi;
  constructor(
    ctx: FakeRequestContext,
    readonly range: RangeApi,
  ) {
    super(ctx);
    this.fill = new RangeFillApi(ctx, range);
    this.font = new RangeFontApi(ctx, range);
    this.borders = new BordersApi(ctx, range);
  }
  set wrapText(v: boolean) {
    this.context.enqueue(() => this.range.forCells((c) => setFlag(c, 'wrap', v)));
  }
  set horizontalAlignment(v: string) {
    this.context.enqueue(() =>
      this.range.forCells((c) => {
        if (v === 'General') delete c.align;
        else c.align = v;
      }),
    );
  }
  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(v: number) {
    this.context.enqueue(() => {
      const { sheet, rect } = this.range.resolved();
      guardWrite(this.wb, sheet);
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this.read('rowHeight');
  }
  set rowHeight(v: number) {
    this.context.enqueue(() => {
      const { sheet, rect } = this.range.resolved();
      guardWrite(this.wb, sheet);
      sheet.rowHeights ??= new Map();
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, v);
    });
  }
  /** Rows fit their content again (the fake forgets any fixed height). */
  autofitRows(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.range.resolved();
      guardWrite(this.wb, sheet);
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights?.delete(r);
    });
  }
  load(spec?: string | string[]): this {
    const props = loadProps(spec);
    this.context.enqueue(() => {
      const { sheet, rect } = this.range.resolved();
      if (props.includes('columnWidth'))
        this.loaded.set('columnWidth', sheet.columnWidths.get(rect.left) ?? DEFAULT_COL_WIDTH);
      if (props.includes('rowHeight'))
        this.loaded.set('rowHeight', sheet.rowHeights?.get(rect.top) ?? DEFAULT_ROW_HEIGHT);
    });
    return this;
  }
}

const DEFAULT_ROW_HEIGHT = 15;

class RangeFillApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeApi,
  ) {
    super(ctx);
  }
  set color(v: string) {
    this.context.enqueue(() =>
      this.range.forCells((c) => {
        c.fill = v.startsWith('#') ? v.toUpperCase() : `#${v.toUpperCase()}`;
      }),
    );
  }
  clear(): void {
    this.context.enqueue(() => this.range.forCells((c) => delete c.fill));
  }
}

class RangeFontApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeApi,
  ) {
    super(ctx);
  }
  set bold(v: boolean) {
    this.context.enqueue(() => this.range.forCells((c) => setFlag(c, 'bold', v)));
  }
  set italic(v: boolean) {
    this.context.enqueue(() => this.range.forCells((c) => setFlag(c, 'italic', v)));
  }
  set name(v: string) {
    this.context.enqueue(() =>
      this.range.forCells((c) => {
        c.fontName = v;
      }),
    );
  }
  set size(v: number) {
    this.context.enqueue(() =>
      this.range.forCells((c) => {
        c.fontSize = v;
      }),
    );
  }
}

class BordersApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeApi,
  ) {
    super(ctx);
  }
  getItem(edge: string): { style: string } {
    const range = this.range;
    const ctx = this.context;
    return {
      set style(v: string) {
        ctx.enqueue(() =>
          range.forCells((c) => {
            const b = { ...(c.borders ?? {}) };
            if (v === 'None') delete b[edge];
            else b[edge] = v;
            if (Object.keys(b).length) c.borders = b;
            else delete c.borders;
          }),
        );
      },
      get style(): string {
        throw new FakeOfficeError(
          'PropertyNotLoaded',
          'fake: border style reads go through getCellProperties',
        );
      },
    };
  }
}

class DataValidationApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeApi,
  ) {
    super(ctx);
  }
  set rule(v: { list?: { inCellDropDown?: boolean; source: string } }) {
    this.context.enqueue(() => {
      this.wb.need('1.8', 'DataValidation');
      if (!v.list) throw new FakeOfficeError('InvalidArgument', 'fake: only list rules');
      const values = v.list.source.split(',');
      this.range.forCells((c) => (c.validation = values));
    });
  }
  get rule(): { list?: { source: string } } {
    return this.read('rule');
  }
  load(_spec?: string | string[]): this {
    this.context.enqueue(() => {
      this.wb.need('1.8', 'DataValidation');
      const { sheet, rect } = this.range.resolved();
      const c = sheet.cells.get(key(rect.top, rect.left));
      this.loaded.set(
        'rule',
        c?.validation ? { list: { inCellDropDown: true, source: c.validation.join(',') } } : {},
      );
    });
    return this;
  }
  clear(): void {
    this.context.enqueue(() => {
      this.wb.need('1.8', 'DataValidation');
      this.range.forCells((c) => delete c.validation);
    });
  }
}

// ---- notes (ExcelApi 1.18)

class NoteCollectionApi extends ClientObject {
  private loadedItems: NoteApi[] | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly scope: (() => FakeSheet) | undefined,
  ) {
    super(ctx);
  }

  private sheets(): FakeSheet[] {
    return this.scope ? [this.scope()] : this.wb.sheets;
  }

  private target(cellAddress: string): { sheet: FakeSheet; k: string } {
    const { sheet, rect } = parseAddress(cellAddress);
    const s = sheet !== undefined ? this.wb.mustSheet(sheet) : this.scope?.();
    if (!s)
      throw new FakeOfficeError(
        'InvalidArgument',
        'A workbook-level note needs a sheet-qualified address.',
      );
    return { sheet: s, k: key(rect.top, rect.left) };
  }

  load(spec?: string | string[]): this {
    const props = loadProps(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      this.wb.need('1.18', 'notes');
      const items: NoteApi[] = [];
      for (const s of this.sheets())
        for (const k of s.notes.keys()) {
          const n = new NoteApi(this.context, () => (s.notes.has(k) ? { sheet: s, k } : null));
          n.fill(props);
          items.push(n);
        }
      this.loadedItems = items;
    });
    return this;
  }

  get items(): NoteApi[] {
    if (!this.loadedItems)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.loadedItems;
  }

  add(cellAddress: string, content: string): NoteApi {
    let where: { sheet: FakeSheet; k: string } | null = null;
    this.context.enqueue(() => {
      this.wb.need('1.18', 'notes.add');
      const t = this.target(cellAddress);
      guardWrite(this.wb, t.sheet);
      if (t.sheet.notes.has(t.k))
        throw new FakeOfficeError('InvalidArgument', 'The cell already has a note.');
      t.sheet.notes.set(t.k, content);
      where = t;
    }, jsonBytes(content));
    return new NoteApi(this.context, () => where);
  }

  getItemOrNullObject(cellAddress: string): NoteApi {
    return new NoteApi(this.context, () => {
      this.wb.need('1.18', 'notes.getItemOrNullObject');
      const t = this.target(cellAddress);
      return t.sheet.notes.has(t.k) ? t : null;
    });
  }
}

class NoteApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolveFn: () => { sheet: FakeSheet; k: string } | null,
  ) {
    super(ctx);
  }
  private must(): { sheet: FakeSheet; k: string } {
    const r = this.resolveFn();
    if (!r) throw new FakeOfficeError('ItemNotFound', 'The note does not exist.');
    return r;
  }
  fill(props: string[]): void {
    const r = this.resolveFn();
    this.nullState = !r;
    if (!r) return;
    if (props.includes('content')) this.loaded.set('content', r.sheet.notes.get(r.k));
  }
  load(spec?: string | string[]): this {
    const props = loadProps(spec);
    this.context.enqueue(() => this.fill(props.length ? props : ['content']));
    return this;
  }
  get content(): string {
    return this.read('content');
  }
  set content(v: string) {
    this.context.enqueue(() => {
      const r = this.must();
      guardWrite(this.wb, r.sheet);
      r.sheet.notes.set(r.k, v);
    }, jsonBytes(v));
  }
  delete(): void {
    this.context.enqueue(() => {
      const r = this.must();
      guardWrite(this.wb, r.sheet);
      r.sheet.notes.delete(r.k);
    });
  }
  getLocation(): RangeApi {
    return new RangeApi(this.context, () => {
      const r = this.must();
      const [row, col] = r.k.split(',').map(Number);
      return { sheet: r.sheet, rect: { top: row, left: col, bottom: row, right: col } };
    });
  }
}

// ---- comments (ExcelApi 1.10)

class CommentCollectionApi extends ClientObject {
  private loadedItems: CommentApi[] | undefined;

  load(spec?: string | string[]): this {
    const props = loadProps(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      this.wb.need('1.10', 'comments');
      this.loadedItems = this.wb.comments.map((c) => {
        const api = new CommentApi(this.context, () => (this.wb.comments.includes(c) ? c : null));
        api.fill(props);
        return api;
      });
    });
    return this;
  }

  get items(): CommentApi[] {
    if (!this.loadedItems)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.loadedItems;
  }

  add(cellAddress: string, content: string): CommentApi {
    let made: FakeComment | null = null;
    this.context.enqueue(() => {
      this.wb.need('1.10', 'comments.add');
      const { sheet, rect } = parseAddress(cellAddress);
      if (sheet === undefined)
        throw new FakeOfficeError('InvalidArgument', 'Sheet-qualified address needed.');
      const s = this.wb.mustSheet(sheet);
      guardWrite(this.wb, s);
      const k = key(rect.top, rect.left);
      if (this.wb.comments.some((c) => c.sheet === s.name && c.key === k))
        throw new FakeOfficeError('InvalidArgument', 'The cell already has a comment.');
      made = { id: this.wb.newId(), sheet: s.name, key: k, content, replies: [] };
      this.wb.comments.push(made);
    }, jsonBytes(content));
    return new CommentApi(this.context, () => made);
  }
}

class CommentApi extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolveFn: () => FakeComment | null,
  ) {
    super(ctx);
  }
  private must(): FakeComment {
    const c = this.resolveFn();
    if (!c) throw new FakeOfficeError('ItemNotFound', 'The comment does not exist.');
    return c;
  }
  fill(props: string[]): void {
    const c = this.resolveFn();
    this.nullState = !c;
    if (!c) return;
    if (props.includes('content')) this.loaded.set('content', c.content);
    if (props.includes('id')) this.loaded.set('id', c.id);
  }
  load(spec?: string | string[]): this {
    const props = loadProps(spec);
    this.context.enqueue(() => this.fill(props.length ? props : ['content', 'id']));
    return this;
  }
  get content(): string {
    return this.read('content');
  }
  set content(v: string) {
    this.context.enqueue(() => {
      const c = this.must();
      guardWrite(this.wb, this.wb.mustSheet(c.sheet));
      c.content = v;
    }, jsonBytes(v));
  }
  get id(): string {
    return this.read('id');
  }
  delete(): void {
    this.context.enqueue(() => {
      const c = this.must();
      guardWrite(this.wb, this.wb.mustSheet(c.sheet));
      this.wb.comments = this.wb.comments.filter((x) => x !== c);
    });
  }
  getLocation(): RangeApi {
    return new RangeApi(this.context, () => {
      const c = this.must();
      const [row, col] = c.key.split(',').map(Number);
      return {
        sheet: this.wb.mustSheet(c.sheet),
        rect: { top: row, left: col, bottom: row, right: col },
      };
    });
  }
}
