// §10 fixed width, checked by a parser written from the spec's positions: record order and
// lengths, personnummer, amounts in öre (negative too), K = R, T totals, the file's total = the
// sheet's, ISO-8859-1 bytes, CRLF, and corrections periodised on their own month.
import { describe, expect, it } from 'vitest';
import { exportInvoiceSheet, invoiceSheet, sheetGrid, type ExportResult, type SheetCells } from '../../../src/engine/index.js';
import { bill, makePnr } from '../helpers.js';
import { exportSheet, fakturaSheet, ore, PA, PB, PC, PE, sampleLines, TODAY } from './fixtures.js';
import { invoicesOf, leftInt, parseFixedWidth, signed14, zeroPadded, type ParsedInvoice } from './golden-parser.js';

const ten = (pnr: string): string => pnr.slice(2, 8) + pnr.slice(9);

function ok(result: ExportResult) {
  if (!result.ok) throw new Error(result.refusals.map((r) => `${r.cell}: ${r.message}`).join('\n'));
  return result;
}

/** The sheet's own sum per person and in total, in öre, from its Belopp cells. */
function sheetSums(sheet: SheetCells): { total: number; byPerson: Map<string, number> } {
  const header = sheet.values[0]!;
  const p = header.indexOf('Personnummer'),
    b = header.indexOf('Belopp');
  const byPerson = new Map<string, number>();
  let total = 0;
  for (const row of sheet.values.slice(1)) {
    const amount = ore(row[b] as number);
    total += amount;
    byPerson.set(row[p] as string, (byPerson.get(row[p] as string) ?? 0) + amount);
  }
  return { total, byPerson };
}

/** Invariants every default-layout file must hold. */
function checkInvoices(invoices: ParsedInvoice[]): number {
  let fileTotal = 0;
  for (const inv of invoices) {
    expect(inv.pnr).toMatch(/^\d{10}$/);
    expect(inv.h.f.pnr).toBe(inv.pnr);
    let sum = 0;
    for (const { r, k } of inv.rows) {
      expect(r.f.pnr).toBe(inv.pnr);
      const amount = leftInt(r.f.amount!);
      expect(zeroPadded(k.f.amount!)).toBe(amount);
      expect(k.f.period).toMatch(/^\d{4} {9}$/);
      sum += amount;
    }
    expect(signed14(inv.t.f.total!)).toBe(sum);
    fileTotal += sum;
  }
  return fileTotal;
}

