// Reading for a run: the register's used range and the optional side sheets, as the engine
// wants them (raw values; dates arrive as serial numbers, which the engine reads as dates, in
// the workbook's date system: each sheet says date1904 when the workbook counts from 1904).
import {
  cellForReview,
  findSheetName,
  SIDE_SHEETS,
  type OutputCell,
  type SheetCells,
  type WorkbookInput,
} from '../engine/index.js';
import { queueDateSystemProbe } from './dateSystem.js';
import { runExcel, sheetMissing } from './errors.js';
import { readRects, type SheetRect } from './readRange.js';
import { loadSheetNames, queueUsedRange, rectOf } from './sheetNames.js';
import type { ProgressReport } from '../workbook/index.js';

function cellsOf(name: string, rect: SheetRect | undefined, values: unknown[][] | undefined, date1904: boolean): SheetCells {
  const system = date1904 ? { date1904: true } : {};
  if (!rect || !values) return { name, values: [], firstRow: 1, firstColumn: 0, ...system };
  // firstRow/firstColumn make problem rows and cells match what Excel shows.
  return { name, values, firstRow: rect.rowIndex + 1, firstColumn: rect.columnIndex, ...system };
}

/** Register and side sheets; syncs: 1 (names) + 1 (used ranges, date system) + value chunks. */
export function readWorkbook(excel: typeof Excel, registerSheet: string, progress: ProgressReport): Promise<WorkbookInput> {
  return runExcel(excel, 'läsa registret', async (context) => {
    progress(0, 'Läser arbetsboken …');
    const names = await loadSheetNames(context);
    const register = findSheetName(names, registerSheet);
    if (!register) throw sheetMissing(registerSheet);
    const side = {
      otherFees: findSheetName(names, SIDE_SHEETS.otherFees),
      ability: findSheetName(names, SIDE_SHEETS.ability),
      taxa: findSheetName(names, SIDE_SHEETS.taxa),
    };
    const wanted = [register, ...Object.values(side).filter((n): n is string => n !== undefined && n !== register)];
    const used = wanted.map((n) => queueUsedRange(context, n));
    const uses1904 = queueDateSystemProbe(context);
    await context.sync();
    const date1904 = uses1904();
    const rects = wanted.map((n, i) => rectOf(n, used[i]!));
    const present = rects.filter((r): r is SheetRect => r !== undefined);
    const total = present.reduce((n, r) => n + r.rowCount, 0);
    progress(0.05, `Läser ${register} (${total} rader) …`);
    const values = await readRects(context, present, {
      onProgress: (done, all) => progress(0.05 + 0.95 * (done / all), `Läser ${register}: ${done} av ${all} rader …`),
    });
    const byName = new Map(present.map((r, i) => [r.sheet, { rect: r, values: values[i] }]));
    const cells = (name: string): SheetCells => cellsOf(name, byName.get(name)?.rect, byName.get(name)?.values, date1904);
    progress(1, 'Registret är läst.');
    return {
      register: cells(register),
      ...(side.otherFees && side.otherFees !== register ? { otherFees: cells(side.otherFees) } : {}),
      ...(side.ability && side.ability !== register ? { ability: cells(side.ability) } : {}),
      ...(side.taxa && side.taxa !== register ? { taxa: cells(side.taxa) } : {}),
    };
  });
}

/**
 * A sheet's values from A1 to the used range's last cell, so that values[r][c] is the cell at
 * row r+1, column c (what review addresses mean); undefined if the sheet is missing.
 */
export function readSheetValues(excel: typeof Excel, sheet: string): Promise<OutputCell[][] | undefined> {
  return runExcel(excel, `läsa bladet "${sheet}"`, async (context) => {
    const name = findSheetName(await loadSheetNames(context), sheet);
    if (!name) return undefined;
    const used = queueUsedRange(context, name);
    await context.sync();
    const rect = rectOf(name, used);
    if (!rect) return [];
    const whole: SheetRect = {
      sheet: name,
      rowIndex: 0,
      columnIndex: 0,
      rowCount: rect.rowIndex + rect.rowCount,
      columnCount: rect.columnIndex + rect.columnCount,
    };
    const [values = []] = await readRects(context, [whole]);
    return values.map((row) => row.map(cellForReview));
  });
}
