/**
 * E2E-QA of `cds-check template` and of the help texts (the real bin/cds-check.js): every kind
 * the help lists is written and recognised by validate; a blank PHỤ LỤC 01's text report says
 * "not filled in" once instead of 37 times (JSON keeps every finding); reruns, clashes, bad
 * outputs. The help: Vietnamese, every option it lists is accepted, exit codes documented.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileText } from '../../src/cli/report-text';
import { analyzeWorkbook } from '../../src/core/analyze';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import type { SheetReport } from '../../src/core/model/report-types';
import { readWorkbookFile } from '../../src/cli/read-file';
import {
  ensureCliBuilt,
  expectOneVietnameseLine,
  fingerprint,
  inProcess,
  listing,
  ROOT,
  runCli,
  unchanged,
  validateJson,
  type JsonFile,
} from '../support/qa-e2e-support';

jest.setTimeout(120_000);

const SAMPLE = path.join(ROOT, 'samples', 'hoang-kim-phu-luc-01.xlsx');
let tmp: string;
beforeAll(async () => {
  await ensureCliBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-e2e-template-'));
}, 200_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function freshDir(): string {
  return fs.mkdtempSync(path.join(tmp, 't-'));
}

/** The kinds `cds-check template --help` lists after "LOẠI:". */
async function listedKinds(): Promise<string[]> {
  const help = (await runCli(['template', '--help'])).stdout;
  const line = /^LOẠI: (.+)$/m.exec(help)?.[1] ?? '';
  return line.split(',').map((k) => k.trim());
}

describe('template: every kind the help lists', () => {
  it('lists the three appendices and the six evidence forms', async () => {
    expect(await listedKinds()).toEqual([
      'phu-luc-01',
      'phu-luc-02',
      'phu-luc-03',
      'mau-1.4',
      'mau-2.5',
      'mau-2.6',
      'mau-3.3',
      'mau-4.1',
      'mau-4.5',
    ]);
  });

  it('each is written into its own file and validate recognises it as that kind', async () => {
    const dir = freshDir();
    const kinds = await listedKinds();
    for (const kind of kinds) {
      const r = await runCli(['template', kind, '--out', path.join(dir, `${kind}.xlsx`)]);
      expect([kind, r.status, r.stderr]).toEqual([kind, 0, '']);
    }
    const v = await runCli(['validate', '--json', dir]);
    const files = (JSON.parse(v.stdout) as { files: JsonFile[] }).files;
    const got = Object.fromEntries(
      files.map((f) => [path.basename(f.file, '.xlsx'), f.sheets.map((s) => s.kind)]),
    );
    expect(got).toEqual(Object.fromEntries(kinds.map((k) => [k, [k]])));
  });

  it('all of them into one workbook, in order; a second run adds nothing and does not rewrite', async () => {
    const out = path.join(freshDir(), 'ho-so.xlsx');
    const kinds = ['phu-luc-02', 'mau-3.3', 'phu-luc-01', 'mau-1.4'];
    for (const kind of kinds)
      expect((await runCli(['template', kind, '--out', out])).status).toBe(0);
    expect((await validateJson(out)).sheets.map((s) => s.kind)).toEqual(kinds);
    const before = fingerprint(out);
    for (const kind of ['pl01', 'Mẫu 3.3']) {
      const r = await runCli(['template', kind, '--out', out]);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/đã tồn tại .* không tạo thêm/);
    }
    expect(unchanged(out, before)).toBe(true);
  });

  it('--chain hai-cap-2025: PHỤ LỤC 03 whose lower column is the commune’s self-assessment', async () => {
    const dir = freshDir();
    const two = path.join(dir, 'hai-cap.xlsx');
    const three = path.join(dir, 'ba-cap.xlsx');
    expect(
      (await runCli(['template', 'pl03', '--chain', 'hai-cap-2025', '--out', two])).status,
    ).toBe(0);
    expect((await runCli(['template', 'pl03', '--out', three])).status).toBe(0);
    const rep = await validateJson(two);
    expect(rep.sheets.map((s) => s.kind)).toEqual(['phu-luc-03']);
    const headerText = async (f: string) => {
      const ExcelJS = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      const texts: string[] = [];
      wb.worksheets[0].eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'string' && c.value.startsWith('Kết quả')) texts.push(c.value);
        }),
      );
      return texts.slice(0, 2);
    };
    expect(await headerText(two)).toEqual([
      'Kết quả tự đánh giá của UBND cấp xã',
      'Kết quả thẩm tra của Sở TTTT',
    ]);
    expect(await headerText(three)).toEqual([
      'Kết quả thẩm định của UBND cấp huyện',
      'Kết quả thẩm tra của Sở TTTT',
    ]);
  });

  it('PHỤ LỤC 01 into the sample, whose sheet is "PHỤ LỤC 01" (same name, other case): exists', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'xa.xlsx');
    fs.copyFileSync(SAMPLE, file);
    const before = fingerprint(file);
    const r = await runCli(['template', 'phu-luc-01', '--out', file]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/Sheet "PHỤ LỤC 01" đã tồn tại/);
    expect(unchanged(file, before)).toBe(true);
  });

  it('an evidence form added to the sample keeps the appendix as it was', async () => {
    const file = path.join(freshDir(), 'xa.xlsx');
    fs.copyFileSync(SAMPLE, file);
    const r = await runCli(['template', 'mau-3.3', '--out', file]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const rep = await validateJson(file);
    expect(rep.sheets.map((s) => s.kind)).toEqual(['phu-luc-01', 'mau-3.3']);
    const orig = await validateJson(SAMPLE);
    expect(rep.sheets[0].criteria).toEqual(orig.sheets[0].criteria);
  });

  it.each([
    [['phu-luc-09'], /^Không có mẫu "phu-luc-09"\. Các mẫu: phu-luc-01, .*mau-4\.5\.$/],
    [['phu-luc-02', '--chain', 'hai-cap-2025'], /hai-cap-2025/],
    [['phu-luc-01', '--chain', 'ba-cap'], /không có chuỗi thẩm định "ba-cap"/],
    [['phu-luc-01', '--out-file'], /không có tùy chọn "--out-file"/],
  ])('%j: one Vietnamese line, exit 2, nothing written', async (args, msg) => {
    const dir = freshDir();
    const hasOut = args.includes('--out-file');
    const r = await runCli([
      'template',
      ...args,
      ...(hasOut ? [] : ['--out', path.join(dir, 'x.xlsx')]),
    ]);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr.trim()).toMatch(msg);
    expect(listing(dir)).toEqual([]);
  });

  it('--out that is not .xlsx, or missing: refused, nothing written', async () => {
    const dir = freshDir();
    const r = await runCli(['template', 'pl01', '--out', path.join(dir, 'mau.xls')]);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr).toMatch(/phải có đuôi \.xlsx/);
    const none = await runCli(['template', 'pl01']);
    expect(none.status).toBe(2);
    expectOneVietnameseLine(none);
    expect(listing(dir)).toEqual([]);
  });
});

