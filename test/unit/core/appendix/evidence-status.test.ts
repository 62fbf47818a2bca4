/**
 * Evidence status per criterion (issue 6 §5, the pane's evidence column), on seed 004's
 * PHỤ LỤC 01 (Hoàng Kim, as typed) read by analyzeWorkbook, alone and with evidence forms.
 */
import { analyzeWorkbook } from '../../../../src/core/analyze';
import { defaultCatalog } from '../../../../src/core/catalog/catalog';
import {
  countEvidenceStatus,
  evidenceStatus,
  splitLinks,
} from '../../../../src/core/appendix/evidence-status';
import type { WorkbookSnapshot } from '../../../../src/core/model/grid';
import {
  evidenceStatusLabel,
  formShortLabel,
  ratioLineVi,
} from '../../../../src/core/model/labels';
import type { SheetReport } from '../../../../src/core/model/report-types';
import { buildMau14, patchCell } from '../../../support/fixtures/forms-builders';
import { gridFromTsv, readSeedTable } from '../../../support/fixtures/tsv-grid';

const catalog = defaultCatalog();
const PL01 = 'Phụ lục 01';
const hoangKim = () => gridFromTsv(PL01, readSeedTable('hoang-kim-pl01.tsv'));

function analyze(wb: WorkbookSnapshot): SheetReport[] {
  return analyzeWorkbook(wb, catalog).sheets;
}

describe('evidenceStatus on Hoàng Kim’s PHỤ LỤC 01', () => {
  const [pl01] = analyze({ sheets: [hoangKim()] });
  const list = evidenceStatus(pl01, catalog);
  const byCode = (code: string) => list.find((e) => e.code === code)!;

  it('lists every criterion once, in the sheet’s order', () => {
    expect(list.map((e) => e.code)).toEqual(pl01.rows!.map((r) => r.code));
    expect(new Set(list.map((e) => e.code)).size).toBe(catalog.criteria.length);
  });

  it('a filled Tài liệu minh chứng cell is “Có minh chứng” with its reference and cell', () => {
    expect(byCode('1.7')).toMatchObject({
      status: 'present',
      reference: 'http://hoangkim.hoanghoa.tanhhoa.gov.vn',
      cell: 'G14',
    });
    // 2.2's reference runs on over a repeated header into a continuation row: both links kept
    const r22 = byCode('2.2');
    expect(r22.status).toBe('present');
    expect(r22.reference).toContain('hoangkim.hoanghoa.tanhhoa.gov.vn');
    expect(r22.reference).toContain('postmart.com.vn/home/Goods/index.html?goods_id=16020');
  });

  it('“Thiếu minh chứng” exactly where the evaluator reported missing-evidence, on its cell', () => {
    const missing = pl01.findings.filter((f) => f.rule === 'missing-evidence');
    expect(missing.length).toBeGreaterThan(10);
    const statusMissing = list.filter((e) => e.status === 'missing');
    expect(statusMissing.map((e) => `${e.code}@${e.cell}`).sort()).toEqual(
      missing.map((f) => `${f.criterion}@${f.cell}`).sort(),
    );
    expect(byCode('1.1')).toMatchObject({ status: 'missing', cell: 'G8' });
    expect(byCode('1.1').message).toBe(missing.find((f) => f.criterion === '1.1')!.message);
    expect(byCode('1.1').reference).toBeUndefined();
  });

  it('“Không yêu cầu” only where the guidance names no document (1.11); filled ones stay “Có”', () => {
    const notRequired = catalog.criteria.filter((c) => !c.evidenceRequired).map((c) => c.code);
    expect(notRequired).toEqual(['1.11']);
    for (const e of list) {
      if (e.status === 'not-required') expect(notRequired).toContain(e.code);
      if (notRequired.includes(e.code)) expect(e.status).not.toBe('missing');
    }
    expect(byCode('1.11').status).toBe('not-required');
  });

  it('evidence named by another department’s dispatch is missing when empty, the dispatch named', () => {
    // Hoàng Kim leaves 3.5–3.8 (Sở Y tế, Sở GD&ĐT) and the other referral rows empty
    const referral = catalog.criteria.filter((c) => (c.evidenceReferences ?? []).length > 0);
    expect(referral.length).toBeGreaterThanOrEqual(12);
    for (const code of ['1.5', '1.6', '2.4', '3.2', '3.5', '3.6', '3.7', '3.8', '3.9', '3.12'])
      expect({ code, status: byCode(code).status }).toEqual({ code, status: 'missing' });
    expect(byCode('3.5').message).toBe(
      '3.5: chưa ghi tài liệu minh chứng (hồ sơ, biểu mẫu theo hướng dẫn tại Công văn số 2579/SYT-VP của Sở Y tế)',
    );
    expect(byCode('3.8').message).toContain(
      'theo hướng dẫn tại Công văn số 1908/SGDĐT-VP của Sở Giáo dục và Đào tạo và Công văn số 2559/SLĐTBXH-GDNN của Sở Lao động, Thương binh và Xã hội',
    );
    // a referral row the commune did fill stays "Có"
    expect(referral.map((c) => c.code)).toContain('2.3');
    expect(byCode('2.3').status).toBe('present');
  });

  it('counts add up to the criteria listed', () => {
    const c = countEvidenceStatus(list);
    expect(c.present + c.missing + c['not-required'] + c.differs).toBe(list.length);
    expect(c.present).toBe(list.filter((e) => e.reference !== undefined).length);
    expect(c.differs).toBe(0);
  });
});

