/**
 * Reading what officials type in the form cells: ticks (x, Có, 1, ✓…), e-mail addresses and
 * Vietnamese phone numbers.
 */
import { cellText, type Cell } from '../model/grid';
import {
  OFFICIAL_MAIL_SUFFIX,
  TICK_NO,
  TICK_NO_PREFIXES,
  TICK_YES,
  TICK_YES_PREFIXES,
} from './definitions';
import type { FormColumnKind } from './types';

export type Mark = 'yes' | 'no' | 'unclear';

/** Lower-cased, trimmed, NFC text of a mark. */
export function normaliseMark(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi');
}

/** A tick cell: yes (x, X, Có, C, 1, ✓, ✔, "Có (VNPT)"), no (blank, Không, K, 0) or unclear. */
export function readTick(cell: Cell | undefined): Mark {
  if (!cell || cell.value === null || cell.value === '') return 'no';
  if (typeof cell.value === 'boolean') return cell.value ? 'yes' : 'no';
  if (typeof cell.value === 'number') {
    if (cell.value === 1) return 'yes';
    if (cell.value === 0) return 'no';
    return 'unclear';
  }
  return classifyMarkText(cellText(cell));
}

export function classifyMarkText(text: string): Mark {
  const t = normaliseMark(text);
  if (TICK_YES.includes(t)) return 'yes';
  if (TICK_YES_PREFIXES.some((p) => t.startsWith(p))) return 'yes';
  if (isNoMark(t)) return 'no';
  return 'unclear';
}

/** A normalised mark that says no: a spelling of "no", or "Không …" / "Chưa …". */
function isNoMark(t: string): boolean {
  return TICK_NO.includes(t) || TICK_NO_PREFIXES.some((p) => t.startsWith(p));
}

/** True when the text says no (blank, Không, K, 0, -, Chưa, "Không sử dụng", "Chưa được cấp"…). */
export function isNoText(text: string): boolean {
  return isNoMark(normaliseMark(text));
}

/**
 * A column's cell as yes/no/unclear according to the column kind:
 * - tick: strict marks;
 * - tick-or-text: a mark, or any other description = yes (the platforms used);
 * - email: anything written but a "no" spelling = yes (the address is checked separately).
 */
export function readMark(cell: Cell | undefined, kind: FormColumnKind): Mark {
  if (kind === 'tick') return readTick(cell);
  if (!cell || cell.value === null || cell.value === '') return 'no';
  if (typeof cell.value === 'number') return cell.value === 0 ? 'no' : 'yes';
  if (typeof cell.value === 'boolean') return cell.value ? 'yes' : 'no';
  return isNoText(cellText(cell)) ? 'no' : 'yes';
}

/** What is wrong with an address in the mailbox column, or null when it looks right. */
export function emailProblem(text: string): 'invalid' | 'not-official' | null {
  const t = text.normalize('NFC').trim();
  if (t === '' || isNoText(t) || classifyMarkText(t) === 'yes') return null;
  const m = /^mailto:/i.test(t) ? t.slice(7) : t;
  if (!/^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(m)) {
    return 'invalid';
  }
  if (m.includes('..') || /^\.|\.@|@\./.test(m)) return 'invalid';
  return m.toLowerCase().endsWith(OFFICIAL_MAIL_SUFFIX) ? null : 'not-official';
}

/**
 * The digits of a Vietnamese phone number, or null when the text is not one: 10 digits starting
 * with 0 once spaces, dots, dashes and brackets are removed ("+84"/"84" read as 0). An 11-digit
 * landline starting with 02 (0237 3852 123, area codes since 2017) is also accepted. A number cell
 * of 9 digits is a mobile whose leading 0 Excel dropped.
 */
export function normalisePhone(cell: Cell | undefined): string | null {
  if (!cell || cell.value === null) return null;
  if (typeof cell.value === 'number') {
    if (!Number.isInteger(cell.value)) return null;
    const s = String(cell.value);
    // Excel dropped the leading 0: a mobile (9 digits) or a landline (10 digits from 2…);
    // or the number was typed with the country code, 84…
    if (s.length === 9) return `0${s}`;
    if (s.length === 10 && s.startsWith('2')) return checkDigits(`0${s}`);
    if (s.length === 11 && s.startsWith('84')) return checkDigits(`0${s.slice(2)}`);
    return checkDigits(s);
  }
  return phoneFromText(cellText(cell));
}

/** A note in brackets after the number ("0912 345 678 (Zalo)", "(con trai)") is not part of it. */
function withoutNote(text: string): string {
  return text.replace(/\([^)]*[^\d\s.+\-)][^)]*\)/gu, ' ');
}

export function phoneFromText(text: string): string | null {
  const compact = withoutNote(text).replace(/[\s\u00a0.\-()/]/g, '');
  let digits = compact;
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return checkDigits(digits);
}

function checkDigits(d: string): string | null {
  if (/^0\d{9}$/.test(d)) return d;
  if (/^02\d{9}$/.test(d)) return d;
  return null;
}

/**
 * Several numbers in one cell ("0912 345 678 / 0237 3852 123", "0912.345.678 - 0987654321",
 * "0912345678-0987654321"): each part.
 */
export function splitPhones(text: string): string[] {
  return text
    .split(/[;,/\n]|\s[-–]\s|\s{2,}/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .flatMap((part) => {
      if (phoneFromText(part) !== null) return [part];
      const halves = part.split(/[-–]/).map((s) => s.trim());
      const joined: string[] = [];
      // dashes inside a number (0912-345-678) and between numbers: rebuild numbers greedily
      let cur = '';
      for (const h of halves) {
        cur = cur ? `${cur}-${h}` : h;
        if (phoneFromText(cur) !== null) {
          joined.push(cur);
          cur = '';
        }
      }
      return joined.length > 1 && cur === '' ? joined : [part];
    });
}
