/**
 * ExcelJS → core snapshot. Reads the bytes of an .xlsx workbook (refusing, with a Vietnamese
 * one-line message, anything that is not one) and turns every worksheet into a sparse
 * SheetGrid. Only cells that exist in the file are visited, so a stray cell at row 1,000,000
 * costs one cell. No file system and no Node-only API: the same code runs in the browser.
 */
import * as ExcelJS from 'exceljs';
import type { Cell, CellKind, MergedArea, SheetGrid, WorkbookSnapshot } from '../core/model/grid';
import { WorkbookError } from './errors';
import { keepFontsOfLegacySheet } from '../core/model/legacy-sheet';
import { otherSpreadsheetFormat, snapshotFromOtherFormat } from './read-xls-ods';
import { workbookFromSnapshot } from './workbook-from-snapshot';
import { unprefixSpreadsheetMl } from './normalize-ooxml';
import { hasOwnPageSetup, isSheetProtected, worksheetMerges } from './apply-plan';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16le = (s: string): Uint8Array =>
  Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));

const OLE2_MAGIC = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = ascii('PK\x03\x04');
const ZIP_EMPTY = ascii('PK\x05\x06');
const ZIP_EOCD = ascii('PK\x05\x06');
const ENCRYPTED_STREAM = utf16le('EncryptedPackage');
const ODS_MIMETYPE = ascii('application/vnd.oasis.opendocument.spreadsheet');
const XLSB_WORKBOOK = ascii('xl/workbook.bin');
const XLSX_WORKBOOK = ascii('xl/workbook.xml');

/** Does `bytes` start with `prefix`? */
function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Does `bytes` contain `needle` anywhere? */
function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let at = bytes.indexOf(first); at >= 0 && at <= last; at = bytes.indexOf(first, at + 1)) {
    let i = 1;
    while (i < needle.length && bytes[at + i] === needle[i]) i++;
    if (i === needle.length) return true;
  }
  return false;
}

/** ".xls" of "Báo cáo.xls" (as Node's path.extname). */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/**
 * Why these bytes are not an .xlsx workbook ExcelJS can read, or null when they look like one.
 * `name` is the file name shown in the message (and its extension tells .xls/.ods/.xlsb apart).
 */
export function classifyWorkbookBytes(bytes: Uint8Array, name: string): WorkbookError | null {
  const ext = extensionOf(name).toLowerCase();
  if (bytes.length === 0)
    return new WorkbookError('not-a-workbook', `Tệp "${name}" rỗng, không phải bảng tính Excel.`);
  if (startsWith(bytes, OLE2_MAGIC)) {
    if (contains(bytes, ENCRYPTED_STREAM))
      return new WorkbookError(
        'encrypted',
        `Tệp "${name}" được đặt mật khẩu; hãy mở bằng Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.`,
      );
    return new WorkbookError(
      'unsupported-format',
      `Tệp "${name}" là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
    );
  }
  const isZip = startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY);
  if (!isZip) {
    if (ext === '.xls' || ext === '.ods' || ext === '.xlsb')
      return new WorkbookError(
        'unsupported-format',
        `Tệp "${name}" không phải định dạng .xlsx; hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
      );
    return new WorkbookError(
      'not-a-workbook',
      `Tệp "${name}" không phải là bảng tính Excel (.xlsx).`,
    );
  }
  // The end-of-central-directory record sits in the last 22 + 65535 bytes of a whole zip.
  const tail = bytes.subarray(Math.max(0, bytes.length - 65557));
  if (!contains(tail, ZIP_EOCD))
    return new WorkbookError(
      'truncated',
      `Tệp "${name}" bị cắt cụt (tải về hoặc sao chép chưa hết); hãy lấy lại bản đầy đủ.`,
    );
  if (contains(bytes, ODS_MIMETYPE))
    return new WorkbookError(
      'unsupported-format',
      `Tệp "${name}" là bảng tính OpenDocument (.ods); hãy lưu lại dưới dạng .xlsx.`,
    );
  if (contains(bytes, XLSB_WORKBOOK))
    return new WorkbookError(
      'unsupported-format',
      `Tệp "${name}" là định dạng Excel nhị phân (.xlsb); hãy lưu lại dưới dạng .xlsx.`,
    );
  if (!contains(bytes, XLSX_WORKBOOK))
    return new WorkbookError(
      'not-a-workbook',
      `Tệp "${name}" không phải là bảng tính Excel (.xlsx).`,
    );
  return null;
}

/**
 * Load the bytes of an .xlsx workbook (`name`: the file name for messages and the snapshot);
 * WorkbookError for every way the bytes can fail to be one.
 */
