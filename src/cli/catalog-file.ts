/** `--catalog FILE`: read a catalog JSON file and validate it with the core. */
import * as fs from 'fs';
import type { Catalog } from '../core/catalog-types';
import { CatalogError, defaultCatalog, loadCatalog } from '../core/catalog';
import { CliError } from './errors';

export function catalogFromFile(file: string | undefined): Catalog {
  if (file === undefined) return defaultCatalog();
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
