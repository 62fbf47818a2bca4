/**
 * Edit plans: the cell edits the core wants written (`EditPlan` / `CellEdit`), their undo, and
 * applying a plan to a snapshot (the third interpreter, beside ExcelJS and Office.js).
 */
export * from './apply-to-snapshot';
export * from './edit-plan';
export * from './undo';
