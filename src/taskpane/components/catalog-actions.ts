/**
 * What the pane's catalog block does, apart from the controls: list the sheets that read as a
 * criteria table, adopt one as the workbook's catalog ("Dùng bảng này làm bộ tiêu chí"), and
 * switch between the bundled catalogs and the workbook's own. The choice is stored with the
 * workbook (document settings), so that the next Kiểm tra — pane or ribbon — uses it. The
 * host is injectable: tests run on the fake Excel host or a stub.
 */
import { importCriteriaTable, type ImportNote } from '../../core/catalog/table-import';
import {
  activeCatalogFrom,
  activeOptionKey,
  catalogOptions,
  CATALOG_SETTING,
  storedForOption,
  type CatalogOption,
} from '../../core/catalog/workbook-setting';
import type { WorkbookSnapshot } from '../../core/model/grid';
import type { WorkbookReport } from '../../core/model/report-types';
import { readDocumentSetting, readWorkbookSnapshot, writeDocumentSetting } from '../../excel';

export interface CatalogHost {
  readSnapshot: () => Promise<WorkbookSnapshot>;
  readSetting: () => unknown;
  writeSetting: (value: unknown) => Promise<void>;
}

export const officeCatalogHost: CatalogHost = {
  readSnapshot: () => readWorkbookSnapshot(),
  readSetting: () => readDocumentSetting(CATALOG_SETTING),
  writeSetting: (v) => writeDocumentSetting(CATALOG_SETTING, v),
};

export const CATALOG_UI = {
  chooser: 'Bộ tiêu chí dùng để kiểm tra',
  tableSheet: 'Bảng tiêu chí trong sổ',
  adopt: 'Dùng bảng này làm bộ tiêu chí',
  adopting: 'Đang đọc bảng tiêu chí…',
  choosing: 'Đang đổi bộ tiêu chí…',
  noTable:
    'Chưa thấy trang tính nào là bảng tiêu chí (cần cột STT và Tên chỉ tiêu/Chỉ tiêu). Bấm Kiểm tra sau khi mở bảng.',
  adopted: (sheet: string, groups: number, criteria: number) =>
    `Đã dùng bảng “${sheet}” làm bộ tiêu chí của sổ này: ${groups} nhóm, ${criteria} chỉ tiêu. Bộ tiêu chí được lưu cùng sổ; lần kiểm tra sau dùng bộ này.`,
  chosen: (label: string) => `Bộ tiêu chí: ${label}. Lần kiểm tra sau dùng bộ này.`,
  notAdopted: (sheet: string) => `Không lập được bộ tiêu chí từ trang “${sheet}”:`,
};

function noteText(n: ImportNote): string {
  const tag = n.kind === 'skipped' ? 'Bỏ qua' : 'Đã đoán';
  return `${tag}${n.row !== null ? ` dòng ${n.row}` : ''}: ${n.message}`;
}

/**
 * Sheets that read as a criteria table (a catalog can be made from them), leaving out those
 * the check recognised (appendices, forms, scoring sheets).
 */
export function criteriaTableSheets(snapshot: WorkbookSnapshot, report?: WorkbookReport): string[] {
  const known = new Set(report?.sheets.filter((x) => x.kind !== 'unknown').map((x) => x.name));
  return snapshot.sheets
    .filter((s) => !known.has(s.name))
    .filter((s) => importCriteriaTable(s).catalog !== null)
    .map((s) => s.name);
}

/** The chooser's options and the one in use. */
export function chooserState(host: CatalogHost): {
  options: CatalogOption[];
  active: string;
  problem?: string;
} {
  const raw = host.readSetting();
  const active = activeCatalogFrom(raw);
  const out: { options: CatalogOption[]; active: string; problem?: string } = {
    options: catalogOptions(raw),
    active: activeOptionKey(raw),
  };
  if (active.problem) out.problem = active.problem;
  return out;
}

/** "Dùng bảng này làm bộ tiêu chí": import the sheet and store it with the workbook. */
export async function adoptTableAction(
  host: CatalogHost,
  sheet: string,
): Promise<{ ok: boolean; messages: string[] }> {
  const snapshot = await host.readSnapshot();
  const grid = snapshot.sheets.find((s) => s.name === sheet);
  if (!grid) return { ok: false, messages: [`Sổ không có trang tính “${sheet}”.`] };
  const slug = sheet
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const r = importCriteriaTable(grid, { id: slug ? `so-nay-${slug}` : 'so-nay' });
  const notes = r.notes.map(noteText);
  if (!r.catalog || !r.json)
    return { ok: false, messages: [CATALOG_UI.notAdopted(sheet), ...notes] };
  await host.writeSetting({ source: 'workbook', sheet, catalog: r.json });
  return {
    ok: true,
    messages: [
      CATALOG_UI.adopted(sheet, r.catalog.groups.length, r.catalog.criteria.length),
      ...notes,
    ],
  };
}

/** Switch catalog: a bundled one (the default removes the setting) or the workbook's own. */
export async function chooseCatalogAction(host: CatalogHost, key: string): Promise<string[]> {
  const raw = host.readSetting();
  const stored = storedForOption(key, raw);
  if (stored === undefined) return [];
  await host.writeSetting(stored);
  return [CATALOG_UI.chosen(activeCatalogFrom(stored).label)];
}
