/**
 * `appraise`: build the next level's appendix from the level below.
 * From a PHỤ LỤC 01 with level "huyen": a new sheet in the official PHỤ LỤC 02 layout whose
 * commune column refers to the PL01 cells by formula (='Phụ lục 01'!E12), whose district
 * column is prefilled with the commune's values, marked to be checked (fill colour + note
 * "Cần thẩm định lại"), with a Đánh giá formula on the district column and the summary.
 * From a PHỤ LỤC 02 with level "tinh": PHỤ LỤC 03 the same way. The chain (which level
 * appraises which) and every title/header come from the catalog: with chain "hai-cap-2025"
 * a PL01 goes straight to the province's sheet.
 * `adjacent`: the appraisal columns are added right of the source table on the same sheet,
 * without changing any existing cell. Otherwise the source sheet is never touched.
 * Source layouts: the new sheet always has the official single Đánh giá column, whatever the
 * source's (a "Đạt" | "Không đạt" mark pair is never referenced: only result cells are); TT
 * and name come from the catalog, so a source with codes written in front of names
 * ("1.1. Xây dựng…") gives TT "1.1" and the name alone; sub-items listed under a criterion
 * are not criteria — their text goes into the row's Ghi chú ("Gồm: a) …: Có; b) …").
 */
import type { AppraisalLevel, Catalog } from '../catalog/types';
import { CatalogError, chainById, levelById, previousLevel } from '../catalog/catalog';
import type { EditPlan } from '../plan/edit-plan';
import { GridView, type WorkbookSnapshot } from '../model/grid';
import type { WorkbookReport } from '../model/report-types';
import { resultRoleOfKind } from './roles';
import { adjacentDone, planAdjacent } from './appraise-adjacent';
import { noSourceMessage, unknownLevelMessage } from './appraise-names';
import { planNewSheet } from './appraise-new-sheet';
import { type Source, failure, firstRowPerCode } from './appraise-source';
export { appraisalLevelsText, sheetNameProblem } from './appraise-names';

export interface AppraiseOptions {
  /** Add the appraisal columns right of the source table instead of a new sheet */
  adjacent?: boolean;
  /** Name of the new sheet (default: the level's sheetName in the catalog) */
  sheetName?: string;
  /** Chain id (default: the catalog's default chain) */
  chain?: string;
  /** Source sheet name (default: the first sheet of the lower level's kind) */
  sourceSheet?: string;
}

export interface AppraisePlan extends EditPlan {
  /** False when nothing could be planned because of a usage error (unknown level…) */
  ok: boolean;
  /** True when the target sheet / columns exist already (nothing planned) */
  exists?: boolean;
  sourceSheet?: string;
  targetSheet?: string;
}

/** Plan the next level's appraisal of a lower-level appendix. */
export function planAppraise(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
  levelId: string,
  opts: AppraiseOptions = {},
): AppraisePlan {
  let lower: AppraisalLevel | undefined;
  let level: AppraisalLevel | undefined;
  let chainId: string;
  try {
    chainId = chainById(catalog, opts.chain).id;
    level = levelById(catalog, levelId);
    if (!level) return failure(unknownLevelMessage(catalog, levelId));
    lower = previousLevel(catalog, level.id, chainId);
  } catch (e) {
    if (e instanceof CatalogError) return failure(e.message);
    throw e;
  }
  if (!lower)
    return failure(
      `Cấp "${level.id}" (${level.label}) là cấp tự đánh giá đầu chuỗi "${chainId}": không có kết quả cấp dưới để thẩm định.`,
    );
  if (opts.adjacent) {
    const done = adjacentDone(snapshot, report, level, opts.sourceSheet);
    if (done) return done;
  }
  const lowerKind = lower.sheetKind;
  const srcRep = report.sheets.find(
    (s) =>
      s.kind === lowerKind &&
      (opts.sourceSheet === undefined || s.name === opts.sourceSheet) &&
      s.layout &&
      s.rows,
  );
  if (!srcRep)
    return failure(
      opts.sourceSheet !== undefined
        ? `Sheet "${opts.sourceSheet}" không phải ${lower.appendixTitle} (kết quả của ${lower.label}).`
        : noSourceMessage(report, catalog, chainId, lower, level),
    );
  const grid = snapshot.sheets.find((s) => s.name === srcRep.name);
  const role = resultRoleOfKind(lowerKind);
  const col = role ? srcRep.layout!.columns[role] : undefined;
  if (!grid || !role || col === undefined)
    return failure(`Không đọc được cột kết quả của ${lower.label} trên sheet "${srcRep.name}".`);
  const src: Source = {
    rep: srcRep,
    grid,
    view: new GridView(grid),
    role,
    col,
    rows: firstRowPerCode(srcRep.rows!),
    results: new Map(srcRep.criteria.map((c) => [c.code, c])),
  };
  return opts.adjacent
    ? planAdjacent(catalog, level, src)
    : planNewSheet(snapshot, report, catalog, level, lower, src, opts.sheetName);
}
