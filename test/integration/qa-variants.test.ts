/**
 * QA: appendix workbooks made the way officials really make them, read through the real path
 * (ExcelJS file → readWorkbookFile → analyzeWorkbook with the Thanh Hóa 2023 catalog).
 * Each test changes one thing of a clean Hoàng Kim table (or combines the layout features of
 * an official file) and asserts exactly what must be reported — nothing more.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/core/analyze';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import type { Finding } from '../../src/core/model/findings';
import type { SheetReport, WorkbookReport } from '../../src/core/model/report-types';
import type { WorkbookSnapshot } from '../../src/core/model/grid';
import { readWorkbookFile } from '../../src/cli/read-file';
import {
  addBudgetSheet,
  hoangKimTypedInExcel,
  addCoverSheet,
  addNamesSheet,
  cleanRows,
  fmt,
  formula,
  link,
  newWorkbook,
  officialWorkbook,
  patchRows,
  put,
  PL02_COLUMNS,
  PL03_COLUMNS,
  rich,
  TITLE_PL02,
  TITLE_PL03,
  writeAppendix,
  type QaColumn,
  type QaRow,
  type SheetLayout,
  type SheetMap,
} from '../support/fixtures/qa-builders';
import { seedRows, typedPercent } from '../support/fixtures/xlsx-builders';

const catalog = defaultCatalog();
const ALL_CODES = catalog.criteria.map((c) => c.code);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-qa-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let fileNo = 0;
/** Save the workbook as a real .xlsx and read it back the way the CLI does. */
async function analyze(
  wb: ExcelJS.Workbook,
): Promise<{ report: WorkbookReport; snapshot: WorkbookSnapshot }> {
  const file = path.join(tmp, `qa-${++fileNo}.xlsx`);
  await wb.xlsx.writeFile(file);
  const { snapshot } = await readWorkbookFile(file);
  return { report: analyzeWorkbook(snapshot, catalog), snapshot };
}

/** One appendix sheet "PL01" (or `name`) built with `layout`, analysed. */
async function analyzeOne(
  layout: SheetLayout = {},
  name = 'PL01',
): Promise<{ sheet: SheetReport; map: SheetMap; report: WorkbookReport }> {
  const wb = newWorkbook();
  const map = writeAppendix(wb.addWorksheet(name), layout);
  const { report } = await analyze(wb);
  return { sheet: sheetNamed(report, name), map, report };
}

function sheetNamed(report: WorkbookReport, name: string): SheetReport {
  const s = report.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${report.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** "rule cell criterion" per finding, sorted: compact and exact. */
function found(s: SheetReport, filter: (f: Finding) => boolean = () => true): string[] {
  return s.findings
    .filter(filter)
    .map((f) => [f.rule, f.cell, f.criterion ?? ''].join(' ').trim())
    .sort();
}

function verdictOf(s: SheetReport, code: string) {
  const c = s.criteria.find((x) => x.code === code);
  if (!c) throw new Error(`no criterion ${code}`);
  return c;
}

const allMet = { criteria: 37, met: 37, unmet: 0, undetermined: 0 };

// =============================================================================================
// The Hoàng Kim appendix as typed (seed 004) — the bundled sample file

describe('Hoàng Kim PHỤ LỤC 01 as typed (samples/hoang-kim-phu-luc-01.xlsx)', () => {
  let s: SheetReport;
  beforeAll(async () => {
    const { snapshot } = await readWorkbookFile(
      path.join(__dirname, '..', '..', 'samples', 'hoang-kim-phu-luc-01.xlsx'),
    );
    const report = analyzeWorkbook(snapshot, catalog);
    expect(report.sheets).toHaveLength(1);
    s = report.sheets[0];
  });

  it('reads 37 criteria: 36 met, 1.11 undetermined, nothing invented', () => {
    expect(s.kind).toBe('phu-luc-01');
    expect(s.summary).toEqual({ criteria: 37, met: 36, unmet: 0, undetermined: 1 });
    expect(s.criteria.filter((c) => c.verdict !== 'met').map((c) => c.code)).toEqual(['1.11']);
    const rules = new Set(s.findings.map((f) => f.rule));
    expect(rules.has('unmet-target')).toBe(false);
    expect(rules.has('ratio-mismatch')).toBe(false);
    expect(rules.has('missing-criterion')).toBe(false);
    expect(rules.has('duplicate-criterion')).toBe(false);
    expect(rules.has('unknown-criterion')).toBe(false);
    expect(rules.has('target-differs')).toBe(false);
    expect(rules.has('value-out-of-range')).toBe(false);
  });

  it('reports the ambiguous target of 2.5, the group-row verdicts of groups 3 and 4', () => {
    expect(found(s, (f) => f.rule === 'ambiguous-unit')).toEqual(['ambiguous-unit D27 2.5']);
    const groups = s.findings.filter((f) => f.rule === 'group-row-verdict');
    expect(groups.map((f) => f.cell).sort()).toEqual(['F29', 'F42']);
    expect(groups.map((f) => f.message).join(' ')).toMatch(
      /Nhóm 3[\s\S]*Nhóm 4|Nhóm 4[\s\S]*Nhóm 3/,
    );
  });

  it('reports the empty 1.11 (missing result, typed Đạt) as errors', () => {
    expect(found(s, (f) => f.severity === 'error')).toEqual([
      'missing-result E18 1.11',
      'verdict-mismatch F18 1.11',
    ]);
  });

  it('reports missing evidence exactly on the criteria that require it and have none', () => {
    const seed = new Map(seedRows().map((r) => [r.code, r]));
    const expected = catalog.criteria
      .filter((c) => c.evidenceRequired && !(seed.get(c.code)?.evidence ?? '').trim())
      .map((c) => c.code)
      .sort();
    const got = s.findings
      .filter((f) => f.rule === 'missing-evidence')
      .map((f) => f.criterion!)
      .sort();
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(15);
    // 1.7, 1.9 and 2.3 carry a link in the seed: never reported
    expect(got).not.toContain('1.7');
    expect(got).not.toContain('1.9');
  });
});

describe('Hoàng Kim PHỤ LỤC 01 as a vi-VN Excel stores it (numbers, % formats) after a cover sheet', () => {
  it('gives the same reading as the typed text', async () => {
    const { report } = await analyze(hoangKimTypedInExcel());
    expect(report.sheets.map((s) => s.kind)).toEqual(['unknown', 'phu-luc-01']);
    const s = report.sheets[1];
    expect(s.summary).toEqual({ criteria: 37, met: 36, unmet: 0, undetermined: 1 });
    expect(found(s, (f) => f.severity === 'error')).toEqual([
      'missing-result E18 1.11',
      'verdict-mismatch F18 1.11',
    ]);
    expect(found(s, (f) => f.rule === 'ambiguous-unit')).toEqual(['ambiguous-unit D27 2.5']);
    expect(found(s, (f) => f.rule === 'group-row-verdict')).toEqual([
      'group-row-verdict F29',
      'group-row-verdict F42',
    ]);
    expect(verdictOf(s, '1.6').value).toBeCloseTo(0.829, 10);
  });
});

// =============================================================================================
// A clean table, and the layout officials give it

describe('layout variants of a clean PHỤ LỤC 01 (37 met, no finding)', () => {
  it('the plain seed-001 layout', async () => {
    const { sheet } = await analyzeOne();
    expect(sheet.kind).toBe('phu-luc-01');
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
  });

  it('an official file: motto block, merged titles, table at C9, signature, "Sheet3" after a cover', async () => {
    const wb = newWorkbook();
    addCoverSheet(wb, 'Sheet1');
    const columns: QaColumn[] = [
      { key: 'tt', header: 'STT' },
      { key: 'name', header: 'Tên chỉ tiêu' },
      { key: 'unit', header: 'ĐVT' },
      { key: 'target', header: 'Chỉ tiêu\n(năm 2023)' },
      { key: 'commune', header: 'Kết quả\nthực hiện' },
      { key: 'owner', header: 'Người phụ\ntrách' },
      { key: 'verdict', header: 'Đánh giá\n(Đạt/Không đạt)' },
      { key: 'evidence', header: 'Tài liệu\nkiểm chứng' },
      { key: 'note', header: 'Ghi chú' },
    ];
    const rows = cleanRows().map((r) =>
      r.group ? r : { ...r, cells: { ...r.cells, owner: 'Đ/c Lê Văn Hùng - Công chức VP-TK' } },
    );
    const map = writeAppendix(wb.addWorksheet('Sheet3'), {
      columns,
      rows,
      motto: true,
      headerRow: 9,
      startCol: 3,
      mergeGroupRows: true,
      signature: true,
      headerNfd: true,
    });
    wb.addWorksheet('Sheet2');
    expect(map.a1('1.1', 'tt')).toBe('C11');
    const { report } = await analyze(wb);
    expect(report.sheets.map((x) => [x.name, x.kind])).toEqual([
      ['Sheet1', 'unknown'],
      ['Sheet3', 'phu-luc-01'],
      ['Sheet2', 'unknown'],
    ]);
    const s = sheetNamed(report, 'Sheet3');
    expect(s.summary).toEqual(allMet);
    expect(found(s)).toEqual([]);
    expect(s.layout?.extraColumns.map((e) => e.header)).toEqual(['Người phụ trách']);
    expect(s.layout?.headerRow).toBe(8);
    expect(s.groups?.map((g) => g.code)).toEqual(['1', '2', '3', '4']);
    expect(verdictOf(s, '4.8').row).toBe(map.rowOf.get('4.8'));
    expect(s.layout?.lastRow).toBe(map.lastRow - 1);
  });

  it('NFD everywhere (header and data), a column-number row, the header repeated (PDF paste)', async () => {
    const { sheet } = await analyzeOne({
      headerNfd: true,
      dataNfd: true,
      columnNumbers: true,
      repeatHeaderBefore: ['2.3', '4.3'],
    });
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
    expect(sheet.layout?.headerRows).toHaveLength(3);
  });

  it('group rows merged across B:H with the number alone in A', async () => {
    const { sheet } = await analyzeOne({ mergeGroupRows: true });
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
    expect(sheet.groups?.map((g) => [g.code, g.name])).toEqual([
      ['1', 'Chính quyền số'],
      ['2', 'Kinh tế số'],
      ['3', 'Xã hội số'],
      ['4', 'Hạ tầng số'],
    ]);
  });

  it('a protected sheet reads like any other', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('PL01');
    writeAppendix(ws);
    await ws.protect('hoangkim', { selectLockedCells: true });
    const { report, snapshot } = await analyze(wb);
    expect(snapshot.sheets[0].protected).toBe(true);
    expect(report.sheets[0].summary).toEqual(allMet);
    expect(found(report.sheets[0])).toEqual([]);
  });

  it('a stray cell at row 1,000,000 costs one cell', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('PL01');
    writeAppendix(ws);
    ws.getCell(1_000_000, 12).value = ' ';
    ws.getCell(1_048_576, 3).value = 'x';
    const { report, snapshot } = await analyze(wb);
    expect(snapshot.sheets[0].cells.length).toBeLessThan(400);
    expect(report.sheets[0].summary).toEqual(allMet);
    expect(found(report.sheets[0])).toEqual([]);
  });

  it('rows out of order are all found', async () => {
    const rows = cleanRows();
    const shuffled = [...rows.slice(20), ...rows.slice(0, 20)].reverse();
    const { sheet } = await analyzeOne({ rows: shuffled });
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
  });
});

