// §9/§10: invoice sheets read back as the record: as the product writes them and as a reviewer
// leaves them; Personnummer, Månad, Typ and Belopp read strictly, every problem with its cell.
import { describe, expect, it } from 'vitest';
import {
  billedSums,
  INVOICE_HEADERS,
  invoiceSheet,
  invoiceSheetMonth,
  invoiceSheetNames,
  readInvoiceRecord,
  recordCell,
  recordHundredths,
  recordProblemAs,
  recordReference,
  recordText,
  sheetGrid,
  type SheetCells,
} from '../../../src/engine/index.js';
import { bill, makePnr, shortPnr, utcDate, withBadCheckDigit } from '../helpers.js';

const P1 = makePnr('19400101', '123'),
  P2 = makePnr('19351224', '333'),
  P3 = makePnr('19330303', '777');

function billed(): { sheet: SheetCells; result: ReturnType<typeof bill> } {
  const result = bill([
    { Personnummer: P1, Namn: 'Åke Ström', Tjänst: 'Trygghetslarm', 'Enhets-ID': 'L-1', Installerad: '2025-03-12' },
    { Personnummer: P2, Namn: 'Märta Öst', Tjänst: 'Larmknapp', Installerad: '2024-01-01' },
    {
      Personnummer: P3,
      Namn: 'Lena Nord',
      Tjänst: 'Trygghetslarm',
      Installerad: '2020-01-01',
      Avslutad: '2025-03-20',
      Återlämning: 'Borttappad',
      Kostnad: '450,50',
    },
  ]);
  return { result, sheet: { name: 'Faktura 2025-03', values: sheetGrid(invoiceSheet(result)) } };
}

/** A sheet of the product's headers with one line per spec (row 2 onwards). */
function sheetOf(lines: Array<Record<string, unknown>>, name = 'Faktura 2025-03'): SheetCells {
  return { name, values: [[...INVOICE_HEADERS], ...lines.map((l) => INVOICE_HEADERS.map((h) => l[h] ?? ''))] };
}
const line = (over: Record<string, unknown> = {}) => ({
  Personnummer: P1,
  Namn: 'Åke Ström',
  Månad: '2025-03',
  Typ: 'Månadsavgift',
  Tjänst: 'Trygghetslarm',
  Antal: 1,
  'À-pris': 239,
  Belopp: 239,
  Regel: 'R1',
  ...over,
});

