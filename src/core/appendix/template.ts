/**
 * The official PHỤ LỤC 01/02/03 layout (Hướng dẫn 2142/STTTT-CNTT), built from the catalog: title and subtitle
 * of the level, the header row, group rows and one row per criterion with its name, unit and
 * target, a live Đánh giá formula per criterion and the summary block under the table.
 * `planTemplate` writes it blank; `planAppraise` (appraise.ts) fills its result columns.
 *
 * Level titles, subtitles and result headers come from catalog.levels; the remaining column
 * titles are the same on every appendix of Hướng dẫn 2142/STTTT-CNTT and live here.
 */
import type { AppraisalLevel, Catalog, Criterion } from '../catalog/types';
import { chainById, chainLevels, previousLevel } from '../catalog/catalog';
import type { CellEdit, EditPlan } from '../plan/edit-plan';
import { a1, colLetters } from '../model/formula';
import { percentFormat, fractionPercentDecimals } from '../model/convert-result';
import type { ColumnRole } from '../model/report-types';
import { resultRoleOfKind } from './roles';
import { summaryEdits, type SummaryGroup } from './summary-block';
import { simulateVerdict, verdictFormula, verdictRuleFor } from './verdict-formula';
import { percentFormatKind } from '../model/parse-value';
import { printSetupForPlan } from '../report/print-setup';

/** Column titles shared by PHỤ LỤC 01, 02 and 03 (Hướng dẫn 2142/STTTT-CNTT). */
export const APPENDIX_HEADERS = {
  tt: 'TT',
  name: 'Tên chỉ tiêu',
  unit: 'Đơn vị tính',
  target: 'Chỉ tiêu',
  /** PHỤ LỤC 01 titles its own result column "Kết quả" */
  selfResult: 'Kết quả',
  verdict: 'Đánh giá (Đạt/Không đạt)',
  evidence: 'Tài liệu minh chứng',
  note: 'Ghi chú',
} as const;

/** Fill colour of a cell the appraiser has to check ("Cần thẩm định lại"). */
export const TO_CHECK_FILL = 'FFF2CC';
export const TO_CHECK_NOTE = 'Cần thẩm định lại';

export interface AppendixColumn {
  role: ColumnRole;
  header: string;
  width: number;
}

/**
 * The columns of a level's appendix: PHỤ LỤC 01 (no lower level) has Kết quả and Tài liệu
 * minh chứng; an appraisal appendix has the lower level's result then its own.
 */
export function appendixColumns(level: AppraisalLevel, lower?: AppraisalLevel): AppendixColumn[] {
  const own = resultRoleOfKind(level.sheetKind) ?? 'result-commune';
  const h = APPENDIX_HEADERS;
  const head: AppendixColumn[] = [
    { role: 'tt', header: h.tt, width: 6 },
    { role: 'name', header: h.name, width: 52 },
    { role: 'unit', header: h.unit, width: 12 },
    { role: 'target', header: h.target, width: 14 },
  ];
  if (!lower)
    return [
      ...head,
      { role: own, header: h.selfResult, width: 18 },
      { role: 'verdict', header: h.verdict, width: 14 },
      { role: 'evidence', header: h.evidence, width: 30 },
      { role: 'note', header: h.note, width: 16 },
    ];
  const lowerRole = resultRoleOfKind(lower.sheetKind) ?? 'result-commune';
  return [
    ...head,
    { role: lowerRole, header: lower.resultHeader, width: 20 },
    { role: own, header: level.resultHeader, width: 20 },
    { role: 'verdict', header: h.verdict, width: 14 },
    { role: 'note', header: h.note, width: 16 },
  ];
}

/** A cell content a builder callback asks for. */
export type CellContent =
  | { kind: 'value'; value: string | number | null; numberFormat?: string }
  | { kind: 'formula'; formula: string; cached: string | number; numberFormat?: string };

export interface RowContent {
  /** Result of the level below (appraisal appendices) */
  lower?: CellContent;
  /** This level's result */
  own?: CellContent;
  /** Note on the own result cell */
  ownNote?: string;
  /** Fill colour of the own result cell */
  ownFill?: string;
  /** Note column text */
  note?: string;
}