// =============================================================================================
// Cells as a spreadsheet stores them

/** Every "%" target and result typed as a number with a percent format (0.829, "0.0%"). */
function numericPercentRows(
  keys: ('target' | 'commune' | 'district' | 'province')[] = ['target', 'commune'],
) {
  return cleanRows(
    ['commune', 'district', 'province'].filter((k) => keys.includes(k as 'commune')) as never,
  ).map((r) => {
    if (r.group) return r;
    const cells = { ...r.cells };
    for (const k of keys) {
      const p = typeof cells[k] === 'string' ? typedPercent(cells[k] as string) : null;
      if (p) cells[k] = fmt(p.value, p.numFmt);
    }
    return { ...r, cells };
  });
}

describe('TT typed as numbers', () => {
  /** TT as a number for every criterion; 1.10 / 3.10 as `ten` says. */
  function numericTt(ten: (code: string) => ReturnType<typeof fmt> | number) {
    return cleanRows().map((r) => {
      if (r.group) return { ...r, cells: { ...r.cells, tt: Number(r.code) } };
      const tt = /\.10$/.test(r.code) ? ten(r.code) : Number(r.code);
      return { ...r, cells: { ...r.cells, tt } };
    });
  }

  it('1.10 as 1.1 with the format 0.00', async () => {
    const { sheet } = await analyzeOne({ rows: numericTt((c) => fmt(Number(c), '0.00')) });
    expect(sheet.criteria.map((c) => c.code)).toEqual(ALL_CODES);
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
  });

  it('1.10 as a bare 1.1 right after 1.9 (General)', async () => {
    const { sheet, map } = await analyzeOne({ rows: numericTt((c) => Number(c)) });
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
    expect(verdictOf(sheet, '1.10').row).toBe(map.rowOf.get('1.10'));
    expect(verdictOf(sheet, '3.10').row).toBe(map.rowOf.get('3.10'));
  });

  it('the whole TT column formatted 0.0 (1.10 shows as 1.1 after 1.9)', async () => {
    const rows = numericTt((c) => fmt(Number(c), '0.0')).map((r) =>
      r.group || /\.10$/.test(r.code)
        ? r
        : { ...r, cells: { ...r.cells, tt: fmt(Number(r.code), '0.0') } },
    );
    const { sheet, map } = await analyzeOne({ rows });
    expect(found(sheet)).toEqual([]);
    expect(sheet.summary).toEqual(allMet);
    expect(verdictOf(sheet, '1.10').row).toBe(map.rowOf.get('1.10'));
  });
});

