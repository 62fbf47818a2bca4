/**
 * Text normalisation for matching what officials type: case-, spacing- and
 * diacritics-insensitive, identical for NFC and NFD input, line breaks as spaces.
 */

/** Remove Vietnamese diacritics (NFC or NFD input), map đ→d, lower-case, collapse spaces. */
export function foldText(s: string): string {
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
  return foldText(s)
    .replace(/[^a-z0-9%.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
