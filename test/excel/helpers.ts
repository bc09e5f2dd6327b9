// Shared set-up for the adapter tests: fake workbooks, a register snapshot, a progress log.
import { benchRegister, REGISTER_HEADERS } from '../../examples/synthetic.js';
import { createExcelWorkbook } from '../../src/excel/index.js';
import { createFakeExcel, excelNamespace, toSerial, type FakeExcel, type FakeExcelOptions } from '../fakes/excel-fake.js';
import type { ProgressReport } from '../../src/workbook/index.js';

export { REGISTER_HEADERS };

/** Synthetic register rows as Excel stores them: dates as serial numbers, empty cells as "". */
export function registerRows(rows: number, seed = 7): (string | number)[][] {
  return benchRegister(rows, seed).map((row) => row.map((v) => (v instanceof Date ? toSerial(v) : v === null ? '' : v)));
}

export function workbook(
  sheets: Record<string, unknown[][]>,
  options?: FakeExcelOptions,
): { fake: FakeExcel; actions: ReturnType<typeof createExcelWorkbook> } {
  const fake = createFakeExcel(sheets, options);
  return { fake, actions: createExcelWorkbook(excelNamespace(fake)) };
}

/** Everything the adapter could change on a sheet: values, formats, fills, widths, frozen rows. */
export function snapshot(fake: FakeExcel, sheet: string): string {
  const values = fake.values(sheet);
  const width = values[0]?.length ?? 0;
  // All fills at once (the fake keeps them in one map); per-cell look-ups are slow at 10^6 cells.
  const model = fake.model.sheetByName(sheet) as unknown as { fills: Map<number, string> };
  return JSON.stringify({
    name: fake.sheetNames().find((n) => n.toLowerCase() === sheet.toLowerCase()),
    values,
    formats: fake.numberFormats(sheet),
    fills: [...model.fills],
    widths: Array.from({ length: width }, (_, c) => fake.columnWidth(sheet, c)),
    frozen: fake.frozenRows(sheet),
    tables: fake.tables().filter((t) => t.sheet === sheet),
  });
}

export function progressLog(): { report: ProgressReport; fractions: number[]; texts: string[] } {
  const fractions: number[] = [];
  const texts: string[] = [];
  return {
    report: (f, t) => {
      fractions.push(f);
      texts.push(t);
    },
    fractions,
    texts,
  };
}

/** Syncs, largest request/response and failed syncs since the last reset. */
export function stats(fake: FakeExcel): { syncs: number; maxRequest: number; maxResponse: number; failed: number } {
  return {
    syncs: fake.syncCount,
    maxRequest: fake.maxRequestBytes,
    maxResponse: fake.maxResponseBytes,
    failed: fake.requests.filter((r) => r.error !== undefined).length,
  };
}
