// Billing one month M (§5): R1, R3, R4 per person, then the cap R5.
import type { AbilityToPayReading } from './abilityToPay.js';
import { COLUMN_BY_FIELD, type RegisterField } from './columns.js';
import { firstDayOfMonth, lastDayOfMonth, monthKey, type YearMonth } from './days.js';
import { LINE_KINDS, type InvoiceLine, type LineKind } from './invoiceLine.js';
import { maxtaxaForMonth, type PrisbasbeloppTable } from './maxtaxa.js';
import { sum, ZERO, type Money } from './money.js';
import type { OtherFeesReading } from './otherFees.js';
import { compareProblems, type Problem, type Severity } from './problems.js';
import type { RegisterReading, RegisterRow } from './register.js';
import { forEachPerson } from './personGroups.js';
import { applyCap } from './rules/cap.js';
import { installationOccasions } from './rules/installation.js';
import { activeDaysInMonth, proratedFee, type MonthlyCharge } from './rules/monthlyFee.js';
import { costProblemMessage, lostDeviceChargeFor, reminderDaysFor, type LostDeviceCharge } from './rules/lostDeviceCharge.js';
import { FEE_CATEGORIES, SERVICES } from './services.js';
import type { BillingSettings } from './settings.js';
import { tariffVersionForMonth, type Tariff, type TariffVersion } from './tariff.js';
import { displayValue } from './text.js';

export interface BillingInput {
  readonly month: YearMonth;
  readonly register: RegisterReading;
  readonly otherFees?: OtherFeesReading;
  readonly ability?: AbilityToPayReading;
  readonly otherFeesSheet?: string;
  readonly abilitySheet?: string;
  readonly tariff: Tariff;
  readonly prisbasbelopp: PrisbasbeloppTable;
  /** Overrides of the tariff version's settings (command line, task pane). */
  readonly settings?: Partial<BillingSettings>;
}

export interface PersonSummary {
  readonly pnr: string;
  readonly name: string;
  readonly capped: Money;
  readonly reduction: Money;
  readonly uncapped: Money;
  readonly total: Money;
}

export interface KindTotal {
  readonly kind: LineKind;
  readonly lines: number;
  readonly amount: Money;
}

export interface BillingResult {
  readonly month: YearMonth;
  readonly registerSheet: string;
  readonly lines: readonly InvoiceLine[];
  readonly persons: readonly PersonSummary[];
  readonly kindTotals: readonly KindTotal[];
  readonly total: Money;
  readonly problems: readonly Problem[];
  readonly settings: BillingSettings;
  readonly tariffVersion: TariffVersion;
  readonly tariffSource: string;
  readonly maxtaxa: Money;
  /** Non-blank data rows in the register. */
  readonly registerRows: number;
}

const KIND_INDEX = Object.fromEntries(LINE_KINDS.map((k, i) => [k, i])) as Record<LineKind, number>;
const SERVICE_ORDER = new Map(SERVICES.map((s, i) => [s.name, i]));

function distinctServices(rows: readonly RegisterRow[]): string {
  if (rows.length === 1) return rows[0]!.service.name;
  const names: string[] = [];
  for (const r of rows) if (!names.includes(r.service.name)) names.push(r.service.name);
  names.sort((a, b) => SERVICE_ORDER.get(a)! - SERVICE_ORDER.get(b)!);
  return names.join(', ');
}

function distinctDevices(rows: readonly RegisterRow[]): string {
  if (rows.length === 1) return rows[0]!.deviceId;
  const ids: string[] = [];
  for (const r of rows) if (r.deviceId !== '' && !ids.includes(r.deviceId)) ids.push(r.deviceId);
  return ids.join(', ');
}

function rowNumbers(rows: readonly RegisterRow[]): number[] {
  if (rows.length === 1) return [rows[0]!.rowNumber];
  const out = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i]!.rowNumber;
  // Rows arrive in register order from forEachPerson; sorting keeps that promise explicit.
  return out.sort((a, b) => a - b);
}

