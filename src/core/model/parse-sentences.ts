/**
 * Value parsing: a whole typed text ("1.101/ 1567 hộ, đạt 70,26%", "Có", "Chưa có", an error
 * code, a rate inside a sentence) as a ParsedValue. Never throws.
 */
import { cleanText, foldText } from './text';
import type { ParseContext, ParsedValue } from './value-types';
import { isPercentUnit, parseVietnameseNumber, plainDigits } from './parse-numbers';
import { ERROR_CODES, type NumericReading, numericCandidate, readNumeric } from './parse-tokens';

/** percent → fraction without binary noise: 82.9 → 0.829 (not 0.8290000000000001). */
export function percentToFraction(percent: number): number {
  if (!Number.isFinite(percent)) return percent / 100;
  const f = Number(`${plainDigits(percent)}e-2`);
  return percent < 0 ? -f : f;
}

/** A bare number in a % row: > 1 (or < 0) is a percent, [0, 1] a fraction; always assumed. */
export function bareNumberAsRate(value: number, raw: string): ParsedValue {
  const fraction = value > 1 || value < 0 ? percentToFraction(value) : value;
  return { kind: 'rate', value: fraction, raw, assumedUnit: true };
}

function fromNumeric(r: NumericReading, raw: string, percentRow: boolean): ParsedValue {
  switch (r.shape) {
    case 'percent':
      return { kind: 'rate', value: percentToFraction(r.percent), raw };
    case 'ratio': {
      if (r.denominator === 0) return { kind: 'error', raw, code: '#DIV/0!' };
      const out: ParsedValue = {
        kind: 'rate',
        value: r.numerator / r.denominator,
        raw,
        numerator: r.numerator,
        denominator: r.denominator,
      };
      if (r.statedPercent !== undefined) out.stated = percentToFraction(r.statedPercent);
      return out;
    }
    case 'number':
      if (r.unit !== undefined) return { kind: 'number', value: r.value, raw, unit: r.unit };
      return percentRow ? bareNumberAsRate(r.value, raw) : { kind: 'number', value: r.value, raw };
  }
}

/** First word of the text, NFC lower-case, when followed by an end, space or punctuation. */
function firstWord(cleaned: string): string | null {
  const m = /^([\p{L}\p{M}]+)(?=$|[\s,.;:!?()…-])/u.exec(cleaned.toLowerCase());
  return m ? m[1] : null;
}

const YES_MARKS = new Set(['x', '✓', '✔', '☑', '✅']);

/** 'yes' / 'no' for Có / Không / Chưa and positive statements, else null. */
function readYesNo(cleaned: string): 'yes' | 'no' | null {
  const folded = foldText(cleaned);
  const bare = folded.replace(/[\s.!,;]+$/, '');
  if (YES_MARKS.has(bare) || bare === 'co') return 'yes';
  if (bare === 'khong' || bare === 'chua' || bare === 'khong co' || bare === 'chua co') return 'no';
  if (bare.startsWith('khong ap dung')) return null; // "not applicable" is not a "no"
  const w = firstWord(cleaned);
  if (w === 'có') return 'yes'; // "Có kênh Zalo, trang thông tin điện tử…" ("Cơ sở…" is not)
  if (w === 'đã' && /^da co\b/.test(folded)) return 'yes';
  if (w === 'không' || w === 'chưa') return 'no';
  return null;
}

function errorCode(cleaned: string): string | null {
  const up = cleaned.toUpperCase();
  return ERROR_CODES.includes(up) ? up : null;
}

/** Text that only holds placeholders ("-", "—", "...", "…") reads as empty. */
const EMPTY_PLACEHOLDER = /^[\s\-–—.…_]*$/;

export function safeString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  try {
    return String(v);
  } catch {
    return '';
  }
}

export function percentRowOf(ctx: ParseContext | undefined | null): boolean {
  return !!ctx && typeof ctx === 'object' && isPercentUnit(ctx.unit);
}

/**
 * A sentence ending with its rate, as in a report's body text pasted into the cell:
 * "Tổng số 1.567 hộ, trong đó 1.101 hộ thanh toán, đạt 70,26%", "… có 3.420/4551 người đạt
 * 75,15%." One ratio in the sentence (not a date such as 30/11/2023) is kept with the stated
 * rate, so that "2/3 trường …, đạt tỷ lệ 69%" is checked. Not when negated ("chưa đạt 50%").
 */
function sentenceRate(cleaned: string, raw: string): ParsedValue | null {
  const s = foldText(numericCandidate(cleaned));
  const m =
    /(^|[\s,;:(])(?:dat(?: duoc)?(?: ty le| ti le)?|ty le|ti le|bang|la|chiem)\s*:?\s*(\d[\d.,]*)\s*%$/.exec(
      s,
    );
  if (!m) return null;
  const before = s.slice(0, m.index + m[1].length);
  if (/(^|\s)(chua|khong)\s*$/.test(before)) return null;
  const percent = parseVietnameseNumber(m[2]);
  if (percent === null) return null;
  const stated = percentToFraction(percent);
  const ratios = [...before.matchAll(/(?<![\d/.,])(\d[\d.,]*)\s*\/\s*(\d[\d.,]*)(?![\d/])/g)];
  if (ratios.length === 1) {
    const numerator = parseVietnameseNumber(ratios[0][1]);
    const denominator = parseVietnameseNumber(ratios[0][2]);
    if (numerator !== null && denominator !== null && denominator > 0)
      return {
        kind: 'rate',
        value: numerator / denominator,
        raw,
        numerator,
        denominator,
        stated,
      };
  }
  return { kind: 'rate', value: stated, raw };
}

/** Read typed text: rates, ratios, numbers, counts, yes/no, errors, or other text. */
export function parseText(text: string, ctx?: ParseContext): ParsedValue {
  const raw = safeString(text);
  const cleaned = cleanText(raw);
  if (EMPTY_PLACEHOLDER.test(cleaned)) return { kind: 'empty', raw };
  const code = errorCode(cleaned);
  if (code) return { kind: 'error', raw, code };
  if (/\d/.test(cleaned)) {
    const reading = readNumeric(numericCandidate(cleaned));
    if (reading?.shape === 'ratio' && reading.statedPercent === undefined) {
      // "2/3 (69%)": the rate in the note is the stated rate, checked against the ratio
      const note = /\(\s*(\d[\d.,]*)\s*%\s*\)[\s.]*$/.exec(cleaned);
      const stated = note ? parseVietnameseNumber(note[1]) : null;
      if (stated !== null) reading.statedPercent = stated;
    }
    if (reading) return fromNumeric(reading, raw, percentRowOf(ctx));
    // "Có 1.101/1.567 hộ, đạt 70,26%": a rate after a leading "Có" / "Đã" is the rate
    // ("Có 14 điểm" stays a yes)
    const rest = /^(?:đã có|đã|có)\s+(?=\d)/iu.exec(cleaned);
    if (rest) {
      const r = readNumeric(numericCandidate(cleaned.slice(rest[0].length)));
      if (r && r.shape !== 'number') return fromNumeric(r, raw, percentRowOf(ctx));
    }
    const sentence = sentenceRate(cleaned, raw);
    if (sentence) return sentence;
  }
  const yn = readYesNo(cleaned);
  if (yn) return { kind: yn, raw };
  return { kind: 'text', raw, text: cleaned };
}
