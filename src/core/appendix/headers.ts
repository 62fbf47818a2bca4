/**
 * Header vocabulary of the appendices (PHỤ LỤC 01/02/03): which column titles mean which
 * logical column, plus the phrases that mark a title block above the table and the
 * signature block below it. Matching is on `matchKey` (case-, spacing-, punctuation- and
 * diacritics-insensitive, identical for NFC and NFD), on the WHOLE cell: a title either
 * equals a phrase or starts with a phrase that allows qualifiers ("Chỉ tiêu năm 2024").
 * The most specific (longest) phrase wins, so "Tên chỉ tiêu" is a name, not a target.
 */
import type { ColumnRole } from '../model/report-types';
import { memoByText } from '../model/memo';
import { matchKey } from '../model/text';
import { RESULT_ROLES, type ResultRole } from './roles';

export { RESULT_ROLES };

interface Synonym {
  role: ColumnRole;
  /** As officials write it; folded with `headerKey` at load. */
  phrase: string;
  /** Also matches a title that starts with the phrase followed by qualifiers. */
  prefix?: boolean;
}

/** Column titles seen in Hướng dẫn 2142/STTTT-CNTT, filled appendices and assignment tables. */
const SYNONYMS: readonly Synonym[] = [
  { role: 'tt', phrase: 'TT' },
  { role: 'tt', phrase: 'STT' },
  { role: 'tt', phrase: 'Số TT' },
  { role: 'tt', phrase: 'Số thứ tự' },
  { role: 'tt', phrase: 'Thứ tự' },
  { role: 'tt', phrase: 'Mã' },
  { role: 'tt', phrase: 'Mã chỉ tiêu' },
  { role: 'tt', phrase: 'Mã tiêu chí' },
  { role: 'tt', phrase: 'Mã số' },

  { role: 'name', phrase: 'Tên chỉ tiêu', prefix: true },
  { role: 'name', phrase: 'Tên tiêu chí', prefix: true },
  { role: 'name', phrase: 'Nội dung', prefix: true },
  { role: 'name', phrase: 'Chỉ tiêu, nội dung', prefix: true },
  { role: 'name', phrase: 'Chỉ tiêu/tiêu chí' },
  { role: 'name', phrase: 'Tiêu chí' },
  { role: 'name', phrase: 'Nội dung chỉ tiêu', prefix: true },
  { role: 'name', phrase: 'Nội dung tiêu chí', prefix: true },

  { role: 'unit', phrase: 'Đơn vị tính', prefix: true },
  { role: 'unit', phrase: 'ĐVT', prefix: true },
  { role: 'unit', phrase: 'Đơn vị' },
  { role: 'unit', phrase: 'Đơn vị đo' },
  { role: 'unit', phrase: 'ĐV tính' },

  { role: 'target', phrase: 'Chỉ tiêu', prefix: true },
  { role: 'target', phrase: 'Chi tiêu', prefix: true },
  { role: 'target', phrase: 'Mục tiêu', prefix: true },
  { role: 'target', phrase: 'Chỉ tiêu giao', prefix: true },
  { role: 'target', phrase: 'Chỉ tiêu được giao', prefix: true },
  { role: 'target', phrase: 'Kế hoạch', prefix: true },

  { role: 'verdict', phrase: 'Đánh giá', prefix: true },
  { role: 'verdict', phrase: 'Đạt/Không đạt', prefix: true },
  { role: 'verdict', phrase: 'Đạt hay không đạt' },
  { role: 'verdict', phrase: 'Xếp loại' },

  { role: 'evidence', phrase: 'Tài liệu minh chứng', prefix: true },
  { role: 'evidence', phrase: 'Tài liệu kiểm chứng', prefix: true },
  { role: 'evidence', phrase: 'Tài liệu chứng minh', prefix: true },
  { role: 'evidence', phrase: 'Minh chứng', prefix: true },
  { role: 'evidence', phrase: 'Hồ sơ minh chứng', prefix: true },
  { role: 'evidence', phrase: 'Hồ sơ chứng minh', prefix: true },
  { role: 'evidence', phrase: 'Đường dẫn minh chứng', prefix: true },
  { role: 'evidence', phrase: 'Link minh chứng', prefix: true },
  { role: 'evidence', phrase: 'File minh chứng', prefix: true },
  { role: 'evidence', phrase: 'Tệp minh chứng', prefix: true },

  { role: 'note', phrase: 'Ghi chú', prefix: true },

  // Sub-headers under a merged "Kết quả" (two-row header), also valid alone.
  { role: 'result-commune', phrase: 'Tự đánh giá', prefix: true },
  { role: 'result-commune', phrase: 'Xã tự đánh giá', prefix: true },
  { role: 'result-district', phrase: 'Thẩm định', prefix: true },
  { role: 'result-district', phrase: 'Huyện thẩm định', prefix: true },
  { role: 'result-province', phrase: 'Thẩm tra', prefix: true },
  { role: 'result-province', phrase: 'Tỉnh thẩm tra', prefix: true },
  { role: 'result-province', phrase: 'Sở thẩm tra', prefix: true },
];

