// §9 guards and the window: nothing credited or charged by mistake.
import { describe, expect, it } from 'vitest';
import { RunError, type Problem } from '../../../src/engine/index.js';
import { abilitySheet, makePnr, otherFeesSheet, P1, P2, runErrorOf, taxaSheet } from '../helpers.js';
import { billInSequence, correctionsOf, recordOf, run, sheetOfRun, workbook } from './helpers.js';

const ALARM = { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2024-06-01' };
const ENDED = { ...ALARM, Avslutad: '2025-02-20', Återlämning: 'Återlämnad' };
const r7 = (problems: readonly Problem[]) => problems.filter((p) => p.rule === 'R7');

describe('§9 a person with a Fel row in today’s register', () => {
  it('gets no correction while the row is wrong; a Varning names the row', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03']);
    const broken = { Personnummer: P1, Tjänst: 'Trygghetslås', Installerad: '2025-01-01' };
    const may = run(workbook([ENDED, broken]), '2025-05', recordOf(...billed));
    expect(may.corrections.lines).toEqual([]);
    const [warning] = r7(may.corrections.problems);
    expect(warning).toMatchObject({ severity: 'Varning', sheet: 'Enhetsregister', row: 3 });
    expect(warning!.message).toContain('rad 3');
    expect(warning!.message).toContain('2025-03');
    // Fixed: the correction comes.
    const fixed = run(workbook([ENDED, { ...broken, Tjänst: 'Digitalt lås' }]), '2025-05', recordOf(...billed));
    expect(correctionsOf(fixed)).toEqual([['2025-03', 'Månadsavgift', -239]]);
  });

  it('a Fel row on a person whose amounts agree gives no R7 Varning', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03']);
    const broken = { Personnummer: P1, Tjänst: 'Trygghetslås', Installerad: '2025-01-01' };
    const may = run(workbook([ALARM, broken]), '2025-05', recordOf(...billed));
    expect(may.corrections.lines).toEqual([]);
    expect(r7(may.corrections.problems)).toEqual([]);
  });

  it('a charge due without a usable Kostnad (an R4 Fel in a month checked) also holds the person back', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03']);
    // Lost in February, Kostnad missing: the Fel is February's, which is not in the record.
    const lostInFebruary = { ...ALARM, Avslutad: '2025-02-20', Återlämning: 'Borttappad' };
    const may = run(workbook([lostInFebruary]), '2025-05', recordOf(...billed));
    expect(correctionsOf(may)).toEqual([['2025-03', 'Månadsavgift', -239]]);
    // Lost in March, Kostnad missing: March billed again has a Fel on row 2, so no credit of its fee.
    const lostInMarch = { ...ALARM, Avslutad: '2025-03-05', Återlämning: 'Borttappad' };
    const again = run(workbook([lostInMarch]), '2025-05', recordOf(...billed));
    expect(again.corrections.lines).toEqual([]);
    expect(r7(again.corrections.problems)).toMatchObject([{ severity: 'Varning', sheet: 'Enhetsregister', row: 2 }]);
  });
});

