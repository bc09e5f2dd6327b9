// The real command line (`npx tsx src/cli/bin.ts …`): exit codes, Swedish messages on stderr,
// settings flags, time zones of the process, and LibreOffice as an independent reader.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, d, DIR, pnr, readOutput, tmpFile, writeWorkbook, type Row } from './harness.js';

const P = pnr(1935, 5, 25, 525);
const Q = pnr(1936, 6, 26, 626);
const ROWS: Row[] = [
  { Personnummer: P, Namn: '=1+1', Tjänst: 'Trygghetslarm', Installerad: d('2025-03-12') },
  {
    Personnummer: Q,
    Namn: 'Q',
    Tjänst: 'Larmknapp',
    'Enhets-ID': 'B-9',
    Installerad: d('2020-01-01'),
    Avslutad: d('2025-03-02'),
    Återlämning: 'Obrukbar',
    Kostnad: 1250.5,
  },
  {
    Personnummer: pnr(1937, 7, 27, 727),
    Tjänst: 'Trygghetslarm',
    Installerad: d('2022-01-01'),
    Avslutad: d('2025-01-31'),
    Återlämning: 'Ej återlämnad',
    Påminnelse: d('2025-02-10'),
    Kostnad: 2400,
  },
  { Personnummer: '19390909-0001', Tjänst: 'Trygghetslarm', Installerad: d('2024-01-01') },
];

const totals = (lines: { Personnummer: string; Belopp: number }[]): Record<string, number> => {
  const t: Record<string, number> = {};
  for (const l of lines) t[l.Personnummer] = (t[l.Personnummer] ?? 0) + l.Belopp;
  return t;
};

