/**
 * Reading what officials type into the appendix cells: Vietnamese numbers ("4.993",
 * "82,9"), rates ("82,9%", "69%."), ratios ("1.101/ 1567 hộ, đạt 70,26%"), counts with a
 * unit ("14 điểm"), yes/no ("Có", "Chưa có") and free text. Never throws.
 */
import type { Cell } from './grid';
import { cleanText, foldText, matchKey } from './text';
import type { ParseContext, ParsedValue } from './value-types';

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
function plainDigits(n: number): string {
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
function formatDecimals(fmt: string | undefined): number | null {
  if (typeof fmt !== 'string' || fmt === '' || /general/i.test(fmt)) return null;
  const section = formatCode(fmt).split(';')[0];
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

// ---------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------

const ERROR_CODES = [
  '#DIV/0!',
  '#REF!',
  '#VALUE!',
  '#N/A',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#GETTING_DATA',
];

/** Words allowed before the number: "đạt 70,26%", "Tỷ lệ đạt 82,9%", "trên 90%", "Từ 50%". */
const PREFIX_WORDS = new Set([
  'dat',
  'ty',
  'ti',
  'le',
  'la',
  'bang',
  'khoang',
  'tren',
  'tu',
  'toi',
  'thieu',
  'it',
  'nhat',
  'ket',
  'qua',
  'chi',
  'tieu',
  'muc',
  'uoc',
  'gan',
  'hon',
]);
/** Words between a ratio and its stated rate: "1.101/ 1567 hộ, đạt tỷ lệ 70,26%". */
const STATED_WORDS = new Set([
  'dat',
  'ty',
  'ti',
  'le',
  'la',
  'bang',
  'khoang',
  'chiem',
  'tuong',
  'ung',
]);
/** Words allowed after a rate: "70% trở lên". */
const SUFFIX_WORDS = new Set(['tro', 'len']);
/** Symbols allowed before the number: "≥ 70%", "(82,9%)", "- 50%", "= 72,1%". */
const PREFIX_SYMBOLS = new Set([
  '(',
  '[',
  '*',
  '•',
  '-',
  '+',
  '–',
  '—',
  '≥',
  '>',
  '⩾',
  '=',
  '~',
  '≈',
  ':',
]);
const STATED_SYMBOLS = new Set(['=', ':', '≈', '~', ',', ';', '-', '–']);

type TokenType = 'num' | 'pct' | 'slash' | 'word' | 'sym';
interface Token {
  type: TokenType;
  text: string;
  /** folded text (words) */
  key: string;
  spaceBefore: boolean;
}

const TOKEN_RE =
  /(\s+)|((?:[+\-\u2212](?=\d))?\d(?:[\d.,]*\d)?)|(%)|(\/)|([\p{L}\p{M}]+)|([\s\S])/gu;

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let space = false;
  for (const m of s.matchAll(TOKEN_RE)) {
    if (m[1] !== undefined) {
      space = true;
      continue;
    }
    const text = m[0];
    const type: TokenType =
      m[2] !== undefined
        ? 'num'
        : m[3] !== undefined
          ? 'pct'
          : m[4] !== undefined
            ? 'slash'
            : m[5] !== undefined
              ? 'word'
              : 'sym';
    out.push({ type, text, key: type === 'word' ? foldText(text) : text, spaceBefore: space });
    space = false;
  }
  return out;
}

/** The parts of a numeric reading before the % row context is applied. */
type NumericReading =
  | { shape: 'percent'; percent: number }
  | { shape: 'ratio'; numerator: number; denominator: number; statedPercent?: number }
  | { shape: 'number'; value: number; unit?: string };

/** Text made ready for numeric reading: LaTeX leftovers from PDF conversion removed,
 * a trailing note in parentheses dropped, trailing punctuation dropped. */
function numericCandidate(cleaned: string): string {
  let s = cleaned
    .replace(/\\%/g, '%')
    .replace(/[$]/g, '')
    .replace(/\uff05/g, '%')
    .replace(/[\u2044\u2215\uff0f]/g, '/')
    .trim();
  const note = /^(.*\d.*?)\s*\([^()]*\)$/.exec(s);
  if (note && /\d/.test(note[1])) s = note[1];
  return s.replace(/[\s.,;:!?…)\]}]+$/, '');
}

