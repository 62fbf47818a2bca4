/**
 * E2E-QA with a real spreadsheet engine: what `cds-check fill` and `cds-check appraise` write
 * (the real bin/cds-check.js, on the PL01 variants of qa-e2e-variants.ts and on a PHỤ LỤC 02
 * and 03), with every cached formula result overwritten by a wrong value, recalculated by
 * LibreOffice headless, then validated: the verdicts must be those of `validate` on the
 * original. Then: fill on the recalculated file changes nothing; the district edits one
 * result in the appraisal file (ExcelJS), LibreOffice recalculates, and validate reports
 * appraisal-differs with the verdict following the district's value.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { pl02Workbook, pl03Workbook, writeXlsx } from '../support/fixtures/xlsx-builders';
import {
  columnOfHeader,
  ensureCliBuilt,
  fingerprint,
  poisonCaches,
  recalcWithLibreOffice,
  rowOfCode,
  runCli,
  sheetNamed,
  unchanged,
  validateJson,
  verdictsOf,
  withSoffice,
  hasSoffice,
  type JsonFile,
} from '../support/qa-e2e-support';
import { VARIANTS } from '../support/qa-e2e-variants';

jest.setTimeout(300_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-e2e-recalc-'));
const src = path.join(tmp, 'src');
const poisoned = path.join(tmp, 'poisoned');
const recalculated = path.join(tmp, 'recalculated');

interface Case {
  /** the appendix sheet */
  sheet: string;
  original: JsonFile;
  /** recalculated outputs by name */
  filled: string;
  pl03?: string;
}
const cases = new Map<string, Case>();
let edited = '';
let editedStale: JsonFile;
const OWN_DISTRICT = 'Kết quả thẩm định của UBND cấp huyện';

async function cli(args: string[]): Promise<void> {
  const r = await runCli(args);
  if (r.status !== 0) throw new Error(`cds-check ${args.join(' ')}: ${r.stderr}`);
}

/** Set the district's result of `code` on the PL02 sheet to `value` (a percent number). */
async function editDistrict(file: string, out: string, code: string, value: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Phụ lục 02')!;
  const cell = ws.getCell(rowOfCode(ws, code), columnOfHeader(ws, OWN_DISTRICT));
  cell.value = value;
  cell.numFmt = '0.0%';
  await wb.xlsx.writeFile(out);
}

