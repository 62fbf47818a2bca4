/**
 * Loading, validating and querying criteria catalogs (src/catalog/*.json).
 *
 * The catalog is data: criterion codes, names, targets, evidence and appraisal chains live in
 * JSON. This module only checks that a JSON document has the `Catalog` shape and is internally
 * consistent, and offers lookups. It is pure (no file system): the CLI reads catalog files and
 * passes their parsed content to `loadCatalog`.
 */
import type {
  AppraisalChain,
  AppraisalLevel,
  Catalog,
  Criterion,
  CriterionGroup,
  FormLink,
} from './types';
import { foldText } from '../model/text';
import { scoringProblems } from './scoring';
import thanhHoa2023 from '../../catalog/thanh-hoa-2023.json';
import bacGiang2024 from '../../catalog/bac-giang-2024.json';
import thanhHoaDtiHuyen2022 from '../../catalog/thanh-hoa-dti-huyen-2022.json';

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

// ---------------------------------------------------------------------------------------------
// Bundled catalogs

const BUNDLED: Record<string, unknown> = {
  [thanhHoa2023.id]: thanhHoa2023,
  [bacGiang2024.id]: bacGiang2024,
  [thanhHoaDtiHuyen2022.id]: thanhHoaDtiHuyen2022,
};
const DEFAULT_CATALOG_ID = thanhHoa2023.id;
const loaded = new Map<string, Catalog>();

/** Ids of the catalogs shipped with the tool, the default first. */
export function catalogIds(): string[] {
  return [DEFAULT_CATALOG_ID, ...Object.keys(BUNDLED).filter((id) => id !== DEFAULT_CATALOG_ID)];
}

/** A bundled catalog by id (validated once, then cached). */
export function bundledCatalog(id: string): Catalog {
  const cached = loaded.get(id);
  if (cached) return cached;
  const json = BUNDLED[id];
  if (json === undefined)
    throw new CatalogError(
      `Không có danh mục tiêu chí "${id}". Các danh mục có sẵn: ${catalogIds().join(', ')}`,
      'unknown-catalog',
    );
  const cat = loadCatalog(json);
  loaded.set(id, cat);
  return cat;
}

/** All bundled catalogs, the default first. */
export function bundledCatalogs(): Catalog[] {
  return catalogIds().map(bundledCatalog);
}

/** The default catalog: Thanh Hóa, 2023 targets. */
export function defaultCatalog(): Catalog {
  return bundledCatalog(DEFAULT_CATALOG_ID);
}

// ---------------------------------------------------------------------------------------------
// Lookups

interface CatalogIndex {
  criteria: Map<string, Criterion>;
  groupsByCode: Map<string, CriterionGroup>;
  groupsByName: Map<string, CriterionGroup>;
}
const indexes = new WeakMap<Catalog, CatalogIndex>();

function indexOf(cat: Catalog): CatalogIndex {
  let ix = indexes.get(cat);
  if (!ix) {
    ix = { criteria: new Map(), groupsByCode: new Map(), groupsByName: new Map() };
    for (const cr of cat.criteria) ix.criteria.set(cr.code, cr);
    for (const g of cat.groups) {
      ix.groupsByCode.set(g.code, g);
      for (const s of [g.name, ...(g.aliases ?? [])]) ix.groupsByName.set(foldText(s), g);
    }
    indexes.set(cat, ix);
  }
  return ix;
}

/** Canonical form of a typed code: trimmed, without a trailing dot ("1.4." → "1.4"). */
export function normalizeCode(code: string): string {
  return code.trim().replace(/\.+$/, '');
}

/** The criterion with this code, or undefined. */
export function criterionByCode(cat: Catalog, code: string): Criterion | undefined {
  return indexOf(cat).criteria.get(normalizeCode(code));
}

/** The criteria of one group, in catalog order. */
export function criteriaOfGroup(cat: Catalog, groupCode: string): Criterion[] {
  return cat.criteria.filter((c) => c.group === groupCode);
}

/** The group with this code, or undefined. */
export function groupByCode(cat: Catalog, code: string): CriterionGroup | undefined {
  return indexOf(cat).groupsByCode.get(normalizeCode(code));
}

/**
 * The group a row's name designates, compared folded (case, diacritics, spacing) against the
 * group's name and aliases; a leading numbering ("I.", "4 ", "IV -") is ignored.
 */
export function groupByName(cat: Catalog, text: string): CriterionGroup | undefined {
  const ix = indexOf(cat);
  const folded = foldText(text);
  return (
    ix.groupsByName.get(folded) ??
    ix.groupsByName.get(folded.replace(/^(?:[ivxlc]+|\d+)\s*[.):-]?\s+/, ''))
  );
}

/** The appraisal level with this id, or undefined. */
export function levelById(cat: Catalog, id: string): AppraisalLevel | undefined {
  return cat.levels.find((l) => l.id === id);
}

/** The appraisal level producing this sheet kind ("phu-luc-02"), or undefined. */
export function levelBySheetKind(cat: Catalog, sheetKind: string): AppraisalLevel | undefined {
  return cat.levels.find((l) => l.sheetKind === sheetKind);
}

/** A chain by id (default: the catalog's default chain). Throws CatalogError 'unknown-chain'. */
export function chainById(cat: Catalog, chainId?: string): AppraisalChain {
  const id = chainId ?? cat.defaultChain;
  const chain = cat.chains.find((c) => c.id === id);
  if (!chain)
    throw new CatalogError(
      `Danh mục "${cat.id}" không có chuỗi thẩm định "${id}". Các chuỗi có sẵn: ${cat.chains
        .map((c) => c.id)
        .join(', ')}`,
      'unknown-chain',
    );
  return chain;
}

/** The levels of a chain, in order (first: the commune's self-assessment). */
export function chainLevels(cat: Catalog, chainId?: string): AppraisalLevel[] {
  return chainById(cat, chainId).levels.map((id) => {
    const level = levelById(cat, id);
    // loadCatalog guarantees every chain level exists; a hand-built catalog may not.
    if (!level)
      throw new CatalogError(
        `Chuỗi thẩm định "${chainId ?? cat.defaultChain}" dùng cấp "${id}" không có trong danh mục`,
        'unknown-level',
      );
    return level;
  });
}

/**
 * The level just before `levelId` in a chain: whose results this level appraises (for the
 * province level that is the district in the 2023 chain, the commune in the two-tier chain).
 * Undefined for the first level. Throws CatalogError 'unknown-level' when the level is not in
 * the chain.
 */
export function previousLevel(
  cat: Catalog,
  levelId: string,
  chainId?: string,
): AppraisalLevel | undefined {
  const levels = chainLevels(cat, chainId);
  const i = levels.findIndex((l) => l.id === levelId);
  if (i < 0)
    throw new CatalogError(
      `Cấp "${levelId}" không thuộc chuỗi thẩm định "${chainById(cat, chainId).id}" (${levels
        .map((l) => l.id)
        .join(' → ')})`,
      'unknown-level',
    );
  return i > 0 ? levels[i - 1] : undefined;
}

/** The form links of every criterion, as (criterion code, link) pairs. */
export function formLinks(cat: Catalog): { criterion: string; link: FormLink }[] {
  return cat.criteria.flatMap((c) =>
    (c.formLinks ?? []).map((link) => ({ criterion: c.code, link })),
  );
}
