// Billing months in the pane: the default, the picker's choices, Swedish names.
import { monthKey, previousMonth, type YearMonth } from '../engine/index.js';

const MONTH_NAMES = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** The user's calendar month (local time: the pane runs on the user's machine). */
export function monthOfDate(date: Date): YearMonth {
  return { year: date.getFullYear(), month: date.getMonth() + 1 };
}

/** Billing is done after the month has ended, so the default is last month. */
export function defaultMonth(today: Date): YearMonth {
  return previousMonth(monthOfDate(today));
}

export function monthLabel(m: YearMonth): string {
  return `${MONTH_NAMES[m.month - 1]} ${m.year}`;
}

export function sameMonth(a: YearMonth, b: YearMonth): boolean {
  return a.year === b.year && a.month === b.month;
}

export interface MonthOption {
  readonly month: YearMonth;
  /** ÅÅÅÅ-MM: what the native select carries. */
  readonly key: string;
  readonly label: string;
}

const ordinal = (m: YearMonth): number => m.year * 12 + m.month;

/** Months offered in the picker, newest first: next month back `back` months, plus `selected` if outside. */
export function monthOptions(today: Date, selected: YearMonth, back = 48): MonthOption[] {
  const next = monthOfDate(today);
  let m: YearMonth = next.month === 12 ? { year: next.year + 1, month: 1 } : { year: next.year, month: next.month + 1 };
  const months: YearMonth[] = [];
  for (let i = 0; i <= back + 1; i++) {
    months.push(m);
    m = previousMonth(m);
  }
  if (!months.some((o) => sameMonth(o, selected))) months.push(selected);
  months.sort((a, b) => ordinal(b) - ordinal(a));
  return months.map((month) => ({ month, key: monthKey(month), label: monthLabel(month) }));
}
