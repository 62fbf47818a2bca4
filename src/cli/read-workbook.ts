/**
 * ExcelJS → core snapshot. Reads an .xlsx file (refusing, with a Vietnamese one-line
 * message, anything that is not one) and turns every worksheet into a sparse SheetGrid.
 * Only cells that exist in the file are visited, so a stray cell at row 1,000,000 costs
 * one cell.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import type { Cell, CellKind, MergedArea, SheetGrid, WorkbookSnapshot } from '../core/grid';
import { CliError } from './errors';
import { unprefixSpreadsheetMl } from './normalize-ooxml';
import { hasOwnPageSetup, isSheetProtected, worksheetMerges } from './apply-plan';

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_EMPTY = Buffer.from('PK\x05\x06', 'latin1');
const ZIP_EOCD = Buffer.from('PK\x05\x06', 'latin1');
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

/** Why a buffer is not a readable .xlsx, or null when it looks like one. */
export function classifyWorkbookBytes(buf: Buffer, fileName: string): CliError | null {
  const name = path.basename(fileName);
  const ext = path.extname(fileName).toLowerCase();
  if (buf.length === 0)
    return new CliError('not-a-workbook', `Tệp "${name}" rỗng, không phải bảng tính Excel.`);
  if (buf.subarray(0, 8).equals(OLE2_MAGIC)) {
    if (buf.includes(ENCRYPTED_STREAM))
      return new CliError(
        'encrypted',
        `Tệp "${name}" được đặt mật khẩu; hãy mở bằng Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.`,
      );
    return new CliError(
      'unsupported-format',
      `Tệp "${name}" là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
    );
  }
  const isZip = buf.subarray(0, 4).equals(ZIP_LOCAL) || buf.subarray(0, 4).equals(ZIP_EMPTY);
  if (!isZip) {
    if (ext === '.xls' || ext === '.ods' || ext === '.xlsb')
      return new CliError(
        'unsupported-format',
        `Tệp "${name}" không phải định dạng .xlsx; hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
      );
    return new CliError('not-a-workbook', `Tệp "${name}" không phải là bảng tính Excel (.xlsx).`);
  }
  // The end-of-central-directory record sits in the last 22 + 65535 bytes of a whole zip.
  const tail = buf.subarray(Math.max(0, buf.length - 65557));
  if (!tail.includes(ZIP_EOCD))
    return new CliError(
      'truncated',
      `Tệp "${name}" bị cắt cụt (tải về hoặc sao chép chưa hết); hãy lấy lại bản đầy đủ.`,
    );
  if (buf.includes('application/vnd.oasis.opendocument.spreadsheet'))
    return new CliError(
      'unsupported-format',
      `Tệp "${name}" là bảng tính OpenDocument (.ods); hãy lưu lại dưới dạng .xlsx.`,
    );
  if (buf.includes('xl/workbook.bin'))
    return new CliError(
      'unsupported-format',
      `Tệp "${name}" là định dạng Excel nhị phân (.xlsb); hãy lưu lại dưới dạng .xlsx.`,
    );
  if (!buf.includes('xl/workbook.xml'))
    return new CliError('not-a-workbook', `Tệp "${name}" không phải là bảng tính Excel (.xlsx).`);
  return null;
}

async function readBytes(filePath: string): Promise<Buffer> {
  const name = path.basename(filePath);
  try {
    return await fs.promises.readFile(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new CliError('not-found', `Không tìm thấy tệp "${filePath}".`);
    if (code === 'EISDIR')
      throw new CliError('unreadable', `"${name}" là một thư mục, không phải tệp.`);
    throw new CliError('unreadable', `Không đọc được tệp "${name}" (${code ?? 'lỗi hệ thống'}).`);
  }
}

/** Load an .xlsx file; CliError for every way a file can fail to be one. */
export async function readWorkbookFile(
  filePath: string,
): Promise<{ snapshot: WorkbookSnapshot; workbook: ExcelJS.Workbook }> {
  const buf = await readBytes(filePath);
  const refused = classifyWorkbookBytes(buf, filePath);
  if (refused) throw refused;
  const damaged = (why: string) =>
    new CliError('not-a-workbook', `Tệp "${path.basename(filePath)}" bị hỏng, ${why} (.xlsx).`);
  let workbook = await loadWorkbook(buf);
  if (!workbook) {
    // A valid package written with a prefixed main namespace (<x:workbook>): read it unprefixed.
    const unprefixed = await unprefixSpreadsheetMl(buf);
    if (unprefixed) workbook = await loadWorkbook(unprefixed);
  }
  if (!workbook) throw damaged('không đọc được như một bảng tính Excel');
  // Excel never saves a workbook without a sheet: none means a damaged package.
  if (workbook.worksheets.length === 0) throw damaged('không có trang tính nào đọc được');
  return { snapshot: snapshotFromExcelJS(workbook, path.basename(filePath)), workbook };
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
