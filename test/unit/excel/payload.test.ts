/**
 * Excel on the web's 5 MB limit on each request and each response (Resource limits and
 * performance optimization for Office Add-ins): the fake host refuses a sync over it, and
 * the adapter reads and writes large workbooks in bands that keep every sync under it,
 * with a sync count stated by the budget (src/excel/budget.ts, src/excel/read.ts); the
 * 50,000- and 500,000-cell workbooks are in test/integration/excel/large-workbooks.test.ts.
 */
import {
  FakeWorkbook,
  OP_REQUEST_BYTES,
  OP_RESPONSE_BYTES,
  WEB_PAYLOAD_LIMIT,
} from '../../support/fakes/fake-excel';
import { cellCount, communeFormsFake } from '../../support/fakes/workbooks';

describe('the fake host: 5 MB a request, 5 MB a response', () => {
  it.each([
    [0, true],
    [1, false],
  ])(
    'a request of the limit + %i bytes: accepted %s; refused, it writes nothing',
    async (over, ok) => {
      const fake = new FakeWorkbook();
      fake.addSheet('S');
      const text = 'x'.repeat(WEB_PAYLOAD_LIMIT - OP_REQUEST_BYTES - '[[""]]'.length + over);
      const run = fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[text]];
        await ctx.sync();
      });
      if (ok) {
        await run;
        expect(fake.cell('S', 'A1')!.value).toBe(text);
      } else {
        await expect(run).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
        expect(fake.cell('S', 'A1')).toBeUndefined();
      }
    },
  );

  it.each([
    [0, true],
    [1, false],
  ])('a response of the limit + %i bytes: accepted %s', async (over, ok) => {
    const fake = new FakeWorkbook();
    const s = fake.addSheet('S');
    // Vietnamese text counts in UTF-8 bytes: "ệ" is 3
    const n = WEB_PAYLOAD_LIMIT - OP_RESPONSE_BYTES - '[[""]]'.length + over;
    s.cells.set('0,0', { value: 'ệ'.repeat(Math.floor(n / 3)) + 'x'.repeat(n % 3) });
    const run = fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
      return r.values[0][0];
    });
    if (ok) expect(String(await run).length).toBeGreaterThan(1_000_000);
    else await expect(run).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('a 50,000-cell workbook does not fit in one sync: reading every sheet at once is refused', async () => {
    const fake = communeFormsFake(1, 7200);
    expect(cellCount(fake)).toBeGreaterThanOrEqual(50_000);
    const run = fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      for (const ws of sheets.items) {
        const used = ws.getUsedRange(true).load('values,formulas,numberFormat,valueTypes');
        used.getCellProperties({
          format: { fill: { color: true, pattern: true } },
          hyperlink: true,
        });
      }
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});
