/**
 * Count an evidence form and check it: the ratios its summary lines state (computed from the
 * ticks), and findings on entries (duplicates, bad phone numbers or addresses, unnamed rows,
 * unclear marks) and on the summary lines (figure missing or different from the count).
 */
import type { Catalog } from '../catalog/types';
import { makeFinding, type Finding, type RuleId } from '../model/findings';
import { cellText, toA1, type GridView } from '../model/grid';
import type { RatioReport } from '../model/report-types';
import { foldText } from '../model/text';
import { formDef, type FormDef, type FormListDef, type FormRatioDef } from './definitions';
import { figureFromCell, formatCount, formatRate, tolerance } from './figures';
import {
  emailProblem,
  isNoText,
  normalisePhone,
  readMark,
  splitPhones,
  phoneFromText,
} from './ticks';
import type { FormKind, FormList, FormRecognition, FormRow, SummaryLine } from './types';

export interface FormEvaluation {
  findings: Finding[];
  ratios: RatioReport[];
}

/** Criterion codes whose result comes from this form's ratio (catalog formLinks). */
export function criteriaForRatio(catalog: Catalog, kind: FormKind, key: string): string[] {
  return catalog.criteria
    .filter((c) => c.formLinks?.some((l) => l.form === kind && l.ratio === key))
    .map((c) => c.code);
}

function header(listDef: FormListDef, id: string): string {
  return listDef.columns.find((c) => c.id === id)?.header ?? id;
}

/** Rows that are entries: a name is written. */
export function namedRows(list: FormList): FormRow[] {
  return list.rows.filter((r) => r.name !== '');
}

function rowTicked(row: FormRow, ids: string[], listDef: FormListDef): boolean {
  return ids.every((id) => {
    const col = listDef.columns.find((c) => c.id === id);
    return !!col && readMark(row.cells[id], col.kind) === 'yes';
  });
}

export interface RatioCount {
  numerator: number;
  denominator: number;
  value: number;
}

/** Count one ratio over a list: rows with a name, ticked in the numerator (and denominator) columns. */
export function countRatio(list: FormList, listDef: FormListDef, ratio: FormRatioDef): RatioCount {
  const rows = namedRows(list);
  if (ratio.kind === 'count') return { numerator: rows.length, denominator: 1, value: rows.length };
  const den = rows.filter((r) => rowTicked(r, ratio.denominator, listDef));
  const num = den.filter((r) => rowTicked(r, ratio.numerator, listDef));
  return {
    numerator: num.length,
    denominator: den.length,
    value: den.length > 0 ? num.length / den.length : 0,
  };
}

function describeCount(ratio: FormRatioDef, c: RatioCount): string {
  if (ratio.kind === 'count') return formatCount(c.value);
  if (c.denominator === 0) return `${c.numerator}/0`;
  return `${formatCount(c.numerator)}/${formatCount(c.denominator)} = ${formatRate(c.value)}`;
}

function describeTyped(ratio: FormRatioDef, line: SummaryLine): string {
  if (line.figure === null) return `"${line.figureText ?? ''}"`;
  if (ratio.kind === 'count') return formatCount(line.figure);
  return formatRate(line.figure, line.figureDecimals ?? 1);
}

