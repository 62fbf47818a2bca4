/**
 * Recognise an evidence form (Mẫu 1.4, 2.5, 2.6, 3.3, 4.1, 4.5) on a sheet, whatever the sheet
 * is called: by its title ("Mẫu 1.4. …", "Mẫu số 4.5. …", with or without diacritics, NFC or
 * NFD) and its header, or by the header alone. Returns the list(s) of entries and the summary
 * lines with the cell where each figure is (or should go).
 */
import { cellText, columnLetters, GridView, type Cell } from '../model/grid';
import { foldText, matchKey } from '../model/text';
import {
  FORM_DEFS,
  formNumber,
  LIST_END_EXACT,
  LIST_END_MARKERS,
  SIGNATURE_MARKERS,
  SUBTOTAL_PATTERN,
  type FormDef,
  type FormListDef,
  type FormSummaryDef,
} from './definitions';
import { figureFromCell, figureFromText } from './figures';
import {
  firstTextKey,
  hasPhrase,
  matchesLabel,
  matchHeader,
  type HeaderMatch,
} from './header-match';
import type { FormKind, FormList, FormRecognition, FormRow, SummaryLine } from './types';

const TITLE_RE = /^(?:bieu\s+)?mau\s*(?:so\s*)?(\d)\s*[.,]\s*(\d)(?!\d)/;

/** The form title on the sheet, if any: its row and kind. */
export function findTitle(view: GridView): { row: number; kind: FormKind; text: string } | null {
  for (const r of view.rowIndices) {
    for (const c of view.rowCells(r)) {
      if (typeof c.value !== 'string' || !/^\s*[mbMB]/.test(c.value)) continue;
      const m = TITLE_RE.exec(foldText(c.value));
      if (!m) continue;
      const def = FORM_DEFS.find((d) => formNumber(d.kind) === `${m[1]}.${m[2]}`);
      if (def) return { row: r, kind: def.kind, text: c.value };
    }
  }
  return null;
}

/** Every form title on the sheet, top to bottom. */
function findTitles(view: GridView): { row: number; kind: FormKind; text: string }[] {
  const out: { row: number; kind: FormKind; text: string }[] = [];
  for (const r of view.rowIndices) {
    for (const c of view.rowCells(r)) {
      if (typeof c.value !== 'string' || !/^\s*[mbMB]/.test(c.value)) continue;
      const m = TITLE_RE.exec(foldText(c.value));
      const def = m && FORM_DEFS.find((d) => formNumber(d.kind) === `${m[1]}.${m[2]}`);
      if (def) {
        out.push({ row: r, kind: def.kind, text: c.value });
        break;
      }
    }
  }
  return out;
}

/** Key of a heading line without its numbering ("1. Danh sách…" → "danh sach …"). */
function headingKey(key: string): string {
  return key.replace(/^(\d+|[ivx]+|[a-d])\s*[.)]?\s+/, '');
}

function headingListAt(view: GridView, row: number, def: FormDef): FormListDef | undefined {
  const first = firstTextKey(view, row);
  if (!first) return undefined;
  const key = headingKey(first.key);
  return def.lists.find((l) => l.headingMatch && matchesLabel(key, l.headingMatch));
}

interface HeaderCandidate {
  list: FormListDef;
  match: HeaderMatch;
  headingRow?: number;
}

/** Header rows of the form's lists, in sheet order (at most one per list). */
function findHeaders(view: GridView, def: FormDef, fromRow: number): HeaderCandidate[] {
  const found: HeaderCandidate[] = [];
  const taken = new Set<string>();
  let skipUntil = -1;
  for (const r of view.rowIndices) {
    if (r < fromRow || r <= skipUntil) continue;
    let headingRow: number | undefined;
    let headingList: FormListDef | undefined;
    for (let h = r - 1; h >= r - 3 && h >= fromRow; h--) {
      const l = headingListAt(view, h, def);
      if (l) {
        headingRow = h;
        headingList = l;
        break;
      }
    }
    let best: HeaderCandidate | undefined;
    const lists = headingList ? [headingList] : def.lists;
    for (const list of lists) {
      if (taken.has(list.id)) continue;
      const match = matchHeader(view, r, list);
      if (!match.complete) continue;
      if (!best || match.score > best.match.score) best = { list, match, headingRow };
    }
    if (!best) continue;
    found.push(best);
    taken.add(best.list.id);
    skipUntil = Math.max(...best.match.rows);
    if (taken.size === def.lists.length) break;
  }
  return found;
}

