/**
 * The add-in's commands on the open workbook. Each is one Excel.run whose syncs are
 * counted by the per-sync budget (budget.ts, read.ts), not by the workbook's size alone:
 * - checkWorkbook: read (2 syncs + one per content band: 3 for a workbook under ~4 MB)
 *   → core analyzeWorkbook → marks and store (one sync per 4 MB written: usually 1);
 * - clearMarks: read fills and notes (likewise, fills only) → restore and drop the store;
 * - selectCell: activate the sheet and select the cell (2 syncs);
 * - readWorkbookSnapshot: read only, for planners (fill, appraise).
 * The ribbon's **Kiểm tra** and the pane's **Kiểm tra** both call checkWorkbook.
 */
import { analyzeWorkbook } from '../core/analyze';
import { defaultCatalog } from '../core/catalog/catalog';
import type { Catalog } from '../core/catalog/types';
import type { WorkbookSnapshot } from '../core/model/grid';
import type { WorkbookReport } from '../core/model/report-types';
import { activeCatalogFrom, CATALOG_SETTING } from '../core/catalog/workbook-setting';
import { readDocumentSetting } from './settings';
import { detectCapabilities, type Capabilities } from './capabilities';
import { ExcelAdapterError, MESSAGES } from './errors';
import { planClear, planMarks, type MarkPlan } from './marks';
import { MARKS_SHEET, storeValues } from './marks-store';
import { readWorkbook, type HostState } from './read';
import { runExcel } from './run';
import { jsonBytes, type WriteUnit } from './budget';
import { writeInBudget, type WriteTarget } from './write';

export interface CheckOptions {
  /** Mark the findings on the sheets (default true). */
  mark?: boolean;
  catalog?: Catalog;
  /** Wait for the user to leave cell-edit mode instead of failing (ribbon commands). */
  delayForCellEdit?: boolean;
}

export interface CheckResult {
  report: WorkbookReport;
  /** The workbook as the core saw it (marks replaced by the user's originals). */
  snapshot: WorkbookSnapshot;
  /** Null when marking was not asked for or not possible. */
  marks: { marked: number; restored: number } | null;
  /** Vietnamese notes: degraded APIs, truncated sheets, protected sheets… */
  messages: string[];
}

let cachedCatalog: Catalog | undefined;
/** The given catalog, else the one stored with the workbook (document settings), else the default. */
function catalogOrDefault(c?: Catalog): { catalog: Catalog; problem?: string } {
  if (c) return { catalog: c };
  const stored = readDocumentSetting(CATALOG_SETTING);
  if (stored !== null) {
    const active = activeCatalogFrom(stored);
    return active.problem
      ? { catalog: active.catalog, problem: active.problem }
      : { catalog: active.catalog };
  }
  cachedCatalog ??= defaultCatalog();
  return { catalog: cachedCatalog };
}

