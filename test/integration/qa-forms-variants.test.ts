/**
 * FORMS-QA: the six evidence forms as commune officers really type them, written with ExcelJS,
 * saved as .xlsx and read through the real path (readWorkbookFile → analyzeWorkbook with the
 * default catalog). Every variant states what the official MEANT (test/fixtures/qa-forms-
 * workbooks.ts builds the spelling from booleans) and checks that the core reads exactly that:
 * the form's kind, every ratio's numerator and denominator, the cell of each summary figure,
 * and no finding except the ones the variant plants.
 */
import type * as ExcelJS from 'exceljs';
import * as W from '../support/fixtures/qa-forms-workbooks';
import {
  analyseBook,
  cleanTmp,
  expectTruth,
  otherFindings,
  readRatios,
  sheetOf,
} from '../support/fixtures/qa-forms-run';

afterAll(cleanTmp);

type Build = (wb: ExcelJS.Workbook) => W.Truth;

/** Build one form, read it back, compare with the truth; returns the sheet report. */
async function check(build: Build, allowed: string[] = []) {
  const wb = W.newWorkbook();
  const truth = build(wb);
  const { report } = await analyseBook(wb);
  expectTruth(report, truth, allowed);
  const sheet = sheetOf(report, truth.sheet);
  // each summary figure typed in its own cell is the ratio's cell (where fill writes the formula)
  for (const [key, at] of Object.entries(truth.summaryCells)) {
    const r = sheet.ratios.find((x) => x.key === key);
    expect(`${key} ${r?.cell}`).toBe(`${key} ${W.letter(at.col)}${at.row}`);
  }
  return { truth, sheet, report };
}

const rowsOf = (n: number) => n; // readability in tables

describe('titles: merged, plain, in a corner, only in the sheet name, none; every spelling', () => {
  test.each<[string, Build]>([
    ['merged over the table (A1:F1)', (wb) => W.addMau14(wb)],
    ['plain text in A1', (wb) => W.addMau26(wb, undefined, { title: 'plain' })],
    [
      'national header, "Mẫu số 1.4" alone in the top-right corner, table from column B',
      (wb) => W.addMau14(wb, undefined, { title: 'corner', national: true, startCol: 1 }),
    ],
    [
      'no title, sheet "DS CBCC"',
      (wb) => W.addMau14(wb, undefined, { title: 'none', sheet: 'DS CBCC' }),
    ],
    [
      'no title, sheet "Sheet1" (Mẫu 3.3 by its header)',
      (wb) => W.addMau33(wb, undefined, { title: 'none', sheet: 'Sheet1' }),
    ],
    [
      '"MẪU 1.4." in capitals',
      (wb) =>
        W.addMau14(wb, undefined, {
          titleText:
            'MẪU 1.4. DANH SÁCH CÁN BỘ, CÔNG CHỨC CÓ MÁY TÍNH VÀ ĐƯỢC CẤP HỘP THƯ ĐIỆN TỬ CÔNG VỤ',
        }),
    ],
    [
      '"Mau 1.4" without diacritics',
      (wb) =>
        W.addMau14(wb, undefined, { titleText: 'Mau 1.4 Danh sach can bo, cong chuc co may tinh' }),
    ],
    [
      '"Biểu mẫu 1.4:"',
      (wb) =>
        W.addMau14(wb, undefined, {
          titleText: 'Biểu mẫu 1.4: Danh sách CBCC có máy tính, hộp thư công vụ',
        }),
    ],
    [
      '"Mẫu số 1.4 -"',
      (wb) => W.addMau14(wb, undefined, { titleText: 'Mẫu số 1.4 - Danh sách cán bộ, công chức' }),
    ],
    ['title in NFD', (wb) => W.addMau45(wb, 6, { nfd: true })],
  ])('%s', async (_label, build) => {
    await check(build);
  });

  test('the two-column Mẫu 4.5 under a neutral sheet name is not guessed', async () => {
    const wb = W.newWorkbook();
    W.addMau45(wb, 6, { title: 'none', sheet: 'Sheet2', dropCols: ['stt', 'note'] });
    const { report } = await analyseBook(wb);
    expect(sheetOf(report, 'Sheet2').kind).toBe('unknown');
  });

  test('Mẫu 4.1 without its list headings is found by its sheet name, and only by it', async () => {
    await check((wb) => W.addMau41(wb, { title: 'none', headings: false, sheet: 'Mẫu 4.1' }));
    // the same sheet under a neutral name: two short lists with nothing saying what they are
    const wb = W.newWorkbook();
    W.addMau41(wb, { title: 'none', headings: false, sheet: 'Sheet1' });
    const { report } = await analyseBook(wb);
    expect(sheetOf(report, 'Sheet1').kind).toBe('unknown');
  });

  test.each([['Mau 4.5'], ['BM4.5'], ['4.5 Wifi']])(
    'Mẫu 4.5 with no title and only two columns, under the sheet name "%s"',
    async (sheet) => {
      await check((wb) => W.addMau45(wb, 6, { title: 'none', sheet, dropCols: ['stt', 'note'] }));
    },
  );
});

