/**
 * summary-block.ts: the summary under an appendix (per group and overall: criteria met, total,
 * rate, and the sentence of Mẫu 02/04). Written under seed 004's PHỤ LỤC 01 (Hoàng Kim, as typed:
 * repeated header rows inside the table, "Đạt" typed on group rows), then recalculated by
 * HyperFormula: every formula must compute the cached value the plan carries.
 */
import { defaultCatalog, criterionByCode } from '../../../../src/core/catalog/catalog';
import type { CellEdit } from '../../../../src/core/plan/edit-plan';
import { applyPlanToSnapshot } from '../../../../src/core/forms';
import { GridView, fromA1, type SheetGrid } from '../../../../src/core/model/grid';
import { tableEndKind } from '../../../../src/core/appendix/headers';
import {
  SUMMARY_TITLE,
  countifLiteral,
  freeBlockRow,
  hasSummaryBlock,
  rowRuns,
  summaryEdits,
  summaryHeight,
  summarySentence,
  tableBottom,
  type SummaryGroup,
} from '../../../../src/core/appendix/summary-block';
import { evaluateFormulas } from '../../../support/fill-support';
import { gridFromTsv, readSeedTable, rowOf, withCell } from '../../../support/fixtures/tsv-grid';

const catalog = defaultCatalog();
const SHEET = 'Phụ lục 01';
const VERDICT_COL = 5; // F: Đánh giá (Đạt/Không đạt)
const NAME_COL = 1;

/** Seed 004's table with a few verdicts changed so that the counts are not all "met". */
function seedGrid(): SheetGrid {
  let g = gridFromTsv(SHEET, readSeedTable('hoang-kim-pl01.tsv'));
  const put = (code: string, value: string) => {
    g = withCell(g, { row: rowOf(g, code), col: VERDICT_COL, kind: 'string', value });
  };
  put('1.6', 'Không đạt');
  put('2.4', 'Đạt '); // a trailing space: COUNTIF does not count it
  put('3.2', ''); // not yet judged
  put('4.5', 'ĐẠT'); // COUNTIF ignores case
  g = { ...g, cells: g.cells.filter((c) => !(c.col === VERDICT_COL && c.value === '')) };
  return g;
}

/** Groups of the catalog with the rows of their criteria on the grid (found by code). */
function groupsOf(g: SheetGrid): SummaryGroup[] {
  return catalog.groups.map((grp) => {
    const rows = g.cells
      .filter((c) => c.col === 0 && /^\d+\.\d+$/.test(String(c.value)))
      .filter((c) => criterionByCode(catalog, String(c.value))?.group === grp.code)
      .map((c) => c.row);
    const total = catalog.criteria.filter((c) => c.group === grp.code).length;
    return { label: `${grp.code}. ${grp.name}`, rows, total };
  });
}

function shownOf(g: SheetGrid) {
  const v = new GridView(g);
  return (row: number) => v.text(row, VERDICT_COL);
}

function build(g = seedGrid(), metTexts?: string[]) {
  const groups = groupsOf(g);
  const startRow = Math.max(...g.cells.map((c) => c.row)) + 2;
  const edits = summaryEdits({
    sheet: SHEET,
    groups,
    verdictCol: VERDICT_COL,
    startRow,
    labelCol: NAME_COL,
    verdictShown: shownOf(g),
    ...(metTexts ? { metTexts } : {}),
  });
  const after = applyPlanToSnapshot({ sheets: [g] }, { description: '', edits });
  return { g, groups, startRow, edits, after, computed: evaluateFormulas(after) };
}

const formulaAt = (edits: CellEdit[], cell: string) =>
  edits.find((e) => e.op === 'set-formula' && e.cell === cell) as
    Extract<CellEdit, { op: 'set-formula' }> | undefined;

