/**
 * `cds-check template KIND --out TỆP`: a blank official layout — PHỤ LỤC 01/02/03 from the
 * catalog, or an evidence form (mau-1.4 … mau-4.5, written by src/core/forms/template.ts) —
 * which `validate` recognises. When TỆP exists, the sheet is added to it.
 */
import * as fs from 'fs';
import type { EditPlan } from '../../core/plan/edit-plan';
import { planTemplate, TEMPLATE_KINDS } from '../../core/appendix/template';
import { FORM_KINDS, isFormKind, planFormTemplate } from '../../core/forms';
import { catalogOrReport, parseCommandArgs } from '../command-args';
import { EXIT_FAILURE, EXIT_OK, type CliIO } from '../command';
import { isCliError } from '../errors';
import { readWorkbookFile } from '../read-file';
import { applyAndWrite } from './plan-io';
import { newWorkbook, type Workbook } from '../../xlsx';

export const name = 'template';
export const summary = 'Tạo mẫu trống: PHỤ LỤC 01/02/03 hoặc mẫu biểu minh chứng (Mẫu 1.4…)';

const KINDS = [...TEMPLATE_KINDS, ...FORM_KINDS];

export const HELP = `Cách dùng: cds-check template LOẠI --out TỆP.xlsx [tùy chọn]

Tạo mẫu trống đúng mẫu chính thức (tiêu đề, tiêu đề cột như Hướng dẫn 2142/STTTT-CNTT),
sẵn công thức Đánh giá và tổng hợp. Nếu TỆP đã có, mẫu được thêm thành một sheet mới.

LOẠI: ${KINDS.join(', ')}
      (viết tắt: pl01, pl02, pl03)

Tùy chọn:
  -o, --out TỆP    Tệp kết quả .xlsx (bắt buộc); nếu đã có, mẫu được thêm thành sheet mới
  --chain ID       Chuỗi thẩm định (cho PHỤ LỤC 03 của chính quyền hai cấp: hai-cap-2025)
  --catalog TỆP    Dùng danh mục tiêu chí khác (tệp JSON)
  -h, --help       Hiện hướng dẫn này

Mã thoát: 0 đã ghi, hoặc tệp đã có sheet cùng tên (không ghi); 2 không có loại mẫu đó,
tệp TỆP có sẵn không đọc được, không ghi được tệp, hoặc sai cách dùng (khi đó không ghi gì).

Ví dụ:
  cds-check template phu-luc-01 --out phu-luc-01-trong.xlsx
  cds-check template mau-3.3 --out xa-hoang-kim.xlsx
`;

/** "pl01", "PL-02", "phu-luc-3", "01" → "phu-luc-0N"; "Mẫu 3.3"/"mau3.3" → "mau-3.3". */
export function normalizeKind(kind: string): string {
  const k = kind
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const pl = /^(?:phu[\s_-]*luc|pl)?[\s_-]*0?([123])$/.exec(k);
  if (pl) return `phu-luc-0${pl[1]}`;
  const mau = /^mau[\s_-]*(?:so[\s_-]*)?(\d\.\d)$/.exec(k);
  if (mau) return `mau-${mau[1]}`;
  return k;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(io, 'template', args, {
    out: { type: 'string', short: 'o' },
    chain: { type: 'string' },
    catalog: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return EXIT_FAILURE;
  const values = parsed.values as {
    out?: string;
    chain?: string;
    catalog?: string;
    help?: boolean;
  };
  const { positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1 || values.out === undefined) {
    io.stderr('Sai cách dùng: cần LOẠI mẫu và --out TỆP. Xem: cds-check template --help\n');
    return EXIT_FAILURE;
  }
  const kind = normalizeKind(positionals[0]);
  const catalog = catalogOrReport(io, values.catalog);
  if (!catalog) return EXIT_FAILURE;
  let plan: EditPlan;
  if ((TEMPLATE_KINDS as readonly string[]).includes(kind)) {
    try {
      plan = planTemplate(catalog, kind, values.chain);
    } catch (e) {
      io.stderr(`${(e as Error).message}\n`);
      return EXIT_FAILURE;
    }
    if (plan.edits.length === 0) {
      io.stderr(`${(plan.notes ?? [plan.description]).join('\n')}\n`);
      return EXIT_FAILURE;
    }
  } else if (isFormKind(kind)) {
    plan = planFormTemplate(kind);
  } else {
    io.stderr(`Không có mẫu "${positionals[0]}". Các mẫu: ${KINDS.join(', ')}.\n`);
    return EXIT_FAILURE;
  }
  let wb: Workbook;
  const existing = fs.existsSync(values.out);
  if (existing) {
    try {
      wb = (await readWorkbookFile(values.out)).workbook;
    } catch (e) {
      if (!isCliError(e)) throw e;
      io.stderr(`${e.message}\n`);
      return EXIT_FAILURE;
    }
    const added = plan.edits.find((e) => e.op === 'add-sheet');
    const same = added
      ? wb.worksheets.find((w) => w.name.toLowerCase() === added.sheet.toLowerCase())
      : undefined;
    if (same) {
      io.stdout(`Sheet "${same.name}" đã tồn tại trong "${values.out}" — không tạo thêm.\n`);
      return EXIT_OK;
    }
  } else {
    wb = newWorkbook();
  }
  return applyAndWrite(io, wb, plan, values.out, existing ? values.out : undefined);
}