describe('validate on a blank PHỤ LỤC 01: one line says it is not filled in', () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(freshDir(), 'trong.xlsx');
    await runCli(['template', 'phu-luc-01', '--out', out]);
  });

  it('text: a short report, one missing-result line for the whole sheet', async () => {
    const r = await runCli(['validate', out]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(r.stdout).toContain('Đạt 0/37 tiêu chí (0%); chưa xác định 37 — 37 lỗi');
    const missing = lines.filter((l) => l.includes('[missing-result]'));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(
      /^ {4}Lỗi {7}E\d+:E\d+ – {5}chưa có kết quả tự đánh giá của UBND cấp xã ở cả 37 tiêu chí: phụ lục chưa được điền/,
    );
    const evidence = lines.filter((l) => l.includes('[missing-evidence]'));
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatch(/chưa ghi tài liệu minh chứng ở 36 tiêu chí: 1\.1, 1\.2, /);
  });

  it('JSON keeps every finding', async () => {
    const rep = await validateJson(out);
    const f = rep.sheets[0].findings;
    expect(f.filter((x) => x.rule === 'missing-result')).toHaveLength(37);
    expect(f.filter((x) => x.rule === 'missing-evidence').length).toBeGreaterThan(20);
  });
});

describe('report-text: only a sheet where NO result is filled is collapsed', () => {
  async function sheets(file: string): Promise<SheetReport[]> {
    const { snapshot } = await readWorkbookFile(file);
    return analyzeWorkbook(snapshot, defaultCatalog()).sheets;
  }

  it('the sample (one result missing: 1.11) keeps its per-criterion lines', async () => {
    const text = fileText('xa.xlsx', null, await sheets(SAMPLE));
    const missing = text.split('\n').filter((l) => l.includes('[missing-result]'));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/E18 +1\.11 +chưa có kết quả/);
    expect(text.split('\n').filter((l) => l.includes('[missing-evidence]')).length).toBeGreaterThan(
      10,
    );
  });

  it('a blank appendix with one result typed in is not collapsed either', async () => {
    const out = path.join(freshDir(), 'mot-o.xlsx');
    await runCli(['template', 'phu-luc-01', '--out', out]);
    const s = await sheets(out);
    const blank = fileText('x.xlsx', null, s);
    expect(blank.split('\n').filter((l) => l.includes('[missing-result]'))).toHaveLength(1);
    // type one result (1.1: "Có") and read again
    const ExcelJS = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const row = s[0].rows!.find((r) => r.code === '1.1')!.row + 1;
    const col = s[0].layout!.columns['result-commune']! + 1;
    wb.worksheets[0].getCell(row, col).value = 'Có';
    await wb.xlsx.writeFile(out);
    const one = fileText('x.xlsx', null, await sheets(out));
    expect(one.split('\n').filter((l) => l.includes('[missing-result]'))).toHaveLength(36);
  });
});

