/**
 * What the writing commands (fill, appraise, template) share: reading the input, applying a
 * core EditPlan with ExcelJS, writing the output file, printing the plan in Vietnamese.
 * The input file is never overwritten unless --out names it explicitly.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import type { EditPlan } from '../../core/edit-plan';
import { applyPlanToExcelJS } from '../apply-plan';
import { EXIT_FAILURE, EXIT_OK, type CliIO } from '../command';
import { CliError, isCliError } from '../errors';

/** "xa-hoang-kim.xlsx" → "xa-hoang-kim-<suffix>.xlsx" next to it. */
export function defaultOut(input: string, suffix: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xlsx$/i, '');
  return path.join(dir, `${base}-${suffix}.xlsx`);
}

export function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

export async function writeWorkbook(wb: ExcelJS.Workbook, out: string): Promise<void> {
  try {
    await fs.promises.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await wb.xlsx.writeFile(out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String((e as Error).message ?? e);
    throw new CliError('write-failed', `Không ghi được tệp "${out}" (${code}).`);
  }
}

/** The plan's description and notes, one per line. */
export function planText(plan: EditPlan): string {
  const lines = [plan.description];
  for (const n of plan.notes ?? []) lines.push(`  - ${n}`);
  return lines.join('\n') + '\n';
}

/**
 * Apply `plan` to `wb` and write `out`; a plan without edits writes nothing. Returns the exit
 * status, having printed the outcome.
 */
export async function applyAndWrite(
  io: CliIO,
  wb: ExcelJS.Workbook,
  plan: EditPlan,
  out: string,
): Promise<number> {
  io.stdout(planText(plan));
  if (plan.edits.length === 0) {
    io.stdout('Không có gì thay đổi: không ghi tệp.\n');
    return EXIT_OK;
  }
  try {
    applyPlanToExcelJS(wb, plan);
    await writeWorkbook(wb, out);
  } catch (e) {
    if (!isCliError(e)) throw e;
    io.stderr(`${e.message}\n`);
    return EXIT_FAILURE;
  }
  io.stdout(`Đã ghi: ${out}\n`);
  return EXIT_OK;
}
