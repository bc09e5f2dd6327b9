// §9 Shown: month M's sheets with R7's corrections in them: lines beside the person's own, a
// Rättelser column inside the total (also for a person with no line in M), a row per line kind,
// the months checked, and R7's Varningar on the Problem sheet.
import { describe, expect, it } from 'vitest';
import { invoiceSheet, outputSheets, problemSheet, runFacts, sheetGrid, summarySheet } from '../../src/engine/index.js';
import { billInSequence, recordOf, run, sheetOfRun, workbook } from './corrections/helpers.js';
import { expectWidthsAsScanned, makePnr, P1, P2 } from './helpers.js';

// Persons in personnummer order: EARLY (1930), P2 (1935), P1 (1940).
const EARLY = makePnr('19300303', '111');
const alarm = (pnr: string, name: string) => ({
  Personnummer: pnr,
  Namn: name,
  Tjänst: 'Trygghetslarm',
  Installerad: '2024-06-01',
});
const ended = (pnr: string, name: string) => ({ ...alarm(pnr, name), Avslutad: '2025-02-20', Återlämning: 'Återlämnad' });
const GONE = makePnr('19290909', '222');

function may() {
  const before = [alarm(EARLY, 'Tidig'), alarm(P2, 'Mitt'), alarm(P1, 'Sist'), alarm(GONE, 'Arkiverad')];
  const billed = billInSequence(workbook(before), ['2025-03', '2025-04']);
  // In May: EARLY's alarm ended in February (no May line, only corrections); P2 has a lock installed in
  // March, entered late (its installation fee a debit for March, held back under report); GONE's rows were archived.
  const lock = { Personnummer: P2, Namn: 'Mitt', Tjänst: 'Digitalt lås', Installerad: '2025-03-05' };
  const now = [ended(EARLY, 'Tidig'), alarm(P2, 'Mitt'), lock, ended(P1, 'Sist')];
  return run(workbook(now), '2025-05', recordOf(...billed));
}

describe('month M with corrections (§9 Shown)', () => {
  it('Faktura: each person’s corrections after their own lines, persons in personnummer order', () => {
    const r = may();
    const grid = sheetGrid(invoiceSheet(r.billing, r.corrections));
    const rows = grid.slice(1).map((row) => [row[0], row[2], row[3], row[8], row[10]]);
    expect(rows).toEqual([
      [EARLY, '2025-03', 'Månadsavgift', -239, 'R7'],
      [EARLY, '2025-04', 'Månadsavgift', -239, 'R7'],
      [P2, '2025-05', 'Månadsavgift', 239, 'R1'],
      [P1, '2025-03', 'Månadsavgift', -239, 'R7'],
      [P1, '2025-04', 'Månadsavgift', -239, 'R7'],
    ]);
    expect(sheetOfRun(r).lines).toEqual([
      ...r.corrections.lines.slice(0, 2),
      ...r.billing.lines,
      ...r.corrections.lines.slice(2),
    ]);
  });

  it('Summering: Rättelser inside each total, a person with only corrections too; rows per kind; months checked', () => {
    const r = may();
    for (const sheet of outputSheets(r.billing, r.corrections)) expectWidthsAsScanned(sheet);
    const grid = sheetGrid(summarySheet(r.billing, r.corrections));
    const header = grid[0]!;
    expect(header.slice(0, 7)).toEqual([
      'Personnummer',
      'Namn',
      'Inom högkostnadsskydd',
      'Reduktion högkostnadsskydd',
      'Utanför högkostnadsskydd',
      'Rättelser',
      'Att betala',
    ]);
    const persons = grid.slice(1, 4).map((row) => row.slice(0, 7));
    expect(persons).toEqual([
      [EARLY, 'Tidig', 0, 0, 0, -478, -478],
      [P2, 'Mitt', 239, 0, 0, 0, 239],
      [P1, 'Sist', 0, 0, 0, -478, -478],
    ]);
    const labelled = (label: string) => {
      const row = grid.find((x) => x.includes(label))!;
      return row.slice(row.indexOf(label) + 1, row.indexOf(label) + 3);
    };
    expect(labelled('Rättelser månadsavgift')).toEqual([4, -956]);
    expect(labelled('Rättelser installationsavgift')).toEqual([0, 0]);
    expect(labelled('Totalt för månaden')).toEqual([5, 239 - 956]);
    expect(labelled('Rättelser kontrollerade')[0]).toBe('2025-03, 2025-04, 2 fakturerade månader');
    expect(labelled('Utan fakturablad')[0]).toBe('2024-05 … 2025-02 (10 månader) saknar fakturablad och kontrollerades inte');
    expect(labelled('Höjningar som inte debiteras')[0]).toBe('1 (200 kr), se bladet Problem');
  });

  it('Problem: the debit held back and the archived person, each a Varning under R7', () => {
    const r = may();
    const grid = sheetGrid(problemSheet(r.billing, r.corrections));
    const r7 = grid.slice(1).filter((row) => row[7] === 'R7');
    expect(
      r7.some((row) => row[0] === 'Varning' && String(row[6]).includes(P2) && String(row[6]).includes('debiteras inte')),
    ).toBe(true);
    expect(r7.some((row) => row[0] === 'Varning' && String(row[6]).includes(GONE))).toBe(true);
  });

  it('without a corrections run the sheets are as §7 has them', () => {
    const r = may();
    const [faktura, summering] = outputSheets(r.billing);
    expect(sheetGrid(faktura!).length).toBe(1 + r.billing.lines.length);
    expect(sheetGrid(summering!)[0]).not.toContain('Rättelser');
  });
});

describe('run facts (one count for the Summering sheet, the pane and the command line)', () => {
  it('count month M with its corrections: lines, total, R7’s Varningar, credits and debits held back', () => {
    const r = may();
    const facts = runFacts(r.billing, r.corrections);
    expect(facts.persons).toBe(1); // only P2 has a line of May itself
    expect(facts.lines).toBe(5);
    expect(facts.total.toNumber()).toBe(239 - 4 * 239);
    // R7's Varningar count with the month's own: the archived person and the debit held back.
    const r7 = facts.problems.filter((p) => p.rule === 'R7');
    expect(r7.map((p) => p.severity)).toEqual(['Varning', 'Varning']);
    expect(r7.some((p) => p.value.includes(GONE) || p.message.includes(GONE))).toBe(true);
    expect(facts.warnings).toBe(r.billing.problems.filter((p) => p.severity === 'Varning').length + 2);
    expect(facts.corrections?.credits).toEqual({ lines: 4, amount: expect.anything() });
    expect(facts.corrections?.credits.amount.toNumber()).toBe(-956);
    expect(facts.corrections?.debits.lines).toBe(0);
    expect(facts.corrections?.heldBack.lines).toBe(1);
    expect(facts.corrections?.heldBack.amount.toNumber()).toBe(200);
    expect(facts.corrections?.checked).toEqual(['2025-03', '2025-04']);
  });

  it('without a record asked for, there are no correction figures and the totals are month M’s', () => {
    const r = may();
    const facts = runFacts(r.billing);
    expect(facts.corrections).toBeUndefined();
    expect(facts.lines).toBe(r.billing.lines.length);
    expect(facts.total).toBe(r.billing.total);
    expect(facts.warnings + facts.errors).toBe(r.billing.problems.length);
  });
});
