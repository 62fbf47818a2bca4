/**
 * Judging a recognised scoring sheet: the points typed against their maxima, each parent (an
 * item with sub-items, an index, the total) against its children as typed, and — with a
 * scored catalog — the maxima against the catalog's and the points against the catalog's
 * rules. Findings on the cell, in Vietnamese; a points summary for reports and the roll-up.
 * Pure.
 */
import type { Catalog, Criterion, Target } from '../catalog/types';
import { bandOf, showPoints } from '../catalog/scoring';
import { makeFinding, sortFindings, type Finding } from '../model/findings';
import { toA1, type Cell } from '../model/grid';
import { parseCellValue } from '../model/parse-value';
import { matchKey } from '../model/text';
import { pointsMsg } from './messages';
import type {
  IndexPoints,
  PointsSummary,
  PointsValue,
  ScoreNode,
  ScoringRecognition,
} from './types';

/** Typed points equal a sum when they differ by no more than rounding to 2 decimals. */
export const SUM_TOLERANCE = 0.005 + 1e-9;
/** A rule's points equal the typed ones within this (officials round to 2 decimals). */
const RULE_TOLERANCE = 0.01 + 1e-9;

export interface ScoringEvaluation {
  findings: Finding[];
  points: PointsSummary;
}

/** How a node is named in messages: "Chỉ số 1", "1.2.1", "Tổng cộng". */
export function nodeLabel(n: ScoreNode): string {
  if (n.kind === 'total') return pointsMsg.totalLabel;
  if (n.kind === 'index') return `Chỉ số ${n.code}`;
  return n.code;
}

function cellOf(p: PointsValue, fallbackRow: number, fallbackCol: number | undefined): string {
  if (p.col >= 0) return toA1(p.row, p.col);
  return toA1(fallbackRow, fallbackCol ?? 0);
}

function isScoredCatalog(cat: Catalog | undefined): cat is Catalog {
  return !!cat && (cat.scoring !== undefined || cat.criteria.some((c) => c.points !== undefined));
}

/** Points a catalog rule gives a result, with how it was reached; null when it cannot say. */
export function rulePoints(
  crit: Criterion,
  result: Cell | undefined,
): { points: number; how: string } | null {
  const rule = crit.scoring;
  const max = crit.points;
  if (!rule || rule.kind === 'free' || max === undefined || !result) return null;
  const v = parseCellValue(result, { unit: crit.unit });
  const figure = v.kind === 'rate' || v.kind === 'number' ? v.value : null;
  switch (rule.kind) {
    case 'proportional': {
      if (v.kind !== 'rate') return null;
      const rate = Math.min(1, Math.max(0, v.value));
      return { points: rate * max, how: `tỷ lệ ${showPoints(rate * 100)}% × ${showPoints(max)}` };
    }
    case 'steps': {
      if (figure === null) return null;
      let got = 0;
      let how = 'chưa đạt mức nào';
      for (const s of rule.steps) {
        const reached = s.strict ? figure > s.min + 1e-9 : figure >= s.min - 1e-9;
        if (reached && s.points >= got) {
          got = s.points;
          how = `mức ${s.text ?? showPoints(s.min)}`;
        }
      }
      return { points: got, how };
    }
    case 'all-or-nothing': {
      const met = meetsTarget(crit.target, v);
      if (met === null) return null;
      return {
        points: met ? max : 0,
        how: met ? 'đạt yêu cầu: đủ điểm' : 'không đạt yêu cầu: 0 điểm',
      };
    }
    default:
      return null;
  }
}

function meetsTarget(t: Target, v: ReturnType<typeof parseCellValue>): boolean | null {
  switch (t.kind) {
    case 'min-rate':
      if (v.kind !== 'rate') return v.kind === 'no' ? false : null;
      return t.strict ? v.value > t.value + 1e-9 : v.value >= t.value - 1e-9;
    case 'min-count':
      if (v.kind === 'number') return v.value >= t.value;
      return v.kind === 'yes' ? true : v.kind === 'no' ? false : null;
    case 'yes':
      return v.kind === 'yes' ? true : v.kind === 'no' ? false : null;
    case 'qualitative': {
      if (v.kind === 'yes') return true;
      if (v.kind === 'no') return false;
      if (v.kind !== 'text') return null;
      const k = matchKey(v.text);
      if (/^(khong|chua)( |$)/.test(k)) return false;
      return t.accept.some((a) => matchKey(a) === k) ? true : null;
    }
    default:
      return null;
  }
}

function readable(p: PointsValue): number | null {
  return p.state === 'number' ? p.value : null;
}

/** Leaves under a node (itself when it has no children). */
function leavesOf(nodes: ScoreNode[], i: number): number[] {
  const n = nodes[i];
  if (n.children.length === 0) return [i];
  return n.children.flatMap((c) => leavesOf(nodes, c));
}

