/**
 * What the pane's **Soạn báo cáo (Word)** and **Chuẩn bị in** do, apart from the buttons:
 * read the workbook, build with the core (the report model, the print-setup plan), write the
 * .docx with src/docx or apply the plan through the adapter (undoable). The host is
 * injectable: the Office.js task pane by default; the standalone page gives its own (reading
 * with src/xlsx, always able to download).
 *
 * Downloads: Excel on the web and on Windows (WebView2) let the pane save a file; the task
 * pane of Excel for Mac and for iPad (WKWebView) does not. There the pane says so and offers
 * the standalone page or the `cds-check report` command instead.
 */
import { analyzeWorkbook } from '../../core/analyze';
import type { Catalog } from '../../core/catalog/types';
import type { EditPlan } from '../../core/plan/edit-plan';
import type { WorkbookSnapshot } from '../../core/model/grid';
import { foldText } from '../../core/model/text';
import { percentVi } from '../../core/model/labels';
import { buildReport, planPreparePrint } from '../../core/report';
import { DOCX_MIME, reportDocx } from '../../docx';
import { officeFormulaHost, type Applied } from './formula-actions';

export interface ReportHost {
  catalog: () => Catalog;
  readSnapshot: () => Promise<WorkbookSnapshot>;
  apply: (plan: EditPlan, before: WorkbookSnapshot) => Promise<Applied>;
  /** False when this host's pane cannot save a file */
  canDownload: () => boolean;
  /** Save the bytes as a file the user gets (a browser download) */
  save: (bytes: Uint8Array, fileName: string, mime: string) => Promise<void>;
}

export const REPORT_UI = {
  report: 'Soạn báo cáo (Word)',
  reporting: 'Đang soạn báo cáo…',
  print: 'Chuẩn bị in',
  printing: 'Đang chuẩn bị in…',
  undo: 'Hoàn tác chuẩn bị in',
  undoing: 'Đang hoàn tác…',
  cannotDownload:
    'Ngăn tác vụ của Excel trên máy này (Excel cho Mac/iPad) không tải tệp về được. Hãy mở tệp bằng trang cds-check độc lập (trình duyệt) để tải báo cáo, hoặc dùng lệnh: cds-check report TỆP.xlsx --out bao-cao.docx',
  placeholders: 'Các chỗ “…” (tô vàng) là phần người soạn điền tiếp.',
} as const;

/** The platform Office reports ("OfficeOnline", "PC", "Mac", "iOS"…), when it does. */
function officePlatform(): string | undefined {
  if (typeof Office === 'undefined') return undefined;
  const ctx = Office.context as unknown as {
    platform?: string;
    diagnostics?: { platform?: string };
  };
  return ctx?.diagnostics?.platform ?? ctx?.platform;
}

/** A browser download of `bytes` (an <a download> click on a blob URL). */
export async function downloadInBrowser(
  bytes: Uint8Array,
  fileName: string,
  mime: string,
): Promise<void> {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const officeReportHost: ReportHost = {
  catalog: () => officeFormulaHost.catalog(),
  readSnapshot: () => officeFormulaHost.readSnapshot(),
  apply: (plan, before) => officeFormulaHost.apply(plan, before),
  canDownload: () => !/^(Mac|iOS|Android)$/i.test(officePlatform() ?? ''),
  save: downloadInBrowser,
};

/** "bao-cao-hoang-kim.docx" */
export function reportFileName(commune: string | null): string {
  const slug = commune
    ? foldText(commune)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
    : '';
  return slug ? `bao-cao-${slug}.docx` : 'bao-cao.docx';
}

export interface ReportOutcome {
  messages: string[];
  undo?: () => Promise<string[]>;
}

/** Soạn báo cáo (Word): the .docx of the open workbook's highest appendix, downloaded. */
export async function draftReportAction(host: ReportHost): Promise<ReportOutcome> {
  if (!host.canDownload()) return { messages: [REPORT_UI.cannotDownload] };
  const catalog = host.catalog();
  const snapshot = await host.readSnapshot();
  const built = buildReport(snapshot, analyzeWorkbook(snapshot, catalog), catalog);
  if (!built.ok) return { messages: [built.message] };
  const doc = built.document;
  const f = doc.facts;
  const name = reportFileName(f.commune);
  await host.save(await reportDocx(doc), name, DOCX_MIME);
  const lines = [
    `Đã soạn ${doc.formLabel} từ sheet "${f.sheet}" và tải về tệp ${name}: đã hoàn thành ${f.met}/${f.total} tiêu chí, tỷ lệ đạt ${percentVi(f.rate)} — Kết quả: ${f.result}.`,
  ];
  if (!f.commune)
    lines.push('Không đọc được tên xã từ dòng tiêu đề của phụ lục: tên xã để “…” trong báo cáo.');
  lines.push(REPORT_UI.placeholders);
  return { messages: lines };
}

/** Chuẩn bị in: print setup of the recognised appendix sheets, undoable. */
export async function preparePrintAction(host: ReportHost): Promise<ReportOutcome> {
  const catalog = host.catalog();
  const snapshot = await host.readSnapshot();
  const plan = planPreparePrint(snapshot, analyzeWorkbook(snapshot, catalog));
  if (plan.edits.length === 0) return { messages: [plan.description, ...(plan.notes ?? [])] };
  const applied = await host.apply(plan, snapshot);
  return { messages: [plan.description, ...applied.notes], undo: applied.undo };
}
