/**
 * Text normalisation for matching what officials type: case-, spacing- and
 * diacritics-insensitive, identical for NFC and NFD input, line breaks as spaces.
 */

/**
 * The same cell texts are folded many times while a sheet is recognised (every header
 * candidate, every row), and the same criterion names recur in every commune's file: folded
 * texts are remembered (short texts only, a bounded number, forgotten all at once when full).
 */
const CACHE_LIMIT = 20000;
const CACHED_LENGTH = 300;

function cached(cache: Map<string, string>, s: string, compute: (s: string) => string): string {
  if (s.length > CACHED_LENGTH) return compute(s);
  let out = cache.get(s);
  if (out === undefined) {
    out = compute(s);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(s, out);
  }
  return out;
}

const foldCache = new Map<string, string>();
const keyCache = new Map<string, string>();

/** Remove Vietnamese diacritics (NFC or NFD input), map đ→d, lower-case, collapse spaces. */
export function foldText(s: string): string {
  return cached(foldCache, s, foldUncached);
}

function foldUncached(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

/** Canonical NFC form with collapsed whitespace (keeps diacritics and case). */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

/**
 * A key for comparing headers and phrases: folded, punctuation removed
 * ("Đánh giá (Đạt/Không đạt)" → "danh gia dat khong dat").
 */
export function matchKey(s: string): string {
  return cached(keyCache, s, matchKeyUncached);
}

function matchKeyUncached(s: string): string {
  return foldText(s)
    .replace(/[^a-z0-9%.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
