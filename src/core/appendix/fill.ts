/**
 * `fill`: make an appendix live. For every recognised PHỤ LỤC 01/02/03 sheet:
 * - results typed as text become numbers ("82,9%" → 0.829 shown 0.0%; "3.644/4.993" → the
 *   formula 3644/4993; "14 điểm" → 14 shown `0 "điểm"`), the typed text kept in a note;
 * - Đánh giá gets a verdict formula on the result cell (see verdict-formula.ts), written only
 *   when it shows, for the value there now, the verdict `validate` gives — otherwise the
 *   typed verdict is left for a person and the plan says why. When Đánh giá is split into
 *   "Đạt" | "Không đạt" mark columns (layout.verdictMarks), each gets its own formula showing
 *   "x" or "" (both "" for an empty or unreadable result); typed marks go to notes;
 * - a summary block with COUNTIF formulas goes under the table (summary-block.ts), counting
 *   "Đạt" (or the marks of the "Đạt" column) over the criterion rows and their continuation
 *   rows only: sub-items listed under a criterion (CriterionRow.subItemRows, with verdicts of
 *   their own) are neither written nor counted, and the block goes below them (layout.lastRow
 *   covers them). Nothing assumes a TT column of its own (codes may stand in front of names).
 * Pure: returns an EditPlan. Re-running on a filled sheet plans nothing (formulas, notes and
 * the summary title are recognised).
 */
import type { Catalog, Criterion } from '../catalog/types';
import type { CellEdit, EditPlan } from '../plan/edit-plan';
import { a1 } from '../model/formula';
import {
  cellText,
  GridView,
  toA1,
  type Cell,
  type SheetGrid,
  type WorkbookSnapshot,
} from '../model/grid';
import { encodingOfFont } from '../model/legacy-encoding';
import {
  convertTypedResult,
  convertedValue,
  hasOriginalNote,
  originalNote,
  type Conversion,
} from '../model/convert-result';
import { percentFormatKind } from '../model/parse-value';
import type {
  CriterionResult,
  CriterionRow,
  SheetReport,
  WorkbookReport,
} from '../model/report-types';
import { isAppendixKind, resultRoleOfKind } from './roles';
import {
  freeBlockRow,
  hasSummaryBlock,
  summaryEdits,
  summaryHeight,
  tableBottom,
  type SummaryGroup,
} from './summary-block';
import {
  MARK_TEXT,
  markOutputs,
  shownAs,
  simulateVerdict,
  VERDICT_WORDS,
  verdictFormula,
  verdictRuleFor,
  verdictText,
  type VerdictOutputs,
  type VerdictText,
} from './verdict-formula';
import { cleanText } from '../model/text';
import { ratioDisagreement } from './evaluate';
import { planFormEdits } from '../forms/link-forms';
import { applyPlanToSnapshot } from '../plan/apply-to-snapshot';
import { planScoringSheets } from '../scoring/fill';

export interface FillOptions {
  /** Only this sheet (the pane's active sheet); default: every appendix sheet */
  sheet?: string;
}

/** Counts of what a fill plan does, for the CLI/pane summary. */
export interface FillStats {
  converted: number;
  verdictFormulas: number;
  summaries: number;
  skipped: number;
  /** Appendix sheets (PHỤ LỤC 01/02/03) looked at */
  appendixSheets: number;
  /** …of which protected (nothing written there) */
  protectedSheets: number;
}

export interface FillPlan extends EditPlan {
  stats: FillStats;
}

interface SheetFill {
  edits: CellEdit[];
  notes: string[];
  stats: FillStats;
}

function emptyStats(): FillStats {
  return {
    converted: 0,
    verdictFormulas: 0,
    summaries: 0,
    skipped: 0,
    appendixSheets: 0,
    protectedSheets: 0,
  };
}

/** The cell that shows what is at (row, col): the top-left of a merge covering it. */
function anchor(view: GridView, row: number, col: number): { row: number; col: number } {
  const m = view.mergeAt(row, col);
  return m ? { row: m.top, col: m.left } : { row, col };
}

/** A value as a spreadsheet formula reads it from a cell. */
function cellValue(c: Cell | undefined): string | number | boolean | null {
  if (!c || c.kind === 'empty') return null;
  if (c.kind === 'error') return null;
  return c.value;
}

function firstRowPerCode(rows: CriterionRow[]): Map<string, CriterionRow> {
  const m = new Map<string, CriterionRow>();
  for (const r of rows) if (!m.has(r.code.trim())) m.set(r.code.trim(), r);
  return m;
}

