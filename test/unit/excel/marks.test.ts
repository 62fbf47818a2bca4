/**
 * Marking findings on the sheet, re-running, and **Xoá đánh dấu**: the user's own fills
 * and notes come back exactly, marks never stack, and a protected sheet is left alone
 * with a message.
 */
import { checkWorkbook, clearMarks } from '../../../src/excel';
import {
  MARK_FILLS,
  NOTE_PREVIOUS,
  NOTE_TITLE,
  composeNote,
  planMarks,
} from '../../../src/excel/marks';
import {
  MARKS_SHEET,
  decodeStore,
  encodeRecord,
  storeValues,
} from '../../../src/excel/marks-store';
import type { FakeWorkbook } from '../../support/fakes/fake-excel';
import { firstSheet, hoangKimFake } from '../../support/fakes/workbooks';

const ROW_111 = 18; // 1.11 in the Hoàng Kim appendix: empty result, typed "Đạt"

function findingsOf(r: Awaited<ReturnType<typeof checkWorkbook>>) {
  return r.report.sheets.flatMap((s) => s.findings.map((f) => `${f.rule}@${f.cell}`)).sort();
}

function setup(opts: { apiVersion?: string } = {}): { fake: FakeWorkbook; sheet: string } {
  const fake = hoangKimFake(opts);
  fake.install();
  return { fake, sheet: firstSheet(fake) };
}

describe('Kiểm tra marks the sheet', () => {
  it('fills error rows across the table, warning cells in yellow, and notes each flagged cell with its message', async () => {
    const { fake, sheet } = setup();
    const result = await checkWorkbook();
    const f111 = result.report.sheets[0].findings.filter((f) => f.criterion === '1.11');
    expect(f111.map((f) => f.rule).sort()).toEqual(['missing-result', 'verdict-mismatch']);
    for (const col of 'ABCDEFGH')
      expect(fake.cell(sheet, `${col}${ROW_111}`)?.fill).toBe(MARK_FILLS.error);
    expect(fake.cell(sheet, 'I18')?.fill).toBeUndefined();
    for (const f of f111) {
      const note = fake.noteAt(sheet, f.cell)!;
      expect(note.startsWith(NOTE_TITLE)).toBe(true);
      expect(note).toContain(f.message);
    }
    const warning = result.report.sheets[0].findings.find((f) => f.rule === 'ambiguous-unit')!;
    expect(fake.cell(sheet, warning.cell)?.fill).toBe(MARK_FILLS.warning);
    expect(fake.noteAt(sheet, warning.cell)).toContain('50');
    // a row without any finding stays as it was
    expect(fake.cell(sheet, 'E13')?.fill).toBeUndefined();
    expect(fake.noteAt(sheet, 'E13')).toBeUndefined();
    const store = fake.sheet(MARKS_SHEET)!;
    expect(store.visibility).toBe('VeryHidden');
    expect(result.marks!.marked).toBe(
      decodeStore([...store.cells.values()].map((c) => [c.value])).length,
    );
  });

  it('re-running replaces the marks: the workbook after two runs equals the workbook after one', async () => {
    const { fake } = setup();
    const first = await checkWorkbook();
    const once = fake.dump();
    const second = await checkWorkbook();
    expect(fake.dump()).toEqual(once);
    expect(findingsOf(second)).toEqual(findingsOf(first));
    expect(second.marks!.marked).toBe(first.marks!.marked);
  });

  it('the core sees the user’s workbook, not our marks: findings are the same before and after marking', async () => {
    const { fake, sheet } = setup();
    fake.setCell(sheet, 'E18', { fill: '#00B050' });
    const before = await checkWorkbook({ mark: false });
    await checkWorkbook();
    const after = await checkWorkbook({ mark: false });
    expect(after.snapshot).toEqual(before.snapshot);
    expect(findingsOf(after)).toEqual(findingsOf(before));
  });
});

