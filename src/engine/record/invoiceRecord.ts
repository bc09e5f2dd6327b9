// §9, §10: an invoice sheet "Faktura ÅÅÅÅ-MM" read back as the record of what was billed, as the
// product wrote it (INVOICE_HEADERS) or as a reviewer left it: sorted, filtered, with columns
// moved or added, cells edited. Columns are found by header (a banner above is skipped). Each
// line's Personnummer, Månad, Typ and Belopp are read strictly; a line where one of them cannot
// be read is left out of `lines` and named in `problems`. The other columns are kept as they
// stand and read on demand, so a record of a year of sheets costs little memory.
import { monthFromCell, monthKey, type YearMonth } from '../days.js';
import { LINE_KINDS, type LineKind } from '../invoiceLine.js';
import { personnummerProblem } from '../messages.js';
import { parsePersonnummer } from '../personnummer.js';
import { columnLetter, type Problem, type Severity } from '../problems.js';
import type { SheetCells } from '../sheet.js';
import { displayValue, isBlank, normaliseKey } from '../text.js';
import { hundredthsOf, type AmountReason } from './cellAmount.js';
import { invoiceSheetMonth } from './invoiceSheets.js';

export type RecordField =
  | 'pnr'
  | 'name'
  | 'month'
  | 'kind'
  | 'services'
  | 'deviceIds'
  | 'quantity'
  | 'unitPrice'
  | 'amount'
  | 'capped'
  | 'rule'
  | 'source'
  | 'explanation'
  | 'careOf'
  | 'street'
  | 'postal';

interface RecordColumnSpec {
  readonly field: RecordField;
  readonly header: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

/** The invoice sheet's columns (§7) and the optional address columns a reviewer may add for the export (§10). */
export const RECORD_COLUMNS: readonly RecordColumnSpec[] = [
  { field: 'pnr', header: 'Personnummer', aliases: ['Pnr', 'Personnr'], required: true },
  { field: 'name', header: 'Namn', aliases: [], required: false },
  { field: 'month', header: 'Månad', aliases: ['Avser månad'], required: true },
  { field: 'kind', header: 'Typ', aliases: ['Radtyp'], required: true },
  { field: 'services', header: 'Tjänst', aliases: [], required: false },
  { field: 'deviceIds', header: 'Enhets-ID', aliases: ['Serienummer', 'Enhet'], required: false },
  { field: 'quantity', header: 'Antal', aliases: [], required: false },
  { field: 'unitPrice', header: 'À-pris', aliases: ['A-pris', 'Á-pris', 'Pris'], required: false },
  { field: 'amount', header: 'Belopp', aliases: [], required: true },
  { field: 'capped', header: 'Högkostnadsskydd', aliases: [], required: false },
  { field: 'rule', header: 'Regel', aliases: [], required: false },
  { field: 'source', header: 'Källa', aliases: [], required: false },
  { field: 'explanation', header: 'Förklaring', aliases: [], required: false },
  { field: 'careOf', header: 'c/o', aliases: ['co', 'c/o-adress'], required: false },
  { field: 'street', header: 'Gatuadress', aliases: ['Adress', 'Utdelningsadress'], required: false },
  { field: 'postal', header: 'Postnummer och ort', aliases: ['Postadress', 'Postnr och ort'], required: false },
];

const SPEC_BY_KEY = new Map<string, RecordColumnSpec>();
for (const s of RECORD_COLUMNS) for (const h of [s.header, ...s.aliases]) SPEC_BY_KEY.set(normaliseKey(h), s);

/** Strips a unit in brackets, so "Belopp (kr)" is Belopp. */
const headerKey = (v: unknown): string => normaliseKey(String(v ?? '').replace(/\([^)]*\)/g, ''));

export interface RecordColumn {
  /** Index within a row of `values`. */
  readonly index: number;
  /** Column letter on the sheet. */
  readonly letter: string;
  /** The header as the sheet spells it. */
  readonly header: string;
}

/** One invoice line whose four key cells could be read. */
export interface RecordLine {
  readonly sheet: string;
  /** Row number as Excel shows it. */
  readonly row: number;
  /** Normalised as in §4: YYYYMMDD-NNNC. */
  readonly pnr: string;
  /** `pnr` as a number (parsePersonnummer's key): R7 groups and orders by it without parsing again. */
  readonly personKey: number;
  /** YYYY-MM: the month the amount concerns (a correction line: the month it corrects). */
  readonly month: string;
  readonly kind: LineKind;
  /** Belopp in öre. */
  readonly amountOre: number;
  /** The row's cells as read, for the kept columns (read through the record's accessors). */
  readonly cells: ReadonlyArray<unknown>;
}

/** An unreadable cell (or a missing column: no row, no cell). The line it is on is left out. */
export interface RecordProblem {
  readonly sheet: string;
  readonly row?: number;
  readonly column: string;
  readonly cell?: string;
  readonly value: string;
  readonly message: string;
  readonly field: RecordField;
}

