// Rows per person, persons in personnummer order (§7), rows in register order.
import type { RegisterRow } from './register.js';

const ROW_BITS = 2 ** 21; // rows per run the packed sort handles; larger registers take the general path

/**
 * A personnummer key (YYYYMMDDNNNC as a number) squeezed into 32 bits with the same order:
 * months since 1800, the day field (samordningsnummer days included), the last four digits.
 * Undefined outside 1800–2099, where the general path takes over.
 */
function compactKey(personKey: number): number | undefined {
  const tail = personKey % 10000;
  const ymd = (personKey - tail) / 10000;
  const day = ymd % 100;
  const month = ((ymd - day) / 100) % 100;
  const year = (ymd - day - month * 100) / 10000;
  if (year < 1800 || year > 2099) return undefined;
  return (((year - 1800) * 12 + (month - 1)) * 100 + day) * 10000 + tail;
}

/** Row indexes ordered by person, then row: one numeric sort of packed (person, index) values. */
function packedOrder(rows: readonly RegisterRow[]): Int32Array | undefined {
  const n = rows.length;
  if (n >= ROW_BITS) return undefined;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = compactKey(rows[i]!.personKey);
    if (k === undefined) return undefined;
    packed[i] = k * ROW_BITS + i;
  }
  packed.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = packed[i]! % ROW_BITS;
  return order;
}

function generalOrder(rows: readonly RegisterRow[]): Int32Array {
  const order = Int32Array.from(rows.keys());
  return order.sort((a, b) => rows[a]!.personKey - rows[b]!.personKey || a - b);
}

/**
 * Calls `visit` once per person with that person's rows. Sorting packed numbers in a typed
 * array is many times faster than sorting row objects on a national register, and a person with
 * one row (the common case) gets a reused array. `visit` must not keep the array it is given.
 */
export function forEachPerson(rows: readonly RegisterRow[], visit: (rowsOfPerson: RegisterRow[]) => void): void {
  const n = rows.length;
  const order = packedOrder(rows) ?? generalOrder(rows);
  const scratch: RegisterRow[] = [];
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && rows[order[i]!]!.personKey === rows[order[from]!]!.personKey) continue;
    if (i - from === 1) {
      scratch.length = 1;
      scratch[0] = rows[order[from]!]!;
      visit(scratch);
    } else {
      const group = new Array<RegisterRow>(i - from);
      for (let j = from; j < i; j++) group[j - from] = rows[order[j]!]!;
      visit(group);
    }
    from = i;
  }
}
