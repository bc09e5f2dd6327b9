// Synthetic registers for the example workbook and the benchmark. Personnummer are generated
// with a valid check digit from made-up dates and serials: no real person is meant.
import { dayFromYmd, dayToUtcDate, luhnCheckDigit, ymdFromDay, type Day } from '../src/engine/index.js';

export type Cell = string | number | Date | null;

export const REGISTER_HEADERS = [
  'Personnummer',
  'Namn',
  'Tjänst',
  'Enhets-ID',
  'Installerad',
  'Avslutad',
  'Återlämning',
  'Påminnelse',
  'Kostnad',
  'Boende',
  'Installationstyp',
];

/** Deterministic pseudo-random numbers (mulberry32), so the same seed gives the same workbook. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** A valid 12-digit personnummer for a birth day and a serial (0–999). */
export function syntheticPnr(birth: Day, serial: number, coordination = false): string {
  const { year, month, day } = ymdFromDay(birth);
  const dd = coordination ? day + 60 : day;
  const nine = `${pad(year % 100, 2)}${pad(month, 2)}${pad(dd, 2)}${pad(serial, 3)}`;
  return `${pad(year, 4)}${pad(month, 2)}${pad(dd, 2)}-${pad(serial, 3)}${luhnCheckDigit(nine)}`;
}

const FIRST = [
  'Anna',
  'Karl',
  'Maria',
  'Erik',
  'Margareta',
  'Lars',
  'Elisabeth',
  'Olof',
  'Birgitta',
  'Gunnar',
  'Ingrid',
  'Sven',
  'Kerstin',
  'Bengt',
  'Ulla',
  'Göran',
];
const LAST = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Lindqvist',
  'Åberg',
  'Öberg',
  'Sjöström',
];

export interface PersonSeed {
  readonly pnr: string;
  readonly name: string;
}

export function syntheticPerson(rand: () => number, index: number): PersonSeed {
  const birth = dayFromYmd(1925, 1, 1) + Math.floor(rand() * 365 * 45);
  const name = `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
  return { pnr: syntheticPnr(birth, (index * 7) % 1000), name };
}

export const date = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayToUtcDate(dayFromYmd(y, m, d));
};

/**
 * A plain register of `rows` rows for the benchmark: mostly alarms running for years, some
 * ended, some new this month, a few buttons, locks and supervision, some replacements.
 */
export function benchRegister(rows: number, seed = 7): Cell[][] {
  const rand = random(seed);
  const out: Cell[][] = [REGISTER_HEADERS];
  const services = [
    'Trygghetslarm',
    'Trygghetslarm',
    'Trygghetslarm',
    'Mobilt trygghetslarm',
    'Larmknapp sammanboende',
    'Digitalt lås',
    'Digital tillsyn',
    'GPS-klocka',
  ];
  let person: PersonSeed = syntheticPerson(rand, 0);
  for (let i = 0; i < rows; i++) {
    if (rand() < 0.7) person = syntheticPerson(rand, i);
    const start = dayFromYmd(2019, 1, 1) + Math.floor(rand() * 2300);
    const ended = rand() < 0.15 ? start + Math.floor(rand() * 400) : undefined;
    const status =
      ended === undefined
        ? null
        : ['Återlämnad', 'Återlämnad', 'Borttappad', 'Obrukbar', 'Ej återlämnad'][Math.floor(rand() * 5)]!;
    out.push([
      person.pnr,
      person.name,
      services[Math.floor(rand() * services.length)]!,
      `SN${pad(i, 7)}`,
      dayToUtcDate(start),
      ended === undefined ? null : dayToUtcDate(ended),
      status,
      status === 'Ej återlämnad' ? dayToUtcDate(ended! + 5) : null,
      status && status !== 'Återlämnad' ? 1200 + Math.floor(rand() * 2000) : null,
      rand() < 0.05 ? 'Särskilt boende' : null,
      rand() < 0.1 ? 'Byte' : null,
    ]);
  }
  return out;
}
