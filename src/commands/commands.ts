/**
 * Ribbon commands (FunctionFile commands.html). **Kiểm tra** checks the whole workbook with
 * the same adapter call as the pane (checkWorkbook: core analysis + marks on the sheets),
 * then reports the result in a small dialog (this same page, opened with "?ket-qua=…"),
 * since an add-in without a shared runtime cannot open its task pane from a command
 * (docs/addin.md says why the add-in keeps no shared runtime).
 *
 * The command follows the documented lifecycle:
 * - "the runtime closes when either the function completes or 5 minutes have passed"
 *   (add-in commands): event.completed() is called once the dialog is closed (by the user
 *   or by its Đóng button), or at DIALOG_TIME_LIMIT_MS, under the 5 minutes — never while
 *   the dialog is open, which on Mac would close it (office-js issue 428);
 * - the dialog's URL is the page's own origin and path, never its `href`, which carries
 *   Office's `_host_info` that add-ins "should neither read nor write" (dialog best
 *   practices); the result goes in the query (hosts have dropped or appended to the `#`
 *   part, office-js issues 2284 and 3057), or by messageChild where DialogApi 1.2 exists;
 * - a dialog that cannot open (12007 one already open, 12009 the user ignored it…) ends
 *   the command: the marks on the sheet stay the visible result.
 */
import { kindLabel } from '../core/model/labels';
import { summaryLineVi } from '../core/model/messages';
import { checkWorkbook, type CheckResult } from '../excel';

export const RESULT_HASH = 'ket-qua';

export interface RibbonOutcome {
  ok: boolean;
  title: string;
  lines: string[];
  result?: CheckResult;
}

/** Vietnamese lines summing up a check, one per recognised sheet plus the notes. */
export function summarize(result: CheckResult): string[] {
  const lines: string[] = [];
  const recognised = result.report.sheets.filter((s) => s.kind !== 'unknown');
  if (recognised.length === 0)
    lines.push('Không tìm thấy PHỤ LỤC 01/02/03 hay biểu mẫu minh chứng nào trong sổ làm việc.');
  for (const s of recognised) {
    const e = s.findings.filter((f) => f.severity === 'error').length;
    const w = s.findings.filter((f) => f.severity === 'warning').length;
    const head = s.kind.startsWith('phu-luc') ? `${summaryLineVi(s.summary)}; ` : '';
    lines.push(`${s.name} (${kindLabel(s.kind)}): ${head}${e} lỗi, ${w} cảnh báo.`);
  }
  if (result.marks) lines.push(`Đã tô màu và ghi chú ${result.marks.marked} ô trên bảng tính.`);
  lines.push(...result.messages);
  lines.push('Mở ngăn CĐS (Trang đầu › Mở ngăn CĐS) để xem từng lỗi và chọn ô.');
  return lines;
}

/** What the ribbon's Kiểm tra does, without the dialog (tests call this). */
export async function runRibbonCheck(): Promise<RibbonOutcome> {
  try {
    const result = await checkWorkbook({ delayForCellEdit: true });
    return { ok: true, title: 'Kết quả kiểm tra', lines: summarize(result), result };
  } catch (e) {
    return {
      ok: false,
      title: 'Không kiểm tra được',
      lines: [e instanceof Error ? e.message : String(e)],
    };
  }
}

/** A ribbon command may run 5 minutes: the dialog is closed and the event completed before. */
export const DIALOG_TIME_LIMIT_MS = 4 * 60 * 1000 + 30 * 1000;

/** The query value that tells the dialog page its result comes by messageChild. */
export const WAITING = 'cho';

/** Longest URL the add-in builds for a dialog (hosts and browsers cut longer ones). */
export const MAX_DIALOG_URL = 2000;

/** What the dialog shows: the outcome without the check's data. */
export interface DialogData {
  ok: boolean;
  title: string;
  lines: string[];
}

