/** Word (.docx) adapter: the report model → document bytes with the `docx` package. */
export { reportDocument, reportDocx, DOCX_MIME } from './report-docx';
