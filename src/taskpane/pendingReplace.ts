// A write that waits for the replace dialog's answer: "Ersätt" writes it, "Avbryt" drops it.
// The invoice run and the export ask the same question about their own sheets.
import type { BusyAction, Notice, PaneState } from './paneState.js';
import type { PaneStore } from './paneStore.js';
import type { PhaseProgress } from './progressPhases.js';

export class PendingReplace<T> {
  private value: T | undefined;

  constructor(private readonly store: PaneStore) {}

  /** Holds `value` and shows `patch`, which carries the dialog's question (`confirm`). */
  ask(value: T, patch: Partial<PaneState>, remove: (keyof PaneState)[] = []): void {
    this.value = value;
    this.store.set(patch, remove);
  }

  /** "Ersätt": the held write goes ahead as `action`. */
  async confirm(action: BusyAction, write: (value: T, progress: PhaseProgress) => Promise<void>): Promise<void> {
    const value = this.value;
    this.value = undefined;
    this.store.set({}, ['confirm']);
    if (value === undefined) return;
    await this.store.act(action, (progress) => write(value, progress));
  }

  /** "Avbryt": nothing is written; `notice` names the sheets left as they were. */
  cancel(notice: (existing: readonly string[]) => Notice): void {
    const existing = this.store.getState().confirm?.existing ?? [];
    this.value = undefined;
    this.store.set({ notice: notice(existing) }, ['confirm']);
  }
}
