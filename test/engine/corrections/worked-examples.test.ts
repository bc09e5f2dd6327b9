// Spec §9 worked examples I–M: billing 2025-05 with earlier invoice sheets as the record.
import { describe, expect, it } from 'vitest';
import { abilitySheet, makePnr, P1 } from '../helpers.js';
import { billInSequence, correctionsOf, recordOf, run, sheetOfRun, workbook } from './helpers.js';

const ALARM = { Personnummer: P1, Namn: 'Person P', Tjänst: 'Trygghetslarm', Installerad: '2024-06-01' };
const ENDED = { ...ALARM, Avslutad: '2025-02-20', Återlämning: 'Återlämnad' };

describe('§9 worked examples (billing 2025-05)', () => {
  it('I: an end date entered late credits each billed month; nothing for May itself', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03', '2025-04']);
    expect(billed.map((s) => s.lines.map((l) => [l.pnr, l.amount.toNumber()]))).toEqual([[[P1, 239]], [[P1, 239]]]);

    const may = run(workbook([ENDED]), '2025-05', recordOf(...billed));
    expect(may.billing.lines).toEqual([]);
    expect(correctionsOf(may)).toEqual([
      ['2025-03', 'Månadsavgift', -239],
      ['2025-04', 'Månadsavgift', -239],
    ]);
    const march = may.corrections.lines[0]!;
    expect(march.rule).toBe('R7');
    expect(march.sourceRows).toEqual([2]);
    expect(march.otherSources).toEqual(['Faktura 2025-03!2']);
    expect(march.name).toBe('Person P');
    expect(march.explanation).toBe(
      'Rättelse av månadsavgift för 2025-03: fakturerat 239 kr, enligt registret nu 0 kr (Avslutad 2025-02-20, rad 2).',
    );
    expect(may.corrections.checked).toEqual(['2025-03', '2025-04']);
    expect(may.corrections.window).toHaveLength(12);
    expect(may.corrections.window[0]).toBe('2024-05');
    expect(may.corrections.withoutRecord).toEqual(may.corrections.window.slice(0, 10));
    expect(may.corrections.problems).toEqual([]);
  });

  it('J: May billed twice gives the same lines; June with May in the record corrects nothing for P', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03', '2025-04']);
    const first = run(workbook([ENDED]), '2025-05', recordOf(...billed));
    // The replaced sheet may be in the record too: it is never read.
    const second = run(workbook([ENDED]), '2025-05', recordOf(...billed, sheetOfRun(first)));
    expect(correctionsOf(second)).toEqual(correctionsOf(first));
    expect(second.corrections.lines).toEqual(first.corrections.lines);

    const june = run(workbook([ENDED]), '2025-06', recordOf(...billed, sheetOfRun(second)));
    expect(june.corrections.lines).toEqual([]);
    expect(june.corrections.problems).toEqual([]);
    expect(june.corrections.checked).toEqual(['2025-03', '2025-04', '2025-05']);
  });

  describe('K: a row that was a Fel is fixed (a debit)', () => {
    const Q = makePnr('19380412', '456');
    const broken = { Personnummer: Q, Tjänst: 'Trygghetslarm', Installerad: '10 mars' };
    const fixed = { ...broken, Installerad: '2025-03-10' };
    const march = () => sheetOfRun(run(workbook([ALARM, broken]), '2025-03'));

    it('the March sheet billed Q nothing (Fel)', () => {
      const r = run(workbook([ALARM, broken]), '2025-03');
      expect(r.billing.lines.map((l) => l.pnr)).toEqual([P1]);
      expect(r.billing.problems.some((p) => p.severity === 'Fel' && p.row === 3)).toBe(true);
    });

    it('report (default): no line, a Varning with person, month, kinds and amount', () => {
      const may = run(workbook([ALARM, fixed]), '2025-05', recordOf(march()));
      expect(may.corrections.lines).toEqual([]);
      expect(may.corrections.heldBack).toHaveLength(1);
      const held = may.corrections.heldBack[0]!;
      expect([held.pnr, held.month, held.amount.toNumber()]).toEqual([Q, '2025-03', 439]);
      expect(held.parts.map((p) => [p.kind, p.amount.toNumber()])).toEqual([
        ['Månadsavgift', 239],
        ['Installationsavgift', 200],
      ]);
      const warning = may.corrections.problems.find((p) => p.rule === 'R7')!;
      expect(warning.severity).toBe('Varning');
      expect(warning.row).toBe(3);
      expect(warning.message).toContain(Q);
      expect(warning.message).toContain(
        '+439 kr för 2025-03 (månadsavgift 239, installationsavgift 200) debiteras inte retroaktivt',
      );
      // May itself bills Q as usual.
      expect(may.billing.lines.filter((l) => l.pnr === Q).map((l) => l.amount.toNumber())).toEqual([239]);
    });

    it('bill: Månadsavgift +239 and Installationsavgift +200, both Månad 2025-03', () => {
      const may = run(workbook([ALARM, fixed]), '2025-05', recordOf(march()), { settings: { retroDebits: 'bill' } });
      expect(correctionsOf(may)).toEqual([
        ['2025-03', 'Månadsavgift', 239],
        ['2025-03', 'Installationsavgift', 200],
      ]);
      expect(may.corrections.lines.every((l) => l.pnr === Q)).toBe(true);
      expect(may.corrections.heldBack).toEqual([]);
      expect(may.corrections.lines[1]!.explanation).toBe(
        'Rättelse av installationsavgift för 2025-03: fakturerat 0 kr, enligt registret nu 200 kr (rad 3: installationsavgift 200 kr för nyinstallation 2025-03-10).',
      );
      expect(may.corrections.lines[1]!.otherSources).toEqual([]);
    });
  });

  it('L: an Avgiftsutrymme decided afterwards corrects the reduction of each billed month; May is capped itself', () => {
    const billed = billInSequence(workbook([ALARM]), ['2025-03', '2025-04']);
    const ability = abilitySheet([{ Personnummer: P1, Avgiftsutrymme: 100, 'Giltig från': '2025-03-01' }]);
    const may = run(workbook([ALARM], { ability }), '2025-05', recordOf(...billed));
    expect(correctionsOf(may)).toEqual([
      ['2025-03', 'Reduktion högkostnadsskydd', -139],
      ['2025-04', 'Reduktion högkostnadsskydd', -139],
    ]);
    expect(may.corrections.lines[0]!.otherSources).toEqual(['Avgiftsutrymme!2']);
    expect(may.corrections.lines[0]!.insideCap).toBe(true);
    expect(may.billing.lines.map((l) => [l.kind, l.amount.toNumber()])).toEqual([
      ['Månadsavgift', 239],
      ['Reduktion högkostnadsskydd', -139],
    ]);
  });

  it('M: a person deleted from the register is not credited; a Varning shows what was billed', () => {
    const S = makePnr('19310707', '112');
    const march = sheetOfRun(
      run(workbook([ALARM, { Personnummer: S, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' }]), '2025-03'),
    );
    const may = run(workbook([ALARM]), '2025-05', recordOf(march));
    expect(may.corrections.lines).toEqual([]);
    const warnings = may.corrections.problems;
    expect(warnings).toHaveLength(1);
    const row = march.lines.findIndex((l) => l.pnr === S) + 2;
    expect(warnings[0]).toMatchObject({ severity: 'Varning', sheet: 'Faktura 2025-03', row, rule: 'R7' });
    expect(warnings[0]!.message).toContain(S);
    expect(warnings[0]!.message).toContain('2025-03: månadsavgift 239 kr');
  });
});
