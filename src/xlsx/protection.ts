/**
 * Workbook protection ("Bảo vệ sổ làm việc": structure locked, no sheet may be added, removed
 * or renamed). ExcelJS neither reads nor writes it: a workbook it saves loses the protection
 * the official set. The writing commands therefore read the element from the input's
 * xl/workbook.xml, refuse to add a sheet when the structure is locked (as Excel would), and
 * put the element back into what they write.
 */
import JSZip from 'jszip';

export interface WorkbookProtection {
  /** The <workbookProtection …/> element as found in xl/workbook.xml */
  xml: string;
  /** lockStructure="1": sheets cannot be added, deleted or renamed */
  structureLocked: boolean;
}

const ELEMENT =
  /<(?:\w+:)?workbookProtection\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?workbookProtection>)/;

/** The protection element of an xl/workbook.xml text, or null. */
export function protectionOfWorkbookXml(xml: string): WorkbookProtection | null {
  const m = ELEMENT.exec(xml);
  if (!m) return null;
  const element = m[0].replace(/^<\w+:/, '<').replace(/<\/\w+:/, '</');
  const locked = /\blockStructure\s*=\s*["'](1|true)["']/.test(element);
  return { xml: element, structureLocked: locked };
}

/** The workbook protection of an .xlsx workbook's bytes, or null (also for anything unreadable). */
export async function workbookProtectionOfBytes(
  bytes: Uint8Array | ArrayBuffer,
): Promise<WorkbookProtection | null> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const part = zip.file('xl/workbook.xml');
    if (!part) return null;
    return protectionOfWorkbookXml(await part.async('string'));
  } catch {
    return null;
  }
}

/**
 * Put `protection` back into the xl/workbook.xml of `bytes` (written by ExcelJS, which drops
 * it), where the schema wants it: after <workbookPr>, before <bookViews>/<sheets>.
 */
export async function restoreWorkbookProtection(
  bytes: Uint8Array,
  protection: WorkbookProtection,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file('xl/workbook.xml');
  if (!part) return bytes;
  const xml = await part.async('string');
  if (ELEMENT.test(xml)) return bytes;
  const at = xml.search(/<(bookViews|sheets)\b/);
  if (at < 0) return bytes;
  zip.file('xl/workbook.xml', xml.slice(0, at) + protection.xml + xml.slice(at));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
