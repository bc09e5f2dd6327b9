// Billing one month M (§5): R1, R3, R4 per person, then the cap R5.
import type { AbilityReading } from './ability.js';
import { COLUMN_BY_FIELD, type RegisterField } from './columns.js';
import { dayToIso, firstDayOfMonth, lastDayOfMonth, monthKey, type YearMonth } from './days.js';
import { compareLines, LINE_KINDS, type InvoiceLine, type LineKind } from './invoiceLine.js';
import { maxtaxaForYear, type PrisbasbeloppTable } from './maxtaxa.js';
import { formatKr, sum, ZERO, type Money } from './money.js';
import type { OtherFeesReading } from './otherFees.js';
import { compareProblems, RunError, type Problem, type Severity } from './problems.js';
import type { RegisterReading, RegisterRow } from './register.js';
import { applyCap } from './rules/cap.js';
import { installationOccasions } from './rules/installation.js';
import { activeDaysInMonth, proratedFee } from './rules/monthlyFee.js';
import { replacementFor } from './rules/replacement.js';
import { FEE_CATEGORIES, SERVICES, type FeeCategory } from './services.js';
import type { BillingSettings } from './settings.js';
import { tariffVersionOn, type Tariff, type TariffVersion } from './tariff.js';

export interface BillingInput {
  readonly month: YearMonth;
  readonly register: RegisterReading;
  readonly otherFees?: OtherFeesReading;
  readonly ability?: AbilityReading;
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

const SERVICE_ORDER = new Map(SERVICES.map((s, i) => [s.name, i]));

function distinctServices(rows: readonly RegisterRow[]): string {
  const names = [...new Set(rows.map((r) => r.service.name))];
  names.sort((a, b) => SERVICE_ORDER.get(a)! - SERVICE_ORDER.get(b)!);
  return names.join(', ');
}

function distinctDevices(rows: readonly RegisterRow[]): string {
  return [...new Set(rows.map((r) => r.deviceId).filter((d) => d !== ''))].join(', ');
}

function rowNumbers(rows: readonly RegisterRow[]): number[] {
  return rows.map((r) => r.rowNumber).sort((a, b) => a - b);
}

/** Every parsed field but the row number: identical rows describe the same device twice. */
function identityOf(r: RegisterRow): string {
  return [r.name, r.service.name, r.deviceId, r.installed, r.ended ?? '', r.returnStatus, r.reminder ?? '',
    r.costText, r.housing, r.installType].join('\u0001');
}

export function billMonth(input: BillingInput): BillingResult {
  const { month, register, tariff } = input;
  const mKey = monthKey(month);
  const start = firstDayOfMonth(month), end = lastDayOfMonth(month);
  const version = tariffVersionOn(tariff, start);
  if (!version) {
    const first = tariff.versions[0];
    throw new RunError(`Ingen taxa gäller för ${mKey}${first ? ` (${tariff.source} börjar gälla ${dayToIso(first.validFrom)})` : ''}. Lägg till en taxeversion i bladet Taxa.`);
  }
  const maxtaxa = maxtaxaForYear(input.prisbasbelopp, month.year);
  if (!maxtaxa) {
    throw new RunError(`Prisbasbelopp saknas för år ${month.year}, så maxtaxan kan inte beräknas. Lägg till året i bladet Taxa (tabellen År/Prisbasbelopp).`);
  }
  const settings: BillingSettings = { ...version.settings, ...stripUndefined(input.settings) };
  const sheet = register.sheetName;
  const problems: Problem[] = [...register.problems, ...(input.otherFees?.problems ?? []), ...(input.ability?.problems ?? [])];
  const rowProblem = (severity: Severity, row: RegisterRow, field: RegisterField | '', message: string, value: string, rule?: string): void => {
    const column = field === '' ? '' : register.headers[field] ?? COLUMN_BY_FIELD[field].header;
    const letter = field === '' ? '' : register.columnLetters[field] ?? '';
    problems.push({ severity, sheet, row: row.rowNumber, column, ...(letter ? { cell: `${letter}${row.rowNumber}` } : {}), value, message, ...(rule ? { rule } : {}) });
  };

  const byPerson = new Map<string, RegisterRow[]>();
  for (const r of register.rows) {
    const list = byPerson.get(r.pnr);
    if (list) list.push(r);
    else byPerson.set(r.pnr, [r]);
  }

  const lines: InvoiceLine[] = [];
  const persons: PersonSummary[] = [];
  const otherSheet = input.otherFeesSheet ?? 'Övriga avgifter';
  const abilitySheet = input.abilitySheet ?? 'Avgiftsutrymme';

  for (const [pnr, allRows] of byPerson) {
    allRows.sort((a, b) => a.rowNumber - b.rowNumber);
    // Identical duplicates: the first row stands, the others are reported and not billed again.
    const seen = new Map<string, RegisterRow>();
    const candidates: RegisterRow[] = [];
    for (const r of allRows) {
      const id = identityOf(r);
      const first = seen.get(id);
      if (first) {
        rowProblem('Varning', r, '', `Raden är identisk med rad ${first.rowNumber} och räknas bara en gång. Ta bort dubbletten.`, '');
      } else {
        seen.set(id, r);
        candidates.push(r);
      }
    }

    // R4 first: a charge due without a usable Kostnad is a Fel that leaves the row out entirely.
    const rows: RegisterRow[] = [];
    const personLines: InvoiceLine[] = [];
    const name = candidates.find((r) => r.name !== '')?.name ?? '';
    const line = (l: Omit<InvoiceLine, 'pnr' | 'name' | 'month' | 'otherSources'> & { otherSources?: string[] }): void => {
      personLines.push({ pnr, name, month: mKey, otherSources: [], ...l });
    };
    for (const r of candidates) {
      const outcome = replacementFor(r, month, settings.reminderDays);
      if (outcome.kind === 'costProblem') {
        rowProblem('Fel', r, 'cost', `Kostnad ${outcome.reason} men ersättning ska tas ut (${outcome.dueText}). Ange den faktiska kostnaden enligt leverantörsavtalet i kronor (R4).`, r.costText, 'R4');
        continue;
      }
      if (outcome.kind === 'reminderMissing') {
        rowProblem('Varning', r, 'reminder', 'Tekniken är inte återlämnad och ingen påminnelse är registrerad. Skicka en påminnelse och fyll i datumet; ersättning tas ut först efter påminnelsen (R4).', '', 'R4');
      } else if (outcome.kind === 'charge') {
        line({ kind: 'Ersättning teknik', services: r.service.name, deviceIds: r.deviceId, quantity: 1, unitPrice: outcome.amount,
          amount: outcome.amount, capped: false, rule: 'R4', sourceRows: [r.rowNumber], explanation: outcome.explanation });
      }
      rows.push(r);
    }

    // R1: per category, over the union of active days in ordinary housing.
    for (const category of FEE_CATEGORIES) {
      const fee = version.monthlyFee[category];
      const ofCategory = rows.filter((r) => r.service.category === category);
      if (category === 'alarm') warnOverlappingAlarms(ofCategory, start, end, rowProblem);
      if (fee.isZero()) continue;
      const billable = ofCategory.filter((r) => r.housing === 'ordinary' && r.installed <= end && (r.ended === undefined || r.ended >= start));
      if (billable.length === 0) continue;
      const days = activeDaysInMonth(billable, month);
      const charge = proratedFee(fee, days, month, settings.proration, category);
      line({ kind: 'Månadsavgift', services: distinctServices(billable), deviceIds: distinctDevices(billable), quantity: charge.quantity,
        unitPrice: fee, amount: charge.amount, capped: true, rule: 'R1', sourceRows: rowNumbers(billable), explanation: charge.explanation });
    }

    // R3: one fee per installation date.
    for (const occ of installationOccasions(rows, month, tariff)) {
      line({ kind: 'Installationsavgift', services: distinctServices(occ.rows), deviceIds: distinctDevices(occ.rows), quantity: 1,
        unitPrice: occ.version.installationFee, amount: occ.version.installationFee, capped: occ.version.installationCapped,
        rule: 'R3', sourceRows: rowNumbers(occ.rows), explanation: occ.explanation });
    }

    if (personLines.length === 0) continue;

    // R5: the cap over the capped lines, given other capped fees and the ability to pay.
    const cappedLines = personLines.filter((l) => l.capped);
    const capped = sum(cappedLines.map((l) => l.amount));
    const other = input.otherFees?.byPerson.get(pnr);
    const ability = input.ability?.byPerson.get(pnr);
    const cap = applyCap(capped, maxtaxa, other?.amount ?? ZERO, ability?.amount);
    if (!cap.reduction.isZero()) {
      line({ kind: 'Reduktion högkostnadsskydd', services: '', deviceIds: '', quantity: 1, amount: cap.reduction, capped: true, rule: 'R5',
        sourceRows: [...new Set(cappedLines.flatMap((l) => l.sourceRows))].sort((a, b) => a - b),
        otherSources: [...(other?.rows ?? []).map((n) => `${otherSheet}!${n}`), ...(ability ? [`${abilitySheet}!${ability.row}`] : [])],
        explanation: cap.explanation });
    }
    const uncapped = sum(personLines.filter((l) => !l.capped).map((l) => l.amount));
    persons.push({ pnr, name, capped, reduction: cap.reduction, uncapped, total: capped.plus(cap.reduction).plus(uncapped) });
    lines.push(...personLines);
  }

  lines.sort(compareLines);
  persons.sort((a, b) => (a.pnr < b.pnr ? -1 : a.pnr > b.pnr ? 1 : 0));
  problems.sort(compareProblems);
  const kindTotals = LINE_KINDS.map((kind) => {
    const ofKind = lines.filter((l) => l.kind === kind);
    return { kind, lines: ofKind.length, amount: sum(ofKind.map((l) => l.amount)) };
  });
  return {
    month,
    registerSheet: sheet,
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

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** §6: two alarms active on more than one common day of the month (a swap day is fine). */
function warnOverlappingAlarms(
  alarms: readonly RegisterRow[], start: number, end: number,
  report: (s: Severity, r: RegisterRow, f: RegisterField | '', m: string, v: string, rule?: string) => void,
): void {
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
        report('Varning', cur.r, 'service',
          `Personen har två larm aktiva samtidigt (rad ${prev.r.rowNumber} och rad ${cur.r.rowNumber}, ${common} dagar i månaden). Månadsavgiften tas ut en gång; kontrollera om det äldre larmet ska avslutas.`,
          cur.r.service.name, 'R1');
        break;
      }
    }
  }
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'Fel') errors++;
  return { errors, warnings: problems.length - errors };
}

export function describeTotal(result: BillingResult): string {
  return formatKr(result.total);
}
