/**
 * `fill` for the evidence forms: live formulas on the summary lines (totals and rates counted
 * from the list), formatted as % for rates. A figure the official typed is never lost: it goes
 * into a note ("Giá trị gốc: …") on the cell it was in. A summary line missing from the sheet is
 * written (official label + formula) in an empty row after its list.
 */
import { cellText, GridView, toA1, type Cell, type WorkbookSnapshot } from '../model/grid';
import type { CellEdit, EditPlan } from '../plan/edit-plan';
import { formDef, type FormDef, type FormListDef } from './definitions';
import { countRatio, markColumns, markedCount } from './evaluate-form';
import { formTitle } from './cross-check';
import { countExpr, entryScope, ratioFormula, type ExcludedRow } from './formulas';
import { figureFromCell } from './figures';
import { recognizeForms } from './recognize-form';
import type { FormList, FormRecognition, SummaryLine } from './types';

export const ORIGINAL_PREFIX = 'Giá trị gốc: ';

export function originalNote(existing: string | undefined, typed: string): string {
  const line = `${ORIGINAL_PREFIX}${typed}`;
  const prev = (existing ?? '').trim();
  if (prev.includes(line)) return prev;
  return prev ? `${prev}\n${line}` : line;
}

/** Number format of a ratio's cell. */
export function ratioFormat(kind: 'rate' | 'count'): string {
  return kind === 'rate' ? '0.0%' : '0';
}

/**
 * Rows of the data area that hold a name but are not entries (placeholders "...", group rows,
 * repeated headers): the formulas leave them out.
 */
export function excludedRows(view: GridView, list: FormList): ExcludedRow[] {
  const entries = new Set(list.rows.map((r) => r.row));
  const out: ExcludedRow[] = [];
  for (const r of view.rowIndices) {
    if (r < list.firstRow || r > list.lastRow || entries.has(r)) continue;
    const name = cellText(view.raw(r, list.columns.name));
    if (name.trim() !== '') out.push({ row: r, name });
  }
  return out;
}

/** The label without the figure typed after its colon ("…: 25 người." → "…: người."). */
function labelWithoutFigure(line: SummaryLine): string {
  const colon = line.label.lastIndexOf(':');
  if (colon < 0 || !line.figureText) return line.label;
  const rest = line.label.slice(colon + 1).replace(line.figureText, '');
  const tail = rest.replace(/\s+/g, ' ').trim();
  return `${line.label.slice(0, colon + 1)}${tail ? ` ${tail}` : ''}`;
}

function sameFormula(a: string | undefined, b: string): boolean {
  return !!a && a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
}

/** The formula's shape with its references blanked: a formula fill wrote earlier over other rows. */
function formulaShape(f: string): string {
  return f
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/\$?[a-z]{1,3}\$?\d+(:\$?[a-z]{1,3}\$?\d+)?/g, 'R')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/(\+?sumproduct\(--\(trim\(R\)<>""\)\))+/g, 'COUNT')
    .replace(/\(+/g, '(')
    .replace(/\)+/g, ')');
}

interface FormFillResult {
  edits: CellEdit[];
  notes: string[];
  formulas: number;
}

