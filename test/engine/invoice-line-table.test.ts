// The packed invoice lines (§7) give back exactly the lines that were added, person by person.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kr, LINE_KINDS, type InvoiceLine } from '../../src/engine/index.js';
import { InvoiceLineTable } from '../../src/engine/invoiceLineTable.js';
import { PersonSummaries, totalsPerKind } from '../../src/engine/monthTotals.js';

// A few shared amounts (as the tariff's are) and fresh ones (as a Kostnad or a reduction is).
const shared = [kr(350), kr('112.90'), kr(0)];
const amount = fc.oneof(
  fc.constantFrom(...shared),
  fc.integer({ min: -100000, max: 100000 }).map((ore) => kr(ore / 100)),
);
const lineOf = (pnr: string, name: string): fc.Arbitrary<InvoiceLine> =>
  fc.record({
    pnr: fc.constant(pnr),
    name: fc.constant(name),
    month: fc.constantFrom('2025-03', '2024-12'),
    kind: fc.constantFrom(...LINE_KINDS),
    services: fc.constantFrom('Trygghetslarm', 'Trygghetslarm, GPS-larm', ''),
    deviceIds: fc.string({ maxLength: 8 }),
    quantity: fc.oneof(fc.integer({ min: 0, max: 31 }), fc.double({ min: 0, max: 31, noNaN: true })),
    unitPrice: fc.option(amount, { nil: undefined }),
    amount,
    insideCap: fc.boolean(),
    rule: fc.constantFrom('R1', 'R3', 'R4', 'R5', 'R7'),
    sourceRows: fc.array(fc.integer({ min: 2, max: 1_048_576 }), { maxLength: 5 }),
    otherSources: fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }),
    explanation: fc.string({ maxLength: 20 }),
  });
// Persons as billMonth gives them: each a non-empty list of lines with one personnummer and name.
const persons = fc.array(
  fc
    .tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }))
    .chain(([pnr, name]) => fc.array(lineOf(pnr, name), { minLength: 1, maxLength: 4 })),
  { maxLength: 12 },
);

function tableOf(groups: readonly InvoiceLine[][], capacity?: number): InvoiceLineTable {
  const table = new InvoiceLineTable(capacity);
  for (const g of groups) table.addPerson(g);
  return table;
}

describe('InvoiceLineTable', () => {
  it('at(i) gives back the i-th line added, field for field, also past its first capacity', () => {
    fc.assert(
      fc.property(persons, fc.integer({ min: 0, max: 20 }), (groups, capacity) => {
        const table = tableOf(groups, capacity);
        const lines = groups.flat();
        expect(table.count).toBe(lines.length);
        expect(table.toArray()).toEqual(lines);
        lines.forEach((l, i) => {
          expect(table.amountAt(i)).toBe(l.amount); // the same Decimal, not a copy
          expect(LINE_KINDS[table.kindIndexAt(i)]).toBe(l.kind);
        });
      }),
    );
  });

  it('keeps each person apart, also two in a row with the same personnummer', () => {
    fc.assert(
      fc.property(persons, (groups) => {
        const table = tableOf(groups);
        expect(table.personCount).toBe(groups.length);
        let from = 0;
        groups.forEach((g, p) => {
          expect(table.linesOfPerson(p)).toEqual({ from, to: from + g.length });
          from += g.length;
        });
      }),
    );
  });

  it('sums per kind and per person as the lines do', () => {
    fc.assert(
      fc.property(persons, (groups) => {
        const table = tableOf(groups);
        const totals = totalsPerKind(table);
        for (const t of totals) {
          const own = groups.flat().filter((l) => l.kind === t.kind);
          expect(t.lines).toBe(own.length);
          expect(t.amount.equals(own.reduce((s, l) => s.plus(l.amount), kr(0)))).toBe(true);
        }
        const summaries = new PersonSummaries(table);
        expect(summaries.count).toBe(groups.length);
        groups.forEach((g, p) => expect(summaries.at(p).pnr).toBe(g[0]!.pnr));
      }),
    );
  });

  it('adds nothing for a person without lines', () => {
    const table = new InvoiceLineTable();
    table.addPerson([]);
    expect([table.count, table.personCount]).toEqual([0, 0]);
  });
});
