// Pure helpers of the task pane: months, register choice, column mapping, settings fields, texts.
import { describe, expect, it } from 'vitest';
import { billWorkbook, parseMonthKey, runFacts, type Problem } from '../../src/engine/index.js';
import type { WorkbookOverview } from '../../src/workbook/index.js';
import { cellText } from '../../src/taskpane/cellText.js';
import { defaultMonth, monthLabel, monthOptions } from '../../src/taskpane/months.js';
import { monthsText } from '../../src/taskpane/correctionsSummary.js';
import { problemCountText, problemPlace, problemTarget, refusalPlace } from '../../src/taskpane/problemText.js';
import {
  columnTitle,
  initialRegisterSheet,
  mappingRows,
  missingFields,
  validManualMapping,
} from '../../src/taskpane/registerColumns.js';
import { summarise } from '../../src/taskpane/runSummary.js';
import { inputsOf, readSettingInputs, settingOptions } from '../../src/taskpane/settingInputs.js';
import { PhaseProgress, PROGRESS_PLANS } from '../../src/taskpane/progressPhases.js';
import { asRangeValues } from './memoryWorkbook.js';
import { otherFeesRows, registerRows } from './seed.js';

const overview = (sheets: Record<string, string[]>, hasTaxaSheet = false): WorkbookOverview => ({
  sheets: Object.entries(sheets).map(([name, headers]) => ({ name, headers, rowCount: 3 })),
  hasTaxaSheet,
  hasExportSheet: false,
});

