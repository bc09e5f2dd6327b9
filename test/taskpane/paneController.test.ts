// The pane's flows against in-memory OfficeActions: what is read, computed, asked, written.
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/engine/index.js';
import { PaneController, type PaneState } from '../../src/taskpane/paneController.js';
import { asRangeValues, MemoryWorkbook } from './memoryWorkbook.js';
import { otherFeesRows, REGISTER, registerRows, SEED_TOTAL } from './seed.js';

const APRIL = new Date(2025, 3, 15); // default month 2025-03

function workbook(extra: Record<string, unknown[][]> = {}, settings = {}) {
  return MemoryWorkbook.of({ [REGISTER]: asRangeValues(registerRows()), 'Övriga avgifter': otherFeesRows(), ...extra }, settings);
}

async function started(actions: MemoryWorkbook, today = APRIL): Promise<PaneController> {
  const ctl = new PaneController(actions, today);
  await ctl.start();
  return ctl;
}

/** Every state the pane passed through, to check what the user saw while busy. */
function record(ctl: PaneController): PaneState[] {
  const seen: PaneState[] = [];
  ctl.subscribe(() => seen.push(ctl.getState()));
  return seen;
}

describe('start', () => {
  it("picks the register by name, last month, and the tariff's settings when none are saved", async () => {
    const ctl = await started(workbook());
    const s = ctl.getState();
    expect(s.registerSheet).toBe(REGISTER);
    expect(s.month).toEqual({ year: 2025, month: 3 });
    expect(s.settingInputs).toEqual({});
    expect(s.busy).toBeUndefined();
    expect(ctl.blocker()).toBeUndefined();
  });

  it('restores saved register sheet, columns and settings', async () => {
    const rows = asRangeValues(registerRows());
    rows[0]![4] = 'Datum in'; // Installerad not recognisable
    const actions = MemoryWorkbook.of(
      { Blad1: [['x']], Lista: rows },
      { registerSheet: 'Lista', mapping: { installed: 4 }, proration: 'days-30', reminderDays: 14 },
    );
    const ctl = await started(actions);
    expect(ctl.getState()).toMatchObject({
      registerSheet: 'Lista',
      manualMapping: { installed: 4 },
      settingInputs: { proration: 'days-30', reminderDays: '14' },
    });
    expect(ctl.blocker()).toBeUndefined();
  });

  it('asks for the register when no sheet fits, and blocks the runs', async () => {
    const ctl = await started(MemoryWorkbook.of({ Blad1: [['A', 'B']] }));
    expect(ctl.getState().registerSheet).toBeUndefined();
    expect(ctl.getState().notice).toMatchObject({ intent: 'info', title: 'Välj registerbladet' });
    expect(ctl.blocker()).toBe('Välj registerbladet.');
  });
});

