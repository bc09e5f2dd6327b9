// Writes examples/enhetsregister-exempel.xlsx: a realistic register for 2025-03 in which every
// rule of the spec and every problem of §6 occurs at least once, with the Taxa sheet and an
// Export sheet whose kontering is filled in (§10). Run: npm run examples
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  exportTemplateSheet,
  KONTERING_TABLE_HEADERS,
  taxaOutputSheet,
  dayFromYmd,
  dayToUtcDate,
  type LineKind,
  type OutputSheet,
  tableRows,
} from '../src/engine/index.js';
import { fillWorksheet, SHEET_OPTIONS } from '../src/cli/xlsxWrite.js';
import { date, random, REGISTER_HEADERS, syntheticPerson, syntheticPnr, type Cell } from './synthetic.js';

export const EXAMPLE_PATH = fileURLToPath(new URL('./enhetsregister-exempel.xlsx', import.meta.url));
export const EXAMPLE_MONTH = '2025-03';

/**
 * The person of the corrections walk-through (§9 example I): a Trygghetslarm since 2024-06-01,
 * billed in March and April; `npm run demo:rattelser` then enters Avslutad 2025-02-20.
 */
export const DEMO_PERSON = { pnr: syntheticPnr(dayFromYmd(1936, 4, 18), 42), name: 'Rut Rättelse' } as const;

type Row = Partial<Record<(typeof REGISTER_HEADERS)[number], Cell>>;

