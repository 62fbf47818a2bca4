/**
 * The pane and the ribbon page with the real Office.js of the @microsoft/office-js package
 * (never fetched: the CDN address in the pages is answered from node_modules), in a plain
 * Chromium tab, i.e. outside Excel. Any other request leaving 127.0.0.1 is refused and counted.
 * - taskpane.html says it needs Excel and links to the standalone page cds-check.html;
 * - commands.html registers its Kiểm tra function and renders a result dialog without errors.
 */
import * as fs from 'fs';
import type * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

browserSuite('pane and ribbon page with the real Office.js, outside Excel', () => {
  let tmp: string;
  let browser: Browser;
  let context: BrowserContext;
  let server: http.Server;
  let base: string;
  const served: string[] = [];
  const missing: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    requireChromium();
    expect(fs.existsSync(path.join(OFFICE_DIST, 'office.js'))).toBe(true);
    fs.mkdirSync(OUT, { recursive: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-officejs-'));
    const dist = path.join(tmp, 'dist');
    await buildEntries(dist, ['taskpane', 'commands']);
    ({ server, url: base } = await serve(dist));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    context = await browser.newContext();
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      async (route) => {
        const url = route.request().url();
        if (url.startsWith(OFFICE_CDN)) {
          const rel = decodeURIComponent(
            new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length),
          );
          const file = path.join(OFFICE_DIST, rel);
          if (file.startsWith(OFFICE_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
            served.push(rel);
            return route.fulfill({ path: file, contentType: 'text/javascript; charset=utf-8' });
          }
          missing.push(rel);
          return route.fulfill({ status: 404, body: '' });
        }
        refused.push(url);
        return route.abort('blockedbyclient');
      },
    );
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function open(page: string, width: number): Promise<{ page: Page; errors: string[] }> {
    const p = await context.newPage();
    await p.setViewportSize({ width, height: 700 });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${base}${page}`);
    return { page: p, errors };
  }

  it('taskpane.html in a browser tab: says it needs Excel and links to cds-check.html', async () => {
    const { page, errors } = await open('taskpane.html', 320);
    const notice = page.getByTestId('outside-excel');
    await notice.waitFor({ timeout: 30_000 });
    expect(served).toContain('office.js');
    expect(await page.evaluate(() => typeof Office.onReady)).toBe('function');
    expect(await notice.textContent()).toContain('cần chạy trong Excel');
    const link = page.getByTestId('standalone-link');
    expect(await link.getAttribute('href')).toBe('cds-check.html');
    expect(
      new URL((await link.evaluate((a) => (a as HTMLAnchorElement).href)) as string).pathname,
    ).toBe('/cds-check.html');
    // Kiểm tra still explains, in Vietnamese, that there is no workbook here
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.locator('[role="status"] .fui-MessageBar').first().waitFor();
    expect(await page.locator('[role="status"]').textContent()).toMatch(/Excel/);
    await page.screenshot({
      path: path.join(OUT, 'taskpane-outside-excel-320.png'),
      fullPage: true,
    });
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => e.tagName),
    );
    expect(wide).toEqual([]);
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  }, 120_000);

  it('commands.html registers Kiểm tra and shows a result dialog, with no error', async () => {
    const { page, errors } = await open('commands.html', 600);
    await page.waitForFunction(
      () => typeof (window as unknown as Record<string, unknown>).checkWorkbook === 'function',
    );
    expect(await page.evaluate(() => typeof Office.actions)).toBe('object');
    await page.close();
    const payload = encodeURIComponent(
      JSON.stringify({
        ok: true,
        title: 'Kết quả kiểm tra',
        lines: ['Đạt 36/37 tiêu chí (97,3%)'],
      }),
    );
    const dialog = await open(`commands.html#ket-qua=${payload}`, 600);
    await dialog.page.locator('#result h1').waitFor();
    expect(await dialog.page.locator('#result li').first().textContent()).toBe(
      'Đạt 36/37 tiêu chí (97,3%)',
    );
    expect([...errors, ...dialog.errors]).toEqual([]);
    expect(refused).toEqual([]);
    await dialog.page.close();
  }, 120_000);
});
