// The VT.* functions follow the workbook (followWorkbook): its Taxa sheet and stored overrides,
// with a full recalculation only when what the functions use has changed (issue 9 item 13).
import { afterEach, describe, expect, it } from 'vitest';
import type { SheetCells } from '../../src/engine/index.js';
import { followWorkbook, paneTellingFollower, type FunctionsFollower } from '../../src/functions/followWorkbook.js';
import { fee } from '../../src/functions/functions.js';
import * as functionTariff from '../../src/functions/tariffSource.js';
import type { FunctionsWorkbookPort, StoredSettings, WorkbookPort } from '../../src/workbook/index.js';
import { otherTaxa } from './helpers.js';

afterEach(() => functionTariff.resetWorkbookTariff());

/** The functions' side of a workbook in memory: a Taxa sheet, stored settings, recalculations counted. */
class StubWorkbook implements FunctionsWorkbookPort {
  taxa: SheetCells | undefined;
  stored: StoredSettings = {};
  recalculations = 0;
  taxaReads = 0;
  failRecalculation = false;
  failWatch = false;
  listener: (() => void) | undefined;

  async readTaxaSheet(): Promise<SheetCells | undefined> {
    this.taxaReads++;
    await Promise.resolve();
    return this.taxa;
  }
  async loadSettings(): Promise<StoredSettings> {
    return this.stored;
  }
  async recalculate(): Promise<void> {
    if (this.failRecalculation) throw new Error('Det gick inte att räkna om VT-funktionerna.');
    this.recalculations++;
  }
  async watchTaxaSheet(listener: () => void): Promise<() => Promise<void>> {
    if (this.failWatch) throw new Error('ApiNotFound');
    this.listener = listener;
    return async () => {
      this.listener = undefined;
    };
  }
}

function follow(stub: StubWorkbook): { functions: FunctionsFollower; problems: unknown[] } {
  const problems: unknown[] = [];
  return { functions: followWorkbook(stub, functionTariff, (e) => problems.push(e)), problems };
}

/** otherTaxa with the first version's alarm fee changed. */
function taxaWithAlarm(alarm: number): SheetCells {
  const t = otherTaxa();
  return { ...t, values: t.values.map((row, i) => (i === 1 ? [row[0], alarm, ...row.slice(2)] : row)) };
}

describe('at the start of the shared runtime', () => {
  it('does not recalculate a workbook without a Taxa sheet or stored overrides', async () => {
    const stub = new StubWorkbook();
    const { functions, problems } = follow(stub);
    await functions.start();
    expect(stub.recalculations).toBe(0);
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(239);
    expect(problems).toEqual([]);
  });

  it('recalculates once for a Taxa sheet and stored overrides together', async () => {
    const stub = new StubWorkbook();
    stub.taxa = otherTaxa();
    stub.stored = { registerSheet: 'Enhetsregister', proration: 'days-30' };
    const { functions } = follow(stub);
    await functions.start();
    expect(stub.recalculations).toBe(1);
    expect(functionTariff.currentSettings()).toEqual({ proration: 'days-30' });
    // 2025-08 uses the sheet's 2025-07-01 version (250 kr); 20 of 31 days at 30-dagarsmånad.
    expect(fee('Trygghetslarm', '2025-08', '2025-08-12')).toBe(167);
  });

  it('does not recalculate a stored override the functions already use', async () => {
    functionTariff.setWorkbookSettings({ reminderDays: 14 });
    const stub = new StubWorkbook();
    stub.stored = { reminderDays: 14 };
    const { functions } = follow(stub);
    await functions.start();
    expect(stub.recalculations).toBe(0);
  });

  it('still reads the workbook where the host cannot watch the Taxa sheet, and says why', async () => {
    const stub = new StubWorkbook();
    stub.failWatch = true;
    stub.taxa = otherTaxa();
    const { functions, problems } = follow(stub);
    await functions.start();
    expect(problems).toHaveLength(1);
    expect(fee('Trygghetslarm', '2025-08', '2025-08-01')).toBe(250);
  });
});

