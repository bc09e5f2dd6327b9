// The tariff, prisbasbelopp and settings the custom functions compute with.
//
// API for the shared runtime's follower (followWorkbook.ts) and tests:
//
//   applyWorkbook(taxa, overrides)          the workbook's `Taxa` sheet as read (undefined: it has
//                                           none) and the stored overrides; parses the sheet only
//                                           when it differs from what the functions use, and says
//                                           whether anything `changed` (then Excel must recalculate).
//   setWorkbookTaxaSheet(cells, overrides?) the same, always publishing. Returns { ok, source } or
//                                           { ok: false, message }; while the sheet is unreadable
//                                           every tariff-dependent function gives #N/A with that
//                                           message (never the default).
//   setWorkbookTariff({ tariff, prisbasbelopp, settings? })
//                                           when the caller already holds a parsed tariff.
//   setWorkbookSettings(overrides)          when only the overrides change (BillingOverrides: the
//                                           same meaning as for a run of the invoice).
//   resetWorkbookTariff()                   back to the built-in defaults (new workbook, tests).
//   workbookTariffStatus()                  { source, generation, error? } for display.
//
// Excel does not recalculate custom functions by itself when these change: after a change the
// caller asks for a full recalculation. Nothing here touches Excel or the cells.
//
// The state lives on a global, not in this module: webpack builds functions.js and taskpane.js
// as separate entries, each with its own copy of this module, but they share one page
// (shared runtime). Both copies must see what the task pane set.
import {
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  parseOverrides,
  RunError,
  sameOverrides,
  tariffOf,
  type BillingOverrides,
  type PrisbasbeloppTable,
  type SheetCells,
  type Tariff,
} from '../engine/index.js';

export interface FunctionTariff {
  readonly tariff: Tariff;
  readonly prisbasbelopp: PrisbasbeloppTable;
  /** Overrides of the tariff version's settings; empty = each version's own. */
  readonly overrides: BillingOverrides;
}

export type TariffStatus =
  | { readonly ok: true; readonly source: string; readonly generation: number }
  | { readonly ok: false; readonly message: string; readonly source: string; readonly generation: number };

interface Store {
  generation: number;
  current: FunctionTariff;
  /** Set while the workbook's Taxa sheet cannot be read. */
  error?: string;
  /** Which Taxa sheet `current` was read from: its cells as text; '' for none (the built-in tariff). */
  taxaKey: string;
}

const KEY = Symbol.for('vt-avgifter.functions.tariff');
const DEFAULT: FunctionTariff = { tariff: DEFAULT_TARIFF, prisbasbelopp: DEFAULT_PRISBASBELOPP, overrides: {} };

function store(): Store {
  const g = globalThis as { [KEY]?: Store };
  return (g[KEY] ??= { generation: 0, current: DEFAULT, taxaKey: '' });
}

// One object per page; fetched once so a call costs a property read.
const shared = store();

/** What the functions compute with; throws RunError (→ #N/A) while the Taxa sheet is unreadable. */
export function functionTariff(): FunctionTariff {
  if (shared.error !== undefined) throw new RunError(shared.error);
  return shared.current;
}

/** The engine's one reader of overrides; a bad value is refused with its Swedish message. */
function checkOverrides(overrides: BillingOverrides | undefined): BillingOverrides {
  const { overrides: read, problems } = parseOverrides(overrides ?? {});
  if (problems.length > 0) throw new RunError(problems.map((p) => p.message).join(' '));
  return read;
}

const taxaKeyOf = (taxa: SheetCells | undefined): string =>
  taxa ? JSON.stringify([taxa.name, taxa.firstRow ?? 1, taxa.firstColumn ?? 0, taxa.values]) : '';

function publish(current: FunctionTariff, taxaKey: string, error?: string): void {
  shared.current = current;
  shared.taxaKey = taxaKey;
  shared.generation++;
  if (error === undefined) delete shared.error;
  else shared.error = error;
}

/** Replaces the tariff with one already parsed. */
export function setWorkbookTariff(next: {
  tariff: Tariff;
  prisbasbelopp: PrisbasbeloppTable;
  settings?: BillingOverrides;
}): void {
  // No sheet it was read from: never the same as a sheet handed over later.
  publish(
    { tariff: next.tariff, prisbasbelopp: next.prisbasbelopp, overrides: checkOverrides(next.settings) },
    `parsed:${shared.generation + 1}`,
  );
}

/**
 * Reads the workbook's Taxa sheet once (undefined: the workbook has none → built-in default).
 * `overrides` keeps the current ones when omitted.
 */
export function setWorkbookTaxaSheet(taxa: SheetCells | undefined, overrides?: BillingOverrides): TariffStatus {
  const nextOverrides = overrides === undefined ? shared.current.overrides : checkOverrides(overrides);
  const key = taxaKeyOf(taxa);
  try {
    const { tariff, prisbasbelopp } = tariffOf(taxa);
    publish({ tariff, prisbasbelopp, overrides: nextOverrides }, key);
  } catch (e) {
    if (!(e instanceof RunError)) throw e;
    // Keep the overrides; every tariff-dependent function reports the sheet's problem.
    publish({ ...DEFAULT, overrides: nextOverrides }, key, e.message);
  }
  return workbookTariffStatus();
}

/**
 * The workbook's Taxa sheet and stored overrides, handed over whenever they may have changed:
 * publishes (and reports `changed`, so the caller recalculates) only when they differ from what
 * the functions already use.
 */
export function applyWorkbook(
  taxa: SheetCells | undefined,
  overrides: BillingOverrides,
): { readonly changed: boolean; readonly status: TariffStatus } {
  const checked = checkOverrides(overrides);
  if (taxaKeyOf(taxa) === shared.taxaKey) {
    if (sameOverrides(checked, shared.current.overrides)) return { changed: false, status: workbookTariffStatus() };
    publish({ ...shared.current, overrides: checked }, shared.taxaKey, shared.error);
    return { changed: true, status: workbookTariffStatus() };
  }
  return { changed: true, status: setWorkbookTaxaSheet(taxa, checked) };
}

/** Replaces the overrides only (proration, reminderDays, …). */
export function setWorkbookSettings(overrides: BillingOverrides): void {
  publish({ ...shared.current, overrides: checkOverrides(overrides) }, shared.taxaKey, shared.error);
}

/** The overrides in force (also while the Taxa sheet is unreadable). */
export function currentSettings(): BillingOverrides {
  return shared.current.overrides;
}

/** Back to the built-in tariff, prisbasbelopp and settings. */
export function resetWorkbookTariff(): void {
  publish(DEFAULT, '');
}

export function workbookTariffStatus(): TariffStatus {
  const { generation, error, current } = shared;
  const source = error === undefined ? current.tariff.source : 'bladet Taxa (kan inte läsas)';
  return error === undefined ? { ok: true, source, generation } : { ok: false, message: error, source, generation };
}
