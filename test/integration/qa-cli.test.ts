/**
 * QA through the real command line (`node bin/cds-check.js validate`): files that are not
 * workbooks, cut short, empty or missing, a folder with a broken file among good ones, a
 * workbook without any appendix, and the official workbook saved by Excel (ExcelJS) and by
 * LibreOffice reading the same.
 */
import { execFileSync, spawnSync } from 'child_process';
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import type { SheetReport } from '../../src/core/model/report-types';
import { readWorkbookFile } from '../../src/cli/read-file';
import { ensureCliBuilt, runCli, ROOT } from '../support/fixtures/cli-run';
import {
  addBudgetSheet,
  addCoverSheet,
  addNamesSheet,
  newWorkbook,
  officialWorkbook,
  writeAppendix,
} from '../support/fixtures/qa-builders';
import { randomBytesFile, writeXlsx } from '../support/fixtures/xlsx-builders';

jest.setTimeout(240_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-qa-cli-'));
const SAMPLE = path.join(ROOT, 'samples', 'hoang-kim-phu-luc-01.xlsx');

beforeAll(async () => {
  await ensureCliBuilt();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function file(name: string, bytes: Buffer | string): string {
  const p = path.join(tmp, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, bytes);
  return p;
}

/** One line, Vietnamese (has a Vietnamese letter), no stack trace or JS error name. */
function expectOneVietnameseLine(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i);
  expect(stderr).not.toMatch(/\n\s+at |Error:|TypeError|undefined|\[object/);
}

interface JsonOut {
  files: {
    file: string;
    error: { code: string; message: string } | null;
    sheets: {
      name: string;
      kind: string;
      summary: SheetReport['summary'];
      findings: { rule: string; cell: string; criterion?: string; severity: string }[];
    }[];
  }[];
}

const BAD_INPUTS: [string, () => string | Promise<string>][] = [
  [
    'a text file renamed .xlsx',
    () => file('ghi-chu.xlsx', 'TT\tTên chỉ tiêu\tKết quả\n1.1\tKế hoạch\tCó\n'),
  ],
  ['random bytes', () => file('rac.xlsx', randomBytesFile(5000, 11))],
  [
    'the first half of a real file',
    () => {
      const full = fs.readFileSync(SAMPLE);
      return file('cat-cut.xlsx', full.subarray(0, Math.floor(full.length / 2)));
    },
  ],
  ['an empty file', () => file('rong.xlsx', Buffer.alloc(0))],
  ['a missing path', () => path.join(tmp, 'khong-co', 'phu-luc.xlsx')],
];

describe('files that cannot be read: one Vietnamese line, exit 2, the JSON error filled', () => {
  it.each(BAD_INPUTS)('%s', async (_label, make) => {
    const p = await make();
    const text = await runCli(['validate', p]);
    expect(text.status).toBe(2);
    expectOneVietnameseLine(text.stderr);
    const json = await runCli(['validate', '--json', p]);
    expect(json.status).toBe(2);
    expectOneVietnameseLine(json.stderr);
    const out = JSON.parse(json.stdout) as JsonOut;
    expect(out.files).toHaveLength(1);
    expect(out.files[0].file).toBe(p);
    expect(out.files[0].error?.code).toMatch(/^[a-z-]+$/);
    expect(out.files[0].error?.message).toBe(json.stderr.trim());
    expect(out.files[0].sheets).toEqual([]);
  });

  it('a package whose sheet part is missing is damaged (exit 2), not "nothing recognised"', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    zip.remove('xl/worksheets/sheet1.xml');
    const p = file('thieu-sheet.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await runCli(['validate', '--json', p]);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r.stderr);
    expect((JSON.parse(r.stdout) as JsonOut).files[0].error?.code).toBe('not-a-workbook');
  });

  it('a folder of three files, one broken: the two others are still reported, exit 2', async () => {
    const dir = path.join(tmp, 'ho-so-xa');
    const wb = newWorkbook();
    writeAppendix(wb.addWorksheet('PL01'));
    await writeXlsx(wb, path.join(dir, 'a-xa-sach.xlsx'));
    fs.copyFileSync(SAMPLE, path.join(dir, 'b-hoang-kim.xlsx'));
    file('ho-so-xa/c-hong.xlsx', randomBytesFile(3000, 5));
    const r = await runCli(['validate', '--json', dir]);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r.stderr);
    expect(r.stderr).toContain('c-hong.xlsx');
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.files.map((f) => path.basename(f.file))).toEqual([
      'a-xa-sach.xlsx',
      'b-hoang-kim.xlsx',
      'c-hong.xlsx',
    ]);
    expect(out.files[0]).toMatchObject({ error: null });
    expect(out.files[0].sheets[0].summary).toEqual({
      criteria: 37,
      met: 37,
      unmet: 0,
      undetermined: 0,
    });
    expect(out.files[1].sheets[0].summary).toEqual({
      criteria: 37,
      met: 36,
      unmet: 0,
      undetermined: 1,
    });
    expect(out.files[2].error?.code).toBe('not-a-workbook');
    const textRun = await runCli(['validate', dir]);
    expect(textRun.status).toBe(2);
    expect(textRun.stdout).toContain('Đạt 37/37 tiêu chí');
    expect(textRun.stdout).toContain('Đạt 36/37 tiêu chí');
  });

  it('a workbook where nothing is recognised: exit 0 and a clear line', async () => {
    const wb = newWorkbook();
    addCoverSheet(wb);
    addBudgetSheet(wb);
    addNamesSheet(wb);
    const p = await writeXlsx(wb, path.join(tmp, 'khong-phai-phu-luc.xlsx'));
    const r = await runCli(['validate', p]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/không tìm thấy phụ lục/i);
    const j = JSON.parse((await runCli(['validate', '--json', p])).stdout) as JsonOut;
    expect(j.files[0].error).toBeNull();
    expect(j.files[0].sheets.map((s) => s.kind)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(j.files[0].sheets.flatMap((s) => s.findings)).toEqual([]);
  });
});

describe('the official workbook through the CLI, as saved by Excel and by LibreOffice', () => {
  it('--json: exit 1, the planted problems on their cells', async () => {
    const { wb, map } = officialWorkbook();
    const p = await writeXlsx(wb, path.join(tmp, 'official.xlsx'));
    const r = await runCli(['validate', '--json', p]);
    expect(r.status).toBe(1);
    const sheet = (JSON.parse(r.stdout) as JsonOut).files[0].sheets.find(
      (s) => s.name === 'Sheet3',
    )!;
    expect(sheet.kind).toBe('phu-luc-01');
    expect(sheet.summary).toEqual({ criteria: 37, met: 36, unmet: 1, undetermined: 0 });
    expect(sheet.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual([
      map.a1('1.6', 'commune'),
      map.a1('1.6', 'verdict'),
      map.a1('3.8', 'commune'),
    ]);
  });

  it('fill then validate: the typed "2/3 = 69%" turned into =2/3 is still a ratio mismatch', async () => {
    const { wb, map } = officialWorkbook();
    const p = await writeXlsx(wb, path.join(tmp, 'to-fill.xlsx'));
    const out = path.join(tmp, 'filled.xlsx');
    const fill = await runCli(['fill', p, '--out', out]);
    expect(fill.status).toBe(0);
    const { snapshot } = await readWorkbookFile(out);
    const at = map.a1('3.8', 'commune');
    const m = /^([A-Z]+)(\d+)$/.exec(at)!;
    const cell = snapshot.sheets[1].cells.find(
      (c) => c.row === Number(m[2]) - 1 && c.col === m[1].charCodeAt(0) - 65,
    );
    expect(cell?.formula).toBeTruthy(); // fill made it a live division…
    expect(cell?.note).toContain('2/3 = 69%'); // …and kept what was typed
    const r = await runCli(['validate', '--json', out]);
    const sheet = (JSON.parse(r.stdout) as JsonOut).files[0].sheets.find(
      (s) => s.name === 'Sheet3',
    )!;
    const rules = sheet.findings.map((f) => `${f.rule} ${f.cell}`);
    expect(rules).toContain(`ratio-mismatch ${map.a1('3.8', 'commune')}`);
    expect(rules).toContain(`unmet-target ${map.a1('1.6', 'commune')}`);
    expect(sheet.summary).toEqual({ criteria: 37, met: 36, unmet: 1, undetermined: 0 });
  });

  it('a file with a prefixed SpreadsheetML namespace (OpenXML-SDK exports) reads the same', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    for (const name of Object.keys(zip.files)) {
      if (!/^xl\/(workbook|worksheets\/sheet\d+|sharedStrings|styles)\.xml$/.test(name)) continue;
      const xml = (await zip.file(name)!.async('string'))
        .replace(
          'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
          'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        )
        .replace(/<(\/?)([A-Za-z]\w*)(?=[\s>/])/g, '<$1x:$2');
      zip.file(name, xml);
    }
    const p = file('x-prefix.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
    const a = JSON.parse((await runCli(['validate', '--json', SAMPLE])).stdout) as JsonOut;
    const r = await runCli(['validate', '--json', p]);
    expect(r.status).toBe(1);
    const b = JSON.parse(r.stdout) as JsonOut;
    expect(b.files[0].sheets).toEqual(a.files[0].sheets);
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  (soffice || process.env.CI ? it : it.skip)(
    'a LibreOffice-saved copy gives the same report',
    async () => {
      const dir = path.join(tmp, 'lo');
      const src = await writeXlsx(officialWorkbook().wb, path.join(dir, 'official.xlsx'));
      const out = path.join(dir, 'out');
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          out,
          src,
        ],
        { stdio: 'ignore', timeout: 180_000 },
      );
      const catalog = defaultCatalog();
      const read = async (p: string) => {
        const { snapshot } = await readWorkbookFile(p);
        return analyzeWorkbook(snapshot, catalog).sheets.map((s) => ({
          name: s.name,
          kind: s.kind,
          summary: s.summary,
          criteria: s.criteria.map((c) => [
            c.code,
            c.row,
            c.verdict,
            typeof c.value === 'number' ? Number(c.value.toFixed(6)) : c.value,
          ]),
          findings: s.findings.map((f) => [f.rule, f.cell, f.criterion ?? '', f.message]),
        }));
      };
      const a = await read(src);
      const b = await read(path.join(out, 'official.xlsx'));
      expect(b).toEqual(a);
      expect(a[1].findings.length).toBe(5);
    },
  );
});
