/**
 * Fill and link, proved with HyperFormula: the formulas written on the forms' summary lines
 * compute exactly what evaluateForm counts (every tick spelling, placeholders and group rows left
 * out), and PHỤ LỤC 01's linked results compute the forms' figures.
 */
import { computeFormulas } from '../../../support/fixtures/hf-compute';
import { analyzeWorkbook } from '../../../../src/core/analyze';
import { defaultCatalog } from '../../../../src/core/catalog/catalog';
import type { EditPlan } from '../../../../src/core/plan/edit-plan';
import {
  fromA1,
  GridView,
  toA1,
  type SheetGrid,
  type WorkbookSnapshot,
} from '../../../../src/core/model/grid';
import {
  applyPlanToSnapshot,
  evaluateForm,
  planFillForms,
  planFormEdits,
  planFormTemplate,
  recognizeForm,
  FORM_KINDS,
  formDef,
  formNumber,
} from '../../../../src/core/forms';
import type { RatioReport } from '../../../../src/core/model/report-types';
import { gridFromTsv, readSeedTable } from '../../../support/fixtures/tsv-grid';
import {
  buildMau14,
  buildMau25,
  buildMau26,
  buildMau33,
  buildMau41,
  buildMau45,
  rowStarting,
} from '../../../support/fixtures/forms-builders';

const catalog = defaultCatalog();

function ratiosOf(g: SheetGrid): RatioReport[] {
  const view = new GridView(g);
  return evaluateForm(g.name, view, recognizeForm(view)!, catalog).ratios;
}

function formulaEdits(plan: EditPlan) {
  return plan.edits.filter((e) => e.op === 'set-formula');
}

const FORMS: [string, () => SheetGrid][] = [
  ['Mẫu 1.4', () => buildMau14({ typedComputer: '91,7%', typedTotal: 12 })],
  [
    'Mẫu 1.4, figures in the labels',
    () =>
      buildMau14({
        figuresInLabel: true,
        typedTotal: 11,
        typedComputer: '90%',
        typedMailbox: '83,3%',
      }),
  ],
  ['Mẫu 2.5, two-level merged header', () => buildMau25({ merged: true, typedRate: '70%' })],
  ['Mẫu 2.6', () => buildMau26()],
  [
    'Mẫu 3.3, numbering and group rows',
    () => buildMau33({ numberingRow: true, groupRow: true, omit: ['signature'] }),
  ],
  ['Mẫu 4.1, two lists', () => buildMau41()],
  ['Mẫu 4.5, placeholder row', () => buildMau45({ placeholder: true, typed: 14 })],
];

describe.each(FORMS)('%s', (_label, build) => {
  const before = build();
  const snap: WorkbookSnapshot = { sheets: [before] };
  const plan = planFillForms(snap);
  const after = applyPlanToSnapshot(snap, plan);
  const values = computeFormulas(after);
  const ratios = ratiosOf(before);

  const totalRows = new Set(
    recognizeForm(new GridView(before))!.lists.flatMap((l) =>
      l.totalRow === undefined ? [] : [l.totalRow],
    ),
  );
  const onTotalRow = (cell: string) => totalRows.has(fromA1(cell).row);

  test('one formula per ratio, on the ratio cell, computing the count', () => {
    const summaryCells = formulaEdits(plan)
      .map((e) => e.cell)
      .filter((c) => !onTotalRow(c));
    expect(summaryCells.sort()).toEqual(ratios.map((r) => r.cell).sort());
    for (const r of ratios) {
      const v = values.get(`${before.name}!${r.cell}`);
      if (r.kind === 'rate' && r.denominator === 0) expect(v).toBe('');
      else expect(v).toBeCloseTo(r.value, 9);
    }
  });

  test('the cached results equal the computed ones; rates shown as %', () => {
    for (const e of formulaEdits(plan)) {
      if (e.op !== 'set-formula') continue;
      const v = values.get(`${before.name}!${e.cell}`);
      if (typeof v === 'number') expect(e.cached).toBeCloseTo(v, 9);
      else expect(e.cached).toBe(v);
      const r = ratios.find((x) => x.cell === e.cell);
      expect(e.numberFormat).toBe(r?.kind === 'rate' ? '0.0%' : '0');
      if (!r) expect(onTotalRow(e.cell)).toBe(true);
    }
  });

  test('after fill the form validates: no ratio finding', () => {
    const g = after.sheets[0];
    const view = new GridView(g);
    const ev = evaluateForm(g.name, view, recognizeForm(view)!, catalog);
    expect(ev.findings.filter((f) => f.rule.startsWith('ratio-'))).toEqual([]);
  });

  test('filling again plans no formula', () => {
    expect(formulaEdits(planFillForms(after))).toEqual([]);
  });
});

