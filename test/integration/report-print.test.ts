/**
 * `cds-check report` read back the way a user sees it: the .docx it writes is printed by
 * LibreOffice to PDF and the PDF's text must show the motto, BÁO CÁO, the commune, 36/37,
 * 97,3%, the signature block and the appendix table on landscape pages; on a district's
 * PHỤ LỤC 02 it drafts the appraisal report naming the criteria the district judged
 * differently.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureCliBuilt, ROOT, runCli } from '../support/fixtures/cli-run';
import { pl02Workbook, writeXlsx } from '../support/fixtures/xlsx-builders';
import { havePrintTools, pdfPages, printToPdf } from '../support/print-pdf';

const suite = havePrintTools || process.env.CI ? describe : describe.skip;
const SAMPLE = path.join(ROOT, 'samples', 'hoang-kim-phu-luc-01.xlsx');
jest.setTimeout(300_000);

let dir: string;
beforeAll(async () => {
  await ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-report-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Text with the line breaks and column gaps of the layout collapsed. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

suite('cds-check report → .docx → LibreOffice PDF', () => {
  it('drafts Mẫu số 01 of Hoàng Kim: motto, title, commune, 36/37, 97,3%, signature, landscape appendix', async () => {
    const out = path.join(dir, 'bao-cao.docx');
    const r = await runCli(['report', SAMPLE, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('36/37');
    const pages = pdfPages(printToPdf(out));
    const first = flat(pages[0].text);
    expect(pages[0].height).toBeGreaterThan(pages[0].width); // portrait body
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toContain('BÁO CÁO');
    expect(first).toContain('XÃ HOÀNG KIM');
    expect(first).toMatch(/xã Hoàng Kim, huyện Hoàng Hóa/);
    const all = flat(pages.map((p) => p.text).join('\n'));
    expect(all).toContain('đã hoàn thành 36/37 tiêu chí chuyển đổi số năm 2023, tỷ lệ đạt 97,3%');
    expect(all).toMatch(/Kết quả: KHÔNG ĐẠT/);
    expect(all).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(all).toContain('CHỦ TỊCH');
    expect(all).toContain('Nơi nhận:');
    // the appendix: landscape pages holding the table, the header row on each of them
    const landscape = pages.filter((p) => p.width > p.height);
    expect(landscape.length).toBeGreaterThanOrEqual(2);
    expect(flat(landscape[0].text)).toContain('PHỤ LỤC 01');
    for (const p of landscape) expect(flat(p.text)).toMatch(/Tên chỉ tiêu/);
    const table = flat(landscape.map((p) => p.text).join('\n'));
    expect(table).toMatch(
      /1\.6 Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến\. % 70% 82,9% Đạt/,
    );
    expect(table).toContain('4.8');
    expect(pages.indexOf(landscape[0])).toBeGreaterThan(0);
  });

  it("drafts Mẫu số 02 from a district's PHỤ LỤC 02 with the criteria it judged differently", async () => {
    const file = await writeXlsx(
      pl02Workbook({ own: { '1.6': '65%', '2.4': '60%' }, verdicts: { '1.6': 'Không đạt' } }),
      path.join(dir, 'huyen.xlsx'),
    );
    const out = path.join(dir, 'tham-dinh.docx');
    const r = await runCli(['report', file, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Mẫu số 02/);
    expect(r.stdout).toMatch(/khác cấp dưới: 1\.6, 2\.4/);
    const all = flat(
      pdfPages(printToPdf(out))
        .map((p) => p.text)
        .join('\n'),
    );
    expect(all).toContain('HUYỆN HOẰNG HÓA');
    expect(all).toMatch(/thẩm định hồ sơ đề nghị xét, công nhận xã Hoàng Kim/);
    expect(all).toMatch(/cấp dưới 82,9% \(Đạt\), thẩm định 65% \(Không đạt\)/);
    expect(all).toMatch(/cấp dưới 80,95% \(Đạt\), thẩm định 60% \(Đạt\)/);
    expect(all).toContain('đã hoàn thành 35/37 tiêu chí');
    expect(all).toContain('PHỤ LỤC 02');
  });

  it('refuses what it cannot do with a Vietnamese line and writes nothing', async () => {
    const out = path.join(dir, 'x.docx');
    const r1 = await runCli(['report', SAMPLE, '--level', 'huyen', '--out', out]);
    expect(r1.status).toBe(2);
    expect(r1.stderr).toMatch(/Không tìm thấy PHỤ LỤC 02/);
    const r2 = await runCli(['report', SAMPLE, '--out', path.join(dir, 'x.xlsx')]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/\.docx/);
    const r3 = await runCli(['report', path.join(dir, 'khong-co.xlsx'), '--out', out]);
    expect(r3.status).toBe(2);
    expect(r3.stderr).toMatch(/Không tìm thấy tệp/);
    expect(fs.existsSync(out)).toBe(false);
    const help = await runCli(['report', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Mẫu số 01/);
  });
});
