/**
 * The writing commands end to end: `cds-check fill`, `appraise`, `template` on real .xlsx files
 * (in-process through main(), plus one run of the real bin/cds-check.js).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/command';
import { readWorkbookFile } from '../../src/cli/read-file';
import { analyze, hoangKimGrid, snapshotOf, toExcel } from '../support/fill-support';
import { ensureCliBuilt, runCli } from '../support/fixtures/cli-run';
import { normalizeKind } from '../../src/cli/commands/template';
import { marksWorkbook } from '../support/fill-layout-builders';
import { cleanRows, patchRows } from '../support/fixtures/qa-builders';

let dir: string;
let input: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-fill-'));
  input = path.join(dir, 'xa-hoang-kim.xlsx');
  await toExcel(snapshotOf(hoangKimGrid())).xlsx.writeFile(input);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    stderrIsTTY: false,
  };
  const code = await main(args, io);
  return { code, out, err };
}

describe('cds-check fill', () => {
  it('writes the filled copy next to the input, leaving the input byte for byte', async () => {
    const bytes = fs.readFileSync(input);
    const r = await cli(['fill', input]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = path.join(dir, 'xa-hoang-kim-cong-thuc.xlsx');
    expect(r.out).toContain('Sheet "Phụ lục 01": Đạt 36/37 tiêu chí');
    expect(r.out).toMatch(/viết 3\d công thức Đánh giá/);
    expect(r.out).toContain(`Đã ghi: ${out}`);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
    const { snapshot } = await readWorkbookFile(out);
    const rep = analyze(snapshot);
    expect(rep.sheets[0].kind).toBe('phu-luc-01');
    expect(snapshot.sheets[0].cells.filter((c) => c.formula).length).toBeGreaterThan(40);
  });

  it('running it on its own output changes nothing and writes nothing', async () => {
    const out = path.join(dir, 'xa-hoang-kim-cong-thuc.xlsx');
    const before = fs.statSync(out).mtimeMs;
    const r = await cli(['fill', out, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Không có gì cần điền');
    expect(r.out).toContain('Không có gì thay đổi: không ghi tệp.');
    expect(fs.statSync(out).mtimeMs).toBe(before);
  });

  it('exits 2 with a Vietnamese message on an unreadable input or a bad option', async () => {
    const bad = path.join(dir, 'hong.xlsx');
    fs.writeFileSync(bad, 'không phải excel');
    const r = await cli(['fill', bad, '--out', path.join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không phải là bảng tính Excel/);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
    expect((await cli(['fill', input, '--bogus'])).err).toMatch(/không có tùy chọn "--bogus"/);
    expect((await cli(['fill'])).code).toBe(2);
    expect((await cli(['fill', input, '--sheet', 'Không có'])).err).toMatch(/không có sheet/);
  });
});

describe('cds-check fill / appraise on an official layout: Đánh giá as "Đạt" | "Không đạt" marks', () => {
  it('fill writes x/"" marks, appraise builds PHỤ LỤC 02 from the filled file; both validate', async () => {
    const file = path.join(dir, 'xa-danh-dau.xlsx');
    const rows = patchRows(cleanRows(), { '1.6': { commune: '65%' } });
    await marksWorkbook(rows, { '1.6': { unmet: 'x' } }).wb.xlsx.writeFile(file);
    const filled = path.join(dir, 'xa-danh-dau-cong-thuc.xlsx');
    const r = await cli(['fill', file, '--out', filled]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/viết 37 công thức Đánh giá/);
    const { snapshot } = await readWorkbookFile(filled);
    const rep = analyze(snapshot).sheets[0];
    expect(rep.layout!.verdictMarks).toEqual({ met: 5, unmet: 6 });
    expect(rep.summary).toEqual({ criteria: 37, met: 36, unmet: 1, undetermined: 0 });
    const marks = snapshot.sheets[0].cells.filter((c) => c.formula && (c.col === 5 || c.col === 6));
    expect(marks.length).toBe(74);
    expect(marks.filter((c) => c.value === 'x').length).toBe(37);
    const pl02 = path.join(dir, 'xa-danh-dau-pl02.xlsx');
    const a = await cli(['appraise', filled, '--level', 'huyen', '--out', pl02]);
    expect([a.code, a.err]).toEqual([0, '']);
    const two = analyze((await readWorkbookFile(pl02)).snapshot);
    expect(two.sheets.map((s) => s.kind)).toEqual(['phu-luc-01', 'phu-luc-02']);
    expect(two.sheets[1].summary).toEqual(rep.summary);
  });
});

describe('cds-check appraise', () => {
  it('builds PHỤ LỤC 02, then refuses a second copy, then PHỤ LỤC 03 from it', async () => {
    const out = path.join(dir, 'tham-dinh.xlsx');
    const r = await cli(['appraise', input, '--level', 'huyen', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tạo sheet "Phụ lục 02" (PHỤ LỤC 02) từ "Phụ lục 01"');
    const { snapshot } = await readWorkbookFile(out);
    expect(analyze(snapshot).sheets.map((s) => s.kind)).toEqual(['phu-luc-01', 'phu-luc-02']);

    const again = await cli(['appraise', out, '--level', 'huyen', '--out', out]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Sheet "Phụ lục 02" đã tồn tại');
    expect(again.out).toContain('không ghi tệp');

    const out3 = path.join(dir, 'tham-tra.xlsx');
    const r3 = await cli(['appraise', out, '--level', 'tinh', '--out', out3]);
    expect(r3.code).toBe(0);
    const s3 = (await readWorkbookFile(out3)).snapshot;
    expect(analyze(s3).sheets.map((s) => s.kind)).toEqual([
      'phu-luc-01',
      'phu-luc-02',
      'phu-luc-03',
    ]);
  });

  it('takes the two-tier chain and --adjacent', async () => {
    const out = path.join(dir, 'hai-cap.xlsx');
    expect(
      (await cli(['appraise', input, '--level', 'tinh', '--chain', 'hai-cap-2025', '--out', out]))
        .code,
    ).toBe(0);
    expect((await readWorkbookFile(out)).snapshot.sheets.map((s) => s.name)).toEqual([
      'Phụ lục 01',
      'Phụ lục 03',
    ]);
    const adj = path.join(dir, 'canh.xlsx');
    expect(
      (await cli(['appraise', input, '--level', 'huyen', '--adjacent', '--out', adj])).code,
    ).toBe(0);
    const s = (await readWorkbookFile(adj)).snapshot;
    expect(s.sheets.length).toBe(1);
    expect(s.sheets[0].cells.some((c) => c.value === 'Kết quả thẩm định của UBND cấp huyện')).toBe(
      true,
    );
  });

  it('exits 2 on a level the catalog does not have, or with no source appendix', async () => {
    const unknown = await cli(['appraise', input, '--level', 'quan']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Không có cấp thẩm định "quan"/);
    const noPl02 = await cli(['appraise', input, '--level', 'tinh']);
    expect(noPl02.code).toBe(2);
    expect(noPl02.err).toMatch(/Không tìm thấy PHỤ LỤC 02/);
    expect((await cli(['appraise', input])).err).toMatch(
      /--level \(huyen \(UBND cấp huyện\), tinh \(Sở Thông tin và Truyền thông\)\)/,
    );
    expect((await cli(['appraise', '--help'])).out).toMatch(/hai-cap-2025/);
  });
});

describe('cds-check template', () => {
  it('writes a blank PHỤ LỤC that validate recognises, and adds a form to an existing file', async () => {
    const out = path.join(dir, 'mau.xlsx');
    expect((await cli(['template', 'pl02', '--out', out])).code).toBe(0);
    expect(analyze((await readWorkbookFile(out)).snapshot).sheets.map((s) => s.kind)).toEqual([
      'phu-luc-02',
    ]);
    const r = await cli(['template', 'mau-3.3', '--out', out]);
    expect(r.code).toBe(0);
    expect(analyze((await readWorkbookFile(out)).snapshot).sheets.map((s) => s.kind)).toEqual([
      'phu-luc-02',
      'mau-3.3',
    ]);
    const again = await cli(['template', 'phu-luc-02', '--out', out]);
    expect(again.out).toMatch(/đã tồn tại/);
  });

  it('refuses an unknown kind and a kind the chain does not have', async () => {
    const out = path.join(dir, 'khong.xlsx');
    const r = await cli(['template', 'phu-luc-09', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Không có mẫu "phu-luc-09"/);
    const c = await cli(['template', 'phu-luc-02', '--chain', 'hai-cap-2025', '--out', out]);
    expect(c.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('reads the kind names officials write', () => {
    expect(['pl01', 'PL-02', 'phu-luc-3', 'Phụ lục 01', '03'].map(normalizeKind)).toEqual([
      'phu-luc-01',
      'phu-luc-02',
      'phu-luc-03',
      'phu-luc-01',
      'phu-luc-03',
    ]);
    expect(['Mẫu 3.3', 'mau-1.4', 'mau so 4.5'].map(normalizeKind)).toEqual([
      'mau-3.3',
      'mau-1.4',
      'mau-4.5',
    ]);
  });
});

describe('the real bin/cds-check.js', () => {
  beforeAll(async () => {
    await ensureCliBuilt();
  }, 200_000);

  it('fill then validate on the result', async () => {
    const out = path.join(dir, 'bin-fill.xlsx');
    const r = await runCli(['fill', input, '--out', out]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const v = await runCli(['validate', '--json', out]);
    const json = JSON.parse(v.stdout);
    expect(json.files[0].sheets[0].kind).toBe('phu-luc-01');
  });
});
