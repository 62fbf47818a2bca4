import { defaultCatalog } from '../../../../src/core/catalog/catalog';
import { GridView, toA1, type SheetGrid } from '../../../../src/core/model/grid';
import { evaluateForm, recognizeForm } from '../../../../src/core/forms';
import type { RuleId } from '../../../../src/core/model/findings';
import {
  ADULTS,
  buildMau14,
  buildMau25,
  buildMau26,
  buildMau33,
  buildMau41,
  buildMau45,
  HOANG_KIM_STAFF,
  patchCell,
  rowStarting,
  type Staff,
} from '../../../support/fixtures/forms-builders';

const catalog = defaultCatalog();

function evaluate(g: SheetGrid) {
  const view = new GridView(g);
  const rec = recognizeForm(view);
  if (!rec) throw new Error('not recognised');
  return evaluateForm(g.name, view, rec, catalog);
}
const ratio = (g: SheetGrid, key: string) => evaluate(g).ratios.find((r) => r.key === key)!;
const rules = (g: SheetGrid, rule: RuleId) => evaluate(g).findings.filter((f) => f.rule === rule);

describe('Mẫu 1.4: computers and official mailboxes over all staff', () => {
  const g = buildMau14();
  test('ticks of every spelling count; Không and blank do not', () => {
    // 12 staff; no computer for "Không" (Lý Thị Thu) and blank (Trịnh Thị Nga)
    expect(ratio(g, 'computer')).toMatchObject({ numerator: 10, denominator: 12, kind: 'rate' });
    expect(ratio(g, 'computer').value).toBeCloseTo(10 / 12, 12);
  });
  test('an address written counts as a mailbox, even a wrong one (it is reported)', () => {
    // no mailbox: Mai Văn Long (blank), Trịnh Thị Nga ("Không")
    expect(ratio(g, 'mailbox')).toMatchObject({ numerator: 10, denominator: 12 });
  });
  test('the total of staff', () => {
    expect(ratio(g, 'staff')).toMatchObject({
      numerator: 12,
      denominator: 1,
      value: 12,
      kind: 'count',
    });
  });
  test('the ratio cell is the summary line figure cell', () => {
    const r = ratio(g, 'computer');
    const row = rowStarting(g, '- Tỷ lệ CBCC có máy tính');
    expect(r.cell).toMatch(new RegExp(`^[A-Z]+${row + 1}$`));
  });
  test('invalid and non-official addresses are reported on their cells', () => {
    const f = rules(g, 'invalid-email');
    const tuan = HOANG_KIM_STAFF.findIndex((s) => s.name === 'Đỗ Văn Tuấn') + 3;
    const hang = HOANG_KIM_STAFF.findIndex((s) => s.name === 'Bùi Thị Hằng') + 3;
    expect(f.map((x) => x.cell)).toEqual([toA1(tuan, 4), toA1(hang, 4)]);
    expect(f[0].message).toContain('tuandv.hoangkim@thanhhoa');
    expect(f[1].message).toContain('.gov.vn');
  });
  test('unfilled summary lines are reported with the count', () => {
    const f = rules(g, 'ratio-not-filled');
    expect(f).toHaveLength(3);
    expect(f.find((x) => x.criterion === '4.3')?.message).toContain('10/12 = 83,3%');
    expect(f.find((x) => x.criterion === '1.4')?.message).toContain('10/12');
  });
  test('a typed rate that differs from the count is an error with both figures', () => {
    const f = rules(buildMau14({ typedComputer: '91,7%' }), 'ratio-differs');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].criterion).toBe('4.3');
    expect(f[0].message).toContain('91,7%');
    expect(f[0].message).toContain('10/12 = 83,3%');
  });
  test.each(['83,3%', '83%', '10/12', 0.8333])(
    'a typed rate "%s" equal to the count, rounded, is fine',
    (typed) => {
      const grid = buildMau14({ typedComputer: typed, typedMailbox: typed, typedTotal: 12 });
      expect(rules(grid, 'ratio-differs')).toEqual([]);
      expect(rules(grid, 'ratio-not-filled')).toEqual([]);
    },
  );
  test('"83,0%" shows a decimal, so it is not a rounding of 83,33%', () => {
    expect(rules(buildMau14({ typedComputer: '83,0%' }), 'ratio-differs')).toHaveLength(1);
  });
  test('a number cell formatted as % is read as such', () => {
    const grid = buildMau14({ typedComputer: 0.75 });
    const row = rowStarting(grid, '- Tỷ lệ CBCC có máy tính');
    patchCell(grid, row, 1, { numberFormat: '0.0%' });
    const f = rules(grid, 'ratio-differs');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('75,0%');
  });
  test('a wrong total is reported', () => {
    const f = rules(buildMau14({ typedTotal: 13 }), 'ratio-differs');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/ghi 13 .*12/);
  });
  test('figures typed inside the label are checked too', () => {
    const grid = buildMau14({
      figuresInLabel: true,
      typedTotal: 12,
      typedComputer: '90%',
      typedMailbox: '83,3%',
    });
    const f = rules(grid, 'ratio-differs');
    expect(f).toHaveLength(1);
    expect(f[0].cell).toBe(toA1(rowStarting(grid, '- Tỷ lệ CBCC có máy tính'), 0));
  });
  test('a live formula without a cached result is not "not filled"', () => {
    const grid = buildMau14({ typedTotal: 12, typedComputer: '83,3%' });
    const row = rowStarting(grid, '- Tỷ lệ CBCC được cấp');
    patchCell(grid, row, 5, { kind: 'empty', value: null, formula: 'IFERROR(1/1,"")' });
    expect(rules(grid, 'ratio-not-filled')).toEqual([]);
  });
});

