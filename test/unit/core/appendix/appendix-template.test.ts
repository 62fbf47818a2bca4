/**
 * appendix-template.ts: the official PHỤ LỤC 01/02/03 layout built from the catalog. Checked
 * directly: the columns of each level (and that recognition reads every title back as its role),
 * the layout numbers, the cells of a criterion row, the contents a caller gives (results, notes,
 * fills), and the verdict formulas, recalculated by HyperFormula.
 */
import {
  APPENDIX_HEADERS,
  TO_CHECK_FILL,
  TO_CHECK_NOTE,
  appendixColumns,
  buildAppendixSheet,
  planTemplate,
} from '../../../../src/core/appendix/template';
import { bundledCatalog, defaultCatalog, levelById } from '../../../../src/core/catalog/catalog';
import type { CellEdit } from '../../../../src/core/plan/edit-plan';
import { applyPlanToSnapshot } from '../../../../src/core/forms';
import { toA1, type WorkbookSnapshot } from '../../../../src/core/model/grid';
import { classifyHeader } from '../../../../src/core/appendix/headers';
import { SUMMARY_TITLE } from '../../../../src/core/appendix/summary-block';
import { analyze, evaluateFormulas } from '../../../support/fill-support';

const catalog = defaultCatalog();
const xa = levelById(catalog, 'xa')!;
const huyen = levelById(catalog, 'huyen')!;
const tinh = levelById(catalog, 'tinh')!;

type Edit<K extends CellEdit['op']> = Extract<CellEdit, { op: K }>;
const editAt = <K extends CellEdit['op']>(edits: CellEdit[], op: K, cell: string) =>
  edits.find((e) => e.op === op && 'cell' in e && e.cell === cell) as Edit<K> | undefined;

describe('appendixColumns', () => {
  it('PHỤ LỤC 01: Kết quả, Đánh giá, Tài liệu minh chứng, Ghi chú', () => {
    const cols = appendixColumns(xa);
    expect(cols.map((c) => c.role)).toEqual([
      'tt',
      'name',
      'unit',
      'target',
      'result-commune',
      'verdict',
      'evidence',
      'note',
    ]);
    expect(cols.map((c) => c.header)).toEqual([
      'TT',
      'Tên chỉ tiêu',
      'Đơn vị tính',
      'Chỉ tiêu',
      'Kết quả',
      'Đánh giá (Đạt/Không đạt)',
      'Tài liệu minh chứng',
      'Ghi chú',
    ]);
  });

  it('PHỤ LỤC 02: the commune’s result, then the district’s; no evidence column', () => {
    const cols = appendixColumns(huyen, xa);
    expect(cols.map((c) => c.role)).toEqual([
      'tt',
      'name',
      'unit',
      'target',
      'result-commune',
      'result-district',
      'verdict',
      'note',
    ]);
    expect(cols[4].header).toBe(xa.resultHeader);
    expect(cols[5].header).toBe(huyen.resultHeader);
  });

  it('PHỤ LỤC 03 of the two-tier chain takes the commune’s result as the lower one', () => {
    const cols = appendixColumns(tinh, xa);
    expect(cols.slice(4, 6).map((c) => c.role)).toEqual(['result-commune', 'result-province']);
  });

  it.each([
    ['PHỤ LỤC 01', xa, undefined],
    ['PHỤ LỤC 02', huyen, xa],
    ['PHỤ LỤC 03', tinh, huyen],
  ])('every title of %s is read back by recognition as its role', (_t, level, lower) => {
    for (const c of appendixColumns(level, lower))
      expect([c.header, classifyHeader(c.header)?.role]).toEqual([c.header, c.role]);
  });

  it('every column has a positive width, the name the widest', () => {
    const cols = appendixColumns(huyen, xa);
    for (const c of cols) expect(c.width).toBeGreaterThan(0);
    expect(Math.max(...cols.map((c) => c.width))).toBe(cols[1].width);
  });
});

