// VT.ERSÄTTNING (R4) as a plain function: when Ersättning teknik falls due, every bad argument,
// and agreement with billWorkbook's Ersättning teknik lines and Problem sheet.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayFromIso, dayToIso, type SheetCells } from '../../src/engine/index.js';
import { ersattning } from '../../src/functions/functions.js';
import { resetWorkbookTariff, setWorkbookSettings, setWorkbookTaxaSheet } from '../../src/functions/tariffSource.js';
import { amountOf, bill, errorOf } from './helpers.js';

beforeEach(() => resetWorkbookTariff());

describe('VT.ERSÄTTNING — R4 for one row', () => {
  it('charges Kostnad for Obrukbar and Borttappad in the month of Avslutad only (§8 D)', () => {
    expect(ersattning('Borttappad', '2025-03', '2025-03-20', null, 450)).toBe(450);
    expect(ersattning('borttappad', 45731, 45736, null, '450,50')).toBe(450.5);
    expect(ersattning('Obrukbar', '2025-03-31', '2025-03-01', null, 1200)).toBe(1200);
    expect(ersattning('Borttappad', '2025-02', '2025-03-20', null, 450)).toBe(0);
    expect(ersattning('Borttappad', '2025-04', '2025-03-20', null, 450)).toBe(0);
  });

  it('charges Ej återlämnad in the month of Påminnelse + 30 days (§8 G), and never without a reminder', () => {
    expect(ersattning('Ej återlämnad', '2025-03', '2025-01-31', '2025-02-10', 2400)).toBe(2400); // due 2025-03-12
    expect(ersattning('Ej återlämnad', '2025-02', '2025-01-31', '2025-02-10', 2400)).toBe(0);
    expect(ersattning('Ej återlämnad', '2025-03', null, '2025-03-01', 2400)).toBe(2400); // 2025-03-01 + 30 = 2025-03-31
    expect(ersattning('Ej återlämnad', '2025-04', null, '2025-03-02', 2400)).toBe(2400); // + 30 = 2025-04-01
    expect(ersattning('Ej återlämnad', '2025-03', '2025-01-31', null, 2400)).toBe(0); // the invoice warns instead
    expect(ersattning('Ej återlämnad', '2025-03', '2025-01-31', 0, 2400)).toBe(0); // empty cell from Excel desktop
  });

  it('gives 0 for returned technology and an empty Återlämning', () => {
    expect(ersattning('Återlämnad', '2025-03', '2025-03-14', null, 450)).toBe(0);
    expect(ersattning('', '2025-03', '2025-03-14', null, 450)).toBe(0);
    expect(ersattning(0, '2025-03', null, null, null)).toBe(0);
    expect(ersattning(null, '2025-03')).toBe(0);
  });

  it('follows the reminder days of the task pane and of the Taxa sheet', () => {
    setWorkbookSettings({ reminderDays: 10 });
    expect(ersattning('Ej återlämnad', '2025-02', '2025-01-31', '2025-02-10', 2400)).toBe(2400); // due 2025-02-20
    expect(ersattning('Ej återlämnad', '2025-03', '2025-01-31', '2025-02-10', 2400)).toBe(0);
    const taxa: SheetCells = {
      name: 'Taxa',
      values: [
        [
          'Gäller från',
          'Trygghetslarm (kr/mån)',
          'Larmknapp sammanboende (kr/mån)',
          'Digitalt lås (kr/mån)',
          'Digital tillsyn (kr/mån)',
          'Installationsavgift (kr)',
          'Påminnelsedagar',
        ],
        ['2025-01-01', 239, 40, 0, 0, 200, 60],
      ],
    };
    expect(setWorkbookTaxaSheet(taxa, {})).toMatchObject({ ok: true });
    expect(ersattning('Ej återlämnad', '2025-03', '2025-01-31', '2025-02-10', 2400)).toBe(0);
    expect(ersattning('Ej återlämnad', '2025-04', '2025-01-31', '2025-02-10', 2400)).toBe(2400); // due 2025-04-11
    const r = bill(
      [
        {
          Tjänst: 'Trygghetslarm',
          Installerad: '2022-01-01',
          Avslutad: '2025-01-31',
          Återlämning: 'Ej återlämnad',
          Påminnelse: '2025-02-10',
          Kostnad: 2400,
        },
      ],
      { month: '2025-04', taxa },
    );
    expect(amountOf(r, 'Ersättning teknik')).toBe(2400);
  });
});

