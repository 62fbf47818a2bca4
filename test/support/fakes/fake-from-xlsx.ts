/**
 * Load an ExcelJS workbook (or an .xlsx file) into a FakeWorkbook, cell by cell, the way
 * Excel itself would hold it: constants, formulas with cached results, number formats,
 * fills, hyperlinks, notes, merges, protection. This reader is independent of the CLI's
 * snapshotFromExcelJS, so comparing the add-in's findings with `cds-check validate` on the
 * same file compares two different readers.
 */
import * as ExcelJS from 'exceljs';
import { FakeWorkbook, isoToSerial, type FakeCell, type FakeWorkbookOptions } from './fake-excel';

function scalar(v: unknown): { value: FakeCell['value']; error?: boolean } {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return { value: v };
  if (v instanceof Date) return { value: isoToSerial(v.toISOString()) };
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; error?: string; text?: unknown };
    if (Array.isArray(o.richText)) return { value: o.richText.map((r) => r.text).join('') };
    if (typeof o.error === 'string') return { value: o.error, error: true };
  }
  return { value: '' };
}

function noteText(note: unknown): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : undefined;
}

export function fakeFromExcelJS(
  wb: ExcelJS.Workbook,
  opts: FakeWorkbookOptions = {},
): FakeWorkbook {
  const fake = new FakeWorkbook(opts);
  for (const ws of wb.worksheets) {
    const sheet = fake.addSheet(ws.name);
    const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
      .sheetProtection;
    sheet.protected = !!prot?.sheet;
    const merges = ((
      ws as unknown as {
        _merges?: Record<
          string,
          { model: { top: number; left: number; bottom: number; right: number } }
        >;
      }
    )._merges ?? {}) as Record<
      string,
      { model: { top: number; left: number; bottom: number; right: number } }
    >;
    for (const m of Object.values(merges))
      sheet.merges.push({
        top: m.model.top - 1,
        left: m.model.left - 1,
        bottom: m.model.bottom - 1,
        right: m.model.right - 1,
      });
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value as unknown;
        const fc: FakeCell = { value: '' };
        if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          fc.formula = (cell.formula || (v as { formula?: string }).formula || '').replace(
            /^=/,
            '',
          );
          Object.assign(fc, scalar((v as { result?: unknown }).result));
        } else if (v && typeof v === 'object' && 'hyperlink' in v) {
          const h = v as { text?: unknown; hyperlink?: string };
          fc.hyperlink = h.hyperlink;
          const s = scalar(h.text);
          fc.value = s.value === '' ? (h.hyperlink ?? '') : String(s.value);
        } else Object.assign(fc, scalar(v));
        if (cell.numFmt && cell.numFmt !== 'General') fc.numberFormat = cell.numFmt;
        else if (v instanceof Date) fc.numberFormat = 'dd/mm/yyyy';
        const fill = cell.style?.fill;
        if (fill && fill.type === 'pattern' && fill.pattern !== 'none') {
          const argb = fill.fgColor?.argb;
          if (argb) fc.fill = `#${argb.slice(-6).toUpperCase()}`;
        }
        if (cell.font?.name) fc.fontName = cell.font.name;
        const note = noteText(cell.note);
        if (note !== undefined) sheet.notes.set(`${r - 1},${c - 1}`, note);
        if (fc.value === '' && !fc.formula && !fc.fill && !fc.numberFormat && !fc.hyperlink) return;
        sheet.cells.set(`${r - 1},${c - 1}`, fc);
      });
    });
  }
  fake.activeSheet = fake.sheets[0]?.name ?? '';
  return fake;
}

export async function fakeFromXlsxFile(
  file: string,
  opts: FakeWorkbookOptions = {},
): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return fakeFromExcelJS(wb, opts);
}
