/** The report (Báo cáo) model and the print layout of the sheets we write. */
export * from './report-types';
export * from './commune-name';
export {
  buildReport,
  levelReport,
  MOTTO,
  PLACEHOLDER,
  type ReportOptions,
  type ReportResult,
} from './build-report';
export {
  APPENDIX_PAGE_SETUP,
  BODY_FONT_SIZE,
  PRINT_FONT,
  TITLE_FONT_SIZE,
  printSetupForPlan,
  planPreparePrint,
  printSetupPlan,
  type PrintSetupOptions,
} from './print-setup';
export {
  columnWidthPx,
  linesHeight,
  rowHeightFor,
  textWidthPx,
  wrappedLineCount,
  type MeasuredCell,
} from './row-heights';
