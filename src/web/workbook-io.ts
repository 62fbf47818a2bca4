/**
 * The page's one seam to the shared ExcelJS adapter (src/xlsx): workbook bytes → core
 * snapshot, and (bytes + EditPlan) → new workbook bytes. Every download starts again from the
 * original bytes, so the file the official opened is never changed and plans never stack. The
 * workbook protection ExcelJS drops is put back, and a plan adding a sheet to a workbook whose
 * structure is protected is refused, as the CLI does.
 */
import type { EditPlan, WorkbookSnapshot } from '../core';
import { MARKS_SHEET } from '../excel/marks-store';
import {
  applyPlanToExcelJS,
  isWorkbookError,
  newWorkbook,
  readWorkbookBytes,
  workbookBytes,
  workbookProtectionOfBytes,
} from '../xlsx';

/** A file the page cannot read; the message is the CLI's Vietnamese sentence. */
export class WorkbookReadError extends Error {}

async function load(bytes: Uint8Array, name: string) {
  try {
    return await readWorkbookBytes(bytes, name);
  } catch (e) {
    if (isWorkbookError(e)) throw new WorkbookReadError(e.message);
    throw e;
  }
}

/** The workbook as the core sees it; WorkbookReadError with a Vietnamese message. */
export async function readSnapshot(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  return (await readWorkbook(bytes, name)).snapshot;
}

/**
 * The snapshot, and `readAs` when the bytes were an .xls / .ods file read (read-only) by the
 * SheetJS reader in src/xlsx: downloads from it are then new .xlsx files built from the
 * snapshot, as `cds-check fill` / `appraise` do.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  name: string,
): Promise<{ snapshot: WorkbookSnapshot; readAs?: 'xls' | 'ods' }> {
  const { snapshot, readAs } = await load(bytes, name);
  return readAs ? { snapshot, readAs } : { snapshot };
}

export interface WriteOptions {
  /** Column A of the add-in's very hidden marks store sheet (src/excel/marks-store.ts). */
  marksStore?: string[][];
}

/** A new workbook: the original bytes with `plan` applied (or a new empty workbook). */
export async function writePlan(
  bytes: Uint8Array | null,
  name: string,
  plan: EditPlan,
  opts: WriteOptions = {},
): Promise<Uint8Array> {
  const wb = bytes ? (await load(bytes, name)).workbook : newWorkbook();
  const protection = bytes ? await workbookProtectionOfBytes(bytes) : null;
  const added = plan.edits.find((e) => e.op === 'add-sheet');
  if (protection?.structureLocked && added)
    throw new Error(
      `Sổ làm việc "${name}" đang được bảo vệ cấu trúc (Bảo vệ sổ làm việc): không thêm được sheet "${added.sheet}". Hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc), lưu rồi mở lại tệp. Không tạo tệp.`,
    );
  applyPlanToExcelJS(wb, plan);
  if (opts.marksStore && !protection?.structureLocked) {
    const old = wb.getWorksheet(MARKS_SHEET);
    if (old) wb.removeWorksheet(old.id);
    const store = wb.addWorksheet(MARKS_SHEET, { state: 'veryHidden' });
    opts.marksStore.forEach((row, i) => (store.getCell(i + 1, 1).value = row[0]));
  }
  return workbookBytes(wb, protection);
}
