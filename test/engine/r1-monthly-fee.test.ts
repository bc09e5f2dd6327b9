// R1: the monthly fee per person and fee category, over the union of active days, and the
// three proration settings of §5.
import { describe, expect, it } from 'vitest';
import { activeDaysInMonth, kr, proratedFee, type Proration } from '../../src/engine/index.js';
import { bill, linesOf, linesOfKind, makePnr, month, P1, P2, taxaSheet } from './helpers.js';

const alarm = (installed: string, extra: Record<string, unknown> = {}) => ({
  Personnummer: P1,
  Tjänst: 'Trygghetslarm',
  Installerad: installed,
  Installationstyp: 'Byte',
  ...extra,
});

/** The Månadsavgift amounts of a run, as numbers. */
const monthly = (r: ReturnType<typeof bill>) => linesOfKind(r, 'Månadsavgift').map((l) => l.amount.toNumber());

describe('R1 union of active days', () => {
  it('R1: a device active the whole month gives one Månadsavgift of 239 kr, inside the cap', () => {
    const r = bill([alarm('2024-01-01')]);
    expect(linesOf(r)).toEqual([['Månadsavgift', 239]]);
    const l = r.lines[0]!;
    expect(l.insideCap).toBe(true);
    expect(l.rule).toBe('R1');
    expect(l.unitPrice!.toNumber()).toBe(239);
    expect(l.sourceRows).toEqual([2]);
    expect(l.month).toBe('2025-03');
  });

  it('R1: swap on the same day (old ends 14th, new starts 14th) → one fee, both rows as source', () => {
    const r = bill(
      [alarm('2023-05-01', { Avslutad: '2025-03-14', Återlämning: 'Återlämnad' }), alarm('2025-03-14')],
      '2025-03',
      {},
      { settings: { proration: 'actual-days' } },
    );
    expect(monthly(r)).toEqual([239]);
    expect(r.lines[0]!.quantity).toBe(31);
    expect(r.lines[0]!.sourceRows).toEqual([2, 3]);
  });

  it('R1: two alarms active at once (Trygghetslarm + Mobilt trygghetslarm) are charged once', () => {
    const r = bill([
      alarm('2024-01-01'),
      { Personnummer: P1, Tjänst: 'GPS-klocka', Installerad: '2024-02-01', Installationstyp: 'Byte' },
    ]);
    expect(monthly(r)).toEqual([239]);
    expect(r.lines[0]!.services).toBe('Trygghetslarm, Mobilt trygghetslarm');
  });

  it('R1: union counts overlapping days once and gaps not at all (actual-days)', () => {
    // 1–10 and 5–12 overlap → 1–12 = 12 days; 20–25 = 6 days; union 18 days of 31.
    const r = bill(
      [
        alarm('2025-01-01', { Avslutad: '2025-03-10', Återlämning: 'Återlämnad' }),
        alarm('2025-03-05', { Avslutad: '2025-03-12', Återlämning: 'Återlämnad' }),
        alarm('2025-03-20', { Avslutad: '2025-03-25', Återlämning: 'Återlämnad' }),
      ],
      '2025-03',
      {},
      { settings: { proration: 'actual-days' } },
    );
    expect(r.lines[0]!.quantity).toBe(18);
    expect(monthly(r)).toEqual([Math.round((239 * 18) / 31)]); // 138.77… → 139
  });

  it('R1: each fee category is charged separately (alarm 239 + button 40)', () => {
    const r = bill([alarm('2024-01-01'), { Personnummer: P1, Tjänst: 'Larmknapp', Installerad: '2024-01-01' }]);
    expect(monthly(r)).toEqual([239, 40]);
  });

  it('R1: two persons are billed independently, in personnummer order', () => {
    const r = bill([alarm('2024-01-01'), { ...alarm('2024-01-01'), Personnummer: P2 }]);
    expect(r.lines.map((l) => [l.pnr, l.amount.toNumber()])).toEqual([
      ['19351224-3332', 239],
      ['19400101-1230', 239],
    ]);
  });

  it('R1: a device ended before the month or installed after it gives no fee', () => {
    expect(bill([alarm('2024-01-01', { Avslutad: '2025-02-28', Återlämning: 'Återlämnad' })]).lines).toEqual([]);
    expect(bill([alarm('2025-04-01')]).lines).toEqual([]);
  });

  it('R1: active on only the first or only the last day of the month still starts the month', () => {
    expect(monthly(bill([alarm('2024-01-01', { Avslutad: '2025-03-01', Återlämning: 'Återlämnad' })]))).toEqual([239]);
    expect(monthly(bill([alarm('2025-03-31')]))).toEqual([239]);
  });

  it('R1: Boende = Särskilt boende gives no monthly fee', () => {
    const r = bill([
      alarm('2024-01-01', { Boende: 'Särskilt boende' }),
      { Personnummer: P1, Tjänst: 'Larmknapp', Installerad: '2024-01-01', Boende: 'särskilt  BOENDE' },
    ]);
    expect(r.lines).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('R1: a Särskilt boende row does not add days to the ordinary-housing union', () => {
    const r = bill(
      [
        alarm('2025-03-20'),
        alarm('2024-01-01', { Boende: 'Särskilt boende', Avslutad: '2025-03-19', Återlämning: 'Återlämnad' }),
      ],
      '2025-03',
      {},
      { settings: { proration: 'actual-days' } },
    );
    expect(r.lines[0]!.quantity).toBe(12);
    expect(r.lines[0]!.sourceRows).toEqual([2]);
  });

  it('R1: Ordinärt boende written out is the same as empty', () => {
    expect(monthly(bill([alarm('2024-01-01', { Boende: 'Ordinärt boende' })]))).toEqual([239]);
  });

  it('R1: the 0-kr categories (Digitalt lås, Digital tillsyn) give no line at all', () => {
    const r = bill([
      { Personnummer: P1, Tjänst: 'Digitalt lås', Installerad: '2024-01-01' },
      { Personnummer: P1, Tjänst: 'Nattillsyn', Installerad: '2024-01-01' },
    ]);
    expect(r.lines).toEqual([]);
    expect(r.persons.count).toBe(0);
  });

  it('R1: no deduction for absence — a device active all month costs the full fee under every proration', () => {
    for (const proration of ['started-month', 'days-30', 'actual-days'] as const) {
      expect(monthly(bill([alarm('2024-01-01')], '2025-03', {}, { settings: { proration } }))).toEqual([239]);
    }
  });
});

describe('R1 proration settings (§5)', () => {
  const partial = (installed: string, key: string, proration: Proration, ended?: string) =>
    bill([alarm(installed, ended ? { Avslutad: ended, Återlämning: 'Återlämnad' } : {})], key, {}, { settings: { proration } });

  it('R1 started-month (default): one active day → the full fee, Antal 1', () => {
    const r = bill([alarm('2025-03-31')]);
    expect(r.settings.proration).toBe('started-month');
    expect(monthly(r)).toEqual([239]);
    expect(r.lines[0]!.quantity).toBe(1);
  });

  it('R1 days-30: round(fee × days / 30), Antal = days', () => {
    const r = partial('2025-03-22', '2025-03', 'days-30'); // 22..31 = 10 days
    expect(monthly(r)).toEqual([80]); // 239 × 10 / 30 = 79.67
    expect(r.lines[0]!.quantity).toBe(10);
  });

  it('R1 days-30: half up at .5 (239 × 15 / 30 = 119.5 → 120)', () => {
    expect(monthly(partial('2025-04-16', '2025-04', 'days-30'))).toEqual([120]); // 16..30 April = 15 days
  });

  it('R1 days-30: 30 of 31 days costs exactly the fee, never more', () => {
    const r = partial('2025-03-02', '2025-03', 'days-30');
    expect(r.lines[0]!.quantity).toBe(30);
    expect(monthly(r)).toEqual([239]);
  });

  it('R1 days-30: every partial count of days in a 31-day month stays ≤ the fee', () => {
    for (let d = 1; d <= 31; d++) {
      const day = String(d).padStart(2, '0');
      const [amount] = monthly(partial(`2025-03-${day}`, '2025-03', 'days-30'));
      const days = 32 - d;
      expect(amount).toBeLessThanOrEqual(239);
      expect(amount).toBe(Math.min(239, Math.floor((239 * days) / 30 + 0.5)));
    }
  });

  it('R1 days-30: February fully active (28 days) costs exactly the fee, not 28/30 of it', () => {
    const r = bill([alarm('2024-01-01')], '2025-02', {}, { settings: { proration: 'days-30' } });
    expect(monthly(r)).toEqual([239]);
    expect(r.lines[0]!.quantity).toBe(28);
  });

  it('R1 days-30: February 2025 partial (27 days) is prorated by 30', () => {
    expect(monthly(partial('2025-02-02', '2025-02', 'days-30'))).toEqual([215]); // 239 × 27 / 30 = 215.1
  });

  it('R1 actual-days: round(fee × days / daysInMonth), 31-day month', () => {
    const r = partial('2025-03-12', '2025-03', 'actual-days'); // 20 of 31 days
    expect(monthly(r)).toEqual([154]); // 154.19
    expect(r.lines[0]!.quantity).toBe(20);
  });

  it('R1 actual-days: half up at .5 in February 2025 (239 × 14 / 28 = 119.5 → 120)', () => {
    expect(monthly(partial('2025-02-15', '2025-02', 'actual-days'))).toEqual([120]);
  });

  it('R1 actual-days: 30-day month, device ended mid-month', () => {
    expect(monthly(partial('2024-01-01', '2025-06', 'actual-days', '2025-06-10'))).toEqual([80]); // 239 × 10/30 = 79.67
  });

  it('R1 actual-days and days-30 in leap February 2024 (29 days), via a Taxa sheet valid from 2024', () => {
    const taxa = taxaSheet([{ from: '2024-01-01' }]);
    const run = (installed: string, proration: Proration) =>
      monthly(bill([alarm(installed)], '2024-02', { taxa }, { settings: { proration } }));
    expect(run('2024-02-15', 'actual-days')).toEqual([124]); // 15 days: 239 × 15 / 29 = 123.6
    expect(run('2024-02-01', 'actual-days')).toEqual([239]);
    expect(run('2024-02-01', 'days-30')).toEqual([239]); // 29 of 29 days is a full month
    expect(run('2024-02-02', 'days-30')).toEqual([223]); // 28 days: 239 × 28 / 30 = 223.07
    expect(run('2024-02-29', 'actual-days')).toEqual([8]); // 1 day: 8.24
  });

  it('R1: proratedFee directly — 28 and 29 days in February, 31-day months', () => {
    const fee = kr(239);
    expect(proratedFee(fee, 29, { year: 2024, month: 2 }, 'actual-days', 'alarm').amount.toNumber()).toBe(239);
    expect(proratedFee(fee, 28, { year: 2024, month: 2 }, 'actual-days', 'alarm').amount.toNumber()).toBe(231); // 230.76
    expect(proratedFee(fee, 28, { year: 2025, month: 2 }, 'actual-days', 'alarm').amount.toNumber()).toBe(239);
    expect(proratedFee(fee, 28, { year: 2025, month: 2 }, 'days-30', 'alarm').amount.toNumber()).toBe(239);
    expect(proratedFee(fee, 30, { year: 2025, month: 1 }, 'actual-days', 'alarm').amount.toNumber()).toBe(231); // 231.29
    expect(proratedFee(fee, 31, { year: 2025, month: 1 }, 'days-30', 'alarm').amount.toNumber()).toBe(239);
  });

  it('R1: the proration setting can come from the Taxa sheet', () => {
    const taxa = taxaSheet([{ from: '2025-01-01', proration: 'days-30' }]);
    const r = bill([alarm('2025-03-12')], '2025-03', { taxa });
    expect(r.settings.proration).toBe('days-30');
    expect(monthly(r)).toEqual([159]);
  });

  it('R1: a run setting overrides the Taxa sheet setting', () => {
    const taxa = taxaSheet([{ from: '2025-01-01', proration: 'days-30' }]);
    expect(monthly(bill([alarm('2025-03-12')], '2025-03', { taxa }, { settings: { proration: 'started-month' } }))).toEqual([
      239,
    ]);
  });

  it('R1: a non-integer fee is prorated and rounded half up exactly (decimal, not float)', () => {
    // 100.05 × 15 / 30 = 50.025 → 50; 0.5 kr fee × 15 / 30 = 0.25 → 0; 1.1 × 15 / 30 = 0.55 → 1.
    const t = (fee: string) => proratedFee(kr(fee), 15, { year: 2025, month: 4 }, 'days-30', 'alarm').amount.toString();
    expect(t('100.05')).toBe('50');
    expect(t('0.5')).toBe('0');
    expect(t('1.1')).toBe('1');
    expect(t('3')).toBe('2'); // 1.5 → 2 (half up, not banker's)
    expect(t('5')).toBe('3'); // 2.5 → 3
  });
});

describe('R1 activeDaysInMonth', () => {
  it('R1: counts the union of day spans clipped to the month', () => {
    const r = bill(
      [
        alarm('2025-02-20', { Avslutad: '2025-03-03', Återlämning: 'Återlämnad' }),
        alarm('2025-03-04', { Avslutad: '2025-03-04', Återlämning: 'Återlämnad' }),
        alarm('2025-03-30'),
      ],
      '2025-03',
      {},
      { settings: { proration: 'actual-days' } },
    );
    expect(r.lines[0]!.quantity).toBe(6);
  });

  it('R1: empty input → 0 days', () => {
    expect(activeDaysInMonth([], month('2025-03'))).toBe(0);
  });
});

describe('R1 with synthetic personnummer', () => {
  it('R1: a samordningsnummer person is billed like anyone else', () => {
    const pnr = makePnr('19500171', '234');
    const r = bill([{ Personnummer: pnr, Tjänst: 'Trygghetslarm', Installerad: '2024-01-01' }]);
    expect(r.lines.map((l) => [l.pnr, l.amount.toNumber()])).toEqual([[pnr, 239]]);
  });
});
