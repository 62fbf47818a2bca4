/**
 * `fill` on a scoring sheet: points typed as text become numbers ("5 điểm" → 5, "8,125" →
 * 8.125, the typed text kept in a note); every parent (an item with sub-items, an index row,
 * the total row) gets a SUM of its children's cells, for the points and the maxima; an item
 * with a catalog rule (proportional, steps, all-or-nothing on a number) and a result cell gets
 * the rule as a formula on that cell. An index whose points stand in its header ("Điểm năm
 * 2022 (83,125)") cannot hold a formula: the plan says so. Cells holding a formula are left
 * alone, so a second run plans nothing. Pure.
 */
import type { Catalog, Criterion } from '../catalog/types';
import { showPoints } from '../catalog/scoring';
import { originalNote } from '../model/convert-result';
import type { CellEdit } from '../plan/edit-plan';
import { GridView, toA1, type WorkbookSnapshot } from '../model/grid';
import type { WorkbookReport } from '../model/report-types';
import { parseCellValue } from '../model/parse-value';
import { nodeLabel } from './evaluate';
import type { PointsValue, ScoreNode, ScoringRecognition } from './types';

export interface ScoringFill {
  edits: CellEdit[];
  notes: string[];
  /** Points typed as text turned into numbers */
  converted: number;
  /** SUM and rule formulas written */
  formulas: number;
}

/** "SUM(D6:D7)" for contiguous rows, else "SUM(D6,D9,D12)". */
export function sumFormula(col: string, rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const contiguous = sorted.every((r, i) => i === 0 || r === sorted[i - 1] + 1);
  if (contiguous && sorted.length > 1)
    return `SUM(${col}${sorted[0] + 1}:${col}${sorted[sorted.length - 1] + 1})`;
  return `SUM(${sorted.map((r) => `${col}${r + 1}`).join(',')})`;
}

function colLetters(col: number): string {
  return toA1(0, col).replace(/\d+$/, '');
}

/** The rule as a formula on the result cell, or null when the rule needs what a formula cannot read. */
export function ruleFormula(
  crit: Criterion,
  resultA1: string,
  result: ReturnType<typeof parseCellValue>,
  resultIsNumber: boolean,
): string | null {
  const rule = crit.scoring;
  const max = crit.points;
  if (!rule || rule.kind === 'free' || max === undefined || !resultIsNumber) return null;
  const isRate = result.kind === 'rate';
  switch (rule.kind) {
    case 'proportional':
      return isRate ? `MIN(1,MAX(0,${resultA1}))*${max}` : null;
    case 'steps': {
      let f = '0';
      for (const s of rule.steps)
        f = `IF(${resultA1}${s.strict ? '>' : '>='}${s.min},${s.points},${f})`;
      return f;
    }
    case 'all-or-nothing': {
      const t = crit.target;
      if (t.kind === 'min-rate' && isRate)
        return `IF(${resultA1}${t.strict ? '>' : '>='}${t.value},${max},0)`;
      if (t.kind === 'min-count' && result.kind === 'number')
        return `IF(${resultA1}>=${t.value},${max},0)`;
      return null;
    }
    default:
      return null;
  }
}

