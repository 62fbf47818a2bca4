/** The Vietnamese text report of `cds-check validate`: per file, per sheet, findings one a line. */
import { sortFindings, type Finding, type RuleId } from '../core/model/findings';
import { fromA1, toA1 } from '../core/model/grid';
import { pointsLineVi } from '../core/scoring/messages';
import type { SheetReport } from '../core/model/report-types';
import type { JsonFileReport } from './report-json';
import { kindLabel, numberVi, percentVi, SEVERITY_LABELS } from './labels';

/** Severity label, cell and criterion as aligned columns, then the message and the rule id. */
function findingLine(
  f: Pick<Finding, 'severity' | 'cell' | 'criterion' | 'message' | 'rule'>,
): string {
  const crit = f.criterion ?? '–';
  // the core's messages usually start with "1.11: "; the column already shows the criterion
  const msg =
    f.criterion && f.message.startsWith(`${f.criterion}: `)
      ? f.message.slice(f.criterion.length + 2)
      : f.message;
  return `    ${SEVERITY_LABELS[f.severity].padEnd(9)} ${f.cell.padEnd(5)} ${crit.padEnd(5)} ${msg} [${f.rule}]`;
}

function countsText(findings: Finding[]): string {
  const n = (sev: Finding['severity']) => findings.filter((f) => f.severity === sev).length;
  const parts: string[] = [];
  if (n('error')) parts.push(`${n('error')} lỗi`);
  if (n('warning')) parts.push(`${n('warning')} cảnh báo`);
  if (n('info')) parts.push(`${n('info')} thông tin`);
  return parts.join(', ');
}

/** "Đạt 36/37 tiêu chí (97,3%)", with the unmet and undetermined counts when any. */
export function summaryLine(s: SheetReport['summary']): string {
  const ratio = s.criteria > 0 ? s.met / s.criteria : 0;
  const parts = [`Đạt ${s.met}/${s.criteria} tiêu chí (${percentVi(ratio)})`];
  if (s.unmet > 0) parts.push(`không đạt ${s.unmet}`);
  if (s.undetermined > 0) parts.push(`chưa xác định ${s.undetermined}`);
  return parts.join('; ');
}

function sheetLines(s: SheetReport): string[] {
  const where = s.range ? ` (vùng ${s.range})` : '';
  const lines = [`  Trang tính "${s.name}"${where}: ${kindLabel(s.kind)}`];
  const counts = countsText(s.findings);
  if (s.summary.criteria > 0 || s.kind.startsWith('phu-luc'))
    lines.push(`    ${summaryLine(s.summary)}${counts ? ` — ${counts}` : ''}`);
  else if (s.points) lines.push(`    ${pointsLine(s.points)}${counts ? ` — ${counts}` : ''}`);
  else if (counts) lines.push(`    ${counts}`);
  for (const r of s.ratios) {
    lines.push(
      r.kind === 'count'
        ? `    ${r.label}: ${numberVi(r.value)} (ô ${r.cell})`
        : `    ${r.label}: ${numberVi(r.numerator)}/${numberVi(r.denominator)} = ${percentVi(r.value)} (ô ${r.cell})`,
    );
  }
  const findings = sortFindings(s.findings);
  if (findings.length === 0) lines.push('    Không có lỗi hay cảnh báo.');
  if (!isUnfilled(s)) {
    for (const f of findings) lines.push(findingLine(f));
    return lines;
  }
  // errors, then warnings, then information; a collapsed line after its severity's others
  const { kept, collapsed } = collapseUnfilled(findings);
  const entries = [...kept.map((f) => ({ sev: f.severity, text: findingLine(f) })), ...collapsed];
  const order = { error: 0, warning: 1, info: 2 } as const;
  entries.sort((a, b) => order[a.sev] - order[b.sev]);
  lines.push(...entries.map((e) => e.text));
  return lines;
}

/** "Tổng điểm 83,125/100 (cộng từ các mục: 83,125)" for a scoring sheet (core wording). */
export function pointsLine(p: NonNullable<SheetReport['points']>): string {
  return pointsLineVi(p);
}

/** Findings that say "nothing was written here": one line each on a sheet nobody filled in. */
const UNFILLED_RULES: readonly RuleId[] = ['missing-result', 'missing-verdict', 'missing-evidence'];

