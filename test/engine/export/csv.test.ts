// §10 CSV: one row per invoice line, ";" separated, decimal comma, RFC 4180 quoting, CRLF,
// UTF-8 with BOM or Windows-1252; read back by a parser in the test.
import { describe, expect, it } from 'vitest';
import { exportInvoiceSheet, type ExportResult } from '../../../src/engine/index.js';
import { oreOfCsv, parseCsv } from './csv-parser.js';
import { exportSheet, fakturaSheet, ore, PA, PB, PC, PE, sampleLines, setSetting, TODAY } from './fixtures.js';

function ok(result: ExportResult) {
  if (!result.ok) throw new Error(result.refusals.map((r) => `${r.cell}: ${r.message}`).join('\n'));
  return result;
}
const twelve = (pnr: string): string => pnr.slice(0, 8) + pnr.slice(9);

describe('CSV (§10)', () => {
  const lines = sampleLines();
  const sheet = fakturaSheet(lines);
  const csv = (edit?: Parameters<typeof exportSheet>[0]) =>
    ok(exportInvoiceSheet(sheet, exportSheet(edit), { today: TODAY, format: 'csv' }));

  it('UTF-8 with BOM by default; every row ends with CRLF; the header names the columns', () => {
    const bytes = csv().bytes;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3)));
    expect(rows[0]).toEqual([
      'Personnummer',
      'Namn',
      'Fakturamånad',
      'Avser månad',
      'Text',
      'Antal',
      'À-pris',
      'Belopp',
      'Konto',
      'Ansvar',
      'Verksamhet',
      'Aktivitet',
      'Projekt',
      'Objekt',
      'Motpart',
      'Momskod',
    ]);
  });

  it('has the sheet lines and amounts (zero-sum person left out), 12-digit personnummer, decimal comma, own Månad', () => {
    const rows = parseCsv(new TextDecoder().decode(csv().bytes.slice(3)));
    const data = rows.slice(1);
    expect(data.map((r) => r[0])).toEqual([PA, PA, PB, PB, PC, PE, PE].map(twelve));
    const expected = lines.filter((l) => l.Namn !== 'Dagny Ek');
    expect(data.map((r) => oreOfCsv(r[7]!))).toEqual(expected.map((l) => ore(l.Belopp as number)));
    expect(data.map((r) => r[3])).toEqual(expected.map((l) => l.Månad));
    expect(data.every((r) => r[2] === '2025-03')).toBe(true);
    expect(data[0]!.slice(4, 8)).toEqual(['Månadsavgift Trygghetslarm', '1', '239,00', '239,00']);
    expect(data[3]!.slice(5, 8)).toEqual(['1', '', '-97,00']);
    expect(data[5]![7]).toBe('450,50');
    expect(data[5]!.slice(8)).toEqual(['3590', '51100', '56010', '3', 'P7', 'OBJ1', '900', '00']);
    expect(data[4]![4]).toBe('Månadsavgift 2025-02 Trygghetslarm');
    const s = csv().summary;
    expect(data.reduce((n, r) => n + oreOfCsv(r[7]!), 0)).toBe(s.sheetTotalOre);
    expect(s).toMatchObject({ invoices: 4, creditInvoices: 1, lines: 7, format: 'csv', encoding: 'UTF-8', records: 8 });
  });

  it('quotes a field holding ";" or a quote mark, doubling the quote', () => {
    const edited = sampleLines();
    edited[0]!.Namn = 'Berg; "Bosse" Åsa';
    const result = ok(exportInvoiceSheet(fakturaSheet(edited), exportSheet(), { today: TODAY, format: 'csv' }));
    const text = new TextDecoder().decode(result.bytes.slice(3));
    expect(text).toContain(';"Berg; ""Bosse"" Åsa";');
    expect(parseCsv(text)[1]![1]).toBe('Berg; "Bosse" Åsa');
  });

  it('Windows-1252 when the setting says so: no BOM, Å as 0xC5, € and – as 0x80 and 0x96', () => {
    const edited = sampleLines();
    edited[0]!.Namn = 'Åsa – €';
    const result = ok(
      exportInvoiceSheet(
        fakturaSheet(edited),
        exportSheet((g, col) => setSetting(g, col, 'Teckenkodning', 'Windows-1252')),
        { today: TODAY, format: 'csv' },
      ),
    );
    const bytes = result.bytes;
    expect(bytes[0]).toBe(0x50); // "P" of Personnummer
    // One byte per character: Latin-1 plus the two Windows-1252 characters this row holds.
    const decoded = Buffer.from(bytes)
      .toString('latin1')
      .replace(/\u0096/g, '–')
      .replace(/\u0080/g, '€');
    expect(parseCsv(decoded)[1]![1]).toBe('Åsa – €');
    const at = decoded.indexOf('Åsa – €');
    expect([...bytes.slice(at, at + 7)]).toEqual([0xc5, 0x73, 0x61, 0x20, 0x96, 0x20, 0x80]);
  });

  it('LF line ends when the setting says so', () => {
    const result = csv((g, col) => setSetting(g, col, 'Radslut', 'LF'));
    const text = new TextDecoder().decode(result.bytes.slice(3));
    expect(text).not.toContain('\r');
    expect(text.split('\n')).toHaveLength(9); // 8 rows and the empty string after the last LF
  });

  it('the Export sheet may choose CSV itself', () => {
    const result = ok(
      exportInvoiceSheet(
        sheet,
        exportSheet((g, col) => setSetting(g, col, 'Format', 'CSV')),
        { today: TODAY },
      ),
    );
    expect(result.summary.format).toBe('csv');
    expect(result.lines()[0]).toMatch(/^Personnummer;Namn;/);
  });
});
