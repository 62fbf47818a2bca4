/** The Vietnamese text report of `cds-check validate`: per file, per sheet, findings one a line. */
import { sortFindings, type Finding } from '../core/findings';
import type { SheetReport } from '../core/report-types';
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
  const lines = [`  Trang tính "${s.name}": ${kindLabel(s.kind)}`];
  const counts = countsText(s.findings);
  if (s.summary.criteria > 0 || s.kind.startsWith('phu-luc'))
    lines.push(`    ${summaryLine(s.summary)}${counts ? ` — ${counts}` : ''}`);
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
  for (const f of findings) lines.push(findingLine(f));
  return lines;
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
