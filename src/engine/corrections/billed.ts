// §9 billed(p, m, kind): the record summed per person, month and line kind, in whole öre.
// One pass buckets the lines by month; each month is then sorted once by personnummer, so the
// comparison with today's billing (also in personnummer order) is a merge, linear in the record.
import { LINE_KINDS, type LineKind } from '../invoiceLine.js';
import { Decimal, type Money } from '../money.js';
import type { BilledLine } from './record.js';

export const KIND_COUNT = LINE_KINDS.length;
export const KIND_INDEX: Readonly<Record<LineKind, number>> = Object.fromEntries(LINE_KINDS.map((k, i) => [k, i])) as Record<
  LineKind,
  number
>;

/** What the record says was billed for one month, persons in personnummer order. */
export interface BilledMonth {
  readonly month: string;
  readonly pnrs: readonly string[];
  /** Öre per person and kind: `ore[person * KIND_COUNT + KIND_INDEX[kind]]`. */
  readonly ore: Float64Array;
  /** The person's record lines are `lines[start[person] .. start[person + 1])`, in record order. */
  readonly start: Int32Array;
  /** Indices into `InvoiceRecord.lines`. */
  readonly lines: Int32Array;
}

/**
 * Money → whole öre as a plain integer (exact below 2^53 öre). Amounts are kept to öre (R6);
 * anything finer in a hand-edited record is rounded half up. Lines mostly share one Decimal, so
 * the conversion is remembered per object.
 */
export function oreConverter(): (m: Money) => number {
  const known = new Map<Money, number>();
  return (m) => {
    let n = known.get(m);
    if (n === undefined) {
      n = m.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100).toNumber();
      if (known.size < 1000) known.set(m, n);
    }
    return n;
  };
}

export function moneyOfOre(ore: number): Money {
  return new Decimal(ore).dividedBy(100);
}

const INDEX_BITS = 2 ** 21; // lines per month the packed sort handles
const KEY_LIMIT = 2 ** 32;

/** Record lines of one month in personnummer order (record order within a person). */
function sortByPerson(bucket: Int32Array, keys: Float64Array): Int32Array {
  const n = bucket.length;
  let packable = n < INDEX_BITS;
  for (let j = 0; packable && j < n; j++) packable = keys[j]! >= 0 && keys[j]! < KEY_LIMIT;
  if (packable) {
    const packed = new Float64Array(n);
    for (let j = 0; j < n; j++) packed[j] = keys[j]! * INDEX_BITS + j;
    packed.sort();
    const out = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      const p = packed[j]!;
      out[j] = bucket[p - Math.floor(p / INDEX_BITS) * INDEX_BITS]!;
    }
    return out;
  }
  const order = Array.from(bucket.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
  return Int32Array.from(order, (j) => bucket[j]!);
}

/** billed(p, m, kind) for each of `months` (keys `ÅÅÅÅ-MM`); lines of other months are not looked at again. */
export function billedByMonth(lines: readonly BilledLine[], months: readonly string[]): Map<string, BilledMonth> {
  const position = new Map(months.map((m, i) => [m, i]));
  const monthOf = new Int8Array(lines.length).fill(-1);
  const counts = new Int32Array(months.length);
  // What the per-month pass needs, copied out in line order: it then visits lines in person
  // order through typed arrays instead of 10^6 objects scattered over the heap (billedByMonth
  // ~4 s → ~2.5 s on the bench's 1.5 million record lines).
  const personKey = new Float64Array(lines.length);
  const kindOf = new Int8Array(lines.length);
  const oreOf = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const p = position.get(l.month);
    if (p === undefined) continue;
    personKey[i] = l.personKey;
    kindOf[i] = KIND_INDEX[l.kind];
    oreOf[i] = l.amountOre;
    monthOf[i] = p;
    counts[p]!++;
  }
  const buckets = Array.from(counts, (c) => ({ lines: new Int32Array(c), keys: new Float64Array(c), size: 0 }));
  for (let i = 0; i < lines.length; i++) {
    const p = monthOf[i]!;
    if (p < 0) continue;
    const b = buckets[p]!;
    b.lines[b.size] = i;
    b.keys[b.size++] = personKey[i]!;
  }

  const out = new Map<string, BilledMonth>();
  months.forEach((month, p) => {
    const b = buckets[p]!;
    const sorted = sortByPerson(b.lines, b.keys);
    // At most one person per line: typed arrays of that size, cut to the persons found.
    const n = sorted.length;
    const pnrs: string[] = [];
    const start = new Int32Array(n + 1);
    const ore = new Float64Array(n * KIND_COUNT);
    let persons = 0,
      last = -1;
    for (let j = 0; j < n; j++) {
      const i = sorted[j]!;
      if (personKey[i] !== last) {
        last = personKey[i]!;
        pnrs.push(lines[i]!.pnr);
        start[persons++] = j;
      }
      const at = (persons - 1) * KIND_COUNT + kindOf[i]!;
      ore[at] = ore[at]! + oreOf[i]!;
    }
    start[persons] = n;
    out.set(month, { month, pnrs, ore: ore.slice(0, persons * KIND_COUNT), start: start.slice(0, persons + 1), lines: sorted });
  });
  return out;
}
