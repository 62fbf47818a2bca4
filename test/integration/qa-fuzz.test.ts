/**
 * QA fuzz: whatever a sheet holds (header words, codes, values, merges, in any place and
 * order), `analyzeWorkbook` never throws and its report is consistent: the summary adds up,
 * every finding sits on a real cell address and names a known rule, criteria are the
 * catalog's.
 */
import fc from 'fast-check';
import { analyzeWorkbook } from '../../src/core/analyze';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { RULE_SEVERITY } from '../../src/core/model/findings';
import type { Cell, MergedArea, SheetGrid } from '../../src/core/model/grid';

const catalog = defaultCatalog();
const CODES = catalog.criteria.map((c) => c.code);

/** What an appendix's cells hold, and what they hold when typed wrong. */
const TEXTS = [
  'TT',
  'STT',
  'Tên chỉ tiêu',
  'Đơn vị tính',
  'ĐVT',
  'Chỉ tiêu',
  'Chi tiêu',
  'Kết quả',
  'Kết quả tự đánh giá của UBND cấp xã',
  'Kết quả thẩm định của UBND cấp huyện',
  'Kết quả thẩm tra của Sở TTTT',
  'Đánh giá (Đạt/Không đạt)',
  'Đạt',
  'Không đạt',
  'Tài liệu minh chứng',
  'Ghi chú',
  'Người phụ trách',
  'PHỤ LỤC 01',
  'PHỤ LỤC 02',
  'PHỤ LỤC 03',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Chủ tịch UBND tỉnh ban hành',
  'Tổng cộng',
  'Chính quyền số',
  'Kinh tế số',
  'I',
  'II',
  'a)',
  '-',
  '1.8.1',
  '82,9%',
  '2/3 = 69%',
  '3.420/4.551 = 75,15%',
  '50',
  '14 điểm',
  'Có',
  'Không',
  'Không áp dụng',
  'x',
  'Đáp ứng',
  '#DIV/0!',
  '',
  ' ',
  '1.1. Xây dựng kế hoạch',
  'Tổng số 1.567 hộ, trong đó 1.101 hộ, đạt 70,26%',
  ...CODES,
  '1',
  '2',
  '5.1',
  '1.10',
];

const cellArb = (rows: number, cols: number): fc.Arbitrary<Cell> =>
  fc
    .record({
      row: fc.nat(rows - 1),
      col: fc.nat(cols - 1),
      pick: fc.oneof(
        fc.constantFrom(...TEXTS).map((v) => ({ kind: 'string' as const, value: v })),
        fc
          .constantFrom(0, 1, 0.5, 0.829, 1.1, 1.1, 3.12, 82.9, 120, -1, 1e9)
          .map((v) => ({ kind: 'number' as const, value: v })),
        fc.constantFrom('#DIV/0!', '#REF!').map((v) => ({ kind: 'error' as const, value: v })),
        fc.constant({ kind: 'date' as const, value: '2023-03-02' }),
        fc.boolean().map((v) => ({ kind: 'boolean' as const, value: v })),
        fc.constant({ kind: 'empty' as const, value: null }),
      ),
      numberFormat: fc.constantFrom(undefined, '0%', '0.0%', '0.00', '0.0', '@'),
      formula: fc.constantFrom(
        undefined,
        undefined,
        undefined,
        'E5/E6',
        'IF(E5>=D5,"Đạt","Không đạt")',
      ),
    })
    .map(({ row, col, pick, numberFormat, formula }) => {
      const c: Cell = { row, col, kind: pick.kind, value: pick.value };
      if (numberFormat) c.numberFormat = numberFormat;
      if (formula) c.formula = formula;
      return c;
    });

const mergeArb = (rows: number, cols: number): fc.Arbitrary<MergedArea> =>
  fc
    .record({ top: fc.nat(rows - 1), left: fc.nat(cols - 1), h: fc.nat(3), w: fc.nat(4) })
    .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