describe('Förhandsgranska', () => {
  it('shows persons, lines, total and problems, and writes nothing', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    await ctl.preview();
    const run = ctl.getState().run!;
    expect(run.kind).toBe('preview');
    expect(run.summary).toMatchObject({ persons: 4, lines: 7, total: '3 471 kr', errors: 2, warnings: 1 });
    expect(run.summary.tariff).toContain('standardtaxa');
    expect(run.problems.map((p) => p.cell)).toEqual(['A5', 'C7', 'H8']);
    expect(actions.count('writeSheets')).toBe(0);
    expect(actions.count('saveSettings')).toBe(0);
    expect(SEED_TOTAL).toBe(3471);
  });

  it('reports progress while reading and paints it before the engine runs', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    const seen = record(ctl);
    let runBeforeYield: boolean | undefined;
    ctl.subscribe(() => {
      const s = ctl.getState();
      // A timer set when "Beräknar" shows must fire before the (synchronous) engine result lands.
      if (runBeforeYield === undefined && s.progress?.text.startsWith('Beräknar')) {
        setTimeout(() => {
          runBeforeYield = ctl.getState().run !== undefined;
        }, 0);
      }
    });
    await ctl.preview();
    expect(seen.some((s) => s.busy === 'preview' && s.progress?.text.startsWith('Läser'))).toBe(true);
    const fractions = seen.filter((s) => s.progress).map((s) => s.progress!.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(runBeforeYield).toBe(false);
    expect(ctl.getState().progress).toBeUndefined();
  });

  it('uses the chosen month and settings', async () => {
    const ctl = await started(workbook());
    ctl.setSetting('proration', 'days-30');
    await ctl.preview();
    // 30-dagarsmånad: case A 20 days → 159 (not 239), case D 1..20 March → 27 (not 40).
    expect(ctl.getState().run!.summary).toMatchObject({ proration: '30-dagarsmånad', total: '3 378 kr' });
    ctl.setMonth({ year: 2025, month: 2 });
    expect(ctl.getState().run).toBeUndefined(); // results of another month are not kept on screen
    await ctl.preview();
    expect(ctl.getState().run!.month).toEqual({ year: 2025, month: 2 });
  });

  it("shows a RunError as an error notice with the engine's Swedish message", async () => {
    const ctl = await started(workbook());
    ctl.setMonth({ year: 2024, month: 6 }); // before the built-in tariff
    await ctl.preview();
    expect(ctl.getState().notice).toMatchObject({ intent: 'error', title: 'Körningen kan inte göras' });
    expect(ctl.getState().notice!.text).toMatch(/^Ingen taxa gäller för 2024-06/);
    expect(ctl.getState().run).toBeUndefined();
    expect(ctl.getState().busy).toBeUndefined();
  });

  it('shows a failing workbook call as an error and recovers', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    actions.failNext.readWorkbook = new Error('Bladet kunde inte läsas.');
    await ctl.preview();
    expect(ctl.getState().notice).toMatchObject({ intent: 'error', title: 'Något gick fel' });
    expect(ctl.getState().notice!.text).toContain('Bladet kunde inte läsas.');
    await ctl.preview();
    expect(ctl.getState().run).toBeDefined();
  });

  it('runs one action at a time', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    await Promise.all([ctl.preview(), ctl.preview(), ctl.createInvoice()]);
    expect(actions.count('readWorkbook')).toBe(1);
  });
});

describe('column mapping by hand', () => {
  it('blocks until required columns are chosen, then bills with that column and saves the choice', async () => {
    const rows = asRangeValues(registerRows());
    rows[0]![4] = 'Datum in';
    const actions = MemoryWorkbook.of({ Lista: rows, 'Övriga avgifter': otherFeesRows() });
    const ctl = await started(actions);
    ctl.setRegisterSheet('Lista');
    expect(ctl.blocker()).toBe('Välj kolumn för Installerad.');
    ctl.setColumn('installed', 4);
    expect(ctl.blocker()).toBeUndefined();
    await ctl.preview();
    expect(ctl.getState().run!.summary.total).toBe('3 471 kr');
    await ctl.settled();
    expect(actions.saved).toEqual({ registerSheet: 'Lista', mapping: { installed: 4 } });
  });

  it('refuses to bill if the columns moved since they were chosen', async () => {
    const rows = asRangeValues(registerRows());
    rows[0]![4] = 'Datum in';
    const actions = MemoryWorkbook.of({ Lista: rows });
    const ctl = await started(actions);
    ctl.setRegisterSheet('Lista');
    ctl.setColumn('installed', 4);
    rows.forEach((r) => r.unshift('')); // a column inserted at the left after the overview was read
    rows[0]![0] = 'Ny kolumn';
    await ctl.preview();
    expect(ctl.getState().notice).toMatchObject({ intent: 'error' });
    expect(ctl.getState().notice!.text).toContain('har ändrats');
    expect(ctl.getState().run).toBeUndefined();
  });

  it('a new register sheet starts without hand-picked columns', async () => {
    const actions = workbook({ Annat: asRangeValues(registerRows()) });
    const ctl = await started(actions);
    ctl.setColumn('reminder', 7);
    ctl.setRegisterSheet('Annat');
    expect(ctl.getState().manualMapping).toEqual({});
    await ctl.settled();
    expect(actions.saved).toEqual({ registerSheet: 'Annat' });
  });

  it('saves settings only when valid', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    ctl.setSetting('reminderDays', '4x');
    expect(ctl.blocker()).toBe('Påminnelsedagar ska vara ett heltal från 0 till 3650 (fick "4x").');
    expect(ctl.settingProblems().map((p) => p.setting)).toEqual(['reminderDays']);
    await ctl.settled();
    expect(actions.count('saveSettings')).toBe(0);
    ctl.setSetting('reminderDays', '45');
    ctl.setSetting('proration', 'actual-days');
    ctl.setSetting('proration', '');
    await ctl.settled();
    expect(actions.saved).toEqual({ registerSheet: REGISTER, reminderDays: 45 });
  });
});

