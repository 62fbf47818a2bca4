/**
 * Drafts the report an appendix belongs to (Hướng dẫn 2142/STTTT-CNTT): Mẫu số 01 for the
 * commune's PHỤ LỤC 01, Mẫu số 02 for the district's appraisal (PHỤ LỤC 02), Mẫu số 04 for
 * the province's verification (PHỤ LỤC 03) — the form comes from the catalog level that
 * produces the appendix's kind (its `report`), or from the level's place in the chain.
 * What the tool knows is written in (per group the criteria met and not met with their
 * figures, missing evidence, the criteria the level above judged differently, the
 * "đã hoàn thành 36/37 tiêu chí … tỷ lệ đạt 97,3%" conclusion and "Kết quả: ĐẠT / KHÔNG ĐẠT"
 * by the catalog's completion rule); what only a person can write is a visible "…".
 */
import type { AppraisalLevel, Catalog, Criterion, LevelReport } from '../catalog/types';
import { chainById, chainLevels, levelBySheetKind } from '../catalog';
import { evaluateAppendix } from '../appendix/evaluate';
import { cellText, GridView, type Cell, type WorkbookSnapshot } from '../model/grid';
import { percentVi } from '../model/labels';
import { showTarget, showValue } from '../model/messages';
import { formatNumberVi, formatRateVi } from '../model/parse-value';
import type {
  AppendixRecognition,
  ColumnRole,
  CriterionResult,
  CriterionRow,
  SheetReport,
  WorkbookReport,
} from '../model/report-types';
import { resultRoleOfKind } from '../appendix/roles';
import { APPENDIX_HEADERS } from '../appendix/template';
import { cleanText } from '../model/text';
import { communeFromTitleRows, placeText, type CommuneName } from './commune-name';
import type {
  AppendixTable,
  ReportBlock,
  ReportDocument,
  ReportForm,
  ReportRun,
} from './report-types';

export const MOTTO: [string, string] = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
];
/** What a person fills in. */
export const PLACEHOLDER = '…';

const FORM_LABEL: Record<ReportForm, string> = {
  'mau-01': 'Mẫu số 01',
  'mau-02': 'Mẫu số 02',
  'mau-04': 'Mẫu số 04',
};

export interface ReportOptions {
  /** Level whose appendix to report on (`--level`); default: the highest level in the file */
  level?: string;
  /** Chain id (`--chain`); default: the catalog's default chain */
  chain?: string;
  /** Sheet name; default: the first sheet of the level's kind */
  sheet?: string;
}

export type ReportResult = { ok: true; document: ReportDocument } | { ok: false; message: string };

const ph = (text = PLACEHOLDER): ReportRun => ({ text, placeholder: true });
const t = (text: string, extra: Partial<ReportRun> = {}): ReportRun => ({ text, ...extra });

function heading(level: 1 | 2 | 3, text: string): ReportBlock {
  return { kind: 'heading', level, runs: [t(text)] };
}
function para(...runs: ReportRun[]): ReportBlock {
  return { kind: 'paragraph', runs };
}
function bullet(...runs: ReportRun[]): ReportBlock {
  return { kind: 'bullet', runs };
}

/** The report form of a level: its catalog `report.form`, else by its place in the chain. */
export function levelReport(
  catalog: Catalog,
  level: AppraisalLevel,
  chainId?: string,
): LevelReport {
  if (level.report) return level.report;
  const levels = chainLevels(catalog, chainId);
  const i = levels.findIndex((l) => l.id === level.id);
  const form: ReportForm = i <= 0 ? 'mau-01' : i === levels.length - 1 ? 'mau-04' : 'mau-02';
  if (form === 'mau-01')
    return {
      form,
      issuer: ['ỦY BAN NHÂN DÂN', '{XA}'],
      actor: 'UBND {xa}',
      numberCode: 'BC-UBND',
      signature: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    };
  if (form === 'mau-02')
    return {
      form,
      issuer: ['ỦY BAN NHÂN DÂN', '{HUYEN}'],
      actor: 'UBND {huyen}',
      numberCode: 'BC-UBND',
      signature: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    };
  return {
    form,
    issuer: [level.label.toLocaleUpperCase('vi')],
    actor: level.label,
    numberCode: 'BC',
    signature: ['THỦ TRƯỞNG CƠ QUAN'],
  };
}

