// Tests of the Excel fake itself: it must be as strict as Office.js where the adapter could go
// wrong (unloaded reads, queued writes, payload limits), or adapter tests against it prove little.
import { describe, expect, it } from 'vitest';
import {
  EXCEL_WEB_PAYLOAD_LIMIT,
  FakeOfficeError,
  createFakeExcel,
  excelNamespace,
  installFakeOffice,
  toSerial,
} from './excel-fake.js';

const register = () =>
  createFakeExcel({
    Register: [
      ['Personnummer', 'Namn', 'Tjänst', 'Startdatum'],
      ['19121212-1212', 'Tolvan Tolvansson', 'Trygghetslarm', new Date(Date.UTC(2025, 0, 15))],
      ['19400101-0000', 'Anna Andersson', 'Digitalt lås', new Date(Date.UTC(2024, 11, 1))],
    ],
    Taxa: [['Belopp'], [239]],
  });

/** Expects a promise (or function) to fail with a fake Office error of the given code. */
async function expectCode(action: Promise<unknown> | (() => unknown), code: string): Promise<FakeOfficeError> {
  let caught: unknown;
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(FakeOfficeError);
  expect((caught as FakeOfficeError).code).toBe(code);
  return caught as FakeOfficeError;
}

describe('reading properties', () => {
  it('throws PropertyNotLoaded before load + sync, like Office.js', async () => {
    const fake = register();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Register');
      const range = sheet.getRange('A1:B2');
      await expectCode(() => range.values, 'PropertyNotLoaded');
      await expectCode(() => sheet.name, 'PropertyNotLoaded');
      range.load('values');
      await expectCode(() => range.values, 'PropertyNotLoaded'); // loaded, but not synced yet
      await context.sync();
      expect(range.values).toEqual([
        ['Personnummer', 'Namn'],
        ['19121212-1212', 'Tolvan Tolvansson'],
      ]);
      await expectCode(() => range.address, 'PropertyNotLoaded'); // only what was loaded
      await expectCode(() => sheet.name, 'PropertyNotLoaded');
    });
  });

  it('loads several properties, paths through navigation properties, and collection items', async () => {
    const fake = register();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Register').getRange('B2:C3');
      range.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'format/columnWidth']);
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      expect(range.address).toBe('Register!B2:C3');
      expect([range.rowIndex, range.columnIndex, range.rowCount, range.columnCount]).toEqual([1, 1, 2, 2]);
      expect(range.format.columnWidth).toBe(48);
      expect(sheets.items.map((s) => s.name)).toEqual(['Register', 'Taxa']);
      await expectCode(() => sheets.items[0]?.position, 'PropertyNotLoaded');
    });
  });

  it('rejects load() of a property the fake does not know, so typos fail loudly', async () => {
    const fake = register();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Register').getRange('A1');
      await expectCode(() => range.load('valuez'), 'InvalidArgument');
    });
  });

  it('returns raw values: dates as serial numbers, empty cells as empty strings', async () => {
    const fake = register();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Register').getRange('D2:E2');
      range.load('values, numberFormat, text, valueTypes');
      await context.sync();
      const serial = toSerial(new Date(Date.UTC(2025, 0, 15)));
      expect(serial).toBe(45672);
      expect(range.values).toEqual([[45672, '']]);
      expect(range.numberFormat).toEqual([['yyyy-mm-dd', 'General']]);
      expect(range.text).toEqual([['2025-01-15', '']]);
      expect(range.valueTypes).toEqual([['Double', 'Empty']]);
    });
  });
});

