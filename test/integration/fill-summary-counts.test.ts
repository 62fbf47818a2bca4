/**
 * The summary `fill` writes counts each criterion once, whatever row its verdict is typed on:
 * after LibreOffice recalculates the filled workbook, every group's "Số tiêu chí đạt" and the
 * total equal `validate`'s met counts on the original. Layouts: Hoàng Kim's PDF paste as typed
 * (repeated headers, continuation rows), the same with each verdict typed on the criterion's
 * continuation row (vertical centring of a PDF paste) or on both rows, and Đánh giá split into
 * "Đạt" / "Không đạt" mark columns. Cached results are written wrong on purpose ("SAI", -1).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { EditPlan } from '../../src/core/plan/edit-plan';
import { planFill } from '../../src/core/appendix/fill';
import type { SheetGrid, WorkbookSnapshot } from '../../src/core/model/grid';
import type { WorkbookReport } from '../../src/core/model/report-types';
import { SUMMARY_TITLE } from '../../src/core/appendix/summary-block';
import { applyPlanToExcelJS } from '../../src/xlsx/apply-plan';
import { readWorkbookFile } from '../../src/cli/read-file';
import { analyze, catalog, hoangKimGrid, PL01, snapshotOf, toExcel } from '../support/fill-support';
import { load, marksWorkbook } from '../support/fill-layout-builders';
import { cleanRows, patchRows } from '../support/fixtures/qa-builders';
import { recalcWithLibreOffice } from '../support/qa-e2e-support';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-summary-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Hoàng Kim with every verdict of a criterion that runs onto a second row moved (or copied) there. */
function verdictsOnContinuationRows(copy: boolean): { grid: SheetGrid; moved: string[] } {
  const grid = hoangKimGrid();
  const rep = analyze(snapshotOf(grid)).sheets[0];
  const vCol = rep.layout!.columns.verdict!;
  const moved: string[] = [];
  for (const row of rep.rows!) {
    const next = row.continuationRows[0];
    const typed = grid.cells.find((c) => c.row === row.row && c.col === vCol);
    if (next === undefined || !typed) continue;
    if (grid.cells.some((c) => c.row === next && c.col === vCol)) continue;
    grid.cells.push({ ...typed, row: next });
    if (!copy) grid.cells.splice(grid.cells.indexOf(typed), 1);
    moved.push(row.code);
  }
  return { grid, moved };
}

function withWrongCache(plan: EditPlan): EditPlan {
  return {
    ...plan,
    edits: plan.edits.map((e) =>
      e.op === 'set-formula' ? { ...e, cached: typeof e.cached === 'number' ? -1 : 'SAI' } : e,
    ),
  };
}

function recalc(files: string[]): string {
  const out = path.join(dir, 'out');
  recalcWithLibreOffice(files, out, path.join(dir, 'profile'));
  return out;
}

/** validate's met count per group, and in all. */
function metCounts(report: WorkbookReport): number[] {
  const s = report.sheets[0];
  const groupOf = new Map(catalog.criteria.map((c) => [c.code, c.group]));
  const met = catalog.groups.map(
    (g) => s.criteria.filter((c) => c.verdict === 'met' && groupOf.get(c.code) === g.code).length,
  );
  return [...met, s.summary.met];
}

/** The "Số tiêu chí đạt" column of the recalculated summary block: per group, then the total. */
function summaryCounts(snap: WorkbookSnapshot, sheet: string): unknown[] {
  const grid = snap.sheets.find((s) => s.name === sheet)!;
  const title = grid.cells.find((c) => c.value === SUMMARY_TITLE)!;
  const at = (r: number) =>
    grid.cells.find((c) => c.row === r && c.col === title.col + 1)?.value ?? null;
  return Array.from({ length: catalog.groups.length + 1 }, (_, i) => at(title.row + 2 + i));
}

interface Case {
  file: string;
  sheet: string;
  expected: number[];
}

(hasSoffice || process.env.CI ? describe : describe.skip)(
  'fill’s summary after LibreOffice recalculation equals validate’s met counts',
  () => {
    const cases: Record<string, Case> = {};
    const recalculated: Record<string, WorkbookSnapshot> = {};
    let movedCodes: string[] = [];

    beforeAll(async () => {
      const layouts: [string, WorkbookSnapshot, string][] = [];
      layouts.push(['as-typed', snapshotOf(hoangKimGrid()), PL01]);
      const moved = verdictsOnContinuationRows(false);
      movedCodes = moved.moved;
      layouts.push(['continuation', snapshotOf(moved.grid), PL01]);
      layouts.push(['both-rows', snapshotOf(verdictsOnContinuationRows(true).grid), PL01]);
      const marks = marksWorkbook(
        patchRows(cleanRows(), { '1.6': { commune: '65%' }, '3.6': { commune: '8,2%' } }),
        { '1.6': { unmet: 'x' }, '2.2': {} },
        PL01,
      );
      layouts.push(['marks', (await load(marks.wb)).snapshot, PL01]);
      for (const [name, snap, sheet] of layouts) {
        const report = analyze(snap);
        const wb = toExcel(snap);
        applyPlanToExcelJS(wb, withWrongCache(planFill(snap, report, catalog)));
        const file = path.join(dir, `${name}.xlsx`);
        await wb.xlsx.writeFile(file);
        cases[name] = { file, sheet, expected: metCounts(report) };
      }
      const out = recalc(Object.values(cases).map((c) => c.file));
      for (const [name, c] of Object.entries(cases))
        recalculated[name] = (
          await readWorkbookFile(path.join(out, path.basename(c.file)))
        ).snapshot;
    }, 300000);

    it('the layouts: several verdicts really are typed on continuation rows', () => {
      expect(movedCodes.length).toBeGreaterThanOrEqual(2);
      expect(cases['continuation'].expected).toEqual(cases['as-typed'].expected);
    });

    it.each(['as-typed', 'continuation', 'both-rows', 'marks'])(
      '%s: each group and the total count what validate counts as met',
      (name) => {
        const c = cases[name];
        expect(summaryCounts(recalculated[name], c.sheet)).toEqual(c.expected);
      },
    );
  },
);
