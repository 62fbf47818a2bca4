/**
 * The Đánh giá (Đạt/Không đạt) formula of one criterion, built from a small rule so that the
 * core can both write the formula and compute what a spreadsheet will show for it (the cached
 * value, and a check that the formula agrees with the evaluator before it is written).
 *
 * Shape of every verdict formula (ref = the result cell, T = LOWER(TRIM(ref))):
 *   IF(TRIM(ref)="", "",
 *     IF(ISNUMBER(ref), <numeric part>,
 *       IF(<negative text>, "Không đạt", IF(<positive text>, "Đạt", <other text>))))
 *
 * The target is compared as a constant taken from the catalog (=…ref>=0.7…), never with the
 * sheet's Chỉ tiêu cell: that cell is often text ("70%", "50") which a spreadsheet compares
 * as greater than any number, so `E12>=D12` would read "Đạt" for every rate. The catalog's
 * target is also what `validate` judges against; a sheet target that differs is reported
 * (target-differs) rather than silently used.
 */
import type { Criterion } from '../catalog/types';
import { ifFormula, num, or, str } from '../model/formula';
import type { Verdict } from '../model/report-types';

export const MET_TEXT = 'Đạt';
export const UNMET_TEXT = 'Không đạt';

export type VerdictText = typeof MET_TEXT | typeof UNMET_TEXT | '';

/** The mark a generated formula shows in a "Đạt" | "Không đạt" mark column. */
export const MARK_TEXT = 'x';

/**
 * What a verdict formula shows for a met and an unmet verdict (an undetermined one, or an
 * empty result, always shows ""). The Đánh giá column shows the words; a table whose Đánh
 * giá is split into two mark columns shows an "x" in one of them (markOutputs).
 */
export interface VerdictOutputs {
  met: string;
  unmet: string;
}

export const VERDICT_WORDS: VerdictOutputs = { met: MET_TEXT, unmet: UNMET_TEXT };

/** The outputs of the "Đạt" (met) or the "Không đạt" (unmet) mark column. */
export function markOutputs(column: 'met' | 'unmet'): VerdictOutputs {
  return column === 'met' ? { met: MARK_TEXT, unmet: '' } : { met: '', unmet: MARK_TEXT };
}

/** What a cell with `outputs` shows for a verdict text computed by `simulateVerdict`. */
export function shownAs(v: VerdictText, outputs: VerdictOutputs): string {
  return v === MET_TEXT ? outputs.met : v === UNMET_TEXT ? outputs.unmet : '';
}

export interface VerdictRule {
  /** What a number in the result cell gives: a comparison with a constant, or "" */
  numeric: { op: '>=' | '>'; threshold: number } | 'blank';
  /** Lower-case prefixes of a negative answer ("không", "chưa") */
  negativePrefixes: string[];
  /** Lower-case texts equal to a negative answer */
  negativeExact: string[];
  /** Lower-case texts that are a positive answer ("có", "x", "đạt") */
  positiveExact: string[];
  /** Lower-case prefixes of a positive answer ("có ") */
  positivePrefixes: string[];
  /** Phrases whose presence (case-insensitive) is a positive answer ("sử dụng hiệu quả") */
  positiveContains: string[];
  /** Any other text */
  otherText: 'met' | 'blank';
}

const NEGATIVE_PREFIXES = ['không', 'chưa', 'khong', 'chua '];
const NEGATIVE_EXACT = ['chua'];
const YES_EXACT = ['có', 'co', 'x', '✓', '✔', '☑', '✅'];
const YES_PREFIXES = ['có ', 'có,', 'đã có'];
const MET_EXACT = ['đạt', 'đã đạt'];

/** Characters SEARCH treats as wildcards: phrases holding them are not searched for. */
const WILDCARD = /[*?~]/;

/**
 * The rule of a criterion's verdict. `percentCell`: the result cell shows a percent (a number
 * there is a rate); for a yes-target a rate above 0 is met, a count must be at least 1.
 */