export interface InvoiceRecord {
  readonly sheet: string;
  /** The sheet's month from its name, when it is named "Faktura ÅÅÅÅ-MM" (or as given). */
  readonly month?: YearMonth;
  readonly columns: Readonly<Partial<Record<RecordField, RecordColumn>>>;
  /** Excel row number of the header row. */
  readonly headerRow: number;
  /** Readable lines in sheet order. */
  readonly lines: readonly RecordLine[];
  readonly problems: readonly RecordProblem[];
  /** Non-blank rows below the header (readable or not). */
  readonly rowCount: number;
}

export interface RecordOptions {
  /** The sheet's billing month when the name does not say it. */
  readonly month?: YearMonth;
}

/** "Faktura 2025-03!14": a record line as §9's Källa names it. */
export function recordReference(line: { readonly sheet: string; readonly row: number }): string {
  return `${line.sheet}!${line.row}`;
}

/** A kept column's value as text ('' when the column is absent or the cell blank). */
export function recordText(record: InvoiceRecord, line: RecordLine, field: RecordField): string {
  const c = record.columns[field];
  return c === undefined ? '' : displayValue(line.cells[c.index]).trim();
}

/** The A1 address of a line's cell in a column, undefined when the sheet has no such column. */
export function recordCell(record: InvoiceRecord, line: { readonly row: number }, field: RecordField): string | undefined {
  const c = record.columns[field];
  return c === undefined ? undefined : `${c.letter}${line.row}`;
}

/** The raw cell value of a kept column. */
export function recordValue(record: InvoiceRecord, line: RecordLine, field: RecordField): unknown {
  const c = record.columns[field];
  return c === undefined ? undefined : line.cells[c.index];
}

/**
 * Antal or À-pris in hundredths, read as strictly as Belopp, or the reason it cannot be read;
 * undefined when the column is absent or the cell blank.
 */
export function recordHundredths(
  record: InvoiceRecord,
  line: RecordLine,
  field: 'quantity' | 'unitPrice',
): number | AmountReason | undefined {
  const c = record.columns[field];
  if (c === undefined) return undefined;
  const v = line.cells[c.index];
  if (typeof v === 'number') return hundredthsOf(v);
  return isBlank(v) ? undefined : hundredthsOf(v);
}

/** Swedish message for an unreadable amount-like cell (Belopp, Antal, À-pris). */
export function amountMessage(header: string, reason: AmountReason): string {
  switch (reason) {
    case 'saknas':
      return `${header} saknas. Skriv beloppet som ett tal.`;
    case 'text':
      return `${header} är text, inte ett tal, och räknas inte med i bladets summa. Skriv det som ett tal (t.ex. 239 eller 239,50).`;
    case 'decimaler':
      return `${header} har fler än två decimaler. Avrunda till hela ören.`;
    case 'storlek':
      return `${header} är orimligt stort.`;
    default:
      return `${header} är inte ett tal.`;
  }
}

const HEADER_SEARCH_ROWS = 20;

// Only a 10-digit personnummer's century depends on it, and that line is unreadable anyway.
const NO_YEAR = 2000;

const KIND_BY_KEY = new Map<string, LineKind>(LINE_KINDS.map((k) => [normaliseKey(k), k]));
const KIND_LIST = `${LINE_KINDS.slice(0, -1).join(', ')} eller ${LINE_KINDS[LINE_KINDS.length - 1]}`;