/** Sum per line kind. Most lines share the tariff's own Decimal, so equal amounts are counted, then multiplied. */
function totalsPerKind(lines: readonly InvoiceLine[]): KindTotal[] {
  const counts = LINE_KINDS.map(() => new Map<Money, number>());
  const lineCounts = LINE_KINDS.map(() => 0);
  for (const l of lines) {
    const k = KIND_INDEX[l.kind];
    lineCounts[k]!++;
    const m = counts[k]!;
    m.set(l.amount, (m.get(l.amount) ?? 0) + 1);
  }
  return LINE_KINDS.map((kind, k) => {
    let amount = ZERO;
    for (const [a, n] of counts[k]!) amount = amount.plus(n === 1 ? a : a.times(n));
    return { kind, lines: lineCounts[k]!, amount };
  });
}

export function billMonth(input: BillingInput): BillingResult {
  const { month, register, tariff } = input;
  const mKey = monthKey(month);
  const start = firstDayOfMonth(month),
    end = lastDayOfMonth(month);
  const version = tariffVersionForMonth(tariff, month);
  const maxtaxa = maxtaxaForMonth(input.prisbasbelopp, month);
  const settings: BillingSettings = { ...version.settings, ...stripUndefined(input.settings) };
  const problems: Problem[] = [...register.problems, ...(input.otherFees?.problems ?? []), ...(input.ability?.problems ?? [])];
  const ctx: MonthContext = {
    input,
    month,
    mKey,
    start,
    end,
    version,
    maxtaxa,
    settings,
    problems,
    otherSheet: input.otherFeesSheet ?? 'Övriga avgifter',
    abilitySheet: input.abilitySheet ?? 'Avgiftsutrymme',
    explanations: new Map(),
    overMaxtaxa: new Map(),
    scratchLines: [],
  };

  // §7 order: persons by personnummer, then each person's lines by kind and row.
  const lines: InvoiceLine[] = [];
  const persons: PersonSummary[] = [];
  forEachPerson(register.rows, (rows) => {
    const person = billPerson(ctx, rows[0]!.pnr, rows, lines);
    if (person) persons.push(person);
  });

  problems.sort(compareProblems);
  const kindTotals = totalsPerKind(lines);
  return {
    month,
    registerSheet: register.sheetName,
    lines,
    persons,
    kindTotals,
    total: sum(kindTotals.map((k) => k.amount)),
    problems,
    settings,
    tariffVersion: version,
    tariffSource: tariff.source,
    maxtaxa,
    registerRows: register.dataRowCount,
  };
}

interface MonthContext {
  readonly input: BillingInput;
  readonly month: YearMonth;
  readonly mKey: string;
  readonly start: number;
  readonly end: number;
  readonly version: TariffVersion;
  readonly maxtaxa: Money;
  readonly settings: BillingSettings;
  readonly problems: Problem[];
  readonly otherSheet: string;
  readonly abilitySheet: string;
  /** Explanations that repeat on every full month, made once. */
  readonly explanations: Map<number, MonthlyCharge>;
  readonly overMaxtaxa: Map<Money, boolean>;
  readonly scratchLines: InvoiceLine[];
}

function rowProblem(
  ctx: MonthContext,
  severity: Severity,
  row: RegisterRow,
  field: RegisterField | '',
  message: string,
  value: string,
  rule?: string,
): void {
  const reg = ctx.input.register;
  const column = field === '' ? '' : (reg.headers[field] ?? COLUMN_BY_FIELD[field].header);
  const letter = field === '' ? '' : (reg.columnLetters[field] ?? '');
  ctx.problems.push({
    severity,
    sheet: reg.sheetName,
    row: row.rowNumber,
    column,
    ...(letter ? { cell: `${letter}${row.rowNumber}` } : {}),
    value,
    message,
    ...(rule ? { rule } : {}),
  });
}

const NO_SOURCES: readonly string[] = [];
const NO_LOST_DEVICE_CHARGE: LostDeviceCharge = { kind: 'none' };
const KIND_RANK: Record<LineKind, number> = {
  Månadsavgift: 0,
  Installationsavgift: 1,
  'Ersättning teknik': 2,
  'Reduktion högkostnadsskydd': 3,
};

/** Within one person: line kind, then first register row (§7). */
function compareWithinPerson(a: InvoiceLine, b: InvoiceLine): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.sourceRows[0] ?? 0) - (b.sourceRows[0] ?? 0);
}

function sameRow(a: RegisterRow, b: RegisterRow): boolean {
  return (
    a.service === b.service &&
    a.installed === b.installed &&
    a.ended === b.ended &&
    a.deviceId === b.deviceId &&
    a.returnStatus === b.returnStatus &&
    a.reminder === b.reminder &&
    displayValue(a.costCell) === displayValue(b.costCell) &&
    a.housing === b.housing &&
    a.installType === b.installType &&
    a.name === b.name
  );
}