describe('buildAppendixSheet (blank PHỤ LỤC 01)', () => {
  const built = buildAppendixSheet(catalog, { sheet: 'PL01 mới', level: xa });
  const { edits, headerRow, rowOf, lastRow } = built;

  it('adds the sheet first, sets the widths of its columns', () => {
    expect(edits[0]).toEqual({ op: 'add-sheet', sheet: 'PL01 mới' });
    const widths = edits.filter((e) => e.op === 'set-column-width');
    expect(widths.map((e) => (e.op === 'set-column-width' ? e.column : ''))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'G',
      'H',
    ]);
  });

  it('title and subtitle merged across the table, the header one row below', () => {
    expect(editAt(edits, 'set-value', 'A1')?.value).toBe('PHỤ LỤC 01');
    expect(editAt(edits, 'set-value', 'A2')?.value).toBe(xa.subtitle);
    expect(edits).toContainEqual({ op: 'merge', sheet: 'PL01 mới', range: 'A1:H1' });
    expect(edits).toContainEqual({ op: 'merge', sheet: 'PL01 mới', range: 'A2:H2' });
    expect(headerRow).toBe(3);
    expect(editAt(edits, 'set-value', 'A4')?.value).toBe(APPENDIX_HEADERS.tt);
  });

  it('one row per criterion, in catalog order, after its group row', () => {
    expect([...rowOf.keys()]).toEqual(catalog.criteria.map((c) => c.code));
    const rows = [...rowOf.values()];
    // 4 group rows: 1 before 1.1, one more before each new group
    expect(rows[0]).toBe(headerRow + 2);
    expect(lastRow).toBe(headerRow + catalog.groups.length + catalog.criteria.length);
    expect(rowOf.get('2.1')).toBe(rowOf.get('1.11')! + 2);
    expect(editAt(edits, 'set-value', toA1(rowOf.get('2.1')! - 1, 1))?.value).toBe('Kinh tế số');
  });

  it('a rate row: the target as a percent number, the empty result cell pre-formatted', () => {
    const r = rowOf.get('1.6')!;
    expect(editAt(edits, 'set-value', toA1(r, 3))).toMatchObject({
      value: 0.7,
      numberFormat: '0%',
    });
    expect(editAt(edits, 'set-value', toA1(r, 4))).toMatchObject({
      value: null,
      numberFormat: '0.0%',
    });
    expect(editAt(edits, 'set-value', toA1(r, 2))?.value).toBe('%');
  });

  it('a yes row: the target as text, no result cell written', () => {
    const r = rowOf.get('1.1')!;
    expect(editAt(edits, 'set-value', toA1(r, 3))?.value).toBe('Có');
    expect(editAt(edits, 'set-value', toA1(r, 4))).toBeUndefined();
  });

  it('every criterion has a verdict formula on its own result cell, blank while empty', () => {
    for (const [code, r] of rowOf) {
      const f = editAt(edits, 'set-formula', toA1(r, 5));
      expect([code, f?.formula.startsWith(`IF(TRIM(E${r + 1})="",""`), f?.cached]).toEqual([
        code,
        true,
        '',
      ]);
    }
  });

  it('the summary block starts two rows under the table', () => {
    expect(editAt(edits, 'set-value', toA1(lastRow + 2, 1))?.value).toBe(SUMMARY_TITLE);
  });

  it('extra title lines push the header down', () => {
    const b = buildAppendixSheet(catalog, {
      sheet: 'S',
      level: xa,
      extraTitleLines: ['XÃ HOÀNG KIM, HUYỆN HOÀNG HÓA'],
    });
    expect(b.headerRow).toBe(4);
    expect(editAt(b.edits, 'set-value', 'A3')?.value).toBe('XÃ HOÀNG KIM, HUYỆN HOÀNG HÓA');
    expect(b.rowOf.get('1.1')).toBe(rowOf.get('1.1')! + 1);
  });
});