describe('writes and syncs', () => {
  it('queues writes and applies them at sync, counting every sync', async () => {
    const fake = register();
    fake.resetStats();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Taxa');
      sheet.getRange('A2').values = [[250]];
      expect(fake.values('Taxa', 'A2')).toEqual([[239]]); // not yet sent
      await context.sync();
      expect(fake.values('Taxa', 'A2')).toEqual([[250]]);
      await context.sync();
    });
    expect(fake.syncCount).toBe(2); // no pending work, so no extra final sync
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Taxa').getRange('A3').values = [[1]];
    });
    expect(fake.syncCount).toBe(3); // Excel.run's own final sync sent the pending write
    expect(fake.runCount).toBe(2);
    expect(fake.values('Taxa')).toEqual([['Belopp'], [250], [1]]);
  });

  it('records request bytes as the JSON of the queued values and number formats', async () => {
    const fake = createFakeExcel({ Blad1: [] });
    fake.resetStats();
    const rows = [['åäö', 1]];
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Blad1').getRange('A1:B1');
      range.numberFormat = [['@', '0']];
      range.values = rows;
      await context.sync();
    });
    const [req] = fake.requests;
    const minimum = JSON.stringify(rows).length + 3 /* å, ä, ö are two bytes */ + JSON.stringify([['@', '0']]).length;
    expect(req?.requestBytes).toBeGreaterThan(minimum);
    expect(req?.requestBytes).toBeLessThan(minimum + 200);
    expect(fake.maxRequestBytes).toBe(req?.requestBytes);
  });

  it('rejects a request over 5 MB with RequestPayloadSizeLimitExceeded and applies none of it', async () => {
    const fake = createFakeExcel({ Blad1: [] });
    const row = ['x'.repeat(1000)];
    const big = Array.from({ length: 5_100 }, () => row);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.getRange('C1').values = [['before']];
      sheet.getRangeByIndexes(0, 0, big.length, 1).values = big;
      await expectCode(context.sync(), 'RequestPayloadSizeLimitExceeded');
    });
    expect(fake.values('Blad1')).toEqual([]);
    const failed = fake.requests.at(-1);
    expect(failed?.requestBytes).toBeGreaterThan(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(failed?.error).toBe('RequestPayloadSizeLimitExceeded');
  });

  it('rejects a response over 5 MB with ResponsePayloadSizeLimitExceeded; smaller loads pass', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [
      `1940${String(i).padStart(6, '0')}-1234`,
      'Namn Namnsson',
      'Trygghetslarm',
      45000 + (i % 300),
      239,
    ]);
    const fake = createFakeExcel({ Register: rows });
    fake.resetStats();
    await fake.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Register').getUsedRange(true).load('values');
      await expectCode(context.sync(), 'ResponsePayloadSizeLimitExceeded');
      await expectCode(() => used.values, 'PropertyNotLoaded');
      const half = context.workbook.worksheets.getItem('Register').getRangeByIndexes(0, 0, 50_000, 5).load('values');
      await context.sync();
      expect(half.values).toHaveLength(50_000);
    });
    const [tooBig, ok] = fake.requests;
    expect(tooBig?.responseBytes).toBeGreaterThan(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(tooBig?.error).toBe('ResponsePayloadSizeLimitExceeded');
    expect(ok?.responseBytes).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(fake.maxResponseBytes).toBe(tooBig?.responseBytes); // failed attempts count too
  });

  it('rejects a values array whose shape does not match the range', async () => {
    const fake = createFakeExcel({ Blad1: [] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('A1:B2').values = [[1, 2]];
      const err = await expectCode(context.sync(), 'InvalidArgument');
      expect(err.message).toMatch(/1x2 but the range is 2x2/);
    });
  });

  it('keeps earlier actions of a failing sync applied and drops the rest, like Excel', async () => {
    const fake = createFakeExcel({ Blad1: [] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.getRange('A1').values = [['först']];
      context.workbook.worksheets.getItem('Saknas').getRange('A1').values = [['x']];
      sheet.getRange('A2').values = [['sist']];
      await expectCode(context.sync(), 'ItemNotFound');
    });
    expect(fake.values('Blad1')).toEqual([['först']]);
  });

  it("parses text written to General cells like Excel; '@' formats written first keep text", async () => {
    const fake = createFakeExcel({ Blad1: [] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.getRange('A1:C1').values = [['0123', '2025-02-01', 'TRUE']];
      const kept = sheet.getRange('A2:C2');
      kept.numberFormat = [['@', '@', '@']];
      kept.values = [['0123', '2025-02-01', 'TRUE']];
      await context.sync();
    });
    expect(fake.values('Blad1')).toEqual([
      [123, toSerial(new Date(Date.UTC(2025, 1, 1))), true],
      ['0123', '2025-02-01', 'TRUE'],
    ]);
    expect(fake.numberFormats('Blad1', 'B1')).toEqual([['yyyy-mm-dd']]);
  });

  it('refuses formulas instead of storing them as text', async () => {
    const fake = createFakeExcel({ Blad1: [] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('A1').values = [['=SUM(1,2)']];
      await expectCode(context.sync(), 'NotImplemented');
    });
  });
});

