// The key figures of one run (§7 Summering, §9 Shown), counted once: the Summering sheet's run
// facts, the task pane's summary and the command line's all show these.
import type { BillingResult } from '../billMonth.js';
import type { CorrectionsResult, CorrectionsRun } from '../corrections/corrections.js';
import { dayToIso, type YearMonth } from '../days.js';
import { sum, ZERO, type Money } from '../money.js';
import type { Problem } from '../problems.js';
import type { BillingSettings, RetroDebits } from '../settings.js';
import { withCorrectionProblems } from './corrections.js';

export interface AmountCount {
  readonly lines: number;
  readonly amount: Money;
}

/** What R7 did for month M (§9). */
export interface CorrectionFigures {
  readonly correctionMonths: number;
  readonly retroDebits: RetroDebits;
  /** Months of the window billed again, ascending. */
  readonly checked: readonly string[];
  /** Months of the window without an invoice sheet: not checked. */
  readonly withoutRecord: readonly string[];
  readonly notBillable: CorrectionsResult['notBillable'];
  /** Persons with at least one correction line. */
  readonly persons: number;
  readonly lines: number;
  /** Lines that lower what was billed. */
  readonly credits: AmountCount;
  /** Lines that raise it (billed only under retroDebits = bill). */
  readonly debits: AmountCount;
  readonly net: Money;
  /** Raises not billed (retroDebits = report), each a Varning. */
  readonly heldBack: AmountCount;
}

export interface RunFacts {
  readonly month: YearMonth;
  readonly registerSheet: string;
  /** Non-blank data rows of the register. */
  readonly registerRows: number;
  /** Persons with a line of month M. */
  readonly persons: number;
  /** Month M's lines and R7's. */
  readonly lines: number;
  /** Month M's total with R7's lines. */
  readonly total: Money;
  /** Month M's problems and R7's, in the Problem sheet's order. */
  readonly problems: readonly Problem[];
  readonly errors: number;
  readonly warnings: number;
  /** e.g. "inbyggd standardtaxa (Mjölby kommun 2025), version från 2025-01-01" */
  readonly tariff: string;
  readonly maxtaxa: Money;
  readonly settings: BillingSettings;
  /** Absent when the run billed month M alone (no record was asked for). */
  readonly corrections?: CorrectionFigures;
}

const total = (amounts: readonly Money[]): Money => (amounts.length === 0 ? ZERO : sum(amounts));

function correctionFigures(c: CorrectionsResult): CorrectionFigures {
  const credits: Money[] = [];
  const debits: Money[] = [];
  for (const l of c.lines) (l.amount.isNegative() ? credits : debits).push(l.amount);
  const credited = total(credits);
  const debited = total(debits);
  return {
    correctionMonths: c.correctionMonths,
    retroDebits: c.retroDebits,
    checked: c.checked,
    withoutRecord: c.withoutRecord,
    notBillable: c.notBillable,
    persons: new Set(c.lines.map((l) => l.pnr)).size,
    lines: c.lines.length,
    credits: { lines: credits.length, amount: credited },
    debits: { lines: debits.length, amount: debited },
    net: credited.plus(debited),
    heldBack: { lines: c.heldBack.length, amount: total(c.heldBack.map((h) => h.amount)) },
  };
}

export function runFacts(billing: BillingResult, corrections?: CorrectionsResult): RunFacts {
  const problems = withCorrectionProblems(billing.problems, corrections);
  let errors = 0;
  for (const p of problems) if (p.severity === 'Fel') errors++;
  const figures = corrections ? correctionFigures(corrections) : undefined;
  return {
    month: billing.month,
    registerSheet: billing.registerSheet,
    registerRows: billing.registerRows,
    persons: billing.persons.count,
    lines: billing.lineTable.count + (figures?.lines ?? 0),
    total: figures ? billing.total.plus(figures.net) : billing.total,
    problems,
    errors,
    warnings: problems.length - errors,
    tariff: `${billing.tariffSource}, version från ${dayToIso(billing.tariffVersion.validFrom)}`,
    maxtaxa: billing.maxtaxa,
    settings: billing.settings,
    ...(figures ? { corrections: figures } : {}),
  };
}

/** The facts of a run with its corrections. */
export const factsOfRun = (run: CorrectionsRun): RunFacts & { readonly corrections: CorrectionFigures } =>
  runFacts(run.billing, run.corrections) as RunFacts & { readonly corrections: CorrectionFigures };
