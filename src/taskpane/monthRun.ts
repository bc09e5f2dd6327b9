// One month billed with the corrections of the months already billed (§9): what the pane shows
// and writes of it. The engine decides every line and sheet; this only picks them.
import { invoiceSheet, outputSheets, type CorrectionsRun, type OutputSheet, type Problem } from '../engine/index.js';

export type MonthRun = CorrectionsRun;

/** Faktura, Summering and Problem of the month, R7 included. */
export function runSheets(run: MonthRun): OutputSheet[] {
  return outputSheets(run.billing);
}

/** The month's invoice sheet as it would be written now (Granska compares with it). */
export function runInvoiceSheet(run: MonthRun): OutputSheet {
  return invoiceSheet(run.billing);
}

/** The month's problems and R7's (unreadable record cells, guards, debits held back). */
export function runProblems(run: MonthRun): Problem[] {
  return [...run.billing.problems, ...run.corrections.problems];
}