/** A sheet where every criterion has no result: a blank template or an appendix not yet filled. */
export function isUnfilled(s: SheetReport): boolean {
  if (s.criteria.length === 0) return false;
  const missing = new Set(
    s.findings.filter((f) => f.rule === 'missing-result').map((f) => f.criterion),
  );
  return s.criteria.every((c) => missing.has(c.code));
}

/** "E6:E45" when the cells are in one column, else the first cell and "…". */
function cellSpan(cells: string[]): string {
  const at = cells.map((c) => {
    try {
      return fromA1(c);
    } catch {
      return null;
    }
  });
  if (at.some((a) => a === null)) return cells[0];
  const ok = at as { row: number; col: number }[];
  if (ok.every((a) => a.col === ok[0].col)) {
    const rows = ok.map((a) => a.row);
    const top = toA1(Math.min(...rows), ok[0].col);
    const bottom = toA1(Math.max(...rows), ok[0].col);
    return top === bottom ? top : `${top}:${bottom}`;
  }
  return `${cells[0]}…`;
}

/**
 * The TEXT report of an unfilled sheet: the findings of UNFILLED_RULES, one line per rule
 * ("chưa có kết quả … — cả 37 tiêu chí"), the others kept. JSON keeps every finding.
 */
function collapseUnfilled(findings: Finding[]): {
  kept: Finding[];
  collapsed: { sev: Finding['severity']; text: string }[];
} {
  const kept: Finding[] = [];
  const byRule = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    if (!UNFILLED_RULES.includes(f.rule)) {
      kept.push(f);
      continue;
    }
    const list = byRule.get(f.rule) ?? [];
    list.push(f);
    byRule.set(f.rule, list);
  }
  const collapsed: { sev: Finding['severity']; text: string }[] = [];
  for (const [rule, list] of byRule) {
    if (list.length === 1) {
      kept.push(list[0]);
      continue;
    }
    const first = list[0];
    const head =
      rule === 'missing-evidence'
        ? 'chưa ghi tài liệu minh chứng'
        : rule === 'missing-verdict'
          ? 'chưa ghi Đánh giá'
          : messageText(first).split(/[:(]/)[0].trim();
    const codes = list.map((f) => f.criterion).filter((c): c is string => !!c);
    const which =
      rule === 'missing-result'
        ? `ở cả ${list.length} tiêu chí: phụ lục chưa được điền`
        : `ở ${list.length} tiêu chí: ${shortList(codes)}`;
    collapsed.push({
      sev: first.severity,
      text: findingLine({
        severity: first.severity,
        cell: cellSpan(list.map((f) => f.cell)),
        rule,
        message: `${head} ${which} (chi tiết từng ô: --json)`,
      }),
    });
  }
  return { kept, collapsed };
}

function messageText(f: Finding): string {
  return f.criterion && f.message.startsWith(`${f.criterion}: `)
    ? f.message.slice(f.criterion.length + 2)
    : f.message;
}

function shortList(codes: string[], max = 12): string {
  return codes.length > max
    ? `${codes.slice(0, max).join(', ')}, … (${codes.length - max} tiêu chí khác)`
    : codes.join(', ');
}

/** The report of one file (sheets as analysed, or its reading error). */
export function fileText(
  file: string,
  error: JsonFileReport['error'],
  sheets: SheetReport[],
): string {
  const lines = [`Tệp ${file}`];
  if (error) {
    lines.push(`  Không đọc được: ${error.message}`);
    return lines.join('\n') + '\n';
  }
  const known = sheets.filter((s) => s.kind !== 'unknown');
  const unknown = sheets.filter((s) => s.kind === 'unknown');
  for (const s of known) lines.push(...sheetLines(s));
  if (unknown.length > 0) {
    const names = unknown.map((s) => `"${s.name}"`);
    const shown =
      names.length > 8 ? [...names.slice(0, 8), `và ${names.length - 8} trang khác`] : names;
    lines.push(`  Trang tính ${kindLabel('unknown')}: ${shown.join(', ')}`);
  }
  if (known.length === 0) lines.push('  Không tìm thấy phụ lục hay biểu mẫu nào để kiểm tra.');
  return lines.join('\n') + '\n';
}

export interface RunTotals {
  files: number;
  unreadable: number;
  withErrors: number;
  clean: number;
}

export function totalsText(t: RunTotals): string {
  return (
    `Tổng cộng ${t.files} tệp: ${t.clean} không có lỗi, ${t.withErrors} có lỗi` +
    (t.unreadable > 0 ? `, ${t.unreadable} không đọc được` : '') +
    '.\n'
  );
}
