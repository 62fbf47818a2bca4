/**
 * Browser test: the production build of the pane, served on localhost, in Debian's
 * chromium driven by playwright-core, with a fake Office/Excel host (test/support/fakes/fake-excel.ts,
 * injected before the page's scripts) holding the bundled sample appendix. Click Kiểm tra,
 * see the summary and the findings, click a finding (mouse and keyboard), and check that the
 * host selected that cell; the pane stays readable at 320 px. Screenshots go to test-output/.
 *
 * Skipped only when /usr/bin/chromium is missing and CI is not set; under CI=true a missing
 * chromium fails the test. Never downloads a browser.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import webpack from 'webpack';
import type { FakeWorkbookJSON } from '../support/fakes/fake-excel';
import { havePrintTools, pdfPages, printToPdf } from '../support/print-pdf';
import { fakeFromXlsxFile } from '../support/fakes/fake-from-xlsx';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output');
const SAMPLE = path.join(ROOT, 'samples', 'hoang-kim-phu-luc-01.xlsx');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const haveChromium = fs.existsSync(CHROMIUM);
const ci = !!process.env.CI && process.env.CI !== 'false';
const suite = haveChromium || ci ? describe : describe.skip;
if (!haveChromium && !ci)
  console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

function compile(configs: webpack.Configuration[]): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(configs, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** Production build of the add-in into `dist`, and the fake host bundle into `fakeDir`. */
async function build(dist: string, fakeDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<webpack.Configuration>;
  const addin = await factory({ outDir: dist }, { mode: 'production' });
  const fake: webpack.Configuration = {
    mode: 'development',
    devtool: false,
    context: ROOT,
    entry: { 'fake-host': './test/support/fakes/browser-host.ts' },
    output: { path: fakeDir, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'es2020', target: 'es2019' },
            },
          },
        },
      ],
    },
  };
  await compile([{ ...addin, context: ROOT }, fake]);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

function serve(dir: string): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]).replace(/^\/+/, '');
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }),
    ),
  );
}

