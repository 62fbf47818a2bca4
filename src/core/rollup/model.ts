/**
 * The province's roll-up (Tổng hợp): from each workbook's report — exactly as `validate`
 * evaluates it (analyzeWorkbook) — the appendix of the chosen level for each commune, then
 * one table per commune, per criterion and the communes × criteria matrix. Pure data; the
 * sheets are built from it by rollup/sheets.ts, the CLI prints and writes it.
 */
import { analyzeWorkbook } from '../analyze';
import type { Catalog } from '../catalog/types';
import type { Finding } from '../model/findings';
import type { SheetGrid, WorkbookSnapshot } from '../model/grid';
import type { SheetKind, SheetReport, Verdict, WorkbookReport } from '../model/report-types';
import { foldText } from '../model/text';
import { communeNameOf, type CommuneNameSource } from './commune-name';

/** `--level`: whose appendix is rolled up. */
export type RollupLevel = 'xa' | 'huyen' | 'tinh';
export type AppendixKind = 'phu-luc-01' | 'phu-luc-02' | 'phu-luc-03';

export const ROLLUP_LEVELS: RollupLevel[] = ['xa', 'huyen', 'tinh'];

/**
 * The appendix kinds taken for a level, preferred first: the level's own appendix, else the
 * nearest one present (a province rolling up PHỤ LỤC 03 takes a commune's PHỤ LỤC 02 when
 * no 03 was made yet). The kind taken is reported per commune.
 */
export const LEVEL_KINDS: Record<RollupLevel, AppendixKind[]> = {
  xa: ['phu-luc-01', 'phu-luc-02', 'phu-luc-03'],
  huyen: ['phu-luc-02', 'phu-luc-01', 'phu-luc-03'],
  tinh: ['phu-luc-03', 'phu-luc-02', 'phu-luc-01'],
};

export interface RollupCommune {
  /** The file as given (path or name) */
  file: string;
  sheet: string;
  /** "Hoàng Kim" */
  commune: string;
  nameSource: CommuneNameSource;
  /** The appendix taken, or 'dti' for a point-scored DTI sheet (a scored roll-up). */
  kind: AppendixKind | 'dti';
  criteria: number;
  met: number;
  unmet: number;
  undetermined: number;
  /** met / criteria (0 when no criterion) */
  rate: number;
  unmetCodes: string[];
  undeterminedCodes: string[];
  /** One verdict per catalog criterion, in catalog order (the matrix row). */
  verdicts: Verdict[];
  errors: number;
  warnings: number;
  /** Findings `missing-evidence` */
  missingEvidence: number;
  /** Every finding of the commune: its appendix and, when the file holds one commune, its forms. */
  findings: Finding[];
  /**
   * 1 = best rate (in a scored roll-up: most points); equal rates (points) share a rank
   * (as Excel's RANK).
   */
  rank: number;
  /** A DTI sheet's points: its total as typed, else the sum of its items (null: not scored). */
  points: number | null;
  /** Its Điểm tối đa (null: not scored) */
  maxPoints: number | null;
  /** Its rating band where the set defines bands */
  band?: string;
  /** Other entries ("file › sheet") read as the same commune; empty when none. */
  duplicates: string[];
}

export type RollupFileStatus = 'ok' | 'no-appendix' | 'unreadable';

export interface RollupFile {
  file: string;
  status: RollupFileStatus;
  /** Vietnamese one-line reason (null when ok) */
  message: string | null;
  /** Communes read from the file */
  communes: number;
}

export interface RollupCriterion {
  code: string;
  name: string;
  met: number;
  unmet: number;
  undetermined: number;
  total: number;
  rate: number;
  /** Communes that did not meet it (unmet), in the roll-up's order */
  missedBy: string[];
}

export interface RollupModel {
  level: RollupLevel;
  catalog: { id: string; title: string };
  /** Communes sorted by rate (best first), then name. */
  communes: RollupCommune[];
  criteria: RollupCriterion[];
  files: RollupFile[];
  /** Communes meeting every criterion */
  communesMeetingAll: number;
  /** Units ranked by the points of their DTI sheets (a scored set, or DTI sheets only). */
  scored: boolean;
}

function isAppendix(kind: SheetKind): kind is AppendixKind {
  return kind === 'phu-luc-01' || kind === 'phu-luc-02' || kind === 'phu-luc-03';
}

