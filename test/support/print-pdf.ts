/**
 * Print a workbook or a Word document the way a user sees it: LibreOffice headless converts it
 * to PDF (each call with its own -env:UserInstallation profile, so parallel runs never share
 * one), then pdfinfo / pdftotext read the pages back.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const havePrintTools =
  spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 &&
  spawnSync('pdfinfo', ['-v'], { encoding: 'utf8' }).status === 0;

let profiles = 0;

/** `file` (.xlsx, .docx) → its PDF, next to a copy in a fresh temporary folder. */
export function printToPdf(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-print-'));
  const profile = path.join(os.tmpdir(), `lo-cds-print-${process.pid}-${profiles++}`);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  const pdf = path.join(dir, path.basename(file).replace(/\.[^.]+$/, '.pdf'));
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not print ${file}`);
  return pdf;
}

export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

/** Pages of a PDF: size in points and text (pdftotext -layout). */
export function pdfPages(pdf: string): PdfPage[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return sizes.map((s, i) => ({
    ...s,
    text: execFileSync(
      'pdftotext',
      ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'],
      { encoding: 'utf8' },
    ),
  }));
}

/** The fonts a PDF embeds (pdffonts), e.g. "TimesNewRoman" / "LiberationSerif". */
export function pdfFonts(pdf: string): string {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
}

export interface PdfWord {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word of a PDF with its box (pdftotext -bbox), page by page. */
export function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const out: PdfWord[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (/<page /.test(line)) page++;
    const m =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      );
    if (!m) continue;
    const text = m[5]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    out.push({ page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text });
  }
  return out;
}
