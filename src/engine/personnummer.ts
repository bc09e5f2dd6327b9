// Personnummer and samordningsnummer (§4): normalised to 12 digits `YYYYMMDD-NNNC`.
import { isValidYmd } from './days.js';

export type PersonnummerResult =
  | {
      readonly ok: true;
      readonly value: string;
      /** A number that sorts and groups like `value`, but cheaper. */
      readonly key: number;
      readonly coordinationNumber: boolean;
      /** Written with its century (12 digits): the same whatever the billing year. */
      readonly centuryWritten: boolean;
    }
  | { readonly ok: false; readonly reason: string };

const BAD_SHAPE = 'ska ha 10 eller 12 siffror (ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN)';

/** Luhn over the 10-digit form YYMMDDNNNC, given as char codes from `text` at `from`. */
function luhnOk(text: string, from: number, tailFrom: number): boolean {
  let total = 0;
  for (let i = 0; i < 10; i++) {
    const code = i < 6 ? text.charCodeAt(from + i) : text.charCodeAt(tailFrom + i - 6);
    let v = code - 48;
    if (i % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    total += v;
  }
  return total % 10 === 0;
}

function allDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function onlyDigitsAndSigns(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 45 && c !== 43) return false;
  }
  return true;
}

const num = (text: string, from: number, len: number): number => {
  let n = 0;
  for (let i = from; i < from + len; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
};

/**
 * `billingYear` decides the century of a 10-digit number: the latest century in which the
 * person is at most 99 that year; a `+` means 100 years earlier.
 */
export function parsePersonnummer(raw: unknown, billingYear: number): PersonnummerResult {
  if (typeof raw === 'string' && raw.length === 13 && raw.charCodeAt(8) === 45) {
    const normal = normalForm(raw);
    if (normal) return normal;
  }
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0) return { ok: false, reason: 'är inte ett personnummer' };
    text = String(raw);
  } else if (typeof raw === 'string') {
    // Spaces and typographic dashes are rare in a register: clean only when something else than
    // digits and -/+ is there. A word processor turns "-" into an en dash or minus sign.
    text = onlyDigitsAndSigns(raw) ? raw : raw.replace(/[\s\u00a0]/g, '').replace(/[\u2010-\u2015\u2212]/g, '-');
  } else {
    return { ok: false, reason: raw === null || raw === undefined ? 'saknas' : 'är inte ett personnummer' };
  }
  if (text === '') return { ok: false, reason: 'saknas' };

  // Shapes: [CC]YYMMDD[-+]NNNC
  const len = text.length;
  const sepAt = len - 5;
  const sepCode = sepAt >= 0 ? text.charCodeAt(sepAt) : 0;
  const hasSep = sepCode === 45 /* - */ || sepCode === 43; /* + */
  const digits = hasSep ? len - 1 : len;
  if (digits !== 10 && digits !== 12) return { ok: false, reason: BAD_SHAPE };
  const tailFrom = len - 4;
  const dateEnd = hasSep ? sepAt : tailFrom;
  if (!allDigits(text, 0, dateEnd) || !allDigits(text, tailFrom, len)) return { ok: false, reason: BAD_SHAPE };
  const hasCentury = digits === 12;
  const from = hasCentury ? 2 : 0; // start of YYMMDD
  const yy = num(text, from, 2);
  const month = num(text, from + 2, 2);
  const dayField = num(text, from + 4, 2);

  let year: number;
  if (hasCentury) year = num(text, 0, 2) * 100 + yy;
  else {
    year = billingYear - ((((billingYear - yy) % 100) + 100) % 100);
    if (sepCode === 43) year -= 100;
  }

  if (!luhnOk(text, from, tailFrom)) return { ok: false, reason: 'har fel kontrollsiffra' };
  const coordinationNumber = dayField > 60;
  const day = coordinationNumber ? dayField - 60 : dayField;
  if (!isValidYmd(year, month, day)) {
    return {
      ok: false,
      reason: `innehåller ett datum som inte finns (${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')})`,
    };
  }
  const tail = num(text, tailFrom, 4);
  const key = personKey(year, month, dayField, tail);
  // Already in the normal form (the usual case in a register): keep the string as it is.
  const value =
    hasCentury && sepCode === 45 && year >= 1000
      ? text
      : `${String(year).padStart(4, '0')}${text.substr(from + 2, 4)}-${text.substr(tailFrom, 4)}`;
  return { ok: true, value, key, coordinationNumber, centuryWritten: hasCentury };
}

/** Months since 1800, day field, last four digits: the order of `value`, and (1800–2099) < 2^32. */
function personKey(year: number, month: number, dayField: number, tail: number): number {
  return (((year - 1800) * 12 + (month - 1)) * 100 + dayField) * 10000 + tail;
}

/**
 * The usual register spelling, YYYYMMDD-NNNC, in one pass (a national register has 250 000 of
 * them). Undefined for anything else, including invalid numbers: the general path words why.
 */
function normalForm(text: string): PersonnummerResult | undefined {
  let luhn = 0,
    year = 0,
    month = 0,
    dayField = 0,
    tail = 0;
  for (let i = 0; i < 13; i++) {
    if (i === 8) continue;
    const v = text.charCodeAt(i) - 48;
    if (v < 0 || v > 9) return undefined;
    if (i < 4) year = year * 10 + v;
    else if (i < 6) month = month * 10 + v;
    else if (i < 8) dayField = dayField * 10 + v;
    else tail = tail * 10 + v;
    if (i >= 2) {
      // Luhn over YYMMDDNNNC: positions 2–7 and 9–12 of the text, doubled at even places.
      const place = i < 8 ? i - 2 : i - 3;
      luhn += place % 2 === 0 ? (v * 2 > 9 ? v * 2 - 9 : v * 2) : v;
    }
  }
  if (luhn % 10 !== 0 || year < 1000) return undefined;
  const coordinationNumber = dayField > 60;
  if (!isValidYmd(year, month, coordinationNumber ? dayField - 60 : dayField)) return undefined;
  return { ok: true, value: text, key: personKey(year, month, dayField, tail), coordinationNumber, centuryWritten: true };
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
