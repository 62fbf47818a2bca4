/**
 * Evaluates a recognised appendix (PHỤ LỤC 01/02/03) against the catalog: one verdict per
 * catalog criterion and the findings of the appendix rules (see findings.ts). Target
 * semantics come from the catalog, never from what the sheet says the target is; the sheet's
 * own target is only compared with the catalog's (target-differs, ambiguous-unit).
 * All user-facing text is built in messages.ts.
 */
import type { Catalog, Criterion, Target } from '../catalog/types';
import { normalizeCode } from '../catalog/catalog';
import { ORIGINAL_NOTE_PREFIX } from '../model/convert-result';
import { evaluateArithmetic } from '../model/formula-eval';
import { makeFinding, sortFindings, type Finding, type RuleId } from '../model/findings';
import { cellText, toA1, type Cell, type GridView } from '../model/grid';
import { msg, RESULT_LABELS, showValue } from '../model/messages';
import { formatRateVi, parseCellValue, parseText } from '../model/parse-value';
import type {
  AppendixRecognition,
  ColumnRole,
  CriterionResult,
  CriterionRow,
  SheetSummary,
  Verdict,
} from '../model/report-types';
import { cleanText, matchKey } from '../model/text';
import { kindOfResultRole, type ResultRole } from './roles';
import type { ParsedValue } from '../model/value-types';

export { verdictLabel, summaryLineVi } from '../model/messages';
import { verdictLabel } from '../model/messages';

export interface AppendixEvaluation {
  criteria: CriterionResult[];
  findings: Finding[];
  summary: SheetSummary;
}

/** Tolerance for comparing a rate with its target. */
const RATE_EPSILON = 1e-9;
/** Two levels' rates closer than this (0,05 percentage point) are the same result. */
const APPRAISAL_RATE_TOLERANCE = 0.0005;

/** The result column this appendix judges, and the level below it (if any). */
export function resultRoles(rec: AppendixRecognition): { own: ResultRole; lower?: ResultRole } {
  switch (rec.kind) {
    case 'phu-luc-01':
      return { own: 'result-commune' };
    case 'phu-luc-02':
      return { own: 'result-district', lower: 'result-commune' };
    case 'phu-luc-03':
      return {
        own: 'result-province',
        lower:
          rec.layout.columns['result-district'] !== undefined
            ? 'result-district'
            : 'result-commune',
      };
  }
}