describe('results and targets as numbers, formulas and other cell kinds', () => {
  it('numeric percent cells (0.829 with 0.0%) for targets and results', async () => {
    const { sheet } = await analyzeOne({ rows: numericPercentRows() });
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
    expect(verdictOf(sheet, '1.6').value).toBeCloseTo(0.829, 10);
  });

  it('a plain number in a % column (82.9) is read as 82,9% with ambiguous-unit', async () => {
    const rows = patchRows(cleanRows(), { '1.6': { commune: 82.9 } });
    const { sheet, map } = await analyzeOne({ rows });
    expect(found(sheet)).toEqual([`ambiguous-unit ${map.a1('1.6', 'commune')} 1.6`]);
    expect(verdictOf(sheet, '1.6')).toMatchObject({ verdict: 'met', value: 0.829 });
  });

  it('a target typed 70 without % is 70% with ambiguous-unit, not a different target', async () => {
    const rows = patchRows(cleanRows(), { '1.6': { target: '70' }, '3.1': { target: 60 } });
    const { sheet, map } = await analyzeOne({ rows });
    expect(found(sheet)).toEqual([
      `ambiguous-unit ${map.a1('1.6', 'target')} 1.6`,
      `ambiguous-unit ${map.a1('3.1', 'target')} 3.1`,
    ]);
    expect(sheet.summary).toEqual(allMet);
  });

  it('IF() verdict formulas with cached results, over numeric percent cells', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('PL01');
    const map = writeAppendix(ws, { rows: numericPercentRows() });
    for (const [code, r] of map.rowOf) {
      if (!code.includes('.')) continue;
      const t = ws.getCell(r, map.col.target!);
      const res = ws.getCell(r, map.col.commune!);
      const numeric = typeof t.value === 'number' && typeof res.value === 'number';
      ws.getCell(r, map.col.verdict!).value = numeric
        ? formula(
            `IF(${res.address}>=${t.address},"Đạt","Không đạt")`,
            (res.value as number) >= (t.value as number) ? 'Đạt' : 'Không đạt',
          )
        : formula(`IF(${res.address}<>"","Đạt","Không đạt")`, 'Đạt');
    }
    const { report } = await analyze(wb);
    const s = report.sheets[0];
    expect(s.summary).toEqual(allMet);
    expect(found(s)).toEqual([]);
  });

  it('shared IF() formulas (one master per group) are read by their cached results', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('PL01');
    const rows = numericPercentRows().map((r) =>
      r.group ? r : { ...r, cells: { ...r.cells, verdict: undefined } },
    );
    const map = writeAppendix(ws, { rows });
    const vCol = map.col.verdict!;
    for (const g of ['1', '2', '3', '4']) {
      const codes = [...map.rowOf.keys()].filter((c) => c.startsWith(`${g}.`));
      const first = map.rowOf.get(codes[0])!;
      const last = map.rowOf.get(codes[codes.length - 1])!;
      const master = ws.getCell(first, vCol).address;
      for (let r = first; r <= last; r++) {
        const cached = 'Đạt';
        ws.getCell(r, vCol).value =
          r === first
            ? ({
                formula: `IF(E${r}<>"","Đạt","Không đạt")`,
                result: cached,
                shareType: 'shared',
                ref: `${master}:${ws.getCell(last, vCol).address}`,
              } as ExcelJS.CellFormulaValue)
            : ({ sharedFormula: master, result: cached } as ExcelJS.CellSharedFormulaValue);
      }
    }
    const { report, snapshot } = await analyze(wb);
    const s = report.sheets[0];
    const at = (code: string) =>
      snapshot.sheets[0].cells.find(
        (c) => c.row === map.rowOf.get(code)! - 1 && c.col === vCol - 1,
      );
    expect(at('3.12')?.formula).toMatch(/^IF\(E\d+<>"","Đạt","Không đạt"\)$/);
    expect(at('3.12')?.value).toBe('Đạt');
    expect(s.summary).toEqual(allMet);
    expect(found(s)).toEqual([]);
  });

  it('results as formulas =3644/4993 with their cached value', async () => {
    const rows = patchRows(cleanRows(), {
      '3.9': { commune: fmt(formula('3644/4993', 3644 / 4993), '0.00%') },
      '2.4': { commune: fmt(formula('17/21', 17 / 21), '0.00%') },
    });
    const { sheet } = await analyzeOne({ rows });
    expect(found(sheet)).toEqual([]);
    expect(verdictOf(sheet, '3.9')).toMatchObject({ verdict: 'met' });
    expect(verdictOf(sheet, '3.9').value).toBeCloseTo(0.7298, 4);
  });

  it('a ratio turned into a formula by fill keeps its typed "= 69%" checked (note "Giá trị gốc")', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('PL01');
    const map = writeAppendix(ws);
    const at = map.a1('3.8', 'commune');
    ws.getCell(at).value = formula('2/3', 2 / 3);
    ws.getCell(at).numFmt = '0.00%';
    ws.getCell(at).note = 'Giá trị gốc: 2/3 = 69%';
    const ok = map.a1('3.2', 'commune');
    ws.getCell(ok).value = formula('3420/4551', 3420 / 4551);
    ws.getCell(ok).numFmt = '0.00%';
    ws.getCell(ok).note = 'Giá trị gốc: 3.420/4.551 = 75,15%';
    const { report } = await analyze(wb);
    expect(found(report.sheets[0])).toEqual([`ratio-mismatch ${at} 3.8`]);
    expect(verdictOf(report.sheets[0], '3.8').value).toBeCloseTo(2 / 3, 10);
  });

  it('a #DIV/0! cached result is an unreadable result', async () => {
    const rows = patchRows(cleanRows(), {
      '3.9': {
        commune: fmt(formula('3644/0', { error: '#DIV/0!' } as ExcelJS.CellErrorValue), '0.00%'),
      },
    });
    const { sheet, map } = await analyzeOne({ rows });
    const at = map.a1('3.9', 'commune');
    expect(found(sheet, (f) => f.criterion === '3.9')).toEqual([
      `unparseable-value ${at} 3.9`,
      `verdict-mismatch ${map.a1('3.9', 'verdict')} 3.9`,
    ]);
    expect(found(sheet).length).toBe(2);
    expect(verdictOf(sheet, '3.9').verdict).toBe('undetermined');
    expect(sheet.findings.find((f) => f.rule === 'unparseable-value')?.message).toContain(
      '#DIV/0!',
    );
  });

  it('result formulas saved without their value: computed when simple, else unreadable', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('PL01');
    const map = writeAppendix(ws);
    const set = (code: string, f: string, numFmt?: string) => {
      const cell = ws.getCell(map.a1(code, 'commune'));
      cell.value = formula(f);
      if (numFmt) cell.numFmt = numFmt;
    };
    const r36 = map.rowOf.get('3.6')!;
    ws.getCell(r36, 11).value = 0; // K: người dùng tư vấn trực tuyến
    ws.getCell(r36, 12).value = 4993; // L: dân số trưởng thành
    set('3.9', 'ROUND(3644/4993,4)', '0.00%');
    set('3.6', `K${r36}/L${r36}`, '0.0%'); // = 0: below 10 % (a cached 0 ExcelJS loses, too)
    set('2.4', "'Mẫu 2.4'!C10/'Mẫu 2.4'!C11", '0.00%'); // another sheet: not computed
    ws.getCell(map.a1('3.9', 'verdict')).value = formula(
      `IF(${map.a1('3.9', 'commune')}>=${map.a1('3.9', 'target')},"Đạt","Không đạt")`,
    );
    const { report } = await analyze(wb);
    const sheet = report.sheets[0];
    expect(found(sheet)).toEqual(
      [
        `unparseable-value ${map.a1('2.4', 'commune')} 2.4`,
        `verdict-mismatch ${map.a1('2.4', 'verdict')} 2.4`,
        `unmet-target ${map.a1('3.6', 'commune')} 3.6`,
        `verdict-mismatch ${map.a1('3.6', 'verdict')} 3.6`,
      ].sort(),
    );
    expect(verdictOf(sheet, '3.9')).toMatchObject({ verdict: 'met', value: 0.7298 });
    const msgs = sheet.findings.filter((x) => x.criterion === '2.4').map((x) => x.message);
    expect(msgs.join('\n')).toContain("='Mẫu 2.4'!C10/'Mẫu 2.4'!C11");
    expect(msgs.join('\n')).not.toContain('chưa có kết quả');
  });

  it('a fraction Excel turned into a date ("2/3" → 02/03) is reported as such', async () => {
    const rows = patchRows(cleanRows(), {
      '3.8': { commune: fmt(new Date(Date.UTC(2023, 2, 2)), 'd/m') },
    });
    const { sheet, map } = await analyzeOne({ rows });
    expect(found(sheet)).toEqual([
      `unparseable-value ${map.a1('3.8', 'commune')} 3.8`,
      `verdict-mismatch ${map.a1('3.8', 'verdict')} 3.8`,
    ]);
    const m = sheet.findings.find((x) => x.rule === 'unparseable-value')!.message;
    expect(m).toContain('02/03/2023');
    expect(m).toContain('“2/3”');
  });

  it('rich text with several runs (name, result, verdict, evidence)', async () => {
    const rows = patchRows(cleanRows(), {
      '1.6': {
        name: rich('Tỷ lệ hồ sơ TTHC ', 'tiếp nhận, giải quyết', ' trực tuyến.'),
        commune: rich('82,9', '%'),
        verdict: rich('Đ', 'ạt'),
        evidence: rich('Báo cáo ', 'số 98/BC-UBND'),
      },
      '4.5': { commune: rich('14 ', 'điểm') },
    });
    const { sheet } = await analyzeOne({ rows });
    expect(found(sheet)).toEqual([]);
    expect(verdictOf(sheet, '1.6').value).toBeCloseTo(0.829, 10);
    expect(verdictOf(sheet, '4.5').value).toBe(14);
  });

  it('hyperlinks as evidence (with and without a text), dates in Ghi chú and in evidence', async () => {
    const patch: Record<string, Record<string, unknown>> = {};
    for (const c of catalog.criteria.filter((x) => x.evidenceRequired))
      patch[c.code] = {
        evidence: link(`Hồ sơ ${c.code}`, `https://drive.google.com/hoangkim/${c.code}`),
      };
    patch['1.1'] = { evidence: link('', 'https://hoangkim.hoanghoa.thanhhoa.gov.vn/ke-hoach-cds') };
    patch['1.2'] = {
      evidence: new Date(Date.UTC(2023, 11, 15)),
      note: new Date(Date.UTC(2023, 10, 30)),
    };
    patch['1.6'] = { note: fmt(new Date(Date.UTC(2023, 10, 30)), 'dd/mm/yyyy') };
    const { sheet } = await analyzeOne({ rows: patchRows(cleanRows(), patch as never) });
    expect(found(sheet)).toEqual([]);
    expect(sheet.summary).toEqual(allMet);
  });
});