function checkEntries(
  sheet: string,
  def: FormDef,
  list: FormList,
  listDef: FormListDef,
  findings: Finding[],
): void {
  const push = (rule: RuleId, row: number, col: number, msg: string) =>
    findings.push(makeFinding(rule, sheet, toA1(row, col), msg));
  const nameHeader = header(listDef, 'name');
  const laterNamed = (i: number) => list.rows.slice(i + 1).some((r) => r.name !== '');
  const seen = new Map<string, FormRow>();
  list.rows.forEach((row, i) => {
    const others = Object.entries(row.cells).filter(
      ([id, c]) => c !== undefined && id !== 'stt' && id !== 'name',
    );
    if (row.name === '') {
      const numbered = /^\d+\.?$/.test(row.stt);
      if (others.length > 0 || (numbered && laterNamed(i))) {
        const what = numbered
          ? `Dòng số thứ tự ${row.stt.replace(/\.$/, '')}`
          : `Hàng ${row.row + 1}`;
        push('blank-entry', row.row, list.columns.name, `${what} chưa ghi "${nameHeader}".`);
      }
    }
    for (const col of listDef.columns) {
      if (!(col.id in list.columns)) continue;
      const cell = row.cells[col.id];
      const c = list.columns[col.id];
      const text = cell ? cellText(cell).trim() : '';
      if (col.kind === 'tick' && cell && readMark(cell, 'tick') === 'unclear') {
        push(
          'mark-unclear',
          row.row,
          c,
          `Cột "${col.header}" ghi "${text}": không rõ là có hay không. Ghi x (hoặc Có) nếu có; để trống hoặc ghi Không nếu không.`,
        );
      }
      if (col.kind === 'email' && cell) {
        const p = emailProblem(text);
        if (p === 'invalid') {
          push('invalid-email', row.row, c, `Địa chỉ hộp thư "${text}" không hợp lệ.`);
        } else if (p === 'not-official') {
          push(
            'invalid-email',
            row.row,
            c,
            `Địa chỉ "${text}" không phải hộp thư công vụ (tên miền .gov.vn): tiêu chí tính hộp thư do cơ quan Nhà nước cấp.`,
          );
        }
      }
      if (col.kind === 'phone' && cell && !isNoText(text)) {
        const parts = typeof cell.value === 'number' ? [cell] : splitPhones(text);
        for (const part of parts) {
          const ok =
            typeof part === 'string' ? phoneFromText(part) !== null : normalisePhone(part) !== null;
          if (!ok) {
            const shown = typeof part === 'string' ? part : text;
            push(
              'invalid-phone',
              row.row,
              c,
              `Số điện thoại "${shown}" không hợp lệ: cần 10 chữ số bắt đầu bằng 0 (ví dụ 0912 345 678).`,
            );
          }
        }
      }
      if (col.detailOf && cell && text !== '' && !/^(không|k|-)$/i.test(text)) {
        const tick = listDef.columns.find((x) => x.id === col.detailOf);
        if (tick && tick.id in list.columns && readMark(row.cells[tick.id], tick.kind) === 'no') {
          push(
            'mark-unclear',
            row.row,
            list.columns[tick.id],
            `Có ghi "${text}" ở cột "${col.header}" nhưng cột "${tick.header}" không đánh dấu: dòng này chưa được tính.`,
          );
        }
      }
    }
    // a numerator tick without the denominator tick (PM ATTT without a smartphone)
    for (const ratio of def.ratios) {
      if (ratio.list !== list.id || ratio.denominator.length === 0 || row.name === '') continue;
      const extra = ratio.numerator.filter((id) => !ratio.denominator.includes(id));
      if (!rowTicked(row, extra, listDef) || rowTicked(row, ratio.denominator, listDef)) continue;
      const missing = ratio.denominator.filter((id) => id in list.columns);
      if (missing.length === 0) continue;
      push(
        'mark-unclear',
        row.row,
        list.columns[missing[0]],
        `"${row.name}" có đánh dấu "${header(listDef, extra[0])}" nhưng không đánh dấu "${header(listDef, missing[0])}": không được tính vào ${ratio.label.charAt(0).toLowerCase()}${ratio.label.slice(1)}.`,
      );
    }
    if (row.name !== '' && listDef.identity) {
      const parts = listDef.identity.map((id) => {
        const c = row.cells[id];
        if (!c) return '';
        if (id === 'phone') return normalisePhone(c) ?? foldText(cellText(c));
        return foldText(cellText(c)).replace(/\s+/g, ' ');
      });
      if (parts.slice(1).some((p) => p !== '')) {
        const key = parts.join('|');
        const first = seen.get(key);
        if (first) {
          const extra = listDef.identity
            .slice(1)
            .map((id) => (row.cells[id] ? cellText(row.cells[id]).trim() : ''))
            .filter((t) => t !== '')
            .join(', ');
          push(
            'duplicate-entry',
            row.row,
            list.columns.name,
            `"${row.name}" (${extra}) ghi hai lần: trùng với hàng ${first.row + 1}.`,
          );
        } else seen.set(key, row);
      }
    }
  });
}

/** Columns whose marks are counted ("Có máy tính", the mailbox column…). */
export function markColumns(listDef: FormListDef, list: FormList): FormListDef['columns'] {
  return listDef.columns.filter(
    (c) =>
      (c.kind === 'tick' || c.kind === 'email' || c.kind === 'tick-or-text') &&
      c.id in list.columns,
  );
}

/** Rows of a list marked yes in one column (named rows only). */
export function markedCount(list: FormList, listDef: FormListDef, id: string): number {
  return namedRows(list).filter((r) => rowTicked(r, [id], listDef)).length;
}

/**
 * The "Tổng cộng" line of a list: a figure typed under a mark column (or under STT) must equal
 * the count of that column (of the entries).
 */
