/**
 * The per-sync payload budget. Excel on the web "has a payload size limit for requests
 * and responses of 5MB" and throws RichAPI.Error above it (Resource limits and performance
 * optimization for Office Add-ins); its guidance is to "split the operation into smaller
 * pieces" and sync each. The adapter keeps every sync under SYNC_BUDGET_BYTES, a fifth
 * under the limit, by estimating what a batch reads (read.ts) and writes (here).
 */

/** What one sync may carry each way, by the adapter's estimate. */
export const SYNC_BUDGET_BYTES = 4_000_000;

/** UTF-8 length of a string (Vietnamese letters take 2 or 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) n += 4;
    else if (c >= 0xdc00 && c < 0xe000) n += 0;
    else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON on the wire. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

/** The host refused a sync as too large (either way). */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** A unit of work to queue: its estimated request bytes and how to queue it. */
export interface WriteUnit {
  bytes: number;
  queue: () => void;
}

/**
 * Queue `units` in order and sync whenever the next one would take the batch over the
 * budget (and once at the end): ⌈total / SYNC_BUDGET_BYTES⌉ syncs, give or take one unit
 * per sync. Returns the number of syncs.
 */
export async function syncInBudget(
  context: Excel.RequestContext,
  units: WriteUnit[],
  budget = SYNC_BUDGET_BYTES,
): Promise<number> {
  let used = 0;
  let queued = 0;
  let syncs = 0;
  for (const u of units) {
    if (queued > 0 && used + u.bytes > budget) {
      // one sync per band is the point: the payload guidance says to split and sync each part
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
      used = 0;
      queued = 0;
    }
    u.queue();
    used += u.bytes;
    queued++;
  }
  if (queued > 0) {
    await context.sync();
    syncs++;
  }
  return syncs;
}
