/**
 * With several files open: the province roll-up of core/rollup (the model `cds-check rollup`
 * prints and writes) over the files read on the page, the level to roll up, and the roll-up
 * workbook as a download.
 */
import {
  type Catalog,
  ROLLUP_LEVELS,
  LEVEL_KINDS,
  planRollup,
  rollupFromSnapshots,
  type RollupLevel,
  type RollupModel,
} from '../core';
import { XLSX_MIME, type Download } from './downloads';
import { WEB_UI } from './labels';
import { writePlan } from './workbook-io';
import type { FileEntry } from './workspace';

export const ROLLUP_LEVEL_LABELS: Record<RollupLevel, string> = {
  xa: 'Tự đánh giá của xã (PHỤ LỤC 01)',
  huyen: 'Thẩm định của huyện (PHỤ LỤC 02)',
  tinh: 'Thẩm tra của tỉnh (PHỤ LỤC 03)',
};

/** The level most of the open files have their own appendix of (ties: the lower level). */
export function defaultRollupLevel(files: FileEntry[]): RollupLevel {
  let best: RollupLevel = 'xa';
  let most = -1;
  for (const level of ROLLUP_LEVELS) {
    const own = LEVEL_KINDS[level][0];
    const n = files.filter(
      (f) => f.status === 'ok' && f.report.sheets.some((s) => s.kind === own),
    ).length;
    if (n > most) [best, most] = [level, n];
  }
  return best;
}

export function pageRollup(files: FileEntry[], catalog: Catalog, level: RollupLevel): RollupModel {
  return rollupFromSnapshots(
    files.map((f) =>
      f.status === 'ok' ? { file: f.name, snapshot: f.snapshot } : { file: f.name, error: f.error },
    ),
    catalog,
    level,
  );
}

/** "Tải bảng tổng hợp": the sheets of `cds-check rollup --out`, live formulas over the matrix. */
export async function rollupDownload(model: RollupModel): Promise<Download> {
  if (model.communes.length === 0) return { messages: [WEB_UI.rollupEmpty] };
  const plan = planRollup(model);
  const bytes = await writePlan(null, 'tong-hop', plan);
  const fileName = `tong-hop-${model.communes.length}-xa.xlsx`;
  return {
    fileName,
    bytes,
    mime: XLSX_MIME,
    messages: [WEB_UI.rollupDone(model.communes.length), WEB_UI.downloaded(fileName)],
  };
}
