// "Skapa Taxa-blad": the built-in tariff as an editable Taxa sheet, which the engine then bills by.
import {
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  findSheetName,
  sheetGrid,
  SIDE_SHEETS,
  taxaOutputSheet,
} from '../engine/index.js';
import { ExcelActionError, runExcel } from './errors.js';
import { refreshFunctionTariff } from './functionTariff.js';
import { loadSheetNames } from './sheetNames.js';
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
  const sheet = taxaOutputSheet(DEFAULT_TARIFF, DEFAULT_PRISBASBELOPP);
  await writeSheets(excel, [sheet], () => undefined);
  // What was just written, without reading it back.
  await refreshFunctionTariff(excel, { name: sheet.name, values: sheetGrid(sheet), firstRow: 1, firstColumn: 0 });
}
