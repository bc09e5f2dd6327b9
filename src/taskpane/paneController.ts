// The task pane's state and actions, without React: the components render the state and call
// these methods, so the flows are unit-tested in Node. A façade over one flow per concern:
// overview (start, sheets), settings (the user's choices), run (preview, create, with the
// corrections of §9), review (Granska), export (§10) and Taxa; the store, progress phases and
// Swedish messages each live in their own file.
import type { ColumnMapping, Problem, RegisterField, SettingKey, SettingProblem, YearMonth } from '../engine/index.js';
import type { CellDifference, WorkbookPort } from '../workbook/index.js';
import { Billing } from './billing.js';
import { ExportFlow } from './exportFlow.js';
import { defaultMonth } from './months.js';
import { OverviewFlow } from './overviewFlow.js';
import { browserHost, type PaneHost } from './paneHost.js';
import type { PaneState } from './paneState.js';
import { PaneStore } from './paneStore.js';
import { ReviewFlow } from './reviewFlow.js';
import { RunFlow } from './runFlow.js';
import { SettingsFlow } from './settingsFlow.js';
import { TaxaFlow } from './taxaFlow.js';

export type { BusyAction, ExportView, Notice, PaneState, ReviewView, RunView } from './paneState.js';

export class PaneController {
  private readonly store: PaneStore;
  private readonly settings: SettingsFlow;
  private readonly overview: OverviewFlow;
  private readonly runs: RunFlow;
  private readonly reviews: ReviewFlow;
  private readonly taxa: TaxaFlow;
  private readonly exports: ExportFlow;

  /** `today` sets the default month; `host` is the page's clock and clipboard. */
  constructor(workbook: WorkbookPort, today: Date = new Date(), host: PaneHost = browserHost) {
    this.store = new PaneStore({ manualMapping: {}, month: defaultMonth(today), settingInputs: {} });
    this.settings = new SettingsFlow(this.store, workbook);
    this.overview = new OverviewFlow(this.store, workbook, this.settings);
    const billing = new Billing(this.store, workbook, this.settings, this.overview);
    this.runs = new RunFlow(this.store, workbook, billing, this.overview);
    this.reviews = new ReviewFlow(this.store, workbook, billing);
    this.taxa = new TaxaFlow(this.store, workbook, this.overview);
    this.exports = new ExportFlow(this.store, workbook, this.overview, host);
  }

  // --- store (for React's useSyncExternalStore) ---
  readonly getState = (): PaneState => this.store.getState();
  readonly subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  // --- derived ---
  headers = (): readonly string[] => this.settings.headers();
  mapping = (): ColumnMapping => this.settings.mapping();
  /** Why the run buttons are off, or undefined when a run can go ahead. */
  blocker = (): string | undefined => this.settings.blocker();
  /** What in the settings fields cannot be read, with the engine's Swedish message. */
  settingProblems = (): readonly SettingProblem[] => this.settings.overrides().problems;

  // --- overview ---
  start = (): Promise<void> => this.overview.start();
  refresh = (): Promise<void> => this.overview.refresh();

  // --- the user's choices ---
  setRegisterSheet = (name: string): void => this.settings.setRegisterSheet(name);
  setColumn = (field: RegisterField, index: number | undefined): void => this.settings.setColumn(field, index);
  setMonth = (month: YearMonth): void => this.settings.setMonth(month);
  setSetting = (key: SettingKey, text: string): void => this.settings.setSetting(key, text);
  /** Resolves when every queued settings save has finished. */
  settled = (): Promise<void> => this.settings.settled();
  dismissNotice = (): void => this.store.set({}, ['notice']);

  // --- runs ---
  preview = (): Promise<void> => this.runs.preview();
  createInvoice = (): Promise<void> => this.runs.createInvoice();
  /** "Ersätt" in the replace dialog, for whichever action asked. */
  confirmReplace = (): Promise<void> =>
    this.store.getState().confirm?.purpose === 'export' ? this.exports.confirmReplace() : this.runs.confirmReplace();
  cancelReplace = (): void =>
    this.store.getState().confirm?.purpose === 'export' ? this.exports.cancelReplace() : this.runs.cancelReplace();
  selectProblem = (problem: Problem): Promise<void> => this.runs.selectProblem(problem);

  // --- Granska ---
  review = (): Promise<void> => this.reviews.review();
  selectDifference = (d: CellDifference): Promise<void> => this.reviews.selectDifference(d);

  // --- Taxa ---
  createTaxaSheet = (): Promise<void> => this.taxa.createTaxaSheet();

  // --- Exportera fakturaunderlag ---
  /** Months with an invoice sheet, newest first. */
  exportMonths = (): YearMonth[] => this.exports.months();
  /** The month the export works on; undefined when the workbook has no invoice sheet. */
  exportMonth = (): YearMonth | undefined => this.exports.month();
  setExportMonth = (month: YearMonth): void => this.exports.setMonth(month);
  checkExport = (): Promise<void> => this.exports.check();
  makeExport = (): Promise<void> => this.exports.make();
  copyExport = (): Promise<void> => this.exports.copy();
  exportDownloadStarted = (): void => this.exports.downloadStarted();
  selectRefusal = (refusal: Problem): Promise<void> => this.exports.selectRefusal(refusal);
  createExportSheet = (): Promise<void> => this.exports.createExportSheet();
}
