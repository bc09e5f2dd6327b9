// Spec §7: the three output sheets — columns, order (personnummer, line kind, register row),
// Källa, Regel, amounts as krona-formatted numbers, text never a formula, Summering totals,
// Problem rows; same input → same output; the register is never written to.
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bill, d, pnr, ten, writeWorkbook, type Billed, type Row } from './harness.js';

const M = '2025-03';
const OLD = pnr(1919, 1, 1, 191); // written as 10 digits with '+'
const MID = pnr(1940, 6, 6, 606);
const YOUNG = pnr(2000, 2, 29, 229); // written as 10 digits with '-'
const COORD = pnr(1940, 6, 66, 660); // samordningsnummer, sorts after MID

function orderRegister(): Row[] {
  return [
    { Personnummer: ten(YOUNG, '-'), Namn: 'Ung', Tjänst: 'Trygghetslarm', 'Enhets-ID': 'Y1', Installerad: d('2024-01-01') }, // row 2
    { Personnummer: MID, Namn: 'Mitt', Tjänst: 'Digitalt lås', 'Enhets-ID': 'M-LOCK', Installerad: d('2025-03-05') }, // row 3
    {
      Personnummer: MID,
      Namn: 'Mitt',
      Tjänst: 'Larmknapp',
      'Enhets-ID': 'M-BTN',
      Installerad: d('2023-01-01'),
      Avslutad: d('2025-03-10'),
      Återlämning: 'Obrukbar',
      Kostnad: 300,
    }, // row 4
    { Personnummer: MID, Namn: 'Mitt', Tjänst: 'Trygghetslarm', 'Enhets-ID': 'M-ALARM', Installerad: d('2024-01-01') }, // row 5
    { Personnummer: ten(OLD, '+'), Namn: 'Gammal', Tjänst: 'Trygghetslarm', Installerad: d('2025-03-20') }, // row 6
    { Personnummer: COORD, Namn: 'Samordning', Tjänst: 'Larmknapp', Installerad: d('2024-01-01') }, // row 7
    { Personnummer: MID, Namn: 'Mitt', Tjänst: 'Rollator', Installerad: d('2024-01-01') }, // row 8: Fel
  ];
}

