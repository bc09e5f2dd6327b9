// A1-style addresses for the Excel fake. No Node imports: the fake must also bundle for a browser.
import { FakeOfficeError } from './errors.js';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, as Excel's rowIndex/columnIndex/rowCount/columnCount. */
export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1" or "A1:C3" (a single cell is written without the ":" part, as Excel does). */
export function rectToA1(r: Rect): string {
  const first = `${columnLetters(r.column)}${r.row + 1}`;
  if (r.rowCount === 1 && r.columnCount === 1) return first;
  if (r.rowCount === MAX_ROWS) {
    return `${columnLetters(r.column)}:${columnLetters(r.column + r.columnCount - 1)}`;
  }
  if (r.columnCount === MAX_COLUMNS) return `${r.row + 1}:${r.row + r.rowCount}`;
  return `${first}:${columnLetters(r.column + r.columnCount - 1)}${r.row + r.rowCount}`;
}

/** Quotes a sheet name the way Excel does in addresses ('Faktura 2025-01'!A1, Taxa!A1). */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectToA1(r)}`;
}

/** Splits "Sheet!A1:B2" / "'My sheet'!A1" into sheet name (if any) and the cell part. */
export function splitSheet(address: string): { sheet?: string; cells: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address.trim());
  if (!m) return { cells: address.trim() };
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, cells: m[3] ?? '' };
}

function badAddress(address: string): FakeOfficeError {
  return new FakeOfficeError(
    'InvalidArgument',
    `The address "${address}" is not a valid A1 reference (fake supports A1, A1:B2, A:B, 1:2).`,
  );
}

/** Parses the cell part of an address: A1, $A$1, A1:B2, A:C (whole columns), 2:5 (whole rows). */
export function parseA1(cells: string): Rect {
  const text = cells.replace(/\$/g, '').toUpperCase();
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const parts = text.split(':');
  if (parts.length === 1 || parts.length === 2) {
    const [a, b = a] = parts as [string, string?];
    const ca = cell.exec(a);
    const cb = cell.exec(b);
    if (ca && cb) {
      const r1 = Number(ca[2]) - 1;
      const r2 = Number(cb[2]) - 1;
      const c1 = columnIndex(ca[1] ?? '');
      const c2 = columnIndex(cb[1] ?? '');
      return checked(cells, Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
    }
    if (parts.length === 2 && /^[A-Z]{1,3}$/.test(a) && /^[A-Z]{1,3}$/.test(b)) {
      const c1 = columnIndex(a);
      const c2 = columnIndex(b);
      return checked(cells, 0, Math.min(c1, c2), MAX_ROWS, Math.abs(c2 - c1) + 1);
    }
    if (parts.length === 2 && /^\d{1,7}$/.test(a) && /^\d{1,7}$/.test(b)) {
      const r1 = Number(a) - 1;
      const r2 = Number(b) - 1;
      return checked(cells, Math.min(r1, r2), 0, Math.abs(r2 - r1) + 1, MAX_COLUMNS);
    }
  }
  throw badAddress(cells);
}

export function checked(address: string, row: number, column: number, rowCount: number, columnCount: number): Rect {
  const ok =
    Number.isInteger(row) &&
    Number.isInteger(column) &&
    Number.isInteger(rowCount) &&
    Number.isInteger(columnCount) &&
    row >= 0 &&
    column >= 0 &&
    rowCount >= 1 &&
    columnCount >= 1 &&
    row + rowCount <= MAX_ROWS &&
    column + columnCount <= MAX_COLUMNS;
  if (!ok) throw new FakeOfficeError('InvalidArgument', `The range ${address} lies outside the worksheet.`);
  return { row, column, rowCount, columnCount };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}