describe('headers as typed: line breaks, NFD, extra columns, another order, abbreviations', () => {
  test.each<[string, Build]>([
    [
      'line breaks (Alt+Enter) and a "(1) (2) …" row',
      (wb) => W.addMau14(wb, undefined, { headerBreaks: true, numberingRow: true }),
    ],
    [
      'every text in NFD, national header',
      (wb) => W.addMau33(wb, undefined, { nfd: true, national: true }),
    ],
    [
      'extra columns Ngày sinh, Thôn, Số CCCD',
      (wb) => W.addMau33(wb, undefined, { extraCols: ['Ngày sinh', 'Thôn', 'Số CCCD'] }),
    ],
    [
      'phone after the tick columns',
      (wb) =>
        W.addMau33(wb, undefined, {
          order: [
            'stt',
            'name',
            'smartphone',
            'security-app',
            'digital-signature',
            'online-services',
            'phone',
          ],
        }),
    ],
    [
      'mailbox before computer',
      (wb) =>
        W.addMau14(wb, undefined, { order: ['stt', 'name', 'position', 'mailbox', 'computer'] }),
    ],
    [
      'Mẫu 3.3 abbreviated: Họ tên | SĐT | Có ĐTTM | Cài PM ATTT | Có CKS | Sử dụng DVC trực tuyến',
      (wb) =>
        W.addMau33(wb, undefined, {
          headers: {
            name: 'Họ tên',
            phone: 'SĐT',
            smartphone: 'Có ĐTTM',
            'security-app': 'Cài PM ATTT',
            'digital-signature': 'Có CKS',
            'online-services': 'Sử dụng DVC trực tuyến',
          },
        }),
    ],
    [
      'Mẫu 3.3: Họ và tên chủ thuê bao | Số thuê bao | Có điện thoại di động thông minh | Thuê bao có cài đặt PM ATTT',
      (wb) =>
        W.addMau33(wb, undefined, {
          headers: {
            name: 'Họ và tên chủ thuê bao',
            phone: 'Số thuê bao',
            smartphone: 'Có điện thoại di động thông minh',
            'security-app': 'Thuê bao có cài đặt PM ATTT',
          },
        }),
    ],
    [
      'Mẫu 1.4: Thư công vụ | Được trang bị máy vi tính',
      (wb) =>
        W.addMau14(wb, undefined, {
          headers: { computer: 'Được trang bị máy vi tính', mailbox: 'Thư công vụ' },
        }),
    ],
    [
      'Mẫu 4.5: Vị trí lắp đặt | Địa chỉ',
      (wb) => W.addMau45(wb, 6, { headers: { name: 'Vị trí lắp đặt', address: 'Địa chỉ' } }),
    ],
    [
      'Mẫu 1.4 abbreviated: Họ và tên | Chức danh | Máy tính | Email công vụ',
      (wb) =>
        W.addMau14(wb, undefined, {
          headers: {
            name: 'Họ và tên',
            position: 'Chức danh',
            computer: 'Máy tính',
            mailbox: 'Email công vụ',
          },
        }),
    ],
    [
      'Mẫu 4.5: Tên địa điểm | Thôn (the addresses are thôn names, the names contain "Khu vực")',
      (wb) => W.addMau45(wb, 6, { headers: { name: 'Tên địa điểm', address: 'Thôn' } }),
    ],
    [
      'Mẫu 2.5 one-level: Tên DN | Điện thoại | Sử dụng HĐĐT | Nhà cung cấp',
      (wb) =>
        W.addMau25(wb, undefined, {
          twoLevel: false,
          headers: {
            name: 'Tên DN',
            phone: 'Điện thoại',
            'e-contract': 'Sử dụng HĐĐT',
            provider: 'Nhà cung cấp',
          },
        }),
    ],
    ['Mẫu 2.5 two-level, parent merged over Có/Không | Đơn vị cung cấp', (wb) => W.addMau25(wb)],
    [
      'Mẫu 2.5 two-level with a numbering row',
      (wb) => W.addMau25(wb, undefined, { numberingRow: true }),
    ],
    [
      'Mẫu 2.6: Nền tảng số đang sử dụng',
      (wb) =>
        W.addMau26(wb, undefined, {
          headers: { name: 'Tên doanh nghiệp/HTX', 'digital-platform': 'Nền tảng số đang sử dụng' },
        }),
    ],
  ])('%s', async (_label, build) => {
    await check(build);
  });

  test.each<[string, { parent?: boolean; vertical?: boolean }]>([
    ['parent merged, other headers merged over both rows', {}],
    ['parent typed once, not merged', { parent: false }],
    ['nothing merged', { parent: false, vertical: false }],
  ])('Mẫu 3.3 with its tick columns under a parent header: %s', async (_label, headerMerges) => {
    await check((wb) =>
      W.addMau33(wb, undefined, {
        tickParent: 'Thông tin sử dụng dịch vụ số',
        headerMerges,
        headers: { smartphone: 'Có ĐTTM', 'online-services': 'Sử dụng DVCTT' },
      }),
    );
  });

  test('Mẫu 2.5 whose parent "Sử dụng hợp đồng điện tử" is not merged over its children', async () => {
    const { sheet } = await check((wb) => {
      const t = W.addMau25(wb);
      const ws = wb.getWorksheet(t.sheet)!;
      // header at row 4 (title, subtitle, blank): unmerge the parent, keep its text in D4 only
      ws.unMergeCells('D4:E4');
      return t;
    });
    expect(sheet.kind).toBe('mau-2.5');
  });

  test('Mẫu 2.5 with the tick split into a "Có" and a "Không" column under the parent', async () => {
    const wb = W.newWorkbook();
    const ws = wb.addWorksheet('HĐĐT');
    ws.addRow([W.MAU25_TITLE]);
    ws.addRow([
      'TT',
      'Tên doanh nghiệp',
      'Số điện thoại liên hệ',
      'Sử dụng hợp đồng điện tử',
      '',
      'Đơn vị cung cấp',
      'Ghi chú',
    ]);
    ws.addRow(['', '', '', 'Có', 'Không', '', '']);
    ws.mergeCells('D2:E2');
    const uses = [true, false, true, true, false, true];
    uses.forEach((u, i) =>
      ws.addRow([
        i + 1,
        `Công ty TNHH Số ${i + 1}`,
        W.mobile(i),
        u ? 'x' : '',
        u ? '' : 'x',
        u ? 'VNPT eContract' : '',
      ]),
    );
    ws.addRow([]);
    ws.addRow(['Tổng số DNVVN:', '', 6]);
    ws.addRow(['Tỷ lệ DNVVN sử dụng hợp đồng điện tử:', '', '66,7%']);
    const { report } = await analyseBook(wb);
    const s = sheetOf(report, 'HĐĐT');
    expect(s.kind).toBe('mau-2.5');
    expect(readRatios(s)).toEqual({ enterprises: [6, 1], 'e-contract': [4, 6] });
    expect(otherFindings(s)).toEqual([]);
  });
});