describe('afterwards', () => {
  it('follows an edited Taxa sheet, recalculating only when its cells differ', async () => {
    const stub = new StubWorkbook();
    stub.taxa = otherTaxa();
    const { functions } = follow(stub);
    await functions.start();
    expect(stub.recalculations).toBe(1);
    stub.taxa = taxaWithAlarm(260);
    stub.listener!();
    await functions.refresh();
    expect(fee('Trygghetslarm', '2025-03', '2025-03-01')).toBe(260);
    expect(stub.recalculations).toBe(2);
    stub.listener!(); // e.g. a format change: same values
    await functions.refresh();
    expect(stub.recalculations).toBe(2);
    stub.taxa = undefined; // the sheet was deleted: back to the built-in tariff
    await functions.refresh();
    expect(fee('Trygghetslarm', '2025-03', '2025-03-01')).toBe(239);
    expect(stub.recalculations).toBe(3);
  });

  it('reads once more after a burst of changes, not once per change', async () => {
    const stub = new StubWorkbook();
    const { functions } = follow(stub);
    await functions.start();
    const before = stub.taxaReads;
    const done = Promise.all([1, 2, 3, 4, 5].map(() => functions.refresh()));
    await done;
    expect(stub.taxaReads - before).toBe(1);
  });

  it('makes up a failed recalculation at the next change, reported and not thrown', async () => {
    const stub = new StubWorkbook();
    const { functions, problems } = follow(stub);
    await functions.start();
    stub.failRecalculation = true;
    await functions.overridesStored({ proration: 'actual-days' });
    expect(problems).toHaveLength(1);
    expect(functionTariff.currentSettings()).toEqual({ proration: 'actual-days' }); // the functions have it
    stub.failRecalculation = false;
    await functions.overridesStored({ proration: 'actual-days' }); // the same, but Excel still shows old results
    expect(stub.recalculations).toBe(1);
    await functions.overridesStored({ proration: 'actual-days' }); // nothing owed, nothing changed
    expect(stub.recalculations).toBe(1);
  });

  it('stops listening', async () => {
    const stub = new StubWorkbook();
    const { functions } = follow(stub);
    await functions.start();
    expect(stub.listener).toBeDefined();
    await functions.stop();
    expect(stub.listener).toBeUndefined();
  });
});

describe('paneTellingFollower', () => {
  /** Records calls; the pane's port, reduced to what these tests touch. */
  function panePort(stub: StubWorkbook, calls: string[]): WorkbookPort {
    const refuse = async (): Promise<never> => {
      throw new Error('not used');
    };
    return {
      overview: async () => ({ sheets: [], hasTaxaSheet: false, hasExportSheet: false }),
      loadSettings: async () => stub.stored,
      saveSettings: async (settings) => {
        calls.push('saveSettings');
        stub.stored = settings;
      },
      readWorkbook: refuse,
      readSheets: refuse,
      existingSheets: async () => [],
      writeSheets: refuse,
      writeTextSheet: refuse,
      createTaxaSheet: async () => {
        calls.push('createTaxaSheet');
        stub.taxa = otherTaxa();
      },
      selectCell: async () => {
        calls.push('selectCell');
      },
      readSheetValues: async () => undefined,
      highlightCells: refuse,
      createExportSheet: refuse,
    };
  }

  it("hands the pane's stored overrides and new Taxa sheet to the functions, and passes the rest through", async () => {
    const stub = new StubWorkbook();
    const calls: string[] = [];
    const { functions } = follow(stub);
    await functions.start();
    const pane = paneTellingFollower(panePort(stub, calls), functions);
    await pane.saveSettings({ registerSheet: 'Lista', proration: 'days-30' });
    expect(functionTariff.currentSettings()).toEqual({ proration: 'days-30' });
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(159); // spec §8 H
    await pane.saveSettings({ registerSheet: 'Annat', proration: 'days-30' }); // overrides unchanged
    expect(stub.recalculations).toBe(1);
    await pane.createTaxaSheet();
    expect(fee('Trygghetslarm', '2025-08', '2025-08-01')).toBe(250);
    expect(stub.recalculations).toBe(2);
    await pane.selectCell('Lista', 'A1');
    expect(calls).toEqual(['saveSettings', 'saveSettings', 'createTaxaSheet', 'selectCell']);
  });
});
