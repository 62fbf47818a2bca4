/**
 * `cds-check validate` on scoring sheets and `cds-check catalog import|export`, in process,
 * on .xlsx files written with ExcelJS.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/command';
import type { JsonReport } from '../../../src/cli/report-json';
import {
  acceptanceIndices,
  flatRows,
  writeRowsXlsx,
  yenDinhRows,
} from '../../support/scoring-sheets';
import { PLAN_RESULTS, PLAN_TABLE, planAppendixRows } from '../../support/criteria-tables';
import { loadCatalog } from '../../../src/core/catalog';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-14-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function fakeIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stderrIsTTY: false,
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}

async function run(args: string[]) {
  const io = fakeIO();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('validate on a scoring sheet (Yên Định layout)', () => {
  it('exit 1, the three kinds of finding on their rows, points in --json, maximum 300', async () => {
    const rows = yenDinhRows(acceptanceIndices());
    const file = await writeRowsXlsx(path.join(tmp, 'yen-dinh.xlsx'), [
      { name: 'Chỉ số CĐS', rows },
    ]);
    const json = await run(['validate', '--json', file]);
    expect(json.code).toBe(1);
    const sheet = (JSON.parse(json.out) as JsonReport).files[0].sheets[0];
    expect(sheet.kind).toBe('dti');
    expect(sheet.points).toMatchObject({ max: 300, total: 273, computed: 268.125 });
    const rowOf = (code: string) =>
      rows.findIndex((r) => r[0] === code && r[1] !== 'Chỉ số đánh giá') + 1;
    const header2 = rows.findIndex((r) => r[0] === '2' && r[1] === 'Chỉ số đánh giá') + 1;
    expect(sheet.findings.map((f) => [f.rule, f.cell]).sort()).toEqual(
      [
        ['points-over-max', `D${rowOf('3.3')}`],
        ['points-sum-mismatch', `D${rowOf('1.2')}`],
        ['points-sum-mismatch', `D${header2}`],
      ].sort(),
    );
    const text = await run(['validate', file]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('Bảng chấm điểm');
    expect(text.out).toContain('Tổng điểm 273/300');
  });

  it('a clean flat sheet with a total row: exit 0; with the bundled index as catalog, maxima compared', async () => {
    const ix = acceptanceIndices();
    ix[0].items[1].score = 18.125;
    ix[0].score = 78.125;
    ix[1].score = 90;
    ix[2].items[2].score = 10;
    ix[2].items[3].score = 10;
    const rows = flatRows(ix, { total: { max: 300, score: 268.125 } });
    const file = await writeRowsXlsx(path.join(tmp, 'flat.xlsx'), [{ name: 'DTI', rows }]);
    const ok = await run(['validate', file]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    const withCat = await run([
      'validate',
      '--json',
      '--catalog',
      'thanh-hoa-dti-huyen-2022',
      file,
    ]);
    const s = (JSON.parse(withCat.out) as JsonReport).files[0].sheets[0];
    // the catalog's total is 1.000 over eight indices; this sheet has three: the total's maximum differs
    expect(s.findings.filter((f) => f.rule === 'max-differs').map((f) => f.criterion)).toEqual([
      null,
    ]);
  });
});

describe('fill on a scoring sheet', () => {
  it('writes SUM formulas for parents, indices and the total; validate then finds only the item over its maximum', async () => {
    const rows = flatRows(acceptanceIndices(), { total: { max: 300, score: 280 } });
    const file = await writeRowsXlsx(path.join(tmp, 'fill-dti.xlsx'), [{ name: 'DTI', rows }]);
    const out = path.join(tmp, 'fill-dti-out.xlsx');
    const r = await run(['fill', file, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Bảng chấm điểm: chuyển 2 ô điểm sang số, viết \d+ công thức/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const total = rows.findIndex((x) => x[1] === 'Tổng cộng') + 1;
    expect((wb.worksheets[0].getCell(`D${total}`).value as { formula: string }).formula).toMatch(
      /^SUM\(/,
    );
    const v = await run(['validate', '--json', out]);
    const sheet = (JSON.parse(v.out) as JsonReport).files[0].sheets[0];
    expect(sheet.findings.map((f) => [f.rule, f.criterion])).toEqual([['points-over-max', '3.3']]);
    expect(sheet.points).toMatchObject({ max: 300, total: 268.125, computed: 268.125 });
    const again = await run(['fill', out, '--out', path.join(tmp, 'fill-dti-2.xlsx')]);
    expect(again.out).toContain('không có gì cần điền');
  });
});

describe('catalog import → validate --catalog (a commune plan, ten criteria, three groups)', () => {
  it('imports, reports the unread row and the guesses, and judges every criterion', async () => {
    const table = await writeRowsXlsx(path.join(tmp, 'chi-tieu.xlsx'), [
      { name: 'Ghi chú', rows: [['Bảng chỉ tiêu ở trang sau']] },
      { name: 'Chỉ tiêu 2024', rows: PLAN_TABLE },
    ]);
    const out = path.join(tmp, 'hop-thinh-2024.json');
    const imp = await run(['catalog', 'import', table, '--out', out]);
    expect(imp.err).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(/Bỏ qua\s+Dòng 13: 1\.5: chưa ghi chỉ tiêu/);
    expect(imp.out).toMatch(/Đã đoán\s+Dòng 20: 3\.2: .*không có đơn vị/);
    expect(imp.out).toContain('3 nhóm, 10 chỉ tiêu');
    const cat = loadCatalog(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(cat.id).toBe('hop-thinh-2024');

    const appendix = await writeRowsXlsx(path.join(tmp, 'xa-hop-thinh.xlsx'), [
      { name: 'Phụ lục 01', rows: planAppendixRows(cat.criteria, cat.groups) },
    ]);
    const v = await run(['validate', '--json', '--catalog', out, appendix]);
    const sheet = (JSON.parse(v.out) as JsonReport).files[0].sheets[0];
    expect(sheet.kind).toBe('phu-luc-01');
    expect(Object.fromEntries(sheet.criteria.map((c) => [c.code, c.verdict]))).toEqual(
      Object.fromEntries(PLAN_RESULTS.map((r) => [r.code, r.verdict])),
    );
    const c11 = sheet.findings.find((f) => f.criterion === '1.1' && f.rule === 'unmet-target');
    expect(c11?.message).toContain('trên 90%');
  });

  it('--sheet names a missing sheet: a clear message, exit 2, nothing written', async () => {
    const table = await writeRowsXlsx(path.join(tmp, 't2.xlsx'), [{ name: 'A', rows: PLAN_TABLE }]);
    const out = path.join(tmp, 'none.json');
    const r = await run(['catalog', 'import', table, '--sheet', 'B', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không có trang tính "B"/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('export writes the table; importing it gives the same criteria back', async () => {
    const xlsx = path.join(tmp, 'bac-giang.xlsx');
    const exp = await run(['catalog', 'export', 'bac-giang-2024', '--out', xlsx]);
    expect(exp.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0].getCell('A4').value).toBe('STT');
    const json = path.join(tmp, 'bac-giang-back.json');
    const imp = await run(['catalog', 'import', xlsx, '--out', json, '--id', 'bac-giang-2024']);
    expect(imp.code).toBe(0);
    const back = loadCatalog(JSON.parse(fs.readFileSync(json, 'utf8')));
    const orig = loadCatalog(
      JSON.parse(
        fs.readFileSync(path.join(__dirname, '../../../src/catalog/bac-giang-2024.json'), 'utf8'),
      ),
    );
    expect(
      back.criteria.map((c) => [
        c.code,
        c.name,
        c.target.kind,
        (c.target as { value?: number }).value,
      ]),
    ).toEqual(
      orig.criteria.map((c) => [
        c.code,
        c.name,
        c.target.kind,
        (c.target as { value?: number }).value,
      ]),
    );
  });
});
