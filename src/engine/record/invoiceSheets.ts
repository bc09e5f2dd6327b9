// §9: which sheets of a workbook are invoice sheets ("Faktura ÅÅÅÅ-MM"), and their month.
import { monthKey, type YearMonth } from '../days.js';
import { normaliseKey } from '../text.js';

export interface InvoiceSheetName {
  readonly name: string;
  readonly month: YearMonth;
}

const INVOICE_NAME = /^faktura (\d{4})-(\d{2})$/;

/** The month of a sheet named like "Faktura 2025-03" (case and spacing tolerated); else undefined. */
export function invoiceSheetMonth(name: string): YearMonth | undefined {
  const m = INVOICE_NAME.exec(normaliseKey(name));
  if (!m) return undefined;
  const year = +m[1]!,
    month = +m[2]!;
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}

/**
 * The invoice sheets among `names`, oldest month first (sheet order within a month). `except`:
 * the month being billed now, whose sheet is being replaced and is never part of the record.
 */
export function invoiceSheetNames(names: readonly string[], except?: YearMonth): InvoiceSheetName[] {
  const skip = except ? monthKey(except) : undefined;
  const found: InvoiceSheetName[] = [];
  for (const name of names) {
    const month = invoiceSheetMonth(name);
    if (month && monthKey(month) !== skip) found.push({ name, month });
  }
  return found
    .map((s, i) => ({ s, i, key: monthKey(s.month) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((x) => x.s);
}
