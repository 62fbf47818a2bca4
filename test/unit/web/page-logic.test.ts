/** The standalone page's pure parts: opening files, the grid preview, the charts' data, the host. */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import {
  analyzeWorkbook,
  defaultCatalog,
  type SheetGrid,
  type WorkbookSnapshot,
  type CriterionResult,
  type SheetReport,
} from '../../../src/core';
import { groupBars, rankEntries } from '../../../src/web/charts';
import { defaultRollupLevel, pageRollup, rollupDownload } from '../../../src/web/rollup';
import { fileHost } from '../../../src/web/file-host';
import { buildPreview, displayText } from '../../../src/web/preview';
import { openWorkbookFile, type FileEntry, type OpenedFile } from '../../../src/web/workspace';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'samples', 'hoang-kim-phu-luc-01.xlsx');
const catalog = defaultCatalog();
const sampleBytes = () => new Uint8Array(fs.readFileSync(SAMPLE));

async function sample(): Promise<OpenedFile> {
  const f = await openWorkbookFile('xa-hoang-kim.xlsx', sampleBytes(), catalog);
  if (f.status !== 'ok') throw new Error(f.error);
  return f;
}

describe('opening files', () => {
  it('analyses an appendix as validate does', async () => {
    const f = await sample();
    expect(f.report).toEqual(analyzeWorkbook(f.snapshot, catalog));
  });

  it.each([
    ['rỗng.xlsx', new Uint8Array(0), /rỗng/],
    ['cắt-cụt.xlsx', sampleBytes().subarray(0, 2000), /cắt cụt|bị hỏng/],
    [
      'văn-bản.xlsx',
      new TextEncoder().encode('TT;Tên chỉ tiêu\n1.1;Kế hoạch'),
      /không phải là bảng tính/,
    ],
  ])('%s: a Vietnamese sentence naming the file, never a throw', async (name, bytes, why) => {
    const f = await openWorkbookFile(name, bytes, catalog);
    expect(f.status).toBe('error');
    if (f.status !== 'error') return;
    expect(f.error).toContain(`"${name}"`);
    expect(f.error).toMatch(why);
  });
});

describe('grid preview of a finding', () => {
  it('shows the header row and the finding’s row across the table, the cell highlighted', async () => {
    const f = await sample();
    const sheet = f.report.sheets.find((s) => s.kind === 'phu-luc-01')!;
    const finding = sheet.findings.find((x) => x.cell === 'E18') ?? sheet.findings[0];
    const grid = f.snapshot.sheets.find((g) => g.name === sheet.name)!;
    const p = buildPreview(grid, sheet, finding.cell);
    const row = Number(/\d+/.exec(finding.cell)![0]);
    expect(p.rows.map((r) => r.number)).toEqual([
      sheet.layout!.headerRow + 1,
      row - 1,
      row,
      row + 1,
    ]);
    expect(p.rows[0].header).toBe(true);
    expect(p.rows[0].cells.map((c) => c.text)).toContain('Tên chỉ tiêu');
    const hits = p.rows.flatMap((r) => r.cells).filter((c) => c.highlighted);
    expect(hits.map((c) => c.address)).toEqual([finding.cell]);
    expect(p.columns[0]).toBe('A');
  });

  it('a cell outside any table: the columns around it, no header row', () => {
    const grid: SheetGrid = {
      name: 'Ghi chép',
      merges: [{ top: 4, left: 9, bottom: 4, right: 11 }],
      cells: [{ row: 4, col: 9, kind: 'number', value: 0.8295, numberFormat: '0.00%' }],
    };
    const p = buildPreview(grid, undefined, 'L5', 0);
    expect(p.rows).toHaveLength(1);
    expect(p.columns).toEqual(['I', 'J', 'K', 'L', 'M', 'N', 'O']);
    // the merged cell reads as its top-left value across the merge
    expect(p.rows[0].cells.find((c) => c.address === 'L5')).toMatchObject({
      text: '82,95%',
      highlighted: true,
    });
  });

  it('displays values as a spreadsheet would', () => {
    expect(displayText({ row: 0, col: 0, kind: 'number', value: 3644 })).toBe('3.644');
    expect(displayText({ row: 0, col: 0, kind: 'number', value: 0.7, numberFormat: '0%' })).toBe(
      '70%',
    );
    expect(displayText({ row: 0, col: 0, kind: 'boolean', value: false })).toBe('FALSE');
    expect(displayText(undefined)).toBe('');
  });
});

function appendix(verdicts: Record<string, CriterionResult['verdict']>): SheetReport {
  const criteria = Object.entries(verdicts).map(([code, verdict], i) => ({
    code,
    row: i + 8,
    verdict,
    value: null,
    target: null,
  }));
  const count = (v: string) => criteria.filter((c) => c.verdict === v).length;
  return {
    name: 'PHỤ LỤC 01',
    kind: 'phu-luc-01',
    criteria,
    summary: {
      criteria: criteria.length,
      met: count('met'),
      unmet: count('unmet'),
      undetermined: count('undetermined'),
    },
    findings: [],
    ratios: [],
  };
}

function fileOf(id: string, name: string, sheet: SheetReport): OpenedFile {
  const snapshot: WorkbookSnapshot = { sheets: [{ name: sheet.name, cells: [], merges: [] }] };
  return { status: 'ok', id, name, bytes: new Uint8Array(), snapshot, report: { sheets: [sheet] } };
}

