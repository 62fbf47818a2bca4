/**
 * messages.ts: every Vietnamese message about a criterion starts with its code and shows
 * figures the Vietnamese way (82,9%, 4.993, 02/03/2023). Values are the parser's readings of
 * texts typed in seed 004's PHỤ LỤC 01; targets come from the bundled catalog.
 */
import { criterionByCode, defaultCatalog } from '../../../../src/core/catalog/catalog';
import type { Target } from '../../../../src/core/catalog/types';
import {
  RESULT_LABELS,
  msg,
  showTarget,
  showValue,
  summaryLineVi,
  verdictLabel,
} from '../../../../src/core/model/messages';
import { parseCellValue, parseText } from '../../../../src/core/model/parse-value';

const catalog = defaultCatalog();
const target = (code: string): Target => criterionByCode(catalog, code)!.target;
const rate = (t: string) => parseText(t, { unit: '%' });

describe('showValue', () => {
  it('a rate as a Vietnamese percent, a ratio by its value', () => {
    expect(showValue(rate('82,9%'))).toBe('82,9%');
    expect(showValue(rate('62,50%'))).toBe('62,5%');
    expect(showValue(rate('3.644/4.993'))).toBe('72,98%');
    expect(showValue(rate('72'))).toBe('72%');
  });

  it('a number grouped with dots, a decimal comma, with its unit', () => {
    expect(showValue(parseText('4.993'))).toBe('4.993');
    expect(showValue(parseText('1.234,5'))).toBe('1.234,5');
    expect(showValue(parseText('14 điểm'))).toBe('14 điểm');
    expect(showValue(parseText('12,5 km'))).toBe('12,5 km');
  });

  it('a number cell reads like its text', () => {
    expect(
      showValue(
        parseCellValue({ row: 0, col: 0, kind: 'number', value: 0.829, numberFormat: '0.0%' }),
      ),
    ).toBe('82,9%');
    expect(showValue(parseCellValue({ row: 0, col: 0, kind: 'number', value: 4993 }))).toBe(
      '4.993',
    );
  });

  it('a date as dd/mm/yyyy, an error by its code, nothing as "(trống)"', () => {
    expect(
      showValue(
        parseCellValue({ row: 0, col: 0, kind: 'date', value: '2023-03-02T00:00:00.000Z' }),
      ),
    ).toBe('02/03/2023');
    expect(showValue(parseCellValue({ row: 0, col: 0, kind: 'error', value: '#DIV/0!' }))).toBe(
      '#DIV/0!',
    );
    expect(showValue(parseCellValue(undefined))).toBe('(trống)');
  });

  it('a text in Vietnamese quotes, trimmed', () => {
    expect(showValue(parseText('  Có kênh Zalo '))).toBe('“Có kênh Zalo”');
    expect(showValue(parseText('Chưa có'))).toBe('“Chưa có”');
    expect(showValue(parseText('Đáp ứng'))).toBe('“Đáp ứng”');
  });
});

describe('showTarget', () => {
  it('reads the catalog targets', () => {
    expect(showTarget(target('1.6'))).toBe('70%');
    expect(showTarget(target('3.2'))).toBe('75%');
    expect(showTarget(target('1.1'))).toBe('“Có”');
    expect(showTarget(target('1.8'))).toBe('“Sử dụng hiệu quả”');
  });

  it('"trên" for a strict rate, a count by its text or its number', () => {
    expect(showTarget({ kind: 'min-rate', value: 0.5, text: 'trên 50%', strict: true })).toBe(
      'trên 50%',
    );
    expect(showTarget({ kind: 'min-rate', value: 0.655, text: '' })).toBe('65,5%');
    expect(showTarget({ kind: 'min-count', value: 1, text: '01 điểm' })).toBe('01 điểm');
    expect(showTarget({ kind: 'min-count', value: 1500, text: '  ' })).toBe('1.500');
  });
});

