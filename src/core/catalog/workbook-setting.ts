/**
 * Which catalog a workbook uses, as stored with the workbook (the add-in keeps it in the
 * document's settings): a bundled catalog by id, or the workbook's own, adopted from a
 * criteria table in it ("Dùng bảng này làm bộ tiêu chí"). Pure: the stored value in, the
 * catalog to check with out (the default when nothing usable is stored, with the reason).
 */
import type { Catalog } from './types';
import { bundledCatalog, catalogIds, CatalogError, defaultCatalog, loadCatalog } from './catalog';

/** Name of the document setting. */
export const CATALOG_SETTING = 'cdsCheck.catalog';

export type StoredCatalog =
  | { source: 'bundled'; id: string }
  /** `catalog` is the catalog JSON adopted from the sheet `sheet` */
  | { source: 'workbook'; sheet: string; catalog: unknown };

export interface ActiveCatalog {
  catalog: Catalog;
  source: 'default' | 'bundled' | 'workbook';
  /** "Bộ tiêu chí của sổ này (bảng “Chỉ tiêu 2024”): …" */
  label: string;
  /** Why the stored choice could not be used (the default is used instead) */
  problem?: string;
}

let lastRaw: unknown = Symbol('none');
let lastActive: ActiveCatalog | undefined;

function parse(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return { invalid: raw };
  }
}

/** The catalog a stored setting designates (memoised on the stored value). */
export function activeCatalogFrom(raw: unknown): ActiveCatalog {
  if (raw === lastRaw && lastActive) return lastActive;
  lastRaw = raw;
  lastActive = resolve(parse(raw));
  return lastActive;
}

function fallback(problem?: string): ActiveCatalog {
  const cat = defaultCatalog();
  const out: ActiveCatalog = { catalog: cat, source: 'default', label: `${cat.title} (mặc định)` };
  if (problem) out.problem = problem;
  return out;
}

function resolve(v: unknown): ActiveCatalog {
  if (v === null || v === undefined) return fallback();
  const o = v as Partial<StoredCatalog> & Record<string, unknown>;
  if (o.source === 'bundled' && typeof o.id === 'string') {
    if (!catalogIds().includes(o.id))
      return fallback(
        `Sổ này chọn bộ tiêu chí "${o.id}" không có trong công cụ: dùng bộ mặc định.`,
      );
    const cat = bundledCatalog(o.id);
    return { catalog: cat, source: 'bundled', label: cat.title };
  }
  if (o.source === 'workbook') {
    try {
      const cat = loadCatalog(o.catalog);
      const sheet = typeof o.sheet === 'string' ? ` (bảng “${o.sheet}”)` : '';
      return {
        catalog: cat,
        source: 'workbook',
        label: `Bộ tiêu chí của sổ này${sheet}: ${cat.title}`,
      };
    } catch (e) {
      const why = e instanceof CatalogError ? e.problems.slice(0, 3).join('; ') : String(e);
      return fallback(`Bộ tiêu chí lưu trong sổ này không hợp lệ (${why}): dùng bộ mặc định.`);
    }
  }
  return fallback('Thiết lập bộ tiêu chí của sổ này không đọc được: dùng bộ mặc định.');
}

export interface CatalogOption {
  /** "default", "bundled:<id>", "workbook" */
  key: string;
  label: string;
}

/** The chooser's options: the bundled catalogs, and the workbook's own when it has one. */
export function catalogOptions(raw: unknown): CatalogOption[] {
  const out: CatalogOption[] = catalogIds().map((id) => ({
    key: `bundled:${id}`,
    label: bundledCatalog(id).title,
  }));
  const active = activeCatalogFrom(raw);
  if (active.source === 'workbook') out.unshift({ key: 'workbook', label: active.label });
  return out;
}

/** The key of the option in use. */
export function activeOptionKey(raw: unknown): string {
  const a = activeCatalogFrom(raw);
  if (a.source === 'workbook') return 'workbook';
  return `bundled:${a.catalog.id}`;
}

/** What to store for an option (null: remove the setting, i.e. the default). */
export function storedForOption(key: string, raw: unknown): StoredCatalog | null | undefined {
  if (key === 'workbook') {
    const v = parse(raw) as Partial<StoredCatalog> | null;
    return v && v.source === 'workbook' ? (v as StoredCatalog) : undefined;
  }
  const m = /^bundled:(.+)$/.exec(key);
  if (!m || !catalogIds().includes(m[1])) return undefined;
  return m[1] === defaultCatalog().id ? null : { source: 'bundled', id: m[1] };
}
