// VT.INSTALLATIONSAVGIFT (R3), VT.MAXTAXA and VT.PRISBASBELOPP (§3), VT.HKS (R5) as plain functions.
import { beforeEach, describe, expect, it } from 'vitest';
import { hks, installationsavgift, maxtaxa, prisbasbelopp } from '../../src/functions/functions.js';
import { resetWorkbookTariff } from '../../src/functions/tariffSource.js';
import { errorOf } from './helpers.js';

beforeEach(() => resetWorkbookTariff());

describe('VT.INSTALLATIONSAVGIFT — R3 for one row', () => {
  it('charges the installation fee for new alarm, lock and supervision installations', () => {
    expect(installationsavgift('Trygghetslarm', '2025-03-12')).toBe(200);
    expect(installationsavgift('GPS-larm', 45721)).toBe(200);
    expect(installationsavgift('Digitalt lås', '2025-03-05', 'Ny')).toBe(200);
    expect(installationsavgift('Nattillsyn', '2025-03-20', 'nyinstallation')).toBe(200);
    expect(installationsavgift('Digital tillsyn', '2025-03-20', 0)).toBe(200); // empty cell from Excel desktop
  });

  it('gives 0 for Byte and for Larmknapp sammanboende (R3)', () => {
    expect(installationsavgift('Trygghetslarm', '2025-03-14', 'Byte')).toBe(0);
    expect(installationsavgift('Trygghetslarm', '2025-03-14', ' byte ')).toBe(0);
    expect(installationsavgift('Larmknapp sammanboende', '2025-03-14')).toBe(0);
  });

  it('gives #VALUE! for a wrong service, date or installation type', () => {
    expect(errorOf(() => installationsavgift('Rökdetektor', '2025-03-12'))).toEqual({
      code: '#VALUE!',
      message: expect.stringMatching(/^Okänd tjänst "Rökdetektor"\. Ange en av:/),
    });
    expect(errorOf(() => installationsavgift('Larm', ''))).toEqual({
      code: '#VALUE!',
      message: 'Installationsdatum saknas. Ange datumet då tekniken installerades (ÅÅÅÅ-MM-DD).',
    });
    expect(errorOf(() => installationsavgift('Larm', '12 mars'))).toEqual({
      code: '#VALUE!',
      message: 'Installationsdatum: Datumet "12 mars" går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.',
    });
    expect(errorOf(() => installationsavgift('Larm', '2025-03-12', 'Flytt'))).toEqual({
      code: '#VALUE!',
      message: 'Installationstyp: Okänt värde "Flytt". Tillåtna värden: tomt, Ny, Byte.',
    });
  });

  it('gives #N/A for a fee-carrying installation before the first tariff version', () => {
    expect(errorOf(() => installationsavgift('Larm', '2024-12-31'))).toEqual({
      code: '#N/A',
      message: expect.stringMatching(/^Ingen taxa gäller för 2024-12-31 .*Lägg till en taxeversion i bladet Taxa\.$/),
    });
    // Byte and buttons carry no fee under any tariff, so no tariff is needed to say 0.
    expect(installationsavgift('Larm', '2024-12-31', 'Byte')).toBe(0);
    expect(installationsavgift('Larmknapp', '2024-01-01')).toBe(0);
  });
});

