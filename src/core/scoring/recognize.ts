/**
 * Recognising a point-scored sheet (kind `dti`). A table qualifies when a header row names a
 * maximum ("Điểm tối đa") and a score ("Điểm tự chấm", "Điểm năm 2022") column and rows under
 * it carry codes. Two layouts, and their mixtures:
 * - one header, then index rows ("1" or "I"), items ("1.2"), sub-items ("1.2.1"), maybe a
 *   "Tổng cộng" row;
 * - the header repeated for each index, its first cell holding the index number and its
 *   points in brackets ("1 | Chỉ số đánh giá | Điểm tối đa (100) | Điểm năm 2022 (83,125)"),
 *   under a title line "1. Chỉ số “Nhận thức số”" (the Yên Định sheet of Quyết định
 *   3853/QĐ-UBND).
 * The hierarchy comes from the codes: "1.2.1" belongs to "1.2", "1.2" to "1"; under a roman
 * row ("II. …") codes restart, "1" being its first item. Pure.
 */
import { cellText, type Cell, type GridView } from '../model/grid';
import { parseCellValue, parseText } from '../model/parse-value';
import { cleanText, matchKey } from '../model/text';
import { bracketFigure, classifyScoringHeader, isPointsGroupTitle } from './headers';
import type {
  PointsValue,
  ScoreNode,
  ScoringColumn,
  ScoringLayout,
  ScoringRecognition,
} from './types';

const MAX_HEADER_SCAN_ROWS = 400;

interface HeaderRow {
  /** rows making the header (two for a "Điểm" merged over "Tối đa | Tự chấm") */
  rows: number[];
  columns: Partial<Record<ScoringColumn, number>>;
  /** bracketed figures of the max / score titles */
  figures: Partial<Record<'max' | 'score', string>>;
  /** an index code standing in the header's first cell ("1") */
  indexCode?: string;
  indexCodeCol?: number;
}

/** A roman section ("II. …"): codes under it restart at 1. */
interface Section {
  prefix: string;
  ordinal: number;
  node: number;
}

const ROMAN = /^(?=[IVXLC]+$)M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;
const NUMERIC_CODE = /^\d{1,3}(?:\.\d{1,3})*$/;

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]];
    const b = v[s[i + 1]] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

/** A code as typed: "1.2.1", "1.2.1.", "1.2)", "II", "II." → normalised, else null. */
export function readCode(text: string): string | null {
  const t = cleanText(text)
    .replace(/[.):]+$/, '')
    .trim();
  if (NUMERIC_CODE.test(t)) return t;
  if (ROMAN.test(t)) return t;
  return null;
}

function codeOfCell(cell: Cell | undefined): string | null {
  if (!cell) return null;
  if (typeof cell.value === 'number') {
    if (!Number.isFinite(cell.value) || cell.value < 0) return null;
    return readCode(String(cell.value));
  }
  return readCode(cellText(cell));
}

function headerOf(view: GridView, r: number): HeaderRow | null {
  const columns: Partial<Record<ScoringColumn, number>> = {};
  const figures: HeaderRow['figures'] = {};
  let twoRows = false;
  let firstText: { col: number; text: string } | undefined;
  for (const cell of view.rowCells(r)) {
    const own = cellText(cell).trim();
    if (!own) continue;
    if (!firstText) firstText = { col: cell.col, text: own };
    let h = classifyScoringHeader(own);
    if ((!h || h.column === 'max' || h.column === 'score') && r > 0) {
      const above = view.text(r - 1, cell.col);
      if (isPointsGroupTitle(above)) {
        h = classifyScoringHeader(`Điểm ${own}`) ?? h;
        twoRows = true;
      }
    }
    if (!h) continue;
    if (columns[h.column] === undefined) columns[h.column] = cell.col;
    if ((h.column === 'max' || h.column === 'score') && h.figure !== undefined)
      figures[h.column] ??= h.figure;
  }
  if (columns.max === undefined || columns.score === undefined) return null;
  const header: HeaderRow = { rows: twoRows ? [r - 1, r] : [r], columns, figures };
  if (twoRows) {
    // the titles of the other columns stand on the first row, merged down
    for (const cell of view.rowCells(r - 1)) {
      const h = classifyScoringHeader(cellText(cell));
      if (h && columns[h.column] === undefined) columns[h.column] = cell.col;
    }
  }
  // "1 | Chỉ số đánh giá | Điểm tối đa (100) | …": the index number stands where TT would
  if (firstText && columns.code === undefined) {
    const code = readCode(firstText.text);
    if (code !== null && firstText.col < (columns.name ?? columns.max)) {
      header.indexCode = code;
      header.indexCodeCol = firstText.col;
      columns.code = firstText.col;
    }
  }
  if (columns.name === undefined) {
    // the widest text column left of the points: the first non-code column before "max"
    const left = Math.min(columns.max, columns.score);
    const start = columns.code !== undefined ? columns.code + 1 : 0;
    if (start < left) columns.name = start;
    else return null;
  }
  return header;
}

