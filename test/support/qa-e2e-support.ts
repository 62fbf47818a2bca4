/**
 * E2E-QA support for the write commands: the official's workbooks written to a folder, the real
 * `node bin/cds-check.js` run on them, `validate --json` read back, LibreOffice headless
 * recalculation (a profile that recalculates OOXML on load), and file fingerprints to prove
 * that an input was not touched and that no output appeared.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CliResult } from './fixtures/cli-run';

export { ensureCliBuilt, runCli, ROOT } from './fixtures/cli-run';

export const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** `describe` when LibreOffice is installed (always in CI, where its absence fails). */
export const withSoffice = hasSoffice || process.env.CI ? describe : describe.skip;

export interface JsonFinding {
  rule: string;
  severity: string;
  cell: string;
  criterion?: string;
  message: string;
}
export interface JsonSheet {
  name: string;
  kind: string;
  criteria: { code: string; row: number; verdict: string; value: unknown; target: unknown }[];
  summary: { criteria: number; met: number; unmet: number; undetermined: number };
  findings: JsonFinding[];
}
export interface JsonFile {
  file: string;
  error: { code: string; message: string } | null;
  sheets: JsonSheet[];
}

/**
 * `cds-check …` in this process (the code bin/cds-check.js runs, without starting node):
 * used to read results back (validate --json), the commands under test run as processes.
 */
export async function inProcess(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
  });
  return { status, stdout, stderr };
}

/** `cds-check validate --json FILE` → the file's report. */
export async function validateJson(file: string): Promise<JsonFile> {
  const r = await inProcess(['validate', '--json', file]);
  if (r.status === 2 && !r.stdout) throw new Error(`validate failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { files: JsonFile[] }).files[0];
}

export function sheetNamed(f: JsonFile, name: string): JsonSheet {
  const s = f.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet "${name}" in ${f.file}: ${f.sheets.map((x) => x.name)}`);
  return s;
}

/** code → verdict of a sheet. */
export function verdictsOf(s: JsonSheet): Record<string, string> {
  return Object.fromEntries(s.criteria.map((c) => [c.code, c.verdict]));
}

/** Bytes and modification time of a file, to prove it was not touched. */
export interface Fingerprint {
  bytes: Buffer;
  mtimeMs: number;
}
export function fingerprint(file: string): Fingerprint {
  return { bytes: fs.readFileSync(file), mtimeMs: fs.statSync(file).mtimeMs };
}
export function unchanged(file: string, before: Fingerprint): boolean {
  const now = fingerprint(file);
  return now.bytes.equals(before.bytes) && now.mtimeMs === before.mtimeMs;
}

/** Every file under `dir` (relative paths, sorted), to prove that nothing new appeared. */
export function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i;

/** stderr is exactly one Vietnamese line, with no stack trace or JavaScript error text. */
export function expectOneVietnameseLine(r: CliResult): void {
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(VIETNAMESE_LETTER);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|TypeError|undefined|\[object|Lỗi nội bộ/);
}

/**
 * Recalculate `files` with LibreOffice headless (a private profile that recalculates every
 * formula of an OOXML file on load) into `outDir`; returns the converted paths, same names.
 */
export function recalcWithLibreOffice(
  files: string[],
  outDir: string,
  profileDir: string,
): string[] {
  fs.mkdirSync(path.join(profileDir, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profileDir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profileDir}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      outDir,
      ...files,
    ],
    { stdio: 'ignore', timeout: 240_000 },
  );
  return files.map((f) => {
    const out = path.join(outDir, path.basename(f));
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${f}`);
    return out;
  });
}

/**
 * Overwrite every cached formula result of `file` with a wrong value ("SAI" / -1), so that only
 * a real recalculation can show the right verdicts.
 */
export async function poisonCaches(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; result?: unknown } | null;
        if (v && typeof v === 'object' && typeof v.formula === 'string')
          cell.value = {
            formula: v.formula,
            result: typeof v.result === 'number' ? -1 : 'SAI',
          } as ExcelJS.CellFormulaValue;
      }),
    );
  await wb.xlsx.writeFile(file);
}

/** The 1-based row of `code` in column `col` (1-based) of a sheet, and the sheet itself. */
export function rowOfCode(ws: ExcelJS.Worksheet, code: string, col = 1): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (!found && String(row.getCell(col).value ?? '').trim() === code) found = r;
  });
  if (!found) throw new Error(`no row ${code} on "${ws.name}"`);
  return found;
}

/** The 1-based column whose header cell (any row above the data) reads `header`. */
export function columnOfHeader(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.eachRow((row) =>
    row.eachCell((cell, c) => {
      if (!found && typeof cell.value === 'string' && cell.value.trim() === header) found = c;
    }),
  );
  if (!found) throw new Error(`no column "${header}" on "${ws.name}"`);
  return found;
}
