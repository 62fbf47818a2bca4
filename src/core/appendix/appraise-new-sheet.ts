/**
 * Appraise: the next level's appendix as a new sheet in the official layout (lower level's
 * column by formula, own column prefilled and marked, Đánh giá formulas, summary block).
 */
import type { AppraisalLevel, Catalog, Criterion } from '../catalog/types';
import { type WorkbookSnapshot } from '../model/grid';
import type { WorkbookReport } from '../model/report-types';
import { buildAppendixSheet, TO_CHECK_FILL, TO_CHECK_NOTE, type RowContent } from './template';
import { newSheetName } from './appraise-names';
import {
  type Source,
  extraTitleLines,
  failure,
  lowerContent,
  ownContent,
  subItemNote,
} from './appraise-source';
import type { AppraisePlan } from './appraise';

export function planNewSheet(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
  level: AppraisalLevel,
  lower: AppraisalLevel,
  src: Source,
  wanted: string | undefined,
): AppraisePlan {
  const named = newSheetName(snapshot, report, level, wanted);
  if ('problem' in named) return failure(named.problem);
  const sheet = named.name;
  if (named.exists) {
    const msg = `Sheet "${sheet}" đã tồn tại — không tạo thêm bản thứ hai.`;
    return {
      ok: true,
      exists: true,
      description: msg,
      edits: [],
      notes: [msg],
      sourceSheet: src.rep.name,
      targetSheet: sheet,
    };
  }
  const missing: string[] = [];
  const rowContent = (crit: Criterion): RowContent => {
    const row = src.rows.get(crit.code);
    if (!row) {
      missing.push(crit.code);
      return {
        own: { kind: 'value', value: null },
        ownNote: TO_CHECK_NOTE,
        ownFill: TO_CHECK_FILL,
        note: `Không có trong sheet "${src.rep.name}"`,
      };
    }
    const note = subItemNote(src.view, src.rep.layout!, row, src.col);
    return {
      lower: lowerContent(src.view, src.rep.name, row, src.role, src.col),
      own: ownContent(row, src.role, src.results.get(crit.code)),
      ownNote: TO_CHECK_NOTE,
      ownFill: TO_CHECK_FILL,
      ...(note ? { note } : {}),
    };
  };
  const built = buildAppendixSheet(catalog, {
    sheet,
    after: src.rep.name,
    level,
    lower,
    extraTitleLines: extraTitleLines(src.view, src.rep.layout!.headerRow),
    rowContent,
  });
  const notes = [
    `Cột “${level.resultHeader}” được điền sẵn bằng kết quả của ${lower.label} (tô màu, ghi chú “${TO_CHECK_NOTE}”): hãy thẩm định và sửa từng ô.`,
  ];
  if (missing.length)
    notes.push(`Sheet "${src.rep.name}" thiếu ${missing.length} chỉ tiêu: ${missing.join(', ')}.`);
  return {
    ok: true,
    description: `Tạo sheet "${sheet}" (${level.appendixTitle}) từ "${src.rep.name}": ${catalog.criteria.length} chỉ tiêu`,
    edits: built.edits,
    notes,
    sourceSheet: src.rep.name,
    targetSheet: sheet,
  };
}