export async function readWorkbookBytes(
  bytes: Uint8Array | ArrayBuffer,
  name: string,
): Promise<{ snapshot: WorkbookSnapshot; workbook: ExcelJS.Workbook; readAs?: 'xls' | 'ods' }> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const refused = classifyWorkbookBytes(data, name);
  const other = refused?.code === 'unsupported-format' ? otherSpreadsheetFormat(data) : null;
  if (other) {
    // .xls / .ods: read through SheetJS, read-only; what is written goes to a new .xlsx
    let snapshot: WorkbookSnapshot;
    try {
      snapshot = snapshotFromOtherFormat(data, other, name);
    } catch {
      throw new WorkbookError(
        'not-a-workbook',
        `Tệp "${name}" bị hỏng, không đọc được như một bảng tính (.${other}).`,
      );
    }
    return { snapshot, workbook: workbookFromSnapshot(snapshot), readAs: other };
  }
  if (refused) throw refused;
  const damaged = (why: string) =>
    new WorkbookError('not-a-workbook', `Tệp "${name}" bị hỏng, ${why} (.xlsx).`);
  let workbook = await loadWorkbook(data);
  if (!workbook) {
    // A valid package written with a prefixed main namespace (<x:workbook>): read it unprefixed.
    const unprefixed = await unprefixSpreadsheetMl(data);
    if (unprefixed) workbook = await loadWorkbook(unprefixed);
  }
  if (!workbook) throw damaged('không đọc được như một bảng tính Excel');
  // Excel never saves a workbook without a sheet: none means a damaged package.
  if (workbook.worksheets.length === 0) throw damaged('không có trang tính nào đọc được');
  return { snapshot: snapshotFromExcelJS(workbook, name), workbook };
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------
// ExcelJS cell → core Cell

type Scalar = { kind: CellKind; value: string | number | boolean | null };

function richTextOf(v: unknown): string | undefined {
  if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text ?? '').join('');
  }
  return undefined;
}

/** Date → "2023-12-05" at midnight UTC (how ExcelJS reads date-only cells), else full ISO. */
export function isoOfDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A plain (non-formula, non-hyperlink) value or a formula result. */
function scalarOf(v: unknown): Scalar {
  if (v === null || v === undefined) return { kind: 'empty', value: null };
  if (typeof v === 'number')
    return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', value: '#NUM!' };
  if (typeof v === 'string')
    return v === '' ? { kind: 'empty', value: null } : { kind: 'string', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) return { kind: 'date', value: isoOfDate(v) };
  if (typeof v === 'object') {
    const rich = richTextOf(v);
    if (rich !== undefined)
      return rich === '' ? { kind: 'empty', value: null } : { kind: 'string', value: rich };
    const err = (v as { error?: unknown }).error;
    if (typeof err === 'string') return { kind: 'error', value: err };
  }
  return { kind: 'empty', value: null };
}

function noteText(note: unknown): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  if (Array.isArray(texts)) return texts.map((t) => t.text ?? '').join('');
  return undefined;
}

/** Font of a text cell: its first rich-text run that names one, else the cell's own font. */
function fontName(cell: ExcelJS.Cell): string | undefined {
  const runs = (cell.value as { richText?: ExcelJS.RichText[] } | null)?.richText;
  const run = Array.isArray(runs)
    ? runs.find((r) => (r.text ?? '').trim() !== '' && r.font?.name)
    : undefined;
  const name = run?.font?.name ?? cell.font?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function fillColor(cell: ExcelJS.Cell): string | undefined {
  const f = cell.style?.fill;
  if (!f || f.type !== 'pattern' || f.pattern === 'none') return undefined;
  const argb = f.fgColor?.argb ?? f.bgColor?.argb;
  return typeof argb === 'string' && argb.length >= 6 ? argb.slice(-6).toUpperCase() : undefined;
}

/** One ExcelJS cell → core Cell; undefined for merge slaves and truly empty cells. */
export function cellFromExcelJS(cell: ExcelJS.Cell, row0: number, col0: number): Cell | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const v = cell.value as unknown;
  let scalar: Scalar;
  let formula: string | undefined;
  let hyperlink: string | undefined;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    formula =
      (cell.formula || (v as { formula?: string }).formula || '').replace(/^=/, '') || undefined;
    // `cell.value` drops a falsy cached result (0, "", FALSE); the cell's model keeps it.
    const model = (cell as unknown as { model?: { result?: unknown } }).model;
    const cached = model && 'result' in model ? model.result : (v as { result?: unknown }).result;
    scalar = scalarOf(cached);
  } else if (v && typeof v === 'object' && 'hyperlink' in v) {
    const h = v as { text?: unknown; hyperlink?: unknown };
    hyperlink = typeof h.hyperlink === 'string' && h.hyperlink !== '' ? h.hyperlink : undefined;
    scalar = scalarOf(h.text);
    if (scalar.kind === 'empty' && hyperlink) scalar = { kind: 'string', value: hyperlink };
    else if (scalar.kind !== 'string' && scalar.kind !== 'empty')
      scalar = { kind: 'string', value: String(scalar.value) };
  } else {
    scalar = scalarOf(v);
  }
  const note = noteText(cell.note);
  const fill = fillColor(cell);
  if (scalar.kind === 'empty' && !formula && note === undefined && fill === undefined)
    return undefined;
  const out: Cell = { row: row0, col: col0, kind: scalar.kind, value: scalar.value };
  if (formula) out.formula = formula;
  const numFmt = cell.numFmt;
  if (numFmt && numFmt !== 'General') out.numberFormat = numFmt;
  if (hyperlink) out.hyperlink = hyperlink;
  if (note !== undefined) out.note = note;
  if (fill !== undefined) out.fill = fill;
  if (scalar.kind === 'string') {
    const font = fontName(cell);
    if (font !== undefined) out.font = font;
  }
  return out;
}

