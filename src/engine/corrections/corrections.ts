// R7 (§9): billing month M with corrections of the months already billed. Each earlier month of
// the record inside the window is billed again as §5 would today (today's register, Taxa, Övriga
// avgifter and Avgiftsutrymme; the tariff version and maxtaxa of that month) and compared with
// what the record says was billed.
import { readAbilityToPay } from '../abilityToPay.js';
import {
  billMonth,
  billPersonsEachMonth,
  monthSettings,
  type BillingInput,
  type BillingResult,
  type MonthBilling,
} from '../billMonth.js';
import { firstDayOfMonth, monthKey, parseMonthKey, type YearMonth } from '../days.js';
import type { InvoiceLine } from '../invoiceLine.js';
import { readOtherFees } from '../otherFees.js';
import { RunError, type Problem } from '../problems.js';
import { readRegister, type RegisterReading, type RegisterRow } from '../register.js';
import type { RetroDebits } from '../settings.js';
import { tariffVersionOn, type TariffVersion } from '../tariff.js';
import { tariffOf, type RunOptions, type WorkbookInput } from '../workbook.js';
import { billedByMonth, type BilledMonth } from './billed.js';
import { MonthComparison, type PersonMonthDifference } from './compare.js';
import { decideCorrections, type HeldBackDebit, type PersonFacts } from './decide.js';
import { recordProblemWarning, type BilledLine, type BilledSheet } from './record.js';

export interface CorrectionsResult {
  readonly month: YearMonth;
  readonly correctionMonths: number;
  readonly retroDebits: RetroDebits;
  /** The months m with M − correctionMonths ≤ m < M, ascending (empty when R7 is off). */
  readonly window: readonly string[];
  /** Months of the window billed again and compared with the record. */
  readonly checked: readonly string[];
  /** Months of the window whose invoice sheet is not in the record: not checked. */
  readonly withoutRecord: readonly string[];
  /** Months with an invoice sheet that cannot be billed again today (no tariff, no prisbasbelopp). */
  readonly notBillable: ReadonlyArray<{ readonly month: string; readonly reason: string }>;
  /** R7 lines in §7 order: person, then month, then kind. */
  readonly lines: readonly InvoiceLine[];
  /** Debits not billed under `retroDebits = report`; each is also a Varning in `problems`. */
  readonly heldBack: readonly HeldBackDebit[];
  /** Unreadable record lines and the guards' Varningar. */
  readonly problems: readonly Problem[];
}

export interface CorrectionsRun {
  /** Month M itself, exactly as billWorkbook bills it; corrections never enter its cap. */
  readonly billing: BillingResult;
  readonly corrections: CorrectionsResult;
}

const R7 = 'R7';

function monthIndex(m: YearMonth): number {
  return m.year * 12 + m.month - 1;
}