describe('verdictLabel / summaryLineVi', () => {
  it('labels the verdicts', () => {
    expect(verdictLabel('met')).toBe('Đạt');
    expect(verdictLabel('unmet')).toBe('Không đạt');
    expect(verdictLabel('undetermined')).toBe('Chưa xác định');
  });

  it('"Đạt 36/37 tiêu chí (97,3%)"; no percent for an empty table', () => {
    expect(summaryLineVi({ criteria: 37, met: 36, unmet: 1, undetermined: 0 })).toBe(
      'Đạt 36/37 tiêu chí (97,3%)',
    );
    expect(summaryLineVi({ criteria: 37, met: 37, unmet: 0, undetermined: 0 })).toBe(
      'Đạt 37/37 tiêu chí (100%)',
    );
    expect(summaryLineVi({ criteria: 0, met: 0, unmet: 0, undetermined: 0 })).toBe(
      'Đạt 0/0 tiêu chí',
    );
  });
});

describe('msg: each message starts with the code and shows the figures', () => {
  it('a result below its target', () => {
    expect(msg.belowTarget('1.6', rate('62,5%'), target('1.6'))).toBe(
      '1.6: kết quả 62,5% thấp hơn chỉ tiêu 70%',
    );
    expect(msg.belowTarget('3.9', rate('1.644/4.993'), target('3.9'))).toBe(
      '3.9: kết quả 32,93% thấp hơn chỉ tiêu 50%',
    );
  });

  it('"không đạt" (not "thấp hơn") when equal to a strict target or for a text answer', () => {
    const strict: Target = { kind: 'min-rate', value: 0.5, text: 'trên 50%', strict: true };
    expect(msg.belowTarget('2.5', rate('50%'), strict)).toBe(
      '2.5: kết quả 50% không đạt chỉ tiêu trên 50%',
    );
    expect(msg.belowTarget('1.1', parseText('Không'), target('1.1'))).toBe(
      '1.1: kết quả “Không” không đạt chỉ tiêu “Có”',
    );
  });

  it('a count below a count target', () => {
    const t: Target = { kind: 'min-count', value: 15, text: '15 điểm' };
    expect(msg.belowTarget('4.5', parseText('14 điểm'), t)).toBe(
      '4.5: kết quả 14 điểm thấp hơn chỉ tiêu 15 điểm',
    );
  });

  it('verdict-mismatch appends what was typed', () => {
    const why = msg.belowTarget('1.6', rate('62,5%'), target('1.6'));
    expect(msg.verdictMismatch(why, ' Đạt ')).toBe(
      '1.6: kết quả 62,5% thấp hơn chỉ tiêu 70% nhưng ghi Đạt',
    );
  });

  it('ratio-mismatch with the counts grouped and the rate computed', () => {
    expect(msg.ratioMismatch('3.8', 2, 3, '69%', '66,67%')).toBe(
      '3.8: 2/3 = 66,67%, không phải 69%',
    );
    expect(msg.ratioMismatch('1.6', 1101, 1567, '72%', '70,26%')).toBe(
      '1.6: 1.101/1.567 = 70,26%, không phải 72%',
    );
  });

  it('missing-verdict says what the result gives', () => {
    expect(msg.missingVerdict('1.6', 'met')).toBe('1.6: chưa ghi Đánh giá (theo kết quả: Đạt)');
    expect(msg.missingVerdict('3.2', 'undetermined')).toContain('Chưa xác định');
  });

  it('missing-evidence lists the documents without their final dot or semicolon', () => {
    expect(
      msg.missingEvidence('1.1', ['Kế hoạch chuyển đổi số năm 2023.', ' Quyết định ban hành;']),
    ).toBe(
      '1.1: chưa ghi tài liệu minh chứng (hồ sơ cần có: Kế hoạch chuyển đổi số năm 2023; Quyết định ban hành)',
    );
    expect(msg.missingEvidence('1.7', [])).toBe('1.7: chưa ghi tài liệu minh chứng');
  });

  it('values out of range, ambiguous units, a target that differs', () => {
    expect(msg.rateAbove100('1.6', rate('105%'))).toBe('1.6: kết quả 105% vượt quá 100%');
    expect(msg.rateBelow0('1.6', rate('-5%'))).toBe('1.6: kết quả -5% là số âm');
    expect(msg.ambiguousResult('3.1', ' 72 ', rate('72'))).toBe(
      '3.1: kết quả ghi “72” không có đơn vị; đã hiểu là 72%',
    );
    expect(msg.ambiguousTarget('2.4', '60', rate('60'))).toBe(
      '2.4: chỉ tiêu ghi “60” không có đơn vị; đã hiểu là 60%',
    );
    expect(msg.targetDiffers('1.6', rate('75%'), target('1.6'))).toBe(
      '1.6: chỉ tiêu trên bảng là 75%, bộ tiêu chí quy định 70%',
    );
  });

  it('results that cannot be judged', () => {
    expect(msg.formulaError('3.9', '#DIV/0!')).toBe('3.9: kết quả là lỗi công thức #DIV/0!');
    expect(msg.uncalculatedFormula('3.9', 'C5/C6')).toContain('=C5/C6');
    const date = parseCellValue({ row: 0, col: 0, kind: 'date', value: '2023-03-02T00:00:00Z' });
    expect(msg.dateResult('3.8', date)).toMatch(/^3\.8: kết quả là ngày tháng \(02\/03\/2023\)/);
    expect(msg.notARate('1.6', parseText('Có'), target('1.6'))).toBe(
      '1.6: kết quả “Có” không phải một tỷ lệ để so với chỉ tiêu 70%',
    );
    expect(msg.noResult('2.4')).toBe('2.4: chưa có kết quả');
    expect(msg.unreadableResult('2.4', parseText('???'))).toBe('2.4: kết quả “???” không đọc được');
  });

  it('appendix structure messages', () => {
    expect(msg.missingCriterion('2.6', 'Tỷ lệ doanh nghiệp nhỏ và vừa')).toBe(
      '2.6: bảng không có dòng cho chỉ tiêu “Tỷ lệ doanh nghiệp nhỏ và vừa”',
    );
    expect(msg.duplicateCriterion('1.6', 12)).toBe(
      '1.6: chỉ tiêu ghi lặp lại (đã có ở dòng 12); dòng này không được tính',
    );
    expect(msg.unknownCriterion('5.1')).toContain('5.1:');
    expect(msg.unknownVerdict('1.6', ' Tốt ')).toBe(
      '1.6: ô Đánh giá ghi “Tốt”, cần ghi “Đạt” hoặc “Không đạt”',
    );
    expect(msg.groupRowVerdict('1', 'Chính quyền số', 'Đạt')).toBe(
      'Nhóm 1 (Chính quyền số): dòng nhóm ghi Đánh giá “Đạt”; chỉ đánh giá từng chỉ tiêu',
    );
  });

  it('appraisal messages name both levels', () => {
    expect(
      msg.appraisalDiffers(
        '1.6',
        RESULT_LABELS['result-district'],
        rate('75%'),
        RESULT_LABELS['result-commune'],
        rate('82,9%'),
      ),
    ).toBe(
      '1.6: kết quả thẩm định của UBND cấp huyện 75% khác kết quả tự đánh giá của UBND cấp xã 82,9%',
    );
    expect(
      msg.missingResultWithLower('1.6', 'kết quả thẩm định', 'kết quả tự đánh giá', '82,9%'),
    ).toBe('1.6: chưa có kết quả thẩm định (kết quả tự đánh giá: 82,9%)');
  });

  it('every message is NFC and uses no ASCII decimal point in a shown rate', () => {
    const texts = [
      msg.belowTarget('1.6', rate('62,5%'), target('1.6')),
      msg.reachesTarget('1.6', rate('82,9%'), target('1.6')),
      msg.ratioMismatch('1.6', 1101, 1567, '72%', '70,26%'),
    ];
    for (const t of texts) {
      expect(t).toBe(t.normalize('NFC'));
      expect(t).not.toMatch(/\d\.\d+%/);
    }
  });
});
