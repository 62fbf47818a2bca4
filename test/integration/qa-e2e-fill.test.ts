/**
 * E2E-QA of `cds-check fill` as a commune official runs it (the real bin/cds-check.js):
 * the output beside the input and the input untouched, a second run, --out onto the input,
 * a workbook with nothing to fill, a protected appendix, unreadable inputs, and output paths
 * that cannot be written. Recalculation by LibreOffice: test/qa-e2e-recalc.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { applyAndWrite, defaultOut } from '../../src/cli/commands/plan-io';
import {
  addBudgetSheet,
  addCoverSheet,
  addNamesSheet,
  newWorkbook,
} from '../support/fixtures/qa-builders';
import {
  hoangKimWorkbook,
  ole2File,
  pl02Workbook,
  pl03Workbook,
  pl01Workbook,
  randomBytesFile,
  truncatedXlsx,
  writeXlsx,
} from '../support/fixtures/xlsx-builders';
import {
  ensureCliBuilt,
  expectOneVietnameseLine,
  fingerprint,
  listing,
  ROOT,
  runCli,
  sheetNamed,
  unchanged,
  validateJson,
  verdictsOf,
} from '../support/qa-e2e-support';

jest.setTimeout(120_000);

const SAMPLE = path.join(ROOT, 'samples', 'hoang-kim-phu-luc-01.xlsx');
let tmp: string;

beforeAll(async () => {
  await ensureCliBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-e2e-fill-'));
}, 200_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A fresh folder holding a copy of `src` (or the bytes given) as `name`. */
function folderWith(name: string, src: string | Buffer): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(tmp, 'f-'));
  const file = path.join(dir, name);
  if (typeof src === 'string') fs.copyFileSync(src, file);
  else fs.writeFileSync(file, src);
  return { dir, file };
}

describe('fill on the sample appendix: output beside the input, the input never touched', () => {
  let dir: string;
  let input: string;
  let out: string;

  beforeAll(() => {
    ({ dir, file: input } = folderWith('xa-hoang-kim.xlsx', SAMPLE));
    out = path.join(dir, 'xa-hoang-kim-cong-thuc.xlsx');
  });

  it('writes TỆP-cong-thuc.xlsx, says what it did, leaves the input byte for byte', async () => {
    const before = fingerprint(input);
    const r = await runCli(['fill', input]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/Sheet "PHỤ LỤC 01": Đạt 36\/37 tiêu chí/);
    expect(r.stdout).toMatch(/Chuyển 28 kết quả sang số, viết 37 công thức Đánh giá/);
    expect(r.stdout).toContain(`Đã ghi: ${out}`);
    expect(unchanged(input, before)).toBe(true);
    expect(listing(dir)).toEqual(['xa-hoang-kim-cong-thuc.xlsx', 'xa-hoang-kim.xlsx']);
  });

  it('a second run on the original does not overwrite the first output (it may hold work)', async () => {
    const before = fingerprint(out);
    const r = await runCli(['fill', input]);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr).toMatch(/đã có .*không ghi đè.*--out/);
    expect(unchanged(out, before)).toBe(true);
    expect(listing(dir)).toEqual(['xa-hoang-kim-cong-thuc.xlsx', 'xa-hoang-kim.xlsx']);
  });

  it('fill on the filled file changes nothing: not rewritten, and it says so (exit 0)', async () => {
    const before = fingerprint(out);
    for (const args of [
      ['fill', out],
      ['fill', out, '--out', out],
    ]) {
      const r = await runCli(args);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain('Không có gì cần điền: bảng đã có công thức.');
      expect(r.stdout).toContain('Không có gì thay đổi: không ghi tệp.');
      expect(r.stdout).not.toContain('Đã ghi');
      expect(unchanged(out, before)).toBe(true);
    }
    expect(listing(dir)).toEqual(['xa-hoang-kim-cong-thuc.xlsx', 'xa-hoang-kim.xlsx']);
  });

  it('the filled file validates with the verdicts of the original', async () => {
    const a = sheetNamed(await validateJson(input), 'PHỤ LỤC 01');
    const b = sheetNamed(await validateJson(out), 'PHỤ LỤC 01');
    expect(b.kind).toBe('phu-luc-01');
    expect(verdictsOf(b)).toEqual(verdictsOf(a));
    expect(b.summary).toEqual(a.summary);
  });

  it('--out naming the input overwrites it (explicitly asked), then a rerun changes nothing', async () => {
    const { file } = folderWith('xa.xlsx', SAMPLE);
    const before = fingerprint(file);
    const r = await runCli(['fill', file, '--out', file]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(fingerprint(file).bytes.equals(before.bytes)).toBe(false);
    expect(sheetNamed(await validateJson(file), 'PHỤ LỤC 01').kind).toBe('phu-luc-01');
    const filled = fingerprint(file);
    const again = await runCli(['fill', file, '--out', file]);
    expect(again.stdout).toContain('không ghi tệp');
    expect(unchanged(file, filled)).toBe(true);
    expect(listing(path.dirname(file))).toEqual(['xa.xlsx']);
  });
});

