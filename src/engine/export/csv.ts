// §10 CSV: one row per invoice line under a header row; ";" between fields, decimal comma,
// fields quoted as RFC 4180 says where they hold ";", '"' or a line break.
import { recordCell, recordText, type RecordField } from '../record/invoiceRecord.js';
import { WROTE_ALL } from './byteWriter.js';
import { charProblem, type WriteContext } from './fixedWidth.js';
import type { ExportInvoice } from './invoices.js';
import { KONTERING_FIELDS, KONTERING_LABEL, type KonteringField } from './layout.js';
import type { ValueSource } from './refusals.js';
import { formatPnr, nfc } from './values.js';

export const CSV_HEADERS = [
  'Personnummer',
  'Namn',
  'Fakturamånad',
  'Avser månad',
  'Text',
  'Antal',
  'À-pris',
  'Belopp',
  ...KONTERING_FIELDS.map((f) => KONTERING_LABEL[f]),
] as const;

const SEMICOLON = 0x3b,
  QUOTE = 0x22,
  COMMA = 0x2c,
  MINUS = 0x2d;
const NEEDS_QUOTES = /[;"\r\n]/;

/** Writes the header and every line of every invoice. Returns the number of rows. */
export function writeCsv(invoices: readonly ExportInvoice[], w: WriteContext): number {
  const out = w.out;
  // Where a value came from, built only when it cannot be written.
  const lines = w.lines;
  const sourceOf = (i: number, from: RecordField | KonteringField | 'konteringText'): ValueSource => {
    if (i < 0) return { sheet: '', column: '', value: '' };
    const k = lines.kontering[i]!,
      line = lines.lines[i]!;
    if (from === 'konteringText') return { sheet: w.config.sheet, cell: k.cells.text, column: 'Text', value: k.text };
    if ((KONTERING_FIELDS as readonly string[]).includes(from)) {
      const f = from as KonteringField;
      return { sheet: w.config.sheet, cell: k.cells[f], column: KONTERING_LABEL[f], value: k.codes[f] };
    }
    const field = from as RecordField;
    const c = w.record.columns[field];
    const cell = recordCell(w.record, line, field);
    return {
      sheet: line.sheet,
      row: line.row,
      column: c?.header ?? '',
      ...(cell ? { cell } : {}),
      value: c ? line.cells[c.index] : '',
    };
  };
  const text = (s: string, i: number, from: RecordField | KonteringField | 'konteringText'): void => {
    if (s === '') return;
    const quoted = NEEDS_QUOTES.test(s);
    const body = quoted ? s.replace(/"/g, '""') : s;
    if (quoted) out.byte(QUOTE);
    const bad = out.text(body, body.length, quoted);
    if (bad !== WROTE_ALL) w.refusals.add(sourceOf(i, from), `${charProblem(body, bad, w.encoding)} (CSV-filen).`);
    if (quoted) out.byte(QUOTE);
  };
  /** Hundredths with a decimal comma: "239,00", "-97,50"; `whole`: "20" when there are no hundredths. */
  const decimal = (n: number, whole = false): void => {
    const negative = n < 0;
    const abs = negative ? -n : n;
    const units = Math.floor(abs / 100);
    const cents = abs - units * 100;
    if (negative) out.byte(MINUS);
    out.digits(units);
    if (whole && cents === 0) return;
    out.byte(COMMA);
    out.digits(cents, 2);
  };

  CSV_HEADERS.forEach((h, i) => {
    if (i > 0) out.byte(SEMICOLON);
    text(h, -1, 'name');
  });
  out.ascii(w.lineEnd);
  let rows = 1;
  const month = w.file.billingMonth;
  const year = Number(month.slice(0, 4));
  for (const inv of invoices) {
    const pnr = formatPnr(inv.pnr, 'ÅÅÅÅMMDDNNNN', year);
    for (let i = inv.from; i < inv.to; i++) {
      const l = lines.lines[i]!,
        k = lines.kontering[i]!;
      out.ascii(pnr);
      out.byte(SEMICOLON);
      text(nfc(recordText(w.record, l, 'name')), i, 'name');
      out.byte(SEMICOLON);
      out.ascii(month);
      out.byte(SEMICOLON);
      out.ascii(l.month);
      out.byte(SEMICOLON);
      text(lines.texts[i]!, i, k.text !== '' ? 'konteringText' : 'services');
      out.byte(SEMICOLON);
      const q = lines.quantity[i]!,
        p = lines.unitPriceOre[i]!;
      if (q === q) decimal(q, true); // NaN: blank
      out.byte(SEMICOLON);
      if (p === p) decimal(p);
      out.byte(SEMICOLON);
      decimal(l.amountOre);
      for (const f of KONTERING_FIELDS) {
        out.byte(SEMICOLON);
        text(k.codes[f], i, f);
      }
      out.ascii(w.lineEnd);
      rows++;
    }
  }
  return rows;
}
