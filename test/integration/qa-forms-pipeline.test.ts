/**
 * FORMS-QA, end to end with the real command: a commune's workbook (PHỤ LỤC 01 + the six forms
 * as officers type them) → `cds-check validate --json` → `cds-check fill` → LibreOffice headless
 * recalculation (cached results first made wrong, so only a real recalculation passes) →
 * `cds-check validate --json` again. The forms must show the true counts, PL01's linked Kết quả
 * the forms' rates, validate must give the same figures before and after, and the appendix must
 * be checked against its evidence (evidence-differs with both figures, nothing when they agree).
 * Also: a protected form (read; fill refuses it in Vietnamese and writes nothing there) and a
 * form split over two sheets.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { formatRate } from '../../src/core/forms/figures';
import { toA1, type WorkbookSnapshot } from '../../src/core/model/grid';
import type { JsonReport, JsonSheet } from '../../src/cli/report-json';
import { ensureCliBuilt, runCli } from '../support/fixtures/cli-run';
import { cleanTmp, readBook, tmpDir, writeBook } from '../support/fixtures/qa-forms-run';
import * as W from '../support/fixtures/qa-forms-workbooks';
import { cleanPl01Tsv, pl01Workbook, seedRows } from '../support/fixtures/xlsx-builders';

jest.setTimeout(300000);

const catalog = defaultCatalog();
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const lo = hasSoffice || process.env.CI ? describe : describe.skip;

/** Criterion → [form kind, ratio key] of the catalog's links. */
const LINKS = catalog.criteria
  .filter((c) => c.formLinks?.length)
  .map((c) => ({ code: c.code, form: c.formLinks![0].form, ratio: c.formLinks![0].ratio }));

async function validate(file: string): Promise<{ status: number | null; json: JsonReport }> {
  const r = await runCli(['validate', '--json', file]);
  return { status: r.status, json: JSON.parse(r.stdout) as JsonReport };
}

function sheet(json: JsonReport, name: string): JsonSheet {
  const s = json.files[0].sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function ratiosOf(s: JsonSheet): Record<string, [number, number]> {
  return Object.fromEntries(s.ratios.map((r) => [r.key!, [r.numerator, r.denominator]]));
}

function value(ratio: [number, number]): number {
  return ratio[1] === 0 ? 0 : ratio[0] / ratio[1];
}

/** Every formula's cached result set to -1: only a recalculation can give the right figures. */
async function spoilCaches(file: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula) c.value = { formula: c.formula, result: -1 } as ExcelJS.CellFormulaValue;
      }),
    ),
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await wb.xlsx.writeFile(out);
}

/** LibreOffice headless, recalculating OOXML on load (as test/integration/recalc.test.ts does). */
function recalc(files: string[], outName = 'recalculated'): string {
  const dir = tmpDir();
  const profile = path.join(dir, 'lo-profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const out = path.join(dir, outName);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      ...files,
    ],
    { stdio: 'ignore', timeout: 240000 },
  );
  return out;
}

function cellAt(snap: WorkbookSnapshot, sheetName: string, a1: string) {
  const s = snap.sheets.find((x) => x.name === sheetName);
  return s?.cells.find((c) => toA1(c.row, c.col) === a1);
}

/** The commune's forms, each typed a different way. */
function addForms(wb: ExcelJS.Workbook): W.Truth[] {
  return [
    W.addMau14(wb, undefined, {
      national: true,
      headerBreaks: true,
      numberingRow: true,
      sttTotal: true,
    }),
    W.addMau25(wb, undefined, { phoneStyle: 'mixed' }),
    W.addMau26(wb, undefined, { figures: 'label' }),
    W.addMau33(wb, W.adultEntries(150), {
      groups: 'roman',
      subtotals: true,
      total: 'counta',
      extraCols: ['Ngày sinh', 'Thôn'],
      nfd: true,
      sheet: 'DS thuê bao',
    }),
    W.addMau41(wb, { title: 'none', headings: false }),
    W.addMau45(wb, 6, { figures: 'blank' }),
  ];
}

afterAll(cleanTmp);

