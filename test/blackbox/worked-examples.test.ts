// Spec §8: every worked example (month 2025-03, default tariff and settings), each in its own
// register, with the exact lines the spec lists.
import { describe, expect, it } from 'vitest';
import { bill, d, kinds, pnr } from './harness.js';

const P = pnr(1940, 1, 10, 101);
const M = '2025-03';

describe('§8 worked examples, each alone in a register', () => {
  it('A: Trygghetslarm installed 2025-03-12 → 239 + 200 = 439', async () => {
    const r = await bill({ rows: [{ Personnummer: P, Namn: 'A', Tjänst: 'Trygghetslarm', Installerad: d('2025-03-12') }] }, M);
    expect(kinds(r.lines)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
    ]);
    expect(r.lines.map((l) => [l.Regel, l.Högkostnadsskydd])).toEqual([
      ['R1', 'Ja'],
      ['R3', 'Nej'],
    ]);
    expect(r.totalOf(P)).toBe(439);
    expect(r.problems).toEqual([]);
  });

  it('B: Mobilt trygghetslarm + Digitalt lås same day → 239 + one 200 = 439 (lock 0 kr gives no line)', async () => {
    const r = await bill(
      {
        rows: [
          { Personnummer: P, Tjänst: 'Mobilt trygghetslarm', Installerad: d('2025-03-05') },
          { Personnummer: P, Tjänst: 'Digitalt lås', Installerad: d('2025-03-05') },
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
    ]);
    expect(r.lines[0]!.Tjänst).toBe('Mobilt trygghetslarm');
    expect(r.totalOf(P)).toBe(439);
  });

  it('C: alarm swapped on 2025-03-14 (Byte) → 239 once, no installation fee, no warning', async () => {
    const r = await bill(
      {
        rows: [
          {
            Personnummer: P,
            Tjänst: 'Trygghetslarm',
            Installerad: d('2023-05-01'),
            Avslutad: d('2025-03-14'),
            Återlämning: 'Återlämnad',
          },
          { Personnummer: P, Tjänst: 'Trygghetslarm', Installerad: d('2025-03-14'), Installationstyp: 'Byte' },
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([['Månadsavgift', 239]]);
    expect(r.problems).toEqual([]);
  });

  it('D: Larmknapp ended 2025-03-20 Borttappad, Kostnad 450 → 40 + 450 = 490', async () => {
    const r = await bill(
      {
        rows: [
          {
            Personnummer: P,
            Tjänst: 'Larmknapp sammanboende',
            Installerad: d('2024-01-01'),
            Avslutad: d('2025-03-20'),
            Återlämning: 'Borttappad',
            Kostnad: 450,
          },
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([
      ['Månadsavgift', 40],
      ['Ersättning teknik', 450],
    ]);
    expect(r.lines.map((l) => [l.Regel, l.Högkostnadsskydd])).toEqual([
      ['R1', 'Ja'],
      ['R4', 'Nej'],
    ]);
    expect(r.totalOf(P)).toBe(490);
  });

  it('E: Övriga avgifter 2 500 → 239 and Reduktion −97 = 142', async () => {
    const r = await bill(
      {
        rows: [{ Personnummer: P, Tjänst: 'Trygghetslarm', Installerad: d('2024-01-01') }],
        other: [
          ['Personnummer', 'Månad', 'Belopp'],
          [P, '2025-03', 2500],
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([
      ['Månadsavgift', 239],
      ['Reduktion högkostnadsskydd', -97],
    ]);
    const red = r.lines[1]!;
    expect([red.Regel, red.Högkostnadsskydd]).toEqual(['R5', 'Ja']);
    expect(r.totalOf(P)).toBe(142);
  });

  it('F: Avgiftsutrymme 0 plus a Digital tillsyn installed 2025-03-20 → 239 − 239 + 200 = 200', async () => {
    const r = await bill(
      {
        rows: [
          { Personnummer: P, Tjänst: 'Trygghetslarm', Installerad: d('2024-01-01') },
          { Personnummer: P, Tjänst: 'Digital tillsyn', Installerad: d('2025-03-20') },
        ],
        ability: [
          ['Personnummer', 'Avgiftsutrymme'],
          [P, 0],
        ],
      },
      M,
    );
    expect(kinds(r.lines).sort()).toEqual([
      ['Installationsavgift', 200],
      ['Månadsavgift', 239],
      ['Reduktion högkostnadsskydd', -239],
    ]);
    expect(r.totalOf(P)).toBe(200);
  });

  it('G: Ej återlämnad, Påminnelse 2025-02-10 → due 2025-03-12 → Ersättning 2 400 in March only', async () => {
    const spec = {
      rows: [
        {
          Personnummer: P,
          Tjänst: 'Trygghetslarm',
          Installerad: d('2022-01-01'),
          Avslutad: d('2025-01-31'),
          Återlämning: 'Ej återlämnad',
          Påminnelse: d('2025-02-10'),
          Kostnad: 2400,
        },
      ],
    };
    const mar = await bill(spec, M);
    expect(kinds(mar.lines)).toEqual([['Ersättning teknik', 2400]]);
    expect([mar.lines[0]!.Regel, mar.lines[0]!.Högkostnadsskydd]).toEqual(['R4', 'Nej']);
    const feb = await bill(spec, '2025-02');
    expect(feb.lines).toEqual([]);
    const apr = await bill(spec, '2025-04');
    expect(apr.lines).toEqual([]);
    const jan = await bill(spec, '2025-01');
    expect(kinds(jan.lines)).toEqual([['Månadsavgift', 239]]);
  });

  it('H: case A under days-30 → 20 days: round(239 × 20 / 30) = 159, + 200 = 359', async () => {
    const r = await bill({ rows: [{ Personnummer: P, Tjänst: 'Trygghetslarm', Installerad: d('2025-03-12') }] }, M, {
      proration: 'days-30',
    });
    expect(kinds(r.lines)).toEqual([
      ['Månadsavgift', 159],
      ['Installationsavgift', 200],
    ]);
    expect(r.totalOf(P)).toBe(359);
  });

  it('A–G together in one register give the same per-person totals', async () => {
    const p = 'ABCDEFG'.split('').map((_, i) => pnr(1930 + i, 2 + i, 3 + i, 200 + i));
    const [a, b, c, dd, e, f, g] = p as [string, string, string, string, string, string, string];
    const r = await bill(
      {
        rows: [
          { Personnummer: a, Tjänst: 'Trygghetslarm', Installerad: d('2025-03-12') },
          { Personnummer: b, Tjänst: 'Mobilt trygghetslarm', Installerad: d('2025-03-05') },
          { Personnummer: b, Tjänst: 'Digitalt lås', Installerad: d('2025-03-05') },
          {
            Personnummer: c,
            Tjänst: 'Trygghetslarm',
            Installerad: d('2023-05-01'),
            Avslutad: d('2025-03-14'),
            Återlämning: 'Återlämnad',
          },
          { Personnummer: c, Tjänst: 'Trygghetslarm', Installerad: d('2025-03-14'), Installationstyp: 'Byte' },
          {
            Personnummer: dd,
            Tjänst: 'Larmknapp sammanboende',
            Installerad: d('2024-01-01'),
            Avslutad: d('2025-03-20'),
            Återlämning: 'Borttappad',
            Kostnad: 450,
          },
          { Personnummer: e, Tjänst: 'Trygghetslarm', Installerad: d('2024-01-01') },
          { Personnummer: f, Tjänst: 'Trygghetslarm', Installerad: d('2024-01-01') },
          { Personnummer: f, Tjänst: 'Digital tillsyn', Installerad: d('2025-03-20') },
          {
            Personnummer: g,
            Tjänst: 'Trygghetslarm',
            Installerad: d('2022-01-01'),
            Avslutad: d('2025-01-31'),
            Återlämning: 'Ej återlämnad',
            Påminnelse: d('2025-02-10'),
            Kostnad: 2400,
          },
        ],
        other: [
          ['Personnummer', 'Månad', 'Belopp'],
          [e, '2025-03', 2500],
        ],
        ability: [
          ['Personnummer', 'Avgiftsutrymme'],
          [f, 0],
        ],
      },
      M,
    );
    expect(r.totals).toEqual({ [a]: 439, [b]: 439, [c]: 239, [dd]: 490, [e]: 142, [f]: 200, [g]: 2400 });
    expect(r.problems).toEqual([]);
  });
});
