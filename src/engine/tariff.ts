// §2: the tariff is data, a list of versions by valid-from date.
import { dayFromYmd, dayToIso, firstDayOfMonth, monthKey, type Day, type YearMonth } from './days.js';
import { kr, type Money } from './money.js';
import { RunError } from './problems.js';
import type { FeeCategory } from './services.js';
import { DEFAULT_SETTINGS, type BillingSettings } from './settings.js';

export interface TariffVersion {
  readonly validFrom: Day;
  /** Monthly fee per category, ordinary housing (R1). */
  readonly monthlyFee: Readonly<Record<FeeCategory, Money>>;
  /** Fee per installation occasion (R3). */
  readonly installationFee: Money;
  /** Whether the installation fee is inside högkostnadsskydd (Mjölby: no). */
  readonly installationCapped: boolean;
  readonly settings: BillingSettings;
}

/** Versions sorted by validFrom, ascending, with distinct dates. */
export interface Tariff {
  readonly versions: readonly TariffVersion[];
  /** Where the tariff came from, for messages: "inbyggd standardtaxa" or "bladet Taxa". */
  readonly source: string;
}

/** Mjölby kommun, in force from 2025-01-01. */
export const DEFAULT_TARIFF: Tariff = {
  source: 'inbyggd standardtaxa (Mjölby kommun 2025)',
  versions: [
    {
      validFrom: dayFromYmd(2025, 1, 1),
      monthlyFee: { alarm: kr(239), button: kr(40), lock: kr(0), supervision: kr(0) },
      installationFee: kr(200),
      installationCapped: false,
      settings: DEFAULT_SETTINGS,
    },
  ],
};

/** The version in force on a day, or undefined before the first one. */
export function tariffVersionOn(tariff: Tariff, day: Day): TariffVersion | undefined {
  let found: TariffVersion | undefined;
  for (const v of tariff.versions) {
    if (v.validFrom <= day) found = v;
    else break;
  }
  return found;
}

/** §2: the version for a billing month (the one in force on its first day), or RunError: a tariff is never guessed. */
export function tariffVersionForMonth(tariff: Tariff, month: YearMonth): TariffVersion {
  const version = tariffVersionOn(tariff, firstDayOfMonth(month));
  if (!version) throw new RunError(noVersionMessage(tariff, monthKey(month)));
  return version;
}

/** §2: the version in force on a day (R3: the installation date), or RunError. */
export function tariffVersionForDay(tariff: Tariff, day: Day): TariffVersion {
  const version = tariffVersionOn(tariff, day);
  if (!version) throw new RunError(noVersionMessage(tariff, dayToIso(day)));
  return version;
}

function noVersionMessage(tariff: Tariff, when: string): string {
  const first = tariff.versions[0];
  return `Ingen taxa gäller för ${when}${first ? ` (${tariff.source} börjar gälla ${dayToIso(first.validFrom)})` : ''}. Lägg till en taxeversion i bladet Taxa.`;
}

export function describeVersion(v: TariffVersion): string {
  return `taxan från ${dayToIso(v.validFrom)}`;
}
