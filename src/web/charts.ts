/**
 * What the page's charts show, as data (the SVG components only draw it):
 * - per appendix, met / unmet / undetermined per group of the catalog;
 * - with several files, the communes ranked by their rate of criteria met.
 */
import type { Catalog, SheetReport, RollupModel } from '../core';

export interface GroupBar {
  code: string;
  name: string;
  met: number;
  unmet: number;
  undetermined: number;
}

/** The sheet's criteria counted by the catalog's groups (groups without a criterion left out). */
export function groupBars(sheet: SheetReport, catalog: Catalog): GroupBar[] {
  const groupOf = new Map(catalog.criteria.map((c) => [c.code, c.group]));
  const bars = new Map<string, GroupBar>(
    catalog.groups.map((g) => [
      g.code,
      { code: g.code, name: g.name, met: 0, unmet: 0, undetermined: 0 },
    ]),
  );
  for (const c of sheet.criteria) {
    const g = groupOf.get(c.code);
    const bar = g !== undefined ? bars.get(g) : undefined;
    if (bar) bar[c.verdict]++;
  }
  return [...bars.values()].filter((b) => b.met + b.unmet + b.undetermined > 0);
}

export interface RankEntry {
  key: string;
  /** "Hoàng Kim": the commune as the roll-up names it */
  label: string;
  rank: number;
  met: number;
  criteria: number;
  /** met / criteria (0 when there is no criterion) */
  rate: number;
}

/** The roll-up's communes, best rate first (its order and ranks: equal rates share a rank). */
export function rankEntries(model: RollupModel): RankEntry[] {
  return model.communes.map((c) => ({
    key: `${c.file}›${c.sheet}`,
    label: c.commune,
    rank: c.rank,
    met: c.met,
    criteria: c.criteria,
    rate: c.rate,
  }));
}
