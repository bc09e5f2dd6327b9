// Binds a PaneController to React: one controller per injected actions object.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { OfficeActions } from './officeActions.js';
import { PaneController, type PaneState } from './paneController.js';

export function usePaneController(actions: OfficeActions, today?: Date): [PaneController, PaneState] {
  // `today` only sets the default month, so a new Date each render must not make a new controller.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const controller = useMemo(() => new PaneController(actions, today), [actions]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useEffect(() => {
    void controller.start(); // a second call (StrictMode) is ignored while the first runs
  }, [controller]);
  return [controller, state];
}
