// Personnummer and samordningsnummer (§4): normalised to 12 digits `YYYYMMDD-NNNC`.
import { isValidYmd } from './days.js';

export type PersonnummerResult =
  | { readonly ok: true; readonly value: string; readonly coordinationNumber: boolean }
  | { readonly ok: false; readonly reason: string };

const SHAPE = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;

function luhnOk(tenDigits: string): boolean {
  let total = 0;
  for (let i = 0; i < 10; i++) {
    let v = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    total += v;
  }
  return total % 10 === 0;
}

/**
 * `billingYear` decides the century of a 10-digit number: the latest century in which the
 * person is at most 99 that year; a `+` means 100 years earlier.
 */
export function parsePersonnummer(raw: unknown, billingYear: number): PersonnummerResult {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0) return { ok: false, reason: 'är inte ett personnummer' };
    text = String(raw);
  } else if (typeof raw === 'string') {
    text = raw.replace(/[\s\u00a0]/g, '');
  } else {
    return { ok: false, reason: raw === null || raw === undefined || raw === '' ? 'saknas' : 'är inte ett personnummer' };
  }
  if (text === '') return { ok: false, reason: 'saknas' };
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, reason: 'ska ha 10 eller 12 siffror (ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN)' };
  const [, century, yymmdd, sep, tail] = m as unknown as [string, string | undefined, string, string, string];
  const yy = +yymmdd.slice(0, 2);
  const month = +yymmdd.slice(2, 4);
  const dayField = +yymmdd.slice(4, 6);

  let year: number;
  if (century !== undefined) {
    year = +century * 100 + yy;
  } else {
    year = billingYear - ((billingYear - yy) % 100 + 100) % 100;
    if (sep === '+') year -= 100;
  }

  if (!luhnOk(yymmdd + tail)) return { ok: false, reason: 'har fel kontrollsiffra' };
  const coordinationNumber = dayField > 60;
  const day = coordinationNumber ? dayField - 60 : dayField;
  if (!isValidYmd(year, month, day)) {
    return { ok: false, reason: `innehåller ett datum som inte finns (${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')})` };
  }
  const yyyy = String(year).padStart(4, '0');
  return { ok: true, value: `${yyyy}${yymmdd.slice(2)}-${tail}`, coordinationNumber };
}

/** The Luhn check digit for the first nine digits of the 10-digit form (YYMMDDNNN). */
export function luhnCheckDigit(nineDigits: string): number {
  let total = 0;
  for (let i = 0; i < 9; i++) {
    let v = (nineDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    total += v;
  }
  return (10 - (total % 10)) % 10;
}
