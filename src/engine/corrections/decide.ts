// §9: from differences to what is billed. The guards (persons no longer in the register,
// persons with a Fel row) and retroDebits decide; credits are always billed.
import { parseMonthKey, type YearMonth } from '../days.js';
import { compareLines, KIND_INDEX, type InvoiceLine, type LineKind } from '../invoiceLine.js';
import { formatKr, type Money } from '../money.js';
import type { Problem } from '../problems.js';
import type { RegisterRow } from '../register.js';
import { RETRO_DEBITS_LABEL, SETTING_LABEL, type RetroDebits } from '../settings.js';
import type { TariffVersion } from '../tariff.js';
import { moneyOfOre } from './billed.js';
import type { KindDifference, PersonMonthDifference } from './compare.js';
import { correctionExplanation, KIND_TEXT, plainKr, reasonToday, rowsBehindNothing, signedKr } from './explain.js';
import type { BilledLine } from './record.js';

/** What today's register says about a person (read for the year of the month checked). */
export interface PersonFacts {
  /** Rows billed today. */
  readonly rows: readonly RegisterRow[];
  /** Rows with a Fel today (left out of billing). */
  readonly errorRows: readonly number[];
}

/** §9: a debit for an earlier month that `retroDebits = report` does not bill. */
export interface HeldBackDebit {
  readonly pnr: string;
  readonly name: string;
  readonly month: string;
  /** What the person would pay more for the month: positive. */
  readonly amount: Money;
  /** Per kind, as today's billing differs from the record (a part may be negative). */
  readonly parts: ReadonlyArray<{ readonly kind: LineKind; readonly amount: Money }>;
  /** Register rows behind today's amount. */
  readonly sourceRows: readonly number[];
}

export interface DecisionInput {
  readonly differences: readonly PersonMonthDifference[];
  readonly facts: (pnr: string, month: string) => PersonFacts;
  /** The record's lines; differences refer to them by index. */
  readonly record: readonly BilledLine[];
  readonly registerSheet: string;
  readonly retroDebits: RetroDebits;
  /** The tariff version of month m (R1 amounts, whether the installation fee is capped). */
  readonly version: (month: string) => TariffVersion;
}

export interface Decision {
  readonly lines: InvoiceLine[];
  readonly heldBack: HeldBackDebit[];
  readonly problems: Problem[];
}

const R7 = 'R7';

export function decideCorrections(input: DecisionInput): Decision {
  const out: Decision = { lines: [], heldBack: [], problems: [] };
  const byPerson = new Map<string, PersonMonthDifference[]>();
  for (const d of input.differences) {
    const list = byPerson.get(d.pnr);
    if (list) list.push(d);
    else byPerson.set(d.pnr, [d]);
  }
  for (const [pnr, diffs] of byPerson) {
    diffs.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
    const archived = diffs.filter((d) => isArchived(input.facts(pnr, d.month)));
    if (archived.length > 0) warnArchived(input, pnr, archived, out.problems);
    const present = diffs.filter((d) => !archived.includes(d));
    const errorRows = [...new Set(present.flatMap((d) => input.facts(pnr, d.month).errorRows))].sort((a, b) => a - b);
    if (present.length > 0 && errorRows.length > 0) {
      warnErrorRows(input, pnr, present, errorRows, out.problems);
      continue;
    }
    for (const d of present) decidePersonMonth(input, d, out);
  }
  out.lines.sort(compareCorrections);
  return out;
}

function isArchived(facts: PersonFacts): boolean {
  return facts.rows.length === 0 && facts.errorRows.length === 0;
}

/** §7 order, then for each person the months, then the kinds. */
function compareCorrections(a: InvoiceLine, b: InvoiceLine): number {
  if (a.pnr !== b.pnr) return a.pnr < b.pnr ? -1 : 1;
  if (a.month !== b.month) return a.month < b.month ? -1 : 1;
  return compareLines(a, b);
}

function nameOf(rows: readonly RegisterRow[]): string {
  return rows.find((r) => r.name !== '')?.name ?? '';
}

function recordSource(record: readonly BilledLine[], i: number): string {
  const l = record[i]!;
  return `${l.sheet}!${l.row}`;
}