/** A result title ("Kết quả …") names its level with one of these (checked in this order). */
const RESULT_HEADS: readonly string[] = ['Kết quả thực hiện', 'Kết quả đạt được', 'Kết quả'];
const LEVEL_HINTS: readonly { role: ResultRole; phrases: string[] }[] = [
  { role: 'result-province', phrases: ['thẩm tra'] },
  // the province named as the one who appraises wins over the verb: since 2025 (two tiers)
  // the province "thẩm định" the commune's result ("Kết quả thẩm định của Sở KH&CN")
  {
    role: 'result-province',
    phrases: [
      'cấp tỉnh',
      'UBND tỉnh',
      'Sở TTTT',
      'Sở TT&TT',
      'Sở TT và TT',
      'Sở Thông tin',
      'Sở KH&CN',
      'Sở KHCN',
      'Sở Khoa học',
      'của Sở',
      'của tỉnh',
    ],
  },
  { role: 'result-district', phrases: ['thẩm định'] },
  { role: 'result-commune', phrases: ['tự đánh giá'] },
  { role: 'result-district', phrases: ['cấp huyện', 'UBND huyện', 'huyện'] },
  { role: 'result-commune', phrases: ['cấp xã', 'UBND xã', 'UBND cấp xã', 'xã'] },
];
/** "Kết quả đánh giá" without a level hint is the verdict column. */
const VERDICT_RESULT_HEAD = 'Kết quả đánh giá';

/** A title naming the choice between the two verdicts ("… (Đạt/Không đạt)"). */
const VERDICT_CHOICE = /(^| )dat (khong|chua) dat( |$)/;
/** Beats every phrase a verdict title could start with ("Xã tự đánh giá …"). */
const VERDICT_CHOICE_SPECIFICITY = 1000;

/** Key for header matching: `matchKey` without dots ("TT." → "tt"). */
export const headerKey: (text: string) => string = memoByText((text) =>
  matchKey(text).replace(/\./g, ' ').replace(/\s+/g, ' ').trim(),
);

interface FoldedSynonym {
  role: ColumnRole;
  key: string;
  prefix: boolean;
}

const FOLDED: readonly FoldedSynonym[] = SYNONYMS.map((s) => ({
  role: s.role,
  key: headerKey(s.phrase),
  prefix: !!s.prefix,
}));
const FOLDED_HEADS = RESULT_HEADS.map(headerKey);
const FOLDED_HINTS = LEVEL_HINTS.map((h) => ({ role: h.role, keys: h.phrases.map(headerKey) }));
const FOLDED_VERDICT_HEAD = headerKey(VERDICT_RESULT_HEAD);
/** Titles about the appraisal that are not its result ("Người thẩm định", "Ý kiến thẩm tra"). */
const NOT_A_RESULT =
  /^(nguoi|can bo|cong chuc|ngay|thoi gian|don vi|co quan|ho so|tai lieu|ghi chu|y kien|nhan xet)( |$)/;
/** A title holding one of these verbs is that level's result when nothing else matches. */
const FOLDED_VERBS: readonly { role: ResultRole; key: string }[] = [
  { role: 'result-province', key: headerKey('thẩm tra') },
  { role: 'result-district', key: headerKey('thẩm định') },
  { role: 'result-commune', key: headerKey('tự đánh giá') },
];

