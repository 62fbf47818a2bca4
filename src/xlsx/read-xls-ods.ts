/**
 * Excel 97-2003 (.xls) and OpenDocument (.ods) workbooks → core snapshot, read-only, with
 * SheetJS (the `@e965/xlsx` build of the `xlsx` package, which reads both in Node and in the
 * browser). ExcelJS reads and writes .xlsx only; these files are never written back: `fill`
 * and `appraise` write a new .xlsx next to them.
 *
 * The snapshot is the one the .xlsx reader gives for the same sheet: values (formula cells
 * with their cached result), formulas where the file has them, number formats, dates as ISO,
 * errors by code, hyperlinks, notes, merges, protection; fonts are not given by this reader
 * (legacy TCVN3/VNI text is then recognised from the text itself).
 * No file system: bytes in.
 */
import * as XLSX from '@e965/xlsx';
import type { Cell, MergedArea, SheetGrid, WorkbookSnapshot } from '../core/model/grid';

export type OtherSpreadsheetFormat = 'xls' | 'ods';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The bytes of a zip's first entry ("mimetype" in an OpenDocument file) as Latin-1 text. */
function head(bytes: Uint8Array, n = 120): string {
  let s = '';
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** Whether `text` (ASCII) occurs anywhere in `bytes`. */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** Which of .xls (an OLE2 compound file) / .ods these bytes are, by content, or null. */
export function otherSpreadsheetFormat(bytes: Uint8Array): OtherSpreadsheetFormat | null {
  if (startsWith(bytes, OLE2_MAGIC)) return 'xls';
  // the mimetype entry should come first, stored; some writers (SheetJS) put it later
  if (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) &&
    (head(bytes).includes(ODS_MIMETYPE) || containsAscii(bytes, ODS_MIMETYPE))
  )
    return 'ods';
  return null;
}

/** Thrown when SheetJS cannot read the bytes: the caller turns it into its one-line error. */
export class OtherFormatReadError extends Error {
  constructor(readonly format: OtherSpreadsheetFormat) {
    super(`không đọc được như một bảng tính (.${format})`);
    this.name = 'OtherFormatReadError';
  }
}

/** Excel serial date → ISO, as the .xlsx reader gives dates ("2023-12-05" at midnight). */
function serialToIso(serial: number, date1904: boolean): string {
  const epoch = date1904 ? 24107 : 25569;
  const d = new Date(Math.round((serial - epoch) * 86400000));
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function isoOfDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

const ERROR_CODES: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function cellOf(c: XLSX.CellObject, row: number, col: number, date1904: boolean): Cell | undefined {
  const out: Cell = { row, col, kind: 'empty', value: null };
  const fmt = typeof c.z === 'string' ? c.z : undefined;
  switch (c.t) {
    case 'n':
      if (typeof c.v === 'number' && Number.isFinite(c.v)) {
        if (fmt && XLSX.SSF.is_date(fmt)) {
          out.kind = 'date';
          out.value = serialToIso(c.v, date1904);
        } else {
          out.kind = 'number';
          out.value = c.v;
        }
      }
      break;
    case 's':
      if (typeof c.v === 'string' && c.v !== '') {
        out.kind = 'string';
        out.value = c.v;
      }
      break;
    case 'b':
      out.kind = 'boolean';
      out.value = !!c.v;
      break;
    case 'e':
      out.kind = 'error';
      out.value =
        typeof c.w === 'string' && c.w.startsWith('#')
          ? c.w
          : (ERROR_CODES[Number(c.v)] ?? '#VALUE!');
      break;
    case 'd':
      if (c.v instanceof Date) {
        out.kind = 'date';
        out.value = isoOfDate(c.v);
      }
      break;
    default:
      break;
  }
  if (typeof c.f === 'string' && c.f !== '') out.formula = c.f.replace(/^=/, '');
  if (fmt && fmt !== 'General') out.numberFormat = fmt;
  const target = c.l?.Target;
  if (typeof target === 'string' && target !== '') {
    out.hyperlink = target;
    if (out.kind === 'empty') {
      out.kind = 'string';
      out.value = target;
    }
  }
  if (Array.isArray(c.c) && c.c.length > 0) {
    const note = c.c.map((n) => n.t ?? '').join('\n');
    if (note !== '') out.note = note;
  }
  if (out.kind === 'empty' && !out.formula && out.note === undefined) return undefined;
  return out;
}

function sheetOf(ws: XLSX.WorkSheet, name: string, index: number, date1904: boolean): SheetGrid {
  const cells: Cell[] = [];
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    const cell = cellOf(ws[key] as XLSX.CellObject, r, c, date1904);
    if (cell) cells.push(cell);
  }
  const merges: MergedArea[] = (ws['!merges'] ?? []).map((m) => ({
    top: m.s.r,
    left: m.s.c,
    bottom: m.e.r,
    right: m.e.c,
  }));
  const grid: SheetGrid = { name, cells, merges, index };
  if (ws['!protect']) grid.protected = true;
  return grid;
}

/**
 * Read .xls / .ods bytes into a snapshot. Throws OtherFormatReadError when SheetJS cannot
 * read them (damaged, truncated, not a spreadsheet) or finds no sheet.
 */
export function snapshotFromOtherFormat(
  bytes: Uint8Array,
  format: OtherSpreadsheetFormat,
  name?: string,
): WorkbookSnapshot {
  let wb: XLSX.WorkBook;
  // SheetJS reports approximations of OpenDocument number formats on console.error: they do
  // not change the values read, so they are not shown to the user.
  const error = console.error;
  try {
    console.error = () => undefined;
    wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellDates: false });
  } catch {
    throw new OtherFormatReadError(format);
  } finally {
    console.error = error;
  }
  if (!wb || !Array.isArray(wb.SheetNames) || wb.SheetNames.length === 0)
    throw new OtherFormatReadError(format);
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const info = wb.Workbook?.Sheets ?? [];
  const sheets: SheetGrid[] = [];
  wb.SheetNames.forEach((sheetName, i) => {
    // a "very hidden" sheet is bookkeeping, not a document (as in the .xlsx reader)
    if (info[i]?.Hidden === 2) return;
    const ws = wb.Sheets[sheetName];
    if (ws) sheets.push(sheetOf(ws, sheetName, i, date1904));
  });
  if (sheets.length === 0) throw new OtherFormatReadError(format);
  const snap: WorkbookSnapshot = { sheets };
  if (name !== undefined) snap.name = name;
  return snap;
}
