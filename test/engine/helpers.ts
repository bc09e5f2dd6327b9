// Test helpers: registers as objects keyed by Swedish header.
import { expect } from 'vitest';
import {
  DEFAULT_SETTINGS,
  billWorkbook,
  dayFromIso,
  DEFAULT_PRISBASBELOPP,
  kr,
  makeTable,
  parseMonthKey,
  RunError,
  tableRows,
  taxaSheetValues,
  type BillingResult,
  type InvoiceLine,
  type LineKind,
  type OutputSheet,
  type Problem,
  type Proration,
  type RetroDebits,
  type RunOptions,
  type SheetCells,
  type TariffVersion,
  type WorkbookInput,
} from '../../src/engine/index.js';

export type RowSpec = Record<string, unknown>;

export const HEADERS = [
  'Personnummer',
  'Namn',
  'Tjänst',
  'Enhets-ID',
  'Installerad',
  'Avslutad',
  'Återlämning',
  'Påminnelse',
  'Kostnad',
  'Boende',
  'Installationstyp',
];

export function sheetOf(name: string, rows: RowSpec[], headers: string[] = HEADERS): SheetCells {
  return { name, values: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))] };
}

export function month(key: string) {
  const m = parseMonthKey(key);
  if (!m) throw new Error(key);
  return m;
}

export function bill(
  rows: RowSpec[],
  key = '2025-03',
  extra: Partial<WorkbookInput> = {},
  options: Partial<RunOptions> = {},
): BillingResult {
  return billWorkbook({ register: sheetOf('Enhetsregister', rows), ...extra }, { month: month(key), ...options });
}

/** Sum of a person's lines in kronor, as a number for readable assertions. */
export function totalOf(result: BillingResult, pnr?: string): number {
  return result.lines.filter((l) => pnr === undefined || l.pnr === pnr).reduce((s, l) => s + l.amount.toNumber(), 0);
}

export function linesOf(result: BillingResult): Array<[string, number]> {
  return result.lines.map((l) => [l.kind, l.amount.toNumber()]);
}

// Synthetic, Luhn-valid personnummer, computed with luhnDigit below.
export const P1 = makePnr('19400101', '123'); // 19400101-1230
export const P2 = makePnr('19351224', '333'); // 19351224-3332

// --- Synthetic personnummer (never real people) ---

/** Luhn check digit over nine digits (YYMMDDNNN), computed independently of the engine. */
export function luhnDigit(nine: string): number {
  if (!/^\d{9}$/.test(nine)) throw new Error(`nine digits expected: ${nine}`);
  let total = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    total += d > 9 ? d - 9 : d;
  }
  return (10 - (total % 10)) % 10;
}

/**
 * A Luhn-valid 12-digit personnummer `YYYYMMDD-NNNC` for a birth date `YYYYMMDD` (day + 60 for a
 * samordningsnummer) and a three-digit birth number.
 */
export function makePnr(yyyymmdd: string, nnn = '123'): string {
  if (!/^\d{8}$/.test(yyyymmdd) || !/^\d{3}$/.test(nnn)) throw new Error(`bad pnr parts ${yyyymmdd} ${nnn}`);
  return `${yyyymmdd}-${nnn}${luhnDigit(yyyymmdd.slice(2) + nnn)}`;
}

/** The 10-digit form of a 12-digit `YYYYMMDD-NNNC`, with the given separator. */
export function shortPnr(full: string, separator: '-' | '+' | '' = '-'): string {
  return `${full.slice(2, 8)}${separator}${full.slice(9)}`;
}

/** The same number with its check digit changed (so the Luhn check fails). */
export function withBadCheckDigit(full: string): string {
  const c = Number(full.slice(-1));
  return full.slice(0, -1) + String((c + 1) % 10);
}

// --- Dates, independent of the engine's own conversions ---

/** Excel 1900-system serial of an ISO date on or after 1900-03-01 (via Date.UTC, no time zone). */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

/** A JS Date at UTC midnight of an ISO date, as spreadsheet libraries give date cells. */
export function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

// --- Side sheets ---

export const OTHER_FEES_HEADERS = ['Personnummer', 'Månad', 'Belopp'];
export const ABILITY_HEADERS = ['Personnummer', 'Avgiftsutrymme', 'Giltig från'];