describe('worksheets', () => {
  it('surfaces a missing sheet at sync, and *OrNullObject as isNullObject', async () => {
    const fake = register();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Faktura 2025-01');
      const present = context.workbook.worksheets.getItemOrNullObject('register'); // case-insensitive
      await expectCode(() => missing.isNullObject, 'PropertyNotLoaded');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      context.workbook.worksheets.getItem('Faktura 2025-01').load('name');
      await expectCode(context.sync(), 'ItemNotFound');
    });
  });

  it('adds, renames, activates, deletes and validates names like Excel', async () => {
    const fake = register();
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add('Faktura 2025-01');
      added.activate();
      await context.sync();
      sheets.add('faktura 2025-01');
      await expectCode(context.sync(), 'ItemAlreadyExists');
      sheets.add('Faktura: januari');
      await expectCode(context.sync(), 'InvalidArgument');
      added.name = 'Faktura 2025-02';
      const active = sheets.getActiveWorksheet().load('name');
      await context.sync();
      expect(active.name).toBe('Faktura 2025-02');
      added.delete();
      await context.sync();
      added.getRange('A1').values = [[1]];
      await expectCode(context.sync(), 'ItemNotFound');
    });
    expect(fake.sheetNames()).toEqual(['Register', 'Taxa']);
  });

  it('gives the used range (A1 on an empty sheet) and a null object from getUsedRangeOrNullObject', async () => {
    const fake = createFakeExcel({ Tom: [], Data: [[], ['', '', 'x']] });
    await fake.run(async (context) => {
      const empty = context.workbook.worksheets.getItem('Tom').getUsedRange().load('address');
      const nothing = context.workbook.worksheets.getItem('Tom').getUsedRangeOrNullObject(true);
      const data = context.workbook.worksheets.getItem('Data').getUsedRange(true).load('address, values');
      await context.sync();
      expect(empty.address).toBe('Tom!A1');
      expect(nothing.isNullObject).toBe(true);
      expect(data.address).toBe('Data!C2');
      expect(data.values).toEqual([['x']]);
    });
  });

  it('gives one row of a range with getRow, and refuses a row outside it', async () => {
    const fake = createFakeExcel({ Data: [[], ['', 'a', 'b'], ['', 1, 2]] });
    await fake.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Data').getUsedRange(true);
      const header = used.getRow(0).load('address, values');
      const last = used.getRow(1).load('values');
      await context.sync();
      expect(header.address).toBe('Data!B2:C2');
      expect(header.values).toEqual([['a', 'b']]);
      expect(last.values).toEqual([[1, 2]]);
      used.getRow(2).load('values');
      await expectCode(context.sync(), 'InvalidArgument');
    });
  });

  it('quotes sheet names in addresses when Excel would', async () => {
    const fake = createFakeExcel({ 'Övriga avgifter': [[1]], Taxa: [[1]] });
    await fake.run(async (context) => {
      const a = context.workbook.worksheets.getItem('Övriga avgifter').getRange('A1:B2').load('address');
      const b = context.workbook.worksheets.getItem('Taxa').getCell(0, 0).load('address');
      await context.sync();
      expect(a.address).toBe("'Övriga avgifter'!A1:B2");
      expect(b.address).toBe('Taxa!A1');
    });
  });
});