describe('command line process', () => {
  it('exit 0 with row problems; --proration and --reminder-days change the amounts', async () => {
    const input = await writeWorkbook({ rows: ROWS });
    const out1 = tmpFile('cli');
    const ok = await cli(['--in', input, '--month', '2025-03', '--out', out1]);
    expect(ok.code).toBe(0);
    const r1 = await readOutput(out1, '2025-03');
    expect(totals(r1.lines)).toEqual({ [P]: 439, [Q]: 1290.5, [pnr(1937, 7, 27, 727)]: 2400 });
    expect(r1.errors).toEqual([expect.objectContaining({ Rad: 5, Kolumn: 'Personnummer' })]);

    const out2 = tmpFile('cli');
    expect(
      (await cli(['--in', input, '--month', '2025-03', '--out', out2, '--proration', 'days-30', '--reminder-days', '40'])).code,
    ).toBe(0);
    const r2 = await readOutput(out2, '2025-03');
    // P: 159 + 200; Q: round(40 × 2/30) = 3, + 1 250,50; the Ej återlämnad is due 2025-03-22: still March.
    expect(totals(r2.lines)).toEqual({ [P]: 359, [Q]: 1253.5, [pnr(1937, 7, 27, 727)]: 2400 });

    const out3 = tmpFile('cli');
    expect(
      (await cli(['--in', input, '--month', '2025-03', '--out', out3, '--proration', 'actual-days', '--reminder-days', '60']))
        .code,
    ).toBe(0);
    const r3 = await readOutput(out3, '2025-03');
    // P: round(239 × 20/31) = 154; Q: round(40 × 2/31) = 3; due 2025-04-11: not in March.
    expect(totals(r3.lines)).toEqual({ [P]: 354, [Q]: 1253.5 });
  }, 120000);

  it('a year without prisbasbelopp: exit 1, Swedish message naming the year, no output file', async () => {
    const input = await writeWorkbook({ rows: ROWS });
    const out = tmpFile('cli');
    const r = await cli(['--in', input, '--month', '2027-03', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2027');
    expect(r.stderr).toMatch(/prisbasbelopp/i);
    expect(spawnSync('test', ['-e', out]).status).not.toBe(0);
  }, 60000);

  it('a missing required header: exit 1 naming it', async () => {
    const input = await writeWorkbook({
      headers: ['Pnr', 'Namn', 'Installerad'],
      rows: [{ Pnr: P, Namn: 'x', Installerad: d('2025-01-01') }],
    });
    const r = await cli(['--in', input, '--month', '2025-03', '--out', tmpFile('cli')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Tjänst');
  }, 60000);

  it('bad arguments: exit 2', async () => {
    const input = await writeWorkbook({ rows: ROWS });
    for (const args of [
      ['--month', '2025-13'],
      ['--month', '2025-03', '--proration', 'halv'],
      ['--month', '2025-03', '--reminder-days', 'trettio'],
    ]) {
      const r = await cli(['--in', input, ...args, '--out', tmpFile('cli')]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  }, 120000);

  it('does not overwrite --out without --force', async () => {
    const input = await writeWorkbook({ rows: ROWS });
    const out = tmpFile('cli');
    expect((await cli(['--in', input, '--month', '2025-03', '--out', out])).code).toBe(0);
    const again = await cli(['--in', input, '--month', '2025-03', '--out', out]);
    expect(again.code).toBe(1);
    expect((await cli(['--in', input, '--month', '2025-03', '--out', out, '--force'])).code).toBe(0);
  }, 120000);

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Stockholm'])(
    'dates are calendar days under TZ=%s',
    async (tz) => {
      const p = pnr(1945, 1, 1, 451);
      const input = await writeWorkbook({
        rows: [
          { Personnummer: p, Tjänst: 'Trygghetslarm', Installerad: d('2025-03-31') },
          {
            Personnummer: Q,
            Tjänst: 'Trygghetslarm',
            Installerad: d('2024-01-01'),
            Avslutad: d('2025-03-01'),
            Återlämning: 'Återlämnad',
          },
          { Personnummer: P, Tjänst: 'Trygghetslarm', Installerad: '2025-03-01', Avslutad: '2025-03-31' },
        ],
      });
      const out = tmpFile('tz');
      const r = await cli(['--in', input, '--month', '2025-03', '--out', out, '--proration', 'days-30'], { TZ: tz });
      expect(r.code, r.stderr).toBe(0);
      const o = await readOutput(out, '2025-03');
      expect(o.lines.map((l) => [l.Personnummer, l.Typ, l.Belopp])).toEqual([
        [P, 'Månadsavgift', 239],
        [P, 'Installationsavgift', 200],
        [Q, 'Månadsavgift', 8],
        [p, 'Månadsavgift', 8],
        [p, 'Installationsavgift', 200],
      ]);
    },
    60000,
  );
});

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
(hasSoffice ? describe : describe.skip)('LibreOffice reads the invoice independently', () => {
  it('amounts shown as kronor with öre, text kept as text, lines in order', async () => {
    const input = await writeWorkbook({ rows: ROWS });
    const out = join(DIR, 'lo-faktura.xlsx');
    expect((await cli(['--in', input, '--month', '2025-03', '--out', out])).code).toBe(0);
    const dir = mkdtempSync(join(DIR, 'lo-'));
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):59,34,76',
        '--outdir',
        dir,
        out,
      ],
      { stdio: 'ignore', timeout: 120000 },
    );
    const rows = readFileSync(join(dir, 'lo-faktura.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));
    const h = rows[0]!;
    expect(h.slice(0, 4)).toEqual(['Personnummer', 'Namn', 'Månad', 'Typ']);
    const body = rows.slice(1);
    const iP = h.indexOf('Personnummer'),
      iT = h.indexOf('Typ'),
      iB = h.indexOf('Belopp'),
      iN = h.indexOf('Namn');
    expect(body.map((r) => [r[iP], r[iT]])).toEqual([
      [P, 'Månadsavgift'],
      [P, 'Installationsavgift'],
      [Q, 'Månadsavgift'],
      [Q, 'Ersättning teknik'],
      [pnr(1937, 7, 27, 727), 'Ersättning teknik'],
    ]);
    expect(body[0]![iN]).toBe('=1+1');
    // Shown with the krona format: digits with two decimals and "kr".
    const shown = body.map((r) => r[iB]!.replace(/\s| /g, ''));
    expect(shown).toEqual(
      ['239.00kr', '200.00kr', '40.00kr', '1,250.50kr', '2,400.00kr'].map((s) =>
        expect.stringMatching(new RegExp(`^${s.replace(/[.,]/g, '[.,]')}$`)),
      ),
    );
  }, 180000);
});
