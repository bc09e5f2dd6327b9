// Förhandsgranska and Skapa faktura: bill the month, ask before replacing existing sheets,
// write; and going to a problem's cell.
import {
  factsOfRun,
  invoiceSheetName,
  problemSheetName,
  runSheets,
  summarySheetName,
  type CorrectionsRun,
  type Problem,
} from '../engine/index.js';
import type { WorkbookPort } from '../workbook/index.js';
import type { Billing } from './billing.js';
import { summariseCorrections } from './correctionsSummary.js';
import type { OverviewFlow } from './overviewFlow.js';
import { NOTICE, PROGRESS_TEXT } from './paneMessages.js';
import type { RunView } from './paneState.js';
import type { PaneStore } from './paneStore.js';
import { PendingReplace } from './pendingReplace.js';
import { problemTarget } from './problemText.js';
import type { PhaseProgress } from './progressPhases.js';
import { summarise } from './runSummary.js';

function runView(kind: RunView['kind'], run: CorrectionsRun): RunView {
  const facts = factsOfRun(run);
  return {
    kind,
    month: facts.month,
    summary: summarise(facts),
    problems: facts.problems,
    registerSheet: facts.registerSheet,
    corrections: summariseCorrections(facts.corrections),
  };
}

export class RunFlow {
  /** Computed result waiting for the replace dialog's answer. */
  private readonly pending: PendingReplace<CorrectionsRun>;

  constructor(
    private readonly store: PaneStore,
    private readonly workbook: WorkbookPort,
    private readonly billing: Billing,
    private readonly overview: OverviewFlow,
  ) {
    this.pending = new PendingReplace(store);
  }

  async preview(): Promise<void> {
    await this.store.act('preview', async (progress) => {
      const result = await this.billing.bill(progress);
      this.store.set({ run: runView('preview', result) }, ['review']);
    });
  }

  async createInvoice(): Promise<void> {
    await this.store.act('create', async (progress) => {
      const result = await this.billing.bill(progress);
      const month = result.billing.month;
      const names = [invoiceSheetName(month), summarySheetName(month), problemSheetName(month)];
      const existing = await this.workbook.existingSheets(names);
      if (existing.length > 0) {
        this.pending.ask(result, { run: runView('preview', result), confirm: { existing, month, purpose: 'invoice' } }, [
          'review',
        ]);
        return;
      }
      await this.write(result, progress);
    });
  }

  /** The user answered "Ersätt" in the dialog. */
  async confirmReplace(): Promise<void> {
    await this.pending.confirm('write', (result, progress) => this.write(result, progress));
  }

  /** "Avbryt": nothing is written. */
  cancelReplace(): void {
    this.pending.cancel(NOTICE.nothingReplaced);
  }

  private async write(result: CorrectionsRun, progress: PhaseProgress): Promise<void> {
    const sheets = runSheets(result);
    progress.enter('write', PROGRESS_TEXT.writing);
    await this.workbook.writeSheets(sheets, progress.within('write'));
    // An export checked before this write looked at the old invoice sheet.
    this.store.set({ run: runView('created', result), notice: NOTICE.invoiceCreated(sheets.map((s) => s.name)) }, ['exportView']);
    await this.overview.reload();
  }

  async selectProblem(problem: Problem): Promise<void> {
    const target = problemTarget(problem);
    if (!target) return;
    await this.store.quietly(() => this.workbook.selectCell(target.sheet, target.address));
  }
}