/** Identical duplicates: the first row stands, the others are reported and not billed again. */
function withoutDuplicates(ctx: MonthContext, rows: RegisterRow[]): RegisterRow[] {
  if (rows.length < 2) return rows;
  const kept: RegisterRow[] = [];
  for (const r of rows) {
    const first = kept.find((k) => sameRow(k, r));
    if (first)
      rowProblem(
        ctx,
        'Varning',
        r,
        '',
        `Raden är identisk med rad ${first.rowNumber} och räknas bara en gång. Ta bort dubbletten.`,
        '',
      );
    else kept.push(r);
  }
  return kept;
}

/** One person's lines for the month, appended to `out`; the person's summary, if billed. */
function billPerson(ctx: MonthContext, pnr: string, allRows: RegisterRow[], out: InvoiceLine[]): PersonSummary | undefined {
  const { month, version, settings, start, end, mKey } = ctx;
  const candidates = withoutDuplicates(ctx, allRows);
  const name = candidates.length === 1 ? candidates[0]!.name : (candidates.find((r) => r.name !== '')?.name ?? '');
  // One scratch list for every person (never kept): 10^5 persons, 10^5 fewer arrays.
  const lines = ctx.scratchLines;
  lines.length = 0;

  // R4 first: a charge due without a usable Kostnad is a Fel that leaves the row out entirely.
  let rows = candidates;
  for (const r of candidates) {
    const outcome =
      r.returnStatus === 'none'
        ? NO_LOST_DEVICE_CHARGE
        : lostDeviceChargeFor(r, month, reminderDaysFor(ctx.input.tariff, r.reminder, ctx.input.settings?.reminderDays));
    if (outcome.kind === 'none') continue;
    if (outcome.kind === 'costProblem') {
      rowProblem(ctx, 'Fel', r, 'cost', costProblemMessage(outcome), displayValue(r.costCell), 'R4');
      rows = rows.filter((x) => x !== r);
    } else if (outcome.kind === 'reminderMissing') {
      rowProblem(
        ctx,
        'Varning',
        r,
        'reminder',
        'Tekniken är inte återlämnad och ingen påminnelse är registrerad. Skicka en påminnelse och fyll i datumet; ersättning tas ut först efter påminnelsen (R4).',
        '',
        'R4',
      );
    } else {
      lines.push({
        pnr,
        name,
        month: mKey,
        kind: 'Ersättning teknik',
        services: r.service.name,
        deviceIds: r.deviceId,
        quantity: 1,
        unitPrice: outcome.amount,
        amount: outcome.amount,
        capped: false,
        rule: 'R4',
        sourceRows: [r.rowNumber],
        otherSources: NO_SOURCES,
        explanation: outcome.explanation,
      });
    }
  }

  // R1: per category, over the union of active days in ordinary housing.
  for (const category of FEE_CATEGORIES) {
    const ofCategory =
      rows.length === 1
        ? rows[0]!.service.category === category
          ? rows
          : undefined
        : rows.filter((r) => r.service.category === category);
    if (!ofCategory || ofCategory.length === 0) continue;
    if (category === 'alarm' && ofCategory.length > 1) warnOverlappingAlarms(ctx, ofCategory);
    const fee = version.monthlyFee[category];
    if (fee.isZero()) continue;
    const billable =
      ofCategory.length === 1
        ? isBillableIn(ofCategory[0]!, start, end)
          ? ofCategory
          : undefined
        : ofCategory.filter((r) => isBillableIn(r, start, end));
    if (!billable || billable.length === 0) continue;
    const charge = proratedFee(fee, activeDaysInMonth(billable, month), month, settings.proration, category, ctx.explanations);
    lines.push({
      pnr,
      name,
      month: mKey,
      kind: 'Månadsavgift',
      services: distinctServices(billable),
      deviceIds: distinctDevices(billable),
      quantity: charge.quantity,
      unitPrice: fee,
      amount: charge.amount,
      capped: true,
      rule: 'R1',
      sourceRows: rowNumbers(billable),
      otherSources: NO_SOURCES,
      explanation: charge.explanation,
    });
  }

  // R3: one fee per installation date.
  for (const occ of installationOccasions(rows, month, ctx.input.tariff)) {
    lines.push({
      pnr,
      name,
      month: mKey,
      kind: 'Installationsavgift',
      services: distinctServices(occ.rows),
      deviceIds: distinctDevices(occ.rows),
      quantity: 1,
      unitPrice: occ.version.installationFee,
      amount: occ.version.installationFee,
      capped: occ.version.installationCapped,
      rule: 'R3',
      sourceRows: rowNumbers(occ.rows),
      otherSources: NO_SOURCES,
      explanation: occ.explanation,
    });
  }
  if (lines.length === 0) return undefined;

  // R5: the cap over the capped lines, given other capped fees and the ability to pay.
  let capped = ZERO,
    uncapped = ZERO;
  for (const l of lines) {
    if (l.capped) capped = capped.isZero() ? l.amount : capped.plus(l.amount);
    else uncapped = uncapped.isZero() ? l.amount : uncapped.plus(l.amount);
  }
  const other = ctx.input.otherFees?.byPerson.get(pnr);
  const ability = ctx.input.ability?.byPerson.get(pnr);
  let reduction = ZERO;
  if (other || ability || exceedsMaxtaxa(ctx, capped)) {
    const cap = applyCap(capped, ctx.maxtaxa, other?.amount ?? ZERO, ability?.amount);
    reduction = cap.reduction;
    if (!reduction.isZero()) {
      lines.push({
        pnr,
        name,
        month: mKey,
        kind: 'Reduktion högkostnadsskydd',
        services: '',
        deviceIds: '',
        quantity: 1,
        amount: reduction,
        capped: true,
        rule: 'R5',
        sourceRows: [...new Set(lines.filter((l) => l.capped).flatMap((l) => l.sourceRows))].sort((a, b) => a - b),
        otherSources: [
          ...(other?.rows ?? []).map((n) => `${ctx.otherSheet}!${n}`),
          ...(ability ? [`${ctx.abilitySheet}!${ability.row}`] : []),
        ],
        explanation: cap.explanation,
      });
    }
  }
  if (lines.length > 1) lines.sort(compareWithinPerson);
  for (const l of lines) out.push(l);
  const total = reduction.isZero() && uncapped.isZero() ? capped : capped.plus(reduction).plus(uncapped);
  return { pnr, name, capped, reduction, uncapped, total };
}

