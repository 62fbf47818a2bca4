import { analyzeWorkbook } from '../../../../src/core/analyze';
import { loadCatalog } from '../../../../src/core/catalog';
import { importCriteriaTable, readTarget } from '../../../../src/core/catalog/table-import';
import { gridOf } from '../../../support/scoring-sheets';
import { PLAN_RESULTS, PLAN_TABLE, planAppendixRows } from '../../../support/criteria-tables';

describe('readTarget: targets as officials type them', () => {
  it.each([
    ['trên 90%', '%', { kind: 'min-rate', value: 0.9, strict: true }],
    ['Trên 60%', '', { kind: 'min-rate', value: 0.6, strict: true }],
    ['> 50%', '%', { kind: 'min-rate', value: 0.5, strict: true }],
    ['100%', '%', { kind: 'min-rate', value: 1 }],
    ['80% trở lên', '%', { kind: 'min-rate', value: 0.8 }],
    ['đạt 70%', '', { kind: 'min-rate', value: 0.7 }],
    ['≥ 69,5%', '', { kind: 'min-rate', value: 0.695 }],
    ['90', '%', { kind: 'min-rate', value: 0.9 }],
    ['3', 'Hệ thống', { kind: 'min-count', value: 3 }],
    ['trên 3', 'Camera', { kind: 'min-count', value: 4 }],
    ['Có', '', { kind: 'yes' }],
    ['Đáp ứng', '', { kind: 'qualitative', accept: ['Đáp ứng'] }],
  ])('%s (%s)', (text, unit, expected) => {
    const r = readTarget(text, unit, 'Chỉ tiêu');
    expect(r.target).toMatchObject(expected);
    if (!('strict' in expected) && r.target?.kind === 'min-rate')
      expect(r.target.strict).toBeUndefined();
  });

  it('a bare number: a rate when the name is a rate (a guess said), else a count', () => {
    const rate = readTarget('90', '', 'Tỷ lệ dân số trưởng thành có tài khoản');
    expect(rate.target).toMatchObject({ kind: 'min-rate', value: 0.9 });
    expect(rate.guesses[0]).toMatch(/không có đơn vị/);
    const count = readTarget('2', '', 'Số điểm wifi công cộng');
    expect(count.target).toMatchObject({ kind: 'min-count', value: 2 });
    expect(count.guesses[0]).toMatch(/không có đơn vị/);
  });

  it('unreadable: empty, over 100%, a negative, a fraction of a count', () => {
    expect(readTarget('', '%', 'x').problem).toBeTruthy();
    expect(readTarget('120%', '%', 'x').problem).toMatch(/100%/);
    expect(readTarget('Không', '', 'x').problem).toBeTruthy();
    expect(readTarget('2,5', 'Hệ thống', 'x').problem).toBeTruthy();
  });
});

describe('importCriteriaTable: a commune plan (ten criteria in three groups)', () => {
  const result = importCriteriaTable(gridOf('Chỉ tiêu 2024', PLAN_TABLE), { id: 'hop-thinh-2024' });
  const cat = result.catalog!;

  it('writes a catalog that loads and validates, with its groups and ten criteria', () => {
    expect(cat).not.toBeNull();
    expect(loadCatalog(JSON.parse(JSON.stringify(result.json)))).toEqual(cat);
    expect(cat.groups.map((g) => [g.code, g.name])).toEqual([
      ['1', 'Phát triển chính quyền số'],
      ['2', 'Phát triển kinh tế số'],
      ['3', 'Phát triển xã hội số'],
    ]);
    expect(cat.criteria.map((c) => c.code)).toEqual(PLAN_RESULTS.map((r) => r.code));
    expect(cat.year).toBe(2024);
    expect(cat.criteria[0].target).toMatchObject({ kind: 'min-rate', value: 0.9, strict: true });
    expect(cat.criteria[0].evidence).toEqual(['Báo cáo của Bộ phận một cửa']);
    expect(cat.criteria[0].evidenceRequired).toBe(true);
  });

  it('says which row it could not read and every guess, in Vietnamese, with the row', () => {
    const skipped = result.notes.filter((n) => n.kind === 'skipped');
    const row5 =
      PLAN_TABLE.findIndex(
        (r) => r[1] === 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      ) + 1;
    expect(skipped.map((n) => n.row)).toEqual([row5]);
    expect(skipped[0].message).toMatch(/chưa ghi chỉ tiêu/);
    const guesses = result.notes.filter((n) => n.kind === 'guess').map((n) => n.message);
    expect(guesses.some((g) => /^3\.2: .*không có đơn vị/.test(g))).toBe(true);
    expect(guesses.some((g) => /^1\.4: không ghi đơn vị tính/.test(g))).toBe(true);
  });

  it('validate with it on an appendix made for it judges every criterion ("90%" vs "trên 90%": not met)', () => {
    const rows = planAppendixRows(cat.criteria, cat.groups);
    const report = analyzeWorkbook({ sheets: [gridOf('Phụ lục 01', rows)] }, cat);
    const sheet = report.sheets[0];
    expect(sheet.kind).toBe('phu-luc-01');
    const verdicts = Object.fromEntries(sheet.criteria.map((c) => [c.code, c.verdict]));
    expect(verdicts).toEqual(Object.fromEntries(PLAN_RESULTS.map((r) => [r.code, r.verdict])));
  });

  it('a table whose targets stand in the names (no target column) still gives targets, as guesses', () => {
    const rows = PLAN_TABLE.map((r) =>
      r.length >= 4 ? [r[0], r[1] && r[3] ? `${r[1]} đạt ${r[3]}` : r[1]] : r,
    );
    rows[5] = ['STT', 'Chỉ tiêu'];
    const res = importCriteriaTable(gridOf('x', rows), { id: 'x-2024' });
    expect(res.catalog).not.toBeNull();
    const c11 = res.catalog!.criteria.find((c) => c.code === '1.1')!;
    expect(c11.target).toMatchObject({ kind: 'min-rate', value: 0.9, strict: true });
    expect(c11.name).toBe('Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ');
    expect(
      res.notes.some((n) => n.kind === 'guess' && /không có cột chỉ tiêu/.test(n.message)),
    ).toBe(true);
  });

  it('no header: one clear note, no catalog', () => {
    const res = importCriteriaTable(gridOf('x', [['Kính gửi'], ['abc']]));
    expect(res.catalog).toBeNull();
    expect(res.notes[0].message).toMatch(/không có dòng tiêu đề/);
  });
});