function sameColumns(a: HeaderRow, b: HeaderRow): boolean {
  return a.columns.max === b.columns.max && a.columns.score === b.columns.score;
}

/** A points cell: number cells as they are, text as a Vietnamese number with "điểm" allowed. */
export function readPoints(view: GridView, row: number, col: number | undefined): PointsValue {
  const empty = (c: number): PointsValue => ({ state: 'empty', value: null, raw: '', row, col: c });
  if (col === undefined) return empty(-1);
  const cell = view.get(row, col);
  if (!cell || (cell.value === null && !cell.formula)) return empty(col);
  const base = { row, col, raw: cellText(cell).trim() } as const;
  const withFormula = cell.formula !== undefined ? { formula: cell.formula } : {};
  if (cell.value === null || cell.value === undefined || cell.value === '')
    return cell.formula
      ? { ...base, ...withFormula, state: 'uncomputed', value: null }
      : empty(col);
  if (typeof cell.value === 'number') {
    if (!Number.isFinite(cell.value))
      return { ...base, ...withFormula, state: 'unreadable', value: null };
    return { ...base, ...withFormula, state: 'number', value: cell.value, numeric: true };
  }
  const p = parseCellValue(cell);
  return { ...base, ...withFormula, ...pointsOfParsed(p) };
}

function pointsOfParsed(p: ReturnType<typeof parseText>): Pick<PointsValue, 'state' | 'value'> {
  if (p.kind === 'empty') return { state: 'empty', value: null };
  if (p.kind === 'number' && (p.unit === undefined || /^(điểm|đ|d|diem)\.?$/iu.test(p.unit)))
    return { state: 'number', value: p.value };
  return { state: 'unreadable', value: null };
}

/** A figure in a header title ("83,125") as points. */
function figurePoints(text: string | undefined, row: number, col: number | undefined): PointsValue {
  const c = col ?? -1;
  if (text === undefined)
    return { state: 'empty', value: null, raw: '', row, col: c, inHeader: true };
  return { ...pointsOfParsed(parseText(text)), raw: text, row, col: c, inHeader: true };
}

const TOTAL_KEYS = [
  'tong cong',
  'tong diem',
  'tong so diem',
  'tong so',
  'tong',
  'cong',
  'tong cong diem',
];

function isTotalText(text: string): boolean {
  const k = matchKey(text);
  return (
    TOTAL_KEYS.some((t) => k === t || k.startsWith(`${t} `)) &&
    !/^tong (chi|kinh phi|so (can bo|dan|doanh|may|ho|nguoi))/.test(k)
  );
}

