/**
 * Row heights from text length and column width, and the print-setup plan: our own sheets get
 * fonts, heights and the appendix page; a user's sheet keeps its fonts and its own page setup,
 * and only rows whose text needs more than one line grow.
 */
import type { CellEdit } from '../../../../src/core/plan/edit-plan';
import type { SheetGrid } from '../../../../src/core/model/grid';
import {
  APPENDIX_PAGE_SETUP,
  columnWidthPx,
  linesHeight,
  printSetupPlan,
  rowHeightFor,
  textWidthPx,
  wrappedLineCount,
} from '../../../../src/core/report';

const NAME =
  'Ứng dụng nền tảng số hỗ trợ chính quyền cấp xã giao tiếp, tương tác và tiếp nhận các ý kiến, phản ánh, kiến nghị của người dân (Kênh zalo, Trang Thông tin điện tử, ...)';

describe('wrapped lines', () => {
  it('a text exactly as wide as the column takes one line; one more word takes two', () => {
    const words = 'Tỷ lệ hồ sơ TTHC tiếp nhận giải quyết trực tuyến'.split(' ');
    const text = words.join(' ');
    const w = textWidthPx(text, 12);
    expect(wrappedLineCount(text, Math.ceil(w), 12)).toBe(1);
    expect(wrappedLineCount(text, Math.floor(w) - 1, 12)).toBe(2);
  });

  it('wider columns and smaller fonts need fewer lines; bold needs more room', () => {
    expect(wrappedLineCount(NAME, columnWidthPx(52), 12)).toBeGreaterThan(
      wrappedLineCount(NAME, columnWidthPx(80), 12),
    );
    expect(textWidthPx(NAME, 13)).toBeGreaterThan(textWidthPx(NAME, 12));
    expect(textWidthPx(NAME, 12, true)).toBeGreaterThan(textWidthPx(NAME, 12));
    // diacritics do not widen a letter: NFC and NFD measure the same
    expect(textWidthPx(NAME.normalize('NFD'), 12)).toBeCloseTo(textWidthPx(NAME, 12));
  });

  it('a word longer than the column breaks over lines; line breaks start new lines', () => {
    const url = 'https://postmart.com.vn/home/Goods/index.html?goods_id=16020';
    expect(wrappedLineCount(url, columnWidthPx(10), 12)).toBeGreaterThan(2);
    expect(wrappedLineCount('a\nb\nc', columnWidthPx(20), 12)).toBe(3);
  });

  it('the row height follows its tallest cell, within Excel’s 409 points', () => {
    const h = rowHeightFor([
      { text: '1.7', widthChars: 6, fontSize: 12 },
      { text: NAME, widthChars: 52, fontSize: 12 },
    ]);
    expect(h).toBe(linesHeight(wrappedLineCount(NAME, columnWidthPx(52), 12), 12));
    expect(h).toBeGreaterThan(linesHeight(2, 12));
    expect(rowHeightFor([{ text: NAME.repeat(40), widthChars: 6, fontSize: 12 }])).toBe(409);
  });
});

function grid(extra: Partial<SheetGrid> = {}): SheetGrid {
  return {
    name: 'PHỤ LỤC 01',
    cells: [
      { row: 0, col: 0, kind: 'string', value: 'PHỤ LỤC 01' },
      { row: 2, col: 0, kind: 'string', value: 'TT' },
      { row: 2, col: 1, kind: 'string', value: 'Tên chỉ tiêu' },
      { row: 3, col: 0, kind: 'string', value: '1.6' },
      { row: 3, col: 1, kind: 'string', value: 'Tỷ lệ hồ sơ' },
      { row: 4, col: 0, kind: 'string', value: '1.7' },
      { row: 4, col: 1, kind: 'string', value: NAME },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    columnWidths: { 0: 6, 1: 52 },
    ...extra,
  };
}
const ops = (edits: CellEdit[], op: CellEdit['op']) => edits.filter((e) => e.op === op);

describe('printSetupPlan', () => {
  it('our own sheet: Times New Roman everywhere, every row sized, the appendix page with titles', () => {
    const edits = printSetupPlan(grid(), { headerRows: [2, 2] });
    const fonts = ops(edits, 'set-style') as Extract<CellEdit, { op: 'set-style' }>[];
    expect(fonts).toHaveLength(5 * 2);
    expect(fonts.find((f) => f.cell === 'A1')).toMatchObject({
      fontName: 'Times New Roman',
      fontSize: 13,
    });
    expect(fonts.find((f) => f.cell === 'B5')).toMatchObject({ fontSize: 12 });
    const heights = ops(edits, 'set-row-height') as Extract<CellEdit, { op: 'set-row-height' }>[];
    expect(heights.map((h) => h.row)).toEqual([1, 3, 4, 5]);
    expect(heights[3].height).toBeGreaterThan(heights[2].height!);
    expect(ops(edits, 'set-page-setup')).toEqual([
      {
        op: 'set-page-setup',
        sheet: 'PHỤ LỤC 01',
        setup: { ...APPENDIX_PAGE_SETUP, printTitleRows: [3, 3] },
      },
    ]);
  });

  it("a user's sheet: no fonts, only the rows that need more than one line, its own setup kept", () => {
    const edits = printSetupPlan(grid(), { headerRows: [2, 2], userSheet: true });
    expect(ops(edits, 'set-style')).toEqual([]);
    expect(ops(edits, 'set-row-height').map((e) => (e as { row: number }).row)).toEqual([5]);
    expect(ops(edits, 'set-page-setup')[0]).toMatchObject({ keepExisting: true });
    // a row the user made tall enough already is left alone
    const tall = printSetupPlan(grid({ rowHeights: { 5: 200 } }), { userSheet: true });
    expect(ops(tall, 'set-row-height')).toEqual([]);
  });
});
