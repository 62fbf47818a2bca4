/**
 * Row heights computed from text length and column width, so that no criterion name is cut
 * when Excel or LibreOffice prints the sheet: Excel never grows a row to its wrapped text when
 * it opens a file (the height is what the file says, or the default), and ExcelJS cannot
 * autofit. Text is measured with the Times New Roman glyph widths (Liberation Serif, which
 * LibreOffice substitutes, has the same metrics), wrapped word by word like a spreadsheet does,
 * with a small safety margin for the differences between renderers.
 */

/** Advance widths of Times New Roman, in ems (the Times-Roman font metrics). */
const WIDTH: Record<string, number> = {
  ' ': 0.25,
  '!': 0.333,
  '"': 0.408,
  '#': 0.5,
  $: 0.5,
  '%': 0.833,
  '&': 0.778,
  "'": 0.18,
  '(': 0.333,
  ')': 0.333,
  '*': 0.5,
  '+': 0.564,
  ',': 0.25,
  '-': 0.333,
  '.': 0.25,
  '/': 0.278,
  ':': 0.278,
  ';': 0.278,
  '<': 0.564,
  '=': 0.564,
  '>': 0.564,
  '?': 0.444,
  '@': 0.921,
  '[': 0.333,
  ']': 0.333,
  _: 0.5,
  a: 0.444,
  b: 0.5,
  c: 0.444,
  d: 0.5,
  e: 0.444,
  f: 0.333,
  g: 0.5,
  h: 0.5,
  i: 0.278,
  j: 0.278,
  k: 0.5,
  l: 0.278,
  m: 0.778,
  n: 0.5,
  o: 0.5,
  p: 0.5,
  q: 0.5,
  r: 0.333,
  s: 0.389,
  t: 0.278,
  u: 0.5,
  v: 0.5,
  w: 0.722,
  x: 0.5,
  y: 0.5,
  z: 0.444,
  A: 0.722,
  B: 0.667,
  C: 0.667,
  D: 0.722,
  E: 0.611,
  F: 0.556,
  G: 0.722,
  H: 0.722,
  I: 0.333,
  J: 0.389,
  K: 0.722,
  L: 0.611,
  M: 0.889,
  N: 0.722,
  O: 0.722,
  P: 0.556,
  Q: 0.722,
  R: 0.667,
  S: 0.556,
  T: 0.611,
  U: 0.722,
  V: 0.722,
  W: 0.944,
  X: 0.722,
  Y: 0.722,
  Z: 0.611,
};
/** Bold glyphs are wider (Times-Bold averages about 6 % more). */
const BOLD_FACTOR = 1.06;
/** Renderers differ (hinting, kerning): measure a little wide. */
const SAFETY = 1.06;
/** Pixels per point at 96 dpi. */
const PX_PER_PT = 96 / 72;
/** Excel's character unit: the default font's (Calibri 11) digit width, 7 px. */
const CHAR_PX = 7;
/** Inner padding of a cell (both sides), in pixels. */
const CELL_PADDING_PX = 6;
/** Excel's largest row height. */
export const MAX_ROW_HEIGHT = 409;

/** The width of `text` in pixels at `fontSize` points. */
export function textWidthPx(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text.normalize('NFD')) {
    if (/[\u0300-\u036f]/.test(ch)) continue; // diacritics sit on their letter
    const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch;
    em += WIDTH[base] ?? (/\d/.test(base) ? 0.5 : base === base.toUpperCase() ? 0.7 : 0.5);
  }
  return em * fontSize * PX_PER_PT * (bold ? BOLD_FACTOR : 1) * SAFETY;
}

/** The usable width in pixels of a cell spanning columns `widthChars` characters wide. */
export function columnWidthPx(widthChars: number): number {
  return Math.max(1, Math.floor(widthChars * CHAR_PX + 5) - CELL_PADDING_PX);
}

/** How many lines `text` takes when wrapped in `widthPx` (each paragraph at least one). */
export function wrappedLineCount(
  text: string,
  widthPx: number,
  fontSize: number,
  bold = false,
): number {
  const space = textWidthPx(' ', fontSize, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let current = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      let w = textWidthPx(word, fontSize, bold);
      if (current > 0 && current + space + w <= widthPx) {
        current += space + w;
        continue;
      }
      if (current > 0) count++;
      // a word longer than the line breaks wherever it must
      while (w > widthPx) {
        count++;
        w -= widthPx;
      }
      current = w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Height in points of `lines` lines of text at `fontSize` (line spacing and cell padding). */
export function linesHeight(lines: number, fontSize: number): number {
  const h = lines * fontSize * 1.3 + 3;
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(h * 4) / 4);
}

export interface MeasuredCell {
  text: string;
  /** Width of the cell in characters (the sum over the columns of a merge) */
  widthChars: number;
  fontSize: number;
  bold?: boolean;
}

/** The height a row needs so that none of its cells' wrapped text is cut, in points. */
export function rowHeightFor(cells: MeasuredCell[], minFontSize = 11): number {
  let best = linesHeight(1, minFontSize);
  for (const c of cells) {
    if (c.text.trim() === '') continue;
    const lines = wrappedLineCount(c.text, columnWidthPx(c.widthChars), c.fontSize, c.bold);
    best = Math.max(best, linesHeight(lines, c.fontSize));
  }
  return best;
}
