/**
 * The evidence folder (`cds-check validate --evidence DIR`). Hướng dẫn 2142/STTTT-CNTT: "tài liệu minh chứng đặt
 * theo số thứ tự các tiêu chí; lưu các tài liệu theo thư mục tên các tiêu chí". Each criterion
 * requiring evidence needs a folder named after its code ("1.4", "1.4. Danh sách CBCC",
 * "Tiêu chí 1.4") holding at least one file; a file named in the appendix's Tài liệu minh chứng
 * cell must be in the folder. The core sees only the listing (relative paths of the files).
 */
import type { Catalog } from '../catalog/types';
import { makeFinding, type Finding } from '../model/findings';
import { toA1 } from '../model/grid';
import type { CriterionRow, SheetReport } from '../model/report-types';
import { foldText } from '../model/text';

const FILE_EXT =
  'pdf|docx?|xlsx?|xlsm|pptx?|odt|ods|jpe?g|png|gif|tiff?|zip|rar|7z|txt|csv|mp4|mp3|xml';

/** "1.6\\BaoCao.pdf", "./1.6/BaoCao.pdf" → "1.6/baocao.pdf" (folded for comparison). */
export function normalisePath(p: string): string {
  return p
    .normalize('NFC')
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+/g, '/')
    .trim()
    .toLocaleLowerCase('vi');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when a folder name stands for the criterion: it starts with the code ("1.4",
 * "1.4. Danh sách CBCC", "1.4 - Thư điện tử", "Tiêu chí 1.4", "TC 1.4") and the code is not the
 * beginning of a longer one ("1.1" is not "1.10", nor "1.1.2").
 */
export function folderMatchesCode(folder: string, code: string): boolean {
  const f = foldText(folder);
  const re = new RegExp(
    `^(?:(?:tieu chi|chi tieu|tc)\\s*(?:so)?\\s*[:.-]?\\s*)?0*${escapeRe(code)}(?![0-9])(?![.,][0-9])`,
  );
  return re.test(f);
}

/** Whether some file lies in a folder (at any depth) named after the criterion. */
export function hasEvidenceFolder(listing: string[], code: string): boolean {
  return listing.some((p) => {
    const parts = p
      .replace(/\\/g, '/')
      .split('/')
      .filter((s) => s !== '' && s !== '.');
    return parts.slice(0, -1).some((dir) => folderMatchesCode(dir, code));
  });
}

/** File names (with their folder, when written) mentioned in an evidence text; web links excluded. */
export function fileReferences(text: string): { candidates: string[]; shown: string }[] {
  const clean = text.normalize('NFC').replace(/(https?:\/\/|www\.)\S+/gi, ' ');
  const re = new RegExp(`[^\\s"'“”()\\[\\],;]+\\.(?:${FILE_EXT})(?![A-Za-z0-9])`, 'gi');
  const out: { candidates: string[]; shown: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean))) {
    const token = m[0];
    const before = clean.slice(0, m.index);
    const segment = before.split(/[:;,()"“”\n]|\s[-–]\s/).pop() ?? '';
    const words = segment.split(/\s+/).filter((w) => w !== '');
    const candidates = [token];
    for (let i = words.length - 1; i >= 0 && words.length - i <= 8; i--) {
      candidates.push(`${words.slice(i).join(' ')} ${token}`);
    }
    out.push({ candidates, shown: candidates[candidates.length - 1] });
  }
  return out;
}

/** Whether a referenced file is in the listing (by path suffix when a folder is written, else by name). */
export function fileListed(listing: string[], ref: string): boolean {
  const r = normalisePath(ref);
  if (r === '') return false;
  const files = listing.map(normalisePath);
  if (r.includes('/')) return files.some((f) => f === r || f.endsWith(`/${r}`));
  return files.some((f) => f === r || f.endsWith(`/${r}`));
}

function hyperlinkPath(link: string | undefined): string | null {
  if (!link) return null;
  const l = link.trim();
  if (/^(https?:|mailto:|www\.)/i.test(l) || l.startsWith('#')) return null;
  const p = l.replace(/^file:\/+/i, '');
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function evidenceCell(sheet: SheetReport, row: CriterionRow | undefined): string {
  if (!row) return 'A1';
  const cols = sheet.layout?.columns ?? {};
  const col = cols.evidence ?? cols['result-commune'] ?? cols.name ?? 0;
  return toA1(row.row, col);
}

/**
 * Findings for an appendix against the evidence folder listing: evidence-folder-missing for each
 * criterion requiring evidence (catalog `evidenceRequired`) without a folder holding a file;
 * evidence-file-missing for a file named in the Tài liệu minh chứng cell that is not there.
 */
export function checkEvidenceFolders(
  listing: string[],
  appendix: SheetReport,
  catalog: Catalog,
): Finding[] {
  const out: Finding[] = [];
  const rows = appendix.rows;
  const codes = rows
    ? rows.map((r) => r.code)
    : catalog.criteria.filter((c) => c.evidenceRequired).map((c) => c.code);
  for (const code of codes) {
    const crit = catalog.criteria.find((c) => c.code === code);
    if (!crit) continue;
    const row = rows?.find((r) => r.code === code);
    const cell = evidenceCell(appendix, row);
    if (crit.evidenceRequired && !hasEvidenceFolder(listing, code)) {
      out.push(
        makeFinding(
          'evidence-folder-missing',
          appendix.name,
          cell,
          `Tiêu chí ${code}: không có thư mục minh chứng mang số tiêu chí ("${code}", "${code}. …") chứa ít nhất một tệp.`,
          code,
        ),
      );
    }
    if (!row) continue;
    const text = row.texts.evidence ?? '';
    const refs = fileReferences(text);
    const link = hyperlinkPath(row.cells.evidence?.hyperlink);
    if (link) refs.push({ candidates: [link], shown: link });
    for (const ref of refs) {
      if (ref.candidates.some((c) => fileListed(listing, c))) continue;
      out.push(
        makeFinding(
          'evidence-file-missing',
          appendix.name,
          cell,
          `Tiêu chí ${code}: tài liệu "${ref.shown}" ghi trong cột Tài liệu minh chứng không có trong thư mục minh chứng.`,
          code,
        ),
      );
    }
  }
  return out;
}

export { escapeRe };