describe('blank entries', () => {
  const staff = (extra: Partial<Staff>[]): Staff[] => [
    ...HOANG_KIM_STAFF.slice(0, 3),
    ...extra.map((e) => ({ name: '', position: '', computer: '', mailbox: '', ...e })),
    ...HOANG_KIM_STAFF.slice(3, 5),
  ];
  test('a numbered row with ticks but no name', () => {
    const g = buildMau14({ staff: staff([{ computer: 'x' }]) });
    const f = rules(g, 'blank-entry');
    expect(f).toHaveLength(1);
    expect(f[0].cell).toBe(toA1(6, 1));
    expect(f[0].message).toContain('số thứ tự 4');
  });
  test('a numbered empty row between entries', () => {
    expect(rules(buildMau14({ staff: staff([{}]) }), 'blank-entry')).toHaveLength(1);
  });
  test('"4." counts as a number too', () => {
    const g = buildMau14({ staff: staff([{ stt: '4.', computer: 'x' }]) });
    expect(rules(g, 'blank-entry')[0].message).toContain('Dòng số thứ tự 4 ');
  });
  test('numbered rows left empty at the end (a pre-numbered form) are not reported', () => {
    expect(rules(buildMau14({ emptyNumbered: 5 }), 'blank-entry')).toEqual([]);
  });
  test('an unnamed row is not counted', () => {
    const g = buildMau14({ staff: staff([{ computer: 'x' }]) });
    expect(ratio(g, 'computer')).toMatchObject({ numerator: 5, denominator: 5 });
  });
});

describe('Mẫu 2.5: enterprises using e-contracts', () => {
  const g = buildMau25({ merged: true });
  test('rate over the enterprises listed', () => {
    // ticked: Có, x, Có (VNPT), X, Có (the duplicate), ✓
    expect(ratio(g, 'e-contract')).toMatchObject({ numerator: 6, denominator: 10 });
    expect(ratio(g, 'enterprises').value).toBe(10);
  });
  test('the same enterprise and phone twice (phone written differently)', () => {
    const f = rules(g, 'duplicate-entry');
    expect(f).toHaveLength(1);
    expect(f[0].cell).toBe('B12');
    expect(f[0].message).toContain('hàng 5');
  });
  test('same name with another phone is not a duplicate', () => {
    const other = buildMau25({
      enterprises: [
        { name: 'Công ty TNHH Thương mại Hoàng Kim', phone: '0912 345 678', uses: 'x' },
        { name: 'Công ty TNHH Thương mại Hoàng Kim', phone: '0913 000 111', uses: 'x' },
      ],
    });
    expect(rules(other, 'duplicate-entry')).toEqual([]);
  });
  test('a 9-digit phone is reported; +84, dots, a landline and a number cell are not', () => {
    const f = rules(g, 'invalid-phone');
    expect(f.map((x) => x.cell)).toEqual(['C10']);
    expect(f[0].message).toContain('098 123 456');
  });
  test('a provider written without the tick, and an unclear mark, are reported', () => {
    const f = rules(g, 'mark-unclear');
    expect(f.map((x) => x.cell)).toEqual(['D9', 'D14']);
    expect(f[0].message).toContain('FPT.eContract');
    expect(f[1].message).toContain('chưa rõ');
  });
  test('rate typed right: no ratio finding', () => {
    const grid = buildMau25({ merged: true, typedTotal: 10, typedRate: '60%' });
    expect(evaluate(grid).findings.filter((f) => f.rule.startsWith('ratio-'))).toEqual([]);
  });
});

