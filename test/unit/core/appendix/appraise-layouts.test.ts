/**
 * appraise on the layouts the recogniser reports (report-types: TableLayout.verdictMarks,
 * CriterionRow.subItemRows, columns.tt === columns.name): the generated PHỤ LỤC 02 keeps the
 * official layout (one Đánh giá column, TT and name from the catalog, one row per criterion),
 * refers to the source's result cells only, and validates with the source's verdicts.
 */
import type * as ExcelJS from 'exceljs';
import { planAppraise, type AppraisePlan } from '../../../../src/core/appendix/appraise';
import { planFill } from '../../../../src/core/appendix/fill';
import { cellText, fromA1, toA1, type WorkbookSnapshot } from '../../../../src/core/model/grid';
import type { SheetReport, WorkbookReport } from '../../../../src/core/model/report-types';
import { SUMMARY_TITLE } from '../../../../src/core/appendix/summary-block';
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
  CHANNELS,
  codeNameWorkbook,
  load,
  marksWorkbook,
  subItemsWorkbook,
  SYSTEMS,
  type CodeNameVariant,
} from '../../../support/fill-layout-builders';
import { cleanRows, patchRows } from '../../../support/fixtures/qa-builders';

const SRC = 'PL01';
/** 'PL01'!E12 — quoted: PL01 alone would be a cell address */
const REF = /'PL01'!([A-Z]+\d+)/g;
const PL02 = 'Phụ lục 02';
const SEED_PL02_HEADER = [
  'TT',
  'Tên chỉ tiêu',
  'Đơn vị tính',
  'Chỉ tiêu',
  'Kết quả tự đánh giá của UBND cấp xã',
  'Kết quả thẩm định của UBND cấp huyện',
  'Đánh giá (Đạt/Không đạt)',
  'Ghi chú',
];

interface Appraised {
  before: WorkbookSnapshot;
  report: WorkbookReport;
  src: SheetReport;
  plan: AppraisePlan;
  after: WorkbookSnapshot;
  afterReport: WorkbookReport;
  computed: Computed;
}

async function appraise(
  wb: ExcelJS.Workbook,
  opts: { adjacent?: boolean; fillFirst?: boolean } = {},
): Promise<Appraised> {
  let { workbook, snapshot: before } = await load(wb);
  if (opts.fillFirst) {
    const fill = planFill(before, analyze(before), catalog);
    ({ workbook, snapshot: before } = await applyAndRead(before, fill, workbook));
  }
  const report = analyze(before);
  const plan = planAppraise(before, report, catalog, 'huyen', { adjacent: opts.adjacent });
  const { snapshot: after } = await applyAndRead(before, plan, workbook);
  return {
    before,
    report,
    src: report.sheets.find((s) => s.name === SRC)!,
    plan,
    after,
    afterReport: analyze(after),
    computed: evaluateFormulas(after),
  };
}

function verdicts(rep: SheetReport): Record<string, string> {
  return Object.fromEntries(rep.criteria.map((c) => [c.code, c.verdict]));
}

function sheetReport(a: Appraised, name: string): SheetReport {
  return a.afterReport.sheets.find((s) => s.name === name)!;
}

function headerOf(a: Appraised, name: string): string[] {
  const r = sheetReport(a, name).layout!.headerRow;
  return sheetOf(a.after, name)
    .cells.filter((c) => c.row === r)
    .sort((x, y) => x.col - y.col)
    .map((c) => cellText(c));
}

function expectUnchanged(a: Appraised, sheet: string): void {
  const before = cellMap(sheetOf(a.before, sheet));
  const after = cellMap(sheetOf(a.after, sheet));
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [addr, c] of before) {
    const d = after.get(addr)!;
    expect([addr, d.value, d.formula, d.numberFormat, d.note, d.fill]).toEqual([
      addr,
      c.value,
      c.formula,
      c.numberFormat,
      c.note,
      c.fill,
    ]);
  }
}