/** The appendix sheet to report on. */
function pickSheet(
  report: WorkbookReport,
  catalog: Catalog,
  opts: ReportOptions,
): { sheet: SheetReport; level: AppraisalLevel } | { problem: string } {
  const chain = chainLevels(catalog, opts.chain);
  const candidates = report.sheets.filter(
    (s) =>
      resultRoleOfKind(s.kind) !== undefined &&
      s.layout &&
      s.rows &&
      (opts.sheet === undefined || s.name === opts.sheet),
  );
  if (opts.level !== undefined) {
    const level = chain.find((l) => l.id === opts.level);
    if (!level)
      return {
        problem: `Không có cấp "${opts.level}" trong chuỗi thẩm định "${chainById(catalog, opts.chain).id}" (các cấp: ${chain.map((l) => l.id).join(', ')}).`,
      };
    const sheet = candidates.find((s) => s.kind === level.sheetKind);
    if (!sheet)
      return {
        problem: `Không tìm thấy ${level.appendixTitle} (kết quả của ${level.label}) trong tệp để soạn báo cáo.`,
      };
    return { sheet, level };
  }
  for (const level of [...chain].reverse()) {
    const sheet = candidates.find((s) => s.kind === level.sheetKind);
    if (sheet) return { sheet, level };
  }
  if (opts.sheet !== undefined)
    return { problem: `Sheet "${opts.sheet}" không phải phụ lục PHỤ LỤC 01/02/03.` };
  // a kind outside the chosen chain (PHỤ LỤC 02 with --chain hai-cap-2025)
  const other = candidates[0];
  const level = other ? levelBySheetKind(catalog, other.kind) : undefined;
  if (other && level)
    return {
      problem: `Sheet "${other.name}" là ${level.appendixTitle}, không thuộc chuỗi thẩm định "${chainById(catalog, opts.chain).id}".`,
    };
  return {
    problem:
      'Tệp không có phụ lục PHỤ LỤC 01/02/03 nào được nhận ra: không soạn được báo cáo (chạy cds-check validate để xem vì sao).',
  };
}

