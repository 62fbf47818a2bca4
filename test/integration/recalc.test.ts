/**
 * LibreOffice recalculation of what fill, appraise and template write: the workbooks are
 * written by ExcelJS with every cached formula result deliberately WRONG ("SAI" / -1), converted
 * by `soffice --headless --convert-to xlsx` with a profile that recalculates OOXML on load,
 * read back, and compared with `validate`'s verdicts on the original. Only a real spreadsheet
 * engine computing our formulas can make these pass.
 * Skipped only when soffice is missing outside CI (in CI a missing soffice fails).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { planAppraise } from '../../src/core/appendix/appraise';
import { planTemplate } from '../../src/core/appendix/template';
import type { EditPlan } from '../../src/core/plan/edit-plan';
import { planFill } from '../../src/core/appendix/fill';
import { toA1, type WorkbookSnapshot } from '../../src/core/model/grid';
import type { WorkbookReport } from '../../src/core/model/report-types';
import { SUMMARY_TITLE } from '../../src/core/appendix/summary-block';
import { applyPlanToExcelJS } from '../../src/xlsx/apply-plan';
import { readWorkbookFile } from '../../src/cli/read-file';
import { applyPlanToSnapshot } from '../../src/core/plan/apply-to-snapshot';
import {
  analyze,
  catalog,
  hoangKimGrid,
  numericVariant,
  PL01,
  ratioVariant,
  snapshotOf,
  toExcel,
  VERDICT_SHOWN,
} from '../support/fill-support';
import { load, marksWorkbook, subItemsWorkbook } from '../support/fill-layout-builders';
import { cleanRows, patchRows } from '../support/fixtures/qa-builders';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const run = hasSoffice || process.env.CI ? describe : describe.skip;

function withWrongCache(plan: EditPlan): EditPlan {
  return {
    ...plan,
    edits: plan.edits.map((e) =>
      e.op === 'set-formula' ? { ...e, cached: typeof e.cached === 'number' ? -1 : 'SAI' } : e,
    ),
  };
}

interface Case {
  file: string;
  /** the original (unfilled) workbook and its validate report */
  original: WorkbookSnapshot;
  report: WorkbookReport;
  /** the workbook as written (core view, correct caches) */
  planned: WorkbookSnapshot;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-recalc-'));
const cases: Record<string, Case> = {};
const recalculated: Record<string, WorkbookSnapshot> = {};

async function write(name: string, original: WorkbookSnapshot, plans: EditPlan[]): Promise<void> {
  const wb = original.sheets.length ? toExcel(original) : new ExcelJS.Workbook();
  let planned = original;
  for (const p of plans) {
    applyPlanToExcelJS(wb, withWrongCache(p));
    planned = applyPlanToSnapshot(planned, p);
  }
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  cases[name] = { file, original, report: analyze(original), planned };
}

