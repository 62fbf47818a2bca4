/** Task pane entry: render the pane once Office is ready. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';

function mount(outsideExcel: boolean): void {
  const el = document.getElementById('container');
  if (!el) return;
  createRoot(el).render(
    <FluentProvider theme={webLightTheme} lang="vi">
      <App outsideExcel={outsideExcel} />
    </FluentProvider>,
  );
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  // in a plain browser tab Office.js is ready with no host: say so, point to cds-check.html
  void Office.onReady((info) => mount(!info?.host));
} else {
  // Office.js did not load at all (offline, blocked): certainly outside Excel
  mount(true);
}