describe('help texts', () => {
  const COMMANDS = ['validate', 'fill', 'appraise', 'template'];

  it('cds-check --help: Vietnamese, every command, exit codes; no arguments: the same on stderr, exit 2', async () => {
    const r = await runCli(['--help']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    expect(r.stdout).toMatch(/Mã thoát: 0 thành công; 1 validate tìm thấy lỗi/);
    const none = await runCli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(r.stdout);
    expect((await runCli(['-h'])).stdout).toBe(r.stdout);
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const bad = await runCli(['kiem-tra']);
    expect(bad.status).toBe(2);
    expectOneVietnameseLine(bad);
    expect(bad.stderr).toMatch(
      /Không có lệnh "kiem-tra"\. Các lệnh: validate, fill, appraise, template/,
    );
  });

  it.each(COMMANDS)(
    '%s --help = help CMD = -h: Vietnamese, with usage, options and exit codes',
    async (c) => {
      const r = await runCli([c, '--help']);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/^Cách dùng: cds-check /);
      expect(r.stdout).toMatch(/\nTùy chọn:\n/);
      expect(r.stdout).toMatch(/\nMã thoát: /);
      expect((await runCli(['help', c])).stdout).toBe(r.stdout);
      expect((await runCli([c, '-h'])).stdout).toBe(r.stdout);
    },
  );

  it.each(COMMANDS)('%s: every option the help lists is accepted by the command', async (c) => {
    const help = (await runCli([c, '--help'])).stdout;
    const options = [
      ...help.matchAll(/^ {2}(?:(-[a-z]), )?(--[a-z-]+)(?: ([A-ZĐƯƠÂÊÔĂ_]+))?/gm),
    ].map((m) => ({ short: m[1], long: m[2], takesValue: m[3] !== undefined }));
    expect(options.length).toBeGreaterThanOrEqual(c === 'appraise' ? 8 : 3);
    const catalog = path.join(ROOT, 'src', 'catalog', 'thanh-hoa-2023.json');
    for (const o of options) {
      for (const flag of [o.long, o.short].filter((x): x is string => !!x)) {
        const value = o.takesValue ? [o.long === '--catalog' ? catalog : 'x'] : [];
        const r = await inProcess([c, flag, ...value, '--help']);
        expect([flag, r.status, r.stderr]).toEqual([flag, 0, '']);
        expect(r.stdout).toBe(help);
      }
    }
    // and an option it does not list is refused in Vietnamese
    const bad = await runCli([c, '--khong-co']);
    expect(bad.status).toBe(2);
    expectOneVietnameseLine(bad);
    expect(bad.stderr).toMatch(/không có tùy chọn "--khong-co"/);
  });

  it('fill and appraise document exit 2 for "nothing to do"; appraise lists the configured levels and chains', async () => {
    const fill = (await runCli(['fill', '--help'])).stdout;
    expect(fill).toMatch(
      /không tìm thấy phụ lục hay mẫu biểu nào, trang tính phụ lục đang được bảo vệ/,
    );
    const appraise = (await runCli(['appraise', '--help'])).stdout;
    expect(appraise).toMatch(
      /--level CẤP +Cấp thẩm định: huyen \(UBND cấp huyện\), tinh \(Sở Thông tin và Truyền thông\)/,
    );
    expect(appraise).toMatch(/--chain ID +Chuỗi thẩm định: thanh-hoa-2023 \(.*\); hai-cap-2025 \(/);
    expect(appraise).toMatch(/không có phụ lục của cấp dưới/);
  });
});
