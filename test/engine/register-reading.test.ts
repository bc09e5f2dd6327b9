// §4: reading the device register (Enhetsregister) — headers, dates, values, row numbers, problems.
import { describe, expect, it } from 'vitest';
import {
  billWorkbook,
  chooseRegisterSheet,
  dayFromCell,
  findSheetName,
  dayFromExcelSerial,
  dayFromIso,
  dayToExcelSerial,
  dayToIso,
  detectColumns,
  readRegister,
  rowCost,
  RunError,
  type SheetCells,
} from '../../src/engine/index.js';
import {
  bill,
  errorsAt,
  HEADERS,
  linesOf,
  month,
  P1,
  P2,
  problemsAt,
  runErrorOf,
  serial,
  sheetOf,
  shortPnr,
  utcDate,
} from './helpers.js';

const run = (register: SheetCells, key = '2025-03') => billWorkbook({ register }, { month: month(key) });
const active = { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' };
/** The register rows any line was billed from. */
const billedRows = (r: ReturnType<typeof run>) => [...new Set(r.lines.flatMap((l) => l.sourceRows))].sort((a, b) => a - b);

describe('§4 headers', () => {
  it('§4: every alias of every column is recognised', () => {
    const headers = [
      'Pnr',
      'Namn',
      'Produkt',
      'Serienummer',
      'Installationsdatum',
      'Slutdatum',
      'Status',
      'Påminnelse skickad',
      'Ersättningskostnad',
      'Boendeform',
      'Installationstyp',
    ];
    const r = run({
      name: 'Enhetsregister',
      values: [
        headers,
        [P1, 'Anna', 'Larm', 'S-1', '2024-01-01', '2025-03-20', 'Borttappad', '', '450', 'Ordinärt boende', 'Ny'],
      ],
    });
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Ersättning teknik', 450],
    ]);
    expect(r.lines[0]!.deviceIds).toBe('S-1');
    expect(r.lines[0]!.name).toBe('Anna');
  });

  it('§4: the second alias set (Personnr, Typ, Enhet, Startdatum, Återlämnad as end date)', () => {
    const headers = ['Personnr', 'Typ', 'Enhet', 'Startdatum', 'Återlämnad'];
    const r = run({ name: 'Enhetsregister', values: [headers, [P1, 'GPS-larm', 'G-9', '2024-01-01', '2025-02-28']] });
    expect(r.lines).toEqual([]); // ended in February
    const r2 = run({ name: 'Enhetsregister', values: [headers, [P1, 'GPS-larm', 'G-9', '2024-01-01', '2025-03-02']] });
    expect(linesOf(r2)).toEqual([['Månadsavgift', 239]]);
    expect(r2.lines[0]!.deviceIds).toBe('G-9');
  });

  it('§4: header case and whitespace (incl. non-breaking spaces) are tolerated', () => {
    const headers = ['  PERSONNUMMER ', 'tjänst', 'Installerad\u00a0', 'enhets-id', 'AVSLUTAD'];
    const r = run({ name: 'Enhetsregister', values: [headers, [P1, 'trygghetslarm', '2024-01-01', 'X1', '']] });
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
    expect(r.lines[0]!.deviceIds).toBe('X1');
  });

  it('§4: column order is free and unknown columns are ignored', () => {
    const headers = ['Kommentar', 'Installerad', 'Handläggare', 'Tjänst', 'Personnummer', 'Belopp'];
    const r = run({ name: 'Enhetsregister', values: [headers, ['ring först', '2025-03-12', 'Eva', 'Trygghetslarm', P1, 99999]] });
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('§4: missing required headers → RunError naming each of them', () => {
    const e = runErrorOf(() =>
      run({
        name: 'Enhetsregister',
        values: [
          ['Namn', 'Enhets-ID', 'Avslutad'],
          ['Anna', 'X', ''],
        ],
      }),
    );
    expect(e).toBeInstanceOf(RunError);
    expect(e.message).toContain('Personnummer');
    expect(e.message).toContain('Tjänst');
    expect(e.message).toContain('Installerad');
    expect(e.message).toContain('Enhetsregister');
  });

  it('§4: only the missing header is named', () => {
    const e = runErrorOf(() =>
      run({
        name: 'Blad1',
        values: [
          ['Personnummer', 'Tjänst'],
          [P1, 'Larm'],
        ],
      }),
    );
    expect(e.message).toContain('Installerad');
    expect(e.message).not.toContain('Tjänst (');
    expect(e.message).not.toContain('Personnummer (');
    expect(e.message).toContain('Blad1');
  });

  it('§4: an empty sheet is refused with the missing headers, not a crash', () => {
    expect(() => run({ name: 'Enhetsregister', values: [] })).toThrow(RunError);
  });

  it('§4: a column mapped by hand overrides header detection', () => {
    const values = [
      ['A', 'B', 'C'],
      [P1, 'Trygghetslarm', '2025-03-12'],
    ];
    const r = billWorkbook(
      { register: { name: 'Enhetsregister', values } },
      { month: month('2025-03'), mapping: { pnr: 0, service: 1, installed: 2 } },
    );
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
    ]);
  });

  it('§4: the register sheet is the one the user names, else "Enhetsregister" (any case), else the one sheet with all required headers', () => {
    const sheets = [
      { name: 'Instruktioner', headerRow: ['Läs mig'] },
      { name: 'Larm 2025', headerRow: ['Pnr', 'Produkt', 'Startdatum'] },
      { name: 'ENHETSREGISTER', headerRow: ['Namn'] },
    ];
    expect(chooseRegisterSheet(sheets, 'larm 2025').name).toBe('Larm 2025');
    expect(chooseRegisterSheet(sheets, 'Saknas').name).toBeUndefined();
    expect(chooseRegisterSheet(sheets).name).toBe('ENHETSREGISTER');
    expect(chooseRegisterSheet(sheets.slice(0, 2))).toEqual({ name: 'Larm 2025', candidates: ['Larm 2025'] });
    expect(chooseRegisterSheet(sheets.slice(0, 1))).toEqual({ candidates: [] });
    expect(findSheetName(['Övriga  avgifter', 'Taxa'], 'övriga avgifter')).toBe('Övriga  avgifter');
  });

  it('§4: several sheets fit and none is named Enhetsregister: no choice, every candidate listed (issue 9 item 4)', () => {
    const fits = ['Personnummer', 'Tjänst', 'Installerad'];
    const sheets = [
      { name: 'Register 2024', headerRow: fits },
      { name: 'Anteckningar', headerRow: ['Text'] },
      { name: 'Register 2025', headerRow: fits },
    ];
    expect(chooseRegisterSheet(sheets)).toEqual({ candidates: ['Register 2024', 'Register 2025'] });
    // Named by the user, or one of them named Enhetsregister: that one.
    expect(chooseRegisterSheet(sheets, 'register 2025').name).toBe('Register 2025');
    expect(chooseRegisterSheet([...sheets, { name: 'Enhetsregister', headerRow: fits }]).name).toBe('Enhetsregister');
  });

  it('§4: detectColumns reports the first matching column and the missing required fields', () => {
    const d = detectColumns(['Pnr', 'Personnummer', 'Tjänst']);
    expect(d.mapping.pnr).toBe(0);
    expect(d.missing).toEqual(['installed']);
  });
});

