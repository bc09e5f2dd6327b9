// Spec §5 R1 and the `proration` setting at month ends, in February of leap and non-leap years,
// in 31- and 30-day months, for devices installed and ended the same day or on the last day.
//   started-month: any active day → full fee
//   days-30:      round(fee × activeDays / 30), never more than the fee; full month = fee
//   actual-days:  round(fee × activeDays / daysInMonth)
//   round = half up to whole kronor.
import { describe, expect, it } from 'vitest';
import { bill, d, kinds, pnr, TAXA_HEADERS, type Proration, type Row } from './harness.js';

const P = pnr(1944, 4, 4, 404);
// The built-in tariff is in force from 2025-01-01; 2024 months need a Taxa sheet (same amounts).
const TAXA_2024 = [TAXA_HEADERS, [d('2024-01-01'), 239, 40, 0, 0, 200, 'Nej', 'Påbörjad månad', 30]];

const alarm = (inst: string, end?: string, extra: Row = {}): Row => ({
  Personnummer: P,
  Tjänst: 'Trygghetslarm',
  Installerad: d(inst),
  ...(end ? { Avslutad: d(end), Återlämning: 'Återlämnad' } : {}),
  ...extra,
});
const button = (inst: string, end?: string): Row => ({ ...alarm(inst, end), Tjänst: 'Larmknapp sammanboende' });

interface Case {
  name: string;
  rows: Row[];
  month: string;
  proration: Proration;
  want: [string, number][];
}
const c = (name: string, month: string, proration: Proration, rows: Row[], want: [string, number][]): Case => ({
  name,
  rows,
  month,
  proration,
  want,
});
const fee = (n: number): [string, number] => ['Månadsavgift', n];
const inst: [string, number] = ['Installationsavgift', 200];

