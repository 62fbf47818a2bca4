/**
 * Builders of point-scored sheets (DTI self-scoring tables) for tests: the layout of the Yên
 * Định table of Quyết định 3853/QĐ-UBND (header repeated for each index, its points in
 * brackets) and a flat layout (one header, index rows, a total row), with messy variants.
 */
import type { Cell, SheetGrid } from '../../src/core/model/grid';

export type Typed = string | number | null;

export interface ItemSpec {
  code: string;
  name: string;
  max: Typed;
  score: Typed;
  explanation?: string;
  result?: Typed;
}

export interface IndexSpec {
  code: string;
  name: string;
  max: Typed;
  score: Typed;
  items: ItemSpec[];
}

export function cellOf(row: number, col: number, v: Typed): Cell | null {
  if (v === null || v === '') return null;
  return typeof v === 'number'
    ? { row, col, kind: 'number', value: v }
    : { row, col, kind: 'string', value: v };
}

export function gridOf(name: string, rows: Typed[][], firstRow = 0): SheetGrid {
  const cells: Cell[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      const cell = cellOf(firstRow + i, c, v);
      if (cell) cells.push(cell);
    }),
  );
  return { name, cells, merges: [] };
}

const show = (v: Typed) => (typeof v === 'number' ? String(v).replace('.', ',') : (v ?? ''));

/**
 * The Yên Định layout: "II. Các chỉ số đánh giá", then per index a title line
 * "1. Chỉ số “Nhận thức số”" and a header "1 | Chỉ số đánh giá | Điểm tối đa (100) | Điểm năm
 * 2024 (78) | Đơn vị chủ trì | Đơn vị phối hợp", then its items.
 */
export function yenDinhRows(indices: IndexSpec[], year = 2024): Typed[][] {
  const rows: Typed[][] = [
    ['PHỤ LỤC'],
    ['PHÂN CÔNG THỰC HIỆN DUY TRÌ, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ'],
    [],
    ['II. Các chỉ số đánh giá'],
  ];
  for (const ix of indices) {
    rows.push([`${ix.code}. Chỉ số “${ix.name}”`]);
    rows.push([
      ix.code,
      'Chỉ số đánh giá',
      `Điểm tối đa (${show(ix.max)})`,
      `Điểm năm ${year} (${show(ix.score)})`,
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
    ]);
    for (const it of ix.items)
      rows.push([
        it.code,
        it.name,
        it.max,
        it.score,
        'Văn phòng HĐND-UBND',
        'Phòng Văn hóa và Thông tin',
      ]);
  }
  return rows;
}

