// The shared runtime's start: the workbook adapter, the custom functions following the
// workbook, and the task pane rendered once Office is ready.
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createExcelWorkbook } from '../excel/index.js';
import { followWorkbook, paneTellingFollower } from '../functions/followWorkbook.js';
import * as functionTariff from '../functions/tariffSource.js';
import { App } from './App.js';
import { PaneErrorBoundary } from './PaneErrorBoundary.js';

Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('Elementet #root saknas i taskpane.html.');
  const workbook = createExcelWorkbook();
  // The VT.* functions share this page: they compute with the workbook's Taxa sheet and stored
  // overrides, follow edits of the sheet, and hear from the pane when it stores new overrides.
  const functions = followWorkbook(workbook, functionTariff);
  void functions.start();
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <PaneErrorBoundary>
        <App workbook={paneTellingFollower(workbook, functions)} />
      </PaneErrorBoundary>
    </FluentProvider>,
  );
});
