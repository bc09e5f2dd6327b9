// §6: every problem names sheet, row, column and value, with a Swedish message.

export type Severity = 'Fel' | 'Varning';

export interface Problem {
  /** Fel: the row is left out of billing. Varning: billed, but needs a look. */
  readonly severity: Severity;
  readonly sheet: string;
  /** Row number as Excel shows it; undefined for problems about a whole sheet. */
  readonly row?: number;
  /** Header text of the column as in the sheet ('' when it concerns the whole row). */
  readonly column: string;
  /** Cell address such as "E12", when one cell is meant. */
  readonly cell?: string;
  readonly value: string;
  readonly message: string;
  /** The rule the problem concerns (R1…), when there is one. */
  readonly rule?: string;
}

/** A reason the whole run cannot go ahead (missing headers, no tariff, no prisbasbelopp). */
export class RunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunError';
  }
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const SEVERITY_ORDER: Record<Severity, number> = { Fel: 0, Varning: 1 };

/** Stable order: sheet, row, cell column, severity, message. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  const ra = a.row ?? 0,
    rb = b.row ?? 0;
  if (ra !== rb) return ra - rb;
  const ca = a.cell ?? '',
    cb = b.cell ?? '';
  if (ca.length !== cb.length) return ca.length - cb.length;
  if (ca !== cb) return ca < cb ? -1 : 1;
  if (a.severity !== b.severity) return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (a.message !== b.message) return a.message < b.message ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
