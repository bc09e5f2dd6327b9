// R4: Ersättning teknik, the charge for unusable, lost or unreturned technology — the row's Kostnad,
// outside the cap.
import { describe, expect, it } from 'vitest';
import { abilitySheet, bill, errorsAt, linesOf, linesOfKind, P1, problemsAt, serial, taxaSheet } from './helpers.js';

const base = { Personnummer: P1, Tjänst: 'Larmknapp sammanboende', 'Enhets-ID': 'K-77', Installerad: '2024-01-01' };
const charges = (r: ReturnType<typeof bill>) => linesOfKind(r, 'Ersättning teknik').map((l) => l.amount.toString());

describe('R4 Obrukbar / Borttappad', () => {
  for (const status of ['Obrukbar', 'Borttappad', ' BORTTAPPAD ']) {
    it(`R4: ${status.trim()} is charged in the month of Avslutad, outside the cap`, () => {
      const row = { ...base, Avslutad: '2025-03-20', Återlämning: status, Kostnad: 450 };
      const r = bill([row]);
      const [l] = linesOfKind(r, 'Ersättning teknik');
      expect(l!.amount.toNumber()).toBe(450);
      expect(l!.unitPrice!.toNumber()).toBe(450);
      expect(l!.insideCap).toBe(false);
      expect(l!.rule).toBe('R4');
      expect(l!.sourceRows).toEqual([2]);
      expect(l!.deviceIds).toBe('K-77');
      expect(charges(bill([row], '2025-02'))).toEqual([]);
      expect(charges(bill([row], '2025-04'))).toEqual([]);
    });
  }

  it('R4: Ersättning teknik is never reduced by the cap', () => {
    const r = bill([{ ...base, Avslutad: '2025-03-20', Återlämning: 'Borttappad', Kostnad: 5000 }], '2025-03', {
      ability: abilitySheet([{ Personnummer: P1, Avgiftsutrymme: 0 }]),
    });
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 40],
      ['Ersättning teknik', 5000],
      ['Reduktion högkostnadsskydd', -40],
    ]);
    expect(r.persons.at(0).total.toNumber()).toBe(5000);
  });

  it('R4: Obrukbar without Avslutad → Fel on the row, nothing billed from it', () => {
    const r = bill([{ ...base, Återlämning: 'Obrukbar', Kostnad: 450 }]);
    expect(r.lines).toEqual([]);
    const [p] = errorsAt(r, 2);
    expect(p!.column).toBe('Avslutad');
    expect(p!.cell).toBe('F2');
    expect(p!.message).toMatch(/Avslutad saknas/);
    expect(p!.rule).toBe('R4');
  });

  it('R4: Borttappad without Avslutad and without an Avslutad column → Fel on Återlämning', () => {
    const headers = ['Personnummer', 'Tjänst', 'Installerad', 'Återlämning', 'Kostnad'];
    const r = bill([], '2025-03', {
      register: { name: 'Enhetsregister', values: [headers, [P1, 'Trygghetslarm', '2024-01-01', 'Borttappad', 450]] },
    });
    const [p] = errorsAt(r, 2);
    expect(p!.column).toBe('Återlämning');
    expect(p!.cell).toBe('D2');
    expect(r.lines).toEqual([]);
  });

  it('R4: Återlämnad (returned) gives no charge even with a Kostnad', () => {
    expect(charges(bill([{ ...base, Avslutad: '2025-03-20', Återlämning: 'Återlämnad', Kostnad: 450 }]))).toEqual([]);
  });

  it('R4: öre amounts like "450,50" and 450.5 are kept exactly', () => {
    expect(charges(bill([{ ...base, Avslutad: '2025-03-20', Återlämning: 'Obrukbar', Kostnad: '450,50' }]))).toEqual(['450.5']);
    expect(charges(bill([{ ...base, Avslutad: '2025-03-20', Återlämning: 'Obrukbar', Kostnad: 450.5 }]))).toEqual(['450.5']);
    expect(charges(bill([{ ...base, Avslutad: '2025-03-20', Återlämning: 'Obrukbar', Kostnad: '1 234,05 kr' }]))).toEqual([
      '1234.05',
    ]);
    const r = bill([{ ...base, Avslutad: '2025-03-20', Återlämning: 'Obrukbar', Kostnad: '450,50' }]);
    expect(r.persons.at(0).feesOutsideCap.toString()).toBe('450.5');
    expect(r.persons.at(0).total.toString()).toBe('490.5');
  });
});

