/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * **Tổng hợp các xã** in the pane, on the fake Excel host: a workbook holding three communes'
 * PHỤ LỤC 01 (one per sheet, as some provinces collect them) gets Tổng hợp / Theo tiêu chí /
 * Ma trận sheets through the roll-up plan — counts as formulas over the matrix, colour rules,
 * frozen headers — and a workbook without appendices gets a message and no sheet.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { defaultCatalog } from '../../../src/core/catalog';
import { fromA1, type WorkbookSnapshot } from '../../../src/core/model/grid';
import { HyperFormula } from 'hyperformula';
import { App } from '../../../src/taskpane/App';
import { snapshotFromExcelJS } from '../../../src/xlsx/read-workbook';
import { FakeWorkbook } from '../../support/fakes/fake-excel';
import {
  cleanRows,
  newWorkbook,
  patchRows,
  writeAppendix,
} from '../../support/fixtures/qa-builders';
import { renameCommune } from '../../support/rollup-folder';

const catalog = defaultCatalog();

/** The fake's formulas computed by HyperFormula (the fake host stores formulas, not results). */
function computeFake(fake: FakeWorkbook) {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of fake.sheets) {
    const rows: (string | number | boolean | null)[][] = [];
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(',').map(Number);
      while (rows.length <= r) rows.push([]);
      while (rows[r].length <= col) rows[r].push(null);
      rows[r][col] = c.formula
        ? `=${c.formula}`
        : typeof c.value === 'string'
          ? c.value === ''
            ? null
            : `'${c.value}`
          : c.value;
    }
    sheets[s.name] = rows;
  }
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: 'gpl-v3',
    useArrayArithmetic: true,
    accentSensitive: true,
  });
  return {
    get: (sheet: string, a1: string) => {
      const { row, col } = fromA1(a1);
      return hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
    },
    done: () => hf.destroy(),
  };
}

/** One sheet per commune, named after it; titles say "UBND XÃ …". */
function communesWorkbook(): WorkbookSnapshot {
  const wb = newWorkbook();
  const communes: [string, Parameters<typeof patchRows>[1]][] = [
    ['Hoằng Đạo', { '2.5': { commune: '30%' } }],
    ['Hoằng Lộc', {}],
    ['Hoằng Phụ', { '1.6': { commune: '69,9%' }, '3.3': { commune: '' } }],
  ];
  for (const [name, patch] of communes) {
    const one = newWorkbook();
    writeAppendix(one.addWorksheet('PL01'), { motto: true, rows: patchRows(cleanRows(), patch) });
    renameCommune(one, 'Hoàng Kim', name);
    const ws = wb.addWorksheet(name);
    one.getWorksheet('PL01')!.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        ws.getCell(r, c).value = cell.value;
      }),
    );
  }
  return snapshotFromExcelJS(wb);
}

function mount() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

async function clickRollup() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Tổng hợp các xã' }));
  });
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Tổng hợp các xã' }).hasAttribute('disabled')).toBe(
      false,
    ),
  );
}

afterEach(() => cleanup());

describe('Tổng hợp các xã', () => {
  it('adds Tổng hợp, Theo tiêu chí and Ma trận: one row per commune, live counts', async () => {
    const snapshot = communesWorkbook();
    const report = analyzeWorkbook(snapshot, catalog);
    const fake = FakeWorkbook.fromSnapshot(snapshot);
    fake.install();
    mount();
    await clickRollup();
    expect(fake.sheets.map((s) => s.name)).toEqual([
      'Hoằng Đạo',
      'Hoằng Lộc',
      'Hoằng Phụ',
      'Tổng hợp',
      'Theo tiêu chí',
      'Ma trận',
    ]);
    expect(screen.getByText(/^Tổng hợp 3 xã\/phường/)).toBeTruthy();
    // sorted by rate; counts equal the analysis of each sheet
    const names = [5, 6, 7].map((r) => fake.cell('Tổng hợp', `B${r}`)?.value);
    expect(names).toEqual(['Hoằng Lộc', 'Hoằng Đạo', 'Hoằng Phụ']);
    const hf = computeFake(fake);
    for (const [i, name] of names.entries()) {
      const s = report.sheets.find((x) => x.name === name)!;
      expect(fake.cell('Tổng hợp', `D${5 + i}`)?.formula).toMatch(/^COUNTIF\('Ma trận'!/);
      expect(hf.get('Tổng hợp', `D${5 + i}`)).toBe(s.summary.met);
      expect(hf.get('Tổng hợp', `E${5 + i}`)).toBe(s.summary.criteria);
      expect(hf.get('Tổng hợp', `H${5 + i}`)).toBe(s.summary.undetermined);
    }
    hf.done();
    const row25 = 5 + catalog.criteria.findIndex((c) => c.code === '2.5');
    expect(fake.cell('Theo tiêu chí', `A${row25}`)?.value).toBe('2.5');
    expect(fake.cell('Theo tiêu chí', `D${row25}`)?.formula).toMatch(/^COUNTIF\('Ma trận'!/);
    expect(fake.cell('Theo tiêu chí', `H${row25}`)?.value).toBe('Hoằng Đạo');
    const matrix = fake.mustSheet('Ma trận');
    expect(matrix.frozen).toEqual({ rows: 1, columns: 3 });
    expect(matrix.conditionalFormats?.map((c) => c.rule?.formula1)).toEqual([
      '="Đ"',
      '="K"',
      '="?"',
    ]);
    expect(fake.mustSheet('Tổng hợp').conditionalFormats?.[0]).toMatchObject({
      type: 'DataBar',
      range: 'F5:F7',
    });
    expect(fake.selection).toEqual({ sheet: 'Tổng hợp', address: 'A1' });
  });

  it('a second roll-up adds its sheets under new names, the communes unchanged', async () => {
    const snapshot = communesWorkbook();
    const fake = FakeWorkbook.fromSnapshot(snapshot);
    fake.install();
    mount();
    await clickRollup();
    await clickRollup();
    expect(fake.sheets.map((s) => s.name).slice(6)).toEqual([
      'Tổng hợp (2)',
      'Theo tiêu chí (2)',
      'Ma trận (2)',
    ]);
    expect(fake.cell('Tổng hợp (2)', 'D5')?.formula).toMatch(/^COUNTIF\('Ma trận \(2\)'!/);
    expect([5, 6, 7, 8].map((r) => fake.cell('Tổng hợp (2)', `B${r}`)?.value)).toEqual([
      'Hoằng Lộc',
      'Hoằng Đạo',
      'Hoằng Phụ',
      'Cộng',
    ]);
  });

  it('a workbook without appendices: a message, nothing added', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('Dự toán');
    fake.setCell('Dự toán', 'A1', { value: 'DỰ TOÁN KINH PHÍ' });
    fake.activeSheet = 'Dự toán';
    fake.install();
    mount();
    await clickRollup();
    expect(screen.getByText(/Không có PHỤ LỤC 01\/02\/03 nào/)).toBeTruthy();
    expect(fake.sheets.map((s) => s.name)).toEqual(['Dự toán']);
  });
});
