// Property tests over arbitrary registers (§4–§7): valid rows, rows with garbage cells, rows of
// pure garbage, blank rows and duplicates, for arbitrary months of 2025–2026.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billPersonsEachMonth,
  billWorkbook,
  outputSheets,
  readAbilityToPay,
  readOtherFees,
  tariffOf,
  type MonthBilling,
  readRegister,
  RunError,
  sum,
  type BillingResult,
  type InvoiceLine,
  type Proration,
  type RegisterRow,
  type SheetCells,
  type WorkbookInput,
  displayValue,
  rowCost,
  isPlausibleAmount,
} from '../../src/engine/index.js';
import { ABILITY_HEADERS, HEADERS, makePnr, OTHER_FEES_HEADERS, shortPnr } from './helpers.js';

const NUM_RUNS = 200;
const DAY_MS = 86400000;
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const EXCEL_1970 = 25569; // serial of 1970-01-01 (valid for days after 1900-03-01)

// --- the oracle's own copy of the spec's numbers (default tariff, §2/§3) ---
const FEE: Record<string, number> = { alarm: 239, button: 40, lock: 0, supervision: 0 };
const INSTALLATION_FEE = 200;
const MAXTAXA: Record<number, number> = { 2025: 2642, 2026: 2660 };

// --- generators ---

/** Synthetic people: ordinary, samordningsnummer, born 2001, and a 100+ year old (written with "+"). */
const PEOPLE = [
  { full: makePnr('19400101', '123'), short: '-' as const },
  { full: makePnr('19351224', '333'), short: '-' as const },
  { full: makePnr('19500171', '234'), short: '-' as const },
  { full: makePnr('19230515', '246'), short: '+' as const },
  { full: makePnr('20010203', '456'), short: '' as const },
];
const NAMES = ['Anna Andersson', 'Bo Berg', '=HYPERLINK("x")', 'Dagny Dahl', 'Eva Ek'];
const SERVICE_NAMES = [
  'Trygghetslarm',
  'Larm',
  'Mobilt trygghetslarm',
  'GPS-klocka',
  'Larmknapp sammanboende',
  'Larmknapp',
  'Digitalt lås',
  'Nyckelfri hemtjänst',
  'Digital tillsyn',
  'Nattillsyn',
];

const monthArb = fc.record({ year: fc.integer({ min: 2025, max: 2026 }), month: fc.integer({ min: 1, max: 12 }) });

/**
 * Days near the billing month (so rows are often active, installed, ended or due in it), now and
 * then far from it.
 */
const nearDay = (monthStart: number): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: monthStart - 60, max: monthStart + 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: monthStart - 800, max: monthStart + 400 }) },
  );

/** One calendar day as any of the cell forms §4 accepts. */
const dateCell = (day: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(isoOf(day)),
    fc.constant(day + EXCEL_1970),
    fc.double({ min: 0, max: 0.999, noNaN: true }).map((f) => day + EXCEL_1970 + f),
    fc.constant(new Date(day * DAY_MS)),
  );

const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom<unknown>(
    '',
    '  ',
    'Larm',
    '2025-03-01',
    '03/04/2025',
    '2025-02-30',
    '=SUM(A1)',
    'Borttappad',
    'Ej återlämnad',
    'Särskilt boende',
    'Byte',
    '450,50',
    '-1',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    60,
    45717.5,
    new Date(Number.NaN),
    '19400101-1231',
    '400101-1230',
    194001011230,
    1e21,
  ),
);

