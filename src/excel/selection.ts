// Pointing the user at cells: select a problem's cell, mark the cells a review found.
import { findSheetName } from '../engine/index.js';
import { ACTION_BYTES, SyncBatcher } from './budget.js';
import { ExcelActionError, runExcel, sheetMissing } from './errors.js';
import { loadSheetNames } from './sheetNames.js';

/** Soft yellow (Fluent's warning background): data formatting in the sheet, not pane UI. */
export const HIGHLIGHT_FILL = '#FFF4CE';

const CELL_ADDRESS = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/** "C12", "Blad!C12" or "'Mitt blad'!C12:D14" → the cell part, checked. */
export function cellPart(address: string): string {
  const bang = address.lastIndexOf('!');
  const cells = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  if (!CELL_ADDRESS.test(cells)) throw new ExcelActionError(`"${address}" är ingen celladress (till exempel C12).`);
  return cells;
}

async function sheetOrThrow(context: Excel.RequestContext, sheet: string): Promise<Excel.Worksheet> {
  const name = findSheetName(await loadSheetNames(context), sheet);
  if (!name) throw sheetMissing(sheet);
  return context.workbook.worksheets.getItem(name);
}

export async function selectCell(excel: typeof Excel, sheet: string, address: string): Promise<void> {
  const cells = cellPart(address);
  return runExcel(excel, `markera ${sheet}!${cells}`, async (context) => {
    const ws = await sheetOrThrow(context, sheet);
    ws.activate();
    ws.getRange(cells).select();
    await context.sync();
  });
}

/** Fill colour only: values, formats and formulas stay as they are. */
export async function highlightCells(excel: typeof Excel, sheet: string, addresses: readonly string[]): Promise<void> {
  const cells = addresses.map(cellPart);
  if (cells.length === 0) return;
  return runExcel(excel, `markera celler på bladet "${sheet}"`, async (context) => {
    const ws = await sheetOrThrow(context, sheet);
    const batcher = new SyncBatcher(context);
    for (const cell of cells) {
      await batcher.reserve(ACTION_BYTES);
      ws.getRange(cell).format.fill.color = HIGHLIGHT_FILL;
    }
    await batcher.reserve(ACTION_BYTES);
    ws.activate();
    ws.getRange(cells[0]!).select();
    await batcher.flush();
  });
}
