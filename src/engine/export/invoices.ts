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
  readonly quantity?: number;
  /** À-pris in öre; undefined when blank (a reduction has none). */
  readonly unitPriceOre?: number;
}

export interface ExportInvoice {
  readonly pnr: string;
  readonly lines: ExportLine[];
  totalOre: number;
  /** The first non-blank value per person of these columns, and the line it is on (for messages). */
  readonly texts: Partial<Record<InvoiceTextField, { readonly value: string; readonly line: RecordLine }>>;
}

export type InvoiceTextField = Extract<RecordField, 'name' | 'careOf' | 'street' | 'postal'>;
export const INVOICE_TEXT_FIELDS: readonly InvoiceTextField[] = ['name', 'careOf', 'street', 'postal'];

/** Invoices in the order their persons first appear on the sheet. */
export function groupInvoices(
  lines: readonly ExportLine[],
  textOf: (l: RecordLine, f: InvoiceTextField) => string,
): ExportInvoice[] {
  const byPerson = new Map<string, ExportInvoice>();
  const invoices: ExportInvoice[] = [];
  for (const l of lines) {
    let inv = byPerson.get(l.line.pnr);
    if (!inv) {
      inv = { pnr: l.line.pnr, lines: [], totalOre: 0, texts: {} };
      byPerson.set(l.line.pnr, inv);
      invoices.push(inv);
    }
    inv.lines.push(l);
    inv.totalOre += l.line.amountOre;
    for (const f of INVOICE_TEXT_FIELDS) {
      if (inv.texts[f] !== undefined) continue;
      const v = textOf(l.line, f);
      if (v !== '') inv.texts[f] = { value: v, line: l.line };
    }
  }
  return invoices;
}
