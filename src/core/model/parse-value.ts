/**
 * Reading what officials type into the appendix cells: Vietnamese numbers ("4.993",
 * "82,9"), rates ("82,9%", "69%."), ratios ("1.101/ 1567 hộ, đạt 70,26%"), counts with a
 * unit ("14 điểm"), yes/no ("Có", "Chưa có") and free text. Never throws.
 */
import type { Cell } from './grid';
import { cleanText } from './text';
import type { ParseContext, ParsedValue } from './value-types';
import { formatDecimals, formatNumberVi, formatRateVi, percentFormatKind } from './parse-numbers';
import {
  bareNumberAsRate,
  parseText,
  percentRowOf,
  percentToFraction,
  safeString,
} from './parse-sentences';
export {
  formatNumberVi,
  formatRateVi,
  isPercentUnit,
  parseVietnameseNumber,
  percentFormatKind,
} from './parse-numbers';
export { parseText, percentToFraction } from './parse-sentences';

// ---------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoOfDateValue(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) {
    const d = new Date(EXCEL_EPOCH_MS + Math.round(v * 86400000));
    if (Number.isFinite(d.getTime())) return d.toISOString();
  }
  return safeString(v);
}

/** "2023-11-30…" → "30/11/2023"; anything else unchanged. */
function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function parseNumberCell(v: number, fmt: string | undefined, percentRow: boolean): ParsedValue {
  if (!Number.isFinite(v)) return { kind: 'error', raw: safeString(v), code: '#NUM!' };
  const decimals = formatDecimals(fmt);
  switch (percentFormatKind(fmt)) {
    case 'scaled':
      return { kind: 'rate', value: v, raw: formatRateVi(v, decimals ?? 2) };
    case 'literal':
      return {
        kind: 'rate',
        value: percentToFraction(v),
        raw: `${formatNumberVi(v, decimals ?? 2)}%`,
      };
    default: {
      const raw = decimals === null ? formatNumberVi(v) : formatNumberVi(v, decimals);
      return percentRow ? bareNumberAsRate(v, raw) : { kind: 'number', value: v, raw };
    }
  }
}

/**
 * Read a cell snapshot (formula cells by their cached value). Numeric cells: a percent
 * format ("0.0%") gives the fraction as shown; a literal-percent format ('0.0"%"') gives
 * value/100; otherwise a number, read as a rate with `assumedUnit` in a % row.
 * `raw` is the text as displayed, Vietnamese-formatted for numbers.
 */
export function parseCellValue(cell: Cell | undefined, ctx?: ParseContext): ParsedValue {
  if (!cell || typeof cell !== 'object') return { kind: 'empty', raw: '' };
  const v: unknown = cell.value;
  const fmt = typeof cell.numberFormat === 'string' ? cell.numberFormat : undefined;
  switch (cell.kind) {
    case 'error': {
      const code = cleanText(safeString(v)).toUpperCase();
      return { kind: 'error', raw: safeString(v), code: code || '#VALUE!' };
    }
    case 'date': {
      if (v === null || v === undefined || v === '') return { kind: 'empty', raw: '' };
      const iso = isoOfDateValue(v);
      return { kind: 'date', raw: viDate(iso), iso };
    }
    default:
      break;
  }
  if (typeof v === 'number') return parseNumberCell(v, fmt, percentRowOf(ctx));
  if (typeof v === 'boolean') return { kind: v ? 'yes' : 'no', raw: v ? 'TRUE' : 'FALSE' };
  if (v === null || v === undefined) return { kind: 'empty', raw: '' };
  return parseText(safeString(v), ctx);
}