describe('correction settings (§9)', () => {
  it('are stored with the workbook once they read, in the engine vocabulary; blank leaves them to the Taxa sheet', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    ctl.setSetting('correctionMonths', '37');
    expect(ctl.blocker()).toBe('Rättelsemånader ska vara ett heltal från 0 till 36 (fick "37").');
    await ctl.settled();
    expect(actions.count('saveSettings')).toBe(0);
    ctl.setSetting('correctionMonths', '0');
    ctl.setSetting('retroDebits', 'bill');
    expect(ctl.blocker()).toBeUndefined();
    await ctl.settled();
    expect(actions.saved).toEqual({ registerSheet: REGISTER, correctionMonths: 0, retroDebits: 'bill' });
    ctl.setSetting('retroDebits', '');
    await ctl.settled();
    expect(actions.saved).toEqual({ registerSheet: REGISTER, correctionMonths: 0 });
  });

  it('come back from the workbook into the fields', async () => {
    const ctl = await started(workbook({}, { registerSheet: REGISTER, correctionMonths: 6, retroDebits: 'report' }));
    expect(ctl.getState().settingInputs).toEqual({ correctionMonths: '6', retroDebits: 'report' });
  });
});

describe('Skapa faktura', () => {
  it('writes the three sheets when none exist, with progress, and reports success', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    const seen = record(ctl);
    await ctl.createInvoice();
    expect(actions.calls.find((c) => c.name === 'writeSheets')!.args[0]).toEqual([
      'Faktura 2025-03',
      'Summering 2025-03',
      'Problem 2025-03',
    ]);
    expect(seen.some((s) => s.busy === 'create' && s.progress?.text.startsWith('Skriver'))).toBe(true);
    expect(ctl.getState().run!.kind).toBe('created');
    expect(ctl.getState().notice).toMatchObject({ intent: 'success', title: 'Fakturan är skapad' });
    expect(ctl.getState().overview!.sheets.map((s) => s.name)).toContain('Faktura 2025-03');
    const invoice = actions.sheets.get('Faktura 2025-03')!;
    expect(invoice[0]).toContain('Belopp');
    expect(invoice.length).toBe(8); // header + 7 lines
  });

  it('asks before replacing; Avbryt changes nothing', async () => {
    const stale = [['gammalt']];
    const actions = workbook({ 'Problem 2025-03': stale });
    const ctl = await started(actions);
    await ctl.createInvoice();
    expect(ctl.getState().confirm).toEqual({
      existing: ['Problem 2025-03'],
      month: { year: 2025, month: 3 },
      purpose: 'invoice',
    });
    expect(ctl.getState().busy).toBeUndefined();
    ctl.cancelReplace();
    expect(ctl.getState().confirm).toBeUndefined();
    expect(ctl.getState().notice).toMatchObject({ intent: 'info', title: 'Inget ändrades' });
    expect(actions.count('writeSheets')).toBe(0);
    expect(actions.sheets.get('Problem 2025-03')).toBe(stale);
    await ctl.confirmReplace(); // a late click after Avbryt must not write
    expect(actions.count('writeSheets')).toBe(0);
  });

  it('replaces after "Ersätt"', async () => {
    const actions = workbook({ 'Faktura 2025-03': [['gammalt']], 'Summering 2025-03': [['gammalt']] });
    const ctl = await started(actions);
    await ctl.createInvoice();
    expect(ctl.getState().confirm!.existing).toEqual(['Faktura 2025-03', 'Summering 2025-03']);
    await ctl.confirmReplace();
    expect(actions.count('writeSheets')).toBe(1);
    expect(actions.sheets.get('Faktura 2025-03')![0]![0]).toBe('Personnummer');
    expect(ctl.getState().confirm).toBeUndefined();
    expect(ctl.getState().run!.kind).toBe('created');
  });
});

