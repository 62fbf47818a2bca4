/**
 * E2E-QA of `cds-check appraise` as a district / province official runs it (the real
 * bin/cds-check.js) on the PL01 variants of qa-e2e-variants.ts: --level huyen, then --level
 * tinh on the result, then validate; the two-tier chain; the refusals (unknown level, a PL02
 * given to --level huyen, bad --name); running twice; --adjacent twice; a sheet-name clash;
 * --source; a protected source. LibreOffice recalculation of the same chain and the district
 * editing a cell: test/qa-e2e-recalc.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../src/cli/read-file';
import type { SheetGrid } from '../../src/core/model/grid';
import { pl01Workbook, pl02Workbook, writeXlsx } from '../support/fixtures/xlsx-builders';
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
  type JsonFile,
} from '../support/qa-e2e-support';
import { VARIANTS } from '../support/qa-e2e-variants';

jest.setTimeout(120_000);

let tmp: string;
beforeAll(async () => {
  await ensureCliBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-e2e-appraise-'));
}, 200_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function written(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(tmp, 'a-'));
  return writeXlsx(wb, path.join(dir, name));
}

/** Every cell of a sheet as value/formula/format, to prove a source sheet is untouched. */
async function cellsOf(file: string, sheet: string): Promise<Map<string, unknown>> {
  const { snapshot } = await readWorkbookFile(file);
  const grid = snapshot.sheets.find((s) => s.name === sheet) as SheetGrid;
  return new Map(
    grid.cells.map((c) => [`${c.row}:${c.col}`, [c.value, c.formula, c.numberFormat, c.note]]),
  );
}

function rulesOf(f: JsonFile, sheet: string, rule: string): string[] {
  return sheetNamed(f, sheet)
    .findings.filter((x) => x.rule === rule)
    .map((x) => `${x.criterion}@${x.cell}`);
}

describe.each(VARIANTS)('appraise the chain on $label', (v) => {
  let input: string;
  let pl02: string;
  let pl03: string;
  let original: JsonFile;

  beforeAll(async () => {
    input = await written(v.build(), `${v.id}.xlsx`);
    original = await validateJson(input);
    pl02 = path.join(path.dirname(input), `${v.id}-pl02.xlsx`);
    pl03 = path.join(path.dirname(input), `${v.id}-pl03.xlsx`);
  });

  it('--level huyen: a PHỤ LỤC 02 sheet after the source, the source untouched', async () => {
    const before = fingerprint(input);
    const r = await runCli(['appraise', input, '--level', 'huyen', '--out', pl02]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`Tạo sheet "Phụ lục 02" (PHỤ LỤC 02) từ "${v.sheet}"`);
    expect(unchanged(input, before)).toBe(true);
    expect(await cellsOf(pl02, v.sheet)).toEqual(await cellsOf(input, v.sheet));
    const names = (await validateJson(pl02)).sheets.map((s) => s.name);
    expect(names.slice(names.indexOf(v.sheet), names.indexOf(v.sheet) + 2)).toEqual([
      v.sheet,
      'Phụ lục 02',
    ]);
  });

  it('the commune column refers to the source sheet, quoted as Excel requires', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pl02);
    const ws = wb.getWorksheet('Phụ lục 02')!;
    const refs: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const f = (c.value as { formula?: string } | null)?.formula;
        if (f && f.includes('!')) refs.push(f);
      }),
    );
    expect(refs.length).toBeGreaterThanOrEqual(37);
    for (const f of refs) expect([f, f.includes(`${v.quoted}!`)]).toEqual([f, true]);
  });

  it('validate reads PHỤ LỤC 02 with the commune’s verdicts and no appraisal-differs', async () => {
    const rep = await validateJson(pl02);
    const src = sheetNamed(original, v.sheet);
    expect(sheetNamed(rep, v.sheet).kind).toBe('phu-luc-01');
    const two = sheetNamed(rep, 'Phụ lục 02');
    expect(two.kind).toBe('phu-luc-02');
    expect(verdictsOf(two)).toEqual(verdictsOf(src));
    expect(rulesOf(rep, 'Phụ lục 02', 'appraisal-differs')).toEqual([]);
    expect(rulesOf(rep, 'Phụ lục 02', 'verdict-mismatch')).toEqual([]);
  });

  it('--level tinh on the result: PHỤ LỤC 03 from PHỤ LỤC 02, validated', async () => {
    const r = await runCli(['appraise', pl02, '--level', 'tinh', '--out', pl03]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Tạo sheet "Phụ lục 03" (PHỤ LỤC 03) từ "Phụ lục 02"');
    const rep = await validateJson(pl03);
    const kinds = rep.sheets.filter((s) => s.kind !== 'unknown').map((s) => s.kind);
    expect(kinds).toEqual(['phu-luc-01', 'phu-luc-02', 'phu-luc-03']);
    const three = sheetNamed(rep, 'Phụ lục 03');
    expect(verdictsOf(three)).toEqual(verdictsOf(sheetNamed(original, v.sheet)));
    expect(rulesOf(rep, 'Phụ lục 03', 'appraisal-differs')).toEqual([]);
    expect(await cellsOf(pl03, 'Phụ lục 02')).toEqual(await cellsOf(pl02, 'Phụ lục 02'));
  });

  it('twice: "đã tồn tại", exit 0, the file not rewritten', async () => {
    const before = fingerprint(pl02);
    const r = await runCli(['appraise', pl02, '--level', 'huyen', '--out', pl02]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/Sheet "Phụ lục 02" đã tồn tại — không tạo thêm bản thứ hai\./);
    expect(r.stdout).toContain('Không có gì thay đổi: không ghi tệp.');
    expect(r.stdout.match(/đã tồn tại/g)).toHaveLength(1);
    expect(unchanged(pl02, before)).toBe(true);
  });
});

