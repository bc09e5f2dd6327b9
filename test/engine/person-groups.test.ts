// §7 order: persons by personnummer, each person's rows in register order, every row once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachPerson, type RegisterRow } from '../../src/engine/index.js';
import { blankRegisterRow, RegisterTable } from '../../src/engine/registerTable.js';

function tableOf(keys: readonly number[]): RegisterTable {
  const table = new RegisterTable(keys.length);
  keys.forEach((personKey, i) => table.add({ ...blankRegisterRow(), rowNumber: i + 2, pnr: `p${personKey}`, personKey }));
  return table;
}

/** What forEachPerson must give: rows grouped by key, keys ascending, rows ascending. */
function expected(keys: readonly number[]): number[][] {
  const byKey = new Map<number, number[]>();
  keys.forEach((k, i) => byKey.set(k, [...(byKey.get(k) ?? []), i + 2]));
  return [...byKey.keys()].sort((a, b) => a - b).map((k) => byKey.get(k)!);
}

function visited(keys: readonly number[]): number[][] {
  const out: number[][] = [];
  forEachPerson(tableOf(keys), (rows: RegisterRow[]) => out.push(rows.map((r) => r.rowNumber)));
  return out;
}

describe('forEachPerson', () => {
  it('groups persons whose rows lie together, apart and mixed, in key order', () => {
    // Few distinct keys: runs of one person, the same person in several runs; keys on both
    // sides of the radix sort's 16-bit digits.
    const key = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(65535, 65536, 65537, 131072, 2 ** 31, 2 ** 32 - 1));
    const keys = fc.array(key, { maxLength: 60 });
    fc.assert(
      fc.property(keys, (k) => {
        expect(visited(k)).toEqual(expected(k));
      }),
    );
  });

  it('orders keys beyond the packed sort (before 1800, after 2099) the same way', () => {
    const keys = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(-5, 2 ** 32, 2 ** 32 + 1)), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(keys, (k) => {
        expect(visited(k)).toEqual(expected(k));
      }),
    );
  });

  it('keeps register order within a person split over several runs', () => {
    expect(visited([3, 1, 3, 3, 1, 2, 3])).toEqual([[3, 6], [7], [2, 4, 5, 8]]);
  });
});