describe('tables, formats, selection, settings, calculation', () => {
  it('adds a table with a valid name and style, reads its range and columns', async () => {
    const fake = createFakeExcel({
      Faktura: [
        ['Personnummer', 'Belopp'],
        ['19121212-1212', 239],
      ],
    });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Faktura');
      const table = sheet.tables.add('A1:B2', true);
      table.name = 'Faktura_2025_01';
      table.style = 'TableStyleLight9';
      const range = table.getRange().load('address');
      const body = table.getDataBodyRange().load('address');
      const columns = table.columns.load('items/name');
      await context.sync();
      expect(range.address).toBe('Faktura!A1:B2');
      expect(body.address).toBe('Faktura!A2:B2');
      expect(columns.items.map((c) => c.name)).toEqual(['Personnummer', 'Belopp']);
      table.name = 'Faktura 2025-01'; // spaces are not allowed in table names
      await expectCode(context.sync(), 'InvalidArgument');
      sheet.tables.add('B2:C3', true); // overlaps
      await expectCode(context.sync(), 'InvalidOperation');
    });
    expect(fake.tables()).toEqual([
      {
        name: 'Faktura_2025_01',
        sheet: 'Faktura',
        address: 'A1:B2',
        style: 'TableStyleLight9',
        headers: ['Personnummer', 'Belopp'],
      },
    ]);
  });

  it('freezes rows, autofits and sizes columns, fills and selects cells', async () => {
    const fake = createFakeExcel({ Blad1: [['Kort', 'En mycket längre rubrik']] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.freezePanes.freezeRows(1);
      const header = sheet.getRange('A1:B1');
      header.format.autofitColumns();
      header.format.fill.color = '#ffeeaa';
      const c = sheet.getRange('C1');
      c.format.columnWidth = 100;
      sheet.getRange('B1').select();
      const fill = header.format.fill.load('color');
      const width = header.format.load('columnWidth');
      await context.sync();
      expect(fill.color).toBe('#FFEEAA');
      expect(width.columnWidth).toBeNull(); // A and B now differ
    });
    expect(fake.frozenRows('Blad1')).toBe(1);
    expect(fake.columnWidth('Blad1', 1)).toBeGreaterThan(fake.columnWidth('Blad1', 0));
    expect(fake.columnWidth('Blad1', 2)).toBe(100);
    expect(fake.fillColor('Blad1', 'A1')).toBe('#FFEEAA');
    expect(fake.selection()).toBe('Blad1!B1');
  });

  it('stores settings as JSON and finds them with getItemOrNullObject', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.settings.add('vt.settings', { proration: 'day', reminderDays: 14 });
      const missing = context.workbook.settings.getItemOrNullObject('saknas');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      const setting = context.workbook.settings.getItemOrNullObject('vt.settings').load('value');
      await context.sync();
      expect(setting.value).toEqual({ proration: 'day', reminderDays: 14 });
    });
    expect(fake.settings()).toEqual({ 'vt.settings': { proration: 'day', reminderDays: 14 } });
  });

  it('records suspendApiCalculationUntilNextSync on the request it was sent with', async () => {
    const fake = createFakeExcel();
    fake.resetStats();
    await fake.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
      await context.sync();
    });
    expect(fake.requests.map((r) => r.suspendedCalculation)).toEqual([true, false]);
  });

  it("evaluates DATE() in the workbook's date system, readable only after load + sync", async () => {
    const dates = async (date1904: boolean) =>
      createFakeExcel({ Blad1: [] }, { date1904 }).run(async (context) => {
        const y2000 = context.workbook.functions.date(2000, 1, 1);
        const start1904 = context.workbook.functions.date(1904, 1, 1).load('value');
        expect(() => y2000.value).toThrow(/not loaded/);
        y2000.load('value, error');
        await context.sync();
        return [y2000.value, y2000.error, start1904.value];
      });
    expect(await dates(false)).toEqual([36_526, null, 1_462]);
    expect(await dates(true)).toEqual([35_064, null, 0]);
    expect(36_526).toBe(toSerial(new Date(Date.UTC(2000, 0, 1))));
  });

  it('accepts application.calculate with a known calculation type only', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.application.calculate('Recalculate' as Excel.CalculationType);
      await context.sync();
      context.application.calculate('Sometimes' as Excel.CalculationType);
      await expectCode(context.sync(), 'InvalidArgument');
    });
  });
});

