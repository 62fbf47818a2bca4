/**
 * Findings of a sheet grouped for the pane: by criterion (in catalog order), then the
 * findings not tied to a criterion; inside each group by severity (errors first), then
 * by row. A form's findings (no criterion) are grouped by severity.
 */
import type { Catalog } from '../core/catalog/types';
import type { Finding, Severity } from '../core/model/findings';
import type { SheetReport } from '../core/model/report-types';
import { UI, severityLabel } from './labels';

export interface FindingGroup {
  key: string;
  title: string;
  /** Criterion code, when the group is one criterion. */
  criterion?: string;
  findings: Finding[];
  counts: Record<Severity, number>;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function rowOf(cell: string): number {
  return Number(/\d+/.exec(cell)?.[0] ?? 0);
}

function bySeverityThenRow(a: Finding, b: Finding): number {
  return (
    ORDER[a.severity] - ORDER[b.severity] ||
    rowOf(a.cell) - rowOf(b.cell) ||
    a.cell.localeCompare(b.cell)
  );
}

function counts(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** "1.10" after "1.9": compare codes part by part. */
function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}

export function groupFindings(sheet: SheetReport, catalog: Catalog): FindingGroup[] {
  const byCriterion = new Map<string, Finding[]>();
  const loose: Finding[] = [];
  for (const f of sheet.findings) {
    if (f.criterion) {
      const list = byCriterion.get(f.criterion) ?? [];
      list.push(f);
      byCriterion.set(f.criterion, list);
    } else loose.push(f);
  }
  const order = new Map(catalog.criteria.map((c, i) => [c.code, i]));
  const codes = [...byCriterion.keys()].sort((a, b) => {
    const ia = order.get(a);
    const ib = order.get(b);
    if (ia !== undefined && ib !== undefined) return ia - ib;
    if (ia !== undefined) return -1;
    if (ib !== undefined) return 1;
    return compareCodes(a, b);
  });
  const groups: FindingGroup[] = codes.map((code) => {
    const findings = byCriterion.get(code)!.sort(bySeverityThenRow);
    const name = catalog.criteria.find((c) => c.code === code)?.name;
    return {
      key: `c:${code}`,
      title: name ? `${code}. ${name}` : code,
      criterion: code,
      findings,
      counts: counts(findings),
    };
  });
  if (loose.length === 0) return groups;
  if (groups.length === 0) {
    // a form: one group per severity
    for (const sev of ['error', 'warning', 'info'] as Severity[]) {
      const findings = loose.filter((f) => f.severity === sev).sort(bySeverityThenRow);
      if (findings.length)
        groups.push({
          key: `s:${sev}`,
          title: severityLabel(sev),
          findings,
          counts: counts(findings),
        });
    }
    return groups;
  }
  const findings = loose.sort(bySeverityThenRow);
  groups.push({ key: 'general', title: UI.general, findings, counts: counts(findings) });
  return groups;
}
