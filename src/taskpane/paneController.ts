// The task pane's state and actions, without React: the components only render this state and
// call these methods, so the flows (preview, confirm-and-write, review) are unit-tested in Node.
import {
  billWorkbook,
  invoiceSheet,
  invoiceSheetName,
  monthKey,
  outputSheets,
  parseMonthKey,
  problemSheetName,
  RunError,
  summarySheetName,
  PRORATIONS,
  type BillingResult,
  type ColumnMapping,
  type Problem,
  type Proration,
  type RegisterField,
  type YearMonth,
} from '../engine/index.js';
import { reviewInvoice } from '../engine/output/review.js';
import type { CellDifference, OfficeActions, PaneSettings, ProgressReport, WorkbookOverview } from './officeActions.js';
import {
  defaultMonth,
  errorText,
  initialRegisterSheet,
  mappingRows,
  missingFields,
  parseReminderDays,
  problemTarget,
  settingsToSave,
  sheetSummary,
  summarise,
  validManualMapping,
  type RunSummary,
} from './paneLogic.js';

export type BusyAction = 'start' | 'refresh' | 'preview' | 'create' | 'write' | 'review' | 'taxa';

export interface Notice {
  readonly intent: 'error' | 'warning' | 'success' | 'info';
  readonly title: string;
  readonly text: string;
}

export interface RunView {
  /** preview: nothing written; created: the sheets are in the workbook. */
  readonly kind: 'preview' | 'created';
  readonly summary: RunSummary;
  readonly problems: readonly Problem[];
  readonly registerSheet: string;
}

export interface ReviewView {
  readonly sheet: string;
  readonly month: string;
  readonly differences: readonly CellDifference[];
}

export interface PaneState {
  readonly busy?: BusyAction;
  readonly progress?: { readonly fraction: number; readonly text: string };
  readonly overview?: WorkbookOverview;
  readonly registerSheet?: string;
  /** Columns picked by hand for fields not found by header (index in the used range). */
  readonly manualMapping: ColumnMapping;
  readonly month: YearMonth;
  /** undefined: as the tariff (Taxa) says. */
  readonly proration?: Proration;
  readonly reminderDaysText: string;
  readonly notice?: Notice;
  readonly run?: RunView;
  /** Set while the replace dialog is open. */
  readonly confirm?: { readonly existing: readonly string[]; readonly month: string };
  readonly review?: ReviewView;
}

/** Lets the browser paint the progress state before a long synchronous step (the engine run). */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    // setTimeout alone can run before the next paint; a frame first guarantees one.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

