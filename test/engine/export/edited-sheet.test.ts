// §10: a reviewed sheet exports what it shows: sorted, filtered, with columns moved or added,
// amounts edited by hand, correction lines (R7) among the lines.
import { describe, expect, it } from 'vitest';
import { exportInvoiceSheet, invoiceSheet, sheetGrid, type ExportResult, type SheetCells } from '../../../src/engine/index.js';
import { bill, makePnr } from '../helpers.js';
import { oreOfCsv, parseCsv } from './csv-parser.js';
import { exportSheet, ore, TODAY } from './fixtures.js';
import { invoicesOf, leftInt, parseFixedWidth, signed14 } from './golden-parser.js';

const P = [makePnr('19400101', '123'), makePnr('19351224', '333'), makePnr('19330303', '777'), makePnr('19501212', '789')];

function billedSheet(): SheetCells {
  const result = bill([
    { Personnummer: P[0], Namn: 'Åke Ström', Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' },
    { Personnummer: P[0], Namn: 'Åke Ström', Tjänst: 'Digitalt lås', Installerad: '2025-03-12' },
    { Personnummer: P[1], Namn: 'Märta Öst', Tjänst: 'Larmknapp', Installerad: '2024-01-01' },
    { Personnummer: P[2], Namn: 'Lena Nord', Tjänst: 'Trygghetslarm', Installerad: '2020-01-01' },
    { Personnummer: P[3], Namn: 'Olle Berg', Tjänst: 'GPS-klocka', Installerad: '2022-05-01' },
  ]);
  return { name: 'Faktura 2025-03', values: sheetGrid(invoiceSheet(result)) };
}

function ok(result: ExportResult) {
  if (!result.ok) throw new Error(result.refusals.map((r) => `${r.cell}: ${r.message}`).join('\n'));
  return result;
}

/** Per person (10 digits) the sum of the sheet's Belopp in öre, read from its cells by header. */
function sumsOf(sheet: SheetCells): Map<string, number> {
  const h = sheet.values[0]!;
  const p = h.indexOf('Personnummer'),
    b = h.indexOf('Belopp');
  const sums = new Map<string, number>();
  for (const row of sheet.values.slice(1)) {
    const key = String(row[p]).slice(2, 8) + String(row[p]).slice(9);
    sums.set(key, (sums.get(key) ?? 0) + ore(row[b] as number));
  }
  return sums;
}

function fileSums(result: ExportResult & { ok: true }): Map<string, number> {
  return new Map(invoicesOf(parseFixedWidth(result.bytes)).map((i) => [i.pnr, signed14(i.t.f.total!)]));
}

describe('a reviewed sheet exports what it shows', () => {
  it('sorted by name (rows reversed), columns moved, a column added: the same invoices, in the order of first appearance', () => {
    const original = billedSheet();
    const [header, ...rows] = original.values;
    const order = header!.map((_, i) => i).reverse(); // every column moved
    const moved: SheetCells = {
      name: original.name,
      values: [
        [...order.map((i) => header![i]), 'Anteckning'],
        ...[...rows].reverse().map((r) => [...order.map((i) => r[i]), 'kollad']),
      ],
    };
    const a = ok(exportInvoiceSheet(original, exportSheet(), { today: TODAY }));
    const b = ok(exportInvoiceSheet(moved, exportSheet(), { today: TODAY }));
    expect(fileSums(b)).toEqual(fileSums(a));
    expect(b.summary).toMatchObject({ invoices: a.summary.invoices, lines: a.summary.lines, totalOre: a.summary.totalOre });
    expect(invoicesOf(parseFixedWidth(b.bytes)).map((i) => i.pnr)).toEqual(
      invoicesOf(parseFixedWidth(a.bytes))
        .map((i) => i.pnr)
        .reverse(),
    );
  });

  it("a person's lines apart from each other (sorted by Typ) still make one invoice, lines in sheet order", () => {
    const original = billedSheet();
    const [header, ...rows] = original.values;
    const typ = header!.indexOf('Typ');
    const sorted: SheetCells = {
      name: original.name,
      values: [header!, ...[...rows].sort((x, y) => String(x[typ]).localeCompare(String(y[typ])))],
    };
    const result = ok(exportInvoiceSheet(sorted, exportSheet(), { today: TODAY }));
    const invoices = invoicesOf(parseFixedWidth(result.bytes));
    expect(new Set(invoices.map((i) => i.pnr)).size).toBe(invoices.length);
    const ake = invoices.find((i) => i.pnr === P[0]!.slice(2, 8) + P[0]!.slice(9))!;
    expect(ake.rows.map((r) => r.r.f.text!.trim())).toEqual(['Installationsavgift Trygghetsl', 'Månadsavgift Trygghetslarm']);
    expect(fileSums(result)).toEqual(sumsOf(sorted));
  });

  it('an amount edited by hand, a line deleted and a correction line added: the file carries them, to the öre', () => {
    const original = billedSheet();
    const h = original.values[0]!;
    const values = original.values.map((r) => [...r]);
    const belopp = h.indexOf('Belopp'),
      pnr = h.indexOf('Personnummer'),
      typ = h.indexOf('Typ');
    const row = (p: string, kind: string) => values.findIndex((r) => r[pnr] === p && r[typ] === kind);
    values[row(P[0]!, 'Månadsavgift')]![belopp] = 199.5; // a reviewer's decision
    values.splice(row(P[3]!, 'Månadsavgift'), 1); // a line removed
    const correction = h.map((name) => {
      switch (name) {
        case 'Personnummer':
          return P[1]!;
        case 'Namn':
          return 'Märta Öst';
        case 'Månad':
          return '2025-01';
        case 'Typ':
          return 'Månadsavgift';
        case 'Tjänst':
          return 'Trygghetslarm';
        case 'Antal':
          return 1;
        case 'Belopp':
          return -239;
        case 'Regel':
          return 'R7';
        default:
          return '';
      }
    });
    values.push(correction);
    const edited: SheetCells = { name: original.name, values };
    const result = ok(exportInvoiceSheet(edited, exportSheet(), { today: TODAY }));
    expect(fileSums(result)).toEqual(sumsOf(edited));
    const invoices = invoicesOf(parseFixedWidth(result.bytes));
    const ten = (p: string) => p.slice(2, 8) + p.slice(9);
    const marta = invoices.find((i) => i.pnr === ten(P[1]!))!;
    expect(marta.rows.map((r) => [leftInt(r.r.f.amount!), r.k.f.period!.trim()])).toEqual([
      [4000, '2503'],
      [-23900, '2501'],
    ]);
    expect(marta.t.f.total).toBe('-00000000019900');
    expect(invoices.find((i) => i.pnr === ten(P[0]!))!.rows[0]!.r.f.amount!.trim()).toBe('19950');
    expect(invoices.some((i) => i.pnr === ten(P[3]!))).toBe(false);
    expect(result.summary.creditInvoices).toBe(1);
  });

  it('CSV of the same edited sheet: the same lines and amounts as the sheet', () => {
    const original = billedSheet();
    const result = ok(exportInvoiceSheet(original, exportSheet(), { today: TODAY, format: 'csv' }));
    const rows = parseCsv(new TextDecoder().decode(result.bytes.slice(3))).slice(1);
    const h = original.values[0]!;
    expect(rows.map((r) => [r[0], r[3], oreOfCsv(r[7]!)])).toEqual(
      original.values
        .slice(1)
        .map((r) => [
          String(r[h.indexOf('Personnummer')]).replace('-', ''),
          r[h.indexOf('Månad')],
          ore(r[h.indexOf('Belopp')] as number),
        ]),
    );
  });
});
