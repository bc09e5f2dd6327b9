// Spec §4 and §6: reading the register — personnummer forms, headers and aliases, dates,
// services and their aliases, identical duplicates, bad rows that never stop the run.
import { describe, expect, it } from 'vitest';
import { badLuhn, bill, d, kinds, pnr, ten, twelveNoSep, writeWorkbook, type Row } from './harness.js';

const M = '2025-03';
const BASE = pnr(1940, 1, 1, 123); // 19400101-1230
const fee = (n: number): [string, number] => ['Månadsavgift', n];
const alarmOf = (p: unknown, extra: Row = {}): Row => ({
  Personnummer: p,
  Tjänst: 'Trygghetslarm',
  Installerad: d('2024-01-01'),
  ...extra,
});
const other = pnr(1950, 5, 5, 555);

describe('personnummer forms (spec §4)', () => {
  it.each([
    ['12 digits with -', BASE, BASE],
    ['12 digits without separator', twelveNoSep(BASE), BASE],
    ['10 digits with -', ten(BASE, '-'), BASE],
    ['10 digits without separator', ten(BASE, ''), BASE],
    ['10 digits with + (100 years earlier: 1925, a 100-year-old)', ten(pnr(1925, 1, 1, 456), '+'), pnr(1925, 1, 1, 456)],
    ['10 digits with - for 250101 in 2025 → born 2025', ten(pnr(2025, 1, 1, 456), '-'), pnr(2025, 1, 1, 456)],
    ['10 digits with - for 260115 in 2025 → 1926 (aged 99)', ten(pnr(1926, 1, 15, 456), '-'), pnr(1926, 1, 15, 456)],
    ['10 digits 000229- → 2000-02-29 (leap)', ten(pnr(2000, 2, 29, 456), '-'), pnr(2000, 2, 29, 456)],
    ['12-digit 100+ year old', pnr(1919, 12, 31, 111), pnr(1919, 12, 31, 111)],
    ['samordningsnummer (day + 60), 12 digits', pnr(1940, 1, 61, 456), pnr(1940, 1, 61, 456)],
    ['samordningsnummer, 10 digits', ten(pnr(1940, 1, 61, 456), '-'), pnr(1940, 1, 61, 456)],
    ['samordningsnummer 29 Feb of a leap year (day 89)', pnr(1944, 2, 89, 321), pnr(1944, 2, 89, 321)],
  ])('%s is billed under the normalised 12-digit number', async (_n, written, normal) => {
    const r = await bill({ rows: [alarmOf(written)] }, M);
    expect(r.errors).toEqual([]);
    expect(r.lines.map((l) => [l.Personnummer, l.Belopp])).toEqual([[normal, 239]]);
  });

  it.each([
    ['invalid Luhn', badLuhn(BASE)],
    ['invalid Luhn, 10 digits', ten(badLuhn(BASE))],
    ['nonexistent date 1925-02-29', pnr(1925, 2, 29, 456)],
    ['nonexistent date 1940-04-31', pnr(1940, 4, 31, 456)],
    ['000229+ → 1900-02-29 does not exist', ten(pnr(1900, 2, 29, 456), '+')],
    ['samordningsnummer for 31 February (day 91)', pnr(1940, 2, 91, 456)],
    ['month 13', pnr(1940, 13, 1, 456)],
    ['too few digits', '19400101-123'],
    ['letters', 'ABCDEFGH-1234'],
  ])('%s → Fel on that row naming Personnummer and the value; other rows billed', async (_n, written) => {
    const r = await bill({ rows: [alarmOf(other), alarmOf(written)] }, M);
    expect(r.errors).toEqual([
      expect.objectContaining({ Allvarlighet: 'Fel', Rad: 3, Kolumn: 'Personnummer', Värde: written, Cell: 'A3' }),
    ]);
    expect(r.errors[0]!.Meddelande).toMatch(/personnummer/i);
    expect(r.lines.map((l) => [l.Personnummer, l.Belopp])).toEqual([[other, 239]]);
  });

  it('one person written in two forms is one person: overlapping alarms → one fee and a Varning', async () => {
    const r = await bill(
      { rows: [alarmOf(BASE), alarmOf(ten(BASE, ''), { Tjänst: 'GPS-larm' }), alarmOf(ten(BASE), { Tjänst: 'Larmknapp' })] },
      M,
    );
    expect(r.lines.map((l) => l.Personnummer)).toEqual([BASE, BASE]);
    expect(kinds(r.lines).sort()).toEqual([fee(239), fee(40)].sort());
    expect(r.warnings.length).toBeGreaterThanOrEqual(1);
  });
});

