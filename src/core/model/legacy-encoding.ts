/**
 * Vietnamese text typed in the pre-Unicode encodings still found in commune files:
 *
 *  - TCVN3 (ABC, TCVN 5712:1993 VN3), fonts ".VnTime", ".VnArial"…: one byte per letter, the
 *    toned lower-case letters at 0xA8–0xFE and Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7. The capitals fonts
 *    (".VnTimeH", ".VnArialH"…) draw the same codes as capitals: a cell in such a font reads
 *    in upper case.
 *  - VNI (VNI-Windows), fonts "VNI-Times", "VNI-Helve"…: a base letter followed by a mark
 *    byte ("Vieät" = Việt), a few letters (ơ ư đ, the toned i, ỵ) in one byte.
 *
 * A spreadsheet stores such a byte as the Windows-1252 character of the same code (0xD6 → "Ö"),
 * so both tables below map characters U+00A1–U+00FF (identical in Windows-1252 and Latin-1).
 * Tables from the published TCVN3 and VNI charts (the ones Unikey and VietKey convert with).
 * Output is Unicode NFC.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 code → Unicode letter (lower case; capitals only for Ă Â Ê Ô Ơ Ư Đ). */
const TCVN3: ReadonlyArray<[number, string]> = [
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xa8, 'ă'],
  [0xa9, 'â'],
  [0xaa, 'ê'],
  [0xab, 'ô'],
  [0xac, 'ơ'],
  [0xad, 'ư'],
  [0xae, 'đ'],
  [0xb5, 'à'],
  [0xb6, 'ả'],
  [0xb7, 'ã'],
  [0xb8, 'á'],
  [0xb9, 'ạ'],
  [0xbb, 'ằ'],
  [0xbc, 'ẳ'],
  [0xbd, 'ẵ'],
  [0xbe, 'ắ'],
  [0xc6, 'ặ'],
  [0xc7, 'ầ'],
  [0xc8, 'ẩ'],
  [0xc9, 'ẫ'],
  [0xca, 'ấ'],
  [0xcb, 'ậ'],
  [0xcc, 'è'],
  [0xce, 'ẻ'],
  [0xcf, 'ẽ'],
  [0xd0, 'é'],
  [0xd1, 'ẹ'],
  [0xd2, 'ề'],
  [0xd3, 'ể'],
  [0xd4, 'ễ'],
  [0xd5, 'ế'],
  [0xd6, 'ệ'],
  [0xd7, 'ì'],
  [0xd8, 'ỉ'],
  [0xdc, 'ĩ'],
  [0xdd, 'í'],
  [0xde, 'ị'],
  [0xdf, 'ò'],
  [0xe1, 'ỏ'],
  [0xe2, 'õ'],
  [0xe3, 'ó'],
  [0xe4, 'ọ'],
  [0xe5, 'ồ'],
  [0xe6, 'ổ'],
  [0xe7, 'ỗ'],
  [0xe8, 'ố'],
  [0xe9, 'ộ'],
  [0xea, 'ờ'],
  [0xeb, 'ở'],
  [0xec, 'ỡ'],
  [0xed, 'ớ'],
  [0xee, 'ợ'],
  [0xef, 'ù'],
  [0xf1, 'ủ'],
  [0xf2, 'ũ'],
  [0xf3, 'ú'],
  [0xf4, 'ụ'],
  [0xf5, 'ừ'],
  [0xf6, 'ử'],
  [0xf7, 'ữ'],
  [0xf8, 'ứ'],
  [0xf9, 'ự'],
  [0xfa, 'ỳ'],
  [0xfb, 'ỷ'],
  [0xfc, 'ỹ'],
  [0xfd, 'ý'],
  [0xfe, 'ỵ'],
];

/**
 * VNI: letters written as one character (lower and upper case), and the mark characters that
 * follow a base vowel. Lower-case marks go with lower-case bases, upper-case with upper.
 */
const VNI_SINGLE: ReadonlyArray<[string, string]> = [
  ['ì', 'ì'],
  ['æ', 'ỉ'],
  ['ó', 'ĩ'],
  ['í', 'í'],
  ['ò', 'ị'],
  ['Ì', 'Ì'],
  ['Æ', 'Ỉ'],
  ['Ó', 'Ĩ'],
  ['Í', 'Í'],
  ['Ò', 'Ị'],
  ['ô', 'ơ'],
  ['Ô', 'Ơ'],
  ['ö', 'ư'],
  ['Ö', 'Ư'],
  ['ñ', 'đ'],
  ['Ñ', 'Đ'],
  ['î', 'ỵ'],
  ['Î', 'Ỵ'],
];

