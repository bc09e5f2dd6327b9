// Rows per person, persons in personnummer order (§7), rows in register order.
import type { RegisterRow } from './register.js';

/**
 * Calls `visit` once per person with that person's rows. Grouping works on typed arrays of the
 * numeric person keys (a counting sort): on a national register this is many times faster than
 * sorting row objects, and it leaves no small arrays behind. `visit` must not keep the array.
 */
export function forEachPerson(rows: readonly RegisterRow[], visit: (rowsOfPerson: RegisterRow[]) => void): void {
  const n = rows.length;
  if (n === 0) return;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = rows[i]!.personKey;
  const unique = keys.slice().sort(); // numeric sort, no comparator
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || unique[i] !== unique[m - 1]) unique[m++] = unique[i]!;

  // Person index per row by binary search, then a stable counting sort of row indexes.
  const start = new Int32Array(m + 1);
  const personOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    let lo = 0, hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (unique[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    personOf[i] = lo;
    start[lo + 1]!++;
  }
  for (let p = 0; p < m; p++) start[p + 1]! += start[p]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, m);
  for (let i = 0; i < n; i++) order[fill[personOf[i]!]!++] = i;

  const scratch: RegisterRow[] = [];
  for (let p = 0; p < m; p++) {
    const from = start[p]!, to = start[p + 1]!;
    if (to - from === 1) {
      scratch.length = 1;
      scratch[0] = rows[order[from]!]!;
      visit(scratch);
    } else {
      const group = new Array<RegisterRow>(to - from);
      for (let j = from; j < to; j++) group[j - from] = rows[order[j]!]!;
      visit(group);
    }
  }
}
