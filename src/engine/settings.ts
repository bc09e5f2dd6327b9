// §5 settings. The decision is silent on them, so they are settings with documented defaults.

export type Proration = 'started-month' | 'days-30' | 'actual-days';
export const PRORATIONS: readonly Proration[] = ['started-month', 'days-30', 'actual-days'];

export interface BillingSettings {
  readonly proration: Proration;
  /** R4: days after a reminder before an unreturned device is charged. */
  readonly reminderDays: number;
}

export const DEFAULT_SETTINGS: BillingSettings = { proration: 'started-month', reminderDays: 30 };

/** The Swedish words users see and type for each proration setting. */
export const PRORATION_LABEL: Readonly<Record<Proration, string>> = {
  'started-month': 'Påbörjad månad',
  'days-30': '30-dagarsmånad',
  'actual-days': 'Faktiska dagar',
};

export function parseProration(value: string): Proration | undefined {
  const key = value.trim().toLocaleLowerCase('sv');
  for (const p of PRORATIONS) {
    if (key === p || key === PRORATION_LABEL[p].toLocaleLowerCase('sv')) return p;
  }
  return undefined;
}

export function isValidReminderDays(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 3650;
}