describe('fill --catalog: the formulas follow the chosen catalog', () => {
  it('Bắc Giang 2024 (27 criteria) on the sample: 27 verdict formulas, validated with that catalog', async () => {
    const { dir, file } = folderWith('xa.xlsx', SAMPLE);
    const catalog = path.join(ROOT, 'src', 'catalog', 'bac-giang-2024.json');
    const r = await runCli(['fill', file, '--catalog', catalog]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/Đạt \d+\/27 tiêu chí/);
    expect(r.stdout).toMatch(/viết 27 công thức Đánh giá/);
    const v = await runCli([
      'validate',
      '--json',
      '--catalog',
      catalog,
      path.join(dir, 'xa-cong-thuc.xlsx'),
    ]);
    const sheet = (
      JSON.parse(v.stdout) as { files: { sheets: { summary: { criteria: number } }[] }[] }
    ).files[0].sheets[0];
    expect(sheet.summary.criteria).toBe(27);
    const bad = await runCli(['fill', file, '--catalog', path.join(dir, 'khong-co.json')]);
    expect(bad.status).toBe(2);
    expectOneVietnameseLine(bad);
    expect(bad.stderr).toMatch(/Không đọc được tệp danh mục tiêu chí/);
  });
});

describe('fill where there is nothing it may write', () => {
  it('a workbook with no appendix: clear Vietnamese line, exit 2 (as --help says), no file', async () => {
    const wb = newWorkbook();
    addCoverSheet(wb);
    addBudgetSheet(wb);
    addNamesSheet(wb);
    const { dir, file } = folderWith('bao-cao.xlsx', Buffer.alloc(0));
    await writeXlsx(wb, file);
    const before = fingerprint(file);
    const r = await runCli(['fill', file]);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr).toMatch(/Không tìm thấy phụ lục .* không có gì để điền, không ghi tệp/);
    expect(r.stdout).toBe('');
    expect(listing(dir)).toEqual(['bao-cao.xlsx']);
    expect(unchanged(file, before)).toBe(true);
    const help = await runCli(['fill', '--help']);
    expect(help.stdout).toMatch(/2 không đọc được tệp,\s+không tìm thấy phụ lục hay mẫu biểu nào/);
  });

  it('--sheet naming a sheet that is not an appendix: the same refusal', async () => {
    const wb = pl01Workbook({ sheetsBefore: ['Báo cáo'] });
    const { dir, file } = folderWith('xa.xlsx', Buffer.alloc(0));
    await writeXlsx(wb, file);
    const r = await runCli(['fill', file, '--sheet', 'Báo cáo']);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr).toMatch(/sheet "Báo cáo"/);
    expect(listing(dir)).toEqual(['xa.xlsx']);
    const ok = await runCli(['fill', file, '--sheet', 'PL01']);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(listing(dir)).toEqual(['xa-cong-thuc.xlsx', 'xa.xlsx']);
  });

  it('a protected appendix sheet: refused in Vietnamese, exit 2, nothing written', async () => {
    const { dir, file } = folderWith('xa-khoa.xlsx', Buffer.alloc(0));
    await writeXlsx(pl01Workbook({ protect: true, sheetName: 'PHỤ LỤC 01' }), file);
    const before = fingerprint(file);
    const r = await runCli(['fill', file]);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr).toMatch(/"PHỤ LỤC 01" đang được bảo vệ.*bỏ bảo vệ.*Không ghi tệp/);
    expect(listing(dir)).toEqual(['xa-khoa.xlsx']);
    expect(unchanged(file, before)).toBe(true);
  });
});

