/** Fake host workbooks built from the seeds, for the adapter and pane tests. */
import { hoangKimWorkbook } from '../fixtures/xlsx-builders';
import { FakeWorkbook, type FakeWorkbookOptions } from './fake-excel';
import { fakeFromExcelJS } from './fake-from-xlsx';

/** Seed 004's PHỤ LỤC 01 as typed (37 criteria, PDF-pasted), in a fake Excel. */
export function hoangKimFake(opts: FakeWorkbookOptions = {}): FakeWorkbook {
  return fakeFromExcelJS(hoangKimWorkbook(), opts);
}

/** The first sheet's name. */
export function firstSheet(wb: FakeWorkbook): string {
  return wb.sheets[0].name;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const GIVEN = [
  'Văn An',
  'Thị Bình',
  'Văn Cường',
  'Thị Dung',
  'Minh Đức',
  'Thị Hoa',
  'Văn Hùng',
  'Thị Lan',
];

/**
 * Mẫu 3.3 (seed 001: residents with a smartphone, security software, digital signature,
 * online public services) with `rows` people, as a commune fills it: "x" marks, phone
 * numbers, a few mistakes (a malformed phone every 97 rows, a duplicate every 251 rows).
 */
export function largeFormFake(rows = 2000, opts: FakeWorkbookOptions = {}): FakeWorkbook {
  const wb = new FakeWorkbook(opts);
  addLargeForm(wb, 'Mẫu 3.3', rows);
  return wb;
}

/**
 * A commune's workbook with one Mẫu 3.3 sheet per thôn (`sheets` sheets of `rows` people,
 * 8 columns) after the PHỤ LỤC 01 appendix: about 8 × rows × sheets cells.
 */
export function communeFormsFake(
  sheets: number,
  rows: number,
  opts: FakeWorkbookOptions = {},
): FakeWorkbook {
  const wb = hoangKimFake(opts);
  for (let i = 1; i <= sheets; i++) addLargeForm(wb, `Mẫu 3.3 - Thôn ${i}`, rows, i * rows);
  wb.activeSheet = wb.sheets[0].name;
  return wb;
}

/** Total number of cells holding something, over every sheet. */
export function cellCount(wb: FakeWorkbook): number {
  return wb.sheets.reduce((n, s) => n + s.cells.size, 0);
}

function addLargeForm(wb: FakeWorkbook, name: string, rows: number, seed = 0): void {
  const s = wb.addSheet(name);
  const put = (r: number, c: number, value: string | number) => s.cells.set(`${r},${c}`, { value });
  put(
    0,
    0,
    'Mẫu 3.3. Tỷ lệ thuê bao điện thoại di động thông minh có sử dụng phần mềm an toàn thông tin mạng cơ bản',
  );
  const header = [
    'TT',
    'Họ và tên',
    'Số điện thoại liên hệ',
    'Có điện thoại thông minh',
    'Có cài đặt PM ATTT',
    'Có chữ ký số',
    'Có sử dụng dịch vụ công trực tuyến',
    'Ghi chú',
  ];
  header.forEach((h, c) => put(2, c, h));
  for (let i = 0; i < rows; i++) {
    const r = 3 + i;
    const dup = i > 0 && i % 251 === 0;
    const n = (dup ? i - 1 : i) + seed;
    put(r, 0, i + 1);
    put(r, 1, `${SURNAMES[n % SURNAMES.length]} ${GIVEN[(n * 7) % GIVEN.length]} ${n}`);
    const phone =
      i % 97 === 5 ? '09123' : `09${String(10000000 + ((n * 7919) % 89999999)).padStart(8, '0')}`;
    put(r, 2, phone);
    put(r, 3, i % 10 < 9 ? 'x' : '');
    put(r, 4, i % 10 < 7 ? 'x' : '');
    put(r, 5, i % 3 === 0 ? 'x' : '');
    put(r, 6, i % 4 === 0 ? 'x' : '');
  }
  const end = 3 + rows + 1;
  put(end, 0, 'Tổng dân số trưởng thành:');
  put(end + 1, 0, 'Tỷ lệ dân số trưởng thành có điện thoại thông minh:');
  put(end + 2, 0, 'Tỷ lệ thuê bao điện thoại thông minh được cài đặt phần mềm ATTT:');
  wb.activeSheet = s.name;
}