export class PaneController {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  /** Computed result waiting for the replace dialog's answer. */
  private pending: BillingResult | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly actions: OfficeActions,
    today: Date = new Date(),
  ) {
    this.state = { manualMapping: {}, month: defaultMonth(today), reminderDaysText: '' };
  }

  // --- store (for React's useSyncExternalStore) ---

  readonly getState = (): PaneState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>, remove: (keyof PaneState)[] = []): void {
    const next: Record<string, unknown> = { ...this.state, ...patch };
    for (const key of remove) delete next[key];
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
    this.state = next as unknown as PaneState;
    for (const l of this.listeners) l();
  }

  // --- derived ---

  /** Header row of the chosen register sheet. */
  headers(): readonly string[] {
    return sheetSummary(this.state.overview, this.state.registerSheet)?.headers ?? [];
  }

  mapping(): ColumnMapping {
    return validManualMapping(this.headers(), this.state.manualMapping);
  }

  /** Why the run buttons are off, or undefined when a run can go ahead. */
  blocker(): string | undefined {
    const s = this.state;
    if (!s.overview) return 'Arbetsboken läses in …';
    if (!s.registerSheet) return 'Välj registerbladet.';
    const missing = missingFields(mappingRows(this.headers(), s.manualMapping));
    if (missing.length > 0) return `Välj kolumn för ${missing.map((m) => m.label).join(', ')}.`;
    if (!parseReminderDays(s.reminderDaysText).ok) return 'Rätta påminnelsedagarna.';
    return undefined;
  }

  // --- start and workbook overview ---

  async start(): Promise<void> {
    await this.guard('start', async () => {
      const [overview, saved] = await Promise.all([
        this.actions.overview(),
        this.actions.loadSettings().catch((): PaneSettings => ({})),
      ]);
      const registerSheet = initialRegisterSheet(overview, saved.registerSheet);
      // Saved column choices are indexes into the saved sheet; they mean nothing for another one.
      const sameSheet = registerSheet !== undefined && saved.registerSheet === registerSheet;
      const proration = saved.proration && PRORATIONS.includes(saved.proration) ? saved.proration : undefined;
      this.set({
        overview,
        registerSheet,
        manualMapping: sameSheet && saved.mapping ? saved.mapping : {},
        proration,
        reminderDaysText: saved.reminderDays !== undefined ? String(saved.reminderDays) : '',
      });
      if (!registerSheet) {
        this.set({
          notice: {
            intent: 'info',
            title: 'Välj registerbladet',
            text: 'Inget blad heter Enhetsregister eller har rubrikerna Personnummer, Tjänst och Installerad. Välj bladet med enhetsregistret.',
          },
        });
      }
    });
  }

  /** Reads the sheet list again (the user may have added or renamed sheets). */
  async refresh(): Promise<void> {
    if (!this.state.overview) return this.start(); // the first read failed: start over, with settings
    await this.guard('refresh', () => this.reloadOverview());
  }

  private async reloadOverview(): Promise<void> {
    const overview = await this.actions.overview();
    const keep = this.state.registerSheet && overview.sheets.some((s) => s.name === this.state.registerSheet);
    if (keep) {
      this.set({ overview });
    } else {
      this.set({ overview, manualMapping: {}, registerSheet: initialRegisterSheet(overview) }, ['run', 'review']);
    }
  }

  // --- inputs ---

  setRegisterSheet(name: string): void {
    if (name === this.state.registerSheet) return;
    this.set({ registerSheet: name, manualMapping: {} }, ['run', 'review', 'notice']);
    this.save();
  }

  setColumn(field: RegisterField, index: number | undefined): void {
    const manualMapping: ColumnMapping = { ...this.state.manualMapping };
    if (index === undefined) delete manualMapping[field];
    else manualMapping[field] = index;
    this.set({ manualMapping }, ['run', 'review']);
    this.save();
  }

  setMonth(key: string): void {
    const month = parseMonthKey(key);
    if (!month || key === monthKey(this.state.month)) return;
    this.set({ month }, ['run', 'review']);
  }

  setProration(value: Proration | undefined): void {
    this.set({ proration: value }, ['run', 'review']);
    this.save();
  }

  setReminderDaysText(text: string): void {
    this.set({ reminderDaysText: text }, ['run', 'review']);
    if (parseReminderDays(text).ok) this.save();
  }

  dismissNotice(): void {
    this.set({}, ['notice']);
  }

  /** Saves in order; a failed save is shown but does not block billing. */
  private save(): void {
    const s = this.state;
    const reminder = parseReminderDays(s.reminderDaysText);
    const settings = settingsToSave({
      registerSheet: s.registerSheet,
      mapping: this.mapping(),
      proration: s.proration,
      reminderDays: reminder.ok ? reminder.value : undefined,
    });
    this.saving = this.saving
      .then(() => this.actions.saveSettings(settings))
      .catch((e: unknown) => {
        this.set({
          notice: {
            intent: 'warning',
            title: 'Inställningarna sparades inte',
            text: `De gäller ändå nu, men sparas inte med arbetsboken: ${errorText(e)}`,
          },
        });
      });
  }

  /** Resolves when every queued settings save has finished (tests, and before closing). */
  settled(): Promise<void> {
    return this.saving;
  }

  // --- runs ---

  async preview(): Promise<void> {
    await this.guard('preview', async () => {
      const result = await this.compute(0, 0.9);
      this.set({ run: this.runView('preview', result) }, ['review']);
    });
  }

  async createInvoice(): Promise<void> {
    await this.guard('create', async () => {
      const result = await this.compute(0, 0.4);
      const names = [invoiceSheetName(result.month), summarySheetName(result.month), problemSheetName(result.month)];
      const existing = await this.actions.existingSheets(names);
      if (existing.length > 0) {
        this.pending = result;
        this.set({ run: this.runView('preview', result), confirm: { existing, month: monthKey(result.month) } }, ['review']);
        return;
      }
      await this.write(result);
    });
  }

  /** The user answered "Ersätt" in the dialog. */
  async confirmReplace(): Promise<void> {
    const result = this.pending;
    this.pending = undefined;
    this.set({}, ['confirm']);
    if (!result) return;
    await this.guard('write', () => this.write(result));
  }

  /** "Avbryt": nothing is written. */
  cancelReplace(): void {
    const existing = this.state.confirm?.existing ?? [];
    this.pending = undefined;
    this.set(
      { notice: { intent: 'info', title: 'Inget ändrades', text: `Bladen ${listText(existing)} finns kvar som de var.` } },
      ['confirm'],
    );
  }

  private async write(result: BillingResult): Promise<void> {
    const sheets = outputSheets(result);
    this.progress(0.45, 'Skriver bladen …');
    await this.actions.writeSheets(sheets, this.scaled(0.45, 1));
    this.set({
      run: this.runView('created', result),
      notice: {
        intent: 'success',
        title: 'Fakturan är skapad',
        text: `Bladen ${listText(sheets.map((s) => s.name))} är skrivna.`,
      },
    });
    await this.reloadOverview();
  }

  /** Granska: recompute and compare with the invoice sheet; only fill colours change. */
  async review(): Promise<void> {
    await this.guard('review', async () => {
      const month = this.state.month;
      const sheet = invoiceSheetName(month);
      this.progress(0, `Läser bladet ${sheet} …`);
      const actual = await this.actions.readSheetValues(sheet);
      if (!actual) {
        this.set(
          {
            notice: {
              intent: 'warning',
              title: `Bladet ${sheet} finns inte`,
              text: `Det finns ingen faktura för ${monthKey(month)} att granska. Skapa fakturan först, eller välj en annan månad.`,
            },
          },
          ['review'],
        );
        return;
      }
      const result = await this.compute(0.1, 0.8);
      const differences = reviewInvoice(invoiceSheet(result), actual);
      // Also with no differences: that clears the marks of an earlier Granska.
      this.progress(0.9, differences.length > 0 ? 'Markerar cellerna som skiljer sig …' : 'Tar bort tidigare markeringar …');
      await this.actions.highlightCells(
        sheet,
        differences.map((d) => d.address),
      );
      this.set({
        review: { sheet, month: monthKey(month), differences },
        notice:
          differences.length === 0
            ? { intent: 'success', title: 'Inga skillnader', text: `Bladet ${sheet} stämmer med en ny beräkning.` }
            : {
                intent: 'warning',
                title: differences.length === 1 ? '1 cell skiljer sig' : `${differences.length} celler skiljer sig`,
                text: `Cellerna är markerade i bladet ${sheet}. Inga värden har ändrats.`,
              },
      });
    });
  }

  async createTaxaSheet(): Promise<void> {
    await this.guard('taxa', async () => {
      await this.actions.createTaxaSheet();
      await this.reloadOverview();
      this.set(
        {
          notice: {
            intent: 'success',
            title: 'Bladet Taxa är skapat',
            text: 'Det innehåller standardtaxan. Ändra beloppen där; faktureringen använder sedan bladet.',
          },
        },
        ['run', 'review'],
      );
    });
  }

  // --- navigation ---

  async selectProblem(problem: Problem): Promise<void> {
    const target = problemTarget(problem);
    if (!target) return;
    await this.quiet(() => this.actions.selectCell(target.sheet, target.address));
  }

  async selectDifference(d: CellDifference): Promise<void> {
    const sheet = this.state.review?.sheet;
    if (sheet) await this.quiet(() => this.actions.selectCell(sheet, d.address));
  }

  // --- helpers ---

  private async compute(from: number, to: number): Promise<BillingResult> {
    const blocker = this.blocker();
    if (blocker) throw new RunError(blocker);
    const s = this.state;
    const sheet = s.registerSheet!;
    const mapping = this.mapping();
    const reminder = parseReminderDays(s.reminderDaysText);
    this.progress(from, `Läser bladet ${sheet} …`);
    const input = await this.actions.readWorkbook(sheet, this.scaled(from, from + (to - from) * 0.8));
    // Hand-picked columns are indexes: if the sheet's columns moved since, they would bill the wrong data.
    const header = (input.register.values[0] ?? []).map((v) => (v === null || v === undefined ? '' : String(v)));
    const known = this.headers();
    for (const i of Object.values(mapping)) {
      if ((header[i] ?? '') !== (known[i] ?? '')) {
        await this.reloadOverview();
        throw new RunError(
          `Kolumnerna i bladet ${sheet} har ändrats sedan kolumnkopplingen valdes. Kontrollera kolumnerna och försök igen.`,
        );
      }
    }
    this.progress(from + (to - from) * 0.85, `Beräknar avgifterna för ${monthKey(s.month)} …`);
    await yieldToBrowser();
    return billWorkbook(input, {
      month: s.month,
      mapping,
      settings: {
        ...(s.proration ? { proration: s.proration } : {}),
        ...(reminder.ok && reminder.value !== undefined ? { reminderDays: reminder.value } : {}),
      },
    });
  }

  private runView(kind: RunView['kind'], result: BillingResult): RunView {
    return { kind, summary: summarise(result), problems: result.problems, registerSheet: result.registerSheet };
  }

  private progress(fraction: number, text: string): void {
    this.set({ progress: { fraction: Math.max(0, Math.min(1, fraction)), text } });
  }

  private scaled(from: number, to: number): ProgressReport {
    return (fraction, text) => this.progress(from + (to - from) * Math.max(0, Math.min(1, fraction)), text);
  }

  /** One action at a time; errors become a notice (RunError: the engine's Swedish message). */
  private async guard(action: BusyAction, body: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: action }, ['notice', 'progress']);
    try {
      await body();
    } catch (e) {
      this.set({ notice: noticeFor(e) });
    } finally {
      this.set({}, ['busy', 'progress']);
    }
  }

  private async quiet(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      this.set({ notice: noticeFor(e) });
    }
  }
}

export function noticeFor(e: unknown): Notice {
  if (e instanceof RunError) return { intent: 'error', title: 'Körningen kan inte göras', text: e.message };
  return {
    intent: 'error',
    title: 'Något gick fel',
    text: `${errorText(e)} Försök igen; om felet kvarstår, stäng och öppna fönstret.`,
  };
}

/** "A, B och C" */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
