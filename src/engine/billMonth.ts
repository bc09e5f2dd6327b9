// Billing one month M (§5): R1, R3, R4 per person, then the cap R5.
import type { AbilityToPayReading } from './abilityToPay.js';
import { COLUMN_BY_FIELD, type RegisterField } from './columns.js';
import { firstDayOfMonth, lastDayOfMonth, monthKey, type YearMonth } from './days.js';
import { KIND_INDEX, type InvoiceLine, type LineKind, type RuleId } from './invoiceLine.js';
import { InvoiceLineTable } from './invoiceLineTable.js';
import { maxtaxaForMonth, type PrisbasbeloppTable } from './maxtaxa.js';
import { sum, ZERO, type Money } from './money.js';
import { PersonSummaries, totalsPerKind, type KindTotal } from './monthTotals.js';
import type { OtherFeesReading } from './otherFees.js';
import { compareProblems, RunError, type Problem, type Severity } from './problems.js';
import type { RegisterReading, RegisterRow } from './register.js';
import { forEachPerson } from './personGroups.js';
import { personRows, rowsByCategory, rowsInCategory, type PersonRows } from './personRows.js';
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

/** What holds for the whole month, whoever is billed. */
export interface MonthBilling {
  readonly month: YearMonth;
  readonly registerSheet: string;
  readonly problems: readonly Problem[];
  readonly settings: BillingSettings;
  readonly tariffVersion: TariffVersion;
  readonly tariffSource: string;
  readonly maxtaxa: Money;
  /** Non-blank data rows in the register. */
  readonly registerRows: number;
}

export interface BillingResult extends MonthBilling {
  /** The month's lines, packed (§7 order). */
  readonly lineTable: InvoiceLineTable;
  /** The same lines as objects, made when first read. */
  readonly lines: readonly InvoiceLine[];
  readonly persons: PersonSummaries;
  readonly kindTotals: readonly KindTotal[];
  readonly total: Money;
}

export interface PersonBillingOptions {
  /** Make the month's Varningar (default); R7 leaves them out of the months it bills again (~10 % of its time on the bench register). */
  readonly warnings?: boolean;
  /**
   * The same line objects are filled in again for the next person, so the visitor copies what it
   * keeps. R7 compares 10^6 lines and keeps a handful (A/B on the bench: 5.8–6.0 s with fresh lines, 3.9–5.1 s reused).
   */
  readonly reuseLines?: boolean;
}

/** Gets one billed person's lines in §7 order (an array it must not keep); every line carries pnr and name. */
export type PersonVisitor = (lines: readonly InvoiceLine[]) => void;

/** As PersonVisitor, for one of several months billed together: `month` indexes the inputs. */
export type PersonMonthVisitor = (month: number, lines: readonly InvoiceLine[]) => void;

function distinctServices(rows: readonly RegisterRow[]): string {
  if (rows.length === 1) return rows[0]!.service.name;
  // In SERVICES order, each name once.
  let names = '';
  for (const s of SERVICES) {
    for (const r of rows) {
      if (r.service.name !== s.name) continue;
      names = names === '' ? s.name : `${names}, ${s.name}`;
      break;
    }
  }
  return names;
}

function distinctDevices(rows: readonly RegisterRow[]): string {
  if (rows.length === 1) return rows[0]!.deviceId;
  const ids: string[] = [];
  for (const r of rows) if (r.deviceId !== '' && !ids.includes(r.deviceId)) ids.push(r.deviceId);
  return ids.join(', ');
}

/** The rows' numbers in ascending order, into `into` where given (a reused line's own array). */
function rowNumbers(rows: readonly RegisterRow[], into?: number[]): number[] {
  if (!into && rows.length === 1) return [rows[0]!.rowNumber];
  const out = into ?? new Array<number>(rows.length);
  if (out.length !== rows.length) out.length = rows.length;
  // Rows arrive in register order (forEachPerson, and every filter keeps it): the numbers ascend.
  for (let i = 0; i < rows.length; i++) out[i] = rows[i]!.rowNumber;
  return out;
}

