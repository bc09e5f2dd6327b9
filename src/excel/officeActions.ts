// The workbook adapter the task pane gets injected: the only code that calls Excel.run.
import { ExcelActionError } from './errors.js';
import { excelSheetName } from './sheetNames.js';
import { refreshFunctionSettings, refreshFunctionTariff } from './functionTariff.js';
import { existingSheets, overview } from './overview.js';
import { readSheetValues, readWorkbook } from './readWorkbook.js';
import { highlightCells, selectCell } from './selection.js';
import { loadSettings, saveSettings } from './settings.js';
import { createTaxaSheet } from './taxa.js';
import { writeSheets } from './writeSheets.js';
import type { OfficeActions } from '../taskpane/officeActions.js';

/**
 * `excel` is the Excel namespace (tests pass the fake's); by default the global one, looked up
 * when an action runs, since office.js may load after this module.
 */
export function createExcelActions(excel?: typeof Excel): OfficeActions {
  const ns = (): typeof Excel => {
    const found = excel ?? (globalThis as { Excel?: typeof Excel }).Excel;
    if (!found) throw new ExcelActionError('Excel är inte tillgängligt. Öppna tillägget inifrån Excel.');
    return found;
  };
  // Registers read so far: writeSheets refuses to replace them, whatever the sheets are called.
  const registers = new Set<string>();

  // async throughout: a failure is always a rejected promise, never a synchronous throw.
  return {
    overview: async () => overview(ns()),
    loadSettings: async () => loadSettings(ns()),
    saveSettings: async (settings) => {
      await saveSettings(ns(), settings);
      await refreshFunctionSettings(ns(), settings);
    },
    readWorkbook: async (registerSheet, progress) => {
      const input = await readWorkbook(ns(), registerSheet, progress);
      registers.add(input.register.name);
      // A hand-edited Taxa sheet reaches the VT.* functions too (recalculates only on change).
      await refreshFunctionTariff(ns(), input.taxa ?? null);
      return input;
    },
    existingSheets: async (names) => existingSheets(ns(), names),
    writeSheets: async (sheets, progress) => writeSheets(ns(), sheets, progress, { protectedSheets: [...registers] }),
    createTaxaSheet: async () => createTaxaSheet(ns()),
    selectCell: async (sheet, address) => selectCell(ns(), sheet, address),
    readSheetValues: async (sheet) => readSheetValues(ns(), sheet),
    highlightCells: async (sheet, addresses) => {
      // Fill colour is a change too, and the register is never changed.
      if (excelSheetName([...registers], sheet) !== undefined) {
        throw new ExcelActionError(
          `Bladet "${sheet}" är registret och markeras aldrig. Byt namn på registerbladet och försök igen.`,
        );
      }
      return highlightCells(ns(), sheet, addresses);
    },
  };
}