/** A cell as the sheet shows it: 0.829 formatted "0.0%" → "82,9%". */
function shownCell(cell: Cell | undefined, text: string | undefined): string {
  if (cell && cell.kind === 'number' && typeof cell.value === 'number') {
    const fmt = cell.numberFormat ?? '';
    if (/%/.test(fmt)) {
      const decimals = /\.(0+)%/.exec(fmt)?.[1].length ?? 0;
      return formatRateVi(cell.value, decimals);
    }
    return formatNumberVi(cell.value);
  }
  if (cell && cell.kind === 'date' && typeof cell.value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(cell.value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  return cleanText(text ?? cellText(cell));
}

/** A result as the report quotes it: "82,9%", "Có kênh Zalo…", "(trống)". */
function resultText(
  res: CriterionResult | undefined,
  row: CriterionRow | undefined,
  role: ColumnRole,
): string {
  const p = res?.parsed;
  if (p && (p.kind === 'rate' || p.kind === 'number')) return showValue(p);
  const shown = row ? shownCell(row.cells[role], row.texts[role]) : '';
  return shown === '' ? '(trống)' : shown;
}

function fill(template: string, commune: CommuneName | null, upper: boolean): string {
  const xa = commune ? placeText(commune) : '';
  const huyen = commune?.district ? placeText(commune.district) : '';
  const up = (s: string) => s.toLocaleUpperCase('vi');
  return template
    .replace(/\{xa\}/g, xa || PLACEHOLDER)
    .replace(/\{huyen\}/g, huyen || PLACEHOLDER)
    .replace(/\{XA\}/g, xa ? up(xa) : PLACEHOLDER)
    .replace(/\{HUYEN\}/g, huyen ? up(huyen) : PLACEHOLDER)
    .replace(/^./, (c) => (upper ? c.toLocaleUpperCase('vi') : c));
}

/** Text with every "…" turned into a placeholder run. */
function runsOf(text: string, extra: Partial<ReportRun> = {}): ReportRun[] {
  const parts = text.split(PLACEHOLDER);
  const out: ReportRun[] = [];
  parts.forEach((p, i) => {
    if (p) out.push(t(p, extra));
    if (i < parts.length - 1) out.push({ ...ph(), ...extra });
  });
  return out;
}

function lowerRoleOf(sheet: SheetReport): ColumnRole | undefined {
  const cols = sheet.layout!.columns;
  if (sheet.kind === 'phu-luc-02') return 'result-commune';
  if (sheet.kind === 'phu-luc-03')
    return cols['result-district'] !== undefined ? 'result-district' : 'result-commune';
  return undefined;
}

const KIND_OF_ROLE: Partial<Record<ColumnRole, 'phu-luc-01' | 'phu-luc-02'>> = {
  'result-commune': 'phu-luc-01',
  'result-district': 'phu-luc-02',
};

/** The lower level's results on an appraisal sheet, judged as that level's own sheet would be. */
function lowerResults(
  snapshot: WorkbookSnapshot,
  sheet: SheetReport,
  catalog: Catalog,
): Map<string, CriterionResult> | null {
  const role = lowerRoleOf(sheet);
  const kind = role ? KIND_OF_ROLE[role] : undefined;
  const grid = snapshot.sheets.find((s) => s.name === sheet.name);
  if (!kind || !grid || sheet.layout!.columns[role!] === undefined) return null;
  const rec: AppendixRecognition = {
    kind,
    layout: sheet.layout!,
    rows: sheet.rows!,
    groups: sheet.groups ?? [],
    strayRows: [],
  };
  const ev = evaluateAppendix(sheet.name, new GridView(grid), rec, catalog);
  return new Map(ev.criteria.map((c) => [c.code, c]));
}

const VERDICT_WORD = { met: 'Đạt', unmet: 'Không đạt', undetermined: 'chưa xác định' } as const;

interface Facts {
  crit: Criterion;
  res: CriterionResult | undefined;
  row: CriterionRow | undefined;
  lower: CriterionResult | undefined;
}

/** "1.6 Tỷ lệ hồ sơ TTHC …: 82,9% (chỉ tiêu 70%)" */
function criterionLine(f: Facts, ownRole: ColumnRole): ReportRun[] {
  return [
    t(`${f.crit.code} `, { bold: true }),
    t(`${cleanText(f.crit.name).replace(/[.\s]+$/, '')}: `),
    t(resultText(f.res, f.row, ownRole)),
    t(` (chỉ tiêu ${showTarget(f.crit.target).replace(/[“”]/g, '')})`),
  ];
}

function codes(list: Facts[]): string {
  return list.map((f) => f.crit.code).join(', ');
}

/** Build the report document for the appendix of `opts.level` (or the highest level found). */
export function buildReport(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog,
  opts: ReportOptions = {},
): ReportResult {
  let picked: ReturnType<typeof pickSheet>;
  try {
    picked = pickSheet(report, catalog, opts);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  if ('problem' in picked) return { ok: false, message: picked.problem };
  const { sheet, level } = picked;
  const grid = snapshot.sheets.find((s) => s.name === sheet.name)!;
  const layout = sheet.layout!;
  const commune = communeFromTitleRows(grid, layout.headerRow);
  const lr = levelReport(catalog, level, opts.chain);
  const form = lr.form;
  const ownRole = resultRoleOfKind(sheet.kind)!;
  const lowerRole = lowerRoleOf(sheet);
  const lower = lowerResults(snapshot, sheet, catalog);
  const rowByCode = new Map<string, CriterionRow>();
  for (const r of sheet.rows ?? []) if (!rowByCode.has(r.code)) rowByCode.set(r.code, r);
  const resByCode = new Map(sheet.criteria.map((c) => [c.code, c]));
  const facts: Facts[] = catalog.criteria.map((crit) => ({
    crit,
    res: resByCode.get(crit.code),
    row: rowByCode.get(crit.code),
    lower: lower?.get(crit.code),
  }));
  const year = catalog.year;
  const total = catalog.criteria.length;
  const met = facts.filter((f) => f.res?.verdict === 'met').length;
  const rate = total === 0 ? 0 : met / total;
  const rule = catalog.report?.completion ?? { kind: 'all' };
  const passed = rule.kind === 'all' ? met === total && total > 0 : rate >= rule.value;
  const result = passed ? 'ĐẠT' : 'KHÔNG ĐẠT';
  const missingEvidence = [
    ...new Set(
      sheet.findings
        .filter((f) => f.rule === 'missing-evidence' && f.criterion)
        .map((f) => f.criterion!),
    ),
  ];
  const differs = facts.filter(
    (f) =>
      f.lower &&
      f.res &&
      (f.lower.verdict !== f.res.verdict ||
        sheet.findings.some((x) => x.rule === 'appraisal-differs' && x.criterion === f.crit.code)),
  );

  const xa = commune ? placeText(commune) : null;
  const communeFull = commune
    ? commune.district
      ? `${placeText(commune)}, ${placeText(commune.district)}`
      : placeText(commune)
    : null;
  const actor = fill(lr.actor, commune, true);
  const whereName =
    form === 'mau-01'
      ? commune?.name
      : form === 'mau-02'
        ? commune?.district?.name
        : catalog.province;

  // --- heading block
  const issuer = lr.issuer.map((line) => runsOf(fill(line, commune, false), { bold: true }));
  const number = runsOf(`Số: ${PLACEHOLDER}/${lr.numberCode}`);
  const placeDate: ReportRun[] = [
    whereName ? t(whereName) : ph(),
    t(', ngày '),
    ph(),
    t(' tháng '),
    ph(),
    t(` năm ${year}`),
  ];
  const communeRuns = (text: string | null): ReportRun[] => (text ? [t(text)] : [ph('xã …')]);
  const subject: ReportRun[] =
    form === 'mau-01'
      ? [
          t('Kết quả thực hiện các tiêu chí chuyển đổi số trên địa bàn '),
          ...communeRuns(communeFull),
          t(` năm ${year}`),
        ]
      : [
          t(
            `Về việc ${form === 'mau-02' ? 'thẩm định' : 'thẩm tra'} hồ sơ đề nghị xét, công nhận `,
          ),
          ...communeRuns(xa),
          t(` hoàn thành các tiêu chí chuyển đổi số năm ${year}`),
        ];

  // --- body
  const body: ReportBlock[] = [];
  const basis = catalog.report?.basis ?? [];
  const opening = basis.length
    ? `Thực hiện ${basis.join('; ')}; `
    : `Thực hiện các văn bản hướng dẫn về tiêu chí chuyển đổi số cấp xã năm ${year}; `;
  const conclusion = (by: string): ReportRun[] => [
    t(`Căn cứ kết quả ${by}: `),
    ...communeRuns(communeFull),
    t(
      ` đã hoàn thành ${met}/${total} tiêu chí chuyển đổi số năm ${year}, tỷ lệ đạt ${percentVi(rate)}.`,
    ),
  ];
  const verdictLine: ReportBlock = para(t('Kết quả: '), t(result, { bold: true }));
  const undetermined = facts.filter((f) => !f.res || f.res.verdict === 'undetermined');
  const unmet = facts.filter((f) => f.res?.verdict === 'unmet');
  const pending: ReportBlock[] = undetermined.length
    ? [
        para(
          t(
            `${undetermined.length} tiêu chí chưa xác định được kết quả (chưa có hoặc không đọc được kết quả): ${codes(undetermined)} — cần bổ sung trước khi trình.`,
            { italic: true },
          ),
        ),
      ]
    : [];

  const groupFacts = catalog.groups
    .map((g) => ({ g, list: facts.filter((f) => f.crit.group === g.code) }))
    .filter((x) => x.list.length > 0);

  const evidenceBlock = (): ReportBlock[] => {
    if (layout.columns.evidence === undefined)
      return [para(ph('(Nhận xét về hồ sơ, tài liệu minh chứng kèm theo)'))];
    if (missingEvidence.length === 0)
      return [
        para(t('Các tiêu chí yêu cầu tài liệu minh chứng đều có ghi tài liệu trong phụ lục. ')),
        para(ph()),
      ];
    return [
      para(
        t(`Còn ${missingEvidence.length} tiêu chí chưa ghi tài liệu minh chứng trong phụ lục: `),
      ),
      ...missingEvidence.map((code) => {
        const crit = catalog.criteria.find((c) => c.code === code);
        return bullet(
          t(`${code} `, { bold: true }),
          t(`${crit ? cleanText(crit.name).replace(/[.\s]+$/, '') : ''}`),
          ...(crit?.evidence.length
            ? [
                t(
                  ` — cần: ${crit.evidence.map((e) => cleanText(e).replace(/[.;\s]+$/, '')).join('; ')}.`,
                ),
              ]
            : [t('.')]),
        );
      }),
    ];
  };

  if (form === 'mau-01') {
    body.push(para(t(opening), ...runsOf(`${actor} báo cáo kết quả thực hiện, cụ thể như sau:`)));
    body.push(heading(1, 'I. CÔNG TÁC TỔ CHỨC TRIỂN KHAI THỰC HIỆN'));
    for (const h of [
      '1. Công tác lãnh đạo, chỉ đạo tổ chức triển khai thực hiện',
      '2. Công tác thông tin, tuyên truyền',
      '3. Công tác ban hành các cơ chế, chính sách, văn bản, quy định',
    ]) {
      body.push(heading(2, h), para(ph()));
    }
    body.push(heading(1, 'II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ'));
    groupFacts.forEach(({ g, list }, gi) => {
      const gMet = list.filter((f) => f.res?.verdict === 'met');
      const gUnmet = list.filter((f) => f.res?.verdict === 'unmet');
      const gUnknown = list.filter((f) => !f.res || f.res.verdict === 'undetermined');
      body.push(heading(2, `${gi + 1}. ${g.name}`));
      body.push(
        bullet(
          t(
            `Chỉ tiêu đạt: ${gMet.length}/${list.length} chỉ tiêu${gMet.length ? ` (${codes(gMet)})` : ''}`,
          ),
        ),
        bullet(t('Chỉ tiêu đang triển khai: '), ph()),
        bullet(
          t(
            `Chỉ tiêu không hoàn thành: ${gUnmet.length}${gUnmet.length ? ` (${codes(gUnmet)})` : ''}`,
          ),
        ),
      );
      if (gUnknown.length)
        body.push(bullet(t(`Chỉ tiêu chưa có kết quả: ${gUnknown.length} (${codes(gUnknown)})`)));
      body.push(para(t('Cụ thể, kết quả đạt như sau:')));
      list.forEach((f) => {
        body.push(heading(3, `${f.crit.code}. Tiêu chí số ${f.crit.code}`));
        body.push(
          para(t('a) Yêu cầu tiêu chí: '), t(cleanText(f.crit.requirement || f.crit.name))),
        );
        body.push(
          para(
            t('b) Kết quả: '),
            t(resultText(f.res, f.row, ownRole)),
            t(` (chỉ tiêu ${showTarget(f.crit.target).replace(/[“”]/g, '')}). `),
            ph(),
          ),
        );
        const ev = f.row ? shownCell(f.row.cells.evidence, f.row.texts.evidence) : '';
        body.push(
          para(
            t(`(${f.crit.code}. Tài liệu minh chứng kèm theo: `, { italic: true }),
            ev ? t(ev, { italic: true }) : ph(),
            t(')', { italic: true }),
          ),
        );
        body.push(
          para(
            t('c) Đánh giá: '),
            t(f.res ? VERDICT_WORD[f.res.verdict] : VERDICT_WORD.undetermined, { bold: true }),
            t('.'),
          ),
        );
      });
    });
    body.push(
      para(
        t('(Kết quả đánh giá cụ thể các tiêu chí chuyển đổi số như phụ lục 01 kèm theo)', {
          italic: true,
        }),
      ),
    );
    if (missingEvidence.length) body.push(...evidenceBlock());
    body.push(heading(1, 'III. ĐÁNH GIÁ CHUNG'));
    body.push(heading(2, '1. Đánh giá chung'));
    body.push(para(...conclusion('tự đánh giá')), verdictLine, ...pending);
    for (const h of ['1.1. Thuận lợi', '1.2. Khó khăn, tồn tại', '1.3. Nguyên nhân'])
      body.push(heading(3, h), para(ph()));
    body.push(heading(2, '2. Một số mô hình chuyển đổi số nổi bật'), para(ph()));
    body.push(heading(1, 'IV. NHIỆM VỤ, GIẢI PHÁP TIẾP THEO'), para(ph()));
    body.push(heading(1, 'V. KIẾN NGHỊ, ĐỀ XUẤT'), para(ph()));
  } else {
    const by = form === 'mau-02' ? 'thẩm định' : 'thẩm tra';
    const appendixNo = level.appendixTitle.replace(/^PHỤ LỤC\s*/i, '') || PLACEHOLDER;
    body.push(
      para(
        t(opening),
        ...runsOf(
          `${actor} báo cáo kết quả ${by} hồ sơ và kết quả thực hiện các tiêu chí chuyển đổi số của `,
        ),
        ...communeRuns(communeFull),
        t(' như sau:'),
      ),
    );
    body.push(heading(1, 'I. Về hồ sơ, tài liệu minh chứng'), ...evidenceBlock());
    body.push(heading(1, 'II. Về kết quả thực hiện các tiêu chí chuyển đổi số'));
    groupFacts.forEach(({ g, list }, gi) => {
      const gMet = list.filter((f) => f.res?.verdict === 'met');
      const gUnmet = list.filter((f) => f.res?.verdict !== 'met');
      body.push(heading(2, `${gi + 1}. ${g.name}`));
      body.push(
        para(
          t(`Đạt ${gMet.length}/${list.length} tiêu chí${gMet.length ? ` (${codes(gMet)})` : ''}.`),
        ),
      );
      if (gUnmet.length) {
        body.push(para(t(`Chưa đạt hoặc chưa xác định ${gUnmet.length} tiêu chí:`)));
        for (const f of gUnmet)
          body.push(
            bullet(
              ...criterionLine(f, ownRole),
              t(` — ${f.res ? VERDICT_WORD[f.res.verdict] : VERDICT_WORD.undetermined}.`),
            ),
          );
      }
      const gDiff = differs.filter((f) => f.crit.group === g.code);
      if (gDiff.length && lowerRole) {
        body.push(para(t(`Kết quả ${by} khác kết quả cấp dưới ở ${gDiff.length} tiêu chí:`)));
        for (const f of gDiff)
          body.push(
            bullet(
              t(`${f.crit.code} `, { bold: true }),
              t(`${cleanText(f.crit.name).replace(/[.\s]+$/, '')}: `),
              t(
                `cấp dưới ${resultText(f.lower, f.row, lowerRole)} (${VERDICT_WORD[f.lower!.verdict]}), ${by} ${resultText(f.res, f.row, ownRole)} (${VERDICT_WORD[f.res!.verdict]}).`,
              ),
            ),
          );
      }
    });
    body.push(para(t(`(Kết quả ${by} chi tiết theo Phụ lục số ${appendixNo})`, { italic: true })));
    body.push(heading(1, 'III. Mô hình nổi trội về chuyển đổi số'), para(ph()));
    body.push(heading(1, 'IV. Kết luận'));
    body.push(para(...conclusion(by)), verdictLine, ...pending);
    if (unmet.length && !passed)
      body.push(para(t(`Tiêu chí chưa đạt: ${codes(unmet)}.`, { italic: true })));
    body.push(heading(1, 'V. Đề xuất, kiến nghị'), para(ph()));
  }

  const recipients = (lr.recipients ?? [PLACEHOLDER, 'Lưu: VT.']).map((line) =>
    runsOf(`- ${fill(line, commune, false)}`),
  );
  const appendix = appendixTable(grid, sheet, commune, met, total);
  const document: ReportDocument = {
    form,
    formLabel: FORM_LABEL[form],
    issuer,
    number,
    motto: MOTTO,
    placeDate,
    title: 'BÁO CÁO',
    subject,
    body,
    recipients,
    signature: { lines: lr.signature, name: [ph()] },
    appendix,
    facts: {
      commune: commune?.name ?? null,
      district: commune?.district?.name ?? null,
      year,
      met,
      total,
      rate,
      result,
      unmet: unmet.map((f) => f.crit.code),
      undetermined: undetermined.map((f) => f.crit.code),
      missingEvidence,
      differs: differs.map((f) => f.crit.code),
      sheet: sheet.name,
    },
  };
  return { ok: true, document };
}

const ROLE_WIDTH: Partial<Record<ColumnRole, number>> = {
  tt: 6,
  name: 52,
  unit: 12,
  target: 14,
  'result-commune': 18,
  'result-district': 18,
  'result-province': 18,
  verdict: 14,
  evidence: 30,
  note: 16,
};

const ROLE_HEADER: Partial<Record<ColumnRole, string>> = {
  tt: APPENDIX_HEADERS.tt,
  name: APPENDIX_HEADERS.name,
  unit: APPENDIX_HEADERS.unit,
  target: APPENDIX_HEADERS.target,
  verdict: APPENDIX_HEADERS.verdict,
  evidence: APPENDIX_HEADERS.evidence,
  note: APPENDIX_HEADERS.note,
};

/** The appendix as the sheet shows it: its recognised columns, group and criterion rows. */
function appendixTable(
  grid: WorkbookSnapshot['sheets'][number],
  sheet: SheetReport,
  commune: CommuneName | null,
  met: number,
  total: number,
): AppendixTable {
  const layout = sheet.layout!;
  const view = new GridView(grid);
  const roles = (Object.entries(layout.columns) as [ColumnRole, number][]).sort(
    (a, b) => a[1] - b[1],
  );
  const headers = roles.map(([role, col]) => {
    const typed = cleanText(view.text(layout.headerRow, col));
    return typed || ROLE_HEADER[role] || role;
  });
  const titleLines: string[] = [];
  for (const r of view.rowIndices) {
    if (r >= layout.headerRow) break;
    const texts = view
      .rowCells(r)
      .map((c) => cleanText(cellText(c)))
      .filter((x, i, all) => x !== '' && all.indexOf(x) === i);
    if (texts.length) titleLines.push(texts.join(' '));
  }
  if (commune && !titleLines.some((l) => l === commune.line)) titleLines.push(commune.line);
  type Line = { row: number; kind: 'group' | 'criterion'; cells: string[] };
  const lines: Line[] = [];
  for (const g of sheet.groups ?? [])
    lines.push({
      row: g.row,
      kind: 'group',
      cells: roles.map(([role]) => (role === 'tt' ? g.code : role === 'name' ? g.name : '')),
    });
  for (const r of sheet.rows ?? [])
    lines.push({
      row: r.row,
      kind: 'criterion',
      cells: roles.map(([role]) =>
        role === 'tt'
          ? r.code
          : role === 'name'
            ? cleanText(r.name)
            : shownCell(r.cells[role], r.texts[role]),
      ),
    });
  lines.sort((a, b) => a.row - b.row);
  return {
    titleLines,
    headers,
    widths: roles.map(([role]) => ROLE_WIDTH[role] ?? 14),
    rows: lines.map(({ kind, cells }) => ({ kind, cells })),
    summary: `Đã hoàn thành ${met}/${total} tiêu chí, tỷ lệ đạt ${percentVi(total ? met / total : 0)}`,
  };
}
