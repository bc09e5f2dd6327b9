// §7: one invoice line. Every line says which rule made it, from which register rows, and why.
import type { Money } from './money.js';

export type LineKind = 'Månadsavgift' | 'Installationsavgift' | 'Ersättning teknik' | 'Reduktion högkostnadsskydd';
export const LINE_KINDS: readonly LineKind[] = [
  'Månadsavgift',
  'Installationsavgift',
  'Ersättning teknik',
  'Reduktion högkostnadsskydd',
];
export type RuleId = 'R1' | 'R3' | 'R4' | 'R5' | 'R7';
/** A kind's place in LINE_KINDS, which is §7's order of kinds within a person. */
export const KIND_INDEX: Readonly<Record<LineKind, number>> = Object.fromEntries(LINE_KINDS.map((k, i) => [k, i])) as Record<
  LineKind,
  number
>;

export interface InvoiceLine {
  readonly pnr: string;
  readonly name: string;
  readonly month: string; // YYYY-MM
  readonly kind: LineKind;
  readonly services: string; // canonical service names, comma separated
  readonly deviceIds: string;
  /** Days for a prorated monthly fee, else 1. */
  readonly quantity: number;
  /** Monthly fee, installation fee or cost; undefined on a reduction. */
  readonly unitPrice?: Money;
  readonly amount: Money;
  /** Inside högkostnadsskydd (R5): monthly fees, and the installation fee where the Taxa says so. */
  readonly insideCap: boolean;
  readonly rule: RuleId;
  /** Register rows the line comes from (§7 Källa). */
  readonly sourceRows: readonly number[];
  /** Rows of other sheets that decided the amount, e.g. "Övriga avgifter!4". */
  readonly otherSources: readonly string[];
  readonly explanation: string;
}

/** Invoice lines one at a time: a month's own (InvoiceLineTable), or a list (lineList). */
export interface InvoiceLineList {
  readonly count: number;
  /** Line i (0 ≤ i < count). */
  at(i: number): InvoiceLine;
}

export const lineList = (lines: readonly InvoiceLine[]): InvoiceLineList => ({ count: lines.length, at: (i) => lines[i]! });

/** §7 order: personnummer, then line kind, then register row. */
export function compareLines(a: InvoiceLine, b: InvoiceLine): number {
  if (a.pnr !== b.pnr) return a.pnr < b.pnr ? -1 : 1;
  if (a.kind !== b.kind) return KIND_INDEX[a.kind] - KIND_INDEX[b.kind];
  const ra = a.sourceRows[0] ?? 0,
    rb = b.sourceRows[0] ?? 0;
  if (ra !== rb) return ra - rb;
  return a.services < b.services ? -1 : a.services > b.services ? 1 : 0;
}
