/**
 * The roll-up model and its sheets: communes from analysed workbooks (level, names, several
 * communes in one workbook, duplicates), and the plan's formulas computed by HyperFormula —
 * equal to the cached values written with them, and following a corrected matrix cell.
 */
import { HyperFormula } from 'hyperformula';
import { defaultCatalog } from '../../../../src/core/catalog';
import { applyPlanToSnapshot } from '../../../../src/core/forms';
import { fromA1, type WorkbookSnapshot } from '../../../../src/core/model/grid';
import {
  communeNameFromFileName,
  planRollup,
  rollupFromSnapshots,
  ROLLUP_SHEETS,
  type RollupModel,
} from '../../../../src/core/rollup';
import { snapshotFromExcelJS } from '../../../../src/xlsx/read-workbook';
import {
  cleanRows,
  newWorkbook,
  patchRows,
  writeAppendix,
} from '../../../support/fixtures/qa-builders';
import { hoangKimWorkbook, pl02Workbook } from '../../../support/fixtures/xlsx-builders';
import { hyperFormulaSheets } from '../../../support/fixtures/hf-compute';
import { renameCommune } from '../../../support/rollup-folder';

const catalog = defaultCatalog();

function commune(name: string, patch: Parameters<typeof patchRows>[1] = {}): WorkbookSnapshot {
  const wb = newWorkbook();
  writeAppendix(wb.addWorksheet('PL01'), {
    motto: true,
    rows: patchRows(cleanRows(), patch),
  });
  renameCommune(wb, 'Hoàng Kim', name);
  return snapshotFromExcelJS(wb);
}

function model(): RollupModel {
  return rollupFromSnapshots(
    [
      {
        file: 'a/xa-hoang-dao.xlsx',
        snapshot: commune('Hoằng Đạo', { '2.5': { commune: '30%' } }),
      },
      { file: 'a/xa-hoang-loc.xlsx', snapshot: commune('Hoằng Lộc') },
      {
        file: 'a/xa-hoang-phu.xlsx',
        snapshot: commune('Hoằng Phụ', { '1.6': { commune: '69,9%' }, '3.3': { commune: '' } }),
      },
      { file: 'a/hong.xlsx', error: 'Tệp "hong.xlsx" bị cắt cụt.' },
      {
        file: 'b/xa-hoang-loc-ban-sua.xlsx',
        snapshot: commune('Hoằng Lộc', { '4.2': { commune: 'Không' } }),
      },
    ],
    catalog,
  );
}