describe('headers (spec §4): case, whitespace, aliases, order; missing required headers', () => {
  it('aliases in odd case and spacing, columns in another order, other columns ignored', async () => {
    const p = pnr(1945, 5, 15, 515);
    const r = await bill(
      {
        registerRaw: [
          [
            'Anteckning',
            '  SLUTDATUM ',
            'status',
            'produkt',
            ' Serienummer',
            'ersättningskostnad',
            'Startdatum',
            'PNR',
            'Boendeform',
            'installationstyp',
            'Påminnelse skickad',
          ],
          ['x', d('2025-03-20'), 'Borttappad', 'larmknapp', 'S-1', 450, d('2024-01-01'), p, null, null, null],
          ['y', null, null, 'Trygghetslarm', 'S-2', null, d('2025-03-12'), p, 'Ordinärt boende', 'Ny', null],
          ['z', null, null, 'Trygghetslarm', 'S-3', null, d('2024-01-01'), pnr(1946, 6, 16, 616), 'Särskilt boende', null, null],
        ],
      },
      M,
    );
    expect(r.errors).toEqual([]);
    expect(kinds(r.linesOf(p)).sort()).toEqual(
      [fee(40), fee(239), ['Installationsavgift', 200], ['Ersättning teknik', 450]].sort(),
    );
    expect(r.lines.find((l) => l.Typ === 'Ersättning teknik')!['Enhets-ID']).toBe('S-1');
    expect(r.linesOf(pnr(1946, 6, 16, 616))).toEqual([]);
  });

  it('the other aliases: Personnr, Typ (with Installationstyp beside it), Enhet, Installationsdatum, Återlämnad (as end date)', async () => {
    const p = pnr(1947, 7, 17, 717);
    const r = await bill(
      {
        registerRaw: [
          ['Personnr', 'Typ', 'Installationstyp', 'Enhet', 'Installationsdatum', 'Återlämnad', 'Återlämning', 'Kostnad'],
          [p, 'Trygghetslarm', 'Byte', 'E-1', d('2025-03-14'), null, null, null],
          [p, 'Trygghetslarm', null, 'E-0', d('2023-01-01'), d('2025-03-14'), 'Obrukbar', 999],
        ],
      },
      M,
    );
    expect(r.errors).toEqual([]);
    expect(kinds(r.lines)).toEqual([fee(239), ['Ersättning teknik', 999]]);
    expect(r.lines[1]!['Enhets-ID']).toBe('E-0');
  });

  it('the register found on a sheet with another name, after an unrelated sheet; Källa names it', async () => {
    const p = pnr(1948, 8, 18, 818);
    const r = await bill(
      {
        before: [
          {
            name: 'Info',
            rows: [
              ['Kommun', 'Mjölby'],
              ['Ansvarig', 'X'],
            ],
          },
        ],
        registerName: 'Larm 2025',
        registerRaw: [
          ['Personnummer', 'Tjänst', 'Installerad'],
          [p, 'Trygghetslarm', d('2025-03-12')],
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), ['Installationsavgift', 200]]);
    expect(r.lines[0]!.Källa).toBe('Larm 2025!2');
  });

  it('--sheet picks a named sheet even when Enhetsregister exists', async () => {
    const p = pnr(1948, 8, 18, 818);
    const path = await writeWorkbook({
      before: [
        {
          name: 'Mars',
          rows: [
            ['Personnummer', 'Tjänst', 'Installerad'],
            [p, 'Larmknapp', d('2024-01-01')],
          ],
        },
      ],
      rows: [alarmOf(p)],
    });
    expect(kinds((await bill(path, M)).lines)).toEqual([fee(239)]);
    expect(kinds((await bill(path, M, { sheet: 'Mars' })).lines)).toEqual([fee(40)]);
  });

  it.each([
    [['Personnummer', 'Tjänst', 'Namn'], ['Installerad']],
    [['Pnr', 'Namn', 'Startdatum'], ['Tjänst']],
    [
      ['Namn', 'Enhets-ID', 'Avslutad'],
      ['Personnummer', 'Tjänst', 'Installerad'],
    ],
  ])('headers %j → run refused, naming %j', async (headers, missing) => {
    const path = await writeWorkbook({ registerRaw: [headers, headers.map(() => 'x')] });
    const err = await bill(path, M).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    for (const h of missing) expect(err!.message).toContain(h);
  });
});

