/** Task pane entry: render the pane once Office is ready. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';

function mount(): void {
  const el = document.getElementById('container');
  if (!el) return;
  createRoot(el).render(
    <FluentProvider theme={webLightTheme} lang="vi">
      <App />
    </FluentProvider>,
  );
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  Office.onReady(() => mount());
} else {
  // opened outside Excel: the pane still renders and Kiểm tra explains what is missing
  mount();
}
