/**
 * An ExcelJS workbook holding what a snapshot read from an .xls / .ods file holds (values,
 * formulas with their cached results, number formats, dates, hyperlinks, notes, merges, sheet
 * protection), so that `fill` and `appraise` can write their plan into a new .xlsx: the
 * original file is never written.
 */
import * as ExcelJS from 'exceljs';
import type { Cell, WorkbookSnapshot } from '../core/model/grid';

function isoToDate(iso: string): Date | null {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00.000Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

function scalar(c: Cell): ExcelJS.CellValue {
  if (c.kind === 'date' && typeof c.value === 'string') return isoToDate(c.value);
  if (c.kind === 'error' && typeof c.value === 'string')
    return { error: c.value } as ExcelJS.CellErrorValue;
  return c.value;
}

export function workbookFromSnapshot(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of snapshot.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      const value = scalar(c);
      if (c.formula) {
        const result = value === null ? undefined : value;
        cell.value = { formula: c.formula, result } as ExcelJS.CellFormulaValue;
      } else if (c.hyperlink) {
        cell.value = { text: String(c.value ?? c.hyperlink), hyperlink: c.hyperlink };
      } else cell.value = value;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.note !== undefined) cell.note = c.note;
      if (c.fill)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill}` } };
      if (c.font) cell.font = { name: c.font };
    }
    for (const m of sheet.merges) {
      try {
        ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      } catch {
        // overlapping areas in a damaged file: the first one is kept
      }
    }
    if (sheet.protected) void ws.protect('', {});
  }
  return wb;
}
