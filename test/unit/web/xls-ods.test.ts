/**
 * The page opens .xls and .ods files as `cds-check` does (read-only, through the SheetJS reader
 * in src/xlsx): the same report as the .xlsx they were saved from, and every download a new
 * .xlsx named after the original that the core reads back with the same met count.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { analyzeWorkbook, defaultCatalog, type WorkbookReport } from '../../../src/core';
import { fillDownload, marksDownload, reportDownload } from '../../../src/web/downloads';
import { readSnapshot } from '../../../src/web/workbook-io';
import { ACCEPT, openWorkbookFile, type OpenedFile } from '../../../src/web/workspace';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'samples', 'hoang-kim-phu-luc-01.xlsx');
const catalog = defaultCatalog();
const xlsxBytes = new Uint8Array(fs.readFileSync(SAMPLE));

/** The sample saved as .xls (BIFF8) or .ods by SheetJS, a producer other than ExcelJS. */
function savedAs(format: 'xls' | 'ods'): Uint8Array {
  const wb = XLSX.read(xlsxBytes, { type: 'array', cellFormula: true });
  const out = XLSX.write(wb, { type: 'array', bookType: format === 'xls' ? 'biff8' : 'ods' });
  return new Uint8Array(out as ArrayBuffer);
}

async function opened(name: string, bytes: Uint8Array): Promise<OpenedFile> {
  const f = await openWorkbookFile(name, bytes, catalog);
  if (f.status !== 'ok') throw new Error(f.error);
  return f;
}

const essence = (r: WorkbookReport) =>
  r.sheets.map((s) => ({ name: s.name, kind: s.kind, summary: s.summary }));

describe.each(['xls', 'ods'] as const)('a .%s file on the page', (format) => {
  const name = `xa-a.${format}`;
  let original: OpenedFile;
  let file: OpenedFile;
  beforeAll(async () => {
    original = await opened('xa-a.xlsx', xlsxBytes);
    file = await opened(name, savedAs(format));
  });

  it('gives the summary of the .xlsx it was saved from', () => {
    expect(file.readAs).toBe(format);
    expect(original.readAs).toBeUndefined();
    expect(file.report.sheets.some((s) => s.kind === 'phu-luc-01')).toBe(true);
    expect(essence(file.report)).toEqual(essence(original.report));
  });

  it('fill downloads a new .xlsx with the same met count; the original is said unchanged', async () => {
    const before = Buffer.from(file.bytes);
    const d = await fillDownload(file, catalog);
    expect(d.fileName).toBe('xa-a-cong-thuc.xlsx');
    expect(Buffer.from(d.bytes!.subarray(0, 2)).toString()).toBe('PK');
    const again = await openWorkbookFile(d.fileName!, d.bytes!, catalog);
    if (again.status !== 'ok') throw new Error(again.error);
    expect(again.readAs).toBeUndefined();
    const was = file.report.sheets.find((s) => s.kind === 'phu-luc-01')!;
    const now = again.report.sheets.find((s) => s.kind === 'phu-luc-01')!;
    expect(was.summary.met).toBeGreaterThan(0);
    expect(now.summary.met).toBe(was.summary.met);
    expect(now.summary).toEqual(was.summary);
    expect(d.messages.join('\n')).toContain(`"${name}" (.${format}) chỉ được đọc, không bị sửa`);
    expect(d.messages.join('\n')).toContain('Tệp gốc không bị thay đổi');
    expect(Buffer.from(file.bytes).equals(before)).toBe(true);
  });

  it('marks and report downloads are new files named after it, also saying so', async () => {
    const m = await marksDownload(file);
    const mx = await marksDownload(original);
    expect(m.fileName).toBe(mx.fileName);
    if (mx.fileName) {
      expect(m.fileName).toBe('xa-a-danh-dau.xlsx');
      const back = analyzeWorkbook(await readSnapshot(m.bytes!, m.fileName!), catalog);
      expect(back.sheets.map((s) => s.name)).toEqual(file.report.sheets.map((s) => s.name));
      expect(m.messages.join('\n')).toContain('chỉ được đọc');
    }
    const r = await reportDownload(file, catalog);
    expect(r.fileName).toBe('xa-a-bao-cao.docx');
    expect(r.messages.join('\n')).toContain('chỉ được đọc');
  });
});

describe('the file picker and damaged files', () => {
  it('accepts .xls and .ods', () => {
    expect(ACCEPT.split(',')).toEqual(expect.arrayContaining(['.xlsx', '.xls', '.ods']));
  });

  it('a damaged .xls gets the CLI one-line Vietnamese error', async () => {
    const cut = savedAs('xls').subarray(0, 3000);
    const f = await openWorkbookFile('xa-hong.xls', new Uint8Array(cut), catalog);
    expect(f.status).toBe('error');
    if (f.status !== 'error') return;
    expect(f.error).toBe('Tệp "xa-hong.xls" bị hỏng, không đọc được như một bảng tính (.xls).');
  });

  it('an .xlsx file gets no read-only sentence', async () => {
    const d = await fillDownload(await opened('xa-a.xlsx', xlsxBytes), catalog);
    expect(d.messages.join('\n')).not.toContain('chỉ được đọc');
  });
});
