// More edges from the spec: side-sheet problems, Taxa sheet layout and refusals, registers not at
// A1, blank rows, whitespace in headers, Särskilt boende with installation or Ersättning teknik (R4).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bill, d, kinds, PBB_HEADERS, pnr, TAXA_HEADERS, ten, tmpFile, type Row } from './harness.js';

const P = pnr(1940, 1, 1, 123);
const Q = pnr(1950, 5, 5, 555);
const M = '2025-03';
const alarm = (extra: Row = {}): Row => ({ Personnummer: P, Tjänst: 'Trygghetslarm', Installerad: d('2024-01-01'), ...extra });
const fee = (n: number): [string, number] => ['Månadsavgift', n];
const red = (n: number): [string, number] => ['Reduktion högkostnadsskydd', n];
const refusal = (p: Promise<unknown>): Promise<Error | undefined> =>
  p.then(
    () => undefined,
    (e: Error) => e,
  );

describe('Särskilt boende and R3/R4 (the housing rule is about the monthly fee only)', () => {
  it('a new alarm in Särskilt boende: no monthly fee, but the installation fee', async () => {
    const r = await bill({ rows: [alarm({ Installerad: d('2025-03-05'), Boende: 'Särskilt boende' })] }, M);
    expect(kinds(r.lines)).toEqual([['Installationsavgift', 200]]);
  });

  it('an unusable alarm in Särskilt boende: Ersättning teknik is charged', async () => {
    const r = await bill(
      { rows: [alarm({ Boende: 'Särskilt boende', Avslutad: d('2025-03-02'), Återlämning: 'Obrukbar', Kostnad: 100 })] },
      M,
    );
    expect(kinds(r.lines)).toEqual([['Ersättning teknik', 100]]);
  });

  it('a Byte alarm and a new button the same day: no installation fee (buttons carry none)', async () => {
    const r = await bill(
      {
        rows: [
          alarm({ Installerad: d('2025-03-05'), Installationstyp: 'Byte' }),
          alarm({ Tjänst: 'Larmknapp', Installerad: d('2025-03-05') }),
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), fee(40)]);
  });
});

describe('side sheets: problems are reported, matching by normalised personnummer', () => {
  it('bad Övriga avgifter rows are Fel naming sheet, row and column; good rows still count', async () => {
    const r = await bill(
      {
        rows: [alarm()],
        other: [
          ['Personnummer', 'Månad', 'Belopp'],
          [P, '2025-03', 'tusen'],
          ['19390909-0001', '2025-03', 100],
          [P, '03/2025', 100],
          [P, '2025-03', -500],
          [P, '2025-03-15', 2500],
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), red(-97)]);
    expect(r.errors.map((e) => [e.Blad, e.Rad, e.Kolumn])).toEqual([
      ['Övriga avgifter', 2, 'Belopp'],
      ['Övriga avgifter', 3, 'Personnummer'],
      ['Övriga avgifter', 4, 'Månad'],
      ['Övriga avgifter', 5, 'Belopp'],
    ]);
  });

  it('bad Avgiftsutrymme rows are Fel; a 10-digit personnummer there matches the register', async () => {
    const r = await bill(
      {
        rows: [alarm(), alarm({ Personnummer: Q })],
        ability: [
          ['Personnummer', 'Avgiftsutrymme', 'Giltig från'],
          [P, 'noll', null],
          [Q, -50, '2025-01-01'],
          [P, 10, '1/1/2025'],
          [ten(P), 0, null],
        ],
      },
      M,
    );
    expect(kinds(r.linesOf(P))).toEqual([fee(239), red(-239)]);
    expect(kinds(r.linesOf(Q))).toEqual([fee(239)]);
    expect(r.errors.map((e) => [e.Blad, e.Rad, e.Kolumn])).toEqual([
      ['Avgiftsutrymme', 2, 'Avgiftsutrymme'],
      ['Avgiftsutrymme', 3, 'Avgiftsutrymme'],
      ['Avgiftsutrymme', 4, 'Giltig från'],
    ]);
  });
});

