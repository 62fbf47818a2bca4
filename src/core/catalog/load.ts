/**
 * Loading a catalog: checking that a JSON document has the `Catalog` shape and is internally
 * consistent (every problem listed, in Vietnamese), Unicode-normalised, with defaults filled.
 * Pure: the CLI reads catalog files and passes their parsed content to `loadCatalog`.
 */
import type { Catalog } from './types';
import { foldText } from '../model/text';
import { scoringProblems } from './scoring';

export type CatalogErrorCode =
  /** The JSON is not a valid catalog (see `problems`). */
  | 'invalid-catalog'
  /** A chain id that the catalog does not define. */
  | 'unknown-chain'
  /** A level id that the catalog (or the chosen chain) does not define. */
  | 'unknown-level'
  /** A bundled catalog id that does not exist. */
  | 'unknown-catalog';

export class CatalogError extends Error {
  readonly code: CatalogErrorCode;
  /** Each problem found, in Vietnamese (for 'invalid-catalog': all of them, not only the first). */
  readonly problems: string[];

  constructor(message: string, code: CatalogErrorCode = 'invalid-catalog', problems?: string[]) {
    super(message);
    this.name = 'CatalogError';
    this.code = code;
    this.problems = problems ?? [message];
  }
}

// ---------------------------------------------------------------------------------------------
// Validation

type Obj = Record<string, unknown>;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const GROUP_CODE_PATTERN = /^[0-9A-Za-z]+$/;
const CRITERION_CODE_PATTERN = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)+$/;
const TARGET_KINDS = ['min-rate', 'min-count', 'yes', 'qualitative'] as const;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function show(v: unknown): string {
  if (v === undefined) return 'không có';
  if (typeof v === 'string') return `"${v}"`;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** Collects every problem of a catalog, with a Vietnamese description of where it is. */
class Checker {
  readonly problems: string[] = [];

  add(where: string, message: string): void {
    this.problems.push(where ? `${where}: ${message}` : message);
  }

  /** A required non-empty string field. */
  text(o: Obj, key: string, where: string): string | undefined {
    const v = o[key];
    if (isNonEmptyString(v)) return v;
    if (v === undefined) this.add(where, `thiếu trường bắt buộc "${key}" (chuỗi không rỗng)`);
    else this.add(where, `trường "${key}" phải là chuỗi không rỗng, đang là ${show(v)}`);
    return undefined;
  }

  /** A required array field (its items are checked by the caller). */
  array(o: Obj, key: string, where: string, opts: { nonEmpty?: boolean } = {}): unknown[] {
    const v = o[key];
    if (!Array.isArray(v)) {
      if (v === undefined) this.add(where, `thiếu trường bắt buộc "${key}" (danh sách)`);
      else this.add(where, `trường "${key}" phải là danh sách, đang là ${show(v)}`);
      return [];
    }
    if (opts.nonEmpty && v.length === 0) this.add(where, `danh sách "${key}" không được rỗng`);
    return v;
  }

  /** An array of non-empty strings (required unless `optional`). */
  strings(
    o: Obj,
    key: string,
    where: string,
    opts: { nonEmpty?: boolean; optional?: boolean } = {},
  ) {
    if (opts.optional && o[key] === undefined) return;
    this.array(o, key, where, opts).forEach((item, i) => {
      if (!isNonEmptyString(item))
        this.add(
          where,
          `phần tử thứ ${i + 1} của "${key}" phải là chuỗi không rỗng, đang là ${show(item)}`,
        );
    });
  }

  optionalString(o: Obj, key: string, where: string): void {
    if (o[key] !== undefined && typeof o[key] !== 'string')
      this.add(where, `trường "${key}" (không bắt buộc) phải là chuỗi, đang là ${show(o[key])}`);
  }
}

function checkGroups(c: Checker, root: Obj): Set<string> {
  const codes = new Set<string>();
  const names = new Map<string, string>();
  c.array(root, 'groups', '', { nonEmpty: true }).forEach((g, i) => {
    const where = `nhóm thứ ${i + 1} (groups[${i}])`;
    if (!isObj(g)) return c.add(where, `phải là một đối tượng, đang là ${show(g)}`);
    const code = c.text(g, 'code', where);
    if (code !== undefined) {
      if (!GROUP_CODE_PATTERN.test(code))
        c.add(where, `mã nhóm ${show(code)} chỉ được gồm chữ số/chữ cái (ví dụ "1")`);
      if (codes.has(code)) c.add(where, `mã nhóm ${show(code)} bị trùng`);
      codes.add(code);
    }
    const label = `nhóm ${show(code ?? i + 1)}`;
    const spellings: unknown[] = [g.name];
    c.text(g, 'name', label);
    if (g.aliases !== undefined) {
      c.strings(g, 'aliases', label);
      if (Array.isArray(g.aliases)) spellings.push(...g.aliases);
    }
    for (const s of spellings) {
      if (!isNonEmptyString(s)) continue;
      const key = foldText(s);
      const owner = names.get(key);
      if (owner !== undefined && owner !== code)
        c.add(label, `tên/biệt danh ${show(s)} trùng với nhóm ${show(owner)}`);
      names.set(key, code ?? '');
    }
  });
  return codes;
}

function checkTarget(c: Checker, t: unknown, where: string): void {
  if (!isObj(t)) {
    if (t === undefined) return c.add(where, 'thiếu trường bắt buộc "target" (chỉ tiêu)');
    return c.add(where, `"target" phải là một đối tượng, đang là ${show(t)}`);
  }
  const tw = `${where}, chỉ tiêu (target)`;
  const kind = t.kind;
  if (!TARGET_KINDS.includes(kind as (typeof TARGET_KINDS)[number])) {
    return c.add(
      tw,
      `loại chỉ tiêu ${show(kind)} không hợp lệ; chỉ dùng ${TARGET_KINDS.map((k) => `"${k}"`).join(', ')}`,
    );
  }
  c.text(t, 'text', tw);
  if (kind === 'min-rate') {
    const v = t.value;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      c.add(
        tw,
        `"value" của chỉ tiêu tỷ lệ phải là số (phân số, 70% ghi là 0.7), đang là ${show(v)}`,
      );
    } else if (v < 0 || v > 1) {
      const hint = v > 1 && v <= 100 ? `; có vẻ đang ghi theo phần trăm — hãy ghi ${v / 100}` : '';
      c.add(
        tw,
        `"value" của chỉ tiêu tỷ lệ phải nằm trong khoảng 0..1 (70% ghi là 0.7), đang là ${v}${hint}`,
      );
    }
    if (t.strict !== undefined && typeof t.strict !== 'boolean')
      c.add(tw, `"strict" phải là true/false, đang là ${show(t.strict)}`);
  } else if (kind === 'min-count') {
    const v = t.value;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      c.add(tw, `"value" của chỉ tiêu số lượng phải là số nguyên không âm, đang là ${show(v)}`);
  } else if (kind === 'qualitative') {
    c.strings(t, 'accept', tw, { nonEmpty: true });
  }
}

