/**
 * Browser test of the standalone page dist/cds-check.html: the production build opened from
 * file:// in Debian's chromium with every request that is not a file refused and counted (none
 * may happen); the Hoàng Kim appendix and a broken file opened with the page's file input; the
 * summary and the findings equal `cds-check validate --json`'s (run in this process on the same
 * files); the filled workbook downloaded and read back by validate (same met count, formulas
 * present); three communes opened, the Tổng hợp table and the ranking; keyboard use; 1280-px and
 * 360-px screenshots in test-output/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { summaryLineVi } from '../../src/core';
import {
  CHROMIUM,
  FLAGS,
  OUT,
  ROOT,
  browserSuite,
  buildEntries,
  requireChromium,
  serve,
} from '../support/browser';

const SAMPLE = path.join(ROOT, 'samples', 'hoang-kim-phu-luc-01.xlsx');

interface JsonFinding {
  severity: string;
  cell: string;
  message: string;
}
interface JsonSheet {
  name: string;
  kind: string;
  summary: { criteria: number; met: number; unmet: number; undetermined: number };
  findings: JsonFinding[];
}
interface JsonFile {
  file: string;
  error: { code: string; message: string } | null;
  sheets: JsonSheet[];
}

async function validateJson(file: string): Promise<JsonFile> {
  let stdout = '';
  await main(['validate', '--json', file], {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
    stderrIsTTY: false,
  });
  return (JSON.parse(stdout) as { files: JsonFile[] }).files[0];
}

/** The sample as another commune's file: its name changed, the results of `blank` criteria erased. */
async function communeVariant(file: string, commune: string, blank: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.worksheets[0];
  let resultCol = 0;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      const v = typeof cell.value === 'string' ? cell.value : '';
      if (v.startsWith('XÃ HOÀNG KIM')) cell.value = v.replace('HOÀNG KIM', commune.toUpperCase());
      if (!resultCol && v.trim() === 'Kết quả') resultCol = c;
    });
    const code = String(row.getCell(1).value ?? row.getCell(2).value ?? '').trim();
    if (resultCol && blank.includes(code)) row.getCell(resultCol).value = null;
    void r;
  });
  if (!resultCol) throw new Error('no Kết quả column in the sample');
  await wb.xlsx.writeFile(file);
}

