// The pane month after month: corrections of the months already billed (§9) in Förhandsgranska,
// Skapa faktura and Granska, and Exportera fakturaunderlag (§10), against the in-memory workbook.
import { describe, expect, it } from 'vitest';
import {
  exportTemplateSheet,
  INVOICE_HEADERS,
  KONTERING_TABLE_HEADERS,
  sheetGrid,
  type OutputCell,
} from '../../src/engine/index.js';
import { PaneController } from '../../src/taskpane/paneController.js';
import type { PaneHost } from '../../src/taskpane/paneHost.js';
import { makePnr, utcDate } from '../engine/helpers.js';
import { asRangeValues, MemoryWorkbook } from './memoryWorkbook.js';
import { februaryRecord, otherFeesRows, PNR_A, PNR_D, PNR_E, REGISTER, registerRows } from './seed.js';

const APRIL = new Date(2025, 3, 15); // default month 2025-03
const FEBRUARY = { year: 2025, month: 2 };
const MARCH = { year: 2025, month: 3 };
const PNR_K = makePnr('19410404', '404');

const serial = (iso: string): number => asRangeValues([[utcDate(iso)]])[0]![0] as number;

function workbook(extra: Record<string, unknown[][]> = {}, settings = {}) {
  return MemoryWorkbook.of({ [REGISTER]: asRangeValues(registerRows()), 'Övriga avgifter': otherFeesRows(), ...extra }, settings);
}

class TestHost implements PaneHost {
  copied: string[] = [];
  refuseCopy = false;
  now = () => new Date(2025, 3, 2, 9, 0);
  copyText = async (text: string): Promise<void> => {
    if (this.refuseCopy) throw new Error('nekad');
    this.copied.push(text);
  };
}

async function started(actions: MemoryWorkbook, host = new TestHost()): Promise<PaneController> {
  const ctl = new PaneController(actions, APRIL, host);
  await ctl.start();
  return ctl;
}

/** Bills February with the seed register, so that "Faktura 2025-02" is in the record. */
async function billedFebruary(actions: MemoryWorkbook): Promise<PaneController> {
  const ctl = await started(actions);
  ctl.setMonth(FEBRUARY);
  await ctl.createInvoice();
  expect(ctl.getState().run?.kind).toBe('created');
  ctl.setMonth(MARCH);
  return ctl;
}

const register = (actions: MemoryWorkbook) => actions.sheets.get(REGISTER)!;
const AVSLUTAD = 5;

/** The Export sheet as "Skapa Export-blad" writes it, with Konto and Ansvar filled in for every Typ. */
function filledExportSheet(): OutputCell[][] {
  const grid = sheetGrid(exportTemplateSheet());
  const konto = KONTERING_TABLE_HEADERS.indexOf('Konto');
  const ansvar = KONTERING_TABLE_HEADERS.indexOf('Ansvar');
  for (const row of grid.slice(1)) {
    if (row[0] === '') continue;
    row[konto] = '3510';
    row[ansvar] = '1234';
  }
  return grid;
}

