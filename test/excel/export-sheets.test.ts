// The month-after-month sheets in the adapter (§9, §10): the record (earlier invoice sheets) read
// with the register, named sheets as cells, the export file one record a row as text cells
// ("Export ÅÅÅÅ-MM"), and the Export template.
import { describe, expect, it } from 'vitest';
import { exportTemplateSheet, INVOICE_HEADERS, readInvoiceRecord, sheetGrid } from '../../src/engine/index.js';
import { writeTextSheet } from '../../src/excel/textSheet.js';
import { createFakeExcel, excelNamespace } from '../fakes/excel-fake.js';
import { REGISTER_HEADERS, snapshot, stats, workbook } from './helpers.js';

const noProgress = () => undefined;

/** Records that Excel would turn into numbers, dates, formulas or booleans if typed into a General cell. */
const TRICKY = [
  '!VT-avgifter          250402 Välfärdsteknik 2025-03',
  '0123',
  '2025-03-01',
  '=SUMMA(A1:A2)',
  '+46701234567',
  '-23900',
  '@x',
  'TRUE',
  '1e5',
  '   indragen rad   ',
  'Å; "citat"; 239,00',
];

describe('writeTextSheet: the export file as text cells', () => {
  it('writes each line as it is, in text cells, activates the sheet and adds no table', async () => {
    const { fake, actions } = workbook({ Blad1: [['x']] });
    await actions.writeTextSheet('Export 2025-03', TRICKY, noProgress);
    expect(fake.values('Export 2025-03')).toEqual(TRICKY.map((l) => [l]));
    expect(fake.numberFormats('Export 2025-03')).toEqual(TRICKY.map(() => ['@']));
    expect(fake.activeSheetName()).toBe('Export 2025-03');
    expect(fake.tables()).toEqual([]);
    expect(fake.sheetNames()).toEqual(['Blad1', 'Export 2025-03']);
    // Wide enough for the longest record.
    expect(fake.columnWidth('Export 2025-03', 0)).toBeGreaterThanOrEqual(TRICKY[0]!.length * 5);
  });

  it('replaces an older export of the month in its place; hand edits and extra cells go', async () => {
    const { fake, actions } = workbook({ Blad1: [['x']], 'Export 2025-03': [['gammal'], ['rad', 'extra']], Sist: [['y']] });
    await actions.writeTextSheet('export 2025-03', ['ny 1', 'ny 2'], noProgress);
    expect(fake.sheetNames()).toEqual(['Blad1', 'export 2025-03', 'Sist']);
    expect(fake.values('Export 2025-03')).toEqual([['ny 1'], ['ny 2']]);
  });

  it('never writes over the register', async () => {
    const { fake, actions } = workbook({ Enhetsregister: [REGISTER_HEADERS] });
    await actions.readWorkbook('Enhetsregister', noProgress);
    const before = snapshot(fake, 'Enhetsregister');
    await expect(actions.writeTextSheet('ENHETSREGISTER', ['x'], noProgress)).rejects.toThrow(
      'är registret och skrivs aldrig över',
    );
    expect(snapshot(fake, 'Enhetsregister')).toBe(before);
  });

  it('goes in syncs by bytes, under the budget, with progress up to 1', async () => {
    const fake = createFakeExcel({ Blad1: [] });
    const lines = Array.from({ length: 20_000 }, (_, i) => `R${String(i).padStart(10, '0')}${'x'.repeat(140)}`); // ~3.2 MB
    const fractions: number[] = [];
    fake.resetStats();
    const budget = 250_000;
    await writeTextSheet(excelNamespace(fake), 'Export 2025-03', lines, (f) => fractions.push(f), { requestBudget: budget });
    expect(fake.values('Export 2025-03')).toEqual(lines.map((l) => [l]));
    const s = stats(fake);
    expect(s.maxRequest).toBeLessThanOrEqual(budget * 1.05);
    // One sync per budget's worth of bytes, plus the first (what exists) and the last (rename).
    expect(s.syncs).toBeLessThanOrEqual(Math.ceil((20_000 * 156) / budget) + 3);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('halves and sends again when Excel finds a request too large', async () => {
    const limit = 150_000;
    const fake = createFakeExcel({ Blad1: [] }, { limits: { requestBytes: limit } });
    const lines = Array.from({ length: 6_000 }, (_, i) => `rad ${i} ${'ö'.repeat(i % 60)}`);
    await writeTextSheet(excelNamespace(fake), 'Export 2025-03', lines, noProgress, { requestBudget: 1_000_000 });
    expect(fake.values('Export 2025-03')).toEqual(lines.map((l) => [l]));
    expect(fake.requests.some((r) => r.error === 'RequestPayloadSizeLimitExceeded')).toBe(true);
    expect(fake.sheetNames()).toEqual(['Blad1', 'Export 2025-03']);
  });

  it('leaves an older export untouched and no half-written sheet when a line cannot be sent', async () => {
    const fake = createFakeExcel({ 'Export 2025-03': [['gammal']] }, { limits: { requestBytes: 20_000 } });
    const error = await writeTextSheet(excelNamespace(fake), 'Export 2025-03', ['a', 'z'.repeat(30_000)], noProgress).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe(
      'Rad 2 på bladet "Export 2025-03" är för stor för att skickas till Excel i ett anrop. Korta ner texten och försök igen.',
    );
    expect(fake.sheetNames()).toEqual(['Export 2025-03']);
    expect(fake.values('Export 2025-03')).toEqual([['gammal']]);
  });
});

describe('readSheets', () => {
  it('reads the sheets asked for in one go, found as the engine finds names; a missing one is undefined', async () => {
    const { fake, actions } = workbook({
      Enhetsregister: [REGISTER_HEADERS],
      'Faktura 2025-03': [[], ['', 'Personnummer', 'Belopp'], ['', '19400101-1230', 239]],
      EXPORT: [['Typ', 'Konto']],
    });
    fake.resetStats();
    const [invoice, missing, exportSheet] = await actions.readSheets(
      ['faktura 2025-03', 'Faktura 2025-02', 'Export'],
      noProgress,
    );
    expect(invoice).toEqual({
      name: 'Faktura 2025-03',
      values: [
        ['Personnummer', 'Belopp'],
        ['19400101-1230', 239],
      ],
      firstRow: 2,
      firstColumn: 1,
    });
    expect(missing).toBeUndefined();
    expect(exportSheet).toMatchObject({ name: 'EXPORT', values: [['Typ', 'Konto']] });
    // Names, used ranges, values.
    expect(stats(fake).syncs).toBe(3);
  });
});

describe('readWorkbook with the record (§9)', () => {
  const invoice = (month: string, amount: number | string) => [
    [...INVOICE_HEADERS],
    ['19400101-1230', 'Anna', month, 'Månadsavgift', 'Trygghetslarm', 'L-1', 1, 239, amount, 'Ja', 'R1', 'Enhetsregister!2', ''],
  ];
  const sheets = {
    Enhetsregister: [REGISTER_HEADERS],
    'Faktura 2025-02': invoice('2025-02', 239),
    'Faktura 2025-03': invoice('2025-03', 239),
    'faktura 2024-12': invoice('2024-12', '239 kr'),
    'Faktura 2025-01 (2)': invoice('2025-01', 239),
    Anteckningar: [['x']],
  };

  it('reads every invoice sheet but the month being billed, oldest first, in the same syncs as the register', async () => {
    const { fake, actions } = workbook(sheets);
    fake.resetStats();
    const plain = await actions.readWorkbook('Enhetsregister', noProgress);
    const plainSyncs = stats(fake).syncs;
    expect(plain.record).toBeUndefined();
    fake.resetStats();
    const texts: string[] = [];
    const read = await actions.readWorkbook('Enhetsregister', (_, t) => texts.push(t), {
      record: { except: { year: 2025, month: 3 } },
    });
    expect(stats(fake).syncs).toBe(plainSyncs);
    expect(read.record!.map((s) => s.name)).toEqual(['faktura 2024-12', 'Faktura 2025-02']);
    expect(texts.some((t) => t.includes('Enhetsregister och 2 fakturablad'))).toBe(true);
    // The engine's record reader takes them as they are: lines, and an unreadable Belopp named by cell.
    const [december, february] = read.record!.map((s) => readInvoiceRecord(s));
    expect(february!.lines.map((l) => [l.pnr, l.month, l.kind, l.amountOre])).toEqual([
      ['19400101-1230', '2025-02', 'Månadsavgift', 23_900],
    ]);
    expect(december!.lines).toEqual([]);
    expect(december!.problems).toMatchObject([{ sheet: 'faktura 2024-12', cell: 'I2', value: '239 kr' }]);
  });

  it('an empty record when no other invoice sheet exists', async () => {
    const { actions } = workbook({ Enhetsregister: [REGISTER_HEADERS], 'Faktura 2025-03': invoice('2025-03', 239) });
    const read = await actions.readWorkbook('Enhetsregister', noProgress, { record: { except: { year: 2025, month: 3 } } });
    expect(read.record).toEqual([]);
  });
});

describe('createExportSheet (Skapa Export-blad)', () => {
  it("writes the engine's template as tables of text, and the overview then knows the sheet", async () => {
    const { fake, actions } = workbook({ Enhetsregister: [REGISTER_HEADERS] });
    expect((await actions.overview()).hasExportSheet).toBe(false);
    await actions.createExportSheet();
    const template = exportTemplateSheet();
    expect(fake.values('Export')).toEqual(sheetGrid(template));
    expect(fake.tables().map((t) => t.name)).toEqual(template.tables.map((t) => t.name));
    // Momskod "00" stays the text 00 (a General cell would make it the number 0).
    const momskod = fake.values('Export')[0]!.indexOf('Momskod');
    expect(fake.values('Export')[1]![momskod]).toBe('00');
    expect((await actions.overview()).hasExportSheet).toBe(true);
  });

  it('refuses to replace an existing Export sheet, and changes nothing', async () => {
    const { fake, actions } = workbook({
      Enhetsregister: [REGISTER_HEADERS],
      EXPORT: [
        ['Typ', 'Konto'],
        ['Månadsavgift', '3510'],
      ],
    });
    const before = snapshot(fake, 'EXPORT');
    await expect(actions.createExportSheet()).rejects.toThrow('Arbetsboken har redan ett Export-blad ("EXPORT")');
    expect(snapshot(fake, 'EXPORT')).toBe(before);
    expect(fake.sheetNames()).toEqual(['Enhetsregister', 'EXPORT']);
  });
});
