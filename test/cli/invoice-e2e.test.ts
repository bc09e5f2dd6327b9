// End to end: the command line bills an .xlsx register and the result is read back with exceljs.
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInvoice } from '../../src/cli/invoice.js';
import { date, syntheticPnr } from '../../examples/synthetic.js';
import { dayFromYmd } from '../../src/engine/index.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'vt-cli-'));
const HEADERS = [
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
type Row = Partial<Record<string, unknown>>;

// One person per worked example of spec §8 (A–G; H is A under days-30).
const P = Object.fromEntries(
  ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((k, i) => [k, syntheticPnr(dayFromYmd(1940 + i, 1 + i, 10 + i), 100 + i)]),
) as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string>;
const ROWS: Row[] = [
  { Personnummer: P.A, Namn: 'Fall A', Tjänst: 'Trygghetslarm', Installerad: date('2025-03-12') },
  { Personnummer: P.B, Namn: 'Fall B', Tjänst: 'Mobilt trygghetslarm', Installerad: date('2025-03-05') },
  { Personnummer: P.B, Namn: 'Fall B', Tjänst: 'Digitalt lås', Installerad: date('2025-03-05') },
  {
    Personnummer: P.C,
    Namn: 'Fall C',
    Tjänst: 'Trygghetslarm',
    Installerad: date('2023-05-01'),
    Avslutad: date('2025-03-14'),
    Återlämning: 'Återlämnad',
  },
  { Personnummer: P.C, Namn: 'Fall C', Tjänst: 'Trygghetslarm', Installerad: date('2025-03-14'), Installationstyp: 'Byte' },
  {
    Personnummer: P.D,
    Namn: 'Fall D',
    Tjänst: 'Larmknapp sammanboende',
    Installerad: date('2024-01-01'),
    Avslutad: date('2025-03-20'),
    Återlämning: 'Borttappad',
    Kostnad: 450,
  },
  { Personnummer: P.E, Namn: 'Fall E', Tjänst: 'Trygghetslarm', Installerad: date('2024-01-01') },
  { Personnummer: P.F, Namn: 'Fall F', Tjänst: 'Trygghetslarm', Installerad: date('2024-01-01') },
  { Personnummer: P.F, Namn: 'Fall F', Tjänst: 'Digital tillsyn', Installerad: date('2025-03-20') },
  {
    Personnummer: P.G,
    Namn: '=HYPERLINK("http://x.invalid","G")',
    Tjänst: 'Trygghetslarm',
    Installerad: date('2022-01-01'),
    Avslutad: date('2025-01-31'),
    Återlämning: 'Ej återlämnad',
    Påminnelse: date('2025-02-10'),
    Kostnad: 2400,
  },
  { Personnummer: '19390909-0001', Namn: 'Fel nummer', Tjänst: 'Trygghetslarm', Installerad: date('2024-01-01') },
];

async function writeRegister(path: string, rows: Row[], headers = HEADERS): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Enhetsregister');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  const other = wb.addWorksheet('Övriga avgifter');
  other.addRows([
    ['Personnummer', 'Månad', 'Belopp'],
    [P.E, '2025-03', 2500],
  ]);
  const ability = wb.addWorksheet('Avgiftsutrymme');
  ability.addRows([
    ['Personnummer', 'Avgiftsutrymme'],
    [P.F, 0],
  ]);
  await wb.xlsx.writeFile(path);
}

async function readSheet(path: string, name: string): Promise<{ values: unknown[][]; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const values: unknown[][] = [];
  ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  return { values, ws };
}

const totalsByPerson = (values: unknown[][]): Record<string, number> => {
  const h = values[0] as string[];
  const iP = h.indexOf('Personnummer'),
    iB = h.indexOf('Belopp');
  const out: Record<string, number> = {};
  for (const r of values.slice(1)) out[r[iP] as string] = (out[r[iP] as string] ?? 0) + (r[iB] as number);
  return out;
};

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const input = join(dir, 'register.xlsx');

beforeAll(async () => {
  await writeRegister(input, ROWS);
});

