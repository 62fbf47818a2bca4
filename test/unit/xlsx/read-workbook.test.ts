import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell, SheetGrid } from '../../../src/core/model/grid';
import { isCliError, type CliError } from '../../../src/cli/errors';
import { readWorkbookFile } from '../../../src/cli/read-file';
import type { WorkbookError } from '../../../src/xlsx/errors';
import { snapshotFromExcelJS, classifyWorkbookBytes } from '../../../src/xlsx/read-workbook';
import {
  hoangKimWorkbook,
  ole2File,
  pl01Workbook,
  randomBytesFile,
  truncatedXlsx,
  writeXlsx,
  xlsxBuffer,
} from '../../support/fixtures/xlsx-builders';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-read-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function at(sheet: SheetGrid, a1: string): Cell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return sheet.cells.find((c) => c.row === Number(m[2]) - 1 && c.col === col);
}

/** A workbook holding one of every kind of cell a spreadsheet stores. */
function kindsWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kinds');
  ws.getCell('A1').value = {
    richText: [{ text: 'Tỷ lệ ', font: { bold: true } }, { text: '82,9%' }],
  };
  ws.getCell('A2').value = {
    text: 'Trang TTĐT',
    hyperlink: 'http://hoangkim.hoanghoa.thanhhoa.gov.vn',
  };
  ws.getCell('A3').value = {
    text: { richText: [{ text: 'Quyết định ' }, { text: 'số 12', font: { italic: true } }] },
    hyperlink: 'https://example.vn/qd12.pdf',
  } as unknown as ExcelJS.CellHyperlinkValue;
  ws.getCell('B1').value = 3;
  ws.getCell('B2').value = 4;
  ws.getCell('B3').value = 0;
  ws.getCell('C1').value = {
    formula: 'B1*2',
    result: 6,
    shareType: 'shared',
    ref: 'C1:C2',
  } as ExcelJS.CellFormulaValue;
  ws.getCell('C2').value = { sharedFormula: 'C1', result: 8 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('D1').value = {
    formula: 'B1/B3',
    result: { error: '#DIV/0!' },
  } as ExcelJS.CellFormulaValue;
  ws.getCell('D2').value = {
    formula: 'IF(B1>2,"Đạt","Không đạt")',
    result: 'Đạt',
  } as ExcelJS.CellFormulaValue;
  ws.getCell('D3').value = { formula: 'B1>2', result: true } as ExcelJS.CellFormulaValue;
  ws.getCell('D4').value = { formula: 'B1*B2' } as ExcelJS.CellFormulaValue;
  ws.getCell('E1').value = new Date(Date.UTC(2023, 11, 5));
  ws.getCell('E1').numFmt = 'dd/mm/yyyy';
  ws.getCell('E2').value = 0.829;
  ws.getCell('E2').numFmt = '0.0%';
  ws.getCell('E3').value = true;
  ws.getCell('E4').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('E5').value = new Date(Date.UTC(2023, 11, 5, 8, 30));
  ws.getCell('E5').numFmt = 'dd/mm/yyyy hh:mm';
  ws.getCell('F1').value = 'PHỤ LỤC 01';
  ws.mergeCells('F1:H2');
  ws.getCell('F4').value = 'có ghi chú';
  ws.getCell('F4').note = 'Kết quả lấy từ Mẫu 1.4';
  ws.getCell('F5').value = 'tô màu';
  ws.getCell('F5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  ws.getCell('F6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
  ws.getCell('F7').value = '';
  return wb;
}

async function reread(wb: ExcelJS.Workbook, name: string): Promise<SheetGrid> {
  const file = await writeXlsx(wb, path.join(tmp, name));
  const { snapshot } = await readWorkbookFile(file);
  expect(snapshot.name).toBe(name);
  return snapshot.sheets[0];
}

describe('snapshot of every cell kind (ExcelJS-written file)', () => {
  let s: SheetGrid;
  beforeAll(async () => {
    s = await reread(kindsWorkbook(), 'kinds.xlsx');
  });

  it('joins rich-text runs', () => {
    expect(at(s, 'A1')).toEqual({ row: 0, col: 0, kind: 'string', value: 'Tỷ lệ 82,9%' });
  });
  it('reads hyperlinks as text + target, including rich-text link text', () => {
    expect(at(s, 'A2')).toMatchObject({
      kind: 'string',
      value: 'Trang TTĐT',
      hyperlink: 'http://hoangkim.hoanghoa.thanhhoa.gov.vn',
    });
    expect(at(s, 'A3')).toMatchObject({
      kind: 'string',
      value: 'Quyết định số 12',
      hyperlink: 'https://example.vn/qd12.pdf',
    });
  });
  it('resolves shared formulas and keeps cached results', () => {
    expect(at(s, 'C1')).toMatchObject({ kind: 'number', value: 6, formula: 'B1*2' });
    expect(at(s, 'C2')).toMatchObject({ kind: 'number', value: 8, formula: 'B2*2' });
  });
  it('reads a formula error result as an error cell', () => {
    expect(at(s, 'D1')).toMatchObject({ kind: 'error', value: '#DIV/0!', formula: 'B1/B3' });
    expect(at(s, 'E4')).toMatchObject({ kind: 'error', value: '#N/A' });
    expect(at(s, 'E4')?.formula).toBeUndefined();
  });
  it('reads text and boolean formula results, and formulas without a cached value', () => {
    expect(at(s, 'D2')).toMatchObject({
      kind: 'string',
      value: 'Đạt',
      formula: 'IF(B1>2,"Đạt","Không đạt")',
    });
    expect(at(s, 'D3')).toMatchObject({ kind: 'boolean', value: true, formula: 'B1>2' });
    expect(at(s, 'D4')).toMatchObject({ kind: 'empty', value: null, formula: 'B1*B2' });
  });
  it('reads dates as ISO strings', () => {
    expect(at(s, 'E1')).toMatchObject({
      kind: 'date',
      value: '2023-12-05',
      numberFormat: 'dd/mm/yyyy',
    });
    expect(at(s, 'E5')).toMatchObject({ kind: 'date', value: '2023-12-05T08:30:00.000Z' });
  });
  it('keeps numbers with their format and booleans', () => {
    expect(at(s, 'E2')).toEqual({
      row: 1,
      col: 4,
      kind: 'number',
      value: 0.829,
      numberFormat: '0.0%',
    });
    expect(at(s, 'E3')).toMatchObject({ kind: 'boolean', value: true });
    expect(at(s, 'B1')?.numberFormat).toBeUndefined();
  });
  it('lists merged areas once, without the covered cells', () => {
    expect(s.merges).toEqual([{ top: 0, left: 5, bottom: 1, right: 7 }]);
    expect(at(s, 'F1')).toMatchObject({ value: 'PHỤ LỤC 01' });
    expect(at(s, 'G1')).toBeUndefined();
    expect(at(s, 'H2')).toBeUndefined();
  });
  it('reads notes and fills, even on an empty cell; skips empty strings', () => {
    expect(at(s, 'F4')).toMatchObject({ value: 'có ghi chú', note: 'Kết quả lấy từ Mẫu 1.4' });
    expect(at(s, 'F5')).toMatchObject({ value: 'tô màu', fill: 'FFC7CE' });
    expect(at(s, 'F6')).toEqual({ row: 5, col: 5, kind: 'empty', value: null, fill: 'FFEB9C' });
    expect(at(s, 'F7')).toBeUndefined();
  });
});

describe('sheets', () => {
  it('reads every sheet in tab order with its index and protection flag', async () => {
    const wb = pl01Workbook({
      sheetsBefore: ['Tờ trình'],
      sheetName: 'KQ tự đánh giá',
      protect: true,
    });
    const file = await writeXlsx(wb, path.join(tmp, 'two.xlsx'));
    const { snapshot, workbook } = await readWorkbookFile(file);
    expect(snapshot.sheets.map((x) => [x.name, x.index, !!x.protected])).toEqual([
      ['Tờ trình', 0, false],
      ['KQ tự đánh giá', 1, true],
    ]);
    expect(workbook.worksheets).toHaveLength(2);
  });

  it('keeps the seed table as typed: texts, hyperlinks, title merges', async () => {
    const s = await reread(hoangKimWorkbook(), 'hk.xlsx');
    expect(at(s, 'A13')).toMatchObject({ kind: 'string', value: '1.6' });
    expect(at(s, 'E13')).toMatchObject({ kind: 'string', value: '82,9%' });
    const codes = s.cells.filter((c) => c.col === 0).map((c) => String(c.value));
    expect(codes.filter((c) => c === 'TT')).toHaveLength(3); // header repeated twice (PDF paste)
    expect(s.cells.find((c) => c.value === '69%.')).toBeDefined();
    expect(s.cells.find((c) => c.value === '14 điểm')).toBeDefined();
    const links = s.cells.filter((c) => c.hyperlink);
    expect(links.length).toBeGreaterThanOrEqual(4);
    expect(links.every((c) => c.col === 6 && c.value === c.hyperlink)).toBe(true);
    expect(s.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 7 });
  });

  it('costs only the real content when one stray cell sits at row 1,000,000', async () => {
    const wb = pl01Workbook({ strayRow: 1_000_000 });
    const plain = await reread(pl01Workbook(), 'plain.xlsx');
    const stray = await reread(wb, 'stray.xlsx');
    expect(stray.cells.length).toBe(plain.cells.length + 1);
    expect(stray.cells.find((c) => c.row === 999_999)).toEqual({
      row: 999_999,
      col: 10,
      kind: 'string',
      value: 'x',
    });
  });

  it('the committed sample is what the builder makes (npm run samples keeps them in sync)', async () => {
    const committed = await readWorkbookFile(
      path.join(__dirname, '..', '..', '..', 'samples', 'hoang-kim-phu-luc-01.xlsx'),
    );
    const rebuilt = await reread(hoangKimWorkbook(), 'hoang-kim-phu-luc-01.xlsx');
    expect(committed.snapshot.sheets).toHaveLength(1);
    expect(committed.snapshot.sheets[0]).toEqual(rebuilt);
  });

  it('snapshotFromExcelJS works on an in-memory workbook (no file)', () => {
    const snap = snapshotFromExcelJS(kindsWorkbook(), 'bộ nhớ');
    expect(snap.name).toBe('bộ nhớ');
    expect(snap.sheets[0].cells.find((c) => c.row === 1 && c.col === 2)).toMatchObject({
      formula: 'B2*2',
      value: 8,
    });
  });
});