function fillSheet(sheet: SheetGrid, rep: SheetReport, catalog: Catalog): SheetFill {
  const out: SheetFill = { edits: [], notes: [], stats: emptyStats() };
  const name = sheet.name;
  const layout = rep.layout;
  const role = resultRoleOfKind(rep.kind);
  if (!layout || !rep.rows || !role) return out;
  if (sheet.protected) {
    out.notes.push(
      `Trang tính "${name}" đang được bảo vệ (Protect Sheet): chưa điền công thức — hãy bỏ bảo vệ rồi chạy lại.`,
    );
    out.stats.protectedSheets++;
    return out;
  }
  const view = new GridView(sheet);
  const resultCol = layout.columns[role];
  const verdictCol = layout.columns.verdict;
  if (resultCol === undefined) return out;
  const marks = layout.verdictMarks;
  /** The Đánh giá column, or the "Đạt" then the "Không đạt" mark column, with what each shows. */
  const verdictCols: { col: number; outputs: VerdictOutputs }[] = marks
    ? [
        { col: marks.met, outputs: markOutputs('met') },
        { col: marks.unmet, outputs: markOutputs('unmet') },
      ]
    : verdictCol !== undefined
      ? [{ col: verdictCol, outputs: VERDICT_WORDS }]
      : [];
  const rows = firstRowPerCode(rep.rows);
  const results = new Map<string, CriterionResult>(rep.criteria.map((c) => [c.code, c]));
  /** What each Đánh giá cell shows after the plan (rows → text). */
  const shown = new Map<number, string>();
  /**
   * The one row the summary counts for each criterion: the row its verdict formula is
   * written on, else the one row of the criterion holding a verdict (a PDF paste centres
   * "Đạt" on a continuation row): a criterion is never counted twice.
   */
  const countRow = new Map<string, number>();
  const typedVerdictRow = (row: CriterionRow): number => {
    if (verdictCols.length === 0) return row.row;
    const rowsOf = [row.row, ...row.continuationRows];
    const typed = rowsOf.find((r) =>
      verdictCols.some((v) => cellText(view.get(r, v.col)).trim() !== ''),
    );
    return typed ?? row.row;
  };

  for (const crit of catalog.criteria) {
    const row = rows.get(crit.code);
    const res = results.get(crit.code);
    if (!row || !res) continue;
    // 1. the result cell
    const at = anchor(view, row.row, resultCol);
    const cell = view.raw(at.row, at.col);
    let post: string | number | boolean | null = cellValue(cell);
    let percentCell = percentFormatKind(cell?.numberFormat) !== null;
    let conv: Conversion | null = null;
    if (at.row === row.row && cell && !hasOriginalNote(cell))
      conv = convertTypedResult(cell, res.parsed);
    if (conv && cell) {
      const addr = a1(at.row, at.col);
      const typed = cellText(cell);
      out.edits.push(
        conv.kind === 'value'
          ? {
              op: 'set-value',
              sheet: name,
              cell: addr,
              value: conv.value,
              numberFormat: conv.numberFormat,
            }
          : {
              op: 'set-formula',
              sheet: name,
              cell: addr,
              formula: conv.formula,
              cached: conv.cached,
              numberFormat: conv.numberFormat,
            },
      );
      out.edits.push({
        op: 'set-note',
        sheet: name,
        cell: addr,
        text: originalNote(cell.note, typed),
      });
      post = convertedValue(conv);
      percentCell = percentFormatKind(conv.numberFormat) !== null;
      out.stats.converted++;
      const p = res.parsed;
      if (
        p?.kind === 'rate' &&
        p.stated !== undefined &&
        p.numerator !== undefined &&
        p.denominator !== undefined &&
        conv.kind === 'formula' &&
        ratioDisagreement(p.numerator, p.denominator, p.stated) !== null
      )
        out.notes.push(
          `${crit.code}: “${cleanText(typed)}” — tỷ lệ ghi không khớp phép chia; ô ${addr} giữ phép chia ${conv.formula}, nội dung gốc ở ghi chú.`,
        );
    }
    // 2. the verdict cell(s)
    if (verdictCols.length === 0) continue;
    const targets = verdictCols.map((v) => ({ ...v, at: anchor(view, row.row, v.col) }));
    const metAt = targets[0].at;
    const current = () => cellText(view.raw(metAt.row, metAt.col));
    if (targets.some((t) => t.at.row !== row.row)) {
      shown.set(row.row, current());
      countRow.set(crit.code, metAt.row);
      continue; // merged from a row above: not ours to write
    }
    if (targets.some((t) => view.raw(t.at.row, t.at.col)?.formula)) {
      shown.set(row.row, current());
      countRow.set(crit.code, row.row);
      continue; // already live
    }
    const rule = verdictRuleFor(crit, percentCell);
    const simulated: VerdictText = simulateVerdict(post, rule);
    const expected = verdictText(res.verdict);
    if (simulated !== expected) {
      shown.set(row.row, current());
      countRow.set(crit.code, typedVerdictRow(row));
      out.stats.skipped++;
      out.notes.push(skipMessage(crit, a1(metAt.row, metAt.col), post));
      continue;
    }
    for (const t of targets) {
      const vAddr = a1(t.at.row, t.at.col);
      const vCell = view.raw(t.at.row, t.at.col);
      out.edits.push({
        op: 'set-formula',
        sheet: name,
        cell: vAddr,
        formula: verdictFormula(a1(at.row, at.col), rule, t.outputs),
        cached: shownAs(simulated, t.outputs),
      });
      const typedVerdict = cellText(vCell);
      if (typedVerdict.trim() !== '' || vCell?.note)
        out.edits.push({
          op: 'set-note',
          sheet: name,
          cell: vAddr,
          text:
            typedVerdict.trim() !== ''
              ? originalNote(vCell?.note, typedVerdict)
              : (vCell?.note ?? null),
        });
    }
    shown.set(row.row, shownAs(simulated, targets[0].outputs));
    countRow.set(crit.code, row.row);
    out.stats.verdictFormulas++;
  }

  // 3. the summary block
  if (verdictCols.length > 0 && !hasSummaryBlock(view, layout.headerRow + 1)) {
    const countCol = verdictCols[0].col;
    const shownAt = (r: number) => shown.get(r) ?? cellText(view.raw(r, countCol));
    const groups: SummaryGroup[] = catalog.groups.map((g) => {
      const crits = catalog.criteria.filter((c) => c.group === g.code);
      const groupRows: number[] = [];
      for (const c of crits) {
        const r = rows.get(c.code);
        if (r) groupRows.push(countRow.get(c.code) ?? typedVerdictRow(r));
      }
      return { label: `${g.code}. ${g.name}`, rows: groupRows, total: crits.length };
    });
    const labelCol = layout.columns.name ?? (layout.columns.tt ?? 0) + 1;
    const height = summaryHeight(groups.length);
    const start = freeBlockRow(view, tableBottom(layout, rep.rows) + 2, height, labelCol, 4);
    out.edits.push(
      ...summaryEdits({
        sheet: name,
        groups,
        verdictCol: countCol,
        startRow: start,
        labelCol,
        verdictShown: shownAt,
        ...(marks ? { metTexts: markTexts(groups.flatMap((g) => g.rows).map(shownAt)) } : {}),
      }),
    );
    out.stats.summaries++;
  }
  return out;
}

