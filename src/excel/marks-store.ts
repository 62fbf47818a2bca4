/**
 * Where the originals of marked cells are kept: a very hidden worksheet "_cds_marks" in
 * the workbook itself, so the ribbon command and the pane (two separate runtimes) share
 * it, it travels with the file, and it is read in the same batch as the sheets.
 *
 * Layout: column A only. A1 holds a header sentence; each following row is one marked
 * cell as a JSON object (a JSON text starts with "{", so Excel never reads it as a number,
 * a date or a formula):
 *   {"s":"Phụ lục 01","c":"E16","f":null,"n":"ghi chú gốc","mf":"#FFC7CE","mn":"Kiểm tra CĐS: …"}
 * s/c: sheet and cell; f/n: the user's original fill ("#RRGGBB" or null = no fill) and note
 * (null = none); mf/mn: the fill and note we wrote (null = we did not write one).
 */

export const MARKS_SHEET = '_cds_marks';
export const STORE_HEADER =
  'cds-check: trạng thái gốc của các ô được đánh dấu – không sửa hay xoá trang này';

export interface MarkRecord {
  sheet: string;
  cell: string;
  /** The user's fill before marking ("#RRGGBB"), null when the cell had none. */
  fill: string | null;
  /** The user's note before marking, null when the cell had none. */
  note: string | null;
  /** The fill we wrote, null when we did not fill the cell. */
  markFill: string | null;
  /** The note we wrote, null when we did not write one. */
  markNote: string | null;
}

interface Stored {
  s: string;
  c: string;
  f: string | null;
  n: string | null;
  mf: string | null;
  mn: string | null;
}

export function encodeRecord(r: MarkRecord): string {
  const s: Stored = { s: r.sheet, c: r.cell, f: r.fill, n: r.note, mf: r.markFill, mn: r.markNote };
  return JSON.stringify(s);
}

const strOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** Records from the store sheet's column A (header and unreadable rows skipped). */
export function decodeStore(values: unknown[][]): MarkRecord[] {
  const out: MarkRecord[] = [];
  for (const row of values) {
    const text = row[0];
    if (typeof text !== 'string' || !text.startsWith('{')) continue;
    try {
      const o = JSON.parse(text) as Partial<Stored>;
      if (typeof o.s !== 'string' || typeof o.c !== 'string') continue;
      if (!strOrNull(o.f) || !strOrNull(o.n) || !strOrNull(o.mf) || !strOrNull(o.mn)) continue;
      out.push({
        sheet: o.s,
        cell: o.c,
        fill: o.f ?? null,
        note: o.n ?? null,
        markFill: o.mf ?? null,
        markNote: o.mn ?? null,
      });
    } catch {
      // a row someone typed into the hidden sheet: not one of ours, ignored
    }
  }
  return out;
}

/** Column A values to write: header then one JSON record per row. */
export function storeValues(records: MarkRecord[]): string[][] {
  return [[STORE_HEADER], ...records.map((r) => [encodeRecord(r)])];
}
