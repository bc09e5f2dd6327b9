// Excel's two date systems (issue 9 item 3): 1900 (Windows; counts a 1900-02-29 that never was)
// and 1904 (Excel for Mac; serial 0 is 1904-01-01). A sheet says which one in SheetCells.date1904.
import { describe, expect, it } from 'vitest';
import {
  billWorkbook,
  dayFromCell,
  dayFromExcelSerial,
  dayFromYmd,
  INVOICE_HEADERS,
  monthFromCell,
  readInvoiceRecord,
} from '../../src/engine/index.js';

describe('date serials in the 1904 system', () => {
  it('count days from 1904-01-01 up to 9999-12-31', () => {
    expect(dayFromExcelSerial(0, true)).toBe(dayFromYmd(1904, 1, 1));
    expect(dayFromExcelSerial(44266, true)).toBe(dayFromYmd(2025, 3, 12));
    expect(dayFromExcelSerial(44266.75, true)).toBe(dayFromYmd(2025, 3, 12));
    expect(dayFromExcelSerial(2957003, true)).toBe(dayFromYmd(9999, 12, 31));
    expect(dayFromExcelSerial(-1, true)).toBeUndefined();
    expect(dayFromExcelSerial(2957004, true)).toBeUndefined();
  });

  it('are 1 462 days after the same serial in the 1900 system', () => {
    for (const serial of [61, 1000, 44265, 45728]) {
      expect(dayFromExcelSerial(serial, true)! - dayFromExcelSerial(serial)!).toBe(1462);
    }
    expect(dayFromExcelSerial(44265)).toBe(dayFromYmd(2021, 3, 10));
  });

  it('reach cells and months; text and dates do not depend on the system', () => {
    expect(dayFromCell(44266, true)).toBe(dayFromYmd(2025, 3, 12));
    expect(dayFromCell('2025-03-12', true)).toBe(dayFromYmd(2025, 3, 12));
    expect(dayFromCell(new Date(Date.UTC(2025, 2, 12)), true)).toBe(dayFromYmd(2025, 3, 12));
    expect(monthFromCell(44266, true)).toEqual({ year: 2025, month: 3 });
    expect(monthFromCell(44266)).toEqual({ year: 2021, month: 3 });
  });
});

describe('sheets in the 1904 system', () => {
  const pnr = '19400101-1230';
  const sheet = (name: string, values: unknown[][]) => ({ name, values, date1904: true });
  const register = sheet('Enhetsregister', [
    ['Personnummer', 'Tjänst', 'Installerad'],
    [pnr, 'Trygghetslarm', 40000], // 2013-07-07 in 1904, 2009-07-06 in 1900: long before
  ]);
  const MARCH = { year: 2025, month: 3 };

  it("Övriga avgifter: a month given as a serial is read in the sheet's system", () => {
    // 44255 is 2025-03-01 in 1904 (2021-02-28 in 1900): 2 500 kr of other fees this month → 142 left.
    const otherFees = sheet('Övriga avgifter', [
      ['Personnummer', 'Månad', 'Belopp'],
      [pnr, 44255, 2500],
    ]);
    expect(billWorkbook({ register, otherFees }, { month: MARCH }).total.toNumber()).toBe(142);
  });

  it('Taxa: "Gäller från" given as a serial is read in the sheet\'s system', () => {
    // 44286 is 2025-04-01 in 1904 (2021-04-01 in 1900): the 300 kr version is not yet in force in March.
    const taxa = sheet('Taxa', [
      [
        'Gäller från',
        'Trygghetslarm (kr/mån)',
        'Larmknapp sammanboende (kr/mån)',
        'Digitalt lås (kr/mån)',
        'Digital tillsyn (kr/mån)',
        'Installationsavgift (kr)',
      ],
      ['2019-01-01', 239, 40, 0, 0, 200],
      [44286, 300, 40, 0, 0, 200],
    ]);
    expect(billWorkbook({ register, taxa }, { month: MARCH }).total.toNumber()).toBe(239);
  });
});

describe('the invoice record in the 1904 system', () => {
  it("a Månad given as a serial on a Faktura sheet is read in the sheet's system", () => {
    const header = [...INVOICE_HEADERS];
    const row = header.map((h) =>
      h === 'Personnummer' ? '19400101-1230' : h === 'Månad' ? 44255 : h === 'Typ' ? 'Månadsavgift' : h === 'Belopp' ? 239 : '',
    );
    // 44255 is 2025-03-01 in 1904; in 1900 it is 2021-02-28.
    const record = readInvoiceRecord({ name: 'Faktura 2025-03', values: [header, row], date1904: true });
    expect(record.problems).toEqual([]);
    expect(record.lines.map((l) => l.month)).toEqual(['2025-03']);
  });
});