describe('summaryEdits under seed 004’s PHỤ LỤC 01', () => {
  const { startRow, edits, computed, groups } = build();
  const row1 = startRow + 1; // 1-based row of the title

  it('every formula computes the value cached in the plan (HyperFormula)', () => {
    const formulas = edits.filter((e) => e.op === 'set-formula');
    expect(formulas.length).toBe(groups.length * 2 + 2 + 1 + 1);
    for (const e of formulas) {
      if (e.op !== 'set-formula') continue;
      const got = computed.get(`${SHEET}!${e.cell}`);
      if (typeof e.cached === 'number') expect(got).toBeCloseTo(e.cached, 9);
      else expect([e.cell, got]).toEqual([e.cell, e.cached]);
    }
  });

  it('counts only the criteria rows: group rows typed "Đạt" and repeated headers are not counted', () => {
    // groups 1..4 have 11, 6, 12, 8 criteria; 1.6 not met, 2.4 has a trailing space, 3.2 blank
    const met = [0, 1, 2, 3].map((i) => computed.get(`${SHEET}!C${row1 + 2 + i}`));
    expect(met).toEqual([10, 5, 11, 8]);
    expect(groups.map((g) => g.total)).toEqual([11, 6, 12, 8]);
    expect(computed.get(`${SHEET}!C${row1 + 6}`)).toBe(34);
    expect(computed.get(`${SHEET}!D${row1 + 6}`)).toBe(37);
  });

  it('the sentence reads "Đã hoàn thành 34/37 tiêu chí, tỷ lệ đạt 91,9%" with a decimal comma', () => {
    const sentence = formulaAt(edits, `B${row1 + 7}`)!;
    expect(sentence.cached).toBe('Đã hoàn thành 34/37 tiêu chí, tỷ lệ đạt 91,9%');
    expect(computed.get(`${SHEET}!B${row1 + 7}`)).toBe(sentence.cached);
  });

  it('COUNTIF ranges follow the runs of rows, skipping the repeated header rows', () => {
    const group2 = formulaAt(edits, `C${row1 + 3}`)!;
    const runs = rowRuns(groups[1].rows);
    expect(runs.length).toBe(2); // 2.1–2.2, then 2.3–2.6 after the repeated header
    expect(group2.formula).toBe(
      runs.map(([a, b]) => `COUNTIF(F${a + 1}:F${b + 1},"Đạt")`).join('+'),
    );
  });

  it('takes summaryHeight rows, starting with a "Tổng số" title that ends the table', () => {
    const rows = new Set(edits.map((e) => ('cell' in e ? fromA1(e.cell).row : -1)));
    expect(Math.min(...rows)).toBe(startRow);
    expect(Math.max(...rows)).toBe(startRow + summaryHeight(groups.length) - 1);
    expect(edits[0]).toEqual({
      op: 'set-value',
      sheet: SHEET,
      cell: `B${row1}`,
      value: SUMMARY_TITLE,
    });
    expect(tableEndKind(SUMMARY_TITLE)).toBe('first-columns');
  });

  it('rates are shown as percents with one decimal', () => {
    const rate = formulaAt(edits, `E${row1 + 2}`)!;
    expect(rate.formula).toBe(`IF(D${row1 + 2}=0,0,C${row1 + 2}/D${row1 + 2})`);
    expect(rate.numberFormat).toBe('0.0%');
    expect(rate.cached).toBeCloseTo(10 / 11, 12);
  });
});

describe('summaryEdits on a mark column and in edge cases', () => {
  it('counts every mark typed in the "Đạt" column (case-insensitive, literal only)', () => {
    let g = seedGrid();
    g = { ...g, cells: g.cells.filter((c) => c.col !== VERDICT_COL) };
    const mark = (code: string, v: string) => {
      g = withCell(g, { row: rowOf(g, code), col: VERDICT_COL, kind: 'string', value: v });
    };
    mark('1.1', 'x');
    mark('1.2', 'X');
    mark('1.3', '✓');
    mark('2.1', 'x');
    const { edits, computed, startRow } = build(g, ['x', 'X', '✓', '*', '>0', '']);
    const group1 = formulaAt(edits, `C${startRow + 3}`)!;
    // "X" is the same text as "x" for COUNTIF; "*" and ">0" are not literal; "" counts nothing
    expect(group1.formula).toBe('COUNTIF(F8:F18,"x")+COUNTIF(F8:F18,"✓")');
    expect(computed.get(`${SHEET}!C${startRow + 3}`)).toBe(3);
    expect(group1.cached).toBe(3);
    expect(computed.get(`${SHEET}!C${startRow + 7}`)).toBe(4);
  });

  it('a group without rows counts 0; no groups at all still writes the totals', () => {
    const g = seedGrid();
    const edits = summaryEdits({
      sheet: SHEET,
      groups: [{ label: '5. Nhóm trống', rows: [], total: 3 }],
      verdictCol: VERDICT_COL,
      startRow: 60,
      labelCol: NAME_COL,
      verdictShown: shownOf(g),
    });
    expect(formulaAt(edits, 'C63')!.formula).toBe('0');
    const none = summaryEdits({
      sheet: SHEET,
      groups: [],
      verdictCol: VERDICT_COL,
      startRow: 60,
      labelCol: NAME_COL,
      verdictShown: () => '',
    });
    expect(formulaAt(none, 'C63')).toMatchObject({ formula: '0', cached: 0 });
    expect(formulaAt(none, 'B64')!.cached).toBe('Đã hoàn thành 0/0 tiêu chí, tỷ lệ đạt 0%');
  });
});

