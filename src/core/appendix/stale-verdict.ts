/**
 * A Đánh giá formula whose cached value is stale: the file was saved by a program that does not
 * recalculate (ExcelJS, a script), so the cell shows "Không đạt" (or nothing) while its formula,
 * over the result cell as it stands, computes "Đạt". Only formulas the core can compute are
 * checked: the verdict formulas `fill` writes (verdict-formula.ts) and a simple
 * IF(result op number, "…", "…") over the result cell; any other formula is left alone.
 */
import type { Criterion } from '../catalog/types';
import type { Cell } from '../model/grid';
import { simulateVerdict, verdictFormula, verdictRuleFor } from './verdict-formula';

/** A formula's text compared loosely: no "=", "$", spaces outside quotes; upper-case references. */
function formulaKey(f: string): string {
  return f
    .trim()
    .replace(/^=/, '')
    .split('"')
    .map((part, i) => (i % 2 === 0 ? part.replace(/[\s$]/g, '').toUpperCase() : part))
    .join('"')
    .replace(/;/g, ',');
}

const SIMPLE_IF =
  /^IF\(([A-Z]{1,3}\d{1,7})(>=|<=|<>|>|<|=)(-?\d+(?:\.\d+)?)(%?),"([^"]*)","([^"]*)"\)$/;

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '=':
      return a === b;
    default:
      return a !== b;
  }
}

/**
 * What the verdict formula `formula` computes for the result cell `resultRef` (A1) holding
 * `result`, or null when the core cannot compute this formula.
 */
export function computeVerdictFormula(
  formula: string,
  crit: Criterion,
  resultRef: string,
  result: Cell | undefined,
): string | null {
  const key = formulaKey(formula);
  const ref = resultRef.toUpperCase();
  const value = result && result.kind !== 'empty' ? result.value : null;
  if (result?.kind === 'error' || result?.kind === 'date') return null;
  if (result?.kind === 'empty' && result.formula) return null; // its own value is unknown
  for (const percentCell of [false, true]) {
    const rule = verdictRuleFor(crit, percentCell);
    if (formulaKey(verdictFormula(ref, rule)) === key) return simulateVerdict(value, rule);
  }
  const m = SIMPLE_IF.exec(key);
  if (m && m[1] === ref && typeof value === 'number') {
    const threshold = Number(m[3]) / (m[4] ? 100 : 1);
    return compare(value, m[2], threshold) ? m[5] : m[6];
  }
  return null;
}
