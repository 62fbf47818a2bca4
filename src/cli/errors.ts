/**
 * Errors the command line reports to a person: a stable code (scripts match on it) and a
 * one-line Vietnamese message. Anything else that escapes is a bug.
 */

export type CliErrorCode =
  /** The file is not an .xlsx workbook (random bytes, a text file, a .docx…). */
  | 'not-a-workbook'
  /** The .xlsx (zip) is cut short. */
  | 'truncated'
  /** The path does not exist. */
  | 'not-found'
  /** The path exists but cannot be read (permissions, a directory where a file was expected). */
  | 'unreadable'
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
  | 'invalid-edit'
  /** Wrong command-line usage. */
  | 'usage'
  /** A catalog file that cannot be read or does not validate. */
  | 'bad-catalog'
  /** A file that cannot be written. */
  | 'write-failed'
  /** A bug: an unexpected exception while processing a file (reported, never a stack trace). */
  | 'internal';

export class CliError extends Error {
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }
}

export function isCliError(e: unknown): e is CliError {
  return e instanceof CliError;
}
