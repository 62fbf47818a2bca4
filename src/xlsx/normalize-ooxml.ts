/**
 * Some tools (exports of .NET OpenXML-SDK based systems) write SpreadsheetML with a prefix on
 * the main namespace (`<x:workbook>`, `<x:sheetData>`, `<x:c>`). Excel and LibreOffice open such
 * files; ExcelJS does not. `unprefixSpreadsheetMl` rewrites the package with the main namespace
 * as the default one, so that ExcelJS reads it like any other file.
 */
import JSZip from 'jszip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PREFIX_DECL = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${MAIN_NS.replace(/[./]/g, '\\$&')}"`);

/** Rewrite one XML part; returns null when it has no prefixed main namespace. */
export function unprefixXml(xml: string): string | null {
  const m = PREFIX_DECL.exec(xml);
  if (!m) return null;
  const p = m[1].replace(/[.-]/g, '\\$&');
  return xml
    .replace(new RegExp(`<${p}:`, 'g'), '<')
    .replace(new RegExp(`</${p}:`, 'g'), '</')
    .replace(new RegExp(`xmlns:${p}="${MAIN_NS.replace(/[./]/g, '\\$&')}"`), `xmlns="${MAIN_NS}"`);
}

/** The package with every xl/*.xml part unprefixed, or null when nothing needed it. */
export async function unprefixSpreadsheetMl(bytes: Uint8Array): Promise<Uint8Array | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/.*\.xml$/i.test(name) || zip.files[name].dir) continue;
    const fixed = unprefixXml(await zip.files[name].async('string'));
    if (fixed !== null) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: 'uint8array' }) : null;
}
