// One device row under the rules the invoice applies (R1, R3, §3, R5), for the custom functions
// (VT.FEE and friends). Everything here calls the same rule functions as billMonth and reads
// cells the way readRegister does, so a formula and an invoice line cannot disagree.
import { dayFromCell, dayToIso, firstDayOfMonth, monthKey, type Day, type YearMonth } from './days.js';
import { maxtaxaForYear, type PrisbasbeloppTable } from './maxtaxa.js';
import { ZERO, type Money } from './money.js';
import { RunError, type Problem } from './problems.js';
import { costProblemMessage, reminderDaysFor, replacementFor } from './rules/replacement.js';
import { readRegister, type Housing, type InstallType, type RegisterRow } from './register.js';
import { applyCap } from './rules/cap.js';
import { activeDaysInMonth, proratedFee, type MonthlyCharge } from './rules/monthlyFee.js';
import { findService, INSTALLATION_FEE_CATEGORIES, type Service } from './services.js';
import { PRORATIONS, type BillingSettings, type Proration } from './settings.js';
import { tariffVersionOn, type Tariff, type TariffVersion } from './tariff.js';
import { isBlank } from './text.js';

/** What R1 and R3 need from one register row. */
export interface DeviceRow {
  readonly service: Service;
  readonly installed: Day;
  readonly ended?: Day;
  readonly housing: Housing;
  readonly installType: InstallType;
}

/** Cell values of one register row, as a user would write them (blank = empty cell). */
export interface DeviceCells {
  readonly service?: unknown;
  readonly installed?: unknown;
  readonly ended?: unknown;
  readonly housing?: unknown;
  readonly installType?: unknown;
}

/** Header text to use in messages, e.g. "Installationsdatum" where a function calls it that. */
export interface DeviceHeaders {
  readonly installed?: string;
}

export type CellReading<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly column: string; readonly message: string };

// --- reading cells exactly as the register does ---

// Skatteverket's test personnummer: a valid placeholder so the one-row sheet's Personnummer passes.
const PLACEHOLDER_PNR = '19121212-1212';
const PLACEHOLDER_SERVICE = 'Trygghetslarm';
const PLACEHOLDER_DATE = '2025-01-01';

/**
 * readRegister on a one-row sheet: the register's own parsing and Swedish messages. Used for
 * the spellings of Boende/Installationstyp (cached) and to word a problem (only on failure),
 * so the functions never keep a second list of accepted values.
 */
function readOneRow(cells: DeviceCells, headers: DeviceHeaders = {}): { row?: RegisterRow; problem?: Problem } {
  return oneRowSheet(
    ['Personnummer', 'Tjänst', headers.installed ?? 'Installerad', 'Avslutad', 'Boende', 'Installationstyp'],
    [PLACEHOLDER_PNR, cells.service, cells.installed, cells.ended, cells.housing, cells.installType],
    2025,
  );
}

function oneRowSheet(
  headers: readonly string[],
  cells: readonly unknown[],
  billingYear: number,
): { row?: RegisterRow; problem?: Problem } {
  const reading = readRegister({ name: 'Enhetsregister', values: [headers, cells] }, billingYear);
  const row = reading.rows[0];
  return row ? { row } : { problem: reading.problems.find((p) => p.severity === 'Fel') ?? reading.problems[0] };
}

function problemOf(cells: DeviceCells, headers?: DeviceHeaders): { ok: false; column: string; message: string } {
  const { problem } = readOneRow(cells, headers);
  // The fast path and readRegister share their parsers, so a problem is always there.
  return { ok: false, column: problem?.column ?? '', message: problem?.message ?? 'Raden går inte att läsa.' };
}

type Choice<T> = CellReading<T>;
const choiceCache = { housing: new Map<string, Choice<Housing>>(), installType: new Map<string, Choice<InstallType>>() };
const CHOICE_CACHE_LIMIT = 1000;

