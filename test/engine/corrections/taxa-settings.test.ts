// §9 settings as Taxa version columns: Rättelsemånader and Retroaktiv debitering.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TARIFF, readTaxaSheet, taxaSheetValues, DEFAULT_PRISBASBELOPP } from '../../../src/engine/index.js';
import { runErrorOf, taxaSheet } from '../helpers.js';

const headerRow = () => taxaSheetValues(DEFAULT_TARIFF, DEFAULT_PRISBASBELOPP)[0]!;

describe('§9 settings on the Taxa sheet', () => {
  it('"Skapa Taxa-blad" writes both columns with the defaults, and they read back', () => {
    const values = taxaSheetValues(DEFAULT_TARIFF, DEFAULT_PRISBASBELOPP);
    const at = (h: string) => values[0]!.indexOf(h);
    expect(values[1]![at('Rättelsemånader')]).toBe(12);
    expect(values[1]![at('Retroaktiv debitering')]).toBe('Rapportera');
    const { tariff } = readTaxaSheet({ name: 'Taxa', values });
    expect(tariff.versions[0]!.settings).toMatchObject({ correctionMonths: 12, retroDebits: 'report' });
  });

  it('per version; labels and codes accepted; blank means the default', () => {
    const sheet = taxaSheet([{ from: '2025-01-01', correctionMonths: 6, retroDebits: 'bill' }, { from: '2026-01-01' }]);
    const values = sheet.values.map((r) => [...r]);
    const col = headerRow().indexOf('Retroaktiv debitering');
    values[2]![col] = 'bill';
    values[2]![headerRow().indexOf('Rättelsemånader')] = '';
    const { tariff } = readTaxaSheet({ name: 'Taxa', values });
    expect(tariff.versions.map((v) => [v.settings.correctionMonths, v.settings.retroDebits])).toEqual([
      [6, 'bill'],
      [12, 'bill'],
    ]);
  });

  it('a value out of range or unknown refuses the run with its cell', () => {
    const values = taxaSheet([{ from: '2025-01-01' }]).values.map((r) => [...r]);
    const months = headerRow().indexOf('Rättelsemånader');
    values[1]![months] = 37;
    expect(runErrorOf(() => readTaxaSheet({ name: 'Taxa', values })).message).toBe(
      'Bladet "Taxa", cell J2: Rättelsemånader ska vara ett heltal från 0 till 36 (värde: "37"). Rätta taxan och kör igen.',
    );
    values[1]![months] = 3;
    values[1]![months + 1] = 'ibland';
    expect(runErrorOf(() => readTaxaSheet({ name: 'Taxa', values })).message).toContain(
      'cell K2: Retroaktiv debitering kan inte vara "ibland"',
    );
  });
});
