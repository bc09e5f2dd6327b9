// §9 Shown: what R7's corrections add to month M's sheets: their lines in `Faktura M` beside the
// person's own, a `Rättelser` sum per person and per line kind in `Summering M`, the months
// checked in its run facts, and R7's Varningar on `Problem M`.
import type { CorrectionsResult } from '../corrections/corrections.js';
import { LINE_KINDS, lineList, type InvoiceLine, type InvoiceLineList, type LineKind } from '../invoiceLine.js';
import { formatKr, sum, type Money } from '../money.js';
import { compareProblems, type Problem } from '../problems.js';
import { RETRO_DEBITS_LABEL } from '../settings.js';
import type { CorrectionFigures } from './runFacts.js';

/** Month M's lines and the corrections, one person's together: their own lines first, then the corrections (§7 order). */
export function withCorrectionLines(lines: InvoiceLineList, corrections?: CorrectionsResult): InvoiceLineList {
  const extra = corrections?.lines ?? [];
  if (extra.length === 0) return lines;
  const out: InvoiceLine[] = [];
  let i = 0,
    j = 0;
  let own = lines.count > 0 ? lines.at(0) : undefined;
  while (own || j < extra.length) {
    if (own && (j >= extra.length || own.pnr <= extra[j]!.pnr)) {
      out.push(own);
      own = ++i < lines.count ? lines.at(i) : undefined;
    } else out.push(extra[j++]!);
  }
  return lineList(out);
}

/** Sum of the corrections per person, with the name the correction lines carry. */
export function correctionsPerPerson(corrections?: CorrectionsResult): Map<string, { name: string; amount: Money }> {
  const out = new Map<string, { name: string; amount: Money }>();
  for (const l of corrections?.lines ?? []) {
    const p = out.get(l.pnr);
    if (p) p.amount = p.amount.plus(l.amount);
    else out.set(l.pnr, { name: l.name, amount: l.amount });
  }
  return out;
}

export interface CorrectionKindTotal {
  readonly kind: LineKind;
  readonly lines: number;
  readonly amount: Money;
}

export function correctionTotalsPerKind(corrections?: CorrectionsResult): CorrectionKindTotal[] {
  const lines = corrections?.lines ?? [];
  return LINE_KINDS.map((kind) => {
    const ofKind = lines.filter((l) => l.kind === kind);
    return { kind, lines: ofKind.length, amount: sum(ofKind.map((l) => l.amount)) };
  });
}

/** "2025-03, 2025-04", or for many months "2024-05 … 2025-04". */
export function monthSpan(months: readonly string[]): string {
  return months.length <= 4 ? months.join(', ') : `${months[0]} … ${months[months.length - 1]}`;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The run facts of R7 (§9): the settings, the months checked and those without a record. */
export function correctionFactRows(c: CorrectionFigures): [string, string][] {
  const facts: [string, string][] = [
    ['Rättelsemånader', c.correctionMonths === 0 ? '0 (inga rättelser)' : String(c.correctionMonths)],
    ['Retroaktiv debitering', RETRO_DEBITS_LABEL[c.retroDebits]],
  ];
  if (c.correctionMonths === 0) return facts;
  facts.push([
    'Rättelser kontrollerade',
    c.checked.length === 0
      ? 'inga fakturerade månader i fönstret'
      : `${monthSpan(c.checked)}, ${plural(c.checked.length, 'fakturerad månad', 'fakturerade månader')}`,
  ]);
  if (c.withoutRecord.length > 0)
    facts.push([
      'Utan fakturablad',
      `${monthSpan(c.withoutRecord)} ${c.withoutRecord.length === 1 ? 'saknar' : `(${c.withoutRecord.length} månader) saknar`} fakturablad och kontrollerades inte`,
    ]);
  for (const n of c.notBillable) facts.push(['Kontrollerades inte', `${n.month}: ${n.reason}`]);
  facts.push([
    'Höjningar som inte debiteras',
    c.heldBack.lines === 0 ? 'inga' : `${c.heldBack.lines} (${formatKr(c.heldBack.amount)}), se bladet Problem`,
  ]);
  return facts;
}

/** Month M's problems and R7's, in the Problem sheet's order. */
export function withCorrectionProblems(problems: readonly Problem[], corrections?: CorrectionsResult): readonly Problem[] {
  if (!corrections || corrections.problems.length === 0) return problems;
  return [...problems, ...corrections.problems].sort(compareProblems);
}
