/**
 * The report model drafted from appendices as officials type them: the Hoàng Kim PHỤ LỤC 01
 * (Mẫu số 01), a district's PHỤ LỤC 02 that judged some criteria differently (Mẫu số 02) and a
 * province's PHỤ LỤC 03 (Mẫu số 04).
 */
import { analyzeWorkbook } from '../../../../src/core/analyze';
import { defaultCatalog } from '../../../../src/core/catalog';
import type { Catalog } from '../../../../src/core/catalog/types';
import type { WorkbookSnapshot } from '../../../../src/core/model/grid';
import { buildReport, type ReportDocument, type ReportRun } from '../../../../src/core/report';
import { snapshotFromExcelJS } from '../../../../src/xlsx/read-workbook';
import {
  cleanPl01Tsv,
  hoangKimWorkbook,
  pl02Workbook,
  pl03Workbook,
  writeTsvSheet,
} from '../../../support/fixtures/xlsx-builders';
import * as ExcelJS from 'exceljs';

const catalog = defaultCatalog();

function draft(snapshot: WorkbookSnapshot, opts = {}, cat: Catalog = catalog): ReportDocument {
  const r = buildReport(snapshot, analyzeWorkbook(snapshot, cat), cat, opts);
  if (!r.ok) throw new Error(r.message);
  return r.document;
}
const text = (runs: ReportRun[]) => runs.map((r) => r.text).join('');
const bodyText = (d: ReportDocument) => d.body.map((b) => text(b.runs)).join('\n');

