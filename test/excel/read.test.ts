// Reading: the register's used range and the side sheets in few syncs, under the 5 MB limit.
import { describe, expect, it } from 'vitest';
import { billWorkbook, parseMonthKey } from '../../src/engine/index.js';
import { readRects } from '../../src/excel/readRange.js';
import { createFakeExcel } from '../fakes/excel-fake.js';
import { REGISTER_HEADERS, registerRows, stats, workbook } from './helpers.js';

const march = { month: parseMonthKey('2025-03')! };

describe('readWorkbook', () => {
  it('the same rows read the same way as the engine reads them from a file', async () => {
    const rows = registerRows(300);
    const { actions } = workbook({ Enhetsregister: rows });
    const input = await actions.readWorkbook('enhetsregister', () => undefined);
    const fromFile = billWorkbook({ register: { name: 'Enhetsregister', values: rows } }, march);
    const fromExcel = billWorkbook(input, march);
    expect(fromExcel.total.toString()).toBe(fromFile.total.toString());
    expect(fromExcel.lines.length).toBe(fromFile.lines.length);
  });

  it('sets firstRow/firstColumn from the used range, so problem rows are the rows Excel shows', async () => {
    const header = ['', '', ...REGISTER_HEADERS];
    const good = ['', '', '19400101-1230', 'Anna', 'Trygghetslarm', 'L-1', 45_658, '', '', '', '', '', ''];
    const bad = ['', '', '19400101-1231', 'Bo', 'Trygghetslarm', 'L-2', 45_658, '', '', '', '', '', ''];
    const { actions } = workbook({ Enhetsregister: [[], [], header, good, bad] });
    const input = await actions.readWorkbook('Enhetsregister', () => undefined);
    expect(input.register).toMatchObject({ firstRow: 3, firstColumn: 2 });
    expect(input.register.values[0]).toEqual(REGISTER_HEADERS);
    const problems = billWorkbook(input, march).problems.filter((p) => p.severity === 'Fel');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 5, cell: 'C5' });
  });

  it('finds the side sheets case-insensitively and leaves out those that are absent', async () => {
    const { actions } = workbook({
      Enhetsregister: [REGISTER_HEADERS],
      'ÖVRIGA AVGIFTER': [
        ['Personnummer', 'Månad', 'Belopp'],
        ['19400101-1230', '2025-03', 100],
      ],
      taxa: [['Gäller från']],
    });
    const input = await actions.readWorkbook('Enhetsregister', () => undefined);
    expect(input.otherFees).toMatchObject({ name: 'ÖVRIGA AVGIFTER', firstRow: 1, firstColumn: 0 });
    expect(input.otherFees?.values).toHaveLength(2);
    expect(input.taxa?.name).toBe('taxa');
    expect(input.ability).toBeUndefined();
  });

  it('says when the workbook counts dates from 1904, and hands over its serials as Excel stores them', async () => {
    // 2025-03-12 is 45728 in the 1900 system and 45728 − 1462 = 44265 in the 1904 system, in a date
    // cell and in a General cell alike: Range.values gives the stored number either way.
    const row = (serial: number) => ['19400101-1230', 'Anna', 'Trygghetslarm', 'L-1', serial, serial, '', '', '', '', ''];
    const sheets = (serial: number) => ({
      Enhetsregister: [REGISTER_HEADERS, row(serial)],
      Taxa: [['Gäller från'], [serial]],
    });
    const numberFormats = { Enhetsregister: [[], [null, null, null, null, 'yyyy-mm-dd', null]] };
    const mac = workbook(sheets(44_265), { date1904: true, numberFormats });
    mac.fake.resetStats();
    const fromMac = await mac.actions.readWorkbook('Enhetsregister', () => undefined);
    expect(fromMac.register.date1904).toBe(true);
    expect(fromMac.taxa?.date1904).toBe(true);
    expect(fromMac.register.values[1]?.slice(4, 6)).toEqual([44_265, 44_265]);

    const windows = workbook(sheets(45_728), { numberFormats });
    windows.fake.resetStats();
    const fromWindows = await windows.actions.readWorkbook('Enhetsregister', () => undefined);
    expect(fromWindows.register.date1904).toBeUndefined();
    expect(fromWindows.taxa?.date1904).toBeUndefined();
    expect(fromWindows.register.values[1]?.slice(4, 6)).toEqual([45_728, 45_728]);
    // The probe rides on the used-range sync: a Mac workbook costs no sync more.
    expect(mac.fake.syncCount).toBe(windows.fake.syncCount);
  });

  it('marks even an empty register of a 1904 workbook', async () => {
    const { actions } = workbook({ Enhetsregister: [] }, { date1904: true });
    const input = await actions.readWorkbook('Enhetsregister', () => undefined);
    expect(input.register).toEqual({ name: 'Enhetsregister', values: [], firstRow: 1, firstColumn: 0, date1904: true });
  });

  it('gives an empty register as no values, and a missing register as a Swedish error', async () => {
    const { actions } = workbook({ Enhetsregister: [], Blad1: [['x']] });
    const input = await actions.readWorkbook('Enhetsregister', () => undefined);
    expect(input.register).toEqual({ name: 'Enhetsregister', values: [], firstRow: 1, firstColumn: 0 });
    await expect(actions.readWorkbook('Register', () => undefined)).rejects.toThrow('Bladet "Register" finns inte i arbetsboken');
  });
});

