/**
 * formula.ts: formulas written as text. Sheet names are quoted the way a spreadsheet requires
 * ('Phụ lục 01'!E12, 'Bà''s'!A1), and the references resolve in HyperFormula to the cells meant.
 */
import { HyperFormula } from 'hyperformula';
import {
  a1,
  a1Range,
  bareFormula,
  colLetters,
  ifFormula,
  num,
  or,
  quoteSheetName,
  sheetRef,
  str,
} from '../../../../src/core/model/formula';

describe('a1 / a1Range / colLetters', () => {
  it('addresses 0-based cells', () => {
    expect(a1(11, 4)).toBe('E12');
    expect(colLetters(26)).toBe('AA');
  });

  it('a range from its corners in any order; one cell when both are equal', () => {
    expect(a1Range(7, 5, 17, 5)).toBe('F8:F18');
    expect(a1Range(17, 5, 7, 5)).toBe('F8:F18');
    expect(a1Range(17, 7, 7, 5)).toBe('F8:H18');
    expect(a1Range(11, 4, 11, 4)).toBe('E12');
  });
});

describe('quoteSheetName', () => {
  it.each([
    ['Sheet1', 'Sheet1'],
    ['PL_01_xa', 'PL_01_xa'],
    ['_tong_hop', '_tong_hop'],
    ['Phụ lục 01', "'Phụ lục 01'"],
    ['Mẫu 1.4', "'Mẫu 1.4'"],
    ['PL 02', "'PL 02'"],
    ['2024', "'2024'"],
    ['Bà’s', "'Bà’s'"],
    ["Bà's", "'Bà''s'"],
    ["Xã 'Hoàng Kim'", "'Xã ''Hoàng Kim'''"],
    ['Thẩm-định', "'Thẩm-định'"],
  ])('%j → %s', (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });

  it.each(['PL01', 'A1', 'XFD1048576', 'abc12', 'TRUE', 'false', 'R1C1', 'R2C'])(
    '%j looks like a reference or a constant and is quoted',
    (name) => {
      expect(quoteSheetName(name)).toBe(`'${name}'`);
    },
  );

  it('a name longer than any column (4 letters then digits) stays bare', () => {
    expect(quoteSheetName('Xaaa1')).toBe('Xaaa1');
  });
});

describe('sheetRef', () => {
  it("writes 'Phụ lục 01'!E12 for the Kết quả of row 12", () => {
    expect(sheetRef('Phụ lục 01', 11, 4)).toBe("'Phụ lục 01'!E12");
    expect(sheetRef('Sheet1', 0, 0)).toBe('Sheet1!A1');
    expect(sheetRef("Bà's", 1, 27)).toBe("'Bà''s'!AB2");
  });

  it('resolves in a spreadsheet to the cell meant, for every kind of sheet name', () => {
    const names = ['Phụ lục 01', "Bà's", 'PL01', 'Sheet1', 'Mẫu 1.4', '2024'];
    const sheets: Record<string, (string | number | null)[][]> = {};
    names.forEach((n, i) => {
      // the cell E12 of each sheet holds a distinct value
      const rows: (string | number | null)[][] = Array.from({ length: 12 }, () => []);
      rows[11] = [null, null, null, null, 100 + i];
      sheets[n] = rows;
    });
    sheets['Tổng hợp'] = [names.map((n) => `=${sheetRef(n, 11, 4)}`)];
    const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
    const id = hf.getSheetId('Tổng hợp')!;
    const got = names.map((_, col) => hf.getCellValue({ sheet: id, row: 0, col }));
    hf.destroy();
    expect(got).toEqual(names.map((_, i) => 100 + i));
  });
});

describe('str', () => {
  it('quotes a text literal, doubling inner double quotes', () => {
    expect(str('Đạt')).toBe('"Đạt"');
    expect(str('')).toBe('""');
    expect(str('Ghi "Có"')).toBe('"Ghi ""Có"""');
  });

  // (HyperFormula does not parse doubled quotes inside a literal, so those stay text-only above)
  it('a spreadsheet reads the literal back as the same text', () => {
    const texts = ['Không đạt', "Bà's", '', 'sử dụng hiệu quả'];
    const hf = HyperFormula.buildFromArray([texts.map((t) => `=${str(t)}`)], {
      licenseKey: 'gpl-v3',
    });
    const got = texts.map((_, col) => hf.getCellValue({ sheet: 0, row: 0, col }));
    hf.destroy();
    expect(got).toEqual(texts);
  });
});

describe('num', () => {
  it.each([
    [0.7, '0.7'],
    [1, '1'],
    [0.55, '0.55'],
    [4993, '4993'],
    [-3, '-3'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [-2.5e-8, '-0.000000025'],
  ])('%p → %s (no exponent)', (n, text) => {
    expect(num(n)).toBe(text);
    expect(Number(num(n))).toBe(n);
  });

  it('refuses what a formula cannot hold', () => {
    expect(() => num(NaN)).toThrow(/finite/);
    expect(() => num(Infinity)).toThrow(/finite/);
  });
});

describe('ifFormula / or / bareFormula', () => {
  it('builds IF and OR', () => {
    expect(ifFormula('E12>=0.7', '"Đạt"', '"Không đạt"')).toBe('IF(E12>=0.7,"Đạt","Không đạt")');
    expect(or([])).toBe('FALSE');
    expect(or(['E12=1'])).toBe('E12=1');
    expect(or(['E12=1', 'E12=2'])).toBe('OR(E12=1,E12=2)');
  });

  it('strips one leading "=" (with spaces before it), nothing else', () => {
    expect(bareFormula('=SUM(F8:F18)')).toBe('SUM(F8:F18)');
    expect(bareFormula('  =E12/E13')).toBe('E12/E13');
    expect(bareFormula('E12=E13')).toBe('E12=E13');
    expect(bareFormula('==1')).toBe('=1');
  });

  it('an IF/OR built here computes in a spreadsheet', () => {
    const f = ifFormula(or(['A1>=0.7', 'A1="có"']), str('Đạt'), str('Không đạt'));
    const hf = HyperFormula.buildFromArray(
      [
        [0.829, `=${f}`],
        [0.6, `=${f.replace(/A1/g, 'A2')}`],
      ],
      {
        licenseKey: 'gpl-v3',
      },
    );
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe('Đạt');
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 1 })).toBe('Không đạt');
    hf.destroy();
  });
});