describe('helpers', () => {
  it('rowRuns groups consecutive rows, whatever the order and repeats', () => {
    expect(rowRuns([8, 9, 10, 12])).toEqual([
      [8, 10],
      [12, 12],
    ]);
    expect(rowRuns([12, 8, 10, 9, 9])).toEqual([
      [8, 10],
      [12, 12],
    ]);
    expect(rowRuns([])).toEqual([]);
  });

  it('countifLiteral', () => {
    expect(countifLiteral('Đạt')).toBe(true);
    expect(countifLiteral('x')).toBe(true);
    for (const t of ['', '>0', '<>x', '=Đạt', 'Đ*', 'Đạt?', '~x'])
      expect(countifLiteral(t)).toBe(false);
  });

  it.each([
    [36, 37, 'Đã hoàn thành 36/37 tiêu chí, tỷ lệ đạt 97,3%'],
    [37, 37, 'Đã hoàn thành 37/37 tiêu chí, tỷ lệ đạt 100%'],
    [17, 37, 'Đã hoàn thành 17/37 tiêu chí, tỷ lệ đạt 45,9%'],
    [0, 0, 'Đã hoàn thành 0/0 tiêu chí, tỷ lệ đạt 0%'],
  ])('summarySentence(%i, %i)', (met, total, text) => {
    expect(summarySentence(met, total)).toBe(text);
  });

  it('tableBottom reaches continuation and sub-item rows below the layout’s last row', () => {
    expect(
      tableBottom({ lastRow: 52 }, [{ row: 50, continuationRows: [51], subItemRows: [] }]),
    ).toBe(52);
    expect(tableBottom({ lastRow: 52 }, [{ row: 52, continuationRows: [53, 54] }])).toBe(54);
    expect(
      tableBottom({ lastRow: 52 }, [{ row: 52, continuationRows: [], subItemRows: [53, 55] }]),
    ).toBe(55);
  });

  it('hasSummaryBlock finds our title below a row (optionally in one column)', () => {
    const { after, startRow } = build();
    const v = new GridView(after.sheets[0]);
    expect(hasSummaryBlock(v, 0)).toBe(true);
    expect(hasSummaryBlock(v, startRow)).toBe(true);
    expect(hasSummaryBlock(v, startRow + 1)).toBe(false);
    expect(hasSummaryBlock(v, 0, NAME_COL)).toBe(true);
    expect(hasSummaryBlock(v, 0, 0)).toBe(false);
    expect(hasSummaryBlock(new GridView(seedGrid()), 0)).toBe(false);
  });

  it('freeBlockRow skips rows with content or merges in the block’s columns', () => {
    const g: SheetGrid = {
      name: SHEET,
      cells: [
        { row: 54, col: 1, kind: 'string', value: 'Hoàng Kim, ngày 15 tháng 12 năm 2023' },
        { row: 57, col: 4, kind: 'string', value: 'CHỦ TỊCH' },
        { row: 58, col: 8, kind: 'string', value: 'ngoài khối' },
        { row: 55, col: 2, kind: 'string', value: '   ' }, // blank text does not block
      ],
      merges: [{ top: 60, left: 0, bottom: 60, right: 2 }],
    };
    const v = new GridView(g);
    // block of 3 rows × columns B..E: rows 54 and 57 are busy → first free start is 58,
    // but row 60 holds a merge over B → next is 61
    expect(freeBlockRow(v, 53, 3, 1, 4)).toBe(61);
    expect(freeBlockRow(v, 53, 1, 1, 4)).toBe(53);
    expect(freeBlockRow(v, 54, 2, 1, 4)).toBe(55);
    // columns F.. are free everywhere except I59
    expect(freeBlockRow(v, 54, 6, 5, 3)).toBe(54);
  });
});
