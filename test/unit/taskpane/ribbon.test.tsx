/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The ribbon command (commands.html): registered under the manifest's FunctionName, always
 * completes the event, reports success and failure in its dialog page.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderResultPage, summarize, type RibbonOutcome } from '../../../src/commands/commands';
import { firstSheet, hoangKimFake } from '../../support/fakes/workbooks';

/** Import the commands module afresh (its top level associates the ribbon function). */
async function loadCommands(): Promise<typeof import('../../../src/commands/commands')> {
  let mod!: typeof import('../../../src/commands/commands');
  await jest.isolateModulesAsync(async () => {
    mod = await import('../../../src/commands/commands');
  });
  return mod;
}

describe('ribbon Kiểm tra', () => {
  it('is associated under the FunctionName the manifest declares', async () => {
    const manifest = fs.readFileSync(
      path.join(__dirname, '..', '..', '..', 'manifest.xml'),
      'utf8',
    );
    const fn = /<FunctionName>([^<]+)<\/FunctionName>/.exec(manifest)![1];
    const office = hoangKimFake().install();
    await loadCommands();
    expect([...office.associated.keys()]).toEqual([fn]);
  });

  it('without Office.actions (older hosts) the function is a global of the function page', async () => {
    const office = hoangKimFake().install();
    delete (office.office as { actions?: unknown }).actions;
    const g = globalThis as Record<string, unknown>;
    delete g.checkWorkbook;
    await loadCommands();
    expect(typeof g.checkWorkbook).toBe('function');
    expect(office.associated.size).toBe(0);
  });

  it('marks the sheet and opens a dialog with the summary; the event is completed', async () => {
    const fake = hoangKimFake();
    const office = fake.install();
    await loadCommands();
    const completed = jest.fn();
    await office.associated.get('checkWorkbook')!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.noteAt(firstSheet(fake), 'E18')).toContain('1.11');
    const url = office.dialogs[0].url;
    expect(url).toMatch(/#ket-qua=/);
    const data = JSON.parse(decodeURIComponent(url.split('#ket-qua=')[1])) as RibbonOutcome;
    expect(data.ok).toBe(true);
    expect(data.lines[0]).toMatch(
      /^PHỤ LỤC 01 \(Phụ lục 01 – tự đánh giá cấp xã\): Đạt 36\/37 tiêu chí \(97,3%\); 2 lỗi, \d+ cảnh báo\.$/,
    );
  });

  it('reports an Excel error in the dialog and still completes the event', async () => {
    const fake = hoangKimFake({ apiVersion: '1.8' });
    const office = fake.install();
    await loadCommands();
    const completed = jest.fn();
    await office.associated.get('checkWorkbook')!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    const data = JSON.parse(
      decodeURIComponent(office.dialogs[0].url.split('#ket-qua=')[1]),
    ) as RibbonOutcome;
    expect(data.ok).toBe(false);
    expect(data.title).toBe('Không kiểm tra được');
    expect(data.lines[0]).toMatch(/ExcelApi 1\.9/);
  });

  it.each(['InvalidOperationInCellEditMode', 'InvalidOperation'] as const)(
    'clicked while a cell is being edited (%s): waits for Enter or Esc, then checks',
    async (code) => {
      const fake = hoangKimFake();
      const office = fake.install();
      fake.cellEditMode = true;
      fake.cellEditError = code;
      await loadCommands();
      const completed = jest.fn();
      const running = office.associated.get('checkWorkbook')!({ completed });
      await new Promise((r) => setTimeout(r, 20));
      expect(completed).not.toHaveBeenCalled();
      expect(office.dialogs).toHaveLength(0);
      fake.leaveCellEdit();
      await running;
      expect(completed).toHaveBeenCalledTimes(1);
      expect(fake.noteAt(firstSheet(fake), 'E18')).toContain('1.11');
      const data = JSON.parse(
        decodeURIComponent(office.dialogs[0].url.split('#ket-qua=')[1]),
      ) as RibbonOutcome;
      expect(data.ok).toBe(true);
    },
  );

  it('the dialog page renders the outcome from its URL', () => {
    document.body.innerHTML = '<div id="result"></div>';
    const payload = encodeURIComponent(
      JSON.stringify({ ok: false, title: 'Không kiểm tra được', lines: ['a', 'b <c>'] }),
    );
    expect(renderResultPage(document, `#ket-qua=${payload}`)).toBe(true);
    expect(document.querySelector('h1')!.textContent).toBe('Không kiểm tra được');
    expect(document.querySelector('h1')!.className).toBe('error');
    expect(Array.from(document.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      'a',
      'b <c>',
    ]);
    expect(renderResultPage(document, '')).toBe(false);
    expect(renderResultPage(document, '#ket-qua=%7Bhỏng')).toBe(false);
  });

  it('summarize says when no appendix or form was found', () => {
    const lines = summarize({
      report: { sheets: [] },
      snapshot: { sheets: [] },
      marks: null,
      messages: ['ghi chú'],
    });
    expect(lines[0]).toMatch(/Không tìm thấy PHỤ LỤC/);
    expect(lines).toContain('ghi chú');
  });
});
