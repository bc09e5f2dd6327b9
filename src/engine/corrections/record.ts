// §9: the record, what earlier `Faktura ÅÅÅÅ-MM` sheets say was billed, one reading per sheet.
// These are the fields R7 uses of the invoice-sheet reader's result (src/engine/record), which
// fits them as it is: unreadable lines come as problems naming sheet and cell.
import type { YearMonth } from '../days.js';
import type { LineKind } from '../invoiceLine.js';
import type { Problem } from '../problems.js';

/** One readable line of an invoice sheet. */
export interface BilledLine {
  readonly sheet: string;
  /** Row number as Excel shows it. */
  readonly row: number;
  /** Normalised as in §4: `ÅÅÅÅMMDD-NNNC`. */
  readonly pnr: string;
  /** `pnr` as a number, as parsePersonnummer keys it: same order as `pnr`. */
  readonly personKey: number;
  /** `Månad`: the month the amount concerns, `ÅÅÅÅ-MM` (a correction line: the month it corrects). */
  readonly month: string;
  readonly kind: LineKind;
  /** Belopp in öre. */
  readonly amountOre: number;
}

/** A cell the reader could not read; its line is left out of the record. */
export interface BilledSheetProblem {
  readonly sheet: string;
  readonly row?: number;
  readonly column: string;
  readonly cell?: string;
  readonly value: string;
  readonly message: string;
}

/** One invoice sheet read back. */
export interface BilledSheet {
  readonly sheet: string;
  /** The month the sheet bills (from its name `Faktura ÅÅÅÅ-MM`); undefined for another name. */
  readonly month?: YearMonth;
  readonly lines: readonly BilledLine[];
  readonly problems: readonly BilledSheetProblem[];
}

/** §9: each unreadable record cell is a Varning, its line left out of billed. */
export function recordProblemWarning(p: BilledSheetProblem): Problem {
  return {
    severity: 'Varning',
    sheet: p.sheet,
    ...(p.row !== undefined ? { row: p.row } : {}),
    column: p.column,
    ...(p.cell !== undefined ? { cell: p.cell } : {}),
    value: p.value,
    message: `${p.message} Raden räknas inte som fakturerad vid rättelser (R7).`,
    rule: 'R7',
  };
}