export interface AppendixSheetOptions {
  sheet: string;
  /** Place the new sheet after this one */
  after?: string;
  level: AppraisalLevel;
  lower?: AppraisalLevel;
  /** Lines under the subtitle ("XÃ HOÀNG KIM, HUYỆN HOÀNG HÓA") */
  extraTitleLines?: string[];
  /** Contents of a criterion's result cells */
  rowContent?: (crit: Criterion) => RowContent;
}

export interface AppendixSheetLayout {
  edits: CellEdit[];
  columns: AppendixColumn[];
  headerRow: number;
  /** 0-based row of each criterion */
  rowOf: Map<string, number>;
  lastRow: number;
}

function cellEdit(sheet: string, addr: string, c: CellContent): CellEdit {
  if (c.kind === 'formula')
    return {
      op: 'set-formula',
      sheet,
      cell: addr,
      formula: c.formula,
      cached: c.cached,
      ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
    };
  return {
    op: 'set-value',
    sheet,
    cell: addr,
    value: c.value,
    ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
  };
}

/** The value a formula in another cell reads from a cell content. */
function shownValue(c: CellContent | undefined): string | number | null {
  if (!c) return null;
  return c.kind === 'formula' ? c.cached : c.value;
}

/** A criterion's target as the Chỉ tiêu cell shows it: a rate as a percent number. */
function targetContent(crit: Criterion): CellContent {
  const t = crit.target;
  if (t.kind === 'min-rate')
    return {
      kind: 'value',
      value: t.value,
      numberFormat: percentFormat(fractionPercentDecimals(t.value)),
    };
  return { kind: 'value', value: t.text };
}

