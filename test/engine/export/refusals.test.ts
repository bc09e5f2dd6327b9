// §10: every failure refuses the export and names sheet, cell and value — all of them.
import { describe, expect, it } from 'vitest';
import { describeRefusal, exportInvoiceSheet, type Problem } from '../../../src/engine/index.js';
import { withBadCheckDigit } from '../helpers.js';
import { exportSheet, fakturaSheet, PA, sampleLines, setSetting, TODAY, type LineSpec } from './fixtures.js';

type Edit = Parameters<typeof exportSheet>[0];

function refusals(lines: LineSpec[] | undefined, edit?: Edit, format?: 'fixed' | 'csv'): Problem[] {
  const result = exportInvoiceSheet(fakturaSheet(lines ?? sampleLines()), exportSheet(edit), {
    today: TODAY,
    ...(format ? { format } : {}),
  });
  if (result.ok) throw new Error('the export was not refused');
  return [...result.refusals];
}
const cells = (ps: Problem[]) => ps.map((p) => `${p.sheet}!${p.cell ?? ''}`);

/** The sample with one cell changed: `row` is the Excel row (2 = first line). */
function withCell(row: number, header: string, value: unknown): LineSpec[] {
  const lines = sampleLines();
  (lines[row - 2] as Record<string, unknown>)[header] = value;
  return lines;
}

