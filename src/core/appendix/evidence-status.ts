/**
 * The evidence status of each criterion of an appendix whose table has a Tài liệu minh chứng
 * column (PHỤ LỤC 01), for the pane's per-criterion evidence column (issue 6 §5):
 *   - differs:      an `evidence-differs` finding (the result disagrees with its Mẫu);
 *   - present:      the evidence cell holds a reference (text or hyperlink);
 *   - missing:      a `missing-evidence` finding, or a required cell left empty;
 *   - not-required: the catalog does not require evidence and the cell is empty.
 * Derived from the sheet's report only (rows, layout, findings) and the catalog: pure.
 */
import type { Catalog } from '../catalog/types';
import { toA1 } from '../model/grid';
import type { EvidenceStatusKind } from '../model/labels';
import type { CriterionRow, SheetReport } from '../model/report-types';

export type { EvidenceStatusKind } from '../model/labels';

export interface EvidenceStatus {
  code: string;
  status: EvidenceStatusKind;
  /** What the Tài liệu minh chứng cell says (continuation lines joined), when filled. */
  reference?: string;
  /** A1 address of the evidence cell on the sheet. */
  cell: string;
  /** The cell's hyperlink target, when it has one. */
  hyperlink?: string;
  /** For `differs`: the form kind the result is linked to ("mau-1.4"), when known. */
  form?: string;
  /** The message of the finding behind `differs` / `missing`. */
  message?: string;
}

/** One piece of a reference: plain text, or a web link (href normalised to http(s)). */
export interface ReferencePart {
  text: string;
  href?: string;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'“”]+/gi;

/** Split a reference into text and web links, so links can be clicked and the rest selected. */
export function splitLinks(text: string): ReferencePart[] {
  const parts: ReferencePart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    // trailing punctuation of the sentence is not part of the address
    const trail = /[.,;:!?)\]]+$/.exec(url);
    if (trail) url = url.slice(0, -trail[0].length);
    const start = m.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: /^www\./i.test(url) ? `http://${url}` : url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function evidenceCell(report: SheetReport, row: CriterionRow, col: number): string {
  const cell = row.cells.evidence;
  return cell ? toA1(cell.row, cell.col) : toA1(row.row, col);
}

function referenceOf(row: CriterionRow): string {
  const fromText = (row.texts.evidence ?? '').replace(/\s+/g, ' ').trim();
  if (fromText !== '') return fromText;
  const v = row.cells.evidence?.value;
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * The form an `evidence-differs` finding of this criterion is about: the first of the
 * criterion's form links whose form is among `sheets` (the workbook's other reports), else
 * the first link.
 */
function differingForm(catalog: Catalog, code: string, sheets: SheetReport[]): string | undefined {
  const links = catalog.criteria.find((c) => c.code === code)?.formLinks ?? [];
  const present = links.find((l) => sheets.some((s) => s.kind === l.form));
  return (present ?? links[0])?.form;
}

/**
 * Evidence status per criterion row of the sheet, in the sheet's order. Empty for a sheet
 * without a Tài liệu minh chứng column (PHỤ LỤC 02/03, forms). Rows whose code is not in the
 * catalog are left out (the findings already report them); a duplicated code is listed once.
 */
export function evidenceStatus(
  report: SheetReport,
  catalog: Catalog,
  sheets: SheetReport[] = [],
): EvidenceStatus[] {
  const col = report.layout?.columns.evidence;
  if (col === undefined || !report.rows) return [];
  const byCode = new Map(catalog.criteria.map((c) => [c.code, c]));
  const seen = new Set<string>();
  const out: EvidenceStatus[] = [];
  for (const row of report.rows) {
    const crit = byCode.get(row.code);
    if (!crit || seen.has(row.code)) continue;
    seen.add(row.code);
    const mine = report.findings.filter((f) => f.criterion === row.code);
    const differs = mine.find((f) => f.rule === 'evidence-differs');
    const missing = mine.find((f) => f.rule === 'missing-evidence');
    const reference = referenceOf(row);
    const hyperlink = row.cells.evidence?.hyperlink;
    const filled = reference !== '' || !!hyperlink;
    const entry: EvidenceStatus = {
      code: row.code,
      status: differs
        ? 'differs'
        : missing
          ? 'missing'
          : filled
            ? 'present'
            : crit.evidenceRequired
              ? 'missing'
              : 'not-required',
      cell: evidenceCell(report, row, col),
    };
    if (reference !== '') entry.reference = reference;
    else if (hyperlink) entry.reference = hyperlink;
    if (hyperlink) entry.hyperlink = hyperlink;
    if (differs) {
      const form = differingForm(catalog, row.code, sheets);
      if (form) entry.form = form;
      entry.message = differs.message;
    } else if (missing) entry.message = missing.message;
    out.push(entry);
  }
  return out;
}

/** How many criteria have each status. */
export function countEvidenceStatus(list: EvidenceStatus[]): Record<EvidenceStatusKind, number> {
  const c: Record<EvidenceStatusKind, number> = {
    present: 0,
    missing: 0,
    'not-required': 0,
    differs: 0,
  };
  for (const e of list) c[e.status]++;
  return c;
}
