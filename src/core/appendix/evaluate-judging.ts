/**
 * Evaluation: target semantics. Whether a result meets the catalog's target (rate, count,
 * yes/no, qualitative), whether the sheet's own target agrees with the catalog's, and whether
 * two levels' results are the same.
 */
import type { Target } from '../catalog/types';
import { msg } from '../model/messages';
import { cleanText, matchKey } from '../model/text';
import type { ParsedValue } from '../model/value-types';

/** Tolerance for comparing a rate with its target. */
export const RATE_EPSILON = 1e-9;
/** Two levels' rates closer than this (0,05 percentage point) are the same result. */
const APPRAISAL_RATE_TOLERANCE = 0.0005;
// ---------------------------------------------------------------------------------------------
// Target semantics

export type Judgement =
  { verdict: 'met' } | { verdict: 'unmet' } | { verdict: 'undetermined'; why: string };

const MET: Judgement = { verdict: 'met' };
const UNMET: Judgement = { verdict: 'unmet' };

function stripLeadingCo(key: string): string {
  return key.replace(/^co /, '');
}

/** "Không áp dụng", "K/áp dụng": not applicable — neither a yes nor a no. */
function isNotApplicableKey(key: string): boolean {
  return /^(khong|k) ap dung( |$)/.test(key);
}

/** "chưa đáp ứng", "không", "không đạt"… ("không áp dụng" is not applicable, not a no) */
function isNegativeKey(key: string): boolean {
  return /^(khong|chua)( |$)/.test(key) && !isNotApplicableKey(key);
}