/** A marker key: `matchKey` with dots as spaces ("tm. uy ban" → "tm uy ban"). */
function markerKey(key: string): string {
  return key.replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
}

function startsWithAny(key: string, markers: string[]): boolean {
  return markers.some((m) => key === m || key.startsWith(`${m} `));
}

function isEndKey(key: string): boolean {
  const k = markerKey(key);
  return LIST_END_EXACT.includes(k) || startsWithAny(k, LIST_END_MARKERS);
}

function isSignatureKey(key: string): boolean {
  return startsWithAny(markerKey(key), SIGNATURE_MARKERS);
}

/** The place-and-date line above the signatures ("Hoàng Kim, ngày 15 tháng 11 năm 2023"). */
const DATE_LINE = /(?:^| )ngay(?: \S+){0,2} thang(?: \S+){0,2} nam(?: |$)/;

function isDateKey(key: string): boolean {
  return DATE_LINE.test(markerKey(key));
}

/**
 * What a row's first text says (a number before it, e.g. a COUNTA in the STT column of the
 * "Tổng cộng" line, is skipped).
 */
function leadText(view: GridView, row: number): { key: string; col: number } | null {
  const c = view
    .rowCells(row)
    .find((x) => typeof x.value === 'string' && x.value.trim() !== '' && x.value.length <= 300);
  return c ? { key: matchKey(c.value as string), col: c.col } : null;
}

/** The summary line a label states ("- Tổng số CBCC của cơ quan: 21 người."), if any. */
function summaryFor(
  def: FormDef,
  key: string,
  taken?: Map<string, unknown>,
): FormSummaryDef | undefined {
  return def.summaries.find(
    (d) =>
      !taken?.has(d.ratio) &&
      matchesLabel(key, d.match) &&
      !(d.exclude ?? []).some((p) => hasPhrase(key, p)),
  );
}

type RowRole = 'end' | 'subtotal' | 'data';

/**
 * A row inside a list's data area: an entry (or a row to skip), the end of the list (summary
 * line, signature block, date line, next list or title), or a total/subtotal line.
 */
function rowRole(view: GridView, row: number, def: FormDef, nameCol: number): RowRole {
  const first = firstTextKey(view, row);
  if (!first) return 'data';
  const lead = leadText(view, row) ?? first;
  for (const k of lead === first ? [first.key] : [first.key, lead.key]) {
    if (isSignatureKey(k)) return 'end';
    if (isDateKey(k)) {
      const name = cellText(view.raw(row, nameCol)).trim();
      if (name === '' || lead.col === nameCol) return 'end';
    }
  }
  if (headingListAt(view, row, def) || TITLE_RE.test(foldText(first.key))) return 'end';
  if (summaryFor(def, lead.key)) return 'end';
  if (SUBTOTAL_PATTERN.test(markerKey(lead.key))) return 'subtotal';
  if (isEndKey(lead.key) || isEndKey(first.key)) return 'end';
  return 'data';
}

/** Rows after `index` up to the list's end hold entries (a named row): the line at `index` is a subtotal. */
function entriesFollow(
  view: GridView,
  index: number,
  boundary: number,
  def: FormDef,
  nameCol: number,
): boolean {
  for (let i = index + 1; i < view.rowIndices.length; i++) {
    const r = view.rowIndices[i];
    if (r >= boundary) return false;
    const role = rowRole(view, r, def, nameCol);
    if (role === 'end') return false;
    if (role === 'data' && cellText(view.raw(r, nameCol)).trim() !== '') return true;
  }
  return false;
}

/** A row of column numbers under the header: "1 2 3 4 5 6" or "(1) (2) (3)". */
function isNumberingRow(view: GridView, row: number): boolean {
  const cells = view.rowCells(row);
  if (cells.length < 3) return false;
  return cells.every((c, i) => {
    const t = cellText(c)
      .trim()
      .replace(/^\((\d+)\)$/, '$1');
    return t === String(i + 1);
  });
}

