import { bundledCatalog, catalogIds } from '../../../../src/core/catalog';
import type { Catalog } from '../../../../src/core/catalog/types';
import { importCriteriaTable } from '../../../../src/core/catalog/table-import';
import { planCatalogTable, TABLE_SHEET_NAME } from '../../../../src/core/catalog/table-export';
import { applyPlanToSnapshot } from '../../../../src/core/plan/apply-to-snapshot';

/** What a table carries: codes, names, units, targets, evidence, points. */
function tableContent(cat: Catalog) {
  return {
    groups: cat.groups.map((g) => ({ code: g.code, name: g.name, points: g.points })),
    criteria: cat.criteria.map((c) => ({
      code: c.code,
      group: c.group,
      name: c.name,
      unit: c.unit,
      points: c.points,
      evidence: c.evidence,
      target:
        c.target.kind === 'min-rate'
          ? { kind: c.target.kind, value: c.target.value, strict: !!c.target.strict }
          : c.target.kind === 'min-count'
            ? { kind: c.target.kind, value: c.target.value }
            : c.target.kind === 'qualitative'
              ? { kind: c.target.kind, text: c.target.text }
              : { kind: c.target.kind },
    })),
  };
}

describe('catalog export → import round trip', () => {
  it.each(catalogIds())('%s: the table reads back as the same criteria', (id) => {
    const cat = bundledCatalog(id);
    const plan = planCatalogTable(cat);
    const wb = applyPlanToSnapshot({ sheets: [] }, plan);
    const sheet = wb.sheets.find((s) => s.name === TABLE_SHEET_NAME)!;
    const back = importCriteriaTable(sheet, {
      id: cat.id,
      title: cat.title,
      province: cat.province,
    });
    expect(back.notes.filter((n) => n.kind === 'skipped')).toEqual([]);
    expect(back.catalog).not.toBeNull();
    expect(tableContent(back.catalog!)).toEqual(tableContent(cat));
    expect(back.catalog!.year).toBe(cat.year);
    expect(back.catalog!.scoring?.total).toBe(cat.scoring?.total);
  });
});
