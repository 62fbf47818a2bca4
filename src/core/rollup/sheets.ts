/**
 * The roll-up workbook as an EditPlan (applied by the ExcelJS adapter to a new workbook, or
 * by the add-in to the open one):
 * - **Ma trận**: communes × criteria, "Đ" / "K" / "?" with colour rules, frozen headers;
 * - **Tổng hợp**: one row per commune; its counts are COUNTIF formulas over the commune's
 *   matrix row, the rate has data bars, the rank is RANK(), totals at the bottom;
 * - **Theo tiêu chí**: one row per criterion, COUNTIF over the criterion's matrix column;
 * - **Lỗi**: every finding, with an autofilter; **Tệp khác**: files left out, with why.
 * Correcting one cell of the matrix moves every count. Cached results are written with the
 * formulas so a reader that does not recalculate still shows the numbers.
 */
import type { CellEdit, EditPlan } from '../plan/edit-plan';
import {
  columnLetters,
  fromA1,
  type Cell,
  type MergedArea,
  type SheetGrid,
  type WorkbookSnapshot,
} from '../model/grid';
import { printSetupPlan } from '../report/print-setup';
import { SEVERITY_LABELS, percentVi } from '../model/labels';
import type { Verdict } from '../model/report-types';
import type { Catalog } from '../catalog/types';
import type { WorkbookReport } from '../model/report-types';
import { baseName, buildRollup, rollupWorkbook, type RollupModel, type RollupLevel } from './model';

export const ROLLUP_SHEETS = {
  summary: 'Tổng hợp',
  criteria: 'Theo tiêu chí',
  matrix: 'Ma trận',
  findings: 'Lỗi',
  others: 'Tệp khác',
} as const;

export type RollupSheetKey = keyof typeof ROLLUP_SHEETS;

/** What a matrix cell says for a verdict. */
export const MATRIX_MARK: Record<Verdict, string> = { met: 'Đ', unmet: 'K', undetermined: '?' };

/** Colours of the matrix marks (fill, font): Excel's "good / bad / neutral" styles. */
export const MARK_COLORS: Record<Verdict, { fill: string; font: string }> = {
  met: { fill: 'C6EFCE', font: '006100' },
  unmet: { fill: 'FFC7CE', font: '9C0006' },
  undetermined: { fill: 'FFEB9C', font: '9C5700' },
};

export const DATA_BAR_COLOR = '63BE7B';

const LEVEL_TITLES: Record<RollupLevel, string> = {
  xa: 'kết quả tự đánh giá của UBND cấp xã (PHỤ LỤC 01)',
  huyen: 'kết quả thẩm định của UBND cấp huyện (PHỤ LỤC 02)',
  tinh: 'kết quả thẩm tra cấp tỉnh (PHỤ LỤC 03)',
};

export interface RollupPlanOptions {
  /** Which sheets (default: all five; the add-in adds Tổng hợp, Theo tiêu chí, Ma trận). */
  sheets?: RollupSheetKey[];
  /** Sheet names already in the workbook: a taken name gets " (2)", " (3)"… */
  existingSheets?: string[];
}

