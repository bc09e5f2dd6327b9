// A 100 000-row register end to end against the strict fake: read, bill, write. Syncs must
// stay a handful, no request or response may pass 5 MB, and the register must not change.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  billWorkbook,
  NUMBER_FORMAT,
  outputSheets,
  parseMonthKey,
  sheetGrid,
  tableColumnOffsets,
  columnLetter,
  type OutputSheet,
  type WorkbookInput,
} from '../../src/engine/index.js';
import { EXCEL_WEB_PAYLOAD_LIMIT, type FakeExcel } from '../fakes/excel-fake.js';
import { progressLog, registerRows, snapshot, stats, workbook } from './helpers.js';

const ROWS = 100_000;

describe(`a ${ROWS}-row register`, () => {
  let fake: FakeExcel;
  let rows: (string | number)[][];
  let input: WorkbookInput;
  let sheets: OutputSheet[];
  let registerBefore: string;
  let read: ReturnType<typeof stats>;
  let write: ReturnType<typeof stats>;
  const readLog = progressLog();
  const writeLog = progressLog();

  beforeAll(async () => {
    rows = registerRows(ROWS);
    const wb = workbook({ Start: [['Välkommen']], Enhetsregister: rows });
    fake = wb.fake;
    registerBefore = snapshot(fake, 'Enhetsregister');

    fake.resetStats();
    input = await wb.actions.readWorkbook('Enhetsregister', readLog.report);
    read = stats(fake);

    sheets = outputSheets(billWorkbook(input, { month: parseMonthKey('2025-03')! }));
    fake.resetStats();
    await wb.actions.writeSheets(sheets, writeLog.report);
    write = stats(fake);

    const mb = (sheets.reduce((n, s) => n + JSON.stringify(sheetGrid(s)).length, 0) / 1e6).toFixed(1);
    console.info(
      `read ${ROWS} rows: ${read.syncs} syncs, largest response ${read.maxResponse} B; ` +
        `write ${sheets.map((s) => `${s.name} (${sheetGrid(s).length} rows)`).join(', ')}, ${mb} MB: ${write.syncs} syncs, largest request ${write.maxRequest} B`,
    );
  }, 120_000);

  it('reads in a handful of syncs, every response under 5 MB, with the values Excel holds', () => {
    expect(read.syncs).toBeLessThanOrEqual(15);
    expect(read.failed).toBe(0);
    expect(read.maxResponse).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(input.register.values.length).toBe(ROWS + 1);
    expect(input.register.values[1]).toEqual(rows[1]);
    expect(input.register.values[ROWS]).toEqual(rows[ROWS]);
    expect(readLog.fractions.at(-1)).toBe(1);
    expect(readLog.fractions).toEqual([...readLog.fractions].sort((a, b) => a - b));
  });

  it('writes in a handful of syncs, every request under 5 MB, in one Excel.run', () => {
    expect(write.syncs).toBeLessThanOrEqual(15);
    expect(write.failed).toBe(0);
    expect(write.maxRequest).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(fake.runCount).toBe(1);
  });

  it('suspends calculation on every sync that writes values', () => {
    const valueSyncs = fake.requests.filter((r) => r.requestBytes > 100_000);
    expect(valueSyncs.length).toBeGreaterThan(0);
    expect(valueSyncs.every((r) => r.suspendedCalculation)).toBe(true);
  });

  it('leaves the register exactly as it was', () => {
    expect(snapshot(fake, 'Enhetsregister')).toBe(registerBefore);
  });

  it('writes every sheet’s grid as the engine laid it out', () => {
    expect(fake.sheetNames()).toEqual(['Start', 'Enhetsregister', 'Faktura 2025-03', 'Summering 2025-03', 'Problem 2025-03']);
    // As JSON: a deep toEqual over 10^6 cells takes seconds.
    for (const sheet of sheets)
      expect(JSON.stringify(fake.values(sheet.name)) === JSON.stringify(sheetGrid(sheet)), sheet.name).toBe(true);
  });

  it('creates one table per output table, freezes headers, sizes columns, activates the invoice', () => {
    expect(fake.tables().map((t) => [t.sheet, t.name, t.address])).toEqual(
      sheets.flatMap((s) => {
        const offsets = tableColumnOffsets(s);
        return s.tables.map((t, i) => [
          s.name,
          t.name,
          `${columnLetter(offsets[i]!)}1:${columnLetter(offsets[i]! + t.columns.length - 1)}${t.rowCount + 1}`,
        ]);
      }),
    );
    for (const s of sheets) expect(fake.frozenRows(s.name)).toBe(1);
    expect(fake.columnWidth('Faktura 2025-03', 12)).toBeGreaterThan(fake.columnWidth('Faktura 2025-03', 6)); // Förklaring vs Antal
    expect(fake.activeSheetName()).toBe('Faktura 2025-03');
  });

  it('stores amounts as numbers with the krona format, counts as integers, text as text', () => {
    const last = sheetGrid(sheets[0]!).length;
    const values = fake.values('Faktura 2025-03', `A${last}:M${last}`)[0]!;
    const formats = fake.numberFormats('Faktura 2025-03', `A${last}:M${last}`)[0]!;
    expect(typeof values[8]).toBe('number');
    expect(formats[8]).toBe(NUMBER_FORMAT.kr);
    expect(formats[6]).toBe(NUMBER_FORMAT.int);
    expect(formats[0]).toBe('@');
    expect(fake.numberFormats('Faktura 2025-03', 'A1:M1')[0]!.every((f) => f === '@')).toBe(true);
  });

  it('reports write progress from 0 to 1, never backwards, naming the sheet', () => {
    expect(writeLog.fractions[0]).toBe(0);
    expect(writeLog.fractions.at(-1)).toBe(1);
    expect(writeLog.fractions).toEqual([...writeLog.fractions].sort((a, b) => a - b));
    expect(writeLog.texts.some((t) => t.includes('Faktura 2025-03'))).toBe(true);
  });
});