// =============================================================================================
// What officials type wrong (and right), one thing at a time on a clean table

describe('rules on a clean table, one change at a time', () => {
  async function withPatch(
    patch: Parameters<typeof patchRows>[1],
    extra: Partial<SheetLayout> = {},
  ) {
    return analyzeOne({ rows: patchRows(cleanRows(), patch), ...extra });
  }

  it('a duplicated criterion row', async () => {
    const rows = cleanRows();
    const dup = rows.find((r) => r.code === '2.4')!;
    const at = rows.findIndex((r) => r.code === '2.6');
    rows.splice(at + 1, 0, { ...dup, cells: { ...dup.cells, commune: '85%' } });
    const wb = newWorkbook();
    const map = writeAppendix(wb.addWorksheet('PL01'), { rows });
    const { report } = await analyze(wb);
    const s = report.sheets[0];
    const dupRow = map.rowOf.get('2.6')! + 1;
    expect(found(s)).toEqual([`duplicate-criterion A${dupRow} 2.4`]);
    expect(verdictOf(s, '2.4').row).toBe(map.rowOf.get('2.4'));
    expect(s.summary).toEqual(allMet);
  });

  it('a missing criterion', async () => {
    const rows = cleanRows().filter((r) => r.code !== '4.7');
    const { sheet } = await analyzeOne({ rows });
    expect(found(sheet).map((f) => f.replace(/ [A-Z]+\d+ /, ' '))).toEqual([
      'missing-criterion 4.7',
    ]);
    expect(sheet.summary).toEqual({ criteria: 37, met: 36, unmet: 0, undetermined: 1 });
  });

  it('an unknown code 5.1', async () => {
    const rows = cleanRows();
    rows.push({
      code: '5.1',
      cells: {
        tt: '5.1',
        name: 'Tỷ lệ hộ gia đình có địa chỉ số',
        unit: '%',
        target: '50%',
        commune: '60%',
        verdict: 'Đạt',
      },
    });
    const { sheet, map } = await analyzeOne({ rows });
    expect(found(sheet)).toEqual([`unknown-criterion ${map.a1('5.1', 'tt')} 5.1`]);
    expect(sheet.summary).toEqual(allMet);
  });

  it('"Không" as a result is below the target (typed Không đạt: no mismatch)', async () => {
    const { sheet, map } = await withPatch({ '4.8': { commune: 'Không', verdict: 'Không đạt' } });
    expect(found(sheet)).toEqual([`unmet-target ${map.a1('4.8', 'commune')} 4.8`]);
    expect(verdictOf(sheet, '4.8').verdict).toBe('unmet');
  });

  it('"Chưa đạt" is a valid unmet verdict', async () => {
    const { sheet, map } = await withPatch({ '1.6': { commune: '65%', verdict: 'Chưa đạt' } });
    expect(found(sheet)).toEqual([`unmet-target ${map.a1('1.6', 'commune')} 1.6`]);
    expect(sheet.findings[0].message).toContain('65%');
    expect(sheet.findings[0].message).toContain('70%');
  });

  it('verdicts typed "đạt", "Đạt " (trailing space), "ĐẠT", "Đạt." are all Đạt', async () => {
    const { sheet } = await withPatch({
      '1.2': { verdict: 'đạt' },
      '1.3': { verdict: 'Đạt ' },
      '1.4': { verdict: 'ĐẠT' },
      '1.5': { verdict: 'Đạt.' },
      '1.6': { verdict: ' Đạt\n' },
    });
    expect(found(sheet)).toEqual([]);
  });

  it('verdicts in other words: "Đạt yêu cầu", "Hoàn thành", "Chưa hoàn thành"', async () => {
    const { sheet, map } = await withPatch({
      '1.2': { verdict: 'Đạt yêu cầu' },
      '1.3': { verdict: 'Hoàn thành' },
      '1.4': { verdict: 'Đã hoàn thành' },
      '1.6': { commune: '65%', verdict: 'Chưa hoàn thành' },
      '3.4': { verdict: 'Chưa hoàn thành' },
    });
    expect(found(sheet)).toEqual(
      [
        `unmet-target ${map.a1('1.6', 'commune')} 1.6`,
        `verdict-mismatch ${map.a1('3.4', 'verdict')} 3.4`,
      ].sort(),
    );
  });

  it('"Không đạt" typed on a met row is a verdict mismatch, on the Đánh giá cell', async () => {
    const { sheet, map } = await withPatch({ '3.4': { verdict: 'Không đạt' } });
    expect(found(sheet)).toEqual([`verdict-mismatch ${map.a1('3.4', 'verdict')} 3.4`]);
  });

  it('a result below target typed Đạt: unmet-target and verdict-mismatch', async () => {
    const { sheet, map } = await withPatch({ '3.6': { commune: '8,2%' } });
    expect(found(sheet)).toEqual([
      `unmet-target ${map.a1('3.6', 'commune')} 3.6`,
      `verdict-mismatch ${map.a1('3.6', 'verdict')} 3.6`,
    ]);
    const mismatch = sheet.findings.find((f) => f.rule === 'verdict-mismatch')!;
    expect(mismatch.message).toBe('3.6: kết quả 8,2% thấp hơn chỉ tiêu 10% nhưng ghi Đạt');
  });

  it('120% is out of range', async () => {
    const { sheet, map } = await withPatch({ '3.4': { commune: '120%' } });
    expect(found(sheet)).toEqual([`value-out-of-range ${map.a1('3.4', 'commune')} 3.4`]);
  });

  it('"2/3 = 69%" is a ratio mismatch; "3.420/4.551 = 75,15%" agrees', async () => {
    const { sheet, map } = await withPatch({
      '3.8': { commune: '2/3 = 69%' },
      '3.2': { commune: '3.420/4.551 = 75,15%' },
      '3.9': { commune: '3.644/4.993' },
    });
    expect(found(sheet)).toEqual([`ratio-mismatch ${map.a1('3.8', 'commune')} 3.8`]);
    expect(sheet.findings[0].message).toContain('66,67%');
    expect(verdictOf(sheet, '3.2').value).toBeCloseTo(3420 / 4551, 10);
    expect(sheet.summary).toEqual(allMet);
  });

  it('"3.420/4.551 = 57,15%" (digits swapped) is a ratio mismatch, and below the 75% target', async () => {
    const { sheet, map } = await withPatch({ '3.2': { commune: '3.420/4.551 = 57,15%' } });
    expect(found(sheet)).toEqual([`ratio-mismatch ${map.a1('3.2', 'commune')} 3.2`]);
    // the verdict rests on the ratio (75,15%), the stated rate is only checked
    expect(verdictOf(sheet, '3.2').verdict).toBe('met');
  });

  it('a target differing from the catalog', async () => {
    const { sheet, map } = await withPatch({ '1.6': { target: '60%' } });
    expect(found(sheet)).toEqual([`target-differs ${map.a1('1.6', 'target')} 1.6`]);
  });

  it('an empty Đánh giá, an empty result typed Đạt, an empty evidence, a text result', async () => {
    const { sheet, map } = await withPatch({
      '1.2': { verdict: null },
      '1.11': { commune: null },
      '2.5': { evidence: null },
      '3.3': { commune: 'Đang triển khai' },
    });
    expect(found(sheet)).toEqual(
      [
        `missing-verdict ${map.a1('1.2', 'verdict')} 1.2`,
        `missing-result ${map.a1('1.11', 'commune')} 1.11`,
        `verdict-mismatch ${map.a1('1.11', 'verdict')} 1.11`,
        `missing-evidence ${map.a1('2.5', 'evidence')} 2.5`,
        `unparseable-value ${map.a1('3.3', 'commune')} 3.3`,
        `verdict-mismatch ${map.a1('3.3', 'verdict')} 3.3`,
      ].sort(),
    );
  });

  it('a verdict typed on a group row', async () => {
    const { sheet, map } = await withPatch({ '3': { verdict: 'Đạt' } });
    expect(found(sheet)).toEqual([`group-row-verdict ${map.a1('3', 'verdict')}`]);
  });
});

