import * as ExcelJS from 'exceljs';
import { planTemplate, TEMPLATE_KINDS } from '../../../../src/core/appendix/template';
import { cellText, toA1, type WorkbookSnapshot } from '../../../../src/core/model/grid';
import { cleanText } from '../../../../src/core/model/text';
import {
  applyAndRead,
  analyze,
  catalog,
  evaluateFormulas,
  hoangKimGrid,
  snapshotOf,
  VERDICT_SHOWN,
  cachedOf,
} from '../../../support/fill-support';
import { readSeedTable } from '../../../support/fixtures/tsv-grid';

async function template(kind: string, chain?: string): Promise<WorkbookSnapshot> {
  const plan = planTemplate(catalog, kind, chain);
  expect(plan.edits.length).toBeGreaterThan(0);
  const empty: WorkbookSnapshot = { sheets: [] };
  const { snapshot } = await applyAndRead(empty, plan, new ExcelJS.Workbook());
  return snapshot;
}

/** The header line of a seed 001 blank table (the PL02 seed's "Chi tiêu" typo corrected). */
function seedHeader(file: string): string[] {
  const line = readSeedTable(file)
    .split('\n')
    .find((l) => l.startsWith('TT\t'))!;
  return line.split('\t').map((t) => cleanText(t.replace(/^Chi tiêu$/, 'Chỉ tiêu')));
}

const SEEDS: Record<string, string> = {
  'phu-luc-01': 'blank-pl01.tsv',
  'phu-luc-02': 'blank-pl02.tsv',
  'phu-luc-03': 'blank-pl03.tsv',
};

describe.each(TEMPLATE_KINDS.map((k) => [k]))('template %s', (kind) => {
  let snap: WorkbookSnapshot;
  beforeAll(async () => {
    snap = await template(kind);
  });

  it('is recognised by validate as its kind, with the 37 criteria', () => {
    const rep = analyze(snap);
    expect(rep.sheets.map((s) => s.kind)).toEqual([kind]);
    expect(rep.sheets[0].rows!.map((r) => r.code)).toEqual(catalog.criteria.map((c) => c.code));
    expect(rep.sheets[0].groups!.map((g) => g.code)).toEqual(catalog.groups.map((g) => g.code));
    expect(rep.sheets[0].findings.filter((f) => f.rule === 'target-differs')).toEqual([]);
  });

  it('has the title from the catalog and the header of seed 001', () => {
    const level = catalog.levels.find((l) => l.sheetKind === kind)!;
    const sheet = snap.sheets[0];
    expect(sheet.name).toBe(level.sheetName);
    const at = (a1: string) => cellText(sheet.cells.find((c) => toA1(c.row, c.col) === a1));
    expect(at('A1')).toBe(level.appendixTitle);
    expect(at('A2')).toBe(level.subtitle);
    const rep = analyze(snap);
    const hr = rep.sheets[0].layout!.headerRow;
    const header = sheet.cells
      .filter((c) => c.row === hr)
      .sort((a, b) => a.col - b.col)
      .map((c) => cellText(c));
    expect(header).toEqual(seedHeader(SEEDS[kind]));
  });

  it('names and units are the catalog’s, word for word', () => {
    const rep = analyze(snap);
    for (const row of rep.sheets[0].rows!) {
      const crit = catalog.criteria.find((c) => c.code === row.code)!;
      expect([row.code, row.name, row.unit]).toEqual([crit.code, crit.name, crit.unit]);
    }
  });

  it('its formulas are live: blank verdicts and a zero summary (HyperFormula)', () => {
    const computed = evaluateFormulas(snap);
    const sheet = snap.sheets[0];
    for (const c of sheet.cells.filter((x) => x.formula)) {
      const got = computed.get(`${sheet.name}!${toA1(c.row, c.col)}`);
      expect([toA1(c.row, c.col), got]).toEqual([toA1(c.row, c.col), cachedOf(c, got)]);
    }
    expect([...computed.values()]).toContain('Đã hoàn thành 0/37 tiêu chí, tỷ lệ đạt 0%');
  });
});

describe('template, filled in by a commune officer', () => {
  it('computes the verdicts validate gives, once results are typed in', async () => {
    const snap = await template('phu-luc-01');
    const sheet = snap.sheets[0];
    const rep0 = analyze(snap);
    // Hoàng Kim's results, typed as a person types into the formatted cells
    const hk = analyze(snapshotOf(hoangKimGrid()));
    const parsed = new Map(hk.sheets[0].criteria.map((c) => [c.code, c.parsed]));
    const resCol = rep0.sheets[0].layout!.columns['result-commune']!;
    for (const row of rep0.sheets[0].rows!) {
      const p = parsed.get(row.code);
      if (!p || p.kind === 'empty') continue;
      const value = p.kind === 'rate' || p.kind === 'number' ? p.value : cleanText(p.raw);
      const existing = sheet.cells.find((c) => c.row === row.row && c.col === resCol);
      const cell = existing ?? { row: row.row, col: resCol, kind: 'string' as const, value: null };
      cell.kind = typeof value === 'number' ? 'number' : 'string';
      cell.value = value;
      if (!existing) sheet.cells.push(cell);
    }
    const computed = evaluateFormulas(snap);
    const rep = analyze(snap);
    const vCol = rep.sheets[0].layout!.columns.verdict!;
    for (const res of rep.sheets[0].criteria) {
      const row = rep.sheets[0].rows!.find((r) => r.code === res.code)!;
      expect([res.code, computed.get(`${sheet.name}!${toA1(row.row, vCol)}`)]).toEqual([
        res.code,
        VERDICT_SHOWN[res.verdict],
      ]);
    }
    expect(rep.sheets[0].summary.met).toBeGreaterThanOrEqual(35);
  });
});

describe('template kinds and chains', () => {
  it('the province template of chain hai-cap-2025 takes the commune’s result', async () => {
    const snap = await template('phu-luc-03', 'hai-cap-2025');
    const rep = analyze(snap);
    expect(rep.sheets[0].kind).toBe('phu-luc-03');
    expect(rep.sheets[0].layout!.columns['result-commune']).toBe(4);
    expect(rep.sheets[0].layout!.columns['result-province']).toBe(5);
  });

  it('says which kinds a chain has when asked for another', () => {
    const plan = planTemplate(catalog, 'phu-luc-02', 'hai-cap-2025');
    expect(plan.edits).toEqual([]);
    expect(plan.notes![0]).toMatch(/không có cấp nào lập phu-luc-02.*phu-luc-01, phu-luc-03/);
  });
});