/** Tone marks (lower-case mark character): grave, hook, tilde, acute, dot below. */
const VNI_TONES: ReadonlyArray<[string, string]> = [
  ['ø', '\u0300'],
  ['û', '\u0309'],
  ['õ', '\u0303'],
  ['ù', '\u0301'],
  ['ï', '\u0323'],
];
/** After "a": circumflex with its tones, breve with its tones. */
const VNI_A_HAT: ReadonlyArray<[string, string]> = [
  ['â', '\u0302'],
  ['à', '\u0302\u0300'],
  ['å', '\u0302\u0309'],
  ['ã', '\u0302\u0303'],
  ['á', '\u0302\u0301'],
  ['ä', '\u0302\u0323'],
  ['ê', '\u0306'],
  ['è', '\u0306\u0300'],
  ['ú', '\u0306\u0309'],
  ['ü', '\u0306\u0303'],
  ['é', '\u0306\u0301'],
  ['ë', '\u0306\u0323'],
];
/** After "e" and "o": circumflex with its tones. */
const VNI_HAT: ReadonlyArray<[string, string]> = VNI_A_HAT.slice(0, 6);

/** Which mark characters may follow which base (lower case). */
const VNI_MARKS: Record<string, ReadonlyArray<[string, string]>> = {
  a: [...VNI_TONES, ...VNI_A_HAT],
  e: [...VNI_TONES, ...VNI_HAT],
  o: [...VNI_TONES, ...VNI_HAT],
  u: VNI_TONES,
  y: VNI_TONES.filter(([m]) => m !== 'ï'), // ỵ is one character, "î"
  ô: VNI_TONES, // ơ
  ö: VNI_TONES, // ư
};

const tcvn3Decode = new Map<string, string>(
  TCVN3.map(([code, letter]) => [String.fromCharCode(code), letter]),
);
const tcvn3Encode = new Map<string, string>(
  TCVN3.map(([code, letter]) => [letter, String.fromCharCode(code)]),
);

/** "ố" ← "o" + "á" etc. Keys are base+mark in both cases. */
const vniPairs = new Map<string, string>();
for (const [base, marks] of Object.entries(VNI_MARKS)) {
  const unicodeBase = base === 'ô' ? 'ơ' : base === 'ö' ? 'ư' : base;
  for (const [mark, combining] of marks) {
    const lower = (unicodeBase + combining).normalize('NFC');
    vniPairs.set(base + mark, lower);
    vniPairs.set(base.toUpperCase() + mark.toUpperCase(), lower.toUpperCase());
  }
}
const vniSingle = new Map<string, string>(VNI_SINGLE);
const vniEncodePair = new Map<string, string>([...vniPairs].map(([k, v]) => [v, k]));
const vniEncodeSingle = new Map<string, string>(VNI_SINGLE.map(([k, v]) => [v, k]));

/** TCVN3 text (as Windows-1252 characters) → Unicode NFC; `capitals` for the ".VnTimeH" fonts. */
export function decodeTcvn3(text: string, capitals = false): string {
  let out = '';
  for (const ch of text) out += tcvn3Decode.get(ch) ?? ch;
  out = out.normalize('NFC');
  return capitals ? out.toLocaleUpperCase('vi') : out;
}

/** VNI text (as Windows-1252 characters) → Unicode NFC. */
export function decodeVni(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const pair = i + 1 < chars.length ? vniPairs.get(chars[i] + chars[i + 1]) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    out += vniSingle.get(chars[i]) ?? chars[i];
  }
  return out.normalize('NFC');
}

export function decodeLegacy(text: string, encoding: LegacyEncoding, capitals = false): string {
  return encoding === 'tcvn3' ? decodeTcvn3(text, capitals) : decodeVni(text);
}

/**
 * Unicode → TCVN3 (the inverse of `decodeTcvn3` without capitals). Capitals other than
 * Ă Â Ê Ô Ơ Ư Đ have no TCVN3 code: they are written as their lower-case code, as a
 * ".VnTimeH" font shows them. Used to build test workbooks.
 */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const own = tcvn3Encode.get(ch);
    if (own !== undefined) out += own;
    else {
      const lower = ch.toLocaleLowerCase('vi');
      out += lower !== ch && tcvn3Encode.has(lower) ? tcvn3Encode.get(lower)! : ch;
    }
  }
  return out;
}

