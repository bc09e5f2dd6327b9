// §7: the sheets a run writes: Faktura, Summering, Problem for month M.
import type { BillingResult } from '../billMonth.js';
import type { PersonSummaries, PersonSummary } from '../monthTotals.js';
import { monthKey, type YearMonth } from '../days.js';
import { formatKr, ZERO, type Money } from '../money.js';
import { PRORATION_LABEL } from '../settings.js';
import { LINE_KINDS, type InvoiceLine, type InvoiceLineList } from '../invoiceLine.js';
import type { CorrectionsResult, CorrectionsRun } from '../corrections/corrections.js';
import type { Problem } from '../problems.js';
import {
  correctionFactRows,
  correctionsPerPerson,
  correctionTotalsPerKind,
  withCorrectionLines,
  withCorrectionProblems,
} from './corrections.js';
import { runFacts } from './runFacts.js';
import { makeTable, numberWidth, type OutputCell, type OutputSheet, type RowSource } from './table.js';

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
  const lines = withCorrectionLines(result.lineTable, corrections);
  const sheet = result.registerSheet;
  const num = numberCache();
  const source = (l: InvoiceLine): string =>
    l.sourceRows.length === 1 && l.otherSources.length === 0
      ? `${sheet}!${l.sourceRows[0]}`
      : [...l.sourceRows.map((r) => `${sheet}!${r}`), ...l.otherSources].join(', ');
  const row = (i: number): OutputCell[] => {
    const l = lines.at(i);
    return [
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
    ];
  };
  const kinds = ['text', 'text', 'text', 'text', 'text', 'text', 'int', 'kr', 'kr', 'text', 'text', 'text', 'text'] as const;
  const columns = () => {
    const longest = invoiceColumnWidths(lines, sheet, num);
    return INVOICE_HEADERS.map((h, i) => ({ header: h, kind: kinds[i]!, longest: longest[i]! }));
  };
  return {
    name: invoiceSheetName(result.month),
    tables: [makeTable(`Faktura_${tableSuffix(result.month)}`, columns, { count: lines.count, row })],
  };
}

const digits = (n: number): number => (n < 10 ? 1 : Math.floor(Math.log10(n)) + 1);

/**
 * The longest value of each invoice column, from the lines themselves: the rows are made only
 * as the writer takes them. Personnummer, month, line kind, Ja/Nej and rule are known.
 */
function invoiceColumnWidths(lines: InvoiceLineList, sheet: string, num: (m: Money) => number): number[] {
  if (lines.count === 0) return INVOICE_HEADERS.map(() => 0);
  let name = 0,
    services = 0,
    devices = 0,
    quantity = 0,
    unitPrice = 0,
    amount = 0,
    source = 0,
    explanation = 0;
  for (let i = 0; i < lines.count; i++) {
    const l = lines.at(i);
    if (l.name.length > name) name = l.name.length;
    if (l.services.length > services) services = l.services.length;
    if (l.deviceIds.length > devices) devices = l.deviceIds.length;
    if (l.quantity > quantity) quantity = l.quantity;
    if (l.unitPrice !== undefined) unitPrice = Math.max(unitPrice, Math.abs(num(l.unitPrice)));
    amount = Math.max(amount, Math.abs(num(l.amount)));
    // Källa: "Blad!rad" per register row and the other sheets' references, joined by ", ".
    let length = 2 * (l.sourceRows.length + l.otherSources.length - 1);
    for (const r of l.sourceRows) length += sheet.length + 1 + digits(r);
    for (const o of l.otherSources) length += o.length;
    if (length > source) source = length;
    if (l.explanation.length > explanation) explanation = l.explanation.length;
  }
  const kindLength = Math.max(...LINE_KINDS.map((k) => k.length));
  return [
    13,
    name,
    7,
    kindLength,
    services,
    devices,
    numberWidth(quantity),
    numberWidth(unitPrice),
    numberWidth(amount),
    3,
    2,
    source,
    explanation,
  ];
}

/** Persons one at a time: the month's own (PersonSummaries), or a list with R7's added. */
type PersonList = Pick<PersonSummaries, 'count' | 'at'>;

const listOf = (persons: readonly PersonSummary[]): PersonList => ({ count: persons.length, at: (i) => persons[i]! });

/** Two lists in personnummer order as one. */
function mergeByPnr(a: readonly PersonSummary[], b: readonly PersonSummary[]): PersonSummary[] {
  const out: PersonSummary[] = [];
  let i = 0,
    j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]!.pnr < b[j]!.pnr) ? a[i++]! : b[j++]!);
  return out;
}

