/**
 * What the page's download buttons produce: each a new file named after the original
 * (the original's bytes are never changed), planned by the core exactly as the CLI's
 * fill / appraise / template commands plan it, written by the ExcelJS adapter.
 * No DOM here: save-file.ts hands the bytes to the browser.
 */
import {
  analyzeWorkbook,
  planTemplate,
  TEMPLATE_KINDS,
  planAppraise,
  type Catalog,
  type EditPlan,
  planFillWorkbook,
  FORM_KINDS,
  isFormKind,
  planFormTemplate,
  formShortLabel,
  kindLabel,
  percentVi,
  buildReport,
  planWorkbookRollup,
} from '../core';
import { DOCX_MIME, reportDocx } from '../docx';
import { storeValues } from '../excel/marks-store';
import { UI } from '../taskpane/labels';
import { WEB_UI } from './labels';
import { planFileMarks } from './marks-file';
import { writePlan } from './workbook-io';
import type { OpenedFile } from './workspace';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Download {
  /** The new file's name; absent when there was nothing to write. */
  fileName?: string;
  bytes?: Uint8Array;
  mime?: string;
  /** Vietnamese lines: what was done, or why nothing was. */
  messages: string[];
}

/** "xa-hoang-kim.xlsx" → "xa-hoang-kim" */
export function baseName(name: string): string {
  return name.replace(/\.(xlsx|xlsm|xls|ods)$/i, '');
}

/** "xa-a.xlsx" → "xa-a-cong-thuc.xlsx" (the page always writes .xlsx). */
export function outName(original: string, suffix: string, ext = 'xlsx'): string {
  return `${baseName(original)}-${suffix}.${ext}`;
}

/** What the page says after writing a file from an .xls / .ods original (as the CLI does). */
function readOnlyLines(file: OpenedFile): string[] {
  return file.readAs ? [WEB_UI.readOnlyOriginal(file.name, file.readAs)] : [];
}

function planLines(plan: EditPlan): string[] {
  return [plan.description, ...(plan.notes ?? []).filter((n) => n !== plan.description)];
}

async function written(file: OpenedFile, plan: EditPlan, suffix: string): Promise<Download> {
  if (plan.edits.length === 0) return { messages: [...planLines(plan), WEB_UI.nothingWritten] };
  const bytes = await writePlan(file.bytes, file.name, plan);
  const fileName = outName(file.name, suffix);
  return {
    fileName,
    bytes,
    mime: XLSX_MIME,
    messages: [...planLines(plan), ...readOnlyLines(file), WEB_UI.downloaded(fileName)],
  };
}

/** "Tải tệp đã điền công thức": `cds-check fill`. */
export async function fillDownload(file: OpenedFile, catalog: Catalog): Promise<Download> {
  const plan = planFillWorkbook(file.snapshot, file.report, catalog, analyzeWorkbook);
  return written(file, plan, 'cong-thuc');
}

/** "Tải tệp có phụ lục thẩm định": `cds-check appraise --level L --chain C`. */
export async function appraiseDownload(
  file: OpenedFile,
  catalog: Catalog,
  choice: { level: string; chain: string },
): Promise<Download> {
  const plan = planAppraise(file.snapshot, file.report, catalog, choice.level, {
    chain: choice.chain,
  });
  if (!plan.ok) return { messages: planLines(plan) };
  return written(file, plan, 'tham-dinh');
}

/** "Tải tệp đánh dấu lỗi": the add-in's fills and notes, in a copy. */
export async function marksDownload(file: OpenedFile): Promise<Download> {
  const marks = planFileMarks(file.snapshot, file.report);
  if (marks.plan.edits.length === 0) return { messages: [WEB_UI.marksNone, ...marks.messages] };
  const bytes = await writePlan(file.bytes, file.name, marks.plan, {
    marksStore: storeValues(marks.records),
  });
  const fileName = outName(file.name, 'danh-dau');
  return {
    fileName,
    bytes,
    mime: XLSX_MIME,
    messages: [
      WEB_UI.marksDone(marks.marked),
      ...marks.messages,
      ...readOnlyLines(file),
      WEB_UI.downloaded(fileName),
    ],
  };
}

/** "Tải báo cáo (Word)": `cds-check report` — the Báo cáo drafted from the file's appendix. */
export async function reportDownload(file: OpenedFile, catalog: Catalog): Promise<Download> {
  const built = buildReport(file.snapshot, file.report, catalog);
  if (!built.ok) return { messages: [built.message] };
  const doc = built.document;
  const f = doc.facts;
  const bytes = await reportDocx(doc);
  const fileName = outName(file.name, 'bao-cao', 'docx');
  const messages = [
    `${doc.formLabel} từ sheet "${f.sheet}"${f.commune ? ` (xã ${f.commune})` : ''}: đã hoàn thành ${f.met}/${f.total} tiêu chí, tỷ lệ đạt ${percentVi(f.rate)} — Kết quả: ${f.result}.`,
  ];
  if (f.undetermined.length)
    messages.push(`Chưa xác định: ${f.undetermined.join(', ')} (bổ sung trước khi trình).`);
  messages.push(WEB_UI.reportPlaceholders, ...readOnlyLines(file), WEB_UI.downloaded(fileName));
  return { fileName, bytes, mime: DOCX_MIME, messages };
}

/**
 * The pane's **Tổng hợp các xã** on a file holding several communes' appendices (one per
 * sheet): the file with Tổng hợp / Theo tiêu chí / Ma trận sheets added (core/rollup's plan).
 */
export async function workbookRollupDownload(
  file: OpenedFile,
  catalog: Catalog,
): Promise<Download> {
  const planned = planWorkbookRollup(file.snapshot, file.report, catalog);
  if (!planned) return { messages: [UI.rollupNone] };
  return written(file, planned.plan, 'tong-hop');
}

export interface TemplateChoice {
  /** "phu-luc-01" … or "mau-3.3" … */
  kind: string;
  label: string;
}

/** Every blank template the page offers: the three appendices, then the evidence forms. */
export function templateChoices(): TemplateChoice[] {
  return [
    ...TEMPLATE_KINDS.map((kind) => ({ kind, label: kindLabel(kind) })),
    ...FORM_KINDS.map((kind) => ({
      kind,
      label: `${formShortLabel(kind)} – ${kindLabel(kind).split(' – ')[1] ?? ''}`,
    })),
  ];
}

/** A blank template (`cds-check template KIND`), PHỤ LỤC 03 of the two-tier chain with `chain`. */
export async function templateDownload(
  catalog: Catalog,
  kind: string,
  chain?: string,
): Promise<Download> {
  let plan: EditPlan;
  if ((TEMPLATE_KINDS as readonly string[]).includes(kind)) {
    plan = planTemplate(catalog, kind, chain);
  } else if (isFormKind(kind)) {
    plan = planFormTemplate(kind);
  } else {
    return { messages: [`Không có mẫu "${kind}".`] };
  }
  if (plan.edits.length === 0) return { messages: plan.notes ?? [plan.description] };
  const bytes = await writePlan(null, kind, plan);
  const suffix = chain && chain !== catalog.defaultChain ? `-${chain}` : '';
  const fileName = `${kind}${suffix}-trong.xlsx`;
  return {
    fileName,
    bytes,
    mime: XLSX_MIME,
    messages: [plan.description, WEB_UI.downloaded(fileName)],
  };
}
