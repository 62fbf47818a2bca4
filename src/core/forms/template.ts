/**
 * Blank evidence forms (`cds-check template mau-3.3`): the official layout of Hướng dẫn 2142/STTTT-CNTT — title
 * and headers word for word, numbered empty rows, the summary lines with live formulas, the
 * signature block — which `recognizeForm` recognises and `validate` reads.
 */
import type { CellEdit, EditPlan } from '../plan/edit-plan';
import { GridView, toA1 } from '../model/grid';
import {
  FORM_DEFS,
  formDef,
  formNumber,
  type FormColumnDef,
  type FormListDef,
} from './definitions';
import { planFillForms } from './fill-forms';
import { printSetupForPlan } from '../report/print-setup';
import { applyPlanToSnapshot } from '../plan/apply-to-snapshot';
import { recognizeForm } from './recognize-form';
import type { FormKind } from './types';

export const FORM_KINDS: readonly FormKind[] = FORM_DEFS.map((d) => d.kind);

export interface FormTemplateOptions {
  /** Sheet name (default "Mẫu 1.4") */
  sheet?: string;
  /** Numbered empty rows per list (default 10; 30 for Mẫu 3.3) */
  rows?: number;
  /** Insert the sheet after this one */
  after?: string;
}

const WIDTH: Record<string, number> = {
  stt: 6,
  name: 28,
  phone: 16,
  note: 16,
  email: 30,
};

function columnWidth(c: FormColumnDef): number {
  return WIDTH[c.kind] ?? (c.kind === 'tick' ? 14 : 22);
}

export function isFormKind(kind: string): kind is FormKind {
  return (FORM_KINDS as readonly string[]).includes(kind);
}

/** Default sheet name of a form ("Mẫu 3.3"). */
export function formSheetName(kind: FormKind): string {
  return `Mẫu ${formNumber(kind)}`;
}

function headerEdits(
  sheet: string,
  row: number,
  list: FormListDef,
): { edits: CellEdit[]; rows: number } {
  const edits: CellEdit[] = [];
  const twoLevel = list.columns.some((c) => c.parent);
  const style = (r: number, c: number): CellEdit => ({
    op: 'set-style',
    sheet,
    cell: toA1(r, c),
    bold: true,
    wrap: true,
    align: 'center',
    border: true,
  });
  const parentsDone = new Set<string>();
  list.columns.forEach((c, i) => {
    if (!twoLevel) {
      edits.push({ op: 'set-value', sheet, cell: toA1(row, i), value: c.header }, style(row, i));
      return;
    }
    edits.push(style(row, i), style(row + 1, i));
    if (!c.parent) {
      edits.push({ op: 'set-value', sheet, cell: toA1(row, i), value: c.header });
      edits.push({ op: 'merge', sheet, range: `${toA1(row, i)}:${toA1(row + 1, i)}` });
      return;
    }
    edits.push({ op: 'set-value', sheet, cell: toA1(row + 1, i), value: c.header });
    if (parentsDone.has(c.parent)) return;
    parentsDone.add(c.parent);
    const span = list.columns.filter((x) => x.parent === c.parent).length;
    edits.push({ op: 'set-value', sheet, cell: toA1(row, i), value: c.parent });
    if (span > 1)
      edits.push({ op: 'merge', sheet, range: `${toA1(row, i)}:${toA1(row, i + span - 1)}` });
  });
  return { edits, rows: twoLevel ? 2 : 1 };
}

