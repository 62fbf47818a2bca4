/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane's catalog block on the fake Excel host, through the real Office.js adapter:
 * "Dùng bảng này làm bộ tiêu chí" stores the workbook's own catalog in the document settings
 * and the next Kiểm tra (pane or ribbon path, checkWorkbook without a catalog) uses it; the
 * chooser switches between bundled catalogs and the workbook's own.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../src/taskpane/App';
import {
  adoptTableAction,
  chooseCatalogAction,
  chooserState,
  criteriaTableSheets,
  officeCatalogHost,
} from '../../../src/taskpane/components/catalog-actions';
import { importCriteriaTable } from '../../../src/core/catalog/table-import';
import { CATALOG_SETTING } from '../../../src/core/catalog/workbook-setting';
import { checkWorkbook } from '../../../src/excel';
import { FakeWorkbook } from '../../support/fakes/fake-excel';
import { acceptanceIndices, gridOf, yenDinhRows } from '../../support/scoring-sheets';
import { PLAN_RESULTS, PLAN_TABLE, planAppendixRows } from '../../support/criteria-tables';

afterEach(() => cleanup());

/** A workbook holding the commune plan's criteria table and a PHỤ LỤC 01 made for it. */
function planWorkbook(): FakeWorkbook {
  const table = gridOf('Chỉ tiêu 2024', PLAN_TABLE);
  const cat = importCriteriaTable(table).catalog!;
  const appendix = gridOf('Phụ lục 01', planAppendixRows(cat.criteria, cat.groups));
  const memo = gridOf('Ghi chú', [['Kính gửi: các thôn'], ['Nội dung cuộc họp ngày 12/3']]);
  const fake = FakeWorkbook.fromSnapshot({ sheets: [appendix, table, memo] });
  fake.install();
  return fake;
}

const verdicts = (r: Awaited<ReturnType<typeof checkWorkbook>>) =>
  Object.fromEntries(r.report.sheets[0].criteria.map((c) => [c.code, c.verdict]));

describe('catalog actions on the fake host', () => {
  it('finds the criteria table, adopts it, saves it in the document; the next check judges with it', async () => {
    const fake = planWorkbook();
    const before = await checkWorkbook({ mark: false });
    expect(before.report.sheets[0].criteria.length).not.toBe(PLAN_RESULTS.length);
    expect(criteriaTableSheets(before.snapshot, before.report)).toEqual(['Chỉ tiêu 2024']);

    const r = await adoptTableAction(officeCatalogHost, 'Chỉ tiêu 2024');
    expect(r.ok).toBe(true);
    expect(r.messages[0]).toMatch(/3 nhóm, 10 chỉ tiêu/);
    expect(r.messages.some((m) => /^Bỏ qua dòng 13/.test(m))).toBe(true);
    const saved = fake.savedDocumentSettings.get(CATALOG_SETTING) as {
      source: string;
      sheet: string;
    };
    expect(saved).toMatchObject({ source: 'workbook', sheet: 'Chỉ tiêu 2024' });

    const after = await checkWorkbook({ mark: false });
    expect(verdicts(after)).toEqual(
      Object.fromEntries(PLAN_RESULTS.map((p) => [p.code, p.verdict])),
    );
    expect(chooserState(officeCatalogHost).active).toBe('workbook');
  });

  it('the chooser: a bundled catalog is stored by id, the default removes the setting', async () => {
    const fake = planWorkbook();
    await adoptTableAction(officeCatalogHost, 'Chỉ tiêu 2024');
    const options = chooserState(officeCatalogHost).options.map((o) => o.key);
    expect(options).toEqual([
      'workbook',
      'bundled:thanh-hoa-2023',
      'bundled:bac-giang-2024',
      'bundled:thanh-hoa-dti-huyen-2022',
    ]);
    await chooseCatalogAction(officeCatalogHost, 'bundled:bac-giang-2024');
    expect(fake.savedDocumentSettings.get(CATALOG_SETTING)).toEqual({
      source: 'bundled',
      id: 'bac-giang-2024',
    });
    await chooseCatalogAction(officeCatalogHost, 'bundled:thanh-hoa-2023');
    expect(fake.savedDocumentSettings.has(CATALOG_SETTING)).toBe(false);
  });

  it('a broken stored catalog: the default is used and the check says why', async () => {
    const fake = planWorkbook();
    fake.documentSettings.set(CATALOG_SETTING, {
      source: 'workbook',
      sheet: 'x',
      catalog: { id: 'x' },
    });
    const r = await checkWorkbook({ mark: false });
    expect(r.messages.some((m) => /không hợp lệ.*mặc định/.test(m))).toBe(true);
  });

  it('a sheet that is not a criteria table: not adopted, nothing stored, the reason said', async () => {
    const fake = planWorkbook();
    const r = await adoptTableAction(officeCatalogHost, 'Ghi chú');
    expect(r.ok).toBe(false);
    expect(r.messages[0]).toMatch(/Không lập được bộ tiêu chí từ trang “Ghi chú”/);
    expect(r.messages[1]).toMatch(/không có dòng tiêu đề bảng tiêu chí/);
    const none = await adoptTableAction(officeCatalogHost, 'Không có');
    expect(none.ok).toBe(false);
    expect(none.messages[0]).toMatch(/không có trang tính/i);
    expect(fake.savedDocumentSettings.size).toBe(0);
  });
});

describe('the pane', () => {
  it('Kiểm tra, then "Dùng bảng này làm bộ tiêu chí": stored, re-checked with it', async () => {
    const fake = planWorkbook();
    render(
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>,
    );
    const settle = () =>
      waitFor(() =>
        expect(screen.getByRole('button', { name: 'Kiểm tra' }).hasAttribute('disabled')).toBe(
          false,
        ),
      );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    });
    await settle();
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Dùng bảng này làm bộ tiêu chí' }));
    });
    await settle();
    expect(await screen.findByText(/Đã dùng bảng “Chỉ tiêu 2024” làm bộ tiêu chí/)).toBeTruthy();
    expect(fake.savedDocumentSettings.get(CATALOG_SETTING)).toMatchObject({ source: 'workbook' });
    expect(screen.getByRole('combobox', { name: 'Bộ tiêu chí dùng để kiểm tra' })).toHaveProperty(
      'value',
      'workbook',
    );
  });
});

describe('a scoring sheet in the pane', () => {
  it('shows its points line and its three findings', async () => {
    const fake = FakeWorkbook.fromSnapshot({
      sheets: [gridOf('Chỉ số CĐS', yenDinhRows(acceptanceIndices()))],
    });
    fake.install();
    render(
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    });
    expect((await screen.findByTestId('points-line')).textContent).toBe(
      'Tổng điểm 273/300 (cộng từ các mục: 268,125)',
    );
    const cells = screen.getAllByTestId('finding').map((e) => e.getAttribute('data-cell'));
    expect(cells).toHaveLength(3);
  });
});
