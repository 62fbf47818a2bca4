/** The `--json` shape of `cds-check validate` (issue 3 §6). Fields may be added, never renamed. */
import type { Severity, RuleId } from '../core/model/findings';
import type { SheetKind, SheetReport, SheetSummary, Verdict } from '../core/model/report-types';

export interface JsonFinding {
  rule: RuleId;
  severity: Severity;
  cell: string;
  criterion: string | null;
  message: string;
}

export interface JsonCriterion {
  code: string;
  row: number;
  verdict: Verdict;
  value: number | string | boolean | null;
  target: number | string | null;
}

export interface JsonRatio {
  label: string;
  numerator: number;
  denominator: number;
  value: number;
  cell: string;
  key?: string;
  kind?: 'rate' | 'count';
}

export interface JsonSheet {
  name: string;
  kind: SheetKind;
  /** "A1:H40" when the sheet holds several evidence forms (one entry per form). */
  range?: string;
  criteria: JsonCriterion[];
  summary: SheetSummary;
  findings: JsonFinding[];
  ratios: JsonRatio[];
  /** Scoring sheets (kind "dti") only: maximum, total as typed, total computed from the items. */
  points?: JsonPoints;
}

export interface JsonPoints {
  max: number;
  total: number | null;
  computed: number;
  band?: string;
  indices: {
    code: string;
    name: string;
    max: number | null;
    total: number | null;
    computed: number;
  }[];
}

export interface JsonFileReport {
  file: string;
  error: null | { code: string; message: string };
  sheets: JsonSheet[];
}

export interface JsonReport {
  files: JsonFileReport[];
}

export function jsonSheet(s: SheetReport): JsonSheet {
  const out = jsonSheetBase(s);
  if (s.points) {
    const p: JsonPoints = {
      max: s.points.max,
      total: s.points.total,
      computed: s.points.computed,
      indices: s.points.indices.map((x) => ({ ...x })),
    };
    if (s.points.band !== undefined) p.band = s.points.band;
    out.points = p;
  }
  return out;
}

function jsonSheetBase(s: SheetReport): JsonSheet {
  return {
    name: s.name,
    kind: s.kind,
    ...(s.range ? { range: s.range } : {}),
    criteria: s.criteria.map((c) => ({
      code: c.code,
      row: c.row,
      verdict: c.verdict,
      value: c.value,
      target: c.target,
    })),
    summary: {
      criteria: s.summary.criteria,
      met: s.summary.met,
      unmet: s.summary.unmet,
      undetermined: s.summary.undetermined,
    },
    findings: s.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      cell: f.cell,
      criterion: f.criterion ?? null,
      message: f.message,
    })),
    ratios: s.ratios.map((r) => {
      const out: JsonRatio = {
        label: r.label,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        cell: r.cell,
      };
      if (r.key !== undefined) out.key = r.key;
      if (r.kind !== undefined) out.kind = r.kind;
      return out;
    }),
  };
}
