/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane's evidence column (issue 6 §5) and the forms' ratio lines, on the fake Excel host:
 * seed 004's PHỤ LỤC 01 alone, and with a Mẫu 1.4 whose count differs from the appendix.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { defaultCatalog } from '../../../src/core/catalog/catalog';
import { evidenceStatus } from '../../../src/core/appendix/evidence-status';
import { App } from '../../../src/taskpane/App';
import { FakeWorkbook } from '../../support/fakes/fake-excel';
import { firstSheet, hoangKimFake } from '../../support/fakes/workbooks';
import { buildMau14, buildMau45 } from '../../support/fixtures/forms-builders';
import { gridFromTsv, readSeedTable } from '../../support/fixtures/tsv-grid';

const catalog = defaultCatalog();

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

function rows(): HTMLElement[] {
  return screen.getAllByTestId('evidence-row');
}

function row(code: string): HTMLElement {
  return rows().find((r) => r.getAttribute('data-code') === code)!;
}

/** Hoàng Kim's PHỤ LỤC 01 (as typed) with a Mẫu 1.4 counting 10/12 and a Mẫu 4.5. */
function withForms(): FakeWorkbook {
  return FakeWorkbook.fromSnapshot({
    sheets: [
      gridFromTsv('Phụ lục 01', readSeedTable('hoang-kim-pl01.tsv')),
      buildMau14({ sheet: 'Mẫu 1.4' }),
      buildMau45({ sheet: 'Mẫu 4.5' }),
    ],
  });
}

afterEach(() => cleanup());

describe('evidence column of PHỤ LỤC 01', () => {
  it('lists each criterion with its status, as the core derives it, with the counts in its summary', async () => {
    hoangKimFake().install();
    mount();
    await clickCheck();
    const toggle = screen.getByTestId('evidence-toggle');
    expect(toggle.textContent).toBe(
      '▸Minh chứng theo chỉ tiêu (4 có · 32 thiếu · 1 không yêu cầu)',
    );
    expect(rows().map((r) => r.getAttribute('data-code'))).toEqual(
      catalog.criteria.map((c) => c.code),
    );
    expect(row('1.1').getAttribute('aria-label')).toBe('1.1: Thiếu minh chứng, ô G8');
    // evidence asked by another department's dispatch is missing, never "Không yêu cầu"
    for (const code of ['1.5', '3.5', '3.6', '3.7', '3.8']) {
      expect(row(code).textContent).toContain('Thiếu minh chứng');
      expect(row(code).textContent).not.toContain('Không yêu cầu');
    }
    expect(row('1.11').textContent).toContain('Không yêu cầu');
    expect(row('1.7').textContent).toContain('Có minh chứng');
    expect(row('1.7').getAttribute('data-cell')).toBe('G14');
  });

  it('shows the reference under the row, its links clickable and outside the row button', async () => {
    hoangKimFake().install();
    mount();
    await clickCheck();
    fireEvent.click(screen.getByTestId('evidence-toggle'));
    const item = row('2.2').closest('li')!;
    const links = within(item).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'http://hoangkim.hoanghoa.tanhhoa.gov.vn',
      'https://postmart.com.vn/home/Goods/index.html?goods_id=16020',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toContain('noopener');
      expect(row('2.2').contains(a)).toBe(false);
    }
    expect(within(row('1.1').closest('li')!).queryByTestId('evidence-reference')).toBeNull();
  });

  it('a click on a row selects the evidence cell and marks the row as current', async () => {
    const fake = hoangKimFake();
    fake.install();
    mount();
    await clickCheck();
    fireEvent.click(screen.getByTestId('evidence-toggle'));
    await act(async () => {
      fireEvent.click(row('1.4'));
    });
    await waitFor(() =>
      expect(fake.selection).toEqual({ sheet: firstSheet(fake), address: 'G11' }),
    );
    expect(row('1.4').getAttribute('aria-current')).toBe('true');
    expect(row('1.1').getAttribute('aria-current')).toBeNull();
    // a finding click moves the current mark away from the row
    const finding = screen.getAllByTestId('finding')[0];
    await act(async () => {
      fireEvent.click(finding);
    });
    expect(row('1.4').getAttribute('aria-current')).toBeNull();
  });

  it('rows are keyboard-reachable buttons; the list opens and closes from its toggle', async () => {
    hoangKimFake().install();
    mount();
    await clickCheck();
    const toggle = screen.getByRole('button', { name: /^Minh chứng theo chỉ tiêu/ });
    const list = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(list.hidden).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(list.hidden).toBe(false);
    expect(list.getAttribute('aria-label')).toBe(
      'Minh chứng theo chỉ tiêu: 4 có · 32 thiếu · 1 không yêu cầu',
    );
    for (const r of rows()) {
      expect(r.tagName).toBe('BUTTON');
      expect(r.tabIndex).toBeGreaterThanOrEqual(0);
    }
    row('1.7').focus();
    expect(document.activeElement).toBe(row('1.7'));
    fireEvent.click(toggle);
    expect(list.hidden).toBe(true);
  });
});

describe('with evidence forms in the workbook', () => {
  it('names the form a result differs from and shows the forms’ ratios', async () => {
    const fake = withForms();
    fake.install();
    mount();
    await clickCheck();
    // the pane's statuses are the core's, over the same workbook
    const report = analyzeWorkbook(
      {
        sheets: [
          gridFromTsv('Phụ lục 01', readSeedTable('hoang-kim-pl01.tsv')),
          buildMau14({ sheet: 'Mẫu 1.4' }),
          buildMau45({ sheet: 'Mẫu 4.5' }),
        ],
      },
      catalog,
    );
    const expected = evidenceStatus(report.sheets[0], catalog, report.sheets);
    expect(
      rows().map((r) => `${r.getAttribute('data-code')}:${r.getAttribute('data-status')}`),
    ).toEqual(expected.map((e) => `${e.code}:${e.status}`));
    expect(row('1.4').textContent).toContain('Lệch với Mẫu 1.4');
    expect(row('4.3').textContent).toContain('Lệch với Mẫu 1.4');
    expect(row('1.4').getAttribute('title')).toMatch(/^Tiêu chí 1\.4: kết quả ghi 100%/);

    const lines = screen.getAllByTestId('ratio-line').map((l) => l.textContent);
    expect(lines).toContain('Tỷ lệ CBCC có máy tính/tổng số CBCC: 10/12 (83,3%)');
    expect(lines).toContainEqual(expect.stringMatching(/^Tổng số điểm công cộng có wifi: \d+$/));
    // a form has no evidence column of its own
    const sheets = screen.getAllByTestId('sheet-result');
    expect(sheets).toHaveLength(3);
    expect(within(sheets[1]).queryByTestId('evidence-status')).toBeNull();
  });
});