describe('fixed width (§10 default layout)', () => {
  const sheet = fakturaSheet(sampleLines());
  const result = () => ok(exportInvoiceSheet(sheet, exportSheet(), { today: TODAY }));

  it('writes ! then S H (R K)… T per invoice, each record at its length, ending in CRLF', () => {
    const records = parseFixedWidth(result().bytes);
    const invoices = invoicesOf(records);
    expect(records[0]!.f.type).toBe('!');
    expect(records[0]!.f.system).toBe('VT-avgifter'.padEnd(20));
    expect(records[0]!.f.created).toBe('250402');
    expect(records[0]!.f.text!.trimEnd()).toBe('Välfärdsteknik 2025-03');
    // One invoice per person, in sheet order; the zero-sum person left out.
    expect(invoices.map((i) => i.pnr)).toEqual([ten(PA), ten(PB), ten(PC), ten(PE)]);
    expect(invoices.map((i) => i.rows.length)).toEqual([2, 2, 1, 2]);
    const bytes = result().bytes;
    const lf = bytes.reduce((n, b, i) => n + (b === 0x0a ? (bytes[i - 1] === 0x0d ? 1 : 1000) : 0), 0);
    expect(lf).toBe(records.length);
  });

  it('amounts in öre: R left-aligned, K zero-padded and equal to R, T the invoice sum with sign; the file total is the sheet total', () => {
    const invoices = invoicesOf(parseFixedWidth(result().bytes));
    const total = checkInvoices(invoices);
    expect(total).toBe(sheetSums(sheet).total);
    const [a, b, c, e] = invoices;
    expect(a!.rows.map((x) => x.r.f.amount)).toEqual(['23900'.padEnd(15), '20000'.padEnd(15)]);
    expect(a!.t.f.total).toBe('+00000000043900');
    expect(b!.rows[1]!.r.f.amount).toBe('-9700'.padEnd(15));
    expect(b!.rows[1]!.k.f.amount).toBe('-00000009700');
    expect(b!.t.f.total).toBe('+00000000014200');
    expect(c!.t.f.total).toBe('-00000000023900');
    expect(e!.rows[0]!.r.f.amount!.trim()).toBe('45050');
    expect(e!.t.f.total).toBe('+00000000049050');
  });

  it('quantity × 100, unit price in öre (blank on a reduction), row text, Momskod and the kontering', () => {
    const [a, b] = invoicesOf(parseFixedWidth(result().bytes));
    const r = a!.rows[0]!.r.f,
      k = a!.rows[0]!.k.f;
    expect(r.quantity).toBe('100     ');
    expect(r.unitPrice).toBe('23900    ');
    expect(r.text).toBe('Månadsavgift Trygghetslarm'.padEnd(30));
    expect(r.moms).toBe('00');
    expect(k.ansvar).toBe('51100   ');
    expect(k.konto).toBe('3511  ');
    expect(k.verksamhet).toBe('56010 ');
    expect(k.aktivitet).toBe('1   ');
    expect(k.motpart).toBe('900');
    expect(a!.rows[1]!.k.f.konto).toBe('3512  ');
    expect(b!.rows[1]!.r.f.unitPrice).toBe(' '.repeat(9));
    expect(b!.rows[1]!.r.f.text!.trim()).toBe('Reduktion högkostnadsskydd');
  });

  it('S and H: name, blank address, Motpart, due date 30 days after the export, customer reference', () => {
    const [a] = invoicesOf(parseFixedWidth(result().bytes));
    expect(a!.s.f.name).toBe('Åsa Öberg'.padEnd(35));
    expect(a!.s.f.co!.trim() + a!.s.f.street!.trim() + a!.s.f.postal!.trim()).toBe('');
    expect(a!.s.f.motpart).toBe('900');
    expect(a!.h.f.due).toBe('250502');
    expect(a!.h.f.customerRef).toBe('Åsa Öberg'.padEnd(30));
  });

  it('address columns a reviewer added to the sheet fill S (the first non-blank per person)', () => {
    const headers = [...sheet.values[0]!.map(String), 'c/o', 'Gatuadress', 'Postnummer och ort'];
    const rows = sheet.values.slice(1).map((r, i) => [...r, '', i === 1 ? 'Storgatan 1' : '', i === 1 ? '595 30 Mjölby' : '']);
    rows[0]![headers.indexOf('c/o')] = 'Ö. Öberg';
    const withAddress: SheetCells = { name: sheet.name, values: [headers, ...rows] };
    const [a, b] = invoicesOf(parseFixedWidth(ok(exportInvoiceSheet(withAddress, exportSheet(), { today: TODAY })).bytes));
    expect([a!.s.f.co, a!.s.f.street, a!.s.f.postal]).toEqual([
      'Ö. Öberg'.padEnd(35),
      'Storgatan 1'.padEnd(35),
      '595 30 Mjölby'.padEnd(35),
    ]);
    expect(b!.s.f.street).toBe(' '.repeat(35));
  });

  it('a correction line (R7) is periodised on the month it corrects, and its text says the month', () => {
    const invoices = invoicesOf(parseFixedWidth(result().bytes));
    const c = invoices.find((i) => i.pnr === ten(PC))!;
    expect(c.rows[0]!.k.f.period).toBe('2502'.padEnd(13));
    expect(c.rows[0]!.r.f.text!.trimEnd()).toBe('Månadsavgift 2025-02 Trygghets');
    const a = invoices.find((i) => i.pnr === ten(PA))!;
    expect(a.rows.map((x) => x.k.f.period!.trim())).toEqual(['2503', '2503']);
  });

  it('writes å ä ö é as single ISO-8859-1 bytes', () => {
    const bytes = result().bytes;
    const find = (seq: number[]): number => {
      outer: for (let i = 0; i + seq.length <= bytes.length; i++) {
        for (let j = 0; j < seq.length; j++) if (bytes[i + j] !== seq[j]) continue outer;
        return i;
      }
      return -1;
    };
    // "Åsa Öberg", "Émile Ängström", "Välfärdsteknik"
    expect(find([0xc5, 0x73, 0x61, 0x20, 0xd6, 0x62, 0x65, 0x72, 0x67])).toBeGreaterThan(0);
    expect(find([0xc9, 0x6d, 0x69, 0x6c, 0x65, 0x20, 0xc4, 0x6e, 0x67, 0x73, 0x74, 0x72, 0xf6, 0x6d])).toBeGreaterThan(0);
    expect(find([0x56, 0xe4, 0x6c, 0x66, 0xe4, 0x72, 0x64])).toBeGreaterThan(0);
    expect(bytes.every((b) => b !== 0xc3)).toBe(true); // no UTF-8 lead byte anywhere
  });

  it('the summary counts invoices, credit invoices, lines and the total in öre, equal to the sheet', () => {
    const s = result().summary;
    expect(s).toMatchObject({
      invoices: 4,
      creditInvoices: 1,
      lines: 7,
      sheetLines: 9,
      zeroSumInvoices: 1,
      zeroSumLines: 2,
      totalOre: 43900 + 14200 - 23900 + 49050,
      format: 'fixed',
      encoding: 'ISO-8859-1',
      lineEnd: 'CRLF',
    });
    expect(s.totalOre).toBe(s.sheetTotalOre);
    expect(s.records).toBe(1 + 4 * 3 + 7 * 2);
    expect(s.bytes).toBe(result().bytes.length);
  });

  it('a sheet the product billed exports line for line, person by person, with the sheet total', () => {
    const P1 = makePnr('19400101', '123'),
      P2 = makePnr('19351224', '333'),
      P3 = makePnr('19330303', '777');
    const billed = bill([
      { Personnummer: P1, Namn: 'Åke Ström', Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' },
      { Personnummer: P1, Namn: 'Åke Ström', Tjänst: 'Digitalt lås', Installerad: '2025-03-12' },
      {
        Personnummer: P2,
        Namn: 'Märta Öst',
        Tjänst: 'Larmknapp',
        Installerad: '2024-01-01',
        Avslutad: '2025-03-20',
        Återlämning: 'Borttappad',
        Kostnad: '450,50',
      },
      { Personnummer: P3, Namn: 'Lena Nord', Tjänst: 'Trygghetslarm', Installerad: '2020-01-01' },
    ]);
    const sheet: SheetCells = { name: 'Faktura 2025-03', values: sheetGrid(invoiceSheet(billed)) };
    const invoices = invoicesOf(parseFixedWidth(ok(exportInvoiceSheet(sheet, exportSheet(), { today: TODAY })).bytes));
    const total = checkInvoices(invoices);
    const sums = sheetSums(sheet);
    expect(total).toBe(sums.total);
    expect(total).toBe(ore(billed.total.toNumber()));
    for (const inv of invoices) {
      const full = [...sums.byPerson.keys()].find((p) => ten(p) === inv.pnr)!;
      expect(signed14(inv.t.f.total!)).toBe(sums.byPerson.get(full));
    }
    expect(invoices.map((i) => i.rows.length).reduce((a, b) => a + b)).toBe(billed.lines.length);
  });
});
