// "Skapa Taxa-blad": the built-in tariff as a sheet to edit, which billing then uses.
import type { WorkbookPort } from '../workbook/index.js';
import type { OverviewFlow } from './overviewFlow.js';
import { NOTICE } from './paneMessages.js';
import type { PaneStore } from './paneStore.js';

export class TaxaFlow {
  constructor(
    private readonly store: PaneStore,
    private readonly workbook: WorkbookPort,
    private readonly overview: OverviewFlow,
  ) {}

  async createTaxaSheet(): Promise<void> {
    await this.store.act('taxa', async () => {
      await this.workbook.createTaxaSheet();
      await this.overview.reload();
      this.store.set({ notice: NOTICE.taxaCreated }, ['run', 'review']);
    });
  }
}