describe('Faktura sheet', () => {
  let r: Billed;
  const load = async (): Promise<Billed> =>
    (r ??= await bill(
      {
        rows: orderRegister(),
        other: [
          ['Personnummer', 'Månad', 'Belopp'],
          [MID, '2025-03', 2500],
        ],
      },
      M,
    ));

  it('has the columns of §7', async () => {
    await load();
    const header = (r.invoice.getRow(1).values as unknown[]).slice(1);
    for (const h of [
      'Personnummer',
      'Namn',
      'Månad',
      'Typ',
      'Tjänst',
      'Enhets-ID',
      'Antal',
      'À-pris',
      'Belopp',
      'Högkostnadsskydd',
      'Regel',
      'Källa',
      'Förklaring',
    ])
      expect(header).toContain(h);
    expect(r.sheetNames).toEqual(expect.arrayContaining(['Faktura 2025-03', 'Summering 2025-03', 'Problem 2025-03']));
  });

  it('orders lines by normalised personnummer, then line kind, then register row', async () => {
    await load();
    expect(r.lines.map((l) => [l.Personnummer, l.Typ, l.Belopp, l.Källa])).toEqual([
      [OLD, 'Månadsavgift', 239, 'Enhetsregister!6'],
      [OLD, 'Installationsavgift', 200, 'Enhetsregister!6'],
      [MID, 'Månadsavgift', 40, 'Enhetsregister!4'],
      [MID, 'Månadsavgift', 239, 'Enhetsregister!5'],
      [MID, 'Installationsavgift', 200, 'Enhetsregister!3'],
      [MID, 'Ersättning teknik', 300, 'Enhetsregister!4'],
      [MID, 'Reduktion högkostnadsskydd', -137, expect.any(String)], // room 142, capped 279
      [COORD, 'Månadsavgift', 40, 'Enhetsregister!7'],
      [YOUNG, 'Månadsavgift', 239, 'Enhetsregister!2'],
    ]);
  });

  it('Regel, Högkostnadsskydd, Månad, Tjänst, Enhets-ID and Förklaring per line', async () => {
    await load();
    const byKind = {
      Månadsavgift: 'R1',
      Installationsavgift: 'R3',
      'Ersättning teknik': 'R4',
      'Reduktion högkostnadsskydd': 'R5',
    } as Record<string, string>;
    for (const l of r.lines) {
      expect(l.Regel).toBe(byKind[l.Typ]);
      expect(l.Högkostnadsskydd).toBe(l.Typ === 'Månadsavgift' || l.Typ.startsWith('Reduktion') ? 'Ja' : 'Nej');
      expect(l.Månad).toBe('2025-03');
      expect(typeof l.Förklaring).toBe('string');
      expect(l.Förklaring.length).toBeGreaterThan(10);
    }
    const mid = r.linesOf(MID);
    expect(mid.map((l) => l.Tjänst).slice(0, 2)).toEqual(['Larmknapp sammanboende', 'Trygghetslarm']);
    expect(mid[0]!['Enhets-ID']).toBe('M-BTN');
    expect(mid[3]!['Enhets-ID']).toBe('M-BTN');
    expect(r.linesOf(YOUNG)[0]!.Namn).toBe('Ung');
  });

  it('amounts are numbers with a krona format, not text', async () => {
    await load();
    const header = (r.invoice.getRow(1).values as unknown[]).slice(1) as string[];
    const cB = header.indexOf('Belopp') + 1,
      cP = header.indexOf('À-pris') + 1;
    for (let i = 2; i <= r.lines.length + 1; i++) {
      const cell = r.invoice.getRow(i).getCell(cB);
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt).toMatch(/kr/);
      const price = r.invoice.getRow(i).getCell(cP);
      if (price.value !== null) {
        expect(price.type).toBe(ExcelJS.ValueType.Number);
        expect(price.numFmt).toMatch(/kr/);
      }
    }
  });

  it('the bad row is in the Problem sheet with sheet, row, column, cell and value; it did not stop the run', async () => {
    await load();
    expect(r.problems).toEqual([
      expect.objectContaining({
        Allvarlighet: 'Fel',
        Blad: 'Enhetsregister',
        Rad: 8,
        Kolumn: 'Tjänst',
        Cell: 'C8',
        Värde: 'Rollator',
      }),
    ]);
    expect(r.problems[0]!.Meddelande).toMatch(/tjänst/i);
  });
});

describe('Summering sheet', () => {
  it('one row per person (capped, reduction, uncapped, total) and totals per line kind and for the month', async () => {
    const r = await bill(
      {
        rows: orderRegister(),
        other: [
          ['Personnummer', 'Månad', 'Belopp'],
          [MID, '2025-03', 2500],
        ],
      },
      M,
    );
    const header = r.summary[0]!;
    const col = (h: string): number => {
      const i = header.indexOf(h);
      expect(i, h).toBeGreaterThanOrEqual(0);
      return i;
    };
    const iP = col('Personnummer'),
      iIn = col('Inom högkostnadsskydd'),
      iRed = col('Reduktion högkostnadsskydd'),
      iOut = col('Utanför högkostnadsskydd'),
      iTot = col('Att betala');
    const person = (p: string) => r.summary.find((row) => row[iP] === p)!;
    expect(person(MID)[iIn]).toBe(279);
    expect(Math.abs(person(MID)[iRed] as number)).toBe(137);
    expect(person(MID)[iOut]).toBe(500);
    expect(person(MID)[iTot]).toBe(642);
    expect([person(OLD)[iIn], person(OLD)[iOut], person(OLD)[iTot]]).toEqual([239, 200, 439]);
    expect(person(YOUNG)[iTot]).toBe(239);
    expect(person(COORD)[iTot]).toBe(40);
    expect(
      r.summary.filter((row) => typeof row[iP] === 'string' && /^\d{8}-\d{4}$/.test(row[iP] as string)).map((row) => row[iP]),
    ).toEqual([OLD, MID, COORD, YOUNG]);

    const iKind = col('Typ');
    const kindRow = (k: string) => r.summary.find((row) => row[iKind] === k)!;
    const amount = (k: string) => kindRow(k)[iKind + 2];
    const count = (k: string) => kindRow(k)[iKind + 1];
    expect([count('Månadsavgift'), amount('Månadsavgift')]).toEqual([5, 239 + 40 + 239 + 40 + 239]);
    expect([count('Installationsavgift'), amount('Installationsavgift')]).toEqual([2, 400]);
    expect([count('Ersättning teknik'), amount('Ersättning teknik')]).toEqual([1, 300]);
    expect([count('Reduktion högkostnadsskydd'), amount('Reduktion högkostnadsskydd')]).toEqual([1, -137]);
    expect([count('Totalt för månaden'), amount('Totalt för månaden')]).toEqual([9, 439 + 642 + 40 + 239]);
    // Summering amounts are krona-formatted numbers too.
    const rowNo = r.summary.findIndex((row) => row[iP] === MID) + 1;
    const cell = r.summarySheet.getRow(rowNo).getCell(iTot + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.numFmt).toMatch(/kr/);
  });
});

