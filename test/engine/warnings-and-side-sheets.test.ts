// §6: warnings (billed, but needs a look) and problems in the optional sheets of §4.
import { describe, expect, it } from 'vitest';
import { readAbilityToPay, readOtherFees, RunError } from '../../src/engine/index.js';
import {
  ABILITY_HEADERS,
  abilitySheet,
  bill,
  errorsAt,
  linesOf,
  linesOfKind,
  month,
  otherFeesSheet,
  P1,
  P2,
  problemsAt,
  serial,
  sheetOf,
  utcDate,
} from './helpers.js';

const alarm = { Personnummer: P1, Tjänst: 'Trygghetslarm', 'Enhets-ID': 'A-1', Installerad: '2024-01-01' };

describe('§6 identical duplicate rows', () => {
  it('§6: an identical duplicate row is a Varning, and the device is billed once', () => {
    const r = bill([alarm, alarm]);
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
    expect(r.lines[0]!.sourceRows).toEqual([2]);
    const ps = problemsAt(r, 3);
    expect(ps).toHaveLength(1);
    expect(ps[0]!.severity).toBe('Varning');
    expect(ps[0]!.message).toContain('rad 2');
    expect(problemsAt(r, 2)).toEqual([]);
  });

  it('§6: a duplicated new installation gives one installation fee', () => {
    const row = { ...alarm, Installerad: '2025-03-12' };
    expect(linesOf(bill([row, row, row]))).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
    ]);
  });

  it('§6: a duplicated Borttappad charge is not charged twice', () => {
    const row = { ...alarm, Avslutad: '2025-03-20', Återlämning: 'Borttappad', Kostnad: 2400 };
    const r = bill([row, row]);
    expect(linesOfKind(r, 'Ersättning teknik').map((l) => l.amount.toNumber())).toEqual([2400]);
    expect(problemsAt(r, 3).map((p) => p.severity)).toEqual(['Varning']);
  });

  it('§6: the same date written differently (serial vs ISO vs Date) is still a duplicate', () => {
    const r = bill([alarm, { ...alarm, Installerad: serial('2024-01-01') }, { ...alarm, Installerad: utcDate('2024-01-01') }]);
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
    expect(r.problems.map((p) => [p.row, p.severity])).toEqual([
      [3, 'Varning'],
      [4, 'Varning'],
    ]);
  });

  it('§6: rows that differ in any field (e.g. Enhets-ID) are not duplicates', () => {
    const row = { ...alarm, Avslutad: '2025-03-20', Återlämning: 'Borttappad', Kostnad: 2400 };
    const r = bill([row, { ...row, 'Enhets-ID': 'A-2' }]);
    expect(linesOfKind(r, 'Ersättning teknik')).toHaveLength(2);
  });

  it('§6: the same row for two different persons is not a duplicate', () => {
    const r = bill([alarm, { ...alarm, Personnummer: P2 }]);
    expect(r.problems).toEqual([]);
    expect(r.lines).toHaveLength(2);
  });
});

describe('§6 two alarms beyond a swap day', () => {
  it('§6: two alarms overlapping more than one day → Varning on the later row, fee once', () => {
    const r = bill([
      alarm,
      { ...alarm, 'Enhets-ID': 'A-2', Tjänst: 'Mobilt trygghetslarm', Installerad: '2025-03-10', Installationstyp: 'Byte' },
    ]);
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
    const ps = problemsAt(r, 3);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ severity: 'Varning', column: 'Tjänst', cell: 'C3', rule: 'R1' });
    expect(ps[0]!.message).toContain('rad 2');
    expect(ps[0]!.message).toContain('22 dagar'); // 10..31 March
  });

  it('§6: a swap on the same day (one common day) is no warning', () => {
    const r = bill([
      { ...alarm, Avslutad: '2025-03-14', Återlämning: 'Återlämnad' },
      { ...alarm, 'Enhets-ID': 'A-2', Installerad: '2025-03-14', Installationstyp: 'Byte' },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('§6: exactly two common days is a warning', () => {
    const r = bill([
      { ...alarm, Avslutad: '2025-03-15', Återlämning: 'Återlämnad' },
      { ...alarm, 'Enhets-ID': 'A-2', Installerad: '2025-03-14', Installationstyp: 'Byte' },
    ]);
    expect(r.problems.map((p) => [p.row, p.severity])).toEqual([[3, 'Varning']]);
  });

  it('§6: an overlap only outside the billing month gives no warning in this month', () => {
    const r = bill([
      { ...alarm, Avslutad: '2025-02-20', Återlämning: 'Återlämnad' },
      { ...alarm, 'Enhets-ID': 'A-2', Installerad: '2025-02-01', Installationstyp: 'Byte' },
    ]);
    expect(r.problems).toEqual([]);
    expect(
      bill(
        [
          { ...alarm, Avslutad: '2025-02-20', Återlämning: 'Återlämnad' },
          { ...alarm, 'Enhets-ID': 'A-2', Installerad: '2025-02-01', Installationstyp: 'Byte' },
        ],
        '2025-02',
      ).problems,
    ).toHaveLength(1);
  });

  it('§6: an alarm and a Larmknapp at once are not "two alarms"', () => {
    const r = bill([alarm, { ...alarm, Tjänst: 'Larmknapp', 'Enhets-ID': 'K-1' }]);
    expect(r.problems).toEqual([]);
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Månadsavgift', 40],
    ]);
  });
});

