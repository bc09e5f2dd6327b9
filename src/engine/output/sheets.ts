// §7: the sheets a run writes: Faktura, Summering, Problem for month M.
import type { BillingResult } from '../billMonth.js';
import { countProblems } from '../billMonth.js';
import { dayToIso, monthKey, type YearMonth } from '../days.js';
import { formatKr, type Money } from '../money.js';
import { PRORATION_LABEL } from '../settings.js';
import { LINE_KINDS, type InvoiceLine } from '../invoiceLine.js';
import { makeTable, type OutputSheet } from './table.js';

export const invoiceSheetName = (m: YearMonth): string => `Faktura ${monthKey(m)}`;
export const summarySheetName = (m: YearMonth): string => `Summering ${monthKey(m)}`;
export const problemSheetName = (m: YearMonth): string => `Problem ${monthKey(m)}`;

export const INVOICE_HEADERS = [
  'Personnummer',
  'Namn',
  'Månad',
  'Typ',
  'Tjänst',
  'Enhets-ID',
  'Antal',
  'À-pris',
  'Belopp',
  'Högkostnadsskydd',
  'Regel',
  'Källa',
  'Förklaring',
] as const;

/**
 * Amounts are öre-exact decimals; as spreadsheet numbers they round-trip at two decimals.
 * Most lines share the tariff's own Decimal, so its conversion is remembered.
 */
function numberCache(): (m: Money) => number {
  const known = new Map<Money, number>();
  return (m) => {
    let n = known.get(m);
    if (n === undefined) {
      n = m.toNumber();
      if (known.size < 1000) known.set(m, n);
    }
    return n;
  };
}
const tableSuffix = (m: YearMonth): string => `${m.year}_${String(m.month).padStart(2, '0')}`;

export function invoiceSheet(result: BillingResult): OutputSheet {
  const sheet = result.registerSheet;
  const num = numberCache();
  const source = (l: InvoiceLine): string =>
    l.sourceRows.length === 1 && l.otherSources.length === 0
      ? `${sheet}!${l.sourceRows[0]}`
      : [...l.sourceRows.map((r) => `${sheet}!${r}`), ...l.otherSources].join(', ');
  const rows = result.lines.map((l) => [
    l.pnr,
    l.name,
    l.month,
    l.kind,
    l.services,
    l.deviceIds,
    l.quantity,
    l.unitPrice === undefined ? '' : num(l.unitPrice),
    num(l.amount),
    l.capped ? 'Ja' : 'Nej',
    l.rule,
    source(l),
    l.explanation,
  ]);
  const kinds = ['text', 'text', 'text', 'text', 'text', 'text', 'int', 'kr', 'kr', 'text', 'text', 'text', 'text'] as const;
  // Columns whose longest value is known without reading 10^5 lines: personnummer, month, line kind, Ja/Nej, rule.
  const known: Partial<Record<(typeof INVOICE_HEADERS)[number], number>> =
    result.lines.length === 0
      ? {}
      : {
          Personnummer: 13,
          Månad: 7,
          Typ: Math.max(...LINE_KINDS.map((k) => k.length)),
          Högkostnadsskydd: 3,
          Regel: 2,
        };
  return {
    name: invoiceSheetName(result.month),
    tables: [
      makeTable(
        `Faktura_${tableSuffix(result.month)}`,
        INVOICE_HEADERS.map((h, i) => ({ header: h, kind: kinds[i]!, ...(known[h] ? { longest: known[h] } : {}) })),
        rows,
      ),
    ],
  };
}

