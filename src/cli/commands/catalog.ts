/**
 * `cds-check catalog import BẢNG.xlsx [--sheet TÊN] [--id MÃ] [--province TỈNH] [--year NĂM]
 *  --out DANH_MỤC.json` — a province's criteria table (Excel) → a catalog JSON file, every row
 * not read and every guess said in Vietnamese.
 * `cds-check catalog export DANH_MỤC.json|MÃ --out BẢNG.xlsx` — a catalog back as such a table.
 * The core reads the grid (src/core/catalog/table-import.ts) and plans the table
 * (table-export.ts); this module only reads and writes files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { bundledCatalog, catalogIds } from '../../core/catalog';
import type { Catalog } from '../../core/catalog/types';
import {
  importCriteriaTable,
  type ImportNote,
  type TableImport,
} from '../../core/catalog/table-import';
import { planCatalogTable } from '../../core/catalog/table-export';
import { catalogFromFile } from '../catalog-file';
import { parseCommandArgs } from '../command-args';
import { EXIT_FAILURE, EXIT_OK, type CliIO } from '../command';
import { isCliError } from '../errors';
import { readWorkbookFile } from '../read-file';
import { newWorkbook } from '../../xlsx';
import { applyAndWrite } from './plan-io';

export const name = 'catalog';
export const summary =
  'Nhập bộ tiêu chí của tỉnh từ bảng Excel (import) hoặc xuất ra bảng (export)';

export const HELP = `Cách dùng:
  cds-check catalog import BẢNG.xlsx --out DANH_MỤC.json [--sheet TÊN] [--id MÃ]
                                     [--province TỈNH] [--year NĂM]
  cds-check catalog export DANH_MỤC.json --out BẢNG.xlsx

import: đọc bảng tiêu chí như cán bộ đã gõ (dòng tiêu đề, dòng nhóm "I. …", STT hoặc mã 1.1,
  Tên chỉ tiêu, Đơn vị tính, Chỉ tiêu năm … như "100%", "trên 90%" (phải vượt 90%), "Có", "3",
  "Đáp ứng", có thể có Tài liệu minh chứng, Điểm tối đa) và ghi danh mục tiêu chí JSON dùng được
  ngay với "cds-check validate --catalog". Mỗi dòng không đọc được và mỗi chỗ phải đoán đều được
  báo (kiểm tra lại trước khi dùng).
export: ghi một danh mục (tệp JSON hoặc mã danh mục có sẵn: ${catalogIds().join(', ')})
  thành bảng Excel như trên, để sửa rồi nhập lại.

Tùy chọn:
  --out TỆP        Tệp ghi ra (bắt buộc)
  --sheet TÊN      Trang tính chứa bảng (mặc định: trang đầu tiên có bảng tiêu chí)
  --id MÃ          Mã danh mục, chữ thường không dấu và gạch ngang (mặc định: theo tên tệp --out)
  --province TỈNH  Tên tỉnh (mặc định: đọc từ tiêu đề bảng)
  --year NĂM       Năm áp dụng (mặc định: năm ghi trong bảng)
  -h, --help       Hiện hướng dẫn này

Mã thoát: 0 đã ghi tệp; 2 không đọc được bảng/tệp hoặc sai cách dùng.

Ví dụ:
  cds-check catalog import chi-tieu-2025.xlsx --out bac-ninh-2025.json
  cds-check validate --catalog bac-ninh-2025.json xa-a.xlsx
  cds-check catalog export thanh-hoa-2023 --out bo-tieu-chi.xlsx
`;

function noteLine(n: ImportNote): string {
  const where = n.row !== null ? `Dòng ${n.row}: ` : '';
  const tag = n.kind === 'skipped' ? 'Bỏ qua' : 'Đã đoán';
  return `  ${tag.padEnd(8)} ${where}${n.message}\n`;
}

function idFromOut(out: string): string {
  return path
    .basename(out, path.extname(out))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

async function runImport(
  io: CliIO,
  file: string,
  values: { out?: string; sheet?: string; id?: string; province?: string; year?: string },
): Promise<number> {
  if (!values.out) {
    io.stderr('Sai cách dùng: cần --out DANH_MỤC.json. Xem: cds-check catalog --help\n');
    return EXIT_FAILURE;
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      io.stderr(`Sai cách dùng: --year "${values.year}" không phải một năm (ví dụ 2025).\n`);
      return EXIT_FAILURE;
    }
  }
  let snapshot;
  try {
    snapshot = (await readWorkbookFile(file)).snapshot;
  } catch (e) {
    if (!isCliError(e)) throw e;
    io.stderr(`${e.message}\n`);
    return EXIT_FAILURE;
  }
  const sheets = values.sheet
    ? snapshot.sheets.filter(
        (s) => s.name.trim().toLowerCase() === values.sheet!.trim().toLowerCase(),
      )
    : snapshot.sheets;
  if (sheets.length === 0) {
    io.stderr(
      `Tệp "${path.basename(file)}" không có trang tính "${values.sheet}". Các trang: ${snapshot.sheets
        .map((s) => `"${s.name}"`)
        .join(', ')}.\n`,
    );
    return EXIT_FAILURE;
  }
  const opts = {
    id: values.id ?? (idFromOut(values.out) || undefined),
    ...(values.province ? { province: values.province } : {}),
    ...(year !== undefined ? { year } : {}),
  };
  let result: TableImport | null = null;
  let sheetName = sheets[0].name;
  for (const s of sheets) {
    const r = importCriteriaTable(s, opts);
    if (r.catalog || !result) {
      result = r;
      sheetName = s.name;
    }
    if (r.catalog) break;
  }
  const res = result!;
  io.stdout(`Bảng tiêu chí: "${path.basename(file)}", trang "${sheetName}"\n`);
  for (const n of res.notes) io.stdout(noteLine(n));
  if (!res.catalog || !res.json) {
    io.stderr(`Không lập được danh mục tiêu chí từ "${path.basename(file)}". Chưa ghi tệp.\n`);
    return EXIT_FAILURE;
  }
  if (path.resolve(values.out) === path.resolve(file)) {
    io.stderr('--out trùng với tệp bảng: hãy ghi ra một tệp .json khác. Chưa ghi tệp.\n');
    return EXIT_FAILURE;
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    fs.writeFileSync(values.out, JSON.stringify(res.json, null, 2) + '\n', 'utf8');
  } catch (e) {
    io.stderr(
      `Không ghi được tệp "${values.out}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Chưa ghi gì.\n`,
    );
    return EXIT_FAILURE;
  }
  const cat = res.catalog;
  const skipped = res.notes.filter((n) => n.kind === 'skipped').length;
  const guessed = res.notes.filter((n) => n.kind === 'guess').length;
  io.stdout(
    `Đã ghi danh mục "${cat.id}": ${cat.groups.length} nhóm, ${cat.criteria.length} chỉ tiêu` +
      (cat.scoring ? `, tổng ${cat.scoring.total} điểm` : '') +
      ` → ${values.out}\n` +
      (skipped || guessed
        ? `Cần xem lại: ${skipped} dòng bỏ qua, ${guessed} chỗ đã đoán (ghi cả trong trường "notes" của tệp).\n`
        : '') +
      `Dùng: cds-check validate --catalog ${values.out} TỆP.xlsx\n`,
  );
  return EXIT_OK;
}

async function runExport(io: CliIO, source: string, out: string | undefined): Promise<number> {
  if (!out) {
    io.stderr('Sai cách dùng: cần --out BẢNG.xlsx. Xem: cds-check catalog --help\n');
    return EXIT_FAILURE;
  }
  let cat: Catalog;
  try {
    cat =
      !fs.existsSync(source) && catalogIds().includes(source)
        ? bundledCatalog(source)
        : catalogFromFile(source);
  } catch (e) {
    if (!isCliError(e)) throw e;
    io.stderr(`${e.message}\n`);
    return EXIT_FAILURE;
  }
  if (fs.existsSync(out)) {
    io.stderr(`Tệp "${out}" đã có: hãy chọn tên khác (không ghi đè). Chưa ghi tệp.\n`);
    return EXIT_FAILURE;
  }
  return applyAndWrite(io, newWorkbook(), planCatalogTable(cat), out);
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(io, 'catalog', args, {
    out: { type: 'string', short: 'o' },
    sheet: { type: 'string' },
    id: { type: 'string' },
    province: { type: 'string' },
    year: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return EXIT_FAILURE;
  const values = parsed.values as {
    out?: string;
    sheet?: string;
    id?: string;
    province?: string;
    year?: string;
    help?: boolean;
  };
  const [action, file, ...extra] = parsed.positionals;
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if ((action !== 'import' && action !== 'export') || file === undefined || extra.length > 0) {
    io.stderr(
      'Sai cách dùng: cds-check catalog import BẢNG.xlsx --out DANH_MỤC.json | cds-check catalog export DANH_MỤC.json --out BẢNG.xlsx. Xem: cds-check catalog --help\n',
    );
    return EXIT_FAILURE;
  }
  return action === 'import' ? runImport(io, file, values) : runExport(io, file, values.out);
}