/** The new sheet: official layout, engine = cache, source's verdicts, source untouched. */
function newSheetChecks(get: () => Appraised): void {
  it('adds PHỤ LỤC 02 in the official layout: one Đánh giá column, 37 rows from the catalog', () => {
    const a = get();
    expect(a.plan.ok).toBe(true);
    const rep = sheetReport(a, PL02);
    expect(rep.kind).toBe('phu-luc-02');
    expect(headerOf(a, PL02)).toEqual(SEED_PL02_HEADER);
    expect(rep.layout!.verdictMarks).toBeUndefined();
    expect(rep.rows!.map((r) => r.code)).toEqual(catalog.criteria.map((c) => c.code));
    for (const row of rep.rows!) {
      const crit = catalog.criteria.find((c) => c.code === row.code)!;
      expect([row.code, cellText(cellAt(a.after, PL02, toA1(row.row, 0)))]).toEqual([
        row.code,
        crit.code,
      ]);
      expect([row.code, cellText(cellAt(a.after, PL02, toA1(row.row, 1)))]).toEqual([
        row.code,
        crit.name,
      ]);
      expect(row.subItemRows ?? []).toEqual([]);
    }
  });

  it('the commune column refers to the source’s result cells only', () => {
    const a = get();
    const resultCol = a.src.layout!.columns['result-commune']!;
    const quoted = `'${SRC}'!`;
    for (const c of sheetOf(a.after, PL02).cells) {
      if (!c.formula?.includes(quoted)) continue;
      for (const m of c.formula.matchAll(REF))
        expect([toA1(c.row, c.col), fromA1(m[1]).col]).toEqual([toA1(c.row, c.col), resultCol]);
    }
    for (const row of sheetReport(a, PL02).rows!) {
      const src = a.src.rows!.find((r) => r.code === row.code)!;
      const f = cellAt(a.after, PL02, toA1(row.row, 4))!.formula!;
      expect(f).toContain(`'PL01'!${toA1(src.row, resultCol)}`);
    }
  });

  it('every formula computes its cached value; Đánh giá computes the source’s verdicts', () => {
    const a = get();
    for (const c of sheetOf(a.after, PL02).cells.filter((x) => x.formula)) {
      const got = a.computed.get(`${PL02}!${toA1(c.row, c.col)}`);
      const cached = cachedOf(c, got);
      if (typeof got === 'number') expect(got).toBeCloseTo(Number(cached), 9);
      else expect([toA1(c.row, c.col), got]).toEqual([toA1(c.row, c.col), cached]);
    }
    const src = verdicts(a.src);
    for (const row of sheetReport(a, PL02).rows!)
      expect([row.code, a.computed.get(`${PL02}!${toA1(row.row, 6)}`)]).toEqual([
        row.code,
        VERDICT_SHOWN[src[row.code]],
      ]);
    expect(verdicts(sheetReport(a, PL02))).toEqual(src);
  });

  it('leaves the source sheet untouched; running it again adds nothing', () => {
    const a = get();
    expectUnchanged(a, SRC);
    const again = planAppraise(a.after, a.afterReport, catalog, 'huyen');
    expect([again.exists, again.edits]).toEqual([true, []]);
  });
}

// =============================================================================================

describe('appraise a PL01 whose Đánh giá is split into "Đạt" | "Không đạt" marks', () => {
  const rows = patchRows(cleanRows(), { '1.6': { commune: '65%' }, '3.6': { commune: '8,2%' } });
  const marks = { '1.6': { unmet: 'x' }, '3.6': { met: 'x' } };

  describe.each([
    ['as typed', false],
    ['after fill (live x/"" marks)', true],
  ])('— %s', (_l, fillFirst) => {
    let a: Appraised;
    beforeAll(async () => {
      a = await appraise(marksWorkbook(rows, marks, SRC).wb, { fillFirst });
    });
    newSheetChecks(() => a);

    it('the source was read with its mark columns; the new sheet’s verdicts follow the results', () => {
      expect(a.src.layout!.verdictMarks).toEqual({ met: 5, unmet: 6 });
      const v = verdicts(sheetReport(a, PL02));
      expect([v['1.6'], v['3.6'], v['1.1']]).toEqual(['unmet', 'unmet', 'met']);
    });
  });

  it('--adjacent adds one Đánh giá column right of the marks; validate judges on it', async () => {
    const a = await appraise(marksWorkbook(rows, marks, SRC).wb, { adjacent: true });
    expect(a.plan.ok).toBe(true);
    const rep = sheetReport(a, SRC);
    const c0 = 9; // the table ends with Ghi chú in column I
    expect(rep.kind).toBe('phu-luc-02');
    expect(rep.layout!.columns['result-district']).toBe(c0);
    expect(rep.layout!.columns.verdict).toBe(c0 + 1);
    expect(rep.layout!.verdictMarks).toBeUndefined();
    expect(verdicts(rep)).toEqual(verdicts(a.src));
    for (const res of a.src.criteria)
      expect([res.code, a.computed.get(`${SRC}!${toA1(res.row - 1, c0 + 1)}`)]).toEqual([
        res.code,
        VERDICT_SHOWN[res.verdict],
      ]);
    // existing cells (the typed marks included) are as they were
    const before = cellMap(sheetOf(a.before, SRC));
    const after = cellMap(sheetOf(a.after, SRC));
    for (const [addr, c] of before) expect([addr, after.get(addr)?.value]).toEqual([addr, c.value]);
  });
});

