/**
 * `appraise`: build the next level's appendix from the level below.
 * From a PHỤ LỤC 01 with level "huyen": a new sheet in the official PHỤ LỤC 02 layout whose
 * commune column refers to the PL01 cells by formula (='Phụ lục 01'!E12), whose district
 * column is prefilled with the commune's values, marked to be checked (fill colour + note
 * "Cần thẩm định lại"), with a Đánh giá formula on the district column and the summary.
 * From a PHỤ LỤC 02 with level "tinh": PHỤ LỤC 03 the same way. The chain (which level
 * appraises which) and every title/header come from the catalog: with chain "hai-cap-2025"
 * a PL01 goes straight to the province's sheet.
 * `adjacent`: the appraisal columns are added right of the source table on the same sheet,
 * without changing any existing cell. Otherwise the source sheet is never touched.
 * Source layouts: the new sheet always has the official single Đánh giá column, whatever the
 * source's (a "Đạt" | "Không đạt" mark pair is never referenced: only result cells are); TT
 * and name come from the catalog, so a source with codes written in front of names
 * ("1.1. Xây dựng…") gives TT "1.1" and the name alone; sub-items listed under a criterion
 * are not criteria — their text goes into the row's Ghi chú ("Gồm: a) …: Có; b) …").
 */
import type { AppraisalLevel, Catalog, Criterion } from '../catalog/types';
import { CatalogError, chainById, levelById, previousLevel } from '../catalog/catalog';
import type { CellEdit, EditPlan } from '../plan/edit-plan';
import { a1, colLetters, ifFormula, sheetRef, str } from '../model/formula';
import {
  cellText,
  GridView,
  type Cell,
  type SheetGrid,
  type WorkbookSnapshot,
} from '../model/grid';
import { convertTypedResult, convertedValue } from '../model/convert-result';
import { titleLevel } from './headers';
import { percentFormatKind } from '../model/parse-value';
import type {
  CriterionResult,
  CriterionRow,
  SheetReport,
  TableLayout,
  WorkbookReport,
} from '../model/report-types';
import { resultRoleOfKind, type ResultRole } from './roles';
import {
  APPENDIX_HEADERS,
  buildAppendixSheet,
  TO_CHECK_FILL,
  TO_CHECK_NOTE,
  type CellContent,
  type RowContent,
} from './template';
import {
  freeBlockRow,
  summaryEdits,
  summaryHeight,
  tableBottom,
  type SummaryGroup,
} from './summary-block';
import { simulateVerdict, verdictFormula, verdictRuleFor } from './verdict-formula';
import { cleanText, matchKey } from '../model/text';
import { printSetupForPlan } from '../report/print-setup';

export interface AppraiseOptions {
  /** Add the appraisal columns right of the source table instead of a new sheet */
  adjacent?: boolean;
  /** Name of the new sheet (default: the level's sheetName in the catalog) */
  sheetName?: string;
  /** Chain id (default: the catalog's default chain) */
  chain?: string;
  /** Source sheet name (default: the first sheet of the lower level's kind) */
  sourceSheet?: string;
}

export interface AppraisePlan extends EditPlan {
  /** False when nothing could be planned because of a usage error (unknown level…) */
  ok: boolean;
  /** True when the target sheet / columns exist already (nothing planned) */
  exists?: boolean;
  sourceSheet?: string;
  targetSheet?: string;
}

function failure(message: string): AppraisePlan {
  return { ok: false, description: message, edits: [], notes: [message] };
}

function firstRowPerCode(rows: CriterionRow[]): Map<string, CriterionRow> {
  const m = new Map<string, CriterionRow>();
  for (const r of rows) if (!m.has(r.code.trim())) m.set(r.code.trim(), r);
  return m;
}

/** Text lines of the source's title block that are not its own title/subtitle (commune name). */
function extraTitleLines(view: GridView, headerRow: number): string[] {
  const out: string[] = [];
  for (const r of view.rowIndices) {
    if (r >= headerRow) break;
    const text = cleanText(
      view
        .rowCells(r)
        .map((c) => cellText(c))
        .filter((t) => t.trim() !== '')
        .join(' '),
    );
    if (!text || titleLevel(text)) continue;
    const key = matchKey(text);
    if (/\bchuyen doi so\b/.test(key) && /\btieu chi\b/.test(key)) continue;
    out.push(text);
  }
  return out.slice(0, 3);
}