suite('task pane in chromium (production build, fake Excel host)', () => {
  let tmp: string;
  let browser: Browser;
  let server: http.Server;
  let base: string;
  let fakeHost: string;
  let workbook: FakeWorkbookJSON;

  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`CI=true but ${CHROMIUM} is missing: apt-get install -y chromium`);
    fs.mkdirSync(OUT, { recursive: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-browser-'));
    const dist = path.join(tmp, 'dist');
    const fakeDir = path.join(tmp, 'fake');
    await build(dist, fakeDir);
    expect(fs.existsSync(path.join(dist, 'taskpane.html'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'commands.html'))).toBe(true);
    fakeHost = fs.readFileSync(path.join(fakeDir, 'fake-host.js'), 'utf8');
    workbook = (await fakeFromXlsxFile(SAMPLE)).toJSON();
    ({ server, url: base } = await serve(dist));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function open(pageName: string, width = 320): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // office.js comes from Microsoft's CDN: never fetched here, the fake host stands in
    await page.route('https://appsforoffice.microsoft.com/**', (r) =>
      r.fulfill({ status: 200, contentType: 'text/javascript', body: '/* fake host installed */' }),
    );
    await page.addInitScript({
      content: `${fakeHost}\nwindow.__installFakeExcel(${JSON.stringify(workbook)});`,
    });
    await page.goto(`${base}${pageName}`);
    return { page, errors };
  }

  it('Kiểm tra shows the summary and the findings; a click selects the cell in the host', async () => {
    const { page, errors } = await open('taskpane.html');
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    const summary = page.getByTestId('summary-line');
    await summary.waitFor();
    expect(await summary.textContent()).toBe('Đạt 36/37 tiêu chí (97,3%)');
    expect(await page.getByText('Phụ lục 01 – tự đánh giá cấp xã').count()).toBe(1);
    const findings = page.getByTestId('finding');
    expect(await findings.count()).toBeGreaterThan(20);
    await page.screenshot({ path: path.join(OUT, 'taskpane-320.png') });

    const e18 = page.locator('[data-testid="finding"][data-cell="E18"]');
    await e18.click();
    await page.waitForFunction(() => window.__cdsFake?.selection?.address === 'E18');
    const selection = await page.evaluate(() => window.__cdsFake!.selection);
    expect(selection).toEqual({ sheet: 'PHỤ LỤC 01', address: 'E18' });
    // marks were written by the same click on Kiểm tra
    const note = await page.evaluate(() => window.__cdsFake!.noteAt('PHỤ LỤC 01', 'E18'));
    expect(note).toContain('1.11');

    // readable at 320 px: nothing wider than the pane
    const widths = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      view: window.innerWidth,
    }));
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => `${e.tagName} ${(e.textContent ?? '').slice(0, 40)}`),
    );
    expect(wide).toEqual([]);
    expect(widths.view).toBe(320);
    expect(widths.doc).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(OUT, 'taskpane-320-selected.png') });
    await page.screenshot({ path: path.join(OUT, 'taskpane-320-full.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is usable from the keyboard: Tab to a finding, Enter selects its cell', async () => {
    const { page, errors } = await open('taskpane.html');
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Kiểm tra');
    await page.keyboard.press('Enter');
    await page.getByTestId('summary-line').waitFor();
    const target = page.locator('[data-testid="finding"]').nth(2);
    const cell = await target.getAttribute('data-cell');
    let focused = '';
    for (let i = 0; i < 60 && focused !== cell; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.getAttribute('data-testid') === 'finding'
          ? (document.activeElement.getAttribute('data-cell') ?? '')
          : '',
      );
    }
    expect(focused).toBe(cell);
    await page.keyboard.press('Enter');
    await page.waitForFunction((c) => window.__cdsFake?.selection?.address === c, cell);
    await page.screenshot({ path: path.join(OUT, 'taskpane-keyboard.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the evidence column opens from the keyboard, fits 320 px, and a row selects its evidence cell', async () => {
    const { page, errors } = await open('taskpane.html');
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByTestId('summary-line').waitFor();
    const toggle = page.getByTestId('evidence-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.textContent()).toMatch(/^▸Minh chứng theo chỉ tiêu \(\d+ có · \d+ thiếu/);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const rows = page.getByTestId('evidence-row');
    expect(await rows.count()).toBe(37);
    // Tab from the toggle reaches the first row; Enter selects its Tài liệu minh chứng cell
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      id: document.activeElement?.getAttribute('data-testid'),
      cell: document.activeElement?.getAttribute('data-cell'),
    }));
    expect(first.id).toBe('evidence-row');
    await page.keyboard.press('Enter');
    await page.waitForFunction((c) => window.__cdsFake?.selection?.address === c, first.cell);
    // a filled reference: its web link is a real link, outside the row's button
    const present = page.locator('[data-testid="evidence-row"][data-status="present"]').first();
    const link = present.locator('xpath=..').getByRole('link').first();
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    const cell = await present.getAttribute('data-cell');
    await present.click();
    await page.waitForFunction((c) => window.__cdsFake?.selection?.address === c, cell);
    expect(await present.getAttribute('aria-current')).toBe('true');
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => `${e.tagName} ${(e.textContent ?? '').slice(0, 40)}`),
    );
    expect(wide).toEqual([]);
    await present.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'taskpane-evidence-320.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Soạn báo cáo (Word) downloads a .docx that LibreOffice opens; Chuẩn bị in sets the page up, undoably', async () => {
    const { page, errors } = await open('taskpane.html');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Soạn báo cáo (Word)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('bao-cao-hoang-kim.docx');
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText(/Đã soạn Mẫu số 01/).waitFor();
    if (havePrintTools) {
      const text = pdfPages(printToPdf(file))
        .map((p) => p.text)
        .join('\n')
        .replace(/\s+/g, ' ');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('36/37');
      expect(text).toContain('97,3%');
    } else {
      expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    }

    await page.getByRole('button', { name: 'Chuẩn bị in' }).click();
    await page.getByRole('button', { name: 'Hoàn tác chuẩn bị in' }).waitFor();
    const layout = await page.evaluate(() => window.__cdsFake!.mustSheet('PHỤ LỤC 01').pageLayout);
    expect(layout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      printTitleRows: '$6:$6',
    });
    await page.screenshot({ path: path.join(OUT, 'taskpane-report-print.png') });
    await page.getByRole('button', { name: 'Hoàn tác chuẩn bị in' }).click();
    await page.getByText(/Hoàn tác chuẩn bị in: xong/).waitFor();
    const back = await page.evaluate(() => window.__cdsFake!.mustSheet('PHỤ LỤC 01').pageLayout);
    expect(back).toMatchObject({ orientation: 'Portrait' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the ribbon command page registers Kiểm tra and reports in a dialog', async () => {
    let { page } = await open('commands.html', 600);
    const { errors } = { errors: [] as string[] };
    page.on('pageerror', (e) => errors.push(e.message));
    await page.waitForFunction(() => window.__cdsFakeHost?.associated.has('checkWorkbook'));
    await page.evaluate(() => {
      void window.__cdsFakeHost!.invokeCommand('checkWorkbook');
    });
    // the command stays open while its dialog is: the user closes it, then it completes
    await page.waitForFunction(() => window.__cdsFakeHost!.openDialog !== undefined);
    const dialog = await page.evaluate(() => window.__cdsFakeHost!.dialogs[0].openedUrl);
    expect(dialog).toContain('commands.html?ket-qua=');
    expect(dialog).toContain('_host_info=');
    await page.evaluate(() => window.__cdsFakeHost!.userClosesDialog());
    await page.close();
    // the dialog is a new window on commands.html?ket-qua=…&_host_info=…
    ({ page } = await open(dialog.slice(base.length), 600));
    await page.locator('#result h1').waitFor();
    expect(await page.locator('#result h1').textContent()).toBe('Kết quả kiểm tra');
    expect(await page.locator('#result li').first().textContent()).toMatch(
      /Đạt 36\/37 tiêu chí \(97,3%\)/,
    );
    await page.screenshot({ path: path.join(OUT, 'ribbon-dialog.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