/** The appendix sheets a level takes from one workbook (all sheets of the first kind present). */
export function appendixSheetsForLevel(report: WorkbookReport, level: RollupLevel): SheetReport[] {
  for (const kind of LEVEL_KINDS[level]) {
    const sheets = report.sheets.filter((s) => s.kind === kind);
    if (sheets.length) return sheets;
  }
  return [];
}

function communeOf(
  file: string,
  grid: SheetGrid,
  sheet: SheetReport,
  findings: Finding[],
  catalog: Catalog,
  opts: { sheetNameIsCommune: boolean },
): RollupCommune {
  const { name, source } = communeNameOf(grid, sheet.layout?.headerRow, file, opts);
  const byCode = new Map(sheet.criteria.map((c) => [c.code, c.verdict]));
  const verdicts = catalog.criteria.map((c) => byCode.get(c.code) ?? 'undetermined');
  const codes = (v: Verdict) =>
    catalog.criteria.filter((_, i) => verdicts[i] === v).map((c) => c.code);
  const { criteria, met, unmet, undetermined } = sheet.summary;
  return {
    file,
    sheet: sheet.name,
    commune: name,
    nameSource: source,
    kind: sheet.kind as AppendixKind,
    criteria,
    met,
    unmet,
    undetermined,
    rate: criteria > 0 ? met / criteria : 0,
    unmetCodes: codes('unmet'),
    undeterminedCodes: codes('undetermined'),
    verdicts,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    missingEvidence: findings.filter((f) => f.rule === 'missing-evidence').length,
    findings,
    rank: 0,
    duplicates: [],
    points: null,
    maxPoints: null,
  };
}

/** A unit from its point-scored DTI sheet (no criteria verdicts: the points rank it). */
function scoredUnitOf(
  file: string,
  grid: SheetGrid,
  sheet: SheetReport,
  opts: { sheetNameIsCommune: boolean },
): RollupCommune {
  const { name, source } = communeNameOf(grid, sheet.layout?.headerRow, file, opts);
  const findings = sheet.findings;
  const p = sheet.points;
  return {
    file,
    sheet: sheet.name,
    commune: name,
    nameSource: source,
    kind: 'dti',
    criteria: 0,
    met: 0,
    unmet: 0,
    undetermined: 0,
    rate: 0,
    unmetCodes: [],
    undeterminedCodes: [],
    verdicts: [],
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    missingEvidence: findings.filter((f) => f.rule === 'missing-evidence').length,
    findings,
    rank: 0,
    duplicates: [],
    points: p ? (p.total ?? p.computed) : null,
    maxPoints: p ? p.max : null,
    ...(p?.band ? { band: p.band } : {}),
  };
}

export const NO_SCORING_SHEET_MESSAGE =
  'Không có bảng chấm điểm chỉ số chuyển đổi số (DTI) nào trong tệp.';

export const NO_APPENDIX_MESSAGE: Record<RollupLevel, string> = {
  xa: 'Không có PHỤ LỤC 01/02/03 (không phải phụ lục tiêu chí chuyển đổi số).',
  huyen: 'Không có PHỤ LỤC 02/01/03 (không phải phụ lục tiêu chí chuyển đổi số).',
  tinh: 'Không có PHỤ LỤC 03/02/01 (không phải phụ lục tiêu chí chuyển đổi số).',
};

/**
 * One workbook's part of the roll-up: a commune per appendix sheet of the level (a workbook
 * holding several communes, one per sheet, gives several), or why it gives none. `report`
 * is `analyzeWorkbook(snapshot, catalog)` — the very evaluation `validate` prints.
 */