describe('dates (spec §4): date cells, serials, ISO text, anything else is a Fel', () => {
  const P = pnr(1941, 1, 11, 111);
  it('ISO text, a date cell and a plain serial number are the same day', async () => {
    for (const inst of [d('2025-03-12'), '2025-03-12', 45728]) {
      const r = await bill({ rows: [{ Personnummer: P, Tjänst: 'Trygghetslarm', Installerad: inst }] }, M, {
        proration: 'days-30',
      });
      expect(r.errors).toEqual([]);
      expect(kinds(r.lines)).toEqual([fee(159), ['Installationsavgift', 200]]);
    }
  });

  it('a date cell with a time of day late in the evening stays on its calendar day', async () => {
    const r = await bill(
      { rows: [{ Personnummer: P, Tjänst: 'Trygghetslarm', Installerad: new Date(Date.UTC(2025, 2, 31, 23, 30)) }] },
      M,
      { proration: 'days-30' },
    );
    expect(kinds(r.lines)).toEqual([fee(8), ['Installationsavgift', 200]]);
  });

  it.each([
    ['Installerad', 'E', '03/04/2025'],
    ['Installerad', 'E', '2025-02-30'],
    ['Installerad', 'E', '12 mars 2025'],
    ['Avslutad', 'F', '03/04/2025'],
    ['Påminnelse', 'H', '2025.02.10'],
  ])('unreadable %s "%s%s" → Fel naming row, column, cell and value', async (col, letter, value) => {
    const rows = [
      alarmOf(other),
      {
        Personnummer: P,
        Tjänst: 'Trygghetslarm',
        Installerad: d('2024-01-01'),
        Återlämning: col === 'Påminnelse' ? 'Ej återlämnad' : null,
        Avslutad: col === 'Påminnelse' ? d('2025-01-31') : null,
        Kostnad: 100,
        [col]: value,
      },
    ];
    const r = await bill({ rows }, M);
    expect(r.errors).toEqual([
      expect.objectContaining({
        Allvarlighet: 'Fel',
        Blad: 'Enhetsregister',
        Rad: 3,
        Kolumn: col,
        Cell: `${letter}3`,
        Värde: value,
      }),
    ]);
    expect(r.linesOf(P)).toEqual([]);
    expect(kinds(r.linesOf(other))).toEqual([fee(239)]);
  });

  it('missing Installerad → Fel; Avslutad before Installerad → Fel', async () => {
    const r = await bill(
      {
        rows: [
          { Personnummer: P, Tjänst: 'Trygghetslarm' },
          { Personnummer: other, Tjänst: 'Trygghetslarm', Installerad: d('2025-03-10'), Avslutad: d('2025-03-09') },
        ],
      },
      M,
    );
    expect(r.lines).toEqual([]);
    expect(r.errors).toEqual([expect.objectContaining({ Rad: 2, Kolumn: 'Installerad' }), expect.objectContaining({ Rad: 3 })]);
  });
});

