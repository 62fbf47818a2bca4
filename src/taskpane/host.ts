/**
 * The pane's view of Excel: the adapter's commands, injectable so the components can be
 * tested against the fake host or a stub. The default is the real Office.js adapter.
 */
import { planTemplate } from '../core/appendix/template';
import { defaultCatalog } from '../core/catalog/catalog';
import type { Catalog } from '../core/catalog/types';
import { analyzeWorkbook } from '../core/analyze';
import { planWorkbookRollup } from '../core/rollup';
import { activeCatalogFrom, CATALOG_SETTING } from '../core/catalog/workbook-setting';
import {
  applyPlan,
  checkWorkbook,
  clearMarks,
  readWorkbookSnapshot,
  readDocumentSetting,
  selectCell,
  type ApplyResult,
  type CheckResult,
} from '../excel';
import { UI } from './labels';

export interface PaneHost {
  catalog: () => Catalog;
  check: () => Promise<CheckResult>;
  clearMarks: () => Promise<{ restored: number; messages: string[] }>;
  select: (sheet: string, cell: string) => Promise<void>;
  /** Insert a blank official PHỤ LỤC 01 (from the catalog) as a new sheet. */
  insertBlankAppendix: () => Promise<ApplyResult & { description: string }>;
  /**
   * **Tổng hợp các xã**: the communes' appendices of the workbook (one per sheet) rolled up
   * into Tổng hợp / Theo tiêu chí / Ma trận sheets (core/rollup's plan). Vietnamese messages.
   */
  rollupCommunes: () => Promise<string[]>;
}

/** The catalog stored with the workbook (document settings), else the default. */
export function workbookCatalog(): Catalog {
  const stored = readDocumentSetting(CATALOG_SETTING);
  return stored === null ? defaultCatalog() : activeCatalogFrom(stored).catalog;
}

export const officeHost: PaneHost = {
  catalog: () => workbookCatalog(),
  check: () => checkWorkbook(),
  clearMarks: () => clearMarks(),
  select: (sheet, cell) => selectCell(sheet, cell),
  insertBlankAppendix: async () => {
    const plan = planTemplate(officeHost.catalog(), 'phu-luc-01');
    const added = plan.edits.find((e) => e.op === 'add-sheet');
    const edits = added
      ? [...plan.edits, { op: 'select' as const, sheet: added.sheet, cell: 'A1' }]
      : plan.edits;
    const result = await applyPlan({ ...plan, edits });
    return { ...result, description: plan.description };
  },
  rollupCommunes: async () => {
    const snapshot = await readWorkbookSnapshot();
    const catalog = officeHost.catalog();
    const planned = planWorkbookRollup(snapshot, analyzeWorkbook(snapshot, catalog), catalog);
    if (!planned) return [UI.rollupNone];
    const result = await applyPlan(planned.plan);
    const added = planned.plan.edits.flatMap((e) => (e.op === 'add-sheet' ? [e.sheet] : []));
    return [planned.plan.description, UI.rollupAdded(added), ...result.notes];
  },
};
