// Date-sensitive cases for the time-zone tests (§4: dates are calendar days; no time zone may
// shift them). Not a test file itself: time-zones.test.ts runs it in-process under several TZ
// values and in child processes started with TZ set from the beginning.
import {
  billWorkbook,
  dayFromCell,
  dayToIso,
  displayValue,
  monthFromCell,
  outputSheets,
  type SheetCells,
  tableRows,
} from '../../src/engine/index.js';
import { abilitySheet, bill, month, otherFeesSheet, P1, P2, serial, sheetOf, taxaSheet, utcDate } from './helpers.js';

export interface DateOutcome {
  readonly days: Record<string, string | null>;
  readonly runs: Record<string, unknown>;
}

const iso = (v: unknown): string | null => {
  const d = dayFromCell(v);
  return d === undefined ? null : dayToIso(d);
};

const summary = (r: ReturnType<typeof bill>) => ({
  lines: r.lines.map((l) => [l.pnr, l.kind, l.amount.toString(), l.quantity, l.sourceRows.join(' '), l.explanation]),
  problems: r.problems.map((p) => [p.sheet, p.row, p.cell ?? '', p.severity, p.value]),
});

/** Everything here must be the same in every time zone. */
export function dateOutcome(): DateOutcome {
  const days: Record<string, string | null> = {};
  for (const d of [
    '1900-03-01',
    '1970-01-01',
    '2024-02-29',
    '2025-01-01',
    '2025-03-01',
    '2025-03-30',
    '2025-03-31',
    '2025-10-26',
    '2025-12-31',
    '2026-01-01',
  ]) {
    days[`date ${d}`] = iso(utcDate(d));
    days[`serial ${d}`] = iso(serial(d));
    days[`serial+0.99 ${d}`] = iso(serial(d) + 0.99);
    days[`text ${d}`] = iso(d);
    days[`display ${d}`] = displayValue(utcDate(d));
    const m = monthFromCell(utcDate(d));
    days[`month ${d}`] = m ? `${m.year}-${m.month}` : null;
  }

  const runs: Record<string, unknown> = {};
  const alarm = (installed: unknown, extra: Record<string, unknown> = {}) => ({
    Personnummer: P1,
    Tjänst: 'Trygghetslarm',
    Installerad: installed,
    ...extra,
  });
  // Installed on the first and last day of the month, as Date cells: installation fee in March only.
  runs.firstDay = summary(bill([alarm(utcDate('2025-03-01'))], '2025-03'));
  runs.lastDay = summary(bill([alarm(utcDate('2025-03-31'))], '2025-03', {}, { settings: { proration: 'actual-days' } }));
  runs.lastDayOfFeb = summary(bill([alarm(utcDate('2025-02-28'))], '2025-03'));
  // Ended on the last day of February (a Date): not active in March.
  runs.endedFeb = summary(
    bill([alarm(utcDate('2024-01-01'), { Avslutad: utcDate('2025-02-28'), Återlämning: 'Återlämnad' })], '2025-03'),
  );
  // Across the Swedish DST change (2025-03-30) and back (2025-10-26).
  runs.dst = summary(
    bill(
      [alarm(utcDate('2025-03-30'), { Avslutad: utcDate('2025-03-31'), Återlämning: 'Återlämnad' })],
      '2025-03',
      {},
      { settings: { proration: 'days-30' } },
    ),
  );
  runs.dstBack = summary(bill([alarm(utcDate('2025-10-26'))], '2025-10', {}, { settings: { proration: 'actual-days' } }));
  // R4: Påminnelse 2025-02-10 as a Date → due 2025-03-12.
  runs.reminder = summary(
    bill(
      [
        alarm(utcDate('2022-01-01'), {
          Avslutad: utcDate('2025-01-31'),
          Återlämning: 'Ej återlämnad',
          Påminnelse: utcDate('2025-02-10'),
          Kostnad: 2400,
        }),
      ],
      '2025-03',
    ),
  );
  // Avslutad before Installerad, both Dates: the problem shows the ISO day.
  runs.badOrder = summary(bill([alarm(utcDate('2025-03-10'), { Avslutad: utcDate('2025-03-09') })], '2025-03'));
  // Side sheets with Date cells.
  runs.sideSheets = summary(
    bill([alarm(utcDate('2024-01-01')), { ...alarm(utcDate('2024-01-01')), Personnummer: P2 }], '2025-03', {
      otherFees: otherFeesSheet([
        { Personnummer: P1, Månad: utcDate('2025-03-01'), Belopp: 2500 },
        { Personnummer: P1, Månad: utcDate('2025-02-28'), Belopp: 999 },
      ]),
      ability: abilitySheet([
        { Personnummer: P2, Avgiftsutrymme: 100, 'Giltig från': utcDate('2025-03-01') },
        { Personnummer: P2, Avgiftsutrymme: 0, 'Giltig från': utcDate('2025-03-02') },
      ]),
    }),
  );
  // A Taxa version from 2026-01-01 given as a Date.
  const taxa = taxaSheet([{ from: '2025-01-01' }, { from: '2026-01-01', alarm: 250 }]);
  const taxaWithDate: SheetCells = {
    ...taxa,
    values: taxa.values.map((r, i) => (i === 2 ? [utcDate('2026-01-01'), ...r.slice(1)] : r)),
  };
  runs.taxaDec = summary(bill([alarm(utcDate('2024-01-01'))], '2025-12', { taxa: taxaWithDate }));
  runs.taxaJan = summary(bill([alarm(utcDate('2024-01-01'))], '2026-01', { taxa: taxaWithDate }));
  // The output sheets as written.
  runs.output = outputSheets(
    billWorkbook({ register: sheetOf('Enhetsregister', [alarm(utcDate('2025-03-12'))]) }, { month: month('2025-03') }),
  ).map((s) => ({ name: s.name, rows: s.tables.map((t) => tableRows(t)) }));
  return { days, runs };
}

// Run as a script (node --import tsx test/engine/tz-cases.ts): print the outcome as JSON.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.stdout.write(
    JSON.stringify({
      tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
      offset: new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset(),
      outcome: dateOutcome(),
    }),
  );
}