describe('§4 dates', () => {
  it('§4: Excel serials, JS Dates at UTC midnight and ISO text give the same day', () => {
    for (const v of [serial('2025-03-12'), utcDate('2025-03-12'), '2025-03-12', ' 2025-03-12 ']) {
      const r = bill([{ ...active, Installerad: v }]);
      expect(linesOf(r)).toEqual([
        ['Månadsavgift', 239],
        ['Installationsavgift', 200],
      ]);
      expect(r.lines[1]!.explanation).toContain('2025-03-12');
    }
    expect(serial('2025-03-12')).toBe(45728);
  });

  it('§4: a fractional serial (date with a time of day) keeps its calendar day', () => {
    expect(dayToIso(dayFromExcelSerial(45728.999)!)).toBe('2025-03-12');
    expect(dayToIso(dayFromExcelSerial(45728.5)!)).toBe('2025-03-12');
    // Installed 2025-02-28 23:59 is still February: no installation fee in March.
    const r = bill([{ ...active, Installerad: serial('2025-02-28') + 0.9999 }]);
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
    const r2 = bill([{ ...active, Installerad: serial('2025-03-31') + 0.75 }]);
    expect(linesOf(r2)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
    ]);
  });

  it('§4: serials around 1900-03-01 follow Excel (serial 60 is the phantom 1900-02-29)', () => {
    expect(dayToIso(dayFromExcelSerial(1)!)).toBe('1900-01-01');
    expect(dayToIso(dayFromExcelSerial(59)!)).toBe('1900-02-28');
    expect(dayFromExcelSerial(60)).toBeUndefined();
    expect(dayToIso(dayFromExcelSerial(61)!)).toBe('1900-03-01');
    expect(dayToIso(dayFromExcelSerial(62)!)).toBe('1900-03-02');
    expect(dayToIso(dayFromExcelSerial(25569)!)).toBe('1970-01-01');
    expect(dayFromExcelSerial(0)).toBeUndefined();
    expect(dayFromExcelSerial(-5)).toBeUndefined();
    for (const s of [1, 59, 61, 62, 25569, 45728]) expect(dayToExcelSerial(dayFromExcelSerial(s)!)).toBe(s);
    expect(dayToExcelSerial(dayFromIso('1900-03-01')!)).toBe(61);
    expect(serial('1900-03-01')).toBe(61);
  });

  it('§4: a number in a date column outside 1950–2099 (61 is 1900-03-01, 60 the phantom 1900-02-29) is a Fel naming the value', () => {
    for (const n of [60, 61, 18263, 73051]) {
      const r = bill([{ ...active, Installerad: n }]);
      expect(r.lines, `serial ${n}`).toEqual([]);
      expect(errorsAt(r, 2).map((p) => [p.column, p.value])).toEqual([['Installerad', String(n)]]);
    }
    // 18264 is 1950-01-01 and 73050 is 2099-12-31: the first and last numbers read as dates.
    expect(linesOf(bill([{ ...active, Installerad: 18264 }]))).toEqual([['Månadsavgift', 239]]);
    expect(errorsAt(bill([{ ...active, Installerad: 73050 }]), 2)).toEqual([]);
  });

  it('§4: dayFromCell rejects booleans, invalid Dates, NaN and impossible ISO dates', () => {
    expect(dayFromCell(true)).toBeUndefined();
    expect(dayFromCell(new Date(Number.NaN))).toBeUndefined();
    expect(dayFromCell(Number.NaN)).toBeUndefined();
    expect(dayFromCell('2025-02-29')).toBeUndefined();
    expect(dayFromCell('2024-02-29')).toBe(dayFromIso('2024-02-29'));
    expect(dayFromCell('2025-13-01')).toBeUndefined();
    expect(dayFromCell('2025-3-1')).toBeUndefined();
    expect(dayFromCell('2025-03-01T00:00:00Z')).toBeUndefined();
  });

  for (const text of ['03/04/2025', '2025/03/04', '4 mars 2025', '20250304', '2025-02-30']) {
    it(`§4: date text "${text}" → Fel naming row, column and value; the row is not billed`, () => {
      const r = bill([active, { ...active, Personnummer: P2, Installerad: text }]);
      expect(billedRows(r)).toEqual([2]);
      const ps = errorsAt(r, 3);
      expect(ps).toHaveLength(1);
      expect(ps[0]).toMatchObject({
        severity: 'Fel',
        sheet: 'Enhetsregister',
        row: 3,
        column: 'Installerad',
        cell: 'E3',
        value: text,
      });
      expect(ps[0]!.message).toContain(text);
      expect(ps[0]!.message).toMatch(/ÅÅÅÅ-MM-DD/);
    });
  }

  it('§4: an unreadable Avslutad or Påminnelse is a Fel on that column', () => {
    const r = bill([
      { ...active, Avslutad: '31/3' },
      { ...active, Personnummer: P2, Påminnelse: 'igår' },
    ]);
    expect(errorsAt(r, 2).map((p) => [p.column, p.cell, p.value])).toEqual([['Avslutad', 'F2', '31/3']]);
    expect(errorsAt(r, 3).map((p) => [p.column, p.cell, p.value])).toEqual([['Påminnelse', 'H3', 'igår']]);
    expect(r.lines).toEqual([]);
  });

  it('§4: missing Installerad → Fel', () => {
    const r = bill([{ ...active, Installerad: null }]);
    expect(errorsAt(r, 2).map((p) => p.column)).toEqual(['Installerad']);
    expect(errorsAt(r, 2)[0]!.message).toMatch(/saknas/);
  });

  it('§4: Avslutad before Installerad → Fel naming Avslutad and both dates', () => {
    const r = bill([{ ...active, Installerad: '2025-03-10', Avslutad: '2025-03-09' }]);
    expect(r.lines).toEqual([]);
    const [p] = errorsAt(r, 2);
    expect(p).toMatchObject({ column: 'Avslutad', cell: 'F2', value: '2025-03-09' });
    expect(p!.message).toContain('2025-03-10');
    expect(p!.message).toContain('2025-03-09');
  });

  it('§4: Avslutad on the same day as Installerad is fine (one active day)', () => {
    const r = bill([{ ...active, Installerad: '2025-03-10', Avslutad: '2025-03-10' }]);
    expect(r.problems).toEqual([]);
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
    ]);
  });
});

