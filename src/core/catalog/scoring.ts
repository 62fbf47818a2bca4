/**
 * Point scoring in a catalog, as data: a criterion may carry `points` (its Điểm tối đa) and a
 * scoring rule, a group (an index, "Chỉ số Nhận thức số") its own maximum, and the catalog a
 * `scoring` block (the set's total, its rating bands, when a Giải trình is required). Items
 * with sub-items are told by their codes: "1.2.1" and "1.2.2" are the sub-items of "1.2" when
 * the catalog has a criterion "1.2" (Quyết định 3853/QĐ-UBND of Thanh Hóa scores 1.2 as
 * 1.2.1 + 1.2.2).
 *
 * This module checks the scoring part of a catalog (Vietnamese problems, like the rest of the
 * catalog validation) and answers questions about it. Pure.
 */

/** How a criterion's points are given. */
export type ScoringRule =
  /** The full maximum when the result meets the criterion's target, else 0. */
  | { kind: 'all-or-nothing' }
  /** Tỷ lệ × Điểm tối đa: the result's rate (capped at 100 %) times the maximum. */
  | { kind: 'proportional' }
  /**
   * Steps: the points of the highest step the result reaches ("4 lần/năm: 20 điểm … 1 lần:
   * 5 điểm"). `min` is compared with the result: a fraction for a rate (0.9 for 90 %), else a
   * count; `strict` for "trên". Below every step: 0.
   */
  | { kind: 'steps'; steps: ScoringStep[] }
  /** Typed by the unit, only checked against the maximum. */
  | { kind: 'free' };

export interface ScoringStep {
  min: number;
  points: number;
  /** As the set writes it ("4 lần/năm"). */
  text?: string;
  /** "trên X": the result must exceed `min`. */
  strict?: boolean;
}

/** A rating band of the set ("Tốt: từ 800 điểm"), compared with the total points. */
export interface RatingBand {
  label: string;
  /** Lowest total points of the band. */
  min: number;
}

export interface CatalogScoring {
  /** Tổng điểm tối đa of the set: the sum of the groups' maxima. */
  total: number;
  /** Rating bands, any order; the band of a total is the one with the highest `min` reached. */
  bands?: RatingBand[];
  /**
   * When a Giải trình is required: 'always' (every scored item) or 'below-max' (an item scored
   * under its maximum). Absent: never required.
   */
  explanation?: 'always' | 'below-max';
}

const RULE_KINDS = ['all-or-nothing', 'proportional', 'steps', 'free'] as const;
/** Points are compared with this tolerance (sheets round to 2–3 decimals). */
export const POINTS_EPSILON = 1e-6;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return 'không có';
  if (typeof v === 'string') return `"${v}"`;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

