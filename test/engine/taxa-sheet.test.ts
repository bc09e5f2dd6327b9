// §2: the tariff is data — the workbook's Taxa sheet, versioned by date, with the prisbasbelopp table.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  dayToIso,
  readTaxaSheet,
  RunError,
  taxaSheetValues,
  tariffOf,
  tariffVersionOn,
  dayFromIso,
  type SheetCells,
} from '../../src/engine/index.js';
import { bill, linesOf, linesOfKind, P1, runErrorOf, serial, taxaSheet, utcDate } from './helpers.js';

const defaultSheet = (): (string | number)[][] => taxaSheetValues(DEFAULT_TARIFF, DEFAULT_PRISBASBELOPP);
const sheet = (values: unknown[][], extra: Partial<SheetCells> = {}): SheetCells => ({ name: 'Taxa', values, ...extra });
/** Row and column of the "År" header of the prisbasbelopp table, wherever the writer put it. */
const pbbTable = (values: unknown[][]): [number, number] => {
  for (let r = 0; r < values.length; r++) {
    const c = values[r]!.findIndex((v) => v === 'År');
    if (c >= 0) return [r, c];
  }
  throw new Error('no prisbasbelopp table');
};
/** Grid cell address, A1 style, for a zero-based row and column (columns A..Z suffice here). */
const address = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
const alarm = { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' };
const supervision = { Personnummer: P1, Tjänst: 'Digital tillsyn', Installerad: '2024-01-01' };

describe('§2 Taxa sheet round trip', () => {
  it('§2: taxaSheetValues(DEFAULT_TARIFF, DEFAULT_PRISBASBELOPP) reads back to the same tariff and table', () => {
    const { tariff, prisbasbelopp } = readTaxaSheet(sheet(defaultSheet()));
    expect(tariff.versions).toHaveLength(1);
    const [v] = tariff.versions;
    const d = DEFAULT_TARIFF.versions[0]!;
    expect(v!.validFrom).toBe(d.validFrom);
    for (const c of ['alarm', 'button', 'lock', 'supervision'] as const)
      expect(v!.monthlyFee[c].equals(d.monthlyFee[c])).toBe(true);
    expect(v!.installationFee.equals(d.installationFee)).toBe(true);
    expect(v!.installationCapped).toBe(d.installationCapped);
    expect(v!.settings).toEqual(d.settings);
    expect([...prisbasbelopp.keys()].sort()).toEqual([...DEFAULT_PRISBASBELOPP.keys()].sort());
    for (const [year, e] of DEFAULT_PRISBASBELOPP) {
      expect(prisbasbelopp.get(year)!.prisbasbelopp.equals(e.prisbasbelopp)).toBe(true);
      expect(prisbasbelopp.get(year)!.maxtaxa).toBeUndefined();
    }
    expect(tariff.source).toContain('Taxa');
  });

  it('§2: the header row written is the one the reader accepts, with Swedish column names', () => {
    const values = defaultSheet();
    expect(values[0]!.slice(0, 9)).toEqual([
      'Gäller från',
      'Trygghetslarm (kr/mån)',
      'Larmknapp sammanboende (kr/mån)',
      'Digitalt lås (kr/mån)',
      'Digital tillsyn (kr/mån)',
      'Installationsavgift (kr)',
      'Installationsavgift inom högkostnadsskydd',
      'Delmånad',
      'Påminnelsedagar',
    ]);
    expect(values[1]![0]).toBe(serial('2025-01-01'));
    const [r, c] = pbbTable(values);
    expect(values[r]!.slice(c, c + 3)).toEqual(['År', 'Prisbasbelopp', 'Maxtaxa (kr/mån)']);
  });

  it('§2: billing with the round-tripped default sheet equals billing without a Taxa sheet (case A)', () => {
    const row = { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2025-03-12' };
    const withSheet = bill([row], '2025-03', { taxa: sheet(defaultSheet()) });
    const without = bill([row], '2025-03');
    expect(linesOf(withSheet)).toEqual(linesOf(without));
    expect(linesOf(withSheet)).toEqual([
      ['Månadsavgift', 239],
      ['Installationsavgift', 200],
    ]);
    expect(tariffOf(undefined).tariff).toBe(DEFAULT_TARIFF);
  });

  it('§2: a non-Mjölby tariff (all amounts, proration, reminderDays, capped installation) round-trips', () => {
    const s = taxaSheet([
      {
        from: '2025-01-01',
        alarm: '249.50',
        button: 45,
        lock: 10,
        supervision: 99,
        installation: 300,
        installationCapped: true,
        proration: 'actual-days',
        reminderDays: 45,
      },
    ]);
    const [v] = readTaxaSheet(s).tariff.versions;
    expect(v!.monthlyFee.alarm.toString()).toBe('249.5');
    expect(v!.monthlyFee.supervision.toNumber()).toBe(99);
    expect(v!.installationFee.toNumber()).toBe(300);
    expect(v!.installationCapped).toBe(true);
    expect(v!.settings).toEqual({ proration: 'actual-days', reminderDays: 45, correctionMonths: 12, retroDebits: 'report' });
  });
});

describe('§2 versions by date', () => {
  const twoVersions = () =>
    taxaSheet([{ from: '2025-01-01' }, { from: '2026-01-01', alarm: 250, supervision: 120, installation: 250 }]);

  it('§2: a second version from 2026-01-01 with a fee for digital tillsyn is used for 2026 months only', () => {
    const taxa = twoVersions();
    const r2025 = bill([alarm, supervision], '2025-12', { taxa });
    expect(linesOf(r2025)).toEqual([['Månadsavgift', 239]]);
    const r2026 = bill([alarm, supervision], '2026-01', { taxa });
    expect(linesOf(r2026)).toEqual([
      ['Månadsavgift', 250],
      ['Månadsavgift', 120],
    ]);
    expect(linesOfKind(r2026, 'Månadsavgift')[1]!.services).toBe('Digital tillsyn');
    expect(dayToIso(r2026.tariffVersion.validFrom)).toBe('2026-01-01');
    expect(r2026.tariffSource).toContain('Taxa');
  });

  it('§2: the 2026 version’s installation fee applies to installations from 2026-01-01', () => {
    const taxa = twoVersions();
    const row = { Personnummer: P1, Tjänst: 'Digitalt lås', Installerad: '2026-01-01' };
    expect(linesOf(bill([row], '2026-01', { taxa }))).toEqual([['Installationsavgift', 250]]);
    const dec = { ...row, Installerad: '2025-12-31' };
    expect(linesOf(bill([dec], '2025-12', { taxa }))).toEqual([['Installationsavgift', 200]]);
  });

  it('§2: versions may be listed in any order; the sheet is sorted by Gäller från', () => {
    const taxa = taxaSheet([{ from: '2026-01-01', alarm: 250 }, { from: '2025-01-01' }]);
    const t = readTaxaSheet(taxa).tariff;
    expect(t.versions.map((v) => dayToIso(v.validFrom))).toEqual(['2025-01-01', '2026-01-01']);
    expect(dayToIso(tariffVersionOn(t, dayFromIso('2025-07-01')!)!.validFrom)).toBe('2025-01-01');
    expect(linesOf(bill([alarm], '2025-12', { taxa }))).toEqual([['Månadsavgift', 239]]);
    expect(linesOf(bill([alarm], '2026-01', { taxa }))).toEqual([['Månadsavgift', 250]]);
  });

  it('§2: Gäller från as a Date (UTC midnight) or ISO text is read like a serial', () => {
    for (const from of [utcDate('2026-01-01'), '2026-01-01']) {
      const values = taxaSheet([{ from: '2025-01-01' }, { from: '2026-01-01', alarm: 250 }]).values.map((r) => [...r]);
      values[2]![0] = from;
      expect(linesOf(bill([alarm], '2026-01', { taxa: sheet(values) }))).toEqual([['Månadsavgift', 250]]);
    }
  });

  it('§2: a month before the sheet’s first version → RunError naming the month', () => {
    const e = runErrorOf(() => bill([alarm], '2025-03', { taxa: taxaSheet([{ from: '2025-06-01' }]) }));
    expect(e.message).toContain('2025-03');
    expect(e.message).toContain('2025-06-01');
  });

  it('§2: two versions from the same day → RunError', () => {
    const e = runErrorOf(() => readTaxaSheet(taxaSheet([{ from: '2025-01-01' }, { from: '2025-01-01', alarm: 1 }])));
    expect(e.message).toContain('2025-01-01');
  });

  it('§2: the table may start anywhere on the sheet; Taxa headers tolerate case and units', () => {
    const values = [
      ['Mjölby kommun – taxa'],
      [],
      ['', 'GÄLLER FRÅN', 'trygghetslarm', 'Larmknapp (kr/mån)', 'Digitalt lås', 'Digital tillsyn (kr)', 'Installationsavgift'],
      ['', '2025-01-01', 300, 50, 0, 0, 100],
    ];
    const r = bill([{ ...alarm, Installerad: '2025-03-05' }], '2025-03', { taxa: sheet(values) });
    expect(linesOf(r)).toEqual([
      ['Månadsavgift', 300],
      ['Installationsavgift', 100],
    ]);
  });
});

describe('§2 bad cells refuse the run, naming the cell', () => {
  const withCell = (row: number, col: number, value: unknown): SheetCells => {
    const values: unknown[][] = defaultSheet().map((r) => [...r]);
    values[row]![col] = value;
    return sheet(values);
  };

  const cases: Array<[string, number, number, unknown, string]> = [
    ['Gäller från not a date', 1, 0, '1 jan 2025', 'A2'],
    ['negative monthly fee', 1, 1, -239, 'B2'],
    ['text monthly fee', 1, 2, 'fyrtio', 'C2'],
    ['missing supervision fee', 1, 4, '', 'E2'],
    ['installation fee text', 1, 5, 'gratis', 'F2'],
    ['capped neither Ja nor Nej', 1, 6, 'kanske', 'G2'],
    ['unknown proration', 1, 7, 'halv månad', 'H2'],
    ['reminderDays not an integer', 1, 8, 2.5, 'I2'],
    ['reminderDays negative', 1, 8, -1, 'I2'],
  ];
  for (const [what, row, col, value, cell] of cases) {
    it(`§2: ${what} → RunError naming cell ${cell} and the value`, () => {
      const e = runErrorOf(() => bill([alarm], '2025-03', { taxa: withCell(row, col, value) }));
      expect(e).toBeInstanceOf(RunError);
      expect(e.message).toContain(`cell ${cell}`);
      expect(e.message).toContain(String(value));
      expect(e.message).toContain('Taxa');
    });
  }

  it('§2: a bad prisbasbelopp cell names its cell', () => {
    const values: unknown[][] = defaultSheet().map((r) => [...r]);
    const [hr, hc] = pbbTable(values);
    const r = values.findIndex((row, i) => i > hr && row[hc] === 2025);
    values[r]![hc + 1] = 'okänt';
    const e = runErrorOf(() => readTaxaSheet(sheet(values)));
    expect(e.message).toContain(`cell ${address(r, hc + 1)}`);
    expect(e.message).toContain('okänt');
  });

  it('§2: cell addresses follow the sheet’s firstRow/firstColumn', () => {
    const values: unknown[][] = defaultSheet().map((r) => [...r]);
    values[1]![1] = 'x';
    const e = runErrorOf(() => readTaxaSheet(sheet(values, { firstRow: 4, firstColumn: 3 })));
    expect(e.message).toContain('cell E5');
  });

  it('§2: a Taxa sheet without "Gäller från" or with a missing required column is refused', () => {
    expect(
      runErrorOf(() =>
        readTaxaSheet(
          sheet([
            ['År', 'Prisbasbelopp'],
            [2025, 58800],
          ]),
        ),
      ).message,
    ).toContain('Gäller från');
    const values: unknown[][] = defaultSheet().map((r) => [...r]);
    values[0]![5] = 'Något annat';
    expect(runErrorOf(() => readTaxaSheet(sheet(values))).message).toContain('Installationsavgift');
  });

  it('§2: a Taxa sheet with a header but no version is refused', () => {
    const values: unknown[][] = [defaultSheet()[0]!];
    expect(() => readTaxaSheet(sheet(values))).toThrow(RunError);
  });
});

describe('§3 prisbasbelopp in the Taxa sheet', () => {
  it('§3: an extra prisbasbelopp year (2027) makes 2027 billable with its maxtaxa', () => {
    const alarmOnly = [alarm];
    expect(() => bill(alarmOnly, '2027-01')).toThrow(/2027/);
    const taxa = taxaSheet([{ from: '2025-01-01' }], [{ year: 2027, prisbasbelopp: 60000 }]);
    const r = bill(alarmOnly, '2027-01', { taxa });
    expect(r.maxtaxa.toNumber()).toBe(2696); // 60000 × 0.5392 / 12 = 2696
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
    // The built-in years stay.
    expect(bill(alarmOnly, '2026-01', { taxa }).maxtaxa.toNumber()).toBe(2660);
  });

  it('§3: a year written in the sheet overrides the built-in prisbasbelopp', () => {
    const taxa = taxaSheet([{ from: '2025-01-01' }], [{ year: 2025, prisbasbelopp: 60000 }]);
    expect(bill([alarm], '2025-03', { taxa }).maxtaxa.toNumber()).toBe(2696);
  });

  it('§3: the Maxtaxa column overrides the formula for that year only', () => {
    const taxa = taxaSheet([{ from: '2025-01-01' }], [{ year: 2026, prisbasbelopp: 59200, maxtaxa: 2700 }]);
    expect(bill([alarm], '2026-05', { taxa }).maxtaxa.toNumber()).toBe(2700);
    expect(bill([alarm], '2025-05', { taxa }).maxtaxa.toNumber()).toBe(2642);
    const { prisbasbelopp } = readTaxaSheet(taxa);
    expect(prisbasbelopp.get(2026)!.maxtaxa!.toNumber()).toBe(2700);
  });

  it('§3: the prisbasbelopp table may also stand below the tariff table', () => {
    const values = [
      ['Gäller från', 'Trygghetslarm', 'Larmknapp sammanboende', 'Digitalt lås', 'Digital tillsyn', 'Installationsavgift'],
      ['2025-01-01', 239, 40, 0, 0, 200],
      [],
      ['År', 'Prisbasbelopp', 'Maxtaxa'],
      [2027, 60000, 2700],
    ];
    const r = bill([alarm], '2027-02', { taxa: sheet(values) });
    expect(r.maxtaxa.toNumber()).toBe(2700);
  });

  it('§3: a Taxa sheet without a prisbasbelopp table uses the built-in table', () => {
    const values = defaultSheet()
      .slice(0, 2)
      .map((r) => r.slice(0, 9));
    expect(bill([alarm], '2025-03', { taxa: sheet(values) }).maxtaxa.toNumber()).toBe(2642);
  });

  it('§3: an extra year that is not a year is refused', () => {
    const values: unknown[][] = defaultSheet().map((r) => [...r]);
    const [hr, hc] = pbbTable(values);
    const r = values.findIndex((row, i) => i > hr && row[hc] === 2026);
    values[r]![hc] = 2026.5;
    const e = runErrorOf(() => readTaxaSheet(sheet(values)));
    expect(e.message).toContain(`cell ${address(r, hc)}`);
  });

  it('§3: the same year on two rows is refused, like two versions from one day (never the last one silently)', () => {
    const values = [
      ['Gäller från', 'Trygghetslarm', 'Larmknapp sammanboende', 'Digitalt lås', 'Digital tillsyn', 'Installationsavgift'],
      ['2025-01-01', 239, 40, 0, 0, 200],
      [],
      ['År', 'Prisbasbelopp'],
      [2027, 60000],
      [2027, 61000],
    ];
    const e = runErrorOf(() => readTaxaSheet(sheet(values)));
    expect(e.message).toContain('cell A6');
    expect(e.message).toContain('2027');
  });
});
