/**
 * The core's entry point: a workbook snapshot in, a report out. Each sheet is tried as an
 * appendix (PHỤ LỤC 01/02/03), then as an evidence form (Mẫu …); anything else is `unknown`
 * and produces no finding. Cross-sheet checks (appendix vs. its evidence forms, evidence
 * folders) run last.
 */
import type { Catalog } from './catalog/types';
import { sortFindings, type Finding } from './model/findings';
import { GridView, type WorkbookSnapshot } from './model/grid';
import type { SheetReport, WorkbookReport } from './model/report-types';
import { recognizeAppendix } from './appendix/recognize';
import { evaluateAppendix } from './appendix/evaluate';
import { recognizeForms, evaluateForm, crossCheckEvidence, checkEvidenceFolders } from './forms';
import { evaluateScoring, recognizeScoring } from './scoring';
import { decodeLegacyWorkbook, legacyEncodingFinding } from './model/legacy-sheet';

export interface AnalyzeOptions {
  /**
   * Relative paths of every file under the evidence folder (`cds-check validate --evidence DIR`);
   * when given, each criterion requiring evidence must have a folder named after its code.
   */
  evidenceListing?: string[];
}

const EMPTY_SUMMARY = { criteria: 0, met: 0, unmet: 0, undetermined: 0 };

/** The report(s) of one sheet: its appendix, or each evidence form on it, or `unknown`. */
export function analyzeSheetTables(
  sheet: WorkbookSnapshot['sheets'][number],
  catalog: Catalog,
): SheetReport[] {
  const view = new GridView(sheet);
  // a scoring sheet first: only it has "Điểm tối đa" and a points column, and its "Kết quả"
  // column must not make it read as an appendix
  const scoring = recognizeScoring(view);
  if (scoring) {
    const { findings, points } = evaluateScoring(sheet.name, scoring, catalog);
    return [
      {
        name: sheet.name,
        kind: 'dti',
        criteria: [],
        summary: { ...EMPTY_SUMMARY },
        findings,
        ratios: [],
        points,
        scoring,
      },
    ];
  }
  const rec = recognizeAppendix(view, catalog);
  if (rec) {
    const { criteria, findings, summary } = evaluateAppendix(sheet.name, view, rec, catalog);
    return [
      {
        name: sheet.name,
        kind: rec.kind,
        criteria,
        summary,
        findings,
        ratios: [],
        layout: rec.layout,
        rows: rec.rows,
        groups: rec.groups,
      },
    ];
  }
  const forms = recognizeForms(view);
  if (forms.length > 0)
    return forms.map(({ view: formView, rec: form }) => {
      const { findings, ratios } = evaluateForm(sheet.name, formView, form, catalog);
      const report: SheetReport = {
        name: sheet.name,
        kind: form.kind,
        criteria: [],
        summary: { ...EMPTY_SUMMARY },
        findings,
        ratios,
      };
      if (form.range) report.range = form.range;
      return report;
    });
  return [
    {
      name: sheet.name,
      kind: 'unknown',
      criteria: [],
      summary: { ...EMPTY_SUMMARY },
      findings: [],
      ratios: [],
    },
  ];
}

/** The report of a sheet (its first table when it holds several evidence forms). */
export function analyzeSheet(
  sheet: WorkbookSnapshot['sheets'][number],
  catalog: Catalog,
): SheetReport {
  return analyzeSheetTables(sheet, catalog)[0];
}

export function analyzeWorkbook(
  wb: WorkbookSnapshot,
  catalog: Catalog,
  opts: AnalyzeOptions = {},
): WorkbookReport {
  // TCVN3 / VNI text is converted in the snapshot itself, so fill and appraise, which read
  // the same snapshot after this, see Unicode too.
  const legacy = decodeLegacyWorkbook(wb);
  const sheets = wb.sheets.flatMap((s) => analyzeSheetTables(s, catalog));
  const extra: Finding[] = [...crossCheckEvidence(sheets, catalog)];
  for (const [sheet, info] of legacy) extra.push(legacyEncodingFinding(sheet, info));
  if (opts.evidenceListing) {
    for (const s of sheets) {
      if (s.kind === 'phu-luc-01' || s.kind === 'phu-luc-02' || s.kind === 'phu-luc-03') {
        extra.push(...checkEvidenceFolders(opts.evidenceListing, s, catalog));
      }
    }
  }
  for (const f of extra) {
    const target = sheets.find((s) => s.name === f.sheet);
    if (target) target.findings.push(f);
  }
  for (const s of sheets) s.findings = sortFindings(s.findings);
  return { sheets };
}
