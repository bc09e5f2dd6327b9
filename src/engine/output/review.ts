// Granska: a recomputed invoice sheet against the values of the sheet in the workbook, cell by
// cell. Pure: the caller reads the sheet (from A1) and marks what comes back.
import { columnLetter } from '../problems.js';
import { displayValue } from '../text.js';
import { sheetGrid, type OutputCell, type OutputSheet } from './table.js';

/** A cell whose value differs between the recomputed sheet and the workbook. */
export interface CellDifference {
  /** A1 address on the sheet, e.g. "I12". */
  readonly address: string;
  /** The column's header (recomputed; the sheet's own where the recomputed sheet has none). */
  readonly header: string;
  readonly expected: OutputCell;
  readonly actual: OutputCell;
}

/** Numbers and text as they are; anything else (blank, SANT/FALSKT) as the messages show it. */
export function cellForReview(v: unknown): OutputCell {
  return typeof v === 'number' || typeof v === 'string' ? v : displayValue(v);
}

/** In öre, so 239 and 239.0000001 are the same amount; floating noise never shows as a difference. */
const ore = (n: number): number => Math.round(n * 100);

function same(a: OutputCell, b: OutputCell): boolean {
  if (typeof a === 'number' && typeof b === 'number') return ore(a) === ore(b);
  return a === b;
}

/** The columns that name an invoice line: one line per person, kind and source rows (§7). */
const KEY_HEADERS = ['Personnummer', 'Typ', 'Källa'];

/**
 * Every cell that differs. `actual[r][c]` is the cell at row r+1, column c (A1 first). Lines are
 * matched by Personnummer, Typ and Källa and columns by header, so a sheet the reviewer sorted or
 * gave an extra column is compared line for line; where that matching explains less than plain
 * row-by-row comparison (keys edited by hand), the row-by-row result stands. Rows or columns only
 * one side has are compared with blanks, so a missing or extra line shows as its non-blank cells.
 */
export function reviewInvoice(expected: OutputSheet, actual: ReadonlyArray<ReadonlyArray<unknown>>): CellDifference[] {
  const grid = sheetGrid(expected);
  const byPosition = compareRows(
    grid,
    actual,
    grid.map((_, r) => r),
    identityColumns(grid, actual),
  );
  if (byPosition.length === 0) return byPosition;
  const byKey = compareByKey(grid, actual);
  return byKey && byKey.length < byPosition.length ? byKey : byPosition;
}

function identityColumns(grid: readonly OutputCell[][], actual: ReadonlyArray<ReadonlyArray<unknown>>): number[] {
  let width = 0;
  for (const row of grid) width = Math.max(width, row.length);
  for (const row of actual) width = Math.max(width, row.length);
  return Array.from({ length: width }, (_, c) => c);
}

/**
 * Compares actual row r with grid row `wantRow[r]` (-1: none, i.e. blanks), column c of the
 * sheet with grid column `wantCol[c]` (-1: none). Grid rows no actual row took are appended
 * below the sheet's last row, where a missing line would stand.
 */
function compareRows(
  grid: readonly OutputCell[][],
  actual: ReadonlyArray<ReadonlyArray<unknown>>,
  wantRow: readonly number[],
  wantCol: readonly number[],
): CellDifference[] {
  const headerRow = grid[0] ?? [];
  const actualHeader = actual[0] ?? [];
  const differences: CellDifference[] = [];
  const taken = new Set(wantRow);
  const missing = grid.map((_, r) => r).filter((r) => !taken.has(r));
  const rows = Math.max(actual.length, wantRow.length) + missing.length;
  for (let r = 0; r < rows; r++) {
    const g =
      r < Math.max(actual.length, wantRow.length) ? (wantRow[r] ?? -1) : missing[r - Math.max(actual.length, wantRow.length)]!;
    const want = g >= 0 ? (grid[g] ?? []) : [];
    const got = actual[r] ?? [];
    for (let c = 0; c < wantCol.length; c++) {
      const wc = wantCol[c]!;
      const e = wc >= 0 ? cellForReview(want[wc]) : '';
      const a = cellForReview(got[c]);
      if (same(e, a)) continue;
      const header = String(wc >= 0 ? cellForReview(headerRow[wc]) : '') || String(cellForReview(actualHeader[c]));
      differences.push({ address: `${columnLetter(c)}${r + 1}`, header, expected: e, actual: a });
    }
  }
  return differences;
}

/** Lines matched by key and columns by header; undefined when the sheet lacks a key column. */
function compareByKey(
  grid: readonly OutputCell[][],
  actual: ReadonlyArray<ReadonlyArray<unknown>>,
): CellDifference[] | undefined {
  const header = (grid[0] ?? []).map((h) => String(h));
  const actualHeader = (actual[0] ?? []).map((h) => String(cellForReview(h)));
  // Sheet column → grid column with the same header (each grid column used once).
  const used = new Set<number>();
  let width = actualHeader.length;
  for (const row of actual) width = Math.max(width, row.length);
  const wantCol = Array.from({ length: width }, (_, c) => {
    const g = header.findIndex((h, i) => h !== '' && h === actualHeader[c] && !used.has(i));
    if (g >= 0) used.add(g);
    return g;
  });
  const keyGrid = KEY_HEADERS.map((k) => header.indexOf(k));
  const keySheet = KEY_HEADERS.map((k) => actualHeader.indexOf(k));
  if (keyGrid.some((i) => i < 0) || keySheet.some((i) => i < 0)) return undefined;
  const keyOf = (row: ReadonlyArray<unknown>, cols: number[]): string => JSON.stringify(cols.map((c) => cellForReview(row[c])));
  const free = new Map<string, number[]>();
  for (let r = 1; r < grid.length; r++) {
    const k = keyOf(grid[r]!, keyGrid);
    const list = free.get(k);
    if (list) list.push(r);
    else free.set(k, [r]);
  }
  const wantRow = actual.map((row, r) => (r === 0 ? 0 : (free.get(keyOf(row, keySheet))?.shift() ?? -1)));
  if (actual.length === 0) return undefined;
  return compareRows(grid, actual, wantRow, wantCol);
}
