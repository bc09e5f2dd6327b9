// §4: "Dates are calendar days: no time zone may shift them." The date-sensitive cases of
// tz-cases.ts give the same outcome in-process under several TZ values, and in child processes
// started with TZ=Pacific/Kiritimati (UTC+14) and TZ=America/Adak (UTC−10/−9).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOutcome, type DateOutcome } from './tz-cases.js';

const ZONES: Array<[string, number]> = [
  // zone, getTimezoneOffset() on 2025-01-01 (minutes, positive west of UTC)
  ['Pacific/Kiritimati', -840],
  ['America/Adak', 600],
  ['Pacific/Pago_Pago', 660],
  ['Europe/Stockholm', -60],
  ['Asia/Kolkata', -330],
  ['UTC', 0],
];

const janOffset = () => new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset();

let reference: DateOutcome;
const originalTz = process.env.TZ;

beforeAll(() => {
  reference = dateOutcome();
});

afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('§4 date-sensitive cases (whatever the process time zone)', () => {
  it('§4: a Date at UTC midnight, a serial (also with a time of day) and ISO text all give the same calendar day', () => {
    for (const [key, value] of Object.entries(reference.days)) {
      const [kind, d] = key.split(' ') as [string, string];
      if (kind === 'month') expect(value, key).toBe(`${d.slice(0, 4)}-${Number(d.slice(5, 7))}`);
      else expect(value, key).toBe(d);
    }
  });

  it('§4/R1/R3: Date cells on the first and last day of the month bill that month', () => {
    const r = reference.runs as Record<string, { lines: unknown[][]; problems: unknown[][] }>;
    expect(r.firstDay!.lines.map((l) => [l[1], l[2]])).toEqual([
      ['Månadsavgift', '239'],
      ['Installationsavgift', '200'],
    ]);
    expect(r.lastDay!.lines.map((l) => [l[1], l[2], l[3]])).toEqual([
      ['Månadsavgift', '8', 1],
      ['Installationsavgift', '200', 1],
    ]);
    expect(r.lastDayOfFeb!.lines.map((l) => [l[1], l[2]])).toEqual([['Månadsavgift', '239']]);
    expect(r.endedFeb!.lines).toEqual([]);
    expect(r.dst!.lines.map((l) => [l[1], l[2], l[3]])).toEqual([
      ['Månadsavgift', '16', 2],
      ['Installationsavgift', '200', 1],
    ]);
    expect(r.dstBack!.lines.map((l) => [l[1], l[2], l[3]])).toEqual([
      ['Månadsavgift', '46', 6],
      ['Installationsavgift', '200', 1],
    ]);
  });

  it('§4/R4/R5/§2: Date cells in Påminnelse, side sheets and the Taxa sheet', () => {
    const r = reference.runs as Record<string, { lines: unknown[][]; problems: unknown[][] }>;
    expect(r.reminder!.lines.map((l) => [l[1], l[2]])).toEqual([['Ersättning teknik', '2400']]);
    expect(String(r.reminder!.lines[0]![5])).toContain('2025-03-12');
    expect(r.badOrder!.problems).toEqual([['Enhetsregister', 2, 'F2', 'Fel', '2025-03-09']]);
    expect(r.sideSheets!.lines.map((l) => [l[0], l[1], l[2]])).toEqual([
      ['19351224-3332', 'Månadsavgift', '239'],
      ['19351224-3332', 'Reduktion högkostnadsskydd', '-139'],
      ['19400101-1230', 'Månadsavgift', '239'],
      ['19400101-1230', 'Reduktion högkostnadsskydd', '-97'],
    ]);
    expect(r.taxaDec!.lines.map((l) => l[2])).toEqual(['239']);
    expect(r.taxaJan!.lines.map((l) => l[2])).toEqual(['250']);
  });
});

describe('§4 the same outcome in every time zone', () => {
  for (const [zone, offset] of ZONES) {
    it(`§4: in-process under TZ=${zone}`, () => {
      process.env.TZ = zone;
      try {
        // The switch took effect, so the comparison below means something.
        expect(janOffset()).toBe(offset);
        expect(dateOutcome()).toEqual(reference);
      } finally {
        if (originalTz === undefined) delete process.env.TZ;
        else process.env.TZ = originalTz;
      }
    });
  }

  const script = fileURLToPath(new URL('./tz-cases.ts', import.meta.url));
  const runIn = (zone: string) =>
    new Promise<{ tz: string; offset: number; outcome: DateOutcome }>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', script],
        { env: { ...process.env, TZ: zone }, timeout: 20000 },
        (err, stdout, stderr) => {
          if (err) reject(new Error(`${err.message}\n${stderr}`));
          else resolve(JSON.parse(stdout));
        },
      );
    });

  it('§4: child processes started with TZ=Pacific/Kiritimati and TZ=America/Adak give the same outcome', async () => {
    const [kiritimati, adak] = await Promise.all([runIn('Pacific/Kiritimati'), runIn('America/Adak')]);
    expect([kiritimati.tz, kiritimati.offset]).toEqual(['Pacific/Kiritimati', -840]);
    expect([adak.tz, adak.offset]).toEqual(['America/Adak', 600]);
    expect(kiritimati.outcome).toEqual(reference);
    expect(adak.outcome).toEqual(reference);
  }, 30000);
});
