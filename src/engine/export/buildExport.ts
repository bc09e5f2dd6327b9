// §10: an invoice sheet as it stands → the import file for the invoicing system, or the reasons
// it cannot be made. Every line is checked first; any failure refuses the whole file, and every
// failure is named (a file with one wrong line is worse than no file).
import Decimal from 'decimal.js';
import { monthKey, type Day } from '../days.js';
import type { LineKind } from '../invoiceLine.js';
import type { Problem } from '../problems.js';
import {
  amountMessage,
  readInvoiceRecord,
  recordCell,
  recordHundredths,
  recordProblemAs,
  recordText,
  type InvoiceRecord,
  type RecordField,
  type RecordLine,
} from '../record/invoiceRecord.js';
import type { SheetCells } from '../sheet.js';
import type { YearMonth } from '../days.js';
import { ByteWriter } from './byteWriter.js';
import { writeCsv } from './csv.js';
import { decodeText, type Encoding } from './encoding.js';
import { readExportSheet, type ExportConfig } from './exportSheet.js';
import { encodingOf, FORMAT_LABEL, type ExportFormat, type LineEnd } from './exportSettings.js';
import { fixedWidthSize, writeFixedWidth, type FileValues, type WriteContext } from './fixedWidth.js';
import { groupInvoices, INVOICE_TEXT_FIELDS, type ExportInvoice, type ExportLines } from './invoices.js';
import { konteringLookup, type KonteringRow } from './kontering.js';
import { Refusals } from './refusals.js';
import { formatDay, nfc } from './values.js';

export interface ExportSummary {
  readonly sheet: string;
  /** The billing month, YYYY-MM. */
  readonly month: string;
  readonly format: ExportFormat;
  readonly encoding: Encoding;
  readonly lineEnd: LineEnd;
  readonly invoices: number;
  /** Invoices whose sum is negative. */
  readonly creditInvoices: number;
  /** Invoice lines in the file. */
  readonly lines: number;
  /** Sum of the file's line amounts, in öre. */
  readonly totalOre: number;
  /** Lines on the sheet and the sum of their Belopp, in öre: the file must equal it. */
  readonly sheetLines: number;
  readonly sheetTotalOre: number;
  /** Persons whose lines sum to 0 kr, left out by the setting, and their lines. */
  readonly zeroSumInvoices: number;
  readonly zeroSumLines: number;
  /** Text lines in the file (records, or CSV rows with the header). */
  readonly records: number;
  readonly bytes: number;
  readonly created: Day;
  readonly dueDate: Day;
}

export type ExportResult =
  | {
      readonly ok: true;
      readonly summary: ExportSummary;
      /** The file as it is to be saved. */
      readonly bytes: Uint8Array;
      /** The file's text lines without line ends (the pane writes them to "Export ÅÅÅÅ-MM", one a row). */
      readonly lines: () => string[];
    }
  | { readonly ok: false; readonly refusals: readonly Problem[] };

export interface ExportOptions {
  /** The export date: the creation date in the file, and the base of "days until due". */
  readonly today: Day;
  /** Overrides the Export sheet's format (command line --format). */
  readonly format?: ExportFormat;
}

/** Amounts in öre as a decimal of kronor, for display (formatKr). */
export const kronorOfOre = (ore: number): Decimal => new Decimal(ore).dividedBy(100);

/** The file's name a face may propose: "fakturaunderlag-2025-03.txt" or ".csv". */
export function exportFileName(month: YearMonth, format: ExportFormat): string {
  return `fakturaunderlag-${monthKey(month)}.${format === 'csv' ? 'csv' : 'txt'}`;
}

export const exportSheetName = (month: YearMonth): string => `Export ${monthKey(month)}`;

/** Reads both sheets and builds the export; the refusals of both are reported together. */
export function exportInvoiceSheet(
  invoiceSheet: SheetCells,
  exportSheet: SheetCells | undefined,
  options: ExportOptions & { readonly month?: YearMonth },
): ExportResult {
  const record = readInvoiceRecord(invoiceSheet, options.month ? { month: options.month } : {});
  const config = readExportSheet(exportSheet);
  if (!config.ok) {
    const ownProblems = record.problems.map((p) => recordProblemAs(p, 'Fel'));
    return { ok: false, refusals: [...config.refusals, ...ownProblems] };
  }
  return buildExport(record, config.config, options);
}