function monthOfIndex(i: number): YearMonth {
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

/** Today's inputs, each read once: the register once, or once per billing year where it has a 10-digit personnummer (its century). */
class TodaysInputs {
  private readonly readings = new Map<number, RegisterReading>();
  private everyYear: RegisterReading | undefined;
  readonly tariff;
  readonly prisbasbelopp;

  constructor(
    readonly input: WorkbookInput,
    readonly options: RunOptions,
  ) {
    ({ tariff: this.tariff, prisbasbelopp: this.prisbasbelopp } = tariffOf(input.taxa));
  }

  register(year: number): RegisterReading {
    let r = this.readings.get(year) ?? this.everyYear;
    if (!r) this.readings.set(year, (r = readRegister(this.input.register, year, this.options.mapping)));
    // Without a 10-digit personnummer every year reads the same: one reading, one pass over its persons.
    if (r.sameEveryYear) this.everyYear = r;
    return r;
  }

  /** §5 for one month, as billWorkbook does it. Throws RunError when the month cannot be billed. */
  bill(month: YearMonth): BillingResult {
    return billMonth(this.billingInput(month));
  }

  /**
   * Earlier months billed again and compared with the record person by person, as §5 bills
   * them: only the differences are kept. The months that share a register reading are billed in
   * one pass over its persons. A month that cannot be billed gives its RunError.
   */
  compare(
    months: ReadonlyArray<{ readonly month: YearMonth; readonly billed: BilledMonth }>,
  ): Array<{ month: MonthBilling; differences: PersonMonthDifference[] } | RunError> {
    const results: Array<{ month: MonthBilling; differences: PersonMonthDifference[] } | RunError> = [];
    const byReading = new Map<RegisterReading, number[]>();
    months.forEach(({ month }, i) => {
      const reading = this.register(month.year);
      byReading.set(reading, [...(byReading.get(reading) ?? []), i]);
    });
    for (const indices of byReading.values()) {
      const comparisons = indices.map((i) => new MonthComparison(months[i]!.billed));
      const again = billPersonsEachMonth(
        indices.map((i) => this.billingInput(months[i]!.month)),
        (m, lines) => comparisons[m]!.person(lines),
        { warnings: false, reuseLines: true },
      );
      again.forEach((month, j) => {
        results[indices[j]!] = month instanceof RunError ? month : { month, differences: comparisons[j]!.finish() };
      });
    }
    return results;
  }

  private billingInput(month: YearMonth): BillingInput {
    const { input, options } = this;
    return {
      month,
      register: this.register(month.year),
      tariff: this.tariff,
      prisbasbelopp: this.prisbasbelopp,
      ...(input.otherFees ? { otherFees: readOtherFees(input.otherFees, month), otherFeesSheet: input.otherFees.name } : {}),
      ...(input.ability ? { ability: readAbilityToPay(input.ability, month), abilitySheet: input.ability.name } : {}),
      ...(options.settings ? { settings: options.settings } : {}),
    };
  }
}

/**
 * Bills month M and corrects the months of the record (§9). `record`: the invoice sheets already
 * billed, each read back; a sheet of month M among them is being replaced and is not read.
 * Throws RunError only where billing M itself cannot go ahead, or when the record holds two
 * sheets for one month.
 */
export function billMonthWithCorrections(
  input: WorkbookInput,
  options: RunOptions,
  record: readonly BilledSheet[],
): CorrectionsRun {
  return correctionsRun(new TodaysInputs(input, options), options.month, record);
}

/** Only the corrections of billing M (M is billed too: its settings and Fel rows decide). */
export function corrections(input: WorkbookInput, options: RunOptions, record: readonly BilledSheet[]): CorrectionsResult {
  return billMonthWithCorrections(input, options, record).corrections;
}

/**
 * The earlier months are billed again before M: their lines are dropped as they are compared,
 * and M's are kept, so V8 does not learn to allocate every line as long-lived (~15 s → ~13 s in
 * one A/B on the bench).
 */
function correctionsRun(today: TodaysInputs, M: YearMonth, record: readonly BilledSheet[]): CorrectionsRun {
  const { correctionMonths, retroDebits } = monthSettings({ month: M, tariff: today.tariff, settings: today.options.settings });
  const window: string[] = [];
  for (let i = monthIndex(M) - correctionMonths; i < monthIndex(M); i++) window.push(monthKey(monthOfIndex(i)));

  // M's own sheet is being replaced: never part of the record.
  const sheets = record.filter((s) => !(s.month && monthKey(s.month) === monthKey(M)) && s.sheet !== `Faktura ${monthKey(M)}`);
  const sheetMonths = new Set<string>();
  for (const s of sheets) {
    if (!s.month) continue;
    const key = monthKey(s.month);
    if (sheetMonths.has(key)) {
      throw new RunError(
        `Fakturabladet för ${key} finns två gånger bland de fakturerade bladen, så det fakturerade skulle räknas dubbelt. Ange varje fakturerad månad en gång.`,
      );
    }
    sheetMonths.add(key);
  }
  const withSheet = window.filter((m) => sheetMonths.has(m));
  const withoutRecord = window.filter((m) => !sheetMonths.has(m));
  const problems: Problem[] = sheets.flatMap((s) => s.problems.map(recordProblemWarning));

  const lines = ([] as BilledLine[]).concat(...sheets.map((s) => s.lines));
  const billed = billedByMonth(lines, withSheet);

  const checked: string[] = [];
  const notBillable: { month: string; reason: string }[] = [];
  const differences: PersonMonthDifference[] = [];
  const errorRowNumbers = new Set<number>();
  const collectErrors = (b: MonthBilling): void => {
    for (const p of b.problems)
      if (p.severity === 'Fel' && p.sheet === b.registerSheet && p.row !== undefined) errorRowNumbers.add(p.row);
  };
  const versions = new Map<string, TariffVersion>();
  const compared = today.compare(withSheet.map((key) => ({ month: parseMonthKey(key)!, billed: billed.get(key)! })));
  withSheet.forEach((key, i) => {
    const again = compared[i]!;
    if (again instanceof RunError) {
      notBillable.push({ month: key, reason: again.message });
      problems.push({
        severity: 'Varning',
        sheet: `Faktura ${key}`,
        column: '',
        value: '',
        message: `${key} kontrollerades inte för rättelser: ${again.message}`,
        rule: R7,
      });
      return;
    }
    checked.push(key);
    versions.set(key, tariffVersionOn(today.tariff, firstDayOfMonth(parseMonthKey(key)!))!);
    collectErrors(again.month);
    for (const d of again.differences) differences.push(d);
  });

  const billing = today.bill(M);
  collectErrors(billing);
  const facts = personFacts(today, differences, errorRowNumbers);
  const decision = decideCorrections({
    differences,
    facts: (pnr, month) => facts.get(parseMonthKey(month)!.year)?.get(pnr) ?? NO_FACTS,
    record: lines,
    registerSheet: billing.registerSheet,
    retroDebits,
    version: (month) => versions.get(month)!,
  });
  const corrections: CorrectionsResult = {
    month: M,
    correctionMonths,
    retroDebits,
    window,
    checked,
    withoutRecord,
    notBillable,
    lines: decision.lines,
    heldBack: decision.heldBack,
    problems: [...problems, ...decision.problems],
  };
  return { billing, corrections };
}

const NO_FACTS: PersonFacts = { rows: [], errorRows: [] };

/** Register rows and Fel rows of the persons whose amounts differ, per billing year; one scan of each reading. */
function personFacts(
  today: TodaysInputs,
  differences: readonly PersonMonthDifference[],
  errorRowNumbers: ReadonlySet<number>,
): Map<number, Map<string, { rows: RegisterRow[]; errorRows: number[] }>> {
  const out = new Map<number, Map<string, { rows: RegisterRow[]; errorRows: number[] }>>();
  for (const d of differences) {
    const year = parseMonthKey(d.month)!.year;
    let persons = out.get(year);
    if (!persons) out.set(year, (persons = new Map()));
    if (!persons.has(d.pnr)) persons.set(d.pnr, { rows: [], errorRows: [] });
  }
  for (const [year, persons] of out) {
    const reading = today.register(year);
    const table = reading.table;
    for (let i = 0; i < table.count; i++) {
      const p = persons.get(table.pnr(i));
      if (!p) continue;
      const r = table.row(i);
      p.rows.push(r);
      if (errorRowNumbers.has(r.rowNumber)) p.errorRows.push(r.rowNumber);
    }
    for (const r of reading.rejectedRows) persons.get(r.pnr)?.errorRows.push(r.rowNumber);
  }
  return out;
}