export function rollupWorkbook(
  file: string,
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
  level: RollupLevel,
): { communes: RollupCommune[]; file: RollupFile } {
  const appendices = catalog.scoring ? [] : appendixSheetsForLevel(report, level);
  const scoring = report.sheets.filter((s) => s.kind === 'dti');
  if (appendices.length === 0 && scoring.length > 0) {
    const several = scoring.length > 1;
    const communes = scoring.map((s) =>
      scoredUnitOf(
        file,
        snapshot.sheets.find((g) => g.name === s.name)!,
        s,
        {
          sheetNameIsCommune: several,
        },
      ),
    );
    return { communes, file: { file, status: 'ok', message: null, communes: communes.length } };
  }
  const sheets = appendices;
  if (sheets.length === 0)
    return {
      communes: [],
      file: {
        file,
        status: 'no-appendix',
        message: catalog.scoring ? NO_SCORING_SHEET_MESSAGE : NO_APPENDIX_MESSAGE[level],
        communes: 0,
      },
    };
  const several = sheets.length > 1;
  const communes = sheets.map((s) => {
    const grid = snapshot.sheets.find((g) => g.name === s.name)!;
    // one commune in the file: the forms' findings are its findings too
    const findings = several
      ? s.findings
      : report.sheets.flatMap((x) => (x === s || !isAppendix(x.kind) ? x.findings : []));
    return communeOf(file, grid, s, findings, catalog, { sheetNameIsCommune: several });
  });
  return { communes, file: { file, status: 'ok', message: null, communes: communes.length } };
}

export function unreadableFile(file: string, message: string): RollupFile {
  return { file, status: 'unreadable', message, communes: 0 };
}

/** The roll-up of every commune read: sorted, ranked, duplicates flagged, per-criterion totals. */
export function buildRollup(
  communes: RollupCommune[],
  files: RollupFile[],
  catalog: Catalog,
  level: RollupLevel,
): RollupModel {
  // scored: the set is scored, or every unit read is a DTI sheet (no appendix of the level)
  const scored =
    !!catalog.scoring || (communes.length > 0 && communes.every((c) => c.kind === 'dti'));
  const pointsOf = (c: RollupCommune) => c.points ?? -Infinity;
  const sorted = [...communes].sort(
    (a, b) =>
      (scored ? pointsOf(b) - pointsOf(a) || 0 : 0) ||
      b.rate - a.rate ||
      b.met - a.met ||
      a.commune.localeCompare(b.commune, 'vi') ||
      a.file.localeCompare(b.file) ||
      a.sheet.localeCompare(b.sheet),
  );
  sorted.forEach((c, i) => {
    const same = scored
      ? (o: RollupCommune) => pointsOf(o) === pointsOf(c)
      : (o: RollupCommune) => o.rate === c.rate;
    c.rank = i > 0 && same(sorted[i - 1]) ? sorted[i - 1].rank : i + 1;
  });
  const byName = new Map<string, RollupCommune[]>();
  for (const c of sorted) {
    const k = foldText(c.commune);
    byName.set(k, [...(byName.get(k) ?? []), c]);
  }
  const label = (c: RollupCommune) => (c.sheet ? `${baseName(c.file)} › ${c.sheet}` : c.file);
  for (const same of byName.values())
    if (same.length > 1)
      for (const c of same) c.duplicates = same.filter((o) => o !== c).map(label);
  const criteria: RollupCriterion[] = (scored ? [] : catalog.criteria).map((crit, i) => {
    const count = (v: Verdict) => sorted.filter((c) => c.verdicts[i] === v).length;
    const met = count('met');
    const total = sorted.length;
    return {
      code: crit.code,
      name: crit.name,
      met,
      unmet: count('unmet'),
      undetermined: count('undetermined'),
      total,
      rate: total > 0 ? met / total : 0,
      missedBy: sorted.filter((c) => c.verdicts[i] === 'unmet').map((c) => c.commune),
    };
  });
  return {
    level,
    catalog: { id: catalog.id, title: catalog.title },
    communes: sorted,
    criteria,
    files,
    communesMeetingAll: sorted.filter((c) => c.criteria > 0 && c.met === c.criteria).length,
    scored,
  };
}

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * The roll-up of workbooks already read (the standalone page, the add-in): each snapshot is
 * analysed as `validate` does. Files that could not be read come as `{ file, error }`.
 */
export function rollupFromSnapshots(
  inputs: ({ file: string; snapshot: WorkbookSnapshot } | { file: string; error: string })[],
  catalog: Catalog,
  level: RollupLevel = 'xa',
): RollupModel {
  const communes: RollupCommune[] = [];
  const files: RollupFile[] = [];
  for (const input of inputs) {
    if ('error' in input) {
      files.push(unreadableFile(input.file, input.error));
      continue;
    }
    const report = analyzeWorkbook(input.snapshot, catalog);
    const part = rollupWorkbook(input.file, input.snapshot, report, catalog, level);
    communes.push(...part.communes);
    files.push(part.file);
  }
  return buildRollup(communes, files, catalog, level);
}