/** Unicode → VNI (the inverse of `decodeVni`). Used to build test workbooks. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC'))
    out += vniEncodePair.get(ch) ?? vniEncodeSingle.get(ch) ?? ch;
  return out;
}

// ---------------------------------------------------------------------------------------
// Detection

/** The encoding a cell font implies: ".VnTime"/".VnTimeH" → TCVN3, "VNI-Times" → VNI. */
export function encodingOfFont(
  font: string | undefined,
): { encoding: LegacyEncoding; capitals: boolean } | undefined {
  if (!font) return undefined;
  const name = font.trim();
  if (/^\.?vn/i.test(name) && !/^vni/i.test(name))
    // the capitals fonts end in "H" (".VnTimeH", ".VnArial NarrowH", ".VnBook-AntiquaH")
    return name.startsWith('.') ? { encoding: 'tcvn3', capitals: /H$/.test(name) } : undefined;
  if (/^vni[-\s]/i.test(name)) return { encoding: 'vni', capitals: false };
  return undefined;
}

/**
 * Letters only Unicode Vietnamese has (Ă Đ Ĩ Ũ Ơ Ư and the U+1EA0–U+1EF9 block): text holding
 * one of them is Unicode, never converted.
 */
const UNICODE_ONLY = /[ĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9]/;
/** Latin-1 characters that are not Vietnamese letters (Unicode text never has them in a word). */
const FOREIGN =
  /[\u00A1-\u00BF\u00C4-\u00C7\u00CB\u00CE-\u00D1\u00D6-\u00D8\u00DB-\u00DC\u00DE-\u00DF\u00E4-\u00E7\u00EB\u00EE-\u00F1\u00F6-\u00F8\u00FB-\u00FC\u00FE-\u00FF]/;

/** How Vietnamese a text reads: letters with diacritics count, stray Latin-1 symbols cost. */
function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.split(/[^\p{L}\u00A1-\u00BF\u00D7\u00F7]+/u)) {
    if (word === '') continue;
    if (FOREIGN.test(word)) score -= 2;
    else if (UNICODE_ONLY.test(word) || /[\u00C0-\u00FF]/.test(word))
      score += plausibleSyllable(word) ? 1 : -1;
  }
  return score;
}

/**
 * Onset, vowel nucleus and coda of a Vietnamese syllable (diacritics removed): nuclei that
 * end in a glide (ai, ao, eo, ươi…) take no final consonant.
 */
const SYLLABLE = new RegExp(
  '^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?' +
    '(((uye|ie|uo|ye|oa|oe|ue|uy|ua|oo|[aeiouy])(ng|nh|ch|[cmnpt])?)' +
    '|(ieu|uoi|uou|yeu|oai|oay|uai|uay|uyu|uya|oeo|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu))$',
  'i',
);

/** One tone mark at most, lower / Title / UPPER case, and the shape of a syllable. */
function plausibleSyllable(word: string): boolean {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0;
  if (tones > 1) return false;
  const rest = word.slice(1);
  if (rest !== rest.toLowerCase() && rest !== rest.toUpperCase()) return false;
  if (word.charAt(0) === word.charAt(0).toLowerCase() && rest !== rest.toLowerCase()) return false;
  const base = decomposed.replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd');
  return SYLLABLE.test(base);
}

/**
 * The legacy encoding a text (of unknown font) was typed in, or undefined when it reads as
 * Unicode or plain ASCII. Decides only on evidence: a stray Latin-1 symbol inside a word
 * ("ViÖt", "Vieät") that decodes into plausible Vietnamese syllables.
 */
export function detectLegacyText(text: string): LegacyEncoding | undefined {
  if (UNICODE_ONLY.test(text) || !FOREIGN.test(text)) return undefined;
  const asIs = vietnameseScore(text);
  const tcvn3 = vietnameseScore(decodeTcvn3(text));
  const vni = vietnameseScore(decodeVni(text));
  const best = Math.max(tcvn3, vni);
  if (best <= asIs || best <= 0) return undefined;
  return tcvn3 >= vni ? 'tcvn3' : 'vni';
}