/** 'Ma trận' → "'Ma trận'" for a formula. */
function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function freeName(name: string, taken: Set<string>): string {
  let out = name;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${name} (${i})`;
  taken.add(out.toLowerCase());
  return out;
}

class PlanWriter {
  readonly edits: CellEdit[] = [];
  constructor(readonly sheet: string) {}
  value(cell: string, value: string | number | null, numberFormat?: string): void {
    const e: CellEdit = { op: 'set-value', sheet: this.sheet, cell, value };
    if (numberFormat) e.numberFormat = numberFormat;
    this.edits.push(e);
  }
  formula(cell: string, formula: string, cached: number, numberFormat?: string): void {
    const e: CellEdit = { op: 'set-formula', sheet: this.sheet, cell, formula, cached };
    if (numberFormat) e.numberFormat = numberFormat;
    this.edits.push(e);
  }
  style(cell: string, s: { bold?: boolean; wrap?: boolean; align?: 'left' | 'center' | 'right' }) {
    this.edits.push({ op: 'set-style', sheet: this.sheet, cell, border: true, ...FONT, ...s });
  }
  /**
   * The shared print setup of the sheets we write (core/report printSetupPlan: A4 landscape,
   * one page wide, header rows repeated, page numbers, Times New Roman, rows tall enough),
   * measured on the cells this writer wrote. `headerRow` is 1-based.
   */
  printSetup(headerRow: number): void {
    const cells = new Map<string, Cell>();
    const merges: MergedArea[] = [];
    const columnWidths: Record<number, number> = {};
    const bold = new Set<string>();
    for (const e of this.edits) {
      if (e.op === 'set-value' || e.op === 'set-formula') {
        const { row, col } = fromA1(e.cell);
        const value = e.op === 'set-value' ? e.value : (e.cached ?? null);
        cells.set(`${row}:${col}`, {
          row,
          col,
          kind: value === null ? 'empty' : typeof value === 'number' ? 'number' : 'string',
          value: typeof value === 'boolean' ? String(value) : value,
        });
      } else if (e.op === 'merge') {
        const [a, b] = e.range.split(':').map(fromA1);
        merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
      } else if (e.op === 'set-column-width') {
        columnWidths[fromA1(`${e.column}1`).col] = e.width;
      } else if (e.op === 'set-style' && e.bold) {
        const { row, col } = fromA1(e.cell);
        bold.add(`${row}:${col}`);
      }
    }
    const grid: SheetGrid = { name: this.sheet, cells: [...cells.values()], merges, index: 0 };
    this.edits.push(
      ...printSetupPlan(grid, {
        headerRows: [headerRow - 1, headerRow - 1],
        columnWidths,
        isBold: (r, c) => bold.has(`${r}:${c}`),
      }),
    );
  }

  /** Page setup only (A4 landscape, one page wide, header row repeated, page numbers). */
  print(headerRow: number): void {
    this.edits.push({
      op: 'set-page-setup',
      sheet: this.sheet,
      setup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitleRows: [headerRow, headerRow],
        footer: 'Trang &P/&N',
        horizontalCentered: true,
      },
    });
  }
  widths(widths: number[]): void {
    widths.forEach((width, i) =>
      this.edits.push({
        op: 'set-column-width',
        sheet: this.sheet,
        column: columnLetters(i),
        width,
      }),
    );
  }
  header(row: number, labels: string[]): void {
    labels.forEach((label, i) => {
      const cell = `${columnLetters(i)}${row}`;
      this.value(cell, label);
      this.style(cell, { bold: true, wrap: true, align: 'center' });
    });
  }
  title(lines: string[], lastCol: number): void {
    lines.forEach((line, i) => {
      const cell = `A${i + 1}`;
      this.value(cell, line);
      this.edits.push({
        op: 'set-style',
        sheet: this.sheet,
        cell,
        ...FONT,
        bold: i === 0,
        align: 'center',
      });
      this.edits.push({
        op: 'merge',
        sheet: this.sheet,
        range: `A${i + 1}:${columnLetters(lastCol)}${i + 1}`,
      });
    });
  }
}

const PERCENT = '0.0%';
/** Official documents print in Times New Roman. */
const FONT = { fontName: 'Times New Roman', fontSize: 12 } as const;
const SUMMARY_HEADER_ROW = 4;
const CRITERIA_HEADER_ROW = 4;
/** Matrix: header on row 1, communes from row 2; A STT, B Xã/phường, C Tệp, criteria from D. */
const MATRIX_FIRST_CRITERION = 3;

/** The roll-up as an edit plan that adds its sheets. */
export function planRollup(model: RollupModel, opts: RollupPlanOptions = {}): EditPlan {
  const want = new Set<RollupSheetKey>(
    opts.sheets ?? ['summary', 'criteria', 'matrix', 'findings', 'others'],
  );
  want.add('matrix'); // every count reads it
  const taken = new Set((opts.existingSheets ?? []).map((s) => s.toLowerCase()));
  const names = {} as Record<RollupSheetKey, string>;
  for (const k of Object.keys(ROLLUP_SHEETS) as RollupSheetKey[])
    if (want.has(k)) names[k] = freeName(ROLLUP_SHEETS[k], taken);

  const n = model.communes.length;
  const nCrit = model.criteria.length;
  const mFirst = 2;
  const mLast = Math.max(mFirst, n + 1);
  const mLastCol = columnLetters(MATRIX_FIRST_CRITERION + Math.max(nCrit, 1) - 1);
  const matrixRow = (i: number) => mFirst + i;
  const matrixCol = (j: number) => columnLetters(MATRIX_FIRST_CRITERION + j);
  const M = quoted(names.matrix);
  const subtitle = `Theo ${model.catalog.title}; ${LEVEL_TITLES[model.level]}; ${n} xã/phường.`;

  const edits: CellEdit[] = [];
  const order: RollupSheetKey[] = ['summary', 'criteria', 'matrix', 'findings', 'others'];
  for (const k of order) if (want.has(k)) edits.push({ op: 'add-sheet', sheet: names[k] });

  // ---- Tổng hợp
  if (want.has('summary')) {
    const w = new PlanWriter(names.summary);
    const headers = [
      'STT',
      'Xã/phường',
      'Tệp',
      'Số tiêu chí đạt',
      'Tổng số tiêu chí',
      'Tỷ lệ đạt',
      'Không đạt (mã tiêu chí)',
      'Chưa xác định',
      'Lỗi',
      'Cảnh báo',
      'Thiếu minh chứng',
      'Xếp hạng',
      'Ghi chú',
    ];
    // a scored set: Điểm / Điểm tối đa (/ Xếp loại) after Ghi chú, ranked by Điểm
    const bands = model.scored && model.communes.some((c) => c.band);
    if (model.scored) headers.push('Điểm', 'Điểm tối đa', ...(bands ? ['Xếp loại'] : []));
    w.title(
      [
        model.scored
          ? 'TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ'
          : 'TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ CẤP XÃ',
        subtitle,
      ],
      headers.length - 1,
    );
    w.widths([6, 22, 28, 10, 10, 10, 26, 10, 8, 9, 11, 9, 30, 10, 10, 14].slice(0, headers.length));
    w.header(SUMMARY_HEADER_ROW, headers);
    const first = SUMMARY_HEADER_ROW + 1;
    const last = SUMMARY_HEADER_ROW + n;
    model.communes.forEach((c, i) => {
      const r = first + i;
      const row = `${M}!$${matrixCol(0)}${matrixRow(i)}:$${mLastCol}${matrixRow(i)}`;
      w.value(`A${r}`, i + 1);
      w.value(`B${r}`, c.commune);
      w.value(`C${r}`, baseName(c.file) + (c.sheet ? ` › ${c.sheet}` : ''));
      w.formula(`D${r}`, `COUNTIF(${row},"Đ")`, c.met);
      w.formula(`E${r}`, `COUNTA(${row})`, c.criteria);
      w.formula(`F${r}`, `IF(E${r}=0,0,D${r}/E${r})`, c.rate, PERCENT);
      w.value(`G${r}`, c.unmetCodes.join(', '));
      w.formula(`H${r}`, countUndetermined(row), c.undetermined);
      w.value(`I${r}`, c.errors);
      w.value(`J${r}`, c.warnings);
      w.value(`K${r}`, c.missingEvidence);
      // RANK(F5,F$5:F$n) written so that every engine computes it (HyperFormula has no RANK);
      // a scored set ranks by its points (column N)
      const by = model.scored ? 'N' : 'F';
      w.formula(`L${r}`, `COUNTIF($${by}$${first}:$${by}$${last},">"&${by}${r})+1`, c.rank);
      if (model.scored) {
        w.value(`N${r}`, c.points);
        w.value(`O${r}`, c.maxPoints);
        if (bands) w.value(`P${r}`, c.band ?? '');
      }
      const notes: string[] = [];
      if (c.duplicates.length) notes.push(`Trùng xã với: ${c.duplicates.join('; ')}`);
      if (c.nameSource === 'file-name') notes.push('Tên xã lấy từ tên tệp');
      if (c.kind !== 'dti' && c.kind !== levelKind(model.level))
        notes.push(`Dùng ${kindTitle(c.kind)}`);
      w.value(`M${r}`, notes.join('. '));
      for (let col = 0; col < headers.length; col++)
        w.style(`${columnLetters(col)}${r}`, {
          wrap: col === 1 || col === 2 || col === 6 || col === 12 || col === 15,
          align: col === 0 || col >= 3 ? 'center' : 'left',
          bold: c.duplicates.length > 0 && col === 1 ? true : undefined,
        });
      if (c.duplicates.length)
        w.edits.push({ op: 'set-fill', sheet: w.sheet, cell: `B${r}`, color: 'FFEB9C' });
    });
    if (n > 0) {
      w.edits.push({
        op: 'add-data-bar',
        sheet: w.sheet,
        range: `F${first}:F${last}`,
        color: DATA_BAR_COLOR,
      });
      const t = last + 1;
      const sum = (col: string, cached: number) =>
        w.formula(`${col}${t}`, `SUM(${col}${first}:${col}${last})`, cached);
      const total = (
        k: 'met' | 'criteria' | 'undetermined' | 'errors' | 'warnings' | 'missingEvidence',
      ) => model.communes.reduce((s, c) => s + c[k], 0);
      w.value(`B${t}`, 'Cộng');
      sum('D', total('met'));
      sum('E', total('criteria'));
      w.formula(
        `F${t}`,
        `IF(E${t}=0,0,D${t}/E${t})`,
        total('criteria') ? total('met') / total('criteria') : 0,
        PERCENT,
      );
      sum('H', total('undetermined'));
      sum('I', total('errors'));
      sum('J', total('warnings'));
      sum('K', total('missingEvidence'));
      w.value(`B${t + 1}`, 'Số xã đạt tất cả tiêu chí');
      w.formula(
        `D${t + 1}`,
        `SUMPRODUCT((D${first}:D${last}=E${first}:E${last})*(E${first}:E${last}>0))`,
        model.communesMeetingAll,
      );
      for (const r of [t, t + 1])
        for (let col = 0; col < headers.length; col++)
          w.style(`${columnLetters(col)}${r}`, { bold: true, align: col >= 3 ? 'center' : 'left' });
    }
    w.edits.push({ op: 'freeze-panes', sheet: w.sheet, rows: SUMMARY_HEADER_ROW, columns: 2 });
    w.printSetup(SUMMARY_HEADER_ROW);
    edits.push(...w.edits);
  }

  // ---- Theo tiêu chí
  if (want.has('criteria')) {
    const w = new PlanWriter(names.criteria);
    const headers = [
      'Mã',
      'Tên chỉ tiêu',
      'Số xã đạt',
      'Không đạt',
      'Chưa xác định',
      'Tổng số xã',
      'Tỷ lệ đạt',
      'Các xã không đạt',
    ];
    w.title(['TỔNG HỢP THEO TỪNG TIÊU CHÍ', subtitle], headers.length - 1);
    w.widths([7, 48, 9, 9, 10, 9, 9, 40]);
    w.header(CRITERIA_HEADER_ROW, headers);
    const first = CRITERIA_HEADER_ROW + 1;
    model.criteria.forEach((c, j) => {
      const r = first + j;
      const col = `${M}!${matrixCol(j)}$${mFirst}:${matrixCol(j)}$${mLast}`;
      w.value(`A${r}`, c.code);
      w.value(`B${r}`, c.name);
      w.formula(`C${r}`, `COUNTIF(${col},"Đ")`, c.met);
      w.formula(`D${r}`, `COUNTIF(${col},"K")`, c.unmet);
      w.formula(`E${r}`, countUndetermined(col), c.undetermined);
      w.formula(`F${r}`, `COUNTA(${col})`, c.total);
      w.formula(`G${r}`, `IF(F${r}=0,0,C${r}/F${r})`, c.rate, PERCENT);
      w.value(`H${r}`, c.missedBy.join(', '));
      for (let k = 0; k < headers.length; k++)
        w.style(`${columnLetters(k)}${r}`, {
          wrap: k === 1 || k === 7,
          align: k === 1 || k === 7 ? 'left' : 'center',
        });
    });
    if (nCrit > 0)
      w.edits.push({
        op: 'add-data-bar',
        sheet: w.sheet,
        range: `G${first}:G${first + nCrit - 1}`,
        color: DATA_BAR_COLOR,
      });
    w.edits.push({ op: 'freeze-panes', sheet: w.sheet, rows: CRITERIA_HEADER_ROW, columns: 2 });
    w.printSetup(CRITERIA_HEADER_ROW);
    edits.push(...w.edits);
  }

  // ---- Ma trận
  {
    const w = new PlanWriter(names.matrix);
    w.header(1, ['STT', 'Xã/phường', 'Tệp', ...model.criteria.map((c) => c.code)]);
    w.widths([6, 22, 24, ...model.criteria.map(() => 5.5)]);
    model.communes.forEach((c, i) => {
      const r = matrixRow(i);
      w.value(`A${r}`, i + 1);
      w.value(`B${r}`, c.commune);
      w.value(`C${r}`, baseName(c.file) + (c.sheet ? ` › ${c.sheet}` : ''));
      w.style(`A${r}`, { align: 'center' });
      w.style(`B${r}`, {});
      w.style(`C${r}`, {});
      c.verdicts.forEach((v, j) => {
        const cell = `${matrixCol(j)}${r}`;
        w.value(cell, MATRIX_MARK[v]);
        w.style(cell, { align: 'center' });
      });
    });
    if (n > 0 && nCrit > 0) {
      const range = `${matrixCol(0)}${mFirst}:${mLastCol}${mLast}`;
      for (const v of ['met', 'unmet', 'undetermined'] as Verdict[])
        w.edits.push({
          op: 'add-color-rule',
          sheet: w.sheet,
          range,
          equals: MATRIX_MARK[v],
          fill: MARK_COLORS[v].fill,
          font: MARK_COLORS[v].font,
        });
    }
    w.edits.push({ op: 'freeze-panes', sheet: w.sheet, rows: 1, columns: MATRIX_FIRST_CRITERION });
    w.printSetup(1);
    edits.push(...w.edits);
  }

  // ---- Lỗi
  if (want.has('findings')) {
    const w = new PlanWriter(names.findings);
    const headers = [
      'Xã/phường',
      'Tệp',
      'Trang tính',
      'Ô',
      'Tiêu chí',
      'Mức độ',
      'Mã quy tắc',
      'Nội dung',
    ];
    w.header(1, headers);
    w.widths([20, 26, 16, 7, 8, 10, 20, 70]);
    let r = 2;
    for (const c of model.communes)
      for (const f of c.findings) {
        w.value(`A${r}`, c.commune);
        w.value(`B${r}`, baseName(c.file));
        w.value(`C${r}`, f.sheet);
        w.value(`D${r}`, f.cell);
        w.value(`E${r}`, f.criterion ?? '');
        w.value(`F${r}`, SEVERITY_LABELS[f.severity]);
        w.value(`G${r}`, f.rule);
        w.value(`H${r}`, f.message);
        r++;
      }
    w.edits.push({ op: 'set-autofilter', sheet: w.sheet, range: `A1:H${Math.max(2, r - 1)}` });
    w.edits.push({ op: 'freeze-panes', sheet: w.sheet, rows: 1, columns: 0 });
    w.print(1);
    edits.push(...w.edits);
  }

  // ---- Tệp khác
  if (want.has('others')) {
    const w = new PlanWriter(names.others);
    w.header(1, ['Tệp', 'Tình trạng', 'Lý do']);
    w.widths([36, 20, 80]);
    const others = model.files.filter((f) => f.status !== 'ok');
    others.forEach((f, i) => {
      const r = i + 2;
      w.value(`A${r}`, baseName(f.file));
      w.value(`B${r}`, f.status === 'unreadable' ? 'Không đọc được' : 'Không phải phụ lục');
      w.value(`C${r}`, f.message ?? '');
      for (const col of ['A', 'B', 'C']) w.style(`${col}${r}`, { wrap: true });
    });
    if (others.length === 0) w.value('A2', 'Mọi tệp đều là phụ lục đọc được.');
    w.edits.push({ op: 'freeze-panes', sheet: w.sheet, rows: 1, columns: 0 });
    w.printSetup(1);
    edits.push(...w.edits);
  }

  const met = model.communesMeetingAll;
  return {
    description: `Tổng hợp ${n} xã/phường (${met} xã đạt tất cả ${nCrit} tiêu chí; tỷ lệ đạt trung bình ${percentVi(
      n ? model.communes.reduce((s, c) => s + c.rate, 0) / n : 0,
    )})`,
    edits,
  };
}

/**
 * Cells holding "?": COUNTIF would read "?" as a wildcard (any one character, so every mark),
 * an equality test does not.
 */
function countUndetermined(range: string): string {
  return `SUMPRODUCT(--(${range}="${MATRIX_MARK.undetermined}"))`;
}

function levelKind(level: RollupLevel): string {
  return level === 'xa' ? 'phu-luc-01' : level === 'huyen' ? 'phu-luc-02' : 'phu-luc-03';
}

function kindTitle(kind: string): string {
  return kind.replace(/^phu-luc-/, 'PHỤ LỤC ');
}

/** The sheets the add-in adds to an open workbook. */
export const WORKBOOK_ROLLUP_SHEETS: RollupSheetKey[] = ['summary', 'criteria', 'matrix'];

/**
 * The add-in's **Tổng hợp các xã**: a workbook holding several communes' appendices (one per
 * sheet) rolled up into Tổng hợp / Theo tiêu chí / Ma trận sheets added to it, the summary
 * selected. `report` is the workbook's analysis (as Kiểm tra made it). Null when the workbook
 * holds no appendix.
 */
export function planWorkbookRollup(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
  level: RollupLevel = 'xa',
): { plan: EditPlan; model: RollupModel } | null {
  const file = snapshot.name ?? 'Sổ làm việc';
  const part = rollupWorkbook(file, snapshot, report, catalog, level);
  if (part.communes.length === 0) return null;
  const model = buildRollup(part.communes, [part.file], catalog, level);
  const plan = planRollup(model, {
    sheets: WORKBOOK_ROLLUP_SHEETS,
    existingSheets: snapshot.sheets.map((s) => s.name),
  });
  const summary = plan.edits.find((e) => e.op === 'add-sheet');
  if (summary) plan.edits.push({ op: 'select', sheet: summary.sheet, cell: 'A1' });
  return { plan, model };
}
