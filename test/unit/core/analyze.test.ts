/**
 * analyze.ts: a workbook in, a report out. Each sheet gets its kind (appendix, evidence form or
 * unknown); unknown sheets say nothing; the cross-sheet findings (appendix vs. its forms, the
 * evidence folder) land on the appendix sheet; every sheet's findings come out sorted.
 * Workbook: seed 004's PHỤ LỤC 01 (Hoàng Kim, as typed), seed 001's blank PHỤ LỤC 02/03, a filled
 * Mẫu 1.4 (12 staff; 10 clear computer marks, 10 valid mailboxes), and sheets that are none of these.
 */
import { analyzeSheet, analyzeWorkbook } from '../../../src/core/analyze';
import { defaultCatalog } from '../../../src/core/catalog/catalog';
import { sortFindings, type Finding } from '../../../src/core/model/findings';
import type { SheetGrid, WorkbookSnapshot } from '../../../src/core/model/grid';
import { buildMau14, gridFromRows } from '../../support/fixtures/forms-builders';
import { gridFromTsv, readSeedTable } from '../../support/fixtures/tsv-grid';

const catalog = defaultCatalog();
const PL01 = 'Phụ lục 01';
const MAU14 = 'Mẫu 1.4';

const pl01 = () => gridFromTsv(PL01, readSeedTable('hoang-kim-pl01.tsv'));
const staffList = (): SheetGrid =>
  gridFromRows('Danh sách trực', [
    ['Họ và tên', 'Ngày trực', 'Số điện thoại'],
    ['Lê Văn Hùng', '15/12/2023', '0912 345 678'],
    ['Nguyễn Thị Lan', '16/12/2023', '0987 654 321'],
  ]);
const empty = (): SheetGrid => ({ name: 'Sheet1', cells: [], merges: [] });

function workbook(...sheets: SheetGrid[]): WorkbookSnapshot {
  return { name: 'hoang-kim.xlsx', sheets };
}

const requiredEvidence = catalog.criteria.filter((c) => c.evidenceRequired).map((c) => c.code);

describe('analyzeWorkbook: one report per sheet, in order, with its kind', () => {
  const report = analyzeWorkbook(
    workbook(
      pl01(),
      buildMau14({ sheet: MAU14 }),
      staffList(),
      empty(),
      gridFromTsv('PL02', readSeedTable('blank-pl02.tsv')),
      gridFromTsv('PL03', readSeedTable('blank-pl03.tsv')),
    ),
    catalog,
  );

  it('kinds per sheet', () => {
    expect(report.sheets.map((s) => [s.name, s.kind])).toEqual([
      [PL01, 'phu-luc-01'],
      [MAU14, 'mau-1.4'],
      ['Danh sách trực', 'unknown'],
      ['Sheet1', 'unknown'],
      ['PL02', 'phu-luc-02'],
      ['PL03', 'phu-luc-03'],
    ]);
  });

  it('an appendix carries its criteria, summary and recognition details', () => {
    const s = report.sheets[0];
    expect(s.criteria.map((c) => c.code)).toEqual(catalog.criteria.map((c) => c.code));
    expect(s.summary.criteria).toBe(37);
    expect(s.summary.met + s.summary.unmet + s.summary.undetermined).toBe(37);
    expect(s.layout?.columns['result-commune']).toBe(4);
    expect(s.rows).toHaveLength(37);
    expect(s.groups?.map((g) => g.code)).toEqual(['1', '2', '3', '4']);
    expect(s.ratios).toEqual([]);
  });

  it('a form carries its ratios, no criteria, an empty summary', () => {
    const s = report.sheets[1];
    expect(s.criteria).toEqual([]);
    expect(s.summary).toEqual({ criteria: 0, met: 0, unmet: 0, undetermined: 0 });
    const byKey = new Map(s.ratios.map((r) => [r.key, r]));
    expect([byKey.get('computer')?.numerator, byKey.get('computer')?.denominator]).toEqual([
      10, 12,
    ]);
    expect(byKey.get('computer')?.value).toBeCloseTo(10 / 12, 12);
    expect(s.layout).toBeUndefined();
  });

  it('unknown sheets give no finding, no criteria, no ratios', () => {
    for (const s of report.sheets.filter((x) => x.kind === 'unknown')) {
      expect(s.findings).toEqual([]);
      expect(s.criteria).toEqual([]);
      expect(s.ratios).toEqual([]);
      expect(s.summary).toEqual({ criteria: 0, met: 0, unmet: 0, undetermined: 0 });
      expect(s.layout).toBeUndefined();
    }
  });

  it('each sheet has its own summary object (changing one changes no other)', () => {
    const [a, b] = report.sheets.filter((x) => !x.kind.startsWith('phu-luc'));
    a.summary.met = 99;
    expect(b.summary.met).toBe(0);
    expect(analyzeSheet(empty(), catalog).summary.met).toBe(0);
  });

  it('every sheet’s findings are sorted: errors, warnings, info; rows numerically', () => {
    for (const s of report.sheets) expect(s.findings).toEqual(sortFindings(s.findings));
    const f = report.sheets[0].findings;
    expect(f.length).toBeGreaterThan(2);
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < f.length; i++) {
      expect(rank[f[i].severity]).toBeGreaterThanOrEqual(rank[f[i - 1].severity]);
      if (f[i].severity === f[i - 1].severity)
        expect(Number(/\d+/.exec(f[i].cell)![0])).toBeGreaterThanOrEqual(
          Number(/\d+/.exec(f[i - 1].cell)![0]),
        );
    }
  });
});

