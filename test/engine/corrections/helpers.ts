// R7 test helpers: months billed in sequence, each month's invoice sheet joining the record.
import {
  billMonthWithCorrections,
  type CorrectionsRun,
  type BilledSheet,
  type InvoiceLine,
  type RunOptions,
  type WorkbookInput,
} from '../../../src/engine/index.js';
import { month, sheetOf, type RowSpec } from '../helpers.js';
import { parseMonthKey, parsePersonnummer } from '../../../src/engine/index.js';

/** One invoice sheet as the product writes it: M's lines, each person's corrections after their own lines. */
export interface WrittenSheet {
  readonly name: string;
  readonly lines: readonly InvoiceLine[];
}

export function sheetOfRun(run: CorrectionsRun): WrittenSheet {
  const { billing, corrections } = run;
  const lines: InvoiceLine[] = [];
  const byPerson = new Map<string, InvoiceLine[]>();
  for (const l of corrections.lines) byPerson.set(l.pnr, [...(byPerson.get(l.pnr) ?? []), l]);
  const pnrs = [...new Set([...billing.lines.map((l) => l.pnr), ...corrections.lines.map((l) => l.pnr)])].sort();
  for (const p of pnrs) lines.push(...billing.lines.filter((l) => l.pnr === p), ...(byPerson.get(p) ?? []));
  return { name: `Faktura ${billing.month.year}-${String(billing.month.month).padStart(2, '0')}`, lines };
}

function keyOf(pnr: string): number {
  const p = parsePersonnummer(pnr, 2000);
  if (!p.ok) throw new Error(`test helper: unreadable personnummer ${pnr}`);
  return p.key;
}

/** The record of these sheets as the invoice-sheet reader gives it: lines from row 2, under a header row. */
export function recordOf(...sheets: WrittenSheet[]): BilledSheet[] {
  return sheets.map((s) => {
    const month = parseMonthKey(s.name.replace(/^Faktura /, ''));
    return {
      sheet: s.name,
      ...(month ? { month } : {}),
      lines: s.lines.map((l, i) => ({
        sheet: s.name,
        row: i + 2,
        pnr: l.pnr,
        personKey: keyOf(l.pnr),
        month: l.month,
        kind: l.kind,
        amountOre: l.amount.times(100).toNumber(),
      })),
      problems: [],
    };
  });
}

export interface Workbook {
  register: RowSpec[];
  extra?: Partial<WorkbookInput>;
}

export function workbook(rows: RowSpec[], extra: Partial<WorkbookInput> = {}): WorkbookInput {
  return { register: sheetOf('Enhetsregister', rows), ...extra };
}

export function run(
  input: WorkbookInput,
  key: string,
  record: BilledSheet[] = [],
  options: Partial<RunOptions> = {},
): CorrectionsRun {
  return billMonthWithCorrections(input, { month: month(key), ...options }, record);
}

/** Bills the months in order, each with the sheets before it as the record; returns every run. */
export function billInSequence(input: WorkbookInput, keys: string[], options: Partial<RunOptions> = {}): WrittenSheet[] {
  const sheets: WrittenSheet[] = [];
  for (const key of keys) sheets.push(sheetOfRun(run(input, key, recordOf(...sheets), options)));
  return sheets;
}

/** [Månad, Typ, Belopp] of each correction line. */
export function correctionsOf(r: CorrectionsRun): Array<[string, string, number]> {
  return r.corrections.lines.map((l) => [l.month, l.kind, l.amount.toNumber()]);
}