describe('Mẫu 2.6: a platform named counts as using one', () => {
  test('3 of 5', () => {
    expect(ratio(buildMau26(), 'digital-platform')).toMatchObject({ numerator: 3, denominator: 5 });
  });
  test('criterion 2.6 on its rate line', () => {
    const f = rules(buildMau26({ typedRate: '80%' }), 'ratio-differs');
    expect(f[0].criterion).toBe('2.6');
    expect(f[0].message).toContain('3/5 = 60,0%');
  });
});

describe('Mẫu 3.3: adults, smartphones, security apps', () => {
  const g = buildMau33();
  test('smartphone over adults', () => {
    expect(ratio(g, 'smartphone')).toMatchObject({ numerator: 10, denominator: 12 });
  });
  test('security app over adults WITH A SMARTPHONE (criterion 3.3)', () => {
    expect(ratio(g, 'security-app')).toMatchObject({ numerator: 7, denominator: 10 });
    expect(ratio(g, 'security-app').value).toBeCloseTo(0.7, 12);
  });
  test('digital signature and online services over adults', () => {
    expect(ratio(g, 'digital-signature')).toMatchObject({ numerator: 4, denominator: 12 });
    expect(ratio(g, 'online-services')).toMatchObject({ numerator: 6, denominator: 12 });
    expect(ratio(g, 'adults').value).toBe(ADULTS.length);
  });
  test('a security app ticked without a smartphone is unclear and not counted', () => {
    const f = rules(g, 'mark-unclear');
    const lam = ADULTS.findIndex((a) => a.name === 'Mai Văn Lâm') + 3;
    expect(f.map((x) => x.cell)).toEqual([toA1(lam, 3)]);
    expect(f[0].message).toContain('Mai Văn Lâm');
  });
  test('a short phone number', () => {
    const f = rules(g, 'invalid-phone');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('0912 345 60');
  });
  test('a missing summary line is reported', () => {
    const f = rules(buildMau33({ omit: ['security'] }), 'ratio-not-filled').filter(
      (x) => x.criterion === '3.3',
    );
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/^Thiếu dòng/);
    expect(f[0].message).toContain('7/10 = 70,0%');
  });
  test('figures typed as the officials did, one wrong', () => {
    const grid = buildMau33({
      typed: {
        total: 12,
        smartphone: '83,3%',
        security: '58,3%',
        signature: '33,3%',
        online: '50%',
      },
    });
    const f = evaluate(grid).findings.filter((x) => x.rule.startsWith('ratio-'));
    // 58,3% = 7/12: the security rate computed over all adults instead of smartphone owners
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'ratio-differs', criterion: '3.3' });
    expect(f[0].message).toContain('58,3%');
    expect(f[0].message).toContain('7/10 = 70,0%');
  });
  test('with no smartphone owner at all the security rate is not compared', () => {
    const none = ADULTS.map((a) => ({ ...a, smartphone: '' }));
    const grid = buildMau33({ adults: none, typed: { security: '0%' } });
    expect(rules(grid, 'ratio-differs')).toEqual([]);
  });
});

describe('Mẫu 4.1 and 4.5: counts', () => {
  test('boxes and stations; no finding for the summary lines the official layout lacks', () => {
    const e = evaluate(buildMau41());
    expect(e.ratios.map((r) => [r.key, r.value, r.kind])).toEqual([
      ['fibre-boxes', 4, 'count'],
      ['base-stations', 3, 'count'],
    ]);
    expect(e.findings).toEqual([]);
  });
  test('wifi points: value = count, denominator 1', () => {
    expect(ratio(buildMau45(), 'wifi-points')).toMatchObject({
      value: 5,
      numerator: 5,
      denominator: 1,
    });
    expect(rules(buildMau45({ typed: 5 }), 'ratio-differs')).toEqual([]);
    const f = rules(buildMau45({ typed: '6 điểm' }), 'ratio-differs');
    expect(f).toHaveLength(1);
    expect(f[0].criterion).toBe('4.5');
  });
  test('the same wifi point twice', () => {
    const g = buildMau45({
      points: [
        ['Nhà văn hóa thôn Đông', 'Thôn Đông'],
        ['Nhà văn hoá thôn Đông', 'Thôn Đông'],
      ],
    });
    // "hóa" and "hoá" (two accent placements) are the same word
    expect(rules(g, 'duplicate-entry')).toHaveLength(1);
  });
});
