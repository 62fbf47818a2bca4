/**
 * A scored roll-up: units' point-scored DTI sheets (no PHỤ LỤC of the level) ranked by their
 * points (total as typed, else the items' sum), ties sharing a rank, an unreadable file listed
 * apart; the Tổng hợp sheet ranks live over its Điểm column.
 */
import { HyperFormula } from 'hyperformula';
import { bundledCatalog, defaultCatalog } from '../../../../src/core/catalog';
import { applyPlanToSnapshot } from '../../../../src/core/forms';
import { fromA1, type WorkbookSnapshot } from '../../../../src/core/model/grid';
import { planRollup, rollupFromSnapshots, ROLLUP_SHEETS } from '../../../../src/core/rollup';
import { flatRows, gridOf, type IndexSpec, type Typed } from '../../../support/scoring-sheets';
import { hyperFormulaSheets } from '../../../support/fixtures/hf-compute';

/** Two indices of 100 points: index 1 scores a + b, index 2 scores c (items typed). */
function indices(a: Typed, b: Typed, c: number): IndexSpec[] {
  const num = (v: Typed) => (typeof v === 'number' ? v : 0);
  return [
    {
      code: '1',
      name: 'Nhận thức số',
      max: 100,
      score: num(a) + num(b),
      items: [
        { code: '1.1', name: 'Ban chỉ đạo chuyển đổi số', max: 50, score: a },
        { code: '1.2', name: 'Hội nghị, tập huấn về chuyển đổi số', max: 50, score: b },
      ],
    },
    {
      code: '2',
      name: 'Hạ tầng số',
      max: 100,
      score: c,
      items: [{ code: '2.1', name: 'Tỷ lệ CBCC được trang bị máy tính', max: 100, score: c }],
    },
  ];
}

/** A unit's workbook: its name in the title row "UBND XÃ …" (or none), the total typed or not. */
function unit(name: string | null, ix: IndexSpec[], typedTotal: boolean): WorkbookSnapshot {
  const total = ix.reduce((s, i) => s + (i.score as number), 0);
  const rows = flatRows(ix, typedTotal ? { total: { max: 200, score: total } } : {});
  rows[0] = [
    name ? `UBND XÃ ${name.toLocaleUpperCase('vi')}` : null,
    null,
    null,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  ];
  return { sheets: [gridOf('Chấm điểm', rows)] };
}

const inputs = [
  { file: 'in/hoang-kim.xlsx', snapshot: unit('Hoàng Kim', indices(40, 35, 80), true) }, // 155
  { file: 'in/dinh-tan.xlsx', snapshot: unit('Định Tân', indices(50, 45, 90), false) }, // 185
  { file: 'in/Xã Yên Lạc.xlsx', snapshot: unit(null, indices(45, 30, 80), true) }, // 155
  { file: 'in/vinh-hung.xlsx', error: 'Tệp "vinh-hung.xlsx" bị hỏng, không đọc được.' },
];

describe('scored roll-up (DTI sheets)', () => {
  const model = rollupFromSnapshots(inputs, defaultCatalog());

  it('ranks units by points, best first; equal points share a rank', () => {
    expect(model.scored).toBe(true);
    expect(model.communes.map((c) => [c.commune, c.points, c.maxPoints, c.rank])).toEqual([
      ['Định Tân', 185, 200, 1],
      ['Hoàng Kim', 155, 200, 2],
      ['Yên Lạc', 155, 200, 2],
    ]);
    expect(model.communes.every((c) => c.kind === 'dti')).toBe(true);
    expect(model.communes.find((c) => c.commune === 'Yên Lạc')?.nameSource).toBe('file-name');
  });

  it('the unreadable file is listed apart, not ranked', () => {
    expect(model.files.map((f) => f.status)).toEqual(['ok', 'ok', 'ok', 'unreadable']);
    expect(model.communes).toHaveLength(3);
  });

  it('one point less breaks the tie (154,9 ranks below 155)', () => {
    const m = rollupFromSnapshots(
      [inputs[0], { file: 'b.xlsx', snapshot: unit('Định Công', indices(44.9, 30, 80), false) }],
      defaultCatalog(),
    );
    expect(m.communes.map((c) => [c.commune, c.points, c.rank])).toEqual([
      ['Hoàng Kim', 155, 1],
      ['Định Công', 154.9, 2],
    ]);
  });

  it('a typed total wins over the items’ sum', () => {
    const ix = indices(40, 35, 80);
    const rows = flatRows(ix, { total: { max: 200, score: 150 } });
    const m = rollupFromSnapshots(
      [{ file: 'x.xlsx', snapshot: { sheets: [gridOf('Chấm điểm', rows)] } }],
      defaultCatalog(),
    );
    expect(m.communes[0].points).toBe(150);
  });

  it('a scored catalog ranks DTI sheets and says a file without one has none', () => {
    const m = rollupFromSnapshots(
      [inputs[1], { file: 'empty.xlsx', snapshot: { sheets: [gridOf('Sheet1', [['Ghi chú']])] } }],
      bundledCatalog('thanh-hoa-dti-huyen-2022'),
    );
    expect(m.scored).toBe(true);
    expect(m.criteria).toEqual([]);
    expect(m.communes.map((c) => c.commune)).toEqual(['Định Tân']);
    expect(m.files[1].message).toMatch(/DTI/);
  });

  it('Tổng hợp shows Điểm / Điểm tối đa and a live rank over the points', () => {
    const snap = applyPlanToSnapshot({ sheets: [] }, planRollup(model));
    const sheets = hyperFormulaSheets(snap);
    const summary = ROLLUP_SHEETS.summary;
    const at = (a1: string) => {
      const { row, col } = fromA1(a1);
      const v = sheets[summary][row]?.[col];
      return typeof v === 'string' ? v.replace(/^'/, '') : v; // text is quoted for HyperFormula
    };
    expect([at('L4'), at('N4'), at('O4')]).toEqual(['Xếp hạng', 'Điểm', 'Điểm tối đa']);
    expect([at('B5'), at('N5'), at('O5')]).toEqual(['Định Tân', 185, 200]);
    // Hoàng Kim corrected from 155 to 190: it ranks first, Định Tân second
    const { row, col } = fromA1('N6');
    expect(at('B6')).toBe('Hoàng Kim');
    sheets[summary][row][col] = 190;
    const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
    const get = (a1: string) => {
      const p = fromA1(a1);
      return hf.getCellValue({ sheet: hf.getSheetId(summary)!, row: p.row, col: p.col });
    };
    expect([get('L5'), get('L6'), get('L7')]).toEqual([2, 1, 3]);
    hf.destroy();
  });
});
