/**
 * Reading merged areas in their own step. Range.getMergedAreasOrNullObject "will fail to
 * return the result" when a range holds more than 512 merged areas (Excel.Range
 * reference), and a failed call fails its whole batch; so merges are read apart from the
 * other reads, every sheet in one sync (read.ts queues it with the sheets' extents), and
 * only when that fails:
 *   1. each sheet in a sync of its own (when there are several);
 *   2. a sheet that still fails is read in four row bands, each band that fails in four
 *      again, within MERGE_FALLBACK_SYNCS syncs in all;
 *   3. what is left is skipped, with a Vietnamese message naming the sheet and the rows.
 * Merged areas reported by two bands (an area across a band boundary) are kept once.
 */
import type { MergedArea } from '../core/model/grid';
import { areaA1, parseAreasAddress } from './address';

/** The most syncs the fallback may spend (on top of the first one). */
export const MERGE_FALLBACK_SYNCS = 16;

export interface MergeTarget {
  sheet: string;
  /** The area read (0-based, inclusive). */
  area: MergedArea;
}

export interface MergeRead {
  merges: Map<string, MergedArea[]>;
  messages: string[];
  /** Syncs spent. */
  syncs: number;
}

/** Errors that are not the 512 limit: the fallback would not help, they are reported. */
const NOT_A_MERGE_LIMIT = new Set([
  'InvalidOperationInCellEditMode',
  'ApiNotFound',
  'NotImplemented',
  'ItemNotFound',
  'RequestAborted',
  'ActivityLimitReached',
  'ServiceNotAvailable',
  'Conflict',
  'AccessDenied',
]);

function codeOf(e: unknown): string {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : '';
}

/** Could this failure be the 512 merged-area limit (so that reading in parts may help)? */
export function isMergeLimitCandidate(e: unknown): boolean {
  return !NOT_A_MERGE_LIMIT.has(codeOf(e));
}

function split(area: MergedArea, parts: number): MergedArea[] {
  const rows = area.bottom - area.top + 1;
  if (rows < 2) return [];
  const n = Math.min(parts, rows);
  const out: MergedArea[] = [];
  for (let i = 0; i < n; i++) {
    const top = area.top + Math.floor((rows * i) / n);
    const bottom = area.top + Math.floor((rows * (i + 1)) / n) - 1;
    out.push({ ...area, top, bottom });
  }
  return out;
}

export async function readMerges(
  context: Excel.RequestContext,
  targets: MergeTarget[],
  opts: { skipFirstAttempt?: boolean } = {},
): Promise<MergeRead> {
  const merges = new Map<string, MergedArea[]>(targets.map((t) => [t.sheet, []]));
  const seen = new Set<string>();
  const messages: string[] = [];
  let syncs = 0;

  const queue = (t: MergeTarget) => {
    const ra = context.workbook.worksheets
      .getItem(t.sheet)
      .getRange(areaA1(t.area))
      .getMergedAreasOrNullObject();
    ra.load('address');
    return { t, ra };
  };
  const collect = ({ t, ra }: ReturnType<typeof queue>) => {
    if (ra.isNullObject) return;
    for (const m of parseAreasAddress(ra.address)) {
      if (m.sheet !== t.sheet) continue;
      const k = `${t.sheet}\u0000${areaA1(m.area)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      merges.get(t.sheet)!.push(m.area);
    }
  };
  /** One sync for `batch`; false when it failed for a reason the fallback can help with. */
  const attempt = async (batch: MergeTarget[]): Promise<boolean> => {
    const loads = batch.map(queue);
    syncs++;
    try {
      await context.sync();
    } catch (e) {
      if (!isMergeLimitCandidate(e)) throw e;
      return false;
    }
    loads.forEach(collect);
    return true;
  };

  if (targets.length === 0) return { merges, messages, syncs };
  if (!opts.skipFirstAttempt && (await attempt(targets))) return { merges, messages, syncs };

  let pending: MergeTarget[] =
    targets.length > 1
      ? targets
      : targets.flatMap((t) => split(t.area, 4).map((area) => ({ ...t, area })));
  const skipped: MergeTarget[] = [];
  if (targets.length === 1 && pending.length === 0) skipped.push(targets[0]);
  let budget = MERGE_FALLBACK_SYNCS;
  while (pending.length > 0) {
    const t = pending.shift()!;
    if (budget <= 0) {
      skipped.push(t);
      continue;
    }
    budget--;
    if (await attempt([t])) continue;
    const parts = split(t.area, 4).map((area) => ({ ...t, area }));
    if (parts.length === 0) skipped.push(t);
    else pending = [...parts, ...pending];
  }
  for (const t of skipped)
    messages.push(
      `Trang tính "${t.sheet}" có quá nhiều vùng gộp ô (Excel chỉ trả về tối đa 512 vùng một lần): không đọc được các vùng gộp từ dòng ${t.area.top + 1} đến dòng ${t.area.bottom + 1}, tiêu đề gộp ô ở đó có thể không được nhận ra.`,
    );
  return { merges, messages, syncs };
}