function fillOne(view: GridView, def: FormDef, rec: FormRecognition): FormFillResult {
  const edits: CellEdit[] = [];
  const notes: string[] = [];
  let formulas = 0;
  const sheet = rec.sheet;
  for (const line of rec.summaries) {
    const ratio = def.ratios.find((r) => r.key === line.key);
    const list = rec.lists.find((l) => l.id === ratio?.list);
    if (!ratio || !list) continue;
    const listDef = def.lists.find((l) => l.id === list.id) as FormListDef;
    const needed = [...ratio.numerator, ...ratio.denominator, 'name'];
    const absent = needed.filter((id) => !(id in list.columns));
    if (absent.length > 0) {
      notes.push(
        `${sheet}: không điền "${line.label}" — không tìm thấy cột ${absent
          .map((id) => `"${listDef.columns.find((c) => c.id === id)?.header ?? id}"`)
          .join(', ')}.`,
      );
      continue;
    }
    if (list.lastRow < list.firstRow) {
      notes.push(
        `${sheet}: danh sách ${formTitle(def.kind)} chưa có dòng nào; chưa điền "${line.label}".`,
      );
      continue;
    }
    const formula = ratioFormula(list, listDef, ratio, excludedRows(view, list));
    const count = countRatio(list, listDef, ratio);
    const cached: number | string =
      ratio.kind === 'rate' && count.denominator === 0 ? '' : count.value;
    const valueCol = line.valueCol;
    const cell = toA1(line.valueRow, valueCol);
    const existing: Cell | undefined = view.raw(line.valueRow, valueCol);
    if (line.missing) {
      edits.push({
        op: 'set-value',
        sheet,
        cell: toA1(line.labelRow!, line.labelCol!),
        value: formDef(def.kind).summaries.find((s) => s.ratio === line.key)!.label,
      });
    } else if (line.figureAt === 'label') {
      const labelCell = view.raw(line.labelRow!, line.labelCol!);
      const addr = toA1(line.labelRow!, line.labelCol!);
      edits.push({ op: 'set-value', sheet, cell: addr, value: labelWithoutFigure(line) });
      edits.push({
        op: 'set-note',
        sheet,
        cell: addr,
        text: originalNote(labelCell?.note, line.label),
      });
    }
    if (existing?.formula && sameFormula(existing.formula, formula)) continue;
    const ownEarlier =
      !!existing?.formula && formulaShape(existing.formula) === formulaShape(formula);
    if (existing && !ownEarlier && (existing.formula || cellText(existing).trim() !== '')) {
      const typed = existing.formula ? `=${existing.formula}` : cellText(existing).trim();
      edits.push({ op: 'set-note', sheet, cell, text: originalNote(existing.note, typed) });
    }
    edits.push({
      op: 'set-formula',
      sheet,
      cell,
      formula,
      numberFormat: ratioFormat(ratio.kind),
      cached,
    });
    formulas++;
  }
  formulas += fillTotalRows(view, def, rec, edits);
  return { edits, notes, formulas };
}

/** Counts under the mark columns of each list's "Tổng cộng" line (cells empty or holding a count). */
function fillTotalRows(
  view: GridView,
  def: FormDef,
  rec: FormRecognition,
  edits: CellEdit[],
): number {
  let n = 0;
  for (const list of rec.lists) {
    if (list.totalRow === undefined || list.lastRow < list.firstRow) continue;
    const listDef = def.lists.find((l) => l.id === list.id) as FormListDef;
    const scope = entryScope(list, excludedRows(view, list));
    for (const c of markColumns(listDef, list)) {
      const col = list.columns[c.id];
      const existing = view.raw(list.totalRow, col);
      const formula = countExpr(list, listDef, [c.id], scope);
      const cell = toA1(list.totalRow, col);
      if (existing?.formula && sameFormula(existing.formula, formula)) continue;
      const typed = existing ? cellText(existing).trim() : '';
      const ownEarlier =
        !!existing?.formula && formulaShape(existing.formula) === formulaShape(formula);
      if (!existing?.formula && typed !== '' && !figureFromCell(existing, 'count')) continue;
      if (existing && !ownEarlier && (existing.formula || typed !== '')) {
        const shown = existing.formula ? `=${existing.formula}` : typed;
        edits.push({
          op: 'set-note',
          sheet: rec.sheet,
          cell,
          text: originalNote(existing.note, shown),
        });
      }
      edits.push({
        op: 'set-formula',
        sheet: rec.sheet,
        cell,
        formula,
        numberFormat: '0',
        cached: markedCount(list, listDef, c.id),
      });
      n++;
    }
  }
  return n;
}

/**
 * The plan writing live formulas on every recognised form's summary lines. `recs` are the
 * recognitions to fill (default: every sheet of the snapshot recognised as a form).
 */
export function planFillForms(snapshot: WorkbookSnapshot, recs?: FormRecognition[]): EditPlan {
  const edits: CellEdit[] = [];
  const notes: string[] = [];
  let formulas = 0;
  const forms: string[] = [];
  for (const sheet of snapshot.sheets) {
    const view = new GridView(sheet);
    // every form of the sheet (a "Biểu mẫu" sheet may hold Mẫu 1.4 and Mẫu 3.3), each in its rows
    const found = recognizeForms(view).filter(
      ({ rec }) => !recs || recs.some((r) => r.sheet === sheet.name && r.kind === rec.kind),
    );
    if (found.length === 0) continue;
    if (sheet.protected) {
      notes.push(`Sheet "${sheet.name}" đang được bảo vệ: không điền công thức.`);
      continue;
    }
    for (const { view: formView, rec } of found) {
      const r = fillOne(formView, formDef(rec.kind), rec);
      edits.push(...r.edits);
      notes.push(...r.notes);
      formulas += r.formulas;
      if (r.formulas > 0) forms.push(formTitle(rec.kind));
    }
  }
  const description =
    formulas > 0
      ? `Điền ${formulas} công thức tổng hợp vào ${forms.join(', ')}`
      : 'Các mẫu biểu không cần điền thêm công thức.';
  return { description, edits, notes };
}
