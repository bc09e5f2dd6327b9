// Rows per person, persons in personnummer order (§7), rows in register order.
import type { RegisterRow } from './register.js';
import type { RegisterTable } from './registerTable.js';

const ROW_BITS = 2 ** 21; // rows the packed sort handles; larger registers take the general path
const KEY_LIMIT = 2 ** 32; // person keys of 1800–2099 (see parsePersonnummer)

/** Row indices in (person, row) order, and where each person's rows start. */
interface PersonOrder {
  readonly index: Int32Array;
  /** Person p's rows are `index[starts[p] .. starts[p + 1])`. */
  readonly starts: Int32Array;
}

/**
 * (person, run) packed in one double: one numeric sort orders persons, then their rows. A run is
 * a stretch of consecutive rows of one person; registers often keep a person's rows together, and
 * sorting runs instead of rows sorts half as many numbers on the bench register.
 */
function packedOrder(table: RegisterTable, n: number): PersonOrder | undefined {
  if (n >= ROW_BITS) return undefined;
  const runStarts = new Int32Array(n + 1);
  let runs = 0;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const k = table.personKey(i);
    if (k < 0 || k >= KEY_LIMIT) return undefined;
    if (k !== previous) runStarts[runs++] = i;
    previous = k;
  }
  runStarts[runs] = n;
  const packed = new Float64Array(runs);
  for (let r = 0; r < runs; r++) packed[r] = table.personKey(runStarts[r]!) * ROW_BITS + r;
  packed.sort();
  const index = new Int32Array(n);
  const starts: number[] = [];
  let at = 0;
  previous = -1;
  for (let j = 0; j < runs; j++) {
    // Math.floor and a subtraction: a double's % is a slow fmod.
    const key = Math.floor(packed[j]! / ROW_BITS);
    const run = packed[j]! - key * ROW_BITS;
    // Persons from the sorted keys, not from the rows: those are scattered in memory.
    if (key !== previous) starts.push(at);
    previous = key;
    for (let i = runStarts[run]!; i < runStarts[run + 1]!; i++) index[at++] = i;
  }
  starts.push(n);
  return { index, starts: Int32Array.from(starts) };
}

function generalOrder(table: RegisterTable, n: number): PersonOrder {
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  index.sort((a, b) => table.personKey(a) - table.personKey(b) || a - b);
  const starts: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || table.personKey(index[i]!) !== table.personKey(index[i - 1]!)) starts.push(i);
  starts.push(n);
  return { index, starts: Int32Array.from(starts) };
}

const orderOf = (table: RegisterTable): PersonOrder => packedOrder(table, table.count) ?? generalOrder(table, table.count);

// R7 bills up to 37 months from one reading: its order is sorted once (~100 ms a month on 250 000 rows).
const orders = new WeakMap<RegisterTable, PersonOrder>();

/**
 * Calls `visit` once per person with that person's rows, made from the table as they are
 * visited. Sorting packed numbers in a typed array is many times faster than sorting row
 * objects on a national register, and a person with one row (the common case) gets a reused
 * array. `visit` must not keep the array it is given.
 */
export function forEachPerson(table: RegisterTable, visit: (rowsOfPerson: RegisterRow[]) => void): void {
  let order = orders.get(table);
  if (!order) orders.set(table, (order = orderOf(table)));
  const { index, starts } = order;
  const single: RegisterRow[] = [];
  for (let p = 0; p + 1 < starts.length; p++) {
    const from = starts[p]!,
      to = starts[p + 1]!;
    if (to - from === 1) {
      single[0] = table.row(index[from]!);
      visit(single);
    } else {
      const group = new Array<RegisterRow>(to - from);
      for (let j = from; j < to; j++) group[j - from] = table.row(index[j]!);
      visit(group);
    }
  }
}
