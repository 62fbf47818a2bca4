/**
 * What the pane's **Điền công thức**, **Tạo sheet thẩm định** and **Hoàn tác** do, apart from
 * the buttons: read the workbook, plan with the core (fill.ts, appraise.ts), apply through the
 * Office.js adapter, keep how to undo it. The host is injectable so that tests run without
 * Excel; the default is the real adapter.
 */
import { analyzeWorkbook } from '../../core/analyze';
import { planAppraise } from '../../core/appendix/appraise';
import type { Catalog } from '../../core/catalog/types';
import type { EditPlan } from '../../core/plan/edit-plan';
import { planFillWorkbook } from '../../core/appendix/fill';
import type { WorkbookSnapshot } from '../../core/model/grid';
import { inversePlan } from '../../core/plan/undo';
import { applyPlan, applyUndo, readWorkbookSnapshot } from '../../excel';
import { workbookCatalog } from '../host';
import type { AppraisalChoice } from '../appraisal-choices';

export interface Applied {
  notes: string[];
  /** Puts back what was applied; resolves to Vietnamese notes */
  undo: () => Promise<string[]>;
}

export interface FormulaHost {
  catalog: () => Catalog;
  readSnapshot: () => Promise<WorkbookSnapshot>;
  apply: (plan: EditPlan, before: WorkbookSnapshot) => Promise<Applied>;
}

/**
 * The real adapter. Undo uses the adapter's own record (it reads formats and borders too);
 * when the host gives none, the core's inversePlan from the snapshot read before.
 */
export const officeFormulaHost: FormulaHost = {
  catalog: () => workbookCatalog(),
  readSnapshot: () => readWorkbookSnapshot(),
  apply: async (plan, before) => {
    const r = await applyPlan(plan, { captureUndo: true });
    const record = r.undo;
    const undo = record
      ? async () => (await applyUndo(record)).notes
      : async () => (await applyPlan(inversePlan(before, plan))).notes;
    return { notes: r.notes, undo };
  },
};

export { appraisalChoices, type AppraisalChoice } from '../appraisal-choices';

export const FORMULA_UI = {
  fill: 'Điền công thức',
  filling: 'Đang điền công thức…',
  appraise: 'Tạo sheet thẩm định',
  appraising: 'Đang tạo sheet thẩm định…',
  level: 'Cấp thẩm định',
  adjacent: 'Thêm cột ngay bên phải bảng (cùng sheet)',
  undo: 'Hoàn tác',
  undoing: 'Đang hoàn tác…',
  nothingToUndo: 'Không có thao tác nào để hoàn tác.',
  recheckHint: 'Bấm Kiểm tra để xem lại kết quả.',
};

export interface ActionOutcome {
  messages: string[];
  /** Set when something was applied and can be undone */
  undo?: () => Promise<string[]>;
}

export async function fillAction(host: FormulaHost): Promise<ActionOutcome> {
  const catalog = host.catalog();
  const snapshot = await host.readSnapshot();
  const report = analyzeWorkbook(snapshot, catalog);
  const plan = planFillWorkbook(snapshot, report, catalog, analyzeWorkbook);
  if (plan.edits.length === 0) return { messages: [plan.description, ...(plan.notes ?? [])] };
  const applied = await host.apply(plan, snapshot);
  return {
    messages: [plan.description, ...applied.notes, FORMULA_UI.recheckHint],
    undo: applied.undo,
  };
}

export async function appraiseAction(
  host: FormulaHost,
  choice: Pick<AppraisalChoice, 'chain' | 'level'>,
  adjacent: boolean,
): Promise<ActionOutcome> {
  const catalog = host.catalog();
  const snapshot = await host.readSnapshot();
  const report = analyzeWorkbook(snapshot, catalog);
  const plan = planAppraise(snapshot, report, catalog, choice.level, {
    chain: choice.chain,
    adjacent,
  });
  if (!plan.ok || plan.edits.length === 0)
    return { messages: plan.notes?.length ? plan.notes : [plan.description] };
  const target = plan.targetSheet;
  const edits =
    target && !adjacent
      ? [...plan.edits, { op: 'select' as const, sheet: target, cell: 'A1' }]
      : plan.edits;
  const applied = await host.apply({ ...plan, edits }, snapshot);
  return { messages: [plan.description, ...applied.notes], undo: applied.undo };
}
