import { planAppraise } from '../../../../src/core/appendix/appraise';
import { planFill } from '../../../../src/core/appendix/fill';
import { applyPlanToSnapshot } from '../../../../src/core/plan/apply-to-snapshot';
import { TO_CHECK_FILL, TO_CHECK_NOTE } from '../../../../src/core/appendix/template';
import { SUMMARY_TITLE } from '../../../../src/core/appendix/summary-block';
import {
  cellText,
  fromA1,
  toA1,
  type SheetGrid,
  type WorkbookSnapshot,
} from '../../../../src/core/model/grid';
import type { WorkbookReport } from '../../../../src/core/model/report-types';
import { snapshotFromExcelJS } from '../../../../src/xlsx/read-workbook';
import { rowOf, withCell } from '../../../support/fixtures/tsv-grid';
import {
  analyze,
  applyAndRead,
  catalog,
  cellAt,
  cellMap,
  evaluateFormulas,
  extraColumnVariant,
  hoangKimGrid,
  numericVariant,
  PL01,
  ratioVariant,
  roundTrip,
  sheetOf,
  snapshotOf,
  toExcel,
  VERDICT_SHOWN,
  cachedOf,
} from '../../../support/fill-support';

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
const SEED_PL03_HEADER = [
  'TT',
  'Tên chỉ tiêu',
  'Đơn vị tính',
  'Chỉ tiêu',
  'Kết quả thẩm định của UBND cấp huyện',
  'Kết quả thẩm tra của Sở TTTT',
  'Đánh giá (Đạt/Không đạt)',
  'Ghi chú',
];

async function load(grid: SheetGrid): Promise<WorkbookSnapshot> {
  return snapshotFromExcelJS(await roundTrip(toExcel(snapshotOf(grid))), 'xa.xlsx');
}

function headerOf(snap: WorkbookSnapshot, sheet: string, rep: WorkbookReport): string[] {
  const s = rep.sheets.find((x) => x.name === sheet)!;
  const r = s.layout!.headerRow;
  return sheetOf(snap, sheet)
    .cells.filter((c) => c.row === r)
    .sort((a, b) => a.col - b.col)
    .map((c) => cellText(c));
}

