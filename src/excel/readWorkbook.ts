// Reading for a run: the register's used range, the optional side sheets and the record (the
// earlier invoice sheets), as the engine wants them (raw values; dates arrive as serial numbers, which the engine reads as dates, in
// the workbook's date system: each sheet says date1904 when the workbook counts from 1904).
import {
  cellForReview,
  findSheetName,
  invoiceSheetNames,
  SIDE_SHEETS,
  type OutputCell,
  type SheetCells,
} from '../engine/index.js';
import { queueDateSystemProbe } from './dateSystem.js';
import { runExcel, sheetMissing } from './errors.js';
import { readRects, type SheetRect } from './readRange.js';
import { loadSheetNames, queueUsedRange, rectOf } from './sheetNames.js';
import type { ProgressReport, ReadOptions, WorkbookRead } from '../workbook/index.js';

function cellsOf(name: string, rect: SheetRect | undefined, values: unknown[][] | undefined, date1904: boolean): SheetCells {
  const system = date1904 ? { date1904: true } : {};
  if (!rect || !values) return { name, values: [], firstRow: 1, firstColumn: 0, ...system };
  // firstRow/firstColumn make problem rows and cells match what Excel shows.
  return { name, values, firstRow: rect.rowIndex + 1, firstColumn: rect.columnIndex, ...system };
}

/** Sheets found and read in one go: syncs 1 (used ranges, date system) + value chunks. */
async function readSheetCells(
  context: Excel.RequestContext,
  names: readonly string[],
  progress: ProgressReport,
  label: string,
): Promise<Map<string, SheetCells>> {
  const used = names.map((n) => queueUsedRange(context, n));
  const uses1904 = queueDateSystemProbe(context);
  await context.sync();
  const date1904 = uses1904();
  const rects = names.map((n, i) => rectOf(n, used[i]!));
  const present = rects.filter((r): r is SheetRect => r !== undefined);
  const total = present.reduce((n, r) => n + r.rowCount, 0);
  progress(0.05, `Läser ${label} (${total} rader) …`);
  const values = await readRects(context, present, {
    onProgress: (done, all) => progress(0.05 + 0.95 * (done / all), `Läser ${label}: ${done} av ${all} rader …`),
  });
  const byName = new Map(present.map((r, i) => [r.sheet, { rect: r, values: values[i] }]));
  return new Map(names.map((n) => [n, cellsOf(n, byName.get(n)?.rect, byName.get(n)?.values, date1904)]));
}

/**
 * Register and side sheets, and the record when asked for (§9: every invoice sheet but the one
 * of the month being billed); syncs: 1 (names) + 1 (used ranges, date system) + value chunks.
 */
export function readWorkbook(
  excel: typeof Excel,
  registerSheet: string,
  progress: ProgressReport,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
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
    const sideNames = Object.values(side).filter((n): n is string => n !== undefined && n !== register);
    const record = options.record
      ? invoiceSheetNames(names, options.record.except)
          .map((s) => s.name)
          .filter((n) => n !== register && !sideNames.includes(n))
      : [];
    const label = record.length > 0 ? `${register} och ${record.length} fakturablad` : register;
    const cells = await readSheetCells(context, [register, ...sideNames, ...record], progress, label);
    const sheet = (name: string | undefined): SheetCells | undefined => (name && name !== register ? cells.get(name) : undefined);
    progress(1, 'Registret är läst.');
    const [otherFees, ability, taxa] = [sheet(side.otherFees), sheet(side.ability), sheet(side.taxa)];
    return {
      register: cells.get(register)!,
      ...(otherFees ? { otherFees } : {}),
      ...(ability ? { ability } : {}),
      ...(taxa ? { taxa } : {}),
      ...(options.record ? { record: record.map((n) => cells.get(n)!) } : {}),
    };
  });
}

/** Sheets by name (found as the engine finds sheets) as cells; undefined where a sheet is missing. */
export function readSheets(
  excel: typeof Excel,
  wanted: readonly string[],
  progress: ProgressReport,
): Promise<(SheetCells | undefined)[]> {
  return runExcel(excel, 'läsa bladen', async (context) => {
    progress(0, 'Läser arbetsboken …');
    const names = await loadSheetNames(context);
    const found = wanted.map((w) => findSheetName(names, w));
    const present = [...new Set(found.filter((n): n is string => n !== undefined))];
    const cells = present.length > 0 ? await readSheetCells(context, present, progress, present.join(', ')) : new Map();
    progress(1, 'Bladen är lästa.');
    return found.map((n) => (n === undefined ? undefined : cells.get(n)));
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