export function exampleSheets(persons = 300): { register: Cell[][]; other: Cell[][]; ability: Cell[][] } {
  const rand = random(2025);
  const rows: Row[] = [];
  const other: Cell[][] = [['Personnummer', 'Månad', 'Belopp']];
  const ability: Cell[][] = [['Personnummer', 'Avgiftsutrymme', 'Giltig från']];
  let serial = 1;
  const sn = (): string => `VT-${String(serial++).padStart(6, '0')}`;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const longAgo = (): Date => dayToUtcDate(dayFromYmd(2019, 1, 1) + Math.floor(rand() * 2150));

  for (let i = 0; i < persons; i++) {
    const p = syntheticPerson(rand, i + 1);
    const base: Row = { Personnummer: p.pnr, Namn: p.name };
    const alarm = pick([
      'Trygghetslarm',
      'Trygghetslarm',
      'Trygghetslarm',
      'Digitalt trygghetslarm',
      'Mobilt trygghetslarm',
      'GPS-klocka',
      'GPS-larm',
      'Larm',
    ]);
    const scenario = rand();
    if (scenario < 0.45) {
      rows.push({ ...base, Tjänst: alarm, 'Enhets-ID': sn(), Installerad: longAgo() });
      if (rand() < 0.2)
        rows.push({
          ...base,
          Tjänst: pick(['Larmknapp sammanboende', 'Larmknapp', 'Extra larmknapp']),
          'Enhets-ID': sn(),
          Installerad: longAgo(),
        });
      if (rand() < 0.15)
        rows.push({
          ...base,
          Tjänst: pick(['Digitalt lås', 'Nyckelfritt lås', 'Nyckelfri hemtjänst']),
          'Enhets-ID': sn(),
          Installerad: longAgo(),
        });
      if (rand() < 0.1)
        rows.push({
          ...base,
          Tjänst: pick(['Digital tillsyn', 'Nattillsyn', 'Kameratillsyn']),
          'Enhets-ID': sn(),
          Installerad: longAgo(),
        });
    } else if (scenario < 0.55) {
      // A: new alarm this month
      rows.push({
        ...base,
        Tjänst: alarm,
        'Enhets-ID': sn(),
        Installerad: date(`2025-03-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`),
      });
    } else if (scenario < 0.6) {
      // B: two devices on one occasion
      const d = date('2025-03-05');
      rows.push({ ...base, Tjänst: 'Mobilt trygghetslarm', 'Enhets-ID': sn(), Installerad: d });
      rows.push({ ...base, Tjänst: 'Digitalt lås', 'Enhets-ID': sn(), Installerad: d });
    } else if (scenario < 0.66) {
      // C: swap of a faulty alarm
      rows.push({
        ...base,
        Tjänst: 'Trygghetslarm',
        'Enhets-ID': sn(),
        Installerad: longAgo(),
        Avslutad: date('2025-03-14'),
        Återlämning: 'Återlämnad',
      });
      rows.push({
        ...base,
        Tjänst: 'Trygghetslarm',
        'Enhets-ID': sn(),
        Installerad: date('2025-03-14'),
        Installationstyp: 'Byte',
      });
    } else if (scenario < 0.7) {
      // D: lost or broken device
      rows.push({
        ...base,
        Tjänst: 'Larmknapp sammanboende',
        'Enhets-ID': sn(),
        Installerad: longAgo(),
        Avslutad: date('2025-03-20'),
        Återlämning: pick(['Borttappad', 'Obrukbar']),
        Kostnad: pick([450, 650, 1250.5]),
      });
      rows.push({ ...base, Tjänst: 'Trygghetslarm', 'Enhets-ID': sn(), Installerad: longAgo() });
    } else if (scenario < 0.77) {
      // E: other capped fees this month
      rows.push({ ...base, Tjänst: alarm, 'Enhets-ID': sn(), Installerad: longAgo() });
      other.push([p.pnr, '2025-03', pick([2500, 1800, 2642, 950])]);
    } else if (scenario < 0.8) {
      // F: no ability to pay, and a new supervision
      rows.push({ ...base, Tjänst: 'Trygghetslarm', 'Enhets-ID': sn(), Installerad: longAgo() });
      rows.push({ ...base, Tjänst: 'Digital tillsyn', 'Enhets-ID': sn(), Installerad: date('2025-03-20') });
      ability.push([p.pnr, 0, date('2025-01-01')]);
    } else if (scenario < 0.84) {
      // G: not returned, reminder sent
      rows.push({
        ...base,
        Tjänst: 'Trygghetslarm',
        'Enhets-ID': sn(),
        Installerad: longAgo(),
        Avslutad: date('2025-01-31'),
        Återlämning: 'Ej återlämnad',
        Påminnelse: date('2025-02-10'),
        Kostnad: 2400,
      });
    } else if (scenario < 0.9) {
      // ended before the month: nothing to bill
      rows.push({
        ...base,
        Tjänst: alarm,
        'Enhets-ID': sn(),
        Installerad: longAgo(),
        Avslutad: date('2025-01-15'),
        Återlämning: 'Återlämnad',
      });
    } else if (scenario < 0.94) {
      // ended during the month
      rows.push({
        ...base,
        Tjänst: alarm,
        'Enhets-ID': sn(),
        Installerad: longAgo(),
        Avslutad: date('2025-03-09'),
        Återlämning: 'Återlämnad',
      });
    } else if (scenario < 0.97) {
      // särskilt boende: no monthly fee
      rows.push({ ...base, Tjänst: 'Trygghetslarm', 'Enhets-ID': sn(), Installerad: longAgo(), Boende: 'Särskilt boende' });
    } else {
      // ability to pay above zero
      rows.push({ ...base, Tjänst: alarm, 'Enhets-ID': sn(), Installerad: longAgo() });
      ability.push([p.pnr, 150, date('2024-07-01')]);
    }
  }

  // 10-digit forms: '-' for this century's reading, '+' for a person of 100 or more.
  const tenDigit = (birth: number, serial: number, sep: string): string => syntheticPnr(birth, serial).slice(2).replace('-', sep);
  // Special cases and every problem of §6, each once, at fixed places.
  const special = (pnr: string, name: string, r: Row): void => {
    rows.push({ Personnummer: pnr, Namn: name, 'Enhets-ID': sn(), ...r });
  };
  special(tenDigit(dayFromYmd(1940, 1, 1), 123, '-'), 'Tiosiffrig Person', {
    Tjänst: 'Trygghetslarm',
    Installerad: date('2023-02-01'),
  });
  special(syntheticPnr(dayFromYmd(1902, 1, 1), 123).replace('-', ''), 'Hundraåring Äldst', {
    Tjänst: 'Trygghetslarm',
    Installerad: date('2021-05-01'),
  });
  special(tenDigit(dayFromYmd(1923, 2, 1), 124, '+'), 'Plus Hundraett', {
    Tjänst: 'Trygghetslarm',
    Installerad: date('2022-05-01'),
  });
  special(syntheticPnr(dayFromYmd(1950, 4, 7), 321, true), 'Samordnings Nummer', {
    Tjänst: 'Mobilt larm',
    Installerad: date('2024-11-11'),
  });
  special(syntheticPnr(dayFromYmd(1944, 5, 5), 12), '=HYPERLINK("https://exempel.invalid","klicka")', {
    Tjänst: 'Trygghetslarm',
    Installerad: date('2024-01-02'),
  });
  special(syntheticPnr(dayFromYmd(1939, 9, 9), 13), 'Okänd Tjänst', { Tjänst: 'Spisvakt', Installerad: date('2024-01-02') });
  special('19390909-0001', 'Fel Kontrollsiffra', { Tjänst: 'Trygghetslarm', Installerad: date('2024-01-02') });
  special(syntheticPnr(dayFromYmd(1941, 2, 3), 14), 'Saknar Datum', { Tjänst: 'Trygghetslarm' });
  special(syntheticPnr(dayFromYmd(1941, 2, 4), 15), 'Amerikanskt Datum', { Tjänst: 'Trygghetslarm', Installerad: '03/04/2025' });
  special(syntheticPnr(dayFromYmd(1941, 2, 5), 16), 'Baklänges Datum', {
    Tjänst: 'Trygghetslarm',
    Installerad: date('2025-02-10'),
    Avslutad: date('2025-01-10'),
  });
  special(syntheticPnr(dayFromYmd(1941, 2, 6), 17), 'Saknar Kostnad', {
    Tjänst: 'Trygghetslarm',
    Installerad: date('2022-02-02'),
    Avslutad: date('2025-03-03'),
    Återlämning: 'Borttappad',
  });
  special(syntheticPnr(dayFromYmd(1941, 2, 7), 18), 'Okänd Status', {
    Tjänst: 'Trygghetslarm',
    Installerad: date('2022-02-02'),
    Återlämning: 'Trasig',
  });
  special(syntheticPnr(dayFromYmd(1941, 2, 8), 19), 'Okänt Boende', {
    Tjänst: 'Trygghetslarm',
    Installerad: date('2022-02-02'),
    Boende: 'Korttidsboende',
  });
  special(syntheticPnr(dayFromYmd(1941, 2, 9), 20), 'Okänd Installationstyp', {
    Tjänst: 'Trygghetslarm',
    Installerad: date('2025-03-02'),
    Installationstyp: 'Flytt',
  });
  const dup: Row = {
    Personnummer: syntheticPnr(dayFromYmd(1941, 2, 10), 21),
    Namn: 'Dubbel Rad',
    Tjänst: 'Trygghetslarm',
    'Enhets-ID': 'VT-DUBBEL',
    Installerad: date('2023-03-03'),
  };
  rows.push(dup, { ...dup });
  const two = syntheticPnr(dayFromYmd(1941, 2, 11), 22);
  special(two, 'Två Larm', { Tjänst: 'Trygghetslarm', Installerad: date('2023-03-03') });
  special(two, 'Två Larm', { Tjänst: 'GPS-klocka', Installerad: date('2025-03-10') });
  special(syntheticPnr(dayFromYmd(1941, 2, 12), 23), 'Ingen Påminnelse', {
    Tjänst: 'Trygghetslarm',
    Installerad: date('2022-02-02'),
    Avslutad: date('2025-02-20'),
    Återlämning: 'Ej återlämnad',
    Kostnad: 2400,
  });
  special(syntheticPnr(dayFromYmd(1941, 2, 13), 24), 'Ogiltig Kostnad', {
    Tjänst: 'Digitalt lås',
    Installerad: date('2022-02-02'),
    Avslutad: date('2025-03-25'),
    Återlämning: 'Obrukbar',
    Kostnad: 'se avtal',
  });
  special(syntheticPnr(dayFromYmd(1941, 2, 14), 25), 'Obrukbar Utan Datum', {
    Tjänst: 'Larmknapp sammanboende',
    Installerad: date('2022-02-02'),
    Återlämning: 'Obrukbar',
    Kostnad: 650,
  });
  other.push(['19390909-0001', '2025-03', 300]);
  special(DEMO_PERSON.pnr, DEMO_PERSON.name, { Tjänst: 'Trygghetslarm', Installerad: date('2024-06-01') });

  const register: Cell[][] = [REGISTER_HEADERS, ...rows.map((r) => REGISTER_HEADERS.map((h) => r[h as keyof Row] ?? null))];
  return { register, other, ability };
}

