import { foldText, matchKey } from '../../../../src/core/model/text';

describe('foldText', () => {
  it('is the same for NFC and NFD input', () => {
    const nfc = 'Tài liệu minh chứng'.normalize('NFC');
    const nfd = 'Tài liệu minh chứng'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldText(nfc)).toBe(foldText(nfd));
    expect(foldText(nfd)).toBe('tai lieu minh chung');
  });
  it('maps đ and collapses line breaks', () => {
    expect(foldText('Đánh giá\n(Đạt/Không   đạt)')).toBe('danh gia (dat/khong dat)');
  });
});

describe('matchKey', () => {
  it('drops punctuation', () => {
    expect(matchKey('Đánh giá (Đạt/Không đạt)')).toBe('danh gia dat khong dat');
  });
});
