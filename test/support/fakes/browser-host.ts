/**
 * Browser entry of the fake Excel host (bundled by the browser test and injected with
 * page.addInitScript before the pane's scripts run): installs `Office` and `Excel` backed
 * by an in-memory workbook, and exposes it as `window.__cdsFake` for assertions.
 */
import { FakeWorkbook, type FakeWorkbookJSON } from './fake-excel';

declare global {
  interface Window {
    __installFakeExcel: (data: FakeWorkbookJSON) => FakeWorkbook;
    __cdsFake?: FakeWorkbook;
    __cdsFakeHost?: ReturnType<FakeWorkbook['install']>;
  }
}

window.__installFakeExcel = (data: FakeWorkbookJSON) => {
  const wb = FakeWorkbook.fromJSON(data);
  // the test server is plain http on localhost; DialogApi 1.1: the dialog reads its URL
  window.__cdsFakeHost = wb.install(window as unknown as Record<string, unknown>, {
    origin: window.location.origin,
    dialogApi: '1.1',
  });
  window.__cdsFake = wb;
  return wb;
};
