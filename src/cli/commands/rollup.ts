/**
 * `cds-check rollup PATH… [--out tong-hop.xlsx] [--json] [--catalog FILE] [--level xa|huyen|tinh]`
 * The province's roll-up of a folder of communes' files: each workbook is read, evaluated
 * exactly as `validate` does and reduced to its communes' rows before the next one is read
 * (never all held at once); then one table per commune, per criterion, the matrix and every
 * finding — printed, as JSON, and/or written as a workbook (its plan built by the core).
 * Exit 0: the roll-up was made (even when communes have errors); 2: usage, or nothing to roll up.
 */
import * as path from 'path';
import { percentVi } from '../../core/model/labels';
import {
  ROLLUP_LEVELS,
  baseName,
  buildRollup,
  planRollup,
  type RollupCommune,
  type RollupFile,
  type RollupLevel,
  type RollupModel,
} from '../../core/rollup';
import { applyPlanToExcelJS, newWorkbook } from '../../xlsx';
import { catalogOrReport, parseCommandArgs } from '../command-args';
import { EXIT_FAILURE, EXIT_OK, type CliIO } from '../command';
import { isCliError } from '../errors';
import { expandInputs } from '../files';
import { rollupFiles } from '../rollup-files';
import { outProblem, writeWorkbook } from './plan-io';

export const name = 'rollup';
export const summary = 'Tổng hợp phụ lục của nhiều xã thành một bảng (theo xã, theo tiêu chí)';

export const HELP = `Cách dùng: cds-check rollup [tùy chọn] ĐƯỜNG_DẪN…

Tổng hợp hồ sơ của các xã (mọi tệp .xlsx trong thư mục, kể cả thư mục con): mỗi tệp được
kiểm tra như "cds-check validate", lấy phụ lục của cấp đã chọn, rồi lập bảng tổng hợp:
số tiêu chí đạt của từng xã, tỷ lệ xã đạt của từng tiêu chí, ma trận xã × tiêu chí,
mọi lỗi, và các tệp không phải phụ lục hoặc không đọc được.

Tùy chọn:
  --out TỆP.xlsx     Ghi sổ tổng hợp (Tổng hợp, Theo tiêu chí, Ma trận, Lỗi, Tệp khác);
                     các số đếm là công thức trên sheet Ma trận: sửa một ô, mọi tổng đổi theo
  --json             In kết quả dạng JSON (cho phần mềm khác đọc)
  --level CẤP        xa (mặc định: PHỤ LỤC 01 của xã), huyen (PHỤ LỤC 02), tinh (PHỤ LỤC 03);
                     tệp chưa có phụ lục của cấp đó thì lấy phụ lục gần nhất có trong tệp
  --catalog TỆP      Dùng danh mục tiêu chí khác (tệp JSON), mặc định Thanh Hóa 2023
  -h, --help         Hiện hướng dẫn này

Mã thoát: 0 đã lập bảng tổng hợp (kể cả khi phụ lục của xã có lỗi); 2 sai cách dùng hoặc
không có phụ lục nào đọc được.

Ví dụ:
  cds-check rollup ho-so-cac-xa/
  cds-check rollup ho-so-cac-xa/ --out tong-hop.xlsx
  cds-check rollup --json --level tinh ho-so-cac-xa/ > tong-hop.json
`;