const validRowNear = (monthStart: number, reminderDays: number): fc.Arbitrary<unknown[]> =>
  fc
    .record({
      person: fc.nat({ max: PEOPLE.length - 1 }),
      form: fc.nat({ max: 3 }),
      named: fc.boolean(),
      service: fc.constantFrom(...SERVICE_NAMES),
      device: fc.constantFrom('', 'A1', 'B2', 'C3', '+46-70'),
      installed: nearDay(monthStart),
      end: fc.oneof(
        { weight: 3, arbitrary: fc.constant<'none' | 'after' | 'before'>('none') },
        { weight: 4, arbitrary: fc.constant('after' as const) },
        { weight: 1, arbitrary: fc.constant('before' as const) },
      ),
      endDelta: fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 400 })),
      status: fc.constantFrom('', '', 'Återlämnad', 'Obrukbar', 'Borttappad', 'Ej återlämnad'),
      reminder: fc.option(nearDay(monthStart - reminderDays), { nil: undefined }),
      cost: fc.oneof(
        fc.constant(null),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom<unknown>('450,50', '2 400', 0.1, 100.1 * 3, '450,555', -5, 'okänd'),
      ),
      housing: fc.constantFrom('', '', 'Ordinärt boende', 'Särskilt boende'),
      type: fc.constantFrom('', '', 'Ny', 'Byte'),
      keepMissingEnd: fc.nat({ max: 4 }),
    })
    .chain((s) => {
      // Obrukbar/Borttappad without Avslutad is a Fel (R4); keep that only now and then.
      const end =
        s.end === 'none' && (s.status === 'Obrukbar' || s.status === 'Borttappad') && s.keepMissingEnd > 0 ? 'after' : s.end;
      const ended = end === 'none' ? undefined : end === 'after' ? s.installed + s.endDelta : s.installed - 1 - s.endDelta;
      return fc
        .tuple(
          dateCell(s.installed),
          ended === undefined ? fc.constant(null) : dateCell(ended),
          s.reminder === undefined ? fc.constant(null) : dateCell(s.reminder),
        )
        .map(([installed, endedCell, reminder]) => {
          const p = PEOPLE[s.person]!;
          const pnr =
            s.form === 0
              ? p.full
              : s.form === 1
                ? p.full.replace('-', '')
                : s.form === 2
                  ? shortPnr(p.full, p.short)
                  : Number(p.full.replace('-', ''));
          // HEADERS order: Personnummer, Namn, Tjänst, Enhets-ID, Installerad, Avslutad, Återlämning, Påminnelse, Kostnad, Boende, Installationstyp
          return [
            pnr,
            s.named ? NAMES[s.person]! : '',
            s.service,
            s.device,
            installed,
            endedCell,
            s.status,
            reminder,
            s.cost,
            s.housing,
            s.type,
          ];
        });
    });

const mutatedRowNear = (monthStart: number, reminderDays: number) =>
  fc
    .tuple(
      validRowNear(monthStart, reminderDays),
      fc.array(fc.tuple(fc.nat({ max: HEADERS.length - 1 }), garbage), { minLength: 1, maxLength: 3 }),
    )
    .map(([row, edits]) => {
      const out = [...row];
      for (const [i, v] of edits) out[i] = v;
      return out;
    });

