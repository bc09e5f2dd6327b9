// §10: the invoices of an export: one per person, that person's lines in the sheet's order, each
// line with its kontering and row text.
import type { RecordField, RecordLine } from '../record/invoiceRecord.js';
import type { KonteringRow } from './kontering.js';

export interface ExportLine {
  readonly line: RecordLine;
  readonly kontering: KonteringRow;
  /** The invoice row text: the kontering's Text, else Typ (+ the month it concerns, when earlier) + Tjänst. */
  readonly text: string;
  /** Antal in hundredths; undefined when blank. */
  readonly quantity: number | undefined;
  /** À-pris in öre; undefined when blank (a reduction has none). */
  readonly unitPriceOre: number | undefined;
}

export interface ExportInvoice {
  readonly pnr: string;
  readonly lines: ExportLine[];
  totalOre: number;
  /** The first non-blank value per person of these columns, and the line it is on (for messages). */
  readonly texts: Record<InvoiceTextField, { readonly value: string; readonly line: RecordLine } | undefined>;
}

export type InvoiceTextField = Extract<RecordField, 'name' | 'careOf' | 'street' | 'postal'>;
export const INVOICE_TEXT_FIELDS: readonly InvoiceTextField[] = ['name', 'careOf', 'street', 'postal'];

/**
 * Invoices in the order their persons first appear on the sheet. `textFields`: the columns the
 * sheet has of name and address (the others stay unset).
 */
export function groupInvoices(
  lines: readonly ExportLine[],
  textFields: readonly InvoiceTextField[],
  textOf: (l: RecordLine, f: InvoiceTextField) => string,
): ExportInvoice[] {
  // A sheet in personnummer order (as the product writes it) needs no lookup: a person's lines
  // are together. Any other order (a reviewer sorted by name) looks persons up.
  let sorted = true;
  for (let i = 1; i < lines.length && sorted; i++) sorted = lines[i - 1]!.line.pnr <= lines[i]!.line.pnr;
  const byPerson = sorted ? undefined : new Map<string, ExportInvoice>();
  const invoices: ExportInvoice[] = [];
  let inv: ExportInvoice | undefined;
  for (const l of lines) {
    if (inv === undefined || inv.pnr !== l.line.pnr) {
      inv = byPerson?.get(l.line.pnr);
      if (!inv) {
        inv = {
          pnr: l.line.pnr,
          lines: [],
          totalOre: 0,
          texts: { name: undefined, careOf: undefined, street: undefined, postal: undefined },
        };
        byPerson?.set(l.line.pnr, inv);
        invoices.push(inv);
      }
    }
    inv.lines.push(l);
    inv.totalOre += l.line.amountOre;
    for (const f of textFields) {
      if (inv.texts[f] !== undefined) continue;
      const v = textOf(l.line, f);
      if (v !== '') inv.texts[f] = { value: v, line: l.line };
    }
  }
  return invoices;
}
