import type { Catalog, Criterion } from '../../../../src/core/catalog/types';
import {
  GridView,
  type Cell,
  type MergedArea,
  type SheetGrid,
} from '../../../../src/core/model/grid';
import { classifyHeader, isTableEndText, titleLevel } from '../../../../src/core/appendix/headers';
import { parseCriterionCode, recognizeAppendix } from '../../../../src/core/appendix/recognize';
import { gridFromTsv, readSeedTable, rowOf, withCell } from '../../../support/fixtures/tsv-grid';

// ------------------------------------------------------------------ fixtures

/** Group sizes of the Thanh Hóa 2023 set (seed 001): 1.1–1.11, 2.1–2.6, 3.1–3.12, 4.1–4.8. */
const GROUP_SIZES: [string, string, number][] = [
  ['1', 'Chính quyền số', 11],
  ['2', 'Kinh tế số', 6],
  ['3', 'Xã hội số', 12],
  ['4', 'Hạ tầng số', 8],
];
const EXPECTED_CODES = GROUP_SIZES.flatMap(([g, , n]) =>
  Array.from({ length: n }, (_, i) => `${g}.${i + 1}`),
);

function criterion(code: string): Criterion {
  return {
    code,
    group: code.split('.')[0],
    name: `Chỉ tiêu ${code}`,
    unit: '%',
    target: { kind: 'yes', text: 'Có' },
    requirement: '',
    evidence: [],
    evidenceRequired: false,
  };
}

function makeCatalog(groups?: Catalog['groups']): Catalog {
  return {
    id: 'test',
    title: 'Danh mục thử',
    province: 'Thanh Hóa',
    year: 2023,
    sources: [],
    groups: groups ?? [
      { code: '1', name: 'Chính quyền số' },
      { code: '2', name: 'Kinh tế số' },
      { code: '3', name: 'Xã hội số' },
      { code: '4', name: 'Hạ tầng số', aliases: ['Hạ tầng và nền tảng số'] },
    ],
    criteria: EXPECTED_CODES.map(criterion),
    levels: [],
    chains: [],
    defaultChain: 'thanh-hoa-2023',
  };
}
const catalog = makeCatalog();

type Value = string | number | null;

/** A sheet from rows of values, placed at (row0, col0); null/"" = no cell. */
function gridFromRows(
  rows: Value[][],
  opts: { row0?: number; col0?: number; merges?: MergedArea[]; name?: string } = {},
): SheetGrid {
  const row0 = opts.row0 ?? 0;
  const col0 = opts.col0 ?? 0;
  const cells: Cell[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === '') return;
      cells.push({
        row: row0 + i,
        col: col0 + j,
        kind: typeof v === 'number' ? 'number' : 'string',
        value: v,
      });
    }),
  );
  return { name: opts.name ?? 'Sheet1', cells, merges: opts.merges ?? [] };
}

function recognize(grid: SheetGrid, cat: Catalog = catalog) {
  return recognizeAppendix(new GridView(grid), cat);
}

function seed(file: string): SheetGrid {
  return gridFromTsv(file, readSeedTable(file));
}

const PL01_HEADER = [
  'TT',
  'Tên chỉ tiêu',
  'Đơn vị tính',
  'Chỉ tiêu',
  'Kết quả',
  'Đánh giá (Đạt/Không đạt)',
  'Tài liệu minh chứng',
  'Ghi chú',
];

/** A short filled PHỤ LỤC 01 body (seed 004 values). */
const PL01_BODY: Value[][] = [
  ['1', 'Chính quyền số'],
  ['1.1', 'Xây dựng và tổ chức triển khai thực hiện các chỉ tiêu', 'Văn bản', 'Có', 'Có', 'Đạt'],
  ['1.6', 'Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến.', '%', '70%', '82,9%', 'Đạt'],
  ['2', 'Kinh tế số'],
  ['2.5', 'Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử', '%', '50', '53,57%', 'Đạt'],
];

// ------------------------------------------------------------------ seed tables

