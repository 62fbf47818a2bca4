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