/** Kinds whose amounts are tied by the cap (R5): a change in one moves the reduction. */
function cappedKinds(version: TariffVersion): ReadonlySet<LineKind> {
  return new Set<LineKind>(
    version.installationCapped
      ? ['Månadsavgift', 'Installationsavgift', 'Reduktion högkostnadsskydd']
      : ['Månadsavgift', 'Reduktion högkostnadsskydd'],
  );
}

interface Part {
  readonly diff: KindDifference;
  readonly ore: number;
  readonly offset?: { readonly credited: Money; readonly by: string };
}

function decidePersonMonth(input: DecisionInput, d: PersonMonthDifference, out: Decision): void {
  const version = input.version(d.month);
  const facts = input.facts(d.pnr, d.month);
  const billedParts: Part[] = [];
  const held: KindDifference[] = [];
  const delta = (k: KindDifference): number => k.todayOre - k.billedOre;
  if (input.retroDebits === 'bill') {
    for (const k of d.kinds) billedParts.push({ diff: k, ore: delta(k) });
  } else {
    // Under the cap a raised fee and a larger reduction can cancel: what the person pays for the
    // month is what may not rise, so the kinds tied by the cap are judged together.
    const tied = cappedKinds(version);
    const groups = [d.kinds.filter((k) => tied.has(k.kind)), ...d.kinds.filter((k) => !tied.has(k.kind)).map((k) => [k])];
    for (const group of groups) {
      if (group.length === 0) continue;
      let raise = 0,
        lower = 0;
      for (const k of group) {
        const x = delta(k);
        if (x > 0) raise += x;
        else lower += x;
      }
      if (raise === 0) {
        for (const k of group) billedParts.push({ diff: k, ore: delta(k) });
      } else if (raise + lower > 0) {
        held.push(...group);
      } else if (raise + lower < 0) {
        // Credit only what the person paid too much in all: the lowered kinds, in kind order.
        const by = group
          .filter((k) => delta(k) > 0)
          .map((k) => `${KIND_TEXT[k.kind]} ändras med ${signedKr(moneyOfOre(delta(k)))}`)
          .join(' och ');
        let rest = raise + lower;
        for (const k of group) {
          if (rest === 0 || delta(k) >= 0) continue;
          const ore = Math.max(delta(k), rest);
          rest -= ore;
          billedParts.push({ diff: k, ore, ...(ore !== delta(k) ? { offset: { credited: moneyOfOre(ore), by } } : {}) });
        }
      }
    }
  }
  for (const p of billedParts) out.lines.push(correctionLine(input, d, p, facts, version));
  if (held.length > 0) holdBack(input, d, held, facts, out);
}

function correctionLine(
  input: DecisionInput,
  d: PersonMonthDifference,
  part: Part,
  facts: PersonFacts,
  version: TariffVersion,
): InvoiceLine {
  const k = part.diff;
  const month = parseMonthKey(d.month) as YearMonth;
  const named = k.todayLines.length ? [] : rowsBehindNothing(k.kind, facts.rows, version);
  const todaySources = k.todayLines.flatMap((l) => l.sourceRows);
  const sourceRows = [...new Set(todaySources.length ? todaySources : named.map((r) => r.rowNumber))].sort((a, b) => a - b);
  const fromToday = (f: (l: InvoiceLine) => string): string => distinct(k.todayLines.map(f).flatMap((s) => s.split(', ')));
  return {
    pnr: d.pnr,
    name: k.todayLines[0]?.name || nameOf(facts.rows),
    month: d.month,
    kind: k.kind,
    services: k.todayLines.length ? fromToday((l) => l.services) : distinct(named.map((r) => r.service.name)),
    deviceIds: k.todayLines.length ? fromToday((l) => l.deviceIds) : distinct(named.map((r) => r.deviceId)),
    quantity: 1,
    amount: moneyOfOre(part.ore),
    insideCap: k.todayLines[0]?.insideCap ?? cappedKinds(version).has(k.kind),
    rule: R7,
    sourceRows,
    otherSources: [...k.todayLines.flatMap((l) => l.otherSources), ...k.recordLines.map((i) => recordSource(input.record, i))],
    explanation: correctionExplanation(
      k.kind,
      d.month,
      moneyOfOre(k.billedOre),
      moneyOfOre(k.todayOre),
      reasonToday(k.kind, month, k.todayLines, named),
      part.offset,
    ),
  };
}