describe('command line invoice run (spec §7, §8)', () => {
  it('bills every worked example of §8 from an .xlsx and never touches the input', async () => {
    const before = sha(input);
    const out = join(dir, 'faktura.xlsx');
    const outcome = await runInvoice({ input, month: { year: 2025, month: 3 }, output: out, force: false });
    expect(sha(input)).toBe(before);
    const { values, ws } = await readSheet(out, 'Faktura 2025-03');
    expect(values[0]).toEqual([
      'Personnummer',
      'Namn',
      'Månad',
      'Typ',
      'Tjänst',
      'Enhets-ID',
      'Antal',
      'À-pris',
      'Belopp',
      'Högkostnadsskydd',
      'Regel',
      'Källa',
      'Förklaring',
    ]);
    expect(totalsByPerson(values)).toEqual({
      [P.A]: 439,
      [P.B]: 439,
      [P.C]: 239,
      [P.D]: 490,
      [P.E]: 142,
      [P.F]: 200,
      [P.G]: 2400,
    });
    // The formula-looking name is stored as a plain string, not a formula.
    const gRow = values.findIndex((r) => r[0] === P.G);
    const cell = ws.getRow(gRow + 1).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x.invalid","G")');
    // Amounts are numbers with a krona format; header frozen.
    expect(typeof ws.getRow(2).getCell(9).value).toBe('number');
    expect(ws.getRow(2).getCell(9).numFmt).toContain('kr');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(outcome.summary).toContain('Personer:   7');

    const problems = await readSheet(out, 'Problem 2025-03');
    expect(problems.values[0]).toEqual(['Allvarlighet', 'Blad', 'Rad', 'Kolumn', 'Cell', 'Värde', 'Meddelande', 'Regel']);
    expect(problems.values.slice(1)).toContainEqual(
      expect.arrayContaining(['Fel', 'Enhetsregister', 12, 'Personnummer', 'A12', '19390909-0001']),
    );

    const summary = await readSheet(out, 'Summering 2025-03');
    const totalRow = summary.values.find((r) => r.includes('Totalt för månaden'))!;
    expect(totalRow[totalRow.indexOf('Totalt för månaden') + 2]!).toBe(439 + 439 + 239 + 490 + 142 + 200 + 2400);
  });

  it('H: days-30 via --proration prorates case A to 159', async () => {
    const out = join(dir, 'faktura-h.xlsx');
    await runInvoice({ input, month: { year: 2025, month: 3 }, output: out, force: false, proration: 'days-30' });
    const { values } = await readSheet(out, 'Faktura 2025-03');
    expect(totalsByPerson(values)[P.A]).toBe(159 + 200);
  });

  it('passes every setting it reads on to the engine as overrides of the Taxa sheet', async () => {
    const out = join(dir, 'faktura-settings.xlsx');
    const { result } = await runInvoice({
      input,
      month: { year: 2025, month: 3 },
      output: out,
      force: false,
      reminderDays: 10,
      correctionMonths: 6,
      retroDebits: 'bill',
    });
    expect(result.settings).toEqual({ proration: 'started-month', reminderDays: 10, correctionMonths: 6, retroDebits: 'bill' });
  });

  it('exit codes and Swedish messages from the real process', async () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const cli = ['src/cli/bin.ts'];
    const ok = await run(tsx, [...cli, '--in', input, '--month', '2025-03', '--out', join(dir, 'p.xlsx')]);
    expect(ok.stdout).toContain('Fakturan skrevs till');
    // Refuses to overwrite without --force.
    await expect(run(tsx, [...cli, '--in', input, '--month', '2025-03', '--out', join(dir, 'p.xlsx')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('finns redan'),
    });
    // Bad arguments: exit 2.
    await expect(run(tsx, [...cli, '--in', input, '--month', '2025-13'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ÅÅÅÅ-MM'),
    });
    // Missing headers are named.
    const bad = join(dir, 'bad.xlsx');
    await writeRegister(bad, ROWS, ['Personnummer', 'Namn', 'Produkt']);
    await expect(run(tsx, [...cli, '--in', bad, '--month', '2025-03', '--out', join(dir, 'q.xlsx')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Installerad'),
    });
    // No prisbasbelopp for the year: refused, naming the year.
    await expect(run(tsx, [...cli, '--in', input, '--month', '2031-03', '--out', join(dir, 'r.xlsx')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('2031'),
    });
    // Not an xlsx at all.
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'inte en arbetsbok');
    await expect(run(tsx, [...cli, '--in', junk, '--month', '2025-03', '--out', join(dir, 's.xlsx')])).rejects.toMatchObject({
      code: 1,
    });
  }, 120000);
});
