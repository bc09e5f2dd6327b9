// §9: today's billing of an earlier month m against billed(p, m, kind), per person and kind.
import { LINE_KINDS, type InvoiceLine, type LineKind } from '../invoiceLine.js';
import { KIND_COUNT, KIND_INDEX, oreConverter, type BilledMonth } from './billed.js';

export interface KindDifference {
  readonly kind: LineKind;
  readonly billedOre: number;
  readonly todayOre: number;
  /** Today's lines of this kind: their rows and reasons explain the new amount. */
  readonly todayLines: readonly InvoiceLine[];
  /** Indices into the record's lines behind the billed amount. */
  readonly recordLines: readonly number[];
}

/** One person and month where today's amount differs from the record for at least one kind. */
export interface PersonMonthDifference {
  readonly pnr: string;
  readonly month: string;
  /** Only the kinds that differ, in line-kind order. */
  readonly kinds: readonly KindDifference[];
  /** Whether the person has lines today in m (else the register gives nothing for m now). */
  readonly billedToday: boolean;
}

const NO_LINES: readonly InvoiceLine[] = [];
const NONE: readonly number[] = [];

/**
 * Merges today's lines of month m (persons in personnummer order, as billMonth gives them) with
 * the record of m (the same order). Linear in both.
 */
export function differencesOfMonth(
  month: string,
  today: readonly InvoiceLine[],
  billed: BilledMonth,
  recordKind: (lineIndex: number) => LineKind,
): PersonMonthDifference[] {
  const out: PersonMonthDifference[] = [];
  const ore = oreConverter();
  const todayOre = new Float64Array(KIND_COUNT);
  const EMPTY = new Float64Array(KIND_COUNT);
  let i = 0,
    j = 0,
    previous = '';
  while (i < today.length || j < billed.pnrs.length) {
    const todayPnr = i < today.length ? today[i]!.pnr : undefined;
    const billedPnr = j < billed.pnrs.length ? billed.pnrs[j]! : undefined;
    const pnr = todayPnr === undefined ? billedPnr! : billedPnr === undefined || todayPnr <= billedPnr ? todayPnr : billedPnr;
    if (pnr < previous) throw new Error(`R7: dagens rader för ${month} är inte i personnummerordning (${pnr} efter ${previous})`);
    previous = pnr;

    // Today's lines of this person.
    const from = i;
    todayOre.fill(0);
    while (i < today.length && today[i]!.pnr === pnr) {
      const l = today[i++]!;
      const k = KIND_INDEX[l.kind];
      todayOre[k] = todayOre[k]! + ore(l.amount);
    }
    // The record's person, if billed.
    const person = billedPnr === pnr ? j++ : -1;
    const billedOre = person < 0 ? EMPTY : billed.ore.subarray(person * KIND_COUNT, (person + 1) * KIND_COUNT);

    let kinds: KindDifference[] | undefined;
    for (let k = 0; k < KIND_COUNT; k++) {
      if (todayOre[k] === billedOre[k]) continue;
      const kind = LINE_KINDS[k]!;
      const recordLines: number[] = [];
      if (person >= 0) {
        for (let x = billed.start[person]!; x < billed.start[person + 1]!; x++) {
          const line = billed.lines[x]!;
          if (recordKind(line) === kind) recordLines.push(line);
        }
      }
      const todayLines = i === from ? NO_LINES : today.slice(from, i).filter((l) => l.kind === kind);
      (kinds ??= []).push({
        kind,
        billedOre: billedOre[k]!,
        todayOre: todayOre[k]!,
        todayLines,
        recordLines: recordLines.length ? recordLines : NONE,
      });
    }
    if (kinds) out.push({ pnr, month, kinds, billedToday: i > from });
  }
  return out;
}
