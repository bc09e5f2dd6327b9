// The workbook's settings sheets. "Skapa Taxa-blad" writes the built-in tariff as an editable
// sheet, which the engine then bills by; readTaxaSheet reads it as it stands (for the VT.*
// functions). "Skapa Export-blad" writes the export's template (§10).
import {
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  exportTemplateSheet,
  findSheetName,
  SIDE_SHEETS,
  taxaOutputSheet,
  type SheetCells,
} from '../engine/index.js';
import { runExcel } from './errors.js';
import { readRects } from './readRange.js';
import { loadSheetNames, queueUsedRange, rectOf } from './sheetNames.js';
import { createTemplateSheet } from './templateSheet.js';

export function createTaxaSheet(excel: typeof Excel): Promise<void> {
  return createTemplateSheet(
    excel,
    taxaOutputSheet(DEFAULT_TARIFF, DEFAULT_PRISBASBELOPP),
    (existing) =>
      `Arbetsboken har redan ett Taxa-blad ("${existing}"). Ändra taxan där, eller byt namn på bladet om du vill börja om från standardtaxan.`,
  );
}

/** §10: the Export sheet to fill in (kontering per Typ, settings, the default field table). */
export function createExportSheet(excel: typeof Excel): Promise<void> {
  return createTemplateSheet(
    excel,
    exportTemplateSheet(),
    (existing) =>
      `Arbetsboken har redan ett Export-blad ("${existing}"). Fyll i konteringen där, eller byt namn på bladet om du vill börja om från mallen.`,
  );
}

/** The Taxa sheet's used range; undefined when the workbook has none. */
export function readTaxaSheet(excel: typeof Excel): Promise<SheetCells | undefined> {
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