/** The cells holding a row's value in a column: the code row, then its continuation rows. */
function roleCells(view: GridView, row: CriterionRow, col: number): Cell[] {
  return [row.row, ...row.continuationRows]
    .map((r) => view.raw(r, col))
    .filter((c): c is Cell => !!c && (cellText(c).trim() !== '' || !!c.formula));
}

/** The value a formula reading `c` gets ("" for empty). */
function readValue(c: Cell | undefined): string | number {
  if (!c || c.value === null || c.kind === 'empty') return '';
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return c.value;
}

/** The lower level's column: a formula referring to the source cell(s). */
function lowerContent(
  view: GridView,
  source: string,
  row: CriterionRow,
  role: ResultRole,
  col: number,
): CellContent {
  const cells = roleCells(view, row, col);
  const own = row.cells[role];
  const single =
    cells.length <= 1 ||
    (own && cleanText(row.texts[role] ?? '') === cleanText(cellText(own)) && cells.length === 1);
  if (single) {
    const c = cells[0] ?? own;
    const at = c ? { row: c.row, col: c.col } : { row: row.row, col };
    const ref = sheetRef(source, at.row, at.col);
    const fmt = c?.numberFormat;
    return {
      kind: 'formula',
      formula: ifFormula(`${ref}=""`, str(''), ref),
      cached: readValue(c),
      ...(fmt ? { numberFormat: fmt } : {}),
    };
  }
  // Text continued on the next lines ("Đáp" / "ứng"): join the cells as the evaluator does.
  const refs = cells.map((c) => sheetRef(source, c.row, c.col));
  return {
    kind: 'formula',
    formula: `TRIM(${refs.join('&" "&')})`,
    cached: cleanText(cells.map((c) => cellText(c)).join(' ')),
  };
}

const SUB_ITEM_NOTE_MAX = 1000;

/**
 * The sub-items listed under a criterion on the source sheet ("a)", "-", "1.8.1"…), carried
 * into the new sheet's Ghi chú as one line — "Gồm: a) CSDL hộ tịch: Có; b) …" — so the
 * appraiser sees them; they are not criteria and get no row of their own.
 */
function subItemNote(
  view: GridView,
  layout: TableLayout,
  row: CriterionRow,
  resultCol: number,
): string | undefined {
  const { tt, name } = layout.columns;
  const text = (r: number, c: number | undefined) =>
    c === undefined ? '' : cleanText(cellText(view.raw(r, c)));
  const items: string[] = [];
  for (const r of row.subItemRows ?? []) {
    const label = cleanText(
      [tt !== undefined && tt !== name ? text(r, tt) : '', text(r, name)].join(' '),
    );
    const result = text(r, resultCol);
    const item = result ? (label ? `${label}: ${result}` : result) : label;
    if (item) items.push(item);
  }
  if (items.length === 0) return undefined;
  const note = `Gồm: ${items.join('; ')}`;
  return note.length > SUB_ITEM_NOTE_MAX ? `${note.slice(0, SUB_ITEM_NOTE_MAX - 1)}…` : note;
}

/** This level's column, prefilled with the lower level's value (as a value) to be checked. */
function ownContent(
  row: CriterionRow,
  role: ResultRole,
  res: CriterionResult | undefined,
): CellContent {
  const cell = row.cells[role];
  // A formula's cached value is copied as a value.
  const plain: Cell | undefined = cell?.formula ? { ...cell, formula: undefined } : cell;
  const conv = convertTypedResult(plain, res?.parsed);
  if (conv) return { kind: 'value', value: convertedValue(conv), numberFormat: conv.numberFormat };
  if (cell && typeof cell.value === 'number')
    return {
      kind: 'value',
      value: cell.value,
      ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}),
    };
  const text = cleanText(row.texts[role] ?? cellText(cell));
  return { kind: 'value', value: text === '' ? null : text };
}

interface Source {
  rep: SheetReport;
  grid: SheetGrid;
  view: GridView;
  role: ResultRole;
  col: number;
  rows: Map<string, CriterionRow>;
  results: Map<string, CriterionResult>;
}

