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
import { makeFinding, sortFindings, type Finding, type RuleId } from '../model/findings';
import { cellText, toA1, type Cell, type GridView } from '../model/grid';
import { msg, RESULT_LABELS, showValue } from '../model/messages';
import { formatRateVi, parseText } from '../model/parse-value';
import type {
  AppendixRecognition,
  CriterionResult,
  CriterionRow,
  SheetSummary,
  Verdict,
} from '../model/report-types';
import { cleanText } from '../model/text';
import { kindOfResultRole, type ResultRole } from './roles';
import type { ParsedValue } from '../model/value-types';
import {
  type Judgement,
  RATE_EPSILON,
  judgeResult,
  sameResult,
  sheetTargetAgrees,
} from './evaluate-judging';
import { isMark, readMarks, readVerdict } from './evaluate-marks';
import { ratioDisagreement } from './evaluate-ratios';
import { readFor, roleAddress, withComputedResult } from './evaluate-reading';
import { computeVerdictFormula } from './stale-verdict';
export { verdictLabel, summaryLineVi } from '../model/messages';
export { judgeResult, samePhrase, sameResult, sheetTargetAgrees } from './evaluate-judging';
export { ratioDisagreement } from './evaluate-ratios';

export interface AppendixEvaluation {
  criteria: CriterionResult[];
  findings: Finding[];
  summary: SheetSummary;
}

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
    const verdictCell = marks ? undefined : row.cells.verdict;
    const computed = verdictCell?.formula
      ? computeVerdictFormula(
          verdictCell.formula,
          crit,
          resultAt,
          withComputedResult(c.view, row, roles.own).cells[roles.own],
        )
      : null;
    if (
      verdictCell?.formula &&
      computed !== null &&
      cleanText(computed) !== cleanText(cellText(verdictCell))
    )
      // a stale cache: what the cell shows is not what its formula computes, once, not a mismatch
      out.add(
        'stale-formula',
        at,
        msg.staleVerdictFormula(code, verdictCell.formula, cellText(verdictCell), computed),
        code,
      );
    else if (typed.kind === 'none' && result.kind !== 'empty')
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
        msg.missingEvidence(code, crit.evidence, crit.evidenceReferences),
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