/** §5 for month M: every person's lines, persons in personnummer order (§7). */
export function billMonth(input: BillingInput): BillingResult {
  const lineTable = new InvoiceLineTable(input.register.table.count);
  const month = billPersons(input, (personLines) => lineTable.addPerson(personLines), { reuseLines: true });
  const kindTotals = totalsPerKind(lineTable);
  let lines: InvoiceLine[] | undefined;
  return {
    ...month,
    lineTable,
    // Made the first time a reader asks: the sheets and sums read lineTable.
    get lines() {
      return (lines ??= lineTable.toArray());
    },
    persons: new PersonSummaries(lineTable),
    kindTotals,
    total: sum(kindTotals.map((k) => k.amount)),
  };
}

/** The settings month M is billed with: the tariff version's, under the run's overrides. Throws RunError without a tariff. */
export function monthSettings(input: Pick<BillingInput, 'month' | 'tariff' | 'settings'>): BillingSettings {
  return { ...tariffVersionForMonth(input.tariff, input.month).settings, ...stripUndefined(input.settings) };
}

/**
 * §5 person by person, nothing kept: `visit` sees each billed person in §7 order. R7 compares
 * a month billed again this way, so its 10^5 lines never pile up.
 */
export function billPersons(input: BillingInput, visit: PersonVisitor, options: PersonBillingOptions = {}): MonthBilling {
  const [month] = billPersonsEachMonth([input], (_, lines) => visit(lines), options);
  if (month instanceof RunError) throw month;
  return month!;
}

/**
 * §5 for several months of one register reading, person by person: each person is billed for
 * every month in turn, while their rows are at hand (R7's window: one pass over the persons
 * instead of one per month). A month that cannot be billed (no tariff, no prisbasbelopp) gets
 * its RunError in the result and no visit; the others go on.
 */
export function billPersonsEachMonth(
  inputs: readonly BillingInput[],
  visit: PersonMonthVisitor,
  options: PersonBillingOptions = {},
): Array<MonthBilling | RunError> {
  if (inputs.length === 0) return [];
  const register = inputs[0]!.register;
  if (inputs.some((i) => i.register !== register))
    throw new Error('billPersonsEachMonth: every month must share one register reading');
  const months = inputs.map((input) => {
    try {
      return monthContext(input, options);
    } catch (e) {
      if (e instanceof RunError) return e;
      throw e;
    }
  });
  forEachPerson(register.table, (rows) => {
    const person = personRows(rows);
    for (let m = 0; m < months.length; m++) {
      const month = months[m]!;
      if (!(month instanceof RunError) && billPerson(month, person)) visit(m, month.lines);
    }
  });
  return months.map((m) => (m instanceof RunError ? m : monthBilling(m)));
}

function monthContext(input: BillingInput, options: PersonBillingOptions): MonthContext {
  const { month, register, tariff } = input;
  return {
    input,
    month,
    mKey: monthKey(month),
    start: firstDayOfMonth(month),
    end: lastDayOfMonth(month),
    version: tariffVersionForMonth(tariff, month),
    maxtaxa: maxtaxaForMonth(input.prisbasbelopp, month),
    settings: monthSettings(input),
    problems: [...register.problems, ...(input.otherFees?.problems ?? []), ...(input.ability?.problems ?? [])],
    otherSheet: input.otherFeesSheet ?? 'Övriga avgifter',
    abilitySheet: input.abilitySheet ?? 'Avgiftsutrymme',
    explanations: new Map(),
    overMaxtaxa: new Map(),
    lines: [],
    lineCount: 0,
    reusable: options.reuseLines ? [] : undefined,
    warnings: options.warnings ?? true,
  };
}

