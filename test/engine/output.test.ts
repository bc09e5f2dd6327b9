// §7: the sheets a run writes — Faktura, Summering, Problem for month M.
import { describe, expect, it } from 'vitest';
import {
  billWorkbook,
  INVOICE_HEADERS,
  NUMBER_FORMAT,
  outputSheets,
  sum,
  type OutputSheet,
  tableRows,
} from '../../src/engine/index.js';
import { bill, expectWidthsAsScanned, makePnr, month, otherFeesSheet, P1, P2, sheetOf } from './helpers.js';

const P3 = makePnr('19501212', '789');

/** A table's rows as objects keyed by header, for readable assertions. */
const records = (sheet: OutputSheet, table = 0) => {
  const t = sheet.tables[table]!;
  return tableRows(t).map((row) => Object.fromEntries(t.columns.map((c, i) => [c.header, row[i]])));
};

const register = () => [
  /* 2 */ { Personnummer: P1, Namn: 'Anna Andersson', Tjänst: 'Trygghetslarm', 'Enhets-ID': 'L-1', Installerad: '2025-03-12' },
  /* 3 */ {
    Personnummer: P2,
    Namn: 'Bo Berg',
    Tjänst: 'Larmknapp',
    'Enhets-ID': 'K-9',
    Installerad: '2024-01-01',
    Avslutad: '2025-03-20',
    Återlämning: 'Borttappad',
    Kostnad: '450,50',
  },
  /* 4 */ { Personnummer: P1, Namn: 'Anna Andersson', Tjänst: 'Digitalt lås', Installerad: '2025-03-12' },
  /* 5 */ { Personnummer: P1, Namn: 'Anna Andersson', Tjänst: 'Larmknapp', Installerad: '2024-01-01' },
  /* 6 */ {
    Personnummer: P3,
    Namn: '=HYPERLINK("x")',
    Tjänst: 'Trygghetslarm',
    'Enhets-ID': '+46-123',
    Installerad: '2024-01-01',
  },
  /* 7 */ { Personnummer: P2, Namn: 'Bo Berg', Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' },
  /* 8 */ { Personnummer: P3, Tjänst: 'Okänd tjänst', Installerad: '2024-01-01' },
];

const result = () =>
  bill(register(), '2025-03', {
    otherFees: otherFeesSheet([{ Personnummer: P2, Månad: '2025-03', Belopp: 2500 }]),
  });

describe('§7 sheet names and headers', () => {
  it('§7: outputSheets gives Faktura YYYY-MM, Summering YYYY-MM and Problem YYYY-MM', () => {
    expect(outputSheets(result()).map((s) => s.name)).toEqual(['Faktura 2025-03', 'Summering 2025-03', 'Problem 2025-03']);
    const dec = bill([{ Personnummer: P1, Tjänst: 'Larm', Installerad: '2024-01-01' }], '2025-12');
    expect(outputSheets(dec).map((s) => s.name)).toEqual(['Faktura 2025-12', 'Summering 2025-12', 'Problem 2025-12']);
  });

  it('§7: the invoice headers are exactly the spec’s columns, in order', () => {
    const expected = [
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
    ];
    const [faktura] = outputSheets(result());
    expect(faktura!.tables).toHaveLength(1); // one row per line and nothing else
    expect(faktura!.tables[0]!.columns.map((c) => c.header)).toEqual(expected);
    expect([...INVOICE_HEADERS]).toEqual(expected);
  });

  it('§7: amount columns are numbers with a currency format, text columns are text', () => {
    const t = outputSheets(result())[0]!.tables[0]!;
    const kind = (h: string) => t.columns.find((c) => c.header === h)!.kind;
    expect(kind('Belopp')).toBe('kr');
    expect(kind('À-pris')).toBe('kr');
    expect(kind('Antal')).toBe('int');
    for (const h of ['Personnummer', 'Namn', 'Tjänst', 'Enhets-ID', 'Källa', 'Förklaring']) expect(kind(h)).toBe('text');
    expect(NUMBER_FORMAT.text).toBe('@');
    expect(NUMBER_FORMAT.kr).toContain('kr');
    const col = t.columns.findIndex((c) => c.header === 'Belopp');
    for (const row of tableRows(t)) expect(typeof row[col]).toBe('number');
  });
});

describe('§7 invoice lines', () => {
  it('§7: lines are ordered by personnummer, then line kind, then register row', () => {
    const rows = records(outputSheets(result())[0]!);
    expect(rows.map((r) => [r.Personnummer, r.Typ, r.Källa])).toEqual([
      [P2, 'Månadsavgift', 'Enhetsregister!3'],
      [P2, 'Månadsavgift', 'Enhetsregister!7'],
      [P2, 'Ersättning teknik', 'Enhetsregister!3'],
      [P2, 'Reduktion högkostnadsskydd', 'Enhetsregister!3, Enhetsregister!7, Övriga avgifter!2'],
      [P1, 'Månadsavgift', 'Enhetsregister!2'],
      [P1, 'Månadsavgift', 'Enhetsregister!5'],
      [P1, 'Installationsavgift', 'Enhetsregister!2, Enhetsregister!4'],
      [P3, 'Månadsavgift', 'Enhetsregister!6'],
    ]);
  });

  it('§7: the amounts, unit prices, Ja/Nej and rules of each line', () => {
    const rows = records(outputSheets(result())[0]!);
    expect(rows.map((r) => [r.Typ, r.Antal, r['À-pris'], r.Belopp, r.Högkostnadsskydd, r.Regel])).toEqual([
      ['Månadsavgift', 1, 40, 40, 'Ja', 'R1'],
      ['Månadsavgift', 1, 239, 239, 'Ja', 'R1'],
      ['Ersättning teknik', 1, 450.5, 450.5, 'Nej', 'R4'],
      ['Reduktion högkostnadsskydd', 1, '', -137, 'Ja', 'R5'],
      ['Månadsavgift', 1, 239, 239, 'Ja', 'R1'],
      ['Månadsavgift', 1, 40, 40, 'Ja', 'R1'],
      ['Installationsavgift', 1, 200, 200, 'Nej', 'R3'],
      ['Månadsavgift', 1, 239, 239, 'Ja', 'R1'],
    ]);
    expect(rows.every((r) => r.Månad === '2025-03')).toBe(true);
    expect(rows.every((r) => typeof r.Förklaring === 'string' && (r.Förklaring as string).length > 10)).toBe(true);
  });

  it('§7: Källa names the register sheet as the user named it', () => {
    const r = billWorkbook(
      { register: sheetOf('Larmregister 2025', [{ Personnummer: P1, Tjänst: 'Larm', Installerad: '2024-01-01' }]) },
      { month: month('2025-03') },
    );
    expect(records(outputSheets(r)[0]!)[0]!.Källa).toBe('Larmregister 2025!2');
  });

  it('§7: Tjänst and Enhets-ID are the canonical service names and the device ids of the line', () => {
    const rows = records(outputSheets(result())[0]!);
    const inst = rows.find((r) => r.Typ === 'Installationsavgift')!;
    expect(inst.Tjänst).toBe('Trygghetslarm, Digitalt lås');
    expect(inst['Enhets-ID']).toBe('L-1');
    expect(rows.find((r) => r.Typ === 'Ersättning teknik')!['Enhets-ID']).toBe('K-9');
  });

  it('§7: text that looks like a formula is kept as the same string (never a formula)', () => {
    const rows = records(outputSheets(result())[0]!).filter((r) => r.Personnummer === P3);
    expect(rows[0]!.Namn).toBe('=HYPERLINK("x")');
    expect(rows[0]!['Enhets-ID']).toBe('+46-123');
    const summary = records(outputSheets(result())[1]!).find((r) => r.Personnummer === P3)!;
    expect(summary.Namn).toBe('=HYPERLINK("x")');
  });

  it('§7: column widths known without the rows equal those of a scan of every row (rows are made only as written)', () => {
    for (const r of [result(), bill([], '2025-03')]) for (const sheet of outputSheets(r)) expectWidthsAsScanned(sheet);
  });

  it('§7: the same input gives the same output, line for line', () => {
    expect(JSON.stringify(outputSheets(result()))).toBe(JSON.stringify(outputSheets(result())));
  });
});

describe('§7 Summering', () => {
  it('§7: one row per person with capped sum, reduction, uncapped sum and total', () => {
    const rows = records(outputSheets(result())[1]!, 0);
    expect(rows).toEqual([
      {
        Personnummer: P2,
        Namn: 'Bo Berg',
        'Inom högkostnadsskydd': 279,
        'Reduktion högkostnadsskydd': -137,
        'Utanför högkostnadsskydd': 450.5,
        'Att betala': 592.5,
      },
      {
        Personnummer: P1,
        Namn: 'Anna Andersson',
        'Inom högkostnadsskydd': 279,
        'Reduktion högkostnadsskydd': 0,
        'Utanför högkostnadsskydd': 200,
        'Att betala': 479,
      },
      {
        Personnummer: P3,
        Namn: '=HYPERLINK("x")',
        'Inom högkostnadsskydd': 239,
        'Reduktion högkostnadsskydd': 0,
        'Utanför högkostnadsskydd': 0,
        'Att betala': 239,
      },
    ]);
  });

  it('§7: totals per line kind and for the month', () => {
    const rows = records(outputSheets(result())[1]!, 1);
    expect(rows).toEqual([
      { Typ: 'Månadsavgift', 'Antal rader': 5, Belopp: 797 },
      { Typ: 'Installationsavgift', 'Antal rader': 1, Belopp: 200 },
      { Typ: 'Ersättning teknik', 'Antal rader': 1, Belopp: 450.5 },
      { Typ: 'Reduktion högkostnadsskydd', 'Antal rader': 1, Belopp: -137 },
      { Typ: 'Totalt för månaden', 'Antal rader': 8, Belopp: 1310.5 },
    ]);
    const r = result();
    expect(r.total.toString()).toBe('1310.5');
    expect(sum([...r.persons].map((p) => p.total)).toString()).toBe('1310.5');
  });
});

describe('§7 Problem sheet', () => {
  it('§7: the problems of §6 with severity, sheet, row, column, cell, value, message and rule', () => {
    const rows = records(outputSheets(result())[2]!);
    expect(rows).toEqual([
      expect.objectContaining({
        Allvarlighet: 'Fel',
        Blad: 'Enhetsregister',
        Rad: 8,
        Kolumn: 'Tjänst',
        Cell: 'C8',
        Värde: 'Okänd tjänst',
      }),
    ]);
    expect(rows[0]!.Meddelande).toMatch(/Okänd tjänst/);
  });

  it('§7: an empty Problem table when there are no problems', () => {
    const r = bill([{ Personnummer: P1, Tjänst: 'Larm', Installerad: '2024-01-01' }]);
    expect(tableRows(outputSheets(r)[2]!.tables[0]!)).toEqual([]);
  });
});
