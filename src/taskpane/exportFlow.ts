// "Exportera fakturaunderlag" (§10): a billed month's invoice sheet, as it stands, to the file the
// invoicing system imports. Kontrollera shows the key figures or every refusal, writing nothing;
// Skapa underlaget builds the file again (the sheet may have changed), writes its text to the
// sheet "Export ÅÅÅÅ-MM" (asking before it replaces one) and offers it to download and copy.
import {
  dayFromYmd,
  EXPORT_SHEET,
  exportInvoiceSheet,
  exportSheetName,
  invoiceSheetName,
  invoiceSheetNames,
  type ExportResult,
  type Problem,
  type YearMonth,
} from '../engine/index.js';
import type { WorkbookPort } from '../workbook/index.js';
import { exportFile, exportSummaryView, sameExport } from './exportSummary.js';
import { sameMonth } from './months.js';
import type { OverviewFlow } from './overviewFlow.js';
import type { PaneHost } from './paneHost.js';
import { NOTICE, PROGRESS_TEXT } from './paneMessages.js';
import type { ExportView } from './paneState.js';
import type { PaneStore } from './paneStore.js';
import { PendingReplace } from './pendingReplace.js';
import { problemTarget } from './problemText.js';
import type { PhaseProgress } from './progressPhases.js';
import { yieldToBrowser } from './yieldToBrowser.js';

type Built = { readonly month: YearMonth; readonly sheet: string; readonly result: ExportResult };
type Made = Built & { readonly result: Extract<ExportResult, { ok: true }> };

export class ExportFlow {
  /** The check the user saw: making the file must give the same figures. */
  private checked: Made | undefined;
  /** A file waiting for the replace dialog's answer. */
  private readonly pending: PendingReplace<Made>;

  constructor(
    private readonly store: PaneStore,
    private readonly workbook: WorkbookPort,
    private readonly overview: OverviewFlow,
    private readonly host: PaneHost,
  ) {
    this.pending = new PendingReplace(store);
  }

  /** The billed months the workbook has invoice sheets for, newest first. */
  months(): YearMonth[] {
    const names = this.store.getState().overview?.sheets.map((s) => s.name) ?? [];
    const months: YearMonth[] = [];
    for (const s of invoiceSheetNames(names)) if (!months.some((m) => sameMonth(m, s.month))) months.push(s.month);
    return months.reverse();
  }

  /** The chosen month; else the billing month when it has an invoice sheet; else the newest. */
  month(): YearMonth | undefined {
    const months = this.months();
    const { exportMonth, month } = this.store.getState();
    const chosen = exportMonth ?? month;
    return months.find((m) => sameMonth(m, chosen)) ?? months[0];
  }

  setMonth(month: YearMonth): void {
    const current = this.month();
    if (current && sameMonth(current, month)) return;
    this.checked = undefined;
    this.store.set({ exportMonth: month }, ['exportView']);
  }

  async check(): Promise<void> {
    await this.store.act('exportCheck', async (progress) => {
      this.checked = undefined;
      const built = await this.build(progress);
      if (!built) return;
      if (!built.result.ok) return this.refused(built, built.result.refusals);
      this.checked = built as Made;
      this.store.set({ exportView: this.view(built as Made, 'checked'), notice: NOTICE.exportChecked(built.sheet) });
    });
  }

  async make(): Promise<void> {
    await this.store.act('exportMake', async (progress) => {
      const checked = this.checked;
      const built = await this.build(progress);
      if (!built) return;
      if (!built.result.ok) return this.refused(built, built.result.refusals);
      const made = built as Made;
      this.checked = made;
      if (!checked || !sameMonth(checked.month, made.month) || !sameExport(checked.result.summary, made.result.summary)) {
        // What the user saw is not what the file would be: show the new figures first.
        this.store.set({ exportView: this.view(made, 'checked'), notice: NOTICE.exportChanged(made.sheet) });
        return;
      }
      const existing = await this.workbook.existingSheets([exportSheetName(made.month)]);
      if (existing.length > 0) {
        this.pending.ask(made, { confirm: { existing, month: made.month, purpose: 'export' } });
        return;
      }
      await this.write(made, progress);
    });
  }

  /** The user answered "Ersätt": the older Export sheet of the month goes. */
  async confirmReplace(): Promise<void> {
    await this.pending.confirm('exportWrite', (made, progress) => this.write(made, progress));
  }

  cancelReplace(): void {
    this.pending.cancel(NOTICE.exportNotReplaced);
  }

  /** The download link was activated; whether the host lets the file through cannot be known. */
  downloadStarted(): void {
    const file = this.store.getState().exportView?.file;
    if (file) this.store.set({ notice: NOTICE.exportDownloading(file.name, file.sheet) });
  }

  async copy(): Promise<void> {
    const file = this.store.getState().exportView?.file;
    if (!file) return;
    try {
      await this.host.copyText(file.text);
      this.store.set({ notice: NOTICE.exportCopied(file.encoding) });
    } catch {
      this.store.set({ notice: NOTICE.exportNotCopied(file.sheet) });
    }
  }

  async selectRefusal(refusal: Problem): Promise<void> {
    const target = problemTarget(refusal);
    if (target) await this.store.quietly(() => this.workbook.selectCell(target.sheet, target.address), 'export');
  }

  /** "Skapa Export-blad": the template to fill in. */
  async createExportSheet(): Promise<void> {
    await this.store.act('exportSheet', async () => {
      await this.workbook.createExportSheet();
      this.checked = undefined;
      await this.overview.reload();
      this.store.set({ notice: NOTICE.exportSheetCreated }, ['exportView']);
    });
  }

  /** Reads the month's invoice sheet and the Export sheet, and builds the file (or its refusals). */
  private async build(progress: PhaseProgress): Promise<Built | undefined> {
    const month = this.month();
    if (!month) return undefined;
    const wanted = invoiceSheetName(month);
    progress.enter('readInvoice', PROGRESS_TEXT.readingSheet(wanted));
    const [invoice, settings] = await this.workbook.readSheets([wanted, EXPORT_SHEET], progress.within('readInvoice'));
    if (!invoice) {
      this.store.set({ notice: NOTICE.noInvoiceToExport(wanted) }, ['exportView']);
      await this.overview.reload();
      return undefined;
    }
    progress.enter('buildExport', PROGRESS_TEXT.buildingExport(invoice.name));
    await yieldToBrowser();
    const now = this.host.now();
    const today = dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
    return { month, sheet: invoice.name, result: exportInvoiceSheet(invoice, settings, { today, month }) };
  }

  private refused(built: Built, refusals: readonly Problem[]): void {
    this.store.set({
      exportView: { month: built.month, sheet: built.sheet, kind: 'checked', refusals },
      notice: NOTICE.exportRefused(refusals.length),
    });
  }

  private async write(made: Made, progress: PhaseProgress): Promise<void> {
    const { month, result } = made;
    const sheet = exportSheetName(month);
    progress.enter('write', PROGRESS_TEXT.writingExport(sheet));
    const lines = result.lines();
    await this.workbook.writeTextSheet(sheet, lines, progress.within('write'));
    const file = exportFile(month, result.summary, result.bytes, lines);
    this.store.set({ exportView: { ...this.view(made, 'made'), file }, notice: NOTICE.exportMade(file.name, sheet) });
    await this.overview.reload();
  }

  private view(made: Made, kind: ExportView['kind']): ExportView {
    return {
      month: made.month,
      sheet: made.sheet,
      kind,
      summary: exportSummaryView(made.month, made.result.summary),
      refusals: [],
    };
  }
}
