/**
 * The PHỤ LỤC 01 workbooks the E2E-QA tests give to `fill` and `appraise`, as officials make
 * them: the seed table as typed (PDF-pasted), the official layout with an extra column on a
 * sheet that is not first (numbers, IF() verdicts, planted mistakes), percentages typed into
 * a vi-VN Excel (numeric cells), "Đạt" | "Không đạt" mark columns, codes written in the name
 * column, and sheet names that must be quoted in formulas (spaces, brackets, apostrophes).
 * `quoted` is how a formula must refer to the sheet, written out by hand (not computed by the
 * code under test).
 */
import type * as ExcelJS from 'exceljs';
import {
  addCoverSheet,
  cleanRows,
  hoangKimTypedInExcel,
  newWorkbook,
  officialWorkbook,
  writeAppendix,
} from './fixtures/qa-builders';
import { hoangKimWorkbook, pl01Workbook } from './fixtures/xlsx-builders';
import { codeNameWorkbook, marksWorkbook } from './fill-layout-builders';

export interface Variant {
  /** file name stem */
  id: string;
  label: string;
  /** the PHỤ LỤC 01 sheet */
  sheet: string;
  /** the sheet as a formula must name it */
  quoted: string;
  build: () => ExcelJS.Workbook;
}

export const VARIANTS: Variant[] = [
  {
    id: 'pdf',
    label: 'the seed table as typed (PDF-pasted: repeated headers, continuation rows)',
    sheet: 'PHỤ LỤC 01',
    quoted: "'PHỤ LỤC 01'",
    build: hoangKimWorkbook,
  },
  {
    id: 'official',
    label: 'official layout, extra column, sheet not first, numbers and IF() verdicts',
    sheet: 'Sheet3',
    quoted: 'Sheet3',
    build: () => officialWorkbook().wb,
  },
  {
    id: 'numeric',
    label: 'percentages typed into a vi-VN Excel (numeric cells), after a cover sheet',
    sheet: 'PL01',
    quoted: "'PL01'",
    build: hoangKimTypedInExcel,
  },
  {
    id: 'marks',
    label: 'Đánh giá as "Đạt" | "Không đạt" mark columns',
    sheet: 'PL01',
    quoted: "'PL01'",
    build: () => marksWorkbook(cleanRows()).wb,
  },
  {
    id: 'codes',
    label: 'codes written in the name column ("1.1. Xây dựng…"), no TT column',
    sheet: 'PL01',
    quoted: "'PL01'",
    build: () => codeNameWorkbook('no-tt-column').wb,
  },
  {
    id: 'spaces',
    label: 'sheet "PL 01 (xã)" after a cover sheet',
    sheet: 'PL 01 (xã)',
    quoted: "'PL 01 (xã)'",
    build: () => pl01Workbook({ sheetName: 'PL 01 (xã)', sheetsBefore: ['Báo cáo'] }),
  },
  {
    id: 'apostrophe',
    label: 'sheet "Xã\'s"',
    sheet: "Xã's",
    quoted: "'Xã''s'",
    build: () => pl01Workbook({ sheetName: "Xã's" }),
  },
  {
    id: 'quotes',
    label: 'sheet "Bảng \'Tổng hợp\' 2023" after a cover letter',
    sheet: "Bảng 'Tổng hợp' 2023",
    quoted: "'Bảng ''Tổng hợp'' 2023'",
    build: () => {
      const wb = newWorkbook();
      addCoverSheet(wb);
      writeAppendix(wb.addWorksheet("Bảng 'Tổng hợp' 2023"), {});
      return wb;
    },
  },
];
