// VT.FEE and VT.AKTIVADAGAR as plain functions: R1 for one row, every proration, every bad argument.
import { beforeEach, describe, expect, it } from 'vitest';
import { aktivadagar, fee } from '../../src/functions/functions.js';
import { resetWorkbookTariff, setWorkbookSettings } from '../../src/functions/tariffSource.js';
import { errorOf } from './helpers.js';

beforeEach(() => resetWorkbookTariff());

describe('VT.FEE — R1 monthly fee for one row', () => {
  it('=VT.FEE("Trygghetslarm";"2025-03";"2025-03-12") gives 239 (spec §8 A)', () => {
    expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(239);
  });

  it('uses the category fee of the default tariff for every service and accepted spelling (§1, §2)', () => {
    expect(fee('Mobilt trygghetslarm', '2025-03', '2025-01-01')).toBe(239);
    expect(fee('GPS-klocka', '2025-03', '2025-01-01')).toBe(239);
    expect(fee('  digitalt   TRYGGHETSLARM ', '2025-03', '2025-01-01')).toBe(239);
    expect(fee('Larmknapp sammanboende', '2025-03', '2025-01-01')).toBe(40);
    expect(fee('Extra larmknapp', '2025-03', '2025-01-01')).toBe(40);
    // R1: a 0 kr category gives no line, so 0.
    expect(fee('Digitalt lås', '2025-03', '2025-01-01')).toBe(0);
    expect(fee('Kameratillsyn', '2025-03', '2025-01-01')).toBe(0);
  });

  it('accepts the month as YYYY-MM, ISO date or date serial, and dates as ISO text or serials', () => {
    expect(fee('Larm', 45731 /* 2025-03-15 */, 45728 /* 2025-03-12 */)).toBe(239);
    expect(fee('Larm', '2025-03-31', '2025-03-12')).toBe(239);
    expect(fee('Larm', 45748.75 /* 2025-04-01 18:00 */, '2025-03-12')).toBe(239);
  });

  it('is 0 outside the active span: not yet installed, or ended before the month (R1)', () => {
    expect(fee('Larm', '2025-02', '2025-03-12')).toBe(0);
    expect(fee('Larm', '2025-04', '2025-01-01', '2025-03-31')).toBe(0);
    expect(fee('Larm', '2025-03', '2025-01-01', '2025-03-01')).toBe(239); // one day is a started month
    expect(fee('Larm', '2025-03', '2025-03-31', '2025-03-31')).toBe(239);
  });

  it('gives 0 for Särskilt boende in any accepted spelling, and the fee for Ordinärt boende (R1)', () => {
    expect(fee('Trygghetslarm', '2025-03', '2025-01-01', null, 'Särskilt boende')).toBe(0);
    expect(fee('Trygghetslarm', '2025-03', '2025-01-01', null, 'SÄBO')).toBe(0);
    expect(fee('Trygghetslarm', '2025-03', '2025-01-01', null, 'Ordinärt boende')).toBe(239);
    expect(fee('Trygghetslarm', '2025-03', '2025-01-01', null, '')).toBe(239);
  });

  it('reads a reference to an empty cell (0 in Excel desktop, null on the web) as empty', () => {
    expect(fee('Trygghetslarm', '2025-03', '2025-01-01', 0, 0)).toBe(239);
    expect(fee('Trygghetslarm', '2025-03', '2025-01-01', null, null)).toBe(239);
    expect(fee('Trygghetslarm', '2025-03', '2025-01-01', undefined, undefined)).toBe(239);
  });

  describe('proration setting (§5)', () => {
    it('started-month (default): any active day → the whole fee', () => {
      expect(fee('Larm', '2025-03', '2025-03-31')).toBe(239);
      expect(fee('Larmknapp', '2025-02', '2025-02-28')).toBe(40);
    });

    it('days-30: round(fee × days / 30), never more than the fee (§8 H)', () => {
      setWorkbookSettings({ proration: 'days-30' });
      expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(159); // 20 days
      expect(fee('Trygghetslarm', '2025-03', '2025-03-01')).toBe(239); // 31 days: whole month, not 247
      expect(fee('Trygghetslarm', '2025-02', '2025-02-01')).toBe(239); // 28 days = whole month
      expect(fee('Trygghetslarm', '2025-03', '2025-03-02')).toBe(239); // 30 days → 239
      expect(fee('Trygghetslarm', '2025-03', '2025-03-31')).toBe(8); // 239/30 = 7.97 → 8
      expect(fee('Larmknapp', '2025-03', '2025-03-01', '2025-03-03')).toBe(4); // 40 × 3 / 30
    });

    it('actual-days: round(fee × days / days in month), half up', () => {
      setWorkbookSettings({ proration: 'actual-days' });
      expect(fee('Trygghetslarm', '2025-03', '2025-03-12')).toBe(154); // 239 × 20 / 31 = 154.19
      expect(fee('Trygghetslarm', '2025-04', '2025-04-16')).toBe(120); // 239 × 15 / 30 = 119.5 → 120
      expect(fee('Trygghetslarm', '2028-02', '2028-02-01', '2028-02-15')).toBe(124); // leap year: 239 × 15 / 29 = 123.6
    });
  });
});

