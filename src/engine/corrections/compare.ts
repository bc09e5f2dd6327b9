// §9: today's billing of an earlier month m against billed(p, m, kind), per person and kind.
import { KIND_INDEX, LINE_KINDS, type InvoiceLine, type LineKind } from '../invoiceLine.js';
import { addBilledOre, KIND_COUNT, oreConverter, type BilledMonth } from './billed.js';

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
}

const NO_LINES: readonly InvoiceLine[] = [];
const NONE: readonly number[] = [];

/**
 * Compares one month person by person: today's persons arrive in personnummer order (as
 * billMonth bills them), and the record of the month is walked alongside in the same order, so
 * the whole comparison is linear. Persons of the record that today's billing skips are
 * compared with nothing billed today.
 */
export class MonthComparison {
  readonly differences: PersonMonthDifference[] = [];
  private next = 0;
  private previous = '';
  private readonly ore = oreConverter();
  private readonly todayOre = new Float64Array(KIND_COUNT);
  private readonly billedOre = new Float64Array(KIND_COUNT);

  constructor(private readonly billed: BilledMonth) {}

  /** Today's lines of one person for the month (all of them; each carries the personnummer). Keeps copies only. */
  person(lines: readonly InvoiceLine[]): void {
    const pnr = lines[0]!.pnr;
    if (pnr <= this.previous && this.previous !== '')
      throw new Error(
        `R7: personerna för ${this.billed.month} kommer inte i personnummerordning (${pnr} efter ${this.previous})`,
      );
    this.previous = pnr;
    const pnrs = this.billed.pnrs;
    while (this.next < pnrs.length && pnrs[this.next]! < pnr) this.compare(pnrs[this.next]!, this.next++, NO_LINES);
    const person = this.next < pnrs.length && pnrs[this.next] === pnr ? this.next++ : -1;
    this.compare(pnr, person, lines);
  }

  /** The record's persons after the last one billed today. */
  finish(): PersonMonthDifference[] {
    const pnrs = this.billed.pnrs;
    while (this.next < pnrs.length) this.compare(pnrs[this.next]!, this.next++, NO_LINES);
    return this.differences;
  }

  private compare(pnr: string, person: number, lines: readonly InvoiceLine[]): void {
    const { billed, todayOre, billedOre } = this;
    todayOre.fill(0);
    for (const l of lines) {
      const k = KIND_INDEX[l.kind];
      todayOre[k] = todayOre[k]! + this.ore(l.amount);
    }
    billedOre.fill(0);
    if (person >= 0) addBilledOre(billed, person, billedOre);
    let kinds: KindDifference[] | undefined;
    for (let k = 0; k < KIND_COUNT; k++) {
      if (todayOre[k] === billedOre[k]) continue;
      const kind = LINE_KINDS[k]!;
      const recordLines: number[] = [];
      if (person >= 0) {
        for (let x = billed.start[person]!; x < billed.start[person + 1]!; x++) {
          const line = billed.lines[x]!;
          if (billed.kindOf[line] === k) recordLines.push(line);
        }
      }
      const todayLines: InvoiceLine[] = [];
      // Copies: the lines are filled in again for the next person (reuseLines).
      for (const l of lines) if (l.kind === kind) todayLines.push({ ...l, sourceRows: [...l.sourceRows] });
      (kinds ??= []).push({
        kind,
        billedOre: billedOre[k]!,
        todayOre: todayOre[k]!,
        todayLines,
        recordLines: recordLines.length ? recordLines : NONE,
      });
    }
    if (kinds) this.differences.push({ pnr, month: billed.month, kinds });
  }
}