const CASES: Case[] = [
  // started-month
  c('started: installed on the last day of March', '2025-03', 'started-month', [alarm('2025-03-31')], [fee(239), inst]),
  c(
    'started: installed on the last day of March, billed in April',
    '2025-04',
    'started-month',
    [alarm('2025-03-31')],
    [fee(239)],
  ),
  c('started: installed on the last day, nothing in February', '2025-02', 'started-month', [alarm('2025-03-31')], []),
  c(
    'started: ended on the 1st still costs the full month',
    '2025-03',
    'started-month',
    [alarm('2024-01-01', '2025-03-01')],
    [fee(239)],
  ),
  c('started: ended 2025-02-28 gives nothing in March', '2025-03', 'started-month', [alarm('2024-01-01', '2025-02-28')], []),
  c(
    'started: ended 2025-02-28 gives the fee in February',
    '2025-02',
    'started-month',
    [alarm('2024-01-01', '2025-02-28')],
    [fee(239)],
  ),
  c(
    'started: installed and ended the same day',
    '2025-03',
    'started-month',
    [alarm('2025-03-10', '2025-03-10')],
    [fee(239), inst],
  ),
  c('started: installed 2025-04-01 gives nothing in March', '2025-03', 'started-month', [alarm('2025-04-01')], []),
  c('started: leap day install 2024-02-29', '2024-02', 'started-month', [alarm('2024-02-29')], [fee(239), inst]),
  c('started: button installed last day of Feb 2025', '2025-02', 'started-month', [button('2025-02-28')], [fee(40)]),

  // days-30
  c('days-30: fully active 31-day month = exactly the fee', '2025-03', 'days-30', [alarm('2024-01-01')], [fee(239)]),
  c('days-30: fully active February 2025 (28 days) = exactly the fee', '2025-02', 'days-30', [alarm('2024-01-01')], [fee(239)]),
  c('days-30: fully active February 2024 (29 days) = exactly the fee', '2024-02', 'days-30', [alarm('2023-06-01')], [fee(239)]),
  c('days-30: 28 of 29 days in Feb 2024: round(239×28/30)=223', '2024-02', 'days-30', [alarm('2024-02-02')], [fee(223), inst]),
  c('days-30: only 2024-02-29: round(239/30)=8', '2024-02', 'days-30', [alarm('2024-02-29')], [fee(8), inst]),
  c('days-30: 2025-02-15..28 = 14 days: round(111.53)=112', '2025-02', 'days-30', [alarm('2025-02-15')], [fee(112), inst]),
  c(
    'days-30: 27 of 28 days in Feb 2025: round(215.1)=215',
    '2025-02',
    'days-30',
    [alarm('2024-01-01', '2025-02-27')],
    [fee(215)],
  ),
  c('days-30: installed on the last day of March: 8', '2025-03', 'days-30', [alarm('2025-03-31')], [fee(8), inst]),
  c('days-30: installed and ended the same day: 8', '2025-03', 'days-30', [alarm('2025-03-10', '2025-03-10')], [fee(8), inst]),
  c(
    'days-30: ended 2025-03-15 = 15 days: 119.5 rounds half up to 120',
    '2025-03',
    'days-30',
    [alarm('2024-01-01', '2025-03-15')],
    [fee(120)],
  ),
  c(
    'days-30: 30 of 31 days (from the 2nd) = 239',
    '2025-03',
    'days-30',
    [alarm('2025-03-02', undefined, { Installationstyp: 'Byte' })],
    [fee(239)],
  ),
  c('days-30: 30 of 31 days (to the 30th) = 239', '2025-03', 'days-30', [alarm('2024-01-01', '2025-03-30')], [fee(239)]),
  c('days-30: April ended on the 15th: 120', '2025-04', 'days-30', [alarm('2024-01-01', '2025-04-15')], [fee(120)]),
  c('days-30: button ended 2025-03-15: 40×15/30 = 20', '2025-03', 'days-30', [button('2024-01-01', '2025-03-15')], [fee(20)]),
  c(
    'days-30: button from 2025-03-12: round(26.67)=27 (no installation fee for buttons)',
    '2025-03',
    'days-30',
    [button('2025-03-12')],
    [fee(27)],
  ),
  c(
    'days-30: December from the 16th = 16 days: round(127.47)=127',
    '2025-12',
    'days-30',
    [alarm('2025-12-16')],
    [fee(127), inst],
  ),
  c(
    'days-30: two alarms with a gap, 1–5 and 20–31 March = 17 days: round(135.43)=135',
    '2025-03',
    'days-30',
    [alarm('2024-01-01', '2025-03-05'), alarm('2025-03-20', undefined, { Installationstyp: 'Byte' })],
    [fee(135)],
  ),
  c(
    'days-30: same-day swap is a union: 31 days → 239, not more',
    '2025-03',
    'days-30',
    [alarm('2023-05-01', '2025-03-14'), alarm('2025-03-14', undefined, { Installationstyp: 'Byte' })],
    [fee(239)],
  ),

  // actual-days
  c('actual: from 2025-03-12: round(239×20/31)=154', '2025-03', 'actual-days', [alarm('2025-03-12')], [fee(154), inst]),
  c('actual: Feb 2025 from the 15th: 14/28 → 119.5 → 120', '2025-02', 'actual-days', [alarm('2025-02-15')], [fee(120), inst]),
  c('actual: Feb 2025 ended on the 14th: 14/28 → 120', '2025-02', 'actual-days', [alarm('2024-01-01', '2025-02-14')], [fee(120)]),
  c(
    'actual: Feb 2024 from the 15th: 15/29 → round(123.62)=124',
    '2024-02',
    'actual-days',
    [alarm('2024-02-15')],
    [fee(124), inst],
  ),
  c('actual: only 2024-02-29: round(239/29)=8', '2024-02', 'actual-days', [alarm('2024-02-29')], [fee(8), inst]),
  c('actual: last day of March: round(239/31)=8', '2025-03', 'actual-days', [alarm('2025-03-31')], [fee(8), inst]),
  c('actual: installed and ended the same day: 8', '2025-03', 'actual-days', [alarm('2025-03-10', '2025-03-10')], [fee(8), inst]),
  c(
    'actual: ended 2025-03-15: 15/31 → round(115.65)=116',
    '2025-03',
    'actual-days',
    [alarm('2024-01-01', '2025-03-15')],
    [fee(116)],
  ),
  c(
    'actual: April ended on the 15th: 15/30 → 119.5 → 120',
    '2025-04',
    'actual-days',
    [alarm('2024-01-01', '2025-04-15')],
    [fee(120)],
  ),
  c('actual: full March = 239', '2025-03', 'actual-days', [alarm('2024-01-01')], [fee(239)]),
  c('actual: full Feb 2025 = 239', '2025-02', 'actual-days', [alarm('2024-01-01')], [fee(239)]),
  c('actual: full Feb 2024 = 239', '2024-02', 'actual-days', [alarm('2023-01-01')], [fee(239)]),
  c('actual: button from 2025-03-12: round(40×20/31)=26', '2025-03', 'actual-days', [button('2025-03-12')], [fee(26)]),
  c(
    'actual: same-day swap: 31/31 → 239',
    '2025-03',
    'actual-days',
    [alarm('2023-05-01', '2025-03-14'), alarm('2025-03-14', undefined, { Installationstyp: 'Byte' })],
    [fee(239)],
  ),
];

describe('R1 proration at month ends (spec §5)', () => {
  it.each(CASES)('$name', async ({ rows, month, proration, want }) => {
    const r = await bill({ rows, ...(month.startsWith('2024') ? { taxa: TAXA_2024 } : {}) }, month, { proration });
    expect(r.errors).toEqual([]);
    expect(kinds(r.lines)).toEqual(want);
  });

  it("days-30 and actual-days also come from the Taxa sheet's Delmånad, and --proration overrides it", async () => {
    const rows = [alarm('2025-03-12')];
    const taxa = (delmånad: string) => [TAXA_HEADERS, [d('2025-01-01'), 239, 40, 0, 0, 200, 'Nej', delmånad, 30]];
    expect(kinds((await bill({ rows, taxa: taxa('30-dagarsmånad') }, '2025-03')).lines)).toEqual([fee(159), inst]);
    expect(kinds((await bill({ rows, taxa: taxa('Faktiska dagar') }, '2025-03')).lines)).toEqual([fee(154), inst]);
    expect(kinds((await bill({ rows, taxa: taxa('Påbörjad månad') }, '2025-03')).lines)).toEqual([fee(239), inst]);
    expect(kinds((await bill({ rows, taxa: taxa('30-dagarsmånad') }, '2025-03', { proration: 'started-month' })).lines)).toEqual([
      fee(239),
      inst,
    ]);
    expect(kinds((await bill({ rows, taxa: taxa('Påbörjad månad') }, '2025-03', { proration: 'actual-days' })).lines)).toEqual([
      fee(154),
      inst,
    ]);
  });
});
