/** The province's roll-up (issue 12): the model from analysed workbooks and its sheets as a plan. */
export {
  communeNameFromFileName,
  communeNameFromTitle,
  communeNameOf,
  communeNameInText,
  vietnameseTitleCase,
  type CommuneName,
  type CommuneNameSource,
} from './commune-name';
export {
  LEVEL_KINDS,
  NO_APPENDIX_MESSAGE,
  ROLLUP_LEVELS,
  appendixSheetsForLevel,
  baseName,
  buildRollup,
  rollupFromSnapshots,
  rollupWorkbook,
  unreadableFile,
  type AppendixKind,
  type RollupCommune,
  type RollupCriterion,
  type RollupFile,
  type RollupFileStatus,
  type RollupLevel,
  type RollupModel,
} from './model';
export {
  DATA_BAR_COLOR,
  MARK_COLORS,
  MATRIX_MARK,
  ROLLUP_SHEETS,
  planRollup,
  planWorkbookRollup,
  WORKBOOK_ROLLUP_SHEETS,
  type RollupPlanOptions,
  type RollupSheetKey,
} from './sheets';
