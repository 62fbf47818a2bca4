/**
 * Marking findings on the sheet, as a pure plan over what was read (no Office calls here):
 * - rows with an error finding or an unmet criterion get a light red fill across the
 *   table's columns; a cell with only warnings gets a light yellow fill;
 * - every flagged cell gets a note "Kiểm tra CĐS: • message…" (the user's own note, if
 *   any, is quoted below it);
 * - the user's original fill and note of every cell we touch are recorded in the marks
 *   store (marks-store.ts), so that re-running replaces the marks (never stacks) and
 *   clearing puts back exactly what the user had.
 * A user who changed one of our marks keeps their change: we only restore a fill or a
 * note that is still the one we wrote.
 */
import { fromA1, toA1 } from '../core/model/grid';
import type { Severity } from '../core/model/findings';
import type { SheetReport, WorkbookReport } from '../core/model/report-types';
import type { MarkRecord } from './marks-store';
import type { HostState, SheetState } from './read';
import { cellKey } from './address';
import type { AdapterEdit } from './write';

export const MARK_FILLS: Record<'error' | 'warning', string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
};
export const NOTE_TITLE = 'Kiểm tra CĐS:';
export const NOTE_PREVIOUS = 'Ghi chú trước đó:';

export interface MarkPlan {
  edits: AdapterEdit[];
  /** Records to store (the store is deleted when empty). */
  records: MarkRecord[];
  /** Number of cells carrying a mark after the plan. */
  marked: number;
  /** Number of previously marked cells put back to the user's state. */
  restored: number;
  messages: string[];
}

interface Wanted {
  sheet: string;
  cell: string;
  fill: 'error' | 'warning' | null;
  messages: string[];
}

/** The text of our note on a cell. */
export function composeNote(messages: string[], previous: string | null): string {
  const lines = [NOTE_TITLE, ...messages.map((m) => `• ${m}`)];
  if (previous !== null && previous !== '') lines.push('', NOTE_PREVIOUS, previous);
  return lines.join('\n');
}

/** 0-based first and last column of a recognised table (null when unknown). */
export function tableSpan(report: SheetReport): { left: number; right: number } | null {
  const cols = [
    ...Object.values(report.layout?.columns ?? {}).filter(
      (c): c is number => typeof c === 'number',
    ),
    ...(report.layout?.extraColumns ?? []).map((x) => x.col),
  ];
  if (cols.length === 0) return null;
  return { left: Math.min(...cols), right: Math.max(...cols) };
}

function normalise(cell: string): string | null {
  try {
    const { row, col } = fromA1(cell);
    return toA1(row, col);
  } catch {
    return null;
  }
}

class CellState {
  private readonly sheets: Map<string, SheetState>;
  constructor(private readonly state: HostState) {
    this.sheets = new Map(state.sheets.map((s) => [s.name, s]));
  }
  sheet(name: string): SheetState | undefined {
    return this.sheets.get(name);
  }
  /** Current fill "#RRGGBB", null for none, undefined when not known (outside what was read). */
  fill(sheet: string, cell: string): string | null | undefined {
    const s = this.sheets.get(sheet);
    if (!s || !s.window) return undefined;
    const { row, col } = fromA1(cell);
    const w = s.window;
    if (row < w.top || row > w.bottom || col < w.left || col > w.right) return undefined;
    return s.fills.get(cell) ?? null;
  }
  note(sheet: string, cell: string): string | null {
    return this.state.notes.get(cellKey(sheet, cell))?.text ?? null;
  }
}