describe('evidenceStatus with evidence forms in the workbook', () => {
  // Mẫu 1.4 counts 10/12 with a mailbox; Hoàng Kim typed 100% for 1.4 and 4.3
  const sheets = analyze({ sheets: [hoangKim(), buildMau14({ sheet: 'Mẫu 1.4' })] });
  const pl01 = sheets[0];
  const list = evidenceStatus(pl01, catalog, sheets);

  it('“Lệch với Mẫu 1.4” where the result differs from its form, with the finding’s message', () => {
    const differs = pl01.findings.filter((f) => f.rule === 'evidence-differs');
    expect(differs.map((f) => f.criterion).sort()).toEqual(['1.4', '4.3']);
    for (const code of ['1.4', '4.3']) {
      const e = list.find((x) => x.code === code)!;
      expect(e.status).toBe('differs');
      expect(e.form).toBe('mau-1.4');
      expect(evidenceStatusLabel(e.status, e.form)).toBe('Lệch với Mẫu 1.4');
      expect(e.message).toBe(differs.find((f) => f.criterion === code)!.message);
      // still the evidence cell (the row's Tài liệu minh chứng), not the result cell
      expect(e.cell).toMatch(/^G\d+$/);
    }
    expect(list.find((x) => x.code === '1.1')!.status).toBe('missing');
  });

  it('a form sheet has no evidence column', () => {
    expect(evidenceStatus(sheets[1], catalog, sheets)).toEqual([]);
  });
});

