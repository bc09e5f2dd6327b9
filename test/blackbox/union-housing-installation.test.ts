// Spec §5 R1 (union of active days per category, Särskilt boende) and R3 (one installation fee
// per person and installation date, new installations of alarm/lock/supervision only).
import { describe, expect, it } from 'vitest';
import { bill, d, kinds, pnr, type Row } from './harness.js';

const P = pnr(1938, 8, 8, 808);
const Q = pnr(1939, 9, 9, 909);
const M = '2025-03';
const row = (tjänst: string, inst: string, extra: Row = {}): Row => ({
  Personnummer: P,
  Tjänst: tjänst,
  Installerad: d(inst),
  ...extra,
});
const ended = (end: string, status = 'Återlämnad'): Row => ({ Avslutad: d(end), Återlämning: status });
const fee = (n: number): [string, number] => ['Månadsavgift', n];
const inst: [string, number] = ['Installationsavgift', 200];

describe('R1: one fee per category over the union of active days', () => {
  it('two alarms at once (an old one and a new Ny one) → one 239, one installation fee, and a Varning', async () => {
    const r = await bill({ rows: [row('Trygghetslarm', '2024-01-01'), row('Mobilt trygghetslarm', '2025-03-10')] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), inst]);
    expect(r.errors).toEqual([]);
    expect(r.warnings.length).toBeGreaterThanOrEqual(1);
  });

  it('two alarms the whole month → one 239 (also under days-30) and a Varning', async () => {
    const rows = [
      row('Trygghetslarm', '2024-01-01', { 'Enhets-ID': 'A1' }),
      row('GPS-larm', '2024-02-01', { 'Enhets-ID': 'A2' }),
    ];
    for (const proration of ['started-month', 'days-30', 'actual-days'] as const) {
      const r = await bill({ rows }, M, { proration });
      expect(kinds(r.lines)).toEqual([fee(239)]);
      expect(r.warnings.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('a swap overlapping two days (old ends 03-14, new from 03-13) is beyond a swap day → 239 once and a Varning', async () => {
    const r = await bill(
      {
        rows: [
          row('Trygghetslarm', '2023-05-01', ended('2025-03-14')),
          row('Trygghetslarm', '2025-03-13', { Installationstyp: 'Byte' }),
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239)]);
    expect(r.warnings.length).toBeGreaterThanOrEqual(1);
  });

  it('a contiguous swap (old ends 03-13, new from 03-14) → 239, no warning', async () => {
    const r = await bill(
      {
        rows: [
          row('Trygghetslarm', '2023-05-01', ended('2025-03-13')),
          row('Trygghetslarm', '2025-03-14', { Installationstyp: 'Byte' }),
        ],
      },
      M,
      { proration: 'days-30' },
    );
    expect(kinds(r.lines)).toEqual([fee(239)]);
    expect(r.problems).toEqual([]);
  });

  it('alarm and button are different categories → 239 and 40', async () => {
    const r = await bill({ rows: [row('Trygghetslarm', '2024-01-01'), row('Larmknapp sammanboende', '2024-01-01')] }, M);
    expect(kinds(r.lines).sort()).toEqual([fee(239), fee(40)].sort());
    expect(r.totalOf(P)).toBe(279);
    expect(r.problems).toEqual([]);
  });
});

describe('R1: Särskilt boende gives no monthly fee', () => {
  it('an alarm in Särskilt boende gives no line', async () => {
    const r = await bill({ rows: [row('Trygghetslarm', '2024-01-01', { Boende: 'Särskilt boende' })] }, M);
    expect(r.lines).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it('a button in Särskilt boende gives no line', async () => {
    const r = await bill({ rows: [row('Larmknapp sammanboende', '2024-01-01', { Boende: 'Särskilt boende' })] }, M);
    expect(r.lines).toEqual([]);
  });

  it('explicit Ordinärt boende is billed', async () => {
    const r = await bill({ rows: [row('Trygghetslarm', '2024-01-01', { Boende: 'Ordinärt boende' })] }, M);
    expect(kinds(r.lines)).toEqual([fee(239)]);
  });

  it('a move to Särskilt boende mid-month: only the ordinary days count (days-30: 15 days → 120)', async () => {
    const rows = [
      row('Trygghetslarm', '2023-01-01', ended('2025-03-15')),
      row('Trygghetslarm', '2025-03-16', { Boende: 'Särskilt boende', Installationstyp: 'Byte' }),
    ];
    expect(kinds((await bill({ rows }, M, { proration: 'days-30' })).lines)).toEqual([fee(120)]);
    expect(kinds((await bill({ rows }, M)).lines)).toEqual([fee(239)]);
    // April: only the Särskilt boende row is active → nothing.
    expect((await bill({ rows }, '2025-04')).lines).toEqual([]);
  });

  it('an unknown Boende value is a Fel on that row; the row is left out, other rows are billed', async () => {
    const r = await bill(
      {
        rows: [
          row('Trygghetslarm', '2024-01-01', { Boende: 'Hotell' }),
          { Personnummer: Q, Tjänst: 'Trygghetslarm', Installerad: d('2024-01-01') },
        ],
      },
      M,
    );
    expect(r.linesOf(P)).toEqual([]);
    expect(kinds(r.linesOf(Q))).toEqual([fee(239)]);
    expect(r.errors).toEqual([expect.objectContaining({ Rad: 2, Kolumn: 'Boende', Värde: 'Hotell' })]);
  });
});

describe('R3: installation fee per installation occasion', () => {
  it('Byte gives no installation fee; explicit Ny does', async () => {
    expect(kinds((await bill({ rows: [row('Trygghetslarm', '2025-03-05', { Installationstyp: 'Byte' })] }, M)).lines)).toEqual([
      fee(239),
    ]);
    expect(kinds((await bill({ rows: [row('Trygghetslarm', '2025-03-05', { Installationstyp: 'Ny' })] }, M)).lines)).toEqual([
      fee(239),
      inst,
    ]);
  });

  it('an unknown Installationstyp is a Fel naming the column and value', async () => {
    const r = await bill({ rows: [row('Trygghetslarm', '2025-03-05', { Installationstyp: 'Flytt' })] }, M);
    expect(r.lines).toEqual([]);
    expect(r.errors).toEqual([expect.objectContaining({ Rad: 2, Kolumn: 'Installationstyp', Värde: 'Flytt' })]);
  });

  it('same day: a Byte alarm and a Ny lock → one fee (the lock is new)', async () => {
    const r = await bill(
      { rows: [row('Trygghetslarm', '2025-03-05', { Installationstyp: 'Byte' }), row('Digitalt lås', '2025-03-05')] },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), inst]);
  });

  it('same day: alarm, supervision and lock → one fee, naming the rows it comes from', async () => {
    const r = await bill(
      { rows: [row('Trygghetslarm', '2025-03-05'), row('Digital tillsyn', '2025-03-05'), row('Digitalt lås', '2025-03-05')] },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), inst]);
    expect(r.lines[1]!.Källa).toMatch(/Enhetsregister!2/);
  });

  it('different days in one month: alarm 03-05 and lock 03-20 → two fees (400)', async () => {
    const r = await bill({ rows: [row('Trygghetslarm', '2025-03-05'), row('Digitalt lås', '2025-03-20')] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), inst, inst]);
    expect(r.totalOf(P)).toBe(639);
  });

  it('two Ny alarms the same day: one monthly fee, one installation fee', async () => {
    const r = await bill(
      {
        rows: [
          row('Trygghetslarm', '2025-03-05', { 'Enhets-ID': 'X1' }),
          row('Mobilt trygghetslarm', '2025-03-05', { 'Enhets-ID': 'X2' }),
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), inst]);
  });

  it('the same day for two persons: each pays an installation fee', async () => {
    const r = await bill(
      { rows: [row('Trygghetslarm', '2025-03-05'), { ...row('Trygghetslarm', '2025-03-05'), Personnummer: Q }] },
      M,
    );
    expect(r.totalOf(P)).toBe(439);
    expect(r.totalOf(Q)).toBe(439);
  });

  it('a button installation carries no fee; button + lock the same day → one fee (for the lock)', async () => {
    expect(kinds((await bill({ rows: [row('Larmknapp sammanboende', '2025-03-05')] }, M)).lines)).toEqual([fee(40)]);
    expect(kinds((await bill({ rows: [row('Larmknapp', '2025-03-05'), row('Digitalt lås', '2025-03-05')] }, M)).lines)).toEqual([
      fee(40),
      inst,
    ]);
  });

  it('a lock or supervision alone: 200 installation and no monthly line (0 kr)', async () => {
    expect(kinds((await bill({ rows: [row('Nyckelfritt lås', '2025-03-05')] }, M)).lines)).toEqual([inst]);
    expect(kinds((await bill({ rows: [row('Nattillsyn', '2025-03-05')] }, M)).lines)).toEqual([inst]);
    expect((await bill({ rows: [row('Nattillsyn', '2025-02-05')] }, M)).lines).toEqual([]);
  });

  it('charged in the month of the installation date only', async () => {
    const rows = [row('Trygghetslarm', '2025-02-28')];
    expect(kinds((await bill({ rows }, '2025-02')).lines)).toEqual([fee(239), inst]);
    expect(kinds((await bill({ rows }, '2025-03')).lines)).toEqual([fee(239)]);
  });

  it('installed and ended the same day still is an installation occasion', async () => {
    const r = await bill({ rows: [row('Digitalt lås', '2025-03-10', ended('2025-03-10'))] }, M);
    expect(kinds(r.lines)).toEqual([inst]);
  });

  it('the installation fee is outside the cap: room 0 does not reduce it', async () => {
    const r = await bill(
      {
        rows: [row('Trygghetslarm', '2025-03-12')],
        ability: [
          ['Personnummer', 'Avgiftsutrymme'],
          [P, 0],
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), inst, ['Reduktion högkostnadsskydd', -239]]);
    expect(r.totalOf(P)).toBe(200);
  });
});
