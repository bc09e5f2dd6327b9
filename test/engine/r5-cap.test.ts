// R5 / §3: högkostnadsskydd. room = max(0, min(maxtaxa, avgiftsutrymme) − other capped fees).
import { describe, expect, it } from 'vitest';
import {
  applyCap,
  DEFAULT_PRISBASBELOPP,
  kr,
  maxtaxaForYear,
  maxtaxaFromPrisbasbelopp,
  RunError,
} from '../../src/engine/index.js';
import { abilitySheet, bill, linesOf, linesOfKind, otherFeesSheet, P1, P2, runErrorOf, taxaSheet } from './helpers.js';

// §3 table: year, prisbasbelopp, maxtaxa kr/month.
const SPEC_TABLE: Array<[number, number, number]> = [
  [2019, 46500, 2089],
  [2020, 47300, 2125],
  [2021, 47600, 2139],
  [2022, 48300, 2170],
  [2023, 52500, 2359],
  [2024, 57300, 2575],
  [2025, 58800, 2642],
  [2026, 59200, 2660],
];

const alarm = (pnr = P1) => ({ Personnummer: pnr, Tjänst: 'Trygghetslarm', Installerad: '2018-01-01' });
const button = (pnr = P1) => ({ Personnummer: pnr, Tjänst: 'Larmknapp', Installerad: '2018-01-01' });
const reduction = (r: ReturnType<typeof bill>) => linesOfKind(r, 'Reduktion högkostnadsskydd').map((l) => l.amount.toNumber());

describe('R5 maxtaxa per year (§3 table)', () => {
  for (const [year, pbb, cap] of SPEC_TABLE) {
    it(`R5: ${year}: prisbasbelopp ${pbb} → maxtaxa ${cap} kr/month (1/12 × 0.5392 × pbb, half up)`, () => {
      expect(DEFAULT_PRISBASBELOPP.get(year)!.prisbasbelopp.toNumber()).toBe(pbb);
      expect(maxtaxaForYear(DEFAULT_PRISBASBELOPP, year)!.toNumber()).toBe(cap);
      expect(maxtaxaFromPrisbasbelopp(kr(pbb)).toNumber()).toBe(cap);
    });
  }

  it('R5: every year 2019–2026 is billable with a tariff in force, and the run uses that year’s cap', () => {
    const taxa = taxaSheet([{ from: '2019-01-01' }]);
    for (const [year, , cap] of SPEC_TABLE) {
      const r = bill([alarm()], `${year}-06`, {
        taxa,
        otherFees: otherFeesSheet([{ Personnummer: P1, Månad: `${year}-06`, Belopp: cap - 100 }]),
      });
      expect(r.maxtaxa.toNumber()).toBe(cap);
      expect(reduction(r)).toEqual([-139]); // room 100, fee 239
    }
  });

  it('R5: the formula rounds half up at exactly .5 (pbb 63 750 → 2 864.5 → 2 865; 3 750 → 168.5 → 169)', () => {
    expect(maxtaxaFromPrisbasbelopp(kr(63750)).toString()).toBe('2865');
    expect(maxtaxaFromPrisbasbelopp(kr(3750)).toString()).toBe('169');
  });

  it('R5: a billing month whose year has no prisbasbelopp → RunError naming the year', () => {
    const e = runErrorOf(() => bill([alarm()], '2027-01'));
    expect(e).toBeInstanceOf(RunError);
    expect(e.message).toContain('2027');
    expect(e.message).toMatch(/Prisbasbelopp saknas/);
  });

  it('R5: a month before the first tariff version → RunError (no tariff in force)', () => {
    const e = runErrorOf(() => bill([alarm()], '2024-12'));
    expect(e.message).toContain('2024-12');
  });
});

