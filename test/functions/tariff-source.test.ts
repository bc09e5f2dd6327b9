// The tariff the functions use: the workbook's Taxa sheet (other amounts, settings, prisbasbelopp),
// set through tariffSource's API, parsed once, shared between bundles, and never a silent default.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  kr,
  readTaxaSheet,
  type SheetCells,
  type Tariff,
} from '../../src/engine/index.js';
import { fee, hks, installationsavgift, maxtaxa, personnummer, prisbasbelopp, tjanst } from '../../src/functions/functions.js';
import {
  functionTariff,
  resetWorkbookTariff,
  setWorkbookSettings,
  setWorkbookTariff,
  setWorkbookTaxaSheet,
  workbookTariffStatus,
} from '../../src/functions/tariffSource.js';
import { amountOf, bill, errorOf, otherTaxa, P1 } from './helpers.js';

beforeEach(() => resetWorkbookTariff());

describe('default tariff', () => {
  it('is the built-in engine default until the workbook says otherwise', () => {
    expect(functionTariff()).toEqual({ tariff: DEFAULT_TARIFF, prisbasbelopp: DEFAULT_PRISBASBELOPP, overrides: {} });
    expect(workbookTariffStatus()).toMatchObject({ ok: true, source: DEFAULT_TARIFF.source });
  });
});

describe('a Taxa sheet with other amounts', () => {
  it('switches version on the first day of the billing month (R1) and on the installation date (R3)', () => {
    expect(setWorkbookTaxaSheet(otherTaxa())).toMatchObject({ ok: true, source: 'bladet "Taxa"' });
    expect(fee('Trygghetslarm', '2025-06', '2025-06-10')).toBe(239); // version 1, Påbörjad månad
    expect(fee('Trygghetslarm', '2025-07', '2025-07-10')).toBe(177); // version 2, Faktiska dagar: 250 × 22 / 31 = 177.4
    expect(fee('Trygghetslarm', '2025-08', '2025-01-01')).toBe(250);
    expect(fee('Digital tillsyn', '2025-06', '2025-01-01')).toBe(0);
    expect(fee('Digital tillsyn', '2025-08', '2025-01-01')).toBe(120);
    expect(fee('Larmknapp', '2025-08', '2025-01-01')).toBe(45);
    expect(installationsavgift('Digitalt lås', '2025-06-30')).toBe(200);
    expect(installationsavgift('Digitalt lås', '2025-07-01')).toBe(300);
  });

  it('overlays its prisbasbelopp rows on the built-in ones, with a published maxtaxa where given', () => {
    setWorkbookTaxaSheet(otherTaxa());
    expect(prisbasbelopp(2027)).toBe(61000);
    expect(maxtaxa('2027-05')).toBe(2700); // the sheet's own maxtaxa, not 0.5392 × 61 000 / 12 = 2 741
    expect(maxtaxa('2028-05')).toBe(2786); // 0.5392 × 62 000 / 12 = 2 785.9
    expect(maxtaxa('2025-05')).toBe(2642); // built-in years stay
    expect(errorOf(() => maxtaxa('2029-01')).code).toBe('#N/A');
  });

  it('agrees with billWorkbook on the same Taxa sheet, including an installation fee inside the cap', () => {
    setWorkbookTaxaSheet(otherTaxa());
    const taxa = otherTaxa();
    const rows = [
      { Tjänst: 'Trygghetslarm', Installerad: '2025-08-12' },
      { Tjänst: 'Digital tillsyn', Installerad: '2025-01-01' },
    ];
    const r = bill(rows, { month: '2025-08', taxa, otherFees: [{ Personnummer: P1, Månad: '2025-08', Belopp: 2500 }] });
    const monthly = fee('Trygghetslarm', '2025-08', '2025-08-12') + fee('Digital tillsyn', '2025-08', '2025-01-01');
    const installation = installationsavgift('Trygghetslarm', '2025-08-12');
    expect(monthly).toBe(amountOf(r, 'Månadsavgift')); // 250 × 20 / 31 → 161, + 120
    expect(installation).toBe(amountOf(r, 'Installationsavgift'));
    // Version 2 puts the installation fee inside högkostnadsskyddet, so it belongs to the capped sum.
    expect(r.lines.find((l) => l.kind === 'Installationsavgift')!.insideCap).toBe(true);
    const charged = hks(monthly + installation, 2500, '', '2025-08');
    expect(charged).toBe(142);
    expect(charged).toBe(monthly + installation + amountOf(r, 'Reduktion högkostnadsskydd'));
  });

  it('is parsed once per change, not per call', () => {
    const sheet = otherTaxa();
    let reads = 0;
    const counting: SheetCells = {
      name: sheet.name,
      get values() {
        reads++;
        return sheet.values;
      },
    };
    setWorkbookTaxaSheet(counting);
    const afterSet = reads;
    for (let i = 0; i < 1000; i++) fee('Trygghetslarm', '2025-08', '2025-01-01');
    expect(reads).toBe(afterSet);
  });
});

