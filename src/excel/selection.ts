// Pointing the user at cells: select a problem's cell, mark the cells a review found.
import { columnLetter, findSheetName } from '../engine/index.js';
import { ACTION_BYTES, SyncBatcher } from './budget.js';
import { ExcelActionError, runExcel, sheetMissing } from './errors.js';
import { loadSheetNames } from './sheetNames.js';

/** Soft yellow (Fluent's warning background): data formatting in the sheet, not pane UI. */
export const HIGHLIGHT_FILL = '#FFF4CE';

/** Workbook setting with the cells the last Granska marked, per worksheet id. */
export const REVIEW_MARKS_KEY = 'vt-avgifter.granskning';

/** More runs than this are recorded as their bounding box (keeps the setting small; clearing the box later only touches this output sheet). */
const MAX_RECORDED_RUNS = 2_000;

const CELL_ADDRESS = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;
/** Whole rows ("12:12"): where a problem concerns a row but no single cell. */
const ROW_ADDRESS = /^\$?\d{1,7}:\$?\d{1,7}$/;

/** "C12", "Blad!C12", "'Mitt blad'!C12:D14" or "12:12" → the cell part, checked. */
export function cellPart(address: string): string {
  const bang = address.lastIndexOf('!');
  const cells = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  if (!CELL_ADDRESS.test(cells) && !ROW_ADDRESS.test(cells)) {
    throw new ExcelActionError(`"${address}" är ingen celladress (till exempel C12).`);
  }
  return cells;
}

const SINGLE = /^([A-Z]{1,3})(\d{1,7})$/;

/**
 * Single cells merged into runs down a column ("I2", "I3", "I4" → "I2:I4"); other addresses
 * as they are. A sorted or stale sheet differs in whole columns: a few ranges, not 10^5 cells.
 */
export function cellRuns(cells: readonly string[]): string[] {
  const byColumn = new Map<string, number[]>();
  const other = new Set<string>();
  for (const cell of cells) {
    const m = SINGLE.exec(cell.replace(/\$/g, '').toUpperCase());
    if (!m) {
      other.add(cell);
      continue;
    }
    const rows = byColumn.get(m[1]!) ?? [];
    rows.push(Number(m[2]));
    byColumn.set(m[1]!, rows);
  }
  const runs: string[] = [];
  for (const [column, rows] of byColumn) {
    rows.sort((a, b) => a - b);
    let start = rows[0]!;
    let end = start;
    const push = () => runs.push(start === end ? `${column}${start}` : `${column}${start}:${column}${end}`);
    for (const row of rows.slice(1)) {
      if (row <= end + 1) {
        end = Math.max(end, row);
        continue;
      }
      push();
      start = end = row;
    }
    push();
  }
  return [...runs, ...other];
}

/** 1-based column number of "A", "AB", … */
const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The smallest range holding every run (all are column runs or single cells). */
function boundingBox(runs: readonly string[]): string[] {
  let top = Infinity,
    bottom = 0,
    left = Infinity,
    right = 0;
  for (const run of runs) {
    for (const corner of run.split(':')) {
      const m = SINGLE.exec(corner);
      if (!m) return [...runs]; // a whole-row address: keep the list rather than guess
      const row = Number(m[2]);
      const col = colNumber(m[1]!);
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
  }
  return runs.length === 0 ? [] : [`${columnLetter(left - 1)}${top}:${columnLetter(right - 1)}${bottom}`];
}

type Marks = Record<string, string[]>;

function parseMarks(raw: unknown): Marks {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (typeof value !== 'object' || value === null) return {};
  const out: Marks = {};
  for (const [id, cells] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(cells))
      out[id] = cells.filter((c): c is string => typeof c === 'string' && (CELL_ADDRESS.test(c) || ROW_ADDRESS.test(c)));
  }
  return out;
}

export async function selectCell(excel: typeof Excel, sheet: string, address: string): Promise<void> {
  const cells = cellPart(address);
  return runExcel(excel, `markera ${sheet}!${cells}`, async (context) => {
    const name = findSheetName(await loadSheetNames(context), sheet);
    if (!name) throw sheetMissing(sheet);
    const ws = context.workbook.worksheets.getItem(name);
    ws.activate();
    ws.getRange(cells).select();
    await context.sync();
  });
}

/**
 * Marks exactly `addresses` on the sheet: the marks of the previous Granska there are cleared
 * first, so a cell fixed since is no longer yellow. Fill colour only: values, formats and
 * formulas stay as they are. Selects the first address.
 */
export async function highlightCells(excel: typeof Excel, sheet: string, addresses: readonly string[]): Promise<void> {
  const cells = addresses.map(cellPart);
  const runs = cellRuns(cells);
  return runExcel(excel, `markera celler på bladet "${sheet}"`, async (context) => {
    const sheets = context.workbook.worksheets.load('items/name, id');
    const stored = context.workbook.settings.getItemOrNullObject(REVIEW_MARKS_KEY).load('value');
    await context.sync();
    const name = findSheetName(
      sheets.items.map((s) => s.name),
      sheet,
    );
    const found = sheets.items.find((s) => s.name === name);
    if (!found) throw sheetMissing(sheet);
    const marks = stored.isNullObject ? {} : parseMarks(stored.value);
    const before = JSON.stringify(marks);
    // Marks of sheets deleted (or replaced by a new Faktura sheet, which has a new id) are dropped.
    const ids = new Set(sheets.items.map((s) => s.id));
    for (const id of Object.keys(marks)) if (!ids.has(id)) delete marks[id];

    // Asked for only when used: with nothing to clear or mark the run sends no second request.
    let sheetProxy: Excel.Worksheet | undefined;
    const ws = (): Excel.Worksheet => (sheetProxy ??= context.workbook.worksheets.getItem(found.name));
    const batcher = new SyncBatcher(context);
    for (const old of marks[found.id] ?? []) {
      await batcher.reserve(ACTION_BYTES);
      ws().getRange(old).format.fill.clear();
    }
    for (const run of runs) {
      await batcher.reserve(ACTION_BYTES);
      ws().getRange(run).format.fill.color = HIGHLIGHT_FILL;
    }
    if (runs.length > 0) marks[found.id] = runs.length > MAX_RECORDED_RUNS ? boundingBox(runs) : runs;
    else delete marks[found.id];
    const record = JSON.stringify(marks);
    // Unchanged (e.g. nothing marked before or now): no write, so the file is not changed.
    if (record !== before) {
      await batcher.reserve(2 * ACTION_BYTES + record.length);
      context.workbook.settings.add(REVIEW_MARKS_KEY, record);
    }
    if (cells.length > 0) {
      await batcher.reserve(2 * ACTION_BYTES);
      ws().activate();
      ws().getRange(cells[0]!).select();
    }
    await batcher.flush();
  });
}