/**
 * The marks the summary counts in a "Đạt" mark column: the "x" our formulas show and any
 * other mark typed there (✓, X, v…); not a dash, a dot or a 0, which say "no mark".
 */
function markTexts(shown: string[]): string[] {
  const typed = shown.filter((t) => t.trim() !== '' && !/^[-–—.0\s]+$/.test(t));
  return [MARK_TEXT, ...typed];
}

function skipMessage(
  crit: Criterion,
  cell: string,
  value: string | number | boolean | null,
): string {
  const shown = value === null ? '(trống)' : `“${String(value)}”`;
  return `${crit.code}: chưa viết công thức Đánh giá vào ô ${cell} — kết quả ${shown} cần người đánh giá xem xét.`;
}

/** The plan that makes every appendix sheet of the workbook live (or only `opts.sheet`). */
export function planFill(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
  opts: FillOptions = {},
): FillPlan {
  const edits: CellEdit[] = [];
  const notes: string[] = [];
  const stats = emptyStats();
  for (const rep of report.sheets) {
    if (!isAppendixKind(rep.kind)) continue;
    if (opts.sheet !== undefined && rep.name !== opts.sheet) continue;
    const grid = snapshot.sheets.find((s) => s.name === rep.name);
    if (!grid) continue;
    stats.appendixSheets++;
    const r = fillSheet(grid, rep, catalog);
    edits.push(...r.edits);
    notes.push(...r.notes);
    stats.converted += r.stats.converted;
    stats.verdictFormulas += r.stats.verdictFormulas;
    stats.summaries += r.stats.summaries;
    stats.skipped += r.stats.skipped;
    stats.protectedSheets += r.stats.protectedSheets;
  }
  return { description: fillDescription(stats), edits, notes, stats };
}

export const NO_APPENDIX_TO_FILL = 'Không tìm thấy bảng PHỤ LỤC 01/02/03 nào để điền công thức.';