export function verdictRuleFor(crit: Criterion, percentCell: boolean): VerdictRule {
  const t = crit.target;
  const base = {
    negativePrefixes: NEGATIVE_PREFIXES,
    negativeExact: NEGATIVE_EXACT,
    positiveExact: [] as string[],
    positivePrefixes: [] as string[],
    positiveContains: [] as string[],
  };
  switch (t.kind) {
    case 'min-rate':
      return {
        ...base,
        numeric: { op: t.strict ? '>' : '>=', threshold: t.value },
        otherText: 'blank',
      };
    case 'min-count':
      return {
        ...base,
        numeric: { op: '>=', threshold: t.value },
        positiveExact: YES_EXACT,
        positivePrefixes: YES_PREFIXES,
        otherText: 'blank',
      };
    case 'yes':
      return {
        ...base,
        numeric: percentCell ? { op: '>', threshold: 0 } : { op: '>=', threshold: 1 },
        otherText: 'met',
      };
    case 'qualitative': {
      const phrases = [t.text, ...t.accept]
        .map((p) => p.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' '))
        .filter((p) => p !== '' && !WILDCARD.test(p));
      const single = phrases.filter((p) => !p.includes(' '));
      const multi = phrases.filter((p) => p.includes(' '));
      return {
        ...base,
        numeric: 'blank',
        positiveExact: unique([...YES_EXACT, ...MET_EXACT, ...single]),
        positivePrefixes: YES_PREFIXES,
        positiveContains: unique(multi),
        otherText: 'blank',
      };
    }
  }
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** IF(cond, a, b), or `a` alone when both branches are the same. */
function pick(cond: string, a: string, b: string): string {
  return a === b ? a : ifFormula(cond, a, b);
}

/**
 * The verdict formula (without "=") on the result cell `ref` ("E12" or "'PL 01'!E12").
 * `outputs`: what it shows for met / unmet (default the words Đạt / Không đạt; markOutputs
 * for a mark column).
 */
export function verdictFormula(
  ref: string,
  rule: VerdictRule,
  outputs: VerdictOutputs = VERDICT_WORDS,
): string {
  const T = `LOWER(TRIM(${ref}))`;
  const MET = str(outputs.met);
  const UNMET = str(outputs.unmet);
  const numeric =
    rule.numeric === 'blank'
      ? str('')
      : pick(`${ref}${rule.numeric.op}${num(rule.numeric.threshold)}`, MET, UNMET);
  const negative = or([
    ...rule.negativePrefixes.map((p) => `LEFT(${T},${[...p].length})=${str(p)}`),
    ...rule.negativeExact.map((p) => `${T}=${str(p)}`),
  ]);
  const positiveConds = [
    ...rule.positiveExact.map((p) => `${T}=${str(p)}`),
    ...rule.positivePrefixes.map((p) => `LEFT(${T},${[...p].length})=${str(p)}`),
    ...rule.positiveContains.map((p) => `ISNUMBER(SEARCH(${str(p)},${T}))`),
  ];
  const other = rule.otherText === 'met' ? MET : str('');
  const text =
    positiveConds.length === 0
      ? pick(negative, UNMET, other)
      : pick(negative, UNMET, pick(or(positiveConds), MET, other));
  return pick(`TRIM(${ref})=""`, str(''), pick(`ISNUMBER(${ref})`, numeric, text));
}

/** Spreadsheet TRIM: leading/trailing spaces removed, inner runs of spaces collapsed. */
export function sheetTrim(s: string): string {
  return s.replace(/ +/g, ' ').replace(/^ | $/g, '');
}

/** How a spreadsheet shows a cell value as text (for TRIM/LOWER of a non-number). */
function asText(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Left `n` characters, counted as a spreadsheet counts them (code points of the BMP). */
function left(s: string, n: number): string {
  return [...s].slice(0, n).join('');
}

/**
 * What the formula of `rule` shows for a result cell value: the same logic as
 * `verdictFormula`, evaluated here (proved equal by the HyperFormula tests).
 */
export function simulateVerdict(
  value: string | number | boolean | null,
  rule: VerdictRule,
): VerdictText {
  if (sheetTrim(asText(value)) === '') return '';
  if (typeof value === 'number') {
    if (rule.numeric === 'blank') return '';
    const { op, threshold } = rule.numeric;
    const ok = op === '>=' ? value >= threshold : value > threshold;
    return ok ? MET_TEXT : UNMET_TEXT;
  }
  const t = sheetTrim(asText(value)).toLowerCase();
  const negative =
    rule.negativePrefixes.some((p) => left(t, [...p].length) === p) ||
    rule.negativeExact.includes(t);
  if (negative) return UNMET_TEXT;
  const positive =
    rule.positiveExact.includes(t) ||
    rule.positivePrefixes.some((p) => left(t, [...p].length) === p) ||
    rule.positiveContains.some((p) => t.includes(p));
  if (positive) return MET_TEXT;
  return rule.otherText === 'met' ? MET_TEXT : '';
}

/** The text a verdict shows in Đánh giá: met → "Đạt", unmet → "Không đạt", else "". */
export function verdictText(v: Verdict): VerdictText {
  return v === 'met' ? MET_TEXT : v === 'unmet' ? UNMET_TEXT : '';
}