const HEADERS: Record<string, string[]> = {
  tt: ['TT', 'STT', 'Số TT'],
  name: ['Tên chỉ tiêu', 'Nội dung', 'Tiêu chí'],
  unit: ['Đơn vị tính', 'ĐVT'],
  target: ['Chỉ tiêu', 'Chi tiêu', 'Chỉ tiêu (năm 2023)'],
  commune: ['Kết quả', 'Kết quả tự đánh giá của UBND cấp xã', 'Kết quả thực hiện'],
  district: ['Kết quả thẩm định của UBND cấp huyện', 'Huyện thẩm định'],
  province: ['Kết quả thẩm tra của Sở TTTT', 'Sở KH&CN thẩm tra'],
  verdict: ['Đánh giá (Đạt/Không đạt)', 'Đánh giá', 'Đạt'],
  unmet: ['Không đạt'],
  evidence: ['Tài liệu minh chứng', 'Tài liệu kiểm chứng'],
  note: ['Ghi chú'],
  owner: ['Người phụ trách'],
};
const VALUES = TEXTS.slice(17);

/** A table: a header of shuffled columns, rows under it (codes in the first column). */
const sheetArb: fc.Arbitrary<SheetGrid> = fc
  .record({
    keys: fc.shuffledSubarray(Object.keys(HEADERS), { minLength: 2, maxLength: 12 }),
    spelling: fc.nat(2),
    headerRow: fc.nat(8),
    col0: fc.nat(3),
    rows: fc.array(
      fc.record({
        tt: fc.oneof(fc.constantFrom(...CODES), fc.constantFrom(...VALUES)),
        values: fc.array(fc.constantFrom(...VALUES), { minLength: 12, maxLength: 12 }),
        blank: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      }),
      { maxLength: 50 },
    ),
    noise: fc.array(cellArb(80, 14), { maxLength: 40 }),
    merges: fc.array(mergeArb(80, 14), { maxLength: 6 }),
  })
  .map(({ keys, spelling, headerRow, col0, rows, noise, merges }) => {
    const order = [
      'tt',
      ...keys.filter((k) => k !== 'tt'),
      ...(keys.includes('commune') ? [] : ['commune']),
    ];
    const cells: Cell[] = order.map((k, i) => {
      const names = HEADERS[k];
      return {
        row: headerRow,
        col: col0 + i,
        kind: 'string',
        value: names[spelling % names.length],
      };
    });
    rows.forEach((r, i) => {
      const row = headerRow + 1 + i;
      cells.push({ row, col: col0, kind: 'string', value: r.tt });
      for (let j = 1; j < order.length; j++)
        if (!r.blank[j]) cells.push({ row, col: col0 + j, kind: 'string', value: r.values[j] });
    });
    // later cells win on the same address (as in a real sheet: one value per cell)
    const byAddr = new Map<string, Cell>();
    for (const c of [...cells, ...noise]) byAddr.set(`${c.row}:${c.col}`, c);
    return { name: 'Fuzz', cells: [...byAddr.values()], merges };
  });

const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

describe('analyzeWorkbook on arbitrary sheets', () => {
  it('never throws; summaries add up; findings are well-formed', () => {
    let recognised = 0;
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const report = analyzeWorkbook({ sheets: [sheet] }, catalog);
        if (report.sheets[0].kind !== 'unknown') recognised++;
        for (const s of report.sheets) {
          const { criteria, met, unmet, undetermined } = s.summary;
          expect(met + unmet + undetermined).toBe(criteria);
          if (s.kind === 'unknown') expect(s.findings).toEqual([]);
          else if (s.kind.startsWith('phu-luc'))
            expect(s.criteria.map((c) => c.code)).toEqual(CODES);
          for (const f of s.findings) {
            expect(f.cell).toMatch(A1);
            expect(RULE_SEVERITY[f.rule]).toBe(f.severity);
            expect(f.message).not.toMatch(/undefined|NaN|\[object/);
          }
        }
      }),
      { numRuns: 300 },
    );
    // most generated sheets are appendices, so the evaluation paths are exercised
    expect(recognised).toBeGreaterThan(150);
  });
});
