// Task pane entry: render once Office is ready, with the real workbook adapter injected.
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createExcelActions } from '../excel/index.js';
import { App } from './App.js';

Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('Elementet #root saknas i taskpane.html.');
  const actions = createExcelActions();
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} />
    </FluentProvider>,
  );
});
