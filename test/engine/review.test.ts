// Granska: reviewInvoice compares a recomputed invoice with the sheet's values cell by cell.
import { describe, expect, it } from 'vitest';
import { invoiceSheet, reviewInvoice, sheetGrid, type OutputCell } from '../../src/engine/index.js';
import type { CellDifference as PortCellDifference } from '../../src/workbook/index.js';
import { bill, P1, P2 } from './helpers.js';

const invoice = () =>
  invoiceSheet(
    bill([
      { Personnummer: P1, Namn: 'Anna Andersson', Tjänst: 'Trygghetslarm', 'Enhets-ID': 'L-1', Installerad: '2025-03-12' },
      { Personnummer: P2, Namn: 'Bo Berg', Tjänst: 'Digitalt lås', Installerad: '2024-01-01' },
    ]),
  );

/** The grid as the sheet holds it, with a change applied to a copy. */
const sheetValues = (edit?: (g: OutputCell[][]) => void): OutputCell[][] => {
  const grid = sheetGrid(invoice()).map((r) => [...r]);
  edit?.(grid);
  return grid;
};

const BELOPP = 8; // column I

describe('reviewInvoice', () => {
  it('finds nothing when the sheet holds exactly the recomputed values', () => {
    expect(reviewInvoice(invoice(), sheetValues())).toEqual([]);
  });

  it('reports a hand-edited amount with A1 address, header, expected and actual', () => {
    const expected = sheetGrid(invoice())[2]![BELOPP] as number;
    const diffs = reviewInvoice(
      invoice(),
      sheetValues((g) => {
        g[2]![BELOPP] = 1;
      }),
    );
    expect(diffs).toEqual([{ address: 'I3', header: 'Belopp', expected, actual: 1 }]);
  });

  it('compares numbers to the öre: floating noise is no difference, one öre is', () => {
    const base = sheetGrid(invoice())[1]![BELOPP] as number;
    expect(
      reviewInvoice(
        invoice(),
        sheetValues((g) => {
          g[1]![BELOPP] = base + 0.0000001;
        }),
      ),
    ).toEqual([]);
    expect(
      reviewInvoice(
        invoice(),
        sheetValues((g) => {
          g[1]![BELOPP] = base + 0.01;
        }),
      ),
    ).toHaveLength(1);
  });

  it("treats '' and null/undefined as the same blank, but a number is not its text", () => {
    const withBlanks = sheetValues().map((row) => row.map((v) => (v === '' ? null : v))) as unknown[][];
    expect(reviewInvoice(invoice(), withBlanks)).toEqual([]);
    const asText = sheetValues((g) => {
      g[1]![BELOPP] = String(g[1]![BELOPP]);
    });
    expect(reviewInvoice(invoice(), asText).map((d) => d.address)).toEqual(['I2']);
  });

  it('reports a missing row as its cells (actual blank) and an extra row likewise', () => {
    const grid = sheetGrid(invoice());
    const last = grid.length; // Excel row number of the last line
    const missing = reviewInvoice(invoice(), grid.slice(0, -1));
    const lastRow = grid.at(-1)!;
    expect(missing.map((d) => d.address)).toEqual(
      lastRow.flatMap((v, c) => (v === '' ? [] : [`${String.fromCharCode(65 + c)}${last}`])),
    );
    expect(missing.every((d) => d.actual === '')).toBe(true);
    expect(missing[0]).toMatchObject({ header: 'Personnummer', expected: lastRow[0] });

    const extra = reviewInvoice(invoice(), [...grid, ['19121212-1212', '', '', 'Extra']]);
    expect(extra).toEqual([
      { address: `A${last + 1}`, header: 'Personnummer', expected: '', actual: '19121212-1212' },
      { address: `D${last + 1}`, header: 'Typ', expected: '', actual: 'Extra' },
    ]);
  });

  it('reports text written in an extra column, under the sheet’s own header', () => {
    const diffs = reviewInvoice(
      invoice(),
      sheetValues((g) => {
        g[0]!.push('Kommentar');
        g[1]!.push('kolla');
      }),
    );
    expect(diffs).toEqual([
      { address: 'N1', header: 'Kommentar', expected: '', actual: 'Kommentar' },
      { address: 'N2', header: 'Kommentar', expected: '', actual: 'kolla' },
    ]);
  });

  it('gives what the task pane shows as CellDifference', () => {
    const diffs: PortCellDifference[] = reviewInvoice(invoice(), []);
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs[0]).toMatchObject({ address: 'A1', header: 'Personnummer', expected: 'Personnummer', actual: '' });
  });

  it('a sheet the reviewer sorted is compared line for line: no difference, and an edit is found where it now stands', () => {
    const grid = sheetGrid(invoice());
    const sorted = [grid[0]!, ...grid.slice(1).reverse()].map((r) => [...r]);
    expect(reviewInvoice(invoice(), sorted)).toEqual([]);
    const expected = sorted[1]![BELOPP] as number;
    sorted[1]![BELOPP] = 5;
    expect(reviewInvoice(invoice(), sorted)).toEqual([{ address: 'I2', header: 'Belopp', expected, actual: 5 }]);
  });

  it('columns are matched by header: a column moved by the reviewer is no difference', () => {
    const grid = sheetGrid(invoice());
    // Förklaring (last column) moved to the front.
    const moved = grid.map((r) => [r.at(-1)!, ...r.slice(0, -1)]);
    expect(reviewInvoice(invoice(), moved)).toEqual([]);
    moved[1]![0] = 'ändrad';
    expect(reviewInvoice(invoice(), moved)).toEqual([
      expect.objectContaining({ address: 'A2', header: 'Förklaring', actual: 'ändrad' }),
    ]);
  });

  it('a line missing from a sorted sheet is reported below the sheet, where it would stand', () => {
    const grid = sheetGrid(invoice());
    const sorted = [grid[0]!, ...grid.slice(2).reverse()];
    const diffs = reviewInvoice(invoice(), sorted);
    expect(diffs.length).toBeGreaterThan(0);
    expect(new Set(diffs.map((d) => d.address.replace(/[A-Z]+/, '')))).toEqual(new Set([String(sorted.length + 1)]));
    expect(diffs.every((d) => d.actual === '')).toBe(true);
    expect(diffs[0]).toMatchObject({ header: 'Personnummer', expected: grid[1]![0] });
  });

  it('a boolean in the sheet is shown as Swedish Excel shows it (SANT), not as TRUE', () => {
    const diffs = reviewInvoice(
      invoice(),
      sheetValues().map((r, i) => (i === 1 ? r.map((v, c) => (c === BELOPP ? true : v)) : r)) as unknown[][],
    );
    expect(diffs).toEqual([expect.objectContaining({ address: 'I2', actual: 'SANT' })]);
  });
});
