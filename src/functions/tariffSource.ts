// The tariff, prisbasbelopp and settings the custom functions compute with.
//
// API for the task pane and the workbook adapter (src/taskpane, src/excel):
//
//   setWorkbookTaxaSheet(cells, settings?)  after reading the workbook's `Taxa` sheet (or
//                                           learning it has none: pass undefined). Parses it
//                                           once with the engine's readTaxaSheet and returns
//                                           { ok, source } or { ok: false, message }; while the
//                                           sheet is unreadable every tariff-dependent function
//                                           gives #N/A with that message (never the default).
//   setWorkbookTariff({ tariff, prisbasbelopp, settings? })
//                                           when the caller already holds a parsed tariff.
//   setWorkbookSettings(settings)           when only the task pane's settings change
//                                           (proration, reminderDays); same meaning as
//                                           BillingInput.settings: they override the version's.
//   resetWorkbookTariff()                   back to the built-in defaults (new workbook, tests).
//   workbookTariffStatus()                  { source, generation, error? } for display.
//
// Excel does not recalculate custom functions by itself when these change: after a change the
// caller should ask for a full recalculation (Excel.CalculationType.full). Nothing here touches
// Excel or the cells.
//
// The state lives on a global, not in this module: webpack builds functions.js and taskpane.js
// as separate entries, each with its own copy of this module, but they share one page
// (shared runtime). Both copies must see what the task pane set.
import {
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  isValidReminderDays,
  PRORATIONS,
  RunError,
  tariffOf,
  type BillingSettings,
  type PrisbasbeloppTable,
  type SheetCells,
  type Tariff,
} from '../engine/index.js';

export interface FunctionTariff {
  readonly tariff: Tariff;
  readonly prisbasbelopp: PrisbasbeloppTable;
  /** Overrides of the tariff version's settings; empty = each version's own. */
  readonly settings: Partial<BillingSettings>;
}

export type TariffStatus =
  | { readonly ok: true; readonly source: string; readonly generation: number }
  | { readonly ok: false; readonly message: string; readonly source: string; readonly generation: number };

interface Store {
  generation: number;
  current: FunctionTariff;
  /** Set while the workbook's Taxa sheet cannot be read. */
  error?: string;
}

const KEY = Symbol.for('vt-avgifter.functions.tariff');
const DEFAULT: FunctionTariff = { tariff: DEFAULT_TARIFF, prisbasbelopp: DEFAULT_PRISBASBELOPP, settings: {} };

function store(): Store {
  const g = globalThis as { [KEY]?: Store };
  return (g[KEY] ??= { generation: 0, current: DEFAULT });
}

// One object per page; fetched once so a call costs a property read.
const shared = store();

/** What the functions compute with; throws RunError (→ #N/A) while the Taxa sheet is unreadable. */
export function functionTariff(): FunctionTariff {
  if (shared.error !== undefined) throw new RunError(shared.error);
  return shared.current;
}

function checkSettings(settings: Partial<BillingSettings> | undefined): Partial<BillingSettings> {
  const out: { proration?: BillingSettings['proration']; reminderDays?: number } = {};
  if (settings?.proration !== undefined) {
    if (!PRORATIONS.includes(settings.proration)) throw new RunError(`Okänd delmånadsregel "${String(settings.proration)}".`);
    out.proration = settings.proration;
  }
  if (settings?.reminderDays !== undefined) {
    if (!isValidReminderDays(settings.reminderDays))
      throw new RunError(`Påminnelsedagar ska vara ett heltal från 0, inte ${String(settings.reminderDays)}.`);
    out.reminderDays = settings.reminderDays;
  }
  return out;
}

function publish(current: FunctionTariff, error?: string): void {
  shared.current = current;
  shared.generation++;
  if (error === undefined) delete shared.error;
  else shared.error = error;
}

/** Replaces the tariff with one already parsed (e.g. by the adapter). */
export function setWorkbookTariff(next: {
  tariff: Tariff;
  prisbasbelopp: PrisbasbeloppTable;
  settings?: Partial<BillingSettings>;
}): void {
  publish({ tariff: next.tariff, prisbasbelopp: next.prisbasbelopp, settings: checkSettings(next.settings) });
}

/**
 * Reads the workbook's Taxa sheet once (undefined: the workbook has none → built-in default).
 * `settings` keeps the current overrides when omitted.
 */
export function setWorkbookTaxaSheet(taxa: SheetCells | undefined, settings?: Partial<BillingSettings>): TariffStatus {
  const nextSettings = settings === undefined ? shared.current.settings : checkSettings(settings);
  try {
    const { tariff, prisbasbelopp } = tariffOf(taxa);
    publish({ tariff, prisbasbelopp, settings: nextSettings });
  } catch (e) {
    if (!(e instanceof RunError)) throw e;
    // Keep the settings; every tariff-dependent function reports the sheet's problem.
    publish({ ...DEFAULT, settings: nextSettings }, e.message);
  }
  return workbookTariffStatus();
}

/** Replaces the settings overrides only (proration, reminderDays). */
export function setWorkbookSettings(settings: Partial<BillingSettings>): void {
  const checked = checkSettings(settings);
  const error = shared.error;
  publish({ ...shared.current, settings: checked }, error);
}

/** The settings overrides in force (also while the Taxa sheet is unreadable). */
export function currentSettings(): Partial<BillingSettings> {
  return shared.current.settings;
}

/** Back to the built-in tariff, prisbasbelopp and settings. */
export function resetWorkbookTariff(): void {
  publish(DEFAULT);
}

export function workbookTariffStatus(): TariffStatus {
  const { generation, error, current } = shared;
  const source = error === undefined ? current.tariff.source : 'bladet Taxa (kan inte läsas)';
  return error === undefined ? { ok: true, source, generation } : { ok: false, message: error, source, generation };
}
