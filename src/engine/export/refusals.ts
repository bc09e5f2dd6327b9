// §10: every reason an export is refused, with sheet, cell and value; collected, never only the first.
import type { Problem } from '../problems.js';
import { displayValue } from '../text.js';

/** Where a value came from: a cell of the invoice sheet or of the Export sheet. */
export interface ValueSource {
  readonly sheet: string;
  readonly row?: number;
  readonly cell?: string;
  readonly column: string;
  readonly value: unknown;
}

export class Refusals {
  readonly list: Problem[] = [];
  private readonly seen = new Set<string>();

  /** One refusal per cell (a cell has one value to fix); without a cell, one per message. */
  add(source: ValueSource, message: string): void {
    const key = source.cell ? `${source.sheet}|${source.cell}` : `${source.sheet}||${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const row = source.row ?? (source.cell ? Number(/\d+$/.exec(source.cell)?.[0]) : undefined);
    this.list.push({
      severity: 'Fel',
      sheet: source.sheet,
      ...(row !== undefined && Number.isFinite(row) ? { row } : {}),
      column: source.column,
      ...(source.cell ? { cell: source.cell } : {}),
      value: displayValue(source.value),
      message,
    });
  }

  addProblem(p: Problem): void {
    const key = p.cell ? `${p.sheet}|${p.cell}` : `${p.sheet}||${p.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(p);
  }

  get any(): boolean {
    return this.list.length > 0;
  }
}

/** One line for a face or the command line: "Faktura 2025-03, cell I14 ("239 kr"): …". */
export function describeRefusal(p: Problem): string {
  const where = p.cell ? `${p.sheet}, cell ${p.cell}` : p.row !== undefined ? `${p.sheet}, rad ${p.row}` : p.sheet;
  return `${where}${p.value !== '' ? ` ("${p.value}")` : ''}: ${p.message}`;
}
