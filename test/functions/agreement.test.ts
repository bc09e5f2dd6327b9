// A formula and the invoice line give the same amount: every worked example of spec §8, then
// random rows under every proration, billed by billWorkbook and computed by the functions.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayFromIso, dayToIso, type Proration } from '../../src/engine/index.js';
import { aktivadagar, ersattning, fee, hks, installationsavgift, maxtaxa } from '../../src/functions/functions.js';
import { resetWorkbookTariff, setWorkbookSettings } from '../../src/functions/tariffSource.js';
import { amountOf, bill, errorOf, P1 } from './helpers.js';

beforeEach(() => resetWorkbookTariff());

describe('spec §8 worked examples (2025-03): formulas agree with the invoice', () => {
  it('A: Trygghetslarm installed 2025-03-12 → 239 + 200', () => {
    const r = bill([{ Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' }]);
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(amountOf(r, 'Månadsavgift'));
    expect(installationsavgift('Trygghetslarm', '2025-03-12')).toBe(amountOf(r, 'Installationsavgift'));
    expect([amountOf(r, 'Månadsavgift'), amountOf(r, 'Installationsavgift')]).toEqual([239, 200]);
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12') + installationsavgift('Trygghetslarm', '2025-03-12')).toBe(
      r.total.toNumber(),
    );
    expect(r.total.toNumber()).toBe(439);
  });

  it('B: Mobilt trygghetslarm and Digitalt lås the same day → 239 + one installation fee 200', () => {
    const rows = [
      { Tjänst: 'Mobilt trygghetslarm', Installerad: '2025-03-05' },
      { Tjänst: 'Digitalt lås', Installerad: '2025-03-05' },
    ];
    const r = bill(rows);
    // Different categories: the Månadsavgift lines are the sum of the rows' formulas (lås is 0 kr).
    expect(fee('Mobilt trygghetslarm', '2025-03', '2025-03-05') + fee('Digitalt lås', '2025-03', '2025-03-05')).toBe(
      amountOf(r, 'Månadsavgift'),
    );
    // One occasion: the single line equals the fee of each row of it, not their sum.
    expect(installationsavgift('Mobilt trygghetslarm', '2025-03-05')).toBe(amountOf(r, 'Installationsavgift'));
    expect(installationsavgift('Digitalt lås', '2025-03-05')).toBe(amountOf(r, 'Installationsavgift'));
    expect(amountOf(r, 'Installationsavgift')).toBe(200);
    expect(fee('Mobilt trygghetslarm', '2025-03', '2025-03-05') + installationsavgift('Digitalt lås', '2025-03-05')).toBe(
      r.total.toNumber(),
    );
    expect(r.total.toNumber()).toBe(439);
  });

  it('C: alarm swapped on 2025-03-14 (Byte) → 239 once, no installation fee', () => {
    const r = bill([
      { Tjänst: 'Trygghetslarm', Installerad: '2023-05-01', Avslutad: '2025-03-14', Återlämning: 'Återlämnad' },
      { Tjänst: 'Trygghetslarm', Installerad: '2025-03-14', Installationstyp: 'Byte' },
    ]);
    // Same category: the invoice bills the union of days once; each row's formula gives that line's amount.
    expect(fee('Trygghetslarm', '2025-03', '2023-05-01', '2025-03-14')).toBe(amountOf(r, 'Månadsavgift'));
    expect(fee('Trygghetslarm', '2025-03', '2025-03-14')).toBe(amountOf(r, 'Månadsavgift'));
    expect(installationsavgift('Trygghetslarm', '2025-03-14', 'Byte')).toBe(amountOf(r, 'Installationsavgift'));
    expect([amountOf(r, 'Månadsavgift'), amountOf(r, 'Installationsavgift')]).toEqual([239, 0]);
    expect(aktivadagar('2025-03', '2023-05-01', '2025-03-14') + aktivadagar('2025-03', '2025-03-14') - 1).toBe(31); // the swap day counts once
    expect(ersattning('Återlämnad', '2025-03', '2025-03-14')).toBe(amountOf(r, 'Ersättning teknik'));
    expect(r.total.toNumber()).toBe(239);
  });

  it('D: Larmknapp since 2024-01-01, ended 2025-03-20 Borttappad, Kostnad 450 → 40 + Ersättning teknik 450', () => {
    const r = bill([
      {
        Tjänst: 'Larmknapp sammanboende',
        Installerad: '2024-01-01',
        Avslutad: '2025-03-20',
        Återlämning: 'Borttappad',
        Kostnad: 450,
      },
    ]);
    expect(fee('Larmknapp sammanboende', '2025-03', '2024-01-01', '2025-03-20')).toBe(amountOf(r, 'Månadsavgift'));
    expect(amountOf(r, 'Månadsavgift')).toBe(40);
    expect(installationsavgift('Larmknapp sammanboende', '2024-01-01')).toBe(0);
    expect(ersattning('Borttappad', '2025-03', '2025-03-20', null, 450)).toBe(amountOf(r, 'Ersättning teknik'));
    expect(amountOf(r, 'Ersättning teknik')).toBe(450);
    expect(
      fee('Larmknapp sammanboende', '2025-03', '2024-01-01', '2025-03-20') +
        ersattning('Borttappad', '2025-03', '2025-03-20', null, 450),
    ).toBe(r.total.toNumber());
    expect(r.total.toNumber()).toBe(490);
  });

  it('E: Övriga avgifter 2 500 → 239 reduced by 97 to 142', () => {
    const r = bill([{ Tjänst: 'Trygghetslarm', Installerad: '2024-06-01' }], {
      otherFees: [{ Personnummer: P1, Månad: '2025-03', Belopp: 2500 }],
    });
    const monthly = fee('Trygghetslarm', '2025-03', '2024-06-01');
    expect(monthly).toBe(amountOf(r, 'Månadsavgift'));
    expect(maxtaxa('2025-03')).toBe(r.maxtaxa.toNumber());
    const charged = hks(monthly, 2500, '', '2025-03');
    expect(charged).toBe(amountOf(r, 'Månadsavgift') + amountOf(r, 'Reduktion högkostnadsskydd'));
    expect(charged - monthly).toBe(amountOf(r, 'Reduktion högkostnadsskydd'));
    expect([charged, amountOf(r, 'Reduktion högkostnadsskydd')]).toEqual([142, -97]);
    expect(charged).toBe(r.total.toNumber());
  });

  it('F: Avgiftsutrymme 0 → 239 reduced to 0, the Digital tillsyn installation fee 200 stays', () => {
    const r = bill(
      [
        { Tjänst: 'Trygghetslarm', Installerad: '2024-06-01' },
        { Tjänst: 'Digital tillsyn', Installerad: '2025-03-20' },
      ],
      { ability: [{ Personnummer: P1, Avgiftsutrymme: 0 }] },
    );
    const monthly = fee('Trygghetslarm', '2025-03', '2024-06-01') + fee('Digital tillsyn', '2025-03', '2025-03-20');
    expect(monthly).toBe(amountOf(r, 'Månadsavgift'));
    expect(installationsavgift('Digital tillsyn', '2025-03-20')).toBe(amountOf(r, 'Installationsavgift'));
    expect(hks(monthly, 0, 0, '2025-03')).toBe(amountOf(r, 'Månadsavgift') + amountOf(r, 'Reduktion högkostnadsskydd'));
    expect(hks(monthly, 0, 0, '2025-03') + installationsavgift('Digital tillsyn', '2025-03-20')).toBe(r.total.toNumber());
    expect(r.total.toNumber()).toBe(200);
  });

  it('G: Trygghetslarm ended 2025-01-31, Ej återlämnad, reminder 2025-02-10 → Ersättning teknik 2 400 due 2025-03-12', () => {
    const r = bill([
      {
        Tjänst: 'Trygghetslarm',
        Installerad: '2022-01-01',
        Avslutad: '2025-01-31',
        Återlämning: 'Ej återlämnad',
        Påminnelse: '2025-02-10',
        Kostnad: 2400,
      },
    ]);
    expect(fee('Trygghetslarm', '2025-03', '2022-01-01', '2025-01-31')).toBe(amountOf(r, 'Månadsavgift'));
    expect(amountOf(r, 'Månadsavgift')).toBe(0);
    expect(ersattning('Ej återlämnad', '2025-03', '2025-01-31', '2025-02-10', 2400)).toBe(amountOf(r, 'Ersättning teknik'));
    expect(amountOf(r, 'Ersättning teknik')).toBe(2400);
    expect(r.total.toNumber()).toBe(2400);
    const february = bill(
      [
        {
          Tjänst: 'Trygghetslarm',
          Installerad: '2022-01-01',
          Avslutad: '2025-01-31',
          Återlämning: 'Ej återlämnad',
          Påminnelse: '2025-02-10',
          Kostnad: 2400,
        },
      ],
      { month: '2025-02' },
    );
    expect(ersattning('Ej återlämnad', '2025-02', '2025-01-31', '2025-02-10', 2400)).toBe(
      amountOf(february, 'Ersättning teknik'),
    );
    expect(amountOf(february, 'Ersättning teknik')).toBe(0);
  });

  it('H: case A under days-30 → 159 for 20 days + 200', () => {
    setWorkbookSettings({ proration: 'days-30' });
    const r = bill([{ Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' }], { settings: { proration: 'days-30' } });
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(amountOf(r, 'Månadsavgift'));
    expect(aktivadagar('2025-03', '2025-03-12')).toBe(r.lines[0]!.quantity);
    expect(installationsavgift('Trygghetslarm', '2025-03-12')).toBe(amountOf(r, 'Installationsavgift'));
    expect(amountOf(r, 'Månadsavgift') + amountOf(r, 'Installationsavgift')).toBe(359);
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12') + installationsavgift('Trygghetslarm', '2025-03-12')).toBe(
      r.total.toNumber(),
    );
  });
});

describe('random rows: FEE, INSTALLATIONSAVGIFT, AKTIVADAGAR and HKS agree with billWorkbook', () => {
  const SERVICES = ['Trygghetslarm', 'GPS-larm', 'Larmknapp sammanboende', 'Digitalt lås', 'Digital tillsyn'];
  const START = dayFromIso('2025-01-01')!;
  const arbRow = fc.record({
    service: fc.constantFrom(...SERVICES),
    installed: fc.integer({ min: 0, max: 500 }),
    length: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    housing: fc.constantFrom(null, 'Ordinärt boende', 'Särskilt boende'),
    installType: fc.constantFrom(null, 'Ny', 'Byte'),
  });
  const arbMonth = fc
    .integer({ min: 0, max: 17 })
    .map((i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

  it('for one row in any month under any proration', () => {
    fc.assert(
      fc.property(
        arbRow,
        arbMonth,
        fc.constantFrom<Proration>('started-month', 'days-30', 'actual-days'),
        (row, month, proration) => {
          resetWorkbookTariff();
          setWorkbookSettings({ proration });
          const installed = dayToIso(START + row.installed);
          const ended = row.length === undefined ? null : dayToIso(START + row.installed + row.length);
          const r = bill(
            [
              {
                Tjänst: row.service,
                Installerad: installed,
                Avslutad: ended,
                Boende: row.housing,
                Installationstyp: row.installType,
              },
            ],
            { month, settings: { proration } },
          );
          expect(r.problems.filter((p) => p.severity === 'Fel')).toEqual([]);
          expect(fee(row.service, month, installed, ended, row.housing)).toBe(amountOf(r, 'Månadsavgift'));
          const monthLine = r.lines.find((l) => l.kind === 'Månadsavgift');
          if (monthLine && proration !== 'started-month') expect(aktivadagar(month, installed, ended)).toBe(monthLine.quantity);
          // R3 is charged in the installation month only.
          const inMonth = installed.startsWith(month);
          expect(inMonth ? installationsavgift(row.service, installed, row.installType) : 0).toBe(
            amountOf(r, 'Installationsavgift'),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for a person with an alarm and a button, other capped fees and perhaps an avgiftsutrymme', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
        arbMonth,
        fc.integer({ min: 0, max: 27 }),
        (other, ability, month, day) => {
          resetWorkbookTariff();
          const alarmFrom = `${month}-${String(day + 1).padStart(2, '0')}`;
          const r = bill(
            [
              { Tjänst: 'Trygghetslarm', Installerad: alarmFrom, Installationstyp: 'Byte' },
              { Tjänst: 'Larmknapp', Installerad: '2025-01-01' },
            ],
            {
              month,
              otherFees: [{ Personnummer: P1, Månad: month, Belopp: other }],
              ...(ability === undefined ? {} : { ability: [{ Personnummer: P1, Avgiftsutrymme: ability }] }),
            },
          );
          const capped = fee('Trygghetslarm', month, alarmFrom) + fee('Larmknapp', month, '2025-01-01');
          expect(capped).toBe(amountOf(r, 'Månadsavgift'));
          expect(hks(capped, other, ability ?? '', month)).toBe(capped + amountOf(r, 'Reduktion högkostnadsskydd'));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a wrong row gives the same message as the Problem sheet', () => {
  const cases: Array<{ row: Record<string, unknown>; call: () => unknown }> = [
    { row: { Tjänst: 'Rökdetektor', Installerad: '2025-03-12' }, call: () => fee('Rökdetektor', '2025-03', '2025-03-12') },
    { row: { Tjänst: null, Installerad: '2025-03-12' }, call: () => fee('', '2025-03', '2025-03-12') },
    { row: { Tjänst: 'Larm', Installerad: null }, call: () => fee('Larm', '2025-03', '') },
    { row: { Tjänst: 'Larm', Installerad: '12/3/2025' }, call: () => fee('Larm', '2025-03', '12/3/2025') },
    {
      row: { Tjänst: 'Larm', Installerad: '2025-03-12', Avslutad: 'snart' },
      call: () => fee('Larm', '2025-03', '2025-03-12', 'snart'),
    },
    {
      row: { Tjänst: 'Larm', Installerad: '2025-03-12', Avslutad: '2025-03-01' },
      call: () => fee('Larm', '2025-03', '2025-03-12', '2025-03-01'),
    },
    {
      row: { Tjänst: 'Larm', Installerad: '2025-03-12', Boende: 'Hemma' },
      call: () => fee('Larm', '2025-03', '2025-03-12', null, 'Hemma'),
    },
    {
      row: { Tjänst: 'Larm', Installerad: '2025-03-12', Installationstyp: 'Flytt' },
      call: () => installationsavgift('Larm', '2025-03-12', 'Flytt'),
    },
    { row: { Tjänst: 'Larm', Installerad: '2025-03-12', Återlämning: 'Tappad' }, call: () => ersattning('Tappad', '2025-03') },
    {
      row: { Tjänst: 'Larm', Installerad: '2025-03-12', Återlämning: 'Obrukbar' },
      call: () => ersattning('Obrukbar', '2025-03'),
    },
    {
      row: { Tjänst: 'Larm', Installerad: '2025-01-12', Avslutad: '2025-03-20', Återlämning: 'Borttappad' },
      call: () => ersattning('Borttappad', '2025-03', '2025-03-20'),
    },
    {
      row: { Tjänst: 'Larm', Installerad: '2025-01-12', Återlämning: 'Ej återlämnad', Påminnelse: '2025-02-10', Kostnad: '-1' },
      call: () => ersattning('Ej återlämnad', '2025-03', null, '2025-02-10', '-1'),
    },
    {
      row: { Tjänst: 'Larm', Installerad: '2025-01-12', Återlämning: 'Ej återlämnad', Påminnelse: '10 feb' },
      call: () => ersattning('Ej återlämnad', '2025-03', null, '10 feb'),
    },
  ];

  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_i, { row, call }) => {
    const problem = bill([row]).problems.find((p) => p.severity === 'Fel')!;
    expect(problem).toBeDefined();
    const error = errorOf(call);
    expect(error.code).toBe('#VALUE!');
    // The function may name the column in front; the sentence itself is the register's.
    expect([problem.message, `${problem.column}: ${problem.message}`]).toContain(error.message);
  });
});
