// One device row on its own under the invoice's rules (R1, R3, R4), for the custom functions
// (VT.FEE and friends). Cells are read by the register's own parsers and amounts come from the
// rule functions billMonth calls, so a formula and an invoice line cannot disagree.
import { COLUMN_BY_FIELD } from './columns.js';
import type { YearMonth } from './days.js';
import { ZERO, type Money } from './money.js';
import {
  endedBeforeInstalled,
  endedMissingForCharge,
  housingFromCell,
  installedFromCell,
  installTypeFromCell,
  optionalDateFromCell,
  returnStatusFromCell,
  serviceFromCell,
  type CellReading,
  type Housing,
  type InstallType,
} from './register.js';
import { costProblemMessage, lostDeviceChargeFor, reminderDaysFor } from './rules/lostDeviceCharge.js';
import { activeDaysInMonth, proratedFee, type ActiveSpan, type MonthlyCharge } from './rules/monthlyFee.js';
import { INSTALLATION_FEE_CATEGORIES, type Service } from './services.js';
import { effectiveSettings, PRORATIONS, type BillingOverrides, type Proration } from './settings.js';
import { tariffVersionForDay, tariffVersionForMonth, type Tariff, type TariffVersion } from './tariff.js';

/** What R1 and R3 need from one register row. */
export interface DeviceRow extends ActiveSpan {
  readonly service: Service;
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

// --- reading cells: the register's parsers, first Fel in the register's order ---

/** One register row from its cells; a Fel is worded exactly as on the Problem sheet (§6). */
export function readDeviceRow(cells: DeviceCells, headers: DeviceHeaders = {}): CellReading<DeviceRow> {
  const service = serviceFromCell(cells.service);
  if (!service.ok) return service;
  const span = readActiveSpan(cells.installed, cells.ended, headers);
  if (!span.ok) return span;
  const housing = housingFromCell(cells.housing);
  if (!housing.ok) return housing;
  const installType = installTypeFromCell(cells.installType);
  if (!installType.ok) return installType;
  const { installed, ended } = span.value;
  return {
    ok: true,
    value: { service: service.value, installed, ended, housing: housing.value, installType: installType.value },
  };
}

/** Installerad/Avslutad alone (the active days of R1), read as the register reads them. */
export function readActiveSpan(installed: unknown, ended: unknown, headers: DeviceHeaders = {}): CellReading<ActiveSpan> {
  const from = installedFromCell(installed);
  if (!from.ok) return headers.installed ? { ...from, column: headers.installed } : from;
  const to = optionalDateFromCell(ended, 'ended');
  if (!to.ok) return to;
  const backwards = endedBeforeInstalled(from.value, to.value);
  if (backwards) return { ok: false, column: COLUMN_BY_FIELD.ended.header, message: backwards };
  return { ok: true, value: { installed: from.value, ended: to.value } };
}

// --- R1 ---

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
export function monthlyFeeForRow(row: DeviceRow, month: YearMonth, tariff: Tariff, overrides?: BillingOverrides): RowMonthlyFee {
  const version = tariffVersionForMonth(tariff, month);
  const { proration } = effectiveSettings(version.settings, overrides);
  const category = row.service.category;
  const unitPrice = version.monthlyFee[category];
  const activeDays = activeDaysInMonth([row], month);
  if (row.housing !== 'ordinary' || unitPrice.isZero() || activeDays === 0) {
    return { amount: ZERO, billed: false, activeDays, quantity: 0, unitPrice, proration, version };
  }
  const charge = proratedFee(unitPrice, activeDays, month, proration, category, feeMemo(version, month, proration));
  return { amount: charge.amount, billed: true, activeDays, quantity: charge.quantity, unitPrice, proration, version };
}

// --- R3 ---

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

// --- R4 ---

/** The cells R4 reads from a register row, as a user would write them. */
export interface LostDeviceCells {
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
export function lostDeviceChargeOfRow(
  cells: LostDeviceCells,
  month: YearMonth,
  tariff: Tariff,
  overrides?: BillingOverrides,
): CellReading<Money> {
  // The register's order: Avslutad, Påminnelse, Återlämning, then Avslutad missing for a charge.
  const ended = optionalDateFromCell(cells.ended, 'ended');
  if (!ended.ok) return ended;
  const reminder = optionalDateFromCell(cells.reminder, 'reminder');
  if (!reminder.ok) return reminder;
  const returnStatus = returnStatusFromCell(cells.returnStatus);
  if (!returnStatus.ok) return returnStatus;
  const noEnded = endedMissingForCharge(returnStatus.value, ended.value, cells.returnStatus);
  if (noEnded) return { ok: false, column: COLUMN_BY_FIELD.ended.header, message: noEnded };
  tariffVersionForMonth(tariff, month); // as billMonth: a month without a tariff is refused, charge or not
  const facts = { returnStatus: returnStatus.value, ended: ended.value, reminder: reminder.value, costCell: cells.cost };
  const outcome = lostDeviceChargeFor(facts, month, reminderDaysFor(tariff, reminder.value, overrides?.reminderDays));
  if (outcome.kind === 'charge') return { ok: true, value: outcome.amount };
  if (outcome.kind === 'costProblem')
    return { ok: false, column: COLUMN_BY_FIELD.cost.header, message: costProblemMessage(outcome) };
  return { ok: true, value: ZERO };
}