// =============================================================================================
// Appraisal sheets and workbooks holding several sheets

describe('PHỤ LỤC 02 and 03', () => {
  it('PL02: the district lowered a value — its result decides, the difference is reported', async () => {
    const rows = patchRows(cleanRows(['commune', 'district']), {
      '1.6': { district: '65%', verdict: 'Không đạt' },
      '3.6': { district: '8,2%' },
      '3.9': { district: '72,95%' },
    });
    const { sheet, map } = await analyzeOne(
      { columns: PL02_COLUMNS, title: TITLE_PL02, rows },
      'PL02',
    );
    expect(sheet.kind).toBe('phu-luc-02');
    expect(found(sheet)).toEqual(
      [
        `unmet-target ${map.a1('1.6', 'district')} 1.6`,
        `appraisal-differs ${map.a1('1.6', 'district')} 1.6`,
        `unmet-target ${map.a1('3.6', 'district')} 3.6`,
        `appraisal-differs ${map.a1('3.6', 'district')} 3.6`,
        `verdict-mismatch ${map.a1('3.6', 'verdict')} 3.6`,
      ].sort(),
    );
    expect(sheet.findings.find((f) => f.rule === 'appraisal-differs')?.severity).toBe('info');
    expect(sheet.summary).toEqual({ criteria: 37, met: 35, unmet: 2, undetermined: 0 });
    expect(verdictOf(sheet, '1.6').value).toBeCloseTo(0.65, 10);
  });

  it('PL02 with numeric percent cells for both levels and the district result empty on one row', async () => {
    const rows = patchRows(numericPercentRows(['target', 'commune', 'district']), {
      '2.4': { district: null, verdict: null },
    });
    const { sheet, map } = await analyzeOne(
      { columns: PL02_COLUMNS, title: TITLE_PL02, rows },
      'PL02',
    );
    expect(found(sheet)).toEqual([`missing-result ${map.a1('2.4', 'district')} 2.4`]);
    expect(sheet.findings[0].message).toContain('80,95%');
  });

  it('PL03: district and province results; the province decides', async () => {
    const rows = patchRows(cleanRows(['district', 'province']), {
      '3.3': { province: '50%', verdict: 'Không đạt' },
    });
    const { sheet, map } = await analyzeOne(
      { columns: PL03_COLUMNS, title: TITLE_PL03, rows },
      'PL03',
    );
    expect(sheet.kind).toBe('phu-luc-03');
    expect(found(sheet)).toEqual(
      [
        `unmet-target ${map.a1('3.3', 'province')} 3.3`,
        `appraisal-differs ${map.a1('3.3', 'province')} 3.3`,
      ].sort(),
    );
    expect(sheet.summary).toEqual({ criteria: 37, met: 36, unmet: 1, undetermined: 0 });
  });

  it('2025 two-tier chain: the commune result next to "Kết quả thẩm tra của Sở KH&CN"', async () => {
    const columns: QaColumn[] = [
      { key: 'tt', header: 'TT' },
      { key: 'name', header: 'Tên chỉ tiêu' },
      { key: 'unit', header: 'Đơn vị tính' },
      { key: 'target', header: 'Chỉ tiêu' },
      { key: 'commune', header: 'Kết quả tự đánh giá của UBND xã' },
      { key: 'province', header: 'Kết quả thẩm tra của Sở KH&CN' },
      { key: 'verdict', header: 'Đánh giá (Đạt/Không đạt)' },
      { key: 'note', header: 'Ghi chú' },
    ];
    const rows = patchRows(cleanRows(['commune', 'province']), {
      '2.5': { province: '45%', verdict: 'Không đạt' },
    });
    const { sheet, map } = await analyzeOne(
      {
        columns,
        rows,
        title: [
          'PHỤ LỤC 02',
          'KẾT QUẢ THẨM TRA CÁC TIÊU CHÍ CHUYỂN ĐỔI SỐ CHO XÃ HOÀNG KIM NĂM 2025',
        ],
      },
      'PL02',
    );
    expect(sheet.kind).toBe('phu-luc-03');
    expect(sheet.layout?.columns['result-commune']).toBe(4);
    expect(sheet.layout?.columns['result-province']).toBe(5);
    expect(found(sheet)).toEqual(
      [
        `unmet-target ${map.a1('2.5', 'province')} 2.5`,
        `appraisal-differs ${map.a1('2.5', 'province')} 2.5`,
      ].sort(),
    );
  });
});

describe('workbooks with several sheets', () => {
  it('PL01 + PL02 + a cover letter, a budget table and a list of names', async () => {
    const wb = newWorkbook();
    addCoverSheet(wb, 'Báo cáo');
    writeAppendix(wb.addWorksheet('Phụ lục 01'), { motto: true, signature: true });
    addBudgetSheet(wb, 'Dự toán 2024');
    writeAppendix(wb.addWorksheet('Phụ lục 02'), {
      columns: PL02_COLUMNS,
      title: TITLE_PL02,
      rows: cleanRows(['commune', 'district']),
      signature: true,
    });
    addNamesSheet(wb, 'Tổ CNS cộng đồng');
    const { report } = await analyze(wb);
    expect(report.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['Báo cáo', 'unknown'],
      ['Phụ lục 01', 'phu-luc-01'],
      ['Dự toán 2024', 'unknown'],
      ['Phụ lục 02', 'phu-luc-02'],
      ['Tổ CNS cộng đồng', 'unknown'],
    ]);
    for (const s of report.sheets) expect(found(s)).toEqual([]);
    expect(sheetNamed(report, 'Phụ lục 02').summary).toEqual(allMet);
  });
});

describe('an official workbook with every feature at once', () => {
  it('reports exactly the four planted problems', async () => {
    const { wb, map } = officialWorkbook();
    const { report } = await analyze(wb);
    expect(report.sheets.map((s) => s.kind)).toEqual(['unknown', 'phu-luc-01', 'unknown']);
    const s = sheetNamed(report, 'Sheet3');
    expect(found(s)).toEqual(
      [
        `unmet-target ${map.a1('1.6', 'commune')} 1.6`,
        `verdict-mismatch ${map.a1('1.6', 'verdict')} 1.6`,
        `ambiguous-unit ${map.a1('2.5', 'target')} 2.5`,
        `ratio-mismatch ${map.a1('3.8', 'commune')} 3.8`,
        `missing-evidence ${map.a1('4.8', 'evidence')} 4.8`,
      ].sort(),
    );
    expect(s.summary).toEqual({ criteria: 37, met: 36, unmet: 1, undetermined: 0 });
    expect(verdictOf(s, '1.10').row).toBe(map.rowOf.get('1.10'));
    expect(verdictOf(s, '3.9').value).toBeCloseTo(3644 / 4993, 10);
  });
});

// =============================================================================================
// Other layouts officials use

