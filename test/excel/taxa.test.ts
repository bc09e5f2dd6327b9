// "Skapa Taxa-blad": the default tariff as a Taxa sheet that the engine then bills by.
import { afterEach, describe, expect, it } from 'vitest';
import { billWorkbook, NUMBER_FORMAT, parseMonthKey, TARIFF_COLUMNS } from '../../src/engine/index.js';
import { refreshFunctionTariff } from '../../src/excel/index.js';
import { functionTariff, resetWorkbookTariff, workbookTariffStatus } from '../../src/functions/tariffSource.js';
import { excelNamespace } from '../fakes/excel-fake.js';
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

  it('hands the written tariff to the custom functions', async () => {
    const { actions } = workbook({ Enhetsregister: register });
    const generation = workbookTariffStatus().generation;
    await actions.createTaxaSheet();
    const status = workbookTariffStatus();
    expect(status).toMatchObject({ ok: true, source: 'bladet "Taxa"' });
    expect(status.generation).toBeGreaterThan(generation);
  });

  it('refuses when a Taxa sheet exists, in any case, and changes nothing', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register, TAXA: [['Gäller från'], [45_658]] });
    const before = snapshot(fake, 'TAXA');
    await expect(actions.createTaxaSheet()).rejects.toThrow('Arbetsboken har redan ett Taxa-blad ("TAXA")');
    expect(snapshot(fake, 'TAXA')).toBe(before);
    expect(fake.sheetNames()).toEqual(['Enhetsregister', 'TAXA']);
  });
});

describe('refreshFunctionTariff', () => {
  it('reads the Taxa sheet when not given one, and the functions follow an edited fee', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register });
    await actions.createTaxaSheet();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Taxa').getRangeByIndexes(1, alarmColumn, 1, 1).values = [[300]];
    });
    const status = await refreshFunctionTariff(excelNamespace(fake));
    expect(status.ok).toBe(true);
    const first = functionTariff().tariff.versions[0]!;
    expect(first.monthlyFee.alarm.toNumber()).toBe(300);
  });

  it('reports an unreadable Taxa sheet instead of silently using the default', async () => {
    const { fake } = workbook({ Enhetsregister: register, Taxa: [['Något annat']] });
    const status = await refreshFunctionTariff(excelNamespace(fake));
    expect(status).toMatchObject({ ok: false });
    expect(() => functionTariff()).toThrow(/Gäller från/);
  });
});