describe('evidenceStatus on edge cells', () => {
  it('a cell showing a text over a hyperlink keeps both (the link is clickable in the pane)', () => {
    const grid = hoangKim();
    const [before] = analyze({ sheets: [grid] });
    const row = before.rows!.find((r) => r.code === '1.1')!.row;
    patchCell(grid, row, 6, {
      kind: 'string',
      value: 'Kế hoạch CĐS năm 2023',
      hyperlink: 'https://dvc.gov.vn/1.1',
    });
    const [pl01] = analyze({ sheets: [grid] });
    const e = evidenceStatus(pl01, catalog).find((x) => x.code === '1.1')!;
    expect(e).toMatchObject({
      status: 'present',
      reference: 'Kế hoạch CĐS năm 2023',
      hyperlink: 'https://dvc.gov.vn/1.1',
      cell: `G${row + 1}`,
    });
  });

  it('a hyperlink read without display text (an adapter may give one) is evidence too', () => {
    const [pl01] = analyze({ sheets: [hoangKim()] });
    const rows = pl01.rows!.map((r) =>
      r.code === '1.2'
        ? {
            ...r,
            texts: { ...r.texts, evidence: '' },
            cells: {
              ...r.cells,
              evidence: {
                row: r.row,
                col: 6,
                kind: 'empty' as const,
                value: null,
                hyperlink: 'https://x.vn/a',
              },
            },
          }
        : r,
    );
    const findings = pl01.findings.filter((f) => f.criterion !== '1.2');
    const e = evidenceStatus({ ...pl01, rows, findings }, catalog).find((x) => x.code === '1.2')!;
    expect(e).toMatchObject({ status: 'present', reference: 'https://x.vn/a', cell: 'G9' });
  });

  it('a file name typed for a required criterion is “Có minh chứng”', () => {
    const grid = hoangKim();
    const [before] = analyze({ sheets: [grid] });
    const row = before.rows!.find((r) => r.code === '1.4')!.row;
    patchCell(grid, row, 6, { kind: 'string', value: '1.4/Danh sach CBCC.xlsx' });
    const [pl01] = analyze({ sheets: [grid] });
    const e = evidenceStatus(pl01, catalog).find((x) => x.code === '1.4')!;
    expect(e).toMatchObject({ status: 'present', reference: '1.4/Danh sach CBCC.xlsx' });
    expect(e.hyperlink).toBeUndefined();
  });

  it('an appendix without a Tài liệu minh chứng column (PHỤ LỤC 02) gives no list', () => {
    const [pl02] = analyze({ sheets: [gridFromTsv('PL02', readSeedTable('blank-pl02.tsv'))] });
    expect(pl02.kind).toBe('phu-luc-02');
    expect(pl02.layout?.columns.evidence).toBeUndefined();
    expect(evidenceStatus(pl02, catalog)).toEqual([]);
  });

  it('a code outside the catalog is left out; a duplicated code is listed once', () => {
    const [pl01] = analyze({ sheets: [hoangKim()] });
    const first = pl01.rows![0];
    const rows = [...pl01.rows!, { ...first, row: 60 }, { ...first, code: '9.9', row: 61 }];
    const list = evidenceStatus({ ...pl01, rows }, catalog);
    expect(list.filter((e) => e.code === first.code)).toHaveLength(1);
    expect(list.find((e) => e.code === '9.9')).toBeUndefined();
  });
});

describe('splitLinks', () => {
  it('separates web links from text and drops the sentence’s trailing punctuation', () => {
    expect(splitLinks('Xem http://hoangkim.gov.vn/tin-tuc, và www.postmart.vn.')).toEqual([
      { text: 'Xem ' },
      { text: 'http://hoangkim.gov.vn/tin-tuc', href: 'http://hoangkim.gov.vn/tin-tuc' },
      { text: ', và ' },
      { text: 'www.postmart.vn', href: 'http://www.postmart.vn' },
      { text: '.' },
    ]);
  });
  it('keeps a reference without links as one text part, and query strings in links', () => {
    expect(splitLinks('Quyết định số 12/QĐ-UBND')).toEqual([{ text: 'Quyết định số 12/QĐ-UBND' }]);
    const url = 'https://postmart.com.vn/home/Goods/index.html?goods_id=16020';
    expect(splitLinks(url)).toEqual([{ text: url, href: url }]);
  });
});

describe('shared labels', () => {
  it('names forms and statuses in Vietnamese', () => {
    expect(formShortLabel('mau-3.3')).toBe('Mẫu 3.3');
    expect(evidenceStatusLabel('present')).toBe('Có minh chứng');
    expect(evidenceStatusLabel('missing')).toBe('Thiếu minh chứng');
    expect(evidenceStatusLabel('not-required')).toBe('Không yêu cầu');
    expect(evidenceStatusLabel('differs')).toBe('Lệch với biểu mẫu');
  });
  it('prints a rate as “label: n/d (x,y%)” and a count as “label: n”', () => {
    const base = { label: 'Tỷ lệ CBCC có máy tính', cell: 'C30' };
    expect(ratioLineVi({ ...base, numerator: 20, denominator: 21, value: 20 / 21 })).toBe(
      'Tỷ lệ CBCC có máy tính: 20/21 (95,2%)',
    );
    expect(
      ratioLineVi({
        label: 'Tổng số điểm công cộng có wifi',
        cell: 'B12',
        numerator: 1204,
        denominator: 1,
        value: 1204,
        kind: 'count',
      }),
    ).toBe('Tổng số điểm công cộng có wifi: 1.204');
    expect(ratioLineVi({ ...base, numerator: 0, denominator: 0, value: 0 })).toBe(
      'Tỷ lệ CBCC có máy tính: 0/0 (chưa có ai trong danh sách)',
    );
  });
});