function expectSheetUnchanged(
  before: WorkbookSnapshot,
  after: WorkbookSnapshot,
  sheet: string,
): void {
  const a = cellMap(sheetOf(before, sheet));
  const b = cellMap(sheetOf(after, sheet));
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [addr, c] of a) {
    const d = b.get(addr)!;
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

/** Verdicts the source sheet's evaluation gives, by code. */
function verdicts(rep: WorkbookReport, sheet: string): Record<string, string> {
  const s = rep.sheets.find((x) => x.name === sheet)!;
  return Object.fromEntries(s.criteria.map((c) => [c.code, c.verdict]));
}

const VARIANTS: [string, () => SheetGrid][] = [
  ['seed 004 as typed (PDF-pasted)', () => hoangKimGrid()],
  ['ratios', () => ratioVariant()],
  ['an extra column', () => extraColumnVariant()],
  ['numeric cells', () => numericVariant()],
];

describe.each(VARIANTS)('appraise --level huyen on %s', (_label, make) => {
  let before: WorkbookSnapshot;
  let rep: WorkbookReport;
  let after: WorkbookSnapshot;
  let afterRep: WorkbookReport;
  let plan: ReturnType<typeof planAppraise>;
  beforeAll(async () => {
    before = await load(make());
    rep = analyze(before);
    plan = planAppraise(before, rep, catalog, 'huyen');
    ({ snapshot: after } = await applyAndRead(before, plan));
    afterRep = analyze(after);
  });

  it('adds "Phụ lục 02" after the source sheet, recognised as PHỤ LỤC 02', () => {
    expect(plan.ok).toBe(true);
    expect(after.sheets.map((s) => s.name)).toEqual([PL01, 'Phụ lục 02']);
    expect(afterRep.sheets.map((s) => s.kind)).toEqual(['phu-luc-01', 'phu-luc-02']);
  });

  it('has the title, subtitle and header of seed 001’s PHỤ LỤC 02 (from the catalog)', () => {
    const pl02 = sheetOf(after, 'Phụ lục 02');
    const huyen = catalog.levels.find((l) => l.id === 'huyen')!;
    expect(cellAt(after, 'Phụ lục 02', 'A1')!.value).toBe(huyen.appendixTitle);
    expect(cellAt(after, 'Phụ lục 02', 'A2')!.value).toBe(huyen.subtitle);
    expect(pl02.cells.some((c) => c.value === 'XÃ HOÀNG KIM, HUYỆN HOÀNG HÓA')).toBe(true);
    expect(headerOf(after, 'Phụ lục 02', afterRep)).toEqual(SEED_PL02_HEADER);
  });

  it('refers to the commune’s cells by formula and prefills the district column to be checked', () => {
    const src = rep.sheets[0];
    const dst = afterRep.sheets[1];
    const cCol = src.layout!.columns['result-commune']!;
    for (const row of dst.rows!) {
      const srcRow = src.rows!.find((r) => r.code === row.code)!;
      const lower = row.cells['result-commune'] ?? cellAt(after, 'Phụ lục 02', toA1(row.row, 4));
      const srcCell = srcRow.cells['result-commune'];
      const at = srcCell ? toA1(srcCell.row, srcCell.col) : toA1(srcRow.row, cCol);
      expect([row.code, lower?.formula]).toEqual([
        row.code,
        `IF('Phụ lục 01'!${at}="","",'Phụ lục 01'!${at})`,
      ]);
      const own = cellAt(after, 'Phụ lục 02', toA1(row.row, 5))!;
      expect([row.code, own.note, own.fill, own.formula]).toEqual([
        row.code,
        TO_CHECK_NOTE,
        TO_CHECK_FILL,
        undefined,
      ]);
    }
    expect(dst.rows!.length).toBe(37);
  });

  it('every formula computes its cached value and the verdicts of the source (HyperFormula)', () => {
    const computed = evaluateFormulas(after);
    const pl02 = sheetOf(after, 'Phụ lục 02');
    for (const c of pl02.cells.filter((x) => x.formula)) {
      const got = computed.get(`Phụ lục 02!${toA1(c.row, c.col)}`);
      const cached = cachedOf(c, got);
      if (typeof got === 'number') expect(got).toBeCloseTo(Number(cached), 9);
      else expect([toA1(c.row, c.col), got]).toEqual([toA1(c.row, c.col), cached]);
    }
    const src = verdicts(rep, PL01);
    for (const row of afterRep.sheets[1].rows!) {
      const v = computed.get(`Phụ lục 02!${toA1(row.row, 6)}`);
      expect([row.code, v]).toEqual([row.code, VERDICT_SHOWN[src[row.code]]]);
    }
  });

  it('validate gives the district column the commune’s verdicts and sees no difference yet', () => {
    expect(verdicts(afterRep, 'Phụ lục 02')).toEqual(verdicts(rep, PL01));
    expect(afterRep.sheets[1].findings.filter((f) => f.rule === 'appraisal-differs')).toEqual([]);
    expect(afterRep.sheets[1].findings.filter((f) => f.rule === 'verdict-mismatch')).toEqual([]);
  });

  it('leaves the source sheet untouched (every cell identical)', () => {
    expectSheetUnchanged(before, after, PL01);
  });

  it('running it again creates no second copy and says the sheet exists', () => {
    const again = planAppraise(after, afterRep, catalog, 'huyen');
    expect(again.edits).toEqual([]);
    expect(again.exists).toBe(true);
    expect(again.notes![0]).toBe('Sheet "Phụ lục 02" đã tồn tại — không tạo thêm bản thứ hai.');
  });

  it('then --level tinh builds PHỤ LỤC 03 from PHỤ LỤC 02', async () => {
    const p3 = planAppraise(after, afterRep, catalog, 'tinh');
    expect(p3.ok).toBe(true);
    expect(p3.sourceSheet).toBe('Phụ lục 02');
    const { snapshot: s3 } = await applyAndRead(after, p3);
    const r3 = analyze(s3);
    expect(r3.sheets.map((s) => s.kind)).toEqual(['phu-luc-01', 'phu-luc-02', 'phu-luc-03']);
    expect(headerOf(s3, 'Phụ lục 03', r3)).toEqual(SEED_PL03_HEADER);
    const row = r3.sheets[2].rows!.find((r) => r.code === '1.6')!;
    const src = afterRep.sheets[1].rows!.find((r) => r.code === '1.6')!;
    expect(cellAt(s3, 'Phụ lục 03', toA1(row.row, 4))!.formula).toBe(
      `IF('Phụ lục 02'!F${src.row + 1}="","",'Phụ lục 02'!F${src.row + 1})`,
    );
    expect(verdicts(r3, 'Phụ lục 03')).toEqual(verdicts(rep, PL01));
    expectSheetUnchanged(after, s3, 'Phụ lục 02');
    expectSheetUnchanged(after, s3, PL01);
    const computed = evaluateFormulas(s3);
    for (const r of r3.sheets[2].rows!)
      expect([r.code, computed.get(`Phụ lục 03!${toA1(r.row, 6)}`)]).toEqual([
        r.code,
        VERDICT_SHOWN[verdicts(rep, PL01)[r.code]],
      ]);
  });
});

describe('appraise: chains and levels are configuration', () => {
  let before: WorkbookSnapshot;
  let rep: WorkbookReport;
  beforeAll(async () => {
    before = await load(hoangKimGrid());
    rep = analyze(before);
  });

  it('chain hai-cap-2025 takes a PL01 straight to the province sheet', async () => {
    const plan = planAppraise(before, rep, catalog, 'tinh', { chain: 'hai-cap-2025' });
    expect(plan.ok).toBe(true);
    const { snapshot } = await applyAndRead(before, plan);
    const r = analyze(snapshot);
    expect(r.sheets[1].name).toBe('Phụ lục 03');
    expect(r.sheets[1].kind).toBe('phu-luc-03');
    expect(headerOf(snapshot, 'Phụ lục 03', r)).toEqual([
      'TT',
      'Tên chỉ tiêu',
      'Đơn vị tính',
      'Chỉ tiêu',
      'Kết quả tự đánh giá của UBND cấp xã',
      'Kết quả thẩm tra của Sở TTTT',
      'Đánh giá (Đạt/Không đạt)',
      'Ghi chú',
    ]);
    expect(r.sheets[1].layout!.columns['result-commune']).toBe(4);
    expect(verdicts(r, 'Phụ lục 03')).toEqual(verdicts(rep, PL01));
  });

  it('in the 2023 chain, tinh needs a PHỤ LỤC 02', () => {
    const plan = planAppraise(before, rep, catalog, 'tinh');
    expect(plan.ok).toBe(false);
    expect(plan.notes![0]).toMatch(/Không tìm thấy PHỤ LỤC 02/);
  });

  it('refuses the self-assessment level and unknown levels or chains, in Vietnamese', () => {
    expect(planAppraise(before, rep, catalog, 'xa').notes![0]).toMatch(/cấp tự đánh giá/);
    const unknown = planAppraise(before, rep, catalog, 'quan');
    expect(unknown.ok).toBe(false);
    expect(unknown.notes![0]).toMatch(
      /Không có cấp thẩm định "quan"\. Các cấp thẩm định: huyen \(UBND cấp huyện\), tinh \(/,
    );
    expect(planAppraise(before, rep, catalog, 'huyen', { chain: 'khong-co' }).ok).toBe(false);
  });

  it('uses the level names, titles and headers of whatever catalog it is given', async () => {
    const custom = {
      ...catalog,
      levels: catalog.levels.map((l) =>
        l.id === 'huyen'
          ? {
              ...l,
              id: 'quan',
              appendixTitle: 'PHỤ LỤC 02',
              resultHeader: 'Kết quả thẩm định của UBND cấp huyện (quận)',
              sheetName: 'Thẩm định quận',
            }
          : l,
      ),
      chains: [{ id: 'do-thi', label: 'xã → quận', levels: ['xa', 'quan'] }],
      defaultChain: 'do-thi',
    };
    const plan = planAppraise(before, rep, custom, 'quan');
    expect(plan.ok).toBe(true);
    const { snapshot } = await applyAndRead(before, plan);
    expect(snapshot.sheets[1].name).toBe('Thẩm định quận');
    expect(
      snapshot.sheets[1].cells.some(
        (c) => c.value === 'Kết quả thẩm định của UBND cấp huyện (quận)',
      ),
    ).toBe(true);
    expect(analyze(snapshot, custom).sheets[1].kind).toBe('phu-luc-02');
  });

  it('takes another sheet name, and says when the source sheet is not the right kind', () => {
    const plan = planAppraise(before, rep, catalog, 'huyen', { sheetName: 'Thẩm định Hoàng Kim' });
    expect(plan.edits[0]).toEqual({ op: 'add-sheet', sheet: 'Thẩm định Hoàng Kim', after: PL01 });
    const wrong = planAppraise(before, rep, catalog, 'huyen', { sourceSheet: 'Khác' });
    expect(wrong.ok).toBe(false);
    expect(wrong.notes![0]).toMatch(/Sheet "Khác" không phải PHỤ LỤC 01/);
  });

  it('joins a result continued on the next line, as validate reads it', async () => {
    let g = hoangKimGrid();
    const r42 = rowOf(g, '4.2');
    g = withCell(g, { row: r42, col: 4, kind: 'string', value: 'Đáp' });
    g = withCell(g, { row: r42 + 3, col: 4, kind: 'string', value: 'ứng' });
    const snap = await load(g);
    const r = analyze(snap);
    const row = r.sheets[0].rows!.find((x) => x.code === '4.2')!;
    expect(row.texts['result-commune']).toBe('Đáp ứng');
    const plan = planAppraise(snap, r, catalog, 'huyen');
    const { snapshot } = await applyAndRead(snap, plan);
    const r2 = analyze(snapshot);
    const d = r2.sheets[1].rows!.find((x) => x.code === '4.2')!;
    const lower = cellAt(snapshot, 'Phụ lục 02', toA1(d.row, 4))!;
    expect(lower.formula).toBe(`TRIM('Phụ lục 01'!E${r42 + 1}&" "&'Phụ lục 01'!E${r42 + 4})`);
    expect(lower.value).toBe('Đáp ứng');
    expect(cellAt(snapshot, 'Phụ lục 02', toA1(d.row, 5))!.value).toBe('Đáp ứng');
    expect(evaluateFormulas(snapshot).get(`Phụ lục 02!${toA1(d.row, 4)}`)).toBe('Đáp ứng');
    expect(r2.sheets[1].criteria.find((c) => c.code === '4.2')!.verdict).toBe('met');
  });

  it('a criterion missing from the PL01 is marked in Ghi chú', async () => {
    let g = hoangKimGrid();
    const r = rowOf(g, '3.6');
    g = { ...g, cells: g.cells.filter((c) => c.row !== r) };
    g = withCell(g, { row: r, col: 1, kind: 'string', value: '' });
    const snap = await load(g);
    const plan = planAppraise(snap, analyze(snap), catalog, 'huyen');
    expect(plan.notes!.join(' ')).toMatch(/thiếu 1 chỉ tiêu: 3\.6/);
    const { snapshot } = await applyAndRead(snap, plan);
    expect(snapshot.sheets[1].cells.some((c) => c.value === `Không có trong sheet "${PL01}"`)).toBe(
      true,
    );
  });
});

describe('the appraiser at work on the generated sheet', () => {
  it('after typing a text result, fill converts it and the live verdict follows; nothing else changes', async () => {
    const before = await load(hoangKimGrid());
    const p2 = planAppraise(before, analyze(before), catalog, 'huyen');
    const { snapshot: s2 } = await applyAndRead(before, p2);
    expect(planFill(s2, analyze(s2), catalog, { sheet: 'Phụ lục 02' }).edits).toEqual([]);
    const r2 = analyze(s2);
    const row = r2.sheets[1].rows!.find((r) => r.code === '1.6')!;
    // the district finds 1.6 at 65,2 % (below the 70 % target) and types it as text
    const typed = applyPlanToSnapshot(s2, {
      description: '',
      edits: [{ op: 'set-value', sheet: 'Phụ lục 02', cell: toA1(row.row, 5), value: '65,2%' }],
    });
    const plan = planFill(typed, analyze(typed), catalog, { sheet: 'Phụ lục 02' });
    expect(plan.edits.map((e) => [e.op, 'cell' in e ? e.cell : ''])).toEqual([
      ['set-value', toA1(row.row, 5)],
      ['set-note', toA1(row.row, 5)],
    ]);
    const done = applyPlanToSnapshot(typed, plan);
    const computed = evaluateFormulas(done);
    expect(computed.get(`Phụ lục 02!${toA1(row.row, 6)}`)).toBe('Không đạt');
    const rep = analyze(done);
    expect(rep.sheets[1].criteria.find((c) => c.code === '1.6')!.verdict).toBe('unmet');
    expect(
      rep.sheets[1].findings.some((f) => f.rule === 'appraisal-differs' && f.criterion === '1.6'),
    ).toBe(true);
  });
});

describe('appraise --adjacent', () => {
  let before: WorkbookSnapshot;
  let rep: WorkbookReport;
  let after: WorkbookSnapshot;
  let plan: ReturnType<typeof planAppraise>;
  beforeAll(async () => {
    before = await load(hoangKimGrid());
    rep = analyze(before);
    plan = planAppraise(before, rep, catalog, 'huyen', { adjacent: true });
    ({ snapshot: after } = await applyAndRead(before, plan));
  });

  it('adds the columns right of the table, headed as the official layout, on every header row', () => {
    expect(plan.ok).toBe(true);
    expect(after.sheets.map((s) => s.name)).toEqual([PL01]);
    const layout = rep.sheets[0].layout!;
    for (const r of layout.headerRows) {
      const texts = [8, 9, 10].map((c) => cellText(cellAt(after, PL01, toA1(r, c))));
      expect(texts).toEqual([
        'Kết quả thẩm định của UBND cấp huyện',
        'Đánh giá (Đạt/Không đạt)',
        'Ghi chú',
      ]);
    }
  });

  it('colours every cell it pre-fills (and notes it as to be checked)', () => {
    const prefilled = plan.edits.flatMap((e) =>
      (e.op === 'set-value' || e.op === 'set-formula') &&
      e.sheet === PL01 &&
      fromA1(e.cell).col === 8 &&
      rep.sheets[0].rows!.some((r) => r.row === fromA1(e.cell).row)
        ? [e.cell]
        : [],
    );
    expect(prefilled).toHaveLength(rep.sheets[0].criteria.length);
    for (const addr of prefilled) {
      const cell = cellAt(after, PL01, addr);
      expect([addr, cell?.fill, cell?.note]).toEqual([addr, TO_CHECK_FILL, TO_CHECK_NOTE]);
    }
  });

  it('changes no existing cell', () => {
    const a = cellMap(sheetOf(before, PL01));
    const b = cellMap(sheetOf(after, PL01));
    for (const [addr, c] of a) {
      const d = b.get(addr)!;
      expect([addr, d.value, d.formula, d.numberFormat, d.note]).toEqual([
        addr,
        c.value,
        c.formula,
        c.numberFormat,
        c.note,
      ]);
    }
    // new cells: the appraisal columns right of the table, or the summary block under it
    const bottom = rep.sheets[0].layout!.lastRow;
    for (const addr of b.keys())
      if (!a.has(addr))
        expect([addr, b.get(addr)!.col >= 8 || b.get(addr)!.row > bottom]).toEqual([addr, true]);
  });

  it('puts the summary under the table in the name column, never read as a criterion’s text', () => {
    const title = plan.edits.find((e) => e.op === 'set-value' && e.value === SUMMARY_TITLE)!;
    const at = fromA1((title as { cell: string }).cell);
    expect(at.col).toBe(rep.sheets[0].layout!.columns.name);
    expect(at.row).toBeGreaterThan(rep.sheets[0].layout!.lastRow);
    const r = analyze(after).sheets[0];
    const last = r.criteria.find((c) => c.code === '4.8')!;
    expect(String(last.value)).not.toMatch(/Tổng số/);
    expect(r.layout!.lastRow).toBe(rep.sheets[0].layout!.lastRow);
  });

  it('its verdict formulas compute the commune’s verdicts (HyperFormula)', () => {
    const computed = evaluateFormulas(after);
    const v = verdicts(rep, PL01);
    for (const row of rep.sheets[0].rows!) {
      if (!catalog.criteria.some((c) => c.code === row.code)) continue;
      expect([row.code, computed.get(`${PL01}!${toA1(row.row, 9)}`)]).toEqual([
        row.code,
        VERDICT_SHOWN[v[row.code]],
      ]);
    }
  });

  it('validate reads the sheet as PHỤ LỤC 02 judged on the new columns, with the commune’s verdicts', () => {
    const r = analyze(after);
    expect(r.sheets[0].kind).toBe('phu-luc-02');
    expect(r.sheets[0].layout!.columns['result-district']).toBe(8);
    expect(r.sheets[0].layout!.columns.verdict).toBe(9);
    expect(verdicts(r, PL01)).toEqual(verdicts(rep, PL01));
    expect(r.sheets[0].findings.filter((f) => f.rule === 'verdict-mismatch')).toEqual([]);
  });

  it('running it twice adds nothing', () => {
    const again = planAppraise(after, analyze(after), catalog, 'huyen', { adjacent: true });
    expect(again.edits).toEqual([]);
    expect(again.exists).toBe(true);
  });
});