describe('files written by other tools', () => {
  /** A minimal .xlsx as other producers write it: inline strings, str/e/b results, shared formula. */
  async function foreignXlsx(): Promise<Buffer> {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    );
    zip.file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    zip.file(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Biểu 01" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '</Relationships>',
    );
    zip.file(
      'xl/sharedStrings.xml',
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">' +
        '<si><t>Kết quả</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">3.420/4.551 </t></r><r><t>= 57,15%</t></r></si></sst>',
    );
    zip.file(
      'xl/styles.xml',
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
        '<fonts count="1"><font><sz val="11"/><name val="Times New Roman"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>' +
        '</styleSheet>',
    );
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Đạt</t></is></c><c r="C1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*10</f><v>20</v></c><c r="C2" s="1"><v>45265</v></c></row>' +
        '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>30</v></c><c r="C3" s="2"><v>0.829</v></c></row>' +
        '<row r="4"><c r="A4" t="str"><f>IF(A2&gt;1,"Đạt","Không đạt")</f><v>Đạt</v></c><c r="B4" t="e"><f>A2/0</f><v>#DIV/0!</v></c><c r="C4" t="b"><v>1</v></c></row>' +
        '</sheetData><sheetProtection sheet="1"/><mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells></worksheet>',
    );
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('reads inline strings, rich shared strings, shared formulas, str/e/b results, dates, protection', async () => {
    const file = path.join(tmp, 'foreign.xlsx');
    fs.writeFileSync(file, await foreignXlsx());
    const { snapshot } = await readWorkbookFile(file);
    const s = snapshot.sheets[0];
    expect(s.name).toBe('Biểu 01');
    expect(s.protected).toBe(true);
    expect(s.merges).toEqual([{ top: 0, left: 3, bottom: 0, right: 4 }]);
    expect(at(s, 'B1')).toMatchObject({ kind: 'string', value: 'Đạt' });
    expect(at(s, 'C1')).toMatchObject({ kind: 'string', value: '3.420/4.551 = 57,15%' });
    expect(at(s, 'B3')).toMatchObject({ kind: 'number', value: 30, formula: 'A3*10' });
    expect(at(s, 'C2')).toMatchObject({ kind: 'date', value: '2023-12-05' });
    expect(at(s, 'C3')).toMatchObject({ kind: 'number', value: 0.829, numberFormat: '0.0%' });
    expect(at(s, 'A4')).toMatchObject({
      kind: 'string',
      value: 'Đạt',
      formula: 'IF(A2>1,"Đạt","Không đạt")',
    });
    expect(at(s, 'B4')).toMatchObject({ kind: 'error', value: '#DIV/0!' });
    expect(at(s, 'C4')).toMatchObject({ kind: 'boolean', value: true });
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  (soffice ? it : it.skip)(
    'reads a LibreOffice-saved copy the same as the ExcelJS original; refuses a real .xls',
    async () => {
      const dir = path.join(tmp, 'lo');
      const src = await writeXlsx(kindsWorkbook(), path.join(dir, 'kinds.xlsx'));
      const hk = await writeXlsx(hoangKimWorkbook(), path.join(dir, 'hk.xlsx'));
      const out = path.join(dir, 'out');
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          out,
          src,
          hk,
        ],
        { stdio: 'ignore', timeout: 120000 },
      );
      const norm = (cells: Cell[]) =>
        [...cells]
          .map((c) => {
            const x = { ...c };
            if (x.hyperlink) x.hyperlink = x.hyperlink.replace(/\/$/, '');
            // LibreOffice writes a constant boolean as =TRUE() and a constant error as =#N/A
            if (x.kind === 'boolean' && /^(TRUE|FALSE)\(\)$/.test(x.formula ?? ''))
              delete x.formula;
            if (x.kind === 'error' && x.formula === x.value) delete x.formula;
            return x;
          })
          // D4 has no cached result in the original; LibreOffice computes one
          .filter((c) => !(c.row === 3 && c.col === 3))
          .sort((a, b) => a.row - b.row || a.col - b.col);
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'xls',
          '--outdir',
          out,
          src,
        ],
        { stdio: 'ignore', timeout: 120000 },
      );
      // a real .xls is read (read-only, through SheetJS) like the original
      const xls = await readWorkbookFile(path.join(out, 'kinds.xls'));
      expect(xls.readAs).toBe('xls');
      expect(xls.snapshot.sheets.map((g) => g.name)).toEqual(['Kinds']);
      for (const f of ['kinds.xlsx', 'hk.xlsx']) {
        const a = (await readWorkbookFile(path.join(dir, f))).snapshot.sheets[0];
        const b = (await readWorkbookFile(path.join(out, f))).snapshot.sheets[0];
        expect(b.name).toBe(a.name);
        expect(norm(b.cells.filter((c) => c.kind !== 'empty' || c.formula))).toEqual(
          norm(a.cells.filter((c) => c.kind !== 'empty' || c.formula)),
        );
        expect(b.merges).toEqual(a.merges);
      }
    },
    180000,
  );
});

