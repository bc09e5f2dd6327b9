// §9 properties over random registers: months billed in sequence, then the register changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billWorkbook, type BilledSheet, type RetroDebits, type WorkbookInput } from '../../../src/engine/index.js';
import { abilitySheet, makePnr, month, otherFeesSheet, type RowSpec } from '../helpers.js';
import { billInSequence, recordOf, run, sheetOfRun, workbook, type WrittenSheet } from './helpers.js';

const NUM_RUNS = 60;
const PEOPLE = [makePnr('19400101', '123'), makePnr('19351224', '333'), makePnr('19500171', '234')];
const SERVICES = ['Trygghetslarm', 'Mobilt trygghetslarm', 'Larmknapp sammanboende', 'Digitalt lås', 'Digital tillsyn'];
const iso = (day: number) => new Date(Date.UTC(2024, 9, 1) + day * 86400000).toISOString().slice(0, 10); // day 0 = 2024-10-01

/** Valid rows only (no Fel): every status that needs Avslutad or Kostnad has them. */
const row: fc.Arbitrary<RowSpec> = fc
  .record({
    person: fc.nat({ max: PEOPLE.length - 1 }),
    service: fc.constantFrom(...SERVICES),
    installed: fc.integer({ min: 0, max: 330 }),
    length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    status: fc.constantFrom('', 'Återlämnad', 'Borttappad', 'Obrukbar', 'Ej återlämnad'),
    reminder: fc.integer({ min: 0, max: 40 }),
    cost: fc.integer({ min: 0, max: 3000 }),
    special: fc.boolean(),
    swap: fc.boolean(),
  })
  .map((r) => {
    const ended = r.length === undefined && r.status === '' ? undefined : r.installed + (r.length ?? 10);
    return {
      Personnummer: PEOPLE[r.person],
      Tjänst: r.service,
      Installerad: iso(r.installed),
      ...(ended === undefined ? {} : { Avslutad: iso(ended) }),
      ...(r.status === '' || ended === undefined ? {} : { Återlämning: r.status }),
      ...(r.status === 'Ej återlämnad' ? { Påminnelse: iso(ended! + r.reminder) } : {}),
      ...(r.status !== '' && r.status !== 'Återlämnad' ? { Kostnad: r.cost } : {}),
      ...(r.special ? { Boende: 'Särskilt boende' } : {}),
      ...(r.swap ? { Installationstyp: 'Byte' } : {}),
    };
  });

const sideSheets: fc.Arbitrary<Partial<WorkbookInput>> = fc
  .record({
    ability: fc.option(fc.record({ person: fc.nat({ max: 2 }), amount: fc.integer({ min: 0, max: 400 }) }), { nil: undefined }),
    other: fc.option(
      fc.record({
        person: fc.nat({ max: 2 }),
        month: fc.integer({ min: 1, max: 9 }),
        amount: fc.integer({ min: 2300, max: 2700 }),
      }),
      {
        nil: undefined,
      },
    ),
  })
  .map(({ ability, other }) => ({
    ...(ability
      ? {
          ability: abilitySheet([
            { Personnummer: PEOPLE[ability.person], Avgiftsutrymme: ability.amount, 'Giltig från': '2025-02-01' },
          ]),
        }
      : {}),
    ...(other
      ? {
          otherFees: otherFeesSheet([
            { Personnummer: PEOPLE[other.person], Månad: `2025-0${other.month}`, Belopp: other.amount },
          ]),
        }
      : {}),
  }));

const register = fc.record({ rows: fc.array(row, { maxLength: 6 }), side: sideSheets });
const retro = fc.constantFrom<RetroDebits>('report', 'bill');
/** M between 2025-03 and 2025-09; the months before it (from 2025-01, the default tariff's start) are billed first. */
const billingMonth = fc.integer({ min: 3, max: 9 });
const monthsBefore = (m: number) => Array.from({ length: m - 1 }, (_, i) => `2025-0${i + 1}`);
const key = (m: number) => `2025-${String(m).padStart(2, '0')}`;

function billedSum(record: readonly BilledSheet[], pnr: string, m: string): number {
  return record
    .flatMap((s) => s.lines)
    .filter((l) => l.pnr === pnr && l.month === m)
    .reduce((s, l) => s + l.amountOre, 0);
}

