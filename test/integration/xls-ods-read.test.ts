/**
 * .xls and .ods read through SheetJS (`@e965/xlsx`) give the report of the .xlsx they were
 * saved from, cell for cell: LibreOffice converts a realistic workbook (Hoàng Kim's PHỤ LỤC 01
 * as typed, a Mẫu 1.4 with formulas and dates) and the three reports are compared.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbookFile } from '../../src/cli/read-file';
import { analyzeWorkbook } from '../../src/core/analyze';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import type { WorkbookReport } from '../../src/core/model/report-types';
import {
  OtherFormatReadError,
  otherSpreadsheetFormat,
  snapshotFromOtherFormat,
} from '../../src/xlsx/read-xls-ods';
import { ensureCliBuilt, runCli } from '../support/fixtures/cli-run';
import { buildMau14 } from '../support/fixtures/forms-builders';
import { addGridSheet, hoangKimWorkbook, writeXlsx } from '../support/fixtures/xlsx-builders';

const catalog = defaultCatalog();
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-xls-ods-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function convert(file: string, to: 'xls' | 'ods'): string {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, `lo-${to}`)}`,
      '--headless',
      '--convert-to',
      to,
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'ignore', timeout: 120000 },
  );
  return file.replace(/\.xlsx$/, `.${to}`);
}

const essence = (r: WorkbookReport) =>
  r.sheets.map((s) => ({
    name: s.name,
    kind: s.kind,
    summary: s.summary,
    criteria: s.criteria.map((c) => [c.code, c.row, c.verdict, c.value]),
    findings: s.findings.map((f) => [f.rule, f.severity, f.cell, f.criterion, f.message]),
    ratios: s.ratios,
  }));

(hasSoffice || process.env.CI ? describe : describe.skip)(
  '.xls and .ods saved by LibreOffice',
  () => {
    let xlsx: string;
    beforeAll(async () => {
      const wb = hoangKimWorkbook();
      addGridSheet(wb, buildMau14({ sheet: 'Mẫu 1.4' }));
      xlsx = await writeXlsx(wb, path.join(dir, 'hoang-kim.xlsx'));
    });

    it.each(['xls', 'ods'] as const)(
      '%s: same summary and same findings as the .xlsx',
      async (to) => {
        const file = convert(xlsx, to);
        const bytes = new Uint8Array(fs.readFileSync(file));
        expect(otherSpreadsheetFormat(bytes)).toBe(to);
        const snap = snapshotFromOtherFormat(bytes, to, path.basename(file));
        const expected = analyzeWorkbook((await readWorkbookFile(xlsx)).snapshot, catalog);
        const actual = analyzeWorkbook(snap, catalog);
        expect(expected.sheets[0].summary).toMatchObject({ criteria: 37, met: 36 });
        expect(essence(actual)).toEqual(essence(expected));
        expect(snap.sheets[0].merges.length).toBeGreaterThan(0);
      },
    );

    it.each(['xls', 'ods'] as const)(
      '%s: cds-check fill writes a new .xlsx beside it and never touches the original',
      async (to) => {
        await ensureCliBuilt();
        const sub = fs.mkdtempSync(path.join(dir, `fill-${to}-`));
        const file = path.join(sub, `hoang-kim.${to}`);
        fs.copyFileSync(convert(xlsx, to), file);
        const before = fs.readFileSync(file);
        const r = await runCli(['fill', file]);
        expect(r.status).toBe(0);
        expect(fs.readFileSync(file).equals(before)).toBe(true);
        const written = fs.readdirSync(sub).filter((f) => f.endsWith('.xlsx'));
        expect(written).toHaveLength(1);
        expect(r.stdout + r.stderr).toContain(written[0]);
        const out = await readWorkbookFile(path.join(sub, written[0]));
        const sheet = out.snapshot.sheets[0];
        expect(sheet.cells.some((c) => c.formula !== undefined)).toBe(true);
        // the same as filling the .xlsx it was saved from
        const fromXlsx = path.join(sub, 'from-xlsx.xlsx');
        expect((await runCli(['fill', '--out', fromXlsx, xlsx])).status).toBe(0);
        const expected = analyzeWorkbook((await readWorkbookFile(fromXlsx)).snapshot, catalog);
        const report = analyzeWorkbook(out.snapshot, catalog);
        expect(report.sheets[0].summary.criteria).toBe(37);
        expect(report.sheets.map((x) => [x.name, x.summary])).toEqual(
          expected.sheets.map((x) => [x.name, x.summary]),
        );
      },
    );

    it('a damaged .xls or .ods is refused', () => {
      const xls = fs.readFileSync(convert(xlsx, 'xls'));
      const cut = new Uint8Array(xls.subarray(0, 3000));
      expect(() => snapshotFromOtherFormat(cut, 'xls')).toThrow(OtherFormatReadError);
      const ods = fs.readFileSync(convert(xlsx, 'ods'));
      expect(() => snapshotFromOtherFormat(new Uint8Array(ods.subarray(0, 2000)), 'ods')).toThrow(
        OtherFormatReadError,
      );
    });
  },
);
