/**
 * The figure typed on a summary line ("25 người.", "95,2%", "23/25", a number cell formatted
 * as %), read as a fraction (rates) or a number (counts), with the decimals shown so that a
 * comparison allows for the official's rounding.
 */
import type { Cell } from '../model/grid';

export interface Figure {
  value: number;
  /** Decimals shown (of the percent for rates); undefined when exact (a plain number cell). */
  decimals?: number;
  text: string;
}

/** "4.993" → 4993, "82,9" → 82.9, "1.234,5" → 1234.5, "95.2" → 95.2 */
export function parseViNumber(s: string): number | null {
  const t = s.trim();
  if (!/^\d[\d.,]*$/.test(t)) return null;
  let norm: string;
  if (t.includes(',') && t.includes('.')) {
    norm =
      t.lastIndexOf(',') > t.lastIndexOf('.')
        ? t.replace(/\./g, '').replace(',', '.')
        : t.replace(/,/g, '');
  } else if (t.includes(',')) {
    norm =
      /^\d{1,3}(,\d{3})+$/.test(t) && t.split(',').length > 2
        ? t.replace(/,/g, '')
        : t.replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(t)) {
    norm = t.replace(/\./g, '');
  } else {
    norm = t;
  }
  const n = Number(norm);
  return Number.isFinite(n) ? n : null;
}

/** A percent as a fraction without binary noise (95.2 → 0.952). */
function pct(n: number): number {
  return Number((n / 100).toFixed(12));
}

function decimalsOf(numText: string): number {
  const m = /[.,](\d+)$/.exec(numText);
  if (!m) return 0;
  // "1.234" read as thousands: no decimals
  if (/^\d{1,3}(\.\d{3})+$/.test(numText)) return 0;
  return m[1].length;
}

/** Decimals a number format shows ("0.0%" → 1, "0%" → 0, "0.00" → 2); undefined for General. */
export function formatDecimals(fmt: string | undefined): number | undefined {
  if (!fmt || fmt === 'General') return undefined;
  const m = /0\.(0+)/.exec(fmt);
  return m ? m[1].length : 0;
}

/**
 * The figure in a piece of text after a label: for rates a percent ("95,2%"), a ratio
 * ("23/25") or a bare number (≤ 1 read as a fraction, else as a percent); for counts the first
 * number. Null when there is none.
 */
export function figureFromText(text: string, kind: 'rate' | 'count'): Figure | null {
  const t = text.normalize('NFC');
  if (kind === 'rate') {
    const m = /(\d[\d.,]*)\s*%/.exec(t);
    if (m) {
      const n = parseViNumber(m[1]);
      if (n !== null) return { value: pct(n), decimals: decimalsOf(m[1]), text: m[0] };
    }
    const ratio = /(\d[\d.]*)\s*\/\s*(\d[\d.]*)/.exec(t);
    if (ratio) {
      const a = parseViNumber(ratio[1]);
      const b = parseViNumber(ratio[2]);
      if (a !== null && b) return { value: a / b, text: ratio[0] };
    }
  }
  const num = /(\d[\d.,]*)/.exec(t);
  if (!num) return null;
  const n = parseViNumber(num[1].replace(/[.,]$/, ''));
  if (n === null) return null;
  const numText = num[1].replace(/[.,]$/, '');
  if (kind === 'count') return { value: n, decimals: 0, text: numText };
  return n <= 1
    ? { value: n, decimals: decimalsOf(numText) > 2 ? decimalsOf(numText) - 2 : 0, text: numText }
    : { value: pct(n), decimals: decimalsOf(numText), text: numText };
}

/** The figure held by a value cell (number, text or a formula's cached result). */
export function figureFromCell(cell: Cell | undefined, kind: 'rate' | 'count'): Figure | null {
  if (!cell || cell.value === null || cell.value === '') return null;
  if (typeof cell.value === 'number') {
    const fmt = cell.numberFormat;
    const isPct = !!fmt && fmt.includes('%');
    if (kind === 'count') return { value: cell.value, text: String(cell.value) };
    if (isPct)
      return { value: cell.value, decimals: formatDecimals(fmt), text: String(cell.value) };
    const v = cell.value <= 1 ? cell.value : pct(cell.value);
    return { value: v, decimals: formatDecimals(fmt), text: String(cell.value) };
  }
  if (typeof cell.value === 'string') return figureFromText(cell.value, kind);
  return null;
}

/** Tolerance for comparing a typed figure with a count: half a unit of the last decimal shown. */
export function tolerance(kind: 'rate' | 'count', decimals: number | undefined): number {
  if (kind === 'count') return 1e-9;
  if (decimals === undefined) return 0.0005;
  return (0.5 * Math.pow(10, -decimals)) / 100 + 1e-9;
}

/** 0.829 → "82,9%" (Vietnamese decimal comma). */
export function formatRate(fraction: number, decimals = 1): string {
  return `${(fraction * 100).toFixed(decimals).replace('.', ',')}%`;
}

/** 4993 → "4.993" */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
