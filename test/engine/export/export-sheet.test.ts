// §10 the Export sheet: found by header rows anywhere, only the kontering required, settings and
// field table editable; the template (Skapa Export-blad) reads back as the defaults.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPORT_SETTINGS,
  DEFAULT_LAYOUT,
  exportInvoiceSheet,
  exportTemplateSheet,
  exportTemplateValues,
  LINE_KINDS,
  readExportSheet,
  type OutputCell,
  type SheetCells,
  tableRows,
} from '../../../src/engine/index.js';
import { exportSheet, fakturaSheet, KONTERING, sampleLines, setSetting, TODAY } from './fixtures.js';
import { invoicesOf, parseFixedWidth } from './golden-parser.js';

const read = (sheet: SheetCells) => {
  const r = readExportSheet(sheet);
  if (!r.ok) throw new Error(r.refusals.map((p) => `${p.cell}: ${p.message}`).join('\n'));
  return r.config;
};
const refusalsOf = (sheet: SheetCells) => {
  const r = readExportSheet(sheet);
  if (r.ok) throw new Error('not refused');
  return r.refusals;
};
const konteringOnly = (rows: OutputCell[][]): SheetCells => ({
  name: 'Export',
  values: [['Typ', 'Konto', 'Ansvar', 'Verksamhet', 'Aktivitet', 'Projekt', 'Objekt', 'Motpart', 'Momskod'], ...rows],
});

