// §9: billed(p, m, kind), the sum of Belopp over the record lines of person p, month m and kind.
import type { LineKind } from '../invoiceLine.js';
import { recordReference, type RecordLine } from './invoiceRecord.js';

export interface BilledSum {
  readonly pnr: string;
  readonly month: string;
  readonly kind: LineKind;
  /** In öre. */
  amountOre: number;
  /** The record lines behind the sum, e.g. "Faktura 2025-03!14" (§9 Källa). */
  readonly sources: string[];
}

export const billedKey = (pnr: string, month: string, kind: LineKind): string => `${pnr}|${month}|${kind}`;

/** Sums per (personnummer, Månad, Typ) over any number of record sheets' lines. */
export function billedSums(lineLists: ReadonlyArray<readonly RecordLine[]>): Map<string, BilledSum> {
  const sums = new Map<string, BilledSum>();
  for (const lines of lineLists)
    for (const l of lines) {
      const key = billedKey(l.pnr, l.month, l.kind);
      const s = sums.get(key);
      if (s) {
        s.amountOre += l.amountOre;
        s.sources.push(recordReference(l));
      } else sums.set(key, { pnr: l.pnr, month: l.month, kind: l.kind, amountOre: l.amountOre, sources: [recordReference(l)] });
    }
  return sums;
}
