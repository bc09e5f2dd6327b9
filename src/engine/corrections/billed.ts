// §9 billed(p, m, kind): the record summed per person, month and line kind, in whole öre.
// One pass buckets the lines by month; each month is then sorted once by personnummer, so the
// comparison with today's billing (also in personnummer order) is a merge, linear in the record.
import { LINE_KINDS, type LineKind } from '../invoiceLine.js';
import { Decimal, type Money } from '../money.js';
import { parsePersonnummer } from '../personnummer.js';
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

/**
 * billed(p, m, kind) for each of `months` (keys `ÅÅÅÅ-MM`). Lines of other months are not
 * looked at again; a line whose personnummer is not in the normal form (the reader normalises
 * them) is passed to `unreadable` and left out.
 */
export function billedByMonth(
  lines: readonly BilledLine[],
  months: readonly string[],
  unreadable: (lineIndex: number) => void,
): Map<string, BilledMonth> {
  const position = new Map(months.map((m, i) => [m, i]));
  const monthOf = new Int8Array(lines.length).fill(-1);
  const counts = new Int32Array(months.length);
  const personKey = new Float64Array(lines.length);
  // A person has a line in every month of the record: each personnummer is parsed once (-1: unreadable).
  const keyOf = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const p = position.get(l.month);
    if (p === undefined) continue;
    let key = keyOf.get(l.pnr);
    if (key === undefined) {
      const pnr = parsePersonnummer(l.pnr, 2000);
      keyOf.set(l.pnr, (key = pnr.ok && pnr.value === l.pnr ? pnr.key : -1));
    }
    if (key < 0) {
      unreadable(i);
      continue;
    }
    personKey[i] = key;
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
    const pnrs: string[] = [];
    const start: number[] = [];
    const sums: number[] = [];
    let last = '';
    for (let j = 0; j < sorted.length; j++) {
      const l = lines[sorted[j]!]!;
      if (j === 0 || l.pnr !== last) {
        last = l.pnr;
        pnrs.push(l.pnr);
        start.push(j);
        for (let k = 0; k < KIND_COUNT; k++) sums.push(0);
      }
      const at = (pnrs.length - 1) * KIND_COUNT + KIND_INDEX[l.kind];
      sums[at] = sums[at]! + l.amountOre;
    }
    start.push(sorted.length);
    out.set(month, { month, pnrs, ore: Float64Array.from(sums), start: Int32Array.from(start), lines: sorted });
  });
  return out;
}
