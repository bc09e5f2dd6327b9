// The custom functions follow the workbook in the shared runtime (issue 9 items 13, 14): the
// Excel adapter's Taxa watch (Worksheet.onChanged, sheets added/deleted/renamed) and the
// follower, against the strict fake. Excel recalculates only when what the functions use changed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  billWorkbook,
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  kr,
  outputSheets,
  sheetGrid,
  taxaOutputSheet,
  type Tariff,
} from '../../src/engine/index.js';
import { createExcelWorkbook } from '../../src/excel/index.js';
import { followWorkbook, paneTellingFollower, type FunctionsFollower } from '../../src/functions/followWorkbook.js';
import { fee } from '../../src/functions/functions.js';
import * as functionTariff from '../../src/functions/tariffSource.js';
import { createFakeExcel, excelNamespace, type FakeExcel, type FakeExcelOptions } from '../fakes/excel-fake.js';
import { REGISTER_HEADERS } from './helpers.js';

const v0 = DEFAULT_TARIFF.versions[0]!;
const dearer: Tariff = { source: 'test', versions: [{ ...v0, monthlyFee: { ...v0.monthlyFee, alarm: kr(301) } }] };
const taxaCells = (): (string | number)[][] => sheetGrid(taxaOutputSheet(dearer, DEFAULT_PRISBASBELOPP));
const register = [REGISTER_HEADERS, ['19400101-1230', 'A', 'Trygghetslarm', '', 45000, '', '', '', '', '', '']];
const march = (): number => fee('Trygghetslarm', '2025-03', '2025-03-12');

let running: FunctionsFollower | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  functionTariff.resetWorkbookTariff();
});

async function started(
  sheets: Record<string, unknown[][]>,
  options?: FakeExcelOptions,
): Promise<{ fake: FakeExcel; functions: FunctionsFollower; problems: unknown[] }> {
  const fake = createFakeExcel(sheets, options);
  const problems: unknown[] = [];
  const functions = followWorkbook(createExcelWorkbook(excelNamespace(fake)), functionTariff, (e) => problems.push(e));
  running = functions;
  await functions.start();
  return { fake, functions, problems };
}

/** A hand edit: the alarm fee of the first version in the Taxa sheet. */
async function editAlarmFee(fake: FakeExcel, sheet: string, amount: number): Promise<void> {
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange('B2').values = [[amount]];
  });
}

describe('start of the shared runtime (item 13)', () => {
  it('no Taxa sheet, no stored overrides: no recalculation', async () => {
    const { fake, problems } = await started({ Enhetsregister: register });
    expect(fake.calculations).toEqual([]);
    expect(march()).toBe(239);
    expect(problems).toEqual([]);
  });

  it('a Taxa sheet and stored overrides: one full recalculation', async () => {
    const fake0 = createFakeExcel({ Enhetsregister: register, Taxa: taxaCells() });
    await createExcelWorkbook(excelNamespace(fake0)).saveSettings({ registerSheet: 'Enhetsregister', proration: 'days-30' });
    const problems: unknown[] = [];
    running = followWorkbook(createExcelWorkbook(excelNamespace(fake0)), functionTariff, (e) => problems.push(e));
    await running.start();
    expect(fake0.calculations).toEqual(['Full']);
    expect(march()).toBe(201); // 301 kr, 20 days of 30 (spec §8 H's rule)
    expect(problems).toEqual([]);
  });
});