/** Build a new sheet in the official layout of `opts.level`. */
export function buildAppendixSheet(
  catalog: Catalog,
  opts: AppendixSheetOptions,
): AppendixSheetLayout {
  const sheet = opts.sheet;
  const columns = appendixColumns(opts.level, opts.lower);
  const col = (role: ColumnRole) => columns.findIndex((c) => c.role === role);
  const ownRole = resultRoleOfKind(opts.level.sheetKind) ?? 'result-commune';
  const lowerRole = opts.lower ? resultRoleOfKind(opts.lower.sheetKind) : undefined;
  const width = columns.length;
  const edits: CellEdit[] = [
    { op: 'add-sheet', sheet, ...(opts.after ? { after: opts.after } : {}) },
  ];
  columns.forEach((c, i) =>
    edits.push({ op: 'set-column-width', sheet, column: colLetters(i), width: c.width }),
  );

  // Title block
  const titleLines = [
    opts.level.appendixTitle,
    opts.level.subtitle,
    ...(opts.extraTitleLines ?? []),
  ];
  titleLines.forEach((text, r) => {
    edits.push({ op: 'set-value', sheet, cell: a1(r, 0), value: text });
    edits.push({ op: 'merge', sheet, range: `${a1(r, 0)}:${a1(r, width - 1)}` });
    edits.push({ op: 'set-style', sheet, cell: a1(r, 0), bold: true, align: 'center', wrap: true });
  });
  const headerRow = titleLines.length + 1;
  columns.forEach((c, i) => {
    edits.push({ op: 'set-value', sheet, cell: a1(headerRow, i), value: c.header });
    edits.push({
      op: 'set-style',
      sheet,
      cell: a1(headerRow, i),
      bold: true,
      wrap: true,
      align: 'center',
      border: true,
    });
  });

  // Body
  const rowOf = new Map<string, number>();
  const shown = new Map<number, string>();
  const groups: SummaryGroup[] = [];
  let r = headerRow + 1;
  const border = (row: number) => {
    for (let i = 0; i < width; i++)
      edits.push({ op: 'set-style', sheet, cell: a1(row, i), border: true, wrap: true });
  };
  for (const g of catalog.groups) {
    const crits = catalog.criteria.filter((c) => c.group === g.code);
    if (crits.length === 0) continue;
    edits.push({ op: 'set-value', sheet, cell: a1(r, col('tt')), value: g.code });
    edits.push({ op: 'set-value', sheet, cell: a1(r, col('name')), value: g.name });
    border(r);
    edits.push({ op: 'set-style', sheet, cell: a1(r, col('tt')), bold: true });
    edits.push({ op: 'set-style', sheet, cell: a1(r, col('name')), bold: true });
    r++;
    const groupRows: number[] = [];
    for (const crit of crits) {
      rowOf.set(crit.code, r);
      groupRows.push(r);
      const content = opts.rowContent?.(crit) ?? {};
      border(r);
      edits.push({ op: 'set-value', sheet, cell: a1(r, col('tt')), value: crit.code });
      edits.push({ op: 'set-value', sheet, cell: a1(r, col('name')), value: crit.name });
      edits.push({ op: 'set-value', sheet, cell: a1(r, col('unit')), value: crit.unit });
      edits.push(cellEdit(sheet, a1(r, col('target')), targetContent(crit)));
      if (lowerRole && content.lower)
        edits.push(cellEdit(sheet, a1(r, col(lowerRole)), content.lower));
      const ownAddr = a1(r, col(ownRole));
      const ownFormat =
        content.own?.numberFormat ??
        (crit.target.kind === 'min-rate' ? percentFormat(1) : undefined);
      if (content.own)
        edits.push(cellEdit(sheet, ownAddr, { ...content.own, numberFormat: ownFormat }));
      else if (ownFormat)
        edits.push({ op: 'set-value', sheet, cell: ownAddr, value: null, numberFormat: ownFormat });
      if (content.ownNote)
        edits.push({ op: 'set-note', sheet, cell: ownAddr, text: content.ownNote });
      if (content.ownFill)
        edits.push({ op: 'set-fill', sheet, cell: ownAddr, color: content.ownFill });
      if (content.note)
        edits.push({ op: 'set-value', sheet, cell: a1(r, col('note')), value: content.note });
      const rule = verdictRuleFor(crit, percentFormatKind(ownFormat) !== null);
      const cached = simulateVerdict(shownValue(content.own), rule);
      edits.push({
        op: 'set-formula',
        sheet,
        cell: a1(r, col('verdict')),
        formula: verdictFormula(ownAddr, rule),
        cached,
      });
      shown.set(r, cached);
      r++;
    }
    groups.push({ label: `${g.code}. ${g.name}`, rows: groupRows, total: crits.length });
  }
  const lastRow = r - 1;
  const summaryStart = lastRow + 2;
  edits.push(
    ...summaryEdits({
      sheet,
      groups,
      verdictCol: col('verdict'),
      startRow: summaryStart,
      labelCol: col('name'),
      verdictShown: (row) => shown.get(row) ?? '',
    }),
  );
  // prints as an official appendix: A4 landscape, one page wide, header repeated, Times New Roman
  edits.push(
    ...printSetupForPlan({ description: '', edits }, sheet, { headerRows: [headerRow, headerRow] }),
  );
  return { edits, columns, headerRow, rowOf, lastRow };
}

export type TemplateKind = 'phu-luc-01' | 'phu-luc-02' | 'phu-luc-03';

export const TEMPLATE_KINDS: readonly TemplateKind[] = ['phu-luc-01', 'phu-luc-02', 'phu-luc-03'];

/**
 * A blank PHỤ LỤC of `kind` (a new workbook's only sheet), from the catalog level producing
 * that kind in `chainId` (default chain). Its lower-level column is the previous level of the
 * chain (PHỤ LỤC 03 in hai-cap-2025: the commune's result).
 */
export function planTemplate(catalog: Catalog, kind: string, chainId?: string): EditPlan {
  const chain = chainById(catalog, chainId);
  const level = chainLevels(catalog, chain.id).find((l) => l.sheetKind === kind);
  if (!level)
    return {
      description: `Không tạo được mẫu ${kind}`,
      edits: [],
      notes: [
        `Chuỗi thẩm định "${chain.id}" không có cấp nào lập ${kind}; các mẫu có: ${chainLevels(
          catalog,
          chain.id,
        )
          .map((l) => l.sheetKind)
          .join(', ')}.`,
      ],
    };
  const lower = previousLevel(catalog, level.id, chain.id);
  const built = buildAppendixSheet(catalog, { sheet: level.sheetName, level, lower });
  return {
    description: `Tạo mẫu trống ${level.appendixTitle} (${catalog.criteria.length} chỉ tiêu) trên trang tính "${level.sheetName}"`,
    edits: built.edits,
  };
}
