/**
 * TCVN3 (ABC) and VNI → Unicode, both directions, on every Vietnamese letter, and the
 * detection from font names and from text alone.
 */
import {
  decodeTcvn3,
  decodeVni,
  detectLegacyText,
  encodeTcvn3,
  encodeVni,
  encodingOfFont,
} from '../../../../src/core/model/legacy-encoding';

/** Every Vietnamese letter with a diacritic, from its base and marks (NFC), lower case. */
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const LOWER = [...BASES.flatMap((b) => TONES.map((t) => (b + t).normalize('NFC'))), 'đ'].filter(
  (l) => !/^[aeiouy]$/.test(l),
);
const UPPER = LOWER.map((l) => l.toUpperCase());

describe('TCVN3 (ABC)', () => {
  it('covers the 134 Vietnamese letters with diacritics (67 lower, 67 upper)', () => {
    expect(new Set(LOWER).size).toBe(67);
    expect(new Set(UPPER).size).toBe(67);
  });

  it('every lower-case letter has one code of its own and decodes back (.VnTime)', () => {
    const codes = new Set<string>();
    for (const letter of LOWER) {
      const code = encodeTcvn3(letter);
      expect({ letter, length: code.length }).toEqual({ letter, length: 1 });
      expect(code.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
      codes.add(code);
      expect(decodeTcvn3(code)).toBe(letter);
    }
    expect(codes.size).toBe(67);
  });

  it('capitals: Ă Â Ê Ô Ơ Ư Đ have codes; the rest are drawn by the .VnTimeH fonts', () => {
    for (const letter of UPPER) {
      const code = encodeTcvn3(letter);
      expect(decodeTcvn3(code, true)).toBe(letter);
      if ('ĂÂÊÔƠƯĐ'.includes(letter)) expect(decodeTcvn3(code)).toBe(letter);
      else expect(decodeTcvn3(code)).toBe(letter.toLowerCase());
    }
  });

  it('known published codes: "ViÖt Nam", "Hµ Néi", "§¹t", "Kh«ng ®¹t"', () => {
    expect(decodeTcvn3('ViÖt Nam')).toBe('Việt Nam');
    expect(decodeTcvn3('Hµ Néi')).toBe('Hà Nội');
    expect(decodeTcvn3('§¹t')).toBe('Đạt');
    expect(decodeTcvn3('Kh«ng ®¹t')).toBe('Không đạt');
    expect(decodeTcvn3('phô lôc 01', true)).toBe('PHỤ LỤC 01');
  });

  it('output is NFC and leaves ASCII, digits and punctuation alone', () => {
    const s = 'Tỷ lệ 82,9% (29/35) – xã Hoàng Kim';
    const back = decodeTcvn3(encodeTcvn3(s));
    expect(back).toBe(s);
    expect(back).toBe(back.normalize('NFC'));
    expect(decodeTcvn3('TT 1.1 = 100%')).toBe('TT 1.1 = 100%');
  });
});

describe('VNI', () => {
  it('every letter, lower and upper case, encodes to VNI and decodes back', () => {
    for (const letter of [...LOWER, ...UPPER]) {
      const code = encodeVni(letter);
      // ì í Ì Í are the same characters in VNI and in Unicode
      const same = 'ìíÌÍ'.includes(letter);
      expect({ letter, changed: code !== letter }).toEqual({ letter, changed: !same });
      expect({ letter, back: decodeVni(code) }).toEqual({ letter, back: letter });
    }
  });

  it('known published codes: "Vieät Nam", "Ñaït", "Khoâng ñaït", "Thöïc hieän", "NGÖÔØI"', () => {
    expect(decodeVni('Vieät Nam')).toBe('Việt Nam');
    expect(decodeVni('Ñaït')).toBe('Đạt');
    expect(decodeVni('Khoâng ñaït')).toBe('Không đạt');
    expect(decodeVni('Thöïc hieän')).toBe('Thực hiện');
    expect(decodeVni('NGÖÔØI')).toBe('NGƯỜI');
    expect(decodeVni('khaéc phuïc, naêm 2023')).toBe('khắc phục, năm 2023');
  });

  it('round-trips whole sentences', () => {
    const s = 'Tỷ lệ dân số trưởng thành có điện thoại thông minh: 54/60 = 90%. ỨNG DỤNG';
    expect(decodeVni(encodeVni(s))).toBe(s);
  });
});

describe('detection', () => {
  it('fonts: .Vn* is TCVN3 (…H capitals), VNI-* is VNI, others are Unicode', () => {
    expect(encodingOfFont('.VnTime')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(encodingOfFont('.VnTimeH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(encodingOfFont('.VnArial NarrowH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(encodingOfFont('.VnArial')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(encodingOfFont('VNI-Times')).toEqual({ encoding: 'vni', capitals: false });
    expect(encodingOfFont('VNI-Helve')).toEqual({ encoding: 'vni', capitals: false });
    for (const f of ['Times New Roman', 'Arial', 'Calibri', 'Vni', 'Vnexpress', undefined])
      expect(encodingOfFont(f)).toBeUndefined();
  });

  it('text alone: legacy words are recognised, whatever the sentence', () => {
    const sentences = [
      'Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận, giải quyết trực tuyến',
      'Cán bộ, công chức xã có hộp thư điện tử công vụ',
      'Kết quả tự đánh giá của UBND cấp xã',
      'Đạt',
      'Không đạt',
    ];
    for (const s of sentences) {
      expect({ s, as: detectLegacyText(encodeTcvn3(s)) }).toEqual({ s, as: 'tcvn3' });
      expect({ s, as: detectLegacyText(encodeVni(s)) }).toEqual({ s, as: 'vni' });
    }
  });

  it('never converts real Unicode or Latin text', () => {
    for (const s of [
      'Việt Nam',
      'Có',
      'Hoà Bình', // old-style tone placement, still Unicode
      'Tiêu chí',
      'Sử dụng hiệu quả',
      'café, Müller, naïve',
      '2 × 3 = 6 ± 1; 25 °C; § 3',
      'http://hoangkim.hoanghoa.thanhhoa.gov.vn',
      'x',
      '',
    ])
      expect({ s, as: detectLegacyText(s) }).toEqual({ s, as: undefined });
  });
});