lo('PHỤ LỤC 01 + the six forms: validate, fill, LibreOffice, validate', () => {
  let truths: W.Truth[];
  let before: JsonReport;
  let beforeStatus: number | null;
  let fillOut: { status: number | null; stdout: string };
  let after: JsonReport;
  let recalculated: WorkbookSnapshot;
  let split: { truths: W.Truth[]; before: JsonReport; fillStdout: string; after: JsonReport };
  let splitSnap: WorkbookSnapshot;
  let refill: { status: number | null; stdout: string };
  const truthOf = (kind: string) => truths.find((t) => t.kind === kind)!;
  const typed = (code: string) => seedRows().find((r) => r.code === code)!.result;

  beforeAll(async () => {
    await ensureCliBuilt();
    // the commune's file: PL01 typed from seed 004 (its figures disagree with the lists)
    const wb = pl01Workbook({ sheetName: 'PL01', tsv: cleanPl01Tsv() });
    truths = addForms(wb);
    const file = await writeBook(wb, 'hoang-kim.xlsx');
    ({ status: beforeStatus, json: before } = await validate(file));
    const filled = path.join(tmpDir(), 'hoang-kim-cong-thuc.xlsx');
    const r = await runCli(['fill', file, '--out', filled]);
    fillOut = { status: r.status, stdout: r.stdout };
    // Mẫu 3.3 split over two sheets (one per thôn), no titles, with PL01
    const wb2 = pl01Workbook({ sheetName: 'PL01', tsv: cleanPl01Tsv() });
    const all = W.adultEntries(70, 21);
    const splitTruths = [
      W.addMau33(wb2, all.slice(0, 40), { title: 'none', sheet: 'Mẫu 3.3 - Thôn 1' }),
      W.addMau33(wb2, all.slice(40), {
        title: 'none',
        sheet: 'Mẫu 3.3 - Thôn 2',
        figures: 'label',
      }),
    ];
    const file2 = await writeBook(wb2, 'tach-sheet.xlsx');
    const before2 = (await validate(file2)).json;
    const filled2 = path.join(tmpDir(), 'tach-sheet-cong-thuc.xlsx');
    const r2 = await runCli(['fill', file2, '--out', filled2]);
    expect(r2.status).toBe(0);
    // spoil the caches, recalculate both with LibreOffice, validate again
    const spoiled = [filled, filled2].map((f) => path.join(tmpDir(), 'spoiled', path.basename(f)));
    await spoilCaches(filled, spoiled[0]);
    await spoilCaches(filled2, spoiled[1]);
    const out = recalc(spoiled);
    const done = spoiled.map((f) => path.join(out, path.basename(f)));
    after = (await validate(done[0])).json;
    recalculated = (await readBook(done[0])).snapshot;
    split = {
      truths: splitTruths,
      before: before2,
      fillStdout: r2.stdout,
      after: (await validate(done[1])).json,
    };
    splitSnap = (await readBook(done[1])).snapshot;
    const again = await runCli(['fill', done[0], '--out', path.join(tmpDir(), 'lai.xlsx')]);
    refill = { status: again.status, stdout: again.stdout };
  });

  test('fill again on the recalculated file: nothing to change (LibreOffice kept our formulas)', () => {
    expect(refill.status).toBe(0);
    expect(refill.stdout).toContain('Không có gì thay đổi: không ghi tệp.');
  });

  test('validate reads every form as the official meant it', () => {
    for (const t of truths) {
      const s = sheet(before, t.sheet);
      expect(`${t.sheet}: ${s.kind}`).toBe(`${t.sheet}: ${t.kind}`);
      expect(ratiosOf(s)).toEqual(t.ratios);
    }
  });

  test('PL01 disagrees with its evidence: evidence-differs on each linked result, with both figures', () => {
    const pl01 = sheet(before, 'PL01');
    expect(beforeStatus).toBe(1);
    for (const link of LINKS) {
      const t = truthOf(link.form);
      const ratio = t.ratios[link.ratio];
      const crit = pl01.criteria.find((c) => c.code === link.code)!;
      const f = pl01.findings.find(
        (x) => x.rule === 'evidence-differs' && x.criterion === link.code,
      );
      expect(f?.cell).toBe(`E${crit.row}`);
      const count = t.kind === 'mau-4.5'; // a number of wifi points, not a rate
      // a count is shown as the number read ("14 điểm" → 14), a rate as typed ("53,57%")
      expect(f?.message).toContain(
        `ghi ${count ? parseInt(typed(link.code), 10) : typed(link.code)} `,
      );
      const shown = count
        ? `tính được ${ratio[0]}`
        : `${formatRate(value(ratio))} (${ratio[0]}/${ratio[1]})`;
      expect(f?.message).toContain(shown);
      expect(f?.message).toContain(`"${t.sheet}"`);
    }
  });

  test('fill writes the forms’ formulas and links PL01 (exit 0)', () => {
    expect(fillOut.status).toBe(0);
    expect(fillOut.stdout).toMatch(
      /Điền \d+ công thức tổng hợp vào Mẫu 1\.4, Mẫu 2\.5, Mẫu 2\.6, Mẫu 3\.3, Mẫu 4\.1, Mẫu 4\.5/,
    );
    expect(fillOut.stdout).toContain(`Liên kết ${LINKS.length} kết quả`);
  });

  test('after LibreOffice, every summary figure of every form is the true count', () => {
    let checked = 0;
    for (const t of truths) {
      const s = sheet(before, t.sheet);
      for (const [key, ratio] of Object.entries(t.ratios)) {
        const r = s.ratios.find((x) => x.key === key)!;
        const c = cellAt(recalculated, t.sheet, r.cell);
        expect(`${t.sheet}!${r.cell} ${c?.formula ? 'formula' : 'typed'}`).toBe(
          `${t.sheet}!${r.cell} formula`,
        );
        expect(c?.value).toBeCloseTo(value(ratio), 9);
        checked++;
      }
    }
    expect(checked).toBe(15);
  });

  test('after LibreOffice, PL01’s linked results are the forms’ figures, and verdicts follow', () => {
    const pl01 = sheet(after, 'PL01');
    for (const link of LINKS) {
      const crit = pl01.criteria.find((c) => c.code === link.code)!;
      const c = cellAt(recalculated, 'PL01', `E${crit.row}`);
      expect(c?.formula).toContain(truthOf(link.form).sheet);
      expect(crit.value).toBeCloseTo(value(truthOf(link.form).ratios[link.ratio]), 9);
      const target = catalog.criteria.find((x) => x.code === link.code)!.target;
      if (target.kind === 'min-rate') {
        expect(`${link.code} ${crit.verdict}`).toBe(
          `${link.code} ${(crit.value as number) >= target.value - 1e-9 ? 'met' : 'unmet'}`,
        );
      }
    }
    expect(pl01.findings.filter((f) => f.rule === 'evidence-differs')).toEqual([]);
  });

  test('validate on the filled, recalculated file gives the same figures and no form finding', () => {
    for (const t of truths) {
      const b = sheet(before, t.sheet);
      const a = sheet(after, t.sheet);
      expect(a.kind).toBe(b.kind);
      expect(a.ratios).toEqual(b.ratios);
      expect(a.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
    }
  });

  test('a form split over two sheets: PL01 compared with the sum, no link, each sheet filled', () => {
    const [t1, t2] = split.truths;
    for (const t of split.truths) expect(ratiosOf(sheet(split.before, t.sheet))).toEqual(t.ratios);
    const pl01 = sheet(split.before, 'PL01');
    const f = pl01.findings.find((x) => x.rule === 'evidence-differs' && x.criterion === '3.4')!;
    const n = t1.ratios.smartphone[0] + t2.ratios.smartphone[0];
    const d = t1.ratios.smartphone[1] + t2.ratios.smartphone[1];
    expect(f.message).toContain(`${formatRate(n / d)} (${n}/${d})`);
    expect(f.message).toContain('"Mẫu 3.3 - Thôn 1", "Mẫu 3.3 - Thôn 2"');
    expect(split.fillStdout).toContain('nằm trên 2 sheet');
    // each sheet's own figures, recalculated
    for (const t of split.truths) {
      const s = sheet(split.before, t.sheet);
      for (const [key, ratio] of Object.entries(t.ratios)) {
        const cell = cellAt(splitSnap, t.sheet, s.ratios.find((r) => r.key === key)!.cell);
        expect(cell?.formula).toBeTruthy();
        expect(cell?.value).toBeCloseTo(value(ratio), 9);
      }
      expect(sheet(split.after, t.sheet).findings).toEqual([]);
    }
  });
});

describe('PL01 agreeing with its forms', () => {
  test('nothing is reported between them, before and after fill', async () => {
    await ensureCliBuilt();
    const probe = W.newWorkbook();
    const truths = addForms(probe);
    const byKind = (k: string) => truths.find((t) => t.kind === k)!;
    const overrides: Record<string, { result: string }> = {};
    for (const link of LINKS) {
      const ratio = byKind(link.form).ratios[link.ratio];
      overrides[link.code] = {
        result:
          link.form === 'mau-4.5'
            ? `${ratio[0]} điểm`
            : `${(value(ratio) * 100).toFixed(2).replace('.', ',')}%`,
      };
    }
    const wb = pl01Workbook({ sheetName: 'PL01', tsv: cleanPl01Tsv(overrides) });
    addForms(wb);
    const file = await writeBook(wb, 'khop.xlsx');
    const { json } = await validate(file);
    const pl01 = sheet(json, 'PL01');
    expect(pl01.findings.filter((f) => f.rule === 'evidence-differs')).toEqual([]);
    for (const link of LINKS) {
      expect(pl01.criteria.find((c) => c.code === link.code)!.value).toBeCloseTo(
        value(byKind(link.form).ratios[link.ratio]),
        4,
      );
    }
    const out = path.join(tmpDir(), 'khop-cong-thuc.xlsx');
    expect((await runCli(['fill', file, '--out', out])).status).toBe(0);
    const filled = (await validate(out)).json;
    expect(sheet(filled, 'PL01').findings.filter((f) => f.rule === 'evidence-differs')).toEqual([]);
  });
});

describe('a protected form sheet', () => {
  test('validate reads it; fill refuses it in Vietnamese, writes nothing there, does not link PL01 to it', async () => {
    await ensureCliBuilt();
    const wb = pl01Workbook({ sheetName: 'PL01', tsv: cleanPl01Tsv() });
    const t14 = W.addMau14(wb);
    const t33 = W.addMau33(wb, undefined, { protect: true, figures: 'blank' });
    const file = await writeBook(wb, 'bao-ve.xlsx');
    const { snapshot: original } = await readBook(file);
    expect(original.sheets.find((s) => s.name === t33.sheet)?.protected).toBe(true);
    const { json } = await validate(file);
    expect(ratiosOf(sheet(json, t33.sheet))).toEqual(t33.ratios);
    expect(ratiosOf(sheet(json, t14.sheet))).toEqual(t14.ratios);
    const out = path.join(tmpDir(), 'bao-ve-cong-thuc.xlsx');
    const r = await runCli(['fill', file, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Sheet "${t33.sheet}" đang được bảo vệ: không điền công thức.`);
    expect(r.stdout).toMatch(/3\.4: sheet "Mẫu 3\.3" \(Mẫu 3\.3\) đang được bảo vệ/);
    const { snapshot: filled } = await readBook(out);
    const cells = (snap: WorkbookSnapshot) =>
      JSON.stringify(snap.sheets.find((s) => s.name === t33.sheet)!.cells);
    expect(cells(filled)).toBe(cells(original));
    const pl01 = sheet(json, 'PL01');
    for (const link of LINKS) {
      const row = pl01.criteria.find((c) => c.code === link.code)!.row;
      const c = cellAt(filled, 'PL01', `E${row}`);
      if (link.form === 'mau-3.3') expect(c?.formula ?? '').not.toContain('Mẫu 3.3');
      if (link.form === 'mau-1.4') expect(c?.formula).toContain('Mẫu 1.4');
    }
  });

  test('a workbook whose only form is protected: fill refuses (exit 2), one Vietnamese line, no file', async () => {
    await ensureCliBuilt();
    const wb = W.newWorkbook();
    W.addMau33(wb, undefined, { protect: true, figures: 'blank' });
    const file = await writeBook(wb, 'chi-bao-ve.xlsx');
    const out = path.join(tmpDir(), 'chi-bao-ve-cong-thuc.xlsx');
    const r = await runCli(['fill', file, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Trang tính "Mẫu 3\.3" đang được bảo vệ.*Không ghi tệp\.\n$/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

lo('the blank Mẫu 3.3 from `cds-check template`, filled in by the official', () => {
  /** Type the people into the template's numbered rows (from row 4), inserting rows if more. */
  async function typeInto(template: string, entries: W.Entry[], out: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.worksheets[0];
    const numbered = 30; // the template prints 30 numbered rows, 4..33
    const extra = Math.max(0, entries.length - numbered);
    // rows inserted below the last numbered row, as Excel does: the summary formulas' ranges
    // (…4:…33) do not grow
    if (extra > 0)
      ws.spliceRows(
        4 + numbered,
        0,
        ...Array.from({ length: extra }, () => [] as ExcelJS.CellValue[]),
      );
    entries.forEach((e, i) => {
      const r = 4 + i;
      ws.getCell(r, 1).value = i + 1;
      ws.getCell(r, 2).value = e.name;
      ws.getCell(r, 3).value = W.typePhone(e.phone!, 'mixed', i);
      ['smartphone', 'security-app', 'digital-signature', 'online-services'].forEach((k, j) => {
        const v = W.typeTick(e.ticks[k], 'mixed', i + j);
        if (v !== undefined && v !== null && v !== '') ws.getCell(r, 4 + j).value = v;
      });
    });
    await wb.xlsx.writeFile(out);
  }

  test.each([
    ['25 people in the 30 numbered rows', 25],
    ['45 people: 15 rows inserted below the numbered ones', 45],
  ])('%s: recalculated, validated, filled, recalculated, validated', async (_label, n) => {
    await ensureCliBuilt();
    const dir = path.join(tmpDir(), `template-${n}`);
    fs.mkdirSync(dir, { recursive: true });
    const blank = path.join(dir, 'mau-3.3.xlsx');
    expect((await runCli(['template', 'mau-3.3', '--out', blank])).status).toBe(0);
    const entries = W.adultEntries(n, 31);
    const truth = W.mau33Truth(entries);
    const typed = path.join(dir, 'typed', 'xa.xlsx');
    fs.mkdirSync(path.dirname(typed), { recursive: true });
    await typeInto(blank, entries, typed);
    // the official's Excel recalculates on save
    const saved = path.join(recalc([typed], `saved-${n}`), 'xa.xlsx');
    const v1 = await validate(saved);
    const s1 = sheet(v1.json, 'Mẫu 3.3');
    expect(ratiosOf(s1)).toEqual(truth);
    const differs = s1.findings.filter((f) => f.rule === 'ratio-differs');
    if (n <= 30) expect(s1.findings).toEqual([]);
    // the template's formulas stop at row 33: the 15 people below are not in them — said so
    else {
      expect(differs.length).toBeGreaterThanOrEqual(4);
      for (const d of differs)
        expect(d.message).toContain(
          `chỉ tính các hàng 4–33, danh sách ghi từ hàng 4 đến hàng ${4 + n - 1}`,
        );
    }
    const filled = path.join(dir, 'xa-cong-thuc.xlsx');
    const f = await runCli(['fill', saved, '--out', filled]);
    expect(f.status).toBe(0);
    if (n <= 30) {
      // the template's formulas already count every row: nothing to write
      expect(f.stdout).toContain('Không có gì thay đổi: không ghi tệp.');
      expect(fs.existsSync(filled)).toBe(false);
      return;
    }
    const spoiled = path.join(dir, 'spoiled', 'xa-cong-thuc.xlsx');
    await spoilCaches(filled, spoiled);
    const done = path.join(recalc([spoiled], `done-${n}`), 'xa-cong-thuc.xlsx');
    const v2 = await validate(done);
    const s2 = sheet(v2.json, 'Mẫu 3.3');
    expect(ratiosOf(s2)).toEqual(truth);
    expect(s2.findings).toEqual([]);
    const snap = (await readBook(done)).snapshot;
    for (const r of s2.ratios) {
      const c = cellAt(snap, 'Mẫu 3.3', r.cell);
      expect(c?.formula).toContain(`B${4 + n - 1}`);
      expect(c?.value).toBeCloseTo(value(truth[r.key!]), 9);
      expect(c?.note ?? '').toBe(''); // fill's own formula widened: no "Giá trị gốc" note
    }
  });
});