describe('§4 values', () => {
  const cases: Array<[string, string, string]> = [
    ['Återlämning', 'Förlorad', 'G2'],
    ['Boende', 'Hemma', 'J2'],
    ['Installationstyp', 'Reparation', 'K2'],
  ];
  for (const [column, value, cell] of cases) {
    it(`§4: unknown ${column} "${value}" → Fel on ${cell}, the row is left out`, () => {
      const r = bill([{ ...active, [column]: value }]);
      expect(r.lines).toEqual([]);
      const ps = errorsAt(r, 2);
      expect(ps.map((p) => [p.column, p.cell, p.value])).toEqual([[column, cell, value]]);
      expect(ps[0]!.message).toContain(value);
      expect(ps[0]!.message).toMatch(/Tillåtna värden/);
    });
  }

  it('§1: every service name and alias is accepted, case- and whitespace-insensitively', () => {
    const names: Array<[string, number]> = [
      ['Trygghetslarm', 239],
      ['Digitalt trygghetslarm', 239],
      ['  larm ', 239],
      ['Mobilt trygghetslarm', 239],
      ['GPS-larm', 239],
      ['gps-klocka', 239],
      ['Mobilt  larm', 239],
      ['Larmknapp sammanboende', 40],
      ['Larmknapp', 40],
      ['EXTRA LARMKNAPP', 40],
    ];
    for (const [name, fee] of names) {
      const r = bill([{ ...active, Tjänst: name }]);
      expect(r.problems, name).toEqual([]);
      expect(linesOf(r), name).toEqual([['Månadsavgift', fee]]);
    }
    for (const name of [
      'Digitalt lås',
      'Nyckelfritt lås',
      'Nyckelfri hemtjänst',
      'Digital tillsyn',
      'Nattillsyn',
      'Kameratillsyn',
    ]) {
      const r = bill([{ ...active, Tjänst: name }]);
      expect(r.problems, name).toEqual([]);
    }
  });

  it('§1/§6: an unknown Tjänst is a Fel on the row, never a silent zero', () => {
    const r = bill([
      { ...active, Tjänst: 'Spisvakt' },
      { ...active, Personnummer: P2, Tjänst: '' },
    ]);
    expect(errorsAt(r, 2).map((p) => [p.column, p.cell, p.value])).toEqual([['Tjänst', 'C2', 'Spisvakt']]);
    expect(errorsAt(r, 2)[0]!.message).toContain('Spisvakt');
    expect(errorsAt(r, 3).map((p) => [p.column, p.cell])).toEqual([['Tjänst', 'C3']]);
    expect(errorsAt(r, 3)[0]!.message).toMatch(/saknas/);
    expect(r.lines).toEqual([]);
  });

  it('§4: an invalid personnummer is a Fel naming the cell; the other rows are billed', () => {
    const r = bill([
      { ...active, Personnummer: '19400101-1231' },
      { ...active, Personnummer: P2 },
    ]);
    expect(errorsAt(r, 2).map((p) => [p.column, p.cell, p.value])).toEqual([['Personnummer', 'A2', '19400101-1231']]);
    expect(r.lines.map((l) => l.pnr)).toEqual([P2]);
  });

  it('§6: several problems on one row are all reported', () => {
    const r = bill([{ Personnummer: 'x', Tjänst: 'y', Installerad: 'z', Boende: 'w' }]);
    expect(
      errorsAt(r, 2)
        .map((p) => p.column)
        .sort(),
    ).toEqual(['Boende', 'Installerad', 'Personnummer', 'Tjänst']);
  });
});