function distinct(values: readonly string[]): string {
  return [...new Set(values.filter((v) => v !== ''))].join(', ');
}

function holdBack(
  input: DecisionInput,
  d: PersonMonthDifference,
  held: KindDifference[],
  facts: PersonFacts,
  out: Decision,
): void {
  held.sort((a, b) => KIND_INDEX[a.kind] - KIND_INDEX[b.kind]);
  const parts = held.map((k) => ({ kind: k.kind, amount: moneyOfOre(k.todayOre - k.billedOre) }));
  const amount = moneyOfOre(held.reduce((s, k) => s + k.todayOre - k.billedOre, 0));
  const sourceRows = [...new Set(held.flatMap((k) => k.todayLines.flatMap((l) => l.sourceRows)))].sort((a, b) => a - b);
  const name = nameOf(facts.rows);
  out.heldBack.push({ pnr: d.pnr, name, month: d.month, amount, parts, sourceRows });
  const partText = parts.map((p) => `${KIND_TEXT[p.kind]} ${plainKr(p.amount)}`).join(', ');
  out.problems.push({
    severity: 'Varning',
    sheet: input.registerSheet,
    ...(sourceRows.length ? { row: sourceRows[0] } : {}),
    column: '',
    value: signedKr(amount),
    message:
      `${who(d.pnr, name)}: ${signedKr(amount)} för ${d.month} (${partText}) debiteras inte retroaktivt. ` +
      `${SETTING_LABEL.retroDebits} är ${RETRO_DEBITS_LABEL.report}: en höjning för en redan fakturerad månad kräver ett beslut. ` +
      `Debitera den för hand om den beslutas, eller kör med ${SETTING_LABEL.retroDebits} ${RETRO_DEBITS_LABEL.bill}.`,
    rule: R7,
  });
}

function who(pnr: string, name: string): string {
  return name ? `${pnr} (${name})` : pnr;
}

/** §9: billed lines of a person with no register row today: nothing is corrected, the record is shown. */
function warnArchived(input: DecisionInput, pnr: string, diffs: readonly PersonMonthDifference[], problems: Problem[]): void {
  const first = diffs.flatMap((d) => d.kinds.flatMap((k) => k.recordLines))[0];
  const billed = diffs
    .map(
      (d) =>
        `${d.month}: ${d.kinds
          .filter((k) => k.billedOre !== 0)
          .map((k) => `${KIND_TEXT[k.kind]} ${formatKr(moneyOfOre(k.billedOre))}`)
          .join(', ')}`,
    )
    .join('; ');
  const line = first === undefined ? undefined : input.record[first];
  problems.push({
    severity: 'Varning',
    sheet: line?.sheet ?? input.registerSheet,
    ...(line ? { row: line.row } : {}),
    column: '',
    value: pnr,
    message: `${pnr} finns inte längre i registret, så det som fakturerats kan inte kontrolleras och rättas inte (${billed}). Kontrollera mot arkiverade uppgifter och rätta för hand vid behov.`,
    rule: R7,
  });
}

/** §9: a person with a Fel row gets no correction until the row is fixed. */
function warnErrorRows(
  input: DecisionInput,
  pnr: string,
  diffs: readonly PersonMonthDifference[],
  errorRows: readonly number[],
  problems: Problem[],
): void {
  const rows = errorRows.length === 1 ? `rad ${errorRows[0]}` : `raderna ${errorRows.join(', ')}`;
  const months = [...new Set(diffs.map((d) => d.month))].join(', ');
  problems.push({
    severity: 'Varning',
    sheet: input.registerSheet,
    row: errorRows[0]!,
    column: '',
    value: pnr,
    message: `Rättelser för ${pnr} (${months}) görs inte: ${rows} i registret har fel och räknas inte. Rätta ${errorRows.length === 1 ? 'raden' : 'raderna'}, så kontrolleras månaderna igen vid nästa fakturering.`,
    rule: R7,
  });
}