describe('VT.FEE — wrong arguments give #VALUE! with a Swedish message', () => {
  it('missing or unknown Tjänst', () => {
    for (const missing of ['', '  ', null, 0]) {
      expect(errorOf(() => fee(missing as string, '2025-03', '2025-03-12'))).toEqual({
        code: '#VALUE!',
        message: expect.stringMatching(/^Tjänst saknas\. Ange en av: Trygghetslarm/),
      });
    }
    expect(errorOf(() => fee('Rökdetektor', '2025-03', '2025-03-12'))).toEqual({
      code: '#VALUE!',
      message:
        'Okänd tjänst "Rökdetektor". Ange en av: Trygghetslarm, Mobilt trygghetslarm, Larmknapp sammanboende, Digitalt lås, Digital tillsyn.',
    });
  });

  it('missing, unreadable or year-like månad', () => {
    expect(errorOf(() => fee('Larm', '', '2025-03-12'))).toEqual({
      code: '#VALUE!',
      message: expect.stringMatching(/^Månad saknas\. Ange månaden som ÅÅÅÅ-MM/),
    });
    expect(errorOf(() => fee('Larm', null as never, '2025-03-12')).message).toMatch(/^Månad saknas/);
    for (const bad of ['mars 2025', '2025-13', '2025/03', '03-2025', '2025-3']) {
      expect(errorOf(() => fee('Larm', bad, '2025-03-12'))).toEqual({
        code: '#VALUE!',
        message: `Månaden "${bad}" går inte att läsa. Ange månaden som ÅÅÅÅ-MM, till exempel "2025-03", eller som ett datum i månaden.`,
      });
    }
    expect(errorOf(() => fee('Larm', 2025, '2025-03-12'))).toEqual({
      code: '#VALUE!',
      message: expect.stringMatching(/^2025 ser ut som ett år, inte som en månad/),
    });
    expect(errorOf(() => fee('Larm', -3, '2025-03-12')).message).toMatch(/^Månaden "-3" går inte att läsa/);
  });

  it('a month before 1900 (text such as "0000-01" parses, but no billing month lies there), NaN and serials past 9999-12-31', () => {
    for (const bad of ['0000-01', '1899-12', '1899-12-31']) {
      expect(errorOf(() => fee('Larm', bad, '2025-03-12'))).toEqual({
        code: '#VALUE!',
        message: `Månaden "${bad}" ligger före år 1900. Ange månaden som ÅÅÅÅ-MM, till exempel "2025-03", eller som ett datum i månaden.`,
      });
    }
    expect(errorOf(() => fee('Larm', NaN, '2025-03-12')).message).toMatch(/^Månaden "NaN" går inte att läsa/);
    expect(errorOf(() => fee('Larm', 2958466, '2025-03-12')).message).toMatch(/^Månaden "2958466" går inte att läsa/);
    expect(errorOf(() => fee('Larm', true as never, '2025-03-12')).message).toMatch(/^Månaden "SANT" går inte att läsa/);
    expect(fee('Larm', '9999-12', '2025-03-12')).toBe(239); // the last month Excel has
  });

  it("a date given as text digits or with a time is refused, as in the register; a serial's time of day is ignored", () => {
    expect(errorOf(() => fee('Larm', '2025-03', '45728')).message).toBe(
      'Installerad: Datumet "45728" går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.',
    );
    expect(errorOf(() => fee('Larm', '2025-03', '2025-03-12T08:00')).code).toBe('#VALUE!');
    expect(fee('Larm', '2025-02', 45716.99 /* 2025-02-28 23:45 */)).toBe(239);
    expect(fee('Larm', '2025-03', 45716.99, 45717.01 /* 2025-03-01 00:15 */)).toBe(239);
    expect(errorOf(() => fee('Larm', '2025-03', -0.5)).code).toBe('#VALUE!');
  });

  it('missing or unreadable Installerad, as the register words it', () => {
    expect(errorOf(() => fee('Larm', '2025-03', ''))).toEqual({
      code: '#VALUE!',
      message: 'Installationsdatum saknas. Ange datumet då tekniken installerades (ÅÅÅÅ-MM-DD).',
    });
    expect(errorOf(() => fee('Larm', '2025-03', 0)).message).toMatch(/^Installationsdatum saknas/);
    for (const bad of ['12/3/2025', '2025-02-30', '20250312']) {
      expect(errorOf(() => fee('Larm', '2025-03', bad))).toEqual({
        code: '#VALUE!',
        message: `Installerad: Datumet "${bad}" går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.`,
      });
    }
    // Excel's serial 60 is 1900-02-29, a day that never existed.
    expect(errorOf(() => fee('Larm', '2025-03', 60)).code).toBe('#VALUE!');
  });

  it('unreadable Avslutad, and Avslutad before Installerad', () => {
    expect(errorOf(() => fee('Larm', '2025-03', '2025-03-12', 'snart'))).toEqual({
      code: '#VALUE!',
      message: 'Avslutad: Datumet "snart" går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.',
    });
    expect(errorOf(() => fee('Larm', '2025-03', '2025-03-12', '2025-03-11'))).toEqual({
      code: '#VALUE!',
      message: 'Avslutad (2025-03-11) ligger före Installerad (2025-03-12). Rätta något av datumen.',
    });
  });

  it('unknown Boende', () => {
    expect(errorOf(() => fee('Larm', '2025-03', '2025-03-12', null, 'Hemma'))).toEqual({
      code: '#VALUE!',
      message: 'Boende: Okänt värde "Hemma". Tillåtna värden: tomt, Ordinärt boende, Särskilt boende.',
    });
  });

  it('reports the first wrong argument when several are wrong', () => {
    expect(errorOf(() => fee('X', '2025-03', 'Y')).message).toMatch(/^Okänd tjänst "X"/);
  });
});

