/**
 * The Office.js adapter: the only code in the project that calls Excel.run.
 * Pane buttons and ribbon commands use these functions; planners (fill, appraise) build an
 * EditPlan from `readWorkbookSnapshot()` and hand it to `applyPlan`.
 */
export {
  checkWorkbook,
  clearMarks,
  selectCell,
  readWorkbookSnapshot,
  readSnapshot,
  analyze,
} from './check';
export type { CheckResult, CheckOptions } from './check';
export { applyPlan, applyUndo, applyEdits } from './apply-plan';
export type { ApplyResult, ApplyOptions, UndoRecord } from './apply-plan';
export { ExcelAdapterError } from './errors';
export type { AdapterErrorCode } from './errors';
export { detectCapabilities, MIN_EXCEL_API } from './capabilities';
export type { Capabilities, NoteKind } from './capabilities';
export { MARKS_SHEET } from './marks-store';
export { readDocumentSetting, writeDocumentSetting } from './settings';
