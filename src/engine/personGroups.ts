// Rows per person, persons in personnummer order (§7), rows in register order.
import type { RegisterRow } from './register.js';

const ROW_BITS = 2 ** 21; // rows per run the packed sort handles; larger registers take the general path
const KEY_LIMIT = 2 ** 32; // person keys of 1800–2099 (see parsePersonnummer)

/** (person, row index) packed in one double: one numeric sort orders persons, then rows. */
function packedOrder(rows: readonly RegisterRow[]): Float64Array | undefined {
  const n = rows.length;
  if (n >= ROW_BITS) return undefined;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = rows[i]!.personKey;
    if (k < 0 || k >= KEY_LIMIT) return undefined;
    packed[i] = k * ROW_BITS + i;
  }
  return packed.sort();
}

function generalOrder(rows: readonly RegisterRow[]): Float64Array {
  const order = Int32Array.from(rows.keys()).sort((a, b) => rows[a]!.personKey - rows[b]!.personKey || a - b);
  // Same shape as the packed order, with the person's rank as key.
  const out = new Float64Array(order.length);
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    if (i > 0 && rows[order[i]!]!.personKey !== rows[order[i - 1]!]!.personKey) rank++;
    out[i] = rank * ROW_BITS + order[i]!;
  }
  return out;
}

/**
 * Calls `visit` once per person with that person's rows. Sorting packed numbers in a typed
 * array is many times faster than sorting row objects on a national register, and a person with
 * one row (the common case) gets a reused array. `visit` must not keep the array it is given.
 */
export function forEachPerson(rows: readonly RegisterRow[], visit: (rowsOfPerson: RegisterRow[]) => void): void {
  const n = rows.length;
  const order = n < ROW_BITS ? (packedOrder(rows) ?? generalOrder(rows)) : undefined;
  if (!order) {
    // Beyond two million rows: plain object sort.
    const sorted = rows.slice().sort((a, b) => a.personKey - b.personKey || a.rowNumber - b.rowNumber);
    let from = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && sorted[i]!.personKey === sorted[from]!.personKey) continue;
      visit(sorted.slice(from, i));
      from = i;
    }
    return;
  }
  // Unpack once: person key and row index (a double's % is a slow fmod).
  const keys = new Float64Array(n),
    index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = Math.floor(order[i]! / ROW_BITS);
    keys[i] = key;
    index[i] = order[i]! - key * ROW_BITS;
  }
  const scratch: RegisterRow[] = [rows[0]!];
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && keys[i] === keys[from]) continue;
    if (i - from === 1) {
      scratch[0] = rows[index[from]!]!;
      visit(scratch);
    } else {
      const group = new Array<RegisterRow>(i - from);
      for (let j = from; j < i; j++) group[j - from] = rows[index[j]!]!;
      visit(group);
    }
    from = i;
  }
}
