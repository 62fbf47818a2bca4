/**
 * fill on the layouts the recogniser reports (report-types: TableLayout.verdictMarks,
 * CriterionRow.subItemRows, columns.tt === columns.name): built as real workbooks, read back,
 * filled, written through ExcelJS, recalculated by HyperFormula and validated again.
 */
import { planFill, type FillPlan } from '../../../../src/core/appendix/fill';
import { inversePlan } from '../../../../src/core/plan/undo';
import type { CellEdit } from '../../../../src/core/plan/edit-plan';
import { cellText, fromA1, toA1, type WorkbookSnapshot } from '../../../../src/core/model/grid';
import type { SheetReport, WorkbookReport } from '../../../../src/core/model/report-types';
import { SUMMARY_TITLE, tableBottom } from '../../../../src/core/appendix/summary-block';
import { cleanRows, patchRows } from '../../../support/fixtures/qa-builders';
import {
  analyze,
  applyAndRead,
  cachedOf,
  catalog,
  cellAt,
  cellMap,
  evaluateFormulas,
  sheetOf,
  VERDICT_SHOWN,
  type Computed,
} from '../../../support/fill-support';
import {
  codeNameWorkbook,
  load,
  marksPl02Workbook,
  marksWorkbook,
  subItemsWorkbook,
  type CodeNameVariant,
} from '../../../support/fill-layout-builders';
import type * as ExcelJS from 'exceljs';

const SHEET = 'PL01';

interface Filled {
  sheet: string;
  before: WorkbookSnapshot;
  report: WorkbookReport;
  rep: SheetReport;
  plan: FillPlan;
  after: WorkbookSnapshot;
  again: SheetReport;
  computed: Computed;
}

async function fillWorkbook(wb: ExcelJS.Workbook, sheet = SHEET): Promise<Filled> {
  const { workbook, snapshot: before } = await load(wb);
  const report = analyze(before);
  const plan = planFill(before, report, catalog);
  const { snapshot: after } = await applyAndRead(before, plan, workbook);
  return {
    sheet,
    before,
    report,
    rep: report.sheets.find((s) => s.name === sheet)!,
    plan,
    after,
    again: analyze(after).sheets.find((s) => s.name === sheet)!,
    computed: evaluateFormulas(after),
  };
}

function rowOfEdit(e: CellEdit): number | null {
  return 'cell' in e ? fromA1(e.cell).row : null;
}

function verdictsOf(rep: SheetReport): [string, string][] {
  return rep.criteria.map((c) => [c.code, c.verdict]);
}

function shown(f: Filled, row: number, col: number): string | number | boolean | null {
  const addr = toA1(row, col);
  return f.computed.get(`${f.sheet}!${addr}`) ?? cellAt(f.after, f.sheet, addr)?.value ?? null;
}

/** What every layout must keep: engine = cache, verdicts = validate, idempotent, nothing lost. */
function commonChecks(get: () => Filled): void {
  it('every formula computed by HyperFormula equals its cached value', () => {
    const f = get();
    const formulas = sheetOf(f.after, f.sheet).cells.filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(37);
    for (const c of formulas) {
      const got = f.computed.get(`${f.sheet}!${toA1(c.row, c.col)}`);
      const cached = cachedOf(c, got);
      if (typeof got === 'number') expect(got).toBeCloseTo(Number(cached), 9);
      else expect([toA1(c.row, c.col), got]).toEqual([toA1(c.row, c.col), cached]);
    }
  });

  it('validate on the filled file gives the verdicts of the original, the table ends where it did', () => {
    const f = get();
    expect(f.again.kind).toBe(f.rep.kind);
    expect(verdictsOf(f.again)).toEqual(verdictsOf(f.rep));
    expect(f.again.layout!.lastRow).toBe(f.rep.layout!.lastRow);
  });

  it('changes only the cells it writes, keeping any typed text in a note', () => {
    const f = get();
    const before = cellMap(sheetOf(f.before, f.sheet));
    const after = cellMap(sheetOf(f.after, f.sheet));
    const written = new Set(
      f.plan.edits.filter((e) => e.op === 'set-value' || e.op === 'set-formula').map((e) => e.cell),
    );
    for (const [addr, orig] of before) {
      const now = after.get(addr)!;
      if (!written.has(addr))
        expect([addr, now.value, now.formula, now.note]).toEqual([
          addr,
          orig.value,
          orig.formula,
          orig.note,
        ]);
      else if (cellText(orig).trim() !== '')
        expect(now.note).toContain(`Giá trị gốc: ${cellText(orig)}`);
    }
  });

  it('re-running fill plans nothing', () => {
    const f = get();
    const again = planFill(f.after, analyze(f.after), catalog);
    expect(again.edits).toEqual([]);
  });
}

