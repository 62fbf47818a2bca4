/**
 * Looking things up in a loaded catalog: criteria by code, groups by code or name, levels,
 * appraisal chains, the evidence-form links.
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
import { CatalogError } from './load';

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
