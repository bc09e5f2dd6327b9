// The VT.* functions follow the workbook: its Taxa sheet once read, and the pane's settings once saved.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRISBASBELOPP, sheetGrid, taxaOutputSheet, type Tariff } from '../../src/engine/index.js';
import { DEFAULT_TARIFF, kr } from '../../src/engine/index.js';
import { fee } from '../../src/functions/functions.js';
import { resetWorkbookTariff } from '../../src/functions/tariffSource.js';
import { syncFunctionsWithWorkbook } from '../../src/excel/index.js';
import { REGISTER_HEADERS, workbook } from './helpers.js';

afterEach(() => resetWorkbookTariff());

const v0 = DEFAULT_TARIFF.versions[0]!;
const dearer: Tariff = { source: 'test', versions: [{ ...v0, monthlyFee: { ...v0.monthlyFee, alarm: kr(301) } }] };
const taxaCells = (): (string | number)[][] => sheetGrid(taxaOutputSheet(dearer, DEFAULT_PRISBASBELOPP));
const register = [REGISTER_HEADERS, ['19400101-1230', 'A', 'Trygghetslarm', '', 45000, '', '', '', '', '', '']];

describe('custom functions follow the workbook (R1 under the workbook tariff and settings)', () => {
  it('reading the workbook hands its Taxa sheet to VT.FEE, and recalculates', async () => {
    const { fake, actions } = workbook({ Enhetsregister: register, Taxa: taxaCells() });
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(239);
    const before = fake.requests.length;
    await actions.readWorkbook('Enhetsregister', () => {});
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(301);
    expect(fake.requests.length).toBeGreaterThan(before);
  });

  it('saved settings (proration) apply to VT.FEE; at start-up they are read back from the workbook', async () => {
    const { actions, fake } = workbook({ Enhetsregister: register });
    await actions.saveSettings({ proration: 'days-30' });
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(159); // spec §8 H
    resetWorkbookTariff();
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(239);
    const { excelNamespace } = await import('../fakes/excel-fake.js');
    await syncFunctionsWithWorkbook(excelNamespace(fake));
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(159);
  });
});
