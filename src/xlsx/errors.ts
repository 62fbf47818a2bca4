/**
 * What the ExcelJS adapter refuses, with a one-line Vietnamese message for the user: bytes
 * that are not an .xlsx workbook (empty, old .xls, .ods, .xlsb, encrypted, truncated,
 * damaged) and edits it cannot write (protected or missing sheet, sheet already there,
 * malformed edit). File-system problems are the caller's (src/cli).
 */
export type WorkbookErrorCode =
  /** The bytes are not an .xlsx workbook (random bytes, a text file, a .docx…), or a damaged one. */
  | 'not-a-workbook'
  /** The .xlsx (zip) is cut short. */
  | 'truncated'
  /** The workbook is password-protected (encrypted). */
  | 'encrypted'
  /** An old binary .xls, an .ods… */
  | 'unsupported-format'
  /** An edit targets a protected sheet. */
  | 'protected-sheet'
  /** An edit targets a sheet that does not exist. */
  | 'missing-sheet'
  /** add-sheet for a name already present. */
  | 'sheet-exists'
  /** An edit with a malformed address or range. */
  | 'invalid-edit';

export class WorkbookError extends Error {
  readonly code: WorkbookErrorCode;

  constructor(code: WorkbookErrorCode, message: string) {
    super(message);
    this.name = 'WorkbookError';
    this.code = code;
  }
}

export function isWorkbookError(e: unknown): e is WorkbookError {
  return e instanceof WorkbookError;
}
