/**
 * "Tải tệp đánh dấu lỗi": the add-in's marks (light red rows for errors and unmet
 * criteria, yellow cells for warnings, a "Kiểm tra CĐS:" note on every flagged cell, the
 * user's own note quoted below) planned by the same code as the add-in (src/excel/marks.ts)
 * over the file's snapshot, as an EditPlan for the ExcelJS adapter. The originals are
 * recorded in the add-in's very hidden store sheet, so the add-in's Xoá đánh dấu can undo the
 * marks once the file is opened in an Excel that runs it.
 */
import {
  type EditPlan,
  type CellEdit,
  toA1,
  type WorkbookSnapshot,
  type WorkbookReport,
} from '../core';
import { cellKey } from '../excel/address';
import { planMarks } from '../excel/marks';
import type { MarkRecord } from '../excel/marks-store';
import type { HostState, NoteHandle, SheetState } from '../excel/read';

/** The add-in's view of a file: every cell's fill and note is known (the whole sheet was read). */
export function hostStateOfSnapshot(snapshot: WorkbookSnapshot): HostState {
  const notes = new Map<string, NoteHandle>();
  const sheets: SheetState[] = snapshot.sheets.map((s, i) => {
    const fills = new Map<string, string>();
    let bottom = 0;
    let right = 0;
    for (const c of s.cells) {
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
      const key = cellKey(s.name, toA1(c.row, c.col));
      if (c.fill) fills.set(toA1(c.row, c.col), `#${c.fill.slice(-6).toUpperCase()}`);
      if (c.note !== undefined)
        notes.set(key, {
          sheet: s.name,
          cell: toA1(c.row, c.col),
          text: c.note,
          obj: null as unknown as NoteHandle['obj'],
        });
    }
    for (const m of s.merges) {
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    return {
      name: s.name,
      position: s.index ?? i,
      visibility: 'Visible',
      protected: !!s.protected,
      // a file is read whole: every fill is known (a large window costs nothing, it is not walked)
      window: { top: 0, left: 0, bottom: bottom + 1000, right: right + 50 },
      fills,
    };
  });
  return {
    caps: { noteKind: 'note', merges: true, workbookProtection: false, degraded: [] },
    sheets,
    notes,
    structureProtected: false,
    store: { exists: false, rows: 0, records: [] },
  };
}

export interface MarksOutcome {
  plan: EditPlan;
  records: MarkRecord[];
  marked: number;
  messages: string[];
}

/** The marks of `report` on the file as a plan, with the records for the store sheet. */
export function planFileMarks(snapshot: WorkbookSnapshot, report: WorkbookReport): MarksOutcome {
  const marks = planMarks(report, hostStateOfSnapshot(snapshot));
  const edits = marks.edits.filter(
    (e): e is CellEdit => e.op === 'set-fill' || e.op === 'set-note',
  );
  return {
    plan: { description: `Tô màu và ghi chú ${marks.marked} ô có lỗi hay cảnh báo.`, edits },
    records: marks.records,
    marked: marks.marked,
    messages: marks.messages,
  };
}