export function summarySheet(result: BillingResult): OutputSheet {
  const num = numberCache();
  const persons = makeTable(
    `Summering_${tableSuffix(result.month)}`,
    [
      { header: 'Personnummer', kind: 'text' },
      { header: 'Namn', kind: 'text' },
      { header: 'Inom högkostnadsskydd', kind: 'kr' },
      { header: 'Reduktion högkostnadsskydd', kind: 'kr' },
      { header: 'Utanför högkostnadsskydd', kind: 'kr' },
      { header: 'Att betala', kind: 'kr' },
    ],
    result.persons.map((p) => [p.pnr, p.name, num(p.capped), num(p.reduction), num(p.uncapped), num(p.total)]),
  );
  const totals = makeTable(
    `Summa_per_typ_${tableSuffix(result.month)}`,
    [
      { header: 'Typ', kind: 'text' },
      { header: 'Antal rader', kind: 'int' },
      { header: 'Belopp', kind: 'kr' },
    ],
    [
      ...result.kindTotals.map((k) => [k.kind, k.lines, num(k.amount)]),
      ['Totalt för månaden', result.lines.length, num(result.total)],
    ],
  );
  const { errors, warnings } = countProblems(result.problems);
  const v = result.tariffVersion;
  const facts = makeTable(
    `Korning_${tableSuffix(result.month)}`,
    [
      { header: 'Uppgift', kind: 'text' },
      { header: 'Värde', kind: 'text' },
    ],
    [
      ['Månad', monthKey(result.month)],
      ['Register', `${result.registerSheet} (${result.registerRows} ${result.registerRows === 1 ? 'rad' : 'rader'})`],
      ['Personer med avgift', String(result.persons.length)],
      ['Taxa', `${result.tariffSource}, version från ${dayToIso(v.validFrom)}`],
      ['Maxtaxa', `${formatKr(result.maxtaxa)} per månad`],
      ['Delmånad', PRORATION_LABEL[result.settings.proration]],
      ['Påminnelsedagar', String(result.settings.reminderDays)],
      ['Fel', String(errors)],
      ['Varningar', String(warnings)],
    ],
  );
  return { name: summarySheetName(result.month), tables: [persons, totals, facts] };
}

/** Excel's limits: a cell holds at most 32 767 characters, a sheet 1 048 576 rows (header included). */
export const EXCEL_LIMITS = { cellCharacters: 32767, rows: 1048576 } as const;

const fitCell = (text: string): string =>
  text.length <= EXCEL_LIMITS.cellCharacters ? text : `${text.slice(0, EXCEL_LIMITS.cellCharacters - 1)}…`;

export function problemSheet(result: BillingResult): OutputSheet {
  const room = EXCEL_LIMITS.rows - 1; // below the header
  const shown = result.problems.length <= room ? result.problems : result.problems.slice(0, room - 1);
  const rows: (string | number)[][] = shown.map((p) => [
    p.severity,
    fitCell(p.sheet),
    p.row ?? '',
    fitCell(p.column),
    p.cell ?? '',
    fitCell(p.value),
    fitCell(p.message),
    p.rule ?? '',
  ]);
  if (shown.length < result.problems.length) {
    const left = result.problems.length - shown.length;
    rows.push([
      'Varning',
      '',
      '',
      '',
      '',
      '',
      `Ytterligare ${left} problem får inte plats på bladet (Excel rymmer 1 048 576 rader). Rätta problemen ovan och kör igen.`,
      '',
    ]);
  }
  return {
    name: problemSheetName(result.month),
    tables: [
      makeTable(
        `Problem_${tableSuffix(result.month)}`,
        [
          { header: 'Allvarlighet', kind: 'text' },
          { header: 'Blad', kind: 'text' },
          { header: 'Rad', kind: 'int' },
          { header: 'Kolumn', kind: 'text' },
          { header: 'Cell', kind: 'text' },
          { header: 'Värde', kind: 'text' },
          { header: 'Meddelande', kind: 'text' },
          { header: 'Regel', kind: 'text' },
        ],
        rows,
      ),
    ],
  };
}

export function outputSheets(result: BillingResult): OutputSheet[] {
  return [invoiceSheet(result), summarySheet(result), problemSheet(result)];
}
