// §3: högkostnadsskydd. Monthly cap = 1/12 × 0.5392 × prisbasbelopp, rounded half up.
import Decimal from 'decimal.js';
import type { YearMonth } from './days.js';
import { roundToKrona, type Money } from './money.js';
import { RunError } from './problems.js';

/** The factor in Socialtjänstlagen since 2016-07-01. */
export const MAXTAXA_FACTOR = new Decimal('0.5392');

export interface PrisbasbeloppEntry {
  readonly year: number;
  readonly prisbasbelopp: Money;
  /** A published cap that overrides the formula, if the municipality gives one. */
  readonly maxtaxa?: Money;
}

export type PrisbasbeloppTable = ReadonlyMap<number, PrisbasbeloppEntry>;

const BUILT_IN: ReadonlyArray<[number, number]> = [
  [2019, 46500],
  [2020, 47300],
  [2021, 47600],
  [2022, 48300],
  [2023, 52500],
  [2024, 57300],
  [2025, 58800],
  [2026, 59200],
];

export const DEFAULT_PRISBASBELOPP: PrisbasbeloppTable = new Map(
  BUILT_IN.map(([year, pbb]) => [year, { year, prisbasbelopp: new Decimal(pbb) }]),
);

export function maxtaxaFromPrisbasbelopp(prisbasbelopp: Money): Money {
  return roundToKrona(prisbasbelopp.times(MAXTAXA_FACTOR).dividedBy(12));
}

/** The cap for a year, or undefined when the year has no prisbasbelopp (never a guess). */
export function maxtaxaForYear(table: PrisbasbeloppTable, year: number): Money | undefined {
  const entry = table.get(year);
  if (!entry) return undefined;
  return entry.maxtaxa ?? maxtaxaFromPrisbasbelopp(entry.prisbasbelopp);
}

/** §3: the month's maxtaxa, or RunError when its year has no prisbasbelopp. */
export function maxtaxaForMonth(table: PrisbasbeloppTable, month: YearMonth): Money {
  const maxtaxa = maxtaxaForYear(table, month.year);
  if (!maxtaxa) throw missingPrisbasbelopp(month.year);
  return maxtaxa;
}

/** §3: the prisbasbelopp of a year, or RunError when the year has none. */
export function prisbasbeloppForYear(table: PrisbasbeloppTable, year: number): Money {
  const entry = table.get(year);
  if (!entry) throw missingPrisbasbelopp(year);
  return entry.prisbasbelopp;
}

function missingPrisbasbelopp(year: number): RunError {
  return new RunError(
    `Prisbasbelopp saknas för år ${year}, så maxtaxan kan inte beräknas. Lägg till året i bladet Taxa (tabellen År/Prisbasbelopp).`,
  );
}

/** Built-in years overlaid by the workbook's own rows. */
export function mergePrisbasbelopp(base: PrisbasbeloppTable, extra: readonly PrisbasbeloppEntry[]): PrisbasbeloppTable {
  const merged = new Map(base);
  for (const e of extra) merged.set(e.year, e);
  return merged;
}
