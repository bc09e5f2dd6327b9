// Start and "Läs in bladen igen": the workbook's sheets, and the register sheet and choices
// stored with it.
import type { StoredSettings, WorkbookPort } from '../workbook/index.js';
import { NOTICE } from './paneMessages.js';
import type { PaneStore } from './paneStore.js';
import { initialRegisterSheet } from './registerColumns.js';
import type { SettingsFlow } from './settingsFlow.js';

export class OverviewFlow {
  constructor(
    private readonly store: PaneStore,
    private readonly workbook: WorkbookPort,
    private readonly settings: SettingsFlow,
  ) {}

  async start(): Promise<void> {
    await this.store.act('start', async () => {
      const [overview, stored] = await Promise.all([
        this.workbook.overview(),
        this.workbook.loadSettings().catch((): StoredSettings => ({})),
      ]);
      const registerSheet = initialRegisterSheet(overview, stored.registerSheet);
      this.store.set({ overview, ...this.settings.restored(stored, registerSheet) });
      if (!registerSheet) this.store.set({ notice: NOTICE.chooseRegister });
    });
  }

  /** Reads the sheet list again (the user may have added or renamed sheets). */
  async refresh(): Promise<void> {
    if (!this.store.getState().overview) return this.start(); // the first read failed: start over, with settings
    await this.store.act('refresh', () => this.reload());
  }

  /** The sheet list again, keeping the register sheet if it is still there. */
  async reload(): Promise<void> {
    const overview = await this.workbook.overview();
    const current = this.store.getState().registerSheet;
    if (current && overview.sheets.some((s) => s.name === current)) {
      this.store.set({ overview });
    } else {
      this.store.set({ overview, manualMapping: {}, registerSheet: initialRegisterSheet(overview) }, ['run', 'review']);
    }
  }
}