export function evaluateScoring(
  sheet: string,
  rec: ScoringRecognition,
  catalog?: Catalog,
): ScoringEvaluation {
  const { nodes, layout } = rec;
  const cols = layout.columns;
  const findings: Finding[] = [];
  const scored = isScoredCatalog(catalog) ? catalog : undefined;
  const add = (rule: Parameters<typeof makeFinding>[0], cell: string, m: string, n: ScoreNode) =>
    findings.push(
      makeFinding(rule, sheet, cell, m, n.kind === 'total' ? undefined : n.catalogCode),
    );

  const topLevel = nodes
    .map((_, i) => i)
    .filter((i) => nodes[i].parent === null && nodes[i].kind !== 'total');
  const childrenOf = (i: number): number[] =>
    nodes[i].kind === 'total' ? topLevel : nodes[i].children;

  nodes.forEach((n, i) => {
    const label = nodeLabel(n);
    const scoreCell = cellOf(n.score, n.row, cols.score);
    const maxCell = cellOf(n.max, n.row, cols.max);
    const kids = childrenOf(i);
    const catalogCrit =
      scored && n.kind === 'item'
        ? scored.criteria.find((c) => c.code === n.catalogCode)
        : undefined;
    const catalogGroup =
      scored && n.kind === 'index'
        ? scored.groups.find((g) => g.code === n.catalogCode)
        : undefined;
    const catalogMax =
      n.kind === 'total' ? scored?.scoring?.total : (catalogCrit?.points ?? catalogGroup?.points);

    // unreadable cells
    if (n.max.state === 'unreadable')
      add('points-unreadable', maxCell, pointsMsg.unreadableMax(label, n.max.raw), n);
    if (n.score.state === 'unreadable')
      add('points-unreadable', scoreCell, pointsMsg.unreadableScore(label, n.score.raw), n);
    if (n.score.state === 'uncomputed' && n.score.formula)
      add('points-unreadable', scoreCell, pointsMsg.uncomputed(label, n.score.formula), n);

    const max = readable(n.max);
    const score = readable(n.score);
    if (kids.length === 0 && n.kind !== 'total' && n.score.state === 'empty')
      add('missing-points', scoreCell, pointsMsg.missingScore(label, max ?? catalogMax ?? null), n);

    // over the maximum (the sheet's, else the catalog's)
    const limit = max ?? catalogMax ?? null;
    if (score !== null && score < 0)
      add('points-unreadable', scoreCell, pointsMsg.negative(label, score), n);
    else if (score !== null && limit !== null && score > limit + 1e-9)
      add('points-over-max', scoreCell, pointsMsg.overMax(label, score, limit), n);

    // parents against their children as typed
    if (kids.length > 0) {
      const parts = kids.map((k) => nodes[k]);
      const partsText =
        parts.length <= 6
          ? parts.map((p) => (p.kind === 'index' ? `chỉ số ${p.code}` : p.code)).join(' + ')
          : `tổng ${parts.length} mục con`;
      const scores = parts.map((p) => readable(p.score));
      if (score !== null && scores.every((x) => x !== null)) {
        const sum = (scores as number[]).reduce((a, b) => a + b, 0);
        if (Math.abs(sum - score) > SUM_TOLERANCE)
          add(
            'points-sum-mismatch',
            scoreCell,
            pointsMsg.scoreSum(label, score, sum, partsText),
            n,
          );
      }
      const maxima = parts.map((p) => readable(p.max));
      if (max !== null && maxima.every((x) => x !== null)) {
        const sum = (maxima as number[]).reduce((a, b) => a + b, 0);
        if (Math.abs(sum - max) > SUM_TOLERANCE)
          add('points-sum-mismatch', maxCell, pointsMsg.maxSum(label, max, sum, partsText), n);
      }
    }

    if (!scored) return;
    if (max !== null && catalogMax !== undefined && Math.abs(max - catalogMax) > 1e-9)
      add(
        'max-differs',
        maxCell,
        pointsMsg.maxDiffers(label, max, catalogMax, `“${scored.title}”`),
        n,
      );
    if (catalogCrit && score !== null) {
      const rule = rulePoints(catalogCrit, n.result);
      if (rule && Math.abs(rule.points - score) > RULE_TOLERANCE)
        add(
          'score-differs',
          scoreCell,
          pointsMsg.scoreDiffers(label, score, rule.points, rule.how),
          n,
        );
    }
    const ask = scored.scoring?.explanation;
    if (ask && kids.length === 0 && n.kind === 'item' && score !== null && !n.explanation) {
      const below = limit !== null && score < limit - 1e-9;
      if (ask === 'always' || below) {
        const cell = cols.explanation !== undefined ? toA1(n.row, cols.explanation) : scoreCell;
        add(
          'missing-explanation',
          cell,
          pointsMsg.missingExplanation(label, ask === 'below-max'),
          n,
        );
      }
    }
  });

  return { findings: sortFindings(findings), points: pointsSummary(rec, scored) };
}

/** The sheet's maximum, total as typed and total computed from the items. */
export function pointsSummary(rec: ScoringRecognition, catalog?: Catalog): PointsSummary {
  const { nodes } = rec;
  const totalNode = nodes.find((n) => n.kind === 'total');
  const tops = nodes.filter((n) => n.parent === null && n.kind !== 'total');
  const sumOf = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  const leafSum = (i: number) => sumOf(leavesOf(nodes, i).map((l) => readable(nodes[l].score)));
  const indices: IndexPoints[] = tops.map((n) => ({
    code: n.code,
    name: n.name,
    max: readable(n.max),
    total: readable(n.score),
    computed: round3(leafSum(nodes.indexOf(n))),
  }));
  const typedMax = totalNode ? readable(totalNode.max) : null;
  const max = typedMax ?? sumOf(indices.map((x) => x.max));
  const typedTotal = totalNode ? readable(totalNode.score) : null;
  const total =
    typedTotal ??
    (indices.length > 0 && indices.every((x) => x.total !== null)
      ? round3(sumOf(indices.map((x) => x.total)))
      : null);
  const computed = round3(sumOf(indices.map((x) => x.computed)));
  const summary: PointsSummary = { max: round3(max), total, computed, indices };
  const band = bandOf(catalog?.scoring?.bands, total ?? computed);
  if (band) summary.band = band.label;
  return summary;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
