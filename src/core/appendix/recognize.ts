/**
 * Recognise an appendix table (PHỤ LỤC 01/02/03) on any sheet, wherever it sits.
 *
 * 1. Header: the best-scoring row (column titles matched with `classifyHeader`) among the
 *    first non-empty rows; a two-row header (a merged "Kết quả" over "Tự đánh giá" /
 *    "Thẩm định") is combined with the row below. No header with a result column → null.
 * 2. Kind: from the result columns (commune → 01, commune + district → 02, province → 03);
 *    the title block above only decides what a bare "Kết quả" column is.
 * 3. Body: criterion rows (TT holds a code such as "1.10"), group rows ("1 Chính quyền số"),
 *    repeated headers (PDF paste) skipped and recorded, continuation rows (empty TT) merged
 *    into the criterion above; the table ends at a signature / summary block or a long gap.
 *
 * The catalog is used only for group names/aliases and known criterion codes.
 * Only rows that hold cells are visited (`view.rowIndices`), never 0..maxRow.
 */
import type { Catalog } from '../catalog/types';
import { type GridView } from '../model/grid';
import type { AppendixRecognition, TableLayout } from '../model/report-types';
import { readBody } from './recognize-body';
import { completeColumns, findHeader, findVerdictMarks } from './recognize-header';
import { decideKind, readTitleLevel } from './recognize-kind';
export { parseCriterionCode } from './recognize-body';

// ---------------------------------------------------------------- entry point

/**
 * Recognise a PHỤ LỤC 01/02/03 table on a sheet. Null (not an error) when the sheet has no
 * appendix header with a result column, or no criterion row under it.
 */
export function recognizeAppendix(view: GridView, catalog: Catalog): AppendixRecognition | null {
  const found = findHeader(view);
  if (!found) return null;
  const columns = completeColumns(found);
  if (columns.tt === undefined) return null;
  const kind = decideKind(columns, found.genericCols, readTitleLevel(view, found.rows[0]));
  if (!kind) return null;
  const marks = findVerdictMarks(view, found, columns);
  const header = marks ? marks.header : found;
  if (marks) columns.verdict = marks.met;
  const body = readBody(view, catalog, header, columns);
  if (body.rows.length === 0) return null;
  const layout: TableLayout = {
    headerRow: header.rows[0],
    headerRows: body.headerRows,
    columns,
    extraColumns: header.extraColumns,
    lastRow: body.lastRow,
  };
  if (marks) layout.verdictMarks = { met: marks.met, unmet: marks.unmet };
  return { kind, layout, rows: body.rows, groups: body.groups, strayRows: body.strayRows };
}