describe('R5 room and reduction', () => {
  it('R5: applyCap — room = max(0, min(maxtaxa, ability) − other); reduction = room − capped when capped > room', () => {
    const cap = (capped: number, other: number, ability?: number) => {
      const o = applyCap(kr(capped), kr(2642), kr(other), ability === undefined ? undefined : kr(ability));
      return [o.room.toNumber(), o.reduction.toNumber()];
    };
    expect(cap(239, 0)).toEqual([2642, 0]);
    expect(cap(239, 2500)).toEqual([142, -97]);
    expect(cap(239, 2403)).toEqual([239, 0]); // exactly fits: no reduction
    expect(cap(239, 2404)).toEqual([238, -1]);
    expect(cap(239, 5000)).toEqual([0, -239]); // room never negative
    expect(cap(239, 0, 100)).toEqual([100, -139]); // ability below maxtaxa limits
    expect(cap(239, 0, 5000)).toEqual([2642, 0]); // ability above maxtaxa: maxtaxa limits
    expect(cap(279, 50, 300)).toEqual([250, -29]); // both: min(2642, 300) − 50
    expect(cap(239, 400, 300)).toEqual([0, -239]);
    expect(cap(0, 5000)).toEqual([0, 0]);
  });

  it('R5: other capped fees for the month from several rows are summed', () => {
    const r = bill([alarm()], '2025-03', {
      otherFees: otherFeesSheet([
        { Personnummer: P1, Månad: '2025-03', Belopp: 1200 },
        { Personnummer: P1, Månad: '2025-03-15', Belopp: '1 300' },
        { Personnummer: P1, Månad: '2025-02', Belopp: 2000 }, // another month: ignored
        { Personnummer: P2, Månad: '2025-03', Belopp: 2642 }, // another person: ignored for P1
      ]),
    });
    expect(reduction(r)).toEqual([-97]); // 2642 − 2500 = 142
    const red = linesOfKind(r, 'Reduktion högkostnadsskydd')[0]!;
    expect(red.otherSources).toEqual(['Övriga avgifter!2', 'Övriga avgifter!3']);
    expect(red.sourceRows).toEqual([2]);
    expect(red.rule).toBe('R5');
    expect(red.insideCap).toBe(true);
    expect(red.unitPrice).toBeUndefined();
    expect(r.persons.at(0).total.toNumber()).toBe(142);
  });

  it('R5: Övriga avgifter with a 10-digit personnummer matches the same person', () => {
    const r = bill([alarm()], '2025-03', {
      otherFees: otherFeesSheet([{ Personnummer: '400101-1230', Månad: '2025-03', Belopp: 2600 }]),
    });
    expect(reduction(r)).toEqual([-197]);
  });

  it('R5: an avgiftsutrymme below the maxtaxa limits the capped fees', () => {
    const r = bill([alarm(), button()], '2025-03', { ability: abilitySheet([{ Personnummer: P1, Avgiftsutrymme: 150 }]) });
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Månadsavgift', 40],
      ['Reduktion högkostnadsskydd', -129],
    ]);
    expect(linesOfKind(r, 'Reduktion högkostnadsskydd')[0]!.otherSources).toEqual(['Avgiftsutrymme!2']);
    expect(r.persons.at(0)).toMatchObject({ pnr: P1 });
    expect(r.persons.at(0).feesInsideCap.toNumber()).toBe(279);
    expect(r.persons.at(0).reduction.toNumber()).toBe(-129);
    expect(r.persons.at(0).total.toNumber()).toBe(150);
  });

  it('R5: avgiftsutrymme and other fees together: min(maxtaxa, ability) − other', () => {
    const r = bill([alarm()], '2025-03', {
      ability: abilitySheet([{ Personnummer: P1, Avgiftsutrymme: 300 }]),
      otherFees: otherFeesSheet([{ Personnummer: P1, Månad: '2025-03', Belopp: 200 }]),
    });
    expect(reduction(r)).toEqual([-139]); // room 100
  });

  it('R5: room never negative — other fees above the cap reduce the capped part to exactly 0', () => {
    const r = bill([alarm(), button()], '2025-03', {
      otherFees: otherFeesSheet([{ Personnummer: P1, Månad: '2025-03', Belopp: 9000 }]),
    });
    expect(reduction(r)).toEqual([-279]);
    expect(r.persons.at(0).total.toNumber()).toBe(0);
  });

  it('R5: fees under the room are not reduced; no reduction line', () => {
    const r = bill([alarm()], '2025-03', { otherFees: otherFeesSheet([{ Personnummer: P1, Månad: '2025-03', Belopp: 2403 }]) });
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
  });

  it('R5: uncapped fees (installation, Ersättning teknik) are never reduced, even with room 0', () => {
    const r = bill(
      [
        { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' },
        {
          Personnummer: P1,
          Tjänst: 'Larmknapp',
          Installerad: '2024-01-01',
          Avslutad: '2025-03-20',
          Återlämning: 'Borttappad',
          Kostnad: 450,
        },
      ],
      '2025-03',
      { otherFees: otherFeesSheet([{ Personnummer: P1, Månad: '2025-03', Belopp: 3000 }]) },
    );
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Månadsavgift', 40],
      ['Installationsavgift', 200],
      ['Ersättning teknik', 450],
      ['Reduktion högkostnadsskydd', -279],
    ]);
    const p = r.persons.at(0);
    expect([p.feesInsideCap.toNumber(), p.reduction.toNumber(), p.feesOutsideCap.toNumber(), p.total.toNumber()]).toEqual([
      279, -279, 650, 650,
    ]);
  });

  it('R5: a person with only uncapped lines gets no reduction line even when other fees exceed the cap', () => {
    const r = bill([{ Personnummer: P1, Tjänst: 'Digitalt lås', Installerad: '2025-03-12' }], '2025-03', {
      otherFees: otherFeesSheet([{ Personnummer: P1, Månad: '2025-03', Belopp: 9000 }]),
    });
    expect(linesOf(r)).toEqual([['Installationsavgift', 200]]);
  });

  it('R5: the cap is per person — another person’s other fees do not reduce this person', () => {
    const r = bill([alarm(P1), alarm(P2)], '2025-03', {
      otherFees: otherFeesSheet([{ Personnummer: P2, Månad: '2025-03', Belopp: 2642 }]),
    });
    expect(r.lines.map((l) => [l.pnr, l.kind, l.amount.toNumber()])).toEqual([
      [P2, 'Månadsavgift', 239],
      [P2, 'Reduktion högkostnadsskydd', -239],
      [P1, 'Månadsavgift', 239],
    ]);
  });

  it('R5: a maxtaxa override in the Taxa sheet is used instead of the formula', () => {
    const taxa = taxaSheet([{ from: '2025-01-01' }], [{ year: 2025, prisbasbelopp: 58800, maxtaxa: 200 }]);
    const r = bill([alarm()], '2025-03', { taxa });
    expect(r.maxtaxa.toNumber()).toBe(200);
    expect(reduction(r)).toEqual([-39]);
  });

  it('R5: the reduction explanation is a Swedish sentence with the amounts', () => {
    const r = bill([alarm()], '2025-03', { otherFees: otherFeesSheet([{ Personnummer: P1, Månad: '2025-03', Belopp: 2500 }]) });
    const e = linesOfKind(r, 'Reduktion högkostnadsskydd')[0]!.explanation;
    expect(e).toContain('2 642 kr');
    expect(e).toContain('142 kr');
    expect(e).toContain('97 kr');
  });
});
