// §10 through the command line: `npm run export` on an invoice workbook that `npm run invoice`
// wrote (corrections included), read back by a parser in the test (fixed width from §10's
// positions, CSV by RFC 4180 with ";" and decimal comma) and by LibreOffice; refusals naming
// cells; --force and the atomic write; the Export sheet's template.
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleExportSheet } from '../../examples/make-example.js';
import { date, syntheticPnr } from '../../examples/synthetic.js';
import { fillWorksheet, SHEET_OPTIONS } from '../../src/cli/xlsxWrite.js';
import { dayFromYmd } from '../../src/engine/index.js';
import { invoicesOf, leftInt, parseFixedWidth, signed14, zeroPadded } from '../engine/export/golden-parser.js';
import { cli, readRows, writeRegister, type RegisterRow, type SheetRow } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vt-export-cli-'));
const at = (name: string): string => join(dir, name);
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

const P = syntheticPnr(dayFromYmd(1936, 4, 18), 42);
const A = syntheticPnr(dayFromYmd(1941, 7, 2), 311);
const B = syntheticPnr(dayFromYmd(1929, 11, 30), 508);
const ALARM: RegisterRow = { Personnummer: P, Namn: 'Per Persson', Tjänst: 'Trygghetslarm', Installerad: date('2024-06-01') };
const ROWS: RegisterRow[] = [
  ALARM,
  { Personnummer: A, Namn: 'Åsa Öberg-Ekström', Tjänst: 'Mobilt trygghetslarm', Installerad: date('2025-05-07') },
  { Personnummer: A, Namn: 'Åsa Öberg-Ekström', Tjänst: 'Digitalt lås', Installerad: date('2025-05-07') },
  { Personnummer: B, Namn: 'Bengt "Ben" Lindé; hemtjänst', Tjänst: 'Larmknapp sammanboende', Installerad: date('2023-02-01') },
  {
    Personnummer: B,
    Namn: 'Bengt "Ben" Lindé; hemtjänst',
    Tjänst: 'Trygghetslarm',
    Installerad: date('2023-02-01'),
    Avslutad: date('2025-05-10'),
    Återlämning: 'Borttappad',
    Kostnad: 1250.5,
  },
];
const MAY = 'faktura-2025-05.xlsx';

async function run(command: 'invoice' | 'export', argv: string[]) {
  const r = await cli(command, argv);
  expect(r.err, r.err).toBe('');
  expect(r.code).toBe(0);
  return r;
}

const exportArgs = (out: string, ...more: string[]) => [
  '--in',
  at(MAY),
  '--month',
  '2025-05',
  '--settings',
  at('export.xlsx'),
  '--out',
  at(out),
  ...more,
];

/** The sheet's lines as (personnummer, Månad, Belopp in öre), sorted: what any export must carry. */
const sheetKeys = (rows: SheetRow[]) =>
  rows.map((r) => [String(r['Personnummer']), String(r['Månad']), Math.round(Number(r['Belopp']) * 100)].join('|')).sort();

let may: SheetRow[];

beforeAll(async () => {
  // P is billed in March and April; in May their end date arrives: May's sheet has two credits for P.
  await writeRegister(at('register.xlsx'), ROWS);
  await writeRegister(at('register-maj.xlsx'), [
    { ...ALARM, Avslutad: date('2025-02-20'), Återlämning: 'Återlämnad' },
    ...ROWS.slice(1),
  ]);
  await run('invoice', ['--in', at('register.xlsx'), '--month', '2025-03', '--out', at('faktura-2025-03.xlsx')]);
  await run('invoice', ['--in', at('register.xlsx'), '--month', '2025-04', '--out', at('faktura-2025-04.xlsx')]);
  await run('invoice', [
    '--in',
    at('register-maj.xlsx'),
    '--month',
    '2025-05',
    '--out',
    at(MAY),
    '--billed',
    at('faktura-2025-03.xlsx'),
    '--billed',
    at('faktura-2025-04.xlsx'),
  ]);
  may = await readRows(at(MAY), 'Faktura 2025-05');
  expect(may.filter((r) => r['Regel'] === 'R7')).toHaveLength(2);

  const wb = new ExcelJS.Workbook();
  fillWorksheet(wb.addWorksheet('Export', SHEET_OPTIONS), exampleExportSheet());
  await wb.xlsx.writeFile(at('export.xlsx'));
}, 60000);