/** Made-up kontering per line kind (§10): what a municipality's finance department fills in. */
const EXAMPLE_KONTERING: Readonly<Record<LineKind, Readonly<Record<string, string>>>> = {
  Månadsavgift: { Konto: '3542', Ansvar: '51200', Verksamhet: '5101', Aktivitet: '1100' },
  Installationsavgift: { Konto: '3543', Ansvar: '51200', Verksamhet: '5101', Aktivitet: '1200' },
  'Ersättning teknik': { Konto: '3590', Ansvar: '51200', Verksamhet: '5101', Aktivitet: '1300' },
  'Reduktion högkostnadsskydd': { Konto: '3542', Ansvar: '51200', Verksamhet: '5101', Aktivitet: '1100' },
};

/** The template of *Skapa Export-blad* with the kontering filled in, so the example can be exported. */
export function exampleExportSheet(): OutputSheet {
  const template = exportTemplateSheet();
  const [kontering, ...rest] = template.tables;
  const typ = KONTERING_TABLE_HEADERS.indexOf('Typ');
  const rows = tableRows(kontering!).map((row) => {
    const codes = EXAMPLE_KONTERING[row[typ] as LineKind];
    return row.map((cell, i) => codes[KONTERING_TABLE_HEADERS[i]!] ?? cell);
  });
  return { ...template, tables: [{ ...kontering!, row: (i) => rows[i]! }, ...rest] };
}

export async function writeExample(path = EXAMPLE_PATH): Promise<string> {
  const { register, other, ability } = exampleSheets();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VT-avgifter';
  const add = (name: string, values: Cell[][], dateCols: number[], textCols: number[]): void => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRows(values);
    ws.getRow(1).font = { bold: true };
    values[0]!.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(12, String(h).length + 4);
      if (dateCols.includes(i)) col.numFmt = 'yyyy-mm-dd';
      if (textCols.includes(i)) col.numFmt = '@';
    });
  };
  add('Enhetsregister', register, [4, 5, 7], [0, 1, 2, 3]);
  add('Övriga avgifter', other, [], [0, 1]);
  add('Avgiftsutrymme', ability, [2], [0]);
  fillWorksheet(wb.addWorksheet('Taxa', SHEET_OPTIONS), taxaOutputSheet(DEFAULT_TARIFF, DEFAULT_PRISBASBELOPP));
  const exportSheet = exampleExportSheet();
  fillWorksheet(wb.addWorksheet(exportSheet.name, SHEET_OPTIONS), exportSheet);
  await wb.xlsx.writeFile(path);
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeExample().then((p) => console.log(`Exempelregistret skrevs till ${p}`));
}