describe('other layouts officials use', () => {
  /** Header row 3 (+ sub-header row 4) written by `head`; rows from `rows` with `cols` per key. */
  async function customSheet(
    head: (ws: ExcelJS.Worksheet) => number,
    rows: ReturnType<typeof cleanRows>,
    write: (ws: ExcelJS.Worksheet, r: number, row: ReturnType<typeof cleanRows>[number]) => void,
    title = 'PHỤ LỤC 01',
  ) {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('PL');
    ws.getCell('A1').value = title;
    ws.mergeCells('A1:I1');
    let r = head(ws);
    const rowOf = new Map<string, number>();
    for (const row of rows) {
      rowOf.set(row.code, r);
      write(ws, r++, row);
    }
    const { report } = await analyze(wb);
    return { sheet: report.sheets[0], rowOf };
  }

  it('Đánh giá split into "Đạt" | "Không đạt" mark columns (x)', async () => {
    const rows = patchRows(cleanRows(), {
      '1.6': { commune: '65%' }, // marked Không đạt: right
      '3.6': { commune: '8,2%' }, // marked Đạt: wrong
      '2.1': {}, // marked in both columns
      '2.2': {}, // not marked
      '2.3': { commune: 'Đang cập nhật' }, // fill's mark formulas show nothing: not "missing"
    });
    const { sheet, rowOf } = await customSheet(
      (ws) => {
        ['TT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu', 'Kết quả'].forEach((h, i) => {
          ws.getCell(3, i + 1).value = h;
          ws.mergeCells(3, i + 1, 4, i + 1);
        });
        ws.getCell(3, 6).value = 'Đánh giá';
        ws.mergeCells(3, 6, 3, 7);
        ws.getCell(4, 6).value = 'Đạt';
        ws.getCell(4, 7).value = 'Không đạt';
        ws.getCell(3, 8).value = 'Tài liệu minh chứng';
        ws.mergeCells(3, 8, 4, 8);
        return 5;
      },
      rows,
      (ws, r, row) => {
        const c = row.cells;
        [c.tt, c.name, c.unit, c.target, c.commune].forEach((v, i) => put(ws, r, i + 1, v));
        if (row.group) return;
        put(ws, r, 8, c.evidence);
        if (row.code === '2.2') return;
        if (row.code === '2.3') {
          ws.getCell(r, 6).value = { formula: `IF(E${r}="","",IF(E${r}>=1,"x",""))`, result: '' };
          ws.getCell(r, 7).value = { formula: `IF(E${r}="","",IF(E${r}>=1,"","x"))`, result: '' };
          return;
        }
        if (row.code === '1.6') put(ws, r, 7, 'x');
        else put(ws, r, 6, 'x');
        if (row.code === '2.1') put(ws, r, 7, 'x');
      },
    );
    const at = (code: string, col: string) => `${col}${rowOf.get(code)}`;
    expect(sheet.kind).toBe('phu-luc-01');
    expect(found(sheet)).toEqual(
      [
        `unmet-target ${at('1.6', 'E')} 1.6`,
        `unmet-target ${at('3.6', 'E')} 3.6`,
        `verdict-mismatch ${at('3.6', 'F')} 3.6`,
        `unparseable-value ${at('2.1', 'F')} 2.1`,
        `missing-verdict ${at('2.2', 'F')} 2.2`,
        `unparseable-value ${at('2.3', 'E')} 2.3`,
      ].sort(),
    );
    expect(sheet.layout?.headerRows).toEqual([2, 3]);
  });

  it('"Kết quả thực hiện" merged over "Năm 2022" | "Năm 2023": the 2023 column is read', async () => {
    const { sheet, rowOf } = await customSheet(
      (ws) => {
        ['TT', 'Tên chỉ tiêu', 'ĐVT', 'Chỉ tiêu năm 2023'].forEach((h, i) => {
          ws.getCell(3, i + 1).value = h;
          ws.mergeCells(3, i + 1, 4, i + 1);
        });
        ws.getCell(3, 5).value = 'Kết quả thực hiện';
        ws.mergeCells(3, 5, 3, 6);
        ws.getCell(4, 5).value = 'Năm 2022';
        ws.getCell(4, 6).value = 'Năm 2023';
        ws.getCell(3, 7).value = 'Đánh giá';
        ws.mergeCells(3, 7, 4, 7);
        ws.getCell(3, 8).value = 'Tài liệu minh chứng';
        ws.mergeCells(3, 8, 4, 8);
        return 5;
      },
      patchRows(cleanRows(), { '3.6': { commune: '8%', verdict: 'Không đạt' } }),
      (ws, r, row) => {
        const c = row.cells;
        const before = row.group ? undefined : '5%'; // 2022: below every target
        [c.tt, c.name, c.unit, c.target, before, c.commune, c.verdict, c.evidence].forEach((v, i) =>
          put(ws, r, i + 1, v),
        );
      },
    );
    expect(sheet.layout?.columns['result-commune']).toBe(5);
    expect(sheet.layout?.headerRows).toEqual([2, 3]);
    expect(found(sheet)).toEqual([`unmet-target F${rowOf.get('3.6')} 3.6`]);
  });

  it('PL02 with a verdict column per level: the district’s (rightmost) is checked', async () => {
    const rows = patchRows(cleanRows(['commune', 'district']), {
      '1.6': { district: '65%' },
      '3.6': { district: '8,2%' },
    });
    const heads = [
      'TT',
      'Tên chỉ tiêu',
      'Đơn vị tính',
      'Chỉ tiêu',
      'Kết quả tự đánh giá của UBND cấp xã',
      'Xã tự đánh giá (Đạt/Không đạt)',
      'Kết quả thẩm định của UBND cấp huyện',
      'Huyện đánh giá (Đạt/Không đạt)',
      'Ghi chú',
    ];
    const { sheet, rowOf } = await customSheet(
      (ws) => {
        heads.forEach((h, i) => (ws.getCell(3, i + 1).value = h));
        return 4;
      },
      rows,
      (ws, r, row) => {
        const c = row.cells;
        const own = row.code === '1.6' ? 'Không đạt' : c.verdict; // 3.6 still typed Đạt
        [c.tt, c.name, c.unit, c.target, c.commune, c.verdict, c.district, own].forEach((v, i) =>
          put(ws, r, i + 1, v),
        );
      },
      'PHỤ LỤC 02',
    );
    expect(sheet.kind).toBe('phu-luc-02');
    expect(sheet.layout?.columns.verdict).toBe(7);
    const at = (code: string, col: string) => `${col}${rowOf.get(code)}`;
    expect(found(sheet)).toEqual(
      [
        `unmet-target ${at('1.6', 'G')} 1.6`,
        `appraisal-differs ${at('1.6', 'G')} 1.6`,
        `unmet-target ${at('3.6', 'G')} 3.6`,
        `appraisal-differs ${at('3.6', 'G')} 3.6`,
        `verdict-mismatch ${at('3.6', 'H')} 3.6`,
      ].sort(),
    );
  });

  it('"Kế hoạch năm 2023" / "Kết quả thực hiện năm 2023" / "Minh chứng" headers', async () => {
    const { sheet } = await analyzeOne({
      columns: [
        { key: 'tt', header: 'TT' },
        { key: 'name', header: 'Tên chỉ tiêu' },
        { key: 'unit', header: 'ĐVT' },
        { key: 'target', header: 'Kế hoạch năm 2023' },
        { key: 'commune', header: 'Kết quả thực hiện năm 2023' },
        { key: 'verdict', header: 'Đánh giá' },
        { key: 'evidence', header: 'Minh chứng' },
      ],
    });
    expect(sheet.kind).toBe('phu-luc-01');
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
  });

  it('the Cẩm Bình target-assignment table (seed 000) is not an appendix', async () => {
    const { sheet } = await analyzeOne({
      columns: [
        { key: 'tt', header: 'TT' },
        { key: 'name', header: 'Tên chỉ tiêu' },
        { key: 'unit', header: 'Đơn vị tính' },
        { key: 'target', header: 'Năm 2023' },
        { key: 'owner', header: 'Người phụ trách' },
        { key: 'note', header: 'Ghi chú' },
      ],
      title: ['PHÂN CÔNG NHIỆM VỤ HOÀN THÀNH TIÊU CHÍ CHUYỂN ĐỔI SỐ NĂM 2023'],
    });
    expect(sheet.kind).toBe('unknown');
    expect(sheet.findings).toEqual([]);
  });

  it('group rows as roman numerals in capitals; codes typed "1.1.", "1,2", " 1.3 "', async () => {
    const roman = ['I', 'II', 'III', 'IV'];
    const rows = cleanRows().map((r) => {
      if (r.group)
        return {
          ...r,
          cells: { tt: roman[Number(r.code) - 1], name: String(r.cells.name).toUpperCase() },
        };
      const tt = { '1.1': '1.1.', '1.2': '1,2', '1.3': ' 1.3 ' }[r.code];
      return tt ? { ...r, cells: { ...r.cells, tt } } : r;
    });
    const { sheet } = await analyzeOne({ rows });
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
    expect(sheet.groups?.map((g) => g.code)).toEqual(['1', '2', '3', '4']);
  });

  it('"Không áp dụng" is not a "no": the result is unreadable, not below target', async () => {
    const { sheet, map } = await analyzeOne({
      rows: patchRows(cleanRows(), { '4.8': { commune: 'Không áp dụng', verdict: null } }),
    });
    expect(found(sheet)).toEqual([
      `missing-verdict ${map.a1('4.8', 'verdict')} 4.8`,
      `unparseable-value ${map.a1('4.8', 'commune')} 4.8`,
    ]);
    expect(verdictOf(sheet, '4.8').verdict).toBe('undetermined');
  });
});

