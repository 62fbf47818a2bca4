/**
 * The sheets we write print as official appendices, read back the way a user sees them:
 * LibreOffice prints the workbook to PDF, and pdfinfo / pdftotext check the pages. A blank
 * PHỤ LỤC 02 from `template` prints landscape, one page wide (its last column on page 1), on
 * at most 4 pages, with "Trang 1/N"; the PHỤ LỤC 03 that `appraise --level tinh --chain
 * hai-cap-2025` adds has the same setup, print titles, Times New Roman, and every criterion's
 * name printed whole inside its own row (a row too short would push the end of its name into
 * the next row's band).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { defaultCatalog } from '../../src/core/catalog';
import { ensureCliBuilt, ROOT, runCli } from '../support/fixtures/cli-run';
import {
  havePrintTools,
  pdfFonts,
  pdfPages,
  pdfWords,
  printToPdf,
  type PdfWord,
} from '../support/print-pdf';

const suite = havePrintTools || process.env.CI ? describe : describe.skip;
const SAMPLE = path.join(ROOT, 'samples', 'hoang-kim-phu-luc-01.xlsx');
const catalog = defaultCatalog();
jest.setTimeout(300_000);

let dir: string;
beforeAll(async () => {
  await ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-print-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * For each criterion, the words printed in the name column between its code and the next
 * row's top: they must read as the whole name.
 */
function namesInTheirRows(words: PdfWord[]): Map<string, string> {
  const codes = new Set(catalog.criteria.map((c) => c.code));
  const groups = new Set(catalog.groups.map((g) => g.code));
  const out = new Map<string, string>();
  for (const page of [...new Set(words.map((w) => w.page))]) {
    const onPage = words.filter((w) => w.page === page);
    // the TT column: the leftmost words that are codes
    const left = Math.min(...onPage.map((w) => w.xMin));
    const tt = onPage
      .filter((w) => w.xMin < left + 5 && (codes.has(w.text) || groups.has(w.text)))
      .sort((a, b) => a.yMin - b.yMin);
    // the name column is centred on its header "Tên chỉ tiêu"
    const ten = onPage.find((w) => w.text === 'Tên');
    const tieu = onPage.find((w) => ten && w.text === 'tiêu' && Math.abs(w.yMin - ten.yMin) < 2);
    const centre = ten && tieu ? (ten.xMin + tieu.xMax) / 2 : Infinity;
    tt.forEach((code, i) => {
      if (!codes.has(code.text)) return;
      // the last row on the page ends where the summary block or the footer begins
      const after = onPage
        .filter((w) => w.yMin > code.yMax && /^(Tổng|Trang)$/.test(w.text))
        .map((w) => w.yMin);
      const bottom = tt[i + 1]?.yMin ?? Math.min(...after);
      const nameX = Math.min(
        ...onPage
          .filter((w) => w.xMin > code.xMax + 2 && Math.abs(w.yMin - code.yMin) < 2)
          .map((w) => w.xMin),
      );
      const text = onPage
        .filter(
          (w) =>
            w.yMin >= code.yMin - 1 &&
            w.yMin < bottom - 1 &&
            w.xMin >= nameX - 1 &&
            w.xMax <= 2 * centre - nameX + 1 &&
            w !== code,
        )
        .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
        .map((w) => w.text);
      out.set(code.text, flat(text.join(' ')));
    });
  }
  return out;
}

function expectNamesWhole(words: PdfWord[]): void {
  const printed = namesInTheirRows(words);
  for (const crit of catalog.criteria) {
    const row = printed.get(crit.code);
    expect(row).toBeDefined();
    // the name, whole, inside its own row's band
    expect(row).toBe(flat(crit.name));
  }
}

suite('appendix sheets printed by LibreOffice', () => {
  it('a blank PHỤ LỤC 02 from template: landscape, one page wide, ≤ 4 pages, numbered', async () => {
    const out = path.join(dir, 'pl02.xlsx');
    const r = await runCli(['template', 'phu-luc-02', '--out', out]);
    expect(r.status).toBe(0);
    const pdf = printToPdf(out);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const p of pages) expect(p.width).toBeGreaterThan(p.height); // landscape
    // one page wide: the last column's title on page 1, and no page without the TT column
    expect(flat(pages[0].text)).toMatch(/Ghi chú/);
    expect(flat(pages[0].text)).toMatch(/Đánh giá/);
    expect(flat(pages[0].text)).toMatch(/\(Đạt\/Không đạt\)/);
    pages.forEach((p, i) => {
      expect(flat(p.text)).toContain(`Trang ${i + 1}/${pages.length}`);
      expect(flat(p.text)).toMatch(/Tên chỉ tiêu/); // the header row repeats
    });
    expect(pdfFonts(pdf)).toMatch(/LiberationSerif|TimesNewRoman/);
    expectNamesWhole(pdfWords(pdf));
  });

  it('the PHỤ LỤC 03 that appraise --level tinh --chain hai-cap-2025 adds prints the same way', async () => {
    const out = path.join(dir, 'tham-tra.xlsx');
    const r = await runCli([
      'appraise',
      SAMPLE,
      '--level',
      'tinh',
      '--chain',
      'hai-cap-2025',
      '--out',
      out,
    ]);
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Phụ lục 03')!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?(\d+):\$?\1$/);
    expect(ws.headerFooter?.oddFooter).toContain('Trang &P/&N');
    const tt = Number(/(\d+)/.exec(ws.pageSetup.printTitlesRow!)![1]);
    expect(ws.getCell(tt, 1).value).toBe('TT');
    expect(ws.getCell(tt + 2, 2).font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(ws.getCell(1, 1).font).toMatchObject({ name: 'Times New Roman', bold: true });
    // the source sheet is the user's own: its print setup and fonts are not touched
    expect(wb.getWorksheet('PHỤ LỤC 01')!.pageSetup.orientation).not.toBe('landscape');

    // print only the new sheet: a copy of the workbook without the source
    wb.removeWorksheet(wb.getWorksheet('PHỤ LỤC 01')!.id);
    const only = path.join(dir, 'pl03-only.xlsx');
    await wb.xlsx.writeFile(only);
    const pdf = printToPdf(only);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const p of pages) expect(p.width).toBeGreaterThan(p.height);
    expect(flat(pages[0].text)).toMatch(/Ghi chú/);
    expect(flat(pages[0].text)).toContain('PHỤ LỤC 03');
    expect(flat(pages[0].text)).toContain('XÃ HOÀNG KIM');
    pages.forEach((p, i) => expect(flat(p.text)).toContain(`Trang ${i + 1}/${pages.length}`));
    expect(flat(pages[pages.length - 1].text)).toMatch(/tỷ lệ đạt 97,3%/);
    expectNamesWhole(pdfWords(pdf));
  });
});
