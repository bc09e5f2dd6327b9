// §4 Personnummer: normalised to YYYYMMDD-NNNC; Luhn over the 10-digit form; the date must exist
// (samordningsnummer: day + 60); the century of a 10-digit number from the billing year.
// Every number here is synthetic, computed with the test helpers' Luhn function.
import { describe, expect, it } from 'vitest';
import { parsePersonnummer } from '../../src/engine/index.js';
import { bill, errorsAt, luhnDigit, makePnr, P1, P2, shortPnr, withBadCheckDigit } from './helpers.js';

const ok = (raw: unknown, year = 2025) => {
  const r = parsePersonnummer(raw, year);
  if (!r.ok) throw new Error(`expected ${String(raw)} to be valid: ${r.reason}`);
  return r.value;
};
const reason = (raw: unknown, year = 2025) => {
  const r = parsePersonnummer(raw, year);
  if (r.ok) throw new Error(`expected ${String(raw)} to be invalid, got ${r.value}`);
  return r.reason;
};

describe('§4 personnummer helpers (sanity of the synthetic numbers)', () => {
  it('luhnDigit matches the known synthetic numbers of the suite', () => {
    expect(luhnDigit('400101123')).toBe(0); // P1 = 19400101-1230
    expect(luhnDigit('351224333')).toBe(2); // P2 = 19351224-3332
    expect(makePnr('19400101', '123')).toBe(P1);
    expect(makePnr('19351224', '333')).toBe(P2);
  });
});

describe('§4 personnummer forms', () => {
  const full = makePnr('19450317', '482');

  it('§4: 12 digits with "-" stays as it is', () => {
    expect(ok(full)).toBe(full);
  });

  it('§4: 12 digits without separator', () => {
    expect(ok(full.replace('-', ''))).toBe(full);
  });

  it('§4: 10 digits with "-" and without separator get the century from the billing year', () => {
    expect(ok(shortPnr(full, '-'))).toBe(full);
    expect(ok(shortPnr(full, ''))).toBe(full);
  });

  it('§4: spaces and non-breaking spaces inside the number are ignored', () => {
    expect(ok(` ${full.slice(0, 8)} - ${full.slice(9)} `)).toBe(full);
    expect(ok(`${full.slice(0, 8)}\u00a0${full.slice(9)}`)).toBe(full);
  });

  it('§4: an en dash, minus sign or other dash (as Word and Outlook type one) reads like a hyphen (issue 9 item 11)', () => {
    for (const dash of ['\u2013', '\u2212', '\u2011', '\u2010', '\u2012', '\u2014']) {
      expect(ok(full.replace('-', dash))).toBe(full);
      expect(ok(shortPnr(full).replace('-', dash))).toBe(full);
    }
    expect(ok(`${full.slice(0, 8)} \u2013 ${full.slice(9)}`)).toBe(full);
    // The check digit is still checked.
    expect(reason(withBadCheckDigit(full).replace('-', '\u2013'))).toMatch(/kontrollsiffra/);
  });

  it('§4: "+" means 100 years earlier (people aged 100 or more)', () => {
    const old = makePnr('19230515', '246');
    expect(ok(shortPnr(old, '+'), 2025)).toBe(old);
    // Without "+", the same digits belong to someone born 2023.
    expect(ok(shortPnr(old, '-'), 2025)).toBe(`2023${old.slice(4)}`);
  });

  it('§4: numeric cell values (12 and 10 digits) are read like text', () => {
    expect(ok(Number(full.replace('-', '')))).toBe(full);
    expect(ok(Number(shortPnr(full, '')))).toBe(full);
  });

  it('§4: a non-integer or negative number is not a personnummer', () => {
    expect(parsePersonnummer(4503174829.5, 2025).ok).toBe(false);
    expect(parsePersonnummer(-4503174820, 2025).ok).toBe(false);
  });

  it('§4: samordningsnummer (day + 60) is accepted, flagged and kept as written', () => {
    const s = makePnr('19700375', '135'); // born 1970-03-15
    const r = parsePersonnummer(s, 2025);
    expect(r).toMatchObject({ ok: true, value: s, coordinationNumber: true });
    expect(ok(shortPnr(s, '-'))).toBe(s);
    expect(parsePersonnummer(full, 2025)).toMatchObject({ coordinationNumber: false });
  });

  it('§4: samordningsnummer whose day − 60 does not exist is invalid (day 92 → 32, day 60 → 0)', () => {
    expect(reason(makePnr('19700392', '135'))).toMatch(/datum som inte finns/);
    expect(reason(makePnr('19700360', '135'))).toMatch(/datum som inte finns/);
    expect(reason(makePnr('19700229', '135'))).toMatch(/datum som inte finns/); // 1970 is not a leap year
    expect(reason(makePnr('19700289', '135'))).toMatch(/datum som inte finns/); // samordning for 1970-02-29
  });
});

