/**
 * End-to-end: the real `node bin/cds-check.js` (compiled by tsconfig.cli.json) on workbooks
 * built from the seed tables, unreadable files and directories.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import * as ExcelJS from 'exceljs';
import { BIN, ensureCliBuilt, ROOT, runCli } from '../support/fixtures/cli-run';
import { buildMau14 } from '../support/fixtures/forms-builders';
import { readSeedTable } from '../support/fixtures/tsv-grid';
import {
  addGridSheet,
  cleanPl01Tsv,
  HOANG_KIM_TSV,
  pl01Workbook,
  pl02Workbook,
  pl03Workbook,
  randomBytesFile,
  truncatedXlsx,
  writeTsvSheet,
  writeXlsx,
} from '../support/fixtures/xlsx-builders';
import type { JsonReport } from '../../src/cli/report-json';

const SAMPLE = path.join(ROOT, 'samples', 'hoang-kim-phu-luc-01.xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-cli-'));
const f = (name: string) => path.join(tmp, name);

function cleanWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  writeTsvSheet(wb.addWorksheet('PL01'), cleanPl01Tsv({ '1.11': { target: 'Có', result: 'Có' } }));
  return wb;
}

beforeAll(async () => {
  await ensureCliBuilt();
  await writeXlsx(cleanWorkbook(), f('clean.xlsx'));
  fs.writeFileSync(f('rac.xlsx'), randomBytesFile());
  fs.writeFileSync(f('cut.xlsx'), await truncatedXlsx());
  fs.writeFileSync(f('ghi-chu.txt'), 'TT\tTên chỉ tiêu\n1.1\tXây dựng\n');
}, 180_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function parseJson(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

function expectOneLineVietnamese(stderr: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u00c0-\u1ef9]/); // Vietnamese letters
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(stderr).not.toMatch(/Error:/);
}

describe('cds-check validate — the Hoàng Kim sample (seed 004 as typed)', () => {
  it('prints the Vietnamese text report, errors first, exit 1', async () => {
    const r = await runCli(['validate', SAMPLE]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toContain('Trang tính "PHỤ LỤC 01": Phụ lục 01 – tự đánh giá cấp xã');
    expect(out).toContain('Đạt 36/37 tiêu chí (97,3%); chưa xác định 1');
    const findingLines = out.split('\n').filter((l) => /\[[a-z-]+\]$/.test(l));
    expect(findingLines.length).toBeGreaterThan(3);
    const sev = findingLines.map((l) => l.trim().split(/\s{2,}|\s(?=[A-Z]+\d)/)[0]);
    const firstWarning = sev.findIndex((s) => s.startsWith('Cảnh báo'));
    const lastError = sev.map((s) => s.startsWith('Lỗi')).lastIndexOf(true);
    expect(lastError).toBeGreaterThanOrEqual(0);
    expect(lastError).toBeLessThan(firstWarning);
    expect(out).toMatch(/Lỗi\s+E18\s+1\.11\s+.*\[missing-result\]/);
    expect(out).toMatch(/Cảnh báo\s+D27\s+2\.5\s+.*\[ambiguous-unit\]/);
    expect(out).toMatch(/\[group-row-verdict\]/);
    expect(out).not.toMatch(/\[unmet-target\]|\[ratio-mismatch\]/);
  });

  it('--no-fail exits 0 with the same report (npm run demo)', async () => {
    const a = await runCli(['validate', SAMPLE]);
    const b = await runCli(['validate', '--no-fail', SAMPLE]);
    expect(b.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('--json prints exactly the issue 3 §6 shape', async () => {
    const r = await runCli(['validate', '--json', SAMPLE]);
    expect(r.status).toBe(1);
    const j = parseJson(r.stdout);
    expect(Object.keys(j)).toEqual(['files']);
    expect(j.files).toHaveLength(1);
    const file = j.files[0];
    expect(Object.keys(file)).toEqual(['file', 'error', 'sheets']);
    expect(file.file).toBe(SAMPLE);
    expect(file.error).toBeNull();
    const sheet = file.sheets[0];
    expect(Object.keys(sheet)).toEqual([
      'name',
      'kind',
      'criteria',
      'summary',
      'findings',
      'ratios',
    ]);
    expect(sheet.kind).toBe('phu-luc-01');
    expect(sheet.summary).toEqual({ criteria: 37, met: 36, unmet: 0, undetermined: 1 });
    expect(sheet.criteria).toHaveLength(37);
    for (const c of sheet.criteria)
      expect(Object.keys(c)).toEqual(['code', 'row', 'verdict', 'value', 'target']);
    const c16 = sheet.criteria.find((c) => c.code === '1.6')!;
    expect(c16).toMatchObject({ row: 13, verdict: 'met' });
    expect(c16.value as number).toBeCloseTo(0.829, 6);
    expect(c16.target as number).toBeCloseTo(0.7, 6);
    expect(sheet.criteria.find((c) => c.code === '1.11')).toMatchObject({
      verdict: 'undetermined',
      value: null,
    });
    for (const x of sheet.findings) {
      expect(Object.keys(x)).toEqual(['rule', 'severity', 'cell', 'criterion', 'message']);
      expect(x.cell).toMatch(/^[A-Z]+\d+$/);
    }
    expect(sheet.findings).toContainEqual(
      expect.objectContaining({
        rule: 'missing-result',
        severity: 'error',
        cell: 'E18',
        criterion: '1.11',
      }),
    );
    expect(
      sheet.findings
        .filter((x) => x.rule === 'group-row-verdict')
        .every((x) => x.criterion === null),
    ).toBe(true);
    expect(sheet.ratios).toEqual([]);
  });
});

describe('exit statuses', () => {
  it('0 when no error-severity finding (warnings allowed)', async () => {
    const r = await runCli(['validate', '--json', f('clean.xlsx')]);
    const j = parseJson(r.stdout);
    expect(j.files[0].sheets[0].summary).toMatchObject({ criteria: 37, met: 37 });
    expect(j.files[0].sheets[0].findings.some((x) => x.severity === 'error')).toBe(false);
    expect(r.status).toBe(0);
  });

  it.each([
    ['random bytes', 'rac.xlsx', 'not-a-workbook'],
    ['a truncated zip', 'cut.xlsx', 'truncated'],
    ['a missing path', 'khong-co.xlsx', 'not-found'],
    ['a .txt file', 'ghi-chu.txt', 'not-a-workbook'],
  ])('2 for %s, with a one-line Vietnamese message', async (_label, name, code) => {
    const r = await runCli(['validate', f(name)]);
    expect(r.status).toBe(2);
    expectOneLineVietnamese(r.stderr);
    const j = parseJson((await runCli(['validate', '--json', f(name)])).stdout);
    expect(j.files[0]).toMatchObject({ file: f(name), error: { code }, sheets: [] });
    expect(j.files[0].error!.message).toBe(r.stderr.trim());
  });

  it('2 with --json when one file is unreadable; the others are still processed', async () => {
    const r = await runCli(['validate', '--json', f('clean.xlsx'), f('rac.xlsx'), SAMPLE]);
    expect(r.status).toBe(2);
    const j = parseJson(r.stdout);
    expect(j.files.map((x) => [path.basename(x.file), x.error?.code ?? null])).toEqual([
      ['clean.xlsx', null],
      ['rac.xlsx', 'not-a-workbook'],
      ['hoang-kim-phu-luc-01.xlsx', null],
    ]);
    expect(j.files[2].sheets[0].summary.met).toBe(36);
  });

  it.each([
    ['no path', ['validate']],
    ['an unknown option', ['validate', '--khong-co', SAMPLE]],
    ['--catalog without a value', ['validate', SAMPLE, '--catalog']],
    ['an unknown command', ['kiem-tra', SAMPLE]],
    ['no command', []],
  ])('2 for wrong usage: %s', async (_label, args) => {
    const r = await runCli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/cds-check/);
  });

  it('stops quietly when the reader of its output goes away (cds-check … | head)', async () => {
    const child = spawn(process.execPath, [BIN, 'validate', ...Array(30).fill(SAMPLE)], {
      cwd: ROOT,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(status === 1 || status === 0).toBe(true);
  });

  it('--help prints Vietnamese help and exits 0', async () => {
    const top = await runCli(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toContain('Các lệnh:');
    expect(top.stdout).toMatch(/validate\s+Kiểm tra/);
    const v = await runCli(['validate', '--help']);
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('Mã thoát');
    expect(v.stdout).toContain('--catalog');
  });
});

describe('directories (a district receiving many files)', () => {
  it('validates every .xlsx recursively, sorted, skipping lock files and other files', async () => {
    const dir = f('huyen');
    await writeXlsx(cleanWorkbook(), path.join(dir, 'b-xa-dong.xlsx'));
    await writeXlsx(pl01Workbook(), path.join(dir, 'a-xa-hoang-kim.xlsx'));
    await writeXlsx(pl02Workbook(), path.join(dir, 'tham-dinh', 'c-pl02.xlsx'));
    fs.writeFileSync(path.join(dir, '~$a-xa-hoang-kim.xlsx'), 'lock');
    fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), 'x');
    const r = await runCli(['validate', '--json', dir]);
    const j = parseJson(r.stdout);
    expect(j.files.map((x) => path.relative(dir, x.file).split(path.sep).join('/'))).toEqual([
      'a-xa-hoang-kim.xlsx',
      'b-xa-dong.xlsx',
      'tham-dinh/c-pl02.xlsx',
    ]);
    expect(j.files.map((x) => x.sheets[0].kind)).toEqual([
      'phu-luc-01',
      'phu-luc-01',
      'phu-luc-02',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(''); // not a terminal: no progress lines

    const text = await runCli(['validate', dir]);
    expect(text.stdout).toContain('Tổng cộng 3 tệp: 1 không có lỗi, 2 có lỗi.');
  });

  it('2 for a directory without any .xlsx', async () => {
    fs.mkdirSync(f('trong'), { recursive: true });
    const r = await runCli(['validate', f('trong')]);
    expect(r.status).toBe(2);
    expectOneLineVietnamese(r.stderr);
  });
});

describe('layout variants through the CLI', () => {
  it('recognises PL02, PL03, a renamed 2nd sheet, NFD text, numeric percents, IF() verdicts, a stray cell', async () => {
    const files = {
      pl02: await writeXlsx(pl02Workbook({ own: { '1.6': '75%' } }), f('v-pl02.xlsx')),
      pl03: await writeXlsx(pl03Workbook(), f('v-pl03.xlsx')),
      variant: await writeXlsx(
        pl01Workbook({
          sheetsBefore: ['Tờ trình'],
          sheetName: 'Sheet2',
          nfd: true,
          numericPercent: true,
          ifVerdicts: true,
          strayRow: 1_000_000,
        }),
        f('v-pl01.xlsx'),
      ),
      protectedSheet: await writeXlsx(pl01Workbook({ protect: true }), f('v-protected.xlsx')),
    };
    const r = await runCli(['validate', '--json', ...Object.values(files)]);
    const j = parseJson(r.stdout);
    const [pl02, pl03, variant, prot] = j.files;
    expect(pl02.sheets[0].kind).toBe('phu-luc-02');
    expect(pl02.sheets[0].findings).toContainEqual(
      expect.objectContaining({ rule: 'appraisal-differs', severity: 'info', criterion: '1.6' }),
    );
    expect(pl03.sheets[0].kind).toBe('phu-luc-03');
    expect(variant.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['Tờ trình', 'unknown'],
      ['Sheet2', 'phu-luc-01'],
    ]);
    expect(variant.sheets[0].findings).toEqual([]);
    expect(variant.sheets[1].summary).toEqual({ criteria: 37, met: 36, unmet: 0, undetermined: 1 });
    expect(prot.sheets[0].summary.met).toBe(36);
  });
});

describe('evidence forms next to the appendix', () => {
  it('reports the form kind and its ratios in JSON and in the text report', async () => {
    const wb = new ExcelJS.Workbook();
    writeTsvSheet(wb.addWorksheet('PL01'), readSeedTable(HOANG_KIM_TSV));
    addGridSheet(wb, buildMau14());
    const file = await writeXlsx(wb, f('pl01-mau14.xlsx'));
    const j = parseJson((await runCli(['validate', '--json', file])).stdout);
    const form = j.files[0].sheets[1];
    expect(form).toMatchObject({ name: 'DS CBCC', kind: 'mau-1.4' });
    expect(form.ratios.length).toBeGreaterThan(0);
    for (const r of form.ratios) {
      expect(Object.keys(r).slice(0, 5)).toEqual([
        'label',
        'numerator',
        'denominator',
        'value',
        'cell',
      ]);
    }
    const rate = form.ratios.find((r) => r.kind !== 'count' && r.denominator > 1)!;
    const text = (await runCli(['validate', file])).stdout;
    expect(text).toContain('Trang tính "DS CBCC": Mẫu 1.4 – ');
    expect(text).toContain(`${rate.label}: ${rate.numerator}/${rate.denominator} = `);
  });
});

describe('--catalog and --evidence', () => {
  it('uses a second catalog file (Bắc Giang 2024)', async () => {
    const file = path.join(ROOT, 'src', 'catalog', 'bac-giang-2024.json');
    const catalog = JSON.parse(fs.readFileSync(file, 'utf8')) as { criteria: { code: string }[] };
    const def = parseJson((await runCli(['validate', '--json', SAMPLE])).stdout);
    const r = await runCli(['validate', '--json', '--catalog', file, SAMPLE]);
    expect(r.status).toBeLessThanOrEqual(1);
    const j = parseJson(r.stdout);
    expect(j.files[0].error).toBeNull();
    const sheet = j.files[0].sheets[0];
    expect(sheet.summary.criteria).toBe(catalog.criteria.length);
    expect(sheet.summary.criteria).not.toBe(def.files[0].sheets[0].summary.criteria);
  });

  it('2 for a broken catalog JSON, with a one-line Vietnamese message', async () => {
    fs.writeFileSync(f('hong.json'), '{ "id": "hong", "criteria": [ ');
    const r = await runCli(['validate', '--catalog', f('hong.json'), SAMPLE]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLineVietnamese(r.stderr);
    expect(r.stderr).toContain('hong.json');
  });

  it('2 for a JSON file that is not a catalog, with the catalog validator message', async () => {
    fs.writeFileSync(f('sai.json'), JSON.stringify({ id: 'sai', criteria: [] }));
    const r = await runCli(['validate', '--catalog', f('sai.json'), SAMPLE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Danh mục tiêu chí/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('2 for a missing catalog file or evidence folder', async () => {
    expect((await runCli(['validate', '--catalog', f('khong-co.json'), SAMPLE])).status).toBe(2);
    const r = await runCli(['validate', '--evidence', f('khong-co-thu-muc'), SAMPLE]);
    expect(r.status).toBe(2);
    expectOneLineVietnamese(r.stderr);
  });

  it('--evidence DIR passes the folder listing to the analysis', async () => {
    const ev = f('minh-chung');
    fs.mkdirSync(path.join(ev, '1.6'), { recursive: true });
    fs.writeFileSync(path.join(ev, '1.6', 'bao-cao.pdf'), '%PDF');
    const without = parseJson((await runCli(['validate', '--json', SAMPLE])).stdout);
    const withEv = parseJson(
      (await runCli(['validate', '--json', '--evidence', ev, SAMPLE])).stdout,
    );
    const rules = (j: JsonReport) => j.files[0].sheets[0].findings.map((x) => x.rule);
    expect(rules(without).filter((x) => x.startsWith('evidence-'))).toEqual([]);
    const evFindings = withEv.files[0].sheets[0].findings.filter((x) =>
      x.rule.startsWith('evidence-'),
    );
    expect(evFindings.length).toBeGreaterThan(0);
    expect(evFindings.some((x) => x.criterion === '1.6')).toBe(false);
  });
});
