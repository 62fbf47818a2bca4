/**
 * Extra pane actions contributed by other modules, rendered under the Kiểm tra toolbar.
 * Each component gets the pane's API from `usePane()` (pane-context.tsx): the last
 * check's report and snapshot, `run(label, action)` for spinner + messages + errors, and
 * `recheck()`; it applies plans with `applyPlan` / `applyUndo` from src/excel.
 *
 * Formulas/appraisal helper: render **Điền công thức**, **Tạo sheet thẩm định** and
 * **Hoàn tác** here (one import and one JSX line). Report module: **Soạn báo cáo (Word)** and
 * **Chuẩn bị in**.
 */

import { CatalogActions } from './components/CatalogActions';
import { FormulaActions } from './components/FormulaActions';
import { ReportActions } from './components/ReportActions';

export function ExtraActions() {
  return (
    <>
      <FormulaActions />
      <CatalogActions />
      <ReportActions />
    </>
  );
}