describe('months', () => {
  it('defaults to last month, across a year end', () => {
    expect(defaultMonth(new Date(2025, 3, 15))).toEqual({ year: 2025, month: 3 });
    expect(defaultMonth(new Date(2025, 0, 1, 0, 5))).toEqual({ year: 2024, month: 12 });
    expect(defaultMonth(new Date(2025, 11, 31, 23, 59))).toEqual({ year: 2025, month: 11 });
  });

  it('offers next month first, newest first, with Swedish names', () => {
    const opts = monthOptions(new Date(2025, 3, 15), { year: 2025, month: 3 });
    expect(opts[0]).toEqual({ month: { year: 2025, month: 5 }, key: '2025-05', label: 'maj 2025' });
    expect(opts.map((o) => o.key)).toContain('2025-03');
    expect(opts.length).toBe(50);
    const keys = opts.map((o) => o.key);
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it('keeps a chosen month outside the range in the list', () => {
    const opts = monthOptions(new Date(2025, 3, 15), { year: 2012, month: 7 });
    expect(opts.at(-1)).toEqual({ month: { year: 2012, month: 7 }, key: '2012-07', label: 'juli 2012' });
  });

  it('labels months in Swedish', () => {
    expect(monthLabel({ year: 2025, month: 1 })).toBe('januari 2025');
    expect(monthLabel({ year: 2025, month: 12 })).toBe('december 2025');
  });
});

describe('register sheet', () => {
  const ov = overview({ Blad1: ['A', 'B'], Register: ['Pnr', 'Produkt', 'Startdatum'], Enhetsregister: ['Personnummer'] });

  it('uses the saved sheet when it still exists (case-insensitively)', () => {
    expect(initialRegisterSheet(ov, 'register')).toBe('Register');
  });

  it('falls back to the engine choice: the name Enhetsregister first', () => {
    expect(initialRegisterSheet(ov, 'Borttaget blad')).toBe('Enhetsregister');
    expect(initialRegisterSheet(ov)).toBe('Enhetsregister');
  });

  it('else the first sheet whose headers fit; none fits → undefined', () => {
    expect(initialRegisterSheet(overview({ Blad1: ['A'], Lista: ['Pnr', 'Typ', 'Installationsdatum'] }))).toBe('Lista');
    expect(initialRegisterSheet(overview({ Blad1: ['A'] }))).toBeUndefined();
  });

  it('several sheets fit and none is named Enhetsregister: none is preselected (issue 9 item 4)', () => {
    const fits = ['Personnummer', 'Tjänst', 'Installerad'];
    expect(initialRegisterSheet(overview({ 'Register 2024': fits, 'Register 2025': fits }))).toBeUndefined();
    expect(initialRegisterSheet(overview({ 'Register 2024': fits, 'Register 2025': fits }), 'Register 2025')).toBe(
      'Register 2025',
    );
  });
});

describe('column mapping', () => {
  const headers = ['Pnr', 'Namn', 'Produkt', 'Datum in', '', 'Slutdatum'];

  it('shows detected columns and leaves unrecognised required fields open', () => {
    const rows = mappingRows(headers, {});
    const pnr = rows.find((r) => r.field === 'pnr')!;
    expect(pnr).toMatchObject({ label: 'Personnummer', required: true, detected: 0 });
    expect(rows.find((r) => r.field === 'ended')!.detected).toBe(5);
    expect(missingFields(rows).map((r) => r.label)).toEqual(['Installerad']);
  });

  it('offers only columns no other field uses, by letter and header', () => {
    const installed = mappingRows(headers, {}).find((r) => r.field === 'installed')!;
    expect(installed.options).toEqual([
      { index: 3, title: 'D – Datum in' },
      { index: 4, title: 'E – (utan rubrik)' },
    ]);
  });

  it('a hand-picked column completes the mapping and is no longer offered to other fields', () => {
    const rows = mappingRows(headers, { installed: 3 });
    expect(missingFields(rows)).toEqual([]);
    expect(rows.find((r) => r.field === 'installed')!.chosen).toBe(3);
    expect(rows.find((r) => r.field === 'reminder')!.options.map((o) => o.index)).toEqual([4]);
  });

  it('drops stored choices that no longer fit the sheet', () => {
    expect(validManualMapping(headers, { installed: 9 })).toEqual({});
    expect(validManualMapping(headers, { installed: 0 })).toEqual({}); // Pnr's column
    expect(validManualMapping(headers, { pnr: 3 })).toEqual({}); // Personnummer was found by name
    expect(validManualMapping(headers, { installed: 3, reminder: 3 })).toEqual({ installed: 3 });
  });

  it('names columns like Excel', () => {
    expect(columnTitle(['a'], 27)).toBe('AB – (utan rubrik)');
  });
});

describe('settings fields', () => {
  it("blank means the Taxa sheet's value; reminder days are whole days 0..3650, read by the engine", () => {
    expect(readSettingInputs({ reminderDays: '', proration: '' })).toEqual({ overrides: {}, problems: [] });
    expect(readSettingInputs({ reminderDays: ' 45 ' }).overrides).toEqual({ reminderDays: 45 });
    expect(readSettingInputs({ reminderDays: '0' }).overrides).toEqual({ reminderDays: 0 });
    for (const bad of ['-1', '2.5', '3651', 'trettio', '1e3']) {
      const { overrides, problems } = readSettingInputs({ reminderDays: bad });
      expect(overrides).toEqual({});
      expect(problems).toEqual([
        { setting: 'reminderDays', message: `Påminnelsedagar ska vara ett heltal från 0 till 3650 (fick "${bad}").` },
      ]);
    }
  });

  it('the proration field holds the choice; stored overrides show in the fields', () => {
    expect(readSettingInputs({ proration: 'days-30' }).overrides).toEqual({ proration: 'days-30' });
    expect(inputsOf({ proration: 'actual-days', reminderDays: 14, correctionMonths: 0 })).toEqual({
      proration: 'actual-days',
      reminderDays: '14',
      correctionMonths: '0',
    });
    expect(readSettingInputs(inputsOf({ retroDebits: 'bill', correctionMonths: 6 })).overrides).toEqual({
      retroDebits: 'bill',
      correctionMonths: 6,
    });
  });

  it('choices use the Swedish labels, "Enligt taxan" first, and carry the codes the engine reads', () => {
    expect(settingOptions('proration').map((o) => o.label)).toEqual([
      'Enligt taxan',
      'Påbörjad månad',
      '30-dagarsmånad',
      'Faktiska dagar',
    ]);
    expect(settingOptions('retroDebits')).toEqual([
      { value: '', label: 'Enligt taxan' },
      { value: 'report', label: 'Rapportera' },
      { value: 'bill', label: 'Debitera' },
    ]);
    for (const o of settingOptions('retroDebits').slice(1))
      expect(readSettingInputs({ retroDebits: o.value }).overrides).toEqual({ retroDebits: o.value });
  });

  it('correction months are whole months 0..36; 0 turns R7 off and is kept, not taken for blank', () => {
    expect(readSettingInputs({ correctionMonths: '0' }).overrides).toEqual({ correctionMonths: 0 });
    expect(readSettingInputs({ correctionMonths: '36' }).overrides).toEqual({ correctionMonths: 36 });
    expect(readSettingInputs({ correctionMonths: ' ' }).overrides).toEqual({});
    for (const bad of ['37', '-1', '1,5', 'tolv']) {
      expect(readSettingInputs({ correctionMonths: bad }).problems).toEqual([
        { setting: 'correctionMonths', message: `Rättelsemånader ska vara ett heltal från 0 till 36 (fick "${bad}").` },
      ]);
    }
  });
});

describe('results and problems', () => {
  it('summarises a run: persons, lines, total, problems, tariff', () => {
    const result = billWorkbook(
      {
        register: { name: 'Enhetsregister', values: asRangeValues(registerRows()) },
        otherFees: { name: 'Övriga avgifter', values: otherFeesRows() },
      },
      { month: parseMonthKey('2025-03')! },
    );
    expect(summarise(runFacts(result))).toEqual({
      persons: 4,
      lines: 7,
      total: '3 471 kr',
      errors: 2,
      warnings: 1,
      tariff: 'inbyggd standardtaxa (Mjölby kommun 2025), version från 2025-01-01',
      maxtaxa: '2 642 kr',
      proration: 'Påbörjad månad',
      reminderDays: 30,
      registerRows: 7,
    });
  });

  const p = (over: Partial<Problem>): Problem => ({
    severity: 'Fel',
    sheet: 'Enhetsregister',
    column: 'Tjänst',
    value: 'x',
    message: 'm',
    ...over,
  });

  it('a problem leads to its cell, else its row, else nowhere', () => {
    expect(problemTarget(p({ row: 7, cell: 'C7' }))).toEqual({ sheet: 'Enhetsregister', address: 'C7' });
    expect(problemTarget(p({ row: 7 }))).toEqual({ sheet: 'Enhetsregister', address: '7:7' });
    // A column without a letter gives "7" as the cell: the row is the best place then.
    expect(problemTarget(p({ row: 7, cell: '7' }))).toEqual({ sheet: 'Enhetsregister', address: '7:7' });
    expect(problemTarget(p({}))).toBeUndefined();
  });

  it('describes where a problem is; other sheets are named', () => {
    expect(problemPlace(p({ row: 7, cell: 'C7' }), 'Enhetsregister')).toBe('Rad 7 · Tjänst');
    expect(problemPlace(p({ sheet: 'Övriga avgifter', row: 2, column: 'Belopp' }), 'Enhetsregister')).toBe(
      'Blad Övriga avgifter · Rad 2 · Belopp',
    );
  });

  it('names an export refusal by sheet, cell (else row) and column', () => {
    expect(refusalPlace(p({ sheet: 'Faktura 2025-03', row: 14, cell: 'I14', column: 'Belopp' }))).toBe(
      'Blad Faktura 2025-03 · Cell I14 · Belopp',
    );
    expect(refusalPlace(p({ sheet: 'Export', row: 3, column: 'Konto' }))).toBe('Blad Export · Rad 3 · Konto');
  });

  it('says which months were checked for corrections', () => {
    expect(monthsText([])).toBe('inga');
    expect(monthsText(['2025-02'])).toBe('2025-02 (1 månad)');
    // Months with gaps are listed, not spanned: "2024-05 … 2025-04" would claim twelve.
    expect(monthsText(['2024-05', '2024-06', '2025-04'])).toBe('2024-05, 2024-06, 2025-04 (3 månader)');
    expect(monthsText(['2024-03', '2024-04', '2024-05', '2024-06', '2024-07'])).toBe('2024-03 … 2024-07 (5 månader)');
  });

  it('counts and cell values read as Swedish', () => {
    expect(problemCountText(1, 1)).toBe('1 fel, 1 varning');
    expect(problemCountText(0, 3)).toBe('0 fel, 3 varningar');
    expect(cellText('')).toBe('(tom)');
    expect(cellText('Ja')).toBe('"Ja"');
    expect(cellText(-97.5)).toMatch(/^[-−]97,5$/);
  });
});

describe('progress phases', () => {
  it('puts each phase on its span of the bar, in the order the action runs them', () => {
    const shown: [number, string][] = [];
    const progress = new PhaseProgress(PROGRESS_PLANS.review!, (f, t) => shown.push([f, t]));
    progress.enter('readInvoice', 'a');
    progress.within('readRegister')(0.5, 'b');
    progress.within('readRegister')(7, 'c'); // clamped to the phase's end
    progress.enter('bill', 'd');
    progress.enter('mark', 'e');
    const fractions = shown.map(([f]) => f);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    expect(shown[2]![0]).toBe(shown[3]![0]);
    expect(() => new PhaseProgress(PROGRESS_PLANS.preview!, () => undefined).enter('write', 'x')).toThrow(/write/);
  });

  it('every plan has its phases in order, without gaps or overlaps, inside the bar', () => {
    for (const plan of Object.values(PROGRESS_PLANS)) {
      const spans = Object.values(plan!);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBe(spans[i - 1]![1]);
      for (const [from, to] of spans) expect(from).toBeLessThan(to);
      expect(spans.at(-1)![1]).toBeLessThanOrEqual(1);
    }
  });
});
