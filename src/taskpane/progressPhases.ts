// Where each phase of an action sits on its progress bar. Reading the register dominates, then
// writing; the engine itself is quick but runs synchronously, so it gets a visible step.
import type { ProgressReport } from '../workbook/index.js';
import type { BusyAction } from './paneState.js';

export type Phase = 'readInvoice' | 'readRegister' | 'bill' | 'write' | 'mark' | 'buildExport';
type Span = readonly [from: number, to: number];
export type ProgressPlan = Readonly<Partial<Record<Phase, Span>>>;

export const PROGRESS_PLANS: Readonly<Partial<Record<BusyAction, ProgressPlan>>> = {
  preview: { readRegister: [0, 0.75], bill: [0.75, 0.9] },
  create: { readRegister: [0, 0.32], bill: [0.32, 0.45], write: [0.45, 1] },
  // After "Ersätt": the result is computed already.
  write: { write: [0.45, 1] },
  review: { readInvoice: [0, 0.1], readRegister: [0.1, 0.66], bill: [0.66, 0.85], mark: [0.85, 1] },
  // The export reads one invoice sheet and the Export sheet; making the file writes the Export ÅÅÅÅ-MM sheet.
  exportCheck: { readInvoice: [0, 0.7], buildExport: [0.7, 1] },
  exportMake: { readInvoice: [0, 0.35], buildExport: [0.35, 0.5], write: [0.5, 1] },
  exportWrite: { write: [0.5, 1] },
};

const clamp = (f: number): number => Math.max(0, Math.min(1, f));

/** Progress of one action through the phases of its plan. */
export class PhaseProgress {
  constructor(
    private readonly plan: ProgressPlan,
    private readonly show: (fraction: number, text: string) => void,
  ) {}

  private span(phase: Phase): Span {
    const span = this.plan[phase];
    if (!span) throw new Error(`Phase ${phase} is not in this action's progress plan.`);
    return span;
  }

  /** The phase starts: the bar at its start, with its text. */
  enter(phase: Phase, text: string): void {
    this.show(this.span(phase)[0], text);
  }

  /** Reports within the phase (0..1 of it) as a step of the whole bar. */
  within(phase: Phase): ProgressReport {
    const [from, to] = this.span(phase);
    return (fraction, text) => this.show(from + (to - from) * clamp(fraction), text);
  }
}
