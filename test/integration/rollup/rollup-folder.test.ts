/**
 * `cds-check rollup` on a province's inbox: seven communes' PHỤ LỤC 01 made in seven ways, an
 * unrelated workbook and a truncated file. Each commune's met / unmet / undetermined equal
 * what `validate` reports for its file; names come from the title rows; the workbook has the
 * five sheets, and its counts follow a corrected matrix cell once LibreOffice recalculates.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { defaultCatalog } from '../../../src/core/catalog';
import { main } from '../../../src/cli/main';
import {
  ensureCliBuilt,
  hasSoffice,
  inProcess,
  recalcWithLibreOffice,
  runCli,
  type JsonFile,
} from '../../support/qa-e2e-support';
import {
  COMMUNE_FILES,
  TRUNCATED_FILE,
  UNRELATED_FILE,
  writeRollupFolder,
} from '../../support/rollup-folder';

interface RollupJson {
  level: string;
  catalog: string;
  communes: {
    file: string;
    sheet: string;
    commune: string;
    kind: string;
    met: number;
    unmet: number;
    undetermined: number;
    criteria: number;
    unmetCodes: string[];
    errors: number;
    warnings: number;
    missingEvidence: number;
    duplicates: string[];
  }[];
  criteria: { code: string; met: number; unmet: number; undetermined: number; total: number }[];
  files: { file: string; status: string; message: string | null }[];
}

const catalog = defaultCatalog();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-rollup-'));
const dir = path.join(tmp, 'ho-so');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let rollup: RollupJson;
let validated: JsonFile[];

beforeAll(async () => {
  let n = 0;
  await writeRollupFolder(
    dir,
    hasSoffice
      ? (file, outDir) => {
          recalcWithLibreOffice([file], outDir, path.join(tmp, `lo-profile-${++n}`));
        }
      : undefined,
  );
  const r = await inProcess(['rollup', '--json', dir]);
  expect(r.status).toBe(0);
  rollup = JSON.parse(r.stdout) as RollupJson;
  const v = await inProcess(['validate', '--json', dir]);
  validated = (JSON.parse(v.stdout) as { files: JsonFile[] }).files;
}, 240_000);

describe('rollup of a folder of communes', () => {
  it('one row per commune, named from its title rows, with validate’s counts', () => {
    expect(rollup.level).toBe('xa');
    expect(rollup.catalog).toBe('thanh-hoa-2023');
    expect(rollup.communes.map((c) => c.commune).sort()).toEqual(
      COMMUNE_FILES.map((c) => c.commune).sort(),
    );
    for (const spec of COMMUNE_FILES) {
      const row = rollup.communes.find((c) => path.basename(c.file) === spec.file)!;
      expect({ file: spec.file, commune: row.commune }).toEqual({
        file: spec.file,
        commune: spec.commune,
      });
      const v = validated.find((f) => path.basename(f.file) === spec.file)!;
      const sheet = v.sheets.find((s) => s.kind === 'phu-luc-01')!;
      expect({ file: spec.file, ...sheet.summary }).toEqual({
        file: spec.file,
        criteria: row.criteria,
        met: row.met,
        unmet: row.unmet,
        undetermined: row.undetermined,
      });
      expect(row.unmetCodes).toEqual(
        sheet.criteria.filter((c) => c.verdict === 'unmet').map((c) => c.code),
      );
      const all = v.sheets.flatMap((s) => s.findings);
      expect(row.errors).toBe(all.filter((f) => f.severity === 'error').length);
      expect(row.warnings).toBe(all.filter((f) => f.severity === 'warning').length);
      expect(row.duplicates).toEqual([]);
    }
    // the variants do not all agree: the roll-up is not one table seven times
    expect(
      new Set(rollup.communes.map((c) => `${c.met}/${c.unmet}/${c.undetermined}`)).size,
    ).toBeGreaterThan(2);
  });

  it('sorted by rate, best first', () => {
    const rates = rollup.communes.map((c) => c.met / c.criteria);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  it('37 criteria whose counts add up over the communes', () => {
    expect(rollup.criteria.map((c) => c.code)).toEqual(catalog.criteria.map((c) => c.code));
    for (const [i, c] of rollup.criteria.entries()) {
      expect(c.total).toBe(7);
      expect(c.met + c.unmet + c.undetermined).toBe(7);
      expect(c.unmet).toBe(
        rollup.communes.filter((x) => x.unmetCodes.includes(catalog.criteria[i].code)).length,
      );
    }
  });

  it('the unrelated workbook is "no-appendix", the truncated one "unreadable"', () => {
    const status = Object.fromEntries(rollup.files.map((f) => [path.basename(f.file), f.status]));
    expect(status[UNRELATED_FILE]).toBe('no-appendix');
    expect(status[TRUNCATED_FILE]).toBe('unreadable');
    expect(rollup.files.find((f) => f.file.endsWith(TRUNCATED_FILE))!.message).toMatch(/cắt cụt/);
    for (const c of COMMUNE_FILES) expect(status[c.file]).toBe('ok');
  });
});

describe('bin/cds-check.js rollup (files read by worker threads)', () => {
  it('gives the same JSON as the in-process run, one file at a time', async () => {
    await ensureCliBuilt();
    process.env.CDS_CHECK_JOBS = '2';
    const r = await runCli(['rollup', '--json', dir]).finally(() => {
      delete process.env.CDS_CHECK_JOBS;
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(rollup);
    expect(r.stderr).toContain(TRUNCATED_FILE);
  }, 120_000);

  it('shows "[n/N] file" progress on a terminal, and nothing of it elsewhere', async () => {
    let stderr = '';
    const status = await main(['rollup', '--json', dir], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      stderrIsTTY: true,
    });
    expect(status).toBe(0);
    expect(stderr).toContain(`[1/9] `);
    expect(stderr).toContain(`[9/9] `);
    const quiet = await inProcess(['rollup', '--json', dir]);
    expect(quiet.stderr).not.toMatch(/\[\d+\/9\]/);
  });

  it('exit 2 with one Vietnamese line when nothing can be rolled up', async () => {
    const r = await inProcess([
      'rollup',
      path.join(dir, UNRELATED_FILE),
      path.join(dir, TRUNCATED_FILE),
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').pop()).toMatch(/^Không có phụ lục nào để tổng hợp/);
    const bad = await inProcess(['rollup', '--level', 'quan', dir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--level phải là xa, huyen hoặc tinh/);
  });
});

describe('the roll-up workbook', () => {
  const out = path.join(tmp, 'tong-hop.xlsx');
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const r = await inProcess(['rollup', dir, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Số xã đạt tất cả 37 tiêu chí');
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });

  it('is not itself read as an appendix (rolling up a folder holding it adds no commune)', async () => {
    const v = await inProcess(['validate', '--json', out]);
    const sheets = (JSON.parse(v.stdout) as { files: JsonFile[] }).files[0].sheets;
    expect(sheets.map((s) => s.kind)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('has the five sheets, one row per commune, 37 criteria rows, the other files', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo tiêu chí',
      'Ma trận',
      'Lỗi',
      'Tệp khác',
    ]);
    const sum = wb.getWorksheet('Tổng hợp')!;
    const names = [5, 6, 7, 8, 9, 10, 11].map((r) => sum.getCell(`B${r}`).value);
    expect(names).toEqual(rollup.communes.map((c) => c.commune));
    expect(sum.getCell('B12').value).toBe('Cộng');
    const crit = wb.getWorksheet('Theo tiêu chí')!;
    const codes: unknown[] = [];
    for (let r = 5; crit.getCell(`A${r}`).value; r++) codes.push(crit.getCell(`A${r}`).value);
    expect(codes).toEqual(catalog.criteria.map((c) => c.code));
    const others = wb.getWorksheet('Tệp khác')!;
    const rows = [2, 3].map((r) => [others.getCell(`A${r}`).value, others.getCell(`B${r}`).value]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [UNRELATED_FILE, 'Không phải phụ lục'],
        [TRUNCATED_FILE, 'Không đọc được'],
      ]),
    );
    const findings = wb.getWorksheet('Lỗi')!;
    const total = rollup.communes.reduce((s, c) => s + c.errors + c.warnings, 0);
    expect(findings.actualRowCount - 1).toBeGreaterThanOrEqual(total);
    expect(String(findings.autoFilter)).toMatch(/^A1:H\d+$/);
  });

  (hasSoffice || process.env.CI ? it : it.skip)(
    'a corrected matrix cell moves every count after LibreOffice recalculates',
    async () => {
      const matrix = wb.getWorksheet('Ma trận')!;
      // the first commune's first met criterion becomes "K"
      let col = 4;
      while (matrix.getCell(2, col).value !== 'Đ') col++;
      const j = col - 4;
      const before = {
        met: rollup.communes[0].met,
        critMet: rollup.criteria[j].met,
        critUnmet: rollup.criteria[j].unmet,
        sumMet: rollup.communes.reduce((s, c) => s + c.met, 0),
      };
      matrix.getCell(2, col).value = 'K';
      const edited = path.join(tmp, 'sua', 'tong-hop.xlsx');
      fs.mkdirSync(path.dirname(edited), { recursive: true });
      await wb.xlsx.writeFile(edited);
      const [recalculated] = recalcWithLibreOffice(
        [edited],
        path.join(tmp, 'recalc'),
        path.join(tmp, 'lo-recalc'),
      );
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(recalculated);
      const val = (sheet: string, a1: string) => {
        const v = back.getWorksheet(sheet)!.getCell(a1).value as unknown;
        return v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
      };
      expect(val('Tổng hợp', 'D5')).toBe(before.met - 1);
      expect(val('Tổng hợp', 'F5')).toBeCloseTo((before.met - 1) / 37, 10);
      expect(val('Tổng hợp', 'D12')).toBe(before.sumMet - 1);
      expect(val('Theo tiêu chí', `C${5 + j}`)).toBe(before.critMet - 1);
      expect(val('Theo tiêu chí', `D${5 + j}`)).toBe(before.critUnmet + 1);
    },
    240_000,
  );
});