function monthBilling(ctx: MonthContext): MonthBilling {
  const { input, problems } = ctx;
  problems.sort(compareProblems);
  return {
    month: ctx.month,
    registerSheet: input.register.sheetName,
    problems,
    settings: ctx.settings,
    tariffVersion: ctx.version,
    tariffSource: input.tariff.source,
    maxtaxa: ctx.maxtaxa,
    registerRows: input.register.dataRowCount,
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
  /** The person being billed: their lines so far (one array for every person, never kept), `lineCount` of them. */
  readonly lines: DraftLine[];
  lineCount: number;
  /** Line objects filled in again person after person (PersonBillingOptions.reuseLines). */
  readonly reusable: DraftLine[] | undefined;
  /** False: the month's own Varningar are not made (R7 bills earlier months again for their amounts and Fel rows). */
  readonly warnings: boolean;
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
  if (severity === 'Varning' && !ctx.warnings) return;
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
const NO_ROWS: RegisterRow[] = [];
const REMINDER_MISSING =
  'Tekniken är inte återlämnad och ingen påminnelse är registrerad. Skicka en påminnelse och fyll i datumet; ersättning tas ut först efter påminnelsen (R4).';
const NO_LOST_DEVICE_CHARGE: LostDeviceCharge = { kind: 'none' };

interface LineFacts {
  readonly kind: LineKind;
  readonly rule: RuleId;
  /** The register rows the line comes from: its Tjänst, Enhets-ID and Källa. */
  readonly rows: readonly RegisterRow[];
  readonly quantity: number;
  readonly unitPrice: Money | undefined;
  readonly amount: Money;
  readonly insideCap: boolean;
  readonly explanation: string;
  /** Källa where it is not `rows` (R5: the rows of the fees inside the cap). */
  readonly sourceRows?: number[];
  readonly otherSources?: readonly string[];
}

/** An invoice line while billPerson fills it in. */
type DraftLine = { -readonly [K in keyof InvoiceLine]: InvoiceLine[K] } & { sourceRows: number[] };

// A fresh line's sourceRows is replaced by rowNumbers' own array; a reused line's is written into.
const NO_ROW_NUMBERS: number[] = [];

function blankLine(sourceRows: number[]): DraftLine {
  return {
    pnr: '',
    name: '',
    month: '',
    kind: 'Månadsavgift',
    services: '',
    deviceIds: '',
    quantity: 0,
    unitPrice: undefined,
    amount: ZERO,
    insideCap: false,
    rule: 'R1',
    sourceRows,
    otherSources: NO_SOURCES,
    explanation: '',
  };
}

/** §7: one invoice line of the person being billed. */
function addLine(ctx: MonthContext, pnr: string, name: string, f: LineFacts): void {
  const reusable = ctx.reusable;
  const line = reusable ? (reusable[ctx.lineCount] ??= blankLine([])) : blankLine(NO_ROW_NUMBERS);
  line.pnr = pnr;
  line.name = name;
  line.month = ctx.mKey;
  line.kind = f.kind;
  line.services = distinctServices(f.rows);
  line.deviceIds = distinctDevices(f.rows);
  line.quantity = f.quantity;
  line.unitPrice = f.unitPrice;
  line.amount = f.amount;
  line.insideCap = f.insideCap;
  line.rule = f.rule;
  line.sourceRows = f.sourceRows ?? rowNumbers(f.rows, reusable ? line.sourceRows : undefined);
  line.otherSources = f.otherSources ?? NO_SOURCES;
  line.explanation = f.explanation;
  ctx.lines[ctx.lineCount++] = line;
}

/** Within one person: line kind, then first register row (§7). */
function compareWithinPerson(a: InvoiceLine, b: InvoiceLine): number {
  return KIND_INDEX[a.kind] - KIND_INDEX[b.kind] || (a.sourceRows[0] ?? 0) - (b.sourceRows[0] ?? 0);
}

/** A person's few lines into §7 order, stably and in place: Array.prototype.sort copies its array on every call. */
function sortWithinPerson(lines: DraftLine[]): void {
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    let j = i - 1;
    for (; j >= 0 && compareWithinPerson(lines[j]!, line) > 0; j--) lines[j + 1] = lines[j]!;
    lines[j + 1] = line;
  }
}

// Row selections as plain loops: billPerson runs for every person and month (R7: 12 a person),
// and a filter callback capturing a loop variable costs an allocation per iteration.

function withoutRow(rows: readonly RegisterRow[], left: RegisterRow): RegisterRow[] {
  const out: RegisterRow[] = [];
  for (const r of rows) if (r !== left) out.push(r);
  return out;
}

/** R1: the rows in ordinary housing with at least one active day in [start, end]. */
function billableRows(rows: RegisterRow[], start: number, end: number): RegisterRow[] {
  if (rows.length === 1) return isBillableIn(rows[0]!, start, end) ? rows : NO_ROWS;
  let out: RegisterRow[] | undefined;
  for (const r of rows) if (isBillableIn(r, start, end)) (out ??= []).push(r);
  return out ?? NO_ROWS;
}

/** §6: a duplicate is billed once; each month it is billed says so. */
function warnDuplicates(ctx: MonthContext, person: PersonRows): void {
  for (const [r, first] of person.duplicates)
    rowProblem(
      ctx,
      'Varning',
      r,
      '',
      `Raden är identisk med rad ${first.rowNumber} och räknas bara en gång. Ta bort dubbletten.`,
      '',
    );
}

/** §5 for one person into ctx.lines: R4, R1, R3, then R5 over what is inside the cap; whether they are billed. */
function billPerson(ctx: MonthContext, person: PersonRows): boolean {
  const { month, version, settings, start, end } = ctx;
  const { pnr, name } = person;
  if (ctx.warnings && person.duplicates.length > 0) warnDuplicates(ctx, person);
  const lines = ctx.lines;
  ctx.lineCount = 0;

  // R4 first: a charge due without a usable Kostnad is a Fel that leaves the row out entirely.
  let rows = person.rows;
  for (const r of person.rows) {
    const outcome =
      r.returnStatus === 'none'
        ? NO_LOST_DEVICE_CHARGE
        : lostDeviceChargeFor(r, month, reminderDaysFor(ctx.input.tariff, r.reminder, ctx.input.settings?.reminderDays));
    if (outcome.kind === 'costProblem') {
      rowProblem(ctx, 'Fel', r, 'cost', costProblemMessage(outcome), displayValue(r.costCell), 'R4');
      rows = withoutRow(rows, r);
    } else if (outcome.kind === 'reminderMissing') {
      rowProblem(ctx, 'Varning', r, 'reminder', REMINDER_MISSING, '', 'R4');
    } else if (outcome.kind === 'charge') {
      addLine(ctx, pnr, name, {
        kind: 'Ersättning teknik',
        rule: 'R4',
        rows: [r],
        quantity: 1,
        unitPrice: outcome.amount,
        amount: outcome.amount,
        insideCap: false,
        explanation: outcome.explanation,
      });
    }
  }

  // R1: per category, over the union of active days in ordinary housing.
  const byCategory = rows === person.rows ? person.byCategory : rows.length > 1 ? rowsByCategory(rows) : undefined;
  for (let c = 0; c < FEE_CATEGORIES.length; c++) {
    const category = FEE_CATEGORIES[c]!;
    const ofCategory = rowsInCategory(rows, byCategory, category, c);
    if (ofCategory.length === 0) continue;
    if (category === 'alarm' && ofCategory.length > 1 && ctx.warnings) warnOverlappingAlarms(ctx, ofCategory);
    const fee = version.monthlyFee[category];
    if (fee.isZero()) continue;
    const billable = billableRows(ofCategory, start, end);
    if (billable.length === 0) continue;
    const charge = proratedFee(fee, activeDaysInMonth(billable, month), month, settings.proration, category, ctx.explanations);
    addLine(ctx, pnr, name, {
      kind: 'Månadsavgift',
      rule: 'R1',
      rows: billable,
      quantity: charge.quantity,
      unitPrice: fee,
      amount: charge.amount,
      insideCap: true,
      explanation: charge.explanation,
    });
  }

  // R3: one fee per installation date.
  for (const occ of installationOccasions(rows, month, ctx.input.tariff)) {
    addLine(ctx, pnr, name, {
      kind: 'Installationsavgift',
      rule: 'R3',
      rows: occ.rows,
      quantity: 1,
      unitPrice: occ.version.installationFee,
      amount: occ.version.installationFee,
      insideCap: occ.version.installationCapped,
      explanation: occ.explanation,
    });
  }
  if (ctx.lineCount === 0) return false;
  // Lines are written by count and the array cut here: `length = 0` per person would drop its storage.
  if (lines.length !== ctx.lineCount) lines.length = ctx.lineCount;

  const reduction = capReduction(ctx, pnr);
  if (reduction) addLine(ctx, pnr, name, reduction);
  sortWithinPerson(lines);
  return true;
}

/** R5: the reduction line over the fees inside the cap, given other capped fees and the ability to pay. */
function capReduction(ctx: MonthContext, pnr: string): LineFacts | undefined {
  let inside = ZERO;
  for (const l of ctx.lines) if (l.insideCap) inside = inside.isZero() ? l.amount : inside.plus(l.amount);
  const other = ctx.input.otherFees?.byPerson.get(pnr);
  const ability = ctx.input.ability?.byPerson.get(pnr);
  if (!other && !ability && !exceedsMaxtaxa(ctx, inside)) return undefined;
  const cap = applyCap(inside, ctx.maxtaxa, other?.amount ?? ZERO, ability?.amount);
  if (cap.reduction.isZero()) return undefined;
  return {
    kind: 'Reduktion högkostnadsskydd',
    rule: 'R5',
    rows: NO_ROWS,
    quantity: 1,
    unitPrice: undefined,
    amount: cap.reduction,
    insideCap: true,
    explanation: cap.explanation,
    sourceRows: [...new Set(ctx.lines.filter((l) => l.insideCap).flatMap((l) => l.sourceRows))].sort((a, b) => a - b),
    otherSources: [
      ...(other?.rows ?? []).map((n) => `${ctx.otherSheet}!${n}`),
      ...(ability ? [`${ctx.abilitySheet}!${ability.row}`] : []),
    ],
  };
}

/** inside > maxtaxa; most persons' sum inside the cap is the tariff's own Decimal, so the answer is remembered. */
function exceedsMaxtaxa(ctx: MonthContext, inside: Money): boolean {
  if (inside.isZero()) return false;
  let known = ctx.overMaxtaxa.get(inside);
  if (known === undefined) {
    known = inside.greaterThan(ctx.maxtaxa);
    if (ctx.overMaxtaxa.size < 1000) ctx.overMaxtaxa.set(inside, known);
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

// Active alarms by (first active day, row): indices into the person's alarms, reused person after person.
const alarmOrder: number[] = [];
const activeFrom = (r: RegisterRow, start: number): number => Math.max(r.installed, start);
const activeTo = (r: RegisterRow, end: number): number => Math.min(r.ended ?? end, end);

/**
 * §6: two alarms active on more than one common day of the month (a swap day is fine). Without
 * span objects or a sort call: a fifth of the persons on the bench register have two alarms, and
 * those made ~40 MB a run that the garbage collector then had to sweep.
 */
function warnOverlappingAlarms(ctx: MonthContext, alarms: readonly RegisterRow[]): void {
  const { start, end } = ctx;
  let n = 0;
  for (let k = 0; k < alarms.length; k++) {
    const r = alarms[k]!;
    const from = activeFrom(r, start);
    if (from > activeTo(r, end)) continue;
    let j = n++;
    for (; j > 0; j--) {
      const before = alarms[alarmOrder[j - 1]!]!;
      const beforeFrom = activeFrom(before, start);
      if (beforeFrom < from || (beforeFrom === from && before.rowNumber < r.rowNumber)) break;
      alarmOrder[j] = alarmOrder[j - 1]!;
    }
    alarmOrder[j] = k;
  }
  for (let i = 1; i < n; i++) {
    const cur = alarms[alarmOrder[i]!]!;
    const curFrom = activeFrom(cur, start);
    for (let j = 0; j < i; j++) {
      const prev = alarms[alarmOrder[j]!]!;
      const common = Math.min(activeTo(prev, end), activeTo(cur, end)) - curFrom + 1;
      if (common > 1) {
        rowProblem(
          ctx,
          'Varning',
          cur,
          'service',
          `Personen har två larm aktiva samtidigt (rad ${prev.rowNumber} och rad ${cur.rowNumber}, ${common} dagar i månaden). Månadsavgiften tas ut en gång; kontrollera om det äldre larmet ska avslutas.`,
          cur.service.name,
          'R1',
        );
        break;
      }
    }
  }
}
