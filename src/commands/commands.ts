/**
 * Ribbon commands (FunctionFile commands.html). **Kiểm tra** checks the whole workbook with
 * the same adapter call as the pane (checkWorkbook: core analysis + marks on the sheets),
 * then reports the result in a small dialog (this same page, opened with "#ket-qua=…"),
 * since an add-in without a shared runtime cannot open its task pane from a command.
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

function dialogUrl(outcome: RibbonOutcome): string {
  const payload = encodeURIComponent(
    JSON.stringify({ ok: outcome.ok, title: outcome.title, lines: outcome.lines }),
  );
  const base = window.location.href.split('#')[0];
  return `${base}#${RESULT_HASH}=${payload}`;
}

function showDialog(outcome: RibbonOutcome): Promise<void> {
  return new Promise((resolve) => {
    try {
      Office.context.ui.displayDialogAsync(
        dialogUrl(outcome),
        { height: 40, width: 30, displayInIframe: true },
        () => resolve(),
      );
    } catch {
      resolve(); // the marks on the sheet remain the visible result
    }
  });
}

/** ExecuteFunction handler of the ribbon button **Kiểm tra**. */
export async function checkWorkbookCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await showDialog(await runRibbonCheck());
  } finally {
    event.completed();
  }
}

/** The dialog page: render the outcome carried in the URL hash. */
export function renderResultPage(doc: Document, hash: string): boolean {
  const prefix = `#${RESULT_HASH}=`;
  if (!hash.startsWith(prefix)) return false;
  let data: { ok: boolean; title: string; lines: string[] };
  try {
    data = JSON.parse(decodeURIComponent(hash.slice(prefix.length)));
  } catch {
    return false;
  }
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
    Office.actions.associate(CHECK_FUNCTION, checkWorkbookCommand);
}

if (typeof window !== 'undefined' && typeof Office !== 'undefined') {
  const inDialog = renderResultPage(document, window.location.hash);
  if (!inDialog) {
    registerCommands(window as unknown as Record<string, unknown>);
    Office.onReady(() => registerCommands(window as unknown as Record<string, unknown>));
  }
}
