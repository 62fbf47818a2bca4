/**
 * The files open on the page: each read once (bytes kept, never changed) and analysed with
 * the core exactly as `cds-check validate` does. Pure apart from reading the bytes.
 */
import {
  analyzeWorkbook,
  type Catalog,
  type WorkbookSnapshot,
  type SheetReport,
  type WorkbookReport,
} from '../core';
import { WEB_UI } from './labels';
import { readWorkbook, WorkbookReadError } from './workbook-io';

export interface OpenedFile {
  status: 'ok';
  id: string;
  /** The file's own name ("xa-hoang-kim.xlsx"). */
  name: string;
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
  report: WorkbookReport;
  /** Set when the file is an .xls / .ods one: read only, every download is a new .xlsx. */
  readAs?: 'xls' | 'ods';
}

export interface FailedFile {
  status: 'error';
  id: string;
  name: string;
  /** Vietnamese, one sentence: why the file could not be read. */
  error: string;
}

export type FileEntry = OpenedFile | FailedFile;

let nextId = 0;

/** Read and analyse one file; a file that cannot be read becomes a FailedFile, never a throw. */
export async function openWorkbookFile(
  name: string,
  bytes: Uint8Array,
  catalog: Catalog,
): Promise<FileEntry> {
  const id = `tep-${++nextId}`;
  try {
    const { snapshot, readAs } = await readWorkbook(bytes, name);
    const report = analyzeWorkbook(snapshot, catalog);
    return { status: 'ok', id, name, bytes, snapshot, report, ...(readAs ? { readAs } : {}) };
  } catch (e) {
    const error =
      e instanceof WorkbookReadError
        ? e.message
        : WEB_UI.internalError(name, e instanceof Error ? e.message : String(e));
    return { status: 'error', id, name, error };
  }
}

export function appendixSheets(f: OpenedFile): SheetReport[] {
  return f.report.sheets.filter((s) => s.kind.startsWith('phu-luc'));
}

export function recognisedSheets(f: OpenedFile): SheetReport[] {
  return f.report.sheets.filter((s) => s.kind !== 'unknown');
}

/** The appendix a file is counted by on the page (the first PHỤ LỤC, as the roll-up does). */
export function mainAppendix(f: OpenedFile): SheetReport | undefined {
  return appendixSheets(f)[0];
}

/** Files whose names end with a spreadsheet extension the page reads. */
export const ACCEPT = '.xlsx,.xlsm,.xls,.ods';