describe('appraise: the two-tier chain (hai-cap-2025) and the refusals', () => {
  let input: string;
  let dir: string;
  beforeAll(async () => {
    input = await written(pl01Workbook({ sheetName: 'PL 01 (xã)' }), 'xa.xlsx');
    dir = path.dirname(input);
  });

  it('--chain hai-cap-2025 --level tinh: PHỤ LỤC 03 straight from PHỤ LỤC 01', async () => {
    const out = path.join(dir, 'hai-cap.xlsx');
    const r = await runCli([
      'appraise',
      input,
      '--level',
      'tinh',
      '--chain',
      'hai-cap-2025',
      '--out',
      out,
    ]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const rep = await validateJson(out);
    expect(rep.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['PL 01 (xã)', 'phu-luc-01'],
      ['Phụ lục 03', 'phu-luc-03'],
    ]);
    expect(verdictsOf(sheetNamed(rep, 'Phụ lục 03'))).toEqual(
      verdictsOf(sheetNamed(await validateJson(input), 'PL 01 (xã)')),
    );
    fs.rmSync(out);
  });

  it.each([
    [
      ['--level', 'quan'],
      /^Không có cấp thẩm định "quan"\. Các cấp thẩm định: huyen \(UBND cấp huyện\), tinh \(Sở Thông tin và Truyền thông\)\.$/,
    ],
    [['--level', ''], /^Thiếu cấp thẩm định\. Các cấp thẩm định: huyen .*, tinh /],
    [['--level', 'xa'], /"xa" \(UBND cấp xã\) là cấp tự đánh giá đầu chuỗi/],
    [
      ['--level', 'huyen', '--chain', 'hai-cap-2025'],
      /Cấp "huyen" không thuộc chuỗi thẩm định "hai-cap-2025"/,
    ],
    [
      ['--level', 'huyen', '--chain', 'ba-cap'],
      /không có chuỗi thẩm định "ba-cap".*thanh-hoa-2023, hai-cap-2025/,
    ],
    [['--level', 'tinh'], /Không tìm thấy PHỤ LỤC 02 .* để lập PHỤ LỤC 03\.$/],
    [[], /Sai cách dùng: cần một tệp \.xlsx và --level \(huyen \(UBND cấp huyện\), tinh/],
    [['--level', 'huyen', '--name', "'Thẩm định"], /Tên sheet "'Thẩm định" không dùng được/],
    [['--level', 'huyen', '--name', 'Thẩm định: huyện'], /không chứa \[ \] : \* \? \/ \\/],
    [['--level', 'huyen', '--name', 'Thẩm định cấp huyện xã Hoàng Kim 2023'], /dài 1–31 ký tự/],
    [
      ['--level', 'huyen', '--name', 'pl 01 (XÃ)'],
      /đã có sheet "pl 01 \(XÃ\)" \(không phải PHỤ LỤC 02\): hãy chọn tên khác/,
    ],
    [['--level', 'huyen', '--source', 'Không có'], /Sheet "Không có" không phải PHỤ LỤC 01/],
  ])('%j: one Vietnamese line, exit 2, nothing written', async (args, msg) => {
    const before = fingerprint(input);
    const r = await runCli(['appraise', input, ...args]);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr.trim()).toMatch(msg);
    expect(r.stdout).toBe('');
    expect(listing(dir)).toEqual(['xa.xlsx']);
    expect(unchanged(input, before)).toBe(true);
  });

  it('a catalog with no appraisal level (Bắc Giang 2024: self-assessment only) says so', async () => {
    const catalog = path.join(__dirname, '..', '..', 'src', 'catalog', 'bac-giang-2024.json');
    const r = await runCli(['appraise', input, '--catalog', catalog, '--level', 'huyen']);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr).toMatch(
      /Các cấp thẩm định: không có \(danh mục "bac-giang-2024" chỉ có phần tự đánh giá\)\./,
    );
    expect(listing(dir)).toEqual(['xa.xlsx']);
  });

  it('--level huyen on a PHỤ LỤC 02: says the file is appraised already and what to run', async () => {
    const file = await written(pl02Workbook(), 'huyen.xlsx');
    const r = await runCli(['appraise', file, '--level', 'huyen']);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr).toMatch(
      /sheet "PL02" đã là PHỤ LỤC 02 \(kết quả của UBND cấp huyện\); để lập PHỤ LỤC 03 .* dùng --level tinh\./,
    );
    expect(listing(path.dirname(file))).toEqual(['huyen.xlsx']);
    // and the advice works
    const ok = await runCli(['appraise', file, '--level', 'tinh']);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    const rep = await validateJson(path.join(path.dirname(file), 'huyen-tham-dinh.xlsx'));
    expect(rep.sheets.map((s) => s.kind)).toEqual(['phu-luc-02', 'phu-luc-03']);
  });
});