/** The `--json` shape (issue 12 §3; fields may be added, never renamed). */
export function rollupJson(model: RollupModel): unknown {
  return {
    level: model.level,
    catalog: model.catalog.id,
    communes: model.communes.map((c) => ({
      file: c.file,
      sheet: c.sheet,
      commune: c.commune,
      kind: c.kind,
      met: c.met,
      unmet: c.unmet,
      undetermined: c.undetermined,
      criteria: c.criteria,
      unmetCodes: c.unmetCodes,
      errors: c.errors,
      warnings: c.warnings,
      missingEvidence: c.missingEvidence,
      rate: c.rate,
      rank: c.rank,
      undeterminedCodes: c.undeterminedCodes,
      nameSource: c.nameSource,
      duplicates: c.duplicates,
      points: c.points,
      maxPoints: c.maxPoints,
      band: c.band ?? null,
    })),
    criteria: model.criteria.map((c) => ({
      code: c.code,
      met: c.met,
      unmet: c.unmet,
      undetermined: c.undetermined,
      total: c.total,
      name: c.name,
      rate: c.rate,
      missedBy: c.missedBy,
    })),
    files: model.files.map((f) => ({
      file: f.file,
      status: f.status,
      message: f.message,
      communes: f.communes,
    })),
    communesMeetingAll: model.communesMeetingAll,
    scored: model.scored,
  };
}

/** 273,5 (Vietnamese decimal comma) */
function pointsVi(n: number): string {
  return String(Math.round(n * 1000) / 1000).replace('.', ',');
}

function pad(s: string, n: number, right = false): string {
  const len = [...s.normalize('NFC')].length;
  const fill = ' '.repeat(Math.max(0, n - len));
  return right ? fill + s : s + fill;
}

const LEVEL_LABEL: Record<RollupLevel, string> = {
  xa: 'PHỤ LỤC 01 (xã tự đánh giá)',
  huyen: 'PHỤ LỤC 02 (huyện thẩm định)',
  tinh: 'PHỤ LỤC 03 (tỉnh thẩm tra)',
};

