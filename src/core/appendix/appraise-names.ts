/**
 * Appraise: the levels `--level` can take, the messages when a level or a source is missing,
 * and the new sheet's name (valid for Excel, not taken).
 */
import type { AppraisalLevel, Catalog } from '../catalog/types';
import { chainById, levelById } from '../catalog/catalog';
import { type WorkbookSnapshot } from '../model/grid';
import type { WorkbookReport } from '../model/report-types';

/**
 * The levels that appraise another (every level but the first of some chain), as
 * "huyen (UBND cấp huyện), tinh (Sở TTTT)": what `--level` can take.
 */
export function appraisalLevelsText(catalog: Catalog): string {
  const heads = new Set(catalog.chains.map((c) => c.levels[0]));
  const levels = catalog.levels.filter((l) => !heads.has(l.id));
  if (levels.length === 0) return `không có (danh mục "${catalog.id}" chỉ có phần tự đánh giá)`;
  return levels.map((l) => `${l.id} (${l.label})`).join(', ');
}

export function unknownLevelMessage(catalog: Catalog, levelId: string): string {
  const what =
    levelId.trim() === '' ? 'Thiếu cấp thẩm định' : `Không có cấp thẩm định "${levelId}"`;
  return `${what}. Các cấp thẩm định: ${appraisalLevelsText(catalog)}.`;
}

/**
 * Why there is no source for `level`: nothing of the lower level in the file — and, when the
 * file already holds this level's (or a later level's) appendix, what to run instead.
 */
export function noSourceMessage(
  report: WorkbookReport,
  catalog: Catalog,
  chainId: string,
  lower: AppraisalLevel,
  level: AppraisalLevel,
): string {
  const base = `Không tìm thấy ${lower.appendixTitle} (kết quả của ${lower.label}) trong tệp để lập ${level.appendixTitle}`;
  const chain = chainById(catalog, chainId).levels.map((id) => levelById(catalog, id)!);
  const at = chain.findIndex((l) => l.id === level.id);
  // the highest level of the chain (from this one up) already present in the file
  for (let i = chain.length - 1; i >= at; i--) {
    const found = report.sheets.find((s) => s.kind === chain[i].sheetKind);
    if (!found) continue;
    const next = chain[i + 1];
    const hint = next
      ? `; để lập ${next.appendixTitle} (${next.label}) dùng --level ${next.id}`
      : `, là cấp cuối của chuỗi thẩm định`;
    return `${base}: sheet "${found.name}" đã là ${chain[i].appendixTitle} (kết quả của ${chain[i].label})${hint}.`;
  }
  return `${base}.`;
}

/** Why Excel would refuse `name` as a sheet name, or null when it is a valid one. */
export function sheetNameProblem(name: string): string | null {
  const rule =
    'tên trang tính dài 1–31 ký tự, không chứa [ ] : * ? / \\, không bắt đầu hay kết thúc bằng dấu nháy đơn';
  if (
    name.trim() === '' ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  )
    return `Tên sheet "${name}" không dùng được (${rule}).`;
  return null;
}

/**
 * The name of the new sheet: `wanted` when given (refused when invalid or taken by a sheet
 * that is not this level's appendix); otherwise the level's default name, or "<name> (2)",
 * "(3)"… when a sheet of another kind holds it. A sheet of this level's kind under the name
 * means the appraisal exists already.
 */
export function newSheetName(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  level: AppraisalLevel,
  wanted: string | undefined,
): { name: string; exists: boolean } | { problem: string } {
  const kindOf = (name: string): string | undefined => {
    const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) return undefined;
    return report.sheets.find((r) => r.name === sheet.name)?.kind ?? 'unknown';
  };
  if (wanted !== undefined) {
    const problem = sheetNameProblem(wanted);
    if (problem) return { problem };
    const kind = kindOf(wanted);
    if (kind === undefined) return { name: wanted, exists: false };
    if (kind === level.sheetKind) return { name: wanted, exists: true };
    return {
      problem: `Tệp đã có sheet "${wanted}" (không phải ${level.appendixTitle}): hãy chọn tên khác.`,
    };
  }
  const base = level.sheetName;
  for (let n = 1; n < 100; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    const kind = kindOf(name);
    if (kind === undefined) return { name, exists: false };
    if (kind === level.sheetKind) return { name, exists: true };
  }
  return { problem: `Không tìm được tên trống cho sheet ${level.appendixTitle}: hãy đặt tên.` };
}