describe('VT.MAXTAXA and VT.PRISBASBELOPP — §3', () => {
  it('gives the built-in prisbasbelopp and the cap 0.5392 × pbb / 12, rounded half up, for every year', () => {
    const table: Array<[number, number, number]> = [
      [2019, 46500, 2089],
      [2020, 47300, 2125],
      [2021, 47600, 2139],
      [2022, 48300, 2170],
      [2023, 52500, 2359],
      [2024, 57300, 2575],
      [2025, 58800, 2642],
      [2026, 59200, 2660],
    ];
    for (const [year, pbb, cap] of table) {
      expect(prisbasbelopp(year)).toBe(pbb);
      expect(maxtaxa(`${year}-06`)).toBe(cap);
      expect(maxtaxa(`${year}-01-31`)).toBe(cap);
    }
    expect(maxtaxa(45731)).toBe(2642);
    expect(prisbasbelopp('2025' as never)).toBe(58800);
  });

  it('gives #N/A naming the year that has no prisbasbelopp (never a guess)', () => {
    const missing = {
      code: '#N/A',
      message:
        'Prisbasbelopp saknas för år 2027, så maxtaxan kan inte beräknas. Lägg till året i bladet Taxa (tabellen År/Prisbasbelopp).',
    };
    expect(errorOf(() => maxtaxa('2027-01'))).toEqual(missing);
    expect(errorOf(() => prisbasbelopp(2027))).toEqual(missing);
    expect(errorOf(() => prisbasbelopp(2018)).message).toMatch(/^Prisbasbelopp saknas för år 2018/);
  });

  it('gives #VALUE! for a wrong month or year', () => {
    expect(errorOf(() => maxtaxa('2025'))).toEqual({
      code: '#VALUE!',
      message: expect.stringMatching(/^Månaden "2025" går inte att läsa/),
    });
    expect(errorOf(() => maxtaxa(2025)).message).toMatch(/^2025 ser ut som ett år/);
    expect(errorOf(() => maxtaxa('')).message).toMatch(/^Månad saknas/);
    for (const bad of [2025.5, 1850, 12345, 'tjugo', '25', true]) {
      expect(errorOf(() => prisbasbelopp(bad as number))).toEqual({
        code: '#VALUE!',
        message: `Året "${bad === true ? 'SANT' : String(bad)}" går inte att läsa. Ange ett årtal med fyra siffror, till exempel 2025.`,
      });
    }
    expect(errorOf(() => prisbasbelopp(null as never))).toEqual({
      code: '#VALUE!',
      message: 'År saknas. Ange ett årtal med fyra siffror, till exempel 2025.',
    });
  });
});