// =============================================================================================

describe('fill on Đánh giá split into "Đạt" | "Không đạt" mark columns', () => {
  const rows = patchRows(cleanRows(), {
    '1.6': { commune: '65%' }, // below 70 %, marked under Không đạt
    '3.6': { commune: '8,2%' }, // below target, wrongly marked under Đạt
    '1.1': { commune: '- Không' }, // validate: unmet; its formula would not say so
    '1.11': { commune: null }, // no result, marked Đạt anyway
  });
  const marks = {
    '1.6': { unmet: 'x' },
    '3.6': { met: 'x' },
    '2.1': { met: 'x', unmet: 'x' }, // marked in both columns
    '2.2': {}, // not marked
    '1.1': { met: '✓' }, // left for a person: the summary counts this mark too
    '4.1': { met: 'X' },
  };
  let f: Filled;
  let met: number;
  let unmet: number;
  beforeAll(async () => {
    f = await fillWorkbook(marksWorkbook(rows, marks).wb);
    ({ met, unmet } = f.rep.layout!.verdictMarks!);
  });
  commonChecks(() => f);

  it('is recognised with its mark columns', () => {
    expect(f.rep.kind).toBe('phu-luc-01');
    expect(f.rep.layout!.verdictMarks).toEqual({ met: 5, unmet: 6 });
    expect(f.rep.layout!.columns.verdict).toBe(5);
  });

  it('writes an "x"/"" formula in each mark column, never the words Đạt/Không đạt', () => {
    let rowsWithFormulas = 0;
    for (const res of f.rep.criteria) {
      const row = res.row - 1;
      const m = cellAt(f.after, SHEET, toA1(row, met));
      const u = cellAt(f.after, SHEET, toA1(row, unmet));
      if (res.code === '1.1') {
        expect([m?.formula, m?.value, u?.formula]).toEqual([undefined, '✓', undefined]);
        continue;
      }
      rowsWithFormulas++;
      expect(m?.formula).toBeDefined();
      expect(u?.formula).toBeDefined();
      for (const fm of [m!.formula!, u!.formula!]) {
        expect(fm).not.toContain('"Đạt"');
        expect(fm).not.toContain('"Không đạt"');
        expect(fm).toContain('"x"');
      }
      // HyperFormula: an x under Đạt exactly when validate says met, under Không đạt when unmet
      expect([res.code, shown(f, row, met), shown(f, row, unmet)]).toEqual([
        res.code,
        res.verdict === 'met' ? 'x' : '',
        res.verdict === 'unmet' ? 'x' : '',
      ]);
    }
    expect(rowsWithFormulas).toBe(36);
    expect(f.plan.stats.verdictFormulas).toBe(36);
    expect(f.plan.stats.skipped).toBe(1);
    expect(f.plan.notes!.some((n) => n.startsWith('1.1:'))).toBe(true);
  });

  it('the empty 1.11 shows nothing in either column; 1.6 and 3.6 show their x under Không đạt', () => {
    const at = (code: string) => f.rep.criteria.find((c) => c.code === code)!.row - 1;
    expect([shown(f, at('1.11'), met), shown(f, at('1.11'), unmet)]).toEqual(['', '']);
    expect([shown(f, at('1.6'), met), shown(f, at('1.6'), unmet)]).toEqual(['', 'x']);
    expect([shown(f, at('3.6'), met), shown(f, at('3.6'), unmet)]).toEqual(['', 'x']);
  });

  it('keeps every typed mark in a note on the cell it replaced', () => {
    const note = (code: string, col: number) =>
      cellAt(f.after, SHEET, toA1(f.rep.criteria.find((c) => c.code === code)!.row - 1, col))?.note;
    expect(note('3.6', met)).toBe('Giá trị gốc: x');
    expect(note('1.6', unmet)).toBe('Giá trị gốc: x');
    expect([note('2.1', met), note('2.1', unmet)]).toEqual(['Giá trị gốc: x', 'Giá trị gốc: x']);
    expect(note('4.1', met)).toBe('Giá trị gốc: X');
    expect(note('1.11', met)).toBe('Giá trị gốc: x');
    expect([note('2.2', met), note('2.2', unmet)]).toEqual([undefined, undefined]);
  });

  it('the typed-mark findings are gone once the marks are live (3.6 wrongly marked, 2.1 marked twice)', () => {
    const rules = (rep: SheetReport, code: string) =>
      rep.findings.filter((x) => x.criterion === code).map((x) => x.rule);
    expect(rules(f.rep, '3.6')).toContain('verdict-mismatch');
    expect(rules(f.again, '3.6')).not.toContain('verdict-mismatch');
    expect(rules(f.rep, '2.1')).toContain('unparseable-value');
    expect(rules(f.again, '2.1')).toEqual([]);
    expect(rules(f.rep, '2.2')).toContain('missing-verdict');
    expect(rules(f.again, '2.2')).toEqual([]);
    expect(f.again.layout!.verdictMarks).toEqual(f.rep.layout!.verdictMarks);
  });

  it('the summary counts the marks of the Đạt column (x, and the ✓ typed on 1.1)', () => {
    const sheet = sheetOf(f.after, SHEET);
    const title = sheet.cells.find((c) => c.value === SUMMARY_TITLE)!;
    expect(title.row).toBeGreaterThanOrEqual(f.rep.layout!.lastRow + 2);
    const countCells = catalog.groups.map((_, i) =>
      cellAt(f.after, SHEET, toA1(title.row + 2 + i, title.col + 1))!,
    );
    for (const c of countCells) {
      const refs = [...c.formula!.matchAll(/COUNTIF\(([A-Z]+)\d+(?::([A-Z]+)\d+)?,"([^"]*)"\)/g)];
      expect(refs.length).toBeGreaterThan(0);
      for (const m of refs) {
        expect([m[1], m[2] ?? m[1]]).toEqual(['F', 'F']);
        expect(['x', '✓']).toContain(m[3]);
      }
    }
    catalog.groups.forEach((g, i) => {
      const codes = catalog.criteria.filter((c) => c.group === g.code).map((c) => c.code);
      const expected = f.rep.criteria.filter((c) => {
        if (!codes.includes(c.code)) return false;
        const v = String(shown(f, c.row - 1, met)).toLowerCase();
        return v === 'x' || v === '✓';
      }).length;
      expect([
        g.code,
        f.computed.get(`${SHEET}!${toA1(title.row + 2 + i, title.col + 1)}`),
      ]).toEqual([g.code, expected]);
    });
    const total = title.row + 2 + catalog.groups.length;
    const metAll = f.computed.get(`${SHEET}!${toA1(total, title.col + 1)}`);
    // 37 criteria: 1.6, 3.6 unmet, 1.11 undetermined; 1.1 typed ✓ (counted as typed)
    expect(metAll).toBe(f.rep.summary.met + 1);
    expect(f.computed.get(`${SHEET}!${toA1(total, title.col + 2)}`)).toBe(37);
  });
});

// =============================================================================================

describe('fill with sub-items under criteria (a) b) c), rates under 3.8, "-" after 4.8)', () => {
  let f: Filled;
  let subRows: number[];
  beforeAll(async () => {
    f = await fillWorkbook(subItemsWorkbook(SHEET).wb);
    subRows = f.rep.rows!.flatMap((r) => r.subItemRows ?? []);
  });
  commonChecks(() => f);

  it('the recogniser reports the sub-items and a table reaching below the last of them', () => {
    expect(f.rep.summary).toEqual({ criteria: 37, met: 37, unmet: 0, undetermined: 0 });
    const of = (code: string) => f.rep.rows!.find((r) => r.code === code)!.subItemRows;
    expect([of('1.8')?.length, of('3.8')?.length, of('4.8')?.length]).toEqual([3, 2, 2]);
    expect(f.rep.layout!.lastRow).toBe(Math.max(...subRows));
  });

  it('writes nothing on a sub-item row', () => {
    for (const e of f.plan.edits)
      expect([rowOfEdit(e), subRows.includes(rowOfEdit(e)!)]).toEqual([rowOfEdit(e), false]);
    // their own verdicts and results are as typed
    const verdictCol = f.rep.layout!.columns.verdict!;
    for (const r of subRows) {
      const c = cellAt(f.after, SHEET, toA1(r, verdictCol));
      if (c) expect([c.formula, c.note]).toEqual([undefined, undefined]);
    }
  });

  it('the summary goes below the sub-items and the signature block, on empty cells only', () => {
    const title = f.plan.edits.find((e) => e.op === 'set-value' && e.value === SUMMARY_TITLE)!;
    const start = rowOfEdit(title)!;
    expect(start).toBeGreaterThan(Math.max(...subRows) + 1);
    const before = cellMap(sheetOf(f.before, SHEET));
    const merges = sheetOf(f.before, SHEET).merges;
    for (const e of f.plan.edits) {
      if (!('cell' in e) || rowOfEdit(e)! < start) continue;
      expect([e.cell, before.get(e.cell)?.value ?? null]).toEqual([e.cell, null]);
      const { row, col } = fromA1(e.cell);
      expect(
        merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right),
      ).toBe(false);
    }
  });

  it('COUNTIF ranges cover the criterion rows only: the sub-items’ own "Đạt" are not counted', () => {
    const title = sheetOf(f.after, SHEET).cells.find((c) => c.value === SUMMARY_TITLE)!;
    catalog.groups.forEach((g, i) => {
      const cell = cellAt(f.after, SHEET, toA1(title.row + 2 + i, title.col + 1))!;
      for (const m of cell.formula!.matchAll(/COUNTIF\([A-Z]+(\d+)(?::[A-Z]+(\d+))?,/g)) {
        const top = Number(m[1]) - 1;
        const bottom = Number(m[2] ?? m[1]) - 1;
        for (const r of subRows) expect([g.code, r >= top && r <= bottom]).toEqual([g.code, false]);
      }
      const n = catalog.criteria.filter((c) => c.group === g.code).length;
      expect([
        g.code,
        f.computed.get(`${SHEET}!${toA1(title.row + 2 + i, title.col + 1)}`),
      ]).toEqual([g.code, n]);
    });
    const total = title.row + 2 + catalog.groups.length;
    expect(f.computed.get(`${SHEET}!${toA1(total, title.col + 1)}`)).toBe(37);
  });

  it('the sub-items are still sub-items after fill', () => {
    const subs = (rep: SheetReport) => rep.rows!.map((r) => [r.code, r.subItemRows ?? []]);
    expect(subs(f.again)).toEqual(subs(f.rep));
  });
});

// =============================================================================================

describe.each<[string, CodeNameVariant]>([
  ['no TT column: "1.1. Xây dựng…" in the name column', 'no-tt-column'],
  ['code and name typed in the TT cell', 'code-and-name-in-tt'],
  ['STT numbered 1, 2, 3… and "1.1 - Xây dựng…" names', 'stt-numbered'],
])('fill with codes written in front of names — %s', (_label, variant) => {
  let f: Filled;
  beforeAll(async () => {
    const patch = {
      '1.6': { commune: '65,2%', verdict: 'Không đạt' },
      '3.9': { commune: '3.644/4.993' },
    };
    f = await fillWorkbook(codeNameWorkbook(variant, SHEET, patch).wb);
  });
  commonChecks(() => f);

  it('writes a verdict formula for every criterion, computing validate’s verdict', () => {
    const layout = f.rep.layout!;
    expect(f.rep.criteria.every((c) => c.row > 0)).toBe(true);
    for (const res of f.rep.criteria) {
      const addr = toA1(res.row - 1, layout.columns.verdict!);
      expect(cellAt(f.after, SHEET, addr)?.formula).toBeDefined();
      expect([res.code, f.computed.get(`${SHEET}!${addr}`)]).toEqual([
        res.code,
        VERDICT_SHOWN[res.verdict],
      ]);
    }
    expect(f.rep.criteria.find((c) => c.code === '1.6')!.verdict).toBe('unmet');
  });

  it('converts typed results in the result column only; code/name cells are untouched', () => {
    const layout = f.rep.layout!;
    const resultCol = layout.columns['result-commune']!;
    for (const e of f.plan.edits) {
      if (!('cell' in e) || (e.op !== 'set-value' && e.op !== 'set-formula')) continue;
      const { row, col } = fromA1(e.cell);
      if (row > layout.lastRow) continue; // summary block
      expect([e.cell, [resultCol, layout.columns.verdict].includes(col)]).toEqual([e.cell, true]);
    }
    const r39 = f.rep.criteria.find((c) => c.code === '3.9')!.row - 1;
    expect(cellAt(f.after, SHEET, toA1(r39, resultCol))!.formula).toBe('3644/4993');
  });

  it('puts the summary under the table with 37 criteria, 36 met', () => {
    const title = sheetOf(f.after, SHEET).cells.find((c) => c.value === SUMMARY_TITLE)!;
    expect(title.row).toBeGreaterThanOrEqual(f.rep.layout!.lastRow + 2);
    const total = title.row + 2 + catalog.groups.length;
    expect(f.computed.get(`${SHEET}!${toA1(total, title.col + 1)}`)).toBe(36);
    expect(f.computed.get(`${SHEET}!${toA1(total, title.col + 2)}`)).toBe(37);
  });
});

describe('the summary block never goes over rows the table owns', () => {
  it('goes below sub-items and continuation rows even when layout.lastRow stops short of them', async () => {
    const { snapshot } = await load(subItemsWorkbook(SHEET).wb);
    const report = analyze(snapshot);
    const rep = report.sheets[0];
    const r48 = rep.rows!.find((r) => r.code === '4.8')!;
    const subs = r48.subItemRows!;
    expect(subs.length).toBe(2);
    // a recogniser that ended the table on the criterion row itself
    const short: WorkbookReport = {
      sheets: [{ ...rep, layout: { ...rep.layout!, lastRow: r48.row } }],
    };
    const plan = planFill(snapshot, short, catalog);
    const title = plan.edits.find((e) => e.op === 'set-value' && e.value === SUMMARY_TITLE)!;
    expect(rowOfEdit(title)!).toBeGreaterThanOrEqual(Math.max(...subs) + 2);
    expect(tableBottom(short.sheets[0].layout!, rep.rows!)).toBe(Math.max(...subs));
  });
});

describe('fill on a PHỤ LỤC 02 whose Đánh giá is split into mark columns', () => {
  let f: Filled;
  beforeAll(async () => {
    const rows = patchRows(cleanRows(['commune', 'district']), {
      '1.6': { district: '65%' }, // the district lowered it, marked Không đạt
      '3.6': { district: '8,2%' }, // lowered, still marked Đạt
    });
    f = await fillWorkbook(
      marksPl02Workbook(rows, { '1.6': { unmet: 'x' }, '3.6': { met: 'x' } }, 'PL02').wb,
      'PL02',
    );
  });
  commonChecks(() => f);

  it('the marks follow the district’s result (HyperFormula)', () => {
    expect(f.rep.kind).toBe('phu-luc-02');
    const { met, unmet } = f.rep.layout!.verdictMarks!;
    const district = f.rep.layout!.columns['result-district']!;
    for (const res of f.rep.criteria) {
      const row = res.row - 1;
      const m = cellAt(f.after, 'PL02', toA1(row, met))!;
      expect(m.formula).toContain(`${toA1(row, district)}`);
      expect([res.code, shown(f, row, met), shown(f, row, unmet)]).toEqual([
        res.code,
        res.verdict === 'met' ? 'x' : '',
        res.verdict === 'unmet' ? 'x' : '',
      ]);
    }
    expect(f.rep.summary.unmet).toBe(2);
    expect(f.again.findings.filter((x) => x.rule === 'verdict-mismatch')).toEqual([]);
  });
});

describe('Hoàn tác after fill on mark columns', () => {
  it('puts every typed mark back, notes included', async () => {
    const rows = patchRows(cleanRows(), { '1.6': { commune: '65%' } });
    const { workbook, snapshot } = await load(marksWorkbook(rows, { '1.6': { unmet: 'x' } }).wb);
    const plan = planFill(snapshot, analyze(snapshot), catalog);
    const { snapshot: filled, workbook: wb2 } = await applyAndRead(snapshot, plan, workbook);
    expect(sheetOf(filled, SHEET).cells.filter((c) => c.formula).length).toBeGreaterThan(74);
    const { snapshot: undone } = await applyAndRead(filled, inversePlan(snapshot, plan), wb2);
    const a = cellMap(sheetOf(snapshot, SHEET));
    const b = cellMap(sheetOf(undone, SHEET));
    for (const [addr, c] of a)
      expect([addr, b.get(addr)?.value, b.get(addr)?.formula, b.get(addr)?.note]).toEqual([
        addr,
        c.value,
        c.formula,
        c.note,
      ]);
    for (const [addr, c] of b)
      if (!a.has(addr)) expect([addr, c.value ?? null]).toEqual([addr, null]);
  });
});