const PLACE_WORDS = ['thon', 'xom', 'ban', 'khu pho', 'to dan pho', 'khoi', 'lang', 'khu'];

/** A grouping row inside a list ("I. Thôn Đông", "Thôn 3" alone): not an entry. */
function isGroupRow(stt: string, name: string, filled: number, hasPhoneOrTick: boolean): boolean {
  const s = foldText(stt).replace(/[.)]$/, '');
  if (/^(i{1,3}|iv|v|vi{0,3}|ix|x{1,3})$/.test(s) || /^[a-h]$/.test(s)) return true;
  if (stt === '' && filled === 1 && hasPhoneOrTick) {
    const k = matchKey(name);
    return PLACE_WORDS.some((w) => k === w || k.startsWith(`${w} `));
  }
  return false;
}

/**
 * The header typed again inside the list (a PDF paste repeats it on every page): the name
 * column and at least one other column read as in the header. An entry whose cells merely
 * contain header words ("Khu vực UBND xã" | "Thôn Đông") is not one.
 */
function isRepeatedHeader(view: GridView, row: number, match: HeaderMatch): boolean {
  const headerKey = (col: number) =>
    match.rows
      .map((h) => matchKey(view.text(h, col)))
      .filter((k) => k !== '')
      .join(' ');
  let same = 0;
  for (const [id, col] of Object.entries(match.columns)) {
    const k = matchKey(cellText(view.raw(row, col)));
    const hit = k !== '' && match.rows.some((h) => matchKey(view.text(h, col)) === k);
    const whole = k !== '' && k === headerKey(col);
    if (hit || whole) same++;
    else if (id === 'name') return false;
  }
  return same >= 2;
}

function readList(view: GridView, def: FormDef, cand: HeaderCandidate, boundary: number): FormList {
  const { list, match } = cand;
  let start = Math.max(...match.rows) + 1;
  if (isNumberingRow(view, start)) start++;
  const rows: FormRow[] = [];
  let lastContent = start - 1;
  let totalRow: number | undefined;
  const colIds = Object.keys(match.columns);
  const hasPhoneOrTick = list.columns.some(
    (c) => c.id in match.columns && c.kind !== 'stt' && c.kind !== 'name' && c.kind !== 'note',
  );
  const nameCol = match.columns.name;
  for (let i = 0; i < view.rowIndices.length; i++) {
    const r = view.rowIndices[i];
    if (r < start) continue;
    if (r >= boundary) break;
    if (!firstTextKey(view, r)) continue;
    const role = rowRole(view, r, def, nameCol);
    if (role === 'end') break;
    if (role === 'subtotal') {
      if (entriesFollow(view, i, boundary, def, nameCol)) continue;
      totalRow = r;
      break;
    }
    if (isRepeatedHeader(view, r, match)) continue; // repeated header (PDF paste)
    const cells: Record<string, Cell | undefined> = {};
    let filled = 0;
    for (const id of colIds) {
      const c = view.raw(r, match.columns[id]);
      const has = !!c && cellText(c).trim() !== '';
      cells[id] = has ? c : undefined;
      if (has) filled++;
    }
    if (filled === 0) continue;
    if (!cells.name && nameCol !== undefined) {
      // the name merged down over this row: a second line of the entry above (another phone)
      const m = view.mergeAt(r, nameCol);
      if (m && m.top < r && view.raw(m.top, m.left)) {
        lastContent = r;
        continue;
      }
    }
    const stt = cells.stt ? cellText(cells.stt).trim() : '';
    const name = cells.name ? cellText(cells.name).normalize('NFC').trim() : '';
    // the template's placeholder lines: "..." in STT, or a name trailing off ("Các điểm Nhà văn
    // hóa, điểm công cộng, du lịch cộng đồng, ...") with nothing else on the row
    const dotsStt = /^[.…]+$/.test(stt);
    const trailing = /(\.\.\.|…)\)?$/.test(name);
    if (dotsStt && (name === '' || trailing)) continue;
    if (trailing && (stt === '' || dotsStt) && filled === 1) continue;
    if (name !== '' && isGroupRow(stt, name, filled, hasPhoneOrTick)) continue;
    rows.push({ row: r, stt, name, cells });
    lastContent = r;
  }
  return {
    id: list.id,
    headerRows: match.rows,
    ...(cand.headingRow !== undefined ? { headingRow: cand.headingRow } : {}),
    columns: { ...match.columns },
    firstRow: start,
    lastRow: lastContent,
    rows,
    ...(totalRow !== undefined ? { totalRow } : {}),
  };
}

