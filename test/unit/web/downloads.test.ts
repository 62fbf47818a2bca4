/**
 * The standalone page's downloads, without a browser: the bytes the page would hand over, read
 * back with ExcelJS and analysed again with the core (as `cds-check validate` would).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { analyzeWorkbook, defaultCatalog } from '../../../src/core';
import { MARKS_SHEET, decodeStore } from '../../../src/excel/marks-store';
import { NOTE_TITLE } from '../../../src/excel/marks';
import {
  appraiseDownload,
  fillDownload,
  marksDownload,
  outName,
  reportDownload,
  templateDownload,
  templateChoices,
} from '../../../src/web/downloads';
import { readSnapshot } from '../../../src/web/workbook-io';
import { openWorkbookFile, type OpenedFile } from '../../../src/web/workspace';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'samples', 'hoang-kim-phu-luc-01.xlsx');
const catalog = defaultCatalog();

async function opened(
  bytes: Uint8Array = new Uint8Array(fs.readFileSync(SAMPLE)),
): Promise<OpenedFile> {
  const f = await openWorkbookFile('xa-hoang-kim.xlsx', bytes, catalog);
  if (f.status !== 'ok') throw new Error(f.error);
  return f;
}

async function reread(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('names of the new files', () => {
  it('are the original name with a suffix, always .xlsx (or .docx)', () => {
    expect(outName('xa-hoang-kim.xlsx', 'cong-thuc')).toBe('xa-hoang-kim-cong-thuc.xlsx');
    expect(outName('Xã A.XLSM', 'tham-dinh')).toBe('Xã A-tham-dinh.xlsx');
    expect(outName('xa.b.ods', 'danh-dau')).toBe('xa.b-danh-dau.xlsx');
    expect(outName('xa.xlsx', 'bao-cao', 'docx')).toBe('xa-bao-cao.docx');
  });
});

describe('Tải tệp đã điền công thức', () => {
  it('writes formulas; the core reads the same met count; the original bytes are untouched', async () => {
    const file = await opened();
    const before = Buffer.from(file.bytes);
    const d = await fillDownload(file, catalog);
    expect(d.fileName).toBe('xa-hoang-kim-cong-thuc.xlsx');
    expect(d.messages.at(-1)).toContain('xa-hoang-kim-cong-thuc.xlsx');
    const again = analyzeWorkbook(await readSnapshot(d.bytes!, d.fileName!), catalog);
    const was = file.report.sheets.find((s) => s.kind === 'phu-luc-01')!;
    const now = again.sheets.find((s) => s.kind === 'phu-luc-01')!;
    expect(now.summary).toEqual(was.summary);
    const ws = (await reread(d.bytes!)).getWorksheet(now.name)!;
    const verdictCol = was.layout!.columns.verdict! + 1;
    const withFormula = was.criteria.filter((c) => ws.getCell(c.row, verdictCol).formula);
    expect(withFormula.length).toBe(was.criteria.length);
    expect(Buffer.from(file.bytes).equals(before)).toBe(true);
  });

  it('a second fill of the filled file has nothing to write', async () => {
    const first = await fillDownload(await opened(), catalog);
    const again = await fillDownload(await opened(first.bytes!), catalog);
    expect(again.bytes).toBeUndefined();
    expect(again.messages.at(-1)).toBe('Không có gì thay đổi: không tạo tệp.');
  });
});

describe('Tải tệp có phụ lục thẩm định', () => {
  it.each([
    ['thanh-hoa-2023', 'huyen', 'phu-luc-02'],
    ['hai-cap-2025', 'tinh', 'phu-luc-03'],
  ])('chain %s, level %s adds a %s sheet the core recognises', async (chain, level, kind) => {
    const d = await appraiseDownload(await opened(), catalog, { chain, level });
    expect(d.fileName).toBe('xa-hoang-kim-tham-dinh.xlsx');
    const report = analyzeWorkbook(await readSnapshot(d.bytes!, d.fileName!), catalog);
    expect(report.sheets.map((s) => s.kind)).toEqual(expect.arrayContaining(['phu-luc-01', kind]));
  });

  it('an unknown level says so and writes nothing', async () => {
    const d = await appraiseDownload(await opened(), catalog, {
      chain: 'hai-cap-2025',
      level: 'huyen',
    });
    expect(d.bytes).toBeUndefined();
    expect(d.messages.join(' ')).toMatch(/huyen|cấp/);
  });
});

describe('Tải tệp đánh dấu lỗi', () => {
  it('fills and notes the flagged cells as the add-in does, originals kept in its hidden store', async () => {
    const file = await opened();
    const d = await marksDownload(file);
    expect(d.fileName).toBe('xa-hoang-kim-danh-dau.xlsx');
    const wb = await reread(d.bytes!);
    const sheet = file.report.sheets.find((s) => s.kind === 'phu-luc-01')!;
    const ws = wb.getWorksheet(sheet.name)!;
    for (const f of sheet.findings.filter((x) => x.severity !== 'info')) {
      const note = ws.getCell(f.cell).note;
      const text =
        typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
      expect(text.startsWith(NOTE_TITLE)).toBe(true);
      expect(text).toContain(f.message);
    }
    const error = sheet.findings.find((x) => x.severity === 'error')!;
    const fill = ws.getCell(error.cell).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe('FFFFC7CE');
    const store = wb.getWorksheet(MARKS_SHEET)!;
    expect(store.state).toBe('veryHidden');
    const values: unknown[][] = [];
    store.eachRow((r) => values.push([r.getCell(1).value]));
    const records = decodeStore(values);
    expect(records.length).toBe(Number(/\d+/.exec(d.messages[0])![0]));
    // the page reports what the core sees: the marks themselves are not findings
    const again = analyzeWorkbook(await readSnapshot(d.bytes!, d.fileName!), catalog);
    expect(again.sheets.find((s) => s.name === sheet.name)!.summary).toEqual(sheet.summary);
    expect(again.sheets.some((s) => s.name === MARKS_SHEET)).toBe(false);
  });
});

describe('Tải báo cáo (Word)', () => {
  it('is a .docx named after the file, saying the rate the core computed', async () => {
    const file = await opened();
    const d = await reportDownload(file, catalog);
    expect(d.fileName).toBe('xa-hoang-kim-bao-cao.docx');
    expect(Buffer.from(d.bytes!.subarray(0, 2)).toString('latin1')).toBe('PK');
    const s = file.report.sheets.find((x) => x.kind === 'phu-luc-01')!.summary;
    expect(d.messages[0]).toContain(`${s.met}/${s.criteria}`);
  });
});

describe('Mẫu trống', () => {
  it('offers the three appendices and every evidence form', () => {
    const kinds = templateChoices().map((c) => c.kind);
    expect(kinds.slice(0, 3)).toEqual(['phu-luc-01', 'phu-luc-02', 'phu-luc-03']);
    expect(kinds).toEqual(expect.arrayContaining(['mau-1.4', 'mau-3.3', 'mau-4.5']));
  });

  it.each([
    ['phu-luc-01', undefined, 'phu-luc-01-trong.xlsx'],
    ['phu-luc-03', 'hai-cap-2025', 'phu-luc-03-hai-cap-2025-trong.xlsx'],
    ['mau-3.3', undefined, 'mau-3.3-trong.xlsx'],
  ])('%s (%s) is a workbook the core recognises as such', async (kind, chain, name) => {
    const d = await templateDownload(catalog, kind, chain);
    expect(d.fileName).toBe(name);
    const report = analyzeWorkbook(await readSnapshot(d.bytes!, d.fileName!), catalog);
    expect(report.sheets.map((s) => s.kind)).toContain(kind);
  });
});
