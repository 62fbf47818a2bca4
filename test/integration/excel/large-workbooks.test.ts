/**
 * Large workbooks on Excel on the web's 5 MB per-sync limit (the fake host enforces it,
 * test/unit/excel/payload.test.ts): the adapter reads and writes in bands that keep every
 * sync under it, with a sync count stated by the budget (src/excel/budget.ts, read.ts).
 */
import {
  applyPlan,
  applyUndo,
  checkWorkbook,
  clearMarks,
  readWorkbookSnapshot,
} from '../../../src/excel';
import { SYNC_BUDGET_BYTES } from '../../../src/excel/budget';
import { MARKS_SHEET } from '../../../src/excel/marks-store';
import { FakeWorkbook, WEB_PAYLOAD_LIMIT } from '../../support/fakes/fake-excel';
import { cellCount, communeFormsFake } from '../../support/fakes/workbooks';

function contentBytes(fake: FakeWorkbook): number {
  return fake.payloads.reduce((n, p) => n + p.response, 0);
}

describe('the adapter keeps every sync under the limit', () => {
  it('a 50,000-cell workbook: Kiểm tra reads it in bands and marks it; Xoá đánh dấu puts it back', async () => {
    const fake = communeFormsFake(1, 7200);
    expect(cellCount(fake)).toBeGreaterThanOrEqual(50_000);
    fake.install();
    const original = fake.dump();
    const snap = await readWorkbookSnapshot();
    const read = contentBytes(fake);
    expect(read).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
    // sheets, extents, then one sync per band of at most the budget
    expect(fake.syncCount).toBeLessThanOrEqual(2 + Math.ceil(read / (SYNC_BUDGET_BYTES * 0.75)));
    // every cell holding a value is read
    const filled = [...fake.sheets[1].cells.values()].filter((c) => c.value !== '').length;
    expect(snap.sheets[1].cells).toHaveLength(filled);

    const result = await checkWorkbook();
    expect(result.marks!.marked).toBeGreaterThan(100);
    expect(fake.sheet(MARKS_SHEET)).toBeDefined();
    await clearMarks();
    expect(fake.dump()).toEqual(original);
    for (const p of fake.payloads) {
      expect(p.request).toBeLessThanOrEqual(SYNC_BUDGET_BYTES * 1.05);
      expect(p.response).toBeLessThanOrEqual(SYNC_BUDGET_BYTES * 1.05);
    }
  });

  it('a 500,000-cell workbook (eight thôn forms and the appendix) is checked on the web’s budget, in a stated number of syncs', async () => {
    const fake = communeFormsFake(8, 9000);
    const cells = cellCount(fake);
    expect(cells).toBeGreaterThanOrEqual(500_000);
    fake.install();
    const result = await checkWorkbook();
    expect(result.report.sheets).toHaveLength(9);
    expect(result.report.sheets[0].summary.criteria).toBe(37);
    expect(result.marks!.marked).toBeGreaterThan(1000);
    const bytes = contentBytes(fake);
    expect(bytes).toBeGreaterThan(8 * WEB_PAYLOAD_LIMIT);
    // the stated budget: 2 syncs, then bands filled to at least three quarters of the
    // budget, then the marks (well under one budget here)
    const bands = fake.lastRunSyncs - 3;
    expect(bands).toBeLessThanOrEqual(Math.ceil(bytes / (SYNC_BUDGET_BYTES * 0.75)));
    expect(bands).toBeGreaterThanOrEqual(Math.ceil(bytes / WEB_PAYLOAD_LIMIT));
    expect(Math.max(...fake.payloads.map((p) => p.response))).toBeLessThanOrEqual(
      WEB_PAYLOAD_LIMIT,
    );
  });

  it('a plan of 20,000 notes with undo is written in several syncs, each under the limit, and undone', async () => {
    const fake = communeFormsFake(1, 20_000);
    fake.install();
    const sheet = fake.sheets[1].name;
    const edits = Array.from({ length: 20_000 }, (_, i) => ({
      op: 'set-note' as const,
      sheet,
      cell: `H${i + 4}`,
      text: `Đã xác minh số điện thoại với trưởng thôn ngày ${(i % 28) + 1}/11/2026 — hộ số ${i + 1}`,
    }));
    const applied = await applyPlan(
      { description: 'ghi chú xác minh', edits },
      { captureUndo: true },
    );
    expect(applied.applied).toBe(20_000);
    expect(fake.noteAt(sheet, 'H20003')).toMatch(/hộ số 20000$/);
    const requests = fake.payloads.slice(-3).map((p) => p.request);
    expect(Math.max(...requests)).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(fake.lastRunSyncs).toBeGreaterThan(3);
    await applyUndo(applied.undo!);
    expect(fake.noteAt(sheet, 'H20003')).toBeUndefined();
    expect(fake.noteAt(sheet, 'H4')).toBeUndefined();
  });
});
