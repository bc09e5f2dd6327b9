// Calendar days as whole numbers (days since 1970-01-01). No Date arithmetic, so no time zone
// can ever shift a day.

export type Day = number;

export interface YearMonth {
  readonly year: number;
  readonly month: number; // 1..12
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayFromYmd(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdFromDay(d: Day): { year: number; month: number; day: number } {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** ISO text YYYY-MM-DD. */
export function dayToIso(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

// Excel's 1900 date system counts 1900-02-29 (serial 60), a day that never existed.
const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01
const LAST_EXCEL_SERIAL = 2958465; // 9999-12-31
// The 1904 date system (Excel for Mac workbooks): serial 0 is 1904-01-01, no phantom day.
const EXCEL_1904_EPOCH_OFFSET = 24107; // serial of 1970-01-01
const LAST_EXCEL_1904_SERIAL = 2957003; // 9999-12-31

export function dayFromExcelSerial(serial: number, date1904 = false): Day | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial); // a time of day does not change the calendar day
  if (date1904) return whole < 0 || whole > LAST_EXCEL_1904_SERIAL ? undefined : whole - EXCEL_1904_EPOCH_OFFSET;
  if (whole < 1 || whole === 60 || whole > LAST_EXCEL_SERIAL) return undefined;
  return whole < 60 ? whole - EXCEL_EPOCH_OFFSET + 1 : whole - EXCEL_EPOCH_OFFSET;
}

export function dayToExcelSerial(d: Day): number {
  const serial = d + EXCEL_EPOCH_OFFSET;
  return serial < 61 ? serial - 1 : serial;
}

/** A JS Date from a spreadsheet library holds the calendar day at UTC midnight. */
export function dayFromUtcDate(date: Date): Day | undefined {
  const t = date.getTime();
  if (!Number.isFinite(t)) return undefined;
  return Math.floor(t / 86400000);
}

export function dayToUtcDate(d: Day): Date {
  return new Date(d * 86400000);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayFromIso(text: string): Day | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const y = +m[1]!,
    mo = +m[2]!,
    d = +m[3]!;
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : undefined;
}

/**
 * A date cell: Excel serial, a Date (exceljs) or ISO text. Anything else is unreadable. A
 * serial counts in the sheet's date system (SheetCells.date1904); a Date is already a day.
 */
export function dayFromCell(value: unknown, date1904 = false): Day | undefined {
  if (typeof value === 'number') return dayFromExcelSerial(value, date1904);
  if (value instanceof Date) return dayFromUtcDate(value);
  if (typeof value === 'string') return dayFromIso(value);
  return undefined;
}

// --- months ---

export function monthKey(m: YearMonth): string {
  return `${String(m.year).padStart(4, '0')}-${pad2(m.month)}`;
}

export function parseMonthKey(text: string): YearMonth | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const year = +m[1]!,
    month = +m[2]!;
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}

export function monthOfDay(d: Day): YearMonth {
  const { year, month } = ymdFromDay(d);
  return { year, month };
}

export function firstDayOfMonth(m: YearMonth): Day {
  return dayFromYmd(m.year, m.month, 1);
}

export function lastDayOfMonth(m: YearMonth): Day {
  return dayFromYmd(m.year, m.month, daysInMonth(m.year, m.month));
}

export function sameMonth(d: Day, m: YearMonth): boolean {
  return d >= firstDayOfMonth(m) && d <= lastDayOfMonth(m);
}

export function previousMonth(m: YearMonth): YearMonth {
  return m.month === 1 ? { year: m.year - 1, month: 12 } : { year: m.year, month: m.month - 1 };
}

/** A month cell: `YYYY-MM` text or any date in the month. */
export function monthFromCell(value: unknown, date1904 = false): YearMonth | undefined {
  if (typeof value === 'string') {
    const byKey = parseMonthKey(value);
    if (byKey) return byKey;
  }
  const d = dayFromCell(value, date1904);
  return d === undefined ? undefined : monthOfDay(d);
}
