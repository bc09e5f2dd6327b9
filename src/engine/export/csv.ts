// §10 CSV: one row per invoice line under a header row; ";" between fields, decimal comma,
// fields quoted as RFC 4180 says where they hold ";", '"' or a line break.
import { recordCell, recordText, type RecordField } from '../record/invoiceRecord.js';
import { formatHundredths } from '../record/cellAmount.js';
import type { ExportInvoice, ExportLine } from './invoices.js';
import { KONTERING_FIELDS, KONTERING_LABEL, type KonteringField } from './layout.js';
import type { ValueSource } from './refusals.js';
import type { WriteContext } from './fixedWidth.js';
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

const NEEDS_QUOTES = /[;"\r\n]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's rows: the header, then every line of every invoice. */
export function csvRows(invoices: readonly ExportInvoice[], w: WriteContext): string[] {
  const rows: string[] = [CSV_HEADERS.join(';')];
  const check = (text: string, source: () => ValueSource): string => {
    if (text === '') return text;
    const problem = w.textProblem(text);
    if (problem === undefined) return csvField(text);
    w.refusals.add(source(), `${problem} (CSV-filen).`);
    return '';
  };
  const lineSource =
    (el: ExportLine, field: RecordField): (() => ValueSource) =>
    () => {
      const c = w.record.columns[field];
      const cell = recordCell(w.record, el.line, field);
      return {
        sheet: el.line.sheet,
        row: el.line.row,
        column: c?.header ?? '',
        ...(cell ? { cell } : {}),
        value: c ? el.line.cells[c.index] : '',
      };
    };
  const konteringSource = (el: ExportLine, f: KonteringField | 'text') => () => ({
    sheet: w.config.sheet,
    cell: el.kontering.cells[f],
    column: f === 'text' ? 'Text' : KONTERING_LABEL[f],
    value: f === 'text' ? el.kontering.text : el.kontering.codes[f],
  });
  const month = w.file.billingMonth;
  const year = Number(month.slice(0, 4));
  for (const inv of invoices) {
    const pnr = formatPnr(inv.pnr, 'ÅÅÅÅMMDDNNNN', year);
    for (const el of inv.lines) {
      const l = el.line;
      let row =
        pnr +
        ';' +
        check(nfc(recordText(w.record, l, 'name')), lineSource(el, 'name')) +
        ';' +
        month +
        ';' +
        l.month +
        ';' +
        check(el.text, el.kontering.text !== '' ? konteringSource(el, 'text') : lineSource(el, 'services')) +
        ';' +
        (el.quantity === undefined ? '' : formatHundredths(el.quantity, true, true)) +
        ';' +
        (el.unitPriceOre === undefined ? '' : formatHundredths(el.unitPriceOre, true)) +
        ';' +
        formatHundredths(l.amountOre, true);
      for (const f of KONTERING_FIELDS) row += ';' + check(el.kontering.codes[f], konteringSource(el, f));
      rows.push(row);
    }
  }
  return rows;
}
