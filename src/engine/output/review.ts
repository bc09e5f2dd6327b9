// Granska: a recomputed invoice sheet against the values of the sheet in the workbook, cell by
// cell. Pure: the caller reads the sheet (from A1) and marks what comes back.
import { columnLetter } from '../problems.js';
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

/** Blank ('' / null / undefined) is '', booleans as Excel shows them, anything else as text. */
function asCell(v: unknown): OutputCell {
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** In öre, so 239 and 239.0000001 are the same amount; floating noise never shows as a difference. */
const ore = (n: number): number => Math.round(n * 100);

function same(a: OutputCell, b: OutputCell): boolean {
  if (typeof a === 'number' && typeof b === 'number') return ore(a) === ore(b);
  return a === b;
}

/**
 * Every cell that differs, row by row. `actual[r][c]` is the cell at row r+1, column c (A1 first).
 * Rows or columns only one side has are compared with blanks, so a missing or extra line shows
 * as its non-blank cells.
 */
export function reviewInvoice(expected: OutputSheet, actual: ReadonlyArray<ReadonlyArray<unknown>>): CellDifference[] {
  const grid = sheetGrid(expected);
  const headerRow = grid[0] ?? [];
  const actualHeader = actual[0] ?? [];
  const rows = Math.max(grid.length, actual.length);
  const differences: CellDifference[] = [];
  for (let r = 0; r < rows; r++) {
    const want = grid[r] ?? [];
    const got = actual[r] ?? [];
    const width = Math.max(want.length, got.length);
    for (let c = 0; c < width; c++) {
      const e = asCell(want[c]);
      const a = asCell(got[c]);
      if (same(e, a)) continue;
      const header = String(asCell(headerRow[c])) || String(asCell(actualHeader[c]));
      differences.push({ address: `${columnLetter(c)}${r + 1}`, header, expected: e, actual: a });
    }
  }
  return differences;
}
