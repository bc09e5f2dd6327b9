// The workbook port over Office.js: what the task pane and the custom functions' follower get
// injected in Excel. Reads are plain reads: nothing here hands anything to the functions.
import type { FunctionsWorkbookPort, WorkbookPort } from '../workbook/index.js';
import { recalculateAll } from './calculation.js';
import { ExcelActionError } from './errors.js';
import { existingSheets, overview } from './overview.js';
import { readSheets, readSheetValues, readWorkbook } from './readWorkbook.js';
import { highlightCells, selectCell } from './selection.js';
import { excelSheetName } from './sheetNames.js';
import { loadSettings, saveSettings } from './storedSettings.js';
import { createExportSheet, createTaxaSheet, readTaxaSheet } from './taxa.js';
import { watchTaxaSheet } from './taxaWatch.js';
import { writeTextSheet } from './textSheet.js';
import { writeSheets } from './writeSheets.js';

export type ExcelWorkbook = WorkbookPort & FunctionsWorkbookPort;

/**
 * `excel` is the Excel namespace (tests pass the fake's); by default the global one, looked up
 * when an action runs, since office.js may load after this module.
 */
export function createExcelWorkbook(excel?: typeof Excel): ExcelWorkbook {
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
    saveSettings: async (settings) => saveSettings(ns(), settings),
    readWorkbook: async (registerSheet, progress, options) => {
      const input = await readWorkbook(ns(), registerSheet, progress, options);
      registers.add(input.register.name);
      return input;
    },
    readSheets: async (names, progress) => readSheets(ns(), names, progress),
    existingSheets: async (names) => existingSheets(ns(), names),
    writeSheets: async (sheets, progress) => writeSheets(ns(), sheets, progress, { protectedSheets: [...registers] }),
    writeTextSheet: async (name, lines, progress) =>
      writeTextSheet(ns(), name, lines, progress, { protectedSheets: [...registers] }),
    createTaxaSheet: async () => createTaxaSheet(ns()),
    createExportSheet: async () => createExportSheet(ns()),
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
    readTaxaSheet: async () => readTaxaSheet(ns()),
    recalculate: async () => recalculateAll(ns()),
    watchTaxaSheet: async (listener) => watchTaxaSheet(ns(), listener),
  };
}
