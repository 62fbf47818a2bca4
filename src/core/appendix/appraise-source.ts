/**
 * Appraise: what the new level's sheet takes from the level below (the source appendix): its
 * rows by code, title lines, the lower level's and the own level's prefilled content, notes
 * for sub-items.
 */
import { ifFormula, sheetRef, str } from '../model/formula';
import { cellText, GridView, type Cell, type SheetGrid } from '../model/grid';
import { convertTypedResult, convertedValue } from '../model/convert-result';
import { titleLevel } from './headers';
import type {
  CriterionResult,
  CriterionRow,
  SheetReport,
  TableLayout,
} from '../model/report-types';
import { type ResultRole } from './roles';
import { type CellContent } from './template';
import { cleanText, matchKey } from '../model/text';
import type { AppraisePlan } from './appraise';

export function failure(message: string): AppraisePlan {
  return { ok: false, description: message, edits: [], notes: [message] };
}

export function firstRowPerCode(rows: CriterionRow[]): Map<string, CriterionRow> {
  const m = new Map<string, CriterionRow>();
  for (const r of rows) if (!m.has(r.code.trim())) m.set(r.code.trim(), r);
  return m;
}

/** Text lines of the source's title block that are not its own title/subtitle (commune name). */
export function extraTitleLines(view: GridView, headerRow: number): string[] {
  const out: string[] = [];
  for (const r of view.rowIndices) {
    if (r >= headerRow) break;
    const text = cleanText(
      view
        .rowCells(r)
        .map((c) => cellText(c))
        .filter((t) => t.trim() !== '')
        .join(' '),
    );
    if (!text || titleLevel(text)) continue;
    const key = matchKey(text);
    if (/\bchuyen doi so\b/.test(key) && /\btieu chi\b/.test(key)) continue;
    out.push(text);
  }
  return out.slice(0, 3);
}

/** The cells holding a row's value in a column: the code row, then its continuation rows. */
function roleCells(view: GridView, row: CriterionRow, col: number): Cell[] {
  return [row.row, ...row.continuationRows]
    .map((r) => view.raw(r, col))
    .filter((c): c is Cell => !!c && (cellText(c).trim() !== '' || !!c.formula));
}

/** The value a formula reading `c` gets ("" for empty). */
function readValue(c: Cell | undefined): string | number {
  if (!c || c.value === null || c.kind === 'empty') return '';
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return c.value;
}

/** The lower level's column: a formula referring to the source cell(s). */
export function lowerContent(
  view: GridView,
  source: string,
  row: CriterionRow,
  role: ResultRole,
  col: number,
): CellContent {
  const cells = roleCells(view, row, col);
  const own = row.cells[role];
  const single =
    cells.length <= 1 ||
    (own && cleanText(row.texts[role] ?? '') === cleanText(cellText(own)) && cells.length === 1);
  if (single) {
    const c = cells[0] ?? own;
    const at = c ? { row: c.row, col: c.col } : { row: row.row, col };
    const ref = sheetRef(source, at.row, at.col);
    const fmt = c?.numberFormat;
    return {
      kind: 'formula',
      formula: ifFormula(`${ref}=""`, str(''), ref),
      cached: readValue(c),
      ...(fmt ? { numberFormat: fmt } : {}),
    };
  }
  // Text continued on the next lines ("Đáp" / "ứng"): join the cells as the evaluator does.
  const refs = cells.map((c) => sheetRef(source, c.row, c.col));
  return {
    kind: 'formula',
    formula: `TRIM(${refs.join('&" "&')})`,
    cached: cleanText(cells.map((c) => cellText(c)).join(' ')),
  };
}

const SUB_ITEM_NOTE_MAX = 1000;

/**
 * The sub-items listed under a criterion on the source sheet ("a)", "-", "1.8.1"…), carried
 * into the new sheet's Ghi chú as one line — "Gồm: a) CSDL hộ tịch: Có; b) …" — so the
 * appraiser sees them; they are not criteria and get no row of their own.
 */
export function subItemNote(
  view: GridView,
  layout: TableLayout,
  row: CriterionRow,
  resultCol: number,
): string | undefined {
  const { tt, name } = layout.columns;
  const text = (r: number, c: number | undefined) =>
    c === undefined ? '' : cleanText(cellText(view.raw(r, c)));
  const items: string[] = [];
  for (const r of row.subItemRows ?? []) {
    const label = cleanText(
      [tt !== undefined && tt !== name ? text(r, tt) : '', text(r, name)].join(' '),
    );
    const result = text(r, resultCol);
    const item = result ? (label ? `${label}: ${result}` : result) : label;
    if (item) items.push(item);
  }
  if (items.length === 0) return undefined;
  const note = `Gồm: ${items.join('; ')}`;
  return note.length > SUB_ITEM_NOTE_MAX ? `${note.slice(0, SUB_ITEM_NOTE_MAX - 1)}…` : note;
}

/** This level's column, prefilled with the lower level's value (as a value) to be checked. */
export function ownContent(
  row: CriterionRow,
  role: ResultRole,
  res: CriterionResult | undefined,
): CellContent {
  const cell = row.cells[role];
  // A formula's cached value is copied as a value.
  const plain: Cell | undefined = cell?.formula ? { ...cell, formula: undefined } : cell;
  const conv = convertTypedResult(plain, res?.parsed);
  if (conv) return { kind: 'value', value: convertedValue(conv), numberFormat: conv.numberFormat };
  if (cell && typeof cell.value === 'number')
    return {
      kind: 'value',
      value: cell.value,
      ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}),
    };
  const text = cleanText(row.texts[role] ?? cellText(cell));
  return { kind: 'value', value: text === '' ? null : text };
}

export interface Source {
  rep: SheetReport;
  grid: SheetGrid;
  view: GridView;
  role: ResultRole;
  col: number;
  rows: Map<string, CriterionRow>;
  results: Map<string, CriterionResult>;
}