browserSuite('standalone page dist/cds-check.html in chromium, from file://', () => {
  let tmp: string;
  let pageUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  const refused: string[] = [];
  let broken: string;
  let communes: string[];

  beforeAll(async () => {
    requireChromium();
    fs.mkdirSync(OUT, { recursive: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-web-'));
    const dist = path.join(tmp, 'dist');
    await buildEntries(dist, ['cds-check']);
    const html = path.join(dist, 'cds-check.html');
    expect(fs.existsSync(html)).toBe(true);
    // one file: no script or style beside it
    expect(fs.readdirSync(dist).filter((f) => /\.(js|css)$/.test(f))).toEqual([]);
    pageUrl = pathToFileURL(html).href;
    broken = path.join(tmp, 'xa-loi.xlsx');
    fs.writeFileSync(broken, fs.readFileSync(SAMPLE).subarray(0, 3000)); // a download cut short
    communes = [path.join(tmp, 'xa-hoang-dao.xlsx'), path.join(tmp, 'xa-hoang-truong.xlsx')];
    await communeVariant(communes[0], 'Hoàng Đạo', ['1.1', '1.2', '2.1']);
    await communeVariant(communes[1], 'Hoàng Trường', ['1.3', '2.2', '3.1', '3.2', '4.1', '4.2']);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    context = await browser.newContext({ acceptDownloads: true });
    // nothing but the page's own file may be asked for: everything else is refused and counted
    await context.route(
      (url) => url.protocol !== 'file:',
      (route) => {
        refused.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    context.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) refused.push(r.url());
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function open(width: number): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pageUrl);
    await page.getByRole('button', { name: 'Chọn tệp…' }).waitFor();
    return { page, errors };
  }

  async function choose(page: Page, files: string[]): Promise<void> {
    await page.getByTestId('file-input').setInputFiles(files);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="file-panel"]').length >= n,
      files.length,
      { timeout: 120_000 },
    );
  }

  it('opens the appendix and a broken file: the summary and findings are validate’s', async () => {
    const { page, errors } = await open(1280);
    await choose(page, [SAMPLE, broken]);
    const expected = await validateJson(SAMPLE);
    const sheet = expected.sheets.find((s) => s.kind === 'phu-luc-01')!;
    const panel = page.locator('[data-testid="file-panel"][data-file="hoang-kim-phu-luc-01.xlsx"]');
    expect(await panel.getByTestId('summary-line').textContent()).toBe(
      summaryLineVi(sheet.summary),
    );
    const shown = await panel
      .getByTestId('finding')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-cell')} ${e.getAttribute('aria-label')}`),
      );
    const want = sheet.findings.map(
      (f) =>
        `${f.cell} ${{ error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' }[f.severity]} ô ${f.cell}: ${f.message}`,
    );
    expect(shown.slice().sort()).toEqual(want.slice().sort());
    expect(shown.length).toBeGreaterThan(5);

    // the broken file: the same Vietnamese sentence as validate's, and nothing else of it
    const brokenJson = await validateJson(broken);
    expect(brokenJson.error).not.toBeNull();
    const brokenPanel = page.locator('[data-testid="file-panel"][data-file="xa-loi.xlsx"]');
    expect(await brokenPanel.getByTestId('file-error').textContent()).toBe(
      brokenJson.error!.message,
    );
    expect(await brokenPanel.getByTestId('summary-line').count()).toBe(0);

    // the evidence column of the pane stays closed until asked for
    expect(await panel.getByTestId('evidence-row').first().isVisible()).toBe(false);
    await panel.getByTestId('evidence-toggle').click();
    expect(await panel.getByTestId('evidence-row').first().isVisible()).toBe(true);

    // a click on a finding shows its row with the cell highlighted
    const finding = panel.getByTestId('finding').first();
    const cell = await finding.getAttribute('data-cell');
    await finding.click();
    const preview = panel.getByTestId('grid-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('data-cell')).toBe(cell);
    expect(await preview.locator('[data-highlighted="true"]').getAttribute('data-address')).toBe(
      cell,
    );
    expect(
      await panel.getByTestId('group-chart').locator('rect[data-verdict="met"]').count(),
    ).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(OUT, 'web-1280.png') });
    await page.screenshot({ path: path.join(OUT, 'web-1280-full.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  }, 240_000);

  it('downloads the filled workbook: validate reads the same met count, with formulas', async () => {
    const { page, errors } = await open(1280);
    await choose(page, [SAMPLE]);
    const before = fs.readFileSync(SAMPLE);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Tải tệp đã điền công thức' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hoang-kim-phu-luc-01-cong-thuc.xlsx');
    const filled = path.join(tmp, download.suggestedFilename());
    await download.saveAs(filled);
    const original = (await validateJson(SAMPLE)).sheets.find((s) => s.kind === 'phu-luc-01')!;
    const after = (await validateJson(filled)).sheets.find((s) => s.kind === 'phu-luc-01')!;
    expect(after.summary.met).toBe(original.summary.met);
    expect(after.summary.criteria).toBe(original.summary.criteria);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled);
    let formulas = 0;
    wb.getWorksheet(after.name)!.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula) formulas++;
      }),
    );
    expect(formulas).toBeGreaterThanOrEqual(original.summary.criteria);
    expect(fs.readFileSync(SAMPLE).equals(before)).toBe(true);
    expect(await page.getByTestId('file-notices').textContent()).toContain(
      'hoang-kim-phu-luc-01-cong-thuc.xlsx',
    );
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  }, 240_000);

  it('three communes: the Tổng hợp table and the ranking follow validate', async () => {
    const { page, errors } = await open(1280);
    const files = [SAMPLE, ...communes];
    await choose(page, files);
    const rollup = page.getByTestId('rollup');
    await rollup.waitFor();
    const rows = rollup.getByTestId('rollup-table').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const rates: { name: string; rate: number }[] = [];
    const communeOf: Record<string, string> = {
      [SAMPLE]: 'Hoàng Kim',
      [communes[0]]: 'Hoàng Đạo',
      [communes[1]]: 'Hoàng Trường',
    };
    for (const f of files) {
      const s = (await validateJson(f)).sheets.find((x) => x.kind === 'phu-luc-01')!;
      const row = rollup.locator(`tbody tr[data-file="${path.basename(f)}"]`);
      expect(await row.locator('td').nth(2).textContent()).toBe(
        `${s.summary.met}/${s.summary.criteria}`,
      );
      expect(await row.locator('th').textContent()).toBe(communeOf[f]);
      rates.push({ name: communeOf[f], rate: s.summary.met / s.summary.criteria });
    }
    const ranked = await rollup
      .getByTestId('rank-chart')
      .locator('li[data-rank]')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-label')));
    expect(ranked).toEqual(rates.sort((a, b) => b.rate - a.rate).map((r) => r.name));
    await page.screenshot({ path: path.join(OUT, 'web-1280-three.png'), fullPage: true });

    // the roll-up workbook: its Tổng hợp sheet lists the three communes
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Tải bảng tổng hợp' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('tong-hop-3-xa.xlsx');
    const saved = path.join(tmp, download.suggestedFilename());
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const texts: string[] = [];
    wb.getWorksheet('Tổng hợp')!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(Object.values(communeOf)));
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  }, 240_000);

  it('works from the keyboard: Tab to a finding, Enter shows it; Enter on a download saves it', async () => {
    const { page, errors } = await open(1280);
    await choose(page, [SAMPLE]);
    const target = page.getByTestId('finding').nth(1);
    const cell = await target.getAttribute('data-cell');
    let focused = '';
    for (let i = 0; i < 120 && focused !== cell; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.getAttribute('data-testid') === 'finding'
          ? (document.activeElement.getAttribute('data-cell') ?? '')
          : '',
      );
    }
    expect(focused).toBe(cell);
    await page.keyboard.press('Enter');
    await page.getByTestId('grid-preview').waitFor();
    expect(await page.getByTestId('grid-preview').getAttribute('data-cell')).toBe(cell);
    await page.getByRole('button', { name: 'Tải tệp đánh dấu lỗi' }).focus();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe('hoang-kim-phu-luc-01-danh-dau.xlsx');
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  }, 240_000);

  it('from a static web server (as next to the add-in) it asks for nothing but itself', async () => {
    const { server, url, requests } = await serve(path.dirname(new URL(pageUrl).pathname));
    const other = await browser.newContext();
    const outside: string[] = [];
    await other.route(
      (u) => u.hostname !== '127.0.0.1',
      (route) => {
        outside.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    try {
      const page = await other.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${url}cds-check.html`);
      await page.getByTestId('file-input').setInputFiles([SAMPLE]);
      await page.getByTestId('summary-line').waitFor({ timeout: 120_000 });
      expect(requests).toEqual(['/cds-check.html']);
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await other.close();
      await new Promise((r) => server.close(r));
    }
  }, 240_000);

  it('fits 360 px: nothing wider than the screen', async () => {
    const { page, errors } = await open(360);
    await choose(page, [SAMPLE, communes[0]]);
    await page.getByTestId('finding').first().click();
    await page.getByTestId('grid-preview').waitFor();
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => {
          // inside a horizontally scrolling box (the grid preview, the Tổng hợp table) is fine
          for (let p = e.parentElement; p; p = p.parentElement)
            if (getComputedStyle(p).overflowX === 'auto') return false;
          return e.getBoundingClientRect().right > window.innerWidth + 1;
        })
        .map((e) => `${e.tagName} ${(e.textContent ?? '').slice(0, 40)}`),
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.screenshot({ path: path.join(OUT, 'web-360.png') });
    await page.screenshot({ path: path.join(OUT, 'web-360-full.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  }, 240_000);
});