describe('§9 the cap ties the kinds together (report)', () => {
  it('avgiftsutrymme 0: an alarm ended late credits nothing, since nothing was paid', () => {
    const ability = abilitySheet([{ Personnummer: P1, Avgiftsutrymme: 0, 'Giltig från': '2025-01-01' }]);
    const billed = billInSequence(workbook([ALARM], { ability }), ['2025-03']);
    expect(billed[0]!.lines.map((l) => l.amount.toNumber())).toEqual([239, -239]);
    const may = run(workbook([ENDED], { ability }), '2025-05', recordOf(...billed));
    expect(may.corrections.lines).toEqual([]);
    expect(may.corrections.heldBack).toEqual([]);
    const bill = run(workbook([ENDED], { ability }), '2025-05', recordOf(...billed), { settings: { retroDebits: 'bill' } });
    expect(correctionsOf(bill)).toEqual([
      ['2025-03', 'Månadsavgift', -239],
      ['2025-03', 'Reduktion högkostnadsskydd', 239],
    ]);
  });

  it('övriga avgifter: only what was paid (142) is credited, and the next month finds nothing more', () => {
    const otherFees = otherFeesSheet([{ Personnummer: P1, Månad: '2025-03', Belopp: 2500 }]);
    const billed = billInSequence(workbook([ALARM], { otherFees }), ['2025-03']);
    expect(billed[0]!.lines.map((l) => l.amount.toNumber())).toEqual([239, -97]);
    const may = run(workbook([ENDED], { otherFees }), '2025-05', recordOf(...billed));
    expect(correctionsOf(may)).toEqual([['2025-03', 'Månadsavgift', -142]]);
    expect(may.corrections.lines[0]!.explanation).toBe(
      'Rättelse av månadsavgift för 2025-03: fakturerat 239 kr, enligt registret nu 0 kr (Avslutad 2025-02-20, rad 2); ' +
        'reduktion högkostnadsskydd ändras med +97 kr samtidigt, så bara 142 kr krediteras (en höjning debiteras inte retroaktivt).',
    );
    expect(may.corrections.heldBack).toEqual([]);
    const june = run(workbook([ENDED], { otherFees }), '2025-06', recordOf(...billed, sheetOfRun(may)));
    expect(june.corrections.lines).toEqual([]);
    expect(r7(june.corrections.problems)).toEqual([]);
  });

  it('installation fees outside the cap are judged alone: a credit is billed beside a held debit', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03']);
    // The alarm had ended in February, and a Digital tillsyn installed in March was missed.
    const today = [
      { ...ALARM, Avslutad: '2025-02-28' },
      { Personnummer: P1, Tjänst: 'Digital tillsyn', Installerad: '2025-03-20' },
    ];
    const may = run(workbook(today), '2025-05', recordOf(...billed));
    expect(correctionsOf(may)).toEqual([['2025-03', 'Månadsavgift', -239]]);
    expect(may.corrections.heldBack.map((h) => [h.month, h.amount.toNumber(), h.parts.map((p) => p.kind)])).toEqual([
      ['2025-03', 200, ['Installationsavgift']],
    ]);
    expect(r7(may.corrections.problems)[0]!.message).toContain('+200 kr för 2025-03 (installationsavgift 200)');
  });

  it('a Byte entered afterwards credits the installation fee', () => {
    const billed = billInSequence(workbook([{ ...ALARM, Installerad: '2025-03-10' }]), ['2025-03']);
    const may = run(
      workbook([{ ...ALARM, Installerad: '2025-03-10', Installationstyp: 'Byte' }]),
      '2025-05',
      recordOf(...billed),
    );
    expect(correctionsOf(may)).toEqual([['2025-03', 'Installationsavgift', -200]]);
    expect(may.corrections.lines[0]!.explanation).toContain('(Installerad 2025-03-10, Byte, rad 2)');
  });
});

