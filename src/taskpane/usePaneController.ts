// Binds a PaneController to React: one controller per injected workbook port.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { WorkbookPort } from '../workbook/index.js';
import { PaneController, type PaneState } from './paneController.js';

export function usePaneController(workbook: WorkbookPort, today?: Date): [PaneController, PaneState] {
  // `today` only sets the default month, so a new Date each render must not make a new controller.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const controller = useMemo(() => new PaneController(workbook, today), [workbook]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useEffect(() => {
    void controller.start(); // a second call (StrictMode) is ignored while the first runs
  }, [controller]);
  return [controller, state];
}
