// An independent reader: LibreOffice converts our invoice to CSV, showing what a real
// spreadsheet program sees (numbers shown with the krona format, text kept as text).
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInvoice } from '../../src/cli/invoice.js';
import { date, syntheticPnr } from '../../examples/synthetic.js';
import { dayFromYmd, sheetGrid, summarySheet } from '../../src/engine/index.js';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
// CI installs LibreOffice (.ci/run); on a developer machine without it the test says so and skips.
const describeIf = hasSoffice || process.env.CI ? describe : describe.skip;

describeIf('invoice read back by LibreOffice', () => {
  it('shows amounts as krona-formatted numbers and a formula-looking name as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vt-lo-'));
    const input = join(dir, 'register.xlsx');
    const pnr = syntheticPnr(dayFromYmd(1938, 6, 6), 55);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Enhetsregister');
    ws.addRows([
      ['Personnummer', 'Namn', 'Tjänst', 'Installerad', 'Avslutad', 'Återlämning', 'Kostnad'],
      [pnr, '=1+1', 'Trygghetslarm', date('2025-03-12'), null, null, null],
      [pnr, '=1+1', 'Larmknapp', date('2020-01-01'), date('2025-03-02'), 'Obrukbar', 1250.5],
    ]);
    await wb.xlsx.writeFile(input);
    const out = join(dir, 'faktura.xlsx');
    const { result, corrections } = await runInvoice({ input, month: { year: 2025, month: 3 }, output: out, force: false });

    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/lo-profile`,
        '--convert-to',
        // Token 12 = -1: every sheet to its own file, faktura-<sheet>.csv.
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
        '--outdir',
        dir,
        out,
      ],
      { stdio: 'ignore', timeout: 120000 },
    );
    const csv = readFileSync(join(dir, 'faktura-Faktura 2025-03.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'Personnummer,Namn,Månad,Typ,Tjänst,Enhets-ID,Antal,À-pris,Belopp,Högkostnadsskydd,Regel,Källa,Förklaring',
    );
    const cells = csv.slice(1).map((l) => l.split(','));
    // Månadsavgift 239, larmknapp 40, installation 200, replacement 1 250,50.
    expect(cells.map((c) => c[3])).toEqual(['Månadsavgift', 'Månadsavgift', 'Installationsavgift', 'Ersättning teknik']);
    expect(cells.every((c) => c[0] === pnr && c[1] === '=1+1' && c[2] === '2025-03')).toBe(true);
    const shownAmounts = csv.slice(1).map((l) => /(\d[\d\s.,]*\d) kr"?,(Ja|Nej)/.exec(l)?.[1]);
    expect(shownAmounts).toEqual(['239.00', '40.00', '200.00', '1,250.50']);

    // The summary's tables side by side, written without padding cells, read as the same grid.
    const summary = readFileSync(join(dir, 'faktura-Summering 2025-03.csv'), 'utf8').trim().split('\n');
    const grid = sheetGrid(summarySheet(result, corrections));
    expect(summary).toHaveLength(grid.length);
    summary.forEach((line, r) => {
      const cells = [...line.matchAll(/("[^"]*"|[^,]*)(,|$)/g)].map((m) => m[1]!).slice(0, grid[r]!.length);
      grid[r]!.forEach((v, c) => {
        if (v === '') expect(cells[c], `rad ${r + 1} kolumn ${c + 1}`).toBe('');
        else expect(cells[c]).not.toBe('');
      });
    });
  }, 180000);
});
