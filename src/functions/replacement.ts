// VT.ERSÄTTNING's row: the register reads the cells (readRegister on a one-row sheet, so every
// spelling and message is the Problem sheet's) and the engine's replacementFor decides R4.
import {
  costProblemMessage, readRegister, reminderDaysFor, replacementFor, tariffVersionForMonth, ZERO,
  type BillingSettings, type Money, type Tariff, type YearMonth,
} from '../engine/index.js';
import { valueOf } from './args.js';
import { invalidValue } from './errors.js';

export interface ReplacementCells {
  readonly returnStatus?: unknown;
  readonly ended?: unknown;
  readonly reminder?: unknown;
  readonly cost?: unknown;
}

// Stand-ins for the columns R4 does not read. Installerad is earlier than any date a user can
// give, so "Avslutad ligger före Installerad" can never come from the stand-in.
const PLACEHOLDER_PNR = '19121212-1212';
const PLACEHOLDER_SERVICE = 'Trygghetslarm';
const PLACEHOLDER_INSTALLED = '0001-01-01';
const HEADERS = ['Personnummer', 'Tjänst', 'Installerad', 'Avslutad', 'Återlämning', 'Påminnelse', 'Kostnad'];

/** R4 for one row in month M: the Ersättning teknik line's amount, zero where the invoice has none. */
export function replacementForRow(cells: ReplacementCells, month: YearMonth, tariff: Tariff, overrides: Partial<BillingSettings>): Money {
  const reading = readRegister({
    name: 'Enhetsregister',
    values: [HEADERS, [PLACEHOLDER_PNR, PLACEHOLDER_SERVICE, PLACEHOLDER_INSTALLED, cells.ended, cells.returnStatus, cells.reminder, cells.cost]],
  }, month.year);
  const row = reading.rows[0];
  if (!row) {
    const problem = reading.problems.find((p) => p.severity === 'Fel') ?? reading.problems[0];
    return valueOf<never>({ ok: false, column: problem?.column ?? '', message: problem?.message ?? 'Raden går inte att läsa.' });
  }
  tariffVersionForMonth(tariff, month); // as billMonth: no version for the month, no run (#N/A)
  // As billMonth: the run's setting, else the version in force on the reminder date.
  const reminderDays = reminderDaysFor(tariff, row.reminder, overrides.reminderDays);
  const outcome = replacementFor(row, month, reminderDays);
  if (outcome.kind === 'charge') return outcome.amount;
  if (outcome.kind === 'costProblem') {
    throw invalidValue(costProblemMessage(outcome)); // the Problem sheet's wording
  }
  // 'none', and 'reminderMissing' (the invoice only warns): no line, so 0.
  return ZERO;
}
