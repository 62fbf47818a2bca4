/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane's **Điền công thức**, **Tạo sheet thẩm định** and **Hoàn tác** on the fake Excel
 * host, through the real Office.js adapter (src/excel): the same plans as the CLI, applied
 * in a bounded number of syncs, and undone.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../src/taskpane/App';
import {
  appraisalChoices,
  appraiseAction,
  fillAction,
  officeFormulaHost,
} from '../../../src/taskpane/components/formula-actions';
import { defaultCatalog } from '../../../src/core/catalog/catalog';
import { hoangKimFake, firstSheet } from '../../support/fakes/workbooks';

afterEach(() => cleanup());

function mount() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

async function click(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Kiểm tra' }).hasAttribute('disabled')).toBe(false),
  );
}

/** A cell of the fake, by sheet and A1. */
function verdictFormulas(fake: ReturnType<typeof hoangKimFake>, sheet: string): number {
  return [...fake.mustSheet(sheet).cells.values()].filter((c) => c.formula?.startsWith('IF(TRIM('))
    .length;
}

describe('Điền công thức / Hoàn tác in the pane', () => {
  it('fills the appendix with formulas, then Hoàn tác puts every cell back', async () => {
    const fake = hoangKimFake();
    fake.install();
    const before = fake.dump();
    mount();
    expect(screen.getByRole('button', { name: 'Hoàn tác' }).hasAttribute('disabled')).toBe(true);
    await click('Điền công thức');
    expect(screen.getByText(/viết 3\d công thức Đánh giá/)).toBeTruthy();
    const sheet = firstSheet(fake);
    expect(verdictFormulas(fake, sheet)).toBeGreaterThanOrEqual(36);
    expect(fake.noteAt(sheet, 'E13')).toBe('Giá trị gốc: 82,9%');
    expect(fake.lastRunSyncs).toBeLessThanOrEqual(3);
    await click('Hoàn tác');
    expect(screen.getByText(/Hoàn tác: xong/)).toBeTruthy();
    expect(fake.dump()).toEqual(before);
    expect(screen.getByRole('button', { name: 'Hoàn tác' }).hasAttribute('disabled')).toBe(true);
  });

  it('a second Điền công thức has nothing to do', async () => {
    const fake = hoangKimFake();
    fake.install();
    await fillAction(officeFormulaHost);
    const again = await fillAction(officeFormulaHost);
    expect(again.undo).toBeUndefined();
    expect(again.messages[0]).toMatch(/Không có gì cần điền/);
  });
});

describe('Tạo sheet thẩm định in the pane', () => {
  it('offers the levels of the catalog’s chains, default chain first', () => {
    const choices = appraisalChoices(defaultCatalog());
    expect(choices.map((c) => c.key)).toEqual([
      'thanh-hoa-2023:huyen',
      'thanh-hoa-2023:tinh',
      'hai-cap-2025:tinh',
    ]);
    expect(choices[0].label).toBe(
      'PHỤ LỤC 02 — UBND cấp huyện (Thanh Hóa 2023: xã → huyện → tỉnh)',
    );
  });

  it('adds PHỤ LỤC 02 and selects it; Hoàn tác deletes it; the source is untouched', async () => {
    const fake = hoangKimFake();
    fake.install();
    const before = fake.dump();
    mount();
    await click('Tạo sheet thẩm định');
    expect(fake.sheets.map((s) => s.name)).toEqual([firstSheet(fake), 'Phụ lục 02']);
    expect(fake.selection?.sheet).toBe('Phụ lục 02');
    expect(fake.cell('Phụ lục 02', 'A1')?.value).toBe('PHỤ LỤC 02');
    const src = (before as { sheets: { cells: unknown }[] }).sheets[0].cells;
    expect((fake.dump() as { sheets: { cells: unknown }[] }).sheets[0].cells).toEqual(src);
    await click('Hoàn tác');
    expect(fake.dump()).toEqual(before);
  });

  it('says so when the sheet exists already or the level has no source', async () => {
    const fake = hoangKimFake();
    fake.install();
    await appraiseAction(officeFormulaHost, { chain: 'thanh-hoa-2023', level: 'huyen' }, false);
    const again = await appraiseAction(
      officeFormulaHost,
      { chain: 'thanh-hoa-2023', level: 'huyen' },
      false,
    );
    expect(again.messages).toEqual(['Sheet "Phụ lục 02" đã tồn tại — không tạo thêm bản thứ hai.']);
    expect(again.undo).toBeUndefined();
    const fresh = hoangKimFake();
    fresh.install();
    const none = await appraiseAction(
      officeFormulaHost,
      { chain: 'thanh-hoa-2023', level: 'tinh' },
      false,
    );
    expect(none.messages[0]).toMatch(/Không tìm thấy PHỤ LỤC 02/);
  });

  it('adds the columns next to the table with the checkbox', async () => {
    const fake = hoangKimFake();
    fake.install();
    mount();
    await act(async () => {
      fireEvent.click(screen.getByRole('checkbox', { name: /Thêm cột ngay bên phải bảng/ }));
    });
    await click('Tạo sheet thẩm định');
    expect(fake.sheets.length).toBe(1);
    const values = [...fake.mustSheet(firstSheet(fake)).cells.values()].map((c) => c.value);
    expect(values).toContain('Kết quả thẩm định của UBND cấp huyện');
  });
});