export interface HeaderMatch {
  role: ColumnRole;
  /** 3 exact phrase, 2 result title with its level named, 1 prefix phrase or generic result */
  quality: number;
  /** Length of the matched phrase key (more specific wins on ties). */
  specificity: number;
  /**
   * A result title that does not say whose result it is ("Kết quả", "Kết quả thực hiện"):
   * read as the commune's unless the appendix title says otherwise.
   */
  generic?: boolean;
}

function containsWords(key: string, phrase: string): boolean {
  return ` ${key} `.includes(` ${phrase} `);
}

function classifyResult(key: string): HeaderMatch | null {
  const head = FOLDED_HEADS.find((h) => key === h || key.startsWith(h + ' '));
  if (!head) return null;
  const rest = key.slice(head.length).trim();
  for (const hint of FOLDED_HINTS) {
    const hit = hint.keys.find((k) => containsWords(rest, k));
    if (hit) return { role: hint.role, quality: 2, specificity: head.length + hit.length };
  }
  if (key === FOLDED_VERDICT_HEAD || key.startsWith(FOLDED_VERDICT_HEAD + ' '))
    return { role: 'verdict', quality: 2, specificity: FOLDED_VERDICT_HEAD.length };
  return { role: 'result-commune', quality: 1, specificity: head.length, generic: true };
}

/**
 * The logical column a header cell names, or null. Whole-cell matching: an exact phrase,
 * a result title ("Kết quả thẩm định của UBND cấp huyện"), a year ("Năm 2023" → target)
 * or a phrase that allows qualifiers; the most specific match wins.
 */
export const classifyHeader: (text: string) => HeaderMatch | null = memoByText(classifyHeaderText);

function classifyHeaderText(text: string): HeaderMatch | null {
  // the column's number written under its title in the same cell: "TT\n(1)", "Kết quả (5)"
  const key = headerKey(text.replace(/\s*\(\s*\d{1,2}\s*\)\s*$/, ''));
  if (!key || key.length > 120) return null;
  let best: HeaderMatch | null = null;
  const consider = (m: HeaderMatch | null) => {
    if (!m) return;
    if (
      !best ||
      m.quality > best.quality ||
      (m.quality === best.quality && m.specificity > best.specificity)
    )
      best = m;
  };
  for (const s of FOLDED) {
    if (key === s.key) consider({ role: s.role, quality: 3, specificity: s.key.length });
    else if (s.prefix && key.startsWith(s.key + ' '))
      consider({ role: s.role, quality: 1, specificity: s.key.length });
  }
  consider(classifyResult(key));
  // "Sở KH&CN thẩm tra", "UBND huyện thẩm định": the verb names the level (weakest match)
  if (!NOT_A_RESULT.test(key))
    for (const v of FOLDED_VERBS)
      if (containsWords(key, v.key)) consider({ role: v.role, quality: 1, specificity: 1 });
  // "Xã tự đánh giá (Đạt/Không đạt)", "Huyện đánh giá (Đạt/Chưa đạt)": a verdict, whoever's
  if (VERDICT_CHOICE.test(key))
    consider({ role: 'verdict', quality: 3, specificity: VERDICT_CHOICE_SPECIFICITY });
  if (/^nam \d{4}$/.test(key)) consider({ role: 'target', quality: 3, specificity: key.length });
  return best;
}

/** Weight of a role when scoring a candidate header row. */
export const ROLE_WEIGHT: Record<ColumnRole, number> = {
  tt: 2,
  name: 2,
  unit: 1,
  target: 1,
  'result-commune': 2,
  'result-district': 2,
  'result-province': 2,
  verdict: 1,
  evidence: 1,
  note: 0.5,
};

/**
 * First words of the block below an appendix: a row whose cell starts with one of these ends
 * the table. Signature-block phrases end it wherever they stand; the others (which a
 * criterion's evidence or note could start with) only in the TT or name column.
 */