describe('appraisal headers as officials word them', () => {
  const appraisal = (
    commune: string,
    own: string,
    ownKey: 'district' | 'province',
    extra?: string,
  ) => {
    const columns: QaColumn[] = [
      { key: 'tt', header: 'TT' },
      { key: 'name', header: 'Tên chỉ tiêu' },
      { key: 'unit', header: 'ĐV tính' },
      { key: 'target', header: 'Chỉ tiêu' },
      { key: 'commune', header: commune },
      { key: ownKey, header: own },
      { key: 'verdict', header: 'Đánh giá (Đạt/Không đạt)' },
    ];
    if (extra) columns.push({ key: 'owner', header: extra });
    const rows = patchRows(cleanRows(['commune', ownKey]), {
      '3.4': { [ownKey]: '60%', verdict: 'Không đạt', owner: 'Đ/c Hùng' },
    });
    return analyzeOne({ columns, rows, title: ['PHỤ LỤC', 'KẾT QUẢ THẨM ĐỊNH, THẨM TRA'] });
  };

  it.each([
    ['Kết quả tự đánh giá của UBND xã', 'Kết quả thẩm định của Sở KH&CN', 'province', 'phu-luc-03'],
    [
      'Kết quả tự đánh giá của UBND xã',
      'Kết quả thẩm định của UBND tỉnh',
      'province',
      'phu-luc-03',
    ],
    ['Xã tự đánh giá', 'Sở KH&CN thẩm tra', 'province', 'phu-luc-03'],
    ['Kết quả xã tự đánh giá', 'UBND huyện thẩm định', 'district', 'phu-luc-02'],
    ['Kết quả tự đánh giá', 'Kết quả thẩm định', 'district', 'phu-luc-02'],
  ] as const)('"%s" + "%s"', async (commune, own, ownKey, kind) => {
    const { sheet, map } = await appraisal(commune, own, ownKey, 'Người thẩm định');
    expect(sheet.kind).toBe(kind);
    expect(found(sheet)).toEqual(
      [
        `unmet-target ${map.a1('3.4', ownKey)} 3.4`,
        `appraisal-differs ${map.a1('3.4', ownKey)} 3.4`,
      ].sort(),
    );
    expect(sheet.layout?.extraColumns.map((e) => e.header)).toEqual(['Người thẩm định']);
  });
});

describe('sub-items listed under a criterion', () => {
  function withSubItems(code: string, markers: string[], cells: (i: number) => QaRow['cells']) {
    const rows = cleanRows();
    const at = rows.findIndex((r) => r.code === code);
    const subs: QaRow[] = markers.map((m, i) => ({
      code: `${code}/${i}`,
      cells: { ...cells(i), ...(m ? { tt: m } : {}) },
    }));
    return [...rows.slice(0, at + 1), ...subs, ...rows.slice(at + 1)];
  }
  const systems = ['Phần mềm một cửa điện tử', 'CSDL hộ tịch', 'CSDL đất đai', 'Hệ thống QLVB'];

  it.each([
    ['a) b) c) d)', ['a)', 'b)', 'c)', 'd)']],
    ['bullets "-"', ['-', '-', '-', '-']],
    ['"+"', ['+', '+', '+', '+']],
    ['third-level numbers 1.8.1 …', ['1.8.1', '1.8.2', '1.8.3', '1.8.4']],
    ['no TT, each with its own verdict', ['', '', '', '']],
  ])('%s: the table goes on, the criterion keeps its own values', async (_l, markers) => {
    const rows = withSubItems('1.8', markers, (i) => ({
      name: systems[i],
      unit: 'Hệ thống',
      commune: 'Có',
      verdict: 'Đạt',
    }));
    const { sheet, map } = await analyzeOne({ rows });
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
    const row18 = sheet.rows!.find((r) => r.code === '1.8')!;
    expect(row18.subItemRows).toHaveLength(4);
    expect(row18.texts['result-commune']).toBe('Sử dụng hiệu quả');
    expect(verdictOf(sheet, '4.8').row).toBe(map.rowOf.get('4.8'));
  });

  it('sub-items with rates under a rate criterion do not change its result', async () => {
    const rows = withSubItems('3.8', ['a)', 'b)'], (i) => ({
      name: ['Trường Tiểu học Hoàng Kim', 'Trường THCS Hoàng Kim'][i],
      unit: '%',
      commune: ['100%', '0%'][i],
    }));
    const { sheet } = await analyzeOne({
      rows: patchRows(rows, { '3.8': { commune: '2/3 = 66,67%' } }),
    });
    expect(found(sheet)).toEqual([]);
    expect(verdictOf(sheet, '3.8').value).toBeCloseTo(2 / 3, 10);
  });
});

describe('lines inside the table that start like the block under it', () => {
  it.each([
    'Chủ tịch UBND tỉnh ban hành Chỉ thị số 15/CT-UBND',
    'Giám đốc Sở TTTT phê duyệt cấp độ 2',
    'Quyết định ngày 10 tháng 3 năm 2023',
    'Nơi nhận hồ sơ: bộ phận một cửa',
  ])('an evidence continuation "%s" does not end the table', async (line) => {
    const rows = cleanRows();
    const at = rows.findIndex((r) => r.code === '1.2');
    rows.splice(at + 1, 0, { code: 'cont', cells: { evidence: line } });
    const { sheet, map } = await analyzeOne({ rows, signature: true });
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
    expect(sheet.layout?.lastRow).toBe(map.lastRow - 1);
    expect(sheet.rows?.find((r) => r.code === '1.2')?.texts.evidence).toBe(
      `Hồ sơ lưu tại UBND xã (kèm theo báo cáo) ${line}`,
    );
  });

  it('a closing sentence and a signature under the table end it; a copy of rows below is not read', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('PL01');
    const map = writeAppendix(ws, { signature: true });
    const below = map.lastRow + 10;
    put(ws, map.lastRow + 1, 2, 'Chủ tịch UBND xã chịu trách nhiệm về tính chính xác của số liệu.');
    put(ws, below, 1, '3.1');
    put(ws, below, 2, 'Tỷ lệ người dân (chép lại)');
    put(ws, below, 5, '10%');
    const { report } = await analyze(wb);
    const s = report.sheets[0];
    expect(s.summary).toEqual(allMet);
    expect(found(s)).toEqual([]);
    expect(s.layout?.lastRow).toBe(map.lastRow - 1);
  });
});

