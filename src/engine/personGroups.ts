// Rows per person, persons in personnummer order (§7), rows in register order.
import type { RegisterRow } from './register.js';
import type { RegisterTable } from './registerTable.js';

const KEY_LIMIT = 2 ** 32; // person keys of 1800–2099 (see parsePersonnummer): the radix sort's range

/** Row indices in (person, row) order, and where each person's rows start. */
interface PersonOrder {
  readonly index: Int32Array;
  /** Person p's rows are `index[starts[p] .. starts[p + 1])`. */
  readonly starts: Int32Array;
}

/**
 * Runs sorted by person key in two stable 16-bit radix passes, so a person's runs stay in
 * register order. A run is a stretch of consecutive rows of one person: registers often keep a
 * person's rows together (half as many runs as rows on the bench register). forEachPerson over
 * the bench register: ~83 ms with a sort of packed (key, row) doubles, ~63 ms with this.
 */
function radixOrder(table: RegisterTable, n: number): PersonOrder | undefined {
  const runStarts = new Int32Array(n + 1);
  const runKeys = new Uint32Array(n);
  let runs = 0;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const k = table.personKey(i);
    if (k < 0 || k >= KEY_LIMIT) return undefined;
    if (k !== previous) {
      runKeys[runs] = k;
      runStarts[runs++] = i;
    }
    previous = k;
  }
  runStarts[runs] = n;
  let order = new Int32Array(runs);
  for (let r = 0; r < runs; r++) order[r] = r;
  let into = new Int32Array(runs);
  for (const shift of [0, 16]) {
    const at = new Int32Array(65537);
    for (let r = 0; r < runs; r++) at[((runKeys[order[r]!]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d <= 65536; d++) at[d]! += at[d - 1]!;
    for (let r = 0; r < runs; r++) into[at[(runKeys[order[r]!]! >>> shift) & 0xffff]!++] = order[r]!;
    [order, into] = [into, order];
  }
  const index = new Int32Array(n);
  const starts: number[] = [];
  let at = 0;
  previous = -1;
  for (let j = 0; j < runs; j++) {
    const run = order[j]!;
    // Persons from the sorted keys, not from the rows: those are scattered in memory.
    if (runKeys[run] !== previous) starts.push(at);
    previous = runKeys[run]!;
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

const orderOf = (table: RegisterTable): PersonOrder => radixOrder(table, table.count) ?? generalOrder(table, table.count);

// R7 bills up to 37 months from one reading: its order is sorted once (~100 ms a month on 250 000 rows).
const orders = new WeakMap<RegisterTable, PersonOrder>();

/**
 * Calls `visit` once per person with that person's rows, made from the table as they are
 * visited. Sorting packed numbers in a typed array is many times faster than sorting row
 * objects on a national register. `visit` must keep neither the array it is given nor the rows
 * in it: the rows are filled in again for the next person (250 000 row objects a run, ~35 MB,
 * not made), and a person with one row (the common case) gets a reused array.
 */
export function forEachPerson(table: RegisterTable, visit: (rowsOfPerson: RegisterRow[]) => void): void {
  let order = orders.get(table);
  if (!order) orders.set(table, (order = orderOf(table)));
  const { index, starts } = order;
  const single: RegisterRow[] = [];
  const reused: RegisterRow[] = [];
  for (let p = 0; p + 1 < starts.length; p++) {
    const from = starts[p]!,
      to = starts[p + 1]!;
    if (to - from === 1) {
      single[0] = reused[0] = table.row(index[from]!, reused[0]);
      visit(single);
    } else {
      const group = new Array<RegisterRow>(to - from);
      for (let j = from; j < to; j++) group[j - from] = reused[j - from] = table.row(index[j]!, reused[j - from]);
      visit(group);
    }
  }
}