describe('files that are not readable workbooks', () => {
  async function failure(bytes: Buffer | null, name: string): Promise<CliError | WorkbookError> {
    const file = path.join(tmp, name);
    if (bytes) fs.writeFileSync(file, bytes);
    try {
      await readWorkbookFile(file);
    } catch (e) {
      expect(isCliError(e)).toBe(true);
      const err = e as CliError | WorkbookError;
      expect(err.message).not.toContain('\n');
      expect(err.message).toMatch(/[\u00c0-\u1ef9]/); // Vietnamese letters
      return err;
    }
    throw new Error('expected a CliError');
  }

  it('missing file → not-found', async () => {
    expect((await failure(null, 'khong-co.xlsx')).code).toBe('not-found');
  });
  it('random bytes → not-a-workbook', async () => {
    expect((await failure(randomBytesFile(), 'rac.xlsx')).code).toBe('not-a-workbook');
  });
  it('a text file → not-a-workbook', async () => {
    expect(
      (await failure(Buffer.from('TT\tTên chỉ tiêu\n1.1\tXây dựng\n'), 'ghi-chu.txt')).code,
    ).toBe('not-a-workbook');
  });
  it('an empty file → not-a-workbook', async () => {
    expect((await failure(Buffer.alloc(0), 'rong.xlsx')).code).toBe('not-a-workbook');
  });
  it('a truncated .xlsx → truncated', async () => {
    expect((await failure(await truncatedXlsx(), 'cut.xlsx')).code).toBe('truncated');
  });
  it('a zip that is not a workbook (e.g. a .docx) → not-a-workbook', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    expect(
      (await failure(await zip.generateAsync({ type: 'nodebuffer' }), 'to-trinh.xlsx')).code,
    ).toBe('not-a-workbook');
  });
  it('a password-protected workbook → encrypted', async () => {
    expect((await failure(ole2File(true), 'mat-khau.xlsx')).code).toBe('encrypted');
  });
  it('an OLE2 file that is no .xls workbook → not-a-workbook, "bị hỏng"', async () => {
    const e = await failure(ole2File(false), 'cu.xls');
    expect(e.code).toBe('not-a-workbook');
    expect(e.message).toContain('bị hỏng');
  });
  it('a directory → unreadable', async () => {
    fs.mkdirSync(path.join(tmp, 'thu-muc.xlsx'), { recursive: true });
    expect((await failure(null, 'thu-muc.xlsx')).code).toBe('unreadable');
  });
  it('a corrupt zip member → not-a-workbook (no crash)', async () => {
    const good = await xlsxBuffer(hoangKimWorkbook());
    const bad = Buffer.from(good);
    // damage the compressed data in the middle, keep the zip directory intact
    for (let i = 200; i < 1200; i++) bad[i] = 0x41;
    expect(['not-a-workbook', 'truncated']).toContain((await failure(bad, 'hong.xlsx')).code);
  });
  it('classifyWorkbookBytes accepts a real workbook', async () => {
    expect(classifyWorkbookBytes(await xlsxBuffer(hoangKimWorkbook()), 'a.xlsx')).toBeNull();
  });
});

