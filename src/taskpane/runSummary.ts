// The key figures of a run, as the pane shows them before anything is written (from the engine's
// run facts, as the Summering sheet and the command line show them).
import { formatKr, PRORATION_LABEL, type RunFacts } from '../engine/index.js';

export interface RunSummary {
  readonly persons: number;
  /** Month M's lines and the corrections (R7). */
  readonly lines: number;
  /** Month M's total with the corrections. */
  readonly total: string;
  readonly errors: number;
  readonly warnings: number;
  /** e.g. "inbyggd standardtaxa (Mjölby kommun 2025), version från 2025-01-01" */
  readonly tariff: string;
  readonly maxtaxa: string;
  readonly proration: string;
  readonly reminderDays: number;
  readonly registerRows: number;
}

export function summarise(facts: RunFacts): RunSummary {
  return {
    persons: facts.persons,
    lines: facts.lines,
    total: formatKr(facts.total),
    errors: facts.errors,
    warnings: facts.warnings,
    tariff: facts.tariff,
    maxtaxa: formatKr(facts.maxtaxa),
    proration: PRORATION_LABEL[facts.settings.proration],
    reminderDays: facts.settings.reminderDays,
    registerRows: facts.registerRows,
  };
}
