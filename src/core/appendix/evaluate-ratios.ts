/**
 * Evaluation: a ratio typed with its rate ("3.420/4.551 = 57,15%") whose two halves disagree.
 */
import { formatRateVi } from '../model/parse-value';

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
