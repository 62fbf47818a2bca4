/**
 * A Đánh giá formula whose cached value is stale (the file was saved by a program that does not
 * recalculate): reported once as stale-formula with the value the formula computes, never as a
 * verdict-mismatch. A formula the core cannot compute keeps today's behaviour.
 */
import { planFill } from '../../../../src/core/appendix/fill';
import { computeVerdictFormula } from '../../../../src/core/appendix/stale-verdict';
import type { Finding } from '../../../../src/core/model/findings';
import { toA1, type Cell, type WorkbookSnapshot } from '../../../../src/core/model/grid';
import { applyPlanToSnapshot } from '../../../../src/core/plan/apply-to-snapshot';
import { rowOf, withCell } from '../../../support/fixtures/tsv-grid';
import {
  PL01,
  analyze,
  catalog,
  numericVariant,
  sheetOf,
  snapshotOf,
} from '../../../support/fill-support';

const rules = (snap: WorkbookSnapshot, rule: string): Finding[] =>
  analyze(snap).sheets.flatMap((s) => s.findings.filter((f) => f.rule === rule));

/** The appendix after `fill`: live verdict formulas with fresh cached values. */
function filled(): WorkbookSnapshot {
  const before = snapshotOf(numericVariant());
  return applyPlanToSnapshot(before, planFill(before, analyze(before), catalog));
}

function verdictCells(snap: WorkbookSnapshot): Cell[] {
  return sheetOf(snap, PL01).cells.filter(
    (c) => c.formula?.startsWith('IF(TRIM(') && (c.value === 'Đạt' || c.value === 'Không đạt'),
  );
}

/** The snapshot with `cells` replaced. */
function withCells(snap: WorkbookSnapshot, cells: Cell[]): WorkbookSnapshot {
  let g = sheetOf(snap, PL01);
  for (const c of cells) g = withCell(g, c);
  return snapshotOf(g);
}

describe('stale-formula: a verdict formula whose cache was not recalculated', () => {
  it('a fresh cache is quiet', () => {
    const snap = filled();
    expect(verdictCells(snap).length).toBeGreaterThan(5);
    expect(rules(snap, 'stale-formula')).toEqual([]);
  });

  it('poisoned caches give one stale-formula per cell and no verdict-mismatch', () => {
    const snap = filled();
    const cells = verdictCells(snap);
    const poisoned = cells.slice(0, 4).map((c, i): Cell =>
      i === 3
        ? { ...c, kind: 'empty', value: null } // saved without its value
        : { ...c, value: c.value === 'Đạt' ? 'Không đạt' : 'Đạt' },
    );
    const found = rules(withCells(snap, poisoned), 'stale-formula');
    expect(found.map((f) => f.cell).sort()).toEqual(poisoned.map(toA1Of).sort());
    for (const [i, c] of poisoned.entries()) {
      const f = found.find((x) => x.cell === toA1Of(c))!;
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('công thức chưa được tính lại');
      expect(f.message).toContain(`tính ra “${String(cells[i].value)}”`);
    }
    expect(rules(withCells(snap, poisoned), 'verdict-mismatch')).toEqual([]);
  });

  it('69,9 % against 70 %: the formula computes Không đạt while the cache says Đạt', () => {
    let snap = filled();
    const g = sheetOf(snap, PL01);
    const r = rowOf(g, '1.6');
    const verdict = g.cells.find((c) => c.row === r && c.formula?.startsWith('IF(TRIM('))!;
    expect(verdict.value).toBe('Đạt'); // 82,9 %, fresh
    const result: Cell = { row: r, col: 4, kind: 'number', value: 0.699, numberFormat: '0.0%' };
    snap = withCells(snap, [result]);
    const found = rules(snap, 'stale-formula');
    expect(found.map((f) => f.cell)).toEqual([toA1Of(verdict)]);
    expect(found[0].message).toContain('tính ra “Không đạt”');
    expect(rules(snap, 'verdict-mismatch')).toEqual([]);
    // 70,0 % exactly computes Đạt: the cache is right, nothing to say
    snap = withCells(snap, [{ ...result, value: 0.7 }]);
    expect(rules(snap, 'stale-formula')).toEqual([]);
  });

  it('a simple IF over the result cell is computed; an unknown formula keeps today’s behaviour', () => {
    let snap = filled();
    const g = sheetOf(snap, PL01);
    const r = rowOf(g, '1.6');
    const verdict = g.cells.find((c) => c.row === r && c.formula?.startsWith('IF(TRIM('))!;
    const result = g.cells.find((c) => c.row === r && c.col === 4)!;
    const ref = toA1Of(result);
    const simple = `IF(${ref}>=70%,"Đạt","Không đạt")`;
    // computes what it caches: quiet
    snap = withCells(snap, [{ ...verdict, formula: simple, value: 'Đạt' }]);
    expect(rules(snap, 'stale-formula')).toEqual([]);
    // stale: 82,9 % ≥ 70 % computes Đạt, the cache says Không đạt
    snap = withCells(snap, [{ ...verdict, formula: simple, value: 'Không đạt' }]);
    expect(rules(snap, 'stale-formula')).toHaveLength(1);
    expect(rules(snap, 'verdict-mismatch')).toEqual([]);
    // a formula the core cannot compute: the typed text is judged as before
    snap = withCells(snap, [
      { ...verdict, formula: `VLOOKUP(${ref},X1:Y9,2)`, value: 'Không đạt' },
    ]);
    expect(rules(snap, 'stale-formula')).toEqual([]);
    expect(rules(snap, 'verdict-mismatch').map((f) => f.cell)).toEqual([toA1Of(verdict)]);
  });

  it('computeVerdictFormula reads "$", spaces and ";" and refuses other cells', () => {
    const crit = catalog.criteria.find((c) => c.target.kind === 'min-rate')!;
    const at: Cell = { row: 11, col: 4, kind: 'number', value: 0.5 };
    expect(
      computeVerdictFormula('= IF( $E$12 >= 0.4 ; "Đạt" ; "Không đạt" )', crit, 'E12', at),
    ).toBe('Đạt');
    expect(computeVerdictFormula('IF(E12>0.5,"Đạt","Không đạt")', crit, 'E12', at)).toBe(
      'Không đạt',
    );
    expect(computeVerdictFormula('IF(E13>0.4,"Đạt","Không đạt")', crit, 'E12', at)).toBeNull();
  });
});

const toA1Of = (c: Cell): string => toA1(c.row, c.col);