describe('rows: STT, groups of thôn, subtotals, totals, repeated headers, long lists', () => {
  test.each<[string, Build]>([
    ['STT typed "1.", "2."', (wb) => W.addMau14(wb, undefined, { stt: 'text' })],
    ['STT missing on every third row', (wb) => W.addMau33(wb, undefined, { stt: 'gaps' })],
    [
      'group rows "Thôn Đông" in the name column',
      (wb) => W.addMau33(wb, undefined, { groups: 'plain' }),
    ],
    ['group rows "I" | "Thôn Đông"', (wb) => W.addMau33(wb, undefined, { groups: 'roman' })],
    [
      'group rows "I. Thôn Đông" merged across the table',
      (wb) => W.addMau33(wb, undefined, { groups: 'merged' }),
    ],
    [
      '"Cộng thôn Đông" subtotal rows with COUNTA after each group',
      (wb) => W.addMau33(wb, undefined, { groups: 'plain', subtotals: true }),
    ],
    [
      'merged groups, subtotals and a "Tổng cộng" row with COUNTA',
      (wb) => W.addMau33(wb, undefined, { groups: 'merged', subtotals: true, total: 'counta' }),
    ],
    [
      '"Tổng cộng" with COUNTA in the STT column too',
      (wb) => W.addMau14(wb, undefined, { sttTotal: true }),
    ],
    [
      'enterprise "Tổng công ty …" is an entry, not a total',
      (wb) =>
        W.addMau25(wb, [
          ...W.enterpriseEntries(5, 'e-contract', 0.6),
          {
            name: 'Tổng công ty Xây dựng Thanh Hóa - Chi nhánh Hoằng Hóa',
            phone: W.mobile(77),
            ticks: { 'e-contract': true },
            texts: { provider: 'Viettel CA' },
          },
        ]),
    ],
    [
      'people with the surname Tống are entries',
      (wb) =>
        W.addMau33(wb, [
          ...W.adultEntries(8),
          {
            name: 'Tống Văn Cộng',
            phone: W.mobile(90),
            ticks: {
              smartphone: true,
              'security-app': true,
              'digital-signature': false,
              'online-services': true,
            },
          },
          ...W.adultEntries(4, 13, 50),
        ]),
    ],
  ])('%s', async (_label, build) => {
    await check(build);
  });

  test('Mẫu 3.3 of 320 people by thôn, pasted from a PDF (header repeated every 60 rows), read fast', async () => {
    const entries = W.adultEntries(rowsOf(320));
    const started = Date.now();
    const { sheet } = await check((wb) =>
      W.addMau33(wb, entries, {
        groups: 'roman',
        extraCols: ['Ngày sinh', 'Thôn'],
        numberingRow: true,
        repeatHeaderEvery: 60,
      }),
    );
    expect(sheet.ratios.find((r) => r.key === 'adults')?.numerator).toBe(320);
    // generous bound: reading and analysing a 320-row form is a matter of milliseconds
    expect(Date.now() - started).toBeLessThan(10000);
  });
});

