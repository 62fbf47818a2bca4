/**
 * The public core: pure TypeScript, no I/O. A workbook snapshot in (`analyzeWorkbook`), a
 * report of findings out; plans of cell edits (`EditPlan`) for fill, appraise and templates,
 * which the adapters (src/xlsx, src/excel) write. Adapters and tests import from here (or a
 * folder index); folders: model/, catalog/, appendix/, forms/, plan/, report/, scoring/, rollup/.
 */
export * from './model';
export * from './catalog';
export * from './appendix';
export * from './forms';
export * from './plan';
export * from './report';
export * from './scoring';
export * from './rollup';
// Two "commune name" types: the report's (from title rows) and the roll-up's (with its source).
export type { CommuneName } from './report';
export type { CommuneName as RollupCommuneName } from './rollup';
export * from './analyze';
