// Issue 9 item 6 (R6): an amount beyond any plausible fee (Kostnad 1e20, text with 17 digits) is a
// typing or unit error, refused on its row with the value named; every total stays öre-exact.
import { describe, expect, it } from 'vitest';
import { formatKr, kr, MAX_AMOUNT, sum } from '../../src/engine/index.js';
import { abilitySheet, bill, errorsAt, linesOfKind, otherFeesSheet, P1, P2, runErrorOf, taxaSheet, totalOf } from './helpers.js';

const lost = {
  Personnummer: P1,
  Tjänst: 'Larmknapp sammanboende',
  Installerad: '2024-01-01',
  Avslutad: '2025-03-20',
  Återlämning: 'Borttappad',
};

describe('implausible amounts (R6)', () => {
  it('the bound is ten million kronor, and amounts up to it keep every öre through the month total', () => {
    expect(formatKr(MAX_AMOUNT)).toBe('10 000 000 kr');
    // A month total at a million lines at the bound has 16 significant digits with öre: exact.
    const n = 50_000;
    const total = sum(Array.from({ length: n }, () => kr('9999999.99')));
    expect(BigInt(total.times(100).toFixed(0))).toBe(999_999_999n * BigInt(n));
    const millionLines = kr('9999999.99').times(1_048_576);
    expect(millionLines.plus(kr('0.01')).minus(millionLines).toString()).toBe('0.01');
  });

  it.each([
    ['a number such as 1E+20', 1e20, '100000000000000000000'],
    ['text with 17 digits', '12345678901234567', '12345678901234567'],
    ['just over the bound', 10_000_000.01, '10000000.01'],
  ])('Kostnad %s is a Fel naming the value, not a charge', (_, cost, shown) => {
    const r = bill([
      { ...lost, Kostnad: cost },
      { Personnummer: P2, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' },
    ]);
    expect(linesOfKind(r, 'Ersättning teknik')).toEqual([]);
    const [fel] = errorsAt(r, 2);
    expect(fel).toMatchObject({ column: 'Kostnad', cell: 'I2', value: shown, rule: 'R4' });
    expect(fel!.message).toContain(`orimligt stor (${shown} kr; högst 10 000 000 kr)`);
    // The row is left out (a Fel); the rest of the month is billed and its total is exact.
    expect(r.total.toString()).toBe('239');
  });

  it('Kostnad at the bound is billed to the öre', () => {
    const r = bill([{ ...lost, Kostnad: '9 999 999,99' }]);
    expect(linesOfKind(r, 'Ersättning teknik').map((l) => l.amount.toString())).toEqual(['9999999.99']);
    expect(r.total.toString()).toBe('10000039.99');
  });

  it('Övriga avgifter: an implausible Belopp is a Fel naming the value; the person is not reduced by it', () => {
    const r = bill([{ Personnummer: P2, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' }], '2025-03', {
      otherFees: otherFeesSheet([{ Personnummer: P2, Månad: '2025-03', Belopp: 1e20 }]),
    });
    const [fel] = errorsAt(r, 2, 'Övriga avgifter');
    expect(fel).toMatchObject({ column: 'Belopp', cell: 'C2', value: '100000000000000000000' });
    expect(fel!.message).toMatch(/orimligt stort.*högst 10 000 000 kr/);
    expect(totalOf(r, P2)).toBe(239);
  });

  it('Avgiftsutrymme: an implausible amount is a Fel naming the value', () => {
    const r = bill([{ Personnummer: P2, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' }], '2025-03', {
      ability: abilitySheet([{ Personnummer: P2, Avgiftsutrymme: '99999999999999999' }]),
    });
    const [fel] = errorsAt(r, 2, 'Avgiftsutrymme');
    expect(fel).toMatchObject({ column: 'Avgiftsutrymme', cell: 'B2', value: '99999999999999999' });
    expect(fel!.message).toMatch(/orimligt stort.*högst 10 000 000 kr/);
    expect(totalOf(r, P2)).toBe(239);
  });

  it('Taxa: an implausible fee refuses the run, naming the cell', () => {
    const e = runErrorOf(() => bill([lost], '2025-03', { taxa: taxaSheet([{ from: '2025-01-01', alarm: 1e20 }]) }));
    expect(e.message).toMatch(/orimligt stort.*högst 10 000 000 kr/);
    expect(e.message).toContain('100000000000000000000');
  });
});