describe('chart data', () => {
  it('counts each verdict in the catalog group of its criterion', () => {
    const bars = groupBars(
      appendix({ '1.1': 'met', '1.2': 'unmet', '2.1': 'undetermined', '9.9': 'met' }),
      catalog,
    );
    expect(bars.map((b) => [b.code, b.met, b.unmet, b.undetermined])).toEqual([
      ['1', 1, 1, 0],
      ['2', 0, 0, 1],
    ]);
  });

  it('the sample: the bars add up to the summary', async () => {
    const f = await sample();
    const sheet = f.report.sheets.find((s) => s.kind === 'phu-luc-01')!;
    const bars = groupBars(sheet, catalog);
    expect(bars.reduce((n, b) => n + b.met, 0)).toBe(sheet.summary.met);
    expect(bars.reduce((n, b) => n + b.met + b.unmet + b.undetermined, 0)).toBe(
      sheet.summary.criteria,
    );
  });
});

/** The sample as another commune: its title renamed, the results of `blank` criteria erased. */
async function variant(commune: string, blank: string[]): Promise<OpenedFile> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sampleBytes() as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.startsWith('XÃ HOÀNG KIM'))
        cell.value = cell.value.replace('HOÀNG KIM', commune.toUpperCase());
    });
    if (blank.includes(String(row.getCell(1).value ?? '').trim())) row.getCell(5).value = null;
  });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const f = await openWorkbookFile(`xa-${blank.length}.xlsx`, bytes, catalog);
  if (f.status !== 'ok') throw new Error(f.error);
  return f;
}

describe('the roll-up of the open files', () => {
  it('ranks the communes by rate (names from the title rows) and writes the Tổng hợp workbook', async () => {
    const files: FileEntry[] = [
      await variant('Hoằng Đạo', ['1.1', '1.2', '2.1']),
      await sample(),
      await variant('Hoằng Trường', ['1.3', '2.2', '3.1', '3.2']),
      { status: 'error', id: 'x', name: 'hong.xlsx', error: 'Tệp "hong.xlsx" bị cắt cụt.' },
    ];
    expect(defaultRollupLevel(files)).toBe('xa');
    const model = pageRollup(files, catalog, 'xa');
    const ranked = rankEntries(model);
    expect(ranked.map((e) => e.label)).toEqual(['Hoàng Kim', 'Hoằng Đạo', 'Hoằng Trường']);
    expect(ranked.map((e) => e.rank)).toEqual([1, 2, 3]);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].rate).toBeLessThan(ranked[i - 1].rate);
    const sampleSummary = (await sample()).report.sheets[0].summary;
    expect(ranked[0]).toMatchObject({ met: sampleSummary.met, criteria: sampleSummary.criteria });
    expect(model.files.find((f) => f.file === 'hong.xlsx')?.status).toBe('unreadable');

    const d = await rollupDownload(model);
    expect(d.fileName).toBe('tong-hop-3-xa.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(d.bytes! as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('Tổng hợp')!;
    const texts: string[] = [];
    summary.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(['Hoàng Kim', 'Hoằng Đạo', 'Hoằng Trường']));
  });

  it('rolls up the level most files have: appraisals (PHỤ LỤC 02) roll up as huyen', () => {
    const pl02 = (id: string): OpenedFile =>
      fileOf(id, `${id}.xlsx`, { ...appendix({ '1.1': 'met' }), kind: 'phu-luc-02' });
    expect(
      defaultRollupLevel([pl02('a'), pl02('b'), fileOf('c', 'c.xlsx', appendix({ '1.1': 'met' }))]),
    ).toBe('huyen');
  });
});

describe('the pane host on a file', () => {
  it('Kiểm tra returns the file’s report; a click selects for the preview; nothing to clear', async () => {
    const f = await sample();
    const selected: string[] = [];
    const host = fileHost(f, catalog, {
      onSelect: (s, c) => selected.push(`${s}!${c}`),
      onDownload: () => undefined,
    });
    const r = await host.check();
    expect(r.report).toBe(f.report);
    expect(r.marks).toBeNull();
    await host.select('PHỤ LỤC 01', 'E18');
    expect(selected).toEqual(['PHỤ LỤC 01!E18']);
    expect((await host.clearMarks()).restored).toBe(0);
  });

  it('Chèn PHỤ LỤC 01 trống hands over the blank template', async () => {
    const f = await sample();
    const names: string[] = [];
    const host = fileHost(f, catalog, {
      onSelect: () => undefined,
      onDownload: (d) => d.fileName && names.push(d.fileName),
    });
    const r = await host.insertBlankAppendix();
    expect(names).toEqual(['phu-luc-01-trong.xlsx']);
    expect(r.applied).toBe(1);
  });
});

describe('a file holding several communes, one per sheet', () => {
  it('Tổng hợp các xã hands over the file with the roll-up sheets added', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sampleBytes() as unknown as ArrayBuffer);
    const first = wb.worksheets[0];
    const second = wb.addWorksheet('Xã Hoằng Đạo');
    first.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value;
        second.getCell(r, c).value =
          typeof v === 'string' ? v.replace('HOÀNG KIM', 'HOẰNG ĐẠO') : (v as ExcelJS.CellValue);
      }),
    );
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const f = await openWorkbookFile('ca-huyen.xlsx', bytes, catalog);
    if (f.status !== 'ok') throw new Error(f.error);
    const names: string[] = [];
    let saved: Uint8Array | undefined;
    const host = fileHost(f, catalog, {
      onSelect: () => undefined,
      onDownload: (d) => {
        if (d.fileName) names.push(d.fileName);
        saved = d.bytes;
      },
    });
    const messages = await host.rollupCommunes();
    expect(names).toEqual(['ca-huyen-tong-hop.xlsx']);
    expect(messages.at(-1)).toContain('ca-huyen-tong-hop.xlsx');
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(saved! as unknown as ArrayBuffer);
    expect(out.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([first.name, 'Xã Hoằng Đạo', 'Tổng hợp']),
    );
  });
});
