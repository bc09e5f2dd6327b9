// The smaller actions the pane calls: settings, selecting and marking cells, and Granska's
// read-compare-highlight round trip.
import { describe, expect, it } from 'vitest';
import { billWorkbook, invoiceSheet, outputSheets, parseMonthKey, reviewInvoice } from '../../src/engine/index.js';
import { createExcelActions, HIGHLIGHT_FILL, SETTINGS_KEY } from '../../src/excel/index.js';
import { createFakeExcel, installFakeOffice } from '../fakes/excel-fake.js';
import { REGISTER_HEADERS, snapshot, workbook } from './helpers.js';

const march = { month: parseMonthKey('2025-03')! };
const register = [
  REGISTER_HEADERS,
  ['19400101-1230', 'Anna', 'Trygghetslarm', 'L-1', 45_000, '', '', '', '', '', ''],
  ['19351224-3332', 'Bo', 'Trygghetslarm', 'L-2', 45_000, '', '', '', '', '', ''],
];

describe('settings', () => {
  it('round-trip through the workbook under one key', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register });
    expect(await actions.loadSettings()).toEqual({});
    const settings = { registerSheet: 'Enhetsregister', mapping: { pnr: 0, installed: 4 }, proration: 'actual-days' as const, reminderDays: 14 };
    await actions.saveSettings(settings);
    expect(Object.keys(fake.settings())).toEqual([SETTINGS_KEY]);
    expect(await actions.loadSettings()).toEqual(settings);
    await actions.saveSettings({ reminderDays: 7 });
    expect(await actions.loadSettings()).toEqual({ reminderDays: 7 });
  });

  it('drops what is not valid (an older version, a hand-edited file)', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register });
    await fake.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, JSON.stringify({ registerSheet: 7, mapping: { pnr: -1, name: 1, bogus: 2 }, proration: 'weekly', reminderDays: 1.5 }));
    });
    expect(await actions.loadSettings()).toEqual({ mapping: { name: 1 } });
    await fake.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, '{not json');
    });
    expect(await actions.loadSettings()).toEqual({});
  });
});

describe('selectCell and highlightCells', () => {
  it('activates the sheet and selects the cell, also given "Blad!C5"', async () => {
    const { fake, actions } = workbook({ Start: [['x']], Enhetsregister: register });
    await actions.selectCell('Enhetsregister', 'C3');
    expect(fake.selection()).toBe('Enhetsregister!C3');
    expect(fake.activeSheetName()).toBe('Enhetsregister');
    await actions.selectCell('enhetsregister', "'Enhetsregister'!A2");
    expect(fake.selection()).toBe('Enhetsregister!A2');
  });

  it('says in Swedish when the sheet or the address is wrong', async () => {
    const { actions } = workbook({ Enhetsregister: register });
    await expect(actions.selectCell('Saknas', 'A1')).rejects.toThrow('Bladet "Saknas" finns inte');
    await expect(actions.selectCell('Enhetsregister', 'rad 5')).rejects.toThrow('är ingen celladress');
  });

  it('changes the fill only, selects the first cell, and packs many cells into few syncs', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => [`text ${i}`, i]);
    const { fake, actions } = workbook({ Blad: rows }, { numberFormats: { Blad: rows.map(() => ['@', '0']) } });
    const before = JSON.parse(snapshot(fake, 'Blad')) as Record<string, unknown>;
    fake.resetStats();
    const addresses = rows.map((_, i) => `B${i + 1}`);
    await actions.highlightCells('Blad', ['A7', ...addresses]);
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(fake.fillColor('Blad', 'A7')).toBe(HIGHLIGHT_FILL);
    expect(fake.fillColor('Blad', 'B3000')).toBe(HIGHLIGHT_FILL);
    expect(fake.fillColor('Blad', 'A8')).toBeUndefined();
    expect(fake.selection()).toBe('Blad!A7');
    const after = JSON.parse(snapshot(fake, 'Blad')) as Record<string, unknown>;
    expect({ ...after, fills: [] }).toEqual({ ...before, fills: [] });
  });
});

describe('Granska round trip', () => {
  it('finds and marks one hand-edited cell of a written invoice, changing no value', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register });
    const input = await actions.readWorkbook('Enhetsregister', () => undefined);
    const result = billWorkbook(input, march);
    await actions.writeSheets(outputSheets(result), () => undefined);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Faktura 2025-03').getRange('I3').values = [[199]];
    });
    const values = fake.values('Faktura 2025-03');

    const actual = await actions.readSheetValues('Faktura 2025-03');
    const differences = reviewInvoice(invoiceSheet(result), actual!);
    expect(differences).toEqual([{ address: 'I3', header: 'Belopp', expected: 239, actual: 199 }]);
    await actions.highlightCells('Faktura 2025-03', differences.map((d) => d.address));
    expect(fake.fillColor('Faktura 2025-03', 'I3')).toBe(HIGHLIGHT_FILL);
    expect(fake.values('Faktura 2025-03')).toEqual(values);
  });
});

describe('createExcelActions', () => {
  it('uses the global Excel when none is given, looked up when an action runs', async () => {
    const actions = createExcelActions();
    await expect(actions.overview()).rejects.toThrow('Excel är inte tillgängligt');
    const uninstall = installFakeOffice(createFakeExcel({ Blad1: [['a']] }));
    try {
      expect((await actions.overview()).sheets.map((s) => s.name)).toEqual(['Blad1']);
    } finally {
      uninstall();
    }
  });
});
