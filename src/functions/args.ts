// Reading the custom functions' arguments. Wrong arguments throw #VALUE! with a Swedish message;
// no amount is decided here (that is the engine's, via src/engine/deviceRow.ts).
import {
  displayValue,
  isBlank,
  isPlausibleAmount,
  MAX_AMOUNT_TEXT,
  moneyFromCell,
  monthFromCell,
  type CellReading,
  type Money,
  type YearMonth,
} from '../engine/index.js';
import { invalidValue } from './errors.js';

/**
 * Excel for Windows passes a reference to an empty cell as 0, Excel on the web as null
 * (office-js#4702); an empty argument (`;;`) is null on both. 0 is no date (serial 0 is
 * "1900-01-00"), no service, no choice, no year and no personnummer, so for those arguments 0
 * means an empty cell. Amounts decide for themselves: see readAmountOrZero and readAmountOrNone.
 */
export function emptyCellAsBlank(value: unknown): unknown {
  return value === 0 || value === null ? undefined : value;
}

const MONTH_HINT = 'Ange månaden som ÅÅÅÅ-MM, till exempel "2025-03", eller som ett datum i månaden.';

// The same few month texts recur in every formula of a sheet: parse each once.
const monthCache = new Map<string, YearMonth | undefined>();

function monthFromText(text: string): YearMonth | undefined {
  if (monthCache.has(text)) return monthCache.get(text);
  const month = monthFromCell(text);
  if (monthCache.size >= 1000) monthCache.clear();
  monthCache.set(text, month);
  return month;
}

/** `månad`: `YYYY-MM` text, ISO date text or a date serial; any day of the month. */
export function readMonth(value: unknown): YearMonth {
  const v = emptyCellAsBlank(value);
  if (isBlank(v)) throw invalidValue(`Månad saknas. ${MONTH_HINT}`);
  // A year typed where a month belongs would be read as a date serial in 1905.
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999) {
    throw invalidValue(`${v} ser ut som ett år, inte som en månad. ${MONTH_HINT}`);
  }
  const month = typeof v === 'string' ? monthFromText(v) : monthFromCell(v);
  if (!month) throw invalidValue(`Månaden "${displayValue(v)}" går inte att läsa. ${MONTH_HINT}`);
  // Same range as readYear: text such as "0000-01" parses, but no billing month lies there.
  if (month.year < 1900) throw invalidValue(`Månaden "${displayValue(v)}" ligger före år 1900. ${MONTH_HINT}`);
  return month;
}

/** `år`: a whole year, 1900–9999, as a number or four-digit text. */
export function readYear(value: unknown): number {
  if (isBlank(emptyCellAsBlank(value))) {
    throw invalidValue('År saknas. Ange ett årtal med fyra siffror, till exempel 2025.');
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{4}\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1900 || n > 9999) {
    throw invalidValue(`Året "${displayValue(value)}" går inte att läsa. Ange ett årtal med fyra siffror, till exempel 2025.`);
  }
  return n;
}

/** An amount in kronor (a number or text such as "2 500,50"), kept to öre like the side sheets (R6). */
export function readAmount(value: unknown, what: string): Money {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    throw invalidValue(`${what} saknas. Ange ett belopp i kronor, till exempel 239.`);
  }
  const amount = moneyFromCell(value);
  if (!amount)
    throw invalidValue(`${what}: "${displayValue(value)}" är inte ett belopp. Ange kronor, till exempel 239 eller 2 500,50.`);
  if (amount.isNegative()) throw invalidValue(`${what}: beloppet får inte vara negativt (${displayValue(value)}).`);
  // The invoice's bound (R6): a cell never computes what a run would refuse, and totals stay exact.
  if (!isPlausibleAmount(amount))
    throw invalidValue(`${what}: beloppet ${displayValue(value)} är orimligt stort. Ange ${MAX_AMOUNT_TEXT}.`);
  return amount;
}

/** A "0 if none" amount: an empty cell or argument (0, null, "") is 0 kr on every host. */
export function readAmountOrZero(value: unknown, what: string): Money {
  return readAmount(isBlank(value) ? 0 : value, what);
}

/**
 * An amount where 0 is a real value and "none" differs from it (avgiftsutrymme 0: nothing may be
 * charged). Excel for Windows cannot tell an empty cell from 0, so an empty cell or argument
 * (null on the web) is 0 on every host too, as in Excel's own functions; "none" is empty text
 * (`""`, or a formula giving "").
 */
export function readAmountOrNone(value: unknown, what: string): Money | undefined {
  if (value === null || value === undefined) return readAmount(0, what);
  if (isBlank(value)) return undefined;
  return readAmount(value, what);
}

/** The value of a reading, or #VALUE! with the register's message, naming its column if the message does not. */
export function valueOf<T>(reading: CellReading<T>): T {
  if (reading.ok) return reading.value;
  const { column, message } = reading;
  // "Okänd tjänst …" already names its column; "Datumet … går inte att läsa" does not.
  const firstSentence = message
    .replace(/"[^"]*"/g, '')
    .split('.')[0]!
    .toLocaleLowerCase('sv');
  const named = column === '' || firstSentence.endsWith(' saknas') || firstSentence.includes(column.toLocaleLowerCase('sv'));
  throw invalidValue(named ? message : `${column}: ${message}`);
}

// Decimal → number for the cell. Memoised amounts repeat on every call, and Decimal's
// toNumber (via its text form) was the largest cost of a VT.FEE call.
const numbers = new WeakMap<Money, number>();

export function numberOf(amount: Money): number {
  let n = numbers.get(amount);
  if (n === undefined) numbers.set(amount, (n = amount.toNumber()));
  return n;
}
