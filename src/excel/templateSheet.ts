// "Skapa Taxa-blad" and "Skapa Export-blad": a sheet the user fills in, written only when the
// workbook has none of that name (found as the engine finds it), never over the user's own.
import { findSheetName, type OutputSheet } from '../engine/index.js';
import { ExcelActionError, runExcel } from './errors.js';
import { loadSheetNames } from './sheetNames.js';
import { writeSheets } from './writeSheets.js';

export async function createTemplateSheet(
  excel: typeof Excel,
  sheet: OutputSheet,
  refusal: (existing: string) => string,
): Promise<void> {
  const existing = await runExcel(excel, 'läsa arbetsbokens blad', async (context) =>
    findSheetName(await loadSheetNames(context), sheet.name),
  );
  if (existing !== undefined) throw new ExcelActionError(refusal(existing));
  await writeSheets(excel, [sheet], () => undefined);
}
