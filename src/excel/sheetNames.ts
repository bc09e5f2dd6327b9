// Sheet names and used ranges: the first sync of nearly every action.
import type { SheetRect } from './readRange.js';

/** Every sheet's name, in tab order. */
export async function loadSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/** Queues a load of a sheet's used range (values only); read `rectOf` after the next sync. */
export function queueUsedRange(context: Excel.RequestContext, sheet: string): Excel.Range {
  return context.workbook.worksheets
    .getItem(sheet)
    .getUsedRangeOrNullObject(true)
    .load('rowIndex, columnIndex, rowCount, columnCount');
}

/** The loaded used range as a rect; undefined for an empty sheet. */
export function rectOf(sheet: string, used: Excel.Range): SheetRect | undefined {
  if (used.isNullObject) return undefined;
  return {
    sheet,
    rowIndex: used.rowIndex,
    columnIndex: used.columnIndex,
    rowCount: used.rowCount,
    columnCount: used.columnCount,
  };
}

/** Excel's own rule for a name clash: case-insensitive, nothing else (unlike findSheetName). */
export function excelSheetName(names: readonly string[], wanted: string): string | undefined {
  const key = wanted.toLocaleLowerCase('sv');
  return names.find((n) => n.toLocaleLowerCase('sv') === key);
}