/** The layout edits (no formulas) of a blank form. */
function layoutEdits(kind: FormKind, sheet: string, rowsPerList: number): CellEdit[] {
  const def = formDef(kind);
  const width = Math.max(...def.lists.map((l) => l.columns.length));
  const edits: CellEdit[] = [];
  def.lists[0].columns.forEach((c, i) =>
    edits.push({
      op: 'set-column-width',
      sheet,
      column: toA1(0, i).replace(/\d+$/, ''),
      width: columnWidth(c),
    }),
  );
  edits.push({ op: 'set-value', sheet, cell: 'A1', value: def.title });
  edits.push({ op: 'merge', sheet, range: `A1:${toA1(0, width - 1)}` });
  edits.push({ op: 'set-style', sheet, cell: 'A1', bold: true, wrap: true, align: 'center' });
  let r = 2;
  const summaryRow = (ratio: string) => def.summaries.find((s) => s.ratio === ratio);
  const writeSummary = (label: string) => {
    edits.push({ op: 'set-value', sheet, cell: toA1(r, 0), value: label });
    edits.push({ op: 'merge', sheet, range: `${toA1(r, 0)}:${toA1(r, width - 2)}` });
    r++;
  };
  for (const list of def.lists) {
    if (list.heading) {
      edits.push({ op: 'set-value', sheet, cell: toA1(r, 0), value: list.heading });
      edits.push({ op: 'merge', sheet, range: `${toA1(r, 0)}:${toA1(r, width - 1)}` });
      edits.push({ op: 'set-style', sheet, cell: toA1(r, 0), bold: true });
      r++;
    }
    const h = headerEdits(sheet, r, list);
    edits.push(...h.edits);
    if (list.exampleRows) {
      const nameCol = list.columns.findIndex((c) => c.id === 'name');
      edits.push({
        op: 'set-note',
        sheet,
        cell: toA1(r, nameCol),
        text: `Ví dụ: ${list.exampleRows.join('; ')}; các điểm Nhà văn hóa, điểm công cộng, du lịch cộng đồng, ...`,
      });
    }
    r += h.rows;
    for (let i = 1; i <= rowsPerList; i++, r++) {
      edits.push({ op: 'set-value', sheet, cell: toA1(r, 0), value: i });
      list.columns.forEach((_, c) =>
        edits.push({ op: 'set-style', sheet, cell: toA1(r, c), border: true, wrap: true }),
      );
    }
    if (list.totalLine) {
      const nameCol = list.columns.findIndex((c) => c.id === 'name');
      edits.push({ op: 'set-value', sheet, cell: toA1(r, nameCol), value: 'Tổng cộng' });
      list.columns.forEach((_, c) =>
        edits.push({ op: 'set-style', sheet, cell: toA1(r, c), border: true, bold: true }),
      );
      r++;
    }
    r++;
    // summary lines counting this list (Mẫu 4.1: after each list)
    const own = def.ratios.filter((x) => x.list === list.id).map((x) => summaryRow(x.key));
    let wrote = false;
    for (const s of own) {
      if (!s) continue;
      writeSummary(s.label);
      wrote = true;
    }
    if (wrote) r++;
  }
  // signature block
  const left = 1;
  const right = Math.max(3, width - 2);
  def.signature.forEach(([a, b], i) => {
    if (a) edits.push({ op: 'set-value', sheet, cell: toA1(r, left), value: a });
    if (b) edits.push({ op: 'set-value', sheet, cell: toA1(r, right), value: b });
    if (i === 0) {
      if (a)
        edits.push({ op: 'set-style', sheet, cell: toA1(r, left), bold: true, align: 'center' });
      if (b)
        edits.push({ op: 'set-style', sheet, cell: toA1(r, right), bold: true, align: 'center' });
    }
    r++;
  });
  return edits;
}

/**
 * The plan that adds a blank form of `kind` on a new sheet, with the live summary formulas
 * already in place (they show a blank rate until names are entered).
 */
export function planFormTemplate(kind: FormKind, opts: FormTemplateOptions = {}): EditPlan {
  const sheet = opts.sheet ?? formSheetName(kind);
  const rows = opts.rows ?? (kind === 'mau-3.3' ? 30 : 10);
  const edits: CellEdit[] = [
    { op: 'add-sheet', sheet, ...(opts.after ? { after: opts.after } : {}) },
    ...layoutEdits(kind, sheet, rows),
  ];
  const layout: EditPlan = { description: '', edits };
  const snap = applyPlanToSnapshot({ sheets: [] }, layout);
  const rec = recognizeForm(new GridView(snap.sheets[0]));
  const notes: string[] = [];
  if (rec) edits.push(...planFillForms(snap, [rec]).edits);
  else notes.push(`Không nhận ra được mẫu vừa tạo (${kind}).`);
  // prints as an official form: A4, one page wide, its (first) list header repeated
  const header = rec?.lists[0]?.headerRows ?? [];
  const widths = Object.values(snap.sheets[0].columnWidths ?? {});
  edits.push(
    ...printSetupForPlan({ description: '', edits }, sheet, {
      ...(header.length
        ? { headerRows: [Math.min(...header), Math.max(...header)] as [number, number] }
        : {}),
      orientation: widths.reduce((a, w) => a + w, 0) > 100 ? 'landscape' : 'portrait',
    }),
  );
  return {
    description: `Tạo ${formSheetName(kind)} trống (${formDef(kind).title.replace(/^Mẫu (số )?\d\.\d\.\s*/, '')}) trên trang tính "${sheet}"`,
    edits,
    ...(notes.length ? { notes } : {}),
  };
}
