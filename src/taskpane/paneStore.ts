// The pane's state container (for React's useSyncExternalStore), one action at a time, and
// failures turned into notices. The flows change the state only through here.
import { noticeFor } from './paneMessages.js';
import { EXPORT_ACTIONS, type BusyAction, type Notice, type PaneState } from './paneState.js';
import { PhaseProgress, PROGRESS_PLANS } from './progressPhases.js';

export class PaneStore {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();

  constructor(initial: PaneState) {
    this.state = initial;
  }

  readonly getState = (): PaneState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies `patch` (an undefined value removes the key) and removes `remove`. */
  set(patch: Partial<PaneState>, remove: (keyof PaneState)[] = []): void {
    const next: Record<string, unknown> = { ...this.state, ...patch };
    for (const key of remove) delete next[key];
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
    this.state = next as unknown as PaneState;
    for (const l of this.listeners) l();
  }

  /** Runs one action while no other runs; a failure becomes a notice (RunError: the engine's Swedish message). */
  async act(action: BusyAction, body: (progress: PhaseProgress) => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: action }, ['notice', 'progress']);
    const progress = new PhaseProgress(PROGRESS_PLANS[action] ?? {}, (fraction, text) =>
      this.set({ progress: { fraction: Math.max(0, Math.min(1, fraction)), text } }),
    );
    try {
      await body(progress);
    } catch (e) {
      this.set({ notice: noticeFor(e, EXPORT_ACTIONS.has(action) ? 'export' : undefined) });
    } finally {
      this.set({}, ['busy', 'progress']);
    }
  }

  /** A small step beside the actions (selecting a cell): a failure becomes a notice. */
  async quietly(body: () => Promise<void>, area?: Notice['area']): Promise<void> {
    try {
      await body();
    } catch (e) {
      this.set({ notice: noticeFor(e, area) });
    }
  }
}
