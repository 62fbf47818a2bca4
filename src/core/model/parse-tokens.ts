/**
 * Value parsing: a typed text cut into tokens (numbers, percentages, slashes, words, symbols)
 * and the numeric reading of a candidate ("82,9%", "3.644/4.993", "14 điểm").
 */
import { foldText } from './text';
import { parseVietnameseNumber } from './parse-numbers';

// ---------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------

export const ERROR_CODES = [
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
export type NumericReading =
  | { shape: 'percent'; percent: number }
  | { shape: 'ratio'; numerator: number; denominator: number; statedPercent?: number }
  | { shape: 'number'; value: number; unit?: string };

/** Text made ready for numeric reading: LaTeX leftovers from PDF conversion removed,
 * a trailing note in parentheses dropped, trailing punctuation dropped. */
export function numericCandidate(cleaned: string): string {
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

export function readNumeric(candidate: string): NumericReading | null {
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
