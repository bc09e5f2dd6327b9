// Billing the chosen month from the workbook as it is now, with the corrections of the months
// already billed (§9): shared by the runs and Granska.
import { billMonthWithCorrections, readInvoiceRecord, RunError, type CorrectionsRun } from '../engine/index.js';
import type { WorkbookPort } from '../workbook/index.js';
import type { OverviewFlow } from './overviewFlow.js';
import { columnsMoved, PROGRESS_TEXT } from './paneMessages.js';
import type { PaneStore } from './paneStore.js';
import type { PhaseProgress } from './progressPhases.js';
import type { SettingsFlow } from './settingsFlow.js';
import { yieldToBrowser } from './yieldToBrowser.js';

export class Billing {
  constructor(
    private readonly store: PaneStore,
    private readonly workbook: WorkbookPort,
    private readonly settings: SettingsFlow,
    private readonly overview: OverviewFlow,
  ) {}

  /**
   * Reads the register, side sheets and the record (phase readRegister) and bills the month
   * (phase bill). The record is every invoice sheet but the month's own, which is being replaced
   * (or, for Granska, compared); it is not read when the pane turns corrections off.
   */
  async bill(progress: PhaseProgress): Promise<CorrectionsRun> {
    const blocker = this.settings.blocker();
    if (blocker) throw new RunError(blocker);
    const { registerSheet, month } = this.store.getState();
    const sheet = registerSheet!;
    const mapping = this.settings.mapping();
    const overrides = this.settings.overrides().overrides;
    progress.enter('readRegister', PROGRESS_TEXT.readingSheet(sheet));
    const read = await this.workbook.readWorkbook(
      sheet,
      progress.within('readRegister'),
      overrides.correctionMonths === 0 ? {} : { record: { except: month } },
    );
    // Hand-picked columns are indexes: if the sheet's columns moved since, they would bill the wrong data.
    const header = (read.register.values[0] ?? []).map((v) => (v === null || v === undefined ? '' : String(v)));
    const known = this.settings.headers();
    for (const i of Object.values(mapping)) {
      if ((header[i] ?? '') !== (known[i] ?? '')) {
        await this.overview.reload();
        throw new RunError(columnsMoved(sheet));
      }
    }
    progress.enter('bill', PROGRESS_TEXT.billing(month));
    await yieldToBrowser();
    const record = (read.record ?? []).map((s) => readInvoiceRecord(s));
    return billMonthWithCorrections(read, { month, mapping, settings: overrides }, record);
  }
}