function dialogData(outcome: RibbonOutcome): DialogData {
  return { ok: outcome.ok, title: outcome.title, lines: outcome.lines };
}

/** This page's address without its query (Office's `_host_info`) or hash. */
export function pageBase(loc: { origin: string; pathname: string }): string {
  return `${loc.origin}${loc.pathname}`;
}

/**
 * The dialog's URL carrying `data` in its query; lines that would make it longer than
 * MAX_DIALOG_URL are left out, with a line saying where to read them all.
 */
export function resultUrl(base: string, data: DialogData): string {
  const url = (d: DialogData) => `${base}?${RESULT_HASH}=${encodeURIComponent(JSON.stringify(d))}`;
  let lines = data.lines;
  while (url({ ...data, lines }).length > MAX_DIALOG_URL && lines.length > 1) {
    lines = lines.slice(0, -2);
    lines = [...lines, 'Còn nữa: mở ngăn CĐS (Trang đầu › Mở ngăn CĐS) để xem đầy đủ.'];
  }
  return url({ ...data, lines });
}

export type DialogEnd = 'closed' | 'timeout' | { failed: number };

/**
 * Show the outcome in a dialog and resolve when it is closed, at `deadline` (ms since
 * epoch), or at once when it cannot open. Never rejects.
 */
export function showDialog(outcome: RibbonOutcome, deadline: number): Promise<DialogEnd> {
  const data = dialogData(outcome);
  const base = pageBase(window.location);
  const byMessage = !!Office.context.requirements?.isSetSupported?.('DialogApi', '1.2');
  const url = byMessage ? `${base}?${RESULT_HASH}=${WAITING}` : resultUrl(base, data);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let dialog: Office.Dialog | undefined;
    let done = false;
    const finish = (end: DialogEnd) => {
      if (done) return;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      if (end !== 'closed')
        try {
          dialog?.close();
        } catch {
          // already closed
        }
      resolve(end);
    };
    try {
      Office.context.ui.displayDialogAsync(
        url,
        { height: 40, width: 30, displayInIframe: true },
        (result) => {
          if (result.status === Office.AsyncResultStatus.Failed) {
            finish({ failed: result.error?.code ?? 0 });
            return;
          }
          dialog = result.value;
          timer = setTimeout(() => finish('timeout'), Math.max(0, deadline - Date.now()));
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
            const message = 'message' in arg ? arg.message : '';
            if (message === 'ready' && byMessage) dialog!.messageChild(JSON.stringify(data));
            else if (message === 'close') {
              finish('closed');
              dialog!.close();
            }
          });
          // 12006: the user closed the dialog; any other event ends it as well
          dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish('closed'));
        },
      );
    } catch (e) {
      finish({
        failed:
          typeof (e as { code?: unknown })?.code === 'number' ? (e as { code: number }).code : 0,
      });
    }
  });
}

