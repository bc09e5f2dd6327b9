// §10: the invoices of an export: one per person, that person's lines in the sheet's order, each
// line with its kontering and row text. Kept as parallel arrays and index ranges: 130 000 lines
// make no object each beyond the record line itself.
import type { RecordField, RecordLine } from '../record/invoiceRecord.js';
import type { KonteringRow } from './kontering.js';

export type InvoiceTextField = Extract<RecordField, 'name' | 'careOf' | 'street' | 'postal'>;
export const INVOICE_TEXT_FIELDS: readonly InvoiceTextField[] = ['name', 'careOf', 'street', 'postal'];

/** The lines to export, in invoice order, and what each one is booked and described as. */
export interface ExportLines {
  readonly lines: RecordLine[];
  readonly kontering: KonteringRow[];
  /** The invoice row text: the kontering's Text, else Typ (+ the month it concerns, when earlier) + Tjänst. */
  readonly texts: string[];
  /** Antal in hundredths, À-pris in öre; NaN where the cell is blank (a reduction has no À-pris). */
  readonly quantity: Float64Array;
  readonly unitPriceOre: Float64Array;
}

export interface ExportInvoice {
  readonly pnr: string;
  /** The invoice's lines: indexes from..to (exclusive) of ExportLines. */
  readonly from: number;
  readonly to: number;
  readonly totalOre: number;
  /** The first non-blank value per person of these columns ('' when none), and its line (for messages). */
  readonly name: string;
  readonly careOf: string;
  readonly street: string;
  readonly postal: string;
  readonly nameLine: RecordLine | undefined;
  readonly careOfLine: RecordLine | undefined;
  readonly streetLine: RecordLine | undefined;
  readonly postalLine: RecordLine | undefined;
}

const LINE_OF = { name: 'nameLine', careOf: 'careOfLine', street: 'streetLine', postal: 'postalLine' } as const;

/** The line an invoice's name or address was taken from. */
export function textLineOf(inv: ExportInvoice, f: InvoiceTextField): RecordLine | undefined {
  return f === 'name' ? inv.nameLine : f === 'careOf' ? inv.careOfLine : f === 'street' ? inv.streetLine : inv.postalLine;
}

/**
 * Puts each person's lines together, persons in the order they first appear on the sheet and
 * their lines in sheet order, and makes one invoice per person. A sheet in personnummer order
 * (as the product writes it) is already so.
 */
export function groupInvoices(
  input: ExportLines,
  textFields: readonly InvoiceTextField[],
  textOf: (l: RecordLine, f: InvoiceTextField) => string,
): { lines: ExportLines; invoices: ExportInvoice[] } {
  const n = input.lines.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = input.lines[i - 1]!.pnr <= input.lines[i]!.pnr;
  const lines = sorted ? input : reorder(input);

  const invoices: ExportInvoice[] = [];
  let from = 0;
  while (from < n) {
    const pnr = lines.lines[from]!.pnr;
    let to = from,
      total = 0;
    while (to < n && lines.lines[to]!.pnr === pnr) total += lines.lines[to++]!.amountOre;
    const inv = {
      pnr,
      from,
      to,
      totalOre: total,
      name: '',
      careOf: '',
      street: '',
      postal: '',
      nameLine: undefined as RecordLine | undefined,
      careOfLine: undefined as RecordLine | undefined,
      streetLine: undefined as RecordLine | undefined,
      postalLine: undefined as RecordLine | undefined,
    };
    for (const f of textFields)
      for (let i = from; i < to; i++) {
        const v = textOf(lines.lines[i]!, f);
        if (v === '') continue;
        inv[f] = v;
        inv[LINE_OF[f]] = lines.lines[i]!;
        break;
      }
    invoices.push(inv);
    from = to;
  }
  return { lines, invoices };
}

/** Stable: persons by first appearance, each person's lines in sheet order. */
function reorder(input: ExportLines): ExportLines {
  const n = input.lines.length;
  const personOf = new Map<string, number>();
  const person = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = input.lines[i]!.pnr;
    let k = personOf.get(p);
    if (k === undefined) personOf.set(p, (k = personOf.size));
    person[i] = k;
  }
  // Counting sort by person: positions start where the persons before them end.
  const start = new Int32Array(personOf.size + 1);
  for (let i = 0; i < n; i++) start[person[i]! + 1] = start[person[i]! + 1]! + 1;
  for (let k = 1; k <= personOf.size; k++) start[k] = start[k]! + start[k - 1]!;
  const out: ExportLines = {
    lines: new Array<RecordLine>(n),
    kontering: new Array<KonteringRow>(n),
    texts: new Array<string>(n),
    quantity: new Float64Array(n),
    unitPriceOre: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const at = start[person[i]!]!;
    start[person[i]!] = at + 1;
    out.lines[at] = input.lines[i]!;
    out.kontering[at] = input.kontering[i]!;
    out.texts[at] = input.texts[i]!;
    out.quantity[at] = input.quantity[i]!;
    out.unitPriceOre[at] = input.unitPriceOre[i]!;
  }
  return out;
}