describe('§6 Ej återlämnad without reminder', () => {
  it('§6: Varning with the R4 rule; the row is still billed for its active days', () => {
    const r = bill([{ ...alarm, Avslutad: '2025-03-05', Återlämning: 'Ej återlämnad', Kostnad: 2400 }]);
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'Varning', row: 2, column: 'Påminnelse', rule: 'R4' })]);
  });
});

describe('§4/§6 Övriga avgifter sheet', () => {
  it('§6: bad rows in Övriga avgifter are reported with that sheet name, row and column; the run goes on', () => {
    const other = otherFeesSheet([
      { Personnummer: P1, Månad: '2025-03', Belopp: 1000 },
      { Personnummer: '19400101-1231', Månad: '2025-03', Belopp: 1000 },
      { Personnummer: P1, Månad: 'mars', Belopp: 1000 },
      { Personnummer: P1, Månad: '2025-03', Belopp: 'tusen' },
      { Personnummer: P1, Månad: '2025-03', Belopp: -5 },
      {},
      { Personnummer: P1, Månad: '2025-03', Belopp: 1500 },
    ]);
    const r = bill([alarm], '2025-03', { otherFees: other });
    const of = (row: number) => problemsAt(r, row, 'Övriga avgifter').map((p) => [p.severity, p.column, p.cell, p.value]);
    expect(of(2)).toEqual([]);
    expect(of(3)).toEqual([['Fel', 'Personnummer', 'A3', '19400101-1231']]);
    expect(of(4)).toEqual([['Fel', 'Månad', 'B4', 'mars']]);
    expect(of(5)).toEqual([['Fel', 'Belopp', 'C5', 'tusen']]);
    expect(of(6)).toEqual([['Fel', 'Belopp', 'C6', '-5']]);
    expect(of(7)).toEqual([]); // blank row skipped
    // Rows 2 and 8 count: 2 500 → room 142 → reduction −97.
    expect(linesOfKind(r, 'Reduktion högkostnadsskydd').map((l) => l.amount.toNumber())).toEqual([-97]);
    expect(linesOfKind(r, 'Reduktion högkostnadsskydd')[0]!.otherSources).toEqual(['Övriga avgifter!2', 'Övriga avgifter!8']);
  });

  it('§4: Månad as a date in the month (serial, Date, ISO date) counts for that month', () => {
    for (const m of [serial('2025-03-31'), utcDate('2025-03-01'), '2025-03-15']) {
      const r = bill([alarm], '2025-03', { otherFees: otherFeesSheet([{ Personnummer: P1, Månad: m, Belopp: 2600 }]) });
      expect(linesOfKind(r, 'Reduktion högkostnadsskydd').map((l) => l.amount.toNumber())).toEqual([-197]);
    }
  });

  it('§4: the sheet headers tolerate case and units, and missing headers refuse the run naming them', () => {
    const ok = sheetOf(
      'Övriga avgifter',
      [{ PNR: P1, ' månad ': '2025-03', 'Belopp (kr)': 2600 }],
      ['PNR', ' månad ', 'Belopp (kr)'],
    );
    expect(readOtherFees(ok, month('2025-03')).byPerson.get(P1)!.amount.toNumber()).toBe(2600);
    const bad = sheetOf('Övriga avgifter', [], ['Personnummer', 'Summa']);
    expect(() => bill([alarm], '2025-03', { otherFees: bad })).toThrow(RunError);
    expect(() => bill([alarm], '2025-03', { otherFees: bad })).toThrow(/Månad.*Belopp|Belopp.*Månad/);
  });

  it('§4: row numbers in Övriga avgifter follow firstRow', () => {
    const other = { ...otherFeesSheet([{ Personnummer: 'x', Månad: '2025-03', Belopp: 1 }]), firstRow: 10 };
    const r = bill([alarm], '2025-03', { otherFees: other });
    expect(problemsAt(r, 11, 'Övriga avgifter').map((p) => p.cell)).toEqual(['A11']);
  });
});

