/**
 * Appraise `--adjacent`: the appraisal columns right of the source table on the same sheet,
 * without changing any existing cell.
 */
import type { AppraisalLevel, Catalog } from '../catalog/types';
import type { CellEdit } from '../plan/edit-plan';
import { a1, colLetters } from '../model/formula';
import { cellText, type WorkbookSnapshot } from '../model/grid';
import { percentFormatKind } from '../model/parse-value';
import type { WorkbookReport } from '../model/report-types';
import { APPENDIX_HEADERS, TO_CHECK_FILL, TO_CHECK_NOTE } from './template';
import {
  freeBlockRow,
  summaryEdits,
  summaryHeight,
  tableBottom,
  type SummaryGroup,
} from './summary-block';
import { simulateVerdict, verdictFormula, verdictRuleFor } from './verdict-formula';
import { cleanText } from '../model/text';
import { printSetupForPlan } from '../report/print-setup';
import { type Source, failure, ownContent } from './appraise-source';
import type { AppraisePlan } from './appraise';

/** The exists-plan when a sheet already has this level's column next to its table. */
export function adjacentDone(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  level: AppraisalLevel,
  sourceSheet: string | undefined,
): AppraisePlan | null {
  const header = cleanText(level.resultHeader);
  for (const rep of report.sheets) {
    if (!rep.layout || (sourceSheet !== undefined && rep.name !== sourceSheet)) continue;
    const grid = snapshot.sheets.find((s) => s.name === rep.name);
    if (!grid) continue;
    const has = grid.cells.some(
      (c) => c.row === rep.layout!.headerRow && cleanText(cellText(c)) === header,
    );
    if (!has) continue;
    const msg = `Sheet "${rep.name}" đã có cột “${level.resultHeader}” — không thêm lần nữa.`;
    return {
      ok: true,
      exists: true,
      description: msg,
      edits: [],
      notes: [msg],
      sourceSheet: rep.name,
      targetSheet: rep.name,
    };
  }
  return null;
}

/** Header rows to write the new titles on: the first, and each repeated header (PDF paste). */
function titleRows(headerRows: number[]): number[] {
  const sorted = [...new Set(headerRows)].sort((a, b) => a - b);
  return sorted.filter((r, i) => i === 0 || sorted[i - 1] !== r - 1);
}

export function planAdjacent(catalog: Catalog, level: AppraisalLevel, src: Source): AppraisePlan {
  const sheet = src.rep.name;
  const layout = src.rep.layout!;
  const view = src.view;
  if (src.grid.protected)
    return failure(`Sheet "${sheet}" đang được bảo vệ: không thêm được cột thẩm định.`);
  const c0 = view.maxCol + 1;
  const cVerdict = c0 + 1;
  const cNote = c0 + 2;
  const edits: CellEdit[] = [];
  const headers = [level.resultHeader, APPENDIX_HEADERS.verdict, APPENDIX_HEADERS.note];
  headers.forEach((_, i) =>
    edits.push({
      op: 'set-column-width',
      sheet,
      column: colLetters(c0 + i),
      width: i === 0 ? 20 : 14,
    }),
  );
  for (const r of titleRows(layout.headerRows))
    headers.forEach((h, i) => {
      edits.push({ op: 'set-value', sheet, cell: a1(r, c0 + i), value: h });
      edits.push({
        op: 'set-style',
        sheet,
        cell: a1(r, c0 + i),
        bold: true,
        wrap: true,
        align: 'center',
        border: true,
      });
    });
  const shown = new Map<number, string>();
  const groups: SummaryGroup[] = [];
  for (const g of catalog.groups) {
    const crits = catalog.criteria.filter((c) => c.group === g.code);
    const groupRows: number[] = [];
    for (const crit of crits) {
      const row = src.rows.get(crit.code);
      if (!row) continue;
      groupRows.push(row.row);
      const own = ownContent(row, src.role, src.results.get(crit.code));
      const addr = a1(row.row, c0);
      const fmt = own.numberFormat ?? (crit.target.kind === 'min-rate' ? '0.0%' : undefined);
      edits.push(
        own.kind === 'formula'
          ? {
              op: 'set-formula',
              sheet,
              cell: addr,
              formula: own.formula,
              cached: own.cached,
              ...(fmt ? { numberFormat: fmt } : {}),
            }
          : {
              op: 'set-value',
              sheet,
              cell: addr,
              value: own.value,
              ...(fmt ? { numberFormat: fmt } : {}),
            },
      );
      edits.push({ op: 'set-note', sheet, cell: addr, text: TO_CHECK_NOTE });
      edits.push({ op: 'set-fill', sheet, cell: addr, color: TO_CHECK_FILL });
      const rule = verdictRuleFor(crit, percentFormatKind(fmt) !== null);
      const cached = simulateVerdict(own.kind === 'formula' ? own.cached : own.value, rule);
      edits.push({
        op: 'set-formula',
        sheet,
        cell: a1(row.row, cVerdict),
        formula: verdictFormula(addr, rule),
        cached,
      });
      for (const c of [c0, cVerdict, cNote])
        edits.push({ op: 'set-style', sheet, cell: a1(row.row, c), border: true });
      shown.set(row.row, cached);
    }
    groups.push({ label: `${g.code}. ${g.name}`, rows: groupRows, total: crits.length });
  }
  // The summary goes under the table in the name column (free cells only), where its title
  // "Tổng số …" ends the table for the recogniser; under the new columns it would be read as
  // continuation rows of the last criterion.
  const labelCol = layout.columns.name ?? layout.columns.tt ?? c0;
  const start = freeBlockRow(
    view,
    tableBottom(layout, src.rep.rows!) + 2,
    summaryHeight(groups.length),
    labelCol,
    4,
  );
  edits.push(
    ...summaryEdits({
      sheet,
      groups,
      verdictCol: cVerdict,
      startRow: start,
      labelCol,
      verdictShown: (r) => shown.get(r) ?? '',
    }),
  );
  // a sheet without a print setup of its own gets the appendix's; rows grow to their text
  edits.push(
    ...printSetupForPlan(
      { description: '', edits },
      sheet,
      { headerRows: [layout.headerRow, layout.headerRow], userSheet: true },
      { sheets: [src.grid] },
    ),
  );
  return {
    ok: true,
    description: `Thêm cột “${level.resultHeader}” bên phải bảng trên sheet "${sheet}"`,
    edits,
    notes: [
      `Cột “${level.resultHeader}” được điền sẵn bằng kết quả cấp dưới (tô màu, ghi chú “${TO_CHECK_NOTE}”): hãy thẩm định và sửa từng ô.`,
    ],
    sourceSheet: sheet,
    targetSheet: sheet,
  };
}
