// Issue 9 items 5 and 8: numbers that cannot be dates, and a Problem sheet within Excel's limits.
import { describe, expect, it } from 'vitest';
import { EXCEL_LIMITS, problemSheet, type BillingResult, type Problem, tableRows } from '../../src/engine/index.js';
import { bill, P1, serial } from './helpers.js';

describe('§4: a number in a date column must be a plausible date (1950–2099)', () => {
  it('12 in Installerad ("the 12th") is a Fel naming the value, not 1900-01-12 billed', () => {
    const r = bill([{ Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: 12 }]);
    expect(r.lines).toHaveLength(0);
    const p = r.problems.find((x) => x.severity === 'Fel' && x.column === 'Installerad');
    expect(p?.value).toBe('12');
    expect(p?.message).toContain('1900-01-12');
    expect(p?.cell).toBe('E2');
  });

  it('the same in Avslutad and Påminnelse; a real serial still reads', () => {
    const r = bill([
      { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: serial('2025-03-12'), Avslutad: 31 },
      { Personnummer: P1, Tjänst: 'Digitalt lås', Installerad: serial('2025-03-12'), Påminnelse: 99999999 },
    ]);
    expect(r.problems.filter((x) => x.severity === 'Fel').map((x) => x.column)).toEqual(['Avslutad', 'Påminnelse']);
    const ok = bill([{ Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: serial('2025-03-12') }]);
    expect(ok.lines.map((l) => l.amount.toNumber())).toEqual([239, 200]);
  });
});

describe('§7: the Problem sheet stays inside Excel', () => {
  const base = bill([{ Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' }]);

  it('a 40 000-character value and message are cut to 32 767 characters', () => {
    const long = 'x'.repeat(40000);
    const r = bill([{ Personnummer: P1, Tjänst: long, Installerad: '2025-03-12' }]);
    const rows = tableRows(problemSheet(r).tables[0]!);
    const cells = rows.flat().filter((c): c is string => typeof c === 'string');
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(EXCEL_LIMITS.cellCharacters);
    expect(cells.some((c) => c.length === EXCEL_LIMITS.cellCharacters && c.endsWith('…'))).toBe(true);
  });

  it('more problems than rows: the first ones, then one row saying how many were left out', () => {
    const one: Problem = {
      severity: 'Fel',
      sheet: 'Enhetsregister',
      row: 2,
      column: 'Tjänst',
      value: 'x',
      message: 'Okänd tjänst.',
    };
    const many = new Array<Problem>(EXCEL_LIMITS.rows + 10).fill(one);
    const rows = tableRows(problemSheet({ ...base, problems: many } as BillingResult).tables[0]!);
    expect(rows.length).toBe(EXCEL_LIMITS.rows - 1);
    expect(String(rows[rows.length - 1]![6])).toContain('Ytterligare 12 problem');
  });
});
