// Rows grouped per person, persons in personnummer order (§7), rows in register order.
import type { RegisterRow } from './register.js';

const byPersonThenRow = (a: RegisterRow, b: RegisterRow): number => a.personKey - b.personKey || a.rowNumber - b.rowNumber;

export function groupByPerson(rows: readonly RegisterRow[]): RegisterRow[][] {
  // Numeric keys sort and compare far faster than personnummer strings on large registers.
  const sorted = rows.slice().sort(byPersonThenRow);
  const groups: RegisterRow[][] = [];
  let from = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i]!.personKey !== sorted[from]!.personKey) {
      groups.push(sorted.slice(from, i));
      from = i;
    }
  }
  return groups;
}
