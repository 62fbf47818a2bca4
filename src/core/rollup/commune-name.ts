/**
 * The commune of an appendix sheet for the roll-up: the name its title rows state (read by
 * the report's reader, core/report `communeFromTitleRows`: "XÃ HOÀNG KIM, HUYỆN HOẰNG HÓA",
 * "UBND XÃ …", "… của UBND phường …"), else its sheet name when that states one ("Xã Hoàng
 * Kim"), else the file name ("xa-hoang-kim.xlsx" → "Hoang Kim"). Vietnamese title case, NFC.
 */
import type { SheetGrid } from '../model/grid';
import {
  communeFromText,
  communeFromTitleRows,
  type CommuneName as ReportCommuneName,
} from '../report';
import { foldText } from '../model/text';

export type CommuneNameSource = 'title' | 'sheet-name' | 'file-name';

export interface CommuneName {
  name: string;
  source: CommuneNameSource;
}

/** Vietnamese title case: "HOÀNG KIM" → "Hoàng Kim", "hoằng  hóa" → "Hoằng Hóa". */
export function vietnameseTitleCase(s: string): string {
  return s
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const lower = w.toLocaleLowerCase('vi');
      return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
    })
    .join(' ');
}

/** "Hoàng Kim"; a numbered ward keeps its unit word ("Phường 5"). */
function displayName(c: ReportCommuneName): string {
  const name = vietnameseTitleCase(c.name);
  return /^\d+$/.test(name) ? vietnameseTitleCase(`${c.unit} ${name}`) : name;
}

/** The commune a line of text names ("UBND XÃ HOÀNG KIM" → "Hoàng Kim"), or null. */
export function communeNameInText(text: string): string | null {
  const c = communeFromText(text);
  return c ? displayName(c) : null;
}

/** The commune stated in the rows above the table (`beforeRow`, 0-based), or null. */
export function communeNameFromTitle(sheet: SheetGrid, beforeRow: number): string | null {
  const c = communeFromTitleRows(sheet, beforeRow);
  return c ? displayName(c) : null;
}

/** Tokens of a file name that are not part of a commune's name. */
const FILE_NAME_NOISE = new Set([
  'xa',
  'phuong',
  'tt',
  'thi',
  'tran',
  'ubnd',
  'pl',
  'phu',
  'luc',
  'phuluc',
  'ho',
  'so',
  'hoso',
  'bao',
  'cao',
  'tham',
  'dinh',
  'tra',
  'cong',
  'thuc',
  'ban',
  'sua',
  'final',
  'moi',
  'cds',
  'chuyen',
  'doi',
  'so',
  'tu',
  'danh',
  'gia',
  'nam',
]);

/** "xa-hoang-kim-pl01.xlsx" → "Hoang Kim" (diacritics as the file name has them). */
export function communeNameFromFileName(fileName: string): string | null {
  const base = fileName
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFC');
  const words = base
    .split(/[\s_\-.+()[\]]+/)
    .filter(Boolean)
    .filter((w) => {
      const f = foldText(w);
      return !FILE_NAME_NOISE.has(f) && !/^\d+$/.test(f) && !/^pl\d+$/.test(f);
    });
  return words.length ? vietnameseTitleCase(words.join(' ')) : null;
}

/**
 * The commune of an appendix sheet: its title rows, else its sheet name when that states a
 * commune ("Xã Hoàng Kim") or, when `sheetNameIsCommune`, the sheet name as it is (a
 * workbook holding one commune per sheet), else the file name.
 */
export function communeNameOf(
  sheet: SheetGrid,
  headerRow: number | undefined,
  fileName: string | undefined,
  opts: { sheetNameIsCommune?: boolean } = {},
): CommuneName {
  const fromTitle = communeNameFromTitle(sheet, headerRow ?? 10);
  if (fromTitle) return { name: fromTitle, source: 'title' };
  const inSheetName = communeNameInText(sheet.name);
  if (inSheetName) return { name: inSheetName, source: 'sheet-name' };
  if (opts.sheetNameIsCommune || !fileName)
    return { name: vietnameseTitleCase(sheet.name), source: 'sheet-name' };
  const fromFile = communeNameFromFileName(fileName);
  if (fromFile) return { name: fromFile, source: 'file-name' };
  return { name: vietnameseTitleCase(sheet.name), source: 'sheet-name' };
}