/** Reads an invoice sheet. Never throws: a sheet without the key columns gives one problem per missing column and no lines. */
export function readInvoiceRecord(sheet: SheetCells, options: RecordOptions = {}): InvoiceRecord {
  const values = sheet.values;
  const firstRow = sheet.firstRow ?? 1;
  const firstColumn = sheet.firstColumn ?? 0;
  const month = options.month ?? invoiceSheetMonth(sheet.name);
  const sheetMonthKey = month ? monthKey(month) : undefined;

  // The header row: the first row naming Personnummer and Belopp (a banner may stand above it),
  // else the first non-blank row, whose missing headers are then reported.
  let h = 0;
  while (h < values.length && (values[h] ?? []).every(isBlank)) h++;
  for (let r = h; r < Math.min(values.length, h + HEADER_SEARCH_ROWS); r++) {
    const fields = new Set((values[r] ?? []).map((c) => SPEC_BY_KEY.get(headerKey(c))?.field));
    if (fields.has('pnr') && fields.has('amount')) {
      h = r;
      break;
    }
  }
  const headerCells = values[h] ?? [];
  const columns: Partial<Record<RecordField, RecordColumn>> = {};
  headerCells.forEach((cell, i) => {
    const spec = SPEC_BY_KEY.get(headerKey(cell));
    if (spec && columns[spec.field] === undefined)
      columns[spec.field] = { index: i, letter: columnLetter(firstColumn + i), header: String(cell).trim() };
  });
  const base = { sheet: sheet.name, ...(month ? { month } : {}), columns, headerRow: firstRow + h };

  const missing = RECORD_COLUMNS.filter((s) => s.required && columns[s.field] === undefined);
  if (missing.length > 0) {
    const rowCount = values.slice(h + 1).filter((r) => !(r ?? []).every(isBlank)).length;
    return {
      ...base,
      lines: [],
      rowCount,
      problems: missing.map((s) => ({
        sheet: sheet.name,
        column: s.header,
        value: '',
        field: s.field,
        message: `Bladet saknar kolumnen "${s.header}" i rubrikraden (rad ${firstRow + h}); inga rader på bladet kan läsas.`,
      })),
    };
  }

  const col = (f: RecordField): RecordColumn => columns[f]!;
  const pnrCol = col('pnr'),
    monthCol = col('month'),
    kindCol = col('kind'),
    amountCol = col('amount');
  const lines: RecordLine[] = [];
  const problems: RecordProblem[] = [];
  // Månad and Typ repeat on every line: remember what each spelling reads as.
  const monthCache = new Map<unknown, string | { message: string }>();
  let rowCount = 0;

  // One reporter for every row (a closure per row would cost 130 000 allocations a sheet).
  let row = 0;
  let cells: ReadonlyArray<unknown> = [];
  let readable: boolean;
  const fail = (field: RecordField, c: RecordColumn, message: string): void => {
    readable = false;
    problems.push({
      sheet: sheet.name,
      row,
      column: c.header,
      cell: `${c.letter}${row}`,
      value: displayValue(cells[c.index]),
      message,
      field,
    });
  };

  for (let r = h + 1; r < values.length; r++) {
    cells = values[r] ?? [];
    const pnrCell = cells[pnrCol.index];
    if (isBlank(pnrCell) && cells.every(isBlank)) continue;
    rowCount++;
    row = firstRow + r;
    readable = true;
    const firstProblem = problems.length;

    // Månad first: a 10-digit personnummer's century follows the billing year.
    const monthCell = cells[monthCol.index];
    let m = monthCache.get(monthCell);
    if (m === undefined) {
      m = readMonth(monthCell, sheetMonthKey, sheet.date1904);
      if (typeof monthCell !== 'object' || monthCell === null) monthCache.set(monthCell, m);
    }
    if (typeof m !== 'string') fail('month', monthCol, m.message);
    const lineMonth = typeof m === 'string' ? m : undefined;

    const billingYear = month?.year ?? (lineMonth ? +lineMonth.slice(0, 4) : NO_YEAR);
    const pnr = parsePersonnummer(pnrCell, billingYear);
    if (!pnr.ok) {
      fail(
        'pnr',
        pnrCol,
        pnr.reason === 'saknas'
          ? 'Personnummer saknas. Ett fakturablad ska bara ha fakturarader: ta bort summarader och anteckningar, eller fyll i personnumret.'
          : personnummerProblem(pnr.reason),
      );
    }

    const kindCell = cells[kindCol.index];
    const kind = KIND_BY_KEY.get(normaliseKey(kindCell));
    if (kind === undefined)
      fail('kind', kindCol, isBlank(kindCell) ? `Typ saknas. Skriv ${KIND_LIST}.` : `Okänd typ. Skriv ${KIND_LIST}.`);

    const amount = hundredthsOf(cells[amountCol.index]);
    if (typeof amount !== 'number') fail('amount', amountCol, amountMessage('Belopp', amount));

    // Month was read first (for the century); report the row's cells left to right.
    if (problems.length - firstProblem > 1) {
      const own = problems.splice(firstProblem).sort((a, b) => columnOrder(a.cell) - columnOrder(b.cell));
      problems.push(...own);
    }
    if (readable && pnr.ok && typeof amount === 'number')
      lines.push({
        sheet: sheet.name,
        row,
        pnr: pnr.value,
        personKey: pnr.key,
        month: lineMonth!,
        kind: kind!,
        amountOre: amount,
        cells,
      });
  }
  return { ...base, lines, problems, rowCount };
}

/** Column of an A1 address as a number, for ordering. */
function columnOrder(cell: string | undefined): number {
  let n = 0;
  for (const ch of cell ?? '') {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function readMonth(value: unknown, sheetMonth: string | undefined, date1904?: boolean): string | { message: string } {
  if (isBlank(value)) return { message: 'Månad saknas. Skriv månaden som raden avser, ÅÅÅÅ-MM.' };
  const m = monthFromCell(value, date1904);
  if (!m) return { message: 'Månaden går inte att läsa. Skriv ÅÅÅÅ-MM (t.ex. 2025-03).' };
  const key = monthKey(m);
  if (sheetMonth !== undefined && key > sheetMonth)
    return {
      message: `Månaden ${key} ligger efter bladets fakturamånad ${sheetMonth}. En rad avser fakturamånaden eller, som rättelse, en tidigare månad.`,
    };
  return key;
}

/** A record problem as a §6 problem, with the severity the caller gives it (R7: Varning; export: Fel). */
export function recordProblemAs(p: RecordProblem, severity: Severity, rule?: string): Problem {
  return {
    severity,
    sheet: p.sheet,
    ...(p.row !== undefined ? { row: p.row } : {}),
    column: p.column,
    ...(p.cell !== undefined ? { cell: p.cell } : {}),
    value: p.value,
    message: p.message,
    ...(rule ? { rule } : {}),
  };
}
