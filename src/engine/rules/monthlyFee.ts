// R1: the monthly fee per person, fee category and month, over the union of active days.
import { daysInMonth, firstDayOfMonth, lastDayOfMonth, type Day, type YearMonth } from '../days.js';
import { formatKr, roundToKrona, type Money } from '../money.js';
import { CATEGORY_LABEL, FEE_CATEGORIES, type FeeCategory } from '../services.js';
import type { Proration } from '../settings.js';

const CATEGORY_INDEX = Object.fromEntries(FEE_CATEGORIES.map((c, i) => [c, i])) as Record<FeeCategory, number>;

/** A device's active days: Installerad through Avslutad, both included; open without Avslutad. */
export interface ActiveSpan {
  readonly installed: Day;
  readonly ended?: Day;
}

/** Number of days of the month on which at least one of the spans is active (a register row is one). */
export function activeDaysInMonth(spans: readonly ActiveSpan[], month: YearMonth): number {
  const start = firstDayOfMonth(month),
    end = lastDayOfMonth(month);
  if (spans.length === 1) {
    const only = spans[0]!;
    return Math.max(0, Math.min(only.ended ?? end, end) - Math.max(only.installed, start) + 1);
  }
  // A month has at most 31 days: the union of the spans is a bitmask of its days (bit 0 = the 1st).
  let days = 0;
  for (const s of spans) {
    const from = Math.max(s.installed, start) - start;
    const to = Math.min(s.ended ?? end, end) - start;
    if (from <= to) days |= ((2 ** (to - from + 1) - 1) * 2 ** from) | 0;
  }
  return bitCount(days);
}

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits >>> 0; b !== 0; b &= b - 1) n++;
  return n;
}

export interface MonthlyCharge {
  readonly amount: Money;
  readonly quantity: number;
  readonly explanation: string;
}

/** The fee for `activeDays` days of the month under a proration setting (§5). */
/** `memo` may be shared only by calls for the same month, fee and proration. */
export function proratedFee(
  fee: Money,
  activeDays: number,
  month: YearMonth,
  proration: Proration,
  category: FeeCategory,
  memo?: Map<number, MonthlyCharge>,
): MonthlyCharge {
  // A run bills one month under one tariff version, so category and days decide the result.
  const key = CATEGORY_INDEX[category] * 64 + activeDays;
  const known = memo?.get(key);
  if (known) return known;
  const charge = computeFee(fee, activeDays, month, proration, category);
  memo?.set(key, charge);
  return charge;
}

function computeFee(
  fee: Money,
  activeDays: number,
  month: YearMonth,
  proration: Proration,
  category: FeeCategory,
): MonthlyCharge {
  const dim = daysInMonth(month.year, month.month);
  const what = `Månadsavgift för ${CATEGORY_LABEL[category]}`;
  if (activeDays >= dim) {
    return {
      amount: fee,
      quantity: proration === 'started-month' ? 1 : activeDays,
      explanation: `${what}, ${formatKr(fee)}, aktiv hela månaden.`,
    };
  }
  switch (proration) {
    case 'started-month':
      return {
        amount: fee,
        quantity: 1,
        explanation: `${what}, ${formatKr(fee)}: aktiv ${activeDays} av ${dim} dagar, och en påbörjad månad debiteras helt.`,
      };
    case 'days-30': {
      const raw = roundToKrona(fee.times(activeDays).dividedBy(30));
      const amount = raw.greaterThan(fee) ? fee : raw;
      return {
        amount,
        quantity: activeDays,
        explanation: `${what}: ${formatKr(fee)} × ${activeDays}/30 dagar = ${formatKr(amount)}${raw.greaterThan(fee) ? ' (högst en hel månadsavgift)' : ''}.`,
      };
    }
    case 'actual-days': {
      const amount = roundToKrona(fee.times(activeDays).dividedBy(dim));
      return {
        amount,
        quantity: activeDays,
        explanation: `${what}: ${formatKr(fee)} × ${activeDays}/${dim} dagar = ${formatKr(amount)}.`,
      };
    }
  }
}