/** Plan the next level's appraisal of a lower-level appendix. */
export function planAppraise(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
  levelId: string,
  opts: AppraiseOptions = {},
): AppraisePlan {
  let lower: AppraisalLevel | undefined;
  let level: AppraisalLevel | undefined;
  let chainId: string;
  try {
    chainId = chainById(catalog, opts.chain).id;
    level = levelById(catalog, levelId);
    if (!level) return failure(unknownLevelMessage(catalog, levelId));
    lower = previousLevel(catalog, level.id, chainId);
  } catch (e) {
    if (e instanceof CatalogError) return failure(e.message);
    throw e;
  }
  if (!lower)
    return failure(
      `Cấp "${level.id}" (${level.label}) là cấp tự đánh giá đầu chuỗi "${chainId}": không có kết quả cấp dưới để thẩm định.`,
    );
  if (opts.adjacent) {
    const done = adjacentDone(snapshot, report, level, opts.sourceSheet);
    if (done) return done;
  }
  const lowerKind = lower.sheetKind;
  const srcRep = report.sheets.find(
    (s) =>
      s.kind === lowerKind &&
      (opts.sourceSheet === undefined || s.name === opts.sourceSheet) &&
      s.layout &&
      s.rows,
  );
  if (!srcRep)
    return failure(
      opts.sourceSheet !== undefined
        ? `Sheet "${opts.sourceSheet}" không phải ${lower.appendixTitle} (kết quả của ${lower.label}).`
        : noSourceMessage(report, catalog, chainId, lower, level),
    );
  const grid = snapshot.sheets.find((s) => s.name === srcRep.name);
  const role = resultRoleOfKind(lowerKind);
  const col = role ? srcRep.layout!.columns[role] : undefined;
  if (!grid || !role || col === undefined)
    return failure(`Không đọc được cột kết quả của ${lower.label} trên sheet "${srcRep.name}".`);
  const src: Source = {
    rep: srcRep,
    grid,
    view: new GridView(grid),
    role,
    col,
    rows: firstRowPerCode(srcRep.rows!),
    results: new Map(srcRep.criteria.map((c) => [c.code, c])),
  };
  return opts.adjacent
    ? planAdjacent(catalog, level, src)
    : planNewSheet(snapshot, report, catalog, level, lower, src, opts.sheetName);
}

/**
 * The levels that appraise another (every level but the first of some chain), as
 * "huyen (UBND cấp huyện), tinh (Sở TTTT)": what `--level` can take.
 */
export function appraisalLevelsText(catalog: Catalog): string {
  const heads = new Set(catalog.chains.map((c) => c.levels[0]));
  const levels = catalog.levels.filter((l) => !heads.has(l.id));
  if (levels.length === 0) return `không có (danh mục "${catalog.id}" chỉ có phần tự đánh giá)`;
  return levels.map((l) => `${l.id} (${l.label})`).join(', ');
}

function unknownLevelMessage(catalog: Catalog, levelId: string): string {
  const what =
    levelId.trim() === '' ? 'Thiếu cấp thẩm định' : `Không có cấp thẩm định "${levelId}"`;
  return `${what}. Các cấp thẩm định: ${appraisalLevelsText(catalog)}.`;
}

/**
 * Why there is no source for `level`: nothing of the lower level in the file — and, when the
 * file already holds this level's (or a later level's) appendix, what to run instead.
 */
function noSourceMessage(
  report: WorkbookReport,
  catalog: Catalog,
  chainId: string,
  lower: AppraisalLevel,
  level: AppraisalLevel,
): string {
  const base = `Không tìm thấy ${lower.appendixTitle} (kết quả của ${lower.label}) trong tệp để lập ${level.appendixTitle}`;
  const chain = chainById(catalog, chainId).levels.map((id) => levelById(catalog, id)!);
  const at = chain.findIndex((l) => l.id === level.id);
  // the highest level of the chain (from this one up) already present in the file
  for (let i = chain.length - 1; i >= at; i--) {
    const found = report.sheets.find((s) => s.kind === chain[i].sheetKind);
    if (!found) continue;
    const next = chain[i + 1];
    const hint = next
      ? `; để lập ${next.appendixTitle} (${next.label}) dùng --level ${next.id}`
      : `, là cấp cuối của chuỗi thẩm định`;
    return `${base}: sheet "${found.name}" đã là ${chain[i].appendixTitle} (kết quả của ${chain[i].label})${hint}.`;
  }
  return `${base}.`;
}

