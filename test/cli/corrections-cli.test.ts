// §9 through the command line: registers and earlier outputs as .xlsx files, `npm run invoice`
// with --billed, and the output read back. Worked examples I, J, K and M, the record as a reviewer
// left it, and the --billed refusals.
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { date, syntheticPnr } from '../../examples/synthetic.js';
import { dayFromYmd } from '../../src/engine/index.js';
import { cli, readRows, writeRegister, type RegisterRow, type SheetRow } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vt-r7-cli-'));
const at = (name: string): string => join(dir, name);

const P = syntheticPnr(dayFromYmd(1936, 4, 18), 42);
const Q = syntheticPnr(dayFromYmd(1938, 4, 12), 456);
const S = syntheticPnr(dayFromYmd(1931, 1, 9), 77);
const ALARM: RegisterRow = { Personnummer: P, Namn: 'Person P', Tjänst: 'Trygghetslarm', Installerad: date('2024-06-01') };
const ENDED: RegisterRow = { ...ALARM, Avslutad: date('2025-02-20'), Återlämning: 'Återlämnad' };
const Q_BROKEN: RegisterRow = { Personnummer: Q, Namn: 'Person Q', Tjänst: 'Trygghetslarm', Installerad: '10 mars' };
const Q_FIXED: RegisterRow = { ...Q_BROKEN, Installerad: date('2025-03-10') };
const S_ALARM: RegisterRow = { Personnummer: S, Namn: 'Person S', Tjänst: 'Trygghetslarm', Installerad: date('2024-01-01') };

const correctionsIn = (rows: SheetRow[]): SheetRow[] => rows.filter((r) => r['Regel'] === 'R7');
const brief = (rows: SheetRow[]): unknown[][] => rows.map((r) => [r['Personnummer'], r['Månad'], r['Typ'], r['Belopp']]);

