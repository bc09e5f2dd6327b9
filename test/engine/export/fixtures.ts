// Fixtures for the export tests: invoice sheets as a Faktura sheet reads back, and Export sheets
// made from the template and filled in as a user would.
import {
  exportTemplateValues,
  INVOICE_HEADERS,
  dayFromIso,
  type OutputCell,
  type SheetCells,
} from '../../../src/engine/index.js';
import { makePnr } from '../helpers.js';

export type LineSpec = Partial<Record<(typeof INVOICE_HEADERS)[number], unknown>>;

/** A Faktura sheet with the product's headers; row 1 is the header, the lines from row 2. */
export function fakturaSheet(
  lines: LineSpec[],
  name = 'Faktura 2025-03',
  headers: readonly string[] = INVOICE_HEADERS,
): SheetCells {
  return { name, values: [[...headers], ...lines.map((l) => headers.map((h) => (l as Record<string, unknown>)[h] ?? ''))] };
}

export const PA = makePnr('19400101', '123'); // Åsa Öberg
export const PB = makePnr('19351224', '333'); // Émile Ängström
export const PC = makePnr('19281105', '456'); // correction only: a credit invoice
export const PD = makePnr('19450317', '789'); // zero sum
export const PE = makePnr('19520630', '246'); // replacement with öre

const line = (pnr: string, name: string, kind: string, amount: number, extra: LineSpec = {}): LineSpec => ({
  Personnummer: pnr,
  Namn: name,
  Månad: '2025-03',
  Typ: kind,
  Tjänst: kind === 'Reduktion högkostnadsskydd' ? '' : 'Trygghetslarm',
  Antal: 1,
  'À-pris': kind === 'Reduktion högkostnadsskydd' ? '' : Math.abs(amount),
  Belopp: amount,
  Högkostnadsskydd: kind === 'Månadsavgift' || kind === 'Reduktion högkostnadsskydd' ? 'Ja' : 'Nej',
  Regel: kind === 'Månadsavgift' ? 'R1' : kind === 'Installationsavgift' ? 'R3' : kind === 'Ersättning teknik' ? 'R4' : 'R5',
  Källa: 'Enhetsregister!2',
  Förklaring: 'En rad.',
  ...extra,
});

/** Five persons: two lines, a reduction, a correction of February (R7), a zero sum, öre. Rows 2–10. */
export function sampleLines(): LineSpec[] {
  return [
    /* 2 */ line(PA, 'Åsa Öberg', 'Månadsavgift', 239),
    /* 3 */ line(PA, 'Åsa Öberg', 'Installationsavgift', 200),
    /* 4 */ line(PB, 'Émile Ängström', 'Månadsavgift', 239),
    /* 5 */ line(PB, 'Émile Ängström', 'Reduktion högkostnadsskydd', -97),
    /* 6 */ line(PC, 'Carl Berg', 'Månadsavgift', -239, {
      Månad: '2025-02',
      Regel: 'R7',
      'À-pris': '',
      Källa: 'Enhetsregister!9, Faktura 2025-02!6',
    }),
    /* 7 */ line(PD, 'Dagny Ek', 'Månadsavgift', 239),
    /* 8 */ line(PD, 'Dagny Ek', 'Reduktion högkostnadsskydd', -239),
    /* 9 */ line(PE, 'Eva Lund', 'Ersättning teknik', 450.5, { Tjänst: 'Larmknapp sammanboende', 'Enhets-ID': 'K-9' }),
    /* 10 */ line(PE, 'Eva Lund', 'Månadsavgift', 40, { Tjänst: 'Larmknapp sammanboende' }),
  ];
}

/** Export date used throughout: 2025-04-02, so the default due date is 2025-05-02. */
export const TODAY = dayFromIso('2025-04-02')!;

export const KONTERING = {
  Månadsavgift: {
    Konto: '3511',
    Ansvar: '51100',
    Verksamhet: '56010',
    Aktivitet: '1',
    Projekt: '',
    Objekt: '',
    Motpart: '900',
    Momskod: '00',
  },
  Installationsavgift: {
    Konto: '3512',
    Ansvar: '51100',
    Verksamhet: '56010',
    Aktivitet: '2',
    Projekt: '',
    Objekt: '',
    Motpart: '900',
    Momskod: '00',
  },
  'Ersättning teknik': {
    Konto: '3590',
    Ansvar: '51100',
    Verksamhet: '56010',
    Aktivitet: '3',
    Projekt: 'P7',
    Objekt: 'OBJ1',
    Motpart: '900',
    Momskod: '00',
  },
  'Reduktion högkostnadsskydd': {
    Konto: '3511',
    Ansvar: '51100',
    Verksamhet: '56010',
    Aktivitet: '1',
    Projekt: '',
    Objekt: '',
    Motpart: '900',
    Momskod: '00',
  },
} as const;

/** The template as cells, with its kontering filled in (or changed by `edit`). */
export function exportSheet(edit?: (grid: OutputCell[][], col: (header: string, from?: number) => number) => void): SheetCells {
  const grid = exportTemplateValues();
  const col = (header: string, from = 0): number => {
    const i = grid[0]!.indexOf(header, from);
    if (i < 0) throw new Error(`no column ${header}`);
    return i;
  };
  for (let r = 1; r < grid.length; r++) {
    const kind = grid[r]![col('Typ')] as keyof typeof KONTERING;
    const k = KONTERING[kind];
    if (!k) continue;
    for (const [h, v] of Object.entries(k)) grid[r]![col(h)] = v;
  }
  edit?.(grid, col);
  return { name: 'Export', values: grid };
}

/** Sets a setting's value on a template grid. */
export function setSetting(grid: OutputCell[][], col: (h: string) => number, name: string, value: OutputCell): void {
  const nameCol = col('Inställning');
  const row = grid.findIndex((r) => r[nameCol] === name);
  if (row < 0) throw new Error(`no setting ${name}`);
  grid[row]![nameCol + 1] = value;
}

/** Öre of a sheet amount, computed by the test (not the product). */
export const ore = (kr: number): number => Math.round(kr * 100);