const rowArbNear = (monthStart: number, reminderDays: number): fc.Arbitrary<unknown[]> =>
  fc.oneof(
    { weight: 12, arbitrary: validRowNear(monthStart, reminderDays) },
    { weight: 2, arbitrary: mutatedRowNear(monthStart, reminderDays) },
    { weight: 1, arbitrary: fc.array(garbage, { minLength: 0, maxLength: HEADERS.length + 2 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown[]>(
        [],
        HEADERS.map(() => null),
        HEADERS.map(() => '  '),
      ),
    },
  );

interface OtherRow {
  valid: boolean;
  person: number;
  monthOffset: number;
  amount: number;
}
interface AbilityRow {
  valid: boolean;
  person: number;
  amount: number;
  from?: number;
}

interface Scenario {
  register: SheetCells;
  month: { year: number; month: number };
  proration: Proration;
  reminderDays: number;
  other: OtherRow[];
  ability: AbilityRow[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .tuple(monthArb, fc.integer({ min: 0, max: 60 }))
  .chain(([month, reminderDays]) => {
    const monthStart = dayOf(month.year, month.month, 1);
    return fc.record({
      rows: fc.array(rowArbNear(monthStart, reminderDays), { maxLength: 30 }),
      dupes: fc.array(fc.nat(), { maxLength: 3 }),
      columnOrder: fc.shuffledSubarray([...HEADERS.keys()], { minLength: HEADERS.length, maxLength: HEADERS.length }),
      extraColumn: fc.boolean(),
      firstRow: fc.integer({ min: 1, max: 5 }),
      month: fc.constant(month),
      proration: fc.constantFrom<Proration>('started-month', 'days-30', 'actual-days'),
      reminderDays: fc.constant(reminderDays),
      other: fc.array(
        fc.record({
          valid: fc.constantFrom(true, true, true, false),
          person: fc.nat({ max: PEOPLE.length - 1 }),
          monthOffset: fc.constantFrom(0, 0, -1, 1),
          amount: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 2300, max: 2700 })),
        }),
        { maxLength: 8 },
      ),
      ability: fc.array(
        fc.record({
          valid: fc.constantFrom(true, true, true, false),
          person: fc.nat({ max: PEOPLE.length - 1 }),
          amount: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 3000 })),
          from: fc.option(nearDay(monthStart), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
    });
  })
  .map((s) => {
    const rows = [...s.rows];
    if (rows.length > 0) for (const d of s.dupes) rows.push([...rows[d % rows.length]!]);
    const order = s.columnOrder;
    const reorder = (r: readonly unknown[]) => {
      const out = order.map((i) => r[i]);
      if (s.extraColumn) out.splice(1, 0, 'en kommentar');
      return out;
    };
    const headers = reorder(HEADERS);
    if (s.extraColumn) headers[1] = 'Kommentar';
    return {
      register: { name: 'Enhetsregister', firstRow: s.firstRow, values: [headers, ...rows.map(reorder)] },
      month: s.month,
      proration: s.proration,
      reminderDays: s.reminderDays,
      other: s.other,
      ability: s.ability,
    };
  });

const shiftMonth = (m: { year: number; month: number }, by: number) => {
  const i = m.year * 12 + (m.month - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

function inputOf(s: Scenario, register = s.register): WorkbookInput {
  const otherFees: SheetCells = {
    name: 'Övriga avgifter',
    values: [
      OTHER_FEES_HEADERS,
      ...s.other.map((o) =>
        o.valid
          ? [PEOPLE[o.person]!.full, shiftMonth(s.month, o.monthOffset), o.amount + 0.1 + 0.2 - 0.3] // float noise, as from a formula
          : ['ogiltigt', shiftMonth(s.month, o.monthOffset), o.amount],
      ),
    ],
  };
  const ability: SheetCells = {
    name: 'Avgiftsutrymme',
    values: [
      ABILITY_HEADERS,
      ...s.ability.map((a) => [
        PEOPLE[a.person]!.full,
        a.valid ? a.amount : 'okänt',
        a.from === undefined ? null : isoOf(a.from),
      ]),
    ],
  };
  return { register, otherFees, ability };
}

function run(s: Scenario, register = s.register): BillingResult {
  return billWorkbook(inputOf(s, register), {
    month: s.month,
    settings: { proration: s.proration, reminderDays: s.reminderDays },
  });
}

// --- the oracle ---

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Excel row numbers of the non-blank data rows. */
function nonBlankRows(sheet: SheetCells): number[] {
  const out: number[] = [];
  sheet.values.forEach((cells, i) => {
    if (i > 0 && !cells.every(isBlank)) out.push((sheet.firstRow ?? 1) + i);
  });
  return out;
}

/** §6 "identical": every field read from the row but its row number. */
const identity = (r: RegisterRow) =>
  JSON.stringify([
    r.pnr,
    r.name,
    r.service.name,
    r.deviceId,
    r.installed,
    r.ended ?? null,
    r.returnStatus,
    r.reminder ?? null,
    displayValue(r.costCell),
    r.housing,
    r.installType,
  ]);

/** Later rows identical to an earlier row of the same person: row → the first such row. */
function duplicatesOf(rows: readonly RegisterRow[]): Map<number, number> {
  const first = new Map<string, number>();
  const dupes = new Map<number, number>();
  for (const r of [...rows].sort((a, b) => a.rowNumber - b.rowNumber)) {
    const id = identity(r);
    const f = first.get(id);
    if (f === undefined) first.set(id, r.rowNumber);
    else dupes.set(r.rowNumber, f);
  }
  return dupes;
}

interface Due {
  r1: boolean;
  r3: boolean;
  r4: boolean;
}

/** What the spec says a parsed row owes in month M (default tariff, given settings). */
function dueOf(r: RegisterRow, s: Scenario): Due {
  const start = dayOf(s.month.year, s.month.month, 1);
  const end = dayOf(s.month.year, s.month.month + 1, 1) - 1;
  const inMonth = (d: number | undefined) => d !== undefined && d >= start && d <= end;
  const active = r.installed <= end && (r.ended === undefined || r.ended >= start);
  const category = r.service.category;
  const r4Day =
    r.returnStatus === 'unusable' || r.returnStatus === 'lost'
      ? r.ended
      : r.returnStatus === 'notReturned' && r.reminder !== undefined
        ? r.reminder + s.reminderDays
        : undefined;
  return {
    r1: active && r.housing === 'ordinary' && FEE[category]! > 0,
    r3: r.installType === 'new' && category !== 'button' && inMonth(r.installed) && INSTALLATION_FEE > 0,
    r4: inMonth(r4Day),
  };
}

/** R5 room from the oracle's own reading of the side sheets. */
function roomOf(s: Scenario, pnr: string): number {
  const key = shiftMonth(s.month, 0);
  const other = s.other
    .filter((o) => o.valid && PEOPLE[o.person]!.full === pnr && shiftMonth(s.month, o.monthOffset) === key)
    .reduce((t, o) => t + o.amount, 0);
  const start = dayOf(s.month.year, s.month.month, 1);
  const valid = s.ability.filter((a) => a.valid && PEOPLE[a.person]!.full === pnr && (a.from === undefined || a.from <= start));
  let limit = MAXTAXA[s.month.year]!;
  if (valid.length > 0) {
    const latest = Math.max(...valid.map((a) => a.from ?? -Infinity));
    const ability = Math.min(...valid.filter((a) => (a.from ?? -Infinity) === latest).map((a) => a.amount));
    limit = Math.min(limit, ability);
  }
  return Math.max(0, limit - other);
}

const linesWithRow = (r: BillingResult, row: number) => r.lines.filter((l) => l.sourceRows.includes(row));

// --- properties ---

describe('properties of billWorkbook over arbitrary registers', () => {
  it('§6: billWorkbook never throws for any row content (a bad row never stops the run)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let result: BillingResult | undefined;
        expect(() => {
          result = run(s);
        }).not.toThrow();
        expect(result!.registerRows).toBe(nonBlankRows(s.register).length);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('§5/§6: every non-blank row is billed, reported, or owes nothing this month — precisely', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = run(s);
        const parsed = new Map(
          readRegister(s.register, s.month.year)
            .table.rows()
            .map((r) => [r.rowNumber, r]),
        );
        const dupes = duplicatesOf([...parsed.values()]);
        const problems = (row: number, severity: 'Fel' | 'Varning') =>
          result.problems.filter((p) => p.sheet === 'Enhetsregister' && p.row === row && p.severity === severity);

        for (const n of nonBlankRows(s.register)) {
          const r = parsed.get(n);
          const billed = linesWithRow(result, n);
          if (!r) {
            // Unreadable row: a Fel, and left out of billing.
            expect(problems(n, 'Fel').length, `row ${n} dropped without a Fel`).toBeGreaterThan(0);
            expect(billed, `Fel row ${n} was billed`).toEqual([]);
            continue;
          }
          if (dupes.has(n)) {
            // Identical duplicate: a Varning, and billed only through its first row.
            expect(problems(n, 'Varning').length, `duplicate row ${n} without a Varning`).toBeGreaterThan(0);
            expect(billed, `duplicate row ${n} billed again`).toEqual([]);
            continue;
          }
          const due = dueOf(r, s);
          const cost = rowCost(r);
          const costOk = cost !== undefined && !cost.isNegative() && isPlausibleAmount(cost);
          if (due.r4 && !costOk) {
            // R4 due without a usable Kostnad (missing, negative, over 10 000 000 kr): a Fel on Kostnad, and the row left out entirely.
            expect(
              problems(n, 'Fel').map((p) => p.rule),
              `row ${n}`,
            ).toEqual(['R4']);
            expect(billed, `row ${n} with a bad Kostnad was billed`).toEqual([]);
            continue;
          }
          expect(problems(n, 'Fel'), `row ${n} parsed but has a Fel`).toEqual([]);
          const rules = new Set(billed.map((l) => l.rule));
          // Each rule that is due has a line naming this row …
          expect(rules.has('R1'), `row ${n} R1`).toBe(due.r1);
          expect(rules.has('R3'), `row ${n} R3`).toBe(due.r3);
          expect(rules.has('R4'), `row ${n} R4`).toBe(due.r4);
          // … and a reduction line names only rows of capped lines (R1 here: installation is outside the cap).
          if (rules.has('R5')) expect(due.r1, `row ${n} in a reduction without a capped line`).toBe(true);
          if (!due.r1 && !due.r3 && !due.r4) expect(billed, `row ${n} owes nothing`).toEqual([]);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('§7: shuffling the register rows (row numbers travelling with them) gives the same lines', () => {
    const scenarioWithPermutation = scenarioArb.chain((s) => {
      const n = s.register.values.length - 1;
      return fc.tuple(fc.constant(s), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }));
    });
    fc.assert(
      fc.property(scenarioWithPermutation, ([s, perm]) => {
        const firstRow = s.register.firstRow ?? 1;
        const data = s.register.values.slice(1);
        const shuffled: SheetCells = { ...s.register, values: [s.register.values[0]!, ...perm.map((i) => data[i]!)] };
        // New row number → original row number.
        const original = new Map(perm.map((orig, pos) => [firstRow + 1 + pos, firstRow + 1 + orig]));
        // Identical duplicates are one device: name them by their first original row.
        const parsed = readRegister(s.register, s.month.year).table.rows();
        const dupes = duplicatesOf(parsed);
        const canonical = (orig: number) => dupes.get(orig) ?? orig;

        const normalise = (lines: readonly InvoiceLine[], toOriginal: (n: number) => number) =>
          lines
            .map((l) =>
              JSON.stringify({
                pnr: l.pnr,
                kind: l.kind,
                services: l.services,
                devices: l.deviceIds.split(', ').sort(),
                quantity: l.quantity,
                unitPrice: l.unitPrice?.toString() ?? null,
                amount: l.amount.toString(),
                capped: l.insideCap,
                rule: l.rule,
                rows: [...new Set(l.sourceRows.map((n) => canonical(toOriginal(n))))].sort((a, b) => a - b),
                other: l.otherSources,
                explanation: l.explanation,
              }),
            )
            .sort();

        const a = run(s);
        const b = run(s, shuffled);
        expect(normalise(b.lines, (n) => original.get(n)!)).toEqual(normalise(a.lines, (n) => n));
        const persons = (r: BillingResult) =>
          [...r.persons].map((p) => [
            p.pnr,
            p.feesInsideCap.toString(),
            p.reduction.toString(),
            p.feesOutsideCap.toString(),
            p.total.toString(),
          ]);
        expect(persons(b)).toEqual(persons(a));
        expect(b.total.toString()).toBe(a.total.toString());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('§7: the same input twice gives identical output', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const a = run(s);
        const b = run(s);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(outputSheets(b))).toBe(JSON.stringify(outputSheets(a)));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('R7: several months billed in one pass (lines reused person after person) give each month as billed alone', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = inputOf(s);
        const settings = { proration: s.proration, reminderDays: s.reminderDays };
        const { tariff, prisbasbelopp } = tariffOf(undefined);
        const register = readRegister(input.register, s.month.year);
        const months = [1, s.month.month, 12].map((m) => ({ year: s.month.year, month: m }));
        const seen = months.map((): InvoiceLine[] => []);
        const billings = billPersonsEachMonth(
          months.map((month) => ({
            month,
            register,
            tariff,
            prisbasbelopp,
            otherFees: readOtherFees(input.otherFees!, month),
            ability: readAbilityToPay(input.ability!, month),
            settings,
          })),
          (m, lines) => seen[m]!.push(...lines.map((l) => ({ ...l, sourceRows: [...l.sourceRows] }))),
          { reuseLines: true },
        );
        months.forEach((month, m) => {
          const alone = billWorkbook(input, { month, settings });
          expect(JSON.stringify(seen[m])).toBe(JSON.stringify(alone.lines));
          expect(JSON.stringify((billings[m] as MonthBilling).problems)).toBe(JSON.stringify(alone.problems));
        });
      }),
      { numRuns: NUM_RUNS / 4 },
    );
  });

  it('R5: every person’s total ≥ 0; capped part after reduction ≤ room; reduction only when capped > room, and then exactly to room', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = run(s);
        for (const p of result.persons) {
          const mine = result.lines.filter((l) => l.pnr === p.pnr);
          const cappedLines = mine.filter((l) => l.insideCap && l.kind !== 'Reduktion högkostnadsskydd');
          const reductions = mine.filter((l) => l.kind === 'Reduktion högkostnadsskydd');
          const capped = cappedLines.reduce((t, l) => t + l.amount.toNumber(), 0);
          const room = roomOf(s, p.pnr);

          expect(p.total.isNegative(), `${p.pnr} total ${p.total}`).toBe(false);
          expect(p.feesInsideCap.toNumber()).toBeCloseTo(capped, 9);
          expect(reductions.length).toBeLessThanOrEqual(1);
          expect(p.reduction.toNumber()).toBe(reductions[0]?.amount.toNumber() ?? 0);
          expect(p.feesInsideCap.plus(p.reduction).toNumber()).toBeLessThanOrEqual(room + 1e-9);
          if (p.feesInsideCap.toNumber() > room) {
            expect(p.feesInsideCap.plus(p.reduction).toNumber()).toBeCloseTo(room, 9);
            expect(reductions[0]!.rule).toBe('R5');
          } else {
            expect(reductions).toEqual([]);
          }
          // Uncapped lines are never reduced.
          const uncapped = mine.filter((l) => !l.insideCap).reduce((t, l) => t + l.amount.toNumber(), 0);
          expect(p.feesOutsideCap.toNumber()).toBeCloseTo(uncapped, 9);
          expect(p.total.equals(p.feesInsideCap.plus(p.reduction).plus(p.feesOutsideCap))).toBe(true);
        }
        expect(result.total.equals(sum([...result.persons].map((p) => p.total)))).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('R6: every amount on every line and summary is a whole number of öre', () => {
    const isOre = (d: { times: (n: number) => { isInteger: () => boolean } }) => d.times(100).isInteger();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = run(s);
        for (const l of r.lines) {
          expect(isOre(l.amount), `${l.kind} ${l.amount}`).toBe(true);
          if (l.unitPrice) expect(isOre(l.unitPrice)).toBe(true);
        }
        for (const p of r.persons)
          for (const a of [p.feesInsideCap, p.reduction, p.feesOutsideCap, p.total]) expect(isOre(a)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('R1: a monthly fee never exceeds the tariff amount, and is positive for every active category', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const l of run(s).lines.filter((x) => x.kind === 'Månadsavgift')) {
          expect(l.amount.lessThanOrEqualTo(l.unitPrice!)).toBe(true);
          expect(l.amount.isPositive() && !l.amount.isZero()).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('§4: only header, month and tariff problems are RunErrors — a register without required headers is one', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom('Personnummer', 'Tjänst', 'Installerad'), (s, drop) => {
        const headers = s.register.values[0]!.map((h) => (h === drop ? 'Något annat' : h));
        const register = { ...s.register, values: [headers, ...s.register.values.slice(1)] };
        let error: unknown;
        try {
          run(s, register);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(RunError);
        expect((error as RunError).message).toContain(drop);
      }),
      { numRuns: 50 },
    );
  });
});
