/**
 * Appendix layouts the core recognises and fill / appraise must respect (the QA variants of
 * test/integration/qa-variants.test.ts, as workbooks to write into):
 * - Đánh giá split into "Đạt" | "Không đạt" mark columns with an "x" in one of them;
 * - sub-items listed under a criterion ("a)", "-", "1.8.1"), with results and verdicts of
 *   their own, also after the last criterion, above a signature block;
 * - codes written in front of names ("1.1. Xây dựng…"): no TT column, a TT cell holding code
 *   and name, or an STT column numbered 1, 2, 3….
 * Each builder returns an ExcelJS workbook; `load` saves it and reads it back as the CLI does.
 */
import type * as ExcelJS from 'exceljs';
import { snapshotFromExcelJS } from '../../src/xlsx/read-workbook';
import type { WorkbookSnapshot } from '../../src/core/model/grid';
import {
  cleanRows,
  newWorkbook,
  patchRows,
  put,
  TITLE_PL01,
  writeAppendix,
  type CellInput,
  type Key,
  type QaColumn,
  type QaRow,
  type SheetMap,
} from './fixtures/qa-builders';
import { roundTrip } from './fill-support';

export interface Loaded {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

/** Save to bytes and read back (ExcelJS → snapshot), as `cds-check` reads a file. */
export async function load(wb: ExcelJS.Workbook, name = 'xa.xlsx'): Promise<Loaded> {
  const workbook = await roundTrip(wb);
  return { workbook, snapshot: snapshotFromExcelJS(workbook, name) };
}

// ---------------------------------------------------------------------------------------------
// Đánh giá as two mark columns

export type Marks = { met?: string; unmet?: string };

export interface MarksSheet {
  /** 1-based row of each code */
  rowOf: Map<string, number>;
  /** 1-based columns */
  col: { tt: number; name: number; target: number; result: number; met: number; unmet: number };
}

/**
 * PHỤ LỤC 01 whose Đánh giá is split into "Đạt" | "Không đạt" (a two-row header, Đánh giá
 * merged over both). Every criterion is marked "x" under Đạt unless `marks` says otherwise
 * (a code → the texts typed in each column; {} for no mark at all).
 */
export function marksWorkbook(
  rows: QaRow[],
  marks: Record<string, Marks> = {},
  sheet = 'PL01',
): { wb: ExcelJS.Workbook; map: MarksSheet } {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(sheet);
  TITLE_PL01.forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
    ws.mergeCells(i + 1, 1, i + 1, 9);
  });
  const h = TITLE_PL01.length + 2;
  ['TT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu', 'Kết quả'].forEach((text, i) => {
    ws.getCell(h, i + 1).value = text;
    ws.mergeCells(h, i + 1, h + 1, i + 1);
  });
  ws.getCell(h, 6).value = 'Đánh giá';
  ws.mergeCells(h, 6, h, 7);
  ws.getCell(h + 1, 6).value = 'Đạt';
  ws.getCell(h + 1, 7).value = 'Không đạt';
  ws.getCell(h, 8).value = 'Tài liệu minh chứng';
  ws.mergeCells(h, 8, h + 1, 8);
  ws.getCell(h, 9).value = 'Ghi chú';
  ws.mergeCells(h, 9, h + 1, 9);
  const col = { tt: 1, name: 2, target: 4, result: 5, met: 6, unmet: 7 };
  const rowOf = new Map<string, number>();
  let r = h + 2;
  for (const row of rows) {
    rowOf.set(row.code, r);
    const c = row.cells;
    [c.tt, c.name, c.unit, c.target, c.commune].forEach((v, i) => put(ws, r, i + 1, v));
    if (!row.group) {
      put(ws, r, 8, c.evidence);
      const m = marks[row.code] ?? { met: 'x' };
      put(ws, r, col.met, m.met);
      put(ws, r, col.unmet, m.unmet);
    }
    r++;
  }
  return { wb, map: { rowOf, col } };
}

// ---------------------------------------------------------------------------------------------
// Sub-items under a criterion

export const SYSTEMS = ['Phần mềm một cửa điện tử', 'CSDL hộ tịch', 'CSDL đất đai'];
export const CHANNELS = ['Trang Zalo của xã', 'Trang Facebook của xã'];

/** Insert `subs` (rows that are not criteria) right after the row of `code`. */
export function insertAfter(rows: QaRow[], code: string, subs: QaRow[]): QaRow[] {
  const at = rows.findIndex((r) => r.code === code);
  if (at < 0) throw new Error(`no row ${code}`);
  return [...rows.slice(0, at + 1), ...subs, ...rows.slice(at + 1)];
}

function sub(id: string, cells: Partial<Record<Key, CellInput>>): QaRow {
  return { code: id, cells };
}

/**
 * A clean PL01 with sub-items: "a) b) c)" systems under 1.8 (each "Có", "Đạt"), two school
 * rates under 3.8 ("100%", "0%", no verdict), and "-" channels after 4.8 — the last criterion
 * — each "Có", "Đạt"; results typed as text ("82,9%"), a signature block under the table.
 */
