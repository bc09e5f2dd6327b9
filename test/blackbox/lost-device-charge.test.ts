// Spec §5 R4: Ersättning teknik, the charge (Kostnad) for lost, unusable or unreturned technology, outside the cap.
//  - Obrukbar / Borttappad: charged in the month of Avslutad; Avslutad missing → Fel.
//  - Ej återlämnad: charged in the month of Påminnelse + reminderDays (default 30); no
//    Påminnelse → not charged + Varning.
//  - Kostnad missing, non-numeric or negative where a charge is due → Fel; never a silent zero.
import { describe, expect, it } from 'vitest';
import { bill, d, kinds, pnr, TAXA_HEADERS, type Row } from './harness.js';

const P = pnr(1936, 6, 16, 616);
const Q = pnr(1937, 7, 17, 717);
const M = '2025-03';
const alarm = (extra: Row = {}): Row => ({
  Personnummer: P,
  Tjänst: 'Trygghetslarm',
  'Enhets-ID': 'SN-77',
  Installerad: d('2022-01-01'),
  ...extra,
});
const fee = (n: number): [string, number] => ['Månadsavgift', n];
const repl = (n: number): [string, number] => ['Ersättning teknik', n];
const notReturned = (reminder: string | null, extra: Row = {}): Row =>
  alarm({
    Avslutad: d('2025-01-31'),
    Återlämning: 'Ej återlämnad',
    Kostnad: 2400,
    ...(reminder ? { Påminnelse: d(reminder) } : {}),
    ...extra,
  });