/** "kết quả thẩm định của UBND cấp huyện": the catalog level's result header, else a default. */
function resultLabel(catalog: Catalog, role: ResultRole): string {
  const header = catalog.levels.find((l) => l.sheetKind === kindOfResultRole(role))?.resultHeader;
  const text = header ? cleanText(header) : '';
  if (!text) return RESULT_LABELS[role];
  return text.charAt(0).toLowerCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Reading cells of a row

/** Reads a role of a row: the cell (numbers, formats, formulas kept) or the joined text. */
function readRole(row: CriterionRow, role: ColumnRole, unit: string | undefined): ParsedValue {
  const cell = row.cells[role];
  const text = row.texts[role] ?? '';
  const ctx = unit ? { unit } : {};
  if (cell && cell.kind !== 'string') return parseCellValue(cell, ctx);
  // A text cell continued on the next lines ("Đáp" + "ứng"): read the joined text.
  if (text.trim() !== '' && (!cell || cleanText(text) !== cleanText(cellText(cell))))
    return parseText(text, ctx);
  if (cell) return parseCellValue(cell, ctx);
  return { kind: 'empty', raw: '' };
}

/**
 * Reads a role for a criterion's target: a bare number against a rate target is read as a
 * percent (flagged assumedUnit), and a bare number the row's "%" unit turned into a rate is
 * read back as a number when the target is not a rate.
 */
function readFor(
  row: CriterionRow,
  role: ColumnRole,
  unit: string | undefined,
  target: Target,
): ParsedValue {
  const v = readRole(row, role, unit);
  if (target.kind === 'min-rate' && v.kind === 'number') {
    const r = readRole(row, role, '%');
    if (r.kind === 'rate') return { ...r, assumedUnit: true };
  } else if (target.kind !== 'min-rate' && v.kind === 'rate' && v.assumedUnit) {
    const r = readRole(row, role, undefined);
    if (r.kind === 'number') return r;
  }
  return v;
}

/** A blank cell counts 0 in arithmetic; a number its value; anything else cannot be used. */
function numberAt(view: GridView, r: number, col: number): number | null {
  const cell = view.raw(r, col);
  if (!cell) return 0;
  if (cell.kind === 'number' && typeof cell.value === 'number') return cell.value;
  if (cell.kind === 'empty') return cell.formula ? null : 0;
  return null;
}

/**
 * The row with its result computed when the file kept a formula without its value
 * ("=B40/B41", "=ROUND(3644/4993*100,2)"): what the spreadsheet shows once opened.
 */
function withComputedResult(view: GridView, row: CriterionRow, role: ColumnRole): CriterionRow {
  const cell = row.cells[role];
  if (!cell?.formula || cell.kind !== 'empty') return row;
  const value = evaluateArithmetic(cell.formula, (r, col) => numberAt(view, r, col));
  if (value === null) return row;
  return { ...row, cells: { ...row.cells, [role]: { ...cell, kind: 'number', value } } };
}

function roleAddress(rec: AppendixRecognition, row: CriterionRow, role: ColumnRole): string {
  const cell = row.cells[role];
  if (cell) return toA1(cell.row, cell.col);
  const col = rec.layout.columns[role] ?? rec.layout.columns.tt ?? 0;
  return toA1(row.row, col);
}

// ---------------------------------------------------------------------------------------------
// Target semantics

type Judgement =
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
function isVerdictMet(key: string): boolean {
  return /^(da )?(dat|hoan thanh)( yeu cau)?$/.test(key);
}

/** "Không đạt", "Chưa đạt (yêu cầu)", "Không", "Chưa hoàn thành". */
function isVerdictUnmet(key: string): boolean {
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

// ---------------------------------------------------------------------------------------------
// Ratio check ("3.420/4.551 = 57,15%")

function decimalsOf(percent: number): number {
  for (let d = 0; d <= 6; d++) {
    const scaled = percent * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
  }
  return 6;
}

/**
 * A stated rate agrees with numerator/denominator when it equals the quotient rounded or
 * truncated to the number of decimals typed ("2/3 = 66,67%" and "2/3 = 67%" agree, "69%" not).
 * Returns the expected text when it does not agree, else null.
 */
export function ratioDisagreement(
  numerator: number,
  denominator: number,
  stated: number,
): string | null {
  if (denominator === 0) return null;
  const statedPct = stated * 100;
  const exactPct = (numerator / denominator) * 100;
  const d = decimalsOf(statedPct);
  const f = 10 ** d;
  const rounded = Math.round(exactPct * f + 1e-9) / f;
  const truncated = Math.trunc(exactPct * f + 1e-9) / f;
  if (Math.abs(statedPct - rounded) < 1e-6 || Math.abs(statedPct - truncated) < 1e-6) return null;
  return formatRateVi(numerator / denominator, Math.max(d, 2));
}

// ---------------------------------------------------------------------------------------------
// Typed verdict ("Đạt", "Không đạt", "Chưa đạt", or a formula's cached result)

type TypedVerdict = (
  | { kind: 'none' }
  | { kind: 'pending' }
  | { kind: 'met' | 'unmet' | 'unknown'; text: string; bothMarks?: boolean }
) & {
  /** The cell to report on, when not the verdict column of the code row (mark columns). */
  at?: string;
};

/** A mark in a mark column ("x", "X", "✓", "v"…); "-", "0" and blanks are no mark. */
function isMark(text: string): boolean {
  const t = cleanText(text);
  return t !== '' && !/^[-–—.0]+$/.test(t);
}

/** The verdict of a row whose Đánh giá is split into "Đạt" | "Không đạt" mark columns. */
function readMarks(
  view: GridView,
  row: CriterionRow,
  marks: { met: number; unmet: number },
): TypedVerdict {
  const rows = [row.row, ...row.continuationRows];
  const markIn = (col: number) => {
    for (const r of rows) {
      const text = cellText(view.raw(r, col));
      if (isMark(text)) return { at: toA1(r, col), text: cleanText(text) };
    }
    return null;
  };
  const met = markIn(marks.met);
  const unmet = markIn(marks.unmet);
  if (met && unmet)
    return { kind: 'unknown', text: `${met.text} | ${unmet.text}`, bothMarks: true, at: met.at };
  if (met) return { kind: 'met', text: verdictLabel('met'), at: met.at };
  if (unmet) return { kind: 'unmet', text: verdictLabel('unmet'), at: unmet.at };
  // Verdict formulas (written by `fill`) that show no mark yet: not a missing verdict.
  if (view.raw(row.row, marks.met)?.formula || view.raw(row.row, marks.unmet)?.formula)
    return { kind: 'pending' };
  return { kind: 'none', at: toA1(row.row, marks.met) };
}

function readVerdict(row: CriterionRow): TypedVerdict {
  const cell: Cell | undefined = row.cells.verdict;
  const text = cleanText(row.texts.verdict ?? cellText(cell));
  if (text === '') return cell?.formula ? { kind: 'pending' } : { kind: 'none' };
  // "Đạt." / "Không đạt." — a full stop is not part of the verdict
  const key = matchKey(text).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  if (isVerdictMet(key)) return { kind: 'met', text };
  if (isVerdictUnmet(key)) return { kind: 'unmet', text };
  return { kind: 'unknown', text };
}

// ---------------------------------------------------------------------------------------------
// The evaluation

class Collector {
  readonly findings: Finding[] = [];
  constructor(private readonly sheet: string) {}
  add(rule: RuleId, cell: string, message: string, criterion?: string): void {
    this.findings.push(makeFinding(rule, this.sheet, cell, message, criterion));
  }
}

function resultValue(v: ParsedValue): CriterionResult['value'] {
  switch (v.kind) {
    case 'rate':
    case 'number':
      return v.value;
    case 'empty':
      return null;
    case 'error':
      return v.code;
    case 'date':
      return v.iso;
    case 'text':
      return cleanText(v.text);
    default:
      return cleanText(v.raw);
  }
}

function targetValue(t: Target): CriterionResult['target'] {
  return t.kind === 'min-rate' ? t.value : t.text;
}

interface RowContext {
  view: GridView;
  rec: AppendixRecognition;
  catalog: Catalog;
  out: Collector;
}

function evaluateRow(c: RowContext, row: CriterionRow, crit: Criterion): CriterionResult {
  const { rec, out } = c;
  const code = crit.code;
  const target = crit.target;
  const unit = cleanText(row.unit) || crit.unit;

  // The sheet's own target: only compared with the catalog's.
  if (rec.layout.columns.target !== undefined) {
    const sheetTarget = readFor(row, 'target', unit, target);
    const at = roleAddress(rec, row, 'target');
    if (sheetTarget.kind === 'rate' && sheetTarget.assumedUnit)
      out.add('ambiguous-unit', at, msg.ambiguousTarget(code, sheetTarget.raw, sheetTarget), code);
    if (!sheetTargetAgrees(sheetTarget, target))
      out.add('target-differs', at, msg.targetDiffers(code, sheetTarget, target), code);
  }

  // This level's result (and the level below, on an appraisal sheet).
  const roles = resultRoles(rec);
  const ownLabel = resultLabel(c.catalog, roles.own);
  const result = readFor(withComputedResult(c.view, row, roles.own), roles.own, unit, target);
  const resultAt = roleAddress(rec, row, roles.own);
  const lower =
    roles.lower && rec.layout.columns[roles.lower] !== undefined
      ? readFor(row, roles.lower, unit, target)
      : undefined;
  const lowerLabel = roles.lower ? resultLabel(c.catalog, roles.lower) : '';

  const ownFormula = row.cells[roles.own]?.formula;
  let judgement: Judgement;
  if (result.kind === 'empty' && ownFormula) {
    // a formula saved without its value: there is a result, it cannot be read
    judgement = { verdict: 'undetermined', why: msg.uncalculatedFormula(code, ownFormula) };
    out.add('unparseable-value', resultAt, judgement.why, code);
  } else if (result.kind === 'empty') {
    judgement = { verdict: 'undetermined', why: msg.noResult(code) };
    out.add(
      'missing-result',
      resultAt,
      lower && lower.kind !== 'empty'
        ? msg.missingResultWithLower(code, ownLabel, lowerLabel, showValue(lower))
        : msg.missingResult(code, ownLabel),
      code,
    );
  } else {
    judgement = judgeResult(code, result, target);
    if (judgement.verdict === 'undetermined')
      out.add('unparseable-value', resultAt, judgement.why, code);
    if (judgement.verdict === 'unmet')
      out.add('unmet-target', resultAt, msg.belowTarget(code, result, target), code);
    checkRate(out, code, result, resultAt);
    const typed = typedBeforeFill(row.cells[roles.own], unit);
    if (typed && !(result.kind === 'rate' && result.stated !== undefined))
      checkRatio(out, code, typed, resultAt);
    if (lower && lower.kind !== 'empty' && !sameResult(result, lower))
      out.add(
        'appraisal-differs',
        resultAt,
        msg.appraisalDiffers(code, capitalize(ownLabel), result, lowerLabel, lower),
        code,
      );
  }

  // The typed verdict.
  if (rec.layout.columns.verdict !== undefined) {
    const marks = rec.layout.verdictMarks;
    const typed = marks ? readMarks(c.view, row, marks) : readVerdict(row);
    const at = typed.at ?? roleAddress(rec, row, 'verdict');
    if (typed.kind === 'none' && result.kind !== 'empty')
      out.add('missing-verdict', at, msg.missingVerdict(code, judgement.verdict), code);
    else if (typed.kind === 'unknown')
      out.add(
        'unparseable-value',
        at,
        typed.bothMarks ? msg.bothMarks(code) : msg.unknownVerdict(code, typed.text),
        code,
      );
    else if (typed.kind === 'met' && judgement.verdict !== 'met') {
      const why =
        judgement.verdict === 'unmet'
          ? msg.belowTarget(code, result, target)
          : result.kind === 'empty'
            ? ownFormula
              ? judgement.why
              : msg.noResult(code)
            : msg.unreadableResult(code, result);
      out.add('verdict-mismatch', at, msg.verdictMismatch(why, typed.text), code);
    } else if (typed.kind === 'unmet' && judgement.verdict === 'met')
      out.add(
        'verdict-mismatch',
        at,
        msg.verdictMismatch(msg.reachesTarget(code, result, target), typed.text),
        code,
      );
  }

  // Evidence, only where the table has a Tài liệu minh chứng column (PHỤ LỤC 01).
  if (rec.layout.columns.evidence !== undefined && crit.evidenceRequired) {
    const hasEvidence =
      (row.texts.evidence ?? '').trim() !== '' ||
      cellText(row.cells.evidence).trim() !== '' ||
      !!row.cells.evidence?.hyperlink;
    if (!hasEvidence)
      out.add(
        'missing-evidence',
        roleAddress(rec, row, 'evidence'),
        msg.missingEvidence(code, crit.evidence),
        code,
      );
  }

  return {
    code,
    row: row.row + 1,
    verdict: judgement.verdict,
    value: resultValue(result),
    target: targetValue(target),
    parsed: result,
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** ratio-mismatch, value-out-of-range and ambiguous-unit on a result. */
function checkRate(out: Collector, code: string, v: ParsedValue, at: string): void {
  if (v.kind !== 'rate') return;
  if (v.assumedUnit) out.add('ambiguous-unit', at, msg.ambiguousResult(code, v.raw, v), code);
  if (v.value > 1 + RATE_EPSILON)
    out.add('value-out-of-range', at, msg.rateAbove100(code, v), code);
  else if (v.value < -RATE_EPSILON)
    out.add('value-out-of-range', at, msg.rateBelow0(code, v), code);
  checkRatio(out, code, v, at);
}

/** ratio-mismatch: "a/b = p%" where a/b is not p (beyond the typed decimals). */
function checkRatio(out: Collector, code: string, v: ParsedValue, at: string): void {
  if (v.kind !== 'rate') return;
  if (v.numerator !== undefined && v.denominator !== undefined && v.stated !== undefined) {
    const expected = ratioDisagreement(v.numerator, v.denominator, v.stated);
    if (expected !== null)
      out.add(
        'ratio-mismatch',
        at,
        msg.ratioMismatch(code, v.numerator, v.denominator, formatRateVi(v.stated), expected),
        code,
      );
  }
}

/**
 * What the official typed before `cds-check fill` turned it into a formula: the note line
 * "Giá trị gốc: 2/3 = 69%" on the result cell. Its stated rate is still checked.
 */
function typedBeforeFill(cell: Cell | undefined, unit: string): ParsedValue | null {
  if (!cell?.formula || !cell.note) return null;
  const line = cell.note.split(/\r?\n/).find((l) => l.startsWith(ORIGINAL_NOTE_PREFIX));
  return line ? parseText(line.slice(ORIGINAL_NOTE_PREFIX.length), { unit }) : null;
}

/** A verdict typed on a group row ("3 Xã hội số … Đạt"). */
function checkGroupRows(view: GridView, rec: AppendixRecognition, out: Collector): void {
  const col = rec.layout.columns.verdict;
  if (col === undefined) return;
  const marks = rec.layout.verdictMarks;
  const cols = marks ? [marks.met, marks.unmet] : [col];
  for (const g of rec.groups) {
    for (const c of cols) {
      // raw, not merged: a group name merged across the row must not read as a verdict
      const text = cleanText(cellText(view.raw(g.row, c)));
      if (text === '' || (marks && !isMark(text))) continue;
      out.add('group-row-verdict', toA1(g.row, c), msg.groupRowVerdict(g.code, g.name, text));
      break;
    }
  }
}

export function evaluateAppendix(
  sheetName: string,
  view: GridView,
  rec: AppendixRecognition,
  catalog: Catalog,
): AppendixEvaluation {
  const out = new Collector(sheetName);
  const known = new Set(catalog.criteria.map((c) => c.code));
  const ttCol = rec.layout.columns.tt ?? 0;

  // Rows by code: first occurrence wins; later ones are duplicates.
  const byCode = new Map<string, CriterionRow>();
  for (const row of rec.rows) {
    const code = normalizeCode(row.code);
    const at = toA1(row.row, ttCol);
    if (!known.has(code)) {
      out.add('unknown-criterion', at, msg.unknownCriterion(code), code);
      continue;
    }
    const first = byCode.get(code);
    if (first)
      out.add('duplicate-criterion', at, msg.duplicateCriterion(code, first.row + 1), code);
    else byCode.set(code, row);
  }

  checkGroupRows(view, rec, out);

  const ctx: RowContext = { view, rec, catalog, out };
  const headerAt =
    rec.layout.columns.tt !== undefined ? toA1(rec.layout.headerRow, rec.layout.columns.tt) : 'A1';
  const criteria: CriterionResult[] = catalog.criteria.map((crit) => {
    const row = byCode.get(crit.code);
    if (row) return evaluateRow(ctx, row, crit);
    out.add('missing-criterion', headerAt, msg.missingCriterion(crit.code, crit.name), crit.code);
    return {
      code: crit.code,
      row: 0,
      verdict: 'undetermined' as Verdict,
      value: null,
      target: targetValue(crit.target),
    };
  });

  const summary: SheetSummary = {
    criteria: criteria.length,
    met: criteria.filter((c) => c.verdict === 'met').length,
    unmet: criteria.filter((c) => c.verdict === 'unmet').length,
    undetermined: criteria.filter((c) => c.verdict === 'undetermined').length,
  };
  return { criteria, findings: sortFindings(out.findings), summary };
}
