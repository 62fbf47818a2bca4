/**
 * Column titles of scoring sheets: which title means which logical column. Matched on the
 * folded text (case, diacritics, punctuation ignored), whole cell or as a prefix; a figure in
 * brackets at the end ("Điểm tối đa (100)", "Điểm năm 2022 (83,125)") is the index's own
 * points in the layout that repeats the header for each index.
 */
import { memoByText } from '../model/memo';
import { matchKey } from '../model/text';
import type { ScoringColumn } from './types';

interface Phrase {
  column: ScoringColumn;
  key: string;
  prefix: boolean;
}

function phrases(column: ScoringColumn, list: string[], prefix: boolean): Phrase[] {
  return list.map((p) => ({ column, key: matchKey(p), prefix }));
}

/** Longest first, so "Kết quả tự chấm" is a score and "Đơn vị chủ trì" is not a unit. */
const PHRASES: Phrase[] = [
  ...phrases(
    'code',
    ['TT', 'STT', 'Số TT', 'Số thứ tự', 'Thứ tự', 'Mã', 'Mã số', 'Mã chỉ số'],
    false,
  ),
  ...phrases(
    'name',
    [
      'Chỉ số đánh giá',
      'Chỉ số thành phần',
      'Chỉ số',
      'Tên chỉ số',
      'Nội dung',
      'Nội dung đánh giá',
      'Tiêu chí',
      'Tiêu chí đánh giá',
      'Tên chỉ tiêu',
      'Tên tiêu chí',
      'Chỉ tiêu',
    ],
    true,
  ),
  ...phrases(
    'max',
    [
      'Điểm tối đa',
      'Điểm chuẩn',
      'Thang điểm',
      'Điểm tối đa của chỉ số',
      'Số điểm tối đa',
      'Tối đa',
    ],
    true,
  ),
  ...phrases(
    'score',
    [
      'Điểm tự chấm',
      'Điểm tự đánh giá',
      'Tự chấm điểm',
      'Tự chấm',
      'Điểm năm',
      'Điểm đạt được',
      'Điểm đạt',
      'Điểm số đạt được',
      'Điểm thực hiện',
      'Kết quả tự chấm',
      'Kết quả chấm điểm',
      'Số điểm tự chấm',
      'Số điểm đạt được',
      'Điểm đánh giá',
    ],
    true,
  ),
  ...phrases('explanation', ['Giải trình', 'Thuyết minh', 'Giải trình lý do'], true),
  ...phrases('lead', ['Đơn vị chủ trì', 'Cơ quan chủ trì', 'Chủ trì'], true),
  ...phrases('partner', ['Đơn vị phối hợp', 'Cơ quan phối hợp', 'Phối hợp'], true),
  ...phrases(
    'method',
    [
      'Phương pháp xác định và cách cho điểm',
      'Phương pháp xác định',
      'Phương pháp tính',
      'Phương pháp chấm điểm',
      'Cách cho điểm',
      'Cách tính điểm',
      'Cách chấm điểm',
    ],
    true,
  ),
  ...phrases(
    'result',
    ['Kết quả', 'Kết quả thực hiện', 'Kết quả đạt được', 'Số liệu', 'Số liệu thực tế', 'Giá trị'],
    true,
  ),
  ...phrases('note', ['Ghi chú'], true),
].sort((a, b) => b.key.length - a.key.length);

export interface ScoringHeader {
  column: ScoringColumn;
  /** The figure in brackets at the end of the title, as typed ("83,125"), if any */
  figure?: string;
}

/** The bracketed figure at the end of a title: "Điểm năm 2022 (83,125)" → "83,125". */
export function bracketFigure(text: string): string | undefined {
  const m = /\(\s*([^()]*?\d[^()]*?)\s*\)\s*[:.]?\s*$/.exec(text);
  return m ? m[1] : undefined;
}

/** The logical column a title names, or null. */
export const classifyScoringHeader: (text: string) => ScoringHeader | null =
  memoByText(classifyScoringHeaderText);

function classifyScoringHeaderText(text: string): ScoringHeader | null {
  const figure = bracketFigure(text);
  const bare = figure !== undefined ? text.slice(0, text.lastIndexOf('(')) : text;
  const key = matchKey(bare);
  if (!key) return null;
  for (const p of PHRASES) {
    if (key === p.key || (p.prefix && key.startsWith(`${p.key} `))) {
      const h: ScoringHeader = { column: p.column };
      if (figure !== undefined) h.figure = figure;
      return h;
    }
  }
  // "Chỉ số đánh giá / Chỉ số thành phần" and similar combined titles
  if (key.startsWith('chi so ')) return { column: 'name' };
  return null;
}

/** "Điểm" alone: a merged title over "Tối đa" | "Tự chấm" (two-row header). */
export function isPointsGroupTitle(text: string): boolean {
  const k = matchKey(text);
  return k === 'diem' || k === 'so diem' || k === 'diem so';
}