describe('R4 Kostnad missing, text or negative where due', () => {
  const cases: Array<[string, unknown]> = [
    ['missing', null],
    ['text', 'okänd'],
    ['negative', -450],
    ['negative text', '-450'],
    ['ambiguous thousands', '1.234,50'],
  ];
  for (const [what, cost] of cases) {
    it(`R4: Kostnad ${what} where a charge is due → Fel naming Kostnad, the row left out entirely (no R1 either)`, () => {
      const r = bill([
        { ...base, Avslutad: '2025-03-20', Återlämning: 'Borttappad', Kostnad: cost },
        { ...base, Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' },
      ]);
      const [p] = errorsAt(r, 2);
      expect(p!.column).toBe('Kostnad');
      expect(p!.cell).toBe('I2');
      expect(p!.rule).toBe('R4');
      expect(p!.value).toBe(cost === null ? '' : String(cost));
      expect(p!.message).toMatch(/Kostnad/);
      // The bad row gives neither the charge nor its 40 kr button fee; the other row is billed.
      expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
      expect(r.lines.every((l) => !l.sourceRows.includes(2))).toBe(true);
    });
  }

  it('R4: a bad Kostnad is no problem in a month where no charge is due', () => {
    const row = { ...base, Avslutad: '2025-03-20', Återlämning: 'Borttappad', Kostnad: 'okänd' };
    const r = bill([row], '2025-02');
    expect(r.problems).toEqual([]);
    expect(linesOf(r)).toEqual([['Månadsavgift', 40]]);
  });

  it('R4: Kostnad 0 is a charge of 0 kr, not an error', () => {
    const r = bill([{ ...base, Avslutad: '2025-03-20', Återlämning: 'Borttappad', Kostnad: 0 }]);
    expect(errorsAt(r, 2)).toEqual([]);
    expect(charges(r)).toEqual(['0']);
  });
});

describe('R4 Ej återlämnad', () => {
  const unreturned = { ...base, Avslutad: '2025-01-31', Återlämning: 'Ej återlämnad', Kostnad: 2400 };

  it('R4: charged in the month in which Påminnelse + 30 days falls (default reminderDays)', () => {
    const row = { ...unreturned, Påminnelse: '2025-02-10' }; // + 30 = 2025-03-12
    expect(charges(bill([row], '2025-03'))).toEqual(['2400']);
    expect(charges(bill([row], '2025-02'))).toEqual([]);
    expect(charges(bill([row], '2025-04'))).toEqual([]);
    expect(bill([row]).settings.reminderDays).toBe(30);
  });

  it('R4: the due day at a month boundary (Påminnelse 2025-01-30 + 30 = 2025-03-01; 2025-01-29 + 30 = 2025-02-28)', () => {
    expect(charges(bill([{ ...unreturned, Påminnelse: '2025-01-30' }], '2025-03'))).toEqual(['2400']);
    expect(charges(bill([{ ...unreturned, Påminnelse: '2025-01-29' }], '2025-02'))).toEqual(['2400']);
    expect(charges(bill([{ ...unreturned, Påminnelse: '2025-01-29' }], '2025-03'))).toEqual([]);
  });

  it('R4: a non-default reminderDays from the run settings moves the due month', () => {
    const row = { ...unreturned, Påminnelse: '2025-02-10' };
    const r = bill([row], '2025-02', {}, { settings: { reminderDays: 14 } }); // due 2025-02-24
    expect(charges(r)).toEqual(['2400']);
    expect(r.lines[0]!.explanation).toContain('2025-02-24');
    expect(charges(bill([row], '2025-03', {}, { settings: { reminderDays: 14 } }))).toEqual([]);
    expect(charges(bill([row], '2025-02', {}, { settings: { reminderDays: 0 } }))).toEqual(['2400']);
  });

  it('R4: a non-default reminderDays from the Taxa sheet moves the due month', () => {
    const taxa = taxaSheet([{ from: '2025-01-01', reminderDays: 60 }]);
    const row = { ...unreturned, Påminnelse: '2025-02-10' }; // + 60 = 2025-04-11
    expect(bill([row], '2025-04', { taxa }).settings.reminderDays).toBe(60);
    expect(charges(bill([row], '2025-04', { taxa }))).toEqual(['2400']);
    expect(charges(bill([row], '2025-03', { taxa }))).toEqual([]);
    // A run setting still overrides the sheet.
    expect(charges(bill([row], '2025-03', { taxa }, { settings: { reminderDays: 30 } }))).toEqual(['2400']);
  });

  it('R4: Påminnelse as an Excel serial works the same as ISO text', () => {
    expect(charges(bill([{ ...unreturned, Påminnelse: serial('2025-02-10') }], '2025-03'))).toEqual(['2400']);
  });

  it('R4: no Påminnelse → not charged, and a Varning on the Påminnelse column that a reminder must be sent', () => {
    const r = bill([unreturned]);
    expect(charges(r)).toEqual([]);
    const ps = problemsAt(r, 2);
    expect(ps).toHaveLength(1);
    expect(ps[0]!.severity).toBe('Varning');
    expect(ps[0]!.column).toBe('Påminnelse');
    expect(ps[0]!.cell).toBe('H2');
    expect(ps[0]!.rule).toBe('R4');
    expect(ps[0]!.message).toMatch(/påminnelse/i);
  });

  it('R4: Ej återlämnad without reminder is a Varning, so the row is still billed otherwise (R1)', () => {
    const r = bill([{ ...unreturned, Avslutad: '2025-03-10' }]);
    expect(linesOf(r)).toEqual([['Månadsavgift', 40]]);
    expect(problemsAt(r, 2).map((p) => p.severity)).toEqual(['Varning']);
  });

  it('R4: Ej återlämnad due with a missing Kostnad → Fel, no charge', () => {
    const r = bill([{ ...unreturned, Påminnelse: '2025-02-10', Kostnad: null }]);
    expect(charges(r)).toEqual([]);
    expect(errorsAt(r, 2).map((p) => p.column)).toEqual(['Kostnad']);
  });
});