describe('codes and years where officials put them', () => {
  it('code and name typed in one cell ("1.1. Xây dựng…") in the TT column', async () => {
    const rows = cleanRows().map((r) =>
      r.group
        ? r
        : { ...r, cells: { ...r.cells, tt: `${r.code}. ${r.cells.name}`, name: undefined } },
    );
    const { sheet } = await analyzeOne({ rows });
    expect(sheet.criteria.filter((c) => c.row > 0).map((c) => c.code)).toEqual(ALL_CODES);
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
  });

  it('no TT column: the codes are written in front of the names', async () => {
    const { sheet } = await analyzeOne({
      columns: [
        { key: 'name', header: 'Nội dung chỉ tiêu' },
        { key: 'unit', header: 'ĐVT' },
        { key: 'target', header: 'Chỉ tiêu' },
        { key: 'commune', header: 'Kết quả' },
        { key: 'verdict', header: 'Đánh giá' },
        { key: 'evidence', header: 'Minh chứng' },
      ],
      rows: cleanRows().map((r) => ({
        ...r,
        cells: { ...r.cells, name: `${r.code}. ${r.cells.name}` },
      })),
    });
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
    expect(sheet.groups?.map((g) => g.code)).toEqual(['1', '2', '3', '4']);
  });

  it('STT numbered 1, 2, 3… with the codes in front of the names', async () => {
    let n = 0;
    const rows = cleanRows().map((r) =>
      r.group
        ? { ...r, cells: { ...r.cells, tt: ['I', 'II', 'III', 'IV'][Number(r.code) - 1] } }
        : { ...r, cells: { ...r.cells, tt: ++n, name: `${r.code} - ${r.cells.name}` } },
    );
    const { sheet, map } = await analyzeOne({ rows });
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
    expect(verdictOf(sheet, '3.10').row).toBe(map.rowOf.get('3.10'));
  });

  it('results of two years: the latest is assessed, against the target of its year', async () => {
    const { sheet, map } = await analyzeOne({
      columns: [
        { key: 'tt', header: 'TT' },
        { key: 'name', header: 'Tên chỉ tiêu' },
        { key: 'unit', header: 'ĐVT' },
        { key: 'owner', header: 'Chỉ tiêu năm 2025' },
        { key: 'target', header: 'Chỉ tiêu năm 2023' },
        { key: 'note', header: 'Kết quả năm 2022' },
        { key: 'commune', header: 'Kết quả năm 2023' },
        { key: 'verdict', header: 'Đánh giá' },
        { key: 'evidence', header: 'Minh chứng' },
      ],
      rows: patchRows(cleanRows(), {
        '1.6': { note: '40%', owner: '90%', commune: '65%', verdict: 'Không đạt' },
      }),
    });
    expect(sheet.layout?.columns['result-commune']).toBe(6);
    expect(sheet.layout?.columns.target).toBe(4);
    expect(found(sheet)).toEqual([`unmet-target ${map.a1('1.6', 'commune')} 1.6`]);
  });
});

describe('results written as officials write them in the report', () => {
  it('sentences, units on both sides of a ratio, a rate with its noun or verdict, a rate in brackets', async () => {
    const { sheet, map } = await analyzeOne({
      rows: patchRows(cleanRows(), {
        '3.12': { commune: 'Tổng số 1.567 hộ, trong đó 1.101 hộ thanh toán, đạt 70,26%' },
        '3.2': { commune: 'Theo kết quả khảo sát, có 3.420/4551 người đạt 75,15%.' },
        '3.8': {
          commune: 'Có 2/3 trường thực hiện thanh toán không dùng tiền mặt, đạt tỷ lệ 69%.',
        },
        '2.4': { commune: '17 DN/21 DN' },
        '2.6': { commune: 'Có 15/26 doanh nghiệp, đạt 57,69%' },
        '1.4': { commune: '100% CBCC' },
        '3.6': { commune: '10,5% - Đạt' },
        '3.11': { commune: '296/1.000 (29,6%)' },
        '3.5': { commune: '2/2 (90%)' },
        '4.2': { commune: 'Đã đáp ứng phương án đảm bảo ATTT theo cấp độ, đạt 100%' },
        '3.9': { commune: 'Tính đến 30/11/2023 có 3.644/4.993 người, đạt 72,98%' },
      }),
    });
    expect(found(sheet)).toEqual(
      [
        `ratio-mismatch ${map.a1('3.8', 'commune')} 3.8`,
        `ratio-mismatch ${map.a1('3.5', 'commune')} 3.5`,
      ].sort(),
    );
    expect(sheet.summary).toEqual(allMet);
    expect(verdictOf(sheet, '3.2').value).toBeCloseTo(3420 / 4551, 10);
    expect(verdictOf(sheet, '3.9').value).toBeCloseTo(3644 / 4993, 10);
    expect(verdictOf(sheet, '2.4').value).toBeCloseTo(17 / 21, 10);
  });

  it('negated sentences are not rates ("Chưa đạt 50%", "50% chưa đạt")', async () => {
    const { sheet, map } = await analyzeOne({
      rows: patchRows(cleanRows(), {
        '3.8': { commune: 'Chưa đạt 50%', verdict: 'Chưa đạt' },
        '3.9': { commune: '45% chưa đạt', verdict: 'Không đạt' },
      }),
    });
    expect(found(sheet)).toEqual(
      [
        `unmet-target ${map.a1('3.8', 'commune')} 3.8`,
        `unparseable-value ${map.a1('3.9', 'commune')} 3.9`,
      ].sort(),
    );
  });
});

describe('header cells carrying their column number', () => {
  it('"TT\\n(1)", "Tên chỉ tiêu\\n(2)" … are read by their titles', async () => {
    const columns: QaColumn[] = PL01_COLUMNS_NUMBERED();
    const { sheet } = await analyzeOne({ columns });
    expect(sheet.layout?.columns).toMatchObject({
      tt: 0,
      name: 1,
      'result-commune': 4,
      verdict: 5,
    });
    expect(sheet.layout?.extraColumns).toEqual([]);
    expect(sheet.summary).toEqual(allMet);
    expect(found(sheet)).toEqual([]);
  });
});

function PL01_COLUMNS_NUMBERED(): QaColumn[] {
  const titles: [QaColumn['key'], string][] = [
    ['tt', 'TT'],
    ['name', 'Tên chỉ tiêu'],
    ['unit', 'Đơn vị tính'],
    ['target', 'Chỉ tiêu'],
    ['commune', 'Kết quả'],
    ['verdict', 'Đánh giá (Đạt/Không đạt)'],
    ['evidence', 'Tài liệu minh chứng'],
    ['note', 'Ghi chú'],
  ];
  return titles.map(([key, t], i) => ({ key, header: `${t}\n(${i + 1})` }));
}

describe('group rows without TT after a criterion with a verdict', () => {
  it('"III. XÃ HỘI SỐ" in the name column (TT empty, Đạt typed) is a group, not a sub-item', async () => {
    const rows = cleanRows().map((r) =>
      r.group
        ? {
            ...r,
            cells: {
              name: `${['I', 'II', 'III', 'IV'][Number(r.code) - 1]}. ${String(r.cells.name).toUpperCase()}`,
              ...(r.code === '3' ? { verdict: 'Đạt' } : {}),
            },
          }
        : r,
    );
    const { sheet, map } = await analyzeOne({ rows });
    expect(sheet.groups?.map((g) => g.code)).toEqual(['1', '2', '3', '4']);
    expect(found(sheet)).toEqual([`group-row-verdict ${map.a1('3', 'verdict')}`]);
    expect(sheet.summary).toEqual(allMet);
  });
});

describe('lettered group rows', () => {
  it.each([
    ['A', 'B', 'C', 'D'],
    ['A.', 'B.', 'C.', 'D.'],
  ])(
    'groups numbered %s … are groups (their verdicts reported), the criteria all read',
    async (...letters) => {
      const rows = patchRows(
        cleanRows().map((r) =>
          r.group
            ? {
                ...r,
                cells: {
                  tt: letters[Number(r.code) - 1],
                  name: String(r.cells.name).toUpperCase(),
                },
              }
            : r,
        ),
        { '4': { verdict: 'Đạt' } },
      );
      const { sheet, map } = await analyzeOne({ rows });
      expect(sheet.groups?.map((g) => g.code)).toEqual(['1', '2', '3', '4']);
      expect(found(sheet)).toEqual([`group-row-verdict ${map.a1('4', 'verdict')}`]);
      expect(sheet.summary).toEqual(allMet);
    },
  );
});
