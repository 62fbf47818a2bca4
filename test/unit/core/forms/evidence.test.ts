/**
 * The evidence folder: one folder per criterion ("lưu các tài liệu theo thư mục tên các tiêu chí",
 * seed 001) holding at least one file, and the files named in the Tài liệu minh chứng cells.
 */
import { analyzeWorkbook } from '../../../../src/core/analyze';
import { defaultCatalog } from '../../../../src/core/catalog/catalog';
import {
  checkEvidenceFolders,
  fileListed,
  fileReferences,
  folderMatchesCode,
  hasEvidenceFolder,
} from '../../../../src/core/forms';
import { gridFromTsv, readSeedTable, rowOf, withCell } from '../../../support/fixtures/tsv-grid';

const catalog = defaultCatalog();
const required = catalog.criteria.filter((c) => c.evidenceRequired).map((c) => c.code);

describe('folder names', () => {
  test.each([
    ['1.4', '1.4'],
    ['1.4. Danh sách CBCC', '1.4'],
    ['1.4 - Thư điện tử', '1.4'],
    ['1.4_Hop thu', '1.4'],
    ['Tiêu chí 1.4', '1.4'],
    ['TIEU CHI SO 1.4', '1.4'],
    ['TC 3.10', '3.10'],
    ['1.10. Tuyên truyền', '1.10'],
  ])('"%s" is the folder of %s', (folder, code) =>
    expect(folderMatchesCode(folder, code)).toBe(true),
  );
  test.each([
    ['1.10', '1.1'],
    ['1.10. Tuyên truyền', '1.1'],
    ['1.1.2 Kế hoạch', '1.1'],
    ['11.4', '1.4'],
    ['2.1', '1.4'],
    ['Danh sách 1.4', '1.4'],
  ])('"%s" is not the folder of %s', (folder, code) =>
    expect(folderMatchesCode(folder, code)).toBe(false),
  );
  test('a folder at any depth, with a file in it (Windows separators too)', () => {
    expect(hasEvidenceFolder(['Chính quyền số\\1.4. Danh sách CBCC\\Mau 1.4.xlsx'], '1.4')).toBe(
      true,
    );
    expect(hasEvidenceFolder(['1.4.pdf'], '1.4')).toBe(false); // a file, not a folder
    expect(hasEvidenceFolder(['1.10/KH.pdf'], '1.1')).toBe(false);
  });
});

describe('file references in the evidence cell', () => {
  test('names with a folder, bare names, names with spaces; web links are not files', () => {
    const refs = fileReferences(
      'Báo cáo số 125/BC-UBND (1.6/BaoCao.pdf); xem https://hoangkim.thanhhoa.gov.vn/bc.pdf và BaoCao_1.6.pdf',
    );
    expect(refs.map((r) => r.candidates[0])).toEqual(['1.6/BaoCao.pdf', 'BaoCao_1.6.pdf']);
  });
  test('a name with spaces is found by its longest candidate', () => {
    const [ref] = fileReferences('Kèm theo: Quyết định 45 thành lập tổ CNS.docx');
    expect(ref.candidates).toContain('Quyết định 45 thành lập tổ CNS.docx');
    expect(
      fileListed(
        ['1.1/Quyết định 45 thành lập tổ CNS.docx'],
        'Quyết định 45 thành lập tổ CNS.docx',
      ),
    ).toBe(true);
  });
  test('matching ignores case and separators; a folder must match when written', () => {
    expect(fileListed(['1.6\\baocao.PDF'], '1.6/BaoCao.pdf')).toBe(true);
    expect(fileListed(['1.7/BaoCao.pdf'], '1.6/BaoCao.pdf')).toBe(false);
    expect(fileListed(['1.7/BaoCao.pdf'], 'BaoCao.pdf')).toBe(true);
  });
});

describe('checkEvidenceFolders on seed 004 PHỤ LỤC 01', () => {
  const PL01 = 'Phụ lục 01';
  let grid = gridFromTsv(PL01, readSeedTable('hoang-kim-pl01.tsv'));
  const r16 = rowOf(grid, '1.6');
  // Tài liệu minh chứng is the 7th column (G) in seed 004's layout
  grid = withCell(grid, {
    row: r16,
    col: 6,
    kind: 'string',
    value: 'Báo cáo 1.6/BaoCao_TTHC.pdf, 1.6/ThongKe.xlsx',
  });
  const report = analyzeWorkbook({ sheets: [grid] }, catalog);
  const pl01 = report.sheets[0];
  const presentRequired = pl01.rows!.map((r) => r.code).filter((c) => required.includes(c));

  test('an empty folder listing: every criterion requiring evidence is reported', () => {
    const f = checkEvidenceFolders([], pl01, catalog).filter(
      (x) => x.rule === 'evidence-folder-missing',
    );
    expect(f.map((x) => x.criterion)).toEqual(presentRequired);
    expect(f[0].severity).toBe('warning');
    expect(f[0].sheet).toBe(PL01);
  });

  test('a folder per criterion with a file: nothing missing but the files named', () => {
    const listing = presentRequired.map((c) => `${c}. Minh chứng/tai-lieu.pdf`);
    const f = checkEvidenceFolders(listing, pl01, catalog);
    expect(f.filter((x) => x.rule === 'evidence-folder-missing')).toEqual([]);
    const files = f.filter((x) => x.rule === 'evidence-file-missing');
    expect(files.map((x) => x.criterion)).toEqual(['1.6', '1.6']);
    expect(files[0].message).toContain('1.6/BaoCao_TTHC.pdf');
    expect(files[0].cell).toBe(`G${r16 + 1}`);
  });

  test('the files named are there: no finding; "1.10" does not stand for "1.1"', () => {
    const listing = [
      ...presentRequired.filter((c) => c !== '1.1').map((c) => `${c}/tai-lieu.pdf`),
      '1.6/BaoCao_TTHC.pdf',
      '1.6/ThongKe.xlsx',
    ];
    expect(presentRequired).toEqual(expect.arrayContaining(['1.1', '1.10']));
    expect(listing).toContain('1.10/tai-lieu.pdf');
    const f = checkEvidenceFolders(listing, pl01, catalog);
    expect(f.map((x) => [x.rule, x.criterion])).toEqual([['evidence-folder-missing', '1.1']]);
  });

  test('analyzeWorkbook passes the listing (validate --evidence DIR)', () => {
    const r = analyzeWorkbook({ sheets: [grid] }, catalog, { evidenceListing: [] });
    expect(r.sheets[0].findings.filter((x) => x.rule === 'evidence-folder-missing').length).toBe(
      presentRequired.length,
    );
  });
});