function checkTotalRow(
  sheet: string,
  view: GridView,
  list: FormList,
  listDef: FormListDef,
  findings: Finding[],
): void {
  if (list.totalRow === undefined) return;
  const row = list.totalRow;
  const targets: { col: number; header: string; count: number }[] = markColumns(listDef, list).map(
    (c) => ({ col: list.columns[c.id], header: c.header, count: markedCount(list, listDef, c.id) }),
  );
  if (list.columns.stt !== undefined)
    targets.push({ col: list.columns.stt, header: 'STT', count: namedRows(list).length });
  for (const t of targets) {
    const cell = view.raw(row, t.col);
    const fig = figureFromCell(cell, 'count');
    if (!fig || cell?.formula) continue;
    if (fig.value !== t.count) {
      findings.push(
        makeFinding(
          'ratio-differs',
          sheet,
          toA1(row, t.col),
          `Dòng "Tổng cộng", cột "${t.header}": ghi ${formatCount(fig.value)} nhưng danh sách có ${formatCount(t.count)}.`,
        ),
      );
    }
  }
}

/**
 * When the figure is a formula over ranges that stop before the list's last entry (rows added
 * below the template's numbered rows, where Excel does not widen the ranges), say so.
 */
function shortRange(line: SummaryLine, list: FormList): string {
  if (!line.formula || list.rows.length === 0) return '';
  const ranges = [...line.formula.matchAll(/\$?[A-Z]{1,3}\$?(\d+):\$?[A-Z]{1,3}\$?(\d+)/gi)];
  if (ranges.length === 0) return '';
  const from = Math.min(...ranges.map((m) => Math.min(Number(m[1]), Number(m[2]))));
  const to = Math.max(...ranges.map((m) => Math.max(Number(m[1]), Number(m[2]))));
  const first = list.rows[0].row + 1;
  const last = list.rows[list.rows.length - 1].row + 1;
  if (to >= last && from <= first) return '';
  return ` Công thức ở ô này chỉ tính các hàng ${from}–${to}, danh sách ghi từ hàng ${first} đến hàng ${last}: dùng "Điền công thức" (cds-check fill) để tính trên cả danh sách.`;
}

/** Count the form and check its entries and summary lines. */
export function evaluateForm(
  sheetName: string,
  view: GridView,
  rec: FormRecognition,
  catalog: Catalog,
): FormEvaluation {
  const def = formDef(rec.kind);
  const findings: Finding[] = [];
  const ratios: RatioReport[] = [];
  for (const list of rec.lists) {
    const listDef = def.lists.find((l) => l.id === list.id)!;
    checkEntries(sheetName, def, list, listDef, findings);
    checkTotalRow(sheetName, view, list, listDef, findings);
  }
  for (const ratio of def.ratios) {
    const list = rec.lists.find((l) => l.id === ratio.list);
    if (!list) continue;
    const listDef = def.lists.find((l) => l.id === list.id)!;
    const usable = [...ratio.numerator, ...ratio.denominator].every((id) => id in list.columns);
    if (!usable) continue;
    const count = countRatio(list, listDef, ratio);
    const line = rec.summaries.find((s) => s.key === ratio.key);
    const cell = line ? toA1(line.valueRow, line.valueCol) : toA1(list.headerRows[0], 0);
    ratios.push({
      label: ratio.label,
      numerator: count.numerator,
      denominator: count.denominator,
      value: count.value,
      cell,
      key: ratio.key,
      kind: ratio.kind,
    });
    if (!line) continue;
    const code = criteriaForRatio(catalog, rec.kind, ratio.key)[0];
    const summaryDef = def.summaries.find((s) => s.ratio === ratio.key);
    const expected = describeCount(ratio, count);
    if (line.missing) {
      if (summaryDef?.optional) continue;
      findings.push(
        makeFinding(
          'ratio-not-filled',
          sheetName,
          toA1(line.labelRow!, line.labelCol!),
          `Thiếu dòng "${summaryDef?.label ?? ratio.label}" (theo danh sách: ${expected}).`,
          code,
        ),
      );
      continue;
    }
    const figureCell =
      line.figureAt === 'label'
        ? toA1(line.labelRow!, line.labelCol!)
        : toA1(line.valueRow, line.valueCol);
    if (line.figure === null) {
      if (line.formula) continue; // a live formula not yet calculated
      const typed = line.figureText ? ` (ghi "${line.figureText}")` : '';
      findings.push(
        makeFinding(
          'ratio-not-filled',
          sheetName,
          figureCell,
          `${ratio.label}: chưa ghi số liệu${typed}; theo danh sách: ${expected}.`,
          code,
        ),
      );
      continue;
    }
    if (ratio.kind === 'rate' && count.denominator === 0) continue;
    const tol = tolerance(ratio.kind, line.figureDecimals);
    if (Math.abs(line.figure - count.value) > tol) {
      findings.push(
        makeFinding(
          'ratio-differs',
          sheetName,
          figureCell,
          `${ratio.label}: ghi ${describeTyped(ratio, line)} nhưng danh sách cho ${expected}.${shortRange(line, list)}`,
          code,
        ),
      );
    }
  }
  return { findings, ratios };
}
