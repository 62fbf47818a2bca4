/**
 * Value parsing: numbers written the Vietnamese way ("4.993", "82,9"), printing them back,
 * percent units and number formats.
 */
import { matchKey } from './text';

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

const EDGE_SPACE = /^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g;

/**
 * A number written the Vietnamese way, or null. Accepted:
 * - "4993", "04" (plain digits);
 * - "4.993", "1.234.567" (dot + exactly 3 digits = thousands), "1.234,5";
 * - "82,9", "0,5" (comma = decimal);
 * - "12.5", "0.829", "0.5715" (dot not followed by exactly 3 digits, or after a lone 0 =
 *   English decimal);
 * - "1,234,567", "1,234.5" (unambiguous English grouping);
 * - surrounding spaces/NBSP and a leading sign (+, -, −).
 */
export function parseVietnameseNumber(text: string): number | null {
  if (typeof text !== 'string') return null;
  let s = text.replace(EDGE_SPACE, '');
  let sign = 1;
  if (/^[+\-\u2212]/.test(s)) {
    if (s[0] !== '+') sign = -1;
    s = s.slice(1);
  }
  const plain = toPlainDecimal(s);
  if (plain === null) return null;
  const n = Number(plain);
  if (!Number.isFinite(n)) return null;
  return sign * n === 0 ? 0 : sign * n;
}

/** Digits with separators → "1234.5" (JS syntax), or null when the shape is not a number. */
function toPlainDecimal(s: string): string | null {
  if (/^\d+$/.test(s)) return s;
  // Vietnamese grouping: 1.234 / 1.234.567 / 1.234,5
  let m = /^([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/.exec(s);
  if (m) return m[1].replace(/\./g, '') + (m[2] ? `.${m[2]}` : '');
  // Vietnamese decimal: 82,9 / 0,5 / 1234,5
  m = /^(\d+),(\d+)$/.exec(s);
  if (m) return `${m[1]}.${m[2]}`;
  // English decimal: 12.5 / 0.829 / 0.5715 (a dot + exactly 3 digits after a non-zero
  // integer part is a thousands separator, handled above)
  m = /^(\d+)\.(\d+)$/.exec(s);
  if (m && (m[2].length !== 3 || /^0+$/.test(m[1]))) return `${m[1]}.${m[2]}`;
  // English grouping: 1,234,567 / 1,234.5
  m = /^([1-9]\d{0,2}(?:,\d{3})+)\.(\d+)$/.exec(s);
  if (m) return `${m[1].replace(/,/g, '')}.${m[2]}`;
  m = /^([1-9]\d{0,2}(?:,\d{3}){2,})$/.exec(s);
  if (m) return m[1].replace(/,/g, '');
  return null;
}

/**
 * A finite number as a plain decimal string without exponent ("1e-7" → "0.0000001",
 * 1e21 → "1000000000000000000000"), shortest round-trip digits.
 */
export function plainDigits(n: number): string {
  const s = Math.abs(n).toString();
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1] + (m[2] ?? '');
  const exp = Number(m[3]);
  const pointAt = m[1].length + exp; // position of the decimal point within `digits`
  if (pointAt <= 0) return `0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return digits + '0'.repeat(pointAt - digits.length);
  return `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** Round half away from zero to `decimals` places, robust to binary noise (57.155 → 57.16). */
function roundTo(n: number, decimals: number): number {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return n;
  const abs = Math.abs(n);
  const precise = Number(abs.toPrecision(15));
  const scaled = Math.round(Number(`${plainDigits(precise)}e${decimals}`));
  // beyond double precision: nothing left to round, only binary noise to drop
  if (!Number.isSafeInteger(scaled)) return n < 0 ? -precise : precise;
  const back = Number(`${scaled}e-${decimals}`);
  const r = n < 0 ? -back : back;
  return r === 0 ? 0 : r;
}

function clampDecimals(d: unknown, fallback: number): number {
  if (typeof d !== 'number' || !Number.isFinite(d)) return fallback;
  return Math.min(20, Math.max(0, Math.trunc(d)));
}

/**
 * A number the Vietnamese way: dot thousands, comma decimal (4993 → "4.993",
 * 82.9 → "82,9", 1234.5 → "1.234,5"). `maxDecimals` rounds (trailing zeros dropped);
 * without it the shortest exact digits are used. Non-finite input → "".
 */
export function formatNumberVi(n: number, maxDecimals?: number): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '';
  const v = maxDecimals === undefined ? n : roundTo(n, clampDecimals(maxDecimals, 0));
  if (v === 0) return '0';
  const digits = plainDigits(v);
  const [intPart, fracPart = ''] = digits.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const frac = fracPart.replace(/0+$/, '');
  return `${v < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/**
 * A fraction as a Vietnamese percentage: 0.829 → "82,9%", 0.5715 → "57,15%", 1 → "100%".
 * Rounded to `decimals` places of percent (default 2), trailing zeros dropped.
 * Non-finite input → "".
 */
export function formatRateVi(fraction: number, decimals = 2): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '';
  const d = clampDecimals(decimals, 2);
  const pct = roundTo(fraction * 100, d);
  return `${formatNumberVi(pct)}%`;
}

// ---------------------------------------------------------------------------------------
// Units and number formats
// ---------------------------------------------------------------------------------------

/** True for a row unit meaning percent: "%", "(%)", "tỷ lệ %", "Tỉ lệ", "phần trăm". */
export function isPercentUnit(unit: string | undefined | null): boolean {
  if (typeof unit !== 'string') return false;
  const key = matchKey(unit);
  if (key.includes('%')) return true;
  return key === 'ty le' || key === 'ti le' || key === 'phan tram';
}

/** Excel number format with its quoted literals and escapes removed. */
function formatCode(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

/**
 * How an Excel number format shows a value as a percent:
 * 'scaled' ("0%", "0.0%": the value is the fraction), 'literal' ('0.0"%"', "0.0\%": the
 * value is the percent number), or null (no percent sign).
 */
export function percentFormatKind(fmt: string | undefined | null): 'scaled' | 'literal' | null {
  if (typeof fmt !== 'string' || !fmt.includes('%')) return null;
  return formatCode(fmt).includes('%') ? 'scaled' : 'literal';
}

/** Decimal places an Excel number format shows ("0.00%" → 2, "0%" → 0, General → null). */
export function formatDecimals(fmt: string | undefined): number | null {
  if (typeof fmt !== 'string' || fmt === '' || /general/i.test(fmt)) return null;
  const section = formatCode(fmt).split(';')[0];
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}