async function readSheetValues(path: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function invoice(argv: string[]): Promise<{ out: string; err: string }> {
  const run = await cli('invoice', argv);
  expect(run.err, run.err).toBe('');
  expect(run.code).toBe(0);
  return run;
}

beforeAll(async () => {
  // March and April billed from the register as it was; in May it has changed.
  await writeRegister(at('register-mars.xlsx'), [ALARM, Q_BROKEN, S_ALARM]);
  await writeRegister(at('register-maj.xlsx'), [ENDED, Q_FIXED]);
  await invoice(['--in', at('register-mars.xlsx'), '--month', '2025-03', '--out', at('faktura-2025-03.xlsx')]);
  await invoice([
    '--in',
    at('register-mars.xlsx'),
    '--month',
    '2025-04',
    '--out',
    at('faktura-2025-04.xlsx'),
    '--billed',
    at('faktura-2025-03.xlsx'),
  ]);
}, 60000);

describe('§9 worked examples through npm run invoice --billed', () => {
  it('an unchanged register: April with March as --billed has no R7 line, and says March was checked', async () => {
    const april = await readRows(at('faktura-2025-04.xlsx'), 'Faktura 2025-04');
    expect(correctionsIn(april)).toEqual([]);
    expect(brief(april)).toEqual([
      [S, '2025-04', 'Månadsavgift', 239],
      [P, '2025-04', 'Månadsavgift', 239],
    ]);
  });

  it('I, K (report) and M: May with March and April as --billed', async () => {
    const { out } = await invoice([
      '--in',
      at('register-maj.xlsx'),
      '--month',
      '2025-05',
      '--out',
      at('faktura-2025-05.xlsx'),
      '--billed',
      at('faktura-2025-03.xlsx'),
      '--billed',
      at('faktura-2025-04.xlsx'),
    ]);
    const may = await readRows(at('faktura-2025-05.xlsx'), 'Faktura 2025-05');
    // I: P's end date entered late credits March and April; nothing for May itself.
    expect(brief(correctionsIn(may))).toEqual([
      [P, '2025-03', 'Månadsavgift', -239],
      [P, '2025-04', 'Månadsavgift', -239],
    ]);
    expect(may.filter((r) => r['Personnummer'] === P && r['Månad'] === '2025-05')).toEqual([]);
    const march = correctionsIn(may)[0]!;
    expect(march['Förklaring']).toBe(
      'Rättelse av månadsavgift för 2025-03: fakturerat 239 kr, enligt registret nu 0 kr (Avslutad 2025-02-20, rad 2).',
    );
    expect(String(march['Källa'])).toContain('Faktura 2025-03!');
    // K under report: Q's fixed row raises March and April; no line, a Varning each.
    expect(may.filter((r) => r['Personnummer'] === Q).map((r) => [r['Månad'], r['Typ'], r['Belopp']])).toEqual([
      ['2025-05', 'Månadsavgift', 239],
    ]);
    const problems = await readRows(at('faktura-2025-05.xlsx'), 'Problem 2025-05');
    const r7 = problems.filter((p) => p['Regel'] === 'R7');
    expect(
      r7.some((p) =>
        String(p['Meddelande']).includes(
          '+439 kr för 2025-03 (månadsavgift 239, installationsavgift 200) debiteras inte retroaktivt',
        ),
      ),
    ).toBe(true);
    // M: S's rows were deleted: no correction, a Varning naming S.
    expect(may.some((r) => r['Personnummer'] === S)).toBe(false);
    expect(r7.some((p) => p['Allvarlighet'] === 'Varning' && String(p['Meddelande']).includes(S))).toBe(true);

    // Summering: P has no May line, only corrections, inside the total; a row per kind; the months checked.
    const summary = await readSheetValues(at('faktura-2025-05.xlsx'), 'Summering 2025-05');
    const header = summary[0]!;
    const person = (pnr: string) => summary.find((r) => r[0] === pnr)!;
    const col = (h: string) => header.indexOf(h);
    expect(person(P)[col('Rättelser')]).toBe(-478);
    expect(person(P)[col('Att betala')]).toBe(-478);
    expect(person(Q)[col('Rättelser')]).toBe(0);
    expect(person(Q)[col('Att betala')]).toBe(239);
    const labelled = (label: string) => {
      const r = summary.find((row) => row.includes(label))!;
      return r.slice(r.indexOf(label) + 1);
    };
    expect(labelled('Rättelser månadsavgift').slice(0, 2)).toEqual([2, -478]);
    expect(labelled('Totalt för månaden').slice(0, 2)).toEqual([3, 239 - 478]);
    expect(labelled('Rättelser kontrollerade')[0]).toBe('2025-03, 2025-04, 2 fakturerade månader');
    expect(labelled('Utan fakturablad')[0]).toBe('2024-05 … 2025-02 (10 månader) saknar fakturablad och kontrollerades inte');

    expect(out).toContain('Kontrollerade:  2025-03, 2025-04 (2 fakturerade månader)');
    expect(out).toContain('Rättelserader:  2 för 1 person');
    expect(out).toContain('Krediteras:     −478 kr (2 rader)');
    expect(out).toMatch(/Höjningar som inte debiteras \(varningar\): 2, sammanlagt 678 kr/);
  });

  it('K under --retro-debits bill, only March in the record: +239 and +200 for 2025-03', async () => {
    await invoice([
      '--in',
      at('register-maj.xlsx'),
      '--month',
      '2025-05',
      '--out',
      at('faktura-2025-05-bill.xlsx'),
      '--billed',
      at('faktura-2025-03.xlsx'),
      '--retro-debits',
      'bill',
    ]);
    const may = await readRows(at('faktura-2025-05-bill.xlsx'), 'Faktura 2025-05');
    expect(brief(correctionsIn(may))).toEqual(
      [
        [Q, '2025-03', 'Månadsavgift', 239],
        [Q, '2025-03', 'Installationsavgift', 200],
        [P, '2025-03', 'Månadsavgift', -239],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('J: May billed again (its own earlier output among --billed) gives the same lines; June with May as --billed corrects nothing', async () => {
    const args = (out: string, month: string, billed: string[]) => [
      '--in',
      at('register-maj.xlsx'),
      '--month',
      month,
      '--out',
      at(out),
      ...billed.flatMap((b) => ['--billed', at(b)]),
    ];
    await invoice(
      args('faktura-2025-05-igen.xlsx', '2025-05', ['faktura-2025-03.xlsx', 'faktura-2025-04.xlsx', 'faktura-2025-05.xlsx']),
    );
    const first = await readRows(at('faktura-2025-05.xlsx'), 'Faktura 2025-05');
    const again = await readRows(at('faktura-2025-05-igen.xlsx'), 'Faktura 2025-05');
    expect(again).toEqual(first);

    await invoice(
      args('faktura-2025-06.xlsx', '2025-06', ['faktura-2025-03.xlsx', 'faktura-2025-04.xlsx', 'faktura-2025-05.xlsx']),
    );
    const june = await readRows(at('faktura-2025-06.xlsx'), 'Faktura 2025-06');
    expect(correctionsIn(june).filter((r) => r['Personnummer'] === P)).toEqual([]);
  });

  it('--correction-months narrows the window (1: April only) and 0 turns R7 off', async () => {
    const base = [
      '--in',
      at('register-maj.xlsx'),
      '--month',
      '2025-05',
      '--billed',
      at('faktura-2025-03.xlsx'),
      '--billed',
      at('faktura-2025-04.xlsx'),
    ];
    const one = await invoice([...base, '--out', at('f-1.xlsx'), '--correction-months', '1']);
    expect(brief(correctionsIn(await readRows(at('f-1.xlsx'), 'Faktura 2025-05')))).toEqual([
      [P, '2025-04', 'Månadsavgift', -239],
    ]);
    expect(one.out).toContain('Kontrollerade:  2025-04 (1 fakturerad månad)');
    const off = await invoice([...base, '--out', at('f-0.xlsx'), '--correction-months', '0']);
    expect(correctionsIn(await readRows(at('f-0.xlsx'), 'Faktura 2025-05'))).toEqual([]);
    expect(off.out).toContain('Rättelser (R7): avstängda');
  });
});

/** A copy of an invoice workbook's sheet as a reviewer left it: rows reversed, a column added in front, a filter hiding rows. */
async function reviewedCopy(from: string, to: string, sheet: string, edit?: (rows: unknown[][]) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const [header, ...lines] = rows;
  lines.reverse();
  edit?.(lines);
  const out = new ExcelJS.Workbook();
  const ws = out.addWorksheet(sheet);
  ws.addRow(['Granskad', ...header!]);
  lines.forEach((l, i) => ws.addRow([i % 2 === 0 ? 'OK' : '', ...l]));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header!.length + 1 } };
  ws.getRow(2).hidden = true; // filtered out: still billed, still part of the record
  await out.xlsx.writeFile(to);
}

describe('the record as a reviewer left it', () => {
  it('a record sheet sorted, filtered and with a column added gives the same corrections', async () => {
    await reviewedCopy(at('faktura-2025-03.xlsx'), at('granskad-2025-03.xlsx'), 'Faktura 2025-03');
    await reviewedCopy(at('faktura-2025-04.xlsx'), at('granskad-2025-04.xlsx'), 'Faktura 2025-04');
    await invoice([
      '--in',
      at('register-maj.xlsx'),
      '--month',
      '2025-05',
      '--out',
      at('faktura-2025-05-granskad.xlsx'),
      '--billed',
      at('granskad-2025-03.xlsx'),
      '--billed',
      at('granskad-2025-04.xlsx'),
    ]);
    const plain = await readRows(at('faktura-2025-05.xlsx'), 'Faktura 2025-05');
    const reviewed = await readRows(at('faktura-2025-05-granskad.xlsx'), 'Faktura 2025-05');
    // Källa names the record's rows, which moved; everything else is the same.
    const withoutSource = (rows: SheetRow[]) => rows.map(({ Källa: _, ...r }) => r);
    expect(withoutSource(reviewed)).toEqual(withoutSource(plain));
    expect(correctionsIn(reviewed)).toHaveLength(2);
  });

  it('a Belopp typed as text ("239 kr") is a Varning naming its cell, not a crash', async () => {
    await reviewedCopy(at('faktura-2025-03.xlsx'), at('text-belopp-2025-03.xlsx'), 'Faktura 2025-03', (lines) => {
      const p = lines.find((l) => l[0] === P)!;
      p[8] = '239 kr';
    });
    await invoice([
      '--in',
      at('register-maj.xlsx'),
      '--month',
      '2025-05',
      '--out',
      at('faktura-2025-05-text.xlsx'),
      '--billed',
      at('text-belopp-2025-03.xlsx'),
    ]);
    const problems = await readRows(at('faktura-2025-05-text.xlsx'), 'Problem 2025-05');
    const warning = problems.find((p) => p['Blad'] === 'Faktura 2025-03' && p['Värde'] === '239 kr');
    expect(warning).toMatchObject({ Allvarlighet: 'Varning', Kolumn: 'Belopp', Regel: 'R7' });
    // Belopp is column J after the added column; P is on the first or second line.
    expect(String(warning!['Cell'])).toMatch(/^J[23]$/);
  });
});

describe('--billed refusals (exit 1, Swedish, naming the file)', () => {
  const base = () => ['--in', at('register-maj.xlsx'), '--month', '2025-05', '--out', at('vägrad.xlsx')];

  it('a missing file, a file that is not .xlsx, a workbook without invoice sheets', async () => {
    const missing = await cli('invoice', [...base(), '--billed', at('saknas.xlsx')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/saknas\.xlsx \(--billed\) finns inte/);

    writeFileSync(at('text.csv'), 'Personnummer;Belopp\n');
    const csv = await cli('invoice', [...base(), '--billed', at('text.csv')]);
    expect(csv.code).toBe(1);
    expect(csv.err).toMatch(/text\.csv \(--billed\) är ingen Excel-arbetsbok/);

    const register = await cli('invoice', [...base(), '--billed', at('register-mars.xlsx')]);
    expect(register.code).toBe(1);
    expect(register.err).toMatch(/register-mars\.xlsx \(--billed\) har inget fakturablad/);
  });

  it('one month twice (the same file, or two files with the same month) and --billed = --in', async () => {
    copyFileSync(at('faktura-2025-03.xlsx'), at('kopia-2025-03.xlsx'));
    const twice = await cli('invoice', [...base(), '--billed', at('faktura-2025-03.xlsx'), '--billed', at('kopia-2025-03.xlsx')]);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('Fakturabladet för 2025-03 finns två gånger');
    expect(twice.err).toContain('kopia-2025-03.xlsx');

    const same = await cli('invoice', [
      ...base(),
      '--billed',
      at('faktura-2025-03.xlsx'),
      '--billed',
      at('faktura-2025-03.xlsx'),
    ]);
    expect(same).toMatchObject({ code: 1, err: expect.stringContaining('anges två gånger') });

    const input = await cli('invoice', [...base(), '--billed', at('register-maj.xlsx')]);
    expect(input).toMatchObject({ code: 1, err: expect.stringContaining('samma fil som --in') });
  });

  it('from the real process: exit 1 and the message on stderr', async () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    await expect(promisify(execFile)(tsx, ['src/cli/bin.ts', ...base(), '--billed', at('saknas.xlsx')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('(--billed) finns inte'),
    });
  }, 30000);
});