describe('VT.HKS — R5, the capped fees left to charge', () => {
  it('leaves fees that fit in the room untouched', () => {
    expect(hks(239, 0, '', '2025-03')).toBe(239);
    expect(hks(2642, 0, '', '2025-03')).toBe(2642);
    expect(hks(0, 2500, '', '2025-03')).toBe(0);
  });

  it('caps at maxtaxa − other capped fees (§8 E: 2 642 − 2 500 = 142)', () => {
    expect(hks(239, 2500, '', '2025-03')).toBe(142);
    expect(hks(239, 2500, '', '2025-03')).toBe(142);
    expect(hks(3000, 0, '', '2025-03')).toBe(2642);
    expect(hks(239, 3000, '', '2025-03')).toBe(0); // room never below 0
    expect(hks(239, 2500, '', '2024-03')).toBe(75); // 2024: 2 575 − 2 500
  });

  it('uses the lower of maxtaxa and avgiftsutrymme (§8 F: avgiftsutrymme 0 → 0)', () => {
    expect(hks(239, 0, 0, '2025-03')).toBe(0);
    expect(hks(239, 0, 100, '2025-03')).toBe(100);
    expect(hks(239, 50, 100, '2025-03')).toBe(50);
    expect(hks(239, 0, 5000, '2025-03')).toBe(239); // above maxtaxa: maxtaxa limits
    expect(hks(3000, 0, 5000, '2025-03')).toBe(2642);
    expect(hks(239, 0, '1 000', '2025-03')).toBe(239);
  });

  it('keeps öre (R6) and reads Swedish amount text', () => {
    expect(hks(239, 2500.5, '', '2025-03')).toBe(141.5);
    expect(hks('239' as never, '2 500,50' as never, '', '2025-03')).toBe(141.5);
    expect(hks(100.1 * 3, 0, '', '2025-03')).toBe(300.3); // binary noise of =100,1*3 is not billed
  });

  it('gives #VALUE! for a non-numeric or negative amount and a missing or wrong month', () => {
    expect(errorOf(() => hks('mycket' as never, 0, '', '2025-03'))).toEqual({
      code: '#VALUE!',
      message: 'Avgifter inom skyddet: "mycket" är inte ett belopp. Ange kronor, till exempel 239 eller 2 500,50.',
    });
    expect(errorOf(() => hks(-1, 0, '', '2025-03'))).toEqual({
      code: '#VALUE!',
      message: 'Avgifter inom skyddet: beloppet får inte vara negativt (-1).',
    });
    expect(errorOf(() => hks(239, -5, '', '2025-03')).message).toBe('Övriga avgifter: beloppet får inte vara negativt (-5).');
    expect(errorOf(() => hks(239, 0, -5, '2025-03')).message).toBe('Avgiftsutrymme: beloppet får inte vara negativt (-5).');
    expect(errorOf(() => hks(239, 0, 'inget', '2025-03')).message).toMatch(/^Avgiftsutrymme: "inget" är inte ett belopp/);
    expect(errorOf(() => hks(239, 0, ''))).toEqual({
      code: '#VALUE!',
      message: expect.stringMatching(/^Månad saknas\. VT\.HKS behöver månaden som fjärde argument/),
    });
    expect(errorOf(() => hks(239, 0, '', 'mars')).message).toMatch(/^Månaden "mars" går inte att läsa/);
  });

  it('refuses booleans and amounts so large that the decimal arithmetic would round them (never a wrong number)', () => {
    expect(errorOf(() => hks(true as never, 0, '', '2025-03'))).toEqual({
      code: '#VALUE!',
      message: 'Avgifter inom skyddet: "SANT" är inte ett belopp. Ange kronor, till exempel 239 eller 2 500,50.',
    });
    expect(errorOf(() => hks(239, false as never, '', '2025-03')).message).toMatch(
      /^Övriga avgifter: "FALSKT" är inte ett belopp/,
    );
    expect(errorOf(() => hks(239, 0, true as never, '2025-03')).message).toMatch(/^Avgiftsutrymme: "SANT" är inte ett belopp/);
    expect(errorOf(() => hks(NaN, 0, '', '2025-03')).message).toMatch(/^Avgifter inom skyddet: "NaN" är inte ett belopp/);
    expect(errorOf(() => hks(Infinity, 0, '', '2025-03')).code).toBe('#VALUE!');
    // The same bound as the invoice (10 000 000 kr, README), so a cell never shows what a run refuses.
    for (const huge of [1e21, 1e300, '2000000000000', 10_000_000.01]) {
      expect(errorOf(() => hks(huge, 0, '', '2025-03'))).toEqual({
        code: '#VALUE!',
        message: `Avgifter inom skyddet: beloppet ${String(huge)} är orimligt stort. Ange högst 10 000 000 kr.`,
      });
      expect(errorOf(() => hks(239, huge, '', '2025-03')).message).toMatch(/^Övriga avgifter: beloppet .* är orimligt stort/);
      expect(errorOf(() => hks(239, 0, huge, '2025-03')).message).toMatch(/^Avgiftsutrymme: beloppet .* är orimligt stort/);
    }
    expect(hks(1e7, 0, '', '2025-03')).toBe(2642); // the bound itself is still exact
    expect(hks(9999999.99, 9999999.99, 1e7, '2025-03')).toBe(0);
  });

  it('reads a month of blanks as missing, and a number typed as text as text', () => {
    expect(errorOf(() => hks(239, 0, '', '   ')).message).toMatch(/^Månad saknas\. VT\.HKS behöver månaden som fjärde argument/);
    expect(errorOf(() => hks(239, 0, '', '45731')).message).toMatch(/^Månaden "45731" går inte att läsa/);
    expect(errorOf(() => hks(239, 0, '', '1899-12')).message).toMatch(/^Månaden "1899-12" ligger före år 1900/);
  });

  it("gives #N/A when the month's year has no prisbasbelopp", () => {
    expect(errorOf(() => hks(239, 0, '', '2030-01'))).toEqual({
      code: '#N/A',
      message: expect.stringMatching(/^Prisbasbelopp saknas för år 2030/),
    });
  });
});
