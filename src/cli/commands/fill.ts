/**
 * `cds-check fill TỆP [--out TỆP_RA] [--sheet TÊN] [--catalog TỆP]`
 * Makes the appendix live: typed results become numbers (the typed text kept in a note),
 * Đánh giá gets formulas, a summary block is added; evidence forms get their summary
 * formulas and PHỤ LỤC 01 is linked to them. Exit 0: written (or nothing to do);
 * 2: unreadable input, usage error, or the file cannot be written.
 */
import { analyzeWorkbook } from '../../core/analyze';
import type { Catalog } from '../../core/catalog/types';
import { summaryLineVi } from '../../core/model/messages';
import { planFillWorkbook } from '../../core/appendix/fill';
import { catalogFromFile } from '../catalog-file';
import { parseCommandArgs } from '../command-args';
import { EXIT_FAILURE, EXIT_OK, type CliIO } from '../command';
import { isCliError } from '../errors';
import { readWorkbookFile } from '../read-file';
import { applyAndWrite, outTarget, readOnlyNote } from './plan-io';

export const name = 'fill';
export const summary =
  'Điền công thức vào phụ lục (kết quả thành số, Đánh giá và tổng hợp tự tính)';

export const HELP = `Cách dùng: cds-check fill TỆP.xlsx [--out TỆP_RA.xlsx] [tùy chọn]

Làm cho phụ lục "sống": kết quả gõ dạng chữ ("82,9%", "3.644/4.993") thành số hoặc phép
chia, chữ gốc giữ trong ghi chú của ô; cột Đánh giá có công thức Đạt/Không đạt so với chỉ
tiêu của bộ tiêu chí; dưới bảng có bảng tổng hợp số tiêu chí đạt theo nhóm và tỷ lệ đạt.
Các mẫu biểu minh chứng (Mẫu 1.4, 3.3…) được điền công thức tổng hợp và kết quả trong
PHỤ LỤC 01 được liên kết tới chúng. Chạy lại trên tệp đã điền không thay đổi gì.

Tùy chọn:
  -o, --out TỆP_RA Tệp kết quả .xlsx (mặc định: TỆP-cong-thuc.xlsx cạnh tệp gốc; nếu tệp
                   đó đã có thì không ghi đè). Tệp gốc không bao giờ bị sửa, trừ khi
                   --out chỉ đúng vào nó. Thư mục chưa có sẽ được tạo.
  --sheet TÊN      Chỉ điền sheet này
  --catalog TỆP    Dùng danh mục tiêu chí khác (tệp JSON)
  -h, --help       Hiện hướng dẫn này

Mã thoát: 0 đã ghi, hoặc bảng đã có công thức (không ghi tệp); 2 không đọc được tệp,
không tìm thấy phụ lục hay mẫu biểu nào, trang tính phụ lục đang được bảo vệ, không ghi
được tệp kết quả, hoặc sai cách dùng (khi đó không ghi tệp nào).

Ví dụ:
  cds-check fill xa-hoang-kim.xlsx
  cds-check fill xa-hoang-kim.xlsx --out ket-qua/xa-hoang-kim-cong-thuc.xlsx
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(io, 'fill', args, {
    out: { type: 'string', short: 'o' },
    sheet: { type: 'string' },
    catalog: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return EXIT_FAILURE;
  const values = parsed.values as {
    out?: string;
    sheet?: string;
    catalog?: string;
    help?: boolean;
  };
  const { positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    io.stderr('Sai cách dùng: cần đúng một tệp .xlsx. Xem: cds-check fill --help\n');
    return EXIT_FAILURE;
  }
  const input = positionals[0];
  let catalog: Catalog;
  let read: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    catalog = catalogFromFile(values.catalog);
    read = await readWorkbookFile(input);
  } catch (e) {
    if (!isCliError(e)) throw e;
    io.stderr(`${e.message}\n`);
    return EXIT_FAILURE;
  }
  const report = analyzeWorkbook(read.snapshot, catalog);
  if (values.sheet !== undefined && !read.snapshot.sheets.some((s) => s.name === values.sheet)) {
    io.stderr(`Tệp không có sheet "${values.sheet}".\n`);
    return EXIT_FAILURE;
  }
  const plan = planFillWorkbook(read.snapshot, report, catalog, analyzeWorkbook, {
    sheet: values.sheet,
  });
  if (plan.edits.length === 0) {
    const considered = report.sheets.filter(
      (s) => s.kind !== 'unknown' && (values.sheet === undefined || s.name === values.sheet),
    );
    if (considered.length === 0) {
      const where = values.sheet !== undefined ? `sheet "${values.sheet}"` : `tệp "${input}"`;
      io.stderr(
        `Không tìm thấy phụ lục (PHỤ LỤC 01/02/03) hay mẫu biểu minh chứng nào trong ${where}: không có gì để điền, không ghi tệp.\n`,
      );
      return EXIT_FAILURE;
    }
    const locked = considered.filter(
      (s) => read.snapshot.sheets.find((g) => g.name === s.name)?.protected,
    );
    if (locked.length > 0) {
      const names = locked.map((s) => `"${s.name}"`).join(', ');
      io.stderr(
        `Trang tính ${names} đang được bảo vệ (Protect Sheet): không điền được công thức. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi chạy lại. Không ghi tệp.\n`,
      );
      return EXIT_FAILURE;
    }
  }
  for (const s of report.sheets) {
    if (!s.kind.startsWith('phu-luc-')) continue;
    if (values.sheet !== undefined && s.name !== values.sheet) continue;
    io.stdout(`Sheet "${s.name}": ${summaryLineVi(s.summary)}\n`);
  }
  if (plan.edits.length > 0) io.stdout(readOnlyNote(input, read.readAs));
  return applyAndWrite(io, read.workbook, plan, outTarget(values.out, input, 'cong-thuc'), input);
}