function isPoints(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

/** "1.2.1" → "1.2"; "1" → undefined. */
export function parentCode(code: string): string | undefined {
  const i = code.lastIndexOf('.');
  return i > 0 ? code.slice(0, i) : undefined;
}

/** 83.125 → "83,125" (points the Vietnamese way, up to 3 decimals). */
export function showPoints(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return String(r).replace('.', ',');
}

/** A criterion as far as scoring is concerned (raw JSON, before the catalog is validated). */
interface RawScored {
  code: string;
  group?: string;
  points?: unknown;
  scoring?: unknown;
  where: string;
}

function checkRule(add: (w: string, m: string) => void, rule: unknown, cr: RawScored): void {
  if (rule === undefined) return;
  const where = `${cr.where}, cách cho điểm (scoring)`;
  if (!isObj(rule)) return add(where, `phải là một đối tượng, đang là ${show(rule)}`);
  if (!RULE_KINDS.includes(rule.kind as (typeof RULE_KINDS)[number]))
    return add(
      where,
      `loại ${show(rule.kind)} không hợp lệ; chỉ dùng ${RULE_KINDS.map((k) => `"${k}"`).join(', ')}`,
    );
  if (!isPoints(cr.points))
    add(where, 'có cách cho điểm nhưng tiêu chí không ghi "points" (điểm tối đa)');
  if (rule.kind !== 'steps') return;
  const steps = rule.steps;
  if (!Array.isArray(steps) || steps.length === 0)
    return add(where, '"steps" phải là danh sách các mức { "min", "points" } không rỗng');
  let lastMin = -Infinity;
  steps.forEach((s, i) => {
    const sw = `${where}, mức thứ ${i + 1}`;
    if (!isObj(s)) return add(sw, `phải là đối tượng { "min", "points" }, đang là ${show(s)}`);
    if (typeof s.min !== 'number' || !Number.isFinite(s.min) || s.min < 0)
      add(sw, `"min" phải là số không âm, đang là ${show(s.min)}`);
    else if (s.min <= lastMin)
      add(sw, `các mức phải xếp theo "min" tăng dần (${s.min} không lớn hơn ${lastMin})`);
    else lastMin = s.min;
    if (typeof s.points !== 'number' || !Number.isFinite(s.points) || s.points < 0)
      add(sw, `"points" phải là số không âm, đang là ${show(s.points)}`);
    else if (isPoints(cr.points) && s.points > cr.points + POINTS_EPSILON)
      add(sw, `${showPoints(s.points)} điểm vượt điểm tối đa ${showPoints(cr.points)}`);
    if (s.strict !== undefined && typeof s.strict !== 'boolean')
      add(sw, `"strict" phải là true/false, đang là ${show(s.strict)}`);
    if (s.text !== undefined && typeof s.text !== 'string')
      add(sw, `"text" phải là chuỗi, đang là ${show(s.text)}`);
  });
}

/**
 * Every problem of the scoring part of a catalog JSON document (criteria `points`/`scoring`,
 * group `points`, the `scoring` block), in Vietnamese, as "where: what". Sums are checked
 * only where every part has points: a parent against its sub-items, a group against its
 * items, the total against the groups.
 */
export function scoringProblems(root: Obj): string[] {
  const problems: string[] = [];
  const add = (where: string, m: string) => problems.push(where ? `${where}: ${m}` : m);
  const criteria: RawScored[] = [];
  if (Array.isArray(root.criteria))
    root.criteria.forEach((cr) => {
      if (!isObj(cr) || typeof cr.code !== 'string') return;
      criteria.push({
        code: cr.code.trim(),
        group: typeof cr.group === 'string' ? cr.group : undefined,
        points: cr.points,
        scoring: cr.scoring,
        where: `tiêu chí ${show(cr.code)}`,
      });
    });
  const groups: { code: string; points?: unknown; where: string }[] = [];
  if (Array.isArray(root.groups))
    for (const g of root.groups)
      if (isObj(g) && typeof g.code === 'string')
        groups.push({ code: g.code, points: g.points, where: `nhóm ${show(g.code)}` });

  for (const cr of criteria) {
    if (cr.points !== undefined && !isPoints(cr.points))
      add(cr.where, `"points" (điểm tối đa) phải là số dương, đang là ${show(cr.points)}`);
    checkRule(add, cr.scoring, cr);
  }
  for (const g of groups)
    if (g.points !== undefined && !isPoints(g.points))
      add(g.where, `"points" (điểm tối đa của nhóm) phải là số dương, đang là ${show(g.points)}`);

  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const childrenOf = new Map<string, RawScored[]>();
  const topOfGroup = new Map<string, RawScored[]>();
  for (const cr of criteria) {
    const p = parentCode(cr.code);
    if (p !== undefined && byCode.has(p)) {
      const list = childrenOf.get(p) ?? [];
      list.push(cr);
      childrenOf.set(p, list);
    } else if (cr.group !== undefined) {
      const list = topOfGroup.get(cr.group) ?? [];
      list.push(cr);
      topOfGroup.set(cr.group, list);
    }
  }
  const sumIfAll = (list: { points?: unknown }[]): number | null =>
    list.length > 0 && list.every((x) => isPoints(x.points))
      ? list.reduce((s, x) => s + (x.points as number), 0)
      : null;
  const near = (a: number, b: number) => Math.abs(a - b) <= POINTS_EPSILON;

  for (const [code, children] of childrenOf) {
    const parent = byCode.get(code)!;
    const sum = sumIfAll(children);
    if (isPoints(parent.points) && sum !== null && !near(sum, parent.points))
      add(
        parent.where,
        `điểm tối đa ${showPoints(parent.points)} khác tổng điểm tối đa các mục con ${children
          .map((c) => c.code)
          .join(' + ')} = ${showPoints(sum)}`,
      );
    if (parent.scoring !== undefined)
      add(
        parent.where,
        'tiêu chí có mục con được cộng điểm từ các mục con, không ghi cách cho điểm riêng',
      );
  }
  for (const g of groups) {
    const items = topOfGroup.get(g.code) ?? [];
    const sum = sumIfAll(items);
    if (isPoints(g.points) && sum !== null && !near(sum, g.points))
      add(
        g.where,
        `điểm tối đa ${showPoints(g.points)} khác tổng điểm tối đa các tiêu chí của nhóm = ${showPoints(sum)}`,
      );
  }

  const sc = root.scoring;
  if (sc === undefined) return problems;
  const where = 'phần chấm điểm (scoring)';
  if (!isObj(sc)) {
    add(where, `phải là một đối tượng, đang là ${show(sc)}`);
    return problems;
  }
  if (!isPoints(sc.total))
    add(where, `"total" (tổng điểm tối đa) phải là số dương, đang là ${show(sc.total)}`);
  else {
    const sum = sumIfAll(groups);
    if (sum !== null && !near(sum, sc.total))
      add(
        where,
        `tổng điểm tối đa ${showPoints(sc.total)} khác tổng điểm tối đa các nhóm = ${showPoints(sum)}`,
      );
  }
  if (sc.explanation !== undefined && sc.explanation !== 'always' && sc.explanation !== 'below-max')
    add(where, `"explanation" chỉ nhận "always" hoặc "below-max", đang là ${show(sc.explanation)}`);
  if (sc.bands !== undefined) {
    if (!Array.isArray(sc.bands))
      add(where, `"bands" phải là danh sách, đang là ${show(sc.bands)}`);
    else {
      const mins = new Set<number>();
      sc.bands.forEach((b, i) => {
        const bw = `${where}, xếp loại thứ ${i + 1}`;
        if (!isObj(b)) return add(bw, `phải là đối tượng { "label", "min" }, đang là ${show(b)}`);
        if (typeof b.label !== 'string' || b.label.trim() === '')
          add(bw, `"label" phải là chuỗi không rỗng, đang là ${show(b.label)}`);
        if (typeof b.min !== 'number' || !Number.isFinite(b.min) || b.min < 0)
          add(bw, `"min" phải là số điểm không âm, đang là ${show(b.min)}`);
        else {
          if (isPoints(sc.total) && b.min > sc.total)
            add(bw, `${showPoints(b.min)} điểm vượt tổng điểm tối đa ${showPoints(sc.total)}`);
          if (mins.has(b.min)) add(bw, `mức ${showPoints(b.min)} điểm bị trùng`);
          mins.add(b.min);
        }
      });
    }
  }
  return problems;
}

/** The band of a total: the one with the highest `min` reached, or undefined. */
export function bandOf(bands: RatingBand[] | undefined, total: number): RatingBand | undefined {
  let best: RatingBand | undefined;
  for (const b of bands ?? [])
    if (total >= b.min - POINTS_EPSILON && (!best || b.min > best.min)) best = b;
  return best;
}