describe('an unreadable Taxa sheet', () => {
  const broken: SheetCells = {
    name: 'Taxa',
    values: [
      ['Från', 'Trygghetslarm'],
      ['2025-01-01', 239],
    ],
  };

  it("gives #N/A with the sheet's problem from every tariff-dependent function, never the default", () => {
    const status = setWorkbookTaxaSheet(broken);
    expect(status).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Bladet "Taxa" saknar tabellen med taxeversioner/),
    });
    for (const call of [
      () => fee('Trygghetslarm', '2025-03', '2025-03-12'),
      () => installationsavgift('Larm', '2025-03-12'),
      () => maxtaxa('2025-03'),
      () => prisbasbelopp(2025),
      () => hks(239, 0, '', '2025-03'),
    ]) {
      expect(errorOf(call)).toEqual({
        code: '#N/A',
        message: expect.stringMatching(/^Bladet "Taxa" saknar tabellen med taxeversioner/),
      });
    }
    // Functions that need no tariff still work.
    expect(tjanst('GPS-larm')).toBe('Mobilt trygghetslarm');
    expect(personnummer('400101-1230', 2025)).toBe('19400101-1230');
  });

  it('still checks arguments first (#VALUE!), and recovers when the sheet is fixed or removed', () => {
    setWorkbookTaxaSheet(broken);
    expect(errorOf(() => fee('Spis', '2025-03', '2025-03-12')).code).toBe('#VALUE!');
    expect(setWorkbookTaxaSheet(undefined)).toMatchObject({ ok: true, source: DEFAULT_TARIFF.source });
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(239);
  });

  it('a bad amount cell is reported with its address', () => {
    const sheet = otherTaxa();
    const values = sheet.values.map((r) => [...r]);
    values[2]![1] = 'gratis';
    expect(setWorkbookTaxaSheet({ name: 'Taxa', values })).toMatchObject({
      ok: false,
      message: expect.stringContaining('cell B3'),
    });
  });
});

describe('settings', () => {
  it("override the version's proration like the task pane's run settings, and keep across a new sheet", () => {
    setWorkbookSettings({ proration: 'days-30' });
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(159);
    setWorkbookTaxaSheet(otherTaxa());
    expect(fee('Trygghetslarm', '2025-07', '2025-07-10')).toBe(183); // days-30 over the sheet's Faktiska dagar: 250 × 22 / 30
    expect(
      bill([{ Tjänst: 'Trygghetslarm', Installerad: '2025-07-10' }], {
        month: '2025-07',
        taxa: otherTaxa(),
        settings: { proration: 'days-30' },
      }).lines[0]!.amount.toNumber(),
    ).toBe(183);
    setWorkbookTaxaSheet(otherTaxa(), {});
    expect(fee('Trygghetslarm', '2025-07', '2025-07-10')).toBe(177);
  });

  it('refuse values the engine does not know, in Swedish', () => {
    expect(() => setWorkbookSettings({ proration: 'halv' as never })).toThrow(
      'Delmånad kan inte vara "halv". Skriv Påbörjad månad, 30-dagarsmånad, Faktiska dagar.',
    );
    expect(() => setWorkbookSettings({ reminderDays: -1 })).toThrow(/^Påminnelsedagar ska vara ett heltal från 0/);
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(239); // unchanged
  });
});

describe('setWorkbookTariff with a tariff parsed elsewhere', () => {
  it('uses it as given', () => {
    const tariff: Tariff = {
      source: 'testtaxa',
      versions: [
        {
          ...DEFAULT_TARIFF.versions[0]!,
          monthlyFee: { alarm: kr(300), button: kr(50), lock: kr(10), supervision: kr(0) },
          installationFee: kr(0),
        },
      ],
    };
    setWorkbookTariff({
      tariff,
      prisbasbelopp: readTaxaSheet(otherTaxa()).prisbasbelopp,
      settings: { proration: 'actual-days' },
    });
    expect(fee('Larm', '2025-03', '2025-03-12')).toBe(194); // 300 × 20 / 31 = 193.5
    expect(fee('Digitalt lås', '2025-03', '2025-01-01')).toBe(10);
    expect(installationsavgift('Larm', '2025-03-12')).toBe(0);
    expect(maxtaxa('2027-01')).toBe(2700);
    expect(workbookTariffStatus()).toMatchObject({ ok: true, source: 'testtaxa' });
  });

  it('bumps the generation on every change so a caller can tell', () => {
    const g = workbookTariffStatus().generation;
    setWorkbookSettings({ proration: 'days-30' });
    setWorkbookTaxaSheet(undefined);
    expect(workbookTariffStatus().generation).toBe(g + 2);
  });
});

describe('shared between bundles', () => {
  it('a second copy of the module (as in taskpane.js) sets what this copy (functions.js) reads', async () => {
    const copy = '../../src/functions/tariffSource.ts?taskpane-copy';
    const other = (await import(/* @vite-ignore */ copy)) as typeof import('../../src/functions/tariffSource.js');
    expect(other.setWorkbookTaxaSheet).not.toBe(setWorkbookTaxaSheet); // really another instance
    other.setWorkbookTaxaSheet(otherTaxa());
    expect(fee('Trygghetslarm', '2025-08', '2025-01-01')).toBe(250);
    other.resetWorkbookTariff();
    expect(fee('Trygghetslarm', '2025-08', '2025-01-01')).toBe(239);
  });
});