describe('§4/§6 Avgiftsutrymme sheet', () => {
  it('§4: the latest row valid on the first day of the month applies', () => {
    const ability = abilitySheet([
      { Personnummer: P1, Avgiftsutrymme: 50, 'Giltig från': '2024-01-01' },
      { Personnummer: P1, Avgiftsutrymme: 100, 'Giltig från': '2025-03-01' }, // valid on 1 March: applies
      { Personnummer: P1, Avgiftsutrymme: 10, 'Giltig från': '2025-03-02' }, // from 2 March: not yet
      { Personnummer: P1, Avgiftsutrymme: 70, 'Giltig från': '2025-01-01' },
    ]);
    const r = bill([alarm], '2025-03', { ability });
    const red = linesOfKind(r, 'Reduktion högkostnadsskydd')[0]!;
    expect(red.amount.toNumber()).toBe(-139);
    expect(red.otherSources).toEqual(['Avgiftsutrymme!3']);
    // In February, the 2025-01-01 row (70) is the latest valid one.
    expect(linesOfKind(bill([alarm], '2025-02', { ability }), 'Reduktion högkostnadsskydd')[0]!.amount.toNumber()).toBe(-169);
    // In April, the 2025-03-02 row (10).
    expect(linesOfKind(bill([alarm], '2025-04', { ability }), 'Reduktion högkostnadsskydd')[0]!.amount.toNumber()).toBe(-229);
  });

  it('§4: a row without Giltig från is valid from the start, and any dated row valid by the month wins over it', () => {
    const ability = abilitySheet([
      { Personnummer: P1, Avgiftsutrymme: 20, 'Giltig från': '2025-02-01' },
      { Personnummer: P1, Avgiftsutrymme: 100 },
    ]);
    expect(linesOfKind(bill([alarm], '2025-03', { ability }), 'Reduktion högkostnadsskydd')[0]!.amount.toNumber()).toBe(-219);
    expect(linesOfKind(bill([alarm], '2025-01', { ability }), 'Reduktion högkostnadsskydd')[0]!.amount.toNumber()).toBe(-139);
  });

  it('§4: a row valid only from a later date does not apply yet (no reduction)', () => {
    const ability = abilitySheet([{ Personnummer: P1, Avgiftsutrymme: 0, 'Giltig från': '2025-04-01' }]);
    expect(linesOf(bill([alarm], '2025-03', { ability }))).toEqual([['Månadsavgift', 239]]);
  });

  it('§4: an Avgiftsutrymme sheet without a Giltig från column is allowed', () => {
    const ability = sheetOf('Avgiftsutrymme', [{ Personnummer: P1, Avgiftsutrymme: 200 }], ['Personnummer', 'Avgiftsutrymme']);
    expect(readAbilityToPay(ability, month('2025-03')).byPerson.get(P1)!.amount.toNumber()).toBe(200);
  });

  it('§6: bad rows in Avgiftsutrymme are reported with that sheet name, row and column', () => {
    const ability = abilitySheet([
      { Personnummer: 'abc', Avgiftsutrymme: 100 },
      { Personnummer: P1, Avgiftsutrymme: 'mycket' },
      { Personnummer: P1, Avgiftsutrymme: -1 },
      { Personnummer: P1, Avgiftsutrymme: 100, 'Giltig från': '1/3/2025' },
    ]);
    const r = bill([alarm], '2025-03', { ability });
    const of = (row: number) => errorsAt(r, row, 'Avgiftsutrymme').map((p) => [p.column, p.cell, p.value]);
    expect(of(2)).toEqual([['Personnummer', 'A2', 'abc']]);
    expect(of(3)).toEqual([['Avgiftsutrymme', 'B3', 'mycket']]);
    expect(of(4)).toEqual([['Avgiftsutrymme', 'B4', '-1']]);
    expect(of(5)).toEqual([['Giltig från', 'C5', '1/3/2025']]);
    // None of them applies.
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
    expect(r.problems.every((p) => p.sheet === 'Avgiftsutrymme' && p.rule === 'R5')).toBe(true);
  });

  it('§4: two rows from the same day with different amounts → the lower applies, with a Varning', () => {
    const ability = abilitySheet([
      { Personnummer: P1, Avgiftsutrymme: 150, 'Giltig från': '2025-01-01' },
      { Personnummer: P1, Avgiftsutrymme: 100, 'Giltig från': '2025-01-01' },
    ]);
    const r = bill([alarm], '2025-03', { ability });
    expect(linesOfKind(r, 'Reduktion högkostnadsskydd')[0]!.amount.toNumber()).toBe(-139);
    expect(r.problems.map((p) => [p.sheet, p.severity])).toEqual([['Avgiftsutrymme', 'Varning']]);
  });

  it('§4: missing required headers in Avgiftsutrymme refuse the run naming them', () => {
    const bad = sheetOf('Utrymme', [], ['Personnummer', ABILITY_HEADERS[2]!]);
    expect(() => bill([alarm], '2025-03', { ability: bad })).toThrow(RunError);
    expect(() => bill([alarm], '2025-03', { ability: bad })).toThrow(/"Utrymme".*Avgiftsutrymme/);
  });
});