function checkFormLinks(c: Checker, v: unknown, where: string): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) return c.add(where, `"formLinks" phải là danh sách, đang là ${show(v)}`);
  v.forEach((link, i) => {
    const lw = `${where}, liên kết biểu mẫu thứ ${i + 1}`;
    if (!isObj(link)) return c.add(lw, `phải là đối tượng { form, ratio }, đang là ${show(link)}`);
    c.text(link, 'form', lw);
    c.text(link, 'ratio', lw);
  });
}

/** `evidenceReferences`: optional list of { dispatch?, date?, issuer }; returns how many. */
function checkEvidenceReferences(c: Checker, v: unknown, where: string): number {
  if (v === undefined) return 0;
  if (!Array.isArray(v)) {
    c.add(where, `"evidenceReferences" phải là danh sách, đang là ${show(v)}`);
    return 0;
  }
  v.forEach((ref, i) => {
    const rw = `${where}, văn bản hướng dẫn hồ sơ thứ ${i + 1}`;
    if (!isObj(ref))
      return c.add(rw, `phải là đối tượng { dispatch, date, issuer }, đang là ${show(ref)}`);
    c.text(ref, 'issuer', rw);
    for (const key of ['dispatch', 'date'])
      if (ref[key] !== undefined && !isNonEmptyString(ref[key]))
        c.add(
          rw,
          `trường "${key}" (không bắt buộc) phải là chuỗi không rỗng, đang là ${show(ref[key])}`,
        );
    if (ref.date !== undefined && ref.dispatch === undefined)
      c.add(rw, 'có "date" nhưng thiếu số hiệu văn bản "dispatch"');
  });
  return v.length;
}

