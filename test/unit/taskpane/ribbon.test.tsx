/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://localhost:3000/commands.html?_host_info=Excel$Win32$16.01$vi-VN$$$$0", "customExportConditions": ["node", "node-addons"]}
 *
 * The ribbon command (commands.html) under the host's documented rules (the fake host,
 * test/support/fakes/fake-excel.ts): registered under the manifest's FunctionName (and as a
 * global where Office.actions is missing), the event completed only once the dialog is
 * closed or before the 5-minute limit, the dialog's URL free of `_host_info`, its data in
 * the query or by messageChild, dialog failures ending the command, and the dialog page.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  DIALOG_TIME_LIMIT_MS,
  MAX_DIALOG_URL,
  readResult,
  renderResultPage,
  resultUrl,
  summarize,
  UNREADABLE,
  type DialogData,
} from '../../../src/commands/commands';
import {
  DIALOG_ERRORS,
  FUNCTION_COMMAND_LIMIT_MS,
  type FakeOfficeHost,
  type FakeOfficeHostOptions,
} from '../../support/fakes/fake-excel';
import { firstSheet, hoangKimFake } from '../../support/fakes/workbooks';

const BASE = 'https://localhost:3000/commands.html';

/** Import the commands module afresh (its top level associates the ribbon function). */
async function loadCommands(): Promise<typeof import('../../../src/commands/commands')> {
  let mod!: typeof import('../../../src/commands/commands');
  await jest.isolateModulesAsync(async () => {
    mod = await import('../../../src/commands/commands');
  });
  return mod;
}

async function setup(opts: FakeOfficeHostOptions = {}, apiVersion?: string) {
  const fake = hoangKimFake(apiVersion ? { apiVersion } : {});
  const office = fake.install(globalThis as unknown as Record<string, unknown>, opts);
  await loadCommands();
  return { fake, office };
}

/** Let promises and (fake or real) timers run until `cond` holds. */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
}

function queryData(url: string): DialogData {
  const u = new URL(url);
  const d = readResult(u.search, u.hash);
  if (d === null || d === 'cho') throw new Error(`no data in ${url}`);
  return d;
}

afterEach(() => {
  jest.useRealTimers();
});

describe('registration', () => {
  it('is associated under the FunctionName the manifest declares', async () => {
    const manifest = fs.readFileSync(
      path.join(__dirname, '..', '..', '..', 'manifest.xml'),
      'utf8',
    );
    const fn = /<FunctionName>([^<]+)<\/FunctionName>/.exec(manifest)![1];
    const { office } = await setup();
    expect([...office.associated.keys()]).toEqual([fn]);
  });

  it('without Office.actions (older hosts) the function is a global of the function page', async () => {
    const fake = hoangKimFake();
    const office = fake.install();
    delete (office.office as { actions?: unknown }).actions;
    const g = globalThis as Record<string, unknown>;
    delete g.checkWorkbook;
    await loadCommands();
    expect(typeof g.checkWorkbook).toBe('function');
    expect(office.associated.size).toBe(0);
  });
});

describe('the fake host keeps the dialog and command rules', () => {
  async function open(
    office: FakeOfficeHost,
    url: string,
  ): Promise<{ status: string; code?: number }> {
    type Open = (
      url: string,
      o: object,
      cb: (r: { status: string; error?: { code: number } }) => void,
    ) => void;
    const ui = (office.office as { context: { ui: { displayDialogAsync: Open } } }).context.ui;
    return new Promise((resolve) =>
      ui.displayDialogAsync(url, {}, (r: { status: string; error?: { code: number } }) =>
        resolve({ status: r.status, code: r.error?.code }),
      ),
    );
  }

  it('refuses HTTP (12005), another domain (12004), a second dialog (12007); adds _host_info', async () => {
    const { office } = await setup();
    expect((await open(office, 'http://localhost:3000/commands.html')).code).toBe(
      DIALOG_ERRORS.notHttps,
    );
    expect((await open(office, 'https://example.com/commands.html')).code).toBe(
      DIALOG_ERRORS.wrongDomain,
    );
    expect((await open(office, `${BASE}?a=1#b`)).status).toBe('succeeded');
    expect(office.dialogs[0].openedUrl).toMatch(/\?a=1&_host_info=Excel.*#b$/);
    expect((await open(office, BASE)).code).toBe(DIALOG_ERRORS.alreadyOpen);
  });

  it('ends a function command after 5 minutes without completed(), and on Mac closes its dialog at completed()', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { office } = await setup({ platform: 'Mac' });
    office.associated.set('never', () => undefined);
    const ended = office.invokeCommand('never');
    await jest.advanceTimersByTimeAsync(FUNCTION_COMMAND_LIMIT_MS);
    expect(await ended).toBe('killed');
    office.associated.set('early', async (event) => {
      await open(office, BASE);
      event.completed();
    });
    expect(await office.invokeCommand('early')).toBe('completed');
    expect(office.dialogs[0].closedBy).toBe('runtime');
  });
});

