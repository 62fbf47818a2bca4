/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The task pane (React + Fluent UI v9) on the fake Excel host: summary, findings grouped
 * by criterion and severity, click → cell selected, errors shown, empty state with the
 * blank PHỤ LỤC 01, Xoá đánh dấu, keyboard reachability.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { defaultCatalog } from '../../../src/core/catalog/catalog';
import type { SheetReport } from '../../../src/core/model/report-types';
import { App } from '../../../src/taskpane/App';
import { groupFindings } from '../../../src/taskpane/group-findings';
import { FakeWorkbook } from '../../support/fakes/fake-excel';
import { firstSheet, hoangKimFake } from '../../support/fakes/workbooks';

function mount() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

async function clickCheck() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
  });
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Kiểm tra' }).hasAttribute('disabled')).toBe(false),
  );
}

afterEach(() => cleanup());

describe('Kiểm tra in the pane', () => {
  it('shows the sheet’s kind, “Đạt 36/37 tiêu chí (97,3%)”, the counts and the marking note', async () => {
    const fake = hoangKimFake();
    fake.install();
    mount();
    expect(screen.getByText(/Bấm Kiểm tra để đối chiếu/)).toBeTruthy();
    await clickCheck();
    expect(screen.getByTestId('summary-line').textContent).toBe('Đạt 36/37 tiêu chí (97,3%)');
    expect(screen.getByText('Phụ lục 01 – tự đánh giá cấp xã')).toBeTruthy();
    expect(screen.getByText('Không đạt: 0 · Chưa xác định: 1')).toBeTruthy();
    expect(screen.getByText(/^Đã tô màu và ghi chú \d+ ô trên bảng tính\.$/)).toBeTruthy();
    expect(fake.noteAt(firstSheet(fake), 'E18')).toContain('1.11');
  });

  it('groups findings by criterion in catalog order, errors before warnings inside a group', async () => {
    hoangKimFake().install();
    mount();
    await clickCheck();
    const groups = within(screen.getByTestId('sheet-result')).getAllByRole('group');
    const codes = groups.map((g) => g.getAttribute('data-criterion'));
    const catalogOrder = defaultCatalog().criteria.map((c) => c.code);
    const positions = codes.filter((c) => c !== null).map((c) => catalogOrder.indexOf(c!));
    expect(positions.length).toBeGreaterThan(10);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // findings without a criterion (group rows…) come last, under their own heading
    const loose = codes.indexOf(null);
    if (loose >= 0) {
      expect(loose).toBe(codes.length - 1);
      expect(groups[loose].getAttribute('aria-label')).toBe('Chung (không gắn với chỉ tiêu nào)');
    }
    const g111 = groups[codes.indexOf('1.11')];
    expect(g111.getAttribute('aria-label')).toMatch(/^1\.11\. Triển khai các nền tảng công nghệ/);
    const labels = within(g111)
      .getAllByTestId('finding')
      .map((b) => b.getAttribute('aria-label')!);
    expect(labels[0]).toMatch(/^Lỗi ô E18: 1\.11: chưa có kết quả/);
    expect(labels).toContainEqual(expect.stringMatching(/^Lỗi ô F18:/));
    const g25 = groups[codes.indexOf('2.5')];
    const sev = within(g25)
      .getAllByTestId('finding')
      .map((b) => b.getAttribute('aria-label')!.split(' ')[0]);
    expect(sev).toEqual([...sev].sort((a, b) => (a === 'Lỗi' ? -1 : b === 'Lỗi' ? 1 : 0)));
  });

  it('a click on a finding selects its cell in the workbook and marks the finding as current', async () => {
    const fake = hoangKimFake();
    fake.install();
    mount();
    await clickCheck();
    const target = screen
      .getAllByTestId('finding')
      .find((b) => b.getAttribute('data-cell') === 'D27')!;
    await act(async () => {
      fireEvent.click(target);
    });
    await waitFor(() =>
      expect(fake.selection).toEqual({ sheet: firstSheet(fake), address: 'D27' }),
    );
    expect(fake.activeSheet).toBe(firstSheet(fake));
    expect(target.getAttribute('aria-current')).toBe('true');
  });

  it('every control is a focusable button (keyboard reachable) with a readable name', async () => {
    hoangKimFake().install();
    const { container } = mount();
    await clickCheck();
    const buttons = Array.from(container.querySelectorAll<HTMLElement>('button, [role="button"]'));
    expect(buttons.length).toBeGreaterThan(20);
    for (const b of buttons) {
      expect(b.tagName).toBe('BUTTON');
      expect(b.tabIndex).toBeGreaterThanOrEqual(0);
      expect(b.getAttribute('aria-label') ?? b.textContent).not.toBe('');
    }
    const first = screen.getByRole('button', { name: 'Kiểm tra' });
    first.focus();
    expect(document.activeElement).toBe(first);
  });

  it('Xoá đánh dấu restores the workbook and says how many cells were put back', async () => {
    const fake = hoangKimFake();
    fake.install();
    const original = fake.dump();
    mount();
    await clickCheck();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Xoá đánh dấu' }));
    });
    await waitFor(() =>
      expect(
        screen.getByText(/^Đã xoá đánh dấu, trả lại màu nền và ghi chú gốc của \d+ ô\.$/),
      ).toBeTruthy(),
    );
    expect(fake.dump()).toEqual(original);
  });

  it('an Excel error is shown in Vietnamese, not swallowed', async () => {
    const fake = hoangKimFake();
    fake.install();
    fake.cellEditMode = true;
    mount();
    await clickCheck();
    expect(screen.getByText(/Excel đang ở chế độ sửa ô/)).toBeTruthy();
    expect(screen.queryByTestId('summary-line')).toBeNull();
  });
});