describe('VT.ERSÄTTNING — wrong arguments give #VALUE!, missing data #N/A', () => {
  it('an unknown Återlämning', () => {
    expect(errorOf(() => ersattning('Försvunnen', '2025-03'))).toEqual({
      code: '#VALUE!',
      message: 'Återlämning: Okänt värde "Försvunnen". Tillåtna värden: tomt, Återlämnad, Obrukbar, Borttappad, Ej återlämnad.',
    });
  });

  it('Obrukbar or Borttappad without Avslutad', () => {
    for (const status of ['Obrukbar', 'Borttappad']) {
      expect(errorOf(() => ersattning(status, '2025-03', null, null, 450))).toEqual({
        code: '#VALUE!',
        message: `Återlämning är "${status}" men Avslutad saknas. Ange dagen då tekniken bedömdes obrukbar eller anmäldes borttappad (R4).`,
      });
    }
  });

  it('a missing, non-numeric or negative Kostnad in the month the charge is due — never a silent zero', () => {
    expect(errorOf(() => ersattning('Borttappad', '2025-03', '2025-03-20'))).toEqual({
      code: '#VALUE!',
      message:
        'Kostnad saknas men ersättning ska tas ut (borttappad teknik 2025-03-20). Ange den faktiska kostnaden enligt leverantörsavtalet i kronor (R4).',
    });
    expect(errorOf(() => ersattning('Obrukbar', '2025-03', '2025-03-20', null, 'enligt avtal')).message).toMatch(
      /^Kostnad är inte ett tal men ersättning ska tas ut \(obrukbar teknik 2025-03-20\)/,
    );
    expect(errorOf(() => ersattning('Ej återlämnad', '2025-03', null, '2025-02-10', -100)).message).toMatch(
      /^Kostnad är negativ men ersättning ska tas ut \(ej återlämnad teknik: påminnelse 2025-02-10 \+ 30 dagar = 2025-03-12\)/,
    );
    // Not due this month: Kostnad is not needed.
    expect(ersattning('Borttappad', '2025-04', '2025-03-20')).toBe(0);
  });

  it('unreadable dates and months', () => {
    expect(errorOf(() => ersattning('Obrukbar', '2025-03', 'igår', null, 1))).toEqual({
      code: '#VALUE!',
      message: 'Avslutad: Datumet "igår" går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.',
    });
    expect(errorOf(() => ersattning('Ej återlämnad', '2025-03', null, '10/2', 1))).toEqual({
      code: '#VALUE!',
      message: 'Påminnelse: Datumet "10/2" går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.',
    });
    expect(errorOf(() => ersattning('Borttappad', '2025-3', '2025-03-20', null, 450)).message).toMatch(
      /^Månaden "2025-3" går inte att läsa/,
    );
    expect(errorOf(() => ersattning('Borttappad', '', '2025-03-20', null, 450)).message).toMatch(/^Månad saknas/);
  });

  it('a month without a tariff version (the invoice run refuses it too)', () => {
    expect(errorOf(() => ersattning('Borttappad', '2024-12', '2024-12-01', null, 450))).toEqual({
      code: '#N/A',
      message: expect.stringMatching(/^Ingen taxa gäller för 2024-12 /),
    });
  });
});

describe('VT.ERSÄTTNING agrees with the invoice', () => {
  const STATUSES = [null, 'Återlämnad', 'Obrukbar', 'Borttappad', 'Ej återlämnad'];
  const COSTS: Array<number | string | null> = [null, 450, 2400.5, 0, 'dyr', -5, '1 200'];
  const START = dayFromIso('2025-01-01')!;
  const arbMonth = fc
    .integer({ min: 0, max: 14 })
    .map((i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

  it("on random rows: the Ersättning teknik amount, or the Problem sheet's message", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        fc.constantFrom(...COSTS),
        arbMonth,
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        (status, endedAt, reminderAt, cost, month, reminderDays) => {
          resetWorkbookTariff();
          if (reminderDays !== undefined) setWorkbookSettings({ reminderDays });
          const ended = endedAt === undefined ? null : dayToIso(START + endedAt);
          const reminder = reminderAt === undefined ? null : dayToIso(START + reminderAt);
          const r = bill(
            [
              {
                Tjänst: 'Trygghetslarm',
                Installerad: '2024-01-01',
                Avslutad: ended,
                Återlämning: status,
                Påminnelse: reminder,
                Kostnad: cost === 0 ? null : cost, // the function reads kostnad 0 like an empty cell
              },
            ],
            {
              month,
              ...(reminderDays !== undefined ? { settings: { reminderDays } } : {}),
            },
          );
          const problem = r.problems.find((p) => p.severity === 'Fel');
          if (problem) {
            const error = errorOf(() => ersattning(status, month, ended, reminder, cost));
            expect(error.code).toBe('#VALUE!');
            expect([problem.message, `${problem.column}: ${problem.message}`]).toContain(error.message);
          } else {
            expect(ersattning(status, month, ended, reminder, cost)).toBe(amountOf(r, 'Ersättning teknik'));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
