/**
 * grid.ts: A1 addresses, the sparse row-indexed view with merges, and a cell's text. Inputs are
 * the seed tables (PHỤ LỤC 01 of Hoàng Kim as typed) and the merged title block of seed 001.
 */
import {
  GridView,
  cellText,
  columnLetters,
  fromA1,
  toA1,
  type Cell,
  type SheetGrid,
} from '../../../../src/core/model/grid';
import { gridFromTsv, readSeedTable } from '../../../support/fixtures/tsv-grid';

describe('columnLetters / toA1 / fromA1', () => {
  it.each([
    [0, 'A'],
    [4, 'E'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s', (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
  });

  it('writes the Kết quả cell of criterion 1.6 on row 12 as E12', () => {
    expect(toA1(11, 4)).toBe('E12');
    expect(fromA1('E12')).toEqual({ row: 11, col: 4 });
  });

  it('round-trips every column up to AAA and rows from 1 to 1,048,576', () => {
    for (const col of [0, 1, 25, 26, 27, 701, 702, 703, 16383])
      for (const row of [0, 9, 999999, 1048575])
        expect(fromA1(toA1(row, col))).toEqual({ row, col });
  });

  it('ignores absolute markers, case and surrounding spaces', () => {
    expect(fromA1('$E$12')).toEqual({ row: 11, col: 4 });
    expect(fromA1('$AA7')).toEqual({ row: 6, col: 26 });
    expect(fromA1('ZZ$3')).toEqual({ row: 2, col: 701 });
    expect(fromA1(' aaa1 ')).toEqual({ row: 0, col: 702 });
  });

  it.each(['', 'E', '12', 'E12:F13', "'Phụ lục 01'!E12", 'AAAA1', 'E-1', 'E1.5', '$$E1'])(
    'refuses %j',
    (bad) => {
      expect(() => fromA1(bad)).toThrow(/Invalid A1 address/);
    },
  );

  // Row numbers start at 1: "A0" names no cell. The plan checker (cli/apply-plan) relies on
  // fromA1 throwing to refuse a bad address before anything is written.
  it('refuses row 0 ("A0" is not a cell)', () => {
    expect(() => fromA1('A0')).toThrow(/Invalid A1 address/);
  });
});

const text = (row: number, col: number, value: string): Cell => ({
  row,
  col,
  kind: 'string',
  value,
});

/** Title block of seed 001: "PHỤ LỤC 01" merged over A1:H1, subtitle over A2:H2. */
function titledSheet(): SheetGrid {
  return {
    name: 'Phụ lục 01',
    cells: [
      text(0, 0, 'PHỤ LỤC 01'),
      text(1, 0, 'CHI TIẾT TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ'),
      text(4, 0, 'TT'),
      text(4, 4, 'Kết quả'),
      // a visual merge whose top-left is empty (the adapter lists no cell there)
      { row: 6, col: 6, kind: 'empty', value: null },
      text(7, 6, 'Quyết định số 12/QĐ-UBND'),
    ],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 7 },
      { top: 1, left: 0, bottom: 1, right: 7 },
      { top: 4, left: 4, bottom: 5, right: 5 }, // "Kết quả" over two header rows
      { top: 6, left: 6, bottom: 7, right: 9 },
    ],
  };
}