describe('what the officials typed is kept', () => {
  test('a typed rate goes into a note on its cell', () => {
    const g = buildMau14({ typedComputer: '91,7%' });
    const plan = planFillForms({ sheets: [g] });
    const cell = toA1(rowStarting(g, '- Tỷ lệ CBCC có máy tính'), 1);
    expect(plan.edits).toContainEqual({
      op: 'set-note',
      sheet: g.name,
      cell,
      text: 'Giá trị gốc: 91,7%',
    });
  });

  test('a figure typed in the label: the label keeps its words, the old text goes into a note', () => {
    const g = buildMau14({ figuresInLabel: true, typedTotal: 11 });
    const row = rowStarting(g, '- Tổng số CBCC');
    const after = applyPlanToSnapshot({ sheets: [g] }, planFillForms({ sheets: [g] }));
    const label = after.sheets[0].cells.find((c) => c.row === row && c.col === 0)!;
    expect(label.value).toBe('- Tổng số CBCC của cơ quan: người.');
    expect(label.note).toBe('Giá trị gốc: - Tổng số CBCC của cơ quan: 11 người.');
    const formula = after.sheets[0].cells.find((c) => c.row === row && c.formula);
    expect(formula?.col).toBeGreaterThan(0);
  });

  test('a missing summary line is written with its official label', () => {
    const g = buildMau33({ omit: ['security'] });
    const after = applyPlanToSnapshot({ sheets: [g] }, planFillForms({ sheets: [g] }));
    const label = after.sheets[0].cells.find(
      (c) => c.value === 'Tỷ lệ thuê bao điện thoại thông minh được cài đặt phần mềm ATTT:',
    );
    expect(label).toBeDefined();
    expect(after.sheets[0].cells.some((c) => c.row === label!.row && c.formula)).toBe(true);
  });

  test('a list that grew after fill: the formula is widened, no note for the old formula', () => {
    const g = buildMau26();
    const filled = applyPlanToSnapshot({ sheets: [g] }, planFillForms({ sheets: [g] })).sheets[0];
    // the official adds a sixth enterprise in the blank row right after the list
    const row = rowStarting(filled, 'Tổng số DNVVN') - 1;
    filled.cells.push(
      { row, col: 0, kind: 'number', value: 6 },
      { row, col: 1, kind: 'string', value: 'Công ty TNHH Du lịch Biển Xanh' },
      { row, col: 3, kind: 'string', value: 'x' },
    );
    const plan = planFillForms({ sheets: [filled] });
    expect(formulaEdits(plan)).toHaveLength(2);
    expect(plan.edits.filter((e) => e.op === 'set-note')).toEqual([]);
    const values = computeFormulas(applyPlanToSnapshot({ sheets: [filled] }, plan));
    const rate = ratiosOf(filled).find((r) => r.key === 'digital-platform')!;
    expect(rate).toMatchObject({ numerator: 4, denominator: 6 });
    expect(values.get(`${filled.name}!${rate.cell}`)).toBeCloseTo(4 / 6, 9);
  });

  test('the "Tổng cộng" line counts each mark column; a typed total is checked, then kept in a note', () => {
    const g = buildMau14();
    const total = rowStarting(g, 'Tổng cộng');
    g.cells.push({ row: total, col: 3, kind: 'number', value: 11 }); // computers: 10 in the list
    const view = new GridView(g);
    const ev = evaluateForm(g.name, view, recognizeForm(view)!, catalog);
    const f = ev.findings.filter((x) => x.rule === 'ratio-differs');
    expect(f.map((x) => x.cell)).toEqual([toA1(total, 3)]);
    expect(f[0].message).toContain('ghi 11 nhưng danh sách có 10');
    const plan = planFillForms({ sheets: [g] });
    expect(plan.edits).toContainEqual({
      op: 'set-note',
      sheet: g.name,
      cell: toA1(total, 3),
      text: 'Giá trị gốc: 11',
    });
    const values = computeFormulas(applyPlanToSnapshot({ sheets: [g] }, plan));
    expect(values.get(`${g.name}!${toA1(total, 3)}`)).toBe(10);
    expect(values.get(`${g.name}!${toA1(total, 4)}`)).toBe(10);
  });

  test("an official's own formula is replaced but kept in a note", () => {
    const g = buildMau45({ typed: 5 });
    const row = rowStarting(g, '- Tổng số điểm');
    const cell = g.cells.find((c) => c.row === row && c.col === 2)!;
    cell.formula = 'COUNTA(B4:B8)';
    const plan = planFillForms({ sheets: [g] });
    expect(plan.edits).toContainEqual({
      op: 'set-note',
      sheet: g.name,
      cell: toA1(row, 2),
      text: 'Giá trị gốc: =COUNTA(B4:B8)',
    });
  });

  test('a protected sheet is left alone, with a note', () => {
    const g = { ...buildMau26(), protected: true };
    const plan = planFillForms({ sheets: [g] });
    expect(plan.edits).toEqual([]);
    expect(plan.notes?.[0]).toContain('bảo vệ');
  });
});