const SIGNATURE_PHRASES: readonly string[] = [
  'Người lập biểu',
  'TM. Ủy ban nhân dân',
  'TM. UBND',
  'T/M Ủy ban nhân dân',
  'T/M UBND',
  'KT. Chủ tịch',
  'Chủ tịch',
  'Phó Chủ tịch',
  'Giám đốc',
  'Phó Giám đốc',
  'Nơi nhận',
  'Ký, ghi rõ họ tên',
  'Ký ghi rõ họ tên',
  'Cộng hòa xã hội chủ nghĩa Việt Nam',
  'Độc lập - Tự do - Hạnh phúc',
];
const SECTION_PHRASES: readonly string[] = [
  'Người lập',
  'Người tổng hợp',
  'Người thống kê',
  'Cán bộ tổng hợp',
  'Xác nhận',
  'Tổng số',
  'Tổng cộng',
  'Kết luận',
  'Phụ lục',
  'Mẫu',
  'Mẫu số',
  'Báo cáo',
];
const FOLDED_SIGNATURE = SIGNATURE_PHRASES.map(headerKey);
const FOLDED_SECTION = SECTION_PHRASES.map(headerKey);

const startsWithPhrase = (key: string, phrases: readonly string[]) =>
  phrases.some((p) => key === p || key.startsWith(p + ' '));

/**
 * Whether a cell's text opens the block under a table: 'anywhere' (signature, national
 * motto, "Nơi nhận", a date line "Hoàng Kim, ngày 15 tháng 12 năm 2023"), 'first-columns'
 * (a summary or a new section: only when written in the TT or name column), or null.
 */
export function tableEndKind(text: string): 'anywhere' | 'first-columns' | 'sentence' | null {
  const key = headerKey(text);
  if (!key) return null;
  const signature = FOLDED_SIGNATURE.find((p) => key === p || key.startsWith(p + ' '));
  if (signature !== undefined) {
    // "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN XÃ HOÀNG KIM", "Người lập biểu": a signature line;
    // "Chủ tịch UBND xã ký ban hành Kế hoạch…": a sentence (an evidence line, a closing note)
    const extraWords = key.slice(signature.length).trim().split(' ').filter(Boolean).length;
    const upper = text === text.toUpperCase();
    return extraWords <= SIGNATURE_QUALIFIER_WORDS || upper ? 'anywhere' : 'sentence';
  }
  if (/^([a-z ]{0,40} )?ngay( \d{1,2}| )* thang( \d{1,2}| )* nam\b/.test(key))
    // "Hoàng Kim, ngày 15 tháng 12 năm 2023" (place, date) vs "Quyết định ngày … tháng … năm …"
    return /^[^,]{0,40},\s*ngày\b/i.test(cleanLine(text)) || /^ngay\b/.test(key)
      ? 'anywhere'
      : 'sentence';
  if (startsWithPhrase(key, FOLDED_SECTION)) return 'first-columns';
  return null;
}

/** A signature line may name its office after the title ("TM. UBND XÃ HOÀNG KIM"). */
const SIGNATURE_QUALIFIER_WORDS = 3;

function cleanLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** True when a cell's text, written in the TT or name column, ends the table. */
export function isTableEndText(text: string): boolean {
  return tableEndKind(text) !== null;
}

/**
 * The appraisal level a title block names: "PHỤ LỤC 02" (strong), or the subtitle
 * "CHI TIẾT TỰ ĐÁNH GIÁ…" (1), "KẾT QUẢ THẨM ĐỊNH…" (2), "KẾT QUẢ THẨM TRA…" (3).
 * Null when the text says nothing about a level.
 */
export function titleLevel(text: string): { level: 1 | 2 | 3; strong: boolean } | null {
  const key = headerKey(text);
  const m = /\bphu luc (?:so )?0?([123])\b/.exec(key);
  if (m) return { level: Number(m[1]) as 1 | 2 | 3, strong: true };
  if (/\btham tra\b/.test(key)) return { level: 3, strong: false };
  if (/\btham dinh\b/.test(key)) return { level: 2, strong: false };
  if (/\btu danh gia\b/.test(key)) return { level: 1, strong: false };
  return null;
}