describe('the "Tổng cộng" line', () => {
  test('counts typed by hand under STT and the tick columns, right: no finding', async () => {
    await check((wb) => W.addMau14(wb, undefined, { total: 'typed' }));
  });

  test('counts typed by hand, wrong: ratio-differs on each of them', async () => {
    const { truth, sheet } = await check(
      (wb) => W.addMau14(wb, undefined, { total: 'typed', totalError: 1 }),
      ['ratio-differs'],
    );
    const { totalRow, cols } = truth.lists[0];
    expect(sheet.findings.map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(
      [cols.stt, cols.computer, cols.mailbox]
        .map((c) => `ratio-differs ${W.letter(c)}${totalRow}`)
        .sort(),
    );
  });
});

describe('ticks as typed', () => {
  test.each<[string, Build]>([
    [
      'x, X, Có, có, C, 1, ✓, ✔, "Có (VNPT)", TRUE, " x " / blank, Không, K, -, 0, FALSE',
      (wb) => W.addMau33(wb, undefined, { tickStyle: 'mixed' }),
    ],
    [
      'TRUE / FALSE (check boxes linked to cells)',
      (wb) => W.addMau14(wb, undefined, { tickStyle: 'boolean' }),
    ],
    ['numbers 1 / 0', (wb) => W.addMau33(wb, undefined, { tickStyle: 'numeric' })],
    [
      'Mẫu 2.6: the platform written instead of x (MISA, Hóa đơn điện tử VNPT), "Không sử dụng", "Chưa áp dụng" for no',
      (wb) => W.addMau26(wb, W.enterpriseEntries(16, 'digital-platform', 0.5, 3)),
    ],
    [
      'Mẫu 1.4: "Chưa được cấp", "không sử dụng" in the mailbox column are no mailbox (not a bad address)',
      (wb) => W.addMau14(wb, W.staffEntries(30, 8)),
    ],
  ])('%s', async (_label, build) => {
    await check(build);
  });

  test('Mẫu 1.4: mailboxes as mailto: hyperlinks (Excel makes them when an address is typed)', async () => {
    await check((wb) => {
      const t = W.addMau14(wb);
      const ws = wb.getWorksheet(t.sheet)!;
      const { first, last, cols } = t.lists[0];
      for (let r = first; r <= last; r++) {
        const c = ws.getCell(r, cols.mailbox);
        if (typeof c.value === 'string' && c.value.includes('@'))
          c.value = { text: c.value, hyperlink: `mailto:${c.value}` };
      }
      return t;
    });
  });

  test('an unclear mark is reported on its cell and not counted', async () => {
    const wb = W.newWorkbook();
    const entries = W.adultEntries(20);
    const truth = W.addMau33(wb, entries, { tickStyle: 'x', figures: 'missing' });
    const list = truth.lists[0];
    // the official wrote "đang cài" (installing) for the 3rd person's security app
    const row = list.first + 2;
    wb.getWorksheet(truth.sheet)!.getCell(row, list.cols['security-app']).value = 'đang cài';
    const { report } = await analyseBook(wb);
    const s = sheetOf(report, truth.sheet);
    const cell = `${W.letter(list.cols['security-app'])}${row}`;
    expect(s.findings.filter((f) => f.rule === 'mark-unclear').map((f) => f.cell)).toEqual([cell]);
    const app = s.ratios.find((r) => r.key === 'security-app')!;
    const third = entries[2];
    expect(app.numerator).toBe(
      truth.ratios['security-app'][0] - (third.ticks['security-app'] ? 1 : 0),
    );
  });
});

describe('phone numbers as typed', () => {
  test.each<[string, W.PhoneStyle]>([
    ['typed as numbers (912345678 lost its 0)', 'number'],
    ['with spaces', 'spaces'],
    ['with dots', 'dots'],
    ['+84', 'plus84'],
    ['two numbers in one cell "0912.345.678 - 0987…"', 'two'],
  ])('%s: valid, no finding', async (_label, phoneStyle) => {
    await check((wb) => W.addMau25(wb, undefined, { phoneStyle }));
  });

  test('other spellings officials use are valid; "Không có" is no number, not a bad one', async () => {
    const wb = W.newWorkbook();
    const truth = W.addMau26(wb, W.enterpriseEntries(8, 'digital-platform', 0.7, 9));
    const ws = wb.getWorksheet(truth.sheet)!;
    const { first, cols } = truth.lists[0];
    const typed = [
      84912345601,
      '0912345602-0987654321',
      '0912 345 603 (Zalo)',
      2373865123,
      'Không có',
      '(0237) 3865 124',
    ];
    typed.forEach((v, i) => (ws.getCell(first + i, cols.phone).value = v));
    const { report } = await analyseBook(wb);
    expectTruth(report, truth);
  });

  test('a person on two lines (name merged down, a second phone below): one entry', async () => {
    const wb = W.newWorkbook();
    const ws = wb.addWorksheet('Mẫu 3.3');
    ws.addRow([W.MAU33_TITLE]);
    ws.addRow([
      'TT',
      'Họ và tên',
      'Số điện thoại liên hệ',
      'Có điện thoại thông minh',
      'Có cài đặt PM ATTT',
      'Có chữ ký số',
      'Có sử dụng dịch vụ công trực tuyến',
      'Ghi chú',
    ]);
    ws.addRow([1, 'Nguyễn Văn An', '0912 345 601', 'x', 'x', '', 'x']);
    ws.addRow([2, 'Lê Thị Bình', '0912 345 602', 'x', '', '', '']);
    ws.addRow(['', '', '0987 654 321']); // her second number
    ws.addRow([3, 'Trần Văn Cường', '0912 345 603', '', '', '', '']);
    for (const c of ['A', 'B', 'D', 'E', 'F', 'G', 'H']) ws.mergeCells(`${c}4:${c}5`);
    ws.addRow([]);
    ws.addRow(['Tổng dân số trưởng thành:', '', '', 3]);
    const { report } = await analyseBook(wb);
    const s = sheetOf(report, 'Mẫu 3.3');
    expect(readRatios(s)).toMatchObject({
      adults: [3, 1],
      smartphone: [2, 3],
      'security-app': [1, 2],
    });
    expect(s.findings.filter((f) => f.rule !== 'ratio-not-filled')).toEqual([]);
  });

  test('a bad number is reported on its cell', async () => {
    const wb = W.newWorkbook();
    const truth = W.addMau25(wb);
    const { first, cols } = truth.lists[0];
    wb.getWorksheet(truth.sheet)!.getCell(first + 3, cols.phone).value = '098 123 456';
    const { report } = await analyseBook(wb);
    const s = sheetOf(report, truth.sheet);
    expect(otherFindings(s)).toEqual([
      expect.stringMatching(
        new RegExp(`^invalid-phone ${W.letter(cols.phone)}${first + 3} .*098 123 456`),
      ),
    ]);
    expect(readRatios(s)).toEqual(truth.ratios);
  });

  test('the same person twice, phone typed once as a number and once with dots: duplicate', async () => {
    const wb = W.newWorkbook();
    const entries = W.adultEntries(10);
    const truth = W.addMau33(wb, [...entries, entries[3]], {
      phoneStyle: 'mixed',
      figures: 'missing',
    });
    const ws = wb.getWorksheet(truth.sheet)!;
    const { first, last, cols } = truth.lists[0];
    const phone = entries[3].phone!;
    ws.getCell(first + 3, cols.phone).value = Number(phone);
    ws.getCell(last, cols.phone).value =
      `${phone.slice(0, 4)}.${phone.slice(4, 7)}.${phone.slice(7)}`;
    const { report } = await analyseBook(wb);
    const s = sheetOf(report, truth.sheet);
    expect(s.findings.filter((f) => f.rule === 'duplicate-entry').map((f) => f.cell)).toEqual([
      `${W.letter(cols.name)}${last}`,
    ]);
  });
});

describe('summary lines as typed', () => {
  test.each<[string, Build]>([
    ['figure in the next cell, unit after it', (wb) => W.addMau14(wb)],
    [
      'figure in the label "- Tổng số CBCC của cơ quan: 21 người."',
      (wb) => W.addMau14(wb, undefined, { figures: 'label' }),
    ],
    [
      'figures as formulas with cached values (=COUNTA(…), =COUNTIF(…)/D30)',
      (wb) => W.addMau14(wb, undefined, { figures: 'formula', tickStyle: 'x' }),
    ],
    ['Mẫu 3.3 figures in the labels', (wb) => W.addMau33(wb, undefined, { figures: 'label' })],
    [
      'Mẫu 4.5 "- Tổng số điểm công cộng có wifi: 6 điểm"',
      (wb) => W.addMau45(wb, 6, { figures: 'label' }),
    ],
  ])('%s', async (_label, build) => {
    await check(build);
  });

  test.each<[string, Build]>([
    [
      'Mẫu 3.3 in other words: "Tổng số dân trưởng thành", "Tỷ lệ người có ĐTTM", "… CKS", "… DVC trực tuyến"',
      (wb) =>
        W.addMau33(wb, undefined, {
          labels: {
            adults: 'Tổng số dân trưởng thành:',
            smartphone: 'Tỷ lệ người có ĐTTM:',
            'security-app': 'Tỷ lệ thuê bao ĐTTM có cài PM ATTT:',
            'digital-signature': 'Tỷ lệ người dân có CKS:',
            'online-services': 'Tỷ lệ sử dụng DVC trực tuyến:',
          },
        }),
    ],
    [
      'Mẫu 1.4 in other words: "Tổng số CB, CC", "… máy vi tính", "… email công vụ"',
      (wb) =>
        W.addMau14(wb, undefined, {
          figures: 'label',
          labels: {
            staff: '- Tổng số CB, CC:',
            computer: '- Tỷ lệ CBCC được trang bị máy vi tính:',
            mailbox: '- Tỷ lệ CBCC có email công vụ:',
          },
        }),
    ],
    [
      'Mẫu 2.5 in other words: "Tổng số DN", "Tỷ lệ DN sử dụng HĐĐT"',
      (wb) =>
        W.addMau25(wb, undefined, {
          labels: { enterprises: 'Tổng số DN:', 'e-contract': 'Tỷ lệ DN sử dụng HĐĐT:' },
        }),
    ],
    [
      'Mẫu 3.3 summary typed right under the list, in the name column, no blank row',
      (wb) => {
        const t = W.addMau33(wb, undefined, { figures: 'missing', signature: false });
        const ws = wb.getWorksheet(t.sheet)!;
        const { last, cols } = t.lists[0];
        ws.getCell(last + 1, cols.name).value = 'Dân số trưởng thành: 40 người';
        return t;
      },
    ],
  ])('%s', async (_label, build) => {
    // every line is found (none planned as missing) and agrees with the list
    const { sheet } = await check(build, ['ratio-not-filled']);
    const missingCounts = sheet.findings.filter(
      (f) => f.rule === 'ratio-not-filled' && /Thiếu dòng "(- )?Tổng/.test(f.message),
    );
    expect(missingCounts).toEqual([]);
  });

  test('a count of smartphone owners is not read as the adult population', async () => {
    const { sheet, truth } = await check((wb) => {
      const t = W.addMau33(wb);
      const at = t.summaryCells['online-services'];
      const ws = wb.getWorksheet(t.sheet)!;
      ws.getCell(at.row + 1, 1).value = 'Tổng số người trưởng thành có điện thoại thông minh:';
      ws.getCell(at.row + 1, at.col).value = t.ratios.smartphone[0];
      return t;
    });
    const adults = truth.summaryCells.adults;
    expect(sheet.ratios.find((r) => r.key === 'adults')?.cell).toBe(
      `${W.letter(adults.col)}${adults.row}`,
    );
  });

  test('labels without figures: ratio-not-filled on each figure cell, with the count', async () => {
    const { truth, sheet } = await check(
      (wb) => W.addMau14(wb, undefined, { figures: 'blank' }),
      ['ratio-not-filled'],
    );
    const f = sheet.findings.filter((x) => x.rule === 'ratio-not-filled');
    expect(f.map((x) => x.cell)).toEqual(
      ['staff', 'computer', 'mailbox'].map(
        (k) => `${W.letter(truth.summaryCells[k].col)}${truth.summaryCells[k].row}`,
      ),
    );
    expect(f[1].message).toContain('20/21 = 95,2%');
    expect(f[1].criterion).toBe('4.3');
    expect(f[2].criterion).toBe('1.4');
  });

  test('no summary lines at all: one ratio-not-filled per line of the form', async () => {
    const { sheet } = await check(
      (wb) => W.addMau33(wb, undefined, { figures: 'missing' }),
      ['ratio-not-filled'],
    );
    expect(sheet.findings.filter((x) => x.rule === 'ratio-not-filled')).toHaveLength(5);
  });

  test('stale figures: ratio-differs on each typed cell with both figures', async () => {
    const { truth, sheet } = await check(
      (wb) => W.addMau33(wb, undefined, { figureError: 2 }),
      ['ratio-differs'],
    );
    const f = sheet.findings.filter((x) => x.rule === 'ratio-differs');
    expect(f.map((x) => x.cell)).toEqual(
      Object.keys(truth.ratios).map(
        (k) => `${W.letter(truth.summaryCells[k].col)}${truth.summaryCells[k].row}`,
      ),
    );
    const [n, d] = truth.ratios.smartphone;
    expect(f[1].message).toContain(`${n}/${d}`);
    expect(f[1].message).toContain(`ghi ${(((n + 2) / d) * 100).toFixed(1).replace('.', ',')}%`);
  });
});

describe('what is not data: date line, signatures, confirmations', () => {
  test('the date line right under the list (no summary lines) is not an entry', async () => {
    const { sheet } = await check(
      (wb) => W.addMau25(wb, undefined, { figures: 'missing' }),
      ['ratio-not-filled'],
    );
    expect(sheet.findings.map((f) => f.rule)).toEqual(['ratio-not-filled', 'ratio-not-filled']);
  });

  test.each([
    ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
    ['', 'PHÓ CHỦ TỊCH'],
    ['Người lập', 'TM. UBND XÃ'],
    ['Nơi nhận:', ''],
  ])('signature block "%s" | "%s" right under the list is not data', async (left, right) => {
    await check(
      (wb) => {
        const t = W.addMau33(wb, undefined, {
          figures: 'missing',
          signature: false,
          tickStyle: 'x',
        });
        const ws = wb.getWorksheet(t.sheet)!;
        const r = t.lists[0].last + 1;
        if (left) ws.getCell(r, 2).value = left;
        if (right) ws.getCell(r, 5).value = right;
        ws.getCell(r + 1, 5).value = 'PHÓ CHỦ TỊCH';
        ws.getCell(r + 4, 2).value = 'Lê Văn Hùng';
        ws.getCell(r + 4, 5).value = 'Nguyễn Thị Lan';
        return t;
      },
      ['ratio-not-filled'],
    );
  });

  test('Mẫu 4.1: confirmations "VNPT: …", "Viettel:….." after the signatures are not stations', async () => {
    await check((wb) => W.addMau41(wb));
  });
});

describe('the official template kept around the entries', () => {
  test('Mẫu 4.5: the printed placeholder line, with or without "..." in STT, is not a wifi point', async () => {
    for (const stt of ['...', '']) {
      await check(
        (wb) => {
          const t = W.addMau45(wb, 5, { figures: 'blank', sheet: `Mẫu 4.5 ${stt ? 'a' : 'b'}` });
          const ws = wb.getWorksheet(t.sheet)!;
          const { last, totalRow, cols } = t.lists[0];
          // the "Tổng cộng" line moves down one row; the placeholder takes its place
          ws.getCell(totalRow!, cols.name).value = null;
          ws.getCell(totalRow! + 1, cols.name).value = 'Tổng cộng';
          if (stt) ws.getCell(last + 1, cols.stt).value = stt;
          ws.getCell(last + 1, cols.name).value =
            '(Các điểm Nhà văn hóa, điểm công cộng, du lịch cộng đồng, ...)';
          return t;
        },
        ['ratio-not-filled'],
      );
    }
  });
});

describe('Mẫu 4.1 lists', () => {
  test.each<[string, Build]>([
    ['both lists', (wb) => W.addMau41(wb)],
    ['only the fibre boxes', (wb) => W.addMau41(wb, { lists: 'boxes' })],
    ['only the base stations', (wb) => W.addMau41(wb, { lists: 'stations' })],
    ['no title, headings only', (wb) => W.addMau41(wb, { title: 'none', sheet: 'Hạ tầng' })],
  ])('%s', async (_label, build) => {
    await check(build);
  });
});

describe('a protected form sheet', () => {
  test('is read like any other', async () => {
    const { report } = await check((wb) => W.addMau33(wb, undefined, { protect: true }));
    expect(report.sheets).toHaveLength(1);
  });
});