describe('a hand edit of the Taxa sheet reaches VT.* without the pane (item 14)', () => {
  it('follows an edited fee, and recalculates once per change', async () => {
    const { fake, problems } = await started({ Enhetsregister: register, Taxa: taxaCells() });
    expect(march()).toBe(301);
    expect(fake.calculations).toEqual(['Full']);
    await editAlarmFee(fake, 'Taxa', 310);
    await vi.waitFor(() => expect(march()).toBe(310));
    await fake.events.settled();
    expect(fake.calculations).toEqual(['Full', 'Full']);
    // An edit elsewhere is not the Taxa sheet's: nothing read, nothing recalculated.
    const syncs = fake.syncCount;
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Enhetsregister').getRange('B2').values = [['Anna']];
    });
    await fake.events.settled();
    expect(fake.syncCount).toBe(syncs + 1);
    expect(fake.calculations).toEqual(['Full', 'Full']);
    expect(problems).toEqual([]);
    expect(fake.events.errors).toEqual([]);
  });

  it('follows a Taxa sheet that arrives later (Skapa Taxa-blad, written under a temporary name), is renamed or deleted', async () => {
    const { fake } = await started({ Enhetsregister: register });
    await createExcelWorkbook(excelNamespace(fake)).createTaxaSheet(); // the adapter alone: only events tell
    await fake.events.settled();
    await vi.waitFor(() => expect(functionTariff.workbookTariffStatus()).toMatchObject({ source: 'bladet "Taxa"' }));
    await editAlarmFee(fake, 'Taxa', 320);
    await vi.waitFor(() => expect(march()).toBe(320));

    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Taxa').name = 'Taxa 2024';
    });
    await vi.waitFor(() => expect(march()).toBe(239)); // no sheet is Taxa now: the built-in tariff
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Taxa 2024').name = 'taxa';
    });
    await vi.waitFor(() => expect(march()).toBe(320));
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('taxa').delete();
    });
    await vi.waitFor(() => expect(march()).toBe(239));
    await fake.events.settled();
    expect(fake.events.errors).toEqual([]);
  });

  it('on a host without rename events (ExcelApi 1.16) still follows edits, and the pane tells it of a new sheet', async () => {
    const { fake, functions, problems } = await started({ Enhetsregister: register }, { excelApi: '1.16' });
    expect(problems).toEqual([]); // the missing rename event is not a problem
    const pane = paneTellingFollower(createExcelWorkbook(excelNamespace(fake)), functions);
    await pane.createTaxaSheet();
    expect(functionTariff.workbookTariffStatus()).toMatchObject({ source: 'bladet "Taxa"' });
    await fake.events.settled();
    await editAlarmFee(fake, 'Taxa', 330);
    await vi.waitFor(() => expect(march()).toBe(330));
  });

  it('writing the invoice (sheets added, renamed, deleted) recalculates nothing and looks at the sheets a few times, not per event', async () => {
    const { fake } = await started({ Enhetsregister: register, Taxa: taxaCells(), 'Faktura 2025-03': [['gammalt']] });
    const workbook = createExcelWorkbook(excelNamespace(fake));
    const input = await workbook.readWorkbook('Enhetsregister', () => undefined);
    const runs = fake.runCount;
    await workbook.writeSheets(outputSheets(billWorkbook(input, { month: { year: 2025, month: 3 } })), () => undefined);
    const writeRuns = fake.runCount - runs;
    await fake.events.settled();
    await vi.waitFor(() => expect(fake.events.delivered.length).toBeGreaterThan(6));
    await fake.events.settled();
    expect(fake.runCount - runs - writeRuns).toBeLessThanOrEqual(4);
    expect(fake.calculations.filter((c) => c === 'Full')).toEqual(['Full']); // the start's, for the Taxa sheet
    expect(fake.events.errors).toEqual([]);
  });

  it('stops: every handler removed', async () => {
    const { fake, functions } = await started({ Enhetsregister: register, Taxa: taxaCells() });
    expect(fake.events.count()).toBe(4); // added, deleted, renamed, and the Taxa sheet's cells
    await functions.stop();
    expect(fake.events.count()).toBe(0);
    await editAlarmFee(fake, 'Taxa', 340);
    await fake.events.settled();
    expect(march()).toBe(301);
  });
});

describe("the pane's stored overrides", () => {
  it('apply to VT.FEE when stored, and are read back at the next start', async () => {
    const { fake, functions } = await started({ Enhetsregister: register });
    const pane = paneTellingFollower(createExcelWorkbook(excelNamespace(fake)), functions);
    await pane.saveSettings({ registerSheet: 'Enhetsregister', proration: 'days-30' });
    expect(march()).toBe(159); // spec §8 H
    expect(fake.calculations).toEqual(['Full']);
    await functions.stop();
    functionTariff.resetWorkbookTariff();
    expect(march()).toBe(239);
    running = followWorkbook(createExcelWorkbook(excelNamespace(fake)), functionTariff);
    await running.start();
    expect(march()).toBe(159);
  });
});