withSoffice('LibreOffice recalculation of what the CLI writes', () => {
  beforeAll(async () => {
    if (!hasSoffice)
      throw new Error('soffice is missing (apt-get install -y libreoffice-calc-nogui)');
    await ensureCliBuilt();
    for (const d of [src, poisoned, recalculated]) fs.mkdirSync(d, { recursive: true });
    const outputs: string[] = [];
    const inputs: [string, string, ExcelJS.Workbook][] = [
      ...VARIANTS.map((v) => [v.id, v.sheet, v.build()] as [string, string, ExcelJS.Workbook]),
      ['pl02', 'PL02', pl02Workbook({ own: { '1.6': '65%' }, verdicts: { '1.6': 'Đạt' } })],
      ['pl03', 'PL03', pl03Workbook({ own: { '3.6': '8,2%' } })],
    ];
    for (const [id, sheet, wb] of inputs) {
      const input = await writeXlsx(wb, path.join(src, `${id}.xlsx`));
      const filled = path.join(src, `${id}-fill.xlsx`);
      await cli(['fill', input, '--out', filled]);
      outputs.push(filled);
      const c: Case = { sheet, original: await validateJson(input), filled };
      if (!id.startsWith('pl0')) {
        const pl02 = path.join(src, `${id}-pl02.xlsx`);
        const pl03 = path.join(src, `${id}-pl03.xlsx`);
        await cli(['appraise', input, '--level', 'huyen', '--out', pl02]);
        await cli(['appraise', pl02, '--level', 'tinh', '--out', pl03]);
        outputs.push(pl03);
        c.pl03 = pl03;
      }
      cases.set(id, c);
    }
    // the district corrects 1.6 of the commune "PL 01 (xã)" to 50 % (target 70 %)
    edited = path.join(src, 'spaces-edited.xlsx');
    await editDistrict(cases.get('spaces')!.pl03!, edited, '1.6', 0.5);
    editedStale = await validateJson(edited);
    outputs.push(edited);

    const copies = outputs.map((f) => {
      const to = path.join(poisoned, path.basename(f));
      fs.copyFileSync(f, to);
      return to;
    });
    for (const f of copies) await poisonCaches(f);
    recalcWithLibreOffice(copies, recalculated, path.join(tmp, 'profile'));
    for (const c of cases.values()) {
      c.filled = path.join(recalculated, path.basename(c.filled));
      if (c.pl03) c.pl03 = path.join(recalculated, path.basename(c.pl03));
    }
    edited = path.join(recalculated, path.basename(edited));
  }, 400_000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const ids = [...VARIANTS.map((v) => v.id), 'pl02', 'pl03'];

  it.each(ids)('fill %s → LibreOffice → validate: the verdicts of the original', async (id) => {
    const c = cases.get(id)!;
    const before = sheetNamed(c.original, c.sheet);
    const after = sheetNamed(await validateJson(c.filled), c.sheet);
    expect(after.kind).toBe(before.kind);
    expect(verdictsOf(after)).toEqual(verdictsOf(before));
    expect(after.summary).toEqual(before.summary);
    // the verdict formulas agree with the results: nothing left to contradict them
    expect(after.findings.filter((f) => f.rule === 'verdict-mismatch')).toEqual([]);
  });

  it.each(ids)('fill %s: the summary block, recalculated, says what validate says', async (id) => {
    const c = cases.get(id)!;
    const s = sheetNamed(c.original, c.sheet).summary;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(c.filled);
    const sentences: string[] = [];
    wb.getWorksheet(c.sheet)!.eachRow((row) =>
      row.eachCell((cell) => {
        const r = cell.result ?? cell.value;
        if (typeof r === 'string' && r.startsWith('Đã hoàn thành')) sentences.push(r);
      }),
    );
    const pct = (Math.round((s.met / s.criteria) * 1000) / 10).toString().replace('.', ',');
    expect(sentences).toEqual([`Đã hoàn thành ${s.met}/${s.criteria} tiêu chí, tỷ lệ đạt ${pct}%`]);
  });

  it.each(ids)(
    'fill %s again on the recalculated file: nothing to do, not rewritten',
    async (id) => {
      const f = cases.get(id)!.filled;
      const before = fingerprint(f);
      const r = await runCli(['fill', f, '--out', f]);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain('Không có gì cần điền: bảng đã có công thức.');
      expect(unchanged(f, before)).toBe(true);
    },
  );

  it.each(VARIANTS.map((v) => v.id))(
    'appraise %s --level huyen, --level tinh → LibreOffice → validate: PL02 and PL03 with the commune’s verdicts',
    async (id) => {
      const c = cases.get(id)!;
      const rep = await validateJson(c.pl03!);
      const kinds = rep.sheets.filter((s) => s.kind !== 'unknown').map((s) => [s.name, s.kind]);
      expect(kinds).toEqual([
        [c.sheet, 'phu-luc-01'],
        ['Phụ lục 02', 'phu-luc-02'],
        ['Phụ lục 03', 'phu-luc-03'],
      ]);
      const want = verdictsOf(sheetNamed(c.original, c.sheet));
      for (const name of ['Phụ lục 02', 'Phụ lục 03']) {
        const s = sheetNamed(rep, name);
        expect([name, verdictsOf(s)]).toEqual([name, want]);
        const noisy = s.findings.filter((f) =>
          ['appraisal-differs', 'verdict-mismatch', 'unparseable-value'].includes(f.rule),
        );
        expect([name, noisy]).toEqual([name, []]);
      }
    },
  );

  it('the district edits 1.6 (ExcelJS, no recalculation): appraisal-differs, verdict on the district value', () => {
    const two = sheetNamed(editedStale, 'Phụ lục 02');
    expect(verdictsOf(two)['1.6']).toBe('unmet');
    const differs = two.findings.filter((f) => f.rule === 'appraisal-differs');
    expect(differs.map((f) => [f.criterion, f.severity])).toEqual([['1.6', 'info']]);
    expect(differs[0].message).toMatch(/50%.*82,9%/);
    // its Đánh giá formula still caches "Đạt" (ExcelJS does not recalculate): said once, as a
    // formula not yet recalculated with the value it computes, not as a verdict mismatch
    const stale = two.findings.filter((f) => f.rule === 'stale-formula');
    expect(stale.map((f) => [f.criterion, f.severity])).toEqual([['1.6', 'warning']]);
    expect(stale[0].message).toContain('công thức chưa được tính lại');
    expect(stale[0].message).toContain('tính ra “Không đạt”');
    expect(two.findings.filter((f) => f.rule === 'verdict-mismatch')).toEqual([]);
  });

  it('…recalculated by LibreOffice: the verdict formula follows the district, PL03 sees the change', async () => {
    const rep = await validateJson(edited);
    const one = sheetNamed(rep, 'PL 01 (xã)');
    const two = sheetNamed(rep, 'Phụ lục 02');
    const three = sheetNamed(rep, 'Phụ lục 03');
    expect(verdictsOf(one)['1.6']).toBe('met');
    expect(verdictsOf(two)['1.6']).toBe('unmet');
    expect(two.summary.met).toBe(one.summary.met - 1);
    expect(two.findings.filter((f) => f.rule === 'verdict-mismatch')).toEqual([]);
    expect(
      two.findings.filter((f) => f.rule === 'appraisal-differs').map((f) => f.criterion),
    ).toEqual(['1.6']);
    // PL03's district column refers to PL02's: it now shows 50 %, the province's prefilled
    // value (82,9 %, to be checked) differs, and PL03 judges on the province's value
    expect(verdictsOf(three)['1.6']).toBe('met');
    const d3 = three.findings.filter((f) => f.rule === 'appraisal-differs');
    expect(d3.map((f) => f.criterion)).toEqual(['1.6']);
    expect(d3[0].message).toMatch(/82,9%.*50%/);
    // PL02's summary sentence is recalculated
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(edited);
    const sentences: string[] = [];
    wb.getWorksheet('Phụ lục 02')!.eachRow((row) =>
      row.eachCell((cell) => {
        const r = cell.result ?? cell.value;
        if (typeof r === 'string' && r.startsWith('Đã hoàn thành')) sentences.push(r);
      }),
    );
    expect(sentences).toEqual([
      `Đã hoàn thành ${two.summary.met}/37 tiêu chí, tỷ lệ đạt ${(Math.round((two.summary.met / 37) * 1000) / 10).toString().replace('.', ',')}%`,
    ]);
  });
});