// =============================================================================================

describe('appraise a PL01 with sub-items under criteria', () => {
  let a: Appraised;
  beforeAll(async () => {
    a = await appraise(subItemsWorkbook(SRC).wb);
  });
  newSheetChecks(() => a);

  it('copies no sub-item as a criterion and carries their text into Ghi chú', () => {
    const rows = sheetReport(a, PL02).rows!;
    const note = (code: string) =>
      cellText(cellAt(a.after, PL02, toA1(rows.find((r) => r.code === code)!.row, 7)));
    expect(note('1.8')).toBe(`Gồm: ${SYSTEMS.map((s, i) => `${'abc'[i]}) ${s}: Có`).join('; ')}`);
    expect(note('3.8')).toBe(
      'Gồm: a) Trường Tiểu học Hoàng Kim: 100%; b) Trường THCS Hoàng Kim: 0%',
    );
    expect(note('4.8')).toBe(`Gồm: ${CHANNELS.map((c) => `- ${c}: Có`).join('; ')}`);
    expect(note('1.7')).toBe('');
    // the sub-items' names appear nowhere else on the new sheet
    const texts = sheetOf(a.after, PL02).cells.map((c) => cellText(c));
    for (const s of [...SYSTEMS, ...CHANNELS])
      expect(texts.filter((t) => t.includes(s)).length).toBe(1);
  });

  it('the commune column of 1.8 and 3.8 reads the criterion row, not its sub-items', () => {
    const rows = sheetReport(a, PL02).rows!;
    for (const code of ['1.8', '3.8']) {
      const src = a.src.rows!.find((r) => r.code === code)!;
      const f = cellAt(a.after, PL02, toA1(rows.find((r) => r.code === code)!.row, 4))!.formula!;
      const refs = [...f.matchAll(REF)].map((m) => fromA1(m[1]).row);
      expect(new Set(refs)).toEqual(new Set([src.row]));
    }
    expect(sheetReport(a, PL02).criteria.find((c) => c.code === '3.8')!.value).toBeCloseTo(
      2 / 3,
      10,
    );
  });

  it('--adjacent writes nothing on a sub-item row and puts its summary below them', async () => {
    const adj = await appraise(subItemsWorkbook(SRC).wb, { adjacent: true });
    const subRows = adj.src.rows!.flatMap((r) => r.subItemRows ?? []);
    expect(subRows.length).toBe(7);
    const title = adj.plan.edits.find((e) => e.op === 'set-value' && e.value === SUMMARY_TITLE)!;
    expect(fromA1((title as { cell: string }).cell).row).toBeGreaterThan(Math.max(...subRows) + 1);
    for (const e of adj.plan.edits)
      if ('cell' in e)
        expect([e.cell, subRows.includes(fromA1(e.cell).row)]).toEqual([e.cell, false]);
    expect(verdicts(sheetReport(adj, SRC))).toEqual(verdicts(adj.src));
  });
});

// =============================================================================================

describe.each<[string, CodeNameVariant]>([
  ['no TT column: "1.1. Xây dựng…" in the name column', 'no-tt-column'],
  ['code and name typed in the TT cell', 'code-and-name-in-tt'],
  ['STT numbered 1, 2, 3… and "1.1 - Xây dựng…" names', 'stt-numbered'],
])('appraise a PL01 with codes written in front of names — %s', (_label, variant) => {
  let a: Appraised;
  beforeAll(async () => {
    a = await appraise(
      codeNameWorkbook(variant, SRC, { '1.6': { commune: '65,2%', verdict: 'Không đạt' } }).wb,
    );
  });
  newSheetChecks(() => a);

  it('splits code and name: TT "1.1", the name without its code', () => {
    const rows = sheetReport(a, PL02).rows!;
    const r11 = rows.find((r) => r.code === '1.1')!;
    expect(cellText(cellAt(a.after, PL02, toA1(r11.row, 0)))).toBe('1.1');
    const name = cellText(cellAt(a.after, PL02, toA1(r11.row, 1)));
    expect(name.startsWith('Xây dựng')).toBe(true);
    // on the source, code and name share a cell
    const src = a.src.rows!.find((r) => r.code === '1.1')!;
    const typed = [a.src.layout!.columns.tt, a.src.layout!.columns.name].map((c) =>
      cellText(cellAt(a.before, SRC, toA1(src.row, c!))),
    );
    expect(typed.some((t) => /^1\.1\.? -? ?Xây dựng/.test(t))).toBe(true);
    expect(verdicts(sheetReport(a, PL02))['1.6']).toBe('unmet');
  });
});
