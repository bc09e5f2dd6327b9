// §10: how dates, months, personnummer and numbers are written into a field.
import { ymdFromDay, type Day } from '../days.js';

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

export function formatDay(d: Day, format: string): string {
  const { year, month, day } = ymdFromDay(d);
  const yyyy = String(year).padStart(4, '0');
  switch (format) {
    case 'ÅÅÅÅMMDD':
      return `${yyyy}${pad2(month)}${pad2(day)}`;
    case 'ÅÅÅÅ-MM-DD':
      return `${yyyy}-${pad2(month)}-${pad2(day)}`;
    default:
      return `${yyyy.slice(2)}${pad2(month)}${pad2(day)}`;
  }
}

/** `key` is YYYY-MM. */
export function formatMonth(key: string, format: string): string {
  switch (format) {
    case 'ÅÅÅÅMM':
      return key.slice(0, 4) + key.slice(5, 7);
    case 'ÅÅÅÅ-MM':
      return key;
    default:
      return key.slice(2, 4) + key.slice(5, 7);
  }
}

/**
 * `pnr` is normalised (YYYYMMDD-NNNC). The 10-digit forms drop the century; written with a
 * separator, a person 100 or older in `year` gets "+" (§4).
 */
export function formatPnr(pnr: string, format: string, year: number): string {
  switch (format) {
    case 'ÅÅÅÅMMDDNNNN':
      return pnr.slice(0, 8) + pnr.slice(9);
    case 'ÅÅÅÅMMDD-NNNN':
      return pnr;
    case 'ÅÅMMDD-NNNN':
      return pnr.slice(2, 8) + (year - Number(pnr.slice(0, 4)) >= 100 ? '+' : '-') + pnr.slice(9);
    default:
      return pnr.slice(2, 8) + pnr.slice(9);
  }
}

/** NFC, so "å" typed as a + ring is the one character every encoding here can hold; ASCII-only text skips the work. */
export function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x300) return s.normalize('NFC');
  return s;
}

/** Whether `text` holds a control character (CR and LF allowed where `lineBreaks`: quoted CSV fields may hold them). */
export function hasControlChar(text: string, lineBreaks = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 || c === 0x7f) && !(lineBreaks && (c === 10 || c === 13))) return true;
  }
  return false;
}