describe('every tick spelling counts in the formula the way the core counts it', () => {
  test('a list of each spelling, with spaces and case variants', () => {
    const spellings = [
      'x',
      'X',
      ' x ',
      'Có',
      'có',
      'CÓ',
      'C',
      'c',
      1,
      '✓',
      '✔',
      'Có (VNPT)',
      'Có(Viettel)',
      'Có - FPT',
    ];
    const noes = ['', 'Không', 'K', 0, '-', 'Chưa', '?', 2];
    const adults = [...spellings, ...noes].map((s, i) => ({
      name: `Người dân số ${i + 1}`,
      phone: `0912 000 ${String(100 + i)}`,
      smartphone: s,
      securityApp: s,
      signature: '',
      online: '',
    }));
    const g = buildMau33({ adults });
    const ratios = ratiosOf(g);
    const sp = ratios.find((r) => r.key === 'smartphone')!;
    expect(sp.numerator).toBe(spellings.length);
    expect(sp.denominator).toBe(spellings.length + noes.length);
    const values = computeFormulas(
      applyPlanToSnapshot({ sheets: [g] }, planFillForms({ sheets: [g] })),
    );
    expect(values.get(`${g.name}!${sp.cell}`)).toBeCloseTo(sp.value, 9);
    const sec = ratios.find((r) => r.key === 'security-app')!;
    expect(values.get(`${g.name}!${sec.cell}`)).toBeCloseTo(1, 9);
  });
});

describe('PHỤ LỤC 01 linked to the forms', () => {
  const PL01 = 'Phụ lục 01';
  const snap: WorkbookSnapshot = {
    sheets: [
      gridFromTsv(PL01, readSeedTable('hoang-kim-pl01.tsv')),
      buildMau14({ sheet: 'Mẫu 1.4' }),
      buildMau33({ sheet: 'Mẫu 3.3' }),
      buildMau45({ sheet: "Wifi 'công cộng'" }),
      buildMau41({ sheet: 'Mẫu 4.1' }),
    ],
  };
  const report = analyzeWorkbook(snap, catalog);
  const plan = planFormEdits(snap, report, catalog);
  const after = applyPlanToSnapshot(snap, plan);
  const values = computeFormulas(after);
  const pl01 = report.sheets[0];
  const col = pl01.layout!.columns['result-commune']!;
  const resultAddr = (code: string) => toA1(pl01.rows!.find((r) => r.code === code)!.row, col);
  const linkFor = (code: string) =>
    plan.edits.find(
      (e) => e.op === 'set-formula' && e.sheet === PL01 && e.cell === resultAddr(code),
    );

  test.each([
    ['1.4', 'Mẫu 1.4', 'mailbox'],
    ['4.3', 'Mẫu 1.4', 'computer'],
    ['3.3', 'Mẫu 3.3', 'security-app'],
    ['3.4', 'Mẫu 3.3', 'smartphone'],
    ['3.10', 'Mẫu 3.3', 'digital-signature'],
    ['3.11', 'Mẫu 3.3', 'online-services'],
    ['4.5', "Wifi 'công cộng'", 'wifi-points'],
  ])('%s ← %s (%s): the Kết quả cell computes the form figure', (code, sheet, key) => {
    const ratio = report.sheets.find((s) => s.name === sheet)!.ratios.find((r) => r.key === key)!;
    const reference = `'${sheet.replace(/'/g, "''")}'!${ratio.cell}`;
    const addr = resultAddr(code);
    // the only write on the Kết quả cell is a live formula on the form's cell, not its value
    const writes = plan.edits.filter(
      (e) =>
        (e.op === 'set-value' || e.op === 'set-formula') && e.sheet === PL01 && e.cell === addr,
    );
    expect(writes).toEqual([expect.objectContaining({ op: 'set-formula', formula: reference })]);
    const { row, col: c } = fromA1(addr);
    const linked = after.sheets[0].cells.find((x) => x.row === row && x.col === c);
    expect(linked?.formula).toBe(reference);
    expect(values.get(`${PL01}!${addr}`)).toBeCloseTo(ratio.value, 9);
  });

  test('the typed result goes into a note', () => {
    expect(plan.edits).toContainEqual({
      op: 'set-note',
      sheet: PL01,
      cell: resultAddr('3.3'),
      text: 'Giá trị gốc: 64,6%',
    });
  });

  test('criteria without a form in the workbook, or whose form counts another unit, stay as typed', () => {
    expect(linkFor('2.5')).toBeUndefined();
    expect(linkFor('4.1')).toBeUndefined();
    expect(linkFor('1.6')).toBeUndefined();
  });

  test('after linking, the appendix agrees with its evidence and its verdicts follow the forms', () => {
    const again = analyzeWorkbook(after, catalog);
    const app = again.sheets[0];
    expect(app.findings.filter((f) => f.rule === 'evidence-differs')).toEqual([]);
    const v = (code: string) => app.criteria.find((c) => c.code === code)!;
    // 3.3: 70,0% (7/10) ≥ 55% → met; 1.4: 83,3% < 100% → unmet (typed 100% before)
    expect(v('3.3').value).toBeCloseTo(0.7, 9);
    expect(v('3.3').verdict).toBe('met');
    expect(v('1.4').value).toBeCloseTo(10 / 12, 9);
    expect(v('1.4').verdict).toBe('unmet');
    expect(v('4.5').value).toBe(5);
  });

  test('linking again plans nothing', () => {
    const again = planFormEdits(after, analyzeWorkbook(after, catalog), catalog);
    expect(again.edits.filter((e) => e.op === 'set-formula')).toEqual([]);
  });
});

