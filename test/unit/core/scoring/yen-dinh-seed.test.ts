/**
 * The Yên Định table itself (Phụ lục II of the district's letter, Quyết định 3853/QĐ-UBND),
 * as pasted from the PDF: the general-information table above, a title line and a header per
 * index with its points in brackets, names cut by page breaks, the 2022 points.
 */
import { analyzeWorkbook } from '../../../../src/core/analyze';
import { bundledCatalog, defaultCatalog } from '../../../../src/core/catalog';
import { GridView } from '../../../../src/core/model/grid';
import { recognizeScoring } from '../../../../src/core/scoring';
import { gridFromTsv, readSeedTable } from '../../../support/fixtures/tsv-grid';

const grid = () => gridFromTsv('Phụ lục', readSeedTable('yen-dinh-dti.tsv'));

describe('the Yên Định sheet as published', () => {
  it('reads 8 indices, 65 items with 1.2.1/1.2.2 under 1.2, names joined across page breaks', () => {
    const rec = recognizeScoring(new GridView(grid()))!;
    const indices = rec.nodes.filter((n) => n.kind === 'index');
    expect(indices.map((n) => [n.code, n.name, n.max.value, n.score.value])).toEqual([
      ['1', 'Nhận thức số', 100, 83.125],
      ['2', 'Thế chế số', 100, 100],
      ['3', 'Hạ tầng số', 100, 95],
      ['4', 'Nhân lực số', 100, 92.85],
      ['5', 'An toàn thông tin mạng', 100, 95],
      ['6', 'Hoạt động Chính quyền số', 200, 184.08],
      ['7', 'Hoạt động kinh tế số', 150, 136.74],
      ['8', 'Hoạt động xã hội số', 150, 104.4],
    ]);
    const items = rec.nodes.filter((n) => n.kind === 'item');
    expect(items).toHaveLength(65);
    const i12 = rec.nodes.findIndex((n) => n.code === '1.2');
    expect(rec.nodes[i12].children.map((c) => rec.nodes[c].code)).toEqual(['1.2.1', '1.2.2']);
    expect(items.find((n) => n.code === '2.1')!.name).toMatch(/văn bản tương đương của cấp uỷ/);
  });

  it('adds up: no finding, maximum 1.000, 891,195 points as typed and as computed', () => {
    const sheet = analyzeWorkbook({ sheets: [grid()] }, defaultCatalog()).sheets[0];
    expect(sheet.kind).toBe('dti');
    expect(sheet.findings).toEqual([]);
    expect(sheet.points).toMatchObject({ max: 1000, total: 891.195, computed: 891.195 });
  });

  it('matches the bundled index exactly (no max-differs), and a changed maximum is caught', () => {
    const cat = bundledCatalog('thanh-hoa-dti-huyen-2022');
    expect(analyzeWorkbook({ sheets: [grid()] }, cat).sheets[0].findings).toEqual([]);
    const g = grid();
    const cell = g.cells.find((c) => c.value === '1.5')!;
    const max = g.cells.find((c) => c.row === cell.row && c.col === 2)!;
    max.value = '15';
    const f = analyzeWorkbook({ sheets: [g] }, cat).sheets[0].findings;
    expect(f.map((x) => [x.rule, x.criterion]).sort()).toEqual(
      [
        ['max-differs', '1.5'],
        ['points-sum-mismatch', '1'],
      ].sort(),
    );
  });
});
