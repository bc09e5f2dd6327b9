// The packed register rows (§4) give back exactly the row that was added, whatever its values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICES, type RegisterRow } from '../../src/engine/index.js';
import { RegisterTable } from '../../src/engine/registerTable.js';

const day = fc.integer({ min: -80000, max: 80000 }); // days since 1970: years ~1750–2190
const row: fc.Arbitrary<RegisterRow> = fc.record({
  rowNumber: fc.integer({ min: 2, max: 1_048_576 }),
  pnr: fc.string(),
  // Keys of 1800–2099 are below 2^32; a year outside them gives a negative or larger key.
  personKey: fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 })),
  name: fc.string(),
  service: fc.constantFrom(...SERVICES),
  deviceId: fc.string(),
  installed: day,
  ended: fc.option(day, { nil: undefined }),
  returnStatus: fc.constantFrom('none', 'returned', 'unusable', 'lost', 'notReturned'),
  reminder: fc.option(day, { nil: undefined }),
  costCell: fc.oneof(fc.constant(undefined), fc.double(), fc.string(), fc.date()),
  housing: fc.constantFrom('ordinary', 'special'),
  installType: fc.constantFrom('new', 'replacement'),
});

describe('RegisterTable', () => {
  it('row(i) and pnr(i) give back the i-th row added, field for field', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const table = new RegisterTable(rows.length);
        for (const r of rows) table.add(r);
        expect(table.count).toBe(rows.length);
        expect(table.rows()).toEqual(rows);
        rows.forEach((r, i) => {
          expect(table.pnr(i)).toBe(r.pnr);
          expect(table.personKey(i)).toBe(r.personKey);
          expect(table.row(i).service).toBe(r.service); // the same Service, not a copy
        });
      }),
    );
  });

  it('row(i, reused) fills a row made for another row with exactly row i, blanks included', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 12 }), (rows) => {
        const table = new RegisterTable(rows.length);
        for (const r of rows) table.add(r);
        const reused = table.row(0);
        // Each row filled into the one object, in an order where a blank follows a date.
        for (let i = rows.length - 1; i >= 0; i--) {
          expect(table.row(i, reused)).toBe(reused);
          expect(reused).toEqual(rows[i]);
        }
      }),
    );
  });

  it('keeps a key at the edges of 32 bits and a blank Avslutad apart from a date', () => {
    const base: RegisterRow = {
      rowNumber: 2,
      pnr: '19480613-0003',
      personKey: 2 ** 32 - 1,
      name: 'A',
      service: SERVICES[0]!,
      deviceId: '',
      installed: 0,
      ended: undefined,
      returnStatus: 'none',
      reminder: -1,
      costCell: undefined,
      housing: 'ordinary',
      installType: 'new',
    };
    const table = new RegisterTable(3);
    table.add(base);
    table.add({ ...base, personKey: 2 ** 31, ended: 0 });
    table.add({ ...base, personKey: -1, ended: -2147483647 });
    expect(table.rows().map((r) => [r.personKey, r.ended, r.reminder])).toEqual([
      [2 ** 32 - 1, undefined, -1],
      [2 ** 31, 0, -1],
      [-1, -2147483647, -1],
    ]);
  });
});