export function buildExport(record: InvoiceRecord, config: ExportConfig, options: ExportOptions): ExportResult {
  const refusals = new Refusals();
  for (const p of record.problems) refusals.addProblem(recordProblemAs(p, 'Fel'));
  const month = record.month;
  if (!month) {
    refusals.add(
      { sheet: record.sheet, column: '', value: record.sheet },
      'Bladets namn säger inte vilken månad det fakturerar. Döp det till "Faktura ÅÅÅÅ-MM" eller välj månaden.',
    );
    return { ok: false, refusals: refusals.list };
  }
  const billingMonth = monthKey(month);

  // Settings: the command line may choose the format; a fixed-width file counts positions in bytes.
  const settings = { ...config.settings, ...(options.format ? { format: options.format } : {}) };
  const encoding = encodingOf(settings);
  const settingSource = (k: 'encoding' | 'dueDate', value: unknown) => ({
    sheet: config.sheet,
    ...(config.settingCells[k] ? { cell: config.settingCells[k] } : {}),
    column: k === 'encoding' ? 'Teckenkodning' : 'Förfallodag',
    value,
  });
  if (settings.format === 'fixed' && encoding === 'UTF-8')
    refusals.add(
      settingSource('encoding', 'UTF-8'),
      `${FORMAT_LABEL.fixed} räknar positioner i byte, och i UTF-8 tar å, ä och ö två. Välj ISO-8859-1 eller Windows-1252.`,
    );
  const due = settings.dueDate ?? options.today + settings.dueDays;
  if (due < options.today)
    refusals.add(
      settingSource('dueDate', formatDay(due, 'ÅÅÅÅ-MM-DD')),
      `Förfallodagen ligger före exportdagen ${formatDay(options.today, 'ÅÅÅÅ-MM-DD')}. Ändra eller töm den.`,
    );

  // Every line: kontering, Antal and À-pris.
  const lookup = konteringLookup(config.kontering);
  const missing = new Map<string, { kind: LineKind; service: string; first: RecordLine; count: number }>();
  const noAccount = new Set<KonteringRow>();
  const n = record.lines.length;
  const lines: ExportLines = {
    lines: [],
    kontering: [],
    texts: [],
    quantity: new Float64Array(n),
    unitPriceOre: new Float64Array(n),
  };
  const cellSource = (line: RecordLine, field: RecordField) => {
    const c = record.columns[field];
    const cell = recordCell(record, line, field);
    return {
      sheet: line.sheet,
      row: line.row,
      column: c?.header ?? '',
      ...(cell ? { cell } : {}),
      value: c ? line.cells[c.index] : '',
    };
  };
  // The row text: the kontering's Text, else Typ and Tjänst; a line for an earlier month (a correction) says which.
  const texts = new Map<KonteringRow, Map<string, string>>();
  const rowText = (k: KonteringRow, earlierMonth: string, services: string): string => {
    const own = k.text !== '' ? k.text : k.kind;
    const tail = k.text !== '' ? '' : services;
    if (earlierMonth !== '') return [own, earlierMonth, tail].filter((t) => t !== '').join(' ');
    let byServices = texts.get(k);
    if (!byServices) texts.set(k, (byServices = new Map()));
    let text = byServices.get(tail);
    if (text === undefined) byServices.set(tail, (text = tail === '' ? own : `${own} ${tail}`));
    return text;
  };
  let sheetTotalOre = 0;
  for (const line of record.lines) {
    sheetTotalOre += line.amountOre;
    const services = nfc(recordText(record, line, 'services'));
    const k = lookup(line.kind, services);
    if (!k) {
      const service = services.split(',')[0]!.trim();
      const key = `${line.kind}|${service}`;
      const m = missing.get(key);
      if (m) m.count++;
      else missing.set(key, { kind: line.kind, service, first: line, count: 1 });
      continue;
    }
    if (k.codes.account === '' && !noAccount.has(k)) {
      noAccount.add(k);
      refusals.add(
        { sheet: config.sheet, cell: k.cells.account, column: 'Konto', value: '' },
        `Konto saknas för ${k.kind}${k.service ? ` (${k.service})` : ''}, som fakturabladet har rader av (första på rad ${line.row}). Fyll i konteringen.`,
      );
    }
    const q = recordHundredths(record, line, 'quantity');
    if (typeof q === 'string') refusals.add(cellSource(line, 'quantity'), amountMessage('Antal', q));
    const p = recordHundredths(record, line, 'unitPrice');
    if (typeof p === 'string') refusals.add(cellSource(line, 'unitPrice'), amountMessage('À-pris', p));
    const at = lines.lines.length;
    lines.lines.push(line);
    lines.kontering.push(k);
    lines.texts.push(rowText(k, line.month === billingMonth ? '' : line.month, services));
    lines.quantity[at] = typeof q === 'number' ? q : NaN;
    lines.unitPriceOre[at] = typeof p === 'number' ? p : NaN;
  }
  for (const m of missing.values()) {
    refusals.add(
      cellSource(m.first, 'kind'),
      `Ingen kontering på bladet "${config.sheet}" för Typ "${m.kind}"${m.service ? ` med Tjänst "${m.service}"` : ''} (${m.count} ${m.count === 1 ? 'rad' : 'rader'}, första på rad ${m.first.row}). Lägg till en rad för typen i konteringstabellen.`,
    );
  }
  if (record.lines.length === 0 && !refusals.any)
    refusals.add({ sheet: record.sheet, column: '', value: '' }, 'Bladet har inga fakturarader att exportera.');

  // Invoices; a zero sum gets none unless the setting says so.
  const grouped = groupInvoices(
    lines,
    INVOICE_TEXT_FIELDS.filter((f) => record.columns[f] !== undefined),
    (l, f) => nfc(recordText(record, l, f)),
  );
  const all = grouped.invoices;
  const invoices: ExportInvoice[] = [];
  let zeroSumInvoices = 0,
    zeroSumLines = 0;
  for (const inv of all) {
    if (inv.totalOre === 0 && settings.zeroSumInvoices === 'omit') {
      zeroSumInvoices++;
      zeroSumLines += inv.to - inv.from;
    } else invoices.push(inv);
  }
  if (invoices.length === 0 && all.length > 0 && !refusals.any)
    refusals.add(
      { sheet: record.sheet, column: '', value: '' },
      'Alla personers summor är 0 kr: det finns ingen faktura att exportera.',
    );

  const file: FileValues = {
    created: options.today,
    due,
    billingMonth,
    ourReference: settings.ourReference,
    fileText: `Välfärdsteknik ${billingMonth}`,
  };
  // Written straight into bytes; what cannot be written is refused with its cell, like any other failure.
  const lineEnd = settings.lineEnd === 'LF' ? '\n' : '\r\n';
  const exportedLineCount = invoices.reduce((count, inv) => count + inv.to - inv.from, 0);
  const capacity =
    settings.format === 'fixed'
      ? fixedWidthSize(config.layout, invoices.length, exportedLineCount, lineEnd)
      : Math.max(1 << 16, exportedLineCount * 120);
  const out = new ByteWriter(encoding, capacity);
  const w: WriteContext = { record, config, file, refusals, lines: grouped.lines, out, encoding, lineEnd };
  if (encoding === 'UTF-8') out.text('\ufeff'); // byte order mark: Excel then reads the CSV as UTF-8
  const records = settings.format === 'csv' ? writeCsv(invoices, w) : writeFixedWidth(invoices, w);
  if (refusals.any) return { ok: false, refusals: refusals.list };

  // Totals: the file must carry the sheet's sum to the öre.
  let totalOre = 0,
    exportedLines = 0,
    creditInvoices = 0;
  for (const inv of invoices) {
    let sum = 0;
    for (let i = inv.from; i < inv.to; i++) sum += grouped.lines.lines[i]!.amountOre;
    if (sum !== inv.totalOre) throw new Error('Internt fel: fakturans summa stämmer inte med dess rader.');
    totalOre += sum;
    exportedLines += inv.to - inv.from;
    if (sum < 0) creditInvoices++;
  }
  if (totalOre !== sheetTotalOre || exportedLines + zeroSumLines !== record.lines.length)
    throw new Error('Internt fel: exportfilens summa stämmer inte med fakturabladets.');

  const bytes = out.bytes();
  return {
    ok: true,
    bytes,
    lines: () => decodeText(bytes, encoding).split(w.lineEnd).slice(0, -1),
    summary: {
      sheet: record.sheet,
      month: billingMonth,
      format: settings.format,
      encoding,
      lineEnd: settings.lineEnd,
      invoices: invoices.length,
      creditInvoices,
      lines: exportedLines,
      totalOre,
      sheetLines: record.lines.length,
      sheetTotalOre,
      zeroSumInvoices,
      zeroSumLines,
      records,
      bytes: bytes.length,
      created: options.today,
      dueDate: due,
    },
  };
}
