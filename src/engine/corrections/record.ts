// §9: the record, what earlier `Faktura ÅÅÅÅ-MM` sheets say was billed. This is the minimal
// shape R7 needs; the invoice-sheet reader produces it (unreadable lines as problems).
import { parseMonthKey, type YearMonth } from '../days.js';
import type { LineKind } from '../invoiceLine.js';
import type { Money } from '../money.js';
import type { Problem } from '../problems.js';

/** One readable line of a record sheet. */
export interface RecordLine {
  /** Normalised as in §4: `ÅÅÅÅMMDD-NNNC`. */
  readonly pnr: string;
  /** `Månad`: the month the amount concerns, `ÅÅÅÅ-MM`. */
  readonly month: string;
  readonly kind: LineKind;
  readonly amount: Money;
  /** Where the line stands, for Källa and messages: `Faktura 2025-03`, row 14. */
  readonly sheet: string;
  readonly row: number;
}

export interface InvoiceRecord {
  /** Names of every invoice sheet read, also those with no readable line. */
  readonly sheets: readonly string[];
  readonly lines: readonly RecordLine[];
  /** Lines left out because a cell could not be read: Varningar naming sheet and cell. */
  readonly problems: readonly Problem[];
}

export const EMPTY_RECORD: InvoiceRecord = { sheets: [], lines: [], problems: [] };

const INVOICE_SHEET = /^faktura\s+(\d{4}-\d{2})$/i;

/** The billing month of an invoice sheet, from its name `Faktura ÅÅÅÅ-MM`; undefined for other names. */
export function billingMonthOfSheet(name: string): YearMonth | undefined {
  const m = INVOICE_SHEET.exec(name.normalize('NFC').trim());
  return m ? parseMonthKey(m[1]!) : undefined;
}
