/**
 * The appendix against its evidence: where a criterion's result is computed from a form
 * (catalog `formLinks`) and the figure typed in the appendix differs from the form's count,
 * report `evidence-differs` on the appendix result cell, with both figures.
 */
import type { Catalog } from '../catalog/types';
import { makeFinding, type Finding } from '../model/findings';
import { columnLetters, toA1 } from '../model/grid';
import type { ColumnRole, CriterionResult, RatioReport, SheetReport } from '../model/report-types';
import { formNumber } from './definitions';
import { figureFromText, formatCount, formatRate, tolerance } from './figures';
import type { FormKind } from './types';

/** The result column of each appendix kind (its own level's result). */
export const RESULT_ROLE: Record<string, ColumnRole> = {
  'phu-luc-01': 'result-commune',
  'phu-luc-02': 'result-district',
  'phu-luc-03': 'result-province',
};

export function isAppendix(s: SheetReport): boolean {
  return s.kind in RESULT_ROLE;
}

/**
 * The form sheet(s) and ratio a criterion is linked to, if the workbook holds them. When a form
 * is split over several sheets (Mẫu 3.3 per thôn), `forms` lists them all and `ratio` adds their
 * counts up (its `cell` is the first sheet's).
 */
export function linkedRatio(
  sheets: SheetReport[],
  catalog: Catalog,
  code: string,
): { form: SheetReport; ratio: RatioReport; forms: SheetReport[] } | null {
  const crit = catalog.criteria.find((c) => c.code === code);
  for (const link of crit?.formLinks ?? []) {
    const found = sheets
      .filter((s) => s.kind === link.form)
      .map((s) => ({ form: s, ratio: s.ratios.find((r) => r.key === link.ratio) }))
      .filter((x): x is { form: SheetReport; ratio: RatioReport } => !!x.ratio);
    if (found.length === 0) continue;
    if (found.length === 1) return { ...found[0], forms: [found[0].form] };
    const first = found[0].ratio;
    const numerator = found.reduce((n, x) => n + x.ratio.numerator, 0);
    const denominator =
      first.kind === 'count' ? 1 : found.reduce((n, x) => n + x.ratio.denominator, 0);
    const value =
      first.kind === 'count' ? numerator : denominator > 0 ? numerator / denominator : 0;
    return {
      form: found[0].form,
      ratio: { ...first, numerator, denominator, value },
      forms: found.map((x) => x.form),
    };
  }
  return null;
}

/** Whether the appendix value reads as a rate (fraction) or a count, or null when not numeric. */
function valueKind(c: CriterionResult, unit: string | undefined): 'rate' | 'count' | null {
  if (typeof c.value !== 'number') return null;
  if (c.parsed) {
    if (c.parsed.kind === 'rate') return 'rate';
    if (c.parsed.kind === 'number') return 'count';
    return null;
  }
  return unit && unit.includes('%') ? 'rate' : 'count';
}

/** Cell of a criterion's result on an appendix sheet. */
export function resultCell(sheet: SheetReport, crit: CriterionResult): string {
  const col = sheet.layout?.columns[RESULT_ROLE[sheet.kind]];
  return col !== undefined ? toA1(crit.row - 1, col) : `${columnLetters(0)}${crit.row}`;
}

export function formTitle(kind: string): string {
  try {
    return `Mẫu ${formNumber(kind as FormKind)}`;
  } catch {
    return kind;
  }
}

function describeRatio(r: RatioReport): string {
  if (r.kind === 'count') return formatCount(r.value);
  return `${formatRate(r.value)} (${formatCount(r.numerator)}/${formatCount(r.denominator)})`;
}

/** evidence-differs findings for every appendix sheet against the forms of the same workbook. */
export function crossCheckEvidence(sheets: SheetReport[], catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  for (const sheet of sheets.filter(isAppendix)) {
    for (const crit of sheet.criteria) {
      const linked = linkedRatio(sheets, catalog, crit.code);
      if (!linked) continue;
      const { ratio, forms } = linked;
      const unit = catalog.criteria.find((c) => c.code === crit.code)?.unit;
      const kind = valueKind(crit, unit);
      const ratioKind = ratio.kind ?? 'rate';
      if (kind === null || kind !== ratioKind) continue;
      if (ratioKind === 'rate' && ratio.denominator === 0) continue;
      const typed = crit.value as number;
      const raw = crit.parsed?.raw ?? '';
      const decimals =
        kind === 'rate'
          ? raw.includes('%')
            ? figureFromText(raw, 'rate')?.decimals
            : undefined
          : 0;
      if (Math.abs(typed - ratio.value) <= tolerance(kind, decimals)) continue;
      const shown =
        kind === 'rate' ? (raw.trim() !== '' ? raw.trim() : formatRate(typed)) : formatCount(typed);
      out.push(
        makeFinding(
          'evidence-differs',
          sheet.name,
          resultCell(sheet, crit),
          `Tiêu chí ${crit.code}: kết quả ghi ${shown} nhưng ${formTitle(forms[0].kind)} (${forms.length > 1 ? 'các sheet' : 'sheet'} ${forms.map((f) => `"${f.name}"`).join(', ')}) tính được ${describeRatio(ratio)} — ${ratio.label.charAt(0).toLowerCase()}${ratio.label.slice(1)}.`,
          crit.code,
        ),
      );
    }
  }
  return out;
}
