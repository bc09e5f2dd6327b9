// Keeps the custom functions (VT.*) on the workbook's tariff. They compute in the same page
// (shared runtime) from src/functions/tariffSource.ts; Excel does not recalculate them on its
// own when that changes, so a changed tariff is followed by a full recalculation.
import { findSheetName, SIDE_SHEETS, type SheetCells } from '../engine/index.js';
import { currentSettings, setWorkbookSettings, setWorkbookTaxaSheet, type TariffStatus } from '../functions/tariffSource.js';
import type { PaneSettings } from '../taskpane/officeActions.js';
import { loadSettings } from './settings.js';
import { runExcel } from './errors.js';
import { readRects } from './readRange.js';
import { loadSheetNames, queueUsedRange, rectOf } from './sheetNames.js';

let lastKey: string | undefined;
// Set while a change has been handed to the functions but Excel has not recalculated since
// (the recalculation failed): the next refresh must recalculate even if nothing changed again.
let recalcOwed = false;

async function readTaxa(excel: typeof Excel): Promise<SheetCells | undefined> {
  return runExcel(excel, 'läsa Taxa-bladet', async (context) => {
    const name = findSheetName(await loadSheetNames(context), SIDE_SHEETS.taxa);
    if (!name) return undefined;
    const used = queueUsedRange(context, name);
    await context.sync();
    const rect = rectOf(name, used);
    if (!rect) return { name, values: [], firstRow: 1, firstColumn: 0 };
    const [values = []] = await readRects(context, [rect]);
    return { name, values, firstRow: rect.rowIndex + 1, firstColumn: rect.columnIndex };
  });
}

/**
 * Hands the workbook's Taxa sheet to the custom functions: `taxa` as just read (e.g. from
 * readWorkbook), or read here when omitted; null means "the workbook has no Taxa sheet".
 * Recalculates only when the sheet's content changed since the last call.
 */
export async function refreshFunctionTariff(excel: typeof Excel, taxa?: SheetCells | null): Promise<TariffStatus> {
  const cells = taxa === undefined ? await readTaxa(excel) : (taxa ?? undefined);
  const key = cells ? JSON.stringify([cells.name, cells.firstRow, cells.firstColumn, cells.values]) : '';
  const status = setWorkbookTaxaSheet(cells);
  if (key !== lastKey || recalcOwed) {
    lastKey = key;
    await recalculate(excel);
  }
  return status;
}

async function recalculate(excel: typeof Excel): Promise<void> {
  recalcOwed = true;
  await runExcel(excel, 'räkna om VT-funktionerna', async (context) => {
    context.application.calculate('Full' as Excel.CalculationType);
    await context.sync();
  });
  recalcOwed = false;
}

/** The pane's proration and reminder days apply to the VT.* functions too (same as the invoice). */
export async function refreshFunctionSettings(excel: typeof Excel, settings: PaneSettings): Promise<void> {
  const overrides = {
    ...(settings.proration !== undefined ? { proration: settings.proration } : {}),
    ...(settings.reminderDays !== undefined ? { reminderDays: settings.reminderDays } : {}),
  };
  const now = currentSettings();
  if (now.proration === overrides.proration && now.reminderDays === overrides.reminderDays && !recalcOwed) return;
  setWorkbookSettings(overrides);
  await recalculate(excel);
}

/** At start-up: the functions follow the workbook's Taxa sheet and the settings stored in it. */
export async function syncFunctionsWithWorkbook(excel: typeof Excel): Promise<void> {
  await refreshFunctionSettings(excel, await loadSettings(excel));
  await refreshFunctionTariff(excel);
}
