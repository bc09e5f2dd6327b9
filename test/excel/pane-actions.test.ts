// The smaller actions the pane calls: settings, selecting and marking cells, and Granska's
// read-compare-highlight round trip.
import { describe, expect, it } from 'vitest';
import { billWorkbook, invoiceSheet, outputSheets, parseMonthKey, reviewInvoice } from '../../src/engine/index.js';
import { createExcelWorkbook, HIGHLIGHT_FILL, REVIEW_MARKS_KEY, SETTINGS_KEY } from '../../src/excel/index.js';
import { cellRuns } from '../../src/excel/selection.js';
import { problemTarget } from '../../src/taskpane/problemText.js';
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
    const settings = {
      registerSheet: 'Enhetsregister',
      mapping: { pnr: 0, installed: 4 },
      proration: 'actual-days' as const,
      reminderDays: 14,
    };
    await actions.saveSettings(settings);
    expect(Object.keys(fake.settings())).toEqual([SETTINGS_KEY]);
    expect(await actions.loadSettings()).toEqual(settings);
    await actions.saveSettings({ reminderDays: 7 });
    expect(await actions.loadSettings()).toEqual({ reminderDays: 7 });
    // Overrides the pane does not show yet (§9) are kept too.
    await actions.saveSettings({ registerSheet: 'Enhetsregister', correctionMonths: 6, retroDebits: 'bill' });
    expect(await actions.loadSettings()).toEqual({ registerSheet: 'Enhetsregister', correctionMonths: 6, retroDebits: 'bill' });
  });

  it('drops what is not valid (an older version, a hand-edited file)', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register });
    await fake.run(async (context) => {
      context.workbook.settings.add(
        SETTINGS_KEY,
        JSON.stringify({ registerSheet: 7, mapping: { pnr: -1, name: 1, bogus: 2 }, proration: 'weekly', reminderDays: 1.5 }),
      );
    });
    expect(await actions.loadSettings()).toEqual({ mapping: { name: 1 } });
    // Read as the engine reads a setting: the Swedish words too; what does not read is left to the Taxa sheet.
    await fake.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, JSON.stringify({ proration: 'Faktiska dagar', correctionMonths: 99 }));
    });
    expect(await actions.loadSettings()).toEqual({ proration: 'actual-days' });
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

  it('selects the whole row for a problem without a cell (an identical duplicate row)', async () => {
    const { fake, actions } = workbook({ Start: [['x']], Enhetsregister: [...register, register[2]!] });
    const input = await actions.readWorkbook('Enhetsregister', () => undefined);
    const duplicate = billWorkbook(input, march).problems.find((p) => p.row === 4 && p.cell === undefined);
    expect(duplicate).toMatchObject({ severity: 'Varning', sheet: 'Enhetsregister' });
    const target = problemTarget(duplicate!)!;
    await actions.selectCell(target.sheet, target.address);
    expect(fake.selection()).toBe('Enhetsregister!4:4');
    expect(fake.activeSheetName()).toBe('Enhetsregister');
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

describe('Granska marks', () => {
  const sheet = () => Array.from({ length: 6 }, (_, r) => ['a', r, r * 2]);

  it('merge neighbouring cells of a column into runs', () => {
    expect(cellRuns(['B3', 'B2', 'A7', 'B4', 'B9', 'C1', '5:5'])).toEqual(['B2:B4', 'B9', 'A7', 'C1', '5:5']);
  });

  it('clear what the previous Granska marked, so a fixed cell is no longer marked', async () => {
    const { fake, actions } = workbook({ Faktura: sheet() });
    const values = fake.values('Faktura');
    await actions.highlightCells('Faktura', ['B2', 'B3', 'C5']);
    expect(['B2', 'B3', 'C5'].map((c) => fake.fillColor('Faktura', c))).toEqual([HIGHLIGHT_FILL, HIGHLIGHT_FILL, HIGHLIGHT_FILL]);
    await actions.highlightCells('Faktura', ['B3']);
    expect(['B2', 'B3', 'C5'].map((c) => fake.fillColor('Faktura', c))).toEqual([undefined, HIGHLIGHT_FILL, undefined]);
    await actions.highlightCells('Faktura', []);
    expect(fake.fillColor('Faktura', 'B3')).toBeUndefined();
    expect(fake.values('Faktura')).toEqual(values);
    // Nothing marked before or now: one sync to look, nothing written.
    fake.resetStats();
    await actions.highlightCells('Faktura', []);
    expect(fake.syncCount).toBe(1);
  });

  it("leave other sheets' marks and cells Granska never marked alone", async () => {
    const { fake, actions } = workbook({ Faktura: sheet(), Annan: sheet() });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Faktura').getRange('A1').format.fill.color = '#00FF00';
    });
    await actions.highlightCells('Annan', ['C2']);
    await actions.highlightCells('Faktura', ['B2']);
    await actions.highlightCells('Faktura', []);
    expect(fake.fillColor('Faktura', 'A1')).toBe('#00FF00');
    expect(fake.fillColor('Annan', 'C2')).toBe(HIGHLIGHT_FILL);
  });

  it("forget a sheet that was replaced: its successor's fills at the old places stay", async () => {
    const { fake, actions } = workbook({ Enhetsregister: register });
    const result = billWorkbook(await actions.readWorkbook('Enhetsregister', () => undefined), march);
    await actions.writeSheets(outputSheets(result), () => undefined);
    await actions.highlightCells('Faktura 2025-03', ['I2']);
    await actions.writeSheets(outputSheets(result), () => undefined); // "Ersätt": a new sheet
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Faktura 2025-03').getRange('I2').format.fill.color = '#00FF00';
    });
    await actions.highlightCells('Faktura 2025-03', []);
    expect(fake.fillColor('Faktura 2025-03', 'I2')).toBe('#00FF00');
    expect(Object.keys(fake.settings())).toContain(REVIEW_MARKS_KEY);
  });

  it('record a flood of differences as one range, and clear it next time', async () => {
    const rows = Array.from({ length: 30 }, () => Array.from({ length: 300 }, () => 1));
    const { fake, actions } = workbook({ Blad: rows });
    // Every other row of 300 columns: 4 500 runs, more than are recorded one by one.
    const cells = rows.flatMap((row, r) => (r % 2 === 0 ? row.map((_, c) => `${columnName(c)}${r + 1}`) : []));
    await actions.highlightCells('Blad', cells);
    expect(JSON.stringify(fake.settings()[REVIEW_MARKS_KEY]).length).toBeLessThan(200);
    await actions.highlightCells('Blad', []);
    expect(fake.fillColor('Blad', 'A1')).toBeUndefined();
    expect(fake.fillColor('Blad', 'KN29')).toBeUndefined();
  });

  it('never mark the register', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register });
    await actions.readWorkbook('Enhetsregister', () => undefined);
    const before = snapshot(fake, 'Enhetsregister');
    await expect(actions.highlightCells('enhetsregister', ['A2'])).rejects.toThrow('är registret och markeras aldrig');
    expect(snapshot(fake, 'Enhetsregister')).toBe(before);
  });
});

function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

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
    await actions.highlightCells(
      'Faktura 2025-03',
      differences.map((d) => d.address),
    );
    expect(fake.fillColor('Faktura 2025-03', 'I3')).toBe(HIGHLIGHT_FILL);
    expect(fake.values('Faktura 2025-03')).toEqual(values);
  });
});

describe('createExcelWorkbook', () => {
  it('uses the global Excel when none is given, looked up when an action runs', async () => {
    const actions = createExcelWorkbook();
    await expect(actions.overview()).rejects.toThrow('Excel är inte tillgängligt');
    const uninstall = installFakeOffice(createFakeExcel({ Blad1: [['a']] }));
    try {
      expect((await actions.overview()).sheets.map((s) => s.name)).toEqual(['Blad1']);
    } finally {
      uninstall();
    }
  });
});
