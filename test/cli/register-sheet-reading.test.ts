// The command line finds and reads the register sheet the way the engine reads it (spec §4):
// the header row is the first row of the used range, cells read through plainCellValue.
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInvoice } from '../../src/cli/invoice.js';
import { plainCellValue } from '../../src/cli/xlsxRead.js';
import { date, syntheticPnr } from '../../examples/synthetic.js';
import { dayFromYmd, RunError } from '../../src/engine/index.js';

const dir = mkdtempSync(join(tmpdir(), 'vt-cli-sheet-'));
const PNR = syntheticPnr(dayFromYmd(1950, 1, 1), 811);
const MARCH = { year: 2025, month: 3 };

async function billedTotal(path: string): Promise<number> {
  const out = `${path}.faktura.xlsx`;
  const outcome = await runInvoice({ input: path, month: MARCH, output: out, force: true });
  return outcome.result.total.toNumber();
}

describe('register sheet not named Enhetsregister (spec §4, issue 2 --sheet default)', () => {
  it('skips a first row holding only empty strings, as the used range does', async () => {
    const path = join(dir, 'banner.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.getCell('A1').value = '';
    ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    ws.getRow(2).values = ['Personnummer', 'Tjänst', 'Installerad'];
    ws.getRow(3).values = [PNR, 'Trygghetslarm', date('2024-01-01')];
    await wb.xlsx.writeFile(path);
    expect(await billedTotal(path)).toBe(239);
  });

  it('recognises header cells that are formulas or rich text', async () => {
    const path = join(dir, 'formula-headers.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Register');
    ws.getCell('A1').value = { formula: '"Personnummer"', result: 'Personnummer' } as ExcelJS.CellFormulaValue;
    ws.getCell('B1').value = { richText: [{ text: 'Tjä' }, { text: 'nst', font: { bold: true } }] };
    ws.getCell('C1').value = 'Installerad';
    ws.getRow(2).values = [PNR, 'Trygghetslarm', date('2024-01-01')];
    await wb.xlsx.writeFile(path);
    expect(await billedTotal(path)).toBe(239);
  });
});

describe('several sheets that fit as a register (issue 9 item 4)', () => {
  it('none named Enhetsregister: refused, listing the candidates and --sheet; with --sheet the named one is billed', async () => {
    const path = join(dir, 'two-years.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Register 2024').addRows([
      ['Personnummer', 'Tjänst', 'Installerad'],
      [PNR, 'Trygghetslarm', date('2024-01-01')],
    ]);
    wb.addWorksheet('Register 2025').addRows([
      ['Personnummer', 'Tjänst', 'Installerad'],
      [PNR, 'Larmknapp sammanboende', date('2024-01-01')],
    ]);
    await wb.xlsx.writeFile(path);
    const run = runInvoice({ input: path, month: MARCH, output: `${path}.out.xlsx`, force: true });
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(run).rejects.toThrow(/"Register 2024", "Register 2025"/);
    await expect(run).rejects.toThrow(/--sheet/);
    const named = await runInvoice({
      input: path,
      month: MARCH,
      output: `${path}.out.xlsx`,
      force: true,
      sheet: 'Register 2025',
    });
    expect(named.result.total.toNumber()).toBe(40);
  });
});

describe('cells the command line hands to the engine', () => {
  it('a formula without a computed value is shown as the formula, never "[object Object]"', () => {
    expect(plainCellValue({ formula: 'DATE(2025,3,12)' })).toBe('=DATE(2025,3,12)');
    expect(plainCellValue({ sharedFormula: 'E2' })).toBe('=E2');
    expect(plainCellValue({ formula: 'DATE(2025,3,12)', result: date('2025-03-12') })).toEqual(date('2025-03-12'));
  });

  it('refuses a register whose formulas were never calculated, naming the cell and what to do (issue 9 item 11)', async () => {
    const path = join(dir, 'uncalculated.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Enhetsregister');
    ws.getRow(1).values = ['Personnummer', 'Tjänst', 'Installerad'];
    ws.getRow(2).values = [PNR, 'Trygghetslarm'];
    ws.getCell('C2').value = { formula: 'DATE(2025,3,12)' } as ExcelJS.CellFormulaValue;
    ws.getRow(3).values = [PNR, 'Larmknapp'];
    ws.getCell('C3').value = { formula: 'DATE(2025,3,1)' } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(path);
    const run = runInvoice({ input: path, month: MARCH, output: `${path}.out.xlsx`, force: true });
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(run).rejects.toThrow(
      /har inte räknats om: formeln i bladet "Enhetsregister", cell C2 \(=DATE\(2025,3,12\)\) och 1 till saknar beräknat värde .*Öppna filen i Excel, spara den/,
    );
    await expect(run).rejects.not.toThrow(/Datumet/);
  });

  it('reads a formula that computed "" or 0 as that value, not as uncalculated', async () => {
    const path = join(dir, 'helper-formulas.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Enhetsregister');
    ws.getRow(1).values = ['Personnummer', 'Tjänst', 'Installerad', 'Hjälp', 'Noll'];
    ws.getRow(2).values = [PNR, 'Trygghetslarm', date('2024-01-01')];
    ws.getCell('D2').value = { formula: 'IF(A2="","",A2)', result: '' } as ExcelJS.CellFormulaValue;
    ws.getCell('E2').value = { formula: 'A9*0', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('C3').value = { formula: 'DATE(2024,1,1)', result: date('2024-01-01') } as ExcelJS.CellFormulaValue;
    ws.getCell('C3').numFmt = 'yyyy-mm-dd';
    ws.getCell('A3').value = PNR;
    ws.getCell('B3').value = 'Larmknapp';
    await wb.xlsx.writeFile(path);
    expect(await billedTotal(path)).toBe(279);
  });
});

describe('--out in a folder that does not exist', () => {
  it('is refused with a Swedish message, not a raw ENOENT', async () => {
    const path = join(dir, 'ok.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Enhetsregister').addRows([
      ['Personnummer', 'Tjänst', 'Installerad'],
      [PNR, 'Trygghetslarm', date('2024-01-01')],
    ]);
    await wb.xlsx.writeFile(path);
    const run = runInvoice({ input: path, month: MARCH, output: join(dir, 'saknas', 'f.xlsx'), force: false });
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(run).rejects.toThrow(/Mappen .* finns inte/);
  });
});
