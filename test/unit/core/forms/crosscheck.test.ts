/**
 * PHỤ LỤC 01 against its evidence forms in one workbook: seed 004's appendix (Hoàng Kim, as
 * typed) with forms whose counts differ from — or match — what the officials copied.
 */
import { analyzeWorkbook } from '../../../../src/core/analyze';
import { defaultCatalog } from '../../../../src/core/catalog/catalog';
import type { WorkbookSnapshot } from '../../../../src/core/model/grid';
import { crossCheckEvidence, planLinkForms } from '../../../../src/core/forms';
import { gridFromTsv, readSeedTable } from '../../../support/fixtures/tsv-grid';
import {
  ADULTS,
  buildMau14,
  buildMau25,
  buildMau33,
  buildMau45,
  type Enterprise,
} from '../../../support/fixtures/forms-builders';

const catalog = defaultCatalog();
const PL01 = 'Phụ lục 01';

/** 28 enterprises, 15 using e-contracts: 15/28 = 53,57 %, the figure seed 004 typed for 2.5. */
function enterprises(total: number, ticked: number): Enterprise[] {
  return Array.from({ length: total }, (_, i) => ({
    name: `Công ty TNHH Thương mại số ${i + 1}`,
    phone: `0912 000 ${String(100 + i).padStart(3, '0')}`,
    uses: i < ticked ? 'x' : 'Không',
  }));
}

function workbook(): WorkbookSnapshot {
  return {
    name: 'hoang-kim.xlsx',
    sheets: [
      gridFromTsv(PL01, readSeedTable('hoang-kim-pl01.tsv')),
      buildMau14({ sheet: 'Mẫu 1.4' }),
      buildMau25({ sheet: 'Mẫu 2.5', enterprises: enterprises(28, 15) }),
      buildMau33({ sheet: 'Mẫu 3.3' }),
      buildMau45({ sheet: 'Mẫu 4.5' }),
    ],
  };
}

const report = analyzeWorkbook(workbook(), catalog);
const pl01 = report.sheets.find((s) => s.name === PL01)!;
const differs = pl01.findings.filter((f) => f.rule === 'evidence-differs');
const byCode = (code: string) => differs.find((f) => f.criterion === code);

test('the workbook is read as an appendix and four forms', () => {
  expect(report.sheets.map((s) => s.kind)).toEqual([
    'phu-luc-01',
    'mau-1.4',
    'mau-2.5',
    'mau-3.3',
    'mau-4.5',
  ]);
});

test('1.4 (mailbox) and 4.3 (computer) typed 100% against Mẫu 1.4 counting 10/12', () => {
  for (const code of ['1.4', '4.3']) {
    const f = byCode(code)!;
    expect(f.severity).toBe('error');
    expect(f.sheet).toBe(PL01);
    expect(f.message).toContain('100%');
    expect(f.message).toContain('83,3% (10/12)');
    expect(f.message).toContain('Mẫu 1.4');
  }
});

test('the finding sits on the Kết quả cell of the criterion row', () => {
  const row = pl01.criteria.find((c) => c.code === '3.3')!.row;
  const col = pl01.layout!.columns['result-commune']!;
  expect(byCode('3.3')!.cell).toBe(`${String.fromCharCode(65 + col)}${row}`);
});

test('3.3 is over smartphone owners: 64,6% typed, 70,0% (7/10) counted', () => {
  expect(byCode('3.3')!.message).toContain('64,6%');
  expect(byCode('3.3')!.message).toContain('70,0% (7/10)');
});

test('3.4, 3.10 and 3.11 each against their Mẫu 3.3 column', () => {
  expect(byCode('3.4')!.message).toContain('83,3% (10/12)');
  expect(byCode('3.10')!.message).toContain('33,3% (4/12)');
  expect(byCode('3.11')!.message).toContain('50,0% (6/12)');
});

test('4.5: "14 điểm" typed, 5 wifi points listed', () => {
  const f = byCode('4.5')!;
  expect(f.message).toContain('14');
  expect(f.message).toContain('tính được 5');
});

test('2.5 typed 53,57% matches 15/28 listed: no finding', () => {
  expect(byCode('2.5')).toBeUndefined();
});

test('criteria whose form is not in the workbook are not compared (2.6)', () => {
  expect(byCode('2.6')).toBeUndefined();
});

test('a typed value equal to the count within its rounding is not reported', () => {
  const sheets = report.sheets.map((s) =>
    s.name !== PL01
      ? s
      : {
          ...s,
          criteria: s.criteria.map((c) =>
            c.code === '3.3'
              ? { ...c, value: 0.7, parsed: { kind: 'rate' as const, value: 0.7, raw: '70%' } }
              : c,
          ),
        },
  );
  expect(crossCheckEvidence(sheets, catalog).find((f) => f.criterion === '3.3')).toBeUndefined();
});

test('without any form, nothing is cross-checked', () => {
  const only = analyzeWorkbook(
    { sheets: [gridFromTsv(PL01, readSeedTable('hoang-kim-pl01.tsv'))] },
    catalog,
  );
  expect(only.sheets[0].findings.filter((f) => f.rule === 'evidence-differs')).toEqual([]);
});

describe('a form split over several sheets (Mẫu 3.3 per thôn)', () => {
  const thonDong = buildMau33({ sheet: 'Thôn Đông' });
  const thonDoai = buildMau33({ sheet: 'Thôn Đoài', adults: ADULTS.slice(0, 5) });
  const snap = {
    sheets: [gridFromTsv(PL01, readSeedTable('hoang-kim-pl01.tsv')), thonDong, thonDoai],
  };
  const r = analyzeWorkbook(snap, catalog);
  const app = r.sheets[0];

  test('the counts add up across the sheets', () => {
    // security app: 7/10 in thôn Đông, 5/5 in thôn Đoài (its first five adults) → 12/15 = 80%
    const f = app.findings.find((x) => x.rule === 'evidence-differs' && x.criterion === '3.3')!;
    expect(f.message).toContain('80,0% (12/15)');
    expect(f.message).toContain('"Thôn Đông", "Thôn Đoài"');
  });

  test('fill does not link a split form, and says why', () => {
    const plan = planLinkForms(snap, app, r.sheets.slice(1), catalog);
    expect(plan.edits).toEqual([]);
    expect(plan.notes?.some((n) => n.startsWith('3.3:') && n.includes('2 sheet'))).toBe(true);
  });
});
