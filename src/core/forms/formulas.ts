/**
 * Spreadsheet formulas that count a form the way `evaluateForm` does, robust to every tick
 * spelling: SUMPRODUCT over the list rows, a row counted when its name cell is not blank and
 * its tick cells hold a "yes" spelling (x, X, Có, C, 1, ✓, ✔…, or "Có (…)", compared trimmed
 * and case-insensitively). Mailbox and platform columns count any text that is not a "no"
 * spelling. Rows inside the range that are not entries (placeholders "...", group rows,
 * repeated headers) are left out by splitting the range around them.
 *
 * Excel and LibreOffice evaluate SUMPRODUCT arguments as arrays; HyperFormula needs
 * `useArrayArithmetic: true` (tests).
 */
import { toA1 } from '../grid';
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

/** SUMPRODUCT over the segments of rows named and ticked in every column of `ids`. */
export function countExpr(
  list: FormList,
  listDef: FormListDef,
  ids: string[],
  segments: [number, number][],
): string {
  const nameCol = list.columns.name;
  const terms = segments.map((seg) => {
    const factors = [`(TRIM(${range(nameCol, seg)})<>"")`];
    for (const id of ids) {
      const kind = listDef.columns.find((c) => c.id === id)?.kind ?? 'tick';
      factors.push(tickExpr(range(list.columns[id], seg), kind));
    }
    return factors.length === 1
      ? `SUMPRODUCT(--${factors[0]})`
      : `SUMPRODUCT(${factors.join('*')})`;
  });
  return terms.length === 0 ? '0' : terms.join('+');
}

/** The formula (without "=") of a summary line: a count, or a rate IFERROR(num/den, ""). */
export function ratioFormula(
  list: FormList,
  listDef: FormListDef,
  ratio: FormRatioDef,
  excluded: number[],
): string {
  const segs = entrySegments(list, excluded);
  if (ratio.kind === 'count') return countExpr(list, listDef, [], segs);
  const num = countExpr(
    list,
    listDef,
    [...new Set([...ratio.denominator, ...ratio.numerator])],
    segs,
  );
  const den = countExpr(list, listDef, ratio.denominator, segs);
  const wrap = (s: string) => (s.includes('+') ? `(${s})` : s);
  return `IFERROR(${wrap(num)}/${wrap(den)},"")`;
}
