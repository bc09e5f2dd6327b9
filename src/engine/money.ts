// Money is decimal.js, never a binary float (R6). Amounts are kept to öre.
import Decimal from 'decimal.js';

export { Decimal };
export type Money = Decimal;

export const ZERO: Money = new Decimal(0);

export function kr(value: number | string): Money {
  return new Decimal(value);
}

/** R6/§5: half up to whole kronor. */
export function roundToKrona(amount: Money): Money {
  return amount.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

export function roundToOre(amount: Money): Money {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function sum(amounts: readonly Money[]): Money {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}

/** Swedish display: "2 642 kr", "450,50 kr", "−97 kr". */
export function formatKr(amount: Money): string {
  const ore = roundToOre(amount);
  const negative = ore.isNegative() && !ore.isZero();
  const [whole, decimals = ''] = ore.abs().toString().split('.') as [string, string?];
  const frac = decimals.padEnd(2, '0');
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : whole;
  return `${negative ? '−' : ''}${grouped}${frac === '00' ? '' : ',' + frac} kr`;
}

/**
 * R6: a money amount from a cell, kept to öre (half up). A cell computed by a formula carries
 * binary noise (=100,1*3 holds 300.29999999999995); billed as is, it would put sub-öre amounts on
 * invoice lines and reductions. Undefined where amountFromCell is.
 */
export function moneyFromCell(value: unknown): Money | undefined {
  const a = amountFromCell(value);
  return a === undefined ? undefined : roundToOre(a);
}

/**
 * R6: the largest amount a cell may hold (Kostnad, Belopp, Avgiftsutrymme, a tariff fee). No fee,
 * device cost or room to pay comes near ten million kronor: a larger value is a typing or unit
 * error (1E+20, 17 digits), refused rather than billed. The bound also keeps totals exact:
 * decimal.js keeps 20 significant digits, and a million lines at the bound are 16 with öre.
 */
export const MAX_AMOUNT: Money = new Decimal(10_000_000);

export function isPlausibleAmount(amount: Money): boolean {
  return amount.abs().lessThanOrEqualTo(MAX_AMOUNT);
}

/** The bound as users read it in a message: "högst 10 000 000 kr". */
export const MAX_AMOUNT_TEXT = `högst ${formatKr(MAX_AMOUNT)}`;

const AMOUNT_TEXT = /^-?\d+(?:[.,]\d+)?$/;

/**
 * An amount cell: a number, or text such as "2 400", "2400,50", "450 kr".
 * Returns undefined for anything that is not plainly a number (never a silent zero).
 */
export function amountFromCell(value: unknown): Money | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // Via the shortest round-trip text, so 0.1 stays 0.1 and not its binary neighbour.
    return new Decimal(String(value));
  }
  if (typeof value === 'string') {
    let text = value
      .replace(/[\s\u00a0\u202f]/g, '')
      .replace(/kr$/i, '')
      .replace(/^−/, '-');
    if (!AMOUNT_TEXT.test(text)) return undefined;
    text = text.replace(',', '.');
    return new Decimal(text);
  }
  return undefined;
}