describe('GridView', () => {
  it('get follows a merge to its top-left cell, raw does not', () => {
    const v = new GridView(titledSheet());
    expect(v.get(0, 5)?.value).toBe('PHỤ LỤC 01');
    expect(v.raw(0, 5)).toBeUndefined();
    expect(v.get(5, 5)?.value).toBe('Kết quả');
    expect(v.raw(5, 5)).toBeUndefined();
    expect(v.text(1, 7)).toBe('CHI TIẾT TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ');
    // just outside the merge
    expect(v.get(0, 8)).toBeUndefined();
    expect(v.get(2, 0)).toBeUndefined();
  });

  it('a cell stored under a merge is read as itself, not as the top-left', () => {
    const v = new GridView(titledSheet());
    expect(v.get(7, 6)?.value).toBe('Quyết định số 12/QĐ-UBND');
    // the merge's empty top-left is not a cell: covered cells read nothing
    expect(v.get(6, 9)).toBeUndefined();
  });

  it('mergeAt finds the area from its top-left and from any covered cell', () => {
    const v = new GridView(titledSheet());
    const area = { top: 4, left: 4, bottom: 5, right: 5 };
    expect(v.mergeAt(4, 4)).toEqual(area);
    expect(v.mergeAt(5, 5)).toEqual(area);
    expect(v.mergeAt(4, 6)).toBeUndefined();
  });

  it('maxCol reaches the right edge of a merge whose top-left holds text, not of an empty one', () => {
    const v = new GridView(titledSheet());
    expect(v.maxCol).toBe(7); // A1:H1, not the empty G7:J8 (J = 9)
  });

  it('skips empty cells without a formula but keeps an empty formula cell', () => {
    const sheet: SheetGrid = {
      name: 'S',
      cells: [
        { row: 3, col: 0, kind: 'empty', value: null },
        { row: 4, col: 5, kind: 'empty', value: null, formula: 'IF(TRIM(E5)="","",1)' },
      ],
      merges: [],
    };
    const v = new GridView(sheet);
    expect(v.rowIndices).toEqual([4]);
    expect(v.raw(3, 0)).toBeUndefined();
    expect(v.raw(4, 5)?.formula).toBe('IF(TRIM(E5)="","",1)');
    expect(v.maxCol).toBe(5);
  });

  it('stays sparse with a stray cell at row 999999: rows sorted numerically', () => {
    const grid = gridFromTsv('Phụ lục 01', readSeedTable('hoang-kim-pl01.tsv'));
    const stray = text(999999, 2, 'x');
    const v = new GridView({ ...grid, cells: [stray, ...grid.cells] });
    const rows = new Set(grid.cells.map((c) => c.row));
    expect(v.rowIndices).toHaveLength(rows.size + 1);
    expect(v.rowIndices[v.rowIndices.length - 1]).toBe(999999);
    // numeric, not lexicographic order ("10" < "9" as text)
    for (let i = 1; i < v.rowIndices.length; i++)
      expect(v.rowIndices[i]).toBeGreaterThan(v.rowIndices[i - 1]);
    expect(v.text(999999, 2)).toBe('x');
    expect(v.rowCells(500000)).toEqual([]);
  });

  it('rowCells lists one row sorted by column, whatever order the adapter gave', () => {
    const sheet: SheetGrid = {
      name: 'S',
      cells: [text(11, 5, 'Đạt'), text(11, 0, '1.6'), text(11, 4, '82,9%'), text(11, 3, '70%')],
      merges: [],
    };
    const v = new GridView(sheet);
    expect(v.rowCells(11).map((c) => c.col)).toEqual([0, 3, 4, 5]);
    expect(v.rowCells(11).map((c) => c.value)).toEqual(['1.6', '70%', '82,9%', 'Đạt']);
  });

  it('reads the seed PHỤ LỤC 01: criterion 1.6 has target 70% and result 82,9%', () => {
    const grid = gridFromTsv('Phụ lục 01', readSeedTable('hoang-kim-pl01.tsv'));
    const v = new GridView(grid);
    const row = v.rowIndices.find((r) => v.text(r, 0) === '1.6')!;
    expect(row).toBeDefined();
    expect([v.text(row, 2), v.text(row, 3), v.text(row, 4), v.text(row, 5)]).toEqual([
      '%',
      '70%',
      '82,9%',
      'Đạt',
    ]);
  });

  it('does not index a pathological merge (> 10,000 cells): only its top-left reads', () => {
    const sheet: SheetGrid = {
      name: 'S',
      cells: [text(0, 0, 'Ghi chú')],
      merges: [{ top: 0, left: 0, bottom: 9999, right: 9 }],
    };
    const v = new GridView(sheet);
    expect(v.get(0, 0)?.value).toBe('Ghi chú');
    expect(v.get(5, 5)).toBeUndefined();
  });
});

describe('cellText', () => {
  it('is "" for no cell, an empty cell or a null value', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText({ row: 0, col: 0, kind: 'empty', value: null })).toBe('');
  });

  it('keeps text as typed, shows numbers without formatting (0 is "0", not "")', () => {
    expect(cellText(text(0, 0, ' 82,9% '))).toBe(' 82,9% ');
    expect(cellText({ row: 0, col: 0, kind: 'number', value: 0.829, numberFormat: '0.0%' })).toBe(
      '0.829',
    );
    expect(cellText({ row: 0, col: 0, kind: 'number', value: 0 })).toBe('0');
    expect(cellText({ row: 0, col: 0, kind: 'error', value: '#DIV/0!' })).toBe('#DIV/0!');
  });

  it('GridView.text follows merges with cellText', () => {
    const v = new GridView({
      name: 'S',
      cells: [{ row: 2, col: 4, kind: 'number', value: 14 }],
      merges: [{ top: 2, left: 4, bottom: 3, right: 4 }],
    });
    expect(v.text(3, 4)).toBe('14');
    expect(v.text(3, 5)).toBe('');
  });
});
