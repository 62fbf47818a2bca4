/** Findings: what the core reports about a sheet, one per problem, on a cell. */

export type Severity = 'error' | 'warning' | 'info';

/** Stable rule ids. Never rename one: users and CI scripts match on them. */
export type RuleId =
  // appendix rules (issue 3)
  | 'missing-criterion'
  | 'duplicate-criterion'
  | 'unknown-criterion'
  | 'missing-result'
  | 'unparseable-value'
  | 'unmet-target'
  | 'verdict-mismatch'
  | 'stale-formula'
  | 'missing-verdict'
  | 'ratio-mismatch'
  | 'value-out-of-range'
  | 'ambiguous-unit'
  | 'target-differs'
  | 'missing-evidence'
  | 'group-row-verdict'
  | 'appraisal-differs'
  // reading (issue 10)
  | 'legacy-encoding'
  // evidence forms (issue 6)
  | 'duplicate-entry'
  | 'invalid-phone'
  | 'invalid-email'
  | 'blank-entry'
  | 'ratio-not-filled'
  | 'ratio-differs'
  | 'mark-unclear'
  | 'evidence-differs'
  | 'evidence-folder-missing'
  | 'evidence-file-missing'
  // point-scored sheets (issue 14)
  | 'points-over-max'
  | 'points-sum-mismatch'
  | 'points-unreadable'
  | 'missing-points'
  | 'max-differs'
  | 'score-differs'
  | 'missing-explanation';

export const RULE_SEVERITY: Record<RuleId, Severity> = {
  'missing-criterion': 'error',
  'duplicate-criterion': 'error',
  'unknown-criterion': 'warning',
  'missing-result': 'error',
  'unparseable-value': 'error',
  'unmet-target': 'error',
  'verdict-mismatch': 'error',
  'stale-formula': 'warning',
  'missing-verdict': 'warning',
  'ratio-mismatch': 'error',
  'value-out-of-range': 'error',
  'ambiguous-unit': 'warning',
  'target-differs': 'warning',
  'missing-evidence': 'warning',
  'group-row-verdict': 'warning',
  'appraisal-differs': 'info',
  'legacy-encoding': 'info',
  'duplicate-entry': 'warning',
  'invalid-phone': 'warning',
  'invalid-email': 'warning',
  'blank-entry': 'warning',
  'ratio-not-filled': 'warning',
  'ratio-differs': 'error',
  'mark-unclear': 'warning',
  'evidence-differs': 'error',
  'evidence-folder-missing': 'warning',
  'evidence-file-missing': 'warning',
  'points-over-max': 'error',
  'points-sum-mismatch': 'error',
  'points-unreadable': 'error',
  'missing-points': 'warning',
  'max-differs': 'warning',
  'score-differs': 'error',
  'missing-explanation': 'warning',
};

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Sheet name */
  sheet: string;
  /** A1 address on that sheet */
  cell: string;
  /** Criterion code, when the finding is about one */
  criterion?: string;
  /** Vietnamese message an official understands */
  message: string;
}

/** Row and column of an A1 address for ordering; letters compare by length first (E < AA). */
function cellPosition(cell: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]*)\$?(\d*)/.exec(cell) ?? ['', '', ''];
  const letters = m[1].toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2] || 0), col };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; within a severity, by row then column. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (s !== 0) return s;
    const pa = cellPosition(a.cell);
    const pb = cellPosition(b.cell);
    if (pa.row !== pb.row) return pa.row - pb.row;
    return pa.col - pb.col;
  });
}

export function makeFinding(
  rule: RuleId,
  sheet: string,
  cell: string,
  message: string,
  criterion?: string,
): Finding {
  const f: Finding = { rule, severity: RULE_SEVERITY[rule], sheet, cell, message };
  if (criterion !== undefined) f.criterion = criterion;
  return f;
}