describe('analyzeWorkbook: cross-sheet findings land on the appendix', () => {
  const differs = (fs: Finding[]) => fs.filter((f) => f.rule === 'evidence-differs');

  it('1.4 and 4.3 typed 100% against Mẫu 1.4 counting 10/12: on PHỤ LỤC 01', () => {
    const report = analyzeWorkbook(workbook(pl01(), buildMau14({ sheet: MAU14 })), catalog);
    const [app, form] = report.sheets;
    expect(
      differs(app.findings)
        .map((f) => f.criterion)
        .sort(),
    ).toEqual(['1.4', '4.3']);
    for (const f of differs(app.findings)) {
      expect(f.sheet).toBe(PL01);
      expect(f.severity).toBe('error');
    }
    expect(differs(form.findings)).toEqual([]);
    // on the Kết quả cell of the criterion row
    const row14 = app.criteria.find((c) => c.code === '1.4')!.row;
    expect(differs(app.findings).find((f) => f.criterion === '1.4')!.cell).toBe(`E${row14}`);
  });

  it('the same appendix alone has no evidence-differs finding', () => {
    const report = analyzeWorkbook(workbook(pl01()), catalog);
    expect(differs(report.sheets[0].findings)).toEqual([]);
  });

  it('the form placed before the appendix changes nothing', () => {
    const a = analyzeWorkbook(workbook(pl01(), buildMau14({ sheet: MAU14 })), catalog);
    const b = analyzeWorkbook(workbook(buildMau14({ sheet: MAU14 }), pl01()), catalog);
    expect(b.sheets[1].findings).toEqual(a.sheets[0].findings);
  });
});

describe('analyzeWorkbook: the evidence folder (validate --evidence DIR)', () => {
  const folderRules = (fs: Finding[]) =>
    fs.filter((f) => f.rule === 'evidence-folder-missing' || f.rule === 'evidence-file-missing');

  it('without a listing, no folder is checked', () => {
    const report = analyzeWorkbook(workbook(pl01()), catalog);
    expect(folderRules(report.sheets[0].findings)).toEqual([]);
  });

  it('an empty folder: one finding per criterion requiring evidence, on the appendix', () => {
    const report = analyzeWorkbook(workbook(pl01(), staffList()), catalog, {
      evidenceListing: [],
    });
    const missing = report.sheets[0].findings.filter((f) => f.rule === 'evidence-folder-missing');
    expect(missing.map((f) => f.criterion).sort()).toEqual([...requiredEvidence].sort());
    expect(missing.every((f) => f.sheet === PL01)).toBe(true);
    expect(report.sheets[1].findings).toEqual([]);
  });

  it('folders named after the codes satisfy the check', () => {
    const listing = requiredEvidence.map((code) => `${code}. Minh chứng/Quyết định số 12.pdf`);
    const report = analyzeWorkbook(workbook(pl01()), catalog, { evidenceListing: listing });
    expect(report.sheets[0].findings.filter((f) => f.rule === 'evidence-folder-missing')).toEqual(
      [],
    );
  });

  it('a listing is checked against every appendix sheet, never against a form', () => {
    const report = analyzeWorkbook(
      workbook(
        pl01(),
        buildMau14({ sheet: MAU14 }),
        gridFromTsv('PL02', readSeedTable('blank-pl02.tsv')),
      ),
      catalog,
      { evidenceListing: ['1.1/ke-hoach.pdf'] },
    );
    const [app, form, pl02] = report.sheets;
    expect(folderRules(app.findings).length).toBeGreaterThan(0);
    expect(
      app.findings.some((f) => f.criterion === '1.1' && f.rule === 'evidence-folder-missing'),
    ).toBe(false);
    expect(folderRules(form.findings)).toEqual([]);
    expect(folderRules(pl02.findings).every((f) => f.sheet === 'PL02')).toBe(true);
  });
});

describe('analyzeSheet', () => {
  it('reads one sheet like analyzeWorkbook does, without cross-sheet findings', () => {
    const alone = analyzeSheet(pl01(), catalog);
    const inBook = analyzeWorkbook(workbook(pl01()), catalog).sheets[0];
    expect(alone.kind).toBe('phu-luc-01');
    expect(sortFindings(alone.findings)).toEqual(inBook.findings);
    expect(alone.criteria).toEqual(inBook.criteria);
  });

  it('an empty workbook has no sheets to report', () => {
    expect(analyzeWorkbook({ sheets: [] }, catalog)).toEqual({ sheets: [] });
  });
});
