/**
 * `cds-check appraise TỆP --level huyen|tinh [--adjacent] [--chain ID] [--out TỆP_RA]`
 * Builds the next level's appendix (PHỤ LỤC 02 from 01, 03 from 02, or 03 from 01 in the
 * two-tier chain) with live references to the lower level and a prefilled column to check.
 * Levels and chains are the catalog's. Exit 0: written (or the sheet exists already);
 * 2: unreadable input, unknown level/chain, no source appendix, or the file cannot be written.
 */
import { analyzeWorkbook } from '../../core/analyze';
import type { Catalog } from '../../core/catalog/types';
import { appraisalLevelsText, planAppraise } from '../../core/appendix/appraise';
import { catalogOrReport, parseCommandArgs } from '../command-args';
import { EXIT_FAILURE, EXIT_OK, type CliIO } from '../command';
import { isCliError } from '../errors';
import { readWorkbookFile } from '../read-file';
import { applyAndWrite, outTarget, readOnlyNote } from './plan-io';

export const name = 'appraise';
export const summary = 'Tạo sheet thẩm định (PHỤ LỤC 02/03) từ phụ lục của cấp dưới';

export function help(catalog?: Catalog): string {
  const levels = catalog ? appraisalLevelsText(catalog) : 'huyen, tinh';
  const chains = catalog
    ? catalog.chains.map((c) => `${c.id} (${c.label})`).join('; ')
    : 'thanh-hoa-2023, hai-cap-2025';
  return `Cách dùng: cds-check appraise TỆP.xlsx --level CẤP [tùy chọn]

Lập phụ lục thẩm định của cấp trên từ phụ lục của cấp dưới trong tệp: một sheet mới theo
mẫu chính thức, cột kết quả cấp dưới là công thức tham chiếu tới sheet gốc, cột kết quả
cấp thẩm định được điền sẵn (tô màu, ghi chú "Cần thẩm định lại") để sửa, cột Đánh giá và
bảng tổng hợp là công thức. Sheet gốc không bị thay đổi.

Tùy chọn:
  --level CẤP      Cấp thẩm định: ${levels}
  --chain ID       Chuỗi thẩm định: ${chains}
  --adjacent       Thêm các cột thẩm định bên phải bảng gốc (cùng sheet) thay vì sheet mới
  --name TÊN       Tên sheet mới (mặc định theo bộ tiêu chí, ví dụ "Phụ lục 02")
  --source TÊN     Sheet nguồn (mặc định: sheet phụ lục đầu tiên của cấp dưới)
  -o, --out TỆP_RA Tệp kết quả .xlsx (mặc định: TỆP-tham-dinh.xlsx cạnh tệp gốc; nếu tệp
                   đó đã có thì không ghi đè). Tệp gốc không bao giờ bị sửa, trừ khi
                   --out chỉ đúng vào nó. Thư mục chưa có sẽ được tạo.
  --catalog TỆP    Dùng danh mục tiêu chí khác (tệp JSON)
  -h, --help       Hiện hướng dẫn này

Mã thoát: 0 đã ghi, hoặc sheet/cột thẩm định đã có (không ghi tệp); 2 không đọc được tệp,
không có phụ lục của cấp dưới, cấp/chuỗi không có trong danh mục, trang tính đang được
bảo vệ (--adjacent), không ghi được tệp kết quả, hoặc sai cách dùng (khi đó không ghi tệp nào).

Ví dụ:
  cds-check appraise xa-hoang-kim.xlsx --level huyen --out xa-hoang-kim-tham-dinh.xlsx
  cds-check appraise xa-hoang-kim.xlsx --level tinh --chain hai-cap-2025
`;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(io, 'appraise', args, {
    level: { type: 'string' },
    chain: { type: 'string' },
    adjacent: { type: 'boolean' },
    name: { type: 'string' },
    source: { type: 'string' },
    out: { type: 'string', short: 'o' },
    catalog: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return EXIT_FAILURE;
  const values = parsed.values as {
    level?: string;
    chain?: string;
    adjacent?: boolean;
    name?: string;
    source?: string;
    out?: string;
    catalog?: string;
    help?: boolean;
  };
  const { positionals } = parsed;
  const catalog = catalogOrReport(io, values.catalog);
  if (!catalog) return EXIT_FAILURE;
  if (values.help) {
    io.stdout(help(catalog));
    return EXIT_OK;
  }
  if (positionals.length !== 1 || values.level === undefined) {
    io.stderr(
      `Sai cách dùng: cần một tệp .xlsx và --level (${appraisalLevelsText(catalog)}). Xem: cds-check appraise --help\n`,
    );
    return EXIT_FAILURE;
  }
  const input = positionals[0];
  let read: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    read = await readWorkbookFile(input);
  } catch (e) {
    if (!isCliError(e)) throw e;
    io.stderr(`${e.message}\n`);
    return EXIT_FAILURE;
  }
  const report = analyzeWorkbook(read.snapshot, catalog);
  const plan = planAppraise(read.snapshot, report, catalog, values.level, {
    adjacent: values.adjacent,
    chain: values.chain,
    sheetName: values.name,
    sourceSheet: values.source,
  });
  if (!plan.ok) {
    io.stderr(`${plan.description}\n`);
    return EXIT_FAILURE;
  }
  if (plan.edits.length > 0) io.stdout(readOnlyNote(input, read.readAs));
  return applyAndWrite(io, read.workbook, plan, outTarget(values.out, input, 'tham-dinh'), input);
}