/** Run the core on a snapshot; a failure of the core is reported, never hidden. */
export function analyze(snapshot: WorkbookSnapshot, catalog: Catalog): WorkbookReport {
  try {
    return analyzeWorkbook(snapshot, catalog);
  } catch (e) {
    throw new ExcelAdapterError(
      'analysis-failed',
      `Lỗi khi phân tích bảng tính: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function writeTarget(state: HostState, caps: Capabilities): WriteTarget {
  return {
    caps,
    sheets: state.sheets.map((s) => ({ name: s.name, protected: s.protected })),
    notes: state.notes,
    structureProtected: state.structureProtected,
  };
}

/** Rows of the store written by one call, at most (the request stays well under budget). */
const STORE_BLOCK_BYTES = 256_000;

/**
 * Write the mark edits and the store, in as many syncs as the per-sync budget needs
 * (budget.ts). When records remain, the store is written first: should a later batch
 * fail, the store never lacks the originals of a cell that was marked (a record whose mark
 * is not on the cell is simply not restored). When none remain, the restores go first and
 * the store is deleted last.
 */
async function writeMarkPlan(
  context: Excel.RequestContext,
  plan: MarkPlan,
  state: HostState,
  caps: Capabilities,
): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  const target = writeTarget(state, caps);
  if (plan.records.length === 0) {
    const after: WriteUnit[] = [];
    if (state.store.exists)
      after.push({
        bytes: 1000,
        queue: () => {
          // Excel refuses to delete a very hidden sheet (Worksheet.delete): unhide it
          // first, in the same batch
          const store = sheets.getItem(MARKS_SHEET);
          store.visibility = 'Hidden' as Excel.SheetVisibility;
          store.delete();
        },
      });
    return writeInBudget(context, plan.edits, target, { after });
  }
  const values = storeValues(plan.records);
  let store: Excel.Worksheet | null = null;
  const before: WriteUnit[] = [
    {
      bytes: 1000,
      queue: () => {
        store = state.store.exists ? sheets.getItem(MARKS_SHEET) : sheets.add(MARKS_SHEET);
        if (!state.store.exists) store.visibility = 'VeryHidden' as Excel.SheetVisibility;
        if (state.store.rows > values.length)
          store.getRange(`A${values.length + 1}:A${state.store.rows}`).clear('Contents');
      },
    },
  ];
  for (let first = 0; first < values.length;) {
    let last = first;
    let bytes = 0;
    while (last < values.length && (last === first || bytes < STORE_BLOCK_BYTES))
      bytes += jsonBytes(values[last++]);
    const block = values.slice(first, last);
    const top = first + 1;
    before.push({
      bytes: bytes + 500,
      queue: () => {
        store!.getRange(`A${top}:A${top + block.length - 1}`).values = block;
      },
    });
    first = last;
  }
  return writeInBudget(context, plan.edits, target, { before });
}

/** Check the whole workbook with the core and (by default) mark the findings on the sheets. */
export async function checkWorkbook(opts: CheckOptions = {}): Promise<CheckResult> {
  const { catalog, problem } = catalogOrDefault(opts.catalog);
  return runExcel(
    async (context) => {
      const caps = detectCapabilities();
      const read = await readWorkbook(context, caps);
      const report = analyze(read.snapshot, catalog);
      const messages = [...caps.degraded, ...read.messages, ...(problem ? [problem] : [])];
      if (opts.mark === false) return { report, snapshot: read.snapshot, marks: null, messages };
      const plan = planMarks(report, read.state);
      messages.push(...plan.messages);
      if (plan.records.length > 0 && !read.state.store.exists && read.state.structureProtected) {
        messages.push(
          'Sổ làm việc đang bảo vệ cấu trúc nên không lưu được trạng thái gốc của các ô: chưa đánh dấu trên trang tính.',
        );
        return { report, snapshot: read.snapshot, marks: null, messages };
      }
      if (plan.edits.length > 0 || plan.records.length > 0 || read.state.store.exists)
        messages.push(...(await writeMarkPlan(context, plan, read.state, caps)));
      return {
        report,
        snapshot: read.snapshot,
        marks: { marked: plan.marked, restored: plan.restored },
        messages,
      };
    },
    { delayForCellEdit: opts.delayForCellEdit },
  );
}

/** **Xoá đánh dấu**: remove our fills and notes and put back the user's originals. */
export async function clearMarks(): Promise<{ restored: number; messages: string[] }> {
  return runExcel(async (context) => {
    const caps = detectCapabilities();
    const read = await readWorkbook(context, caps, { values: false });
    if (!read.state.store.exists)
      return { restored: 0, messages: ['Không có đánh dấu nào để xoá.'] };
    const plan = planClear(read.state);
    const messages = [...plan.messages, ...(await writeMarkPlan(context, plan, read.state, caps))];
    return { restored: plan.restored, messages };
  });
}

/** Activate a sheet and select a cell (a click on a finding). */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load('name');
    await context.sync();
    if (ws.isNullObject) throw new ExcelAdapterError('missing-sheet', MESSAGES.missingSheet(sheet));
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** The workbook as the core sees it, for planners (2 syncs). */
export async function readWorkbookSnapshot(): Promise<WorkbookSnapshot> {
  return runExcel(async (context) => readSnapshot(context));
}

/** Read a snapshot on an existing context (2 syncs). */
export async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const read = await readWorkbook(context, detectCapabilities());
  return read.snapshot;
}
