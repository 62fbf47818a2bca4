import { GridView, type SheetGrid } from '../../../../src/core/model/grid';
import { recognizeForm } from '../../../../src/core/forms';
import { gridFromTsv, readSeedTable } from '../../../support/fixtures/tsv-grid';
import {
  ADULTS,
  buildMau14,
  buildMau25,
  buildMau26,
  buildMau33,
  buildMau41,
  buildMau45,
  gridFromRows,
  HOANG_KIM_STAFF,
  MAU_14_TITLE,
  nfd,
  rowStarting,
} from '../../../support/fixtures/forms-builders';

const rec = (g: SheetGrid) => recognizeForm(new GridView(g));

describe('which form a sheet holds', () => {
  test.each([
    ['mau-1.4', buildMau14({ sheet: 'Sheet1' })],
    ['mau-2.5', buildMau25({ sheet: 'Trang tính 3' })],
    ['mau-2.6', buildMau26({ sheet: 'DN' })],
    ['mau-3.3', buildMau33({ sheet: 'Thôn Đông' })],
    ['mau-4.1', buildMau41({ sheet: 'BTS' })],
    ['mau-4.5', buildMau45({ sheet: 'x' })],
  ])('%s, whatever the sheet is called', (kind, grid) => {
    const r = rec(grid);
    expect(r?.kind).toBe(kind);
    expect(r?.sheet).toBe(grid.name);
  });

  test.each([
    'Mẫu số 1.4. Danh sách cán bộ, công chức có máy tính',
    'MẪU SỐ 1.4: DANH SÁCH CÁN BỘ, CÔNG CHỨC',
    'Mau 1.4 - Danh sach can bo cong chuc',
    nfd(MAU_14_TITLE),
    'Biểu mẫu 1.4',
  ])('title "%s"', (title) => {
    expect(rec(buildMau14({ title }))?.kind).toBe('mau-1.4');
  });

  test('the title decides between forms: a "Mẫu số 4.5" title reads the wifi list', () => {
    expect(rec(buildMau45({ title: 'Mẫu số 4.5 Danh sách điểm wifi công cộng' }))?.kind).toBe(
      'mau-4.5',
    );
  });

  test('"Mẫu số 01" (the report template) is not a form title', () => {
    const g = buildMau14({ title: 'Mẫu số 01' });
    // without a usable title the header alone identifies Mẫu 1.4
    const r = rec(g);
    expect(r?.kind).toBe('mau-1.4');
    expect(r?.titleRow).toBeUndefined();
  });

  test('without a title, a distinctive header is enough', () => {
    const g = buildMau33();
    g.cells = g.cells.filter((c) => c.row !== 0);
    expect(rec(g)?.kind).toBe('mau-3.3');
  });

  test('a title without its header is not read as a form', () => {
    expect(
      rec(gridFromRows('Ghi chép', [[MAU_14_TITLE], [], ['Danh sách đang cập nhật']])),
    ).toBeNull();
  });

  test('an ordinary list is not a form', () => {
    const g = gridFromRows('Danh bạ', [
      ['TT', 'Họ tên', 'Ghi chú'],
      [1, 'Nguyễn Văn An', ''],
    ]);
    expect(rec(g)).toBeNull();
  });

  test('PHỤ LỤC 01 is not a form', () => {
    expect(rec(gridFromTsv('PL01', readSeedTable('blank-pl01.tsv')))).toBeNull();
    expect(rec(gridFromTsv('PL01', readSeedTable('hoang-kim-pl01.tsv')))).toBeNull();
  });
});