function readNumeric(candidate: string): NumericReading | null {
  const t = tokenize(candidate);
  let i = 0;
  // prefix: whitelisted words and symbols
  while (i < t.length && t[i].type !== 'num') {
    const tok = t[i];
    if (tok.type === 'word' && PREFIX_WORDS.has(tok.key)) i++;
    else if (tok.type === 'sym' && PREFIX_SYMBOLS.has(tok.text)) i++;
    else return null;
  }
  if (i >= t.length) return null;
  const first = parseVietnameseNumber(t[i].text);
  if (first === null) return null;
  i++;
  if (i === t.length) return { shape: 'number', value: first };
  // "1.101 hộ/1.567 hộ", "17 DN/21 DN": the unit of a numerator before its slash
  if (t[i].type === 'word' && t[i].spaceBefore) {
    let j = i;
    while (j < t.length && t[j].type === 'word') j++;
    if (j < t.length && t[j].type === 'slash') i = j;
  }
  const next = t[i];

  if (next.type === 'pct') {
    i++;
    while (i < t.length && t[i].type === 'word' && SUFFIX_WORDS.has(t[i].key)) i++;
    if (i === t.length) return { shape: 'percent', percent: first };
    return percentWithTail(t, i) ? { shape: 'percent', percent: first } : null;
  }

  if (next.type === 'slash') {
    i++;
    if (i >= t.length || t[i].type !== 'num') return null;
    const denominator = parseVietnameseNumber(t[i].text);
    if (denominator === null || /^[+\-\u2212]/.test(t[i].text)) return null;
    i++;
    // unit words ("hộ", "người", "hồ sơ", "doanh nghiệp")
    while (i < t.length && t[i].type === 'word' && !STATED_WORDS.has(t[i].key)) i++;
    if (i === t.length) return { shape: 'ratio', numerator: first, denominator };
    // stated rate: [, ;] [đạt] [tỷ lệ] [= :] NUM %
    while (
      i < t.length &&
      ((t[i].type === 'word' && STATED_WORDS.has(t[i].key)) ||
        (t[i].type === 'sym' && STATED_SYMBOLS.has(t[i].text)))
    )
      i++;
    if (i + 2 !== t.length || t[i].type !== 'num' || t[i + 1].type !== 'pct') return null;
    const stated = parseVietnameseNumber(t[i].text);
    if (stated === null) return null;
    return { shape: 'ratio', numerator: first, denominator, statedPercent: stated };
  }

  if (next.type === 'word' && next.spaceBefore) {
    const words: string[] = [];
    while (i < t.length && t[i].type === 'word') words.push(t[i++].text);
    if (i !== t.length) return null;
    const unit = words.join(' ');
    if (foldText(unit) === 'phan tram') return { shape: 'percent', percent: first };
    return { shape: 'number', value: first, unit };
  }
  return null;
}

/** Words that turn what follows a percent into a negation ("50% chưa đạt"). */
const NEGATION_WORDS = new Set(['chua', 'khong']);
/** At most this many words may name what a percent counts ("100% hồ sơ", "82,9% - Đạt"). */
const MAX_TAIL_WORDS = 3;

/**
 * What may follow a percent: a short noun ("100% hồ sơ", "100% số CBCC") or the verdict
 * ("82,9% - Đạt"), never a negation; a longer phrase is a sentence, not a value.
 */
function percentWithTail(t: Token[], from: number): boolean {
  let words = 0;
  for (let i = from; i < t.length; i++) {
    const tok = t[i];
    if (tok.type === 'word') {
      if (NEGATION_WORDS.has(tok.key) || ++words > MAX_TAIL_WORDS) return false;
    } else if (!(tok.type === 'sym' && STATED_SYMBOLS.has(tok.text))) return false;
  }
  return words > 0;
}

/** percent → fraction without binary noise: 82.9 → 0.829 (not 0.8290000000000001). */
export function percentToFraction(percent: number): number {
  if (!Number.isFinite(percent)) return percent / 100;
  const f = Number(`${plainDigits(percent)}e-2`);
  return percent < 0 ? -f : f;
}

/** A bare number in a % row: > 1 (or < 0) is a percent, [0, 1] a fraction; always assumed. */
function bareNumberAsRate(value: number, raw: string): ParsedValue {
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

function safeString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  try {
    return String(v);
  } catch {
    return '';
  }
}

function percentRowOf(ctx: ParseContext | undefined | null): boolean {
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
