// VT.PERSONNUMMER (§4), VT.TJÄNST (§1) and VT.VERSION as plain functions.
import { describe, expect, it } from 'vitest';
import { personnummer, tjanst, version } from '../../src/functions/functions.js';
import { errorOf } from './helpers.js';

describe('VT.PERSONNUMMER — the normalised 12-digit form', () => {
  it('normalises 10 and 12 digits, with or without separator', () => {
    for (const text of ['194001011230', '19400101-1230', '4001011230', '400101-1230', ' 400101 - 1230 ']) {
      expect(personnummer(text, 2025)).toBe('19400101-1230');
    }
    expect(personnummer(194001011230, 2025)).toBe('19400101-1230');
  });

  it('decides the century of a 10-digit number by the billing year; + means 100 years earlier', () => {
    expect(personnummer('251224-3334', 2025)).toBe('20251224-3334'); // born this year
    expect(personnummer('251224-3334', 2024)).toBe('19251224-3334'); // 99 in 2024
    expect(personnummer('351224-3332', 2025)).toBe('19351224-3332');
    expect(personnummer('351224+3332', 2025)).toBe('18351224-3332');
    expect(personnummer('351224-3332')).toBe('19351224-3332'); // default: this year
  });

  it('accepts samordningsnummer (day + 60)', () => {
    expect(personnummer('400161-1237', 2025)).toBe('19400161-1237');
  });

  it('gives #VALUE! saying what is wrong', () => {
    expect(errorOf(() => personnummer('', 2025))).toEqual({
      code: '#VALUE!',
      message: 'Personnummer saknas. Ange personnummer eller samordningsnummer (ÅÅÅÅMMDD-NNNN).',
    });
    expect(errorOf(() => personnummer(0, 2025)).message).toMatch(/^Personnummer saknas/);
    expect(errorOf(() => personnummer('400101-123', 2025))).toEqual({
      code: '#VALUE!',
      message:
        'Ogiltigt personnummer: ska ha 10 eller 12 siffror (ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN). Kontrollera numret mot personakten.',
    });
    expect(errorOf(() => personnummer('400101-1231', 2025))).toEqual({
      code: '#VALUE!',
      message: 'Ogiltigt personnummer: har fel kontrollsiffra. Kontrollera numret mot personakten.',
    });
    expect(errorOf(() => personnummer('19400230-1234', 2025)).message).toMatch(
      /^Ogiltigt personnummer: (har fel kontrollsiffra|innehåller ett datum som inte finns)/,
    );
    expect(errorOf(() => personnummer('400101-1230', 'i år' as never))).toEqual({
      code: '#VALUE!',
      message: 'Året "i år" går inte att läsa. Ange ett årtal med fyra siffror, till exempel 2025.',
    });
  });
});

describe('VT.TJÄNST — the canonical service name', () => {
  it('maps every accepted spelling to the name the invoice writes (§1)', () => {
    const cases: Array<[string, string]> = [
      ['Trygghetslarm', 'Trygghetslarm'],
      ['digitalt trygghetslarm', 'Trygghetslarm'],
      ['LARM', 'Trygghetslarm'],
      ['GPS-larm', 'Mobilt trygghetslarm'],
      ['GPS-klocka', 'Mobilt trygghetslarm'],
      ['Mobilt  larm', 'Mobilt trygghetslarm'],
      ['Larmknapp', 'Larmknapp sammanboende'],
      ['Extra larmknapp', 'Larmknapp sammanboende'],
      ['Nyckelfritt lås', 'Digitalt lås'],
      ['Nyckelfri hemtjänst', 'Digitalt lås'],
      ['Nattillsyn', 'Digital tillsyn'],
      ['Kameratillsyn', 'Digital tillsyn'],
    ];
    for (const [text, name] of cases) expect(tjanst(text)).toBe(name);
  });

  it('gives #VALUE! for an unknown or missing service', () => {
    expect(errorOf(() => tjanst('Spis'))).toEqual({
      code: '#VALUE!',
      message:
        'Okänd tjänst "Spis". Ange en av: Trygghetslarm, Mobilt trygghetslarm, Larmknapp sammanboende, Digitalt lås, Digital tillsyn.',
    });
    expect(errorOf(() => tjanst(''))).toEqual({ code: '#VALUE!', message: expect.stringMatching(/^Tjänst saknas\./) });
  });
});

describe('VT.VERSION', () => {
  it('says "utveckling" outside a webpack build', () => {
    expect(version()).toBe('utveckling');
  });
});