type RowLike = { _cells?: (ExcelJS.Cell | undefined)[] };
type SheetLike = { _rows?: (ExcelJS.Row | undefined)[] };

/** Visit every cell that exists in the sheet (including empty ones carrying a note or fill). */
function eachStoredCell(
  ws: ExcelJS.Worksheet,
  visit: (cell: ExcelJS.Cell, row: number, col: number) => void,
): void {
  const rows = (ws as unknown as SheetLike)._rows;
  if (Array.isArray(rows)) {
    // ExcelJS's own sparse storage; forEach skips the holes.
    rows.forEach((row, r) => {
      if (!row) return;
      const cells = (row as unknown as RowLike)._cells;
      if (Array.isArray(cells)) {
        cells.forEach((cell, c) => {
          if (cell) visit(cell, r, c);
        });
      } else {
        row.eachCell({ includeEmpty: false }, (cell, c) => visit(cell, r, c - 1));
      }
    });
    return;
  }
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => visit(cell, r - 1, c - 1));
  });
}

export function sheetFromExcelJS(ws: ExcelJS.Worksheet, index: number): SheetGrid {
  const cells: Cell[] = [];
  eachStoredCell(ws, (cell, r, c) => {
    const out = cellFromExcelJS(cell, r, c);
    if (out) cells.push(out);
  });
  keepFontsOfLegacySheet(cells);
  const merges: MergedArea[] = worksheetMerges(ws);
  const grid: SheetGrid = { name: ws.name, cells, merges, index };
  if (isSheetProtected(ws)) grid.protected = true;
  readPrintLayout(ws, grid);
  return grid;
}

/** Column widths, fixed row heights and the sheet's own print setup (when it has one). */
function readPrintLayout(ws: ExcelJS.Worksheet, grid: SheetGrid): void {
  const columns = (ws as unknown as { _columns?: (ExcelJS.Column | undefined)[] })._columns;
  const widths: Record<number, number> = {};
  (columns ?? []).forEach((col, i) => {
    if (col && typeof col.width === 'number' && col.width > 0) widths[i] = col.width;
  });
  if (Object.keys(widths).length) grid.columnWidths = widths;
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (typeof row.height === 'number' && row.height > 0) heights[r] = row.height;
  });
  if (Object.keys(heights).length) grid.rowHeights = heights;
  if (!hasOwnPageSetup(ws)) return;
  const p = ws.pageSetup;
  const titles = /^\$?(\d+):\$?(\d+)$/.exec(p.printTitlesRow ?? '');
  const footer = /&C([^&]*(?:&[PN][^&]*)*)/.exec(ws.headerFooter?.oddFooter ?? '');
  grid.pageSetup = {
    paperSize: typeof p.paperSize === 'number' ? p.paperSize : 9,
    orientation: p.orientation === 'landscape' ? 'landscape' : 'portrait',
    ...(p.fitToPage ? { fitToWidth: p.fitToWidth ?? 1, fitToHeight: p.fitToHeight ?? 1 } : {}),
    ...(p.scale && p.scale !== 100 ? { scale: p.scale } : {}),
    margins: {
      left: 0.7,
      right: 0.7,
      top: 0.75,
      bottom: 0.75,
      header: 0.3,
      footer: 0.3,
      ...p.margins,
    },
    ...(titles
      ? { printTitleRows: [Number(titles[1]), Number(titles[2])] as [number, number] }
      : {}),
    ...(footer ? { footer: footer[1] } : {}),
    ...(p.horizontalCentered ? { horizontalCentered: true } : {}),
  };
}

/** Every worksheet of an ExcelJS workbook, in tab order, as a core snapshot. */
export function snapshotFromExcelJS(wb: ExcelJS.Workbook, name?: string): WorkbookSnapshot {
  // A "very hidden" sheet cannot be shown by the user (the add-in keeps its mark store,
  // `_cds_marks`, in one): it is bookkeeping, not a document, and is not reported.
  const sheets = wb.worksheets
    .map((ws, i) => ({ ws, i }))
    .filter(({ ws }) => ws.state !== 'veryHidden')
    .map(({ ws, i }) => sheetFromExcelJS(ws, i));
  const snap: WorkbookSnapshot = { sheets };
  if (name !== undefined) snap.name = name;
  return snap;
}