/** Plan the marks for a report, replacing the marks of a previous run. */
export function planMarks(report: WorkbookReport, state: HostState): MarkPlan {
  const cs = new CellState(state);
  const messages: string[] = [];
  const wanted = new Map<string, Wanted>();
  const want = (sheet: string, cell: string): Wanted => {
    const k = cellKey(sheet, cell);
    let w = wanted.get(k);
    if (!w) wanted.set(k, (w = { sheet, cell, fill: null, messages: [] }));
    return w;
  };
  const paint = (sheet: string, cell: string, sev: 'error' | 'warning') => {
    const w = want(sheet, cell);
    if (w.fill !== 'error') w.fill = sev;
  };
  const paintRow = (sr: SheetReport, row0: number, col0: number) => {
    const span = tableSpan(sr);
    if (!span) return paint(sr.name, toA1(row0, col0), 'error');
    for (let c = span.left; c <= span.right; c++) paint(sr.name, toA1(row0, c), 'error');
  };

  for (const sr of report.sheets) {
    const st = cs.sheet(sr.name);
    if (!st) continue;
    if (st.protected) {
      if (sr.findings.length > 0)
        messages.push(
          `Trang tính "${sr.name}" đang được bảo vệ: không tô màu hay ghi chú được; các lỗi vẫn được liệt kê trong ngăn CĐS.`,
        );
      continue;
    }
    for (const f of sr.findings) {
      const cell = normalise(f.cell);
      if (!cell) continue;
      const sheet = f.sheet || sr.name;
      want(sheet, cell).messages.push(f.message);
      const sev: Severity = f.severity;
      if (sev === 'error') {
        const { row, col } = fromA1(cell);
        paintRow(sr, row, col);
      } else if (sev === 'warning') paint(sheet, cell, 'warning');
    }
    for (const c of sr.criteria) {
      if (c.verdict !== 'unmet') continue;
      const span = tableSpan(sr);
      paintRow(sr, c.row - 1, span ? span.left : 0);
    }
  }

  const previous = new Map(state.store.records.map((r) => [cellKey(r.sheet, r.cell), r]));
  const edits: AdapterEdit[] = [];
  const records: MarkRecord[] = [];
  const noteKind = state.caps.noteKind;

  for (const [k, w] of wanted) {
    const prev = previous.get(k);
    previous.delete(k);
    const curFill = cs.fill(w.sheet, w.cell);
    const curNote = cs.note(w.sheet, w.cell);
    const fillStillOurs =
      !!prev && prev.markFill !== null && (curFill === prev.markFill || curFill === undefined);
    const noteStillOurs = !!prev && prev.markNote !== null && curNote === prev.markNote;
    const origFill = fillStillOurs ? prev!.fill : (curFill ?? null);
    const origNote = noteStillOurs ? prev!.note : curNote;
    const fillKnown = curFill !== undefined || fillStillOurs;
    const markFill = w.fill && fillKnown ? MARK_FILLS[w.fill] : null;
    const markNote =
      noteKind !== 'none' && w.messages.length > 0 ? composeNote(w.messages, origNote) : null;

    if (markFill !== null) {
      if (curFill !== markFill)
        edits.push({ op: 'set-fill', sheet: w.sheet, cell: w.cell, color: markFill });
    } else if (fillStillOurs)
      edits.push({ op: 'set-fill', sheet: w.sheet, cell: w.cell, color: origFill });
    if (markNote !== null) {
      if (curNote !== markNote)
        edits.push({ op: 'set-note', sheet: w.sheet, cell: w.cell, text: markNote });
    } else if (noteStillOurs)
      edits.push({ op: 'set-note', sheet: w.sheet, cell: w.cell, text: origNote });

    if (markFill !== null || markNote !== null)
      records.push({
        sheet: w.sheet,
        cell: w.cell,
        fill: origFill,
        note: origNote,
        markFill,
        markNote,
      });
  }

  const rest = restoreRecords([...previous.values()], cs);
  edits.push(...rest.edits);
  records.push(...rest.kept);
  messages.push(...rest.messages);
  return {
    edits,
    records,
    marked: records.length - rest.kept.length,
    restored: rest.restored,
    messages,
  };
}

/** Plan **Xoá đánh dấu**: put back every recorded cell (records on protected sheets are kept). */
export function planClear(state: HostState): MarkPlan {
  const cs = new CellState(state);
  const rest = restoreRecords(state.store.records, cs);
  return {
    edits: rest.edits,
    records: rest.kept,
    marked: 0,
    restored: rest.restored,
    messages: rest.messages,
  };
}

function restoreRecords(
  records: MarkRecord[],
  cs: CellState,
): { edits: AdapterEdit[]; kept: MarkRecord[]; restored: number; messages: string[] } {
  const edits: AdapterEdit[] = [];
  const kept: MarkRecord[] = [];
  const blocked = new Set<string>();
  let restored = 0;
  for (const r of records) {
    const st = cs.sheet(r.sheet);
    if (!st) continue; // the sheet is gone: nothing left to restore
    if (st.protected) {
      kept.push(r);
      blocked.add(r.sheet);
      continue;
    }
    const curFill = cs.fill(r.sheet, r.cell);
    const curNote = cs.note(r.sheet, r.cell);
    if (r.markFill !== null && (curFill === r.markFill || curFill === undefined))
      edits.push({ op: 'set-fill', sheet: r.sheet, cell: r.cell, color: r.fill });
    if (r.markNote !== null && curNote === r.markNote)
      edits.push({ op: 'set-note', sheet: r.sheet, cell: r.cell, text: r.note });
    restored++;
  }
  const messages = [...blocked].map(
    (s) =>
      `Trang tính "${s}" đang được bảo vệ: chưa gỡ được đánh dấu cũ; hãy bỏ bảo vệ rồi bấm Xoá đánh dấu.`,
  );
  return { edits, kept, restored, messages };
}
