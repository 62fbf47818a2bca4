/**
 * E2E-QA: protected workbooks and sheets through the real CLI. A workbook whose structure is
 * protected ("Bảo vệ sổ làm việc") must not get a sheet added (appraise, template) and keeps
 * its protection in what fill / appraise --adjacent write (ExcelJS alone would drop it).
 * A protected appendix sheet: fill and appraise --adjacent refuse, writing nothing.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { protectionOfWorkbookXml } from '../../src/xlsx/protection';
import { hoangKimWorkbook, pl01Workbook, xlsxBuffer } from '../support/fixtures/xlsx-builders';
import {
  ensureCliBuilt,
  expectOneVietnameseLine,
  fingerprint,
  listing,
  runCli,
  sheetNamed,
  unchanged,
  validateJson,
  verdictsOf,
} from '../support/qa-e2e-support';

jest.setTimeout(120_000);

let tmp: string;
beforeAll(async () => {
  await ensureCliBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-e2e-protect-'));
}, 200_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const LOCK = '<workbookProtection workbookPassword="CC3D" lockStructure="1"/>';

/** The sample appendix with its workbook structure protected, as Excel writes it. */
async function structureLocked(name: string): Promise<{ dir: string; file: string }> {
  const zip = await JSZip.loadAsync(await xlsxBuffer(hoangKimWorkbook()));
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  const at = xml.search(/<(bookViews|sheets)\b/);
  zip.file('xl/workbook.xml', xml.slice(0, at) + LOCK + xml.slice(at));
  const dir = fs.mkdtempSync(path.join(tmp, 'p-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return { dir, file };
}

async function protectionOf(file: string) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return protectionOfWorkbookXml(await zip.file('xl/workbook.xml')!.async('string'));
}

describe('a workbook whose structure is protected', () => {
  it.each([
    [['appraise', '{f}', '--level', 'huyen'], /không thêm được sheet "Phụ lục 02"/],
    [['template', 'mau-3.3', '--out', '{f}'], /không thêm được sheet "Mẫu 3.3"/],
  ])('%j: refused in one Vietnamese line, exit 2, nothing written', async (args, msg) => {
    const { dir, file } = await structureLocked('xa.xlsx');
    const before = fingerprint(file);
    const r = await runCli(args.map((a) => (a === '{f}' ? file : a)));
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr).toMatch(/đang được bảo vệ cấu trúc \(Bảo vệ sổ làm việc\)/);
    expect(r.stderr).toMatch(msg);
    expect(listing(dir)).toEqual(['xa.xlsx']);
    expect(unchanged(file, before)).toBe(true);
  });

  it.each([
    ['fill', ['fill', '{f}', '--out', '{o}']],
    ['appraise --adjacent', ['appraise', '{f}', '--level', 'huyen', '--adjacent', '--out', '{o}']],
  ])('%s writes cells only and keeps the protection, password hash included', async (_l, args) => {
    const { dir, file } = await structureLocked('xa.xlsx');
    const out = path.join(dir, 'ra.xlsx');
    const r = await runCli(args.map((a) => (a === '{f}' ? file : a === '{o}' ? out : a)));
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(await protectionOf(out)).toEqual({ xml: LOCK, structureLocked: true });
    const rep = await validateJson(out);
    expect(rep.sheets.map((s) => s.name)).toEqual(['PHỤ LỤC 01']);
    expect(verdictsOf(sheetNamed(rep, 'PHỤ LỤC 01'))).toEqual(
      verdictsOf(sheetNamed(await validateJson(file), 'PHỤ LỤC 01')),
    );
  });

  it('reads the element however it is written (prefixed, lockStructure="true", windows only)', () => {
    expect(
      protectionOfWorkbookXml(
        '<x:workbook><x:workbookProtection lockStructure="true"/></x:workbook>',
      ),
    ).toEqual({ xml: '<workbookProtection lockStructure="true"/>', structureLocked: true });
    expect(
      protectionOfWorkbookXml('<workbook><workbookProtection lockWindows="1"/></workbook>'),
    ).toEqual({ xml: '<workbookProtection lockWindows="1"/>', structureLocked: false });
    expect(protectionOfWorkbookXml('<workbook><sheets/></workbook>')).toBeNull();
  });
});

describe('a protected appendix sheet', () => {
  it('fill and appraise --adjacent refuse; nothing is written; a new appraisal sheet is allowed', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 's-'));
    const file = path.join(dir, 'xa.xlsx');
    fs.writeFileSync(file, await xlsxBuffer(pl01Workbook({ protect: true, sheetName: "Xã's" })));
    const before = fingerprint(file);
    for (const args of [
      ['fill', file],
      ['fill', file, '--sheet', "Xã's", '--out', path.join(dir, 'ra.xlsx')],
      ['appraise', file, '--level', 'huyen', '--adjacent'],
    ]) {
      const r = await runCli(args);
      expect([args.join(' '), r.status]).toEqual([args.join(' '), 2]);
      expectOneVietnameseLine(r);
      expect(r.stderr).toMatch(/"Xã's" đang được bảo vệ/);
    }
    expect(listing(dir)).toEqual(['xa.xlsx']);
    expect(unchanged(file, before)).toBe(true);
    const ok = await runCli(['appraise', file, '--level', 'huyen']);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    const rep = await validateJson(path.join(dir, 'xa-tham-dinh.xlsx'));
    expect(rep.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["Xã's", 'phu-luc-01'],
      ['Phụ lục 02', 'phu-luc-02'],
    ]);
  });
});
