/**
 * Recognition, step 2: which appendix (PHỤ LỤC 01/02/03) a table is, from its result
 * columns; the title block above decides only what a bare "Kết quả" column is.
 */
import { cellText, type GridView } from '../model/grid';
import { titleLevel } from './headers';
import type { AppendixRecognition } from '../model/report-types';
import { type Columns, lowerBound } from './recognize-header';

/** Non-empty rows above the header read for the title ("PHỤ LỤC 02"). */
const TITLE_SCAN_ROWS = 15;
// ---------------------------------------------------------------- kind

export function readTitleLevel(view: GridView, headerRow: number): 1 | 2 | 3 | null {
  const rows = view.rowIndices;
  let end = lowerBound(rows, headerRow);
  const start = Math.max(0, end - TITLE_SCAN_ROWS);
  let weak: 1 | 2 | 3 | null = null;
  for (; end > start; end--) {
    for (const c of view.rowCells(rows[end - 1])) {
      const t = titleLevel(cellText(c));
      if (t?.strong) return t.level;
      if (t && weak === null) weak = t.level;
    }
  }
  return weak;
}

export function decideKind(
  columns: Columns,
  genericCols: number[],
  level: 1 | 2 | 3 | null,
): AppendixRecognition['kind'] | null {
  const commune = columns['result-commune'];
  const district = columns['result-district'];
  const province = columns['result-province'];
  if (commune !== undefined && district === undefined && province === undefined) {
    // A bare "Kết quả": whose result it is comes from the title.
    if (genericCols.includes(commune) && level === 2) {
      delete columns['result-commune'];
      columns['result-district'] = commune;
      return 'phu-luc-02';
    }
    if (genericCols.includes(commune) && level === 3) {
      delete columns['result-commune'];
      columns['result-province'] = commune;
      return 'phu-luc-03';
    }
    return 'phu-luc-01';
  }
  if (province !== undefined) return 'phu-luc-03';
  if (district !== undefined) return 'phu-luc-02';
  return null;
}
