/**
 * What every cds-check command does first: parse its arguments (a usage error is one
 * Vietnamese line, never a stack trace) and load the catalog chosen with --catalog.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Catalog } from '../core/catalog/types';
import { catalogFromFile } from './catalog-file';
import type { CliIO } from './command';
import { isCliError } from './errors';

export type ArgOptions = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Vietnamese text of a parseArgs failure. */
export function usageProblem(e: unknown): string {
  const code = (e as { code?: string })?.code;
  const msg = (e as Error)?.message ?? '';
  const opt = /'([^']+)'/.exec(msg)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `không có tùy chọn "${opt}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `tùy chọn "${opt.split(' ')[0]}" cần một giá trị`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `thừa tham số "${opt}"`;
    default:
      return 'tham số không hợp lệ';
  }
}

/** Parse `args` for `command`; on a usage error print it and return null. */
export function parseCommandArgs(
  io: CliIO,
  command: string,
  args: string[],
  options: ArgOptions,
): ParsedArgs | null {
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    io.stderr(`Sai cách dùng: ${usageProblem(e)}. Xem: cds-check ${command} --help\n`);
    return null;
  }
}

/** The catalog of --catalog (or the bundled default); on failure print why and return null. */
export function catalogOrReport(io: CliIO, file: string | undefined): Catalog | null {
  try {
    return catalogFromFile(file);
  } catch (e) {
    if (!isCliError(e)) throw e;
    io.stderr(`${e.message}\n`);
    return null;
  }
}
