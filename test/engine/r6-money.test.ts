// R6: every amount is a decimal (decimal.js), kept to öre, shown with two decimals in Swedish.
import { describe, expect, it } from 'vitest';
import { amountFromCell, Decimal, formatKr, kr, roundToKrona, roundToOre, sum } from '../../src/engine/index.js';
import { abilitySheet, bill, linesOfKind, otherFeesSheet, P1, taxaSheet } from './helpers.js';

const lost = (cost: unknown, extra: Record<string, unknown> = {}) => ({
  Personnummer: P1,
  Tjänst: 'Larmknapp',
  Installerad: '2025-03-01',
  Avslutad: '2025-03-20',
  Återlämning: 'Borttappad',
  Kostnad: cost,
  ...extra,
});

describe('R6 amounts are decimals', () => {
  it('R6: every amount on lines and summaries is a Decimal, never a number', () => {
    const r = bill([lost(450), { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2025-03-02' }]);
    for (const l of r.lines) {
      expect(l.amount).toBeInstanceOf(Decimal);
      if (l.unitPrice !== undefined) expect(l.unitPrice).toBeInstanceOf(Decimal);
    }
    for (const p of r.persons)
      for (const a of [p.feesInsideCap, p.reduction, p.feesOutsideCap, p.total]) expect(a).toBeInstanceOf(Decimal);
    expect(r.total).toBeInstanceOf(Decimal);
    expect(r.maxtaxa).toBeInstanceOf(Decimal);
  });

  it('R6: 0.1 + 0.2 kr of Ersättning teknik is exactly 0.3 (not 0.30000000000000004)', () => {
    const r = bill([lost(0.1), lost(0.2, { 'Enhets-ID': 'other' })], '2025-03');
    expect(linesOfKind(r, 'Ersättning teknik').map((l) => l.amount.toString())).toEqual(['0.1', '0.2']);
    expect(r.persons.at(0).feesOutsideCap.toString()).toBe('0.3');
    expect(r.kindTotals.find((k) => k.kind === 'Ersättning teknik')!.amount.toString()).toBe('0.3');
    // with the 40 kr button fee of the union
    expect(r.total.toString()).toBe('40.3');
  });

  it('R6: decimal monthly fees from a Taxa sheet add up exactly (0.1 + 0.2 tariff amounts)', () => {
    const taxa = taxaSheet([{ from: '2025-01-01', alarm: 0.1, button: 0.2 }]);
    const r = bill(
      [
        { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' },
        { Personnummer: P1, Tjänst: 'Larmknapp', Installerad: '2024-01-01' },
      ],
      '2025-03',
      { taxa },
    );
    expect(r.persons.at(0).feesInsideCap.toString()).toBe('0.3');
    expect(r.total.toString()).toBe('0.3');
  });

  it('R6: sum of many öre amounts stays exact (1000 × 0.01 = 10)', () => {
    expect(sum(Array.from({ length: 1000 }, () => kr('0.01'))).toString()).toBe('10');
    expect(sum([kr(0.1), kr(0.2), kr(-0.3)]).isZero()).toBe(true);
  });

  it('R6: amountFromCell reads numbers through their shortest text (0.1 stays 0.1) and Swedish text', () => {
    expect(amountFromCell(0.1)!.toString()).toBe('0.1');
    expect(amountFromCell(1.005)!.toString()).toBe('1.005');
    expect(amountFromCell('450,50')!.toString()).toBe('450.5');
    expect(amountFromCell('2 400')!.toString()).toBe('2400');
    expect(amountFromCell('2\u00a0400,75 kr')!.toString()).toBe('2400.75');
    expect(amountFromCell('−97')!.toString()).toBe('-97');
    expect(amountFromCell('abc')).toBeUndefined();
    expect(amountFromCell('1,2,3')).toBeUndefined();
    expect(amountFromCell('')).toBeUndefined();
    expect(amountFromCell(Number.NaN)).toBeUndefined();
    expect(amountFromCell(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(amountFromCell(true)).toBeUndefined();
    expect(amountFromCell(null)).toBeUndefined();
  });

  it('R6: roundToKrona is half up (0.5 → 1, 1.5 → 2, 2.5 → 3, −0.5 → −1 away from zero)', () => {
    expect(['0.5', '1.5', '2.5', '2.4999', '-0.5'].map((v) => roundToKrona(kr(v)).toString())).toEqual([
      '1',
      '2',
      '3',
      '2',
      '-1',
    ]);
    // 1.005 as a float is 1.00499999…; as a decimal it rounds half up to 1.01.
    expect(roundToOre(kr('1.005')).toString()).toBe('1.01');
  });
});

describe('R6 amounts read from cells are kept to öre', () => {
  // Excel cells computed by a formula carry binary noise (=100,1*3 is 300.29999999999995).
  it('R6: a Kostnad cell with float noise (300.29999999999995) is charged as 300.30 kr', () => {
    const r = bill([lost(100.1 * 3)]);
    const [l] = linesOfKind(r, 'Ersättning teknik');
    expect(l!.amount.toString()).toBe('300.3');
    expect(l!.unitPrice!.toString()).toBe('300.3');
    expect(r.persons.at(0).feesOutsideCap.toString()).toBe('300.3');
  });

  it('R6: a Kostnad written with three decimals is kept to öre (450,555 → 450,56, half up)', () => {
    expect(linesOfKind(bill([lost('450,555')]), 'Ersättning teknik')[0]!.amount.toString()).toBe('450.56');
  });

  it('R6: Övriga avgifter and Avgiftsutrymme amounts are kept to öre, so the reduction is too', () => {
    const alarm = { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' };
    const withOther = bill([alarm], '2025-03', {
      otherFees: otherFeesSheet([{ Personnummer: P1, Månad: '2025-03', Belopp: 2500 + 0.1 + 0.2 - 0.3 }]),
    });
    expect(linesOfKind(withOther, 'Reduktion högkostnadsskydd')[0]!.amount.toString()).toBe('-97');
    const withAbility = bill([alarm], '2025-03', {
      ability: abilitySheet([{ Personnummer: P1, Avgiftsutrymme: 100.1 * 3 - 200 }]),
    });
    expect(linesOfKind(withAbility, 'Reduktion högkostnadsskydd')[0]!.amount.toString()).toBe('-138.7');
    expect(withAbility.persons.at(0).total.toString()).toBe('100.3');
  });

  it('R6: tariff amounts from the Taxa sheet are kept to öre', () => {
    const taxa = taxaSheet([{ from: '2025-01-01', alarm: 100.1 * 3, installation: 1.1 * 3 }]);
    const r = bill([{ Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' }], '2025-03', { taxa });
    expect(r.lines.map((l) => l.amount.toString())).toEqual(['300.3', '3.3']);
  });
});

describe('R6 formatKr (Swedish display)', () => {
  it('R6: whole kronor without decimals, thousands grouped with a space', () => {
    expect(formatKr(kr(239))).toBe('239 kr');
    expect(formatKr(kr(2642))).toBe('2 642 kr');
    expect(formatKr(kr(1234567))).toBe('1 234 567 kr');
    expect(formatKr(kr(0))).toBe('0 kr');
  });

  it('R6: öre with a decimal comma and two decimals', () => {
    expect(formatKr(kr('450.5'))).toBe('450,50 kr');
    expect(formatKr(kr('0.3'))).toBe('0,30 kr');
    expect(formatKr(kr(0.1).plus(kr(0.2)))).toBe('0,30 kr');
    expect(formatKr(kr('2400.05'))).toBe('2 400,05 kr');
    expect(formatKr(kr('1.005'))).toBe('1,01 kr');
  });

  it('R6: negative amounts with a minus sign', () => {
    expect(formatKr(kr(-97))).toBe('−97 kr');
    expect(formatKr(kr('-2642.5'))).toBe('−2 642,50 kr');
    expect(formatKr(kr('-0.001'))).toBe('0 kr'); // rounds to zero öre: no "−0"
  });

  it('R6: line explanations use the Swedish format', () => {
    const r = bill([lost('450,50')]);
    expect(linesOfKind(r, 'Ersättning teknik')[0]!.explanation).toContain('450,50 kr');
  });
});
