// §10 CSV read back by LibreOffice (an independent reader, as a finance department opens it):
// ";" separated, UTF-8 with BOM, Swedish decimal comma; amounts come back as numbers.
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportInvoiceSheet } from '../../../src/engine/index.js';
import { exportSheet, fakturaSheet, ore, sampleLines, TODAY } from './fixtures.js';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
// CI installs LibreOffice; on a machine without it the test says so and skips.
const describeIf = hasSoffice || process.env.CI ? describe : describe.skip;

describeIf('CSV read back by LibreOffice', () => {
  it('has the sheet lines: personnummer, names with ; and quotes, months and amounts as numbers', async () => {
    const lines = sampleLines();
    lines[0]!.Namn = 'Berg; "Bosse" Åsa';
    lines[1]!.Namn = 'Berg; "Bosse" Åsa';
    const result = exportInvoiceSheet(fakturaSheet(lines), exportSheet(), { today: TODAY, format: 'csv' });
    if (!result.ok) throw new Error(result.refusals[0]!.message);
    const dir = mkdtempSync(join(tmpdir(), 'vt-export-lo-'));
    const csv = join(dir, 'underlag.csv');
    writeFileSync(csv, result.bytes);
    // Separator ;, text delimiter ", UTF-8, from line 1, column 1 as text, Swedish (1053) numbers.
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/lo-profile`,
        '--infilter=CSV:59,34,76,1,1/2,1053',
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        csv,
      ],
      { stdio: 'ignore', timeout: 240000 },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'underlag.xlsx'));
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]!.slice(0, 8)).toEqual([
      'Personnummer',
      'Namn',
      'Fakturamånad',
      'Avser månad',
      'Text',
      'Antal',
      'À-pris',
      'Belopp',
    ]);
    const shown = lines.filter((l) => l.Namn !== 'Dagny Ek'); // the zero-sum person has no invoice
    expect(rows.slice(1).map((r) => [r[0], r[1], ore(r[7] as number)])).toEqual(
      shown.map((l) => [String(l.Personnummer).replace('-', ''), l.Namn, ore(l.Belopp as number)]),
    );
    expect(rows.slice(1).reduce((n, r) => n + ore(r[7] as number), 0)).toBe(result.summary.sheetTotalOre);
  }, 300000);
});
