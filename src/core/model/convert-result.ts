/**
 * A result typed as text turned into what a spreadsheet can compute with: "82,9%" → 0.829
 * shown "0.0%", "3.644/4.993" → the formula 3644/4993 shown "0.00%", "14 điểm" → 14 shown
 * `0 "điểm"`. The typed text is kept by the caller in a note ("Giá trị gốc: …").
 * Texts that are not numbers (Có, Đáp ứng…) are not converted.
 */
import type { Cell } from './grid';
import { cellText } from './grid';
import { num } from './formula';
import { percentFormatKind } from './parse-value';
import { cleanText } from './text';
import type { ParsedValue } from './value-types';

export type Conversion =
  | { kind: 'value'; value: number; numberFormat?: string }
  | { kind: 'formula'; formula: string; cached: number; numberFormat: string };

export const ORIGINAL_NOTE_PREFIX = 'Giá trị gốc: ';

/** "0%", "0.0%", "0.00%" */
export function percentFormat(decimals: number): string {
  const d = Math.max(0, Math.min(4, Math.trunc(decimals)));
  return d === 0 ? '0%' : `0.${'0'.repeat(d)}%`;
}

/** Decimals of the last "number %" in a typed text ("82,9%" → 1, "69%." → 0), else null. */
export function typedPercentDecimals(raw: string): number | null {
  const all = [...raw.matchAll(/\d+(?:[.,](\d+))?\s*%/g)];
  if (all.length === 0) return null;
  const last = all[all.length - 1];
  return last[1] ? last[1].length : 0;
}

/** Decimals needed to show a fraction as a percent exactly, at most 2 (0.7026 → 2). */
export function fractionPercentDecimals(f: number): number {
  for (let d = 0; d < 2; d++) {
    const scaled = f * 100 * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return d;
  }
  return 2;
}

function isPercentCell(cell: Cell | undefined): boolean {
  return percentFormatKind(cell?.numberFormat) !== null;
}

/** An Excel number format showing a count with its unit: 0 "điểm" (null when unsafe). */
function unitFormat(value: number, unit: string): string | undefined {
  const u = cleanText(unit);
  if (!u || /["\\]/.test(u)) return undefined;
  return `${Number.isInteger(value) ? '0' : 'General'} "${u}"`;
}

/**
 * What to write instead of `cell` so that it holds the number `parsed` describes, or null
 * when the cell already holds it (a number, a formula) or the value is not numeric.
 * `parsed` is the evaluator's reading of the cell (CriterionResult.parsed).
 */
export function convertTypedResult(
  cell: Cell | undefined,
  parsed: ParsedValue | undefined,
): Conversion | null {
  if (!cell || !parsed || cell.formula) return null;
  if (cell.kind === 'number' && typeof cell.value === 'number') {
    // A bare number in a % row ("72" or 0.72 without a percent format): show it as a percent.
    if (parsed.kind !== 'rate' || !parsed.assumedUnit || isPercentCell(cell)) return null;
    return {
      kind: 'value',
      value: parsed.value,
      numberFormat: percentFormat(fractionPercentDecimals(parsed.value)),
    };
  }
  if (cell.kind !== 'string') return null;
  // The reading must come from this cell alone (not text joined from continuation rows).
  if (cleanText(parsed.raw) !== cleanText(cellText(cell))) return null;
  switch (parsed.kind) {
    case 'rate': {
      if (parsed.numerator !== undefined && parsed.denominator !== undefined) {
        if (parsed.denominator === 0) return null;
        return {
          kind: 'formula',
          formula: `${num(parsed.numerator)}/${num(parsed.denominator)}`,
          cached: parsed.numerator / parsed.denominator,
          numberFormat: percentFormat(2),
        };
      }
      const decimals = typedPercentDecimals(parsed.raw) ?? fractionPercentDecimals(parsed.value);
      return { kind: 'value', value: parsed.value, numberFormat: percentFormat(decimals) };
    }
    case 'number': {
      const fmt = parsed.unit ? unitFormat(parsed.value, parsed.unit) : undefined;
      return fmt
        ? { kind: 'value', value: parsed.value, numberFormat: fmt }
        : { kind: 'value', value: parsed.value };
    }
    default:
      return null;
  }
}

/** The value a converted cell shows to formulas. */
export function convertedValue(c: Conversion): number {
  return c.kind === 'value' ? c.value : c.cached;
}

/** Note text keeping what was typed: the existing note, then "Giá trị gốc: …". */
export function originalNote(existing: string | undefined, typed: string): string {
  const line = `${ORIGINAL_NOTE_PREFIX}${typed}`;
  const prev = (existing ?? '').trim();
  return prev ? `${prev}\n${line}` : line;
}

/** True when a cell already carries the note `fill` leaves on a cell it changed. */
export function hasOriginalNote(cell: Cell | undefined): boolean {
  return !!cell?.note && cell.note.includes(ORIGINAL_NOTE_PREFIX.trim());
}