function listEnd(l: FormList): number {
  return Math.max(l.lastRow, l.totalRow ?? -1, ...l.headerRows);
}

/** Rows that belong to a list (headers, data area, total line). */
function inList(lists: FormList[], row: number): boolean {
  return lists.some((l) => row >= Math.min(...l.headerRows) && row <= listEnd(l));
}

const UNIT_WORDS = ['nguoi', 'diem', 'doanh nghiep', 'dn', 'hop', 'tram', '%', 'thue bao'];

function isUnitText(c: Cell): boolean {
  if (typeof c.value !== 'string') return false;
  const k = foldText(c.value)
    .replace(/[.:]+$/, '')
    .trim();
  return k === '' || UNIT_WORDS.includes(k) || k === '%';
}

/** Column just right of the label (after its merge), or the table's last column when wider. */
function plannedValueCol(view: GridView, row: number, col: number, lastTableCol: number): number {
  const m = view.mergeAt(row, col);
  if (m && m.right > m.left) return m.right + 1;
  return Math.max(col + 1, lastTableCol);
}

function readSummary(
  view: GridView,
  s: FormSummaryDef,
  kind: 'rate' | 'count',
  row: number,
  col: number,
  lastTableCol: number,
): SummaryLine {
  const label = cellText(view.raw(row, col)).normalize('NFC');
  const line: SummaryLine = {
    key: s.ratio,
    label,
    labelRow: row,
    labelCol: col,
    valueRow: row,
    valueCol: plannedValueCol(view, row, col, lastTableCol),
    figure: null,
  };
  const m = view.mergeAt(row, col);
  const from = m && m.right > m.left ? m.right + 1 : col + 1;
  const right = view.rowCells(row).filter((c) => c.col >= from);
  const valueCell = right.find((c) => !isUnitText(c) || c.formula);
  if (valueCell) {
    line.valueCol = valueCell.col;
    if (valueCell.formula) line.formula = valueCell.formula;
    const fig = figureFromCell(valueCell, kind);
    if (fig) {
      line.figure = fig.value;
      line.figureAt = 'value';
      line.figureText = fig.text;
      if (fig.decimals !== undefined) line.figureDecimals = fig.decimals;
      return line;
    }
    if (valueCell.formula) {
      line.figureAt = 'value';
      return line;
    }
  } else if (right.length > 0) {
    // only unit words to the right ("người"): the figure goes in the first free cell
    let col = from;
    while (view.raw(row, col)) col++;
    line.valueCol = col;
  }
  const colon = label.lastIndexOf(':');
  const after = colon >= 0 ? label.slice(colon + 1) : '';
  const fig = colon >= 0 ? figureFromText(after, kind) : null;
  if (fig) {
    // the live figure will go in the first free cell right of the label
    while (view.raw(row, line.valueCol) && !view.raw(row, line.valueCol)?.formula) line.valueCol++;
    line.figure = fig.value;
    line.figureAt = 'label';
    line.figureText = fig.text;
    if (fig.decimals !== undefined) line.figureDecimals = fig.decimals;
  } else if (valueCell && !valueCell.formula && cellText(valueCell).trim() !== '') {
    // something typed that is not a figure ("chưa thống kê")
    line.figureAt = 'value';
    line.figureText = cellText(valueCell).trim();
  }
  return line;
}

