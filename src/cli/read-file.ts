/**
 * Reading a workbook file for the command line: the file system's errors (missing file, a
 * folder, no permission) as one-line Vietnamese messages; the bytes go to the ExcelJS adapter
 * (src/xlsx), which refuses anything that is not an .xlsx workbook.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { WorkbookSnapshot } from '../core';
import {
  readWorkbookBytes,
  workbookProtectionOfBytes,
  type Workbook,
  type WorkbookProtection,
} from '../xlsx';
import { CliError } from './errors';

async function readBytes(filePath: string): Promise<Buffer> {
  const name = path.basename(filePath);
  try {
    return await fs.promises.readFile(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new CliError('not-found', `Không tìm thấy tệp "${filePath}".`);
    if (code === 'EISDIR')
      throw new CliError('unreadable', `"${name}" là một thư mục, không phải tệp.`);
    throw new CliError('unreadable', `Không đọc được tệp "${name}" (${code ?? 'lỗi hệ thống'}).`);
  }
}

/**
 * Load an .xlsx file (or, read-only, an .xls / .ods one: `readAs`); CliError or WorkbookError
 * for every way a file can fail to be one.
 */
export async function readWorkbookFile(
  filePath: string,
): Promise<{ snapshot: WorkbookSnapshot; workbook: Workbook; readAs?: 'xls' | 'ods' }> {
  return readWorkbookBytes(await readBytes(filePath), path.basename(filePath));
}

/** The workbook protection of an .xlsx file, or null (also for anything unreadable). */
export async function readWorkbookProtection(file: string): Promise<WorkbookProtection | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch {
    return null;
  }
  return workbookProtectionOfBytes(bytes);
}