describe('npm run export: fixed width (the default)', () => {
  it('writes every line of the sheet by §10 positions, ISO-8859-1 and CRLF, totals equal to the sheet', async () => {
    const { out } = await run('export', exportArgs('underlag.txt'));
    const bytes = readFileSync(at('underlag.txt'));
    const invoices = invoicesOf(parseFixedWidth(bytes));
    // One invoice per person; P's sum is negative: a credit invoice.
    expect(invoices.map((i) => i.pnr).sort()).toEqual([A, B, P].map((p) => p.slice(2, 8) + p.slice(9)).sort());
    const totals = Object.fromEntries(invoices.map((i) => [i.pnr, signed14(i.t.f.total!)]));
    expect(totals[P.slice(2, 8) + P.slice(9)]).toBe(-47800);
    for (const inv of invoices) {
      expect(inv.rows.reduce((s, { r }) => s + leftInt(r.f.amount!), 0)).toBe(signed14(inv.t.f.total!));
      for (const { r, k } of inv.rows) expect(zeroPadded(k.f.amount!)).toBe(leftInt(r.f.amount!));
    }
    const fileLines = invoices
      .flatMap((inv) =>
        inv.rows.map(({ r, k }) => {
          const full = may.find((x) => String(x['Personnummer']).slice(2).replace('-', '') === inv.pnr)!['Personnummer'];
          const yymm = k.f.period!.trim();
          return [String(full), `20${yymm.slice(0, 2)}-${yymm.slice(2, 4)}`, leftInt(r.f.amount!)].join('|');
        }),
      )
      .sort();
    // Same lines and amounts as the sheet; a correction carries its own Månad as the periodisation key.
    expect(fileLines).toEqual(sheetKeys(may));
    expect(fileLines.filter((l) => l.startsWith(P))).toEqual([`${P}|2025-03|-23900`, `${P}|2025-04|-23900`]);
    // å ä ö é as single ISO-8859-1 bytes; the name is cut at its field, never the amounts.
    expect(bytes.includes(Buffer.from('Åsa Öberg-Ekström', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('Åsa', 'utf8'))).toBe(false);

    expect(out).toContain('Fakturor:        3');
    expect(out).toContain('Varav kredit:    1');
    expect(out).toContain(`Rader:           ${may.length}`);
    // P −239 −239; A 239 + 200 (one installation for the alarm and the lock); B 40 + 239 + 1 250,50.
    expect(out).toContain('Totalt:          1 490,50 kr');
  });
});

/** RFC 4180 with ";" as separator; a test's own reader, not the product's writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    field = '',
    quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the last row does not end with CRLF');
  return rows;
}

const ore = (decimalComma: string): number => {
  const m = /^(-?)(\d+),(\d\d)$/.exec(decimalComma);
  if (!m) throw new Error(`not an amount with decimal comma: "${decimalComma}"`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
};

describe('npm run export --format csv', () => {
  it('one row per line, ";" and decimal comma, UTF-8 with BOM: the same lines and amounts as the sheet', async () => {
    await run('export', exportArgs('underlag.csv', '--format', 'csv'));
    const bytes = readFileSync(at('underlag.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    const col = (h: string) => header!.indexOf(h);
    expect(header!.slice(0, 8)).toEqual([
      'Personnummer',
      'Namn',
      'Fakturamånad',
      'Avser månad',
      'Text',
      'Antal',
      'À-pris',
      'Belopp',
    ]);
    const keys = rows
      .map((r) => {
        const p = r[col('Personnummer')]!;
        expect(p).toMatch(/^\d{12}$/);
        return [`${p.slice(0, 8)}-${p.slice(8)}`, r[col('Avser månad')], ore(r[col('Belopp')]!)].join('|');
      })
      .sort();
    expect(keys).toEqual(sheetKeys(may));
    expect(rows.every((r) => r[col('Fakturamånad')] === '2025-05')).toBe(true);
    // A name with ";" and quotes comes back whole.
    expect(rows.some((r) => r[col('Namn')] === 'Bengt "Ben" Lindé; hemtjänst')).toBe(true);
    // Each line carries its kind's kontering from the Export sheet (Ersättning teknik: 3590).
    expect(rows.find((r) => r[col('Belopp')] === '1250,50')![col('Konto')]).toBe('3590');
  });

  const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
  // CI installs LibreOffice; elsewhere without it the test says so and skips, as the invoice's does.
  (hasSoffice || process.env.CI ? it : it.skip)(
    'LibreOffice reads the CSV (Swedish locale, ";", UTF-8) to the same lines, numbers and text',
    async () => {
      await run('export', exportArgs('lo.csv', '--format', 'csv', '--force'));
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/lo-profile`,
          // ";" (59), '"' (34), UTF-8 (76), from line 1, standard columns, Swedish locale (1053).
          '--infilter=CSV:59,34,76,1,,1053',
          '--convert-to',
          'xlsx',
          '--outdir',
          join(dir, 'lo'),
          at('lo.csv'),
        ],
        { stdio: 'ignore', timeout: 120000 },
      );
      const rows = await readRows(join(dir, 'lo', 'lo.xlsx'), 'lo');
      const keys = rows
        .map((r) => {
          expect(typeof r['Belopp']).toBe('number');
          const p = String(r['Personnummer']);
          return [`${p.slice(0, 8)}-${p.slice(8)}`, r['Avser månad'], Math.round((r['Belopp'] as number) * 100)].join('|');
        })
        .sort();
      expect(keys).toEqual(sheetKeys(may));
      expect(rows.some((r) => r['Namn'] === 'Åsa Öberg-Ekström')).toBe(true);
    },
    180000,
  );
});

describe('what the export refuses, and the file it writes', () => {
  /** A copy of May's workbook with some cells of its Faktura sheet changed. */
  async function editedMay(name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at(MAY));
    edit(wb.getWorksheet('Faktura 2025-05')!);
    await wb.xlsx.writeFile(at(name));
    return at(name);
  }

  it('refuses with exit 1, naming every cell that stands in the way; no file, no temporary file', async () => {
    const input = await editedMay('trasig.xlsx', (ws) => {
      ws.getCell('I2').value = '239 kr';
      ws.getCell('A3').value = '19390909-0001';
      ws.getCell('D4').value = 'Frukost';
    });
    const r = await cli('export', [
      '--in',
      input,
      '--month',
      '2025-05',
      '--settings',
      at('export.xlsx'),
      '--out',
      at('vägrad.txt'),
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('Exporten gjordes inte');
    expect(r.err).toContain('Faktura 2025-05, cell I2 ("239 kr")');
    expect(r.err).toContain('Faktura 2025-05, cell A3 ("19390909-0001")');
    expect(r.err).toContain('Faktura 2025-05, cell D4 ("Frukost")');
    expect(existsSync(at('vägrad.txt'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never overwrites without --force; with it the file is replaced whole; a refusal keeps the old file', async () => {
    writeFileSync(at('befintlig.txt'), 'tidigare underlag\r\n');
    const before = sha(at('befintlig.txt'));
    const refused = await cli('export', exportArgs('befintlig.txt'));
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('finns redan') });
    expect(refused.err).toContain('--force');
    expect(sha(at('befintlig.txt'))).toBe(before);

    // Not even --force writes over the invoice workbook it reads.
    const self = await cli('export', [...exportArgs('x.txt').slice(0, -2), '--out', at(MAY), '--force']);
    expect(self).toMatchObject({ code: 1, err: expect.stringContaining('samma fil som --in') });

    await run('export', exportArgs('befintlig.txt', '--force'));
    expect(readFileSync(at('befintlig.txt'), 'latin1').startsWith('!VT-avgifter')).toBe(true);

    const replaced = sha(at('befintlig.txt'));
    const broken = await editedMay('trasig2.xlsx', (ws) => {
      ws.getCell('I2').value = 'mycket';
    });
    const r = await cli('export', [
      '--in',
      broken,
      '--month',
      '2025-05',
      '--settings',
      at('export.xlsx'),
      '--out',
      at('befintlig.txt'),
      '--force',
    ]);
    expect(r.code).toBe(1);
    expect(sha(at('befintlig.txt'))).toBe(replaced);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a sheet the reviewer sorted, filtered and gave a column exports the same lines', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at(MAY));
    const rows: unknown[][] = [];
    wb.getWorksheet('Faktura 2025-05')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [header, ...lines] = rows;
    const out = new ExcelJS.Workbook();
    const ws = out.addWorksheet('Faktura 2025-05');
    ws.addRow(['Granskad', ...header!]);
    for (const l of lines.reverse()) ws.addRow(['OK', ...l]);
    ws.autoFilter = 'A1:N1';
    ws.getRow(3).hidden = true;
    await out.xlsx.writeFile(at('granskad.xlsx'));
    await run('export', [
      '--in',
      at('granskad.xlsx'),
      '--month',
      '2025-05',
      '--settings',
      at('export.xlsx'),
      '--out',
      at('granskad.csv'),
      '--format',
      'csv',
    ]);
    const [h, ...csv] = parseCsv(readFileSync(at('granskad.csv')).subarray(3).toString('utf8'));
    const keys = csv.map((r) => {
      const p = r[h!.indexOf('Personnummer')]!;
      return [`${p.slice(0, 8)}-${p.slice(8)}`, r[h!.indexOf('Avser månad')], ore(r[h!.indexOf('Belopp')]!)].join('|');
    });
    expect(keys.sort()).toEqual(sheetKeys(may));
  });

  it('without an Export sheet it says how to make one; the template is one to fill in', async () => {
    const missing = await cli('export', ['--in', at(MAY), '--month', '2025-05', '--out', at('x.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Bladet "Export" med konteringen finns inte');
    expect(missing.err).toContain('npm run export -- --template');

    const made = await run('export', ['--template', at('mall.xlsx')]);
    expect(made.out).toContain('--settings');
    const template = await cli('export', [
      '--in',
      at(MAY),
      '--month',
      '2025-05',
      '--settings',
      at('mall.xlsx'),
      '--out',
      at('x.txt'),
    ]);
    expect(template.code).toBe(1);
    expect(template.err).toMatch(/Export, cell C\d: Konto saknas för Månadsavgift/);
    expect((await cli('export', ['--template', at('mall.xlsx')])).err).toContain('finns redan');
  });

  it('a month without its sheet, and bad arguments (exit 2)', async () => {
    const april = await cli(
      'export',
      exportArgs('april.txt').map((a) => (a === '2025-05' ? '2025-04' : a)),
    );
    expect(april.code).toBe(1);
    expect(april.err).toContain('Bladet "Faktura 2025-04" finns inte');
    expect(april.err).toContain('"Faktura 2025-05"');
    const format = await cli('export', exportArgs('f.txt', '--format', 'xml'));
    expect(format).toMatchObject({ code: 2, err: expect.stringContaining('--format kan inte vara "xml"') });
    const out = await cli('export', ['--in', at(MAY), '--month', '2025-05']);
    expect(out).toMatchObject({ code: 2, err: expect.stringContaining('--out') });
  });
});