describe('rollup model', () => {
  it('one commune per appendix, named from its title rows, sorted by rate', () => {
    const m = model();
    expect(m.communes.map((c) => [c.commune, c.met, c.unmet, c.undetermined])).toEqual([
      ['Hoằng Lộc', 37, 0, 0],
      ['Hoằng Đạo', 36, 1, 0],
      ['Hoằng Lộc', 36, 1, 0],
      ['Hoằng Phụ', 35, 1, 1],
    ]);
    expect(m.communes.map((c) => c.rank)).toEqual([1, 2, 2, 4]);
    expect(m.communes.every((c) => c.nameSource === 'title')).toBe(true);
    // 69,9 % against a 70 % target: not met
    expect(m.communes[3].unmetCodes).toEqual(['1.6']);
    expect(m.communes[3].undeterminedCodes).toEqual(['3.3']);
    expect(m.communesMeetingAll).toBe(1);
  });

  it('two files for one commune are both listed and flagged', () => {
    const m = model();
    const loc = m.communes.filter((c) => c.commune === 'Hoằng Lộc');
    expect(loc).toHaveLength(2);
    expect(loc[0].duplicates).toEqual(['xa-hoang-loc-ban-sua.xlsx › PL01']);
    expect(loc[1].duplicates).toEqual(['xa-hoang-loc.xlsx › PL01']);
    expect(m.communes.find((c) => c.commune === 'Hoằng Đạo')!.duplicates).toEqual([]);
  });

  it('per criterion: met / unmet / undetermined over the communes, who missed it', () => {
    const m = model();
    const c25 = m.criteria.find((c) => c.code === '2.5')!;
    expect([c25.met, c25.unmet, c25.undetermined, c25.total]).toEqual([3, 1, 0, 4]);
    expect(c25.missedBy).toEqual(['Hoằng Đạo']);
    expect(m.criteria).toHaveLength(37);
    expect(m.files.map((f) => f.status)).toEqual(['ok', 'ok', 'ok', 'unreadable', 'ok']);
  });

  it('--level: PHỤ LỤC 02 for huyen, the nearest appendix when the level has none', () => {
    const pl01 = snapshotFromExcelJS(hoangKimWorkbook());
    const pl02 = snapshotFromExcelJS(pl02Workbook());
    const both: WorkbookSnapshot = {
      sheets: [...pl01.sheets, ...pl02.sheets.map((s, i) => ({ ...s, index: i + 1 }))],
    };
    const xa = rollupFromSnapshots([{ file: 'x.xlsx', snapshot: both }], catalog, 'xa');
    const huyen = rollupFromSnapshots([{ file: 'x.xlsx', snapshot: both }], catalog, 'huyen');
    const tinh = rollupFromSnapshots([{ file: 'x.xlsx', snapshot: both }], catalog, 'tinh');
    expect(xa.communes.map((c) => c.kind)).toEqual(['phu-luc-01']);
    expect(huyen.communes.map((c) => c.kind)).toEqual(['phu-luc-02']);
    expect(tinh.communes.map((c) => c.kind)).toEqual(['phu-luc-02']);
  });

  it('a workbook holding several communes, one per sheet, gives one row each', () => {
    const a = commune('Hoằng Đạo').sheets[0];
    const b = commune('Hoằng Lộc').sheets[0];
    const snap: WorkbookSnapshot = {
      sheets: [
        { ...a, name: 'Hoằng Đạo', index: 0 },
        { ...b, name: 'Hoằng Lộc', index: 1 },
      ],
    };
    const m = rollupFromSnapshots([{ file: 'tinh.xlsx', snapshot: snap }], catalog);
    expect(m.communes.map((c) => [c.commune, c.sheet])).toEqual([
      ['Hoằng Đạo', 'Hoằng Đạo'],
      ['Hoằng Lộc', 'Hoằng Lộc'],
    ]);
  });

  it('without a title, the name comes from the file name', () => {
    const wb = newWorkbook();
    writeAppendix(wb.addWorksheet('PL01'), { title: ['PHỤ LỤC 01'] });
    const m = rollupFromSnapshots(
      [{ file: 'ho-so/PL01_xa_hoang-quy_2023.xlsx', snapshot: snapshotFromExcelJS(wb) }],
      catalog,
    );
    expect(m.communes[0].commune).toBe('Hoang Quy');
    expect(m.communes[0].nameSource).toBe('file-name');
    expect(communeNameFromFileName('Hoằng Đạo - phụ lục 01.xlsx')).toBe('Hoằng Đạo');
  });

  it('a workbook with no appendix is "no-appendix"', () => {
    const wb = newWorkbook();
    wb.addWorksheet('Dự toán').getCell('A1').value = 'DỰ TOÁN KINH PHÍ';
    const m = rollupFromSnapshots(
      [{ file: 'du-toan.xlsx', snapshot: snapshotFromExcelJS(wb) }],
      catalog,
    );
    expect(m.communes).toEqual([]);
    expect(m.files[0]).toMatchObject({ status: 'no-appendix' });
    expect(m.files[0].message).toMatch(/PHỤ LỤC/);
  });
});

/** HyperFormula over the plan's sheets; `edit` changes constants before computing. */
function compute(snap: WorkbookSnapshot, edit: Record<string, string> = {}) {
  const sheets = hyperFormulaSheets(snap);
  for (const [at, v] of Object.entries(edit)) {
    const [sheet, a1] = at.split('!');
    const { row, col } = fromA1(a1);
    sheets[sheet][row][col] = v;
  }
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: 'gpl-v3',
    useArrayArithmetic: true,
    accentSensitive: true,
  });
  const get = (sheet: string, a1: string) => {
    const { row, col } = fromA1(a1);
    return hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
  };
  return { get, done: () => hf.destroy() };
}

