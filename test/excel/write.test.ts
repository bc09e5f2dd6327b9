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