describe('§9 the record', () => {
  it('unreadable record lines reach the result as the reader reported them; those of the replaced sheet do not', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03']);
    const problem = (sheet: string) => ({
      sheet,
      row: 7,
      column: 'Belopp',
      cell: 'I7',
      value: '239 kr',
      message: 'Belopp är text.',
    });
    const [march] = recordOf(...billed);
    const may = sheetOfRun(run(workbook([ALARM]), '2025-05'));
    const record = [
      { ...march!, problems: [problem('Faktura 2025-03')] },
      { ...recordOf(may)[0]!, problems: [problem('Faktura 2025-05')] },
    ];
    const again = run(workbook([ALARM]), '2025-05', record);
    expect(again.corrections.problems).toEqual([
      {
        severity: 'Varning',
        sheet: 'Faktura 2025-03',
        row: 7,
        column: 'Belopp',
        cell: 'I7',
        value: '239 kr',
        message: 'Belopp är text. Raden räknas inte som fakturerad vid rättelser (R7).',
        rule: 'R7',
      },
    ]);
  });

  it('one invoice sheet twice in the record refuses the run (it would be counted twice)', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03']);
    const e = runErrorOf(() => run(workbook([ENDED]), '2025-05', recordOf(billed[0]!, billed[0]!)));
    expect(e).toBeInstanceOf(RunError);
    expect(e.message).toContain('2025-03');
  });

  it('a later sheet in the record counts as it stands (billing April again after May)', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03', '2025-04']);
    const may = sheetOfRun(run(workbook([ENDED]), '2025-05', recordOf(...billed)));
    const april = run(workbook([ENDED]), '2025-04', recordOf(billed[0]!, may));
    expect(april.corrections.checked).toEqual(['2025-03']);
    expect(april.corrections.lines).toEqual([]);
  });

  it('a month with its sheet but no tariff in force is not checked, and says so', () => {
    const twentyFour = { name: 'Faktura 2024-12', lines: [] };
    const billed = billInSequence(workbook([ALARM]), ['2025-03']);
    const may = run(workbook([ENDED]), '2025-05', recordOf(twentyFour, ...billed));
    expect(may.corrections.checked).toEqual(['2025-03']);
    expect(may.corrections.notBillable.map((n) => n.month)).toEqual(['2024-12']);
    const [warning] = r7(may.corrections.problems);
    expect(warning).toMatchObject({ severity: 'Varning', sheet: 'Faktura 2024-12' });
    expect(warning!.message).toMatch(/^2024-12 kontrollerades inte för rättelser: Ingen taxa gäller/);
    expect(correctionsOf(may)).toEqual([['2025-03', 'Månadsavgift', -239]]);
  });

  it('a month of the same year without a tariff is not checked; the other months of that year are (one pass over the persons)', () => {
    const taxa = taxaSheet([{ from: '2025-03-01' }]);
    const february = { name: 'Faktura 2025-02', lines: [] };
    const billed = billInSequence(workbook([ALARM], { taxa }), ['2025-03', '2025-04']);
    const may = run(workbook([ENDED], { taxa }), '2025-05', recordOf(february, ...billed));
    expect(may.corrections.checked).toEqual(['2025-03', '2025-04']);
    expect(may.corrections.notBillable.map((n) => n.month)).toEqual(['2025-02']);
    expect(r7(may.corrections.problems)[0]!.message).toMatch(/^2025-02 kontrollerades inte för rättelser: Ingen taxa gäller/);
    expect(correctionsOf(may)).toEqual([
      ['2025-03', 'Månadsavgift', -239],
      ['2025-04', 'Månadsavgift', -239],
    ]);
  });

  it('a person who moved to Särskilt boende: the reason names it', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03']);
    const may = run(workbook([{ ...ALARM, Boende: 'Särskilt boende' }]), '2025-05', recordOf(...billed));
    expect(may.corrections.lines[0]!.explanation).toContain('(Trygghetslarm, Särskilt boende, rad 2)');
  });
});

describe('§9 the window (correctionMonths)', () => {
  const months = ['2025-01', '2025-02', '2025-03', '2025-04'];
  const ended = { ...ALARM, Avslutad: '2024-12-31', Återlämning: 'Återlämnad' };

  it('0 turns R7 off', () => {
    const billed = billInSequence(workbook([ALARM]), months);
    const may = run(workbook([ended]), '2025-05', recordOf(...billed), { settings: { correctionMonths: 0 } });
    expect(may.corrections.window).toEqual([]);
    expect(may.corrections.lines).toEqual([]);
  });

  it('N months back: m ≥ M − N', () => {
    const billed = billInSequence(workbook([ALARM]), months);
    const may = run(workbook([ended]), '2025-05', recordOf(...billed), { settings: { correctionMonths: 2 } });
    expect(may.corrections.window).toEqual(['2025-03', '2025-04']);
    expect(correctionsOf(may).map(([m]) => m)).toEqual(['2025-03', '2025-04']);
  });

  it('from the Taxa version in force in M, overridden by the run', () => {
    const taxa = taxaSheet([{ from: '2025-01-01', correctionMonths: 1, retroDebits: 'bill' }]);
    const billed = billInSequence(workbook([ALARM], { taxa }), months);
    const may = run(workbook([ended], { taxa }), '2025-05', recordOf(...billed));
    expect(may.corrections.window).toEqual(['2025-04']);
    expect(may.corrections.retroDebits).toBe('bill');
    const wider = run(workbook([ended], { taxa }), '2025-05', recordOf(...billed), { settings: { correctionMonths: 3 } });
    expect(wider.corrections.window).toEqual(['2025-02', '2025-03', '2025-04']);
  });

  it('months across a year boundary; the billed record of other persons is untouched', () => {
    const billed = billInSequence(
      workbook([ALARM, { Personnummer: P2, Tjänst: 'Larmknapp', Installerad: '2024-01-01' }]),
      months,
    );
    const feb = run(
      workbook([ended, { Personnummer: P2, Tjänst: 'Larmknapp', Installerad: '2024-01-01' }]),
      '2025-05',
      recordOf(...billed),
    );
    expect(correctionsOf(feb)).toEqual(months.map((m) => [m, 'Månadsavgift', -239]));
    expect(feb.corrections.lines.every((l) => l.pnr === P1)).toBe(true);
    expect(makePnr('19400101', '123')).toBe(P1);
  });
});