function choiceFromCell<F extends 'housing' | 'installType'>(field: F, value: unknown): Choice<RegisterRow[F]> {
  if (isBlank(value)) return { ok: true, value: (field === 'housing' ? 'ordinary' : 'new') as RegisterRow[F] };
  const cache = choiceCache[field] as Map<string, Choice<RegisterRow[F]>>;
  const key = typeof value === 'string' ? value : `${typeof value}:${String(value)}`;
  const known = cache.get(key);
  if (known) return known;
  const { row, problem } = readOneRow({ service: PLACEHOLDER_SERVICE, installed: PLACEHOLDER_DATE, [field]: value });
  const choice: Choice<RegisterRow[F]> = row
    ? { ok: true, value: row[field] }
    : { ok: false, column: problem?.column ?? '', message: problem?.message ?? 'Okänt värde.' };
  if (cache.size < CHOICE_CACHE_LIMIT) cache.set(key, choice);
  return choice;
}

/** §4 Boende: empty or "Ordinärt boende" → ordinary, "Särskilt boende" → special. */
export function housingFromCell(value: unknown): CellReading<Housing> {
  return choiceFromCell('housing', value);
}

/** §4 Installationstyp: empty or "Ny" → new, "Byte" → replacement. */
export function installTypeFromCell(value: unknown): CellReading<InstallType> {
  return choiceFromCell('installType', value);
}

/** §1: a service by any accepted spelling, or the register's message for an unknown one. */
export function serviceFromCell(value: unknown): CellReading<Service> {
  const service = findService(value);
  return service ? { ok: true, value: service } : problemOf({ service: value, installed: PLACEHOLDER_DATE });
}

/** One register row from its cells; a problem is worded exactly as on the Problem sheet (§6). */
export function readDeviceRow(cells: DeviceCells, headers?: DeviceHeaders): CellReading<DeviceRow> {
  const service = findService(cells.service);
  const installed = dayFromCellOrUndefined(cells.installed);
  const ended = isBlank(cells.ended) ? undefined : dayFromCellOrUndefined(cells.ended);
  const housing = choiceFromCell('housing', cells.housing);
  const installType = choiceFromCell('installType', cells.installType);
  if (
    !service ||
    installed === undefined ||
    (!isBlank(cells.ended) && ended === undefined) ||
    (ended !== undefined && ended < installed) ||
    !housing.ok ||
    !installType.ok
  ) {
    return problemOf(cells, headers);
  }
  return { ok: true, value: { service, installed, ended, housing: housing.value, installType: installType.value } };
}

/** Installerad/Avslutad alone (for the active days of R1), read as the register reads them. */
export function readDeviceSpan(
  installed: unknown,
  ended: unknown,
  headers?: DeviceHeaders,
): CellReading<{ installed: Day; ended?: Day }> {
  const row = readDeviceRow({ service: PLACEHOLDER_SERVICE, installed, ended }, headers);
  return row.ok ? { ok: true, value: { installed: row.value.installed, ended: row.value.ended } } : row;
}

// A sheet of formulas repeats the same date texts; parsing ISO text dominated a FEE call.
const isoCache = new Map<string, Day | undefined>();
const ISO_CACHE_LIMIT = 20000;

function dayFromCellOrUndefined(value: unknown): Day | undefined {
  if (typeof value !== 'string') return isBlank(value) ? undefined : dayFromCell(value);
  const known = isoCache.get(value);
  if (known !== undefined || isoCache.has(value)) return known;
  const day = isBlank(value) ? undefined : dayFromCell(value);
  if (isoCache.size >= ISO_CACHE_LIMIT) isoCache.clear();
  isoCache.set(value, day);
  return day;
}

// --- the rules for one row ---

function asRegisterRow(row: Pick<DeviceRow, 'installed' | 'ended'> & Partial<DeviceRow>): RegisterRow {
  return {
    rowNumber: 0,
    pnr: PLACEHOLDER_PNR,
    personKey: 0,
    name: '',
    deviceId: '',
    returnStatus: 'none',
    costCell: null,
    service: row.service ?? findService(PLACEHOLDER_SERVICE)!,
    installed: row.installed,
    ended: row.ended,
    housing: row.housing ?? 'ordinary',
    installType: row.installType ?? 'new',
  };
}