describe('recognizeAppendix on the seed tables', () => {
  const grid = seed('hoang-kim-pl01.tsv');
  const rec = recognize(grid)!;

  it('reads the Hoàng Kim PHỤ LỤC 01 (PDF paste) as phu-luc-01 with 37 criteria in order', () => {
    expect(rec).not.toBeNull();
    expect(rec.kind).toBe('phu-luc-01');
    expect(rec.rows.map((r) => r.code)).toEqual(EXPECTED_CODES);
    expect(rec.rows.every((r) => r.name.length > 10)).toBe(true);
    expect(rec.strayRows).toEqual([]);
  });

  it('maps every column of the official header', () => {
    expect(rec.layout.headerRow).toBe(5);
    expect(rec.layout.columns).toEqual({
      tt: 0,
      name: 1,
      unit: 2,
      target: 3,
      'result-commune': 4,
      verdict: 5,
      evidence: 6,
      note: 7,
    });
    expect(rec.layout.extraColumns).toEqual([]);
  });

  it('finds the four group rows, including one carrying a verdict', () => {
    expect(rec.groups.map((g) => [g.code, g.name])).toEqual(
      GROUP_SIZES.map(([code, name]) => [code, name]),
    );
    expect(rec.groups[2].row).toBe(rowOf(grid, '3'));
  });

  it('records the two header rows repeated by the PDF page breaks and skips them', () => {
    expect(rec.layout.headerRows).toEqual([5, 22, 45]);
    expect(rec.rows.some((r) => r.row === 22 || r.continuationRows.includes(22))).toBe(false);
  });

  it('merges the continuation of 2.2 across the page break, evidence link included', () => {
    const r22 = rec.rows.find((r) => r.code === '2.2')!;
    expect(r22.continuationRows).toEqual([23]);
    expect(r22.name.endsWith('mạng xã hội,...)')).toBe(true);
    expect(r22.texts.evidence).toContain('postmart');
    expect(r22.texts.evidence).toContain('hoangkim.hoanghoa');
    // cells keep the code row's cell
    expect(r22.cells.evidence?.row).toBe(r22.row);
  });

  it('joins the unit and target of 4.2 split over two rows', () => {
    const r42 = rec.rows.find((r) => r.code === '4.2')!;
    expect(r42.unit).toBe('Hệ thống');
    expect(r42.texts.target).toBe('Đáp ứng');
    expect(r42.texts['result-commune']).toBe('Đáp ứng');
    expect(r42.name).toMatch(/UBND xã đáp ứng phương án .* phê duyệt\.$/);
    expect(r42.continuationRows).toEqual([46]);
  });

  it('keeps the per-role cells and ends at the last criterion', () => {
    const r16 = rec.rows.find((r) => r.code === '1.6')!;
    expect(r16.cells['result-commune']?.value).toBe('82,9%');
    expect(r16.cells.target?.value).toBe('70%');
    expect(r16.cells.tt?.value).toBe('1.6');
    expect(rec.layout.lastRow).toBe(rowOf(grid, '4.8'));
    const r110 = rec.rows.find((r) => r.code === '1.10')!;
    expect(r110.row).toBe(rowOf(grid, '1.10'));
  });

  it('reads the blank PHỤ LỤC 01 with four repeated headers and the 3.8 continuation', () => {
    const r = recognize(seed('blank-pl01.tsv'))!;
    expect(r.kind).toBe('phu-luc-01');
    expect(r.rows.map((x) => x.code)).toEqual(EXPECTED_CODES);
    expect(r.layout.headerRows).toHaveLength(5);
    const r38 = r.rows.find((x) => x.code === '3.8')!;
    expect(r38.name.endsWith('thanh toán không dùng tiền mặt')).toBe(true);
  });

  it('reads the blank PHỤ LỤC 02 (header typo "Chi tiêu") as phu-luc-02', () => {
    const r = recognize(seed('blank-pl02.tsv'))!;
    expect(r.kind).toBe('phu-luc-02');
    expect(r.layout.columns['result-commune']).toBe(4);
    expect(r.layout.columns['result-district']).toBe(5);
    expect(r.layout.columns.target).toBe(3);
    expect(r.layout.columns.verdict).toBe(6);
    expect(r.layout.columns['result-province']).toBeUndefined();
    expect(r.layout.headerRows).toHaveLength(5);
    expect(r.rows.map((x) => x.code)).toEqual(EXPECTED_CODES);
    expect(r.rows.find((x) => x.code === '1.8')!.name).toMatch(/dùng chung từ Trung ương/);
    expect(r.rows.find((x) => x.code === '2.3')!.name).toMatch(/postmart\.vn/);
  });

  it('reads the blank PHỤ LỤC 03 as phu-luc-03 (district + province results)', () => {
    const r = recognize(seed('blank-pl03.tsv'))!;
    expect(r.kind).toBe('phu-luc-03');
    expect(r.layout.columns['result-district']).toBe(4);
    expect(r.layout.columns['result-province']).toBe(5);
    expect(r.layout.columns['result-commune']).toBeUndefined();
    expect(r.rows).toHaveLength(37);
  });
});

// ------------------------------------------------------------------ header spellings