describe('appraise --adjacent, twice', () => {
  it('adds the columns once; the second run says so and writes nothing; no duplicated column', async () => {
    const input = await written(pl01Workbook({ sheetName: "Xã's" }), 'xa.xlsx');
    const out = path.join(path.dirname(input), 'canh.xlsx');
    const r = await runCli(['appraise', input, '--level', 'huyen', '--adjacent', '--out', out]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const before = fingerprint(out);
    const again = await runCli(['appraise', out, '--level', 'huyen', '--adjacent', '--out', out]);
    expect([again.status, again.stderr]).toEqual([0, '']);
    expect(again.stdout).toMatch(
      /đã có cột “Kết quả thẩm định của UBND cấp huyện” — không thêm lần nữa/,
    );
    expect(again.stdout).toContain('không ghi tệp');
    expect(unchanged(out, before)).toBe(true);
    // once per header row of the table (the seed repeats its header: PDF paste)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Xã's")!;
    let headers = 0;
    let tt = 0;
    const cols = new Set<number>();
    ws.eachRow((row) =>
      row.eachCell((c, col) => {
        if (c.value === 'Kết quả thẩm định của UBND cấp huyện') {
          headers++;
          cols.add(col);
        }
        if (c.value === 'TT') tt++;
      }),
    );
    expect(cols.size).toBe(1);
    expect(headers).toBe(tt);
    // validate: a PHỤ LỤC 02 on the same sheet, judged on the new column, nothing read into 4.8
    const rep = sheetNamed(await validateJson(out), "Xã's");
    expect(rep.kind).toBe('phu-luc-02');
    expect(verdictsOf(rep)).toEqual(verdictsOf(sheetNamed(await validateJson(input), "Xã's")));
    expect(rep.findings.filter((f) => f.rule === 'appraisal-differs')).toEqual([]);
    // appraise --adjacent --level tinh next to it: PHỤ LỤC 03 on the same sheet
    const out3 = path.join(path.dirname(input), 'canh-3.xlsx');
    const t = await runCli(['appraise', out, '--level', 'tinh', '--adjacent', '--out', out3]);
    expect([t.status, t.stderr]).toEqual([0, '']);
    const rep3 = sheetNamed(await validateJson(out3), "Xã's");
    expect(rep3.kind).toBe('phu-luc-03');
    expect(verdictsOf(rep3)).toEqual(verdictsOf(rep));
    expect(rep3.findings.filter((f) => f.rule === 'appraisal-differs')).toEqual([]);
  });

  it('--adjacent on a protected sheet is refused; a new sheet from it is fine', async () => {
    const input = await written(pl01Workbook({ protect: true }), 'khoa.xlsx');
    const dir = path.dirname(input);
    const r = await runCli(['appraise', input, '--level', 'huyen', '--adjacent']);
    expect(r.status).toBe(2);
    expectOneVietnameseLine(r);
    expect(r.stderr).toMatch(/Sheet "PL01" đang được bảo vệ: không thêm được cột thẩm định/);
    expect(listing(dir)).toEqual(['khoa.xlsx']);
    const ok = await runCli(['appraise', input, '--level', 'huyen']);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    const out = path.join(dir, 'khoa-tham-dinh.xlsx');
    expect(await cellsOf(out, 'PL01')).toEqual(await cellsOf(input, 'PL01'));
  });
});

describe('appraise: sheet names', () => {
  it('a PHỤ LỤC 01 that is itself named "Phụ lục 02": the new sheet is "Phụ lục 02 (2)", once', async () => {
    const input = await written(pl01Workbook({ sheetName: 'Phụ lục 02' }), 'xa.xlsx');
    const out = path.join(path.dirname(input), 'ra.xlsx');
    const r = await runCli(['appraise', input, '--level', 'huyen', '--out', out]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const rep = await validateJson(out);
    expect(rep.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['Phụ lục 02', 'phu-luc-01'],
      ['Phụ lục 02 (2)', 'phu-luc-02'],
    ]);
    const again = await runCli(['appraise', out, '--level', 'huyen', '--out', out]);
    expect(again.stdout).toMatch(/Sheet "Phụ lục 02 \(2\)" đã tồn tại/);
  });

  it('--name and --source choose the new sheet’s name and which commune to appraise', async () => {
    const wb = pl01Workbook({ sheetName: 'Xã A' });
    const b = pl01Workbook({ sheetName: 'Xã B' }).getWorksheet('Xã B')!;
    const ws = wb.addWorksheet('Xã B');
    b.eachRow((row, r) => row.eachCell((c, col) => (ws.getCell(r, col).value = c.value)));
    const input = await written(wb, 'hai-xa.xlsx');
    const out = path.join(path.dirname(input), 'ra.xlsx');
    const r = await runCli([
      'appraise',
      input,
      '--level',
      'huyen',
      '--source',
      'Xã B',
      '--name',
      'Thẩm định xã B',
      '--out',
      out,
    ]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const rep = await validateJson(out);
    expect(rep.sheets.map((s) => s.name)).toEqual(['Xã A', 'Xã B', 'Thẩm định xã B']);
    expect(sheetNamed(rep, 'Thẩm định xã B').kind).toBe('phu-luc-02');
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(out);
    let refs = 0;
    x.getWorksheet('Thẩm định xã B')!.eachRow((row) =>
      row.eachCell((c) => {
        const f = (c.value as { formula?: string } | null)?.formula ?? '';
        if (f.includes("'Xã B'!")) refs++;
        expect(f.includes("'Xã A'!")).toBe(false);
      }),
    );
    expect(refs).toBeGreaterThanOrEqual(37);
  });
});
