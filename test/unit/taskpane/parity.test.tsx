/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://localhost:3000/commands.html", "customExportConditions": ["node", "node-addons"]}
 *
 * One workbook, three faces, the same findings: `cds-check validate --json` (ExcelJS reader),
 * the ribbon's **Kiểm tra** (Office.js adapter: notes written on the cells) and the task pane
 * (findings listed). The fake Excel host is loaded from the .xlsx by its own reader
 * (test/support/fakes/fake-from-xlsx.ts), independent of the CLI's.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { main } from '../../../src/cli/main';
import type { Finding } from '../../../src/core/model/findings';
import { NOTE_TITLE } from '../../../src/excel/marks';
import { App } from '../../../src/taskpane/App';
import type { FakeOfficeHost, FakeWorkbook } from '../../support/fakes/fake-excel';
import { fakeFromXlsxFile } from '../../support/fakes/fake-from-xlsx';
import { pl01Workbook, pl02Workbook, writeXlsx } from '../../support/fixtures/xlsx-builders';

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string;
  criterion?: string | null;
  message: string;
}

const SAMPLE = path.join(__dirname, '..', '..', '..', 'samples', 'hoang-kim-phu-luc-01.xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-parity-'));

async function cliFindings(
  file: string,
): Promise<{ sheet: string; kind: string; findings: JsonFinding[] }[]> {
  let out = '';
  const status = await main(['validate', '--json', file], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    stderrIsTTY: false,
  });
  expect(status === 0 || status === 1).toBe(true);
  const json = JSON.parse(out) as {
    files: { sheets: { name: string; kind: string; findings: JsonFinding[] }[] }[];
  };
  return json.files[0].sheets.map((s) => ({ sheet: s.name, kind: s.kind, findings: s.findings }));
}

/** The JSON report writes a finding without criterion as `criterion: null`. */
const normalise = ({ rule, severity, cell, criterion, message }: JsonFinding | Finding) => ({
  rule,
  severity,
  cell,
  criterion: criterion ?? null,
  message,
});

const key = (sheet: string, f: { severity: string; cell: string; message: string }) =>
  `${sheet}!${f.cell} ${f.severity} ${f.message}`;

const WORKBOOKS: [string, () => Promise<string>][] = [
  ['the bundled sample (Hoàng Kim PHỤ LỤC 01 as typed)', async () => SAMPLE],
  [
    'a PHỤ LỤC 01 with numeric percent cells and IF() verdicts, after a cover sheet',
    () =>
      writeXlsx(
        pl01Workbook({ numericPercent: true, ifVerdicts: true, sheetsBefore: ['Báo cáo'] }),
        path.join(tmp, 'pl01-variant.xlsx'),
      ),
  ],
  [
    'a district appraisal PHỤ LỤC 02 with a changed result',
    () => writeXlsx(pl02Workbook({ own: { '3.6': '8,2%' } }), path.join(tmp, 'pl02.xlsx')),
  ],
];

afterEach(() => cleanup());
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.each(WORKBOOKS)('%s', (_label, makeFile) => {
  let file: string;
  let cli: Awaited<ReturnType<typeof cliFindings>>;
  beforeAll(async () => {
    file = await makeFile();
    cli = await cliFindings(file);
  });

  async function host(): Promise<{ fake: FakeWorkbook; office: FakeOfficeHost }> {
    const fake = await fakeFromXlsxFile(file);
    const office = fake.install();
    return { fake, office };
  }

  it('the ribbon’s Kiểm tra finds exactly what cds-check validate finds, and notes each cell', async () => {
    const { fake, office } = await host();
    await jest.isolateModulesAsync(async () => {
      await import('../../../src/commands/commands');
    });
    expect(office.associated.get('checkWorkbook')).toBeDefined();
    const ended = office.invokeCommand('checkWorkbook');
    for (let i = 0; i < 400 && !office.openDialog; i++) await new Promise((r) => setTimeout(r, 5));
    expect(office.dialogs).toHaveLength(1);
    office.messageParent('ready'); // the dialog page asks for its result (DialogApi 1.2)
    office.userClosesDialog();
    expect(await ended).toBe('completed');
    const all = cli.flatMap((s) => s.findings.map((f) => ({ sheet: s.sheet, ...f })));
    expect(all.length).toBeGreaterThan(0);
    // every CLI finding is written in the note of its cell…
    for (const f of all) {
      const note = fake.noteAt(f.sheet, f.cell);
      expect(note?.startsWith(NOTE_TITLE)).toBe(true);
      expect(note).toContain(f.message);
    }
    // …and nothing else got a note
    const noted = fake.sheets.flatMap((s) => [...s.notes.keys()].map((k) => `${s.name}@${k}`));
    expect(noted).toHaveLength(new Set(all.map((f) => `${f.sheet}@${f.cell}`)).size);
    // the dialog sums up the same sheets
    const payload = office.dialogs[0].childMessages[0];
    for (const s of cli.filter((x) => x.kind !== 'unknown')) expect(payload).toContain(s.sheet);
  });

  it('the ribbon’s report equals the CLI’s, finding for finding, in the same order', async () => {
    await host();
    let runRibbonCheck!: typeof import('../../../src/commands/commands').runRibbonCheck;
    await jest.isolateModulesAsync(async () => {
      ({ runRibbonCheck } = await import('../../../src/commands/commands'));
    });
    const out = await runRibbonCheck();
    expect(out.ok).toBe(true);
    const ribbon = out.result!.report.sheets.map((s) => ({
      sheet: s.name,
      kind: s.kind,
      findings: s.findings.map(normalise),
    }));
    expect(ribbon).toEqual(cli.map((s) => ({ ...s, findings: s.findings.map(normalise) })));
  });

  it('the pane lists exactly the CLI’s findings', async () => {
    await host();
    render(
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    });
    await waitFor(() => expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0));
    const pane = screen
      .getAllByTestId('finding')
      .map((b) => {
        const sheet = b.getAttribute('data-sheet')!;
        const [, sev] = /^(Lỗi|Cảnh báo|Thông tin) ô /.exec(b.getAttribute('aria-label')!)!;
        const severity = { Lỗi: 'error', 'Cảnh báo': 'warning', 'Thông tin': 'info' }[sev]!;
        const message = b.getAttribute('aria-label')!.replace(/^.*? ô [A-Z]+\d+: /, '');
        return key(sheet, { severity, cell: b.getAttribute('data-cell')!, message });
      })
      .sort();
    const expected = cli.flatMap((s) => s.findings.map((f) => key(s.sheet, f))).sort();
    expect(pane).toEqual(expected);
  });
});
