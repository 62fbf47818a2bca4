import fc from 'fast-check';
import type { Cell, CellKind } from '../../../../src/core/model/grid';
import {
  formatNumberVi,
  formatRateVi,
  parseCellValue,
  parseText,
  parseVietnameseNumber,
} from '../../../../src/core/model/parse-value';
import type { ParseContext, ParsedValue } from '../../../../src/core/model/value-types';

const KINDS: ParsedValue['kind'][] = [
  'empty',
  'rate',
  'number',
  'yes',
  'no',
  'text',
  'error',
  'date',
];

/** Strings that look like what officials type: digits, separators, %, Vietnamese words. */
const fragment = fc.constantFrom(
  '82,9',
  '4.993',
  '1.101',
  '/',
  ' / ',
  '%',
  ' %',
  '=',
  ', ',
  '.',
  '..',
  ' đạt ',
  ' tỷ lệ ',
  'Có',
  'Không',
  'Chưa',
  ' hộ',
  ' người',
  'điểm',
  '-',
  '+',
  '−',
  '(',
  ')',
  '\\%',
  '$',
  '\u00a0',
  '\u200b',
  '0',
  '00',
  ',',
  '#DIV/0!',
  'e',
  'Đ'.normalize('NFD'),
  '\u0301',
  '\ud800', // lone surrogate
);
const vnLike = fc.array(fragment, { maxLength: 12 }).map((a) => a.join(''));
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  vnLike,
);

const ctxArb: fc.Arbitrary<ParseContext | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record(
    { unit: fc.oneof(fc.constant('%'), fc.constant('(%)'), fc.constant('Văn bản'), fc.string()) },
    { requiredKeys: [] },
  ),
);

const cellArb: fc.Arbitrary<Cell> = fc.record(
  {
    row: fc.nat(),
    col: fc.nat(),
    kind: fc.constantFrom<CellKind>('empty', 'string', 'number', 'boolean', 'date', 'error'),
    value: fc.oneof(
      fc.constant(null),
      anyText,
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom('#DIV/0!', '#REF!', '2023-11-30T00:00:00.000Z', 'not a date'),
    ),
    formula: fc.option(fc.string(), { nil: undefined }),
    numberFormat: fc.option(
      fc.oneof(
        fc.constantFrom('0%', '0.0%', '0.00%', 'General', '0.0"%"', '#,##0', '@'),
        fc.string(),
      ),
      { nil: undefined },
    ),
    hyperlink: fc.option(fc.string(), { nil: undefined }),
  },
  { requiredKeys: ['row', 'col', 'kind', 'value'] },
);

function isWellFormed(p: ParsedValue): boolean {
  if (!KINDS.includes(p.kind) || typeof p.raw !== 'string') return false;
  if (p.kind === 'rate' || p.kind === 'number') return typeof p.value === 'number';
  return true;
}

describe('parser never throws', () => {
  it('parseText: any string, any context', () => {
    fc.assert(
      fc.property(anyText, ctxArb, (s, ctx) => {
        expect(isWellFormed(parseText(s, ctx))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseVietnameseNumber: any string gives a finite number or null', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = parseVietnameseNumber(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseCellValue: any cell (kinds, values and formats mixed freely)', () => {
    fc.assert(
      fc.property(cellArb, ctxArb, (c, ctx) => {
        expect(isWellFormed(parseCellValue(c, ctx))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseCellValue / parseText: values outside the type do not throw', () => {
    const odd: unknown[] = [
      undefined,
      null,
      {},
      [],
      Object.create(null),
      Symbol('x'),
      10n,
      () => 1,
      {
        toString: () => {
          throw new Error('boom');
        },
      },
    ];
    for (const v of odd) {
      expect(() => parseText(v as string)).not.toThrow();
      expect(() => parseVietnameseNumber(v as string)).not.toThrow();
      expect(() =>
        parseCellValue({ row: 0, col: 0, kind: 'string', value: v } as unknown as Cell),
      ).not.toThrow();
      expect(() => parseCellValue(v as Cell)).not.toThrow();
      expect(() => parseText('50', v as ParseContext)).not.toThrow();
    }
  });

  it('NFC and NFD input parse to the same reading', () => {
    fc.assert(
      fc.property(vnLike, ctxArb, (s, ctx) => {
        const a = parseText(s.normalize('NFC'), ctx);
        const b = parseText(s.normalize('NFD'), ctx);
        expect({ ...b, raw: '' }).toEqual({ ...a, raw: '' });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('round trips', () => {
  /** fractions whose percent has at most `d` decimals, as an exact decimal */
  const fractionWith = (d: number) =>
    fc
      .integer({ min: -2_000_000 * 10 ** (d - 2), max: 2_000_000 * 10 ** (d - 2) })
      .map((k) => Number(`${k}e-${d + 2}`));

  it('formatRateVi(f, 4) parses back to f for percents with ≤ 4 decimals', () => {
    fc.assert(
      fc.property(fractionWith(4), (f) => {
        const text = formatRateVi(f, 4);
        const p = parseText(text);
        expect(p.kind).toBe('rate');
        if (p.kind === 'rate') expect(Math.abs(p.value - f)).toBeLessThan(1e-9);
      }),
      { numRuns: 3000 },
    );
  });

  it('formatRateVi(f) (2 decimals) parses back to f for percents with ≤ 2 decimals, also in a % row', () => {
    fc.assert(
      fc.property(fractionWith(2), (f) => {
        const p = parseText(formatRateVi(f), { unit: '%' });
        expect(p.kind).toBe('rate');
        if (p.kind === 'rate') {
          expect(Math.abs(p.value - f)).toBeLessThan(1e-9);
          expect(p.assumedUnit).toBeUndefined();
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('formatRateVi is within half a unit of the last decimal for any fraction', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (f, d) => {
          const p = parseText(formatRateVi(f, d));
          expect(p.kind).toBe('rate');
          if (p.kind === 'rate')
            expect(Math.abs(p.value * 100 - f * 100)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('parseVietnameseNumber(formatNumberVi(n)) === n for integers', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -9999, max: 9999 })),
        (n) => {
          expect(parseVietnameseNumber(formatNumberVi(n))).toBe(n === 0 ? 0 : n);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('parseVietnameseNumber(formatNumberVi(x)) === x for doubles with up to 6 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (k, d) => {
        const x = Number(`${k}e-${d}`);
        expect(parseVietnameseNumber(formatNumberVi(x))).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 3000 },
    );
  });
});
