/**
 * Errors the command line reports to a person: a stable code (scripts match on it) and a
 * one-line Vietnamese message. Anything else that escapes is a bug.
 */

import { WorkbookError, type WorkbookErrorCode } from '../xlsx/errors';

export type CliErrorCode =
  /** What the workbook adapter refuses (src/xlsx/errors.ts): not a workbook, truncated… */
  | WorkbookErrorCode
  /** The path does not exist. */
  | 'not-found'
  /** The path exists but cannot be read (permissions, a directory where a file was expected). */
  | 'unreadable'
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

/** An error to report as one line: the command line's own, or the workbook adapter's. */
export function isCliError(e: unknown): e is CliError | WorkbookError {
  return e instanceof CliError || e instanceof WorkbookError;
}
