/**
 * The ExcelJS reader gives each text cell its font, so an appendix typed in TCVN3 (.VnTime,
 * .VnTimeH for capitals) or VNI (VNI-Times) is read converted: same report as the Unicode file.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../../src/cli/read-file';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { defaultCatalog } from '../../../src/core/catalog/catalog';
import { encodeTcvn3, encodeVni, encodingOfFont } from '../../../src/core/model/legacy-encoding';
import { toA1 } from '../../../src/core/model/grid';
import type { WorkbookReport } from '../../../src/core/model/report-types';
import { planFillWorkbook } from '../../../src/core/appendix/fill';
import { readWorkbookSnapshot } from '../../../src/excel';
import { applyPlanToExcelJS } from '../../../src/xlsx';
import { fakeFromExcelJS } from '../../support/fakes/fake-from-xlsx';
import { hoangKimWorkbook, writeXlsx } from '../../support/fixtures/xlsx-builders';

const catalog = defaultCatalog();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-legacy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function retype(wb: ExcelJS.Workbook, how: 'tcvn3' | 'vni'): ExcelJS.Workbook {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value !== 'string') return;
        const text = cell.value;
        const capitals = /\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('vi');
        if (how === 'vni') {
          cell.value = encodeVni(text);
          cell.font = { name: 'VNI-Times', size: 13 };
        } else if (capitals) {
          cell.value = encodeTcvn3(text.toLocaleLowerCase('vi'));
          cell.font = { name: '.VnTimeH', size: 13 };
        } else {
          cell.value = encodeTcvn3(text);
          cell.font = { name: '.VnTime', size: 13 };
        }
      }),
    ),
  );
  return wb;
}

const essence = (r: WorkbookReport) =>
  r.sheets.map((s) => ({
    kind: s.kind,
    summary: s.summary,
    findings: s.findings
      .filter((f) => f.rule !== 'legacy-encoding')
      .map((f) => [f.rule, f.cell, f.message.toLocaleLowerCase('vi')]),
  }));

describe('legacy fonts read by ExcelJS', () => {
  it.each(['tcvn3', 'vni'] as const)(
    '%s: fonts read, 36/37 met like the Unicode file',
    async (how) => {
      const unicodeFile = await writeXlsx(hoangKimWorkbook(), path.join(dir, 'unicode.xlsx'));
      const legacyFile = await writeXlsx(
        retype(hoangKimWorkbook(), how),
        path.join(dir, `${how}.xlsx`),
      );
      const unicode = analyzeWorkbook((await readWorkbookFile(unicodeFile)).snapshot, catalog);
      const { snapshot } = await readWorkbookFile(legacyFile);
      const fonts = new Set(snapshot.sheets[0].cells.map((c) => c.font).filter(Boolean));
      expect([...fonts].sort()).toEqual(how === 'vni' ? ['VNI-Times'] : ['.VnTime', '.VnTimeH']);
      const report = analyzeWorkbook(snapshot, catalog);
      expect(report.sheets[0].summary).toMatchObject({ criteria: 37, met: 36 });
      expect(essence(report)).toEqual(essence(unicode));
      const note = report.sheets[0].findings.filter((f) => f.rule === 'legacy-encoding');
      expect(note.map((f) => f.severity)).toEqual(['info']);
    },
  );
});

describe('legacy fonts read by the add-in (Office.js, one read)', () => {
  it.each(['tcvn3', 'vni'] as const)(
    '%s: the pane’s read carries the fonts; 36/37 met',
    async (how) => {
      const fake = fakeFromExcelJS(retype(hoangKimWorkbook(), how));
      fake.install();
      const snap = await readWorkbookSnapshot();
      expect(
        snap.sheets[0].cells.some((c) => c.font === (how === 'vni' ? 'VNI-Times' : '.VnTime')),
      ).toBe(true);
      const report = analyzeWorkbook(snap, catalog);
      expect(report.sheets[0].summary).toMatchObject({ criteria: 37, met: 36 });
      expect(report.sheets[0].findings.filter((f) => f.rule === 'legacy-encoding')).toHaveLength(1);
    },
  );
});

describe('fill on a sheet typed in a legacy font', () => {
  it.each(['tcvn3', 'vni'] as const)(
    '%s: every cell it writes that had a legacy font is set to Times New Roman',
    async (how) => {
      const wb = retype(hoangKimWorkbook(), how);
      const file = await writeXlsx(wb, path.join(dir, `fill-${how}.xlsx`));
      const { snapshot } = await readWorkbookFile(file);
      const sheet = snapshot.sheets[0];
      const legacy = new Set(
        sheet.cells.filter((c) => encodingOfFont(c.font)).map((c) => toA1(c.row, c.col)),
      );
      const report = analyzeWorkbook(snapshot, catalog);
      const plan = planFillWorkbook(snapshot, report, catalog, analyzeWorkbook);
      const onLegacy = plan.edits.flatMap((e) =>
        (e.op === 'set-value' || e.op === 'set-formula') && legacy.has(e.cell.toUpperCase())
          ? [e.cell.toUpperCase()]
          : [],
      );
      // the verdict cells typed "Đạt" in the legacy font get their formulas
      expect(onLegacy.length).toBeGreaterThan(20);
      const restyled = new Set(
        plan.edits.flatMap((e) =>
          e.op === 'set-style' && e.fontName === 'Times New Roman' ? [e.cell] : [],
        ),
      );
      for (const cell of onLegacy) expect(restyled).toContain(cell);

      // written to the workbook: those cells now show in Times New Roman
      applyPlanToExcelJS(wb, plan);
      const ws = wb.worksheets[0];
      for (const cell of onLegacy) expect(ws.getCell(cell).font?.name).toBe('Times New Roman');
    },
  );

  it('a Unicode sheet gets no font edits from fill', async () => {
    const file = await writeXlsx(hoangKimWorkbook(), path.join(dir, 'fill-unicode.xlsx'));
    const { snapshot } = await readWorkbookFile(file);
    const plan = planFillWorkbook(
      snapshot,
      analyzeWorkbook(snapshot, catalog),
      catalog,
      analyzeWorkbook,
    );
    expect(plan.edits.some((e) => e.op === 'set-style' && e.fontName !== undefined)).toBe(false);
  });
});