export function fillDescription(s: FillStats): string {
  if (s.converted + s.verdictFormulas + s.summaries === 0) {
    if (s.appendixSheets === 0) return NO_APPENDIX_TO_FILL;
    if (s.protectedSheets === s.appendixSheets)
      return 'Không điền được: phụ lục nằm trên trang tính đang được bảo vệ.';
    return 'Không có gì cần điền: bảng đã có công thức.';
  }
  const parts: string[] = [];
  if (s.converted) parts.push(`chuyển ${s.converted} kết quả sang số`);
  if (s.verdictFormulas) parts.push(`viết ${s.verdictFormulas} công thức Đánh giá`);
  if (s.summaries) parts.push(`thêm ${s.summaries} bảng tổng hợp`);
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Everything `cds-check fill` and the pane's **Điền công thức** do on a workbook: the evidence
 * forms' summary formulas and PHỤ LỤC 01's links to them (forms/planFormEdits), then, on the
 * workbook as those edits leave it, the appendix formulas of `planFill`. `analyze` is the
 * core's analyzeWorkbook (passed in to keep this module free of the forms' recognisers).
 */
export function planFillWorkbook(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
  analyze: (wb: WorkbookSnapshot, catalog: Catalog) => WorkbookReport,
  opts: FillOptions = {},
): FillPlan {
  return inUnicodeFont(
    withScoring(
      planAppendicesAndForms(snapshot, report, catalog, analyze, opts),
      planScoringSheets(snapshot, report, catalog, opts.sheet),
    ),
    snapshot,
  );
}

/** The font what we write is read in, on a cell that was typed in a TCVN3 or VNI font. */
export const UNICODE_FONT = 'Times New Roman';

/**
 * What we write is Unicode. On a cell formatted in a legacy font (.VnTime, VNI-Times) it would
 * show garbled, so every cell the plan writes that carries such a font is also set to Times
 * New Roman (the snapshot keeps each cell's font on sheets typed in a legacy font).
 */
function inUnicodeFont(plan: FillPlan, snapshot: WorkbookSnapshot): FillPlan {
  const legacyCells = new Map<string, Set<string>>();
  for (const sheet of snapshot.sheets) {
    const cells = new Set<string>();
    for (const c of sheet.cells) if (encodingOfFont(c.font)) cells.add(toA1(c.row, c.col));
    if (cells.size > 0) legacyCells.set(sheet.name, cells);
  }
  if (legacyCells.size === 0) return plan;
  const fonts: CellEdit[] = [];
  const done = new Set<string>();
  for (const e of plan.edits) {
    if (e.op !== 'set-value' && e.op !== 'set-formula') continue;
    const cell = e.cell.toUpperCase();
    const key = `${e.sheet}\u0000${cell}`;
    if (done.has(key) || !legacyCells.get(e.sheet)?.has(cell)) continue;
    done.add(key);
    fonts.push({ op: 'set-style', sheet: e.sheet, cell, fontName: UNICODE_FONT });
  }
  return fonts.length === 0 ? plan : { ...plan, edits: [...plan.edits, ...fonts] };
}

/** The scoring sheets' SUM formulas (issue 14) added to the appendix/forms plan. */
function withScoring(plan: FillPlan, scoring: ReturnType<typeof planScoringSheets>): FillPlan {
  if (scoring.sheets === 0) return plan;
  const nothingElse = plan.edits.length === 0;
  return {
    description: nothingElse ? scoring.description : `${plan.description}; ${scoring.description}`,
    edits: [...plan.edits, ...scoring.edits],
    notes: [
      ...(plan.notes ?? []).filter((n) => !nothingElse || n !== NO_APPENDIX_TO_FILL),
      ...scoring.notes,
    ],
    stats: plan.stats,
  };
}

function planAppendicesAndForms(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
  analyze: (wb: WorkbookSnapshot, catalog: Catalog) => WorkbookReport,
  opts: FillOptions,
): FillPlan {
  const forms = planFormEdits(snapshot, report, catalog);
  const formEdits =
    opts.sheet === undefined ? forms.edits : forms.edits.filter((e) => e.sheet === opts.sheet);
  if (formEdits.length === 0) {
    const plan = planFill(snapshot, report, catalog, opts);
    return { ...plan, notes: [...(forms.notes ?? []), ...(plan.notes ?? [])] };
  }
  const next = applyPlanToSnapshot(snapshot, { description: '', edits: formEdits });
  const plan = planFill(next, analyze(next, catalog), catalog, opts);
  const anything = plan.stats.converted + plan.stats.verdictFormulas + plan.stats.summaries > 0;
  return {
    description: anything ? `${forms.description}; ${plan.description}` : forms.description,
    edits: [...formEdits, ...plan.edits],
    notes: [...(forms.notes ?? []), ...(plan.notes ?? [])],
    stats: plan.stats,
  };
}