describe('the Export sheet', () => {
  it('the template has the four Typ rows with Momskod 00, the default settings and §10 layout, and reads back as them', () => {
    const t = exportTemplateSheet();
    expect(t.name).toBe('Export');
    expect(t.tables.map((x) => x.columns.length)).toEqual([11, 3, 7]);
    expect(tableRows(t.tables[0]!).map((r) => [r[0], r[9]])).toEqual(LINE_KINDS.map((k) => [k, '00']));
    const config = read({ name: 'Export', values: exportTemplateValues() });
    expect(config.layout.map(({ cell: _cell, ...f }) => f)).toEqual(DEFAULT_LAYOUT);
    expect(config.layoutFromSheet).toBe(true);
    expect(config.settings).toEqual(DEFAULT_EXPORT_SETTINGS);
    expect(config.kontering.map((k) => [k.kind, k.codes.account, k.codes.vatCode])).toEqual(LINE_KINDS.map((k) => [k, '', '00']));
  });

  it('an unfilled template refuses the export, naming the empty Konto cells of the kinds the sheet has', () => {
    const result = exportInvoiceSheet(
      fakturaSheet(sampleLines()),
      { name: 'Export', values: exportTemplateValues() },
      { today: TODAY },
    );
    if (result.ok) throw new Error('not refused');
    expect(result.refusals.map((p) => p.cell)).toEqual(['C2', 'C3', 'C5', 'C4']);
  });

  it('only the kontering is required: without settings and field table the defaults apply', () => {
    const rows = LINE_KINDS.map((k) => {
      const v = KONTERING[k];
      return [k, v.Konto, v.Ansvar, v.Verksamhet, v.Aktivitet, v.Projekt, v.Objekt, v.Motpart, v.Momskod];
    });
    const config = read(konteringOnly(rows));
    expect(config.layout).toBe(DEFAULT_LAYOUT);
    expect(config.settings).toEqual(DEFAULT_EXPORT_SETTINGS);
    const result = exportInvoiceSheet(fakturaSheet(sampleLines()), konteringOnly(rows), { today: TODAY });
    expect(result.ok && result.summary).toMatchObject({ format: 'fixed', encoding: 'ISO-8859-1', lineEnd: 'CRLF', invoices: 4 });
  });

  it('tables are found below a banner and beside each other; numbers typed as codes are kept as digits', () => {
    const rows = LINE_KINDS.map((k) => [k, 3511, 51100, '', '', '', '', '', '00']);
    const sheet: SheetCells = {
      name: 'Export',
      values: [['Kontering för välfärdsteknik'], [], ...konteringOnly(rows).values.map((r) => ['', ...r])],
      firstRow: 3,
      firstColumn: 1,
    };
    const config = read(sheet);
    expect(config.kontering[0]).toMatchObject({
      kind: 'Månadsavgift',
      row: 6,
      codes: { account: '3511', responsibility: '51100' },
    });
    expect(config.kontering[0]!.cells.account).toBe('D6');
  });

  it('kontering per Tjänst wins over the Typ row without Tjänst; a line of several services books on its first', () => {
    const sheet = exportSheet((g, col) => {
      // The kontering table's fifth row (the settings and the field table go on beside it).
      const row = g[5]!;
      row[col('Typ')] = 'Månadsavgift';
      row[col('Tjänst')] = 'Larmknapp';
      row[col('Konto')] = '3520';
      row[col('Momskod')] = '00';
    });
    const lines = sampleLines();
    lines[1]!.Tjänst = 'Larmknapp sammanboende, Digitalt lås';
    lines[1]!.Typ = 'Månadsavgift';
    const result = exportInvoiceSheet(fakturaSheet(lines), sheet, { today: TODAY });
    if (!result.ok) throw new Error(result.refusals[0]!.message);
    const invoices = invoicesOf(parseFixedWidth(result.bytes));
    const konto = invoices.flatMap((i) => i.rows.map((r) => r.k.f.konto!.trim()));
    // PA: Trygghetslarm → 3511, "Larmknapp sammanboende, Digitalt lås" → 3520; PB 3511, 3511; PC 3511; PE 3590, 3520.
    expect(konto).toEqual(['3511', '3520', '3511', '3511', '3511', '3590', '3520']);
  });

  it('settings: due date, our reference, zero-sum invoices included, LF', () => {
    const sheet = exportSheet((g, col) => {
      setSetting(g, col, 'Förfallodag', '2025-04-30');
      setSetting(g, col, 'Vår referens', 'Ekonomienheten, Märta');
      setSetting(g, col, 'Nollfakturor', 'Ta med');
      setSetting(g, col, 'Radslut', 'LF');
    });
    const result = exportInvoiceSheet(fakturaSheet(sampleLines()), sheet, { today: TODAY });
    if (!result.ok) throw new Error(result.refusals[0]!.message);
    const text = Buffer.from(result.bytes).toString('latin1');
    expect(text).not.toContain('\r');
    const h = text.split('\n').find((l) => l.startsWith('H'))!;
    expect(h.slice(11, 17)).toBe('250430');
    expect(h.slice(47, 77)).toBe('Ekonomienheten, Märta'.padEnd(30));
    expect(result.summary).toMatchObject({ invoices: 5, zeroSumInvoices: 0 });
    expect(text).toContain('T+00000000000000');
  });

  it('a moved field: the field table decides positions (period as ÅÅÅÅMM at 66–71)', () => {
    const sheet = exportSheet((g, col) => {
      const post = col('Post');
      const r = g.findIndex((row) => row[post] === 'K' && row[post + 1] === 'Periodiseringsnyckel');
      g[r]![post + 2] = 66;
      g[r]![post + 3] = 6;
      g[r]![post + 6] = 'Periodisering (ÅÅÅÅMM)';
    });
    const result = exportInvoiceSheet(fakturaSheet(sampleLines()), sheet, { today: TODAY });
    if (!result.ok) throw new Error(result.refusals[0]!.message);
    const k = result.lines().filter((l) => l.startsWith('K'));
    expect(k.every((l) => l.length === 71)).toBe(true);
    expect(k.map((l) => l.slice(52, 65).trim())).toEqual(Array(7).fill(''));
    expect(k.map((l) => l.slice(65))).toContain('202502');
  });

  it('field table mistakes are refused with their cells: unknown content, overlap, zeros on the left, a field in a record that lacks it', () => {
    const edits: Array<[string, (g: OutputCell[][], post: number) => void, RegExp]> = [
      ['G', (g, post) => (g[2]![post + 6] = 'Kundnummer'), /Okänt innehåll/],
      ['C', (g, post) => (g[2]![post + 2] = 1), /överlappar/],
      ['E', (g, post) => (g[2]![post + 5] = 'Nollor'), /Nollor till höger/],
      ['G', (g, post) => (g[2]![post + 6] = 'Belopp (öre)'), /Belopp finns inte i post !/],
      ['D', (g, post) => (g[3]![post + 3] = 5), /behöver 6 tecken/],
    ];
    for (const [column, edit, message] of edits) {
      const ps = refusalsOf(exportSheet((g, col) => edit(g, col('Post'))));
      expect(ps).toHaveLength(1);
      expect(ps[0]!.message).toMatch(message);
      expect(ps[0]!.cell!.replace(/\d+$/, '')).toBe(String.fromCharCode(column.charCodeAt(0) + 16)); // Post is column Q
    }
  });

  it('kontering and settings mistakes: unknown Typ or Tjänst, a repeated Typ, an unknown setting or value, a row after a gap', () => {
    const cases: Array<[(g: OutputCell[][], col: (h: string) => number) => void, string, RegExp]> = [
      [(g, col) => (g[1]![col('Typ')] = 'Avgift'), 'A2', /Okänd typ/],
      [(g, col) => (g[1]![col('Tjänst')] = 'Robotdammsugare'), 'B2', /Okänd tjänst/],
      [(g, col) => (g[2]![col('Typ')] = 'Månadsavgift'), 'A3', /står redan på rad 2/],
      [(g, col) => (g[1]![col('Inställning')] = 'Filnamn'), 'M2', /Okänd inställning/],
      [(g, col) => setSetting(g, col, 'Format', 'XML'), 'N2', /Fast postlängd eller CSV/],
      [(g, col) => setSetting(g, col, 'Dagar till förfallodag', '30 dagar'), 'N6', /heltal från 0 till 365/],
      [(g, col) => (g[7]![col('Typ')] = 'Månadsavgift'), 'A8', /under en tom rad/],
    ];
    for (const [edit, cell, message] of cases) {
      const ps = refusalsOf(exportSheet(edit));
      expect(ps.map((p) => p.cell)).toEqual([cell]);
      expect(ps[0]!.message).toMatch(message);
    }
  });
});