const BAD_INPUTS: [string, string, () => Promise<Buffer | null>][] = [
  [
    'a text file named .xlsx',
    'ghi-chu.xlsx',
    async () => Buffer.from('TT\tTên chỉ tiêu\n1.1\tCó\n'),
  ],
  ['random bytes', 'rac.xlsx', async () => randomBytesFile(6000, 5)],
  ['a truncated download', 'tai-do.xlsx', async () => truncatedXlsx(hoangKimWorkbook(), 0.5)],
  ['an empty file', 'rong.xlsx', async () => Buffer.alloc(0)],
  ['a damaged .xls (an OLE2 header and nothing else)', 'cu.xls', async () => ole2File(false)],
  ['a password-protected workbook', 'mat-khau.xlsx', async () => ole2File(true)],
  ['a folder', 'thu-muc.xlsx', async () => null],
];

const MESSAGES: Record<string, RegExp> = {
  'ghi-chu.xlsx': /không phải là bảng tính Excel/,
  'rac.xlsx': /không phải là bảng tính Excel/,
  'tai-do.xlsx': /bị cắt cụt/,
  'rong.xlsx': /rỗng/,
  'cu.xls': /bị hỏng, không đọc được như một bảng tính \(\.xls\)/,
  'mat-khau.xlsx': /đặt mật khẩu/,
  'thu-muc.xlsx': /là một thư mục/,
};

describe.each([
  ['fill', (f: string) => ['fill', f]],
  [
    'appraise',
    (f: string) => [
      'appraise',
      f,
      '--level',
      'huyen',
      '--out',
      path.join(path.dirname(f), 'ra.xlsx'),
    ],
  ],
  ['template (into the file)', (f: string) => ['template', 'phu-luc-01', '--out', f]],
])('%s on an input that is no workbook', (_label, args) => {
  it.each(BAD_INPUTS)(
    '%s: one Vietnamese line, exit 2, no file written, input untouched',
    async (_what, name, make) => {
      const dir = fs.mkdtempSync(path.join(tmp, 'bad-'));
      const file = path.join(dir, name);
      const bytes = await make();
      if (bytes === null) fs.mkdirSync(file);
      else fs.writeFileSync(file, bytes);
      const before = bytes === null ? null : fingerprint(file);
      const r = await runCli(args(file));
      expect(r.status).toBe(2);
      expectOneVietnameseLine(r);
      expect(r.stderr).toMatch(MESSAGES[name]);
      expect(r.stdout).toBe('');
      expect(listing(dir)).toEqual(bytes === null ? [] : [name]);
      if (before) expect(unchanged(file, before)).toBe(true);
    },
  );

  it('a missing file: one Vietnamese line, exit 2, nothing created', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'missing-'));
    const r = await runCli(args(path.join(dir, 'khong-co.xlsx')));
    if (_label.startsWith('template')) {
      // template creates the file it is given: a missing --out is a new workbook
      expect(r.status).toBe(0);
      return;
    }
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr).toMatch(/Không tìm thấy tệp/);
    expect(listing(dir)).toEqual([]);
  });
});

describe('fill: output paths that cannot be written', () => {
  let input: string;
  let dir: string;
  beforeAll(() => {
    ({ dir, file: input } = folderWith('xa.xlsx', SAMPLE));
  });

  it('--out in a folder that does not exist yet: the folder is made (as --help says)', async () => {
    const out = path.join(dir, 'ket-qua', '2023', 'xa.xlsx');
    const r = await runCli(['fill', input, '--out', out]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(fs.existsSync(out)).toBe(true);
    expect((await runCli(['fill', '--help'])).stdout).toMatch(/Thư mục chưa có sẽ được tạo/);
    fs.rmSync(path.join(dir, 'ket-qua'), { recursive: true });
  });

  it.each([
    [
      'under a file, as if it were a folder',
      () => path.join(input, 'ra.xlsx'),
      /không ghi được tệp/i,
    ],
    ['an existing folder', () => dir, /là một thư mục|đuôi \.xlsx/],
    [
      'a folder named like a workbook',
      () => {
        fs.mkdirSync(path.join(dir, 'ra.xlsx'), { recursive: true });
        return path.join(dir, 'ra.xlsx');
      },
      /là một thư mục/,
    ],
    ['a name that is not .xlsx', () => path.join(dir, 'ra.xls'), /phải có đuôi \.xlsx/],
    [
      'a read-only place',
      () => (fs.existsSync('/sys/kernel') ? '/sys/kernel/cds-ra.xlsx' : path.join(input, 'x.xlsx')),
      /Không ghi được tệp/,
    ],
  ])(
    '%s: one Vietnamese line, exit 2, input untouched, nothing left behind',
    async (_w, out, msg) => {
      const before = fingerprint(input);
      const files = listing(dir);
      const r = await runCli(['fill', input, '--out', out()]);
      expect(r.status).toBe(2);
      expectOneVietnameseLine(r);
      expect(r.stderr).toMatch(msg);
      expect(r.stdout).not.toContain('Đã ghi');
      expect(unchanged(input, before)).toBe(true);
      expect(listing(dir)).toEqual(files);
    },
  );

  it('a read-only folder (as a normal user): refused, nothing written', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere; covered by /sys above
    const ro = path.join(dir, 'chi-doc');
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o555);
    const r = await runCli(['fill', input, '--out', path.join(ro, 'ra.xlsx')]);
    fs.chmodSync(ro, 0o755);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/không có quyền ghi/);
    expect(listing(ro)).toEqual([]);
  });
});