describe('header matching', () => {
  it('is the same for NFD text (header and body)', () => {
    const tsv = readSeedTable('hoang-kim-pl01.tsv').normalize('NFD');
    const r = recognize(gridFromTsv('nfd', tsv))!;
    expect(r.kind).toBe('phu-luc-01');
    expect(r.rows.map((x) => x.code)).toEqual(EXPECTED_CODES);
    expect(r.layout.columns.evidence).toBe(6);
    expect(r.groups).toHaveLength(4);
  });

  it('accepts line breaks inside header cells', () => {
    const header = [
      'TT',
      'Tên\nchỉ tiêu',
      'Đơn vị\r\ntính',
      'Chỉ\ntiêu',
      'Kết quả\nthực hiện',
      'Đánh giá\n(Đạt/Không đạt)',
      'Tài liệu\nminh chứng',
      'Ghi\nchú',
    ];
    const r = recognize(gridFromRows([header, ...PL01_BODY]))!;
    expect(r.layout.columns).toEqual({
      tt: 0,
      name: 1,
      unit: 2,
      target: 3,
      'result-commune': 4,
      verdict: 5,
      evidence: 6,
      note: 7,
    });
  });

  it('accepts STT / ĐVT / Chỉ tiêu (năm 2023) / Kết quả thực hiện / Tài liệu kiểm chứng', () => {
    const header = [
      'STT',
      'Tên tiêu chí',
      'ĐVT',
      'Chỉ tiêu (năm 2023)',
      'Kết quả thực hiện',
      'Đánh giá',
      'Tài liệu kiểm chứng',
      'Ghi chú',
    ];
    const r = recognize(gridFromRows([header, ...PL01_BODY]))!;
    expect(r.kind).toBe('phu-luc-01');
    expect(r.layout.columns).toEqual({
      tt: 0,
      name: 1,
      unit: 2,
      target: 3,
      'result-commune': 4,
      verdict: 5,
      evidence: 6,
      note: 7,
    });
    expect(r.rows.find((x) => x.code === '1.6')!.texts.target).toBe('70%');
  });

  it('accepts Số TT / Nội dung / Đơn vị / Năm 2023 / Kết quả tự đánh giá / Minh chứng', () => {
    const header = [
      'Số TT',
      'Nội dung',
      'Đơn vị',
      'Năm 2023',
      'Kết quả tự đánh giá của UBND cấp xã',
      'Đạt/Không đạt',
      'Hồ sơ minh chứng',
    ];
    const r = recognize(gridFromRows([header, ...PL01_BODY]))!;
    expect(r.kind).toBe('phu-luc-01');
    expect(r.layout.columns).toEqual({
      tt: 0,
      name: 1,
      unit: 2,
      target: 3,
      'result-commune': 4,
      verdict: 5,
      evidence: 6,
    });
  });

  it('reads "Chỉ tiêu" right after STT as the name when no name column exists', () => {
    const header = ['STT', 'Chỉ tiêu', 'ĐVT', 'Chỉ tiêu năm 2024', 'Kết quả'];
    const r = recognize(gridFromRows([header, ...PL01_BODY]))!;
    expect(r.layout.columns.name).toBe(1);
    expect(r.layout.columns.target).toBe(3);
    expect(r.rows.find((x) => x.code === '1.6')!.name).toMatch(/^Tỷ lệ hồ sơ/);
  });

  it('keeps an unknown extra column aside and still reads the results around it', () => {
    const header = [
      'TT',
      'Tên chỉ tiêu',
      'Đơn vị tính',
      'Chỉ tiêu',
      'Người phụ trách',
      'Kết quả',
      'Đánh giá',
    ];
    const body: Value[][] = [
      [
        '1.6',
        'Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến.',
        '%',
        '70%',
        'Đ/c Trung',
        '82,9%',
        'Đạt',
      ],
    ];
    const r = recognize(gridFromRows([header, ...body]))!;
    expect(r.layout.extraColumns).toEqual([{ header: 'Người phụ trách', col: 4 }]);
    expect(r.layout.columns['result-commune']).toBe(5);
    expect(r.rows[0].texts['result-commune']).toBe('82,9%');
    expect(Object.values(r.rows[0].texts)).not.toContain('Đ/c Trung');
  });

  it('returns null for a target-assignment table without a result column (seed 000 layout)', () => {
    const rows: Value[][] = [
      ['PHÂN CÔNG NHIỆM VỤ HOÀN THÀNH TIÊU CHÍ VÀ HỒ SƠ CÔNG NHẬN XÃ HOÀN THÀNH TIÊU CHÍ'],
      ['TT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Năm 2023', 'Người phụ trách', 'Ghi chú'],
      ['1', 'CHÍNH QUYỀN SỐ'],
      ['1.1', 'Xây dựng và tổ chức triển khai', 'Văn bản', 'Có', 'Đ/c Thủy VH'],
      ['1.6', 'Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến.', '%', '70%', 'Đ/c Trung, Nghĩa'],
    ];
    expect(recognize(gridFromRows(rows))).toBeNull();
    // the same table with a result column is an appendix: the null above is the missing result
    const withResult = rows.map((r, i) => (i === 1 ? [...r, 'Kết quả'] : r));
    expect(recognize(gridFromRows(withResult))?.kind).toBe('phu-luc-01');
  });

  it('classifies whole cells, the most specific phrase winning', () => {
    expect(classifyHeader('Chỉ tiêu')?.role).toBe('target');
    expect(classifyHeader('Chi tiêu')?.role).toBe('target');
    expect(classifyHeader('Tên chỉ tiêu')?.role).toBe('name');
    expect(classifyHeader('Chỉ tiêu, nội dung')?.role).toBe('name');
    expect(classifyHeader('Mục tiêu')?.role).toBe('target');
    expect(classifyHeader('Kết quả')).toMatchObject({ role: 'result-commune', generic: true });
    expect(classifyHeader('Kết quả thẩm định')?.role).toBe('result-district');
    expect(classifyHeader('Kết quả thẩm định của UBND cấp huyện')?.role).toBe('result-district');
    expect(classifyHeader('Kết quả thẩm tra')?.role).toBe('result-province');
    expect(classifyHeader('Kết quả thẩm tra của Sở KH&CN')?.role).toBe('result-province');
    expect(classifyHeader('Kết quả cấp tỉnh')?.role).toBe('result-province');
    expect(classifyHeader('Kết quả tự đánh giá')?.generic).toBeFalsy();
    expect(classifyHeader('Kết quả đánh giá')?.role).toBe('verdict');
    expect(classifyHeader('Đánh giá (Đạt/Không đạt)')?.role).toBe('verdict');
    expect(classifyHeader('Hồ sơ minh chứng')?.role).toBe('evidence');
    expect(classifyHeader('KẾT QUẢ THỰC HIỆN')?.role).toBe('result-commune');
    // evidence-form titles are not appendix columns
    expect(classifyHeader('Họ tên')).toBeNull();
    expect(classifyHeader('Tên doanh nghiệp')).toBeNull();
    expect(classifyHeader('Đơn vị cung cấp hợp đồng điện tử')).toBeNull();
    expect(classifyHeader('Thực hiện')).toBeNull();
    expect(classifyHeader('Người phụ trách')).toBeNull();
  });
});

