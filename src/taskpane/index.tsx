// Task pane entry: render once Office is ready, with the real workbook adapter injected.
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createExcelActions, syncFunctionsWithWorkbook } from '../excel/index.js';
import { App } from './App.js';
import { PaneErrorBoundary } from './PaneErrorBoundary.js';

Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('Elementet #root saknas i taskpane.html.');
  const actions = createExcelActions();
  // The VT.* functions share this page: give them the workbook's tariff and settings.
  syncFunctionsWithWorkbook(Excel).catch((e: unknown) => console.warn('VT-funktionerna använder den inbyggda taxan:', e));
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <PaneErrorBoundary>
        <App actions={actions} />
      </PaneErrorBoundary>
    </FluentProvider>,
  );
});