describe('problem list and Granska', () => {
  it('selecting a problem selects its register cell', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    await ctl.preview();
    const problem = ctl.getState().run!.problems[0] as Problem;
    await ctl.selectProblem(problem);
    expect(actions.calls.at(-1)).toEqual({ name: 'selectCell', args: [REGISTER, 'A5'] });
  });

  it('says so when the invoice sheet is missing', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    await ctl.review();
    expect(ctl.getState().notice).toMatchObject({ intent: 'warning', title: 'Bladet Faktura 2025-03 finns inte' });
    expect(actions.count('readWorkbook')).toBe(0);
    expect(actions.count('highlightCells')).toBe(0);
  });

  it('finds exactly the hand-edited cell, highlights it and changes no value', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    await ctl.createInvoice();
    const invoice = actions.sheets.get('Faktura 2025-03')!;
    await ctl.review();
    expect(ctl.getState().review!.differences).toEqual([]);
    expect(ctl.getState().notice).toMatchObject({ intent: 'success', title: 'Inga skillnader' });

    const belopp = invoice[0]!.indexOf('Belopp');
    invoice[1]![belopp] = 999;
    const before = JSON.stringify(invoice);
    await ctl.review();
    const diffs = ctl.getState().review!.differences;
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ address: 'I2', header: 'Belopp', actual: 999 });
    expect(actions.calls.filter((c) => c.name === 'highlightCells').at(-1)!.args).toEqual(['Faktura 2025-03', ['I2']]);
    expect(JSON.stringify(actions.sheets.get('Faktura 2025-03'))).toBe(before);
    expect(actions.count('writeSheets')).toBe(1);
    await ctl.selectDifference(diffs[0]!);
    expect(actions.calls.at(-1)).toEqual({ name: 'selectCell', args: ['Faktura 2025-03', 'I2'] });

    // Fixed by hand: Granska finds nothing and asks for no marks, so the old mark goes.
    invoice[1]![belopp] = 40;
    await ctl.review();
    expect(ctl.getState().notice).toMatchObject({ title: 'Inga skillnader' });
    expect(actions.calls.filter((c) => c.name === 'highlightCells').at(-1)!.args).toEqual(['Faktura 2025-03', []]);
  });
});

describe('Taxa sheet', () => {
  it('creates it, then the overview says it exists and billing uses it', async () => {
    const actions = workbook();
    const ctl = await started(actions);
    expect(ctl.getState().overview!.hasTaxaSheet).toBe(false);
    await ctl.createTaxaSheet();
    expect(ctl.getState().overview!.hasTaxaSheet).toBe(true);
    expect(ctl.getState().notice).toMatchObject({ intent: 'success', title: 'Bladet Taxa är skapat' });
    await ctl.preview();
    expect(ctl.getState().run!.summary.tariff).toMatch(/Taxa/);
  });
});

describe('a failing start', () => {
  it('shows the error, and "Läs in bladen igen" starts over', async () => {
    const actions = workbook({}, { proration: 'actual-days' });
    actions.failNext.overview = new Error('Excel svarar inte.');
    const ctl = new PaneController(actions, APRIL);
    await ctl.start();
    expect(ctl.getState().notice).toMatchObject({ intent: 'error' });
    expect(ctl.blocker()).toBe('Arbetsboken läses in …');
    await ctl.refresh();
    expect(ctl.getState()).toMatchObject({ registerSheet: REGISTER, settingInputs: { proration: 'actual-days' } });
    expect(ctl.getState().notice).toBeUndefined();
  });
});
