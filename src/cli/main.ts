/**
 * `cds-check`: the command dispatcher. `bin/cds-check.js` calls `run()`. Only the chosen
 * command's module is loaded, so `cds-check validate` pays for ExcelJS and the core only.
 */
import { COMMANDS } from './commands';
import { EXIT_FAILURE, EXIT_OK, processIO, type CliIO } from './command';
import { isCliError } from './errors';

const VERSION = '0.1.0';

async function helpText(): Promise<string> {
  const lines = [
    'cds-check — kiểm tra tiêu chí chuyển đổi số cấp xã (PHỤ LỤC 01/02/03, biểu mẫu minh chứng)',
    '',
    'Cách dùng: cds-check <lệnh> [tùy chọn] …',
    '',
    'Các lệnh:',
  ];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const cmd = await load();
    lines.push(`  ${name.padEnd(10)} ${cmd.summary}`);
  }
  lines.push(
    '',
    'Tùy chọn chung: -h, --help (hướng dẫn); -v, --version (phiên bản)',
    'Xem hướng dẫn của từng lệnh: cds-check <lệnh> --help',
    '',
    'Mã thoát: 0 thành công; 1 validate tìm thấy lỗi trong phụ lục; 2 không đọc/ghi được tệp,',
    'không có gì để làm (fill, appraise) hoặc sai cách dùng. Mỗi lỗi là một dòng tiếng Việt.',
    '',
    'Ví dụ:',
    '  cds-check validate xa-hoang-kim.xlsx',
    '  cds-check fill xa-hoang-kim.xlsx',
    '  cds-check appraise xa-hoang-kim.xlsx --level huyen',
    '  cds-check template phu-luc-01 --out phu-luc-01-trong.xlsx',
    '  cds-check report xa-hoang-kim.xlsx --out bao-cao.docx',
    '',
  );
  return lines.join('\n');
}

/** Run `cds-check` with `argv` (the arguments after the program name). */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [first, ...rest] = argv;
  // "cds-check help fill" = "cds-check fill --help"
  if (first === 'help' && rest.length > 0) return main([rest[0], '--help'], io);
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const text = await helpText();
    if (first === undefined) {
      io.stderr(text);
      return EXIT_FAILURE;
    }
    io.stdout(text);
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const load = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!load) {
    io.stderr(
      `Không có lệnh "${first}". Các lệnh: ${Object.keys(COMMANDS).join(', ')}. Xem: cds-check --help\n`,
    );
    return EXIT_FAILURE;
  }
  const cmd = await load();
  return cmd.run(rest, io);
}

/** Entry point for bin/cds-check.js: never prints a stack trace. */
export function run(argv: string[] = process.argv.slice(2)): void {
  // `cds-check … | head`: the reader went away; stop quietly instead of an EPIPE stack trace
  const onPipeError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE')
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    process.stderr.write(`Lỗi ghi kết quả: ${firstLine(e.message)}\n`);
    process.exit(EXIT_FAILURE);
  };
  process.stdout.on('error', onPipeError);
  process.stderr.on('error', () => process.exit(EXIT_FAILURE));
  process.on('uncaughtException', (e) => {
    process.stderr.write(`Lỗi nội bộ: ${firstLine(e?.message ?? String(e))}\n`);
    process.exit(EXIT_FAILURE);
  });
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const msg = isCliError(e)
        ? e.message
        : `Lỗi nội bộ: ${firstLine((e as Error)?.message ?? String(e))}`;
      process.stderr.write(`${msg}\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}

if (require.main === module) run();

function firstLine(s: string): string {
  return s.split('\n')[0];
}