function checkCriteria(c: Checker, root: Obj, groupCodes: Set<string>): void {
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  c.array(root, 'criteria', '', { nonEmpty: true }).forEach((cr, i) => {
    const pos = `tiêu chí thứ ${i + 1} (criteria[${i}])`;
    if (!isObj(cr)) return c.add(pos, `phải là một đối tượng, đang là ${show(cr)}`);
    const code = c.text(cr, 'code', pos);
    const where = code !== undefined ? `tiêu chí ${show(code)}` : pos;
    const wellFormed = code !== undefined && CRITERION_CODE_PATTERN.test(code);
    if (code !== undefined) {
      if (!wellFormed)
        c.add(where, 'mã tiêu chí phải có dạng "<nhóm>.<số>" (chữ số/chữ cái, ngăn bằng dấu chấm)');
      const first = seen.get(code);
      if (first !== undefined)
        c.add(where, `mã tiêu chí bị trùng (tiêu chí thứ ${first + 1} và thứ ${i + 1})`);
      else seen.set(code, i);
    }
    const group = c.text(cr, 'group', where);
    if (group !== undefined) {
      if (!groupCodes.has(group))
        c.add(where, `nhóm ${show(group)} không có trong danh sách nhóm (groups)`);
      else if (wellFormed && !code.startsWith(`${group}.`))
        c.add(where, `mã tiêu chí phải bắt đầu bằng mã nhóm ${show(`${group}.`)}`);
    }
    const name = c.text(cr, 'name', where);
    if (name !== undefined) {
      const key = foldText(name);
      const other = names.get(key);
      if (other !== undefined) c.add(where, `tên chỉ tiêu trùng với tiêu chí ${show(other)}`);
      else names.set(key, code ?? String(i + 1));
    }
    // a scored criterion (with "points") may leave these out: defaults are filled on load
    const scored = cr.points !== undefined;
    if (!scored || cr.unit !== undefined) c.text(cr, 'unit', where);
    if (!scored || cr.requirement !== undefined) c.text(cr, 'requirement', where);
    if (!scored || cr.target !== undefined) checkTarget(c, cr.target, where);
    if (!scored || cr.evidence !== undefined) c.strings(cr, 'evidence', where);
    if (scored && cr.evidenceRequired === undefined) {
      // default false
    } else if (typeof cr.evidenceRequired !== 'boolean') {
      c.add(where, `"evidenceRequired" phải là true/false, đang là ${show(cr.evidenceRequired)}`);
    } else if (cr.evidenceRequired && Array.isArray(cr.evidence) && cr.evidence.length === 0) {
      c.add(where, '"evidenceRequired" là true nhưng "evidence" không liệt kê tài liệu nào');
    }
    const references = checkEvidenceReferences(c, cr.evidenceReferences, where);
    if (references > 0 && cr.evidenceRequired === false)
      c.add(
        where,
        '"evidenceReferences" nêu văn bản quy định hồ sơ chứng minh nên "evidenceRequired" phải là true',
      );
    checkFormLinks(c, cr.formLinks, where);
    c.optionalString(cr, 'notes', where);
  });
}

const LEVEL_FIELDS = [
  'label',
  'sheetKind',
  'appendixTitle',
  'subtitle',
  'resultHeader',
  'sheetName',
] as const;

function checkLevels(c: Checker, root: Obj): Set<string> {
  const ids = new Set<string>();
  const kinds = new Map<string, string>();
  c.array(root, 'levels', '', { nonEmpty: true }).forEach((lv, i) => {
    const pos = `cấp thứ ${i + 1} (levels[${i}])`;
    if (!isObj(lv)) return c.add(pos, `phải là một đối tượng, đang là ${show(lv)}`);
    const id = c.text(lv, 'id', pos);
    const where = id !== undefined ? `cấp ${show(id)}` : pos;
    if (id !== undefined) {
      if (!ID_PATTERN.test(id))
        c.add(
          where,
          'mã cấp chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ "huyen")',
        );
      if (ids.has(id)) c.add(where, 'mã cấp bị trùng');
      ids.add(id);
    }
    for (const f of LEVEL_FIELDS) c.text(lv, f, where);
    if (isNonEmptyString(lv.sheetKind)) {
      const other = kinds.get(lv.sheetKind);
      if (other !== undefined)
        c.add(where, `loại trang tính ${show(lv.sheetKind)} đã dùng cho cấp ${show(other)}`);
      kinds.set(lv.sheetKind, id ?? '');
    }
  });
  return ids;
}

