// Test helpers: registers as objects keyed by Swedish header.
import { billWorkbook, parseMonthKey, type BillingResult, type RunOptions, type SheetCells, type WorkbookInput } from '../../src/engine/index.js';

export type RowSpec = Record<string, unknown>;

export const HEADERS = ['Personnummer', 'Namn', 'Tjänst', 'Enhets-ID', 'Installerad', 'Avslutad', 'Återlämning', 'Påminnelse', 'Kostnad', 'Boende', 'Installationstyp'];

export function sheetOf(name: string, rows: RowSpec[], headers: string[] = HEADERS): SheetCells {
  return { name, values: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))] };
}

export function month(key: string) {
  const m = parseMonthKey(key);
  if (!m) throw new Error(key);
  return m;
}

export function bill(rows: RowSpec[], key = '2025-03', extra: Partial<WorkbookInput> = {}, options: Partial<RunOptions> = {}): BillingResult {
  return billWorkbook({ register: sheetOf('Enhetsregister', rows), ...extra }, { month: month(key), ...options });
}

/** Sum of a person's lines in kronor, as a number for readable assertions. */
export function totalOf(result: BillingResult, pnr?: string): number {
  return result.lines.filter((l) => pnr === undefined || l.pnr === pnr).reduce((s, l) => s + l.amount.toNumber(), 0);
}

export function linesOf(result: BillingResult): Array<[string, number]> {
  return result.lines.map((l) => [l.kind, l.amount.toNumber()]);
}

// Synthetic, Luhn-valid personnummer.
export const P1 = '19400101-1230';
export const P2 = '19351224-3332';
