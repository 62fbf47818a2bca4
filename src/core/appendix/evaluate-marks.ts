/**
 * Evaluation: the typed verdict ("Đạt", "Không đạt", "Chưa đạt", a formula's cached result,
 * or "Đạt" | "Không đạt" mark columns).
 */
import { cellText, toA1, type Cell, type GridView } from '../model/grid';
import type { CriterionRow } from '../model/report-types';
import { cleanText, matchKey } from '../model/text';
import { verdictLabel } from '../model/messages';
import { isVerdictMet, isVerdictUnmet } from './evaluate-judging';

// ---------------------------------------------------------------------------------------------
// Typed verdict ("Đạt", "Không đạt", "Chưa đạt", or a formula's cached result)

type TypedVerdict = (
  | { kind: 'none' }
  | { kind: 'pending' }
  | { kind: 'met' | 'unmet' | 'unknown'; text: string; bothMarks?: boolean }
) & {
  /** The cell to report on, when not the verdict column of the code row (mark columns). */
  at?: string;
};

/** A mark in a mark column ("x", "X", "✓", "v"…); "-", "0" and blanks are no mark. */
export function isMark(text: string): boolean {
  const t = cleanText(text);
  return t !== '' && !/^[-–—.0]+$/.test(t);
}

/** The verdict of a row whose Đánh giá is split into "Đạt" | "Không đạt" mark columns. */
export function readMarks(
  view: GridView,
  row: CriterionRow,
  marks: { met: number; unmet: number },
): TypedVerdict {
  const rows = [row.row, ...row.continuationRows];
  const markIn = (col: number) => {
    for (const r of rows) {
      const text = cellText(view.raw(r, col));
      if (isMark(text)) return { at: toA1(r, col), text: cleanText(text) };
    }
    return null;
  };
  const met = markIn(marks.met);
  const unmet = markIn(marks.unmet);
  if (met && unmet)
    return { kind: 'unknown', text: `${met.text} | ${unmet.text}`, bothMarks: true, at: met.at };
  if (met) return { kind: 'met', text: verdictLabel('met'), at: met.at };
  if (unmet) return { kind: 'unmet', text: verdictLabel('unmet'), at: unmet.at };
  // Verdict formulas (written by `fill`) that show no mark yet: not a missing verdict.
  if (view.raw(row.row, marks.met)?.formula || view.raw(row.row, marks.unmet)?.formula)
    return { kind: 'pending' };
  return { kind: 'none', at: toA1(row.row, marks.met) };
}

export function readVerdict(row: CriterionRow): TypedVerdict {
  const cell: Cell | undefined = row.cells.verdict;
  const text = cleanText(row.texts.verdict ?? cellText(cell));
  if (text === '') return cell?.formula ? { kind: 'pending' } : { kind: 'none' };
  // "Đạt." / "Không đạt." — a full stop is not part of the verdict
  const key = matchKey(text).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  if (isVerdictMet(key)) return { kind: 'met', text };
  if (isVerdictUnmet(key)) return { kind: 'unmet', text };
  return { kind: 'unknown', text };
}
