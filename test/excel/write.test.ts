// Writing: output sheets as Excel tables, formats before values, chunks packed by bytes,
// the register never touched, an old sheet replaced only once the new one is complete.
import { describe, expect, it } from 'vitest';
import {
  billWorkbook,
  makeTable,
  outputSheets,
  parseMonthKey,
  sheetGrid,
  type OutputSheet,
  type WorkbookInput,
} from '../../src/engine/index.js';
import { writeSheets } from '../../src/excel/writeSheets.js';
import { createFakeExcel, excelNamespace, type FakeExcel } from '../fakes/excel-fake.js';
import { makePnr } from '../engine/helpers.js';
import { REGISTER_HEADERS, snapshot, stats, workbook } from './helpers.js';

const march = { month: parseMonthKey('2025-03')! };
const P3 = makePnr('19501212', '789');

/** A small register whose names and device ids look like formulas and numbers. */
const trickyRegister = () => [
  REGISTER_HEADERS,
  ['19400101-1230', '=HYPERLINK("http://x")', 'Trygghetslarm', '+46-123', 45_000, '', '', '', '', '', ''],
  ['19351224-3332', '-Bo', 'Trygghetslarm', '0123', 45_000, '', '', '', '', '', ''],
  [P3, '@Anna', 'Trygghetslarm', '2025-01-31', 45_000, '', '', '', '', '', ''],
];

async function billAndWrite(fake: FakeExcel, actions: ReturnType<typeof workbook>['actions']): Promise<OutputSheet[]> {
  const input: WorkbookInput = await actions.readWorkbook('Enhetsregister', () => undefined);
  const sheets = outputSheets(billWorkbook(input, march));
  fake.resetStats();
  await actions.writeSheets(sheets, () => undefined);
  return sheets;
}