describe('R4 Obrukbar / Borttappad: month of Avslutad', () => {
  it('Obrukbar ended 2025-03-02 with Kostnad 1 250,50 → 239 + 1 250.50, device serial on the line', async () => {
    const r = await bill({ rows: [alarm({ Avslutad: d('2025-03-02'), Återlämning: 'Obrukbar', Kostnad: 1250.5 })] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), repl(1250.5)]);
    const line = r.lines[1]!;
    expect([line.Regel, line.Högkostnadsskydd, line['Enhets-ID']]).toEqual(['R4', 'Nej', 'SN-77']);
    expect(r.totalOf(P)).toBe(1489.5);
  });

  it('Borttappad ended 2025-02-27 is charged in February, not in March', async () => {
    const rows = [alarm({ Avslutad: d('2025-02-27'), Återlämning: 'Borttappad', Kostnad: 900 })];
    expect(kinds((await bill({ rows }, '2025-02')).lines)).toEqual([fee(239), repl(900)]);
    expect((await bill({ rows }, M)).lines).toEqual([]);
  });

  it.each(['Obrukbar', 'Borttappad'])(
    '%s without Avslutad → Fel on the row (Avslutad), the row is left out, others billed',
    async (status) => {
      const r = await bill(
        {
          rows: [
            alarm({ Återlämning: status, Kostnad: 900 }),
            { Personnummer: Q, Tjänst: 'Trygghetslarm', Installerad: d('2024-01-01') },
          ],
        },
        M,
      );
      expect(r.errors).toEqual([expect.objectContaining({ Rad: 2, Kolumn: 'Avslutad' })]);
      expect(r.linesOf(P)).toEqual([]);
      expect(kinds(r.linesOf(Q))).toEqual([fee(239)]);
    },
  );

  it('öre are kept exactly: 100,10 + 200,20 = 300,30 (decimal, not float)', async () => {
    const r = await bill(
      {
        rows: [
          alarm({
            Tjänst: 'Digitalt lås',
            'Enhets-ID': 'L1',
            Avslutad: d('2025-03-05'),
            Återlämning: 'Obrukbar',
            Kostnad: 100.1,
          }),
          alarm({
            Tjänst: 'Digital tillsyn',
            'Enhets-ID': 'T1',
            Avslutad: d('2025-03-06'),
            Återlämning: 'Borttappad',
            Kostnad: 200.2,
          }),
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([repl(100.1), repl(200.2)]);
    const total = r.summary.find((x) => x.includes('Totalt för månaden'))!;
    expect(total[total.indexOf('Totalt för månaden') + 2]).toBe(300.3);
  });

  it('Ersättning teknik is outside the cap: room 0 leaves it untouched', async () => {
    const r = await bill(
      {
        rows: [alarm({ Avslutad: d('2025-03-20'), Återlämning: 'Obrukbar', Kostnad: 450 })],
        ability: [
          ['Personnummer', 'Avgiftsutrymme'],
          [P, 0],
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), repl(450), ['Reduktion högkostnadsskydd', -239]]);
    expect(r.totalOf(P)).toBe(450);
  });

  it('Återlämnad is never charged, even with a Kostnad', async () => {
    const r = await bill({ rows: [alarm({ Avslutad: d('2025-03-20'), Återlämning: 'Återlämnad', Kostnad: 450 })] }, M);
    expect(kinds(r.lines)).toEqual([fee(239)]);
  });

  it('an unknown Återlämning value is a Fel naming the value', async () => {
    const r = await bill({ rows: [alarm({ Avslutad: d('2025-03-20'), Återlämning: 'Trasig', Kostnad: 450 })] }, M);
    expect(r.lines).toEqual([]);
    expect(r.errors).toEqual([expect.objectContaining({ Rad: 2, Kolumn: 'Återlämning', Värde: 'Trasig' })]);
  });
});

describe('R4 Ej återlämnad: month of Påminnelse + reminderDays', () => {
  it('reminderDays 18 → due 2025-02-28 (February); 19 → due 2025-03-01 (March)', async () => {
    const rows = [notReturned('2025-02-10')];
    expect(kinds((await bill({ rows }, '2025-02', { reminderDays: 18 })).lines)).toEqual([repl(2400)]);
    expect((await bill({ rows }, M, { reminderDays: 18 })).lines).toEqual([]);
    expect((await bill({ rows }, '2025-02', { reminderDays: 19 })).lines).toEqual([]);
    expect(kinds((await bill({ rows }, M, { reminderDays: 19 })).lines)).toEqual([repl(2400)]);
  });

  it('2025-01-30 + 30 = 2025-03-01 (March, over a 28-day February)', async () => {
    const rows = [notReturned('2025-01-30')];
    expect((await bill({ rows }, '2025-02')).lines).toEqual([]);
    expect(kinds((await bill({ rows }, M)).lines)).toEqual([repl(2400)]);
  });

  it('2024-01-30 + 30 = 2024-02-29 (leap February)', async () => {
    const taxa = [TAXA_HEADERS, [d('2024-01-01'), 239, 40, 0, 0, 200, 'Nej', 'Påbörjad månad', 30]];
    const rows = [notReturned('2024-01-30', { Avslutad: d('2024-01-15') })];
    expect(kinds((await bill({ rows, taxa }, '2024-02')).lines)).toEqual([repl(2400)]);
    expect((await bill({ rows, taxa }, '2024-03')).lines).toEqual([]);
  });

  it('over the year end: 2024-12-20 + 30 = 2025-01-19 (January 2025)', async () => {
    const rows = [notReturned('2024-12-20', { Avslutad: d('2024-12-01') })];
    expect(kinds((await bill({ rows }, '2025-01')).lines)).toEqual([repl(2400)]);
    expect((await bill({ rows }, '2025-02')).lines).toEqual([]);
  });

  it('Påminnelse 2025-03-15 → due 2025-04-14: April, not March', async () => {
    const rows = [notReturned('2025-03-15', { Avslutad: d('2025-03-01') })];
    expect(kinds((await bill({ rows }, M)).lines)).toEqual([fee(239)]);
    expect(kinds((await bill({ rows }, '2025-04')).lines)).toEqual([repl(2400)]);
  });

  it('reminderDays from the Taxa sheet (Påminnelsedagar 10): 2025-02-10 → 2025-02-20', async () => {
    const taxa = [TAXA_HEADERS, [d('2025-01-01'), 239, 40, 0, 0, 200, 'Nej', 'Påbörjad månad', 10]];
    const rows = [notReturned('2025-02-10')];
    expect(kinds((await bill({ rows, taxa }, '2025-02')).lines)).toEqual([repl(2400)]);
    expect((await bill({ rows, taxa }, M)).lines).toEqual([]);
    // --reminder-days overrides the sheet for one run.
    expect(kinds((await bill({ rows, taxa }, M, { reminderDays: 30 })).lines)).toEqual([repl(2400)]);
  });

  it('no Påminnelse → not charged, a Varning, and the row is still billed', async () => {
    const r = await bill({ rows: [alarm({ Avslutad: d('2025-03-10'), Återlämning: 'Ej återlämnad', Kostnad: 2400 })] }, M);
    expect(kinds(r.lines)).toEqual([fee(239)]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ Rad: 2 })]);
    // Nor in any later month.
    for (const m of ['2025-04', '2025-05'])
      expect(
        (await bill({ rows: [alarm({ Avslutad: d('2025-03-10'), Återlämning: 'Ej återlämnad', Kostnad: 2400 })] }, m)).lines,
      ).toEqual([]);
  });
});