describe('buildAppendixSheet with contents (PHỤ LỤC 02 over a commune’s results)', () => {
  const results: Record<string, number | string> = {
    '1.6': 0.829,
    '3.2': 0.6,
    '1.1': 'Có',
    '4.2': 'Chưa đáp ứng',
  };
  const built = buildAppendixSheet(catalog, {
    sheet: 'Phụ lục 02',
    after: 'Phụ lục 01',
    level: huyen,
    lower: xa,
    rowContent: (crit) => {
      const v = results[crit.code];
      if (v === undefined) return {};
      return {
        lower: { kind: 'formula', formula: `'Phụ lục 01'!E1`, cached: v },
        own: { kind: 'value', value: v },
        ...(crit.code === '3.2'
          ? { ownNote: TO_CHECK_NOTE, ownFill: TO_CHECK_FILL, note: 'Số liệu chưa khớp Mẫu' }
          : {}),
      };
    },
  });
  const { edits, rowOf } = built;

  it('places the sheet after the one named', () => {
    expect(edits[0]).toEqual({ op: 'add-sheet', sheet: 'Phụ lục 02', after: 'Phụ lục 01' });
  });

  it('writes the lower result in its column and the own result in the next', () => {
    const r = rowOf.get('1.6')!;
    expect(editAt(edits, 'set-formula', toA1(r, 4))).toMatchObject({ cached: 0.829 });
    expect(editAt(edits, 'set-value', toA1(r, 5))).toMatchObject({
      value: 0.829,
      numberFormat: '0.0%',
    });
  });

  it('note, fill and Ghi chú of a row to re-check', () => {
    const r = rowOf.get('3.2')!;
    expect(edits).toContainEqual({
      op: 'set-note',
      sheet: 'Phụ lục 02',
      cell: toA1(r, 5),
      text: 'Cần thẩm định lại',
    });
    expect(edits).toContainEqual({
      op: 'set-fill',
      sheet: 'Phụ lục 02',
      cell: toA1(r, 5),
      color: 'FFF2CC',
    });
    expect(editAt(edits, 'set-value', toA1(r, 7))?.value).toBe('Số liệu chưa khớp Mẫu');
  });

  it('verdicts cached from the own results, as the guidance reads them', () => {
    const cached = (code: string) =>
      editAt(edits, 'set-formula', toA1(rowOf.get(code)!, 6))?.cached;
    expect(cached('1.6')).toBe('Đạt');
    expect(cached('3.2')).toBe('Không đạt');
    expect(cached('1.1')).toBe('Đạt');
    expect(cached('4.2')).toBe('Không đạt');
    expect(cached('2.1')).toBe('');
  });

  it('HyperFormula computes every cached value (verdicts and summary)', () => {
    const snap: WorkbookSnapshot = {
      sheets: [{ name: 'Phụ lục 01', cells: [], merges: [] }],
    };
    // the lower-result formulas point at PL01!E1: give it a value so they compute
    const withSource = applyPlanToSnapshot(snap, {
      description: '',
      edits: edits.filter((e) => !(e.op === 'set-formula' && e.formula.includes('Phụ lục 01'))),
    });
    const computed = evaluateFormulas(withSource);
    for (const e of edits) {
      if (e.op !== 'set-formula' || e.formula.includes('Phụ lục 01')) continue;
      const got = computed.get(`Phụ lục 02!${e.cell}`);
      if (typeof e.cached === 'number') expect(got).toBeCloseTo(e.cached, 9);
      else expect([e.cell, got]).toEqual([e.cell, e.cached]);
    }
  });
});

describe('planTemplate', () => {
  it('a blank PHỤ LỤC 01 that validate recognises with its 37 criteria', () => {
    const plan = planTemplate(catalog, 'phu-luc-01');
    expect(plan.description).toBe(
      'Tạo mẫu trống PHỤ LỤC 01 (37 chỉ tiêu) trên trang tính "Phụ lục 01"',
    );
    const snap = applyPlanToSnapshot({ sheets: [] }, plan);
    const report = analyze(snap);
    expect(report.sheets.map((s) => s.kind)).toEqual(['phu-luc-01']);
    expect(report.sheets[0].criteria.map((c) => c.code)).toEqual(
      catalog.criteria.map((c) => c.code),
    );
    expect(report.sheets[0].findings.filter((f) => f.rule === 'missing-criterion')).toEqual([]);
  });

  it('PHỤ LỤC 02 of the 2023 chain, PHỤ LỤC 03 of each chain with its lower level', () => {
    const cols = (kind: string, chain?: string) => {
      const p = planTemplate(catalog, kind, chain);
      const header = p.edits.filter(
        (e) => e.op === 'set-value' && /^[A-H]4$/.test(e.cell),
      ) as Edit<'set-value'>[];
      return header.map((e) => e.value);
    };
    expect(cols('phu-luc-02')).toContain(xa.resultHeader);
    expect(cols('phu-luc-03')).toContain(huyen.resultHeader);
    expect(cols('phu-luc-03', 'hai-cap-2025')).toContain(xa.resultHeader);
    expect(cols('phu-luc-03', 'hai-cap-2025')).not.toContain(huyen.resultHeader);
  });

  it('a kind the chain has no level for: no edits, a note listing the kinds it has', () => {
    const plan = planTemplate(catalog, 'phu-luc-02', 'hai-cap-2025');
    expect(plan.edits).toEqual([]);
    expect(plan.notes).toEqual([
      'Chuỗi thẩm định "hai-cap-2025" không có cấp nào lập phu-luc-02; các mẫu có: phu-luc-01, phu-luc-03.',
    ]);
  });

  it('another province’s catalog gives its own criteria and sheet name', () => {
    const bg = bundledCatalog('bac-giang-2024');
    const plan = planTemplate(bg, 'phu-luc-01');
    expect(plan.description).toContain(`(${bg.criteria.length} chỉ tiêu)`);
    const snap = applyPlanToSnapshot({ sheets: [] }, plan);
    const report = analyze(snap, bg);
    expect(report.sheets[0].criteria).toHaveLength(bg.criteria.length);
  });
});
