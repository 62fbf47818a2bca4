/**
 * Link PHỤ LỤC 01 to its evidence: each criterion whose result comes from a form (catalog
 * `formLinks`: 1.4 and 4.3 ← Mẫu 1.4, 2.5 ← Mẫu 2.5, 3.3/3.4/3.10/3.11 ← Mẫu 3.3, 4.5 ← Mẫu 4.5…)
 * gets a Kết quả formula referring to the form's figure (='Mẫu 3.3'!E25), so the appendix can no
 * longer drift from its evidence. The typed result is kept in a note.
 */
import type { Catalog } from '../catalog/types';
import type { CellEdit, EditPlan } from '../plan/edit-plan';
import { cellText, GridView, toA1, type WorkbookSnapshot } from '../model/grid';
import { quoteSheetName } from '../model/formula';
import type { SheetReport, WorkbookReport } from '../model/report-types';
import { formTitle, isAppendix, linkedRatio, RESULT_ROLE } from './cross-check';
import { originalNote, planFillForms, ratioFormat } from './fill-forms';

export interface LinkOptions {
  /** Appendix kinds whose results are linked (default: PHỤ LỤC 01 only, the commune's own figures). */
  kinds?: string[];
}

function sameFormula(a: string | undefined, b: string): boolean {
  return !!a && a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
}

/** The formula referring to a form's figure: 'Mẫu 3.3'!E25 */
export function formReference(sheet: string, cell: string): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

/**
 * The plan setting each linked criterion's result cell in the appendix to a formula on its
 * form's figure. `appendix` may be one report or several (every PHỤ LỤC 01 is linked);
 * `forms` are the forms' reports (their `ratios` give the cells).
 */
export function planLinkForms(
  snapshot: WorkbookSnapshot,
  appendix: SheetReport | SheetReport[],
  forms: SheetReport[],
  catalog: Catalog,
  opts: LinkOptions = {},
): EditPlan {
  const kinds = opts.kinds ?? ['phu-luc-01'];
  const edits: CellEdit[] = [];
  const notes: string[] = [];
  let linked = 0;
  const appendices = (Array.isArray(appendix) ? appendix : [appendix]).filter(
    (a) => isAppendix(a) && kinds.includes(a.kind),
  );
  for (const app of appendices) {
    const grid = snapshot.sheets.find((s) => s.name === app.name);
    if (!grid) continue;
    if (grid.protected) {
      notes.push(`Sheet "${app.name}" đang được bảo vệ: không liên kết kết quả với mẫu biểu.`);
      continue;
    }
    const view = new GridView(grid);
    const col = app.layout?.columns[RESULT_ROLE[app.kind]];
    if (col === undefined) continue;
    for (const row of app.rows ?? []) {
      const link = linkedRatio(forms, catalog, row.code);
      if (!link) continue;
      if (link.forms.length > 1) {
        notes.push(
          `${row.code}: ${formTitle(link.form.kind)} nằm trên ${link.forms.length} sheet (${link.forms
            .map((f) => `"${f.name}"`)
            .join(', ')}) — chưa liên kết kết quả; gộp danh sách vào một sheet để liên kết.`,
        );
        continue;
      }
      const locked = link.forms.find(
        (f) => snapshot.sheets.find((s) => s.name === f.name)?.protected,
      );
      if (locked) {
        notes.push(
          `${row.code}: sheet "${locked.name}" (${formTitle(link.form.kind)}) đang được bảo vệ nên không điền được công thức tổng hợp — chưa liên kết kết quả; bỏ bảo vệ sheet rồi chạy lại.`,
        );
        continue;
      }
      const crit = catalog.criteria.find((c) => c.code === row.code);
      const rateCriterion = !!crit && crit.unit.includes('%');
      const kind = link.ratio.kind ?? 'rate';
      if ((kind === 'rate') !== rateCriterion) {
        notes.push(
          `${row.code}: không liên kết với ${formTitle(link.form.kind)} — tiêu chí tính theo "${crit?.unit ?? ''}", mẫu biểu cho ${kind === 'rate' ? 'tỷ lệ' : 'số lượng'}.`,
        );
        continue;
      }
      const cell = toA1(row.row, col);
      const formula = formReference(link.form.name, link.ratio.cell);
      const existing = view.raw(row.row, col);
      if (existing?.formula && sameFormula(existing.formula, formula)) continue;
      if (existing && (existing.formula || cellText(existing).trim() !== '')) {
        const typed = existing.formula ? `=${existing.formula}` : cellText(existing).trim();
        edits.push({
          op: 'set-note',
          sheet: app.name,
          cell,
          text: originalNote(existing.note, typed),
        });
      }
      edits.push({
        op: 'set-formula',
        sheet: app.name,
        cell,
        formula,
        numberFormat: ratioFormat(kind),
        cached: link.ratio.value,
      });
      linked++;
    }
  }
  const description =
    linked > 0
      ? `Liên kết ${linked} kết quả trong phụ lục với mẫu biểu minh chứng`
      : 'Không có kết quả nào cần liên kết với mẫu biểu.';
  return { description, edits, notes };
}

/**
 * Both form plans for a workbook already analysed (analyzeWorkbook's report): formulas in the
 * forms, then the appendix results linked to them.
 */
export function planFormEdits(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
): EditPlan {
  const fill = planFillForms(snapshot);
  const forms = report.sheets.filter((s) => s.kind.startsWith('mau-'));
  const apps = report.sheets.filter(isAppendix);
  const link = planLinkForms(snapshot, apps, forms, catalog);
  const parts = [fill, link].filter((p) => p.edits.length > 0).map((p) => p.description);
  return {
    description: parts.length ? parts.join('; ') : fill.description,
    edits: [...fill.edits, ...link.edits],
    notes: [...(fill.notes ?? []), ...(link.notes ?? [])],
  };
}