export interface FlatOptions {
  /** Header titles of max / score (default "Điểm tối đa" / "Điểm tự chấm") */
  maxTitle?: string;
  scoreTitle?: string;
  /** Add a "Giải trình" column */
  explanation?: boolean;
  /** Add a "Kết quả" column */
  result?: boolean;
  /** Index rows coded "I", "II" with items restarting at "1" */
  roman?: boolean;
  /** A "Tổng cộng" row: its max and score (undefined: no row) */
  total?: { max: Typed; score: Typed };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** One header, index rows, items, an optional total row. Columns: TT, name, max, score, … */
export function flatRows(indices: IndexSpec[], opts: FlatOptions = {}): Typed[][] {
  const header: Typed[] = [
    'STT',
    'Chỉ số đánh giá / Chỉ số thành phần',
    opts.maxTitle ?? 'Điểm tối đa',
    opts.scoreTitle ?? 'Điểm tự chấm',
  ];
  if (opts.result) header.push('Kết quả');
  if (opts.explanation) header.push('Giải trình');
  header.push('Đơn vị chủ trì / phối hợp');
  const rows: Typed[][] = [
    ['UBND XÃ HOÀNG KIM', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['BẢNG TỰ CHẤM ĐIỂM CHỈ SỐ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM 2024'],
    [],
    header,
  ];
  indices.forEach((ix, n) => {
    const code = opts.roman ? ROMAN[n] : ix.code;
    const row: Typed[] = [code, ix.name, ix.max, ix.score];
    if (opts.result) row.push(null);
    if (opts.explanation) row.push(null);
    rows.push(row);
    for (const it of ix.items) {
      const itCode = opts.roman ? it.code.split('.').slice(1).join('.') : it.code;
      const r: Typed[] = [itCode, it.name, it.max, it.score];
      if (opts.result) r.push(it.result ?? null);
      if (opts.explanation) r.push(it.explanation ?? null);
      r.push('Công chức Văn phòng - Thống kê');
      rows.push(r);
    }
  });
  if (opts.total) rows.push([null, 'Tổng cộng', opts.total.max, opts.total.score]);
  rows.push([], [null, 'Người lập biểu', null, 'CHỦ TỊCH UBND XÃ']);
  return rows;
}

/**
 * The sheet of the acceptance: three indices of 100 points (maximum 300), with
 * exactly three mistakes: 1.2 typed 18 over 8,125 + 10; 3.3 scoring 12 of 10; index 2 typed
 * 95 over items summing 90. "5 điểm" on 1.6. Everything else adds up.
 */
export function acceptanceIndices(): IndexSpec[] {
  return [
    {
      code: '1',
      name: 'Nhận thức số',
      max: 100,
      score: 78,
      items: [
        {
          code: '1.1',
          name: 'Người đứng đầu là Trưởng ban Ban chỉ đạo chuyển đổi số',
          max: 20,
          score: 20,
        },
        { code: '1.2', name: 'Người đứng đầu chủ trì, chỉ đạo chuyển đổi số', max: 20, score: 18 },
        {
          code: '1.2.1',
          name: 'Tham gia đầy đủ các cuộc họp về chuyển đổi số của tỉnh',
          max: 10,
          score: '8,125',
        },
        {
          code: '1.2.2',
          name: 'Chủ trì các cuộc họp về chuyển đổi số của đơn vị',
          max: 10,
          score: 10,
        },
        { code: '1.3', name: 'Tổ chức hội nghị, tập huấn về chuyển đổi số', max: 20, score: 20 },
        {
          code: '1.4',
          name: 'Trang thông tin điện tử có chuyên mục riêng về chuyển đổi số',
          max: 20,
          score: 15,
        },
        {
          code: '1.5',
          name: 'Đài truyền thanh có chuyên mục riêng về chuyển đổi số',
          max: 10,
          score: 0,
        },
        {
          code: '1.6',
          name: 'Tần suất phát sóng chuyên mục riêng về chuyển đổi số',
          max: 10,
          score: '5 điểm',
        },
      ],
    },
    {
      code: '2',
      name: 'Thể chế số',
      max: 100,
      score: 95,
      items: [
        { code: '2.1', name: 'Nghị quyết chuyên đề về chuyển đổi số', max: 20, score: 20 },
        { code: '2.2', name: 'Kế hoạch 05 năm về chuyển đổi số', max: 20, score: 20 },
        { code: '2.3', name: 'Kế hoạch hằng năm về chuyển đổi số', max: 20, score: 20 },
        {
          code: '2.4',
          name: 'Hướng dẫn người dân sử dụng dịch vụ công trực tuyến',
          max: 20,
          score: 15,
        },
        { code: '2.5', name: 'Triển khai chương trình SMEdx', max: 20, score: 15 },
      ],
    },
    {
      code: '3',
      name: 'Hạ tầng số',
      max: 100,
      score: 100,
      items: [
        { code: '3.1', name: 'Tỷ lệ CBCC được trang bị máy tính', max: 5, score: 5 },
        { code: '3.2', name: 'Tỷ lệ máy tính có kết nối Internet băng rộng', max: 5, score: 5 },
        { code: '3.3', name: 'Tỷ lệ kết nối mạng Truyền số liệu chuyên dùng', max: 10, score: 12 },
        { code: '3.4', name: 'Tỷ lệ phủ sóng di động 4G/5G', max: 10, score: 8 },
        ...[5, 6, 7, 8, 9, 10, 11].map((n) => ({
          code: `3.${n}`,
          name: `Chỉ số thành phần hạ tầng số thứ ${n}`,
          max: 10,
          score: 10,
        })),
      ],
    },
  ];
}

/** Write sheets of typed rows as an .xlsx file (numbers as numbers, text as text). */
export async function writeRowsXlsx(
  file: string,
  sheets: { name: string; rows: Typed[][] }[],
): Promise<string> {
  const ExcelJS = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v !== null && v !== '') ws.getCell(i + 1, c + 1).value = v;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
  return file;
}