describe('readRects (chunking)', () => {
  const grid = (rows: number, text: string) => Array.from({ length: rows }, (_, r) => [r, text, r * 2]);

  it('keeps each response under the budget, and syncs grow with bytes, not rows', async () => {
    const budget = 200_000;
    const run = async (rows: number, text: string) => {
      const fake = createFakeExcel({ Data: grid(rows, text) });
      fake.resetStats();
      const out = await fake.run(async (context) =>
        readRects(
          context as unknown as Excel.RequestContext,
          [{ sheet: 'Data', rowIndex: 0, columnIndex: 0, rowCount: rows, columnCount: 3 }],
          { responseBudget: budget },
        ),
      );
      expect(out[0]).toEqual(grid(rows, text));
      const bytes = JSON.stringify(out[0]).length;
      const s = stats(fake);
      expect(s.maxResponse).toBeLessThanOrEqual(budget * 1.1);
      expect(s.failed).toBe(0);
      // About one sync per budget's worth of bytes (estimates carry a 25 % margin), whatever the rows.
      expect(s.syncs).toBeGreaterThanOrEqual(Math.floor(bytes / budget));
      expect(s.syncs).toBeLessThanOrEqual(Math.ceil((1.3 * bytes) / budget) + 1);
      return s.syncs;
    };
    const manyShortRows = await run(40_000, 'a'); // ~17 bytes a row: ~0.7 MB
    const fewLongRows = await run(5_000, 'x'.repeat(100)); // ~115 bytes a row: ~0.6 MB
    expect(Math.abs(manyShortRows - fewLongRows)).toBeLessThanOrEqual(2); // 8 times the rows, same bytes
    expect(await run(10_000, 'x'.repeat(100))).toBeGreaterThan(fewLongRows); // twice the bytes
  });

  it('retries with smaller chunks when the first guess was too large for the response limit', async () => {
    const rows = Array.from({ length: 300 }, (_, r) => [r, 'y'.repeat(2_000)]);
    const fake = createFakeExcel({ Data: rows }, { limits: { responseBytes: 300_000 } });
    const out = await fake.run(async (context) =>
      readRects(
        context as unknown as Excel.RequestContext,
        [{ sheet: 'Data', rowIndex: 0, columnIndex: 0, rowCount: 300, columnCount: 2 }],
        { responseBudget: 1_000_000 },
      ),
    );
    expect(out[0]).toEqual(rows);
    expect(fake.requests.some((r) => r.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
  });

  it('reads several small sheets in one sync', async () => {
    const fake = createFakeExcel({
      A: [
        [1, 2],
        [3, 4],
      ],
      B: [['x']],
      C: [['y', 'z']],
    });
    fake.resetStats();
    const rect = (sheet: string, rowCount: number, columnCount: number) => ({
      sheet,
      rowIndex: 0,
      columnIndex: 0,
      rowCount,
      columnCount,
    });
    const out = await fake.run(async (context) =>
      readRects(context as unknown as Excel.RequestContext, [rect('A', 2, 2), rect('B', 1, 1), rect('C', 1, 2)]),
    );
    expect(out).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [['x']],
      [['y', 'z']],
    ]);
    expect(fake.syncCount).toBe(1);
  });
});

describe('overview, existingSheets, readSheetValues', () => {
  it('lists every sheet with its header row and data rows in two syncs', async () => {
    const { fake, actions } = workbook({
      Tom: [],
      Enhetsregister: [[], ['', ...REGISTER_HEADERS], ['', '19400101-1230'], ['', '19351224-3332']],
      Taxa: [['Gäller från'], [45_658]],
    });
    fake.resetStats();
    const o = await actions.overview();
    expect(o.sheets).toEqual([
      { name: 'Tom', headers: [], rowCount: 0 },
      { name: 'Enhetsregister', headers: REGISTER_HEADERS, rowCount: 2 },
      { name: 'Taxa', headers: ['Gäller från'], rowCount: 1 },
    ]);
    expect(o.hasTaxaSheet).toBe(true);
    expect(fake.syncCount).toBe(2);
  });

  it('says which of the given names exist (case-insensitively, as Excel)', async () => {
    const { actions } = workbook({ Enhetsregister: [['x']], 'faktura 2025-03': [['y']] });
    expect(await actions.existingSheets(['Faktura 2025-03', 'Summering 2025-03'])).toEqual(['Faktura 2025-03']);
  });

  it('reads a sheet from A1 to its last used cell; undefined when missing', async () => {
    const { actions } = workbook({ Blad: [[], ['', 'a', 1]] });
    expect(await actions.readSheetValues('blad')).toEqual([
      ['', '', ''],
      ['', 'a', 1],
    ]);
    expect(await actions.readSheetValues('Saknas')).toBeUndefined();
  });

  it('gives TRUE/FALSE cells as Swedish Excel shows them, since Granska lists them', async () => {
    const { actions } = workbook({ Blad: [[true, false, 'TRUE']] });
    expect(await actions.readSheetValues('Blad')).toEqual([['SANT', 'FALSKT', 'TRUE']]);
  });
});
