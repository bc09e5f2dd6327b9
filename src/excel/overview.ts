// What the pane shows before a run: every sheet's header row and row count, in two syncs.
import { EXPORT_SHEET, findSheetName, SIDE_SHEETS } from '../engine/index.js';
import { runExcel } from './errors.js';
import { excelSheetName, loadSheetNames } from './sheetNames.js';
import type { SheetSummary, WorkbookOverview } from '../workbook/index.js';

const headerText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function overview(excel: typeof Excel): Promise<WorkbookOverview> {
  return runExcel(excel, 'läsa arbetsbokens blad', async (context) => {
    const names = await loadSheetNames(context);
    const loads = names.map((name) => {
      // getUsedRange (not OrNullObject) so getRow can be chained: an empty sheet gives A1.
      const used = context.workbook.worksheets.getItem(name).getUsedRange(true).load('rowCount');
      return { name, used, header: used.getRow(0).load('values') };
    });
    await context.sync();
    const sheets: SheetSummary[] = loads.map(({ name, used, header }) => {
      const headers = (header.values[0] ?? []).map(headerText);
      const empty = used.rowCount === 1 && headers.every((h) => h === '');
      return { name, headers: empty ? [] : headers, rowCount: empty ? 0 : used.rowCount - 1 };
    });
    return {
      sheets,
      hasTaxaSheet: findSheetName(names, SIDE_SHEETS.taxa) !== undefined,
      hasExportSheet: findSheetName(names, EXPORT_SHEET) !== undefined,
    };
  });
}

/** Names among `names` that exist, by Excel's rule: the ones writeSheets would replace. */
export function existingSheets(excel: typeof Excel, names: readonly string[]): Promise<string[]> {
  return runExcel(excel, 'läsa arbetsbokens blad', async (context) => {
    const present = await loadSheetNames(context);
    return names.filter((n) => excelSheetName(present, n) !== undefined);
  });
}