describe('the rows of a list', () => {
  test('Mẫu 1.4: every staff row, up to "Tổng cộng"; the signature block is not data', () => {
    const g = buildMau14();
    const r = rec(g)!;
    const list = r.lists[0];
    expect(list.rows.map((x) => x.name)).toEqual(HOANG_KIM_STAFF.map((s) => s.name));
    expect(list.totalRow).toBe(rowStarting(g, 'Tổng cộng'));
    expect(r.signatureRow).toBe(rowStarting(g, 'Người thống kê'));
    expect(list.columns).toMatchObject({
      stt: 0,
      name: 1,
      position: 2,
      computer: 3,
      mailbox: 4,
      note: 5,
    });
  });

  test('pre-numbered empty rows extend the data area (formulas cover them)', () => {
    const g = buildMau14({ emptyNumbered: 5 });
    const list = rec(g)!.lists[0];
    expect(list.lastRow).toBe(rowStarting(g, 'Tổng cộng') - 1);
    expect(list.rows.filter((x) => x.name !== '')).toHaveLength(HOANG_KIM_STAFF.length);
  });

  test('Mẫu 2.5: the two-level header, merged', () => {
    const r = rec(buildMau25({ merged: true }))!;
    const list = r.lists[0];
    expect(list.headerRows).toEqual([2, 3]);
    expect(list.columns).toMatchObject({
      name: 1,
      phone: 2,
      'e-contract': 3,
      provider: 4,
      note: 5,
    });
    expect(list.firstRow).toBe(4);
    expect(list.rows).toHaveLength(10);
  });

  test('Mẫu 2.5: the two-level header pasted without merges', () => {
    const list = rec(buildMau25({ merged: false }))!.lists[0];
    expect(list.headerRows).toEqual([2, 3]);
    expect(list.columns['e-contract']).toBe(3);
    expect(list.columns.provider).toBe(4);
  });

  test('Mẫu 2.5 with a single-level "Sử dụng hợp đồng điện tử" column', () => {
    const g = gridFromRows('HĐ', [
      ['Mẫu 2.5. Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử'],
      ['TT', 'Tên doanh nghiệp', 'Số điện thoại liên hệ', 'Sử dụng hợp đồng điện tử', 'Ghi chú'],
      [1, 'Công ty CP Thực phẩm Xanh', '0904 567 890', 'x'],
    ]);
    const list = rec(g)!.lists[0];
    expect(list.headerRows).toEqual([1]);
    expect(list.columns['e-contract']).toBe(3);
    expect(list.rows).toHaveLength(1);
  });

  test('Mẫu 4.1: two lists, each under its heading with its own header', () => {
    const g = buildMau41();
    const r = rec(g)!;
    expect(r.lists.map((l) => l.id)).toEqual(['fibre-boxes', 'base-stations']);
    const [boxes, stations] = r.lists;
    expect(boxes.headingRow).toBe(rowStarting(g, '1. Danh sách hộp cáp'));
    expect(stations.headingRow).toBe(rowStarting(g, '2. Danh sách các trạm'));
    expect(boxes.rows.map((x) => x.name)).toEqual([
      'Thôn Đông, cạnh nhà văn hóa',
      'Thôn Đoài, ngã ba chợ',
      'Thôn Nam, cổng trường tiểu học',
      'Thôn Bắc, xóm 3',
    ]);
    expect(stations.rows.map((x) => x.name)).toEqual(['Thôn Đông', 'Thôn Đoài', 'Khu phố chợ']);
    // "Xác nhận của Doanh nghiệp / VNPT: …" after the signature is not a station
    expect(stations.lastRow).toBeLessThan(rowStarting(g, 'Cán bộ tổng hợp'));
  });

  test('Mẫu 4.5: the "..." placeholder row of the official layout is not a wifi point', () => {
    const r = rec(buildMau45({ placeholder: true }))!;
    expect(r.lists[0].rows.map((x) => x.name)).not.toContain(
      'Các điểm Nhà văn hóa, điểm công cộng, du lịch cộng đồng, ...',
    );
    expect(r.lists[0].rows).toHaveLength(5);
  });

  test('a column-numbering row and a group row "I. Thôn Đông" are not entries', () => {
    const r = rec(buildMau33({ numberingRow: true, groupRow: true }))!;
    expect(r.lists[0].rows.map((x) => x.name)).toEqual(ADULTS.map((a) => a.name));
  });

  test('a header repeated in the middle (pasted from a PDF) is skipped', () => {
    const g = buildMau26();
    const header = g.cells.filter((c) => c.row === 2).map((c) => ({ ...c }));
    // move the last two entries down one row and put the header copy in between
    for (const c of g.cells) if (c.row >= 6) c.row += 1;
    for (const c of header) g.cells.push({ ...c, row: 6 });
    const r = rec(g)!;
    expect(r.lists[0].rows).toHaveLength(5);
    expect(r.lists[0].rows.map((x) => x.row)).not.toContain(6);
  });
});

describe('summary lines: where the figure is, or should go', () => {
  test('typed in the next cell', () => {
    const g = buildMau14({ typedComputer: '83,3%', typedTotal: 12 });
    const r = rec(g)!;
    const computer = r.summaries.find((s) => s.key === 'computer')!;
    expect(computer).toMatchObject({ figureAt: 'value', valueCol: 1, figureDecimals: 1 });
    expect(computer.figure).toBeCloseTo(0.833, 10);
    expect(r.summaries.find((s) => s.key === 'staff')).toMatchObject({
      figure: 12,
      figureAt: 'value',
    });
  });

  test('typed in the label cell after the colon', () => {
    const g = buildMau14({ figuresInLabel: true, typedTotal: 12, typedComputer: '83,3%' });
    const r = rec(g)!;
    const staff = r.summaries.find((s) => s.key === 'staff')!;
    expect(staff).toMatchObject({ figure: 12, figureAt: 'label', labelCol: 0 });
    expect(staff.valueCol).toBeGreaterThan(0);
    expect(r.summaries.find((s) => s.key === 'computer')).toMatchObject({ figureAt: 'label' });
  });

  test('not typed: the figure goes right of the label (after a merged label)', () => {
    const r = rec(buildMau25({ merged: true }))!;
    const total = r.summaries.find((s) => s.key === 'enterprises')!;
    expect(total.figure).toBeNull();
    expect(total.figureAt).toBeUndefined();
    expect(total.valueCol).toBe(2);
  });

  test('a missing line gets a planned position in an empty row after the list', () => {
    const g = buildMau33({ omit: ['signature'] });
    const r = rec(g)!;
    const sig = r.summaries.find((s) => s.key === 'digital-signature')!;
    expect(sig.missing).toBe(true);
    const occupied = new Set(g.cells.map((c) => c.row));
    expect(occupied.has(sig.labelRow!)).toBe(false);
    expect(sig.labelRow!).toBeGreaterThan(r.lists[0].lastRow);
  });

  test('Mẫu 4.1 has no official summary lines; their planned rows sit after each list', () => {
    const g = buildMau41();
    const r = rec(g)!;
    const boxes = r.summaries.find((s) => s.key === 'fibre-boxes')!;
    const stations = r.summaries.find((s) => s.key === 'base-stations')!;
    expect(boxes.missing && stations.missing).toBe(true);
    expect(boxes.labelRow!).toBeGreaterThan(r.lists[0].lastRow);
    expect(boxes.labelRow!).toBeLessThan(r.lists[1].headingRow!);
    expect(stations.labelRow!).toBeGreaterThan(r.lists[1].lastRow);
  });
});