describe('writeSheets: text, formats, replacing', () => {
  it('keeps text that looks like a formula, a number or a date as text', async () => {
    const { fake, actions } = workbook({ Enhetsregister: trickyRegister() });
    const [faktura] = await billAndWrite(fake, actions);
    const names = fake.values('Faktura 2025-03').map((r) => r[1]);
    const ids = fake.values('Faktura 2025-03').map((r) => r[5]);
    expect(names).toContain('=HYPERLINK("http://x")');
    expect(names).toContain('-Bo');
    expect(names).toContain('@Anna');
    expect(ids).toContain('+46-123');
    expect(ids).toContain('0123');
    expect(ids).toContain('2025-01-31');
    expect(fake.values('Faktura 2025-03')).toEqual(sheetGrid(faktura!));
  });

  it('keeps formula-like text as text even in a number column', async () => {
    const fake = createFakeExcel({ Blad1: [] });
    const sheet: OutputSheet = {
      name: 'Test',
      tables: [
        makeTable(
          'Test_1',
          [
            { header: 'Belopp', kind: 'kr' },
            { header: 'Datum', kind: 'date' },
          ],
          [
            ['=1+1', '+5'],
            [12.5, 45_658],
          ],
        ),
      ],
    };
    await writeSheets(excelNamespace(fake), [sheet], () => undefined);
    expect(fake.values('Test')).toEqual([
      ['Belopp', 'Datum'],
      ['=1+1', '+5'],
      [12.5, 45_658],
    ]);
    expect(fake.texts('Test', 'A3:B3')).toEqual([['12.50 kr', '2025-01-01']]);
  });

  it('replaces an existing output sheet in its place, with its tables and nothing left behind', async () => {
    const { fake, actions } = workbook({ Enhetsregister: trickyRegister() });
    const first = await billAndWrite(fake, actions);
    // A hand edit, and a sheet the user put after the invoice.
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Faktura 2025-03').getRange('I2').values = [[1]];
      context.workbook.worksheets.add('Anteckningar').position = 2;
    });
    expect(fake.sheetNames()).toEqual([
      'Enhetsregister',
      'Faktura 2025-03',
      'Anteckningar',
      'Summering 2025-03',
      'Problem 2025-03',
    ]);
    await actions.writeSheets(first, () => undefined);
    expect(fake.sheetNames()).toEqual([
      'Enhetsregister',
      'Faktura 2025-03',
      'Anteckningar',
      'Summering 2025-03',
      'Problem 2025-03',
    ]);
    expect(fake.values('Faktura 2025-03')).toEqual(sheetGrid(first[0]!));
    expect(
      fake
        .tables()
        .map((t) => t.name)
        .sort(),
    ).toEqual(first.flatMap((s) => s.tables.map((t) => t.name)).sort());
  });

  it('makes a table name unique when another sheet already uses it', async () => {
    const fake = createFakeExcel({ Blad1: [['a'], [1]] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').tables.add('A1:A2', true).name = 'Taxa_versioner';
    });
    const sheet: OutputSheet = { name: 'Ny', tables: [makeTable('Taxa_versioner', [{ header: 'x', kind: 'text' }], [['y']])] };
    await writeSheets(excelNamespace(fake), [sheet], () => undefined);
    expect(fake.tables().map((t) => [t.sheet, t.name])).toEqual([
      ['Blad1', 'Taxa_versioner'],
      ['Ny', 'Taxa_versioner_2'],
    ]);
  });

  it('leaves the old sheet untouched and removes the half-written one when writing fails', async () => {
    const { fake, actions } = workbook({ Enhetsregister: trickyRegister() });
    const sheets = await billAndWrite(fake, actions);
    const before = snapshot(fake, 'Faktura 2025-03');
    const broken: OutputSheet = {
      name: 'Faktura 2025-03',
      tables: [makeTable('Faktura_2025_03', [{ header: 'Belopp', kind: 'kr' }], [[1], [Number.NaN]])],
    };
    await expect(actions.writeSheets([broken], () => undefined)).rejects.toThrow(/Det gick inte att skriva bladen/);
    expect(snapshot(fake, 'Faktura 2025-03')).toBe(before);
    expect(fake.sheetNames()).toEqual(['Enhetsregister', ...sheets.map((s) => s.name)]);
  });

  it('refuses to write over the register sheet', async () => {
    const { fake, actions } = workbook({ Enhetsregister: trickyRegister() });
    await actions.readWorkbook('Enhetsregister', () => undefined);
    const before = snapshot(fake, 'Enhetsregister');
    const evil: OutputSheet = { name: 'enhetsregister', tables: [makeTable('X', [{ header: 'x', kind: 'text' }], [])] };
    await expect(actions.writeSheets([evil], () => undefined)).rejects.toThrow('är registret och skrivs aldrig över');
    expect(snapshot(fake, 'Enhetsregister')).toBe(before);
  });

  it('writes a table without rows (an empty Problem sheet) as header plus Excel’s empty row', async () => {
    const fake = createFakeExcel({ Blad1: [] });
    const sheet: OutputSheet = {
      name: 'Problem 2025-03',
      tables: [
        makeTable(
          'Problem_2025_03',
          [
            { header: 'Allvarlighet', kind: 'text' },
            { header: 'Rad', kind: 'int' },
          ],
          [],
        ),
      ],
    };
    await writeSheets(excelNamespace(fake), [sheet], () => undefined);
    expect(fake.values('Problem 2025-03')).toEqual([['Allvarlighet', 'Rad']]);
    expect(fake.tables()[0]).toMatchObject({ name: 'Problem_2025_03', address: 'A1:B2' });
  });
});

describe('writeSheets: syncs follow bytes', () => {
  const oneColumn = (rows: number, text: string): OutputSheet => ({
    name: 'Data',
    tables: [
      makeTable(
        'Data',
        [{ header: 'Värde', kind: 'text' }],
        Array.from({ length: rows }, () => [text]),
      ),
    ],
  });
  const syncsFor = async (sheet: OutputSheet, requestBudget: number) => {
    const fake = createFakeExcel({ Blad1: [] });
    fake.resetStats();
    await writeSheets(excelNamespace(fake), [sheet], () => undefined, { requestBudget });
    expect(fake.values('Data')).toEqual(sheetGrid(sheet));
    const s = stats(fake);
    expect(s.maxRequest).toBeLessThanOrEqual(requestBudget * 1.05);
    return s.syncs;
  };

  it('twice the rows of tiny text: about the same syncs; same rows of longer text: more', async () => {
    const budget = 250_000;
    const small = await syncsFor(oneColumn(20_000, 'a'), budget); // ~0.1 MB
    const twiceAsMany = await syncsFor(oneColumn(40_000, 'a'), budget); // ~0.2 MB
    const longer = await syncsFor(oneColumn(20_000, 'x'.repeat(60)), budget); // ~1.3 MB
    expect(small).toBeLessThanOrEqual(3);
    expect(twiceAsMany).toBe(small);
    expect(longer).toBeGreaterThanOrEqual(small + 4);
    // A sync per budget's worth of bytes, plus the first (what exists) and the last (tables).
    expect(longer).toBeLessThanOrEqual(Math.ceil((20_001 * 65) / budget) + 2);
  });
});

