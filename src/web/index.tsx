/** The standalone page dist/cds-check.html: the pane's components on files, no Office. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { WebApp } from './components/WebApp';

const el = document.getElementById('container');
if (el)
  createRoot(el).render(
    <FluentProvider theme={webLightTheme} lang="vi">
      <WebApp />
    </FluentProvider>,
  );
