/**
 * Evaluation: reading a criterion row's cells (the result of a level, computed from a formula
 * whose cached value is missing, the value as typed before `fill` converted it).
 */
import type { Target } from '../catalog/types';
import { evaluateArithmetic } from '../model/formula-eval';
import { cellText, toA1, type GridView } from '../model/grid';
import { parseCellValue, parseText } from '../model/parse-value';
import type { AppendixRecognition, ColumnRole, CriterionRow } from '../model/report-types';
import { cleanText } from '../model/text';
import type { ParsedValue } from '../model/value-types';

// ---------------------------------------------------------------------------------------------
// Reading cells of a row

/** Reads a role of a row: the cell (numbers, formats, formulas kept) or the joined text. */
function readRole(row: CriterionRow, role: ColumnRole, unit: string | undefined): ParsedValue {
  const cell = row.cells[role];
  const text = row.texts[role] ?? '';
  const ctx = unit ? { unit } : {};
  if (cell && cell.kind !== 'string') return parseCellValue(cell, ctx);
  // A text cell continued on the next lines ("Đáp" + "ứng"): read the joined text.
  if (text.trim() !== '' && (!cell || cleanText(text) !== cleanText(cellText(cell))))
    return parseText(text, ctx);
  if (cell) return parseCellValue(cell, ctx);
  return { kind: 'empty', raw: '' };
}

/**
 * Reads a role for a criterion's target: a bare number against a rate target is read as a
 * percent (flagged assumedUnit), and a bare number the row's "%" unit turned into a rate is
 * read back as a number when the target is not a rate.
 */
export function readFor(
  row: CriterionRow,
  role: ColumnRole,
  unit: string | undefined,
  target: Target,
): ParsedValue {
  const v = readRole(row, role, unit);
  if (target.kind === 'min-rate' && v.kind === 'number') {
    const r = readRole(row, role, '%');
    if (r.kind === 'rate') return { ...r, assumedUnit: true };
  } else if (target.kind !== 'min-rate' && v.kind === 'rate' && v.assumedUnit) {
    const r = readRole(row, role, undefined);
    if (r.kind === 'number') return r;
  }
  return v;
}

/** A blank cell counts 0 in arithmetic; a number its value; anything else cannot be used. */
function numberAt(view: GridView, r: number, col: number): number | null {
  const cell = view.raw(r, col);
  if (!cell) return 0;
  if (cell.kind === 'number' && typeof cell.value === 'number') return cell.value;
  if (cell.kind === 'empty') return cell.formula ? null : 0;
  return null;
}

/**
 * The row with its result computed when the file kept a formula without its value
 * ("=B40/B41", "=ROUND(3644/4993*100,2)"): what the spreadsheet shows once opened.
 */
export function withComputedResult(
  view: GridView,
  row: CriterionRow,
  role: ColumnRole,
): CriterionRow {
  const cell = row.cells[role];
  if (!cell?.formula || cell.kind !== 'empty') return row;
  const value = evaluateArithmetic(cell.formula, (r, col) => numberAt(view, r, col));
  if (value === null) return row;
  return { ...row, cells: { ...row.cells, [role]: { ...cell, kind: 'number', value } } };
}

export function roleAddress(rec: AppendixRecognition, row: CriterionRow, role: ColumnRole): string {
  const cell = row.cells[role];
  if (cell) return toA1(cell.row, cell.col);
  const col = rec.layout.columns[role] ?? rec.layout.columns.tt ?? 0;
  return toA1(row.row, col);
}
