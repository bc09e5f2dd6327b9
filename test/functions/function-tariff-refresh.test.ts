// src/excel/functionTariff.ts: the functions get the tariff the pane hands over, Excel recalculates
// after every change, and a recalculation that failed is made up for on the next refresh.
import { afterEach, describe, expect, it } from 'vitest';
import { fee } from '../../src/functions/functions.js';
import { resetWorkbookTariff } from '../../src/functions/tariffSource.js';
import { refreshFunctionSettings, refreshFunctionTariff } from '../../src/excel/functionTariff.js';
import { otherTaxa } from './helpers.js';

afterEach(() => resetWorkbookTariff());

/** Just enough of the Excel namespace for a recalculation; `failing` makes Excel.run reject. */
function stubExcel(): { excel: typeof Excel; calculations: string[]; setFailing(on: boolean): void } {
  const calculations: string[] = [];
  let failing = false;
  const excel = {
    run: async (_options: unknown, batch: (context: unknown) => Promise<unknown>) => {
      if (failing) throw Object.assign(new Error('Excel is busy'), { code: 'RequestAborted' });
      return batch({ application: { calculate: (type: string) => calculations.push(type) }, sync: async () => undefined });
    },
  };
  return { excel: excel as unknown as typeof Excel, calculations, setFailing: (on) => (failing = on) };
}

describe('refreshFunctionTariff and refreshFunctionSettings', () => {
  it('hand a Taxa sheet to VT.FEE and recalculate once per change, never writing a cell', async () => {
    const { excel, calculations } = stubExcel();
    const taxa = { ...otherTaxa(), firstRow: 1, firstColumn: 0 };
    await refreshFunctionTariff(excel, taxa);
    expect(fee('Trygghetslarm', '2025-08', '2025-01-01')).toBe(250);
    expect(calculations).toEqual(['Full']);
    await refreshFunctionTariff(excel, taxa); // unchanged: no second recalculation
    expect(calculations).toEqual(['Full']);
    await refreshFunctionTariff(excel, null); // the sheet was removed: back to the default
    expect(fee('Trygghetslarm', '2025-08', '2025-01-01')).toBe(239);
    expect(calculations).toEqual(['Full', 'Full']);
  });

  it('recalculate on the next refresh when the previous recalculation failed', async () => {
    const { excel, calculations, setFailing } = stubExcel();
    const taxa = { ...otherTaxa(), firstRow: 3, firstColumn: 0 };
    setFailing(true);
    await expect(refreshFunctionTariff(excel, taxa)).rejects.toThrow(/räkna om VT-funktionerna/);
    expect(fee('Trygghetslarm', '2025-08', '2025-01-01')).toBe(250); // the functions already have it
    setFailing(false);
    await refreshFunctionTariff(excel, taxa); // same sheet, but Excel still shows the old results
    expect(calculations).toEqual(['Full']);

    setFailing(true);
    await expect(refreshFunctionSettings(excel, { proration: 'days-30' })).rejects.toThrow(/räkna om VT-funktionerna/);
    setFailing(false);
    await refreshFunctionSettings(excel, { proration: 'days-30' });
    expect(calculations).toEqual(['Full', 'Full']);
    await refreshFunctionSettings(excel, { proration: 'days-30' }); // nothing owed, nothing changed
    expect(calculations).toEqual(['Full', 'Full']);
  });
});