function findSummaries(
  view: GridView,
  def: FormDef,
  lists: FormList[],
  fromRow: number,
  lastTableCol: number,
): SummaryLine[] {
  const found = new Map<string, SummaryLine>();
  for (const r of view.rowIndices) {
    if (r < fromRow || inList(lists, r)) continue;
    for (const c of view.rowCells(r)) {
      if (typeof c.value !== 'string') continue;
      const key = matchKey(c.value);
      const s = summaryFor(def, key, found);
      if (!s) continue;
      const ratio = def.ratios.find((x) => x.key === s.ratio);
      found.set(s.ratio, readSummary(view, s, ratio?.kind ?? 'rate', r, c.col, lastTableCol));
      break;
    }
  }
  return def.summaries.filter((s) => found.has(s.ratio)).map((s) => found.get(s.ratio)!);
}

function rowIsEmpty(view: GridView, row: number): boolean {
  if (view.rowCells(row).length > 0) return false;
  return !view.sheet.merges.some((m) => row >= m.top && row <= m.bottom);
}

/** Positions for summary lines missing from the sheet: empty rows after the list they count. */
function planMissing(
  view: GridView,
  def: FormDef,
  lists: FormList[],
  present: SummaryLine[],
  signatureRow: number | undefined,
  lastTableCol: number,
): SummaryLine[] {
  const used = new Set<number>(present.map((p) => p.labelRow!));
  const lastUsed = view.rowIndices.length ? view.rowIndices[view.rowIndices.length - 1] : 0;
  let overflow = lastUsed + 2;
  const labelCol = present[0]?.labelCol ?? Math.min(...lists.map((l) => l.columns.stt ?? 0));
  const out: SummaryLine[] = [];
  for (const s of def.summaries) {
    if (present.some((p) => p.key === s.ratio)) continue;
    const ratio = def.ratios.find((x) => x.key === s.ratio);
    const list = lists.find((l) => l.id === ratio?.list) ?? lists[lists.length - 1];
    const same = present.filter((p) => {
      const rl = def.ratios.find((x) => x.key === p.key)?.list;
      return rl === list.id;
    });
    const anchor = Math.max(listEnd(list), ...same.map((p) => p.labelRow!));
    const nextList = lists
      .filter((l) => Math.min(...l.headerRows) > anchor)
      .map((l) => Math.min(l.headingRow ?? Infinity, ...l.headerRows));
    const limit = Math.min(...nextList, signatureRow ?? Infinity, lastUsed + 1);
    let row = -1;
    for (let r = anchor + 1; r < limit; r++) {
      if (!used.has(r) && rowIsEmpty(view, r)) {
        row = r;
        break;
      }
    }
    if (row < 0) row = overflow++;
    used.add(row);
    out.push({
      key: s.ratio,
      label: s.label,
      labelRow: row,
      labelCol,
      valueRow: row,
      valueCol: Math.max(labelCol + 1, lastTableCol),
      figure: null,
      missing: true,
    });
  }
  return out;
}

function buildRecognition(
  view: GridView,
  def: FormDef,
  headers: HeaderCandidate[],
  title?: { row: number; text: string },
): FormRecognition {
  const lists: FormList[] = [];
  headers.forEach((h, i) => {
    const next = headers[i + 1];
    const boundary = next
      ? Math.min(next.headingRow ?? Infinity, ...next.match.rows)
      : Number.POSITIVE_INFINITY;
    lists.push(readList(view, def, h, boundary));
  });
  const fromRow = Math.min(...lists.map((l) => Math.min(...l.headerRows)));
  const lastTableCol = Math.max(...lists.flatMap((l) => Object.values(l.columns)));
  const after = Math.max(...lists.map(listEnd));
  let signatureRow: number | undefined;
  for (const r of view.rowIndices) {
    if (r <= after) continue;
    const first = firstTextKey(view, r);
    if (first && (isSignatureKey(first.key) || isDateKey(first.key))) {
      signatureRow = r;
      break;
    }
  }
  const present = findSummaries(view, def, lists, fromRow, lastTableCol);
  const missing = planMissing(view, def, lists, present, signatureRow, lastTableCol);
  const order = def.summaries.map((s) => s.ratio);
  const summaries = [...present, ...missing].sort(
    (a, b) => order.indexOf(a.key) - order.indexOf(b.key),
  );
  return {
    kind: def.kind,
    sheet: view.sheet.name,
    ...(title ? { titleRow: title.row, title: title.text.normalize('NFC') } : {}),
    lists,
    summaries,
    ...(signatureRow !== undefined ? { signatureRow } : {}),
  };
}