/** Why Excel would refuse `name` as a sheet name, or null when it is a valid one. */
export function sheetNameProblem(name: string): string | null {
  const rule =
    'tên trang tính dài 1–31 ký tự, không chứa [ ] : * ? / \\, không bắt đầu hay kết thúc bằng dấu nháy đơn';
  if (
    name.trim() === '' ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  )
    return `Tên sheet "${name}" không dùng được (${rule}).`;
  return null;
}

/**
 * The name of the new sheet: `wanted` when given (refused when invalid or taken by a sheet
 * that is not this level's appendix); otherwise the level's default name, or "<name> (2)",
 * "(3)"… when a sheet of another kind holds it. A sheet of this level's kind under the name
 * means the appraisal exists already.
 */
function newSheetName(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  level: AppraisalLevel,
  wanted: string | undefined,
): { name: string; exists: boolean } | { problem: string } {
  const kindOf = (name: string): string | undefined => {
    const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) return undefined;
    return report.sheets.find((r) => r.name === sheet.name)?.kind ?? 'unknown';
  };
  if (wanted !== undefined) {
    const problem = sheetNameProblem(wanted);
    if (problem) return { problem };
    const kind = kindOf(wanted);
    if (kind === undefined) return { name: wanted, exists: false };
    if (kind === level.sheetKind) return { name: wanted, exists: true };
    return {
      problem: `Tệp đã có sheet "${wanted}" (không phải ${level.appendixTitle}): hãy chọn tên khác.`,
    };
  }
  const base = level.sheetName;
  for (let n = 1; n < 100; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    const kind = kindOf(name);
    if (kind === undefined) return { name, exists: false };
    if (kind === level.sheetKind) return { name, exists: true };
  }
  return { problem: `Không tìm được tên trống cho sheet ${level.appendixTitle}: hãy đặt tên.` };
}

function planNewSheet(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
  level: AppraisalLevel,
  lower: AppraisalLevel,
  src: Source,
  wanted: string | undefined,
): AppraisePlan {
  const named = newSheetName(snapshot, report, level, wanted);
  if ('problem' in named) return failure(named.problem);
  const sheet = named.name;
  if (named.exists) {
    const msg = `Sheet "${sheet}" đã tồn tại — không tạo thêm bản thứ hai.`;
    return {
      ok: true,
      exists: true,
      description: msg,
      edits: [],
      notes: [msg],
      sourceSheet: src.rep.name,
      targetSheet: sheet,
    };
  }
  const missing: string[] = [];
  const rowContent = (crit: Criterion): RowContent => {
    const row = src.rows.get(crit.code);
    if (!row) {
      missing.push(crit.code);
      return {
        own: { kind: 'value', value: null },
        ownNote: TO_CHECK_NOTE,
        ownFill: TO_CHECK_FILL,
        note: `Không có trong sheet "${src.rep.name}"`,
      };
    }
    const note = subItemNote(src.view, src.rep.layout!, row, src.col);
    return {
      lower: lowerContent(src.view, src.rep.name, row, src.role, src.col),
      own: ownContent(row, src.role, src.results.get(crit.code)),
      ownNote: TO_CHECK_NOTE,
      ownFill: TO_CHECK_FILL,
      ...(note ? { note } : {}),
    };
  };
  const built = buildAppendixSheet(catalog, {
    sheet,
    after: src.rep.name,
    level,
    lower,
    extraTitleLines: extraTitleLines(src.view, src.rep.layout!.headerRow),
    rowContent,
  });
  const notes = [
    `Cột “${level.resultHeader}” được điền sẵn bằng kết quả của ${lower.label} (tô màu, ghi chú “${TO_CHECK_NOTE}”): hãy thẩm định và sửa từng ô.`,
  ];
  if (missing.length)
    notes.push(`Sheet "${src.rep.name}" thiếu ${missing.length} chỉ tiêu: ${missing.join(', ')}.`);
  return {
    ok: true,
    description: `Tạo sheet "${sheet}" (${level.appendixTitle}) từ "${src.rep.name}": ${catalog.criteria.length} chỉ tiêu`,
    edits: built.edits,
    notes,
    sourceSheet: src.rep.name,
    targetSheet: sheet,
  };
}

/** The exists-plan when a sheet already has this level's column next to its table. */
function adjacentDone(
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

function planAdjacent(catalog: Catalog, level: AppraisalLevel, src: Source): AppraisePlan {
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
