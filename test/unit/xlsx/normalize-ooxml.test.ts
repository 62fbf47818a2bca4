import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { readWorkbookFile } from '../../../src/cli/read-file';
import { unprefixXml } from '../../../src/xlsx/normalize-ooxml';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { defaultCatalog } from '../../../src/core/catalog/catalog';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'samples', 'hoang-kim-phu-luc-01.xlsx');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Rewrite every xl/*.xml part as OpenXML-SDK exports do: the main namespace prefixed `x:`. */
function prefixXml(xml: string): string {
  if (!xml.includes(`xmlns="${MAIN}"`)) return xml;
  return xml
    .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, (m, slash: string, tag: string) =>
      m.startsWith('<?') ? m : `<${slash}x:${tag}`,
    )
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

async function rewrite(out: string, edit: (zip: JSZip) => Promise<void>): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  await edit(zip);
  fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
  return out;
}

describe('SpreadsheetML written with a prefixed main namespace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-ooxml-'));

  it('unprefixXml turns <x:c> into <c> and leaves other namespaces alone', () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}" xmlns:r="urn:r"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData><r:id/></x:worksheet>`;
    expect(unprefixXml(xml)).toBe(
      `<worksheet xmlns="${MAIN}" xmlns:r="urn:r"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><r:id/></worksheet>`,
    );
    expect(unprefixXml(`<worksheet xmlns="${MAIN}"/>`)).toBeNull();
  });

  it('reads the same as the plain file', async () => {
    const file = await rewrite(path.join(dir, 'prefixed.xlsx'), async (zip) => {
      for (const name of Object.keys(zip.files)) {
        if (!/^xl\/.*\.xml$/.test(name)) continue;
        zip.file(name, prefixXml(await zip.files[name].async('string')));
      }
    });
    const raw = await JSZip.loadAsync(fs.readFileSync(file));
    expect(await raw.files['xl/workbook.xml'].async('string')).toContain('<x:sheets>');
    const plain = await readWorkbookFile(SAMPLE);
    const prefixed = await readWorkbookFile(file);
    const report = (s: typeof plain.snapshot) =>
      analyzeWorkbook(s, defaultCatalog()).sheets.map((x) => ({
        kind: x.kind,
        summary: x.summary,
        findings: x.findings.map((f) => `${f.rule}@${f.cell}`),
      }));
    expect(report(prefixed.snapshot)).toEqual(report(plain.snapshot));
    expect(report(prefixed.snapshot)[0].summary.met).toBe(36);
  });

  it('a package without any readable sheet is reported damaged, not "nothing found"', async () => {
    const file = await rewrite(path.join(dir, 'no-sheet.xlsx'), async (zip) => {
      zip.file(
        'xl/workbook.xml',
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}"><sheets/></workbook>`,
      );
    });
    await expect(readWorkbookFile(file)).rejects.toMatchObject({
      code: 'not-a-workbook',
      message: expect.stringContaining('không có trang tính nào'),
    });
  });
});
