/**
 * The ExcelJS adapter, for Node and the browser alike (no file system, no Node-only API):
 * .xlsx bytes → core snapshot (refusing what is not a workbook with a Vietnamese message),
 * an EditPlan written into an ExcelJS workbook, workbook protection kept, workbook → bytes.
 */
export { WorkbookError, isWorkbookError, type WorkbookErrorCode } from './errors';
export {
  classifyWorkbookBytes,
  readWorkbookBytes,
  snapshotFromExcelJS,
  sheetFromExcelJS,
  cellFromExcelJS,
  isoOfDate,
} from './read-workbook';
export { applyPlanToExcelJS, parseRange, worksheetMerges, isSheetProtected } from './apply-plan';
export {
  protectionOfWorkbookXml,
  workbookProtectionOfBytes,
  restoreWorkbookProtection,
  type WorkbookProtection,
} from './protection';
export { unprefixSpreadsheetMl, unprefixXml } from './normalize-ooxml';
export { newWorkbook, workbookBytes, type Workbook } from './write-workbook';