export function planScoringFill(
  sheet: string,
  view: GridView,
  rec: ScoringRecognition,
  catalog?: Catalog,
): ScoringFill {
  const { nodes, layout } = rec;
  const out: ScoringFill = { edits: [], notes: [], converted: 0, formulas: 0 };
  /** the value each cell will hold after the plan, for cached results */
  const planned = new Map<string, number>();
  const a1 = (p: PointsValue) => toA1(p.row, p.col);
  const hasFormula = (p: PointsValue) =>
    p.col >= 0 && view.get(p.row, p.col)?.formula !== undefined;

  // 1. text → numbers on every points cell that is a cell of its own
  for (const n of nodes)
    for (const p of [n.max, n.score]) {
      if (p.inHeader || p.col < 0 || p.state !== 'number' || p.value === null) continue;
      planned.set(a1(p), p.value);
      if (p.numeric || hasFormula(p)) continue;
      const cell = view.get(p.row, p.col);
      out.edits.push({ op: 'set-value', sheet, cell: a1(p), value: p.value });
      out.edits.push({ op: 'set-note', sheet, cell: a1(p), text: originalNote(cell?.note, p.raw) });
      out.converted++;
    }

  // 2. rules on items with a result (before the sums, which use their values)
  const scoredCatalog =
    catalog && catalog.criteria.some((c) => c.scoring !== undefined) ? catalog : undefined;
  if (scoredCatalog && layout.columns.result !== undefined)
    for (const n of nodes) {
      if (n.kind !== 'item' || n.children.length > 0 || !n.result || n.score.inHeader) continue;
      const crit = scoredCatalog.criteria.find((c) => c.code === n.catalogCode);
      if (!crit?.scoring || crit.scoring.kind === 'free') continue;
      const scoreCol = layout.columns.score!;
      if (view.get(n.row, scoreCol)?.formula !== undefined) continue;
      const parsed = parseCellValue(n.result, { unit: crit.unit });
      const f = ruleFormula(
        crit,
        toA1(n.row, layout.columns.result),
        parsed,
        typeof n.result.value === 'number',
      );
      if (!f) {
        out.notes.push(
          `${nodeLabel(n)}: kết quả “${parsed.raw}” không phải một số, không điền công thức cách cho điểm`,
        );
        continue;
      }
      const value = evaluateRule(crit, parsed);
      const cell = toA1(n.row, scoreCol);
      const edit: CellEdit = { op: 'set-formula', sheet, cell, formula: f };
      if (value !== null) {
        edit.cached = value;
        planned.set(cell, value);
      }
      out.edits.push(edit);
      if (n.score.state !== 'empty' && !n.score.numeric && n.score.raw)
        out.edits.push({
          op: 'set-note',
          sheet,
          cell,
          text: originalNote(view.get(n.row, scoreCol)?.note, n.score.raw),
        });
      out.formulas++;
    }

  // 3. SUMs: deepest parents first so that cached values add up
  const topLevel = nodes
    .map((_, i) => i)
    .filter((i) => nodes[i].parent === null && nodes[i].kind !== 'total');
  const childrenOf = (n: ScoreNode) => (n.kind === 'total' ? topLevel : n.children);
  const depth = (i: number): number => (nodes[i].parent === null ? 0 : 1 + depth(nodes[i].parent!));
  const key = (i: number) => (nodes[i].kind === 'total' ? -1 : depth(i));
  const order = nodes
    .map((_, i) => i)
    .filter((i) => childrenOf(nodes[i]).length > 0)
    .sort((a, b) => key(b) - key(a));
  for (const i of order) {
    const n = nodes[i];
    const kids = childrenOf(n).map((k) => nodes[k]);
    for (const which of ['score', 'max'] as const) {
      const p = n[which];
      const col = which === 'score' ? layout.columns.score : layout.columns.max;
      if (col === undefined) continue;
      if (p.inHeader) {
        if (which === 'score')
          out.notes.push(
            `${nodeLabel(n)}: điểm ghi trong tiêu đề cột (${toA1(n.row, col)}), không thay bằng công thức được; cộng các mục là ${showPoints(sumOfPlanned(kids, which))}`,
          );
        continue;
      }
      if (kids.some((k) => k[which].inHeader || k[which].col < 0)) continue;
      const cell = toA1(n.row, col);
      if (view.get(n.row, col)?.formula !== undefined) continue;
      const value = sumOfPlanned(kids, which);
      out.edits.push({
        op: 'set-formula',
        sheet,
        cell,
        formula: sumFormula(
          colLetters(col),
          kids.map((k) => k.row),
        ),
        cached: value,
      });
      if (p.state !== 'empty' && p.raw) {
        out.edits.push({
          op: 'set-note',
          sheet,
          cell,
          text: originalNote(view.get(n.row, col)?.note, p.raw),
        });
        if (p.value !== null && Math.abs(p.value - value) > 0.005)
          out.notes.push(
            `${nodeLabel(n)}: đã ghi ${showPoints(p.value)}, công thức cộng các mục cho ${showPoints(value)} (số cũ giữ trong ghi chú ô ${cell})`,
          );
      }
      planned.set(cell, value);
      out.formulas++;
    }
  }
  return out;

  function sumOfPlanned(kids: ScoreNode[], which: 'score' | 'max'): number {
    let s = 0;
    for (const k of kids) {
      const p = k[which];
      const v = p.col >= 0 && !p.inHeader ? planned.get(a1(p)) : undefined;
      s += v ?? (p.state === 'number' && p.value !== null ? p.value : 0);
    }
    return Math.round(s * 1e6) / 1e6;
  }
}

function evaluateRule(crit: Criterion, v: ReturnType<typeof parseCellValue>): number | null {
  const rule = crit.scoring;
  const max = crit.points;
  if (!rule || max === undefined) return null;
  const figure = v.kind === 'rate' || v.kind === 'number' ? v.value : null;
  if (figure === null) return null;
  if (rule.kind === 'proportional') return Math.min(1, Math.max(0, figure)) * max;
  if (rule.kind === 'steps') {
    let got = 0;
    for (const s of rule.steps) if (s.strict ? figure > s.min : figure >= s.min) got = s.points;
    return got;
  }
  if (rule.kind === 'all-or-nothing') {
    const t = crit.target;
    if (t.kind === 'min-rate') return (t.strict ? figure > t.value : figure >= t.value) ? max : 0;
    if (t.kind === 'min-count') return figure >= t.value ? max : 0;
  }
  return null;
}

/** `fill` on every scoring sheet of a workbook (or only `sheet`). */
export function planScoringSheets(
  snapshot: WorkbookSnapshot,
  report: WorkbookReport,
  catalog: Catalog | undefined,
  sheet?: string,
): ScoringFill & { description: string; sheets: number } {
  const out = {
    edits: [] as CellEdit[],
    notes: [] as string[],
    converted: 0,
    formulas: 0,
    sheets: 0,
  };
  for (const rep of report.sheets) {
    if (rep.kind !== 'dti' || !rep.scoring) continue;
    if (sheet !== undefined && rep.name !== sheet) continue;
    const grid = snapshot.sheets.find((s) => s.name === rep.name);
    if (!grid) continue;
    out.sheets++;
    if (grid.protected) {
      out.notes.push(`Trang tính "${rep.name}" đang được bảo vệ: không điền công thức điểm.`);
      continue;
    }
    const r = planScoringFill(rep.name, new GridView(grid), rep.scoring, catalog);
    out.edits.push(...r.edits);
    out.notes.push(...r.notes);
    out.converted += r.converted;
    out.formulas += r.formulas;
  }
  const parts: string[] = [];
  if (out.converted) parts.push(`chuyển ${out.converted} ô điểm sang số`);
  if (out.formulas) parts.push(`viết ${out.formulas} công thức cộng điểm/cách cho điểm`);
  const description =
    parts.length > 0
      ? `Bảng chấm điểm: ${parts.join(', ')}`
      : out.sheets > 0
        ? 'Bảng chấm điểm: không có gì cần điền'
        : '';
  return { ...out, description };
}