describe('Excel.run and globals', () => {
  it('requires the batch to return a promise and closes the context afterwards', async () => {
    const fake = createFakeExcel();
    const untypedRun = fake.run.bind(fake) as (batch: () => unknown) => Promise<unknown>;
    await expectCode(
      untypedRun(() => 42),
      'RunMustReturnPromise',
    );
    let leaked: { sync(): Promise<unknown> } | undefined;
    await fake.run(async (context) => {
      leaked = context;
    });
    await expectCode(() => leaked?.sync(), 'InvalidRequestContext');
  });

  it('installs Excel, Office and CustomFunctions globals and restores them', async () => {
    const fake = createFakeExcel({ Blad1: [['hej']] });
    const target: Record<string, unknown> = { Office: 'original' };
    const uninstall = installFakeOffice(fake, target);
    const ExcelNs = target.Excel as typeof Excel;
    const OfficeNs = target.Office as typeof Office;
    await expect(OfficeNs.onReady()).resolves.toMatchObject({ host: 'Excel' });
    const value = await ExcelNs.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Blad1').getRange('A1').load('values');
      await context.sync();
      return r.values[0]?.[0];
    });
    expect(value).toBe('hej');
    expect(typeof (target.CustomFunctions as { associate: unknown }).associate).toBe('function');
    uninstall();
    expect(target).toEqual({ Office: 'original' });
    expect(excelNamespace(fake).run).toBeTypeOf('function');
  });
});

describe('events', () => {
  it('registers at sync, delivers a values change of its own sheet after the sync, and removes through the adding context', async () => {
    const fake = register();
    const seen: Record<string, unknown>[] = [];
    const handler = async (args: Record<string, unknown>) => {
      seen.push(args);
    };
    const registration = await fake.run(async (context) => {
      const result = context.workbook.worksheets.getItem('Taxa').onChanged.add(handler);
      expect(fake.events.count()).toBe(0); // queued, not yet registered
      await context.sync();
      return result;
    });
    expect(fake.events.count('Worksheet.onChanged')).toBe(1);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Register').getRange('B2').values = [['Tolvan']];
      context.workbook.worksheets.getItem('Taxa').getRange('A2:A3').values = [[250], [260]];
      await context.sync();
      expect(seen).toEqual([]); // delivered after the sync, not during it
    });
    await fake.events.settled();
    expect(seen).toEqual([
      { type: 'WorksheetChanged', worksheetId: expect.any(String), address: 'A2:A3', changeType: 'RangeEdited', source: 'Local' },
    ]);
    // remove() belongs to the context that added the handler: outside its run it is refused.
    await expectCode(() => registration.remove(), 'InvalidRequestContext');
    await fake.run(registration.context as never, async (context: { sync(): Promise<void> }) => {
      registration.remove();
      await context.sync();
    });
    expect(fake.events.count()).toBe(0);
    expect(fake.events.errors).toEqual([]);
  });

  it('reports sheets added, renamed and deleted; a deleted sheet takes its handlers along', async () => {
    const fake = register();
    const seen: string[] = [];
    const note = async (args: Record<string, unknown>) => {
      seen.push(String(args.type) + (args.nameAfter ? `:${String(args.nameAfter)}` : ''));
    };
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.onAdded.add(note);
      sheets.onDeleted.add(note);
      sheets.onNameChanged.add(note);
      sheets.getItem('Taxa').onChanged.add(note);
      await context.sync();
    });
    await fake.run(async (context) => {
      context.workbook.worksheets.add('Ny');
      context.workbook.worksheets.getItem('Ny').name = 'Nyare';
      context.workbook.worksheets.getItem('Taxa').delete();
    });
    await fake.events.settled();
    expect(seen).toEqual(['WorksheetAdded', 'WorksheetNameChanged:Nyare', 'WorksheetDeleted']);
    expect(fake.events.count('Worksheet.onChanged')).toBe(0);
  });

  it('refuses an event above the host ExcelApi version, and a handler that returns no promise is an error', async () => {
    const fake = createFakeExcel({ Blad1: [['a']] }, { excelApi: '1.16' });
    await expectCode(
      fake.run(async (context) => {
        context.workbook.worksheets.onNameChanged.add(async () => undefined);
        await context.sync();
      }),
      'ApiNotFound',
    );
    await fake.run(async (context) => {
      context.workbook.worksheets.onAdded.add((() => undefined) as never);
      await context.sync();
    });
    await fake.run(async (context) => {
      context.workbook.worksheets.add('B');
    });
    await fake.events.settled();
    expect(fake.events.errors).toHaveLength(1);
  });

  it('records Application.calculate', async () => {
    const fake = register();
    await fake.run(async (context) => {
      context.application.calculate('Full');
    });
    expect(fake.calculations).toEqual(['Full']);
  });
});
