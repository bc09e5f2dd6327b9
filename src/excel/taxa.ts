// The workbook's Taxa sheet: "Skapa Taxa-blad" writes the built-in tariff as an editable sheet,
// which the engine then bills by; readTaxaSheet reads it as it stands (for the VT.* functions).
import {
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  findSheetName,
  SIDE_SHEETS,
  taxaOutputSheet,
  type SheetCells,
} from '../engine/index.js';
import { ExcelActionError, runExcel } from './errors.js';
import { readRects } from './readRange.js';
import { loadSheetNames, queueUsedRange, rectOf } from './sheetNames.js';
import { writeSheets } from './writeSheets.js';

export async function createTaxaSheet(excel: typeof Excel): Promise<void> {
  const existing = await runExcel(excel, 'läsa arbetsbokens blad', async (context) =>
    findSheetName(await loadSheetNames(context), SIDE_SHEETS.taxa),
  );
  if (existing !== undefined) {
    throw new ExcelActionError(
      `Arbetsboken har redan ett Taxa-blad ("${existing}"). Ändra taxan där, eller byt namn på bladet om du vill börja om från standardtaxan.`,
    );
  }
  await writeSheets(excel, [taxaOutputSheet(DEFAULT_TARIFF, DEFAULT_PRISBASBELOPP)], () => undefined);
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