/** "1. Chỉ số “Nhận thức số”" → { code: "1", name: "Nhận thức số" }. */
function titleLine(text: string): { code: string; name: string } | null {
  const m = /^\s*(\d{1,2}|[IVXLC]+)\s*[.):-]\s*(.+)$/.exec(cleanText(text));
  if (!m) return null;
  const name = m[2]
    .replace(/^chỉ số\s*/iu, '')
    .replace(/^["“”'‘’]+|["“”'‘’]+$/g, '')
    .trim();
  return name ? { code: m[1], name } : null;
}

function findHeader(view: GridView): HeaderRow | null {
  for (const r of view.rowIndices) {
    if (r > MAX_HEADER_SCAN_ROWS) break;
    const h = headerOf(view, r);
    if (h) return h;
  }
  return null;
}

/**
 * Recognise a scoring sheet. Null when no header names both a maximum and a score column, or
 * fewer than two coded rows with points follow.
 */
export function recognizeScoring(view: GridView): ScoringRecognition | null {
  const first = findHeader(view);
  if (!first) return null;
  const columns = { ...first.columns };
  const headerRows: number[] = [...first.rows];
  const nodes: ScoreNode[] = [];
  /** code → node position, within the current roman section ('' = none) */
  let section = null as Section | null;
  const byKey = new Map<string, number>();
  let pendingTitle: { code: string; name: string; row: number } | null = null;
  let last: number | null = null;
  /** the last node with a code of its own (uncoded sub-items attach to it) */
  let lastCoded: number | null = null;
  let lastRowUsed = first.rows[first.rows.length - 1];
  let afterTotal = false;

  const text = (r: number, col: number | undefined) =>
    col === undefined ? '' : cleanText(view.text(r, col));

  const place = (code: string, row: number, name: string, isRoman: boolean): ScoreNode => {
    const key = (isRoman ? '' : (section?.prefix ?? '')) + code;
    const node: ScoreNode = {
      code,
      catalogCode: isRoman
        ? String(romanValue(code))
        : section
          ? `${section.ordinal}.${code}`
          : code,
      name,
      row,
      kind: 'item',
      parent: null,
      children: [],
      max: readPoints(view, row, columns.max),
      score: readPoints(view, row, columns.score),
      explanation: text(row, columns.explanation),
    };
    if (columns.result !== undefined) {
      const c = view.get(row, columns.result);
      if (c) node.result = c;
    }
    const pos = nodes.length;
    if (isRoman) {
      node.kind = 'index';
      section = { prefix: `${code}/`, ordinal: romanValue(code), node: pos };
    } else {
      let parentKey: string | null = null;
      const segments = code.split('.');
      for (let n = segments.length - 1; n >= 1; n--) {
        const k = (section?.prefix ?? '') + segments.slice(0, n).join('.');
        if (byKey.has(k)) {
          parentKey = k;
          break;
        }
      }
      if (parentKey !== null) node.parent = byKey.get(parentKey)!;
      else if (section) node.parent = section.node;
      else node.kind = 'index';
    }
    nodes.push(node);
    if (node.parent !== null) nodes[node.parent].children.push(pos);
    byKey.set(key, pos);
    return node;
  };

  for (const r of view.rowIndices) {
    if (r < first.rows[first.rows.length - 1]) {
      const cells = view.rowCells(r).filter((c) => cellText(c).trim() !== '');
      const t = cells.length === 1 ? titleLine(cellText(cells[0])) : null;
      if (t) pendingTitle = { ...t, row: r };
      continue;
    }
    // a repeated header (one per index in the Yên Định layout), or the first one
    const again = r === first.rows[first.rows.length - 1] ? first : headerOf(view, r);
    if (again && sameColumns(again, first)) {
      headerRows.push(...again.rows.filter((x) => !headerRows.includes(x)));
      for (const [k, v] of Object.entries(again.columns))
        columns[k as ScoringColumn] ??= v as number;
      if (again.indexCode !== undefined) {
        const title = pendingTitle && pendingTitle.code === again.indexCode ? pendingTitle : null;
        const isRoman = ROMAN.test(again.indexCode);
        if (!isRoman) section = null;
        const node = place(again.indexCode, r, title?.name ?? `Chỉ số ${again.indexCode}`, isRoman);
        node.kind = 'index';
        node.parent = null;
        node.max = figurePoints(again.figures.max, r, again.columns.max);
        node.score = figurePoints(again.figures.score, r, again.columns.score);
        node.explanation = '';
        delete node.result;
        last = lastCoded = nodes.length - 1;
      }
      pendingTitle = null;
      lastRowUsed = r;
      afterTotal = false;
      continue;
    }
    if (afterTotal) continue;
    const codeText = text(r, columns.code);
    const nameText = text(r, columns.name);
    const hasPoints =
      readPoints(view, r, columns.max).state !== 'empty' ||
      readPoints(view, r, columns.score).state !== 'empty';
    // a title line above a repeated header: "1. Chỉ số “Nhận thức số”"
    const cells = view.rowCells(r).filter((c) => cellText(c).trim() !== '');
    if (!hasPoints && cells.length === 1) {
      const t = titleLine(cellText(cells[0]));
      if (t) {
        pendingTitle = { ...t, row: r };
        continue;
      }
    }
    if (isTotalText(codeText || nameText) && hasPoints) {
      const node: ScoreNode = {
        code: '',
        catalogCode: '',
        name: nameText || codeText,
        row: r,
        kind: 'total',
        parent: null,
        children: [],
        max: readPoints(view, r, columns.max),
        score: readPoints(view, r, columns.score),
        explanation: text(r, columns.explanation),
      };
      nodes.push(node);
      last = lastCoded = null;
      lastRowUsed = r;
      afterTotal = true;
      continue;
    }
    let code = columns.code !== undefined ? codeOfCell(view.get(r, columns.code)) : null;
    let name = nameText;
    if (code === null) {
      // "1.2. Người đứng đầu …": the code at the start of the name
      const m = /^(\d{1,3}(?:\.\d{1,3})+|[IVXLC]+)[.)]?\s+(.+)$/.exec(nameText);
      if (m && (hasPoints || ROMAN.test(m[1]))) {
        code = m[1];
        name = m[2];
      }
    }
    if (
      code !== null &&
      columns.code !== undefined &&
      typeof view.get(r, columns.code)?.value === 'number'
    ) {
      // 3.10 typed as a number reads 3.1: the one after 3.9 is 3.10
      const prefix = (section as Section | null)?.prefix ?? '';
      if (byKey.has(prefix + code) && byKey.has(`${prefix}${code}`.replace(/\.(\d)$/, '.9')))
        code = `${code}0`;
    }
    if (code !== null && (hasPoints || ROMAN.test(code) || !code.includes('.'))) {
      place(code, r, name, ROMAN.test(code));
      last = lastCoded = nodes.length - 1;
      lastRowUsed = r;
      continue;
    }
    if (code === null && hasPoints && lastCoded !== null && nameText) {
      // "- Bí thư … tham gia …" / "a) …" with points under an item: an uncoded sub-item
      const marker = /^(?:([a-zđ])\)|[-+•])\s*/u.exec(nameText);
      if (marker) {
        const parent = nodes[lastCoded];
        const node: ScoreNode = {
          code: `${parent.code}.${marker[1] ?? parent.children.length + 1}`,
          catalogCode: `${parent.catalogCode}.${marker[1] ?? parent.children.length + 1}`,
          name: nameText.slice(marker[0].length),
          row: r,
          kind: 'item',
          parent: lastCoded,
          children: [],
          max: readPoints(view, r, columns.max),
          score: readPoints(view, r, columns.score),
          explanation: text(r, columns.explanation),
        };
        if (columns.result !== undefined) {
          const c = view.get(r, columns.result);
          if (c) node.result = c;
        }
        nodes.push(node);
        parent.children.push(nodes.length - 1);
        last = nodes.length - 1;
        lastRowUsed = r;
        continue;
      }
    }
    if (code === null && !hasPoints && last !== null && nameText && r - lastRowUsed <= 2) {
      // a name cut by a page break continues on the next line
      const node = nodes[last];
      if (!node.max.inHeader || node.kind !== 'index')
        node.name = cleanText(`${node.name} ${nameText}`);
      lastRowUsed = r;
      continue;
    }
  }
  const scored = nodes.filter(
    (n) => n.kind !== 'total' && (n.max.state !== 'empty' || n.score.state !== 'empty'),
  );
  if (scored.length < 2) return null;
  const layout: ScoringLayout = {
    headerRows,
    columns,
    firstRow: first.rows[first.rows.length - 1] + 1,
    lastRow: Math.max(lastRowUsed, ...nodes.map((n) => n.row)),
  };
  return { kind: 'dti', layout, nodes };
}

/** The bracketed figure reader, for tests and the fill planner. */
export { bracketFigure };
