/** A1 addresses as Office.js writes and reads them ("'Phụ lục 01'!B3:C4"). */
import type { MergedArea } from '../core/model/grid';
import { fromA1, toA1 } from '../core/model/grid';

/**
 * A sheet name quoted for an address, always ('Phụ lục 01', 'A1', 'Sheet1'): Excel accepts
 * quotes around any name, while a bare name that reads as a cell reference ("A1", "R2C3")
 * or holds a space is refused.
 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

/** "Sheet!A1" → { sheet, ref } (sheet unquoted). */
export function splitQualified(address: string): { sheet: string; ref: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', ref: address };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

/** "B3" or "B3:D5" (absolute markers allowed) → 0-based inclusive area. */
export function parseArea(ref: string): MergedArea {
  const parts = ref.replace(/\$/g, '').split(':');
  const a = fromA1(parts[0]);
  const b = parts.length > 1 ? fromA1(parts[1]) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function areaA1(a: MergedArea): string {
  const first = toA1(a.top, a.left);
  const last = toA1(a.bottom, a.right);
  return first === last ? first : `${first}:${last}`;
}

/**
 * The areas of a RangeAreas address ("Sheet1!A1:B2, 'My, sheet'!C3:D4" or joined by
 * commas without spaces), as { sheet, area } — sheet names may contain commas when quoted.
 */
export function parseAreasAddress(address: string): { sheet: string; area: MergedArea }[] {
  const out: { sheet: string; area: MergedArea }[] = [];
  const re =
    /('(?:[^']|'')+'|[^',!\s][^,!]*)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address)) !== null) {
    const { sheet } = splitQualified(`${m[1]}!A1`);
    out.push({ sheet, area: parseArea(m[2]) });
  }
  return out;
}

/** "A1" style key of a cell on a sheet, for maps. */
export function cellKey(sheet: string, cell: string): string {
  const { row, col } = fromA1(cell);
  return `${sheet}\u0000${toA1(row, col)}`;
}
