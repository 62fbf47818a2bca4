/**
 * Matching a header row (one or two levels) against a list definition: which sheet column
 * holds which form column.
 */
import { GridView } from '../model/grid';
import { matchKey } from '../model/text';
import type { FormListDef } from './definitions';

export interface HeaderMatch {
  /** 0-based header rows (1 or 2) */
  rows: number[];
  /** column id → 0-based column */
  columns: Record<string, number>;
  /** Sum of the matched synonym lengths (to pick the best candidate) */
  score: number;
  /** All required columns found */
  complete: boolean;
}

/** True when `phrase` occurs in `key` as whole words. */
export function hasPhrase(key: string, phrase: string): boolean {
  return ` ${key} `.includes(` ${phrase} `);
}

/** Length of the longest synonym found in any candidate text; 0 when none. */
function synonymScore(candidates: string[], synonyms: string[]): number {
  let best = 0;
  for (const c of candidates)
    for (const s of synonyms) if (s.length > best && hasPhrase(c, s)) best = s.length;
  return best;
}

/**
 * True when `row` is the second level of a header: one of its own cells names a column that has
 * a parent in the definition (Mẫu 2.5 "Có/Không"), or it sits under a header cell merged across
 * several columns, or it names a column under an empty header cell (the parent typed in its
 * first column only).
 */
function isSubHeader(view: GridView, headerRow: number, row: number, def: FormListDef): boolean {
  const own = view.rowCells(row).filter((c) => typeof c.value === 'string');
  if (own.length === 0) return false;
  if (own.some((c) => /^\d+([.,]\d+)?$/.test(String(c.value).trim()))) return false;
  const childSyns = def.columns.filter((c) => c.parent).flatMap((c) => c.synonyms);
  if (own.some((c) => childSyns.some((s) => hasPhrase(matchKey(String(c.value)), s)))) return true;
  const allSyns = def.columns.flatMap((c) => c.synonyms);
  return own.some((c) => {
    const m = view.mergeAt(headerRow, c.col);
    if (m && m.top === headerRow && m.right > m.left && m.bottom === headerRow) return true;
    // the parent typed once, not merged over its children: a child naming a column sits under
    // an empty header cell
    return (
      view.text(headerRow, c.col).trim() === '' &&
      allSyns.some((s) => hasPhrase(matchKey(String(c.value)), s))
    );
  });
}

const KEYS = new WeakMap<GridView, Map<number, { col: number; key: string }[]>>();

/** `matchKey` of the row's non-empty text cells (up to 200 characters), cached per view. */
export function rowTextKeys(view: GridView, row: number): { col: number; key: string }[] {
  let byRow = KEYS.get(view);
  if (!byRow) KEYS.set(view, (byRow = new Map()));
  let keys = byRow.get(row);
  if (!keys) {
    keys = view
      .rowCells(row)
      .filter((c) => typeof c.value === 'string' && c.value.trim() !== '' && c.value.length <= 200)
      .map((c) => ({ col: c.col, key: matchKey(c.value as string) }));
    byRow.set(row, keys);
  }
  return keys;
}

/**
 * Cheap test before `matchHeader`: some text cell of the row names the list's name column
 * ("Họ tên", "Tên doanh nghiệp"…). Keeps recognition fast on large sheets that are not forms.
 */
export function mayBeHeader(view: GridView, row: number, def: FormListDef): boolean {
  const name = def.columns.find((c) => c.id === 'name');
  if (!name) return true;
  return rowTextKeys(view, row).some(({ key }) => name.synonyms.some((s) => hasPhrase(key, s)));
}

/** Match `row` (and the row below, when it is a sub-header) against a list definition. */
export function matchHeader(view: GridView, row: number, def: FormListDef): HeaderMatch {
  if (!mayBeHeader(view, row, def)) return { rows: [row], columns: {}, score: 0, complete: false };
  const sub = isSubHeader(view, row, row + 1, def);
  const rows = sub ? [row, row + 1] : [row];
  const maxCol = Math.max(view.maxCol, 0);
  const pairs: { id: string; col: number; score: number }[] = [];
  for (let col = 0; col <= maxCol; col++) {
    const parent = matchKey(view.text(row, col));
    const childCell = sub ? view.raw(row + 1, col) : undefined;
    const child = childCell ? matchKey(String(childCell.value ?? '')) : '';
    const candidates = child ? [child, `${parent} ${child}`.trim()] : parent ? [parent] : [];
    if (candidates.length === 0) continue;
    for (const c of def.columns) {
      const score = synonymScore(candidates, c.synonyms);
      if (score > 0) pairs.push({ id: c.id, col, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns: Record<string, number> = {};
  const usedCols = new Set<number>();
  let score = 0;
  for (const p of pairs) {
    if (p.id in columns || usedCols.has(p.col)) continue;
    columns[p.id] = p.col;
    usedCols.add(p.col);
    score += p.score;
  }
  const complete =
    def.columns.filter((c) => c.required).every((c) => c.id in columns) &&
    Object.keys(columns).length >= 2;
  return { rows, columns, score, complete };
}

/** True when every listed phrase of one alternative occurs in the key, the first at its start. */
export function matchesLabel(key: string, alternatives: string[][]): boolean {
  return alternatives.some(
    (alt) => alt.length > 0 && key.startsWith(alt[0]) && alt.every((p) => hasPhrase(key, p)),
  );
}

/** Folded, punctuation-free key of a row's first non-empty cell (leading "-", "+", "•" dropped). */
const FIRST = new WeakMap<GridView, Map<number, { key: string; col: number } | null>>();

export function firstTextKey(view: GridView, row: number): { key: string; col: number } | null {
  let byRow = FIRST.get(view);
  if (!byRow) FIRST.set(view, (byRow = new Map()));
  const hit = byRow.get(row);
  if (hit !== undefined) return hit;
  const first = view.rowCells(row).find((c) => String(c.value ?? '').trim() !== '');
  const out = first ? { key: matchKey(String(first.value)), col: first.col } : null;
  byRow.set(row, out);
  return out;
}