describe('reading an invoice sheet', () => {
  it('reads every line the product wrote: personnummer, Månad, Typ, Belopp in öre, row numbers, kept columns', () => {
    const { sheet, result } = billed();
    const record = readInvoiceRecord(sheet);
    expect(record.problems).toEqual([]);
    expect(record.month).toEqual({ year: 2025, month: 3 });
    expect(record.headerRow).toBe(1);
    expect(record.lines.map((l) => [l.pnr, l.month, l.kind, l.amountOre])).toEqual(
      result.lines.map((l) => [l.pnr, l.month, l.kind, l.amount.times(100).toNumber()]),
    );
    expect(record.lines.map((l) => l.row)).toEqual(result.lines.map((_, i) => i + 2));
    const first = record.lines[0]!;
    expect(recordText(record, first, 'name')).toBe(result.lines[0]!.name);
    expect(recordText(record, first, 'rule')).toBe(result.lines[0]!.rule);
    expect(recordText(record, first, 'source')).toBe(`Enhetsregister!${result.lines[0]!.sourceRows[0]}`);
    expect(recordHundredths(record, first, 'quantity')).toBe(100);
    expect(recordReference(first)).toBe('Faktura 2025-03!2');
    expect(recordCell(record, first, 'amount')).toBe('I2');
    const lena = record.lines.find((l) => l.kind === 'Ersättning teknik')!;
    expect(lena.amountOre).toBe(45050);
  });

  it('a sheet sorted, filtered (same cells), with columns moved and added, reads the same lines', () => {
    const { sheet } = billed();
    const [header, ...rows] = sheet.values;
    const order = [3, 0, 12, 8, 1, 2, 4, 5, 6, 7, 9, 10, 11];
    const moved: SheetCells = {
      name: sheet.name,
      values: [
        ['Kommentar', ...order.map((i) => header![i])],
        ...[...rows].reverse().map((r) => ['ok', ...order.map((i) => r[i])]),
      ],
    };
    const a = readInvoiceRecord(sheet),
      b = readInvoiceRecord(moved);
    const key = (l: { pnr: string; month: string; kind: string; amountOre: number }) =>
      `${l.pnr}|${l.month}|${l.kind}|${l.amountOre}`;
    expect(b.problems).toEqual([]);
    expect(b.lines.map(key).sort()).toEqual(a.lines.map(key).sort());
    expect(b.columns.amount).toMatchObject({ letter: 'E', header: 'Belopp' });
    expect(recordText(b, b.lines[0]!, 'name')).toBe(recordText(a, a.lines[a.lines.length - 1]!, 'name'));
  });

  it('a banner above the header, a sheet starting in column B, blank rows between lines', () => {
    const values = [
      [],
      ['Faktura mars 2025 — granskad'],
      [...INVOICE_HEADERS],
      INVOICE_HEADERS.map((h) => line()[h as 'Belopp'] ?? ''),
      [],
      INVOICE_HEADERS.map((h) => line({ Belopp: 40, Typ: 'Månadsavgift', Personnummer: P2 })[h as 'Belopp'] ?? ''),
    ];
    const record = readInvoiceRecord({ name: 'Faktura 2025-03', values, firstRow: 4, firstColumn: 1 });
    expect(record.headerRow).toBe(6);
    expect(record.lines.map((l) => [l.row, l.pnr, l.amountOre])).toEqual([
      [7, P1, 23900],
      [9, P2, 4000],
    ]);
    expect(recordCell(record, record.lines[1]!, 'amount')).toBe('J9');
    expect(record.rowCount).toBe(2);
  });

  it('Belopp "239 kr" (text) is a problem with its cell, the line left out, the other lines read', () => {
    const record = readInvoiceRecord(sheetOf([line(), line({ Personnummer: P2, Belopp: '239 kr' }), line({ Personnummer: P3 })]));
    expect(record.lines.map((l) => l.pnr)).toEqual([P1, P3]);
    expect(record.problems).toEqual([
      expect.objectContaining({
        sheet: 'Faktura 2025-03',
        row: 3,
        cell: 'I3',
        column: 'Belopp',
        value: '239 kr',
        field: 'amount',
      }),
    ]);
    expect(record.problems[0]!.message).toMatch(/text, inte ett tal/);
    expect(recordProblemAs(record.problems[0]!, 'Varning', 'R7')).toMatchObject({ severity: 'Varning', rule: 'R7', cell: 'I3' });
  });

  it('Belopp read strictly: text digits, more than two decimals and blanks are problems; formula noise is the öre it shows', () => {
    const record = readInvoiceRecord(
      sheetOf([
        line({ Belopp: '239' }),
        line({ Belopp: 239.005 }),
        line({ Belopp: '' }),
        line({ Belopp: 100.1 * 3 }), // 300.29999999999995
        line({ Belopp: -97 }),
        line({ Belopp: 0.1 + 0.2 }), // 0.30000000000000004
        line({ Belopp: true }),
      ]),
    );
    expect(record.problems.map((p) => [p.cell, p.value])).toEqual([
      ['I2', '239'],
      ['I3', '239.005'],
      ['I4', ''],
      ['I8', 'SANT'],
    ]);
    expect(record.lines.map((l) => l.amountOre)).toEqual([30030, -9700, 30]);
  });

  it('personnummer normalised as §4 (10 digits, samordningsnummer); an invalid one is a problem with its cell', () => {
    const co = makePnr('19400161', '123');
    const record = readInvoiceRecord(
      sheetOf([
        line({ Personnummer: shortPnr(P1) }),
        line({ Personnummer: co }),
        line({ Personnummer: withBadCheckDigit(P2) }),
        line({ Personnummer: '' }),
      ]),
    );
    expect(record.lines.map((l) => l.pnr)).toEqual([P1, co]);
    expect(record.problems.map((p) => [p.cell, p.field])).toEqual([
      ['A4', 'pnr'],
      ['A5', 'pnr'],
    ]);
    expect(record.problems[1]!.message).toMatch(/bara ha fakturarader/);
  });

  it('Typ in any case and spacing is its line kind; an unknown Typ is a problem', () => {
    const record = readInvoiceRecord(sheetOf([line({ Typ: '  reduktion   HÖGKOSTNADSSKYDD ' }), line({ Typ: 'Avgift' })]));
    expect(record.lines.map((l) => l.kind)).toEqual(['Reduktion högkostnadsskydd']);
    expect(record.problems).toMatchObject([{ cell: 'D3', value: 'Avgift', field: 'kind' }]);
  });

  it('Månad: ÅÅÅÅ-MM text, a date cell in the month, an Excel serial; unreadable or after the sheet month is a problem', () => {
    const record = readInvoiceRecord(
      sheetOf([
        line({ Månad: '2025-03' }),
        line({ Månad: utcDate('2025-02-01'), Regel: 'R7', Belopp: -239 }), // a reviewer's edit Excel made a date
        line({ Månad: 45658 }), // 2025-01-01
        line({ Månad: 'mars 2025' }),
        line({ Månad: '2025-04' }),
        line({ Månad: '' }),
      ]),
    );
    expect(record.lines.map((l) => l.month)).toEqual(['2025-03', '2025-02', '2025-01']);
    expect(record.problems.map((p) => p.cell)).toEqual(['C5', 'C6', 'C7']);
    expect(record.problems[1]!.message).toMatch(/efter bladets fakturamånad 2025-03/);
  });

  it('a correction line (R7) keeps its own Månad, Regel and Källa', () => {
    const record = readInvoiceRecord(
      sheetOf([line({ Månad: '2025-02', Belopp: -239, Regel: 'R7', Källa: 'Enhetsregister!12, Faktura 2025-02!5' })]),
    );
    const l = record.lines[0]!;
    expect([l.month, l.amountOre, recordText(record, l, 'rule'), recordText(record, l, 'source')]).toEqual([
      '2025-02',
      -23900,
      'R7',
      'Enhetsregister!12, Faktura 2025-02!5',
    ]);
  });

  it('a sheet without the key columns is one problem per missing column, never an exception', () => {
    const record = readInvoiceRecord({
      name: 'Faktura 2025-03',
      values: [
        ['Personnummer', 'Namn', 'Summa'],
        [P1, 'Åke', 239],
      ],
    });
    expect(record.lines).toEqual([]);
    expect(record.rowCount).toBe(1);
    expect(record.problems.map((p) => p.column)).toEqual(['Månad', 'Typ', 'Belopp']);
    expect(record.problems[0]!.cell).toBeUndefined();
    expect(readInvoiceRecord({ name: 'Faktura 2025-03', values: [] }).problems).toHaveLength(4);
  });
});

