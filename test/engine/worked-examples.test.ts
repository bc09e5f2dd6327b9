// Spec §8: every worked example, month 2025-03, default tariff and settings.
import { describe, expect, it } from 'vitest';
import { bill, linesOf, P1, sheetOf, totalOf } from './helpers.js';

describe('spec §8 worked examples (2025-03)', () => {
  it('A: new Trygghetslarm 2025-03-12 → Månadsavgift 239 + Installationsavgift 200 (R1, R3)', () => {
    const r = bill([{ Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' }]);
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
    ]);
    expect(r.lines.map((l) => l.rule)).toEqual(['R1', 'R3']);
    expect(totalOf(r)).toBe(439);
  });

  it('B: Mobilt trygghetslarm and Digitalt lås the same day → 239 + one installation fee (R3)', () => {
    const r = bill([
      { Personnummer: P1, Tjänst: 'Mobilt trygghetslarm', Installerad: '2025-03-05' },
      { Personnummer: P1, Tjänst: 'Digitalt lås', Installerad: '2025-03-05' },
    ]);
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
    ]);
    expect(r.lines[1]!.sourceRows).toEqual([2, 3]);
  });

  it('C: alarm swapped on the same day, Byte → 239 once, no installation fee', () => {
    const r = bill([
      { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2023-05-01', Avslutad: '2025-03-14', Återlämning: 'Återlämnad' },
      { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2025-03-14', Installationstyp: 'Byte' },
    ]);
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
    expect(r.problems).toEqual([]);
  });

  it('D: Larmknapp ended 2025-03-20, Borttappad, Kostnad 450 → 40 + 450 (R1, R4)', () => {
    const r = bill([
      {
        Personnummer: P1,
        Tjänst: 'Larmknapp sammanboende',
        Installerad: '2024-01-01',
        Avslutad: '2025-03-20',
        Återlämning: 'Borttappad',
        Kostnad: 450,
      },
    ]);
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 40],
      ['Ersättning teknik', 450],
    ]);
    expect(r.lines[1]!.insideCap).toBe(false);
    expect(totalOf(r)).toBe(490);
  });

  it('E: Övriga avgifter 2 500 → Reduktion −97, total 142 (R5)', () => {
    const r = bill([{ Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2024-06-01' }], '2025-03', {
      otherFees: sheetOf(
        'Övriga avgifter',
        [{ Personnummer: P1, Månad: '2025-03', Belopp: 2500 }],
        ['Personnummer', 'Månad', 'Belopp'],
      ),
    });
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Reduktion högkostnadsskydd', -97],
    ]);
    expect(r.lines[1]!.rule).toBe('R5');
    expect(totalOf(r)).toBe(142);
  });

  it('F: Avgiftsutrymme 0 → 239 reduced to 0, installation fee 200 stays (R5 never reduces R3)', () => {
    const r = bill(
      [
        { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2024-06-01' },
        { Personnummer: P1, Tjänst: 'Digital tillsyn', Installerad: '2025-03-20' },
      ],
      '2025-03',
      {
        ability: sheetOf('Avgiftsutrymme', [{ Personnummer: P1, Avgiftsutrymme: 0 }], ['Personnummer', 'Avgiftsutrymme']),
      },
    );
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
      ['Reduktion högkostnadsskydd', -239],
    ]);
    expect(totalOf(r)).toBe(200);
  });

  it('G: Ej återlämnad, Påminnelse 2025-02-10 → due 2025-03-12 → Ersättning teknik 2 400 (R4)', () => {
    const row = {
      Personnummer: P1,
      Tjänst: 'Trygghetslarm',
      Installerad: '2022-01-01',
      Avslutad: '2025-01-31',
      Återlämning: 'Ej återlämnad',
      Påminnelse: '2025-02-10',
      Kostnad: 2400,
    };
    const r = bill([row]);
    expect(linesOf(r)).toEqual([['Ersättning teknik', 2400]]);
    expect(r.lines[0]!.explanation).toContain('2025-03-12');
    expect(linesOf(bill([row], '2025-02'))).toEqual([]);
    expect(linesOf(bill([row], '2025-04'))).toEqual([]);
  });

  it('H: case A under days-30 → round(239 × 20 / 30) = 159 + 200 = 359', () => {
    const r = bill(
      [{ Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' }],
      '2025-03',
      {},
      { settings: { proration: 'days-30' } },
    );
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 159],
      ['Installationsavgift', 200],
    ]);
    expect(r.lines[0]!.quantity).toBe(20);
    expect(totalOf(r)).toBe(359);
  });
});
