// The register's cell parsers, which the custom functions call directly: each reading agrees with
// what readRegister makes of the same cell (the value on the row, or the Fel on the Problem sheet).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeDaysInMonth,
  billWorkbook,
  dayFromIso,
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  housingFromCell,
  installedFromCell,
  installTypeFromCell,
  maxtaxaForMonth,
  optionalDateFromCell,
  prisbasbeloppForYear,
  readRegister,
  returnStatusFromCell,
  RunError,
  serviceFromCell,
  tariffVersionForDay,
  tariffVersionForMonth,
  type CellReading,
  type RegisterRow,
} from '../../src/engine/index.js';
import { month, P1, sheetOf, type RowSpec } from './helpers.js';

const VALID: RowSpec = { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' };

interface Column {
  readonly header: string;
  readonly read: (cell: unknown) => CellReading<unknown>;
  readonly onRow: (row: RegisterRow) => unknown;
  readonly cells: fc.Arbitrary<unknown>;
}

const dateCells = fc.oneof(
  fc.constantFrom(null, '', '  ', '2025-03-12', ' 2025-03-12 ', '2025-02-30', '12/3', 'snart', 45728, 0, -1, 60, true),
  fc.integer({ min: 40000, max: 50000 }),
  fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31') }),
);
const choiceCells = (words: string[]) => fc.oneof(fc.constantFrom(null, '', 0, 7, false, ...words), fc.string({ maxLength: 6 }));

// Each column alone, the rest valid (Obrukbar/Borttappad, which also need Avslutad, are not among the cells).
const COLUMNS: Column[] = [
  {
    header: 'Tjänst',
    read: serviceFromCell,
    onRow: (r) => r.service,
    cells: choiceCells(['Trygghetslarm', 'gps-klocka', ' LARM ', 'Digitalt lås', 'Hund']),
  },
  { header: 'Installerad', read: installedFromCell, onRow: (r) => r.installed, cells: dateCells },
  { header: 'Avslutad', read: (c) => optionalDateFromCell(c, 'ended'), onRow: (r) => r.ended, cells: dateCells },
  { header: 'Påminnelse', read: (c) => optionalDateFromCell(c, 'reminder'), onRow: (r) => r.reminder, cells: dateCells },
  {
    header: 'Återlämning',
    read: returnStatusFromCell,
    onRow: (r) => r.returnStatus,
    cells: choiceCells(['Återlämnad', 'ej  återlämnad', 'Ej återlämnad', 'Försvunnen']),
  },
  {
    header: 'Boende',
    read: housingFromCell,
    onRow: (r) => r.housing,
    cells: choiceCells(['Ordinärt boende', 'säbo', 'SÄRSKILT BOENDE', 'Hemma']),
  },
  {
    header: 'Installationstyp',
    read: installTypeFromCell,
    onRow: (r) => r.installType,
    cells: choiceCells(['Ny', 'byte', 'Nyinstallation', 'Flytt']),
  },
];

describe('cell parsers agree with readRegister', () => {
  for (const column of COLUMNS) {
    it(`${column.header}: the value on the row, or the Problem sheet's Fel for the cell`, () => {
      fc.assert(
        fc.property(column.cells, (cell) => {
          // Installerad 2000-01-01, before every readable date among the cells, keeps Avslutad from being "före Installerad".
          const spec = {
            ...VALID,
            ...(column.header === 'Installerad' ? {} : { Installerad: '2000-01-01' }),
            [column.header]: cell,
          };
          const reading = readRegister(sheetOf('Enhetsregister', [spec]), 2025);
          const parsed = column.read(cell);
          if (parsed.ok) {
            expect(reading.problems).toEqual([]);
            expect(column.onRow(reading.table.row(0))).toEqual(parsed.value);
          } else {
            expect(reading.table.count).toBe(0);
            expect(reading.problems.map((p) => [p.column, p.message])).toEqual([[column.header, parsed.message]]);
            expect(parsed.column).toBe(column.header);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('a blank choice is its default and a blank optional date is none', () => {
    expect(returnStatusFromCell('  ')).toEqual({ ok: true, value: 'none' });
    expect(housingFromCell(null)).toEqual({ ok: true, value: 'ordinary' });
    expect(installTypeFromCell(undefined)).toEqual({ ok: true, value: 'new' });
    expect(optionalDateFromCell('', 'ended')).toEqual({ ok: true, value: undefined });
    expect(installedFromCell('')).toEqual({
      ok: false,
      column: 'Installerad',
      message: 'Installationsdatum saknas. Ange datumet då tekniken installerades (ÅÅÅÅ-MM-DD).',
    });
  });
});

describe('R1 activeDaysInMonth over plain spans', () => {
  const d = (iso: string) => dayFromIso(iso)!;
  const march = month('2025-03');

  it('counts one span clipped to the month, open without Avslutad', () => {
    expect(activeDaysInMonth([{ installed: d('2025-03-12') }], march)).toBe(20);
    expect(activeDaysInMonth([{ installed: d('2025-01-01'), ended: d('2025-03-03') }], march)).toBe(3);
    expect(activeDaysInMonth([{ installed: d('2025-04-01') }], march)).toBe(0);
    expect(activeDaysInMonth([{ installed: d('2025-01-01'), ended: d('2025-02-28') }], march)).toBe(0);
  });

  it('counts a day covered by two spans once, and adjacent spans as one run', () => {
    const spans = [
      { installed: d('2025-03-10'), ended: d('2025-03-20') },
      { installed: d('2025-03-15'), ended: d('2025-03-25') },
      { installed: d('2025-03-26'), ended: d('2025-03-27') },
      { installed: d('2025-03-01'), ended: d('2025-03-01') },
    ];
    expect(activeDaysInMonth(spans, march)).toBe(1 + 18);
  });
});

describe('look-ups that refuse a run: one message, wherever they are asked', () => {
  const thrown = (f: () => unknown): RunError => {
    try {
      f();
    } catch (e) {
      if (e instanceof RunError) return e;
    }
    throw new Error('expected a RunError');
  };
  const register = sheetOf('Enhetsregister', [VALID]);

  it('Ingen taxa gäller: by month (the month’s first day) and by day', () => {
    const byMonth = thrown(() => tariffVersionForMonth(DEFAULT_TARIFF, month('2024-12')));
    expect(byMonth.message).toBe(
      'Ingen taxa gäller för 2024-12 (inbyggd standardtaxa (Mjölby kommun 2025) börjar gälla 2025-01-01). Lägg till en taxeversion i bladet Taxa.',
    );
    expect(thrown(() => billWorkbook({ register }, { month: month('2024-12') })).message).toBe(byMonth.message);
    expect(thrown(() => tariffVersionForDay(DEFAULT_TARIFF, dayFromIso('2024-12-31')!)).message).toMatch(
      /^Ingen taxa gäller för 2024-12-31 \(/,
    );
    expect(tariffVersionForDay(DEFAULT_TARIFF, dayFromIso('2025-01-01')!)).toBe(DEFAULT_TARIFF.versions[0]);
  });

  it('Prisbasbelopp saknas: for the maxtaxa of a month and for the prisbasbelopp of a year', () => {
    const byMonth = thrown(() => maxtaxaForMonth(DEFAULT_PRISBASBELOPP, month('2027-03')));
    expect(byMonth.message).toBe(
      'Prisbasbelopp saknas för år 2027, så maxtaxan kan inte beräknas. Lägg till året i bladet Taxa (tabellen År/Prisbasbelopp).',
    );
    expect(thrown(() => billWorkbook({ register }, { month: month('2027-03') })).message).toBe(byMonth.message);
    expect(thrown(() => prisbasbeloppForYear(DEFAULT_PRISBASBELOPP, 2027)).message).toBe(byMonth.message);
    expect(maxtaxaForMonth(DEFAULT_PRISBASBELOPP, month('2025-03')).toNumber()).toBe(2642);
    expect(prisbasbeloppForYear(DEFAULT_PRISBASBELOPP, 2026).toNumber()).toBe(59200);
  });
});