describe('which sheets are invoice sheets', () => {
  it('"Faktura ÅÅÅÅ-MM" in any case and spacing, oldest month first, the month being billed left out', () => {
    expect(invoiceSheetMonth(' faktura  2025-03 ')).toEqual({ year: 2025, month: 3 });
    expect(invoiceSheetMonth('Faktura 2025-13')).toBeUndefined();
    expect(invoiceSheetMonth('Faktura 2025-03 (2)')).toBeUndefined();
    const names = [
      'Enhetsregister',
      'Faktura 2025-03',
      'Summering 2025-03',
      'FAKTURA 2024-12',
      'Faktura 2025-01',
      'Faktura mars',
    ];
    expect(invoiceSheetNames(names).map((s) => s.name)).toEqual(['FAKTURA 2024-12', 'Faktura 2025-01', 'Faktura 2025-03']);
    expect(invoiceSheetNames(names, { year: 2025, month: 3 }).map((s) => s.name)).toEqual(['FAKTURA 2024-12', 'Faktura 2025-01']);
  });
});

describe('billed(p, m, kind)', () => {
  it('sums Belopp per person, Månad and Typ over several sheets, naming the record rows', () => {
    const march = readInvoiceRecord(
      sheetOf([line(), line({ Typ: 'Installationsavgift', Belopp: 200 }), line({ Personnummer: P2 })]),
    );
    const april = readInvoiceRecord(
      sheetOf([line({ Månad: '2025-04' }), line({ Månad: '2025-03', Belopp: -239, Regel: 'R7' })], 'Faktura 2025-04'),
    );
    const sums = billedSums([march.lines, april.lines]);
    expect(sums.get(`${P1}|2025-03|Månadsavgift`)).toEqual({
      pnr: P1,
      month: '2025-03',
      kind: 'Månadsavgift',
      amountOre: 0,
      sources: ['Faktura 2025-03!2', 'Faktura 2025-04!3'],
    });
    expect(sums.get(`${P1}|2025-03|Installationsavgift`)!.amountOre).toBe(20000);
    expect(sums.get(`${P1}|2025-04|Månadsavgift`)!.amountOre).toBe(23900);
    expect(sums.get(`${P2}|2025-03|Månadsavgift`)!.sources).toEqual(['Faktura 2025-03!4']);
    expect(sums.size).toBe(4);
  });
});