function containsWords(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `);
}

/**
 * Same meaning for qualitative phrases: equal or one containing the other (as whole words),
 * after dropping a leading "Có" ("Có sử dụng hiệu quả" ≈ "Sử dụng hiệu quả"). A one-word
 * phrase is never accepted as contained in a longer one ("Đáp" is not "Đáp ứng").
 */
export function samePhrase(a: string, b: string): boolean {
  const ka = stripLeadingCo(matchKey(a));
  const kb = stripLeadingCo(matchKey(b));
  if (ka === '' || kb === '') return false;
  if (ka === kb) return true;
  const words = (k: string) => k.split(' ').length;
  return (words(kb) >= 2 && containsWords(ka, kb)) || (words(ka) >= 2 && containsWords(kb, ka));
}

/** "Đạt", "Đã đạt", "Đạt yêu cầu", "Hoàn thành" (the same judgement in other words). */
export function isVerdictMet(key: string): boolean {
  return /^(da )?(dat|hoan thanh)( yeu cau)?$/.test(key);
}

/** "Không đạt", "Chưa đạt (yêu cầu)", "Không", "Chưa hoàn thành". */
export function isVerdictUnmet(key: string): boolean {
  return /^(khong|chua) (dat|hoan thanh)( |$)/.test(key) || key === 'khong';
}

function judgeRate(
  code: string,
  v: ParsedValue,
  t: Extract<Target, { kind: 'min-rate' }>,
): Judgement {
  if (v.kind === 'rate') {
    // "trên 90%" (strict) must exceed the value; otherwise reaching it is enough
    const ok = t.strict ? v.value > t.value + RATE_EPSILON : v.value >= t.value - RATE_EPSILON;
    return ok ? MET : UNMET;
  }
  if (v.kind === 'no') return UNMET;
  if (v.kind === 'text' && isNegativeKey(matchKey(v.text))) return UNMET;
  return { verdict: 'undetermined', why: msg.notARate(code, v, t) };
}

function judgeCount(
  code: string,
  v: ParsedValue,
  t: Extract<Target, { kind: 'min-count' }>,
): Judgement {
  if (v.kind === 'number') return v.value >= t.value ? MET : UNMET;
  if (v.kind === 'yes') return MET;
  if (v.kind === 'no') return UNMET;
  if (v.kind === 'text' && isNegativeKey(matchKey(v.text))) return UNMET;
  return { verdict: 'undetermined', why: msg.notACount(code, v, t) };
}

function judgeYes(code: string, v: ParsedValue, t: Extract<Target, { kind: 'yes' }>): Judgement {
  switch (v.kind) {
    case 'yes':
      return MET;
    case 'no':
      return UNMET;
    case 'number':
      return v.value >= 1 ? MET : UNMET;
    case 'rate':
      return v.value > 0 ? MET : UNMET;
    case 'text':
      return isNegativeKey(matchKey(v.text)) ? UNMET : MET;
    default:
      return { verdict: 'undetermined', why: msg.notAnAnswer(code, v, t) };
  }
}

function judgeQualitative(
  code: string,
  v: ParsedValue,
  t: Extract<Target, { kind: 'qualitative' }>,
): Judgement {
  if (v.kind === 'yes') return MET;
  if (v.kind === 'no') return UNMET;
  // a sentence read as a rate ("Đáp ứng phương án…, đạt 100%") still says what it says
  const text = v.kind === 'text' ? v.text : v.kind === 'rate' ? cleanText(v.raw) : '';
  if (text) {
    const key = matchKey(text);
    if (isNegativeKey(key)) return UNMET;
    if (isVerdictMet(key)) return MET;
    if ([t.text, ...t.accept].some((p) => samePhrase(text, p))) return MET;
  }
  return { verdict: 'undetermined', why: msg.noAcceptPhrase(code, v, t) };
}

/** The verdict of a non-empty result against the catalog target. */
export function judgeResult(code: string, v: ParsedValue, target: Target): Judgement {
  if (v.kind === 'empty') return { verdict: 'undetermined', why: msg.noResult(code) };
  if (v.kind === 'error') return { verdict: 'undetermined', why: msg.formulaError(code, v.code) };
  if (v.kind === 'date') return { verdict: 'undetermined', why: msg.dateResult(code, v) };
  if (v.kind === 'text' && isNotApplicableKey(matchKey(v.text)))
    return { verdict: 'undetermined', why: msg.notApplicable(code, v, target) };
  switch (target.kind) {
    case 'min-rate':
      return judgeRate(code, v, target);
    case 'min-count':
      return judgeCount(code, v, target);
    case 'yes':
      return judgeYes(code, v, target);
    case 'qualitative':
      return judgeQualitative(code, v, target);
  }
}

/** Does the sheet's own target say the same as the catalog's? (empty: nothing to compare) */
export function sheetTargetAgrees(sheet: ParsedValue, target: Target): boolean {
  if (sheet.kind === 'empty') return true;
  switch (target.kind) {
    case 'min-rate':
      return sheet.kind === 'rate' && Math.abs(sheet.value - target.value) <= RATE_EPSILON;
    case 'min-count':
      if (sheet.kind === 'number') return sheet.value === target.value;
      if (sheet.kind === 'yes') return target.value <= 1;
      return sheet.raw.trim() !== '' && samePhrase(sheet.raw, target.text);
    case 'yes':
      if (sheet.kind === 'yes') return true;
      if (sheet.kind === 'number') return sheet.value >= 1;
      return sheet.kind === 'text' && samePhrase(sheet.text, target.text);
    case 'qualitative': {
      if (sheet.kind !== 'text' && sheet.kind !== 'yes') return false;
      const text = sheet.kind === 'text' ? sheet.text : sheet.raw;
      return [target.text, ...target.accept].some((p) => samePhrase(text, p));
    }
  }
}

/** Same result at two levels? Rates within 0,05 percentage point; texts by matchKey. */
export function sameResult(a: ParsedValue, b: ParsedValue): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'rate':
      return Math.abs(a.value - (b as typeof a).value) <= APPRAISAL_RATE_TOLERANCE;
    case 'number':
      return a.value === (b as typeof a).value;
    case 'yes':
    case 'no':
    case 'empty':
      return true;
    case 'error':
      return a.code === (b as typeof a).code;
    case 'date':
      return a.iso === (b as typeof a).iso;
    case 'text':
      return matchKey(a.text) === matchKey((b as typeof a).text);
  }
}