describe('text from the register stays text (spec §7)', () => {
  it.each(['=HYPERLINK("http://x.invalid","klicka")', '+46701234567', '-Karlsson', '@SUMMA(A1)', '=1+1'])(
    'Namn %s is written as a string, never a formula',
    async (name) => {
      const p = pnr(1950, 1, 1, 101);
      const r = await bill(
        { rows: [{ Personnummer: p, Namn: name, Tjänst: 'Trygghetslarm', 'Enhets-ID': name, Installerad: d('2024-01-01') }] },
        M,
      );
      expect(r.lines.map((l) => [l.Namn, l['Enhets-ID']])).toEqual([[name, name]]);
      const header = (r.invoice.getRow(1).values as unknown[]).slice(1) as string[];
      for (const h of ['Namn', 'Enhets-ID']) {
        const cell = r.invoice.getRow(2).getCell(header.indexOf(h) + 1);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      }
    },
  );
});

describe('Källa names the Excel row number', () => {
  it('row 12 of the register is Enhetsregister!12', async () => {
    const rows: Row[] = Array.from({ length: 11 }, (_, i) => ({
      Personnummer: pnr(1930 + i, 1, 1, 100 + i),
      Tjänst: 'Larmknapp',
      Installerad: d('2024-01-01'),
    }));
    const target = pnr(1929, 12, 12, 912);
    rows[10] = { Personnummer: target, Tjänst: 'Trygghetslarm', Installerad: d('2025-03-12') };
    const r = await bill({ rows }, M);
    expect(r.linesOf(target).map((l) => [l.Typ, l.Källa])).toEqual([
      ['Månadsavgift', 'Enhetsregister!12'],
      ['Installationsavgift', 'Enhetsregister!12'],
    ]);
  });

  it('a union of two rows names both', async () => {
    const p = pnr(1950, 1, 1, 101);
    const r = await bill(
      {
        rows: [
          {
            Personnummer: p,
            Tjänst: 'Trygghetslarm',
            Installerad: d('2023-05-01'),
            Avslutad: d('2025-03-14'),
            Återlämning: 'Återlämnad',
          },
          { Personnummer: p, Tjänst: 'Trygghetslarm', Installerad: d('2025-03-14'), Installationstyp: 'Byte' },
        ],
      },
      M,
    );
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]!.Källa).toMatch(/Enhetsregister!2\b/);
    expect(r.lines[0]!.Källa).toMatch(/3\b/);
  });
});

describe('determinism and the register left untouched', () => {
  it('the same input gives the same lines and problems, and the input file is unchanged', async () => {
    const path = await writeWorkbook({
      rows: orderRegister(),
      other: [
        ['Personnummer', 'Månad', 'Belopp'],
        [MID, '2025-03', 2500],
      ],
    });
    const sha = (): string => createHash('sha256').update(readFileSync(path)).digest('hex');
    const before = sha();
    const a = await bill(path, M);
    const b = await bill(path, M);
    expect(sha()).toBe(before);
    expect(b.lines).toEqual(a.lines);
    expect(b.problems).toEqual(a.problems);
    expect(b.summary).toEqual(a.summary);
  });
});
