// The sheets an invoice run writes for month M, R7's corrections included.
import { outputSheets, type CorrectionsRun, type OutputSheet } from '../engine/index.js';

export function monthSheets(run: CorrectionsRun): OutputSheet[] {
  return outputSheets(run.billing, run.corrections);
}
