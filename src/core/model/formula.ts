/**
 * Small helpers to write spreadsheet formulas as text: A1 references, quoted sheet names
 * ('Phụ lục 01'!E12), string and number literals, IF. Formulas are written in the
 * locale-independent form that files and Office.js `range.formulas` use: "." decimals,
 * "," argument separators, English function names, no leading "=".
 */
import { columnLetters, toA1 } from './grid';

/** A1 address of a 0-based cell ("E12"). */
export function a1(row: number, col: number): string {
  return toA1(row, col);
}

/** A1 range of 0-based corners ("F8:F18"); a single cell when both corners are equal. */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  const from = toA1(Math.min(top, bottom), Math.min(left, right));
  const to = toA1(Math.max(top, bottom), Math.max(left, right));
  return from === to ? from : `${from}:${to}`;
}

/** Column letters of a 0-based column ("E"). */
export function colLetters(col: number): string {
  return columnLetters(col);
}

const PLAIN_SHEET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LOOKS_LIKE_REFERENCE = /^([A-Za-z]{1,3}\d+|R\d*C\d*|TRUE|FALSE)$/i;

/**
 * A sheet name as it must appear in a reference: plain ASCII names stay bare (Sheet1),
 * anything else is single-quoted with inner quotes doubled ('Phụ lục 01', 'Bà''s').
 */
export function quoteSheetName(name: string): string {
  if (PLAIN_SHEET_NAME.test(name) && !LOOKS_LIKE_REFERENCE.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** A reference to a cell of another sheet: 'Phụ lục 01'!E12. */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${toA1(row, col)}`;
}

/** A string literal: "Đạt", with inner double quotes doubled. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A number literal without exponent notation (0.7, 1, 0.0000001). */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Not a finite number: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const fixed = n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return fixed;
}

/** IF(cond, then, else) */
export function ifFormula(cond: string, then: string, otherwise: string): string {
  return `IF(${cond},${then},${otherwise})`;
}

/** OR(a, b, …); a single condition is returned as is. */
export function or(conds: string[]): string {
  if (conds.length === 0) return 'FALSE';
  if (conds.length === 1) return conds[0];
  return `OR(${conds.join(',')})`;
}

/** Strip a leading "=" a user or a test may have written. */
export function bareFormula(f: string): string {
  return f.replace(/^\s*=/, '');
}