describe('§4 rows and problem locations', () => {
  it('§4: blank rows are skipped (not errors, not counted)', () => {
    const values = [HEADERS, HEADERS.map(() => null), [P1, '', 'Trygghetslarm', '', '2024-01-01'], HEADERS.map(() => '  '), []];
    const r = run({ name: 'Enhetsregister', values });
    expect(r.problems).toEqual([]);
    expect(r.registerRows).toBe(1);
    expect(r.lines[0]!.sourceRows).toEqual([3]);
  });

  it('§4: row numbers are as Excel shows them when the used range starts lower (firstRow)', () => {
    const sheet = sheetOf('Enhetsregister', [active, { ...active, Personnummer: P2, Tjänst: 'Okänd' }]);
    const r = run({ ...sheet, firstRow: 5 });
    expect(r.lines[0]!.sourceRows).toEqual([6]);
    expect(errorsAt(r, 7).map((p) => [p.row, p.cell])).toEqual([[7, 'C7']]);
  });

  it('§4: cell addresses follow the used range’s first column (firstColumn)', () => {
    const sheet = sheetOf('Enhetsregister', [{ ...active, Tjänst: 'Okänd' }]);
    const r = run({ ...sheet, firstRow: 3, firstColumn: 2 }); // the table starts at C3
    expect(errorsAt(r, 4).map((p) => p.cell)).toEqual(['E4']);
  });

  it('§6: a problem carries severity, sheet, row, header as written, cell, value and a Swedish message', () => {
    const headers = ['pnr', 'TJÄNST', 'Startdatum'];
    const r = run({ name: 'Mitt register', values: [headers, [P1, 'Larm', '12/3']] });
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect(p).toMatchObject({ severity: 'Fel', sheet: 'Mitt register', row: 2, column: 'Startdatum', cell: 'C2', value: '12/3' });
    expect(p.message).toMatch(/går inte att läsa/);
    expect(r.registerSheet).toBe('Mitt register');
  });

  it('§6: a Date value in a problem is shown as its ISO day', () => {
    const r = bill([{ ...active, Installerad: utcDate('2025-03-10'), Avslutad: utcDate('2025-03-01') }]);
    expect(errorsAt(r, 2)[0]!.value).toBe('2025-03-01');
  });

  it('§4: the register is never modified by a run (frozen input)', () => {
    const rows = [[...HEADERS], [P1, 'Anna', 'Larm', 'A', '2025-03-12', null, null, null, null, null, null]];
    const frozen = Object.freeze(rows.map((r) => Object.freeze(r)));
    const copy = JSON.stringify(frozen);
    expect(() => run({ name: 'Enhetsregister', values: frozen })).not.toThrow();
    expect(JSON.stringify(frozen)).toBe(copy);
  });

  it('§4: a reading is the same every billing year only when every personnummer has its century written', () => {
    const alarm = { Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' };
    const read = (...pnrs: unknown[]) =>
      readRegister(
        sheetOf(
          'Enhetsregister',
          pnrs.map((p) => ({ ...alarm, Personnummer: p })),
        ),
        2025,
      ).sameEveryYear;
    expect(read(P1, P2)).toBe(true);
    expect(read(P1, 194001011230)).toBe(true); // 12 digits as a number
    expect(read(P1, shortPnr(P2))).toBe(false); // 10 digits: the century follows the billing year
    expect(read(P1, shortPnr(P2, '+'))).toBe(false);
    expect(read(P1, '19400101-1231')).toBe(false); // unreadable: another year might read it otherwise
  });

  it('§4: readRegister keeps the parsed fields (normalised pnr, defaults for empty cells)', () => {
    const reading = readRegister(
      sheetOf('Enhetsregister', [{ Personnummer: '400101-1230', Tjänst: 'larm', Installerad: '2025-03-12', Kostnad: '450,50' }]),
      2025,
    );
    expect(reading.table.count).toBe(1);
    const row = reading.table.row(0);
    expect(row).toMatchObject({
      rowNumber: 2,
      pnr: P1,
      name: '',
      deviceId: '',
      returnStatus: 'none',
      housing: 'ordinary',
      installType: 'new',
      costCell: '450,50',
    });
    expect(rowCost(row)!.toString()).toBe('450.5');
    expect(dayToIso(row.installed)).toBe('2025-03-12');
    expect(row.ended).toBeUndefined();
    expect(reading.dataRowCount).toBe(1);
  });

  it('§6: one bad row never stops the run — the good rows around it are billed', () => {
    const r = bill([active, { Personnummer: 12, Tjänst: true, Installerad: {} }, { ...active, Personnummer: P2 }]);
    expect(billedRows(r)).toEqual([2, 4]);
    expect(problemsAt(r, 3).length).toBeGreaterThanOrEqual(3);
  });
});

describe('§4 headers with a unit in brackets', () => {
  it('reads "Kostnad (kr)" as Kostnad and "Installerad (datum)" as Installerad', () => {
    const found = detectColumns(['Personnummer', 'Tjänst', 'Installerad (datum)', 'Kostnad (kr)', 'Övrigt (fritext)']);
    expect(found.mapping).toEqual({ pnr: 0, service: 1, installed: 2, cost: 3 });
    expect(found.missing).toEqual([]);
  });
});

describe('§6 values in messages as the user sees them', () => {
  it('a boolean cell is shown as Swedish Excel shows it (SANT), not as "true"', () => {
    const r = run({
      name: 'Enhetsregister',
      values: [
        ['Personnummer', 'Tjänst', 'Installerad'],
        [P1, true, '2024-01-01'],
      ],
    });
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'Fel', row: 2, cell: 'B2', value: 'SANT' })]);
    expect(r.problems[0]!.message).toContain('"SANT"');
  });

  it('a month key keeps four year digits, so a message names "0000-01" as typed', async () => {
    const { monthKey, parseMonthKey } = await import('../../src/engine/index.js');
    expect(monthKey(parseMonthKey('0000-01')!)).toBe('0000-01');
    expect(() =>
      run(
        {
          name: 'Enhetsregister',
          values: [
            ['Personnummer', 'Tjänst', 'Installerad'],
            [P1, 'Larm', '2024-01-01'],
          ],
        },
        '0000-01',
      ),
    ).toThrow(/0000-01/);
  });

  it('§4: two columns for one field (Tjänst and its alias Produkt) give a Varning naming both; the first is used', () => {
    const r = run({
      name: 'Enhetsregister',
      values: [
        ['Personnummer', 'Tjänst', 'Produkt', 'Installerad'],
        [P1, 'Larmknapp', 'Trygghetslarm', '2024-01-01'],
      ],
    });
    expect(linesOf(r)).toEqual([['Månadsavgift', 40]]);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'Varning', row: 1, cell: 'C1', column: 'Produkt' })]);
    expect(r.problems[0]!.message).toMatch(/"Produkt".*Tjänst.*"Tjänst" \(kolumn B\)/);
  });

  it('§4: a header and a value written in decomposed Unicode (A + ring) are the same words', () => {
    const nfd = (t: string) => t.normalize('NFD');
    const r = run({
      name: 'Enhetsregister',
      values: [
        ['Personnummer', nfd('Tjänst'), 'Installerad', nfd('Återlämning'), 'Avslutad', 'Kostnad'],
        [P1, nfd('Digitalt lås'), '2024-01-01', 'Borttappad', '2025-03-05', 300],
      ],
    });
    expect(r.problems).toEqual([]);
    expect(linesOf(r)).toEqual([['Ersättning teknik', 300]]);
  });
});
