// Granska: bill the month again, its corrections too (with the same record: every other invoice
// sheet), and compare with its invoice sheet; only fill colours change.
import { invoiceSheet, invoiceSheetName, reviewInvoice } from '../engine/index.js';
import type { CellDifference, WorkbookPort } from '../workbook/index.js';
import type { Billing } from './billing.js';
import { NOTICE, PROGRESS_TEXT } from './paneMessages.js';
import type { PaneStore } from './paneStore.js';

export class ReviewFlow {
  constructor(
    private readonly store: PaneStore,
    private readonly workbook: WorkbookPort,
    private readonly billing: Billing,
  ) {}

  async review(): Promise<void> {
    await this.store.act('review', async (progress) => {
      const month = this.store.getState().month;
      const sheet = invoiceSheetName(month);
      progress.enter('readInvoice', PROGRESS_TEXT.readingSheet(sheet));
      const actual = await this.workbook.readSheetValues(sheet);
      if (!actual) {
        this.store.set({ notice: NOTICE.noInvoiceToReview(sheet, month) }, ['review']);
        return;
      }
      const result = await this.billing.bill(progress);
      const differences = reviewInvoice(invoiceSheet(result.billing, result.corrections), actual);
      // Also with no differences: that clears the marks of an earlier Granska.
      progress.enter('mark', differences.length > 0 ? PROGRESS_TEXT.marking : PROGRESS_TEXT.unmarking);
      await this.workbook.highlightCells(
        sheet,
        differences.map((d) => d.address),
      );
      this.store.set({ review: { sheet, month, differences }, notice: NOTICE.reviewed(sheet, differences.length) });
    });
  }

  async selectDifference(d: CellDifference): Promise<void> {
    const sheet = this.store.getState().review?.sheet;
    if (sheet) await this.store.quietly(() => this.workbook.selectCell(sheet, d.address));
  }
}