describe('empty state', () => {
  it('says what was looked for and inserts a blank PHỤ LỤC 01 from the catalog', async () => {
    const fake = new FakeWorkbook();
    const s = fake.addSheet('Trang tính1');
    s.cells.set('0,0', { value: 'Danh sách họp thôn' });
    fake.install();
    mount();
    await clickCheck();
    const empty = screen.getByTestId('empty-state');
    expect(empty.textContent).toMatch(/Đã xem 1 trang tính/);
    expect(empty.textContent).toMatch(/Mẫu 1\.4, 2\.5, 2\.6, 3\.3, 4\.1, 4\.5/);
    await act(async () => {
      fireEvent.click(within(empty).getByRole('button', { name: 'Chèn PHỤ LỤC 01 trống' }));
    });
    await waitFor(() =>
      expect(screen.getByTestId('summary-line').textContent).toBe('Đạt 0/37 tiêu chí (0%)'),
    );
    expect(fake.sheets.length).toBeGreaterThan(1);
    expect(screen.queryByTestId('empty-state')).toBeNull();
    expect(fake.selection?.address).toBe('A1');
  });
});

describe('groupFindings', () => {
  const catalog = defaultCatalog();
  const base: SheetReport = {
    name: 'S',
    kind: 'mau-3.3',
    criteria: [],
    summary: { criteria: 0, met: 0, unmet: 0, undetermined: 0 },
    ratios: [],
    findings: [],
  };
  it('groups a form’s findings by severity', () => {
    const g = groupFindings(
      {
        ...base,
        findings: [
          { rule: 'invalid-phone', severity: 'warning', sheet: 'S', cell: 'C9', message: 'a' },
          { rule: 'ratio-differs', severity: 'error', sheet: 'S', cell: 'B20', message: 'b' },
          { rule: 'invalid-phone', severity: 'warning', sheet: 'S', cell: 'C5', message: 'c' },
        ],
      },
      catalog,
    );
    expect(g.map((x) => x.title)).toEqual(['Lỗi', 'Cảnh báo']);
    expect(g[1].findings.map((f) => f.cell)).toEqual(['C5', 'C9']);
  });
  it('puts unknown codes after the catalog’s and loose findings last', () => {
    const g = groupFindings(
      {
        ...base,
        kind: 'phu-luc-01',
        findings: [
          {
            rule: 'unknown-criterion',
            severity: 'warning',
            sheet: 'S',
            cell: 'A50',
            message: 'x',
            criterion: '5.1',
          },
          {
            rule: 'missing-result',
            severity: 'error',
            sheet: 'S',
            cell: 'E20',
            message: 'y',
            criterion: '2.1',
          },
          {
            rule: 'missing-result',
            severity: 'error',
            sheet: 'S',
            cell: 'E9',
            message: 'z',
            criterion: '1.10',
          },
          { rule: 'appraisal-differs', severity: 'info', sheet: 'S', cell: 'A1', message: 'w' },
        ],
      },
      catalog,
    );
    expect(g.map((x) => x.criterion ?? x.key)).toEqual(['1.10', '2.1', '5.1', 'general']);
    expect(g[0].counts).toEqual({ error: 1, warning: 0, info: 0 });
  });
});