function recalc(files: string[]): string {
  const profile = path.join(dir, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const out = path.join(dir, 'out');
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

/** What a cell shows after recalculation ("" for an empty string result). */
function shown(snap: WorkbookSnapshot, sheet: string, row: number, col: number) {
  const c = snap.sheets
    .find((s) => s.name === sheet)
    ?.cells.find((x) => x.row === row && x.col === col);
  return c?.value ?? '';
}

run('LibreOffice recalculation of fill / appraise / template', () => {
  beforeAll(async () => {
    if (!hasSoffice)
      throw new Error('soffice is missing (apt-get install -y libreoffice-calc-nogui)');
    // fill on three variants
    for (const [name, grid] of [
      ['fill-seed', hoangKimGrid()],
      ['fill-ratios', ratioVariant()],
      ['fill-numeric', numericVariant()],
    ] as const) {
      const snap = snapshotOf(grid);
      await write(name, snap, [planFill(snap, analyze(snap), catalog)]);
    }
    // fill on the layouts the recogniser reports: mark columns, sub-items
    const marksSnap = (
      await load(
        marksWorkbook(
          patchRows(cleanRows(), { '1.6': { commune: '65%' }, '3.6': { commune: '8,2%' } }),
          { '1.6': { unmet: 'x' }, '2.2': {} },
          PL01,
        ).wb,
      )
    ).snapshot;
    await write('fill-marks', marksSnap, [planFill(marksSnap, analyze(marksSnap), catalog)]);
    const subSnap = (await load(subItemsWorkbook(PL01).wb)).snapshot;
    await write('fill-subitems', subSnap, [planFill(subSnap, analyze(subSnap), catalog)]);
    await write('appraise-marks', marksSnap, [
      planAppraise(marksSnap, analyze(marksSnap), catalog, 'huyen'),
    ]);
    // appraise: PL01 → PL02 → PL03, and the two-tier chain
    const s1 = snapshotOf(hoangKimGrid());
    const p2 = planAppraise(s1, analyze(s1), catalog, 'huyen');
    const s2 = applyPlanToSnapshot(s1, p2);
    const p3 = planAppraise(s2, analyze(s2), catalog, 'tinh');
    await write('appraise-chain', s1, [p2, p3]);
    await write('appraise-hai-cap', s1, [
      planAppraise(s1, analyze(s1), catalog, 'tinh', { chain: 'hai-cap-2025' }),
    ]);
    await write('template-pl01', { sheets: [] }, [planTemplate(catalog, 'phu-luc-01')]);
    const out = recalc(Object.values(cases).map((c) => c.file));
    for (const [name, c] of Object.entries(cases))
      recalculated[name] = (await readWorkbookFile(path.join(out, path.basename(c.file)))).snapshot;
  }, 300000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['fill-seed', 'fill-ratios', 'fill-numeric'])(
    '%s: every verdict formula shows validate’s verdict on the original',
    (name) => {
      const c = cases[name];
      const app = c.report.sheets[0];
      const vCol = app.layout!.columns.verdict!;
      let checked = 0;
      for (const res of app.criteria) {
        const row = app.rows!.find((r) => r.code === res.code)!;
        const planned = c.planned.sheets[0].cells.find((x) => x.row === row.row && x.col === vCol);
        if (!planned?.formula) continue;
        checked++;
        expect([res.code, shown(recalculated[name], PL01, row.row, vCol)]).toEqual([
          res.code,
          VERDICT_SHOWN[res.verdict],
        ]);
      }
      expect(checked).toBeGreaterThanOrEqual(36);
    },
  );

  it.each([
    'fill-seed',
    'fill-ratios',
    'fill-numeric',
    'fill-marks',
    'fill-subitems',
    'appraise-marks',
    'appraise-chain',
    'appraise-hai-cap',
    'template-pl01',
  ])(
    '%s: every formula recalculated equals the value the core planned, none left wrong',
    (name) => {
      const c = cases[name];
      const re = recalculated[name];
      let formulas = 0;
      for (const sheet of c.planned.sheets) {
        for (const cell of sheet.cells.filter((x) => x.formula)) {
          formulas++;
          // ExcelJS reads a recalculated 0 / FALSE back as empty (see docs/notes-for-cli.md)
          const raw = shown(re, sheet.name, cell.row, cell.col);
          const got = raw === '' && (cell.value === 0 || cell.value === false) ? cell.value : raw;
          const want = cell.value ?? '';
          expect(got).not.toBe('SAI');
          if (typeof want === 'number')
            expect([toA1(cell.row, cell.col), got]).toEqual([
              toA1(cell.row, cell.col),
              expect.closeTo(want, 9),
            ]);
          else
            expect([sheet.name, toA1(cell.row, cell.col), got]).toEqual([
              sheet.name,
              toA1(cell.row, cell.col),
              want,
            ]);
        }
      }
      expect(formulas).toBeGreaterThan(40);
    },
  );

  it('fill-marks: an x under Đạt when validate says met, under Không đạt when unmet', () => {
    const c = cases['fill-marks'];
    const app = c.report.sheets[0];
    const { met, unmet } = app.layout!.verdictMarks!;
    const re = recalculated['fill-marks'];
    for (const res of app.criteria) {
      const row = res.row - 1;
      expect([res.code, shown(re, PL01, row, met), shown(re, PL01, row, unmet)]).toEqual([
        res.code,
        res.verdict === 'met' ? 'x' : '',
        res.verdict === 'unmet' ? 'x' : '',
      ]);
    }
    expect(app.criteria.filter((x) => x.verdict === 'unmet').length).toBe(2);
  });

  it('the recalculated files validate with the verdicts of the original', () => {
    const marks = analyze(recalculated['appraise-marks']);
    expect(marks.sheets[1].criteria.map((x) => [x.code, x.verdict])).toEqual(
      cases['appraise-marks'].report.sheets[0].criteria.map((x) => [x.code, x.verdict]),
    );
    for (const name of [
      'fill-seed',
      'fill-ratios',
      'fill-numeric',
      'fill-marks',
      'fill-subitems',
    ]) {
      const rep = analyze(recalculated[name]);
      expect(rep.sheets[0].criteria.map((x) => [x.code, x.verdict])).toEqual(
        cases[name].report.sheets[0].criteria.map((x) => [x.code, x.verdict]),
      );
    }
    const chain = analyze(recalculated['appraise-chain']);
    expect(chain.sheets.map((s) => s.kind)).toEqual(['phu-luc-01', 'phu-luc-02', 'phu-luc-03']);
    const orig = cases['appraise-chain'].report.sheets[0].criteria.map((x) => [x.code, x.verdict]);
    expect(chain.sheets[1].criteria.map((x) => [x.code, x.verdict])).toEqual(orig);
    expect(chain.sheets[2].criteria.map((x) => [x.code, x.verdict])).toEqual(orig);
    const haiCap = analyze(recalculated['appraise-hai-cap']);
    expect(haiCap.sheets[1].kind).toBe('phu-luc-03');
    expect(haiCap.sheets[1].criteria.map((x) => [x.code, x.verdict])).toEqual(orig);
  });

  it('the summary sentence reads the Mẫu 02/04 way, with a decimal comma', () => {
    const sheet = recalculated['fill-seed'].sheets[0];
    const title = sheet.cells.find((c) => c.value === SUMMARY_TITLE)!;
    const sentence = shown(
      recalculated['fill-seed'],
      PL01,
      title.row + 2 + catalog.groups.length + 1,
      title.col,
    );
    const met = cases['fill-seed'].report.sheets[0].summary.met;
    const pct = String(Math.round((met / 37) * 1000) / 10).replace('.', ',');
    expect(sentence).toBe(`Đã hoàn thành ${met}/37 tiêu chí, tỷ lệ đạt ${pct}%`);
  });
});