/** The tariff version for a billing month (§2: in force on the month's first day), or RunError. */
export function tariffVersionForMonth(tariff: Tariff, month: YearMonth): TariffVersion {
  const version = tariffVersionOn(tariff, firstDayOfMonth(month));
  if (!version) throw new RunError(noVersionMessage(tariff, monthKey(month)));
  return version;
}

/** The version in force on a day (R3: the installation date), or RunError. */
export function tariffVersionForDay(tariff: Tariff, day: Day): TariffVersion {
  const version = tariffVersionOn(tariff, day);
  if (!version) throw new RunError(noVersionMessage(tariff, dayToIso(day)));
  return version;
}

function noVersionMessage(tariff: Tariff, when: string): string {
  const first = tariff.versions[0];
  return `Ingen taxa gäller för ${when}${first ? ` (${tariff.source} börjar gälla ${dayToIso(first.validFrom)})` : ''}. Lägg till en taxeversion i bladet Taxa.`;
}

/** Days of the month on which the row is active (R1's Antal under day-based proration). */
export function activeDaysOfRow(row: Pick<DeviceRow, 'installed' | 'ended'>, month: YearMonth): number {
  return activeDaysInMonth([asRegisterRow(row)], month);
}

// proratedFee's memo, one per (version, month, proration) as it requires: repeated calls then
// skip the arithmetic and the explanation text.
const feeMemos = new WeakMap<TariffVersion, Map<number, Map<number, MonthlyCharge>>>();

function feeMemo(version: TariffVersion, month: YearMonth, proration: Proration): Map<number, MonthlyCharge> {
  let byMonth = feeMemos.get(version);
  if (!byMonth) feeMemos.set(version, (byMonth = new Map()));
  const key = (month.year * 100 + month.month) * 4 + PRORATIONS.indexOf(proration);
  let memo = byMonth.get(key);
  if (!memo) byMonth.set(key, (memo = new Map()));
  return memo;
}

export interface RowMonthlyFee {
  /** The Månadsavgift line's amount; zero where the invoice has no line (R1). */
  readonly amount: Money;
  /** False where the invoice has no line: Särskilt boende, a 0 kr category, or no active day. */
  readonly billed: boolean;
  readonly activeDays: number;
  /** The line's Antal (days or 1). */
  readonly quantity: number;
  /** The line's À-pris: the category's fee in the month's tariff version. */
  readonly unitPrice: Money;
  readonly proration: Proration;
  readonly version: TariffVersion;
}

/**
 * R1 for one row in month M, as billMonth computes it for a person with this single row of the
 * category. Throws RunError when no tariff version is in force on M's first day.
 */
export function monthlyFeeForRow(
  row: DeviceRow,
  month: YearMonth,
  tariff: Tariff,
  overrides?: Partial<BillingSettings>,
): RowMonthlyFee {
  const version = tariffVersionForMonth(tariff, month);
  // As billMonth: the run's setting (task pane) overrides the version's.
  const proration = overrides?.proration ?? version.settings.proration;
  const category = row.service.category;
  const unitPrice = version.monthlyFee[category];
  const activeDays = activeDaysInMonth([asRegisterRow(row)], month);
  if (row.housing !== 'ordinary' || unitPrice.isZero() || activeDays === 0) {
    return { amount: ZERO, billed: false, activeDays, quantity: 0, unitPrice, proration, version };
  }
  const charge = proratedFee(unitPrice, activeDays, month, proration, category, feeMemo(version, month, proration));
  return { amount: charge.amount, billed: true, activeDays, quantity: charge.quantity, unitPrice, proration, version };
}

export interface RowInstallationFee {
  /** The Installationsavgift of this row's installation occasion; zero where R3 gives none. */
  readonly amount: Money;
  readonly billed: boolean;
  /** Whether the fee is inside högkostnadsskydd (a tariff setting). */
  readonly capped: boolean;
  /** Undefined for a Byte or a button: no tariff is needed to know they carry no fee. */
  readonly version?: TariffVersion;
}