describe('Förhandsgranska with the months already billed (R7)', () => {
  it('reads every other invoice sheet as the record and shows no correction for an unchanged register', async () => {
    const actions = workbook();
    const ctl = await billedFebruary(actions);
    await ctl.preview();
    expect(actions.calls.filter((c) => c.name === 'readWorkbook').at(-1)!.args[1]).toEqual({ record: { except: MARCH } });
    const c = ctl.getState().run!.corrections;
    expect(c).toMatchObject({ persons: 0, lines: 0, credits: '0 kr', heldBack: 0, checked: ['2025-02'], correctionMonths: 12 });
    expect(c.withoutRecord).toHaveLength(11); // 2024-03 … 2025-01
  });

  it('shows the credits of an end date entered late, before anything is written', async () => {
    const actions = workbook();
    const ctl = await billedFebruary(actions);
    register(actions)[5]![AVSLUTAD] = serial('2025-01-31'); // case E's alarm ended before February
    const writes = actions.count('writeSheets');
    await ctl.preview();
    const run = ctl.getState().run!;
    expect(run.corrections).toMatchObject({ persons: 1, lines: 1, credits: '−239 kr', debits: '0 kr', heldBack: 0 });
    expect(actions.count('writeSheets')).toBe(writes);
  });

  it('holds a debit back under Rapportera, as a Varning naming person, month and amount; bills it under Debitera', async () => {
    const actions = workbook();
    const ctl = await billedFebruary(actions);
    // K's alarm, installed in February, is entered only now: February should have billed 239 + 200.
    register(actions).push([PNR_K, 'Karin Lind', 'Trygghetslarm', 'TL-9', serial('2025-02-10'), '', '', '', '']);
    await ctl.preview();
    let run = ctl.getState().run!;
    expect(run.corrections).toMatchObject({ persons: 0, heldBack: 1, heldBackTotal: '439 kr', retroDebits: 'Rapportera' });
    const held = run.problems.filter((p) => p.rule === 'R7' && p.severity === 'Varning');
    expect(held.some((p) => p.message.includes('2025-02') && p.message.includes('439'))).toBe(true);

    ctl.setSetting('retroDebits', 'bill');
    await ctl.preview();
    run = ctl.getState().run!;
    expect(run.corrections).toMatchObject({ persons: 1, lines: 2, debits: '439 kr', heldBack: 0, retroDebits: 'Debitera' });
  });

  it('does not read the record when the pane turns corrections off', async () => {
    const actions = workbook();
    const ctl = await billedFebruary(actions);
    register(actions)[5]![AVSLUTAD] = serial('2025-01-31');
    ctl.setSetting('correctionMonths', '0');
    await ctl.preview();
    expect(actions.calls.filter((c) => c.name === 'readWorkbook').at(-1)!.args[1]).toEqual({});
    expect(ctl.getState().run!.corrections).toMatchObject({ correctionMonths: 0, lines: 0, checked: [] });
  });

  it('names an unreadable record cell as a Varning that leads to the cell', async () => {
    const actions = workbook();
    const ctl = await billedFebruary(actions);
    const february = actions.sheets.get('Faktura 2025-02')!;
    const belopp = INVOICE_HEADERS.indexOf('Belopp');
    february[1]![belopp] = '40 kr';
    await ctl.preview();
    const warning = ctl.getState().run!.problems.find((p) => p.sheet === 'Faktura 2025-02')!;
    expect(warning).toMatchObject({ severity: 'Varning', cell: 'I2', value: '40 kr' });
    await ctl.selectProblem(warning);
    expect(actions.calls.at(-1)).toEqual({ name: 'selectCell', args: ['Faktura 2025-02', 'I2'] });
  });

  it("the browser test's seed: February billed before Fanny Gran's row was entered holds back one debit of 239 kr", async () => {
    const ctl = await started(workbook({ 'Faktura 2025-02': februaryRecord() }));
    await ctl.preview();
    const run = ctl.getState().run!;
    expect(run.corrections).toMatchObject({ persons: 0, lines: 0, checked: ['2025-02'], heldBack: 1, heldBackTotal: '239 kr' });
    // The register's Varning and R7's held-back debit, counted as the Summering sheet counts them.
    expect(run.summary).toMatchObject({ lines: 7, total: '3 471 kr', warnings: 2 });
    const r7 = run.problems.filter((p) => p.rule === 'R7');
    expect(r7).toEqual([expect.objectContaining({ severity: 'Varning', sheet: REGISTER, row: 8 })]);
  });
});

describe('Granska with the record', () => {
  it('bills the month again with every other invoice sheet as the record', async () => {
    const actions = workbook();
    const ctl = await billedFebruary(actions);
    await ctl.createInvoice();
    await ctl.review();
    expect(actions.calls.filter((c) => c.name === 'readWorkbook').at(-1)!.args[1]).toEqual({ record: { except: MARCH } });
    expect(ctl.getState().notice).toMatchObject({ title: 'Inga skillnader' });
  });

  it('writes R7’s lines into the month’s invoice, recomputes them in Granska and marks an edited one', async () => {
    const actions = workbook();
    const ctl = await billedFebruary(actions);
    register(actions)[5]![AVSLUTAD] = serial('2025-01-31'); // case E's alarm ended before February
    await ctl.createInvoice();
    const invoice = actions.sheets.get('Faktura 2025-03')!;
    const header = invoice[0]!.map(String);
    const [regel, manad, belopp] = ['Regel', 'Månad', 'Belopp'].map((h) => header.indexOf(h));
    const r7 = invoice.findIndex((row) => row[regel!] === 'R7');
    expect(invoice[r7]![belopp!]).toBe(-239);
    expect(invoice[r7]![manad!]).toBe('2025-02');

    await ctl.review();
    expect(ctl.getState().notice).toMatchObject({ title: 'Inga skillnader' });

    invoice[r7]![belopp!] = -200; // a reviewer's edit of the correction
    await ctl.review();
    expect(ctl.getState().review?.differences.map((d) => d.address)).toEqual([`${'ABCDEFGHIJKLM'[belopp!]}${r7 + 1}`]);
  });
});