const SHEET_NAME_RE =
  /(?:^|[^a-z])(?:(?:bieu\s*)?mau|bm|m)?\s*(?:so\s*)?0?(\d)\s*[.,_]\s*(\d)(?!\d)/;

/** The form a sheet name announces ("Mẫu 3.3 - Thôn 1", "Mau 1.4", "BM4.1", "3.3 Thôn Đông"). */
export function formFromSheetName(name: string): FormDef | undefined {
  const m = SHEET_NAME_RE.exec(foldText(name));
  if (!m) return undefined;
  return FORM_DEFS.find((d) => formNumber(d.kind) === `${m[1]}.${m[2]}`);
}

/**
 * The evidence form on a sheet, or null. A title "Mẫu X.Y" picks the form and its header must
 * be found below; without a title, a sheet named after the form ("Mẫu 4.1") picks it likewise;
 * otherwise a header alone is enough when it is unambiguous (three columns or more, including
 * the form's distinctive ones, or under the list heading).
 */
export function recognizeForm(view: GridView): FormRecognition | null {
  const title = findTitle(view);
  if (title) {
    const def = FORM_DEFS.find((d) => d.kind === title.kind)!;
    const headers = findHeaders(view, def, title.row + 1);
    if (headers.length === 0) return null;
    return buildRecognition(view, def, headers, title);
  }
  const named = formFromSheetName(view.sheet.name);
  if (named) {
    const headers = findHeaders(view, named, 0);
    if (headers.length > 0) return buildRecognition(view, named, headers);
  }
  let best: { def: FormDef; headers: HeaderCandidate[]; score: number } | undefined;
  for (const def of FORM_DEFS) {
    const headers = findHeaders(view, def, 0).filter((h) => {
      const n = Object.keys(h.match.columns).length;
      const required = h.list.columns.filter((c) => c.required).length;
      return n >= 3 && (required >= 2 || h.headingRow !== undefined);
    });
    if (headers.length === 0) continue;
    const score = headers.reduce((s, h) => s + h.match.score, 0);
    if (!best || score > best.score) best = { def, headers, score };
  }
  return best ? buildRecognition(view, best.def, best.headers) : null;
}

/**
 * The view of rows `top`…`bottom` of a sheet (same positions, same sheet name): one form of a
 * sheet holding several is read within its own rows.
 */
function segmentView(sheet: GridView['sheet'], top: number, bottom: number): GridView {
  return new GridView({
    ...sheet,
    cells: sheet.cells.filter((c) => c.row >= top && c.row <= bottom),
    merges: sheet.merges.filter((m) => m.top >= top && m.top <= bottom),
  });
}

/**
 * Every evidence form on a sheet, top to bottom. A sheet holding forms of different kinds under
 * their own titles (a "Biểu mẫu" sheet: Mẫu 1.4, then Mẫu 3.3 below) gives one recognition per
 * form, each read within its rows and given its `range`; a title repeated for the same form
 * (a PDF page break) does not start a new one. Each recognition comes with the view it was
 * read in.
 */
export function recognizeForms(view: GridView): { view: GridView; rec: FormRecognition }[] {
  const titles = findTitles(view).filter((t, i, all) => i === 0 || all[i - 1].kind !== t.kind);
  if (titles.length < 2) {
    const rec = recognizeForm(view);
    return rec ? [{ view, rec }] : [];
  }
  const out: { view: GridView; rec: FormRecognition }[] = [];
  titles.forEach((t, i) => {
    const bottom = i + 1 < titles.length ? titles[i + 1].row - 1 : Number.POSITIVE_INFINITY;
    const sub = segmentView(view.sheet, t.row, bottom);
    const rec = recognizeForm(sub);
    if (!rec) return;
    const last = sub.rowIndices[sub.rowIndices.length - 1] ?? t.row;
    rec.range = `A${t.row + 1}:${columnLetters(Math.max(0, sub.maxCol))}${last + 1}`;
    out.push({ view: sub, rec });
  });
  return out;
}

export { hasPhrase };