describe('refusals name sheet, cell and value', () => {
  it('an invalid personnummer', () => {
    const bad = withBadCheckDigit(PA);
    const [p, ...rest] = refusals(withCell(3, 'Personnummer', bad));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      severity: 'Fel',
      sheet: 'Faktura 2025-03',
      cell: 'A3',
      row: 3,
      value: bad,
      column: 'Personnummer',
    });
    expect(p!.message).toMatch(/kontrollsiffra/);
    expect(describeRefusal(p!)).toBe(`Faktura 2025-03, cell A3 ("${bad}"): ${p!.message}`);
  });

  it('Belopp as text ("239 kr"), with more than two decimals, or missing', () => {
    expect(refusals(withCell(2, 'Belopp', '239 kr'))).toMatchObject([{ cell: 'I2', value: '239 kr', column: 'Belopp' }]);
    expect(refusals(withCell(2, 'Belopp', '239'))[0]!.message).toMatch(/text/);
    expect(refusals(withCell(2, 'Belopp', 239.125))).toMatchObject([{ cell: 'I2', value: '239.125' }]);
    expect(refusals(withCell(2, 'Belopp', ''))[0]!.message).toMatch(/saknas/);
  });

  it('an unknown Typ, and a Månad that cannot be read or lies after the sheet month', () => {
    expect(refusals(withCell(4, 'Typ', 'Månadsavg.'))).toMatchObject([{ cell: 'D4', value: 'Månadsavg.' }]);
    expect(refusals(withCell(4, 'Månad', 'mars'))).toMatchObject([{ cell: 'C4', value: 'mars' }]);
    expect(refusals(withCell(4, 'Månad', '2025-04'))[0]!.message).toMatch(/efter bladets fakturamånad/);
  });

  it('Antal or À-pris that is not a number', () => {
    expect(refusals(withCell(5, 'Antal', '1 st'))).toMatchObject([{ cell: 'G5', value: '1 st', column: 'Antal' }]);
    expect(refusals(withCell(2, 'À-pris', 'x'))).toMatchObject([{ cell: 'H2', value: 'x', column: 'À-pris' }]);
  });

  it('a Typ with no kontering: named once, with the first line and the count', () => {
    const ps = refusals(undefined, (g, col) => {
      const r = g.findIndex((row) => row[col('Typ')] === 'Reduktion högkostnadsskydd');
      g.splice(r, 1);
    });
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ sheet: 'Faktura 2025-03', cell: 'D5', value: 'Reduktion högkostnadsskydd' });
    expect(ps[0]!.message).toMatch(/Ingen kontering.*"Reduktion högkostnadsskydd".*2 rader, första på rad 5/);
  });

  it('a kontering row without Konto, for a Typ the sheet has', () => {
    const ps = refusals(undefined, (g, col) => {
      const r = g.findIndex((row) => row[col('Typ')] === 'Installationsavgift');
      g[r]![col('Konto')] = '';
    });
    expect(ps).toMatchObject([{ sheet: 'Export', cell: 'C3', column: 'Konto' }]);
    expect(ps[0]!.message).toMatch(/Konto saknas för Installationsavgift.*rad 3/);
  });

  it('a character the encoding cannot hold, in the name (both records that carry it: one refusal per cell)', () => {
    const ps = refusals(withCell(2, 'Namn', 'Åsa € Öberg'));
    expect(ps).toMatchObject([{ sheet: 'Faktura 2025-03', cell: 'B2', value: 'Åsa € Öberg' }]);
    expect(ps[0]!.message).toMatch(/"€" \(U\+20AC\) kan inte skrivas i ISO-8859-1/);
  });

  it('a line break in a name (fixed width), a kontering code with a character ISO-8859-1 lacks', () => {
    expect(refusals(withCell(4, 'Namn', 'Émile\nÄngström'))).toMatchObject([{ cell: 'B4' }]);
    const ps = refusals(undefined, (g, col) => {
      g[1]![col('Objekt')] = 'Ω1';
    });
    expect(ps).toMatchObject([{ sheet: 'Export', cell: 'H2', value: 'Ω1', column: 'Objekt' }]);
  });

  it('a kontering value longer than its field is never cut', () => {
    const ps = refusals(undefined, (g, col) => {
      g[1]![col('Konto')] = '3511999';
    });
    expect(ps).toMatchObject([{ sheet: 'Export', cell: 'C2', value: '3511999', column: 'Konto' }]);
    expect(ps[0]!.message).toMatch(/7 tecken men fältet "Konto" i post K \(positioner 10–15\) har 6/);
  });

  it('an amount longer than its field (a field table with a 5-character Belopp) names the Belopp cells', () => {
    const shrink: Edit = (g, col) => {
      const post = col('Post');
      const r = g.findIndex((row) => row[post] === 'R' && row[post + 1] === 'Belopp i öre');
      g[r]![post + 3] = 5;
    };
    const ps = refusals(undefined, shrink);
    // -97 → "-9700" fits; 450,50 → "45050" fits; -239 → "-23900" (6) does not.
    expect(cells(ps)).toEqual(['Faktura 2025-03!I6']);
    expect(ps[0]!.message).toMatch(/att korta talet skulle ändra dess betydelse/);
  });

  it('a name longer than its field is cut, not refused', () => {
    const long = 'Åsa Margareta Elisabeth Öberg-Lindqvist af Ström';
    const result = exportInvoiceSheet(fakturaSheet(withCell(2, 'Namn', long)), exportSheet(), { today: TODAY });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.lines()[1]!.slice(11, 46)).toBe(long.slice(0, 35));
  });

  it('all of them, not only the first', () => {
    const lines = sampleLines();
    lines[0]!.Belopp = '239 kr';
    lines[2]!.Typ = 'Okänd';
    lines[3]!.Personnummer = '19351224-0000';
    lines[7]!.Namn = 'Eva ☃ Lund';
    const ps = refusals(lines, (g, col) => {
      g[1]![col('Ansvar')] = '123456789';
    });
    expect(cells(ps).sort()).toEqual([
      'Export!D2',
      'Faktura 2025-03!A5',
      'Faktura 2025-03!B9',
      'Faktura 2025-03!D4',
      'Faktura 2025-03!I2',
    ]);
  });

  it('fixed width in UTF-8, a due date before the export date', () => {
    const utf8 = refusals(undefined, (g, col) => setSetting(g, col, 'Teckenkodning', 'UTF-8'));
    expect(utf8).toMatchObject([{ sheet: 'Export', column: 'Teckenkodning' }]);
    expect(utf8[0]!.cell).toMatch(/^[A-Z]+3$/);
    const early = refusals(undefined, (g, col) => setSetting(g, col, 'Förfallodag', '2025-03-31'));
    expect(early[0]!.message).toMatch(/före exportdagen 2025-04-02/);
  });

  it('no Export sheet, or one without the kontering table', () => {
    const none = exportInvoiceSheet(fakturaSheet(sampleLines()), undefined, { today: TODAY });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.refusals[0]!.message).toMatch(/Bladet "Export" saknas/);
    const empty = exportInvoiceSheet(fakturaSheet(sampleLines()), { name: 'Export', values: [['Anteckning']] }, { today: TODAY });
    if (empty.ok) throw new Error('not refused');
    expect(empty.refusals[0]!.message).toMatch(/saknar konteringstabellen/);
  });

  it('a sheet whose name gives no month, and a sheet with only summary rows', () => {
    const unnamed = exportInvoiceSheet(fakturaSheet(sampleLines(), 'Blad1'), exportSheet(), { today: TODAY });
    if (unnamed.ok) throw new Error('not refused');
    expect(unnamed.refusals[0]!.message).toMatch(/säger inte vilken månad/);
    const byOption = exportInvoiceSheet(fakturaSheet(sampleLines(), 'Blad1'), exportSheet(), {
      today: TODAY,
      month: { year: 2025, month: 3 },
    });
    expect(byOption.ok).toBe(true);
    const total = refusals([...sampleLines(), { Namn: 'Summa', Belopp: 1000 }]);
    expect(cells(total)).toEqual(['Faktura 2025-03!A11', 'Faktura 2025-03!C11', 'Faktura 2025-03!D11']);
    expect(total[0]!.message).toMatch(/bara ha fakturarader/);
  });
});