describe('Exportera fakturaunderlag', () => {
  async function billedMarch(extra: Record<string, unknown[][]> = {}) {
    const actions = workbook(extra);
    const host = new TestHost();
    const ctl = await started(actions, host);
    await ctl.createInvoice();
    return { actions, ctl, host };
  }

  it('offers the months with an invoice sheet, newest first, the billing month chosen', async () => {
    const actions = workbook({ 'Faktura 2025-01': [['x']], 'faktura 2025-03': [['x']], 'Faktura 2025-02 kopia': [['x']] });
    const ctl = await started(actions);
    expect(ctl.exportMonths()).toEqual([MARCH, { year: 2025, month: 1 }]);
    expect(ctl.exportMonth()).toEqual(MARCH);
    ctl.setMonth({ year: 2025, month: 2 }); // no invoice sheet: the newest
    expect(ctl.exportMonth()).toEqual(MARCH);
    ctl.setExportMonth({ year: 2025, month: 1 });
    expect(ctl.exportMonth()).toEqual({ year: 2025, month: 1 });
    expect((await started(workbook())).exportMonth()).toBeUndefined();
  });

  it('refuses without an Export sheet; Skapa Export-blad writes it, then every missing Konto is named by cell', async () => {
    const { actions, ctl } = await billedMarch();
    await ctl.checkExport();
    let view = ctl.getState().exportView!;
    expect(view.summary).toBeUndefined();
    expect(view.refusals.map((r) => r.message).join(' ')).toContain('Skapa Export-blad');
    expect(ctl.getState().notice).toMatchObject({ title: 'Underlaget kan inte skapas', area: 'export' });

    await ctl.createExportSheet();
    expect(ctl.getState().overview!.hasExportSheet).toBe(true);
    expect(ctl.getState().notice).toMatchObject({ title: 'Bladet Export är skapat', area: 'export' });
    expect(ctl.getState().exportView).toBeUndefined();
    await ctl.checkExport();
    view = ctl.getState().exportView!;
    const konto = view.refusals.filter((r) => r.column === 'Konto');
    // March has all four kinds; the template lists them in rows 2–5, Konto in column C (after Typ, Tjänst).
    expect(KONTERING_TABLE_HEADERS.indexOf('Konto')).toBe(2);
    expect(konto.map((r) => [r.sheet, r.cell]).sort()).toEqual([
      ['Export', 'C2'],
      ['Export', 'C3'],
      ['Export', 'C4'],
      ['Export', 'C5'],
    ]);
    expect(view.refusals).toHaveLength(4);
    await ctl.selectRefusal(konto[0]!);
    expect(actions.calls.at(-1)).toEqual({ name: 'selectCell', args: ['Export', konto[0]!.cell] });
    expect(actions.count('writeTextSheet')).toBe(0);

    await ctl.createExportSheet(); // a second time: refused, the sheet stays
    expect(ctl.getState().notice).toMatchObject({ intent: 'error', area: 'export' });
  });

  it('checks (figures, nothing written), makes the file, writes Export ÅÅÅÅ-MM and copies the text', async () => {
    const { actions, ctl, host } = await billedMarch({ Export: filledExportSheet() });
    await ctl.checkExport();
    const checked = ctl.getState().exportView!;
    expect(checked).toMatchObject({ kind: 'checked', sheet: 'Faktura 2025-03', refusals: [] });
    expect(checked.summary).toMatchObject({
      invoices: 4,
      creditInvoices: 0,
      lines: 7,
      total: '3 471 kr',
      format: 'Fast postlängd, ISO-8859-1, CRLF',
      fileName: 'fakturaunderlag-2025-03.txt',
      exportSheet: 'Export 2025-03',
      dueDate: '2025-05-02',
    });
    expect(ctl.getState().notice).toMatchObject({ title: 'Underlaget kan skapas', area: 'export' });
    expect(actions.count('writeTextSheet')).toBe(0);

    await ctl.makeExport();
    const made = ctl.getState().exportView!;
    expect(made.kind).toBe('made');
    const file = made.file!;
    expect(file).toMatchObject({ name: 'fakturaunderlag-2025-03.txt', encoding: 'ISO-8859-1', sheet: 'Export 2025-03' });
    const sheet = actions.sheets.get('Export 2025-03')!.map((r) => r[0] as string);
    expect(file.text).toBe(sheet.join('\r\n') + '\r\n');
    expect(file.bytes.length).toBe(file.text.length); // one byte a character in ISO-8859-1
    expect(sheet[0]!.startsWith('!VT-avgifter')).toBe(true);
    // One S, H and T per invoice; one R and K per line.
    const count = (t: string) => sheet.filter((l) => l.startsWith(t)).length;
    expect([count('S'), count('H'), count('R'), count('K'), count('T')]).toEqual([4, 4, 7, 7, 4]);
    expect(sheet.some((l) => l.startsWith(`S${PNR_A.replace('-', '').slice(2)}`))).toBe(true);
    expect(ctl.getState().notice).toMatchObject({ title: 'Fakturaunderlaget är skapat', area: 'export' });

    await ctl.copyExport();
    expect(host.copied).toEqual([file.text]);
    expect(ctl.getState().notice).toMatchObject({ title: 'Texten är kopierad' });
    expect(ctl.getState().notice!.text).toContain('ISO-8859-1');
    host.refuseCopy = true;
    await ctl.copyExport();
    expect(ctl.getState().notice).toMatchObject({ intent: 'warning', title: 'Texten kunde inte kopieras' });
    expect(ctl.getState().notice!.text).toContain('Export 2025-03');
    ctl.exportDownloadStarted();
    expect(ctl.getState().notice).toMatchObject({ title: 'Filen hämtas' });
  });

  it('asks before replacing an earlier Export ÅÅÅÅ-MM; Avbryt keeps it, Ersätt replaces it', async () => {
    const old = [['gammal fil']];
    const { actions, ctl } = await billedMarch({ Export: filledExportSheet(), 'Export 2025-03': old });
    await ctl.checkExport();
    await ctl.makeExport();
    expect(ctl.getState().confirm).toEqual({ existing: ['Export 2025-03'], month: MARCH, purpose: 'export' });
    ctl.cancelReplace();
    expect(ctl.getState().notice).toMatchObject({ title: 'Inget ändrades', area: 'export' });
    expect(actions.sheets.get('Export 2025-03')).toBe(old);
    expect(ctl.getState().exportView!.file).toBeUndefined();

    await ctl.makeExport();
    await ctl.confirmReplace();
    expect(actions.count('writeTextSheet')).toBe(1);
    expect(actions.sheets.get('Export 2025-03')![0]![0]).toMatch(/^!VT-avgifter/);
    expect(ctl.getState().exportView!.kind).toBe('made');
  });

  it('makes no file when the sheet changed since the check, and shows the new figures', async () => {
    const { actions, ctl } = await billedMarch({ Export: filledExportSheet() });
    await ctl.checkExport();
    const invoice = actions.sheets.get('Faktura 2025-03')!;
    const belopp = INVOICE_HEADERS.indexOf('Belopp');
    const row = invoice.findIndex((r) => r[0] === PNR_D);
    invoice[row]![belopp] = 45; // a hand edit after the check: 40 → 45
    await ctl.makeExport();
    expect(actions.count('writeTextSheet')).toBe(0);
    expect(ctl.getState().notice).toMatchObject({ title: 'Fakturabladet har ändrats', area: 'export' });
    expect(ctl.getState().exportView!.summary!.total).toBe('3 476 kr');
    await ctl.makeExport(); // the new figures were shown: now it goes
    expect(actions.count('writeTextSheet')).toBe(1);
  });

  it('refuses a hand edit that is not a number, naming sheet, cell and value, and counts credit invoices', async () => {
    const { actions, ctl } = await billedMarch({ Export: filledExportSheet() });
    const invoice = actions.sheets.get('Faktura 2025-03')!;
    const belopp = INVOICE_HEADERS.indexOf('Belopp');
    const e = invoice.findIndex((r) => r[0] === PNR_E && r[3] === 'Månadsavgift');
    invoice[e]![belopp] = '239 kr';
    await ctl.checkExport();
    const refusals = ctl.getState().exportView!.refusals;
    expect(refusals).toEqual([
      expect.objectContaining({ severity: 'Fel', sheet: 'Faktura 2025-03', cell: `I${e + 1}`, value: '239 kr' }),
    ]);

    invoice[e]![belopp] = -500; // E now sums to −500 − 97: a credit invoice
    await ctl.checkExport();
    expect(ctl.getState().exportView!.summary).toMatchObject({ invoices: 4, creditInvoices: 1 });
  });

  it('a new invoice for the month clears an export checked before it', async () => {
    const { ctl } = await billedMarch({ Export: filledExportSheet() });
    await ctl.checkExport();
    expect(ctl.getState().exportView).toBeDefined();
    await ctl.createInvoice();
    await ctl.confirmReplace();
    expect(ctl.getState().exportView).toBeUndefined();
  });
});