/** capped > maxtaxa; most persons' capped sum is the tariff's own Decimal, so the answer is remembered. */
function exceedsMaxtaxa(ctx: MonthContext, capped: Money): boolean {
  if (capped.isZero()) return false;
  let known = ctx.overMaxtaxa.get(capped);
  if (known === undefined) {
    known = capped.greaterThan(ctx.maxtaxa);
    if (ctx.overMaxtaxa.size < 1000) ctx.overMaxtaxa.set(capped, known);
  }
  return known;
}

/** R1: an ordinary-housing row with at least one active day in [start, end]. */
function isBillableIn(r: RegisterRow, start: number, end: number): boolean {
  return r.housing === 'ordinary' && r.installed <= end && (r.ended === undefined || r.ended >= start);
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** §6: two alarms active on more than one common day of the month (a swap day is fine). */
function warnOverlappingAlarms(ctx: MonthContext, alarms: readonly RegisterRow[]): void {
  const { start, end } = ctx;
  if (alarms.length < 2) return;
  const spans = alarms
    .map((r) => ({ r, from: Math.max(r.installed, start), to: Math.min(r.ended ?? end, end) }))
    .filter((s) => s.from <= s.to)
    .sort((a, b) => a.from - b.from || a.r.rowNumber - b.r.rowNumber);
  for (let i = 1; i < spans.length; i++) {
    const cur = spans[i]!;
    for (let j = 0; j < i; j++) {
      const prev = spans[j]!;
      const common = Math.min(prev.to, cur.to) - cur.from + 1;
      if (common > 1) {
        rowProblem(
          ctx,
          'Varning',
          cur.r,
          'service',
          `Personen har två larm aktiva samtidigt (rad ${prev.r.rowNumber} och rad ${cur.r.rowNumber}, ${common} dagar i månaden). Månadsavgiften tas ut en gång; kontrollera om det äldre larmet ska avslutas.`,
          cur.r.service.name,
          'R1',
        );
        break;
      }
    }
  }
}