/** `corrections` (§9): a Rättelser column inside each person's total, a row per line kind, and R7's run facts. */
export function summarySheet(result: BillingResult, corrections?: CorrectionsResult): OutputSheet {
  const num = numberCache();
  const perPerson = correctionsPerPerson(corrections);
  const billed = new Set<string>();
  if (perPerson.size > 0) for (const p of result.persons) billed.add(p.pnr);
  // Persons with corrections and no line this month (an alarm ended before it), in personnummer order.
  const onlyCorrected: PersonSummary[] = [...perPerson.entries()]
    .filter(([pnr]) => !billed.has(pnr))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([pnr, c]) => ({ pnr, name: c.name, feesInsideCap: ZERO, reduction: ZERO, feesOutsideCap: ZERO, total: ZERO }));
  const persons: PersonList =
    onlyCorrected.length === 0 ? result.persons : listOf(mergeByPnr([...result.persons], onlyCorrected));
  // Without a corrections run the sheet is as §7 has it; with one, Rättelser sits before the total it is part of.
  const row = (i: number): OutputCell[] => {
    const p = persons.at(i);
    const own = [p.pnr, p.name, num(p.feesInsideCap), num(p.reduction), num(p.feesOutsideCap)];
    if (!corrections) return [...own, num(p.total)];
    const correction = perPerson.get(p.pnr)?.amount;
    return [...own, num(correction ?? ZERO), num(correction ? p.total.plus(correction) : p.total)];
  };
  const columns = () => {
    let name = 0,
      largest = 0;
    for (let i = 0; i < persons.count; i++) {
      const p = persons.at(i);
      if (p.name.length > name) name = p.name.length;
      const amounts = Math.max(Math.abs(num(p.feesInsideCap)), Math.abs(num(p.reduction)), Math.abs(num(p.feesOutsideCap)));
      largest = Math.max(largest, amounts, Math.abs(num(p.total)));
      const correction = perPerson.get(p.pnr)?.amount;
      if (correction) largest = Math.max(largest, Math.abs(num(correction)), Math.abs(num(p.total) + num(correction)));
    }
    const amount = persons.count === 0 ? 0 : numberWidth(largest);
    return [
      { header: 'Personnummer', kind: 'text' as const, longest: persons.count === 0 ? 0 : 13 },
      { header: 'Namn', kind: 'text' as const, longest: name },
      { header: 'Inom högkostnadsskydd', kind: 'kr' as const, longest: amount },
      { header: 'Reduktion högkostnadsskydd', kind: 'kr' as const, longest: amount },
      { header: 'Utanför högkostnadsskydd', kind: 'kr' as const, longest: amount },
      ...(corrections ? [{ header: 'Rättelser', kind: 'kr' as const, longest: amount }] : []),
      { header: 'Att betala', kind: 'kr' as const, longest: amount },
    ];
  };
  const personTable = makeTable(`Summering_${tableSuffix(result.month)}`, columns, { count: persons.count, row });
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
  return { name: summarySheetName(result.month), tables: [personTable, totals, factTable] };
}

/** Excel's limits: a cell holds at most 32 767 characters, a sheet 1 048 576 rows (header included). */
export const EXCEL_LIMITS = { cellCharacters: 32767, rows: 1048576 } as const;

const fitCell = (text: string): string =>
  text.length <= EXCEL_LIMITS.cellCharacters ? text : `${text.slice(0, EXCEL_LIMITS.cellCharacters - 1)}…`;

/** `corrections`: R7's Varningar (unreadable record cells, guards, debits held back) among the month's problems. */
export function problemSheet(result: BillingResult, corrections?: CorrectionsResult): OutputSheet {
  const all = withCorrectionProblems(result.problems, corrections);
  const room = EXCEL_LIMITS.rows - 1; // below the header
  const shown = all.length <= room ? all.length : room - 1;
  const problemRow = (p: Problem): OutputCell[] => [
    p.severity,
    fitCell(p.sheet),
    p.row ?? '',
    fitCell(p.column),
    p.cell ?? '',
    fitCell(p.value),
    fitCell(p.message),
    p.rule ?? '',
  ];
  const left = all.length - shown;
  const leftOut: OutputCell[] = [
    'Varning',
    '',
    '',
    '',
    '',
    '',
    `Ytterligare ${left} problem får inte plats på bladet (Excel rymmer 1 048 576 rader). Rätta problemen ovan och kör igen.`,
    '',
  ];
  const rows: RowSource = {
    count: shown + (left > 0 ? 1 : 0),
    row: (i) => (i < shown ? problemRow(all[i]!) : leftOut),
  };
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
