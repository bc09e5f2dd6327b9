// The VT.* functions follow the workbook they sit in: its Taxa sheet and the billing overrides
// stored with it. Started once where the shared runtime starts (src/taskpane/index.tsx); Excel
// recalculates only when what the functions use has changed.
import type { BillingOverrides, SheetCells } from '../engine/index.js';
import { overridesOf, type FunctionsWorkbookPort, type StopWatching, type WorkbookPort } from '../workbook/index.js';
import type { TariffStatus } from './tariffSource.js';

/** What the follower needs of tariffSource.ts. */
export interface FunctionTariffSource {
  applyWorkbook(
    taxa: SheetCells | undefined,
    overrides: BillingOverrides,
  ): { readonly changed: boolean; readonly status: TariffStatus };
}

export interface FunctionsFollower {
  /** Watches the Taxa sheet, then hands the functions the sheet and the stored overrides. */
  start(): Promise<void>;
  /** Reads the Taxa sheet again (it changed, or may have). */
  refresh(): Promise<void>;
  /** The pane stored new overrides; they apply to the functions too, as to the invoice. */
  overridesStored(overrides: BillingOverrides): Promise<void>;
  stop(): Promise<void>;
}

/** Failures are reported, never thrown: the functions keep what they had, and the pane is not blocked. */
export type FollowProblem = (error: unknown) => void;

const warn: FollowProblem = (e) => console.warn('VT-funktionerna kunde inte följa arbetsboken:', e);

export function followWorkbook(
  workbook: FunctionsWorkbookPort,
  source: FunctionTariffSource,
  problem: FollowProblem = warn,
): FunctionsFollower {
  let taxa: SheetCells | undefined;
  let overrides: BillingOverrides = {};
  // Set from a change handed over until Excel has recalculated: a failed recalculation is owed.
  let recalcOwed = false;
  let stopWatching: StopWatching | undefined;
  let stopped = false;

  const apply = async (): Promise<void> => {
    if (source.applyWorkbook(taxa, overrides).changed) recalcOwed = true;
    if (!recalcOwed) return;
    await workbook.recalculate();
    recalcOwed = false;
  };

  // One step at a time, in order; failures reported.
  let queue: Promise<void> = Promise.resolve();
  const step = (body: () => Promise<void>): Promise<void> =>
    (queue = queue.then(async () => {
      if (stopped) return;
      try {
        await body();
      } catch (e) {
        problem(e);
      }
    }));

  // A burst of events (a paste, a write of several sheets) gives one read after the one running.
  let refreshQueued: Promise<void> | undefined;
  const refresh = (): Promise<void> =>
    (refreshQueued ??= step(async () => {
      refreshQueued = undefined;
      taxa = await workbook.readTaxaSheet();
      await apply();
    }));

  return {
    start: () =>
      step(async () => {
        try {
          stopWatching = await workbook.watchTaxaSheet(() => void refresh());
        } catch (e) {
          problem(e); // without events the functions still follow what the pane changes
        }
        overrides = overridesOf(await workbook.loadSettings());
        taxa = await workbook.readTaxaSheet();
        await apply();
      }),
    refresh,
    overridesStored: (next) =>
      step(async () => {
        overrides = next;
        await apply();
      }),
    stop: async () => {
      await step(async () => {
        await stopWatching?.();
        stopWatching = undefined;
      });
      stopped = true;
    },
  };
}

/**
 * The pane's port, telling the follower what the pane changes that the functions use: stored
 * overrides, and a Taxa sheet written by "Skapa Taxa-blad" (a host without rename events would
 * not see it arrive under its temporary name).
 */
export function paneTellingFollower(workbook: WorkbookPort, functions: FunctionsFollower): WorkbookPort {
  return {
    overview: () => workbook.overview(),
    loadSettings: () => workbook.loadSettings(),
    readWorkbook: (sheet, progress, options) => workbook.readWorkbook(sheet, progress, options),
    readSheets: (names, progress) => workbook.readSheets(names, progress),
    existingSheets: (names) => workbook.existingSheets(names),
    writeSheets: (sheets, progress) => workbook.writeSheets(sheets, progress),
    writeTextSheet: (name, lines, progress) => workbook.writeTextSheet(name, lines, progress),
    selectCell: (sheet, address) => workbook.selectCell(sheet, address),
    readSheetValues: (sheet) => workbook.readSheetValues(sheet),
    highlightCells: (sheet, addresses) => workbook.highlightCells(sheet, addresses),
    saveSettings: async (settings) => {
      await workbook.saveSettings(settings);
      await functions.overridesStored(overridesOf(settings));
    },
    createTaxaSheet: async () => {
      await workbook.createTaxaSheet();
      await functions.refresh();
    },
    createExportSheet: () => workbook.createExportSheet(),
  };
}