describe('§9 properties', () => {
  it('no register change → no R7 line and no Varning of R7', () => {
    fc.assert(
      fc.property(register, billingMonth, retro, (reg, m, retroDebits) => {
        const input = workbook(reg.rows, reg.side);
        const settings = { retroDebits };
        const billed = billInSequence(input, monthsBefore(m), { settings });
        expect(billed.flatMap((s) => s.lines).filter((l) => l.rule === 'R7')).toEqual([]);
        const r = run(input, key(m), recordOf(...billed), { settings });
        expect(r.corrections.lines).toEqual([]);
        expect(r.corrections.problems).toEqual([]);
        expect(r.corrections.checked).toEqual(monthsBefore(m));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('billing M twice gives the same lines; with M in the record, M + 1 on the same register gives no R7 line', () => {
    fc.assert(
      fc.property(register, register, billingMonth, retro, (before, after, m, retroDebits) => {
        const settings = { retroDebits };
        const billed = billInSequence(workbook(before.rows, before.side), monthsBefore(m), { settings });
        const today = workbook(after.rows, after.side);
        const first = run(today, key(m), recordOf(...billed), { settings });
        const second = run(today, key(m), recordOf(...billed, sheetOfRun(first)), { settings });
        expect(second.corrections.lines).toEqual(first.corrections.lines);
        expect(second.corrections.problems).toEqual(first.corrections.problems);
        expect(second.billing.lines).toEqual(first.billing.lines);
        const next = run(today, key(m + 1), recordOf(...billed, sheetOfRun(second)), { settings });
        expect(next.corrections.lines).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('under bill, a person’s correction lines for a month sum to today’s amount minus the record; archived persons get none', () => {
    fc.assert(
      fc.property(register, register, billingMonth, (before, after, m) => {
        const settings = { retroDebits: 'bill' as const };
        const billed = billInSequence(workbook(before.rows, before.side), monthsBefore(m), { settings });
        const today = workbook(after.rows, after.side);
        const record = recordOf(...billed);
        const r = run(today, key(m), record, { settings });
        const present = new Set(after.rows.map((x) => x.Personnummer));
        for (const pnr of PEOPLE) {
          for (const mm of monthsBefore(m)) {
            const corrected = r.corrections.lines
              .filter((l) => l.pnr === pnr && l.month === mm)
              .reduce((s, l) => s + l.amount.toNumber() * 100, 0);
            const now = billWorkbook(today, { month: month(mm), settings })
              .lines.filter((l) => l.pnr === pnr)
              .reduce((s, l) => s + l.amount.toNumber() * 100, 0);
            const expected = present.has(pnr) ? now - billedSum(record, pnr, mm) : 0;
            expect(Math.round(corrected)).toBe(Math.round(expected));
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('under report no R7 line is positive, and a person never gets back more for a month than was billed', () => {
    fc.assert(
      fc.property(register, register, billingMonth, (before, after, m) => {
        const billed = billInSequence(workbook(before.rows, before.side), monthsBefore(m));
        const record = recordOf(...billed);
        const r = run(workbook(after.rows, after.side), key(m), record);
        for (const l of r.corrections.lines) {
          expect(l.amount.isPositive() && !l.amount.isZero()).toBe(false);
          const credited = r.corrections.lines
            .filter((x) => x.pnr === l.pnr && x.month === l.month)
            .reduce((s, x) => s + x.amount.toNumber() * 100, 0);
          expect(Math.round(credited + billedSum(record, l.pnr, l.month))).toBeGreaterThanOrEqual(0);
        }
        for (const h of r.corrections.heldBack) expect(h.amount.isPositive()).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the record read in any line order gives the same corrections', () => {
    fc.assert(
      fc.property(register, register, billingMonth, fc.integer(), (before, after, m, seed) => {
        const billed: WrittenSheet[] = billInSequence(workbook(before.rows, before.side), monthsBefore(m));
        const record = recordOf(...billed);
        let s = seed;
        const coin = () => ((s = (s * 1103515245 + 12345) | 0) & 1 ? 1 : -1);
        const shuffled = [...record].sort(coin).map((sheet) => ({ ...sheet, lines: [...sheet.lines].sort(coin) }));
        const today = workbook(after.rows, after.side);
        const a = run(today, key(m), record, { settings: { retroDebits: 'bill' } });
        const b = run(today, key(m), shuffled, { settings: { retroDebits: 'bill' } });
        const strip = (r: typeof a) => r.corrections.lines.map((l) => [l.pnr, l.month, l.kind, l.amount.toString()]);
        expect(strip(b)).toEqual(strip(a));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