describe('Kiểm tra from the ribbon', () => {
  it('DialogApi 1.2: marks the sheet, opens the dialog on the page’s own URL, sends the result by messageChild, completes when the user closes it', async () => {
    const { fake, office } = await setup({ platform: 'Mac' });
    let ended: string | undefined;
    void office.invokeCommand('checkWorkbook').then((how) => (ended = how));
    await until(() => office.openDialog !== undefined);
    const dialog = office.openDialog!;
    expect(dialog.url).toBe(`${BASE}?ket-qua=cho`);
    expect(dialog.url).not.toMatch(/_host_info/);
    expect(fake.noteAt(firstSheet(fake), 'E18')).toContain('1.11');
    office.messageParent('ready');
    const data = JSON.parse(dialog.childMessages[0]) as DialogData;
    expect(data.ok).toBe(true);
    expect(data.lines[0]).toMatch(
      /^PHỤ LỤC 01 \(Phụ lục 01 – tự đánh giá cấp xã\): Đạt 36\/37 tiêu chí \(97,3%\); 2 lỗi, \d+ cảnh báo\.$/,
    );
    // the dialog is open and the event not completed: on Mac, completing would close it
    await new Promise((r) => setTimeout(r, 20));
    expect(ended).toBeUndefined();
    expect(dialog.open).toBe(true);
    office.userClosesDialog();
    await until(() => ended !== undefined);
    expect(ended).toBe('completed');
    expect(dialog.closedBy).toBe('user');
  });

  it('DialogApi 1.1: the result is in the query, readable with the host’s _host_info added; Đóng closes it', async () => {
    const { office } = await setup({ dialogApi: '1.1' });
    let ended: string | undefined;
    void office.invokeCommand('checkWorkbook').then((how) => (ended = how));
    await until(() => office.openDialog !== undefined);
    const dialog = office.openDialog!;
    expect(dialog.url.startsWith(`${BASE}?ket-qua=`)).toBe(true);
    expect(dialog.url.length).toBeLessThanOrEqual(MAX_DIALOG_URL);
    const data = queryData(dialog.openedUrl);
    expect(data.ok).toBe(true);
    expect(data.lines.join('\n')).toMatch(/Đạt 36\/37 tiêu chí/);
    office.messageParent('close');
    await until(() => ended !== undefined);
    expect(ended).toBe('completed');
    expect(dialog.closedBy).toBe('parent');
  });

  it('a dialog left open is closed and the event completed before the 5 minutes', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { office } = await setup();
    let ended: string | undefined;
    void office.invokeCommand('checkWorkbook').then((how) => (ended = how));
    for (let i = 0; i < 100 && !office.openDialog; i++) await jest.advanceTimersByTimeAsync(1);
    const dialog = office.openDialog!;
    expect(dialog).toBeDefined();
    await jest.advanceTimersByTimeAsync(DIALOG_TIME_LIMIT_MS - 1000);
    expect(ended).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1000);
    expect(ended).toBe('completed');
    expect(dialog.closedBy).toBe('parent');
    expect(office.killedCommands).toBe(0);
    expect(DIALOG_TIME_LIMIT_MS).toBeLessThan(FUNCTION_COMMAND_LIMIT_MS);
  });

  it.each([DIALOG_ERRORS.ignoredByUser, DIALOG_ERRORS.alreadyOpen])(
    'a dialog that cannot open (%i) ends the command; the marks stay on the sheet',
    async (code) => {
      const { fake, office } = await setup();
      office.failNextDialog = code;
      expect(await office.invokeCommand('checkWorkbook')).toBe('completed');
      expect(office.dialogs).toHaveLength(0);
      expect(fake.noteAt(firstSheet(fake), 'E18')).toContain('1.11');
    },
  );

  it('reports an Excel error in the dialog and still completes the event', async () => {
    const { office } = await setup({ dialogApi: '1.1' }, '1.8');
    let ended: string | undefined;
    void office.invokeCommand('checkWorkbook').then((how) => (ended = how));
    await until(() => office.openDialog !== undefined);
    const data = queryData(office.openDialog!.openedUrl);
    expect(data.ok).toBe(false);
    expect(data.title).toBe('Không kiểm tra được');
    expect(data.lines[0]).toMatch(/ExcelApi 1\.9/);
    office.userClosesDialog();
    await until(() => ended === 'completed');
  });

  it.each(['InvalidOperationInCellEditMode', 'InvalidOperation'] as const)(
    'clicked while a cell is being edited (%s): waits for Enter or Esc, then checks',
    async (code) => {
      const { fake, office } = await setup({ dialogApi: '1.1' });
      fake.cellEditMode = true;
      fake.cellEditError = code;
      let ended: string | undefined;
      void office.invokeCommand('checkWorkbook').then((how) => (ended = how));
      await new Promise((r) => setTimeout(r, 20));
      expect(ended).toBeUndefined();
      expect(office.dialogs).toHaveLength(0);
      fake.leaveCellEdit();
      await until(() => office.openDialog !== undefined);
      expect(fake.noteAt(firstSheet(fake), 'E18')).toContain('1.11');
      expect(queryData(office.openDialog!.openedUrl).ok).toBe(true);
      office.userClosesDialog();
      await until(() => ended === 'completed');
    },
  );
});

