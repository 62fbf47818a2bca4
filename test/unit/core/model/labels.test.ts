/**
 * labels.ts: the Vietnamese texts the CLI, task pane and ribbon share (sheet kinds, severities,
 * evidence statuses) and the numbers they print the Vietnamese way (4.993; 95,2%).
 */
import {
  EVIDENCE_STATUS_LABELS,
  EVIDENCE_UI,
  KIND_LABELS,
  SEVERITY_LABELS,
  evidenceStatusLabel,
  formShortLabel,
  kindLabel,
  numberVi,
  percentVi,
  ratioLineVi,
} from '../../../../src/core/model/labels';
import type { RatioReport } from '../../../../src/core/model/report-types';

describe('kindLabel / formShortLabel', () => {
  it('names every appendix and form kind in Vietnamese, NFC', () => {
    expect(kindLabel('phu-luc-01')).toBe('Phụ lục 01 – tự đánh giá cấp xã');
    expect(kindLabel('phu-luc-02')).toBe('Phụ lục 02 – thẩm định cấp huyện');
    expect(kindLabel('mau-4.5')).toBe('Mẫu 4.5 – điểm wifi công cộng');
    expect(kindLabel('unknown')).toBe('không nhận dạng được');
    for (const label of Object.values(KIND_LABELS)) expect(label).toBe(label.normalize('NFC'));
  });

  it('a form label starts with its short name', () => {
    for (const kind of Object.keys(KIND_LABELS).filter((k) => k.startsWith('mau-')))
      expect(kindLabel(kind).startsWith(`${formShortLabel(kind)} – `)).toBe(true);
  });

  it('an unknown kind is shown as is (a newer core, an older pane)', () => {
    expect(kindLabel('mau-9.9')).toBe('mau-9.9');
  });

  it('formShortLabel: "mau-1.4" → "Mẫu 1.4"; an appendix keeps its full label', () => {
    expect(formShortLabel('mau-1.4')).toBe('Mẫu 1.4');
    expect(formShortLabel('mau-2.6')).toBe('Mẫu 2.6');
    expect(formShortLabel('phu-luc-03')).toBe(KIND_LABELS['phu-luc-03']);
  });

  it('severities', () => {
    expect(SEVERITY_LABELS).toEqual({ error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' });
  });
});

describe('percentVi / numberVi', () => {
  it.each([
    [20 / 21, '95,2%'],
    [10 / 12, '83,3%'],
    [0.829, '82,9%'],
    [1, '100%'],
    [0.5, '50%'],
    [0, '0%'],
    [36 / 37, '97,3%'],
    [1.05, '105%'],
  ])('percentVi(%p) = %s', (f, text) => {
    expect(percentVi(f)).toBe(text);
  });

  it('percentVi of a ratio that cannot be computed is empty', () => {
    expect(percentVi(NaN)).toBe('');
    expect(percentVi(1 / 0)).toBe('');
  });

  it.each([
    [4993, '4.993'],
    [3644, '3.644'],
    [1234567, '1.234.567'],
    [999, '999'],
    [0.5, '0,5'],
    [1234.5, '1.234,5'],
    [-4993, '-4.993'],
    [0, '0'],
  ])('numberVi(%p) = %s', (n, text) => {
    expect(numberVi(n)).toBe(text);
  });
});

describe('ratioLineVi', () => {
  const base = { cell: 'D20', key: 'computer' };

  it('a rate: numerator/denominator then the percent', () => {
    const r: RatioReport = {
      ...base,
      label: 'Tỷ lệ CBCC có máy tính/tổng số CBCC',
      numerator: 20,
      denominator: 21,
      value: 20 / 21,
      kind: 'rate',
    };
    expect(ratioLineVi(r)).toBe('Tỷ lệ CBCC có máy tính/tổng số CBCC: 20/21 (95,2%)');
  });

  it('large counts are grouped with dots', () => {
    const r: RatioReport = {
      ...base,
      label: 'Tỷ lệ hộ gia đình có cáp quang',
      numerator: 3644,
      denominator: 4993,
      value: 3644 / 4993,
    };
    expect(ratioLineVi(r)).toBe('Tỷ lệ hộ gia đình có cáp quang: 3.644/4.993 (73%)');
  });

  it('an empty list says nobody is listed instead of a percent', () => {
    const r: RatioReport = {
      ...base,
      label: 'Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử',
      numerator: 0,
      denominator: 0,
      value: 0,
      kind: 'rate',
    };
    expect(ratioLineVi(r)).toBe(
      'Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử: 0/0 (chưa có ai trong danh sách)',
    );
  });

  it('a count has no denominator', () => {
    const r: RatioReport = {
      ...base,
      label: 'Tổng số điểm công cộng có wifi',
      numerator: 12,
      denominator: 1,
      value: 12,
      kind: 'count',
    };
    expect(ratioLineVi(r)).toBe('Tổng số điểm công cộng có wifi: 12');
  });
});

describe('evidence statuses', () => {
  it('labels each status; "Lệch với Mẫu 1.4" when the differing form is known', () => {
    expect(evidenceStatusLabel('present')).toBe('Có minh chứng');
    expect(evidenceStatusLabel('missing')).toBe('Thiếu minh chứng');
    expect(evidenceStatusLabel('not-required')).toBe('Không yêu cầu');
    expect(evidenceStatusLabel('differs')).toBe(EVIDENCE_STATUS_LABELS.differs);
    expect(evidenceStatusLabel('differs', 'mau-1.4')).toBe('Lệch với Mẫu 1.4');
    // a form name on another status is ignored
    expect(evidenceStatusLabel('missing', 'mau-1.4')).toBe('Thiếu minh chứng');
  });

  it('counts line leaves out zero counts', () => {
    expect(EVIDENCE_UI.counts({ present: 4, missing: 21, 'not-required': 12, differs: 1 })).toBe(
      '4 có · 21 thiếu · 1 lệch với biểu mẫu · 12 không yêu cầu',
    );
    expect(EVIDENCE_UI.counts({ present: 0, missing: 3, 'not-required': 0, differs: 0 })).toBe(
      '3 thiếu',
    );
    expect(EVIDENCE_UI.counts({ present: 0, missing: 0, 'not-required': 0, differs: 0 })).toBe('');
  });

  it('go-to text names the cell', () => {
    expect(EVIDENCE_UI.goTo('G12')).toBe('Chọn ô minh chứng G12');
  });
});
