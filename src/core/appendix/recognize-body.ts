/**
 * Recognition, step 3: the table body under the header: criterion rows (TT holds a code such
 * as "1.10"), group rows, repeated headers (PDF paste), continuation rows merged into the
 * criterion above; the table ends at a signature / summary block or a long gap.
 */
import type { Catalog } from '../catalog/types';
import { cellText, type Cell, type GridView } from '../model/grid';
import { classifyHeader, tableEndKind, RESULT_ROLES } from './headers';
import type { ColumnRole, CriterionRow, GroupRow } from '../model/report-types';
import { cleanText, matchKey } from '../model/text';
import {
  CODE_RE,
  type Columns,
  type HeaderCandidate,
  isBlank,
  lineText,
  lowerBound,
} from './recognize-header';

/** More blank rows than this after the table's last row end it. */
const MAX_BLANK_GAP = 5;
/** This many unattachable rows in a row (prose after the table) end it. */
const MAX_STRAYS_IN_A_ROW = 3;
/** Rows looked through after a table-ending text for criteria the table still lacks. */
const END_BLOCK_ROWS = 40;
/** A numbered row whose name is not a catalog group is a group row only when this short. */
const MAX_GROUP_NAME = 60;
const LEADING_CODE_RE = /^(\d{1,2})[.,](\d{1,2})(?:[.):]|\s*[-–])?\s+(?=[\p{L}\d(“"])/u;
const GROUP_TT_RE = /^(\d{1,2}|[IVX]{1,6})(?:[.)]\s*|\s+|$)(.*)$/i;
// ---------------------------------------------------------------- body

interface CodeContext {
  known: Set<string>;
  seen: Set<string>;
  prev: string | null;
}

/**
 * The criterion code in a TT cell, as a string ("1.10" stays "1.10"). A numeric cell 1.1
 * cannot tell "1.1" from "1.10": a format showing two decimals decides ("0.00" → "1.10");
 * otherwise (General, "0.0") it reads "1.1", unless "1.1" was already seen (or the previous
 * code was 1.9) and the catalog knows "1.10". A format never hides typed digits (1.11 under
 * "0.0" is "1.11").
 */
export function parseCriterionCode(cell: Cell | undefined, ctx?: CodeContext): string | null {
  if (!cell) return null;
  if (cell.kind === 'number' && typeof cell.value === 'number') {
    const v = cell.value;
    if (Number.isInteger(v) || v <= 0 || v >= 100) return null;
    // The value's own digits are what was typed (1.11 stays 1.11 even under a "0.0" format);
    // a format with more decimals only adds the zero a number cannot keep (1.1 → "1.10").
    const own = String(Math.round(v * 100) / 100);
    const ownDecimals = own.split('.')[1]?.length ?? 0;
    const shown = /0\.(0+)/.exec(cell.numberFormat ?? '')?.[1].length ?? 0;
    const text = shown > ownDecimals ? v.toFixed(Math.min(shown, 2)) : own;
    const m = CODE_RE.exec(text);
    if (!m) return null;
    const code = `${Number(m[1])}.${m[2]}`;
    if (ctx && m[2].length === 1) {
      const ten = `${code}0`;
      const prev = ctx.prev ? CODE_RE.exec(ctx.prev) : null;
      const afterNine = !!prev && prev[1] === m[1] && Number(prev[2]) >= Number(m[2]) * 10 - 1;
      if (ctx.known.has(ten) && !ctx.seen.has(ten) && (ctx.seen.has(code) || afterNine)) return ten;
    }
    return code;
  }
  if (cell.kind !== 'string') return null;
  const t = lineText(cell).replace(/[.)]$/, '');
  const m = CODE_RE.exec(t) ?? LEADING_CODE_RE.exec(t);
  return m ? `${Number(m[1])}.${m[2]}` : null;
}

/** "1.1. Xây dựng…" / "3.10 - Tỷ lệ…": a code written in front of the criterion's name. */
function leadingCode(cell: Cell | undefined): string | null {
  if (!cell || cell.kind !== 'string') return null;
  const m = LEADING_CODE_RE.exec(lineText(cell));
  return m ? `${Number(m[1])}.${m[2]}` : null;
}

function romanToInt(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  const u = s.toUpperCase();
  for (let i = 0; i < u.length; i++) {
    const cur = v[u[i]];
    const next = v[u[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** The catalog group a text names: exact name/alias, or (loose) containing it as words. */
function matchGroup(text: string, catalog: Catalog, loose: boolean) {
  const key = matchKey(text);
  if (!key) return null;
  let best: { code: string; len: number } | null = null;
  for (const g of catalog.groups) {
    for (const n of [g.name, ...(g.aliases ?? [])]) {
      const gk = matchKey(n);
      if (!gk) continue;
      const hit = key === gk || (loose && ` ${key} `.includes(` ${gk} `));
      if (hit && (!best || gk.length > best.len)) best = { code: g.code, len: gk.length };
    }
  }
  return best?.code ?? null;
}

function detectGroup(
  ttText: string,
  nameText: string,
  hasValues: boolean,
  catalog: Catalog,
): { code: string; name: string } | null {
  const m = ttText ? GROUP_TT_RE.exec(ttText) : null;
  if (m) {
    const name = cleanText(m[2] || nameText);
    if (!name || /^[\d\s().,]+$/.test(name)) return null;
    const code = matchGroup(name, catalog, true);
    if (code) return { code, name };
    if (hasValues || name.length > MAX_GROUP_NAME) return null;
    return { code: /^\d+$/.test(m[1]) ? String(Number(m[1])) : String(romanToInt(m[1])), name };
  }
  const text = ttText || nameText;
  const code = matchGroup(text, catalog, false);
  if (code) return { code, name: text };
  // lettered groups: "A" / "B." in TT and the group's name next to it
  if (/^[A-Z][.)]?$/.test(ttText)) {
    const lettered = matchGroup(nameText, catalog, true);
    if (lettered) return { code: lettered, name: cleanText(nameText) };
  }
  // no TT: the numbering written in the name cell ("III. XÃ HỘI SỐ", "1. Chính quyền số")
  const inName = !ttText ? GROUP_TT_RE.exec(nameText) : null;
  const rest = inName ? cleanText(inName[2]) : '';
  const named = rest ? matchGroup(rest, catalog, false) : null;
  return named ? { code: named, name: rest } : null;
}

/**
 * The cell a role reads on row r. A merge spilling in from another column (a name merged
 * across the unit column) is not this column's; on a continuation row neither is a merge
 * coming down from the row above (it was read there already).
 */
function roleCell(
  view: GridView,
  r: number,
  col: number | undefined,
  continuation: boolean,
): Cell | undefined {
  if (col === undefined) return undefined;
  const raw = view.raw(r, col);
  if (raw) return raw;
  const c = view.get(r, col);
  if (!c || c.col !== col) return undefined;
  return continuation ? undefined : c;
}

/**
 * A sub-item marker in the TT column under a criterion: "a)", "b.", "-", "+", "•", or a
 * third-level number "1.8.1". (Plain numbers "1)" stay group candidates.)
 */
function isSubItemMarker(tt: string): boolean {
  return /^(?:[a-zđ][.)]|[-–—+•*·∙]|\d{1,2}[.,]\d{1,2}[.,]\d{1,2}[.)]?)$/i.test(tt);
}

function isHeaderLike(cells: Cell[]): boolean {
  let matched = 0;
  for (const c of cells) if (classifyHeader(cellText(c))) matched++;
  return matched >= 2 && matched > cells.length - matched;
}

/** A row "(1) (2) (3) …" or "A B C …" numbering the columns under a header. */
function isColumnNumberRow(cells: Cell[]): boolean {
  return (
    cells.length >= 3 && cells.every((c) => /^\(?\s*(\d{1,2}|[A-Za-z])\s*\)?$/.test(lineText(c)))
  );
}

interface Body {
  rows: CriterionRow[];
  groups: GroupRow[];
  strayRows: number[];
  headerRows: number[];
  lastRow: number;
}

export function readBody(
  view: GridView,
  catalog: Catalog,
  header: HeaderCandidate,
  columns: Columns,
): Body {
  const roles = (Object.keys(columns) as ColumnRole[]).filter((r) => r !== 'tt');
  const ttCol = columns.tt;
  const minCol = Math.min(header.minCol, ...Object.values(columns));
  const maxCol = Math.max(header.maxCol, ...Object.values(columns));
  const headerLast = header.rows[header.rows.length - 1];
  const body: Body = {
    rows: [],
    groups: [],
    strayRows: [],
    headerRows: [...header.rows],
    lastRow: headerLast,
  };
  const ctx: CodeContext = {
    known: new Set(catalog.criteria.map((c) => c.code)),
    seen: new Set(),
    prev: null,
  };
  let current: CriterionRow | null = null;
  /** Inside the sub-items of `current` (their continuation lines are theirs, not its). */
  let inSubItem = false;
  /** Row of a text that ends the table, while looking whether the table goes on after it. */
  let endAt: number | null = null;
  /** The criterion such a text would continue, and the TT-less lines since. */
  let endOf: CriterionRow | null = null;
  let endLines: number[] = [];
  let lastContent = headerLast;
  /** Rows since the last criterion that could not be attached (prose after the table). */
  let straysInARow = 0;
  const firstCols = Math.max(ttCol ?? minCol, columns.name ?? minCol);
  const endsTable = (c: Cell): boolean => {
    const kind = tableEndKind(cellText(c));
    return kind === 'anywhere' || (kind === 'first-columns' && c.col <= firstCols);
  };
  const mayEndTable = (c: Cell): boolean => tableEndKind(cellText(c)) === 'sentence';

  const startCriterion = (r: number, code: string, ttCell: Cell): CriterionRow => {
    const row: CriterionRow = {
      code,
      row: r,
      continuationRows: [],
      name: '',
      unit: '',
      texts: { tt: code },
      cells: { tt: ttCell },
    };
    for (const role of roles) {
      const cell = roleCell(view, r, columns[role], false);
      const t = lineText(cell);
      if (t) row.texts[role] = t;
      if (cell && (t || cell.formula)) row.cells[role] = cell;
    }
    row.name = row.texts.name ?? '';
    row.unit = row.texts.unit ?? '';
    return row;
  };

  const continueCriterion = (row: CriterionRow, r: number) => {
    for (const role of roles) {
      const cell = roleCell(view, r, columns[role], true);
      const t = lineText(cell);
      if (!t) continue;
      row.texts[role] = row.texts[role] ? `${row.texts[role]} ${t}` : t;
      if (!row.cells[role]) row.cells[role] = cell;
    }
    row.continuationRows.push(r);
    row.name = row.texts.name ?? '';
    row.unit = row.texts.unit ?? '';
  };

  const idx = view.rowIndices;
  for (let i = lowerBound(idx, headerLast + 1); i < idx.length; i++) {
    const r = idx[i];
    if (r - lastContent - 1 > MAX_BLANK_GAP) break;
    const inside = view
      .rowCells(r)
      .filter((c) => !isBlank(c) && c.col >= minCol && c.col <= maxCol);
    if (inside.length === 0) {
      // blank, or text outside the table's columns (a note far to the side / below)
      const outside = view.rowCells(r).some((c) => !isBlank(c));
      if (outside && r - lastContent > 2) break;
      continue;
    }
    const ttCell = roleCell(view, r, ttCol, false);
    const ttFromAbove = !!ttCell && ttCell.row < r;
    let code = ttCell && !ttFromAbove ? parseCriterionCode(ttCell, ctx) : null;
    let codeCell = ttCell;
    if (!code && columns.name !== ttCol) {
      // STT numbered 1, 2, 3… (or empty) and the code in front of the name ("1.1. Xây dựng…")
      const nameCell = roleCell(view, r, columns.name, false);
      const named = leadingCode(nameCell);
      if (named && ctx.known.has(named) && !ctx.seen.has(named)) {
        code = named;
        codeCell = nameCell;
      }
    }
    if (code && codeCell) {
      if (endAt !== null) {
        // after an end block: a code already read (or unknown) is another table
        if (ctx.seen.has(code) || !ctx.known.has(code)) break;
        // the "end" was a line of the table ("Chủ tịch UBND tỉnh ban hành…"): read it as such
        if (endOf) for (const pr of endLines) continueCriterion(endOf, pr);
        endAt = null;
      }
      inSubItem = false;
      current = startCriterion(r, code, codeCell);
      body.rows.push(current);
      ctx.seen.add(code);
      ctx.prev = code;
      lastContent = body.lastRow = r;
      straysInARow = 0;
      continue;
    }
    if (endAt !== null) {
      // inside the block that ends the table (signature, summary, next appendix)
      if (isHeaderLike(inside) || r - endAt > END_BLOCK_ROWS) break;
      if (!lineText(ttCell)) endLines.push(r);
      lastContent = r;
      continue;
    }
    if (inside.some((c) => endsTable(c))) break;
    if (inside.some((c) => mayEndTable(c))) {
      // A sentence starting like a signature ("Chủ tịch UBND xã ký…", "Quyết định ngày … tháng
      // … năm …") ends the table unless criteria the table still lacks follow: then it was a
      // line of the table (an evidence continuation).
      endAt = r;
      endOf = !lineText(ttCell) && !inSubItem ? current : null;
      endLines = [r];
      current = null;
      lastContent = r;
      continue;
    }
    if (isHeaderLike(inside)) {
      body.headerRows.push(r);
      lastContent = r;
      continue;
    }
    if (ttFromAbove) {
      // TT merged down from the code row: the same criterion continues here.
      if (current && current.row === ttCell.row) {
        continueCriterion(current, r);
        lastContent = body.lastRow = r;
      } else {
        body.strayRows.push(r);
        lastContent = r;
      }
      continue;
    }
    if (isColumnNumberRow(inside)) {
      lastContent = r;
      continue;
    }
    const ttText = lineText(ttCell);
    const nameText = lineText(roleCell(view, r, columns.name, false));
    const hasValues = (['unit', 'target', ...RESULT_ROLES] as ColumnRole[]).some(
      (role) => lineText(roleCell(view, r, columns[role], false)) !== '',
    );
    const subItem =
      !!current &&
      (isSubItemMarker(ttText) ||
        // no TT but a verdict of its own under a criterion that has one: an item, not a
        // continuation line (a PDF page break never splits a one-word verdict)
        (!ttText &&
          (inSubItem ||
            (!!current.texts.verdict &&
              lineText(roleCell(view, r, columns.verdict, false)) !== ''))));
    // (a group row without TT, "III. XÃ HỘI SỐ", is a group, whatever follows)
    if (subItem && current && !matchGroup(nameText, catalog, !ttText)) {
      (current.subItemRows ??= []).push(r);
      inSubItem = true;
      lastContent = body.lastRow = r;
      straysInARow = 0;
      continue;
    }
    const group = detectGroup(ttText, nameText, hasValues, catalog);
    if (group) {
      body.groups.push({ ...group, row: r });
      current = null;
      inSubItem = false;
      lastContent = r;
      continue;
    }
    if (!ttText && current) {
      continueCriterion(current, r);
      lastContent = body.lastRow = r;
      continue;
    }
    body.strayRows.push(r);
    current = null;
    inSubItem = false;
    lastContent = r;
    if (++straysInARow >= MAX_STRAYS_IN_A_ROW) break;
  }
  // Nothing after the last criterion belongs to the table (a report or form may follow).
  const end = body.lastRow;
  body.groups = body.groups.filter((g) => g.row <= end);
  body.strayRows = body.strayRows.filter((r) => r <= end);
  body.headerRows = body.headerRows.filter((r) => r <= end || header.rows.includes(r));
  return body;
}