describe('fill on PHỤ LỤC 02 and 03: the verdict formulas judge the appraising level', () => {
  it.each([
    ['PHỤ LỤC 02', 'PL02', pl02Workbook, 'Kết quả thẩm định của UBND cấp huyện'],
    ['PHỤ LỤC 03', 'PL03', pl03Workbook, 'Kết quả thẩm tra của Sở TTTT'],
  ] as const)('%s', async (_t, sheet, build, ownHeader) => {
    // the appraiser found 1.6 below target (the level below said 82,9 %)
    const { dir, file } = folderWith('xa.xlsx', Buffer.alloc(0));
    await writeXlsx(build({ own: { '1.6': '65%' }, verdicts: { '1.6': '' } }), file);
    const r = await runCli(['fill', file]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const out = path.join(dir, 'xa-cong-thuc.xlsx');
    const orig = sheetNamed(await validateJson(file), sheet);
    const filled = sheetNamed(await validateJson(out), sheet);
    expect(filled.kind).toBe(orig.kind);
    expect(verdictsOf(filled)).toEqual(verdictsOf(orig));
    expect(verdictsOf(filled)['1.6']).toBe('unmet');
    // the 1.6 verdict formula refers to the appraising level's column
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(sheet)!;
    let ownCol = 0;
    let verdictCol = 0;
    let row16 = 0;
    ws.eachRow((row, r) => {
      row.eachCell((c, col) => {
        if (c.value === ownHeader) ownCol = col;
        if (typeof c.value === 'string' && c.value.startsWith('Đánh giá')) verdictCol = col;
      });
      if (String(row.getCell(1).value).trim() === '1.6') row16 = r;
    });
    const f = (ws.getCell(row16, verdictCol).value as { formula: string }).formula;
    expect(f).toContain(ws.getCell(row16, ownCol).address);
    expect(ws.getCell(row16, verdictCol).result).toBe('Không đạt');
  });
});

describe('plan-io: writing the output', () => {
  const plan = {
    description: 'Tạo mẫu',
    edits: [{ op: 'add-sheet' as const, sheet: 'Mẫu' }],
  };
  async function write(out: { path: string; explicit: boolean }) {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (t: string) => (stdout += t),
      stderr: (t: string) => (stderr += t),
      stderrIsTTY: false,
    };
    const status = await applyAndWrite(io, new ExcelJS.Workbook(), plan, out);
    return { status, stdout, stderr };
  }

  it('a default output that cannot be written suggests --out; an explicit one does not', async () => {
    const where = fs.existsSync('/sys/kernel') ? '/sys/kernel' : path.join(SAMPLE, 'x');
    const def = await write({ path: path.join(where, 'xa-cong-thuc.xlsx'), explicit: false });
    expect(def.status).toBe(2);
    expect(def.stderr).toMatch(
      /^Không ghi được tệp .*Chưa ghi gì\. Hãy chỉ nơi ghi khác bằng --out\.\n$/,
    );
    expect(def.stdout).toBe('');
    const exp = await write({ path: path.join(where, 'ra.xlsx'), explicit: true });
    expect(exp.status).toBe(2);
    expect(exp.stderr).not.toMatch(/--out/);
  });

  it('leaves no temporary file behind, and prints the plan only once written', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'w-'));
    const ok = await write({ path: path.join(dir, 'mau.xlsx'), explicit: true });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(`Tạo mẫu\nĐã ghi: ${path.join(dir, 'mau.xlsx')}\n`);
    expect(listing(dir)).toEqual(['mau.xlsx']);
    expect(defaultOut(path.join(dir, 'Phụ lục 01 - xã (bản cuối).XLSM'), 'cong-thuc')).toBe(
      path.join(dir, 'Phụ lục 01 - xã (bản cuối)-cong-thuc.xlsx'),
    );
  });
});