describe('Xoá đánh dấu restores the user’s fills and notes exactly', () => {
  it('after marking a workbook with the user’s own fills and notes on flagged cells', async () => {
    const { fake, sheet } = setup();
    fake.setCell(sheet, 'E18', { fill: '#00B050' });
    fake.sheet(sheet)!.notes.set('17,5', 'Chờ UBND huyện xác nhận');
    fake.sheet(sheet)!.notes.set('26,3', 'Chỉ tiêu theo Quyết định 29/QĐ-UBND');
    const original = fake.dump();

    await checkWorkbook();
    expect(fake.cell(sheet, 'E18')?.fill).toBe(MARK_FILLS.error);
    const f18 = fake.noteAt(sheet, 'F18')!;
    expect(f18).toContain(NOTE_PREVIOUS);
    expect(f18.endsWith('Chờ UBND huyện xác nhận')).toBe(true);

    await checkWorkbook(); // twice: the originals must survive a re-run
    const cleared = await clearMarks();
    expect(cleared.restored).toBeGreaterThan(20);
    expect(fake.sheet(MARKS_SHEET)).toBeUndefined();
    expect(fake.dump()).toEqual(original);
    expect(fake.lastRunSyncs).toBeLessThanOrEqual(4);
  });

  it('keeps a change the user made to one of our marks', async () => {
    const { fake, sheet } = setup();
    await checkWorkbook();
    fake.setCell(sheet, 'B18', { fill: '#0070C0' });
    fake.sheet(sheet)!.notes.set('17,4', 'Đã bổ sung kết quả ngày 5/12');
    await clearMarks();
    expect(fake.cell(sheet, 'B18')?.fill).toBe('#0070C0');
    expect(fake.noteAt(sheet, 'E18')).toBe('Đã bổ sung kết quả ngày 5/12');
    expect(fake.cell(sheet, 'C18')?.fill).toBeUndefined();
  });

  it('when a finding is fixed, the next Kiểm tra takes its marks away and keeps the others', async () => {
    const { fake, sheet } = setup();
    await checkWorkbook();
    fake.setCell(sheet, 'E18', { value: 'Có' });
    const again = await checkWorkbook();
    expect(again.report.sheets[0].findings.some((f) => f.criterion === '1.11')).toBe(false);
    for (const col of 'ABCDEFGH')
      expect(fake.cell(sheet, `${col}${ROW_111}`)?.fill).toBeUndefined();
    expect(fake.noteAt(sheet, 'E18')).toBeUndefined();
    expect(again.marks!.restored).toBeGreaterThanOrEqual(8);
    expect(fake.noteAt(sheet, 'D27')).toContain(NOTE_TITLE);
  });

  it('says so when there is nothing to clear', async () => {
    setup();
    const r = await clearMarks();
    expect(r).toEqual({ restored: 0, messages: ['Không có đánh dấu nào để xoá.'] });
  });
});