describe('§4 personnummer errors', () => {
  it('§4: a wrong Luhn check digit is invalid', () => {
    expect(reason(withBadCheckDigit(P1))).toMatch(/kontrollsiffra/);
    expect(reason(shortPnr(withBadCheckDigit(P2), '-'))).toMatch(/kontrollsiffra/);
  });

  it('§4: a non-existent date (19230229, 1923 is not a leap year) is invalid', () => {
    expect(reason(makePnr('19230229', '111'))).toMatch(/1923-02-29/);
    expect(reason(makePnr('19451301', '111'))).toMatch(/datum som inte finns/);
    expect(reason(makePnr('19450400', '111'))).toMatch(/datum som inte finns/);
    expect(reason(makePnr('19450431', '111'))).toMatch(/datum som inte finns/);
  });

  it('§4: 29 February exists in leap years (1924, 2000) and not in 1900', () => {
    expect(ok(makePnr('19240229', '111'))).toBe(makePnr('19240229', '111'));
    expect(ok(makePnr('20000229', '111'))).toBe(makePnr('20000229', '111'));
    expect(reason(makePnr('19000229', '111'))).toMatch(/datum som inte finns/);
    // 10-digit 000229: in 2025 the century is 2000 (a leap year) → valid.
    expect(ok(shortPnr(makePnr('20000229', '111'), '-'), 2025)).toBe(makePnr('20000229', '111'));
    // …but with "+" it is 1900-02-29, which never existed.
    expect(reason(shortPnr(makePnr('20000229', '111'), '+'), 2025)).toMatch(/1900-02-29/);
  });

  it('§4: wrong length or shape is invalid', () => {
    for (const raw of [
      '4001011230123',
      '40010112',
      '194001011-230',
      '19400101--1230',
      'ABCDEF-1234',
      '400101/1230',
      '1940-01-01-1230',
    ]) {
      expect(reason(raw), raw).toMatch(/10 eller 12 siffror/);
    }
  });

  it('§4: empty, null and non-text values', () => {
    expect(reason('')).toBe('saknas');
    expect(reason('   ')).toBe('saknas');
    expect(reason(null)).toBe('saknas');
    expect(reason(undefined)).toBe('saknas');
    expect(reason(true)).toMatch(/inte ett personnummer/);
    expect(reason(new Date(Date.UTC(1940, 0, 1)))).toMatch(/inte ett personnummer/);
  });

  it('§4/§6: an invalid personnummer in the register is a Fel on the Personnummer cell with a Swedish message', () => {
    const bad = withBadCheckDigit(P1);
    const r = bill([
      { Personnummer: bad, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' },
      { Personnummer: '', Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' },
    ]);
    expect(r.lines).toEqual([]);
    expect(errorsAt(r, 2)).toEqual([
      expect.objectContaining({
        column: 'Personnummer',
        cell: 'A2',
        value: bad,
        message: expect.stringMatching(/Ogiltigt personnummer: har fel kontrollsiffra/),
      }),
    ]);
    expect(errorsAt(r, 3)[0]!.message).toMatch(/Personnummer saknas/);
  });
});

describe('§4 century of a 10-digit number in the billing year', () => {
  it('§4: a person exactly 99 in the billing year keeps the older century', () => {
    const p = makePnr('19261231', '357'); // 99 during 2025
    expect(ok(shortPnr(p, '-'), 2025)).toBe(p);
    expect(ok(shortPnr(p, ''), 2025)).toBe(p);
  });

  it('§4: one year later the same 10 digits would make them 100, so the newer century is chosen', () => {
    const p = makePnr('19261231', '357');
    expect(ok(shortPnr(p, '-'), 2026)).toBe(`2026${p.slice(4)}`);
    expect(ok(shortPnr(p, '+'), 2026)).toBe(p);
  });

  it('§4: a person born in the billing year (just born) gets the billing year’s century', () => {
    const baby = makePnr('20250101', '258');
    expect(ok(shortPnr(baby, '-'), 2025)).toBe(baby);
    const lateBaby = makePnr('20251231', '258');
    expect(ok(shortPnr(lateBaby, ''), 2025)).toBe(lateBaby);
  });

  it('§4: a person born the year after the billing year cannot exist yet, so the older century (age 99)', () => {
    const p = makePnr('19260101', '258');
    expect(ok(shortPnr(p, '-'), 2025)).toBe(p);
  });

  it('§4: the century follows the billing month’s year in a real run', () => {
    const p = makePnr('19260615', '357');
    const row = { Personnummer: shortPnr(p, '-'), Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' };
    expect(bill([row], '2025-03').lines[0]!.pnr).toBe(p);
    expect(bill([row], '2026-03').lines[0]!.pnr).toBe(`2026${p.slice(4)}`);
  });

  it('§4: the 10- and 12-digit forms of one person in a register are the same person (billed once)', () => {
    const r = bill([
      { Personnummer: P1, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' },
      { Personnummer: shortPnr(P1, ''), Tjänst: 'GPS-larm', Installerad: '2024-01-01' },
    ]);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]!.sourceRows).toEqual([2, 3]);
  });
});

describe('the one-pass reading of the normal form ÅÅÅÅMMDD-NNNC', () => {
  it('agrees with the general reading of the same digits without the dash, for any digits', async () => {
    const fc = (await import('fast-check')).default;
    const digitString = (n: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    // Dates near valid ones, so both valid and invalid numbers occur often.
    const text = fc
      .tuple(
        fc.constantFrom('19', '20', '18', '09'),
        digitString(2),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 92 }),
        digitString(4),
      )
      .map(([cc, yy, mm, dd, tail]) => `${cc}${yy}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}-${tail}`);
    fc.assert(
      fc.property(text, (t) => {
        const fast = parsePersonnummer(t, 2025);
        const general = parsePersonnummer(t.replace('-', ''), 2025);
        expect(fast.ok).toBe(general.ok);
        if (fast.ok && general.ok) {
          expect(fast.value).toBe(general.value);
          expect(fast.key).toBe(general.key);
          expect(fast.coordinationNumber).toBe(general.coordinationNumber);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
