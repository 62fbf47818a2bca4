/**
 * The appraisal menu (level × chain of the catalog), shared by the pane's **Tạo sheet thẩm
 * định** and the standalone page's **Tải tệp có phụ lục thẩm định**. Pure.
 */
import type { Catalog } from '../core';

/** One choice of the appraisal menu: a level of a chain that appraises another. */
export interface AppraisalChoice {
  key: string;
  chain: string;
  level: string;
  /** "PHỤ LỤC 02 — UBND cấp huyện (Thanh Hóa 2023: xã → huyện → tỉnh)" */
  label: string;
}

/** Every (chain, level) pair whose level is not the chain's first (self-assessment). */
export function appraisalChoices(catalog: Catalog): AppraisalChoice[] {
  const out: AppraisalChoice[] = [];
  for (const chain of catalog.chains) {
    chain.levels.slice(1).forEach((id) => {
      const level = catalog.levels.find((l) => l.id === id);
      if (!level) return;
      out.push({
        key: `${chain.id}:${id}`,
        chain: chain.id,
        level: id,
        label: `${level.appendixTitle} — ${level.label} (${chain.label})`,
      });
    });
  }
  // the default chain first
  return out.sort(
    (a, b) => Number(b.chain === catalog.defaultChain) - Number(a.chain === catalog.defaultChain),
  );
}