describe('Taxa sheet layout and refusals', () => {
  it('tables found anywhere on the sheet, versions in any row order', async () => {
    const path = tmpFile('taxa');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Enhetsregister').addRows([
      ['Personnummer', 'Tjänst', 'Installerad'],
      [P, 'Larm', d('2025-03-12')],
      [Q, 'Digitalt lås', d('2025-03-20')],
    ]);
    const t = wb.addWorksheet('Taxa');
    t.getCell('A1').value = 'Taxa för Exempelkommun';
    const put = (row: number, col: number, values: unknown[]): void =>
      values.forEach((v, i) => {
        if (v !== null) t.getRow(row).getCell(col + i).value = v as ExcelJS.CellValue;
      });
    put(5, 3, TAXA_HEADERS);
    put(6, 3, [d('2025-03-15'), 300, 50, 0, 0, 250, 'Nej', 'Påbörjad månad', 30]);
    put(7, 3, [d('2025-01-01'), 239, 40, 0, 0, 150, 'Nej', 'Påbörjad månad', 30]);
    put(12, 3, PBB_HEADERS);
    put(13, 3, [2025, 58800, null]);
    await wb.xlsx.writeFile(path);
    const r = await bill(path, M);
    expect(kinds(r.linesOf(P))).toEqual([fee(239), ['Installationsavgift', 150]]);
    expect(kinds(r.linesOf(Q))).toEqual([['Installationsavgift', 250]]);
  });

  it('no version in force for the month → refused', async () => {
    const err = await refusal(bill({ rows: [alarm()], taxa: [TAXA_HEADERS, [d('2025-04-01'), 239, 40, 0, 0, 200]] }, M));
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toMatch(/2025-03|2025-04-01/);
  });

  it('an unknown Delmånad or a negative amount refuses the run naming the cell', async () => {
    const e1 = await refusal(
      bill({ rows: [alarm()], taxa: [TAXA_HEADERS, ['2025-01-01', 300, 50, 0, 0, 150, 'Nej', 'halv', 30]] }, M),
    );
    expect(e1!.message).toContain('H2');
    const e2 = await refusal(bill({ rows: [alarm()], taxa: [TAXA_HEADERS, ['2025-01-01', 239, 40, 0, 0, -1]] }, M));
    expect(e2!.message).toContain('F2');
  });

  it('the optional columns may be left out (defaults Nej, Påbörjad månad, 30)', async () => {
    const rows = [
      alarm({ Installerad: d('2025-03-12') }),
      alarm({
        Personnummer: Q,
        Avslutad: d('2025-01-31'),
        Återlämning: 'Ej återlämnad',
        Påminnelse: d('2025-02-10'),
        Kostnad: 10,
      }),
    ];
    const r = await bill(
      {
        rows,
        taxa: [TAXA_HEADERS.slice(0, 6), ['2025-01-01', 300, 50, 0, 0, 150]],
        ability: [
          ['Personnummer', 'Avgiftsutrymme'],
          [P, 100],
        ],
      },
      M,
    );
    expect(kinds(r.linesOf(P))).toEqual([fee(300), ['Installationsavgift', 150], red(-200)]);
    expect(kinds(r.linesOf(Q))).toEqual([['Ersättning teknik', 10]]);
  });
});

describe('where the register sits on its sheet', () => {
  it('a register starting at B3: Källa and Cell use the Excel row and column', async () => {
    const path = tmpFile('offset');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Enhetsregister');
    ['Personnummer', 'Tjänst', 'Installerad'].forEach((h, i) => {
      ws.getRow(3).getCell(2 + i).value = h;
    });
    [P, 'Larm', d('2025-03-12')].forEach((v, i) => {
      ws.getRow(4).getCell(2 + i).value = v;
    });
    [Q, 'Spisvakt', d('2025-03-12')].forEach((v, i) => {
      ws.getRow(5).getCell(2 + i).value = v;
    });
    await wb.xlsx.writeFile(path);
    const r = await bill(path, M);
    expect(r.lines.map((l) => [l.Typ, l.Källa])).toEqual([
      ['Månadsavgift', 'Enhetsregister!4'],
      ['Installationsavgift', 'Enhetsregister!4'],
    ]);
    expect(r.errors).toEqual([expect.objectContaining({ Rad: 5, Cell: 'C5', Kolumn: 'Tjänst', Värde: 'Spisvakt' })]);
  });

  it('a blank row in the middle is skipped; later rows keep their Excel row numbers', async () => {
    const r = await bill(
      {
        registerRaw: [['Personnummer', 'Tjänst', 'Installerad'], [P, 'Larm', d('2024-01-01')], [], [Q, 'Larm', d('2024-01-01')]],
      },
      M,
    );
    expect(r.lines.map((l) => [l.Personnummer, l.Källa])).toEqual([
      [P, 'Enhetsregister!2'],
      [Q, 'Enhetsregister!4'],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('a register with headers only gives empty sheets, not a failure', async () => {
    const r = await bill({ registerRaw: [['Personnummer', 'Tjänst', 'Installerad']] }, M);
    expect(r.lines).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it.each(['Tjänst\n', ' Tjänst\t', 'Tjänst\u00a0', 'TJÄNST'])('header %j is Tjänst', async (h) => {
    const r = await bill(
      {
        registerRaw: [
          ['Personnummer', h, 'Installerad'],
          [P, 'Larm', d('2024-01-01')],
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239)]);
  });

  it('Kostnad with a decimal point as text ("1250.50") is 1 250,50', async () => {
    const r = await bill({ rows: [alarm({ Avslutad: d('2025-03-02'), Återlämning: 'Obrukbar', Kostnad: '1250.50' })] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), ['Ersättning teknik', 1250.5]]);
  });
});
