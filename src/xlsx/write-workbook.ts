/**
 * ExcelJS workbook → .xlsx bytes, and a new empty workbook. The bytes get back the workbook
 * protection ExcelJS drops (see protection.ts). No file system: the caller writes the bytes.
 */
import * as ExcelJS from 'exceljs';
import { restoreWorkbookProtection, type WorkbookProtection } from './protection';

export type Workbook = ExcelJS.Workbook;

/** A new workbook without sheets. */
export function newWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}

/** The .xlsx bytes of `wb`, with `protection` (read from the input) put back when given. */
export async function workbookBytes(
  wb: ExcelJS.Workbook,
  protection?: WorkbookProtection | null,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return protection ? restoreWorkbookProtection(bytes, protection) : bytes;
}
