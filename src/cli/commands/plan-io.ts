/**
 * What the writing commands (fill, appraise, template) share: choosing and checking the output
 * path, applying a core EditPlan with ExcelJS, writing the output file, printing the plan in
 * Vietnamese.
 * - The input file is never overwritten unless --out names it explicitly.
 * - A default output path (TỆP-cong-thuc.xlsx…) that exists already is not overwritten either:
 *   it may hold a person's work from the previous run.
 * - The file is written to a temporary file next to it, then renamed: a failed write leaves
 *   neither a half-written output nor a damaged input.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { EditPlan } from '../../core';
import {
  applyPlanToExcelJS,
  workbookBytes,
  type Workbook,
  type WorkbookProtection,
} from '../../xlsx';
import { EXIT_FAILURE, EXIT_OK, type CliIO } from '../command';
import { CliError, isCliError } from '../errors';
import { readWorkbookProtection } from '../read-file';

/** "xa-hoang-kim.xlsx" → "xa-hoang-kim-<suffix>.xlsx" next to it. */
export function defaultOut(input: string, suffix: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(xls[xm]?|ods)$/i, '');
  return path.join(dir, `${base}-${suffix}.xlsx`);
}

/** True when `a` and `b` name the same file (also through a link or a different spelling). */
export function samePath(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Where a command writes: the path and whether the user chose it with --out. */
export interface OutTarget {
  path: string;
  explicit: boolean;
}

/** What the write commands say when the input was an .xls / .ods file, read-only. */
export function readOnlyNote(input: string, readAs: 'xls' | 'ods' | undefined): string {
  return readAs
    ? `Tệp "${path.basename(input)}" (.${readAs}) chỉ được đọc, không bị sửa; kết quả được ghi vào một tệp .xlsx mới bên cạnh.\n`
    : '';
}

export function outTarget(out: string | undefined, input: string, suffix: string): OutTarget {
  return out !== undefined
    ? { path: out, explicit: true }
    : { path: defaultOut(input, suffix), explicit: false };
}

/**
 * Why `out` cannot be written, checked before any work is done: not an .xlsx name, a folder,
 * or (when not chosen with --out) an existing file. Null when fine.
 */
export function outProblem(out: OutTarget): CliError | null {
  if (!/\.xlsx$/i.test(out.path))
    return new CliError(
      'usage',
      `Tệp kết quả "${out.path}" phải có đuôi .xlsx (cds-check chỉ ghi được tệp .xlsx).`,
    );
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(out.path);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory())
    return new CliError('write-failed', `Không ghi được: "${out.path}" là một thư mục.`);
  if (stat && !out.explicit)
    return new CliError(
      'write-failed',
      `Tệp kết quả "${out.path}" đã có (có thể từ lần chạy trước): không ghi đè. Để ghi đè, chỉ rõ --out "${out.path}".`,
    );
  return null;
}

/** Print `outProblem` when there is one; true when the command must stop. */
export function reportOutProblem(io: CliIO, out: OutTarget): boolean {
  const problem = outProblem(out);
  if (!problem) return false;
  io.stderr(`${problem.message}\n`);
  return true;
}

function writeError(out: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'không có quyền ghi'
      : code === 'ENOENT'
        ? 'không tạo được tệp ở thư mục này'
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? 'một phần của đường dẫn là tệp, không phải thư mục'
          : code === 'ENOSPC'
            ? 'ổ đĩa đã đầy'
            : code === 'EROFS'
              ? 'ổ đĩa chỉ đọc'
              : code === 'EBUSY'
                ? 'tệp đang được mở bởi chương trình khác'
                : (code ?? String((e as Error)?.message ?? e).split('\n')[0]);
  return new CliError('write-failed', `Không ghi được tệp "${out}" (${why}). Chưa ghi gì.`);
}

/**
 * Write `wb` to `out`: into a temporary file in the same folder (created when missing), then
 * renamed over `out`. On failure nothing is left behind and `out` is as it was.
 */
export async function writeWorkbook(
  wb: Workbook,
  out: string,
  protection?: WorkbookProtection | null,
): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    await fs.promises.writeFile(tmp, await workbookBytes(wb, protection));
    await fs.promises.rename(tmp, out);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(out, e);
  }
}

/** The plan's description and notes, one per line (a note repeating the description is left out). */
export function planText(plan: EditPlan): string {
  const lines = [plan.description];
  for (const n of plan.notes ?? []) if (n !== plan.description) lines.push(`  - ${n}`);
  return lines.join('\n') + '\n';
}

/**
 * Apply `plan` to `wb` (read from the file `source`, if any) and write `out`; a plan without
 * edits writes nothing. The source's workbook protection is kept; a plan adding a sheet to a
 * workbook whose structure is protected is refused. Returns the exit status, having printed
 * the outcome (the plan only once it is written).
 */
export async function applyAndWrite(
  io: CliIO,
  wb: Workbook,
  plan: EditPlan,
  out: OutTarget | string,
  source?: string,
): Promise<number> {
  const target: OutTarget = typeof out === 'string' ? { path: out, explicit: true } : out;
  if (plan.edits.length === 0) {
    io.stdout(planText(plan));
    io.stdout('Không có gì thay đổi: không ghi tệp.\n');
    return EXIT_OK;
  }
  if (reportOutProblem(io, target)) return EXIT_FAILURE;
  const protection = source !== undefined ? await readWorkbookProtection(source) : null;
  const added = plan.edits.find((e) => e.op === 'add-sheet');
  if (protection?.structureLocked && added) {
    io.stderr(
      `Sổ làm việc "${path.basename(source!)}" đang được bảo vệ cấu trúc (Bảo vệ sổ làm việc): không thêm được sheet "${added.sheet}". Hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) rồi chạy lại. Không ghi tệp.\n`,
    );
    return EXIT_FAILURE;
  }
  try {
    applyPlanToExcelJS(wb, plan);
    await writeWorkbook(wb, target.path, protection);
  } catch (e) {
    if (!isCliError(e)) throw e;
    // next to the input by default: the input's folder may be read-only (a shared folder)
    const hint =
      e.code === 'write-failed' && !target.explicit ? ' Hãy chỉ nơi ghi khác bằng --out.' : '';
    io.stderr(`${e.message}${hint}\n`);
    return EXIT_FAILURE;
  }
  io.stdout(planText(plan));
  io.stdout(`Đã ghi: ${target.path}\n`);
  return EXIT_OK;
}