export function otherFeesSheet(rows: RowSpec[]): SheetCells {
  return sheetOf('Övriga avgifter', rows, OTHER_FEES_HEADERS);
}

export function abilitySheet(rows: RowSpec[]): SheetCells {
  return sheetOf('Avgiftsutrymme', rows, ABILITY_HEADERS);
}

// --- Tariffs ---

export interface VersionSpec {
  from: string;
  alarm?: number | string;
  button?: number | string;
  lock?: number | string;
  supervision?: number | string;
  installation?: number | string;
  installationCapped?: boolean;
  proration?: Proration;
  reminderDays?: number;
  correctionMonths?: number;
  retroDebits?: RetroDebits;
}

/** A tariff version: Mjölby's amounts unless overridden. */
export function version(spec: VersionSpec): TariffVersion {
  return {
    validFrom: dayFromIso(spec.from)!,
    monthlyFee: {
      alarm: kr(spec.alarm ?? 239),
      button: kr(spec.button ?? 40),
      lock: kr(spec.lock ?? 0),
      supervision: kr(spec.supervision ?? 0),
    },
    installationFee: kr(spec.installation ?? 200),
    installationCapped: spec.installationCapped ?? false,
    settings: {
      ...DEFAULT_SETTINGS,
      proration: spec.proration ?? 'started-month',
      reminderDays: spec.reminderDays ?? 30,
      ...(spec.correctionMonths === undefined ? {} : { correctionMonths: spec.correctionMonths }),
      ...(spec.retroDebits === undefined ? {} : { retroDebits: spec.retroDebits }),
    },
  };
}

/**
 * A `Taxa` sheet as "Skapa Taxa-blad" writes it (taxaSheetValues), for the given versions and
 * extra prisbasbelopp rows on top of the built-in table.
 */
export function taxaSheet(
  versions: VersionSpec[],
  extraYears: Array<{ year: number; prisbasbelopp: number; maxtaxa?: number }> = [],
): SheetCells {
  const pbb = new Map(DEFAULT_PRISBASBELOPP);
  for (const e of extraYears) {
    pbb.set(e.year, {
      year: e.year,
      prisbasbelopp: kr(e.prisbasbelopp),
      ...(e.maxtaxa === undefined ? {} : { maxtaxa: kr(e.maxtaxa) }),
    });
  }
  return { name: 'Taxa', values: taxaSheetValues({ source: 'test', versions: versions.map(version) }, pbb) };
}

// --- Looking at results ---

export function problemsAt(result: BillingResult, row: number, sheet = 'Enhetsregister'): Problem[] {
  return result.problems.filter((p) => p.sheet === sheet && p.row === row);
}

export function errorsAt(result: BillingResult, row: number, sheet = 'Enhetsregister'): Problem[] {
  return problemsAt(result, row, sheet).filter((p) => p.severity === 'Fel');
}

export function linesOfKind(result: BillingResult, kind: LineKind): InvoiceLine[] {
  return result.lines.filter((l) => l.kind === kind);
}

/** The RunError a call throws (fails the test when it throws nothing or something else). */
export function runErrorOf(f: () => unknown): RunError {
  try {
    f();
  } catch (e) {
    if (e instanceof RunError) return e;
    throw e;
  }
  throw new Error('expected a RunError, but nothing was thrown');
}

/** The invoice's Typ column is as wide as the longest line kind, whichever kinds the month has. */
const WIDTH_BY_DESIGN = new Set(['Typ']);

/**
 * Each table's column widths as makeTable finds them scanning every row: the same, where a
 * width is known without the rows (they are made only as written), or wider by design.
 */
export function expectWidthsAsScanned(sheet: OutputSheet): void {
  for (const t of sheet.tables) {
    const scanned = makeTable(
      t.name,
      t.columns.map((c) => ({ header: c.header, kind: c.kind })),
      tableRows(t),
    );
    t.columns.forEach((c, i) => {
      const found = scanned.columns[i]!.width;
      if (WIDTH_BY_DESIGN.has(c.header)) expect(c.width, `${t.name} ${c.header}`).toBeGreaterThanOrEqual(found);
      else expect(c.width, `${t.name} ${c.header}`).toBe(found);
    });
  }
}
