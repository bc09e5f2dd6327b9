// "Skapa Taxa-blad": the default tariff as a Taxa sheet that the engine then bills by.
import { afterEach, describe, expect, it } from 'vitest';
import { billWorkbook, NUMBER_FORMAT, parseMonthKey, TARIFF_COLUMNS } from '../../src/engine/index.js';
import { functionTariff, resetWorkbookTariff, workbookTariffStatus } from '../../src/functions/tariffSource.js';
import { REGISTER_HEADERS, snapshot, workbook } from './helpers.js';

const march = { month: parseMonthKey('2025-03')! };
const register = [REGISTER_HEADERS, ['19400101-1230', 'Anna', 'Trygghetslarm', 'L-1', 45_000, '', '', '', '', '', '']];
const alarmColumn = TARIFF_COLUMNS.findIndex((c) => c.key === 'alarm');

afterEach(() => resetWorkbookTariff());

describe('createTaxaSheet', () => {
  it('writes the default tariff as two tables, dates as dates and amounts in kronor', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register });
    expect((await actions.overview()).hasTaxaSheet).toBe(false);
    await actions.createTaxaSheet();
    expect((await actions.overview()).hasTaxaSheet).toBe(true);
    expect(
      fake
        .tables()
        .filter((t) => t.sheet === 'Taxa')
        .map((t) => t.name),
    ).toEqual(['Taxa_versioner', 'Taxa_prisbasbelopp']);
    expect(fake.values('Taxa', 'A1:A1')).toEqual([['Gäller från']]);
    expect(fake.numberFormats('Taxa', 'A2:B2')).toEqual([[NUMBER_FORMAT.date, NUMBER_FORMAT.kr]]);
    expect(fake.texts('Taxa', 'A2')[0]![0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(fake.frozenRows('Taxa')).toBe(1);
  });

  it('then bills by the sheet: a fee changed in the sheet changes the amount', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register });
    const before = billWorkbook(await actions.readWorkbook('Enhetsregister', () => undefined), march);
    await actions.createTaxaSheet();

    const input = await actions.readWorkbook('Enhetsregister', () => undefined);
    expect(input.taxa?.name).toBe('Taxa');
    const bySheet = billWorkbook(input, march);
    expect(bySheet.tariffSource).toContain('Taxa');
    expect(bySheet.total.toNumber()).toBe(before.total.toNumber()); // same tariff, now from the sheet

    // The user edits the alarm fee of every version in the Taxa sheet.
    const versions = fake
      .values('Taxa')
      .slice(1)
      .filter((row) => typeof row[0] === 'number').length;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Taxa');
      ws.getRangeByIndexes(1, alarmColumn, versions, 1).values = Array.from({ length: versions }, () => [300]);
    });
    const edited = billWorkbook(await actions.readWorkbook('Enhetsregister', () => undefined), march);
    const alarm = edited.lines.find((l) => l.services.includes('Trygghetslarm'));
    expect(alarm?.amount.toNumber()).toBe(300);
    expect(edited.total.toNumber()).not.toBe(before.total.toNumber());
  });

  it('refuses when a Taxa sheet exists, in any case, and changes nothing', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register, TAXA: [['Gäller från'], [45_658]] });
    const before = snapshot(fake, 'TAXA');
    await expect(actions.createTaxaSheet()).rejects.toThrow('Arbetsboken har redan ett Taxa-blad ("TAXA")');
    expect(snapshot(fake, 'TAXA')).toBe(before);
    expect(fake.sheetNames()).toEqual(['Enhetsregister', 'TAXA']);
  });
});

describe('readTaxaSheet', () => {
  it('reads the sheet as it stands, with where it starts; undefined without one', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register });
    expect(await actions.readTaxaSheet()).toBeUndefined();
    await actions.createTaxaSheet();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Taxa').getRangeByIndexes(1, alarmColumn, 1, 1).values = [[300]];
    });
    const taxa = await actions.readTaxaSheet();
    expect(taxa).toMatchObject({ name: 'Taxa', firstRow: 1, firstColumn: 0 });
    expect(taxa!.values[1]![alarmColumn]).toBe(300);
  });

  it('is a plain read, as is reading the workbook: the custom functions keep what they had, nothing recalculates', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register, taxa: [['Något annat']] });
    const generation = workbookTariffStatus().generation;
    expect((await actions.readTaxaSheet())?.name).toBe('taxa');
    await actions.readWorkbook('Enhetsregister', () => undefined);
    expect(workbookTariffStatus()).toMatchObject({ ok: true, generation });
    expect(functionTariff().tariff.source).toContain('standardtaxa');
    expect(fake.calculations).toEqual([]);
  });
});
