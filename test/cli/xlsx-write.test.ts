// The .xlsx writer writes cells where values stand: the summary's tables side by side must not
// pad the shorter ones with empty styled cells (issue 8, speed: ~850 000 of them at 250 000 rows).
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFileAtomically } from '../../src/cli/outputFile.js';
import { writeOutputWorkbook } from '../../src/cli/xlsxWrite.js';
import { date, syntheticPnr } from '../../examples/synthetic.js';
import { billWorkbook, dayFromYmd, outputSheets, sheetGrid, type SheetCells } from '../../src/engine/index.js';

const MARCH = { year: 2025, month: 3 };

describe('writing output sheets', () => {
  // One person: the summary's later tables are taller than the first, so rows start empty.
  it.each([1, 200])('writes no cell where the grid is empty, and every value where it is not (%i persons)', async (persons) => {
    const register: SheetCells = {
      name: 'Enhetsregister',
      values: [
        ['Personnummer', 'Tjänst', 'Installerad'],
        ...Array.from({ length: persons }, (_, i) => [
          syntheticPnr(dayFromYmd(1930 + (i % 50), 1 + (i % 12), 1 + (i % 28)), i),
          'Trygghetslarm',
          date('2025-03-10'),
        ]),
      ],
      firstRow: 1,
      firstColumn: 0,
    };
    const sheets = outputSheets(billWorkbook({ register }, { month: MARCH }));
    const path = join(mkdtempSync(join(tmpdir(), 'vt-write-')), 'faktura.xlsx');
    await replaceFileAtomically(path, (out) => writeOutputWorkbook(out, sheets));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    for (const sheet of sheets) {
      const grid = sheetGrid(sheet);
      const ws = wb.getWorksheet(sheet.name)!;
      let cells = 0;
      // The worksheet model lists the cells the file holds (the row API would make up the gaps).
      const { rows } = ws.model as unknown as { rows: { cells: { address: string; value?: unknown }[] }[] };
      for (const row of rows) {
        for (const cell of row.cells) {
          cells++;
          const { row: r, col: c } = ws.getCell(cell.address).fullAddress;
          // A written cell holds what the grid holds there; an empty one was written for nothing.
          expect(cell.value ?? null, `${sheet.name} ${cell.address}`).not.toBeNull();
          expect(cell.value).toBe(grid[r - 1]![c - 1]);
        }
      }
      expect(cells).toBe(grid.flat().filter((v) => v !== '').length);
    }
  });
});