/** ExecuteFunction handler of the ribbon button **Kiểm tra**. */
export async function checkWorkbookCommand(event: Office.AddinCommands.Event): Promise<void> {
  const deadline = Date.now() + DIALOG_TIME_LIMIT_MS;
  try {
    // the check may wait for the user to leave cell-edit mode: never past the deadline
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outcome = await Promise.race([
      runRibbonCheck(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), DIALOG_TIME_LIMIT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (outcome) await showDialog(outcome, deadline);
  } finally {
    event.completed();
  }
}

/** The outcome from a `?ket-qua=` query (or the older `#ket-qua=`), null when unreadable. */
export function readResult(search: string, hash = ''): DialogData | typeof WAITING | null {
  const raw =
    new URLSearchParams(search).get(RESULT_HASH) ??
    (hash.startsWith(`#${RESULT_HASH}=`) ? decodeSafe(hash.slice(RESULT_HASH.length + 2)) : null);
  if (raw === null) return null;
  if (raw === WAITING) return WAITING;
  return parseData(raw);
}

function decodeSafe(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function parseData(raw: string): DialogData | null {
  try {
    const d = JSON.parse(raw) as Partial<DialogData>;
    if (typeof d.title !== 'string' || !Array.isArray(d.lines)) return null;
    return { ok: d.ok === true, title: d.title, lines: d.lines.map(String) };
  } catch {
    return null;
  }
}

/** When the result cannot be read: what the dialog says instead. */
export const UNREADABLE: DialogData = {
  ok: false,
  title: 'Không hiển thị được kết quả',
  lines: [
    'Kết quả kiểm tra đã được tô màu và ghi chú trên bảng tính.',
    'Mở ngăn CĐS (Trang đầu › Mở ngăn CĐS) để xem từng lỗi và chọn ô.',
  ],
};

/** Render a result (title, lines, a Đóng button that asks the parent to close). */
export function renderData(doc: Document, data: DialogData, onClose?: () => void): void {
  const root = doc.getElementById('result') ?? doc.body;
  root.textContent = '';
  const h = doc.createElement('h1');
  h.textContent = data.title;
  h.className = data.ok ? 'ok' : 'error';
  root.appendChild(h);
  const ul = doc.createElement('ul');
  for (const line of data.lines) {
    const li = doc.createElement('li');
    li.textContent = line;
    ul.appendChild(li);
  }
  root.appendChild(ul);
  if (onClose) {
    const button = doc.createElement('button');
    button.textContent = 'Đóng';
    button.addEventListener('click', onClose);
    root.appendChild(button);
  }
}

/**
 * The dialog page: render the outcome from the URL, or — "?ket-qua=cho" — wait for it from
 * the parent (messageChild), rendering a readable fallback when it cannot be read. Returns
 * false when this page is not a dialog (no result parameter).
 */
export function renderResultPage(doc: Document, search: string, hash = ''): boolean {
  const found = readResult(search, hash);
  const hasParam =
    new URLSearchParams(search).has(RESULT_HASH) || hash.startsWith(`#${RESULT_HASH}=`);
  if (!hasParam) return false;
  const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  const close = ui?.messageParent ? () => ui.messageParent('close') : undefined;
  if (found === WAITING) {
    renderData(doc, { ok: true, title: 'Đang nhận kết quả kiểm tra…', lines: [] });
    if (!ui?.addHandlerAsync || !ui.messageParent) {
      renderData(doc, UNREADABLE);
      return true;
    }
    ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg) => {
      renderData(doc, parseData(arg.message) ?? UNREADABLE, close);
    });
    ui.messageParent('ready');
    return true;
  }
  renderData(doc, found ?? UNREADABLE, close);
  return true;
}

/** The manifest's FunctionName of **Kiểm tra**. */
export const CHECK_FUNCTION = 'checkWorkbook';

/**
 * Register the ribbon functions: with Office.actions.associate where the host has it, and
 * as a global of the function page too — hosts without Office.actions look the manifest's
 * FunctionName up on the page's global object.
 */
export function registerCommands(target: Record<string, unknown>): void {
  target[CHECK_FUNCTION] = checkWorkbookCommand;
  if (typeof Office !== 'undefined' && typeof Office.actions?.associate === 'function')
    // Office runs the command and waits for event.completed(); the promise is for tests.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    Office.actions.associate(CHECK_FUNCTION, checkWorkbookCommand);
}

if (typeof window !== 'undefined' && typeof Office !== 'undefined') {
  const params = new URLSearchParams(window.location.search);
  const inDialog = params.has(RESULT_HASH) || window.location.hash.startsWith(`#${RESULT_HASH}=`);
  if (inDialog)
    void Office.onReady(() =>
      renderResultPage(document, window.location.search, window.location.hash),
    );
  else {
    registerCommands(window as unknown as Record<string, unknown>);
    void Office.onReady(() => registerCommands(window as unknown as Record<string, unknown>));
  }
}
