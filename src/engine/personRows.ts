// A person's register rows as §5 bills them in any month: identical duplicates set aside (§6),
// the rest per fee category. Made once per person; R7 then bills the person for every month of
// its window from it.
import type { RegisterRow } from './register.js';
import { FEE_CATEGORIES, type FeeCategory } from './services.js';
import { displayValue } from './text.js';

export interface PersonRows {
  readonly pnr: string;
  /** The name to print: the first row's that has one. */
  readonly name: string;
  /** The rows billed, in register order: each identical duplicate left out. */
  readonly rows: RegisterRow[];
  /** Each left-out duplicate with the earlier row it repeats (a Varning every month it is billed). */
  readonly duplicates: ReadonlyArray<readonly [duplicate: RegisterRow, first: RegisterRow]>;
  /** `rows` per fee category, in FEE_CATEGORIES order; undefined for one row (see rowsInCategory). */
  readonly byCategory: ReadonlyArray<RegisterRow[]> | undefined;
}

const NO_ROWS: RegisterRow[] = [];
const NO_DUPLICATES: PersonRows['duplicates'] = [];

/** `rows`: one person's rows in register order. */
export function personRows(rows: RegisterRow[]): PersonRows {
  const pnr = rows[0]!.pnr;
  if (rows.length === 1) {
    const only = rows[0]!;
    return { pnr, name: only.name, rows, duplicates: NO_DUPLICATES, byCategory: undefined };
  }
  let duplicates: Array<readonly [RegisterRow, RegisterRow]> | undefined;
  let kept = rows; // copied only once a duplicate is left out
  for (let i = 1; i < rows.length; i++) {
    // The earliest identical row is never itself a duplicate: it is the one kept.
    const first = earlierSame(rows, i);
    if (first) {
      if (!duplicates) {
        duplicates = [];
        kept = rows.slice(0, i);
      }
      duplicates.push([rows[i]!, first]);
    } else if (duplicates) kept.push(rows[i]!);
  }
  return { pnr, name: nameOf(kept), rows: kept, duplicates: duplicates ?? NO_DUPLICATES, byCategory: rowsByCategory(kept) };
}

/** The rows per fee category, in FEE_CATEGORIES order. */
export function rowsByCategory(rows: readonly RegisterRow[]): RegisterRow[][] {
  const out = new Array<RegisterRow[]>(FEE_CATEGORIES.length);
  for (let c = 0; c < FEE_CATEGORIES.length; c++) {
    const category = FEE_CATEGORIES[c]!;
    let count = 0;
    for (const r of rows) if (r.service.category === category) count++;
    if (count === 0) {
      out[c] = NO_ROWS;
      continue;
    }
    // Made at its size: a list grown by push reserves room for 17 rows.
    const list = new Array<RegisterRow>(count);
    let at = 0;
    for (const r of rows) if (r.service.category === category) list[at++] = r;
    out[c] = list;
  }
  return out;
}

/**
 * `rows` of one fee category: from `byCategory` where there is one, else `rows` is a single row
 * (or none) and is its own category's list. Most persons have one row: no arrays are made for them.
 */
export function rowsInCategory(
  rows: RegisterRow[],
  byCategory: ReadonlyArray<RegisterRow[]> | undefined,
  category: FeeCategory,
  c: number,
): RegisterRow[] {
  if (byCategory) return byCategory[c]!;
  return rows.length === 1 && rows[0]!.service.category === category ? rows : NO_ROWS;
}

function nameOf(rows: readonly RegisterRow[]): string {
  for (const r of rows) if (r.name !== '') return r.name;
  return '';
}

/** The first of rows[0 .. i) identical to rows[i]. */
function earlierSame(rows: readonly RegisterRow[], i: number): RegisterRow | undefined {
  const r = rows[i]!;
  for (let j = 0; j < i; j++) if (sameRow(rows[j]!, r)) return rows[j];
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