export function subItemsLayout(resultKey: Key = 'commune'): {
  rows: QaRow[];
  subCodes: string[];
} {
  let rows = patchRows(cleanRows([resultKey]), { '3.8': { [resultKey]: '2/3 = 66,67%' } });
  const s18 = SYSTEMS.map((name, i) =>
    sub(`1.8/${i}`, {
      tt: `${'abc'[i]})`,
      name,
      unit: 'Hệ thống',
      [resultKey]: 'Có',
      verdict: 'Đạt',
    }),
  );
  const s38 = ['Trường Tiểu học Hoàng Kim', 'Trường THCS Hoàng Kim'].map((name, i) =>
    sub(`3.8/${i}`, { tt: `${'ab'[i]})`, name, unit: '%', [resultKey]: ['100%', '0%'][i] }),
  );
  const s48 = CHANNELS.map((name, i) =>
    sub(`4.8/${i}`, { tt: '-', name, [resultKey]: 'Có', verdict: 'Đạt' }),
  );
  rows = insertAfter(rows, '1.8', s18);
  rows = insertAfter(rows, '3.8', s38);
  rows = [...rows, ...s48];
  return { rows, subCodes: [...s18, ...s38, ...s48].map((r) => r.code) };
}

export function subItemsWorkbook(sheet = 'PL01'): {
  wb: ExcelJS.Workbook;
  map: SheetMap;
  subCodes: string[];
} {
  const { rows, subCodes } = subItemsLayout();
  const wb = newWorkbook();
  const map = writeAppendix(wb.addWorksheet(sheet), { rows, signature: true });
  return { wb, map, subCodes };
}

// ---------------------------------------------------------------------------------------------
// Codes written in front of names

export type CodeNameVariant = 'no-tt-column' | 'code-and-name-in-tt' | 'stt-numbered';

/** A clean PL01 where the criterion codes are written in front of the names. */
export function codeNameWorkbook(
  variant: CodeNameVariant,
  sheet = 'PL01',
  patch: Record<string, Partial<Record<Key, CellInput | null>>> = {},
): { wb: ExcelJS.Workbook; map: SheetMap } {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(sheet);
  const base = patchRows(cleanRows(), patch);
  if (variant === 'no-tt-column') {
    const columns: QaColumn[] = [
      { key: 'name', header: 'Nội dung chỉ tiêu' },
      { key: 'unit', header: 'ĐVT' },
      { key: 'target', header: 'Chỉ tiêu' },
      { key: 'commune', header: 'Kết quả' },
      { key: 'verdict', header: 'Đánh giá' },
      { key: 'evidence', header: 'Minh chứng' },
    ];
    const rows = base.map((r) => ({
      ...r,
      cells: { ...r.cells, name: `${r.code}. ${String(r.cells.name)}` },
    }));
    return { wb, map: writeAppendix(ws, { columns, rows, signature: true }) };
  }
  if (variant === 'code-and-name-in-tt') {
    const rows = base.map((r) =>
      r.group
        ? r
        : {
            ...r,
            cells: { ...r.cells, tt: `${r.code}. ${String(r.cells.name)}`, name: undefined },
          },
    );
    return { wb, map: writeAppendix(ws, { rows }) };
  }
  let n = 0;
  const roman = ['I', 'II', 'III', 'IV'];
  const rows = base.map((r) =>
    r.group
      ? { ...r, cells: { ...r.cells, tt: roman[Number(r.code) - 1] } }
      : { ...r, cells: { ...r.cells, tt: ++n, name: `${r.code} - ${String(r.cells.name)}` } },
  );
  return { wb, map: writeAppendix(ws, { rows }) };
}

/**
 * PHỤ LỤC 02 (seed 001's columns) whose Đánh giá is split into "Đạt" | "Không đạt": commune
 * result, district result, then the two mark columns and Ghi chú. `rows` from
 * cleanRows(['commune', 'district']); marks as in `marksWorkbook`.
 */
export function marksPl02Workbook(
  rows: QaRow[],
  marks: Record<string, Marks> = {},
  sheet = 'PL02',
): { wb: ExcelJS.Workbook; map: MarksSheet } {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(sheet);
  [
    'PHỤ LỤC 02',
    'KẾT QUẢ THẨM ĐỊNH CHI TIẾT THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ CHO XÃ HOÀNG KIM',
  ].forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
    ws.mergeCells(i + 1, 1, i + 1, 9);
  });
  const h = 4;
  [
    'TT',
    'Tên chỉ tiêu',
    'Đơn vị tính',
    'Chỉ tiêu',
    'Kết quả tự đánh giá của UBND cấp xã',
    'Kết quả thẩm định của UBND cấp huyện',
  ].forEach((text, i) => {
    ws.getCell(h, i + 1).value = text;
    ws.mergeCells(h, i + 1, h + 1, i + 1);
  });
  ws.getCell(h, 7).value = 'Đánh giá';
  ws.mergeCells(h, 7, h, 8);
  ws.getCell(h + 1, 7).value = 'Đạt';
  ws.getCell(h + 1, 8).value = 'Không đạt';
  ws.getCell(h, 9).value = 'Ghi chú';
  ws.mergeCells(h, 9, h + 1, 9);
  const col = { tt: 1, name: 2, target: 4, result: 6, met: 7, unmet: 8 };
  const rowOf = new Map<string, number>();
  let r = h + 2;
  for (const row of rows) {
    rowOf.set(row.code, r);
    const c = row.cells;
    [c.tt, c.name, c.unit, c.target, c.commune, c.district].forEach((v, i) => put(ws, r, i + 1, v));
    if (!row.group) {
      const m = marks[row.code] ?? { met: 'x' };
      put(ws, r, col.met, m.met);
      put(ws, r, col.unmet, m.unmet);
    }
    r++;
  }
  return { wb, map: { rowOf, col } };
}
