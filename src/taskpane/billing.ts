// Billing the chosen month from the workbook as it is now: shared by the runs and Granska.
import { billWorkbook, RunError, type BillingResult } from '../engine/index.js';
import type { WorkbookPort } from '../workbook/index.js';
import type { OverviewFlow } from './overviewFlow.js';
import { columnsMoved, PROGRESS_TEXT } from './paneMessages.js';
import type { PaneStore } from './paneStore.js';
import type { PhaseProgress } from './progressPhases.js';
import type { SettingsFlow } from './settingsFlow.js';

/** Lets the browser paint the progress state before a long synchronous step (the engine run). */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    // setTimeout alone can run before the next paint; a frame first guarantees one.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

export class Billing {
  constructor(
    private readonly store: PaneStore,
    private readonly workbook: WorkbookPort,
    private readonly settings: SettingsFlow,
    private readonly overview: OverviewFlow,
  ) {}

  /** Reads the register and side sheets (phase readRegister) and bills the month (phase bill). */
  async bill(progress: PhaseProgress): Promise<BillingResult> {
    const blocker = this.settings.blocker();
    if (blocker) throw new RunError(blocker);
    const { registerSheet, month } = this.store.getState();
    const sheet = registerSheet!;
    const mapping = this.settings.mapping();
    progress.enter('readRegister', PROGRESS_TEXT.readingSheet(sheet));
    const input = await this.workbook.readWorkbook(sheet, progress.within('readRegister'));
    // Hand-picked columns are indexes: if the sheet's columns moved since, they would bill the wrong data.
    const header = (input.register.values[0] ?? []).map((v) => (v === null || v === undefined ? '' : String(v)));
    const known = this.settings.headers();
    for (const i of Object.values(mapping)) {
      if ((header[i] ?? '') !== (known[i] ?? '')) {
        await this.overview.reload();
        throw new RunError(columnsMoved(sheet));
      }
    }
    progress.enter('bill', PROGRESS_TEXT.billing(month));
    await yieldToBrowser();
    return billWorkbook(input, { month, mapping, settings: this.settings.overrides().overrides });
  }
}
