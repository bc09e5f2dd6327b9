// R3: one installation fee per installation occasion = (person, installation date).
import { describe, expect, it } from 'vitest';
import { dayToIso } from '../../src/engine/index.js';
import { abilitySheet, bill, linesOf, linesOfKind, P1, P2, taxaSheet } from './helpers.js';

const row = (service: string, installed: string, extra: Record<string, unknown> = {}) => ({
  Personnummer: P1,
  Tjänst: service,
  Installerad: installed,
  ...extra,
});

const installs = (r: ReturnType<typeof bill>) => linesOfKind(r, 'Installationsavgift').map((l) => l.amount.toNumber());

describe('R3 installation fee', () => {
  it('R3: a new alarm installed in the month → 200 kr outside the cap, Antal 1, source row', () => {
    const r = bill([row('Trygghetslarm', '2025-03-12')]);
    const [l] = linesOfKind(r, 'Installationsavgift');
    expect(l!.amount.toNumber()).toBe(200);
    expect(l!.unitPrice!.toNumber()).toBe(200);
    expect(l!.insideCap).toBe(false);
    expect(l!.quantity).toBe(1);
    expect(l!.rule).toBe('R3');
    expect(l!.sourceRows).toEqual([2]);
    expect(l!.explanation).toContain('2025-03-12');
  });

  it('R3: three devices on the same day → one fee naming all rows', () => {
    const r = bill([
      row('Trygghetslarm', '2025-03-05', { 'Enhets-ID': 'A1' }),
      row('Digitalt lås', '2025-03-05', { 'Enhets-ID': 'L1' }),
      row('Digital tillsyn', '2025-03-05', { 'Enhets-ID': 'T1' }),
    ]);
    expect(installs(r)).toEqual([200]);
    const l = linesOfKind(r, 'Installationsavgift')[0]!;
    expect(l.sourceRows).toEqual([2, 3, 4]);
    expect(l.services).toBe('Trygghetslarm, Digitalt lås, Digital tillsyn');
    expect(l.deviceIds).toBe('A1, L1, T1');
  });

  it('R3: two installation dates in the month → two fees, ordered by register row (§7)', () => {
    const r = bill([row('Digitalt lås', '2025-03-20'), row('Trygghetslarm', '2025-03-03')]);
    expect(installs(r)).toEqual([200, 200]);
    expect(linesOfKind(r, 'Installationsavgift').map((l) => l.sourceRows)).toEqual([[2], [3]]);
    expect(linesOfKind(r, 'Installationsavgift').map((l) => l.explanation.match(/\d{4}-\d{2}-\d{2}/)![0])).toEqual([
      '2025-03-20',
      '2025-03-03',
    ]);
  });

  it('R3: the same date for two different persons → one fee each', () => {
    const r = bill([row('Trygghetslarm', '2025-03-05'), { ...row('Trygghetslarm', '2025-03-05'), Personnummer: P2 }]);
    expect(
      linesOfKind(r, 'Installationsavgift')
        .map((l) => l.pnr)
        .sort(),
    ).toEqual([P2, P1].sort());
  });

  it('R3: Installationstyp Byte gives no installation fee', () => {
    expect(installs(bill([row('Trygghetslarm', '2025-03-12', { Installationstyp: 'Byte' })]))).toEqual([]);
    expect(installs(bill([row('Trygghetslarm', '2025-03-12', { Installationstyp: ' byte ' })]))).toEqual([]);
  });

  it('R3: Installationstyp Ny is the same as empty', () => {
    expect(installs(bill([row('Trygghetslarm', '2025-03-12', { Installationstyp: 'Ny' })]))).toEqual([200]);
  });

  it('R3: a Byte and a new device on the same day → still one fee, from the new one', () => {
    const r = bill([row('Trygghetslarm', '2025-03-12', { Installationstyp: 'Byte' }), row('Digitalt lås', '2025-03-12')]);
    expect(installs(r)).toEqual([200]);
    expect(linesOfKind(r, 'Installationsavgift')[0]!.sourceRows).toEqual([3]);
  });

  it('R3: a Larmknapp (button) installation carries no fee', () => {
    const r = bill([row('Larmknapp sammanboende', '2025-03-12')]);
    expect(linesOf(r)).toEqual([['Månadsavgift', 40]]);
  });

  it('R3: Digitalt lås and Digital tillsyn (0-kr monthly fee) still carry the installation fee', () => {
    expect(linesOf(bill([row('Nyckelfri hemtjänst', '2025-03-12')]))).toEqual([['Installationsavgift', 200]]);
    expect(linesOf(bill([row('Kameratillsyn', '2025-03-12')]))).toEqual([['Installationsavgift', 200]]);
  });

  it('R3: charged only in the month of the installation date', () => {
    expect(installs(bill([row('Trygghetslarm', '2025-02-28')], '2025-03'))).toEqual([]);
    expect(installs(bill([row('Trygghetslarm', '2025-04-01')], '2025-03'))).toEqual([]);
    expect(installs(bill([row('Trygghetslarm', '2025-03-31')], '2025-03'))).toEqual([200]);
    expect(installs(bill([row('Trygghetslarm', '2025-03-01')], '2025-03'))).toEqual([200]);
  });

  it('R3: never reduced by the cap (Mjölby: outside högkostnadsskydd)', () => {
    const r = bill([row('Trygghetslarm', '2025-03-12')], '2025-03', {
      ability: abilitySheet([{ Personnummer: P1, Avgiftsutrymme: 0 }]),
    });
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
      ['Reduktion högkostnadsskydd', -239],
    ]);
  });

  it('R3: the tariff version in force on the installation date decides the fee (version from mid-month)', () => {
    const taxa = taxaSheet([{ from: '2025-01-01' }, { from: '2026-03-15', installation: 350, alarm: 260 }]);
    const r = bill(
      [row('Trygghetslarm', '2026-03-10'), row('Digitalt lås', '2026-03-15'), row('Digital tillsyn', '2026-03-31')],
      '2026-03',
      { taxa },
    );
    expect(installs(r)).toEqual([200, 350, 350]);
    // The monthly fee follows the version in force on the month's first day (§2).
    expect(linesOfKind(r, 'Månadsavgift').map((l) => l.amount.toNumber())).toEqual([239]);
    expect(dayToIso(r.tariffVersion.validFrom)).toBe('2025-01-01');
    expect(
      linesOfKind(bill([row('Trygghetslarm', '2026-04-02')], '2026-04', { taxa }), 'Månadsavgift')[0]!.amount.toNumber(),
    ).toBe(260);
  });

  it('R3: an installation fee of 0 kr in the tariff gives no line', () => {
    const taxa = taxaSheet([{ from: '2025-01-01', installation: 0 }]);
    expect(linesOf(bill([row('Trygghetslarm', '2025-03-12')], '2025-03', { taxa }))).toEqual([['Månadsavgift', 239]]);
  });

  it('R3: installation fee inside the cap when the Taxa sheet says so (and then it can be reduced)', () => {
    const taxa = taxaSheet([{ from: '2025-01-01', installationCapped: true }]);
    const plain = bill([row('Trygghetslarm', '2025-03-12')], '2025-03', { taxa });
    const l = linesOfKind(plain, 'Installationsavgift')[0]!;
    expect(l.insideCap).toBe(true);
    expect(plain.persons.at(0).feesInsideCap.toNumber()).toBe(439);
    expect(plain.persons.at(0).feesOutsideCap.toNumber()).toBe(0);

    const capped = bill([row('Trygghetslarm', '2025-03-12')], '2025-03', {
      taxa,
      ability: abilitySheet([{ Personnummer: P1, Avgiftsutrymme: 300 }]),
    });
    expect(linesOf(capped)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
      ['Reduktion högkostnadsskydd', -139],
    ]);
    expect(capped.persons.at(0).total.toNumber()).toBe(300);
  });

  it('R3: a Särskilt boende device installed in the month still carries the installation fee (the spec exempts only R1)', () => {
    expect(linesOf(bill([row('Trygghetslarm', '2025-03-12', { Boende: 'Särskilt boende' })]))).toEqual([
      ['Installationsavgift', 200],
    ]);
  });
});
