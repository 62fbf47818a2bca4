/**
 * Spreadsheet formulas that count a form the way `evaluateForm` does, robust to every tick
 * spelling: SUMPRODUCT over the list rows, a row counted when its name cell is not blank and
 * its tick cells hold a "yes" spelling (x, X, Có, C, 1, ✓, ✔…, or "Có (…)", compared trimmed
 * and case-insensitively). Mailbox and platform columns count any text that is not a "no"
 * spelling. Rows inside the range that are not entries (placeholders "...", group rows,
 * subtotals, repeated headers) are left out by their names (see `entryScope`).
 *
 * Excel and LibreOffice evaluate SUMPRODUCT arguments as arrays; HyperFormula needs
 * `useArrayArithmetic: true` (tests).
 */
import { toA1 } from '../model/grid';
import { TICK_NO, TICK_NO_PREFIXES, TICK_YES, TICK_YES_PREFIXES } from './definitions';
import type { FormListDef, FormRatioDef } from './definitions';
import type { FormList } from './types';

/**
 * The spellings as typed in NFC and in NFD (decomposed diacritics, as some Mac and PDF tools
 * write them): a spreadsheet compares code points, "Có" in NFD is 3 characters long.
 */
function bothForms(values: string[]): string[] {
  return [...new Set(values.flatMap((v) => [v.normalize('NFC'), v.normalize('NFD')]))];
}

/** An array constant of strings exactly as given ({"Thôn Đông","Cộng thôn Đông"}). */
function literal(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')}}`;
}

function arrayLiteral(values: string[]): string {
  return `{${bothForms(values)
    .map((v) => `"${v.replace(/"/g, '""')}"`)
    .join(',')}}`;
}

/** Prefix spellings (NFC and NFD), grouped by length, for LEFT(…, n). */
function prefixGroups(prefixes: string[]): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const p of bothForms(prefixes)) {
    const list = m.get(p.length) ?? [];
    list.push(p);
    m.set(p.length, list);
  }
  return m;
}

/** 1 for a row whose cell in `range` is a tick, else 0 (array expression). */
export function tickExpr(range: string, kind: string): string {
  // a non-breaking space (pasted from the web) counts as a space, as when the core reads the mark
  const t = `TRIM(SUBSTITUTE(${range},"\u00a0"," "))`;
  if (kind === 'tick') {
    const parts = [`ISNUMBER(MATCH(${t},${arrayLiteral(TICK_YES)},0))`];
    for (const [n, list] of prefixGroups(TICK_YES_PREFIXES)) {
      parts.push(`ISNUMBER(MATCH(LEFT(${t},${n}),${arrayLiteral(list)},0))`);
    }
    return `(${parts.join('+')})`;
  }
  // any text but a "no" spelling or a "Không …" / "Chưa …" phrase
  const no = TICK_NO.filter((s) => s !== '');
  const factors = [`(${t}<>"")`, `ISNA(MATCH(${t},${arrayLiteral(no)},0))`];
  for (const [n, list] of prefixGroups(TICK_NO_PREFIXES)) {
    factors.push(`ISNA(MATCH(LEFT(${t},${n}),${arrayLiteral(list)},0))`);
  }
  return `(${factors.join('*')})`;
}

/** Contiguous row segments [from, to] of the data area that hold no non-entry named rows. */
export function entrySegments(list: FormList, excluded: number[]): [number, number][] {
  if (list.lastRow < list.firstRow) return [];
  const out: [number, number][] = [];
  let start = list.firstRow;
  for (const r of [...excluded].sort((a, b) => a - b)) {
    if (r < list.firstRow || r > list.lastRow) continue;
    if (r > start) out.push([start, r - 1]);
    start = r + 1;
  }
  if (start <= list.lastRow) out.push([start, list.lastRow]);
  return out;
}

function range(col: number, seg: [number, number]): string {
  return `${toA1(seg[0], col)}:${toA1(seg[1], col)}`;
}

/** A row of the data area that holds a name but is not an entry (group, subtotal, placeholder). */
export interface ExcludedRow {
  row: number;
  /** Text of its name cell */
  name: string;
}

/**
 * Which rows of the data area the formulas count. Non-entry rows are left out by their name
 * ("Thôn Đông", "Cộng thôn Đông", "Họ và tên" of a repeated header): one range over the whole
 * list and a factor ISNA(MATCH(TRIM(names),{…},0)) — a few hundred characters whatever the
 * number of groups, and still right when rows are inserted or moved. When a left-out name cannot
 * be written that way (it is also an entry's name, holds a line break, or is very long), the
 * range is split around those rows instead (`segments`).
 */
export type EntryScope =
  { range: [number, number]; names: string[] } | { segments: [number, number][] };

/** The text Excel's TRIM gives (spaces only; other white space kept). */
function excelTrim(s: string): string {
  return s.replace(/ +/g, ' ').trim();
}

export function entryScope(list: FormList, excluded: ExcludedRow[]): EntryScope {
  const inside = excluded.filter((e) => e.row >= list.firstRow && e.row <= list.lastRow);
  const names = [...new Set(inside.map((e) => excelTrim(e.name)))].filter((n) => n !== '');
  const entryNames = new Set(
    list.rows.map((r) => excelTrim(r.name).normalize('NFC').toLowerCase()),
  );
  const writable = names.every(
    (n) =>
      n.length <= 250 &&
      !/[\u0000-\u001f]/.test(n) &&
      !entryNames.has(n.normalize('NFC').toLowerCase()),
  );
  if (!writable)
    return {
      segments: entrySegments(
        list,
        inside.map((e) => e.row),
      ),
    };
  return { range: [list.firstRow, list.lastRow], names };
}

/** SUMPRODUCT over the scope's rows named and ticked in every column of `ids`. */
export function countExpr(
  list: FormList,
  listDef: FormListDef,
  ids: string[],
  scope: EntryScope,
): string {
  const nameCol = list.columns.name;
  const term = (seg: [number, number], names: string[]) => {
    const factors = [`(TRIM(${range(nameCol, seg)})<>"")`];
    if (names.length > 0)
      factors.push(`ISNA(MATCH(TRIM(${range(nameCol, seg)}),${literal(names)},0))`);
    for (const id of ids) {
      const kind = listDef.columns.find((c) => c.id === id)?.kind ?? 'tick';
      factors.push(tickExpr(range(list.columns[id], seg), kind));
    }
    return factors.length === 1
      ? `SUMPRODUCT(--${factors[0]})`
      : `SUMPRODUCT(${factors.join('*')})`;
  };
  if ('range' in scope) {
    return scope.range[1] < scope.range[0] ? '0' : term(scope.range, scope.names);
  }
  const terms = scope.segments.map((seg) => term(seg, []));
  return terms.length === 0 ? '0' : terms.join('+');
}

/** The formula (without "=") of a summary line: a count, or a rate IFERROR(num/den, ""). */
export function ratioFormula(
  list: FormList,
  listDef: FormListDef,
  ratio: FormRatioDef,
  excluded: ExcludedRow[],
): string {
  const scope = entryScope(list, excluded);
  if (ratio.kind === 'count') return countExpr(list, listDef, [], scope);
  const num = countExpr(
    list,
    listDef,
    [...new Set([...ratio.denominator, ...ratio.numerator])],
    scope,
  );
  const den = countExpr(list, listDef, ratio.denominator, scope);
  const wrap = (s: string) => (s.includes('+') ? `(${s})` : s);
  return `IFERROR(${wrap(num)}/${wrap(den)},"")`;
}