describe('VT.FEE — missing data gives #N/A', () => {
  it('a month before the first tariff version', () => {
    expect(errorOf(() => fee('Larm', '2024-12', '2024-01-01'))).toEqual({
      code: '#N/A',
      message:
        'Ingen taxa gäller för 2024-12 (inbyggd standardtaxa (Mjölby kommun 2025) börjar gälla 2025-01-01). Lägg till en taxeversion i bladet Taxa.',
    });
  });

  it('checks arguments before data: a wrong argument is #VALUE! even in a month without tariff', () => {
    expect(errorOf(() => fee('X', '2024-12', '2024-01-01')).code).toBe('#VALUE!');
  });
});

describe('VT.AKTIVADAGAR — the active days of R1', () => {
  it('counts Installerad through Avslutad within the month, both days included', () => {
    expect(aktivadagar('2025-03', '2025-03-12')).toBe(20);
    expect(aktivadagar('2025-03', '2025-01-01')).toBe(31);
    expect(aktivadagar('2025-02', '2024-01-01')).toBe(28);
    expect(aktivadagar('2024-02', '2024-01-01')).toBe(29);
    expect(aktivadagar('2025-03', '2023-05-01', '2025-03-14')).toBe(14);
    expect(aktivadagar('2025-03', '2025-03-14', '2025-03-14')).toBe(1);
    expect(aktivadagar('2025-03', '2025-04-01')).toBe(0);
    expect(aktivadagar('2025-03', '2025-01-01', '2025-02-28')).toBe(0);
    expect(aktivadagar('2025-03', 45728, 0)).toBe(20); // empty Avslutad from Excel desktop
  });

  it('gives #VALUE! for a wrong month or dates', () => {
    expect(errorOf(() => aktivadagar('2025-3', '2025-03-12')).code).toBe('#VALUE!');
    expect(errorOf(() => aktivadagar('2025-03', '')).message).toMatch(/^Installationsdatum saknas/);
    expect(errorOf(() => aktivadagar('2025-03', '2025-03-12', '2025-03-01')).message).toMatch(/ligger före Installerad/);
  });
});
