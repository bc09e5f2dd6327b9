// §7: the sheets a run writes: Faktura, Summering, Problem for month M.
import type { BillingResult } from '../billMonth.js';
import { monthKey, type YearMonth } from '../days.js';
import { formatKr, ZERO, type Money } from '../money.js';
import { PRORATION_LABEL } from '../settings.js';
import { LINE_KINDS, type InvoiceLine } from '../invoiceLine.js';
import type { CorrectionsResult, CorrectionsRun } from '../corrections/corrections.js';
import {
  correctionFactRows,
  correctionsPerPerson,
  correctionTotalsPerKind,
  withCorrectionLines,
  withCorrectionProblems,
} from './corrections.js';
import { runFacts } from './runFacts.js';
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

/** `corrections`: R7's lines of month M (§9), each after the person's own lines. */
export function invoiceSheet(result: BillingResult, corrections?: CorrectionsResult): OutputSheet {
  const lines = withCorrectionLines(result.lines, corrections);
  const sheet = result.registerSheet;
  const num = numberCache();
  const source = (l: InvoiceLine): string =>
    l.sourceRows.length === 1 && l.otherSources.length === 0
      ? `${sheet}!${l.sourceRows[0]}`
      : [...l.sourceRows.map((r) => `${sheet}!${r}`), ...l.otherSources].join(', ');
  const rows = lines.map((l) => [
    l.pnr,
    l.name,
    l.month,
    l.kind,
    l.services,
    l.deviceIds,
    l.quantity,
    l.unitPrice === undefined ? '' : num(l.unitPrice),
    num(l.amount),
    l.insideCap ? 'Ja' : 'Nej',
    l.rule,
    source(l),
    l.explanation,
  ]);
  const kinds = ['text', 'text', 'text', 'text', 'text', 'text', 'int', 'kr', 'kr', 'text', 'text', 'text', 'text'] as const;
  // Columns whose longest value is known without reading 10^5 lines: personnummer, month, line kind, Ja/Nej, rule.
  const known: Partial<Record<(typeof INVOICE_HEADERS)[number], number>> =
    lines.length === 0
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

/** `corrections` (§9): a Rättelser column inside each person's total, a row per line kind, and R7's run facts. */
export function summarySheet(result: BillingResult, corrections?: CorrectionsResult): OutputSheet {
  const num = numberCache();
  const perPerson = correctionsPerPerson(corrections);
  const personRows: (string | number)[][] = [];
  // Without a corrections run the sheet is as §7 has it; with one, Rättelser sits before the total it is part of.
  const row = (pnr: string, name: string, own: (string | number)[], correction: Money | undefined, total: Money) =>
    corrections
      ? [pnr, name, ...own, num(correction ?? ZERO), num(correction ? total.plus(correction) : total)]
      : [pnr, name, ...own, num(total)];
  const billed = new Set(result.persons.map((p) => p.pnr));
  // Persons with corrections and no line this month (an alarm ended before it), in personnummer order.
  const onlyCorrected = [...perPerson.entries()].filter(([pnr]) => !billed.has(pnr)).sort(([a], [b]) => (a < b ? -1 : 1));
  let k = 0;
  const flushBefore = (pnr: string | undefined) => {
    while (k < onlyCorrected.length && (pnr === undefined || onlyCorrected[k]![0] < pnr)) {
      const [cPnr, c] = onlyCorrected[k++]!;
      personRows.push(row(cPnr, c.name, [0, 0, 0], c.amount, ZERO));
    }
  };
  for (const p of result.persons) {
    flushBefore(p.pnr);
    personRows.push(
      row(p.pnr, p.name, [num(p.feesInsideCap), num(p.reduction), num(p.feesOutsideCap)], perPerson.get(p.pnr)?.amount, p.total),
    );
  }
  flushBefore(undefined);
  const persons = makeTable(
    `Summering_${tableSuffix(result.month)}`,
    [
      { header: 'Personnummer', kind: 'text' },
      { header: 'Namn', kind: 'text' },
      { header: 'Inom högkostnadsskydd', kind: 'kr' },
      { header: 'Reduktion högkostnadsskydd', kind: 'kr' },
      { header: 'Utanför högkostnadsskydd', kind: 'kr' },
      ...(corrections ? [{ header: 'Rättelser', kind: 'kr' as const }] : []),
      { header: 'Att betala', kind: 'kr' },
    ],
    personRows,
  );
  const facts = runFacts(result, corrections);
  const totals = makeTable(
    `Summa_per_typ_${tableSuffix(result.month)}`,
    [
      { header: 'Typ', kind: 'text' },
      { header: 'Antal rader', kind: 'int' },
      { header: 'Belopp', kind: 'kr' },
    ],
    [
      ...result.kindTotals.map((k) => [k.kind, k.lines, num(k.amount)]),
      ...(corrections
        ? correctionTotalsPerKind(corrections).map((k) => [`Rättelser ${k.kind.toLocaleLowerCase('sv')}`, k.lines, num(k.amount)])
        : []),
      ['Totalt för månaden', facts.lines, num(facts.total)],
    ],
  );
  const factTable = makeTable(
    `Korning_${tableSuffix(result.month)}`,
    [
      { header: 'Uppgift', kind: 'text' },
      { header: 'Värde', kind: 'text' },
    ],
    [
      ['Månad', monthKey(facts.month)],
      ['Register', `${facts.registerSheet} (${facts.registerRows} ${facts.registerRows === 1 ? 'rad' : 'rader'})`],
      ['Personer med avgift', String(facts.persons)],
      ['Taxa', facts.tariff],
      ['Maxtaxa', `${formatKr(facts.maxtaxa)} per månad`],
      ['Delmånad', PRORATION_LABEL[facts.settings.proration]],
      ['Påminnelsedagar', String(facts.settings.reminderDays)],
      ...(facts.corrections ? correctionFactRows(facts.corrections) : []),
      ['Fel', String(facts.errors)],
      ['Varningar', String(facts.warnings)],
    ],
  );
  return { name: summarySheetName(result.month), tables: [persons, totals, factTable] };
}

/** Excel's limits: a cell holds at most 32 767 characters, a sheet 1 048 576 rows (header included). */
export const EXCEL_LIMITS = { cellCharacters: 32767, rows: 1048576 } as const;

const fitCell = (text: string): string =>
  text.length <= EXCEL_LIMITS.cellCharacters ? text : `${text.slice(0, EXCEL_LIMITS.cellCharacters - 1)}…`;

/** `corrections`: R7's Varningar (unreadable record cells, guards, debits held back) among the month's problems. */
export function problemSheet(result: BillingResult, corrections?: CorrectionsResult): OutputSheet {
  const all = withCorrectionProblems(result.problems, corrections);
  const room = EXCEL_LIMITS.rows - 1; // below the header
  const shown = all.length <= room ? all : all.slice(0, room - 1);
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
  if (shown.length < all.length) {
    const left = all.length - shown.length;
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

/** The sheets of month M; with `corrections`, R7's lines, sums and Varningar are in them (§9). */
export function outputSheets(result: BillingResult, corrections?: CorrectionsResult): OutputSheet[] {
  return [invoiceSheet(result, corrections), summarySheet(result, corrections), problemSheet(result, corrections)];
}

/** The sheets of a run with its corrections. */
export const runSheets = (run: CorrectionsRun): OutputSheet[] => outputSheets(run.billing, run.corrections);
