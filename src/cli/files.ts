/** Which files a command works on: explicit files and .xlsx files found in directories. */
import * as fs from 'fs';
import * as path from 'path';
import { CliError } from './errors';

export interface InputFile {
  /** The path as it will be reported (as given, or directory + relative path). */
  file: string;
}

/** .xlsx and its macro-enabled twin .xlsm (same format). */
const WORKBOOK_EXT = /\.xls[xm]$/i;

function isWorkbookName(name: string): boolean {
  // "~$x.xlsx" is the lock file Excel leaves next to an open workbook
  return WORKBOOK_EXT.test(name) && !name.startsWith('~$') && !name.startsWith('.');
}

/** All files under `dir`, relative to it with "/" separators, sorted. */
export function listFilesRecursive(
  dir: string,
  keep: (name: string) => boolean = () => true,
): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (keep(e.name)) out.push(r);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Expand command-line paths: a directory becomes its .xlsx files (recursive, sorted); a file
 * or a missing path is kept as given (reading it reports the problem). Throws CliError
 * 'usage' when a directory holds no .xlsx file.
 */
export function expandInputs(paths: string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(p);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = listFilesRecursive(p, isWorkbookName);
      if (found.length === 0) throw new CliError('usage', `Thư mục "${p}" không có tệp .xlsx nào.`);
      for (const rel of found) out.push({ file: path.join(p, rel) });
    } else {
      out.push({ file: p });
    }
  }
  return out;
}

/** The evidence folder's file list for `--evidence DIR`; CliError when it is not a folder. */
export function evidenceListing(dir: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new CliError('not-found', `Không tìm thấy thư mục minh chứng "${dir}".`);
  }
  if (!stat.isDirectory())
    throw new CliError('usage', `"${dir}" không phải là thư mục minh chứng.`);
  return listFilesRecursive(dir);
}
