/**
 * Shared helpers of the fill / appraise / template / recalc tests: seed workbooks and their
 * messy variants, ExcelJS round trips, and HyperFormula evaluation of every formula written.
 */
import { hyperFormulaSheets } from './fixtures/hf-compute';
import * as ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { analyzeWorkbook } from '../../src/core/analyze';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import type { Catalog } from '../../src/core/catalog/types';
import type { EditPlan } from '../../src/core/plan/edit-plan';
import {
  fromA1,
  toA1,
  type Cell,
  type SheetGrid,
  type WorkbookSnapshot,
} from '../../src/core/model/grid';
import type { WorkbookReport } from '../../src/core/model/report-types';
import { applyPlanToExcelJS } from '../../src/xlsx/apply-plan';
import { snapshotFromExcelJS } from '../../src/xlsx/read-workbook';
import { gridFromTsv, readSeedTable, rowOf, withCell } from './fixtures/tsv-grid';

export const catalog: Catalog = defaultCatalog();

export function analyze(snapshot: WorkbookSnapshot, cat: Catalog = catalog): WorkbookReport {
  return analyzeWorkbook(snapshot, cat);
}

export const PL01 = 'Phụ lục 01';

/** Seed 004's PHỤ LỤC 01 as typed (PDF-pasted: repeated headers, continuation rows). */
export function hoangKimGrid(name = PL01): SheetGrid {
  return gridFromTsv(name, readSeedTable('hoang-kim-pl01.tsv'));
}

/** The same table with the report body's ratios typed in the result column. */
export function ratioVariant(name = PL01): SheetGrid {
  let g = hoangKimGrid(name);
  const put = (code: string, text: string) => {
    g = withCell(g, { row: rowOf(g, code), col: 4, kind: 'string', value: text });
  };
  put('3.9', '3.644/4.993'); // 72,98 %
  put('3.8', '2/3 = 69%'); // stated rate disagrees with the ratio
  put('1.6', '1.101/1.567 hồ sơ, đạt 70,26%');
  return g;
}

/** An extra column ("Người phụ trách") inserted after Chỉ tiêu: every cell right of it moves. */
export function extraColumnVariant(name = PL01): SheetGrid {
  const g = hoangKimGrid(name);
  const headerRows = new Set(
    g.cells.filter((c) => c.col === 0 && c.value === 'TT').map((c) => c.row),
  );
  const cells: Cell[] = g.cells.map((c) => (c.col >= 4 ? { ...c, col: c.col + 1 } : { ...c }));
  for (const r of headerRows)
    cells.push({ row: r, col: 4, kind: 'string', value: 'Người phụ trách' });
  const codes = g.cells.filter((c) => c.col === 0 && /^\d\.\d+$/.test(String(c.value)));
  codes.forEach((c, i) =>
    cells.push({
      row: c.row,
      col: 4,
      kind: 'string',
      value: i % 2 ? 'Nguyễn Văn An' : 'Lê Thị Hoa',
    }),
  );
  return { ...g, cells };
}

/** Rates typed as numbers: 0.829 with a "0.0%" format, 72 with General (ambiguous). */
export function numericVariant(name = PL01): SheetGrid {
  let g = hoangKimGrid(name);
  const num = (code: string, value: number, numberFormat?: string) => {
    const cell: Cell = { row: rowOf(g, code), col: 4, kind: 'number', value };
    if (numberFormat) cell.numberFormat = numberFormat;
    g = withCell(g, cell);
  };
  num('1.6', 0.829, '0.0%');
  num('2.4', 0.8095, '0.00%');
  num('3.1', 72.1); // a percent typed without %: read as 72,1 % (ambiguous-unit)
  num('3.6', 0.105); // a fraction without a percent format
  num('4.5', 14); // count of wifi points
  return g;
}

/** A workbook snapshot holding `grids` in order. */
export function snapshotOf(...grids: SheetGrid[]): WorkbookSnapshot {
  return { name: 'test.xlsx', sheets: grids.map((g, i) => ({ ...g, index: i })) };
}

/** An ExcelJS workbook holding the snapshot's cells (values, formats, notes, merges). */
export function toExcel(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const c of s.cells) {
      const cell = ws.getCell(toA1(c.row, c.col));
      if (c.formula)
        cell.value = {
          formula: c.formula,
          result: c.value ?? undefined,
        } as ExcelJS.CellFormulaValue;
      else cell.value = c.value;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.note) cell.note = c.note;
      if (c.fill)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill}` } };
    }
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return wb;
}

export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

/** Apply a plan to the snapshot's workbook through ExcelJS and read it back from bytes. */
export async function applyAndRead(
  snapshot: WorkbookSnapshot,
  plan: EditPlan,
  wb: ExcelJS.Workbook = toExcel(snapshot),
): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  applyPlanToExcelJS(wb, plan);
  const back = await roundTrip(wb);
  return { workbook: back, snapshot: snapshotFromExcelJS(back, snapshot.name) };
}

export type Computed = Map<string, string | number | boolean | null>;

/**
 * Evaluate every formula of the snapshot with HyperFormula (Excel semantics: accent- and
 * case-insensitive comparison as Excel does — case-insensitive, accent-sensitive).
 * Returns sheet!A1 → computed value for each formula cell.
 */
export function evaluateFormulas(snapshot: WorkbookSnapshot): Computed {
  const sheets = hyperFormulaSheets(snapshot);
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: 'gpl-v3',
    accentSensitive: true,
    caseSensitive: false,
    useWildcards: false,
    useArrayArithmetic: true,
  });
  const out: Computed = new Map();
  for (const s of snapshot.sheets) {
    const id = hf.getSheetId(s.name)!;
    for (const c of s.cells) {
      if (!c.formula) continue;
      const v = hf.getCellValue({ sheet: id, row: c.row, col: c.col });
      out.set(`${s.name}!${toA1(c.row, c.col)}`, normalizeHf(v));
    }
  }
  hf.destroy();
  return out;
}

function normalizeHf(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return `#ERROR:${String((v as { value?: unknown }).value ?? v)}`;
  return v as string | number | boolean;
}

/** The cell of a snapshot at sheet!A1, if any. */
export function cellAt(snapshot: WorkbookSnapshot, sheet: string, a1: string): Cell | undefined {
  const { row, col } = fromA1(a1);
  return snapshot.sheets
    .find((s) => s.name === sheet)
    ?.cells.find((c) => c.row === row && c.col === col);
}

export function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetGrid {
  const s = snapshot.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** sheet cells keyed by A1, with what a person sees (value) */
export function cellMap(grid: SheetGrid): Map<string, Cell> {
  return new Map(grid.cells.map((c) => [toA1(c.row, c.col), c]));
}

export const VERDICT_SHOWN: Record<string, string> = {
  met: 'Đạt',
  unmet: 'Không đạt',
  undetermined: '',
};

/**
 * The cached value of a formula cell read back through ExcelJS. ExcelJS drops a falsy cached
 * result (0, "", FALSE) when it loads a file (the <v>0</v> is in the file), so a null cache
 * stands for whichever falsy value the engine computed.
 */
export function cachedOf(c: Cell, computed: unknown): string | number | boolean {
  if (c.value !== null) return c.value;
  return computed === 0 || computed === false ? computed : '';
}