describe('writeSheets: a request Excel finds too large is sent again in halves', () => {
  const textSheet = (rows: number, text: (r: number) => string): OutputSheet => ({
    name: 'Data',
    tables: [
      makeTable(
        'Data',
        [
          { header: 'Nr', kind: 'int' },
          { header: 'Värde', kind: 'text' },
        ],
        Array.from({ length: rows }, (_, r) => [r, text(r)]),
      ),
    ],
  });

  it('writes everything when the size estimate is too low, and never sends the same request twice', async () => {
    // The batcher believes 1 MB fits, Excel accepts 200 kB: the estimate is five times too low.
    const limit = 200_000;
    const fake = createFakeExcel({ Blad1: [] }, { limits: { requestBytes: limit } });
    const sheet = textSheet(12_000, (r) => `rad ${r} ${'å'.repeat(r % 40)}`); // ~0.8 MB
    fake.resetStats();
    await writeSheets(excelNamespace(fake), [sheet], () => undefined, { requestBudget: 1_000_000 });

    expect(fake.values('Data')).toEqual(sheetGrid(sheet));
    expect(fake.sheetNames()).toEqual(['Blad1', 'Data']);
    const failed = fake.requests.filter((r) => r.error !== undefined);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.error === 'RequestPayloadSizeLimitExceeded')).toBe(true);
    // Each retry is smaller than the request before it, and once one got through, none fails again.
    const failedIndexes = failed.map((r) => r.index);
    expect(failedIndexes).toEqual(failedIndexes.map((_, i) => failedIndexes[0]! + i));
    for (let i = 1; i < failed.length; i++) expect(failed[i]!.requestBytes).toBeLessThan(failed[i - 1]!.requestBytes * 0.6);
    expect(failed.length).toBeLessThanOrEqual(4); // 1 MB halved to below 200 kB: at most ~3 halvings
    const sent = fake.requests.filter((r) => r.error === undefined);
    expect(sent.every((r) => r.requestBytes <= limit)).toBe(true);
    // Every sync that carries values still suspends calculation, retries included.
    expect(sent.filter((r) => r.requestBytes > 20_000).every((r) => r.suspendedCalculation)).toBe(true);
  });

  it('replaces an old sheet only once the new one is complete, retries included', async () => {
    const fake = createFakeExcel({ Blad1: [] }, { limits: { requestBytes: 150_000 } });
    const first = textSheet(10, (r) => `gammal ${r}`);
    await writeSheets(excelNamespace(fake), [first], () => undefined);
    const second = textSheet(8_000, (r) => `ny ${r} ${'x'.repeat(r % 50)}`);
    await writeSheets(excelNamespace(fake), [second], () => undefined, { requestBudget: 600_000 });
    expect(fake.values('Data')).toEqual(sheetGrid(second));
    expect(fake.sheetNames()).toEqual(['Blad1', 'Data']);
    expect(fake.tables()).toEqual([expect.objectContaining({ name: 'Data', sheet: 'Data' })]);
  });

  it('names the row when a single row is too large for one request, and leaves the workbook as it was', async () => {
    const fake = createFakeExcel({ Blad1: [['kvar']] }, { limits: { requestBytes: 20_000 } });
    const sheet = textSheet(3, (r) => (r === 1 ? 'z'.repeat(30_000) : `rad ${r}`));
    const error = await writeSheets(excelNamespace(fake), [sheet], () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'Rad 3 på bladet "Data" är för stor för att skickas till Excel i ett anrop. Korta ner texten och försök igen.',
    );
    expect(fake.sheetNames()).toEqual(['Blad1']);
    expect(fake.values('Blad1')).toEqual([['kvar']]);
  });
});
