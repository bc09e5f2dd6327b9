// R4: Ersättning teknik, the charge for technology that is lost, unusable or not returned: the
// row's Kostnad, outside the cap. (Not Installationstyp "Byte", a replaced device, which R3 covers.)
import { dayToIso, sameMonth, type Day, type YearMonth } from '../days.js';
import { formatKr, isPlausibleAmount, MAX_AMOUNT_TEXT, type Money } from '../money.js';
import { rowCost, type RegisterRow } from '../register.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { tariffVersionOn, type Tariff } from '../tariff.js';
import { displayValue, isBlank } from '../text.js';

/** What R4 reads from a register row. */
export type LostDeviceFacts = Pick<RegisterRow, 'returnStatus' | 'ended' | 'reminder' | 'costCell'>;

export type LostDeviceCharge =
  | { readonly kind: 'none' }
  | { readonly kind: 'charge'; readonly amount: Money; readonly explanation: string }
  | { readonly kind: 'costProblem'; readonly reason: string; readonly dueText: string }
  | { readonly kind: 'reminderMissing' };

/**
 * R4: the reminder days that apply to a reminder: the run's override, else the tariff version in
 * force on the day the reminder was sent (else the first version). One reminder so has one due
 * day whichever month is billed: the billing month's version could move it, billing it twice or never.
 */
export function reminderDaysFor(tariff: Tariff, reminder: Day | undefined, override?: number): number {
  if (override !== undefined) return override;
  const version = (reminder === undefined ? undefined : tariffVersionOn(tariff, reminder)) ?? tariff.versions[0];
  return version ? version.settings.reminderDays : DEFAULT_SETTINGS.reminderDays;
}

/** The day a charge for this row falls due, if it ever does. */
function dueDay(row: LostDeviceFacts, reminderDays: number): Day | undefined {
  if (row.returnStatus === 'unusable' || row.returnStatus === 'lost') return row.ended;
  if (row.returnStatus === 'notReturned' && row.reminder !== undefined) return row.reminder + reminderDays;
  return undefined;
}

/** §6: the Fel when a charge is due but Kostnad cannot be used (the Problem sheet and VT.ERSÄTTNING). */
export function costProblemMessage(outcome: { readonly reason: string; readonly dueText: string }): string {
  return `Kostnad ${outcome.reason} men ersättning ska tas ut (${outcome.dueText}). Ange den faktiska kostnaden enligt leverantörsavtalet i kronor (R4).`;
}

const NONE: LostDeviceCharge = { kind: 'none' };
const REMINDER_MISSING: LostDeviceCharge = { kind: 'reminderMissing' };

/** R4 for one row in month M: a charge, nothing, or why it cannot be charged. */
export function lostDeviceChargeFor(row: LostDeviceFacts, month: YearMonth, reminderDays: number): LostDeviceCharge {
  if (row.returnStatus === 'none' || row.returnStatus === 'returned') return NONE;
  if (row.returnStatus === 'notReturned' && row.reminder === undefined) return REMINDER_MISSING;
  const due = dueDay(row, reminderDays);
  if (due === undefined || !sameMonth(due, month)) return NONE;
  const why =
    row.returnStatus === 'notReturned'
      ? `ej återlämnad teknik: påminnelse ${dayToIso(row.reminder!)} + ${reminderDays} dagar = ${dayToIso(due)}`
      : `${row.returnStatus === 'lost' ? 'borttappad' : 'obrukbar'} teknik ${dayToIso(due)}`;
  const cost = rowCost(row);
  if (cost === undefined)
    return { kind: 'costProblem', reason: isBlank(row.costCell) ? 'saknas' : 'är inte ett tal', dueText: why };
  if (cost.isNegative()) return { kind: 'costProblem', reason: 'är negativ', dueText: why };
  if (!isPlausibleAmount(cost)) {
    return {
      kind: 'costProblem',
      reason: `är orimligt stor (${displayValue(row.costCell)} kr; ${MAX_AMOUNT_TEXT})`,
      dueText: why,
    };
  }
  return {
    kind: 'charge',
    amount: cost,
    explanation: `Ersättning för ${why}, faktisk kostnad ${formatKr(cost)} enligt leverantörsavtal.`,
  };
}
