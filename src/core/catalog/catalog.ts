/**
 * Criteria catalogs (src/catalog/*.json): the bundled ones by id, and the module's public
 * face for loading and validating a catalog (load.ts) and looking things up in it
 * (lookups.ts). The catalog is data: criterion codes, names, targets, evidence and appraisal
 * chains live in JSON. Pure (no file system): the CLI reads catalog files and passes their
 * parsed content to `loadCatalog`.
 */
import type { Catalog } from './types';
import thanhHoa2023 from '../../catalog/thanh-hoa-2023.json';
import bacGiang2024 from '../../catalog/bac-giang-2024.json';
import thanhHoaDtiHuyen2022 from '../../catalog/thanh-hoa-dti-huyen-2022.json';
import { CatalogError, loadCatalog } from './load';
export { CatalogError, loadCatalog } from './load';
export type { CatalogErrorCode } from './load';
export {
  chainById,
  chainLevels,
  criteriaOfGroup,
  criterionByCode,
  formLinks,
  groupByCode,
  groupByName,
  levelById,
  levelBySheetKind,
  normalizeCode,
  previousLevel,
} from './lookups';

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
