/**
 * `cds-check report TỆP [--level xa|huyen|tinh] [--chain ID] [--out bao-cao.docx]`: drafts
 * the report (Báo cáo) the appendix belongs to as a Word document — Mẫu số 01 for PHỤ LỤC 01,
 * Mẫu số 02 for PHỤ LỤC 02, Mẫu số 04 for PHỤ LỤC 03 (Hướng dẫn 2142/STTTT-CNTT) — with the
 * figures the tool knows written in and "…" where a person writes. Exit 0: written; 2:
 * unreadable input, no appendix, unknown level/chain, the output cannot be written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../../core/analyze';
import type { Catalog } from '../../core/catalog/types';
import { buildReport } from '../../core/report';
import { percentVi } from '../../core/model/labels';
import { reportDocx } from '../../docx';
import { catalogOrReport, parseCommandArgs } from '../command-args';
import { EXIT_FAILURE, EXIT_OK, type CliIO } from '../command';
import { CliError, isCliError } from '../errors';
import { readWorkbookFile } from '../read-file';
import { samePath } from './plan-io';

export const name = 'report';
export const summary = 'Soạn báo cáo (Word .docx, Mẫu số 01/02/04) từ phụ lục trong tệp';

export function help(catalog?: Catalog): string {
  const levels = catalog ? catalog.levels.map((l) => `${l.id} (${l.label})`).join(', ') : '';
  const chains = catalog
    ? catalog.chains.map((c) => `${c.id} (${c.label})`).join('; ')
    : 'thanh-hoa-2023, hai-cap-2025';
  return `Cách dùng: cds-check report TỆP.xlsx [tùy chọn]

Soạn dự thảo báo cáo kèm phụ lục, dạng Word (.docx), theo Hướng dẫn 2142/STTTT-CNTT:
PHỤ LỤC 01 → Mẫu số 01 (báo cáo của xã), PHỤ LỤC 02 → Mẫu số 02 (báo cáo thẩm định),
PHỤ LỤC 03 → Mẫu số 04 (báo cáo thẩm tra). Công cụ điền những gì đã biết: tên xã (từ dòng
tiêu đề phụ lục), tiêu chí đạt/chưa đạt từng nhóm kèm số liệu, tiêu chí thiếu minh chứng,
tiêu chí cấp trên đánh giá khác cấp dưới, "đã hoàn thành 36/37 tiêu chí, tỷ lệ đạt 97,3%",
"Kết quả: ĐẠT/KHÔNG ĐẠT", nơi nhận, chữ ký, và bảng phụ lục (trang ngang) ở cuối. Phần chỉ
người viết được để "…" (tô vàng) để điền tiếp.

Tùy chọn:
  --level CẤP      Báo cáo của cấp nào: ${levels || 'xa, huyen, tinh'}
                   (mặc định: cấp cao nhất có phụ lục trong tệp)
  --chain ID       Chuỗi thẩm định: ${chains}
  --sheet TÊN      Sheet phụ lục (mặc định: sheet đầu tiên của cấp đó)
  -o, --out TỆP    Tệp kết quả .docx (mặc định: TỆP-bao-cao.docx cạnh tệp gốc; nếu tệp đó
                   đã có thì không ghi đè)
  --catalog TỆP    Dùng danh mục tiêu chí khác (tệp JSON)
  -h, --help       Hiện hướng dẫn này

Mã thoát: 0 đã ghi; 2 không đọc được tệp, tệp không có phụ lục, cấp/chuỗi không có trong
danh mục, không ghi được tệp kết quả, hoặc sai cách dùng (khi đó không ghi gì).

Ví dụ:
  cds-check report xa-hoang-kim.xlsx --out bao-cao-hoang-kim.docx
  cds-check report xa-hoang-kim-tham-dinh.xlsx --level huyen
  cds-check report tham-tra.xlsx --level tinh --chain hai-cap-2025
`;
}

function defaultDocxOut(input: string): string {
  const base = path.basename(input).replace(/\.xls[xm]$/i, '');
  return path.join(path.dirname(input), `${base}-bao-cao.docx`);
}

async function writeBytes(out: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, out);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code ?? 'lỗi hệ thống';
    throw new CliError('write-failed', `Không ghi được tệp "${out}" (${code}). Chưa ghi gì.`);
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(io, 'report', args, {
    level: { type: 'string' },
    chain: { type: 'string' },
    sheet: { type: 'string' },
    out: { type: 'string', short: 'o' },
    catalog: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return EXIT_FAILURE;
  const values = parsed.values as {
    level?: string;
    chain?: string;
    sheet?: string;
    out?: string;
    catalog?: string;
    help?: boolean;
  };
  const catalog = catalogOrReport(io, values.catalog);
  if (!catalog) return EXIT_FAILURE;
  if (values.help) {
    io.stdout(help(catalog));
    return EXIT_OK;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr('Sai cách dùng: cần đúng một tệp .xlsx. Xem: cds-check report --help\n');
    return EXIT_FAILURE;
  }
  const input = parsed.positionals[0];
  const explicit = values.out !== undefined;
  const out = values.out ?? defaultDocxOut(input);
  if (!/\.docx$/i.test(out)) {
    io.stderr(`Tệp kết quả "${out}" phải có đuôi .docx (báo cáo Word).\n`);
    return EXIT_FAILURE;
  }
  if (fs.existsSync(out)) {
    if (fs.statSync(out).isDirectory()) {
      io.stderr(`Không ghi được: "${out}" là một thư mục.\n`);
      return EXIT_FAILURE;
    }
    if (!explicit) {
      io.stderr(
        `Tệp kết quả "${out}" đã có (có thể từ lần chạy trước): không ghi đè. Để ghi đè, chỉ rõ --out "${out}".\n`,
      );
      return EXIT_FAILURE;
    }
    if (samePath(out, input)) {
      io.stderr('Tệp kết quả trùng với tệp phụ lục: hãy chọn tên khác cho --out.\n');
      return EXIT_FAILURE;
    }
  }
  let read: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    read = await readWorkbookFile(input);
  } catch (e) {
    if (!isCliError(e)) throw e;
    io.stderr(`${e.message}\n`);
    return EXIT_FAILURE;
  }
  const analysed = analyzeWorkbook(read.snapshot, catalog);
  const built = buildReport(read.snapshot, analysed, catalog, {
    level: values.level,
    chain: values.chain,
    sheet: values.sheet,
  });
  if (!built.ok) {
    io.stderr(`${built.message}\n`);
    return EXIT_FAILURE;
  }
  const doc = built.document;
  try {
    await writeBytes(out, await reportDocx(doc));
  } catch (e) {
    if (!isCliError(e)) throw e;
    io.stderr(`${e.message}${explicit ? '' : ' Hãy chỉ nơi ghi khác bằng --out.'}\n`);
    return EXIT_FAILURE;
  }
  const f = doc.facts;
  const lines = [
    `Soạn ${doc.formLabel} từ sheet "${f.sheet}"${f.commune ? ` (xã ${f.commune})` : ' (không đọc được tên xã từ dòng tiêu đề: để "…")'}: đã hoàn thành ${f.met}/${f.total} tiêu chí, tỷ lệ đạt ${percentVi(f.rate)} — Kết quả: ${f.result}.`,
  ];
  if (f.undetermined.length)
    lines.push(`  - Chưa xác định: ${f.undetermined.join(', ')} (bổ sung trước khi trình).`);
  if (f.differs.length) lines.push(`  - Cấp trên đánh giá khác cấp dưới: ${f.differs.join(', ')}.`);
  lines.push('  - Các chỗ "…" (tô vàng) là phần người soạn điền tiếp.');
  lines.push(`Đã ghi: ${out}`);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
