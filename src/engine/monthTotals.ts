// §7 Summering: what a month comes to per person and per line kind.
import { LINE_KINDS, type InvoiceLine, type LineKind } from './invoiceLine.js';
import type { InvoiceLineTable } from './invoiceLineTable.js';
import { ZERO, type Money } from './money.js';

export interface PersonSummary {
  readonly pnr: string;
  readonly name: string;
  /** Fees inside högkostnadsskydd, before the reduction. */
  readonly feesInsideCap: Money;
  /** R5's reduction (zero or negative). */
  readonly reduction: Money;
  readonly feesOutsideCap: Money;
  readonly total: Money;
}

export interface KindTotal {
  readonly kind: LineKind;
  readonly lines: number;
  readonly amount: Money;
}

/** Sum per line kind. Most lines share the tariff's own Decimal, so equal amounts are counted, then multiplied. */
export function totalsPerKind(lines: InvoiceLineTable): KindTotal[] {
  const counts = LINE_KINDS.map(() => new Map<Money, number>());
  const lineCounts = LINE_KINDS.map(() => 0);
  for (let i = 0; i < lines.count; i++) {
    const k = lines.kindIndexAt(i);
    lineCounts[k]!++;
    const m = counts[k]!;
    const amount = lines.amountAt(i);
    m.set(amount, (m.get(amount) ?? 0) + 1);
  }
  return LINE_KINDS.map((kind, k) => {
    let amount = ZERO;
    for (const [a, n] of counts[k]!) amount = amount.plus(n === 1 ? a : a.times(n));
    return { kind, lines: lineCounts[k]!, amount };
  });
}

/** The month per person (§7 Summering), each made from the person's invoice lines when it is asked for. */
export class PersonSummaries implements Iterable<PersonSummary> {
  constructor(private readonly lines: InvoiceLineTable) {}

  get count(): number {
    return this.lines.personCount;
  }

  /** Person p's summary (0 ≤ p < count), in personnummer order. */
  at(p: number): PersonSummary {
    const { from, to } = this.lines.linesOfPerson(p);
    const own = new Array<InvoiceLine>(to - from);
    for (let i = from; i < to; i++) own[i - from] = this.lines.at(i);
    return personSummary(own);
  }

  *[Symbol.iterator](): Iterator<PersonSummary> {
    for (let p = 0; p < this.count; p++) yield this.at(p);
  }
}

/** One person's month from their lines (one or more, the reduction among them). */
export function personSummary(lines: readonly InvoiceLine[]): PersonSummary {
  const { pnr, name } = lines[0]!;
  let inside = ZERO,
    outside = ZERO,
    reduction = ZERO;
  for (const l of lines) {
    if (l.kind === 'Reduktion högkostnadsskydd') reduction = l.amount;
    else if (l.insideCap) inside = inside.isZero() ? l.amount : inside.plus(l.amount);
    else outside = outside.isZero() ? l.amount : outside.plus(l.amount);
  }
  const total = reduction.isZero() && outside.isZero() ? inside : inside.plus(reduction).plus(outside);
  return { pnr, name, feesInsideCap: inside, reduction, feesOutsideCap: outside, total };
}
