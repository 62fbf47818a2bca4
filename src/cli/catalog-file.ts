/** `--catalog FILE|ID`: read a catalog JSON file (or take a bundled one by id) and validate it. */
import * as fs from 'fs';
import type { Catalog } from '../core/catalog/types';
import {
  bundledCatalog,
  CatalogError,
  catalogIds,
  defaultCatalog,
  loadCatalog,
} from '../core/catalog';
import { CliError } from './errors';

export function catalogFromFile(file: string | undefined): Catalog {
  if (file === undefined) return defaultCatalog();
  // a bundled catalog by its id ("--catalog thanh-hoa-dti-huyen-2022") when no such file exists
  if (catalogIds().includes(file) && !fs.existsSync(file)) return bundledCatalog(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError('bad-catalog', `Không đọc được tệp danh mục tiêu chí "${file}".`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(
      'bad-catalog',
      `Tệp danh mục tiêu chí "${file}" không phải JSON hợp lệ (${(e as Error).message}).`,
    );
  }
  try {
    return loadCatalog(json);
  } catch (e) {
    if (e instanceof CatalogError) throw new CliError('bad-catalog', `${file}: ${e.message}`);
    throw e;
  }
}