function checkChains(c: Checker, root: Obj, levelIds: Set<string>): void {
  const ids = new Set<string>();
  c.array(root, 'chains', '', { nonEmpty: true }).forEach((ch, i) => {
    const pos = `chuỗi thẩm định thứ ${i + 1} (chains[${i}])`;
    if (!isObj(ch)) return c.add(pos, `phải là một đối tượng, đang là ${show(ch)}`);
    const id = c.text(ch, 'id', pos);
    const where = id !== undefined ? `chuỗi thẩm định ${show(id)}` : pos;
    if (id !== undefined) {
      if (!ID_PATTERN.test(id))
        c.add(where, 'mã chuỗi chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang');
      if (ids.has(id)) c.add(where, 'mã chuỗi bị trùng');
      ids.add(id);
    }
    c.text(ch, 'label', where);
    const levels = c.array(ch, 'levels', where, { nonEmpty: true });
    const used = new Set<unknown>();
    for (const l of levels) {
      if (!isNonEmptyString(l)) c.add(where, `mỗi cấp phải là mã cấp (chuỗi), đang là ${show(l)}`);
      else if (!levelIds.has(l))
        c.add(where, `cấp ${show(l)} không có trong danh sách cấp (levels)`);
      if (used.has(l)) c.add(where, `cấp ${show(l)} xuất hiện hai lần`);
      used.add(l);
    }
  });
  const def = root.defaultChain;
  if (!isNonEmptyString(def)) {
    c.add('', `thiếu trường bắt buộc "defaultChain" (mã chuỗi thẩm định mặc định)`);
  } else if (!ids.has(def)) {
    c.add('', `chuỗi thẩm định mặc định ${show(def)} không có trong "chains"`);
  }
}

function checkRoot(c: Checker, root: Obj): void {
  const id = c.text(root, 'id', '');
  if (id !== undefined && !ID_PATTERN.test(id))
    c.add('', `mã danh mục ${show(id)} chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang`);
  c.text(root, 'title', '');
  c.text(root, 'province', '');
  const year = root.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100)
    c.add('', `"year" phải là năm (số nguyên, ví dụ 2023), đang là ${show(year)}`);
  c.strings(root, 'sources', '', { nonEmpty: true });
  c.strings(root, 'notes', '', { optional: true });
}

/** Deep copy with every string in NFC, so lookups match whatever the JSON file used. */
function normalizeStrings<T>(v: T): T {
  if (typeof v === 'string') return v.normalize('NFC') as T;
  if (Array.isArray(v)) return v.map((x) => normalizeStrings(x)) as T;
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = normalizeStrings(x);
    return out as T;
  }
  return v;
}

/**
 * Validate a parsed catalog JSON document and return it as a `Catalog` (a copy, strings in NFC).
 * Throws `CatalogError` (code 'invalid-catalog') listing every problem found.
 */
export function loadCatalog(json: unknown): Catalog {
  if (!isObj(json))
    throw new CatalogError(
      `Danh mục tiêu chí không hợp lệ: nội dung phải là một đối tượng JSON, đang là ${show(json)}`,
    );
  const root = normalizeStrings(json);
  const c = new Checker();
  checkRoot(c, root);
  const groupCodes = checkGroups(c, root);
  checkCriteria(c, root, groupCodes);
  const levelIds = checkLevels(c, root);
  checkChains(c, root, levelIds);
  for (const p of scoringProblems(root)) c.problems.push(p);
  if (c.problems.length > 0) {
    const name = isNonEmptyString(root.id) ? ` "${root.id}"` : '';
    const message =
      `Danh mục tiêu chí${name} không hợp lệ (${c.problems.length} lỗi):\n` +
      c.problems.map((p) => `- ${p}`).join('\n');
    throw new CatalogError(message, 'invalid-catalog', c.problems);
  }
  fillScoredDefaults(root);
  return root as unknown as Catalog;
}

/** A scored criterion without unit/target/requirement/evidence gets neutral defaults. */
function fillScoredDefaults(root: Obj): void {
  if (!Array.isArray(root.criteria)) return;
  for (const cr of root.criteria) {
    if (!isObj(cr) || cr.points === undefined) continue;
    cr.unit ??= 'điểm';
    cr.requirement ??= cr.name;
    cr.target ??= { kind: 'qualitative', text: 'Đạt', accept: ['Đạt'] };
    cr.evidence ??= [];
    cr.evidenceRequired ??= false;
  }
}
