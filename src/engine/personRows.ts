// A person's register rows as §5 bills them in any month: identical duplicates set aside (§6),
// the rest per fee category. Made once per person; R7 then bills the person for every month of
// its window from it.
import type { RegisterRow } from './register.js';
import { FEE_CATEGORIES } from './services.js';
import { displayValue } from './text.js';

export interface PersonRows {
  readonly pnr: string;
  /** The name to print: the first row's that has one. */
  readonly name: string;
  /** The rows billed, in register order: each identical duplicate left out. */
  readonly rows: RegisterRow[];
  /** Each left-out duplicate with the earlier row it repeats (a Varning every month it is billed). */
  readonly duplicates: ReadonlyArray<readonly [duplicate: RegisterRow, first: RegisterRow]>;
  /** `rows` per fee category, in FEE_CATEGORIES order. */
  readonly byCategory: ReadonlyArray<RegisterRow[]>;
}

const NO_ROWS: RegisterRow[] = [];
const NO_DUPLICATES: PersonRows['duplicates'] = [];

/** `rows`: one person's rows in register order. */
export function personRows(rows: RegisterRow[]): PersonRows {
  const pnr = rows[0]!.pnr;
  if (rows.length === 1) {
    const only = rows[0]!;
    return { pnr, name: only.name, rows, duplicates: NO_DUPLICATES, byCategory: rowsByCategory(rows) };
  }
  const kept: RegisterRow[] = [];
  let duplicates: Array<readonly [RegisterRow, RegisterRow]> | undefined;
  for (const r of rows) {
    const first = sameAs(kept, r);
    if (first) (duplicates ??= []).push([r, first]);
    else kept.push(r);
  }
  return { pnr, name: nameOf(kept), rows: kept, duplicates: duplicates ?? NO_DUPLICATES, byCategory: rowsByCategory(kept) };
}

/** The rows per fee category (a single row's array is shared, not copied). */
export function rowsByCategory(rows: RegisterRow[]): RegisterRow[][] {
  const out = new Array<RegisterRow[]>(FEE_CATEGORIES.length);
  for (let c = 0; c < FEE_CATEGORIES.length; c++) {
    const category = FEE_CATEGORIES[c]!;
    if (rows.length === 1) out[c] = rows[0]!.service.category === category ? rows : NO_ROWS;
    else {
      const list: RegisterRow[] = [];
      for (const r of rows) if (r.service.category === category) list.push(r);
      out[c] = list.length === 0 ? NO_ROWS : list;
    }
  }
  return out;
}

function nameOf(rows: readonly RegisterRow[]): string {
  for (const r of rows) if (r.name !== '') return r.name;
  return '';
}

function sameAs(rows: readonly RegisterRow[], r: RegisterRow): RegisterRow | undefined {
  for (const k of rows) if (sameRow(k, r)) return k;
  return undefined;
}

function sameRow(a: RegisterRow, b: RegisterRow): boolean {
  return (
    a.service === b.service &&
    a.installed === b.installed &&
    a.ended === b.ended &&
    a.deviceId === b.deviceId &&
    a.returnStatus === b.returnStatus &&
    a.reminder === b.reminder &&
    displayValue(a.costCell) === displayValue(b.costCell) &&
    a.housing === b.housing &&
    a.installType === b.installType &&
    a.name === b.name
  );
}
