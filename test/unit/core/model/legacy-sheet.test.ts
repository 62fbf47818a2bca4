/**
 * Hoàng Kim's PHỤ LỤC 01 typed in TCVN3 (.VnTime, .VnTimeH for the capitals lines) and in VNI
 * (VNI-Times): read converted, it gives the report of the Unicode appendix (36/37 met), plus
 * one legacy-encoding info finding per sheet. Also without fonts (the text decides), and
 * a Unicode sheet is never touched.
 */
import { analyzeWorkbook } from '../../../../src/core/analyze';
import { defaultCatalog } from '../../../../src/core/catalog/catalog';
import type { Cell, SheetGrid, WorkbookSnapshot } from '../../../../src/core/model/grid';
import { encodeTcvn3, encodeVni } from '../../../../src/core/model/legacy-encoding';
import { decodeLegacySheet } from '../../../../src/core/model/legacy-sheet';
import type { WorkbookReport } from '../../../../src/core/model/report-types';
import { gridFromTsv, readSeedTable } from '../../../support/fixtures/tsv-grid';

const catalog = defaultCatalog();
const SHEET = 'PHỤ LỤC 01';
const hoangKim = () => gridFromTsv(SHEET, readSeedTable('hoang-kim-pl01.tsv'));

type Typing = 'tcvn3' | 'vni';

/** A text typed the legacy way, with the font an official would have used. */
function typed(text: string, how: Typing): { value: string; font: string } {
  if (how === 'vni') return { value: encodeVni(text), font: 'VNI-Times' };
  // capitals lines were typed in lower case with the .VnTimeH font
  const capitals = /\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('vi');
  return capitals
    ? { value: encodeTcvn3(text.toLocaleLowerCase('vi')), font: '.VnTimeH' }
    : { value: encodeTcvn3(text), font: '.VnTime' };
}

function legacyGrid(how: Typing, withFonts: boolean): SheetGrid {
  const g = hoangKim();
  const cells: Cell[] = g.cells.map((c) => {
    if (typeof c.value !== 'string') return c;
    const t = typed(c.value, how);
    return withFonts ? { ...c, value: t.value, font: t.font } : { ...c, value: t.value };
  });
  return { ...g, cells };
}

const analyze = (...sheets: SheetGrid[]): WorkbookReport =>
  analyzeWorkbook({ name: 'x.xlsx', sheets } as WorkbookSnapshot, catalog);

/** Verdicts and findings without the conversion note; messages name cells, values, codes. */
function essence(r: WorkbookReport) {
  const s = r.sheets[0];
  return {
    kind: s.kind,
    summary: s.summary,
    criteria: s.criteria.map((c) => [c.code, c.row, c.verdict, c.value]),
    findings: s.findings
      .filter((f) => f.rule !== 'legacy-encoding')
      .map((f) => [f.rule, f.cell, f.criterion, f.message.toLocaleLowerCase('vi')]),
  };
}

describe('an appendix typed in a legacy encoding reads like the Unicode one', () => {
  const unicode = analyze(hoangKim());

  it('the Unicode appendix: 36/37 met, no conversion note', () => {
    expect(unicode.sheets[0].summary).toMatchObject({ criteria: 37, met: 36 });
    expect(unicode.sheets[0].findings.some((f) => f.rule === 'legacy-encoding')).toBe(false);
  });

  it.each([
    ['TCVN3 with .VnTime/.VnTimeH fonts', 'tcvn3', true],
    ['VNI with VNI-Times', 'vni', true],
    ['TCVN3 without fonts (the text decides)', 'tcvn3', false],
    ['VNI without fonts (the text decides)', 'vni', false],
  ] as const)('%s: 36/37 met, same findings, one info note', (_, how, fonts) => {
    const raw = legacyGrid(how, fonts);
    // the legacy text itself is no appendix: without conversion nothing would be found
    expect(raw.cells.some((c) => c.value === 'Đạt')).toBe(false);
    const report = analyze(raw);
    expect(essence(report)).toEqual(essence(unicode));
    const notes = report.sheets[0].findings.filter((f) => f.rule === 'legacy-encoding');
    expect(notes).toHaveLength(1);
    expect(notes[0].severity).toBe('info');
    expect(notes[0].message).toContain(how === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI');
    if (fonts) expect(notes[0].message).toContain(how === 'tcvn3' ? '.VnTime' : 'VNI-Times');
  });

  it('converts in place once: a second analysis does not convert again', () => {
    const raw = legacyGrid('tcvn3', true);
    const first = decodeLegacySheet(raw);
    expect(first).toMatchObject({ encoding: 'tcvn3' });
    const text = raw.cells.map((c) => c.value);
    expect(decodeLegacySheet(raw)).toBe(first);
    expect(raw.cells.map((c) => c.value)).toEqual(text);
    expect(text).toContain('Đạt');
    expect(text).toContain('PHỤ LỤC 01');
  });

  it('a Unicode cell in a Unicode font is never converted, even among legacy cells', () => {
    const raw = legacyGrid('tcvn3', true);
    const heading: Cell = { row: 0, col: 8, kind: 'string', value: 'Có', font: 'Times New Roman' };
    raw.cells.push(heading);
    decodeLegacySheet(raw);
    expect(heading.value).toBe('Có');
  });

  it('a Unicode sheet with Latin-1 letters stays as typed', () => {
    const g = hoangKim();
    g.cells.push({ row: 80, col: 1, kind: 'string', value: 'Ghi chú: café, Müller' });
    const before = g.cells.map((c) => c.value);
    expect(decodeLegacySheet(g)).toBeNull();
    expect(g.cells.map((c) => c.value)).toEqual(before);
  });
});
