// §5, §9 settings: one vocabulary for every face. A Taxa version carries all of them
// (BillingSettings); a run may override some (BillingOverrides: the pane, the command line,
// the functions); effectiveSettings merges the two, and parseSetting is the one reader of a
// typed or stored value, with the Swedish message for a bad one.

export type Proration = 'started-month' | 'days-30' | 'actual-days';
export const PRORATIONS: readonly Proration[] = ['started-month', 'days-30', 'actual-days'];

/** §9: whether a correction that raises an earlier month is billed or only reported. */
export type RetroDebits = 'report' | 'bill';
export const RETRO_DEBITS: readonly RetroDebits[] = ['report', 'bill'];

export interface BillingSettings {
  readonly proration: Proration;
  /** R4: days after a reminder before an unreturned device is charged. */
  readonly reminderDays: number;
  /** R7: how many months back are billed again (0 = no corrections). */
  readonly correctionMonths: number;
  readonly retroDebits: RetroDebits;
}

export type SettingKey = keyof BillingSettings;
export const SETTING_KEYS: readonly SettingKey[] = ['proration', 'reminderDays', 'correctionMonths', 'retroDebits'];

/** What one run changes from the tariff version's settings; a missing key means "as the Taxa says". */
export type BillingOverrides = Partial<BillingSettings>;

export const DEFAULT_SETTINGS: BillingSettings = {
  proration: 'started-month',
  reminderDays: 30,
  correctionMonths: 12,
  retroDebits: 'report',
};

/** The Swedish name of each setting, as on the Taxa sheet and in the pane. */
export const SETTING_LABEL: Readonly<Record<SettingKey, string>> = {
  proration: 'Delmånad',
  reminderDays: 'Påminnelsedagar',
  correctionMonths: 'Rättelsemånader',
  retroDebits: 'Retroaktiv debitering',
};

/** The Swedish words users see and type for each proration setting. */
export const PRORATION_LABEL: Readonly<Record<Proration, string>> = {
  'started-month': 'Påbörjad månad',
  'days-30': '30-dagarsmånad',
  'actual-days': 'Faktiska dagar',
};

export const RETRO_DEBITS_LABEL: Readonly<Record<RetroDebits, string>> = {
  report: 'Rapportera',
  bill: 'Debitera',
};

/** Inclusive limits of the whole-number settings. */
export const SETTING_RANGE = {
  reminderDays: { min: 0, max: 3650 },
  correctionMonths: { min: 0, max: 36 },
} as const;

export type SettingReading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function choiceOf<T extends string>(
  value: unknown,
  options: readonly T[],
  labels: Readonly<Record<T, string>>,
  key: SettingKey,
): SettingReading<T> {
  const text = typeof value === 'string' ? value.normalize('NFC').trim().toLocaleLowerCase('sv') : undefined;
  for (const o of options)
    if (text === o.toLowerCase() || text === labels[o].toLocaleLowerCase('sv')) return { ok: true, value: o };
  return {
    ok: false,
    message: `${SETTING_LABEL[key]} kan inte vara "${String(value)}". Skriv ${options.map((o) => labels[o]).join(', ')}.`,
  };
}

function wholeNumberOf(value: unknown, key: 'reminderDays' | 'correctionMonths'): SettingReading<number> {
  const { min, max } = SETTING_RANGE[key];
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return { ok: true, value: n };
  return {
    ok: false,
    message: `${SETTING_LABEL[key]} ska vara ett heltal från ${min} till ${max} (fick "${String(value)}").`,
  };
}

/** Reads one setting from a typed, stored or cell value; codes and Swedish labels are both accepted. */
export function parseSetting<K extends SettingKey>(key: K, value: unknown): SettingReading<BillingSettings[K]> {
  switch (key) {
    case 'proration':
      return choiceOf(value, PRORATIONS, PRORATION_LABEL, key) as SettingReading<BillingSettings[K]>;
    case 'retroDebits':
      return choiceOf(value, RETRO_DEBITS, RETRO_DEBITS_LABEL, key) as SettingReading<BillingSettings[K]>;
    default:
      return wholeNumberOf(value, key as 'reminderDays' | 'correctionMonths') as SettingReading<BillingSettings[K]>;
  }
}

export interface SettingProblem {
  readonly setting: SettingKey;
  readonly message: string;
}

/** Raw values from a face (text fields, flags, stored JSON); undefined, null and blank text mean "not overridden". */
export type RawOverrides = { readonly [K in SettingKey]?: unknown };

export function parseOverrides(raw: RawOverrides): { overrides: BillingOverrides; problems: SettingProblem[] } {
  const overrides: { -readonly [K in SettingKey]?: BillingSettings[K] } = {};
  const problems: SettingProblem[] = [];
  for (const key of SETTING_KEYS) {
    const v = raw[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    const read = parseSetting(key, v);
    if (read.ok) (overrides as Record<SettingKey, unknown>)[key] = read.value;
    else problems.push({ setting: key, message: read.message });
  }
  return { overrides, problems };
}

/** The settings a run uses: the tariff version's, with the run's overrides on top. */
export function effectiveSettings(version: BillingSettings, overrides?: BillingOverrides): BillingSettings {
  if (!overrides) return version;
  return {
    proration: overrides.proration ?? version.proration,
    reminderDays: overrides.reminderDays ?? version.reminderDays,
    correctionMonths: overrides.correctionMonths ?? version.correctionMonths,
    retroDebits: overrides.retroDebits ?? version.retroDebits,
  };
}

/** Only the keys a user chose: for storing, and for comparing what the functions already use. */
export function sameOverrides(a: BillingOverrides, b: BillingOverrides): boolean {
  return SETTING_KEYS.every((k) => a[k] === b[k]);
}

export function parseProration(value: string): Proration | undefined {
  const read = parseSetting('proration', value);
  return read.ok ? read.value : undefined;
}

export function isValidReminderDays(n: number): boolean {
  return parseSetting('reminderDays', n).ok;
}
