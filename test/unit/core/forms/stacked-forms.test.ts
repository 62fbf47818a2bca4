/**
 * Several evidence forms stacked in one sheet ("Biểu mẫu": Mẫu 1.4 on top, Mẫu 3.3 below):
 * each is recognised, counted, checked and filled, one report entry per form with its range.
 * Lists: 21 staff, 20 with a computer; 60 adults, 54 with a smartphone.
 */
import { analyzeWorkbook } from '../../../../src/core/analyze';
import { planFillWorkbook } from '../../../../src/core/appendix/fill';
import type { Cell, SheetGrid, WorkbookSnapshot } from '../../../../src/core/model/grid';
import { applyPlanToSnapshot } from '../../../../src/core/plan/apply-to-snapshot';
import { jsonSheet } from '../../../../src/cli/report-json';
import {
  ADULTS,
  buildMau14,
  buildMau33,
  HOANG_KIM_STAFF,
  type Adult,
  type Staff,
} from '../../../support/fixtures/forms-builders';
import { catalog, evaluateFormulas, hoangKimGrid } from '../../../support/fill-support';

const SHEET = 'Biểu mẫu';

/** 21 staff: the 12 of Hoàng Kim made regular, then 9 more; only the last has no computer. */
function staff(): Staff[] {
  return Array.from({ length: 21 }, (_, i) => ({
    ...HOANG_KIM_STAFF[i % HOANG_KIM_STAFF.length],
    name: `Cán bộ ${i + 1}`,
    computer: i === 20 ? '' : 'x',
    mailbox: `canbo${i + 1}.hoangkim@thanhhoa.gov.vn`,
  }));
}

/** 60 adults, 54 with a smartphone (every tenth has none). */
function adults(): Adult[] {
  return Array.from({ length: 60 }, (_, i) => ({
    ...ADULTS[0],
    name: `Người dân ${i + 1}`,
    phone: `0912 345 ${String(100 + i)}`,
    smartphone: i % 10 === 9 ? '' : 'x',
  }));
}

/** Two grids one under the other, `gap` empty rows between. */
function stack(name: string, top: SheetGrid, bottom: SheetGrid, gap = 3): SheetGrid {
  const offset = Math.max(...top.cells.map((c) => c.row)) + 1 + gap;
  const cells: Cell[] = [
    ...top.cells.map((c) => ({ ...c })),
    ...bottom.cells.map((c) => ({ ...c, row: c.row + offset })),
  ];
  const merges = [
    ...top.merges,
    ...bottom.merges.map((m) => ({ ...m, top: m.top + offset, bottom: m.bottom + offset })),
  ];
  return { name, cells, merges };
}

function workbook(): WorkbookSnapshot {
  const forms = stack(SHEET, buildMau14({ staff: staff() }), buildMau33({ adults: adults() }));
  return {
    name: 'xa.xlsx',
    sheets: [
      { ...hoangKimGrid(), index: 0 },
      { ...forms, index: 1 },
    ],
  };
}

const ratio = (r: { numerator: number; denominator: number }) => `${r.numerator}/${r.denominator}`;

describe('Mẫu 1.4 and Mẫu 3.3 stacked in one sheet', () => {
  const wb = workbook();
  const report = analyzeWorkbook(wb, catalog);
  const forms = report.sheets.filter((s) => s.name === SHEET);

  it('one report entry per form, each with its own range', () => {
    expect(forms.map((f) => f.kind)).toEqual(['mau-1.4', 'mau-3.3']);
    const [a, b] = forms.map((f) => f.range!);
    expect(a).toMatch(/^A1:[A-Z]+\d+$/);
    expect(b).toMatch(/^A\d+:[A-Z]+\d+$/);
    const lastOfA = Number(/(\d+)$/.exec(a)![1]);
    const firstOfB = Number(/^A(\d+)/.exec(b)![1]);
    expect(lastOfA).toBeLessThan(firstOfB);
    // JSON consumers see both, with the range
    expect(forms.map((f) => jsonSheet(f).range)).toEqual([a, b]);
  });

  it('both are read: 20/21 computers, 54/60 smartphones', () => {
    const computer = forms[0].ratios.find((r) => r.key === 'computer')!;
    const smartphone = forms[1].ratios.find((r) => r.key === 'smartphone')!;
    expect(ratio(computer)).toBe('20/21');
    expect(ratio(smartphone)).toBe('54/60');
  });

  it('each form’s findings stay within its own rows', () => {
    for (const f of forms) {
      const [from, to] = f.range!.split(':').map((a) => Number(/\d+$/.exec(a)![0]));
      for (const x of f.findings) {
        const row = Number(/\d+$/.exec(x.cell)![0]);
        expect({ cell: x.cell, inside: row >= from && row <= to }).toEqual({
          cell: x.cell,
          inside: true,
        });
      }
    }
  });

  it('fill writes the summary formulas of both forms; computed, they give 20/21 and 54/60', () => {
    const plan = planFillWorkbook(wb, report, catalog, analyzeWorkbook);
    const filled = applyPlanToSnapshot(wb, plan);
    const formulaCells = plan.edits.flatMap((e) =>
      e.op === 'set-formula' && e.sheet === SHEET ? [e] : [],
    );
    const computed = evaluateFormulas(filled);
    const after = analyzeWorkbook(filled, catalog).sheets.filter((s) => s.name === SHEET);
    expect(after.map((s) => s.kind)).toEqual(['mau-1.4', 'mau-3.3']);
    const value = (s: (typeof after)[number], key: string) => {
      const r = s.ratios.find((x) => x.key === key)!;
      return computed.get(`${SHEET}!${r.cell}`);
    };
    const rows = formulaCells.map((e) => Number(/\d+$/.exec(e.cell)![0]));
    const boundary = Number(/^A(\d+)/.exec(forms[1].range!)![1]);
    expect(rows.some((r) => r < boundary)).toBe(true);
    expect(rows.some((r) => r > boundary)).toBe(true);
    expect(value(after[0], 'computer')).toBeCloseTo(20 / 21, 10);
    expect(value(after[1], 'smartphone')).toBeCloseTo(54 / 60, 10);
  });
});