describe('rollup sheets (EditPlan)', () => {
  const m = model();
  const plan = planRollup(m);
  const snap = applyPlanToSnapshot({ sheets: [] }, plan);

  it('adds the five sheets, the matrix frozen and coloured, data bars on the rates', () => {
    expect(snap.sheets.map((s) => s.name)).toEqual(Object.values(ROLLUP_SHEETS));
    const ops = plan.edits.map((e) => `${e.op} ${e.sheet}`);
    expect(ops).toContain('add-data-bar Tổng hợp');
    expect(ops).toContain('add-data-bar Theo tiêu chí');
    expect(ops.filter((o) => o === 'add-color-rule Ma trận')).toHaveLength(3);
    expect(ops).toContain('set-autofilter Lỗi');
    expect(plan.edits).toContainEqual({
      op: 'freeze-panes',
      sheet: 'Ma trận',
      rows: 1,
      columns: 3,
    });
  });

  it('every formula computes to the cached value written with it', () => {
    const hf = compute(snap);
    let formulas = 0;
    for (const e of plan.edits)
      if (e.op === 'set-formula') {
        formulas++;
        const v = hf.get(e.sheet, e.cell);
        if (typeof e.cached === 'number')
          expect([e.sheet, e.cell, v]).toEqual([e.sheet, e.cell, expect.closeTo(e.cached, 10)]);
        else expect([e.sheet, e.cell, v]).toEqual([e.sheet, e.cell, e.cached]);
      }
    hf.done();
    expect(formulas).toBeGreaterThan(4 * 6 + 37 * 5);
  });

  it('correcting one matrix cell moves the commune, the criterion and the totals', () => {
    // Hoằng Đạo (row 3 of the matrix) did not meet 2.5; the council corrects it to met
    const col = 3 + catalog.criteria.findIndex((c) => c.code === '2.5');
    const cell = `${String.fromCharCode(65 + col)}3`;
    expect(snap.sheets[2].cells.find((c) => c.row === 2 && c.col === col)?.value).toBe('K');
    const before = compute(snap);
    const after = compute(snap, { [`Ma trận!${cell}`]: 'Đ' });
    const crit = 5 + catalog.criteria.findIndex((c) => c.code === '2.5');
    expect(after.get('Tổng hợp', 'D6')).toBe((before.get('Tổng hợp', 'D6') as number) + 1);
    expect(after.get('Tổng hợp', 'F6')).toBe(1);
    expect(after.get('Tổng hợp', 'L6')).toBe(1);
    // row 9: Cộng; row 10: communes meeting every criterion
    expect(before.get('Tổng hợp', 'B9')).toBe('Cộng');
    expect(before.get('Tổng hợp', 'D9')).toBe(m.communes.reduce((s, c) => s + c.met, 0));
    expect(after.get('Tổng hợp', 'D9')).toBe((before.get('Tổng hợp', 'D9') as number) + 1);
    expect(before.get('Tổng hợp', 'D10')).toBe(1);
    expect(after.get('Tổng hợp', 'D10')).toBe(2);
    expect(after.get('Theo tiêu chí', `C${crit}`)).toBe(4);
    expect(after.get('Theo tiêu chí', `D${crit}`)).toBe(0);
    expect(after.get('Theo tiêu chí', `G${crit}`)).toBe(1);
    // a "?" typed in counts as undetermined
    const unsure = compute(snap, { [`Ma trận!${cell}`]: '?' });
    expect(unsure.get('Tổng hợp', 'H6')).toBe(1);
    expect(unsure.get('Theo tiêu chí', `E${crit}`)).toBe(1);
    for (const h of [before, after, unsure]) h.done();
  });

  it('the add-in variant: three sheets, names not already taken', () => {
    const p = planRollup(m, {
      sheets: ['summary', 'criteria', 'matrix'],
      existingSheets: ['Tổng hợp', 'PL01'],
    });
    const added = p.edits.filter((e) => e.op === 'add-sheet').map((e) => e.sheet);
    expect(added).toEqual(['Tổng hợp (2)', 'Theo tiêu chí', 'Ma trận']);
  });
});