/**
 * R3 for one row: the fee of its installation occasion under the version in force on the
 * installation date. Several rows installed the same day form one occasion and one fee.
 * Throws RunError when a fee-carrying installation has no version in force on that date.
 */
export function installationFeeForRow(
  row: Pick<DeviceRow, 'service' | 'installed' | 'installType'>,
  tariff: Tariff,
): RowInstallationFee {
  if (row.installType !== 'new' || !INSTALLATION_FEE_CATEGORIES.has(row.service.category)) {
    return { amount: ZERO, billed: false, capped: false };
  }
  const version = tariffVersionForDay(tariff, row.installed);
  const billed = !version.installationFee.isZero();
  return { amount: billed ? version.installationFee : ZERO, billed, capped: version.installationCapped, version };
}

function missingPrisbasbelopp(year: number): RunError {
  return new RunError(
    `Prisbasbelopp saknas för år ${year}, så maxtaxan kan inte beräknas. Lägg till året i bladet Taxa (tabellen År/Prisbasbelopp).`,
  );
}

/** §3: the prisbasbelopp of a year, or RunError when the year has none (never a guess). */
export function prisbasbeloppForYear(table: PrisbasbeloppTable, year: number): Money {
  const entry = table.get(year);
  if (!entry) throw missingPrisbasbelopp(year);
  return entry.prisbasbelopp;
}

/** §3: the month's maxtaxa, or RunError when its year has no prisbasbelopp. */
export function maxtaxaForMonth(table: PrisbasbeloppTable, month: YearMonth): Money {
  const maxtaxa = maxtaxaForYear(table, month.year);
  if (!maxtaxa) throw missingPrisbasbelopp(month.year);
  return maxtaxa;
}

export interface CapResult {
  readonly room: Money;
  /** The Reduktion högkostnadsskydd line: negative, or zero. */
  readonly reduction: Money;
  /** What is left to charge of the capped fees: capped + reduction. */
  readonly charged: Money;
}

/** R5 for one person and month: the capped fees after the cap, via the invoice's applyCap. */
export function amountAfterCap(cappedFees: Money, maxtaxa: Money, otherCapped: Money, ability: Money | undefined): CapResult {
  const { room, reduction } = applyCap(cappedFees, maxtaxa, otherCapped, ability);
  return { room, reduction, charged: reduction.isZero() ? cappedFees : cappedFees.plus(reduction) };
}

/** The cells R4 reads from a register row, as a user would write them. */
export interface ReplacementCells {
  readonly returnStatus?: unknown;
  readonly ended?: unknown;
  readonly reminder?: unknown;
  readonly cost?: unknown;
}

/**
 * R4 for one row in month M: the Ersättning teknik line's amount, zero where the invoice has none
 * (also where it only warns about a missing reminder), or the Problem sheet's Fel. Throws RunError
 * when no tariff version is in force on M's first day, as billMonth does.
 */
export function replacementOfRow(
  cells: ReplacementCells,
  month: YearMonth,
  tariff: Tariff,
  overrides?: Partial<BillingSettings>,
): CellReading<Money> {
  // Installerad long before any date a user can give: "Avslutad ligger före Installerad" never comes from the stand-in.
  const { row, problem } = oneRowSheet(
    ['Personnummer', 'Tjänst', 'Installerad', 'Avslutad', 'Återlämning', 'Påminnelse', 'Kostnad'],
    [PLACEHOLDER_PNR, PLACEHOLDER_SERVICE, '0001-01-01', cells.ended, cells.returnStatus, cells.reminder, cells.cost],
    month.year,
  );
  if (!row) return { ok: false, column: problem?.column ?? '', message: problem?.message ?? 'Raden går inte att läsa.' };
  tariffVersionForMonth(tariff, month);
  const outcome = replacementFor(row, month, reminderDaysFor(tariff, row.reminder, overrides?.reminderDays));
  if (outcome.kind === 'charge') return { ok: true, value: outcome.amount };
  if (outcome.kind === 'costProblem') return { ok: false, column: 'Kostnad', message: costProblemMessage(outcome) };
  return { ok: true, value: ZERO };
}