// ------------------------------------------------------------------ placement

describe('placement and table end', () => {
  const motto: Value[][] = [
    ['UBND XÃ HOÀNG KIM', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    [null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [],
    ['PHỤ LỤC 01'],
    ['CHI TIẾT TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ'],
    ['XÃ HOÀNG KIM, HUYỆN HOÀNG HÓA'],
    [],
  ];
  const signature: Value[][] = [
    [],
    [null, 'Người lập biểu', null, null, null, 'TM. ỦY BAN NHÂN DÂN'],
    [null, null, null, null, null, 'CHỦ TỊCH'],
    [],
    [null, 'Nguyễn Văn A', null, null, null, 'Lê Văn B'],
    // a code-looking row below the signature is not data
    ['3.1', 'Ghi chép sau chữ ký', '%', '60%', '72,1%', 'Đạt'],
  ];

  it('finds a table starting at row 9, column C, under titles and the national motto', () => {
    const rows = [...motto, [], PL01_HEADER, ...PL01_BODY, ...signature];
    const r = recognize(gridFromRows(rows, { col0: 2 }))!;
    expect(r.kind).toBe('phu-luc-01');
    expect(r.layout.headerRow).toBe(8);
    expect(r.layout.columns.tt).toBe(2);
    expect(r.layout.columns['result-commune']).toBe(6);
    expect(r.rows.map((x) => x.code)).toEqual(['1.1', '1.6', '2.5']);
    expect(r.rows[1].texts['result-commune']).toBe('82,9%');
    expect(r.layout.lastRow).toBe(8 + PL01_BODY.length);
    expect(r.strayRows).toEqual([]);
  });

  it('stops at "Tổng cộng" and at a date line', () => {
    for (const end of ['Tổng cộng', 'Hoàng Kim, ngày 15 tháng 12 năm 2023']) {
      const rows = [PL01_HEADER, ...PL01_BODY, [null, end], ['3.1', 'Sau bảng', '%', '1%', '2%']];
      const r = recognize(gridFromRows(rows))!;
      expect(r.rows.map((x) => x.code)).toEqual(['1.1', '1.6', '2.5']);
      expect(r.layout.lastRow).toBe(PL01_BODY.length);
    }
  });

  it('ends after more than five blank rows, and goes on across five', () => {
    const after = (gap: number) =>
      recognize(
        gridFromRows([
          PL01_HEADER,
          ...PL01_BODY,
          ...Array.from({ length: gap }, () => []),
          ['3.1', 'Tỷ lệ người dân', '%', '60%', '72,1%', 'Đạt'],
        ]),
      )!.rows.map((x) => x.code);
    expect(after(5)).toContain('3.1');
    expect(after(6)).not.toContain('3.1');
  });

  it('does not read text in a column far right of the table as data', () => {
    const rows: Value[][] = [PL01_HEADER, ...PL01_BODY, [], [], [], ...[[]]];
    const grid = gridFromRows(rows);
    grid.cells.push({ row: 9, col: 12, kind: 'string', value: 'Ghi chép bên lề' });
    grid.cells.push({ row: 10, col: 0, kind: 'string', value: '3.1' });
    const r = recognize(grid)!;
    expect(r.rows.map((x) => x.code)).toEqual(['1.1', '1.6', '2.5']);
  });

  it('ignores a stray cell at row 999999 without visiting the rows in between', () => {
    const grid = withCell(seed('hoang-kim-pl01.tsv'), {
      row: 999998,
      col: 3,
      kind: 'string',
      value: 'x',
    });
    const view = new GridView(grid);
    const rowCells = jest.spyOn(view, 'rowCells');
    const get = jest.spyOn(view, 'get');
    const r = recognizeAppendix(view, catalog)!;
    expect(r.rows).toHaveLength(37);
    expect(r.layout.lastRow).toBe(52);
    expect(r.strayRows).toEqual([]);
    // work is bounded by the rows that hold cells, not by the sheet's height
    expect(rowCells.mock.calls.length).toBeLessThan(400);
    expect(get.mock.calls.length).toBeLessThan(4000);
    expect(rowCells.mock.calls.some(([row]) => row > 100 && row < 999998)).toBe(false);
  });

  it('stops where a report or the next appendix follows the table (seed 001 layout)', () => {
    const rows: Value[][] = [
      ['PHỤ LỤC 01'],
      PL01_HEADER,
      ...PL01_BODY,
      [],
      [
        '2. Mẫu số 02: Mẫu báo cáo kết quả thẩm định các tiêu chí chuyển đổi số cấp xã của UBND cấp huyện.',
      ],
      [],
      ['UBND'],
      [],
      ['Số: /BC-UBND'],
      [],
      ['I. Về hồ sơ, tài liệu minh chứng'],
      [],
      ['1. Chính quyền số'],
      [],
      ['PHỤ LỤC 02'],
      PL01_HEADER,
      ['3.1', 'Tỷ lệ người dân', '%', '60%', '72,1%', 'Đạt'],
    ];
    const r = recognize(gridFromRows(rows))!;
    expect(r.rows.map((x) => x.code)).toEqual(['1.1', '1.6', '2.5']);
    expect(r.groups.map((g) => g.name)).toEqual(['Chính quyền số', 'Kinh tế số']);
    expect(r.strayRows).toEqual([]);
    expect(r.layout.headerRows).toEqual([1]);
    expect(r.layout.lastRow).toBe(1 + PL01_BODY.length);
    // the next appendix title alone also ends it
    const next = recognize(gridFromRows([...rows.slice(0, 7), ...rows.slice(18)]))!;
    expect(next.rows.map((x) => x.code)).toEqual(['1.1', '1.6', '2.5']);
  });

  it('ends on a summary phrase in the name column, not on evidence text starting alike', () => {
    const rows: Value[][] = [
      PL01_HEADER,
      ...PL01_BODY,
      [null, null, null, null, null, null, 'Xác nhận của doanh nghiệp viễn thông'],
      [null, 'Tổng cộng', null, null, '3', '3'],
      ['3.1', 'Tỷ lệ người dân', '%', '60%', '72,1%', 'Đạt'],
    ];
    const r = recognize(gridFromRows(rows))!;
    expect(r.rows.map((x) => x.code)).toEqual(['1.1', '1.6', '2.5']);
    expect(r.rows[2].texts.evidence).toBe('Xác nhận của doanh nghiệp viễn thông');
    expect(r.layout.lastRow).toBe(PL01_BODY.length + 1);
  });

  it('finds the appendix after a long report and after a target-assignment table', () => {
    const report: Value[][] = Array.from({ length: 150 }, (_, i) => [
      `Đoạn ${i + 1} của báo cáo kết quả thực hiện chuyển đổi số năm 2023.`,
    ]);
    const assignment: Value[][] = [
      ['TT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Năm 2023', 'Người phụ trách', 'Ghi chú'],
      ['1.1', 'Xây dựng và tổ chức triển khai', 'Văn bản', 'Có', 'Đ/c Thủy VH'],
      [],
      [null, 'CHỦ TỊCH UBND XÃ'],
      [],
    ];
    const rows = [...report, ...assignment, ['PHỤ LỤC 01'], PL01_HEADER, ...PL01_BODY];
    const r = recognize(gridFromRows(rows))!;
    expect(r.kind).toBe('phu-luc-01');
    expect(r.layout.headerRow).toBe(report.length + assignment.length + 1);
    expect(r.rows.map((x) => x.code)).toEqual(['1.1', '1.6', '2.5']);
  });

  it('is found on any sheet of a workbook, whatever its name', () => {
    const grid = { ...seed('blank-pl02.tsv'), name: 'Thẩm định (huyện)', index: 3 };
    expect(recognize(grid)?.kind).toBe('phu-luc-02');
  });
});

// ------------------------------------------------------------------ not appendices

describe('sheets that are not appendices', () => {
  it('returns null for a budget table', () => {
    const rows: Value[][] = [
      ['DỰ TOÁN KINH PHÍ CHUYỂN ĐỔI SỐ NĂM 2024'],
      ['STT', 'Nội dung', 'Đơn vị tính', 'Dự toán', 'Thực hiện', 'Ghi chú'],
      ['1', 'Chi mua sắm thiết bị', 'Triệu đồng', 120, 95],
      ['1.1', 'Máy tính', 'Triệu đồng', 80, 70],
      ['1.2', 'Camera', 'Triệu đồng', 40, 25],
    ];
    expect(recognize(gridFromRows(rows))).toBeNull();
  });

  it('returns null for the evidence forms (Mẫu 1.4 … 4.5)', () => {
    const forms = readSeedTable('evidence-forms.txt');
    expect(recognize(gridFromTsv('forms', forms))).toBeNull();
    const m14 = forms.slice(0, forms.indexOf('Mẫu 2.5'));
    expect(m14).toContain('Họ tên');
    expect(recognize(gridFromTsv('Mẫu 1.4', m14))).toBeNull();
  });

  it('returns null for an empty sheet and for a header without any criterion row', () => {
    expect(recognize({ name: 'Trống', cells: [], merges: [] })).toBeNull();
    expect(recognize(gridFromRows([PL01_HEADER, [null, 'Chưa có dữ liệu']]))).toBeNull();
  });
});

// ------------------------------------------------------------------ kinds

describe('kind', () => {
  const headerWith = (results: string[]) => [
    'TT',
    'Tên chỉ tiêu',
    'Đơn vị tính',
    'Chỉ tiêu',
    ...results,
    'Đánh giá (Đạt/Không đạt)',
  ];
  const body: Value[][] = [['1.6', 'Tỷ lệ hồ sơ TTHC', '%', '70%', '82,9%', '80%']];

  it('is phu-luc-03 for a province result alone (two-tier chain)', () => {
    const r = recognize(gridFromRows([headerWith(['Kết quả thẩm tra của Sở KH&CN']), ...body]))!;
    expect(r.kind).toBe('phu-luc-03');
    expect(r.layout.columns['result-province']).toBe(4);
  });

  it('is phu-luc-03 for commune + province results', () => {
    const r = recognize(
      gridFromRows([headerWith(['Kết quả tự đánh giá', 'Kết quả thẩm tra cấp tỉnh']), ...body]),
    )!;
    expect(r.kind).toBe('phu-luc-03');
    expect(r.layout.columns['result-commune']).toBe(4);
    expect(r.layout.columns['result-province']).toBe(5);
  });

  it('uses the title only to place a bare "Kết quả" column', () => {
    const plain = [headerWith(['Kết quả']), ...body];
    expect(recognize(gridFromRows(plain))!.kind).toBe('phu-luc-01');
    const pl02 = recognize(gridFromRows([['PHỤ LỤC 02'], [], ...plain]))!;
    expect(pl02.kind).toBe('phu-luc-02');
    expect(pl02.layout.columns['result-district']).toBe(4);
    expect(pl02.layout.columns['result-commune']).toBeUndefined();
    const pl03 = recognize(gridFromRows([['KẾT QUẢ THẨM TRA CÁC TIÊU CHÍ'], ...plain]))!;
    expect(pl03.kind).toBe('phu-luc-03');
    // a named result column is not overridden by the title
    const named = recognize(
      gridFromRows([['PHỤ LỤC 02'], headerWith(['Kết quả tự đánh giá']), ...body]),
    )!;
    expect(named.kind).toBe('phu-luc-01');
  });

  it('reads the title helpers', () => {
    expect(titleLevel('PHỤ LỤC 03')).toEqual({ level: 3, strong: true });
    expect(titleLevel('KẾT QUẢ THẨM ĐỊNH CHI TIẾT')).toEqual({ level: 2, strong: false });
    expect(titleLevel('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeNull();
    expect(isTableEndText('TM. ỦY BAN NHÂN DÂN')).toBe(true);
    expect(isTableEndText('CHỦ TỊCH')).toBe(true);
    expect(isTableEndText('Tỷ lệ hồ sơ TTHC')).toBe(false);
  });
});

// ------------------------------------------------------------------ rows

describe('rows', () => {
  it('reads numeric TT cells as code strings, 1.10 included', () => {
    let grid = seed('hoang-kim-pl01.tsv');
    for (const c of grid.cells.filter((x) => x.col === 0 && /^\d+(\.\d+)?$/.test(String(x.value))))
      grid = withCell(grid, { ...c, kind: 'number', value: Number(c.value) });
    expect(grid.cells.find((c) => c.col === 0 && c.value === 1.1 && c.row === 16)).toBeDefined();
    const r = recognize(grid)!;
    expect(r.rows.map((x) => x.code)).toEqual(EXPECTED_CODES);
    expect(r.groups.map((g) => g.code)).toEqual(['1', '2', '3', '4']);
  });

  it('formats a numeric code with its number format, otherwise as the number reads', () => {
    const cell = (value: number, numberFormat?: string): Cell => ({
      row: 0,
      col: 0,
      kind: 'number',
      value,
      numberFormat,
    });
    expect(parseCriterionCode(cell(1.1))).toBe('1.1');
    expect(parseCriterionCode(cell(1.1, '0.00'))).toBe('1.10');
    expect(parseCriterionCode(cell(3.12))).toBe('3.12');
    expect(parseCriterionCode(cell(3))).toBeNull();
    expect(parseCriterionCode({ ...cell(0), kind: 'string', value: '1.10.' })).toBe('1.10');
    expect(parseCriterionCode({ ...cell(0), kind: 'string', value: '1,5' })).toBe('1.5');
    expect(parseCriterionCode({ ...cell(0), kind: 'string', value: '1.1.1' })).toBeNull();
  });

  it('reads group rows written as roman numerals, upper case, merged or without TT', () => {
    const rows: Value[][] = [
      PL01_HEADER,
      ['I', 'CHÍNH QUYỀN SỐ'],
      ['1.1', 'Xây dựng kế hoạch', 'Văn bản', 'Có', 'Có', 'Đạt'],
      ['II. Phát triển kinh tế số'],
      ['2.1', 'Tuyên truyền', '%', '100%', '100%', 'Đạt'],
      [null, 'XÃ HỘI SỐ'],
      ['3.1', 'Tỷ lệ người dân', '%', '60%', '72,1%', 'Đạt'],
      ['4', 'Hạ tầng và nền tảng số'],
      ['4.1', 'Hạ tầng mạng', '%', '100%', '100%', 'Đạt'],
    ];
    const merges = [{ top: 3, left: 0, bottom: 3, right: 7 }];
    const r = recognize(gridFromRows(rows, { merges }))!;
    expect(r.groups.map((g) => [g.code, g.name, g.row])).toEqual([
      ['1', 'CHÍNH QUYỀN SỐ', 1],
      ['2', 'Phát triển kinh tế số', 3],
      ['3', 'XÃ HỘI SỐ', 5],
      ['4', 'Hạ tầng và nền tảng số', 7],
    ]);
    expect(r.rows.map((x) => x.code)).toEqual(['1.1', '2.1', '3.1', '4.1']);
    expect(r.rows.every((x) => x.continuationRows.length === 0)).toBe(true);
  });

  it('takes group codes from the catalog, not from the numbering', () => {
    const cat = makeCatalog([
      { code: 'CQS', name: 'Chính quyền số' },
      { code: 'KTS', name: 'Kinh tế số' },
    ]);
    const r = recognize(gridFromRows([PL01_HEADER, ...PL01_BODY]), cat)!;
    expect(r.groups.map((g) => g.code)).toEqual(['CQS', 'KTS']);
  });

  it('does not turn a vertically merged TT or name into a phantom continuation', () => {
    const rows: Value[][] = [
      PL01_HEADER,
      [
        '1.6',
        'Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến.',
        '%',
        '70%',
        '82,9%',
        'Đạt',
        'Sổ theo dõi',
      ],
      [null, null, null, null, null, null, 'Báo cáo quý IV'],
      ['1.7', 'Ứng dụng nền tảng số', 'Kênh giao tiếp', 'Có', 'Có', 'Đạt'],
      [null, null, null, null, null, null],
    ];
    const merges = [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 3, left: 0, bottom: 4, right: 0 },
      { top: 3, left: 1, bottom: 4, right: 1 },
    ];
    const r = recognize(gridFromRows(rows, { merges }))!;
    expect(r.rows.map((x) => x.code)).toEqual(['1.6', '1.7']);
    const r16 = r.rows[0];
    expect(r16.name).toBe('Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến.');
    expect(r16.continuationRows).toEqual([2]);
    expect(r16.texts.evidence).toBe('Sổ theo dõi Báo cáo quý IV');
    expect(r.rows[1].continuationRows).toEqual([]);
    expect(r.rows[1].name).toBe('Ứng dụng nền tảng số');
  });

  it('does not read a name merged across the unit and target columns as unit/target', () => {
    const rows: Value[][] = [PL01_HEADER, ['1.6', 'Tỷ lệ hồ sơ TTHC', null, null, '82,9%', 'Đạt']];
    const merges = [{ top: 1, left: 1, bottom: 1, right: 3 }];
    const r = recognize(gridFromRows(rows, { merges }))!;
    expect(r.rows[0].name).toBe('Tỷ lệ hồ sơ TTHC');
    expect(r.rows[0].unit).toBe('');
    expect(r.rows[0].texts.target).toBeUndefined();
    expect(r.rows[0].cells.unit).toBeUndefined();
    expect(r.rows[0].texts['result-commune']).toBe('82,9%');
  });

  it('reads a unit merged down over several criteria on each of them', () => {
    const rows: Value[][] = [
      PL01_HEADER,
      ['3.1', 'Tỷ lệ người dân', '%', '60%', '72,1%', 'Đạt'],
      ['3.2', 'Tỷ lệ dân số có tài khoản', null, '75%', '75,15%', 'Đạt'],
    ];
    const merges = [{ top: 1, left: 2, bottom: 2, right: 2 }];
    const r = recognize(gridFromRows(rows, { merges }))!;
    expect(r.rows.map((x) => x.unit)).toEqual(['%', '%']);
  });

  it('records continuation text before the first criterion as stray, skips a column-number row', () => {
    const rows: Value[][] = [
      PL01_HEADER,
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
      [null, 'dòng lạc không thuộc chỉ tiêu nào'],
      ['1.1', 'Xây dựng kế hoạch', 'Văn bản', 'Có', 'Có', 'Đạt'],
    ];
    const r = recognize(gridFromRows(rows))!;
    expect(r.strayRows).toEqual([2]);
    expect(r.rows.map((x) => [x.code, x.continuationRows])).toEqual([['1.1', []]]);
  });

  it('reads a two-row header with "Kết quả" merged over Tự đánh giá / Thẩm định', () => {
    const rows: Value[][] = [
      ['PHỤ LỤC 02'],
      [
        'TT',
        'Tên chỉ tiêu',
        'Đơn vị tính',
        'Chỉ tiêu',
        'Kết quả',
        null,
        'Đánh giá (Đạt/Không đạt)',
        'Ghi chú',
      ],
      [null, null, null, null, 'Tự đánh giá', 'Thẩm định'],
      ['1', 'Chính quyền số'],
      ['1.6', 'Tỷ lệ hồ sơ TTHC', '%', '70%', '82,9%', '80%', 'Đạt'],
      [],
      [
        'TT',
        'Tên chỉ tiêu',
        'Đơn vị tính',
        'Chỉ tiêu',
        'Kết quả',
        null,
        'Đánh giá (Đạt/Không đạt)',
        'Ghi chú',
      ],
      [null, null, null, null, 'Tự đánh giá', 'Thẩm định'],
      ['2.5', 'Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử', '%', '50%', '53,57%', '53%', 'Đạt'],
    ];
    const merges: MergedArea[] = [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 2, right: 2 },
      { top: 1, left: 3, bottom: 2, right: 3 },
      { top: 1, left: 4, bottom: 1, right: 5 },
      { top: 1, left: 6, bottom: 2, right: 6 },
      { top: 1, left: 7, bottom: 2, right: 7 },
    ];
    for (const m of [merges, []]) {
      const r = recognize(gridFromRows(rows, { merges: m }))!;
      expect(r.kind).toBe('phu-luc-02');
      expect(r.layout.headerRow).toBe(1);
      expect(r.layout.columns).toEqual({
        tt: 0,
        name: 1,
        unit: 2,
        target: 3,
        'result-commune': 4,
        'result-district': 5,
        verdict: 6,
        note: 7,
      });
      expect(r.layout.headerRows).toEqual([1, 2, 6, 7]);
      expect(
        r.rows.map((x) => [x.code, x.texts['result-commune'], x.texts['result-district']]),
      ).toEqual([
        ['1.6', '82,9%', '80%'],
        ['2.5', '53,57%', '53%'],
      ]);
      expect(r.strayRows).toEqual([]);
    }
  });
});
