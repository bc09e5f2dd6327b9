// The bundled example workbook is what examples/make-example.ts writes, and what README's
// walk-through and `npm run demo:rattelser` rely on: the corrections person on row 449 and an
// Export sheet whose kontering is complete.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO_PERSON, EXAMPLE_PATH } from '../../examples/make-example.js';
import { readExportSheet } from '../../src/engine/index.js';
import { openWorkbookFile } from '../../src/cli/xlsxRead.js';

describe('examples/enhetsregister-exempel.xlsx', () => {
  it('has the walk-through person on the row README names, with an alarm since 2024-06-01 and no end date', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE_PATH);
    const ws = wb.getWorksheet('Enhetsregister')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const row = ws.getRow(449);
    const cell = (h: string) => row.getCell(header.indexOf(h)).value;
    expect([cell('Personnummer'), cell('Namn'), cell('Tjänst'), cell('Avslutad')]).toEqual([
      DEMO_PERSON.pnr,
      DEMO_PERSON.name,
      'Trygghetslarm',
      null,
    ]);
    expect((cell('Installerad') as Date).toISOString().slice(0, 10)).toBe('2024-06-01');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Enhetsregister', 'Övriga avgifter', 'Avgiftsutrymme', 'Taxa', 'Export']);
  });

  it('has an Export sheet with kontering for every line kind', async () => {
    const book = await openWorkbookFile(EXAMPLE_PATH, EXAMPLE_PATH);
    const reading = readExportSheet(await book.sheet('Export'));
    expect(reading.ok).toBe(true);
    if (reading.ok)
      expect(reading.config.kontering.map((k) => [k.kind, k.codes.account])).toEqual([
        ['Månadsavgift', '3542'],
        ['Installationsavgift', '3543'],
        ['Ersättning teknik', '3590'],
        ['Reduktion högkostnadsskydd', '3542'],
      ]);
  });
});