describe('protected sheets and older Excel', () => {
  it('a protected sheet is checked but not marked, with a message; nothing is written', async () => {
    const { fake, sheet } = setup();
    fake.sheet(sheet)!.protected = true;
    const original = fake.dump();
    const r = await checkWorkbook();
    expect(r.report.sheets[0].summary.criteria).toBe(37);
    expect(r.messages.join('\n')).toContain(`Trang tính "${sheet}" đang được bảo vệ`);
    expect(fake.dump()).toEqual(original);
  });

  it('marks of a sheet protected after marking are kept (not lost) until it is unprotected', async () => {
    const { fake, sheet } = setup();
    await checkWorkbook();
    fake.sheet(sheet)!.protected = true;
    const r = await clearMarks();
    expect(r.messages.join('\n')).toMatch(/đang được bảo vệ: chưa gỡ được đánh dấu cũ/);
    expect(fake.sheet(MARKS_SHEET)).toBeDefined();
    fake.sheet(sheet)!.protected = false;
    await clearMarks();
    expect(fake.sheet(MARKS_SHEET)).toBeUndefined();
    expect(fake.cell(sheet, 'E18')?.fill).toBeUndefined();
  });

  it('Excel without notes (ExcelApi 1.12) writes comments and restores them', async () => {
    const { fake, sheet } = setup({ apiVersion: '1.12' });
    fake.comments.push({ id: 'u1', sheet, key: '17,5', content: 'Ý kiến của huyện', replies: [] });
    const original = fake.dump();
    const r = await checkWorkbook();
    expect(r.messages.join('\n')).toMatch(/chú thích \(Comments\)/);
    expect(fake.commentAt(sheet, 'E18')!.content).toContain(NOTE_TITLE);
    expect(fake.commentAt(sheet, 'F18')!.content).toContain('Ý kiến của huyện');
    expect(fake.sheet(sheet)!.notes.size).toBe(0);
    await clearMarks();
    expect(fake.dump()).toEqual(original);
  });

  it('Excel without notes or comments (ExcelApi 1.9) only fills, and says so', async () => {
    const { fake, sheet } = setup({ apiVersion: '1.9' });
    const original = fake.dump();
    const r = await checkWorkbook();
    expect(r.messages.join('\n')).toMatch(/chỉ tô màu/);
    expect(fake.cell(sheet, 'E18')?.fill).toBe(MARK_FILLS.error);
    expect(fake.comments).toHaveLength(0);
    await clearMarks();
    expect(fake.dump()).toEqual(original);
  });

  it('a workbook whose structure is protected is not marked (no place for the originals), with a message', async () => {
    const { fake } = setup();
    fake.structureProtected = true;
    const original = fake.dump();
    const r = await checkWorkbook();
    expect(r.marks).toBeNull();
    expect(r.messages.join('\n')).toMatch(/bảo vệ cấu trúc/);
    expect(fake.dump()).toEqual(original);
  });
});

describe('marks store and note text', () => {
  it('round-trips records, including texts that look like numbers or formulas', () => {
    const recs = [
      {
        sheet: "Phụ lục 01 'xã'",
        cell: 'E18',
        fill: null,
        note: '=SUM(A1)',
        markFill: '#FFC7CE',
        markNote: 'x',
      },
      { sheet: 'S', cell: 'A1', fill: '#00B050', note: '1.10', markFill: null, markNote: null },
    ];
    expect(decodeStore(storeValues(recs))).toEqual(recs);
    expect(encodeRecord(recs[0]).startsWith('{')).toBe(true);
    expect(decodeStore([['ghi linh tinh'], ['{"s":1}'], ['{không phải json']])).toEqual([]);
  });

  it('composes the note with the user’s previous note under it', () => {
    expect(composeNote(['a', 'b'], null)).toBe(`${NOTE_TITLE}\n• a\n• b`);
    expect(composeNote(['a'], 'cũ')).toBe(`${NOTE_TITLE}\n• a\n\n${NOTE_PREVIOUS}\ncũ`);
  });

  it('does not fill a cell whose current fill was not read (outside the read window)', () => {
    const plan = planMarks(
      {
        sheets: [
          {
            name: 'S',
            kind: 'mau-3.3',
            criteria: [],
            summary: { criteria: 0, met: 0, unmet: 0, undetermined: 0 },
            ratios: [],
            findings: [
              {
                rule: 'blank-entry',
                severity: 'warning',
                sheet: 'S',
                cell: 'C20000',
                message: 'trống',
              },
            ],
          },
        ],
      },
      {
        caps: { noteKind: 'note', merges: true, workbookProtection: true, degraded: [] },
        sheets: [
          {
            name: 'S',
            position: 0,
            visibility: 'Visible',
            protected: false,
            window: { top: 0, left: 0, bottom: 9999, right: 7 },
            fills: new Map(),
          },
        ],
        notes: new Map(),
        structureProtected: false,
        store: { exists: false, rows: 0, records: [] },
      },
    );
    expect(plan.edits).toEqual([
      { op: 'set-note', sheet: 'S', cell: 'C20000', text: `${NOTE_TITLE}\n• trống` },
    ]);
    expect(plan.records[0]).toMatchObject({ markFill: null, fill: null });
  });
});