describe('R4 Kostnad where a charge is due', () => {
  const due = (kostnad: unknown): Row =>
    alarm({ Avslutad: d('2025-03-02'), Återlämning: 'Obrukbar', ...(kostnad === undefined ? {} : { Kostnad: kostnad }) });

  it.each([
    ['missing', undefined],
    ['text', 'okänd'],
    ['negative', -100],
    ['negative text', '-100'],
  ])('Kostnad %s → Fel on the row naming Kostnad; no zero line; other persons billed', async (_n, kostnad) => {
    const r = await bill({ rows: [due(kostnad), { Personnummer: Q, Tjänst: 'Trygghetslarm', Installerad: d('2024-01-01') }] }, M);
    expect(r.errors).toEqual([expect.objectContaining({ Rad: 2, Kolumn: 'Kostnad' })]);
    expect(r.lines.filter((l) => l.Typ === 'Ersättning teknik')).toEqual([]);
    expect(r.linesOf(P)).toEqual([]);
    expect(kinds(r.linesOf(Q))).toEqual([fee(239)]);
  });

  it('Ej återlämnad due this month without Kostnad → Fel', async () => {
    const r = await bill({ rows: [notReturned('2025-02-10', { Kostnad: null })] }, M);
    expect(r.errors).toEqual([expect.objectContaining({ Rad: 2, Kolumn: 'Kostnad' })]);
    expect(r.lines).toEqual([]);
  });

  it('Kostnad "450,50" (Swedish decimal comma as text) → 450.50', async () => {
    const r = await bill({ rows: [due('450,50')] }, M);
    expect(r.errors).toEqual([]);
    expect(kinds(r.lines)).toEqual([fee(239), repl(450.5)]);
  });

  it('Kostnad "2 400 kr" is never a silent zero: either 2 400 or a Fel on Kostnad', async () => {
    const r = await bill({ rows: [due('2 400 kr')] }, M);
    const charged = r.lines.filter((l) => l.Typ === 'Ersättning teknik').map((l) => l.Belopp);
    const fel = r.errors.filter((e) => e.Kolumn === 'Kostnad');
    expect(charged.length === 1 ? charged : fel.length).toEqual(charged.length === 1 ? [2400] : 1);
  });

  it('a bad Kostnad where no charge is due is not a Fel', async () => {
    const r = await bill(
      {
        rows: [
          alarm({ Kostnad: 'okänd' }),
          {
            Personnummer: Q,
            Tjänst: 'Trygghetslarm',
            Installerad: d('2024-01-01'),
            Avslutad: d('2025-03-05'),
            Återlämning: 'Återlämnad',
            Kostnad: -5,
          },
        ],
      },
      M,
    );
    expect(r.errors).toEqual([]);
    expect(kinds(r.linesOf(P))).toEqual([fee(239)]);
    expect(kinds(r.linesOf(Q))).toEqual([fee(239)]);
  });
});