describe('very hidden sheets', () => {
  it('are bookkeeping (the add-in mark store) and are not part of the snapshot', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Phụ lục 01').getCell('A1').value = 'PHỤ LỤC 01';
    const store = wb.addWorksheet('_cds_marks');
    store.getCell('A1').value = '{"cell":"E12"}';
    store.state = 'veryHidden';
    const hidden = wb.addWorksheet('Ẩn');
    hidden.getCell('A1').value = 'x';
    hidden.state = 'hidden';
    const { snapshotFromExcelJS } = await import('../../../src/xlsx/read-workbook');
    const names = snapshotFromExcelJS(wb, 'x.xlsx').sheets.map((s) => s.name);
    expect(names).toEqual(['Phụ lục 01', 'Ẩn']);
  });
});

describe('falsy cached formula results', () => {
  it('keeps a cached 0, FALSE and "" that ExcelJS drops from cell.value', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const os = await import('os');
    const fsp = await import('fs');
    const pth = await import('path');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tổng hợp');
    ws.getCell('A1').value = { formula: 'COUNTIF(B1:B3,"Đạt")', result: 0 };
    ws.getCell('A2').value = { formula: '1>2', result: false };
    ws.getCell('A3').value = { formula: 'IF(B3="","",B3)', result: '' };
    ws.getCell('A4').value = { formula: '2/3', result: 0.6667 };
    const file = pth.join(fsp.mkdtempSync(pth.join(os.tmpdir(), 'cds-falsy-')), 'f.xlsx');
    await wb.xlsx.writeFile(file);
    const { readWorkbookFile } = await import('../../../src/cli/read-file');
    const { snapshot } = await readWorkbookFile(file);
    const at = (row: number) => snapshot.sheets[0].cells.find((c) => c.row === row && c.col === 0);
    expect(at(0)).toMatchObject({ kind: 'number', value: 0, formula: 'COUNTIF(B1:B3,"Đạt")' });
    expect(at(1)).toMatchObject({ kind: 'boolean', value: false });
    expect(at(2)?.formula).toBe('IF(B3="","",B3)');
    expect(at(2)?.value === '' || at(2)?.value === null).toBe(true);
    expect(at(3)).toMatchObject({ kind: 'number', value: 0.6667 });
  });
});