describe('Mẫu số 01 from the Hoàng Kim PHỤ LỤC 01', () => {
  const doc = draft(snapshotFromExcelJS(hoangKimWorkbook()));

  it('heads the report with the commune, the motto, the number and the year', () => {
    expect(doc.form).toBe('mau-01');
    expect(doc.issuer.map(text)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ HOÀNG KIM']);
    expect(text(doc.number)).toBe('Số: …/BC-UBND');
    expect(doc.motto).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
    expect(text(doc.placeDate)).toBe('Hoàng Kim, ngày … tháng … năm 2023');
    expect(doc.title).toBe('BÁO CÁO');
    expect(text(doc.subject)).toContain('xã Hoàng Kim, huyện Ho');
    expect(text(doc.subject)).toContain('năm 2023');
  });

  it('states 36/37 and 97,3%, and KHÔNG ĐẠT because 1.11 has no result', () => {
    const body = bodyText(doc);
    expect(body).toContain('đã hoàn thành 36/37 tiêu chí chuyển đổi số năm 2023, tỷ lệ đạt 97,3%');
    expect(body).toMatch(/Kết quả: KHÔNG ĐẠT/);
    expect(doc.facts).toMatchObject({
      met: 36,
      total: 37,
      result: 'KHÔNG ĐẠT',
      undetermined: ['1.11'],
    });
    expect(body).toContain('Chỉ tiêu đạt: 10/11 chỉ tiêu');
    expect(body).toContain('Chỉ tiêu chưa có kết quả: 1 (1.11)');
    expect(body).toContain('b) Kết quả: 82,9% (chỉ tiêu 70%)');
  });

  it('lists the criteria without evidence and leaves visible placeholders', () => {
    expect(doc.facts.missingEvidence).toContain('1.1');
    expect(doc.facts.missingEvidence).not.toContain('1.7'); // it has its link
    const placeholders = doc.body.flatMap((b) => b.runs).filter((r) => r.placeholder);
    expect(placeholders.length).toBeGreaterThan(10);
    expect(doc.signature.lines).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });

  it('carries the appendix table as the sheet shows it', () => {
    expect(doc.appendix.titleLines[0]).toBe('PHỤ LỤC 01');
    expect(doc.appendix.titleLines).toContain('XÃ HOÀNG KIM, HUYỆN HOÀNG HÓA');
    const r16 = doc.appendix.rows.find((r) => r.cells[0] === '1.6')!;
    expect(r16.cells).toContain('82,9%');
    expect(doc.appendix.rows.filter((r) => r.kind === 'group')).toHaveLength(4);
    expect(doc.appendix.rows.filter((r) => r.kind === 'criterion')).toHaveLength(37);
  });
});

describe('Kết quả follows the completion rule at its boundary', () => {
  it('37/37 is ĐẠT, 36/37 is not; a 97 % rule accepts 36/37 (97,3 %) but not 35/37', () => {
    const wb = new ExcelJS.Workbook();
    writeTsvSheet(wb.addWorksheet('PL01'), cleanPl01Tsv({ '1.11': { result: 'Có' } }));
    const all = draft(snapshotFromExcelJS(wb));
    expect(all.facts).toMatchObject({ met: 37, result: 'ĐẠT' });
    expect(bodyText(all)).toContain('tỷ lệ đạt 100%');
    const one = new ExcelJS.Workbook();
    writeTsvSheet(
      one.addWorksheet('PL01'),
      cleanPl01Tsv({ '1.6': { result: '69,9%' }, '1.11': { result: 'Có' } }),
    );
    expect(draft(snapshotFromExcelJS(one)).facts).toMatchObject({ met: 36, result: 'KHÔNG ĐẠT' });
    const rate: Catalog = {
      ...catalog,
      report: { basis: [], completion: { kind: 'min-rate', value: 0.97 } },
    };
    expect(draft(snapshotFromExcelJS(one), {}, rate).facts.result).toBe('ĐẠT');
    const two = new ExcelJS.Workbook();
    writeTsvSheet(
      two.addWorksheet('PL01'),
      cleanPl01Tsv({
        '1.6': { result: '69,9%' },
        '2.4': { result: '59%' },
        '1.11': { result: 'Có' },
      }),
    );
    expect(draft(snapshotFromExcelJS(two), {}, rate).facts.result).toBe('KHÔNG ĐẠT');
  });
});

describe('Mẫu số 02 from a district PHỤ LỤC 02', () => {
  const snap = snapshotFromExcelJS(
    pl02Workbook({ own: { '1.6': '65%', '3.4': '90%' }, verdicts: { '1.6': 'Không đạt' } }),
  );
  const doc = draft(snap);

  it('drafts the appraisal report of the district, signed by its chairman', () => {
    expect(doc.form).toBe('mau-02');
    expect(doc.issuer.map(text)).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN HOẰNG HÓA']);
    expect(text(doc.subject)).toContain('thẩm định');
    expect(text(doc.subject)).toContain('xã Hoàng Kim');
    expect(text(doc.placeDate)).toMatch(/^Hoằng Hóa, ngày/);
  });

  it('names the criteria the district judged differently, with both figures', () => {
    const body = bodyText(doc);
    expect(doc.facts.differs).toEqual(expect.arrayContaining(['1.6', '3.4']));
    expect(body).toMatch(
      /1\.6 Tỷ lệ hồ sơ TTHC[^\n]*cấp dưới 82,9% \(Đạt\), thẩm định 65% \(Không đạt\)/,
    );
    expect(body).toMatch(/3\.4 [^\n]*cấp dưới 94,9% \(Đạt\), thẩm định 90% \(Đạt\)/);
    expect(body).toContain('(Kết quả thẩm định chi tiết theo Phụ lục số 02)');
    expect(body).toMatch(
      /Căn cứ kết quả thẩm định: xã Hoàng Kim, huyện Hoằng Hóa đã hoàn thành 35\/37/,
    );
  });
});

describe('Mẫu số 04 from a province PHỤ LỤC 03', () => {
  it('is headed by the department and signed by its director', () => {
    const doc = draft(snapshotFromExcelJS(pl03Workbook()), { level: 'tinh' });
    expect(doc.form).toBe('mau-04');
    expect(doc.issuer.map(text)).toEqual(['UBND TỈNH THANH HÓA', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
    expect(text(doc.number)).toBe('Số: …/BC-STTTT');
    expect(doc.signature.lines).toEqual(['GIÁM ĐỐC']);
    expect(bodyText(doc)).toContain('(Kết quả thẩm tra chi tiết theo Phụ lục số 03)');
  });
});

describe('what cannot be drafted says why', () => {
  it('a workbook without an appendix, or without the level asked for', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'Dự toán';
    const snap = snapshotFromExcelJS(wb);
    const r = buildReport(snap, analyzeWorkbook(snap, catalog), catalog);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/không có phụ lục/);
    const hk = snapshotFromExcelJS(hoangKimWorkbook());
    const r2 = buildReport(hk, analyzeWorkbook(hk, catalog), catalog, { level: 'huyen' });
    expect(!r2.ok && r2.message).toMatch(/Không tìm thấy PHỤ LỤC 02/);
  });

  it('a title without a commune leaves "…" where the name goes', () => {
    const wb = new ExcelJS.Workbook();
    writeTsvSheet(wb.addWorksheet('PL01'), cleanPl01Tsv());
    const doc = draft(snapshotFromExcelJS(wb));
    if (doc.facts.commune === null) {
      expect(doc.issuer.map(text)[1]).toBe('…');
      expect(doc.subject.some((r) => r.placeholder)).toBe(true);
    } else {
      expect(doc.issuer.map(text)[1]).toContain(doc.facts.commune.toLocaleUpperCase('vi'));
    }
  });
});