describe('services (spec §1)', () => {
  const P = pnr(1942, 2, 12, 212);
  it.each([
    ['gps-KLOCKA', 'Mobilt trygghetslarm', 239],
    ['  larm ', 'Trygghetslarm', 239],
    ['DIGITALT TRYGGHETSLARM', 'Trygghetslarm', 239],
    ['mobilt larm', 'Mobilt trygghetslarm', 239],
    ['Gps-Larm', 'Mobilt trygghetslarm', 239],
    ['extra LARMKNAPP', 'Larmknapp sammanboende', 40],
    ['larmknapp', 'Larmknapp sammanboende', 40],
    ['larmknapp sammanboende', 'Larmknapp sammanboende', 40],
  ])('"%s" is %s (%i kr)', async (written, canonical, amount) => {
    const r = await bill({ rows: [{ Personnummer: P, Tjänst: written, Installerad: d('2024-01-01') }] }, M);
    expect(r.errors).toEqual([]);
    expect(r.lines.map((l) => [l.Tjänst, l.Belopp])).toEqual([[canonical, amount]]);
  });

  it.each(['nyckelfri hemtjänst', 'NYCKELFRITT LÅS', 'digitalt lås', 'kameratillsyn', 'NATTILLSYN', 'Digital Tillsyn'])(
    '"%s" (0 kr monthly) installed this month → only the installation fee',
    async (written) => {
      const r = await bill({ rows: [{ Personnummer: P, Tjänst: written, Installerad: d('2025-03-03') }] }, M);
      expect(r.errors).toEqual([]);
      expect(kinds(r.lines)).toEqual([['Installationsavgift', 200]]);
    },
  );

  it.each(['Rollator', 'Trygghetslarm 2', '', 'Spisvakt'])(
    'unknown Tjänst "%s" → Fel naming the value, never a silent zero; others billed',
    async (written) => {
      const r = await bill({ rows: [alarmOf(other), { Personnummer: P, Tjänst: written, Installerad: d('2025-03-03') }] }, M);
      expect(r.errors).toEqual([expect.objectContaining({ Rad: 3, Kolumn: 'Tjänst', Cell: 'C3' })]);
      if (written) expect(r.errors[0]!.Värde).toBe(written);
      expect(r.linesOf(P)).toEqual([]);
      expect(kinds(r.linesOf(other))).toEqual([fee(239)]);
    },
  );
});

describe('identical duplicate rows (spec §6)', () => {
  const P = pnr(1943, 3, 13, 313);
  it('two identical new alarm rows → Varning, billed once (239 + 200)', async () => {
    const row = { Personnummer: P, Namn: 'Dubbel', Tjänst: 'Trygghetslarm', 'Enhets-ID': 'D-1', Installerad: d('2025-03-12') };
    const r = await bill({ rows: [row, { ...row }] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), ['Installationsavgift', 200]]);
    expect(r.errors).toEqual([]);
    expect(r.warnings.length).toBeGreaterThanOrEqual(1);
    expect(r.warnings.some((w) => w.Rad === 3)).toBe(true);
  });

  it('two identical Obrukbar rows → Ersättning teknik is charged once', async () => {
    const row = {
      Personnummer: P,
      Tjänst: 'Trygghetslarm',
      'Enhets-ID': 'D-2',
      Installerad: d('2022-01-01'),
      Avslutad: d('2025-03-03'),
      Återlämning: 'Obrukbar',
      Kostnad: 1500,
    };
    const r = await bill({ rows: [row, { ...row }, { ...row }] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), ['Ersättning teknik', 1500]]);
    expect(r.warnings.length).toBeGreaterThanOrEqual(1);
  });

  it('rows differing only in the serial are not duplicates: two Ersättning teknik lines', async () => {
    const row = {
      Personnummer: P,
      Tjänst: 'Digitalt lås',
      Installerad: d('2022-01-01'),
      Avslutad: d('2025-03-03'),
      Återlämning: 'Borttappad',
      Kostnad: 700,
    };
    const r = await bill(
      {
        rows: [
          { ...row, 'Enhets-ID': 'L-1' },
          { ...row, 'Enhets-ID': 'L-2' },
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([
      ['Ersättning teknik', 700],
      ['Ersättning teknik', 700],
    ]);
  });
});
