/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane's **Soạn báo cáo (Word)** and **Chuẩn bị in**: the .docx the pane saves is the
 * report of the open workbook (read back from its XML), a host that cannot download says
 * where else to get it, and Chuẩn bị in sets the appendix's page layout and row heights on
 * the fake Excel host, then Hoàn tác puts them back.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import JSZip from 'jszip';
import { TextDecoder, TextEncoder } from 'util';
import { App } from '../../../src/taskpane/App';
import {
  draftReportAction,
  officeReportHost,
  preparePrintAction,
  reportFileName,
  REPORT_UI,
  type ReportHost,
} from '../../../src/taskpane/components/report-actions';
import { hoangKimFake, firstSheet } from '../../support/fakes/workbooks';

// jsdom has no TextEncoder; browsers (and the pane's WebView) do
Object.assign(globalThis, { TextEncoder, TextDecoder });

afterEach(() => cleanup());

function savingHost(saved: { bytes?: Uint8Array; name?: string }, canDownload = true): ReportHost {
  return {
    ...officeReportHost,
    canDownload: () => canDownload,
    save: async (bytes, name) => {
      saved.bytes = bytes;
      saved.name = name;
    },
  };
}

async function documentText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

describe('Soạn báo cáo (Word)', () => {
  it('saves the report of the open workbook as bao-cao-hoang-kim.docx', async () => {
    hoangKimFake().install();
    const saved: { bytes?: Uint8Array; name?: string } = {};
    const r = await draftReportAction(savingHost(saved));
    expect(saved.name).toBe('bao-cao-hoang-kim.docx');
    expect(r.messages[0]).toMatch(/Mẫu số 01.*36\/37.*97,3%.*KHÔNG ĐẠT/);
    const text = await documentText(saved.bytes!);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('đã hoàn thành 36/37 tiêu chí chuyển đổi số năm 2023, tỷ lệ đạt 97,3%');
    expect(text).toContain('XÃ HOÀNG KIM');
  });

  it('where the pane cannot download, says so and offers the standalone page or the command', async () => {
    hoangKimFake().install();
    const saved: { bytes?: Uint8Array } = {};
    const r = await draftReportAction(savingHost(saved, false));
    expect(saved.bytes).toBeUndefined();
    expect(r.messages).toEqual([REPORT_UI.cannotDownload]);
    expect(r.messages[0]).toMatch(/trang cds-check độc lập/);
    expect(r.messages[0]).toMatch(/cds-check report/);
  });

  it('names the file after the commune, or plainly when none is known', () => {
    expect(reportFileName('Hoằng Đạo')).toBe('bao-cao-hoang-dao.docx');
    expect(reportFileName(null)).toBe('bao-cao.docx');
  });
});

describe('Chuẩn bị in', () => {
  it('sets A4 landscape, one page wide, the header row repeated and row heights; undo puts them back', async () => {
    const fake = hoangKimFake();
    fake.install();
    const sheet = fake.mustSheet(firstSheet(fake));
    const r = await preparePrintAction(officeReportHost);
    expect(r.messages[0]).toMatch(/^Chuẩn bị in "PHỤ LỤC 01": khổ A4 ngang/);
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$6:$6',
      centerFooter: 'Trang &P/&N',
    });
    // the long criterion names get taller rows; fonts of the user's sheet are not touched
    expect(Math.max(...sheet.rowHeights!.values())).toBeGreaterThan(30);
    expect([...sheet.cells.values()].some((c) => c.fontName)).toBe(false);
    await r.undo!();
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Portrait', zoom: { scale: 100 } });
    expect(new Set(sheet.rowHeights!.values())).toEqual(new Set([15]));
  });

  it('leaves a page setup the user made alone', async () => {
    const fake = hoangKimFake();
    fake.install();
    const sheet = fake.mustSheet(firstSheet(fake));
    const { defaultPageLayout } = await import('../../support/fakes/fake-excel');
    sheet.pageLayout = { ...defaultPageLayout(), orientation: 'Portrait', zoom: { scale: 70 } };
    await preparePrintAction(officeReportHost);
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Portrait', zoom: { scale: 70 } });
    expect(sheet.rowHeights?.size).toBeGreaterThan(0);
  });

  it('in the pane: the button applies it and Hoàn tác chuẩn bị in appears', async () => {
    const fake = hoangKimFake();
    fake.install();
    render(
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: REPORT_UI.print }));
    });
    await waitFor(() => screen.getByRole('button', { name: REPORT_UI.undo }));
    expect(screen.getByText(/khổ A4 ngang/)).toBeTruthy();
    expect(fake.mustSheet(firstSheet(fake)).pageLayout?.orientation).toBe('Landscape');
  });
});