describe('the dialog page', () => {
  function items(): string[] {
    return Array.from(document.querySelectorAll('li')).map((li) => li.textContent ?? '');
  }

  beforeEach(() => {
    document.body.innerHTML = '<div id="result"></div>';
  });

  it('renders the outcome from its query, with the host’s _host_info beside it, or from an older #ket-qua= link', () => {
    const data = { ok: false, title: 'Không kiểm tra được', lines: ['a', 'b <c>'] };
    const url = new URL(`${resultUrl(BASE, data)}&_host_info=Excel$Win32$16.01$vi-VN$$$$0`);
    expect(renderResultPage(document, url.search)).toBe(true);
    expect(document.querySelector('h1')!.textContent).toBe('Không kiểm tra được');
    expect(document.querySelector('h1')!.className).toBe('error');
    expect(items()).toEqual(['a', 'b <c>']);
    const hash = `#ket-qua=${encodeURIComponent(JSON.stringify({ ...data, lines: ['cũ'] }))}`;
    expect(renderResultPage(document, '', hash)).toBe(true);
    expect(items()).toEqual(['cũ']);
    expect(renderResultPage(document, '?_host_info=x')).toBe(false);
  });

  it('an unreadable result (cut or altered by the host) shows a readable fallback', () => {
    expect(renderResultPage(document, '?ket-qua=%7Bh%E1%BB%8Fng')).toBe(true);
    expect(document.querySelector('h1')!.textContent).toBe(UNREADABLE.title);
    expect(items()).toEqual(UNREADABLE.lines);
  });

  it('waits for the parent’s messageChild, says it is ready, and offers Đóng', () => {
    const sent: string[] = [];
    let deliver: ((arg: { message: string }) => void) | undefined;
    const g = globalThis as Record<string, unknown>;
    g.Office = {
      EventType: { DialogParentMessageReceived: 'dialogParentMessageReceived' },
      context: {
        ui: {
          messageParent: (m: string) => sent.push(m),
          addHandlerAsync: (_t: string, h: (arg: { message: string }) => void) => (deliver = h),
        },
      },
    };
    expect(renderResultPage(document, '?ket-qua=cho&_host_info=x')).toBe(true);
    expect(sent).toEqual(['ready']);
    expect(document.querySelector('h1')!.textContent).toMatch(/Đang nhận/);
    deliver!({ message: JSON.stringify({ ok: true, title: 'Kết quả kiểm tra', lines: ['x'] }) });
    expect(items()).toEqual(['x']);
    document.querySelector('button')!.click();
    expect(sent).toEqual(['ready', 'close']);
    deliver!({ message: 'không phải JSON' });
    expect(document.querySelector('h1')!.textContent).toBe(UNREADABLE.title);
  });

  it('a result too long for a URL keeps the first lines and says where to read the rest', () => {
    const lines = Array.from({ length: 80 }, (_, i) => `Mẫu 3.3 - Thôn ${i}: 12 lỗi, 3 cảnh báo.`);
    const url = resultUrl(BASE, { ok: true, title: 'Kết quả kiểm tra', lines });
    expect(url.length).toBeLessThanOrEqual(MAX_DIALOG_URL);
    const data = queryData(url);
    expect(data.lines[0]).toBe(lines[0]);
    expect(data.lines.at(-1)).toMatch(/Còn nữa: mở ngăn CĐS/);
    expect(data.lines.length).toBeLessThan(lines.length);
  });

  it('summarize says when no appendix or form was found', () => {
    const lines = summarize({
      report: { sheets: [] },
      snapshot: { sheets: [] },
      marks: null,
      messages: ['ghi chú'],
    });
    expect(lines[0]).toMatch(/Không tìm thấy PHỤ LỤC/);
    expect(lines).toContain('ghi chú');
  });
});
