// R7's key figures (§9), as the pane shows them before anything is written: who gets a
// correction, what is credited, what is debited, and which debits are held back for a decision.
import { formatKr, monthSpan, RETRO_DEBITS_LABEL, type CorrectionFigures } from '../engine/index.js';

export interface CorrectionsSummary {
  /** Months back billed again (0: corrections are off). */
  readonly correctionMonths: number;
  /** "Rapportera" or "Debitera". */
  readonly retroDebits: string;
  /** Persons with at least one correction line. */
  readonly persons: number;
  readonly lines: number;
  /** Sum of the correction lines that lower what was billed (negative or zero). */
  readonly credits: string;
  /** Sum of the correction lines that raise it (billed only under Debitera). */
  readonly debits: string;
  /** Net of all correction lines. */
  readonly net: string;
  /** Debits not billed (Rapportera), each a Varning. */
  readonly heldBack: number;
  readonly heldBackTotal: string;
  /** Months of the window billed again, ascending. */
  readonly checked: readonly string[];
  /** Months of the window without an invoice sheet: not checked. */
  readonly withoutRecord: readonly string[];
}

export function summariseCorrections(c: CorrectionFigures): CorrectionsSummary {
  return {
    correctionMonths: c.correctionMonths,
    retroDebits: RETRO_DEBITS_LABEL[c.retroDebits],
    persons: c.persons,
    lines: c.lines,
    credits: formatKr(c.credits.amount),
    debits: formatKr(c.debits.amount),
    net: formatKr(c.net),
    heldBack: c.heldBack.lines,
    heldBackTotal: formatKr(c.heldBack.amount),
    checked: c.checked,
    withoutRecord: c.withoutRecord,
  };
}

/** "2025-02 (1 månad)", "2024-05 … 2025-04 (12 månader)" (a few months are listed), or "inga". */
export function monthsText(months: readonly string[]): string {
  if (months.length === 0) return 'inga';
  return `${monthSpan(months)} (${months.length === 1 ? '1 månad' : `${months.length} månader`})`;
}
