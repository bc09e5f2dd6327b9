// §2: the tariff is data, a list of versions by valid-from date.
import type { Day } from './days.js';
import { dayFromYmd, dayToIso } from './days.js';
import { kr, type Money } from './money.js';
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

export function describeVersion(v: TariffVersion): string {
  return `taxan från ${dayToIso(v.validFrom)}`;
}
