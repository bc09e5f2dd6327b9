// The key figures of a run, as the pane shows them before anything is written.
import { countProblems, dayToIso, formatKr, PRORATION_LABEL, type BillingResult } from '../engine/index.js';

export interface RunSummary {
  readonly persons: number;
  readonly lines: number;
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

export function summarise(result: BillingResult): RunSummary {
  const { errors, warnings } = countProblems(result.problems);
  return {
    persons: result.persons.length,
    lines: result.lines.length,
    total: formatKr(result.total),
    errors,
    warnings,
    tariff: `${result.tariffSource}, version från ${dayToIso(result.tariffVersion.validFrom)}`,
    maxtaxa: formatKr(result.maxtaxa),
    proration: PRORATION_LABEL[result.settings.proration],
    reminderDays: result.settings.reminderDays,
    registerRows: result.registerRows,
  };
}