describe('blank forms (template)', () => {
  const seed = readSeedTable('evidence-forms.txt');

  test.each(FORM_KINDS.map((k) => [k]))(
    '%s: the official title and headers, recognised',
    (kind) => {
      const plan = planFormTemplate(kind);
      const snap = applyPlanToSnapshot({ sheets: [] }, plan);
      const grid = snap.sheets[0];
      expect(grid.name).toBe(`Mẫu ${formNumber(kind)}`);
      const texts = grid.cells
        .filter((c) => typeof c.value === 'string')
        .map((c) => c.value as string);
      // title and every header, word for word as in seed 001
      expect(seed).toContain(texts[0]);
      for (const list of formDef(kind).lists) {
        for (const c of list.columns) {
          expect(texts).toContain(c.header);
          expect(seed).toContain(c.header);
          if (c.parent) expect(texts).toContain(c.parent);
        }
        if (list.heading) expect(seed).toContain(list.heading);
      }
      const rec = recognizeForm(new GridView(grid));
      expect(rec?.kind).toBe(kind);
      expect(rec?.signatureRow).toBeDefined();
      // each summary line is on the sheet with a live formula
      for (const s of rec!.summaries) {
        expect(s.missing).toBeUndefined();
        expect(
          grid.cells.find((c) => c.row === s.valueRow && c.col === s.valueCol)?.formula,
        ).toBeTruthy();
      }
    },
  );

  test('Mẫu 2.5 template: merged two-level header', () => {
    const plan = planFormTemplate('mau-2.5');
    expect(plan.edits).toContainEqual({ op: 'merge', sheet: 'Mẫu 2.5', range: 'D3:E3' });
  });

  test('a template filled in by an official computes its rates', () => {
    const snap = applyPlanToSnapshot(
      { sheets: [] },
      planFormTemplate('mau-1.4', { sheet: 'CBCC' }),
    );
    const g = snap.sheets[0];
    const rec = recognizeForm(new GridView(g))!;
    const first = rec.lists[0].firstRow;
    const people: [string, string, string | number, string][] = [
      ['Lê Văn Hùng', 'Bí thư', 'x', 'hunglv@thanhhoa.gov.vn'],
      ['Nguyễn Thị Lan', 'Chủ tịch', 'Có', ''],
      ['Trần Văn Nam', 'Phó Chủ tịch', '', 'namtv@thanhhoa.gov.vn'],
      ['Phạm Thị Hoa', 'Văn phòng', 1, 'hoapt@thanhhoa.gov.vn'],
    ];
    people.forEach((p, i) =>
      p.forEach((v, j) => {
        if (v !== '')
          g.cells.push({
            row: first + i,
            col: j + 1,
            kind: typeof v === 'number' ? 'number' : 'string',
            value: v,
          });
      }),
    );
    const values = computeFormulas(snap);
    const ratio = (key: string) => ratiosOf(g).find((r) => r.key === key)!;
    expect(values.get(`CBCC!${ratio('computer').cell}`)).toBeCloseTo(3 / 4, 9);
    expect(values.get(`CBCC!${ratio('mailbox').cell}`)).toBeCloseTo(3 / 4, 9);
    expect(values.get(`CBCC!${ratio('staff').cell}`)).toBe(4);
    expect(fromA1(ratio('staff').cell).row).toBeGreaterThan(first + 9);
  });
});
