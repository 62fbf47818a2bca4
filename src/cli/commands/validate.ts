/**
 * `cds-check validate [--json] [--catalog FILE] [--evidence DIR] [--no-fail] PATH…`
 * Reads each workbook, analyses every sheet with the core and prints a Vietnamese report
 * (or the JSON of issue 3 §6). Exit 0: no error finding; 1: some; 2: unreadable file or usage.
 */
import * as path from 'path';
import { analyzeWorkbook, type AnalyzeOptions } from '../../core/analyze';
import type { Catalog } from '../../core/catalog/types';
import type { SheetReport } from '../../core/model/report-types';
import { catalogFromFile } from '../catalog-file';
import { parseCommandArgs } from '../command-args';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, type CliIO } from '../command';
import { CliError, isCliError } from '../errors';
import { evidenceListing, expandInputs } from '../files';
import { readWorkbookFile } from '../read-file';
import { jsonSheet, type JsonFileReport, type JsonReport } from '../report-json';
import { fileText, totalsText } from '../report-text';

export const name = 'validate';
export const summary = 'Kiểm tra phụ lục 01/02/03 và biểu mẫu minh chứng trong các tệp .xlsx';

export const HELP = `Cách dùng: cds-check validate [tùy chọn] ĐƯỜNG_DẪN…

Kiểm tra các tệp .xlsx (hoặc mọi tệp .xlsx trong thư mục, kể cả thư mục con):
nhận dạng PHỤ LỤC 01/02/03 và các biểu mẫu minh chứng, đối chiếu 37 tiêu chí với
danh mục, báo lỗi theo từng ô.

Tùy chọn:
  --json             In kết quả dạng JSON (cho phần mềm khác đọc)
  --catalog TỆP      Dùng danh mục tiêu chí khác (tệp JSON), mặc định Thanh Hóa 2023
  --evidence THƯ_MỤC Đối chiếu thư mục tài liệu minh chứng (mỗi tiêu chí một thư mục con)
  --no-fail          Trả mã 0 cả khi có lỗi trong phụ lục (vẫn trả 2 khi không đọc được tệp)
  -h, --help         Hiện hướng dẫn này

Mã thoát: 0 không có lỗi; 1 có lỗi trong phụ lục; 2 không đọc được tệp hoặc sai cách dùng.

Ví dụ:
  cds-check validate xa-hoang-kim.xlsx
  cds-check validate --json ho-so-cac-xa/ > ket-qua.json
  cds-check validate --catalog danh-muc-2024.json xa-a.xlsx
`;

interface FileOutcome {
  report: JsonFileReport;
  sheets: SheetReport[];
}

async function validateFile(
  file: string,
  catalog: Catalog,
  opts: AnalyzeOptions,
): Promise<FileOutcome> {
  try {
    const { snapshot } = await readWorkbookFile(file);
    const report = analyzeWorkbook(snapshot, catalog, opts);
    return {
      report: { file, error: null, sheets: report.sheets.map(jsonSheet) },
      sheets: report.sheets,
    };
  } catch (e) {
    const err = isCliError(e)
      ? e
      : new CliError(
          'internal',
          `Lỗi nội bộ khi kiểm tra tệp "${path.basename(file)}": ${String((e as Error)?.message ?? e).split('\n')[0]}`,
        );
    return {
      report: { file, error: { code: err.code, message: err.message }, sheets: [] },
      sheets: [],
    };
  }
}

function hasErrorFinding(sheets: SheetReport[]): boolean {
  return sheets.some((s) => s.findings.some((f) => f.severity === 'error'));
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(io, 'validate', args, {
    json: { type: 'boolean' },
    catalog: { type: 'string' },
    evidence: { type: 'string' },
    'no-fail': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return EXIT_FAILURE;
  const values = parsed.values as {
    json?: boolean;
    catalog?: string;
    evidence?: string;
    'no-fail'?: boolean;
    help?: boolean;
  };
  const { positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    io.stderr(
      'Sai cách dùng: cần ít nhất một tệp .xlsx hoặc thư mục. Xem: cds-check validate --help\n',
    );
    return EXIT_FAILURE;
  }

  let catalog: Catalog;
  let inputs: { file: string }[];
  const opts: AnalyzeOptions = {};
  try {
    catalog = catalogFromFile(values.catalog);
    if (values.evidence !== undefined) opts.evidenceListing = evidenceListing(values.evidence);
    inputs = expandInputs(positionals);
  } catch (e) {
    if (!isCliError(e)) throw e;
    io.stderr(`${e.message}\n`);
    return EXIT_FAILURE;
  }

  const progress = inputs.length > 1 && io.stderrIsTTY;
  const json: JsonReport = { files: [] };
  let unreadable = 0;
  let withErrors = 0;
  for (let i = 0; i < inputs.length; i++) {
    const { file } = inputs[i];
    if (progress) io.stderr(`\r\x1b[K[${i + 1}/${inputs.length}] ${path.basename(file)}`);
    const outcome = await validateFile(file, catalog, opts);
    if (progress) io.stderr('\r\x1b[K');
    json.files.push(outcome.report);
    if (outcome.report.error) {
      unreadable++;
      io.stderr(`${outcome.report.error.message}\n`);
    } else if (hasErrorFinding(outcome.sheets)) {
      withErrors++;
    }
    if (!values.json) {
      io.stdout((i > 0 ? '\n' : '') + fileText(file, outcome.report.error, outcome.sheets));
    }
  }
  if (values.json) {
    io.stdout(JSON.stringify(json, null, 2) + '\n');
  } else if (inputs.length > 1) {
    io.stdout(
      '\n' +
        totalsText({
          files: inputs.length,
          unreadable,
          withErrors,
          clean: inputs.length - unreadable - withErrors,
        }),
    );
  }
  if (unreadable > 0) return EXIT_FAILURE;
  if (withErrors > 0 && !values['no-fail']) return EXIT_FINDINGS;
  return EXIT_OK;
}
