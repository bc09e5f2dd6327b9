// Helpers for the custom function tests: call a function as a plain function, catch its error,
// and bill the same rows with the invoice engine.
import {
  billWorkbook,
  parseMonthKey,
  type BillingResult,
  type BillingSettings,
  type LineKind,
  type SheetCells,
} from '../../src/engine/index.js';
import { FunctionError } from '../../src/functions/errors.js';

export const HEADERS = [
  'Personnummer',
  'Namn',
  'Tjänst',
  'Enhets-ID',
  'Installerad',
  'Avslutad',
  'Återlämning',
  'Påminnelse',
  'Kostnad',
  'Boende',
  'Installationstyp',
];

/** Synthetic, Luhn-valid personnummer (never real people). */
export const P1 = '19400101-1230';
export const P2 = '19351224-3332';

export type Row = Record<string, unknown>;

export function sheetOf(name: string, rows: Row[], headers: string[] = HEADERS): SheetCells {
  return { name, values: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))] };
}

export function monthOf(key: string) {
  const m = parseMonthKey(key);
  if (!m) throw new Error(`bad month ${key}`);
  return m;
}

export interface BillOptions {
  readonly month?: string;
  readonly settings?: Partial<BillingSettings>;
  readonly otherFees?: Row[];
  readonly ability?: Row[];
  readonly taxa?: SheetCells;
}

/** The invoice run over these register rows (every row for P1 unless it says otherwise). */
export function bill(rows: Row[], o: BillOptions = {}): BillingResult {
  return billWorkbook(
    {
      register: sheetOf(
        'Enhetsregister',
        rows.map((r) => ({ Personnummer: P1, ...r })),
      ),
      ...(o.otherFees ? { otherFees: sheetOf('Övriga avgifter', o.otherFees, ['Personnummer', 'Månad', 'Belopp']) } : {}),
      ...(o.ability ? { ability: sheetOf('Avgiftsutrymme', o.ability, ['Personnummer', 'Avgiftsutrymme']) } : {}),
      ...(o.taxa ? { taxa: o.taxa } : {}),
    },
    { month: monthOf(o.month ?? '2025-03'), ...(o.settings ? { settings: o.settings } : {}) },
  );
}

/** Sum of the invoice's lines of a kind, in kronor. */
export function amountOf(result: BillingResult, kind: LineKind, pnr = P1): number {
  return result.lines.filter((l) => l.kind === kind && l.pnr === pnr).reduce((s, l) => s + l.amount.toNumber(), 0);
}

export interface CaughtError {
  readonly code: string;
  readonly message: string;
}

/** The error a function throws, as Excel would show it: code and message. Fails if it returns. */
export function errorOf(call: () => unknown): CaughtError {
  let value: unknown;
  try {
    value = call();
  } catch (e) {
    if (!(e instanceof FunctionError)) throw new Error(`not a FunctionError: ${String(e)}`, { cause: e });
    return { code: e.code, message: e.message };
  }
  throw new Error(`expected an error, got ${JSON.stringify(value)}`);
}

/** A Taxa sheet with other amounts: a second version from 2025-07-01 and prisbasbelopp for 2027. */
export function otherTaxa(): SheetCells {
  return {
    name: 'Taxa',
    values: [
      [
        'Gäller från',
        'Trygghetslarm (kr/mån)',
        'Larmknapp sammanboende (kr/mån)',
        'Digitalt lås (kr/mån)',
        'Digital tillsyn (kr/mån)',
        'Installationsavgift (kr)',
        'Installationsavgift inom högkostnadsskydd',
        'Delmånad',
        'Påminnelsedagar',
        null,
        'År',
        'Prisbasbelopp',
        'Maxtaxa (kr/mån)',
      ],
      ['2025-01-01', 239, 40, 0, 0, 200, 'Nej', 'Påbörjad månad', 30, null, 2027, 61000, 2700],
      ['2025-07-01', 250, 45, 0, 120, 300, 'Ja', 'Faktiska dagar', 30, null, 2028, 62000, null],
    ],
  };
}