/** The text report: the Tổng hợp table, the per-criterion rates, the files left out. */
export function rollupText(model: RollupModel): string {
  const n = model.communes.length;
  const out: string[] = [];
  out.push(`Tổng hợp ${n} xã/phường — ${model.catalog.title}; ${LEVEL_LABEL[model.level]}`, '');
  const head = [
    'STT',
    'Xã/phường',
    'Đạt',
    'Tỷ lệ',
    'Chưa XĐ',
    'Lỗi',
    'C.báo',
    'Thiếu MC',
    ...(model.scored ? ['Điểm', 'Xếp loại'] : []),
    'Hạng',
    'Không đạt',
    'Tệp',
  ];
  const rows = model.communes.map((c, i) => [
    String(i + 1),
    c.commune + (c.duplicates.length ? ' (trùng)' : ''),
    `${c.met}/${c.criteria}`,
    percentVi(c.rate),
    String(c.undetermined),
    String(c.errors),
    String(c.warnings),
    String(c.missingEvidence),
    ...(model.scored
      ? [
          c.points === null ? '–' : `${pointsVi(c.points)}/${pointsVi(c.maxPoints ?? 0)}`,
          c.band ?? '–',
        ]
      : []),
    String(c.rank),
    c.unmetCodes.join(', ') || '–',
    baseName(c.file) +
      (model.communes.filter((o) => o.file === c.file).length > 1 ? ` › ${c.sheet}` : ''),
  ]);
  const widths = head.map((h, k) =>
    k >= head.length - 2 ? 0 : Math.max(h.length, ...rows.map((r) => [...r[k]].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, k) => (k >= cells.length - 2 ? c : pad(c, widths[k], k !== 1)))
      .join('  ')
      .trimEnd();
  out.push(line(head));
  for (const r of rows) out.push(line(r));
  if (model.scored) out.push('', 'Xếp hạng theo tổng điểm của bảng chấm điểm chỉ số DTI.');
  else
    out.push(
      '',
      `Số xã đạt tất cả ${model.criteria.length} tiêu chí: ${model.communesMeetingAll}/${n}`,
    );
  for (const c of model.communes.filter((x) => x.duplicates.length))
    out.push(`Trùng xã: ${c.commune} (${baseName(c.file)}) cũng có ở ${c.duplicates.join('; ')}`);
  if (model.criteria.length) out.push('', 'Theo tiêu chí (số xã đạt / tổng số xã):');
  for (const c of model.criteria) {
    const extra = [
      c.unmet ? `không đạt ${c.unmet}` : '',
      c.undetermined ? `chưa xác định ${c.undetermined}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    out.push(
      `  ${pad(c.code, 6)}${pad(`${c.met}/${c.total}`, 8, true)}${pad(percentVi(c.rate), 8, true)}` +
        (extra ? `  (${extra})` : ''),
    );
  }
  const others = model.files.filter((f) => f.status !== 'ok');
  if (others.length) {
    out.push('', 'Tệp khác:');
    for (const f of others)
      out.push(
        `  ${f.file}: ${f.status === 'unreadable' ? 'không đọc được' : 'không phải phụ lục'} — ${f.message}`,
      );
  }
  return out.join('\n') + '\n';
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(io, 'rollup', args, {
    out: { type: 'string' },
    json: { type: 'boolean' },
    catalog: { type: 'string' },
    level: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return EXIT_FAILURE;
  const values = parsed.values as {
    out?: string;
    json?: boolean;
    catalog?: string;
    level?: string;
    help?: boolean;
  };
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (parsed.positionals.length === 0) {
    io.stderr(
      'Sai cách dùng: cần ít nhất một tệp .xlsx hoặc thư mục. Xem: cds-check rollup --help\n',
    );
    return EXIT_FAILURE;
  }
  const level = (values.level ?? 'xa') as RollupLevel;
  if (!ROLLUP_LEVELS.includes(level)) {
    io.stderr(
      `Sai cách dùng: --level phải là xa, huyen hoặc tinh (không phải "${values.level}"). Xem: cds-check rollup --help\n`,
    );
    return EXIT_FAILURE;
  }
  if (values.out !== undefined) {
    const problem = outProblem({ path: values.out, explicit: true });
    if (problem) {
      io.stderr(`${problem.message}\n`);
      return EXIT_FAILURE;
    }
  }
  const catalog = catalogOrReport(io, values.catalog);
  if (!catalog) return EXIT_FAILURE;
  let inputs: { file: string }[];
  try {
    inputs = expandInputs(parsed.positionals);
  } catch (e) {
    if (!isCliError(e)) throw e;
    io.stderr(`${e.message}\n`);
    return EXIT_FAILURE;
  }

  const progress = inputs.length > 1 && io.stderrIsTTY;
  const parts = await rollupFiles({
    files: inputs.map((x) => x.file),
    catalogFile: values.catalog,
    catalog,
    level,
    onDone: (i, done) => {
      if (progress)
        io.stderr(`\r\x1b[K[${done}/${inputs.length}] ${path.basename(inputs[i].file)}`);
    },
  });
  if (progress) io.stderr('\r\x1b[K');
  const communes: RollupCommune[] = [];
  const files: RollupFile[] = [];
  for (const part of parts) {
    if (part.file.status === 'unreadable') io.stderr(`${part.file.message}\n`);
    communes.push(...part.communes);
    files.push(part.file);
  }
  if (communes.length === 0) {
    io.stderr(
      `Không có phụ lục nào để tổng hợp: ${files.length} tệp, ${files.filter((f) => f.status === 'unreadable').length} không đọc được, ${files.filter((f) => f.status === 'no-appendix').length} không phải phụ lục.\n`,
    );
    return EXIT_FAILURE;
  }
  const model = buildRollup(communes, files, catalog, level);
  if (values.out !== undefined) {
    try {
      const plan = planRollup(model);
      const wb = newWorkbook();
      applyPlanToExcelJS(wb, plan);
      await writeWorkbook(wb, values.out);
    } catch (e) {
      if (!isCliError(e)) throw e;
      io.stderr(`${e.message}\n`);
      return EXIT_FAILURE;
    }
  }
  if (values.json) io.stdout(JSON.stringify(rollupJson(model), null, 2) + '\n');
  else io.stdout(rollupText(model));
  if (values.out !== undefined) (values.json ? io.stderr : io.stdout)(`Đã ghi: ${values.out}\n`);
  return EXIT_OK;
}
