// Strict reading of an amount cell on an invoice sheet: a number, at most two decimals, as an
// integer count of hundredths (öre for kronor). Text is refused even when it looks like a
// number: Excel's SUM leaves text out, so the sheet's own total would not include it.
import Decimal from 'decimal.js';

export type AmountReason = 'saknas' | 'text' | 'decimaler' | 'storlek' | 'inte ett tal';

export type CellAmount =
  { readonly ok: true; readonly hundredths: number } | { readonly ok: false; readonly reason: AmountReason };

const PLAIN = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;
// A formula's result may carry binary noise (=100,1*3 holds 300.29999999999995): within this of
// whole öre it is the öre amount the cell shows; beyond it the cell really has more decimals.
const NOISE = new Decimal('1e-9');

export function hundredthsFromCell(value: unknown): CellAmount {
  const n = hundredthsOf(value);
  return typeof n === 'number' ? { ok: true, hundredths: n } : { ok: false, reason: n };
}

/** As hundredthsFromCell, without an object per cell: the hundredths, or the reason it is unreadable. */
export function hundredthsOf(value: unknown): number | AmountReason {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'inte ett tal';
    // The usual cell: k/100 exactly as a double (239, 450.5). Then k is exact, and the cell's own
    // shortest text is k/100 with at most two decimals; anything else takes the textual path.
    const k = Math.round(value * 100);
    if (k / 100 === value && Math.abs(k) < 1e15) return k === 0 ? 0 : k;
    return fromText(String(value));
  }
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return 'saknas';
  return typeof value === 'string' ? 'text' : 'inte ett tal';
}

function fromText(text: string): number | AmountReason {
  const m = PLAIN.exec(text);
  if (m) {
    // Whole digits and two decimals as integers: exact, no binary fractions involved.
    const n = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
    return m[1] ? -n : n;
  }
  const d = new Decimal(text);
  const rounded = d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (d.minus(rounded).abs().greaterThan(NOISE)) return 'decimaler';
  const n = rounded.times(100).toNumber();
  if (!Number.isSafeInteger(n) || Math.abs(n) >= 1e15) return 'storlek';
  return n === 0 ? 0 : n;
}

/** Hundredths as a decimal text with two decimals ("239.00", "-97.50"); `comma` for Swedish CSV. */
export function formatHundredths(n: number, comma = false, trimZeros = false): string {
  const negative = n < 0;
  const abs = negative ? -n : n;
  const whole = Math.floor(abs / 100);
  const cents = abs - whole * 100;
  const sep = comma ? ',' : '.';
  const frac = trimZeros && cents === 0 ? '' : sep + (cents < 10 ? '0' + cents : String(cents));
  return `${negative ? '-' : ''}${whole}${frac}`;
}
