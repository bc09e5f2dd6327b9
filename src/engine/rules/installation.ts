// R3: one installation fee per installation occasion = (person, installation date).
import { dayToIso, firstDayOfMonth, lastDayOfMonth, type YearMonth } from '../days.js';
import { formatKr } from '../money.js';
import type { RegisterRow } from '../register.js';
import { INSTALLATION_FEE_CATEGORIES } from '../services.js';
import { tariffVersionOn, type Tariff, type TariffVersion } from '../tariff.js';

export interface InstallationOccasion {
  readonly day: number;
  readonly rows: readonly RegisterRow[];
  readonly version: TariffVersion;
  readonly explanation: string;
}

/** New installations of fee-carrying categories in the month, one occasion per date. */
function isOccasion(r: RegisterRow, start: number, end: number): boolean {
  return (
    r.installType === 'new' && r.installed >= start && r.installed <= end && INSTALLATION_FEE_CATEGORIES.has(r.service.category)
  );
}

const NONE: InstallationOccasion[] = [];

export function installationOccasions(rows: readonly RegisterRow[], month: YearMonth, tariff: Tariff): InstallationOccasion[] {
  const start = firstDayOfMonth(month),
    end = lastDayOfMonth(month);
  let any = false;
  for (const r of rows) if (isOccasion(r, start, end)) any = true;
  if (!any) return NONE;
  const byDay = new Map<number, RegisterRow[]>();
  for (const r of rows) {
    if (!isOccasion(r, start, end)) continue;
    const list = byDay.get(r.installed);
    if (list) list.push(r);
    else byDay.set(r.installed, [r]);
  }
  const out: InstallationOccasion[] = [];
  for (const [day, list] of byDay) {
    // The version in force on the installation date (§2); the month's first day has one, so this does too.
    const version = tariffVersionOn(tariff, day)!;
    if (version.installationFee.isZero()) continue;
    const n = list.length;
    out.push({
      day,
      rows: list,
      version,
      explanation:
        n === 1
          ? `Installationsavgift ${formatKr(version.installationFee)} för nyinstallation ${dayToIso(day)}.`
          : `Installationsavgift ${formatKr(version.installationFee)} för nyinstallation ${dayToIso(day)}; ${n} enheter installerades samma dag och ger en avgift.`,
    });
  }
  return out.sort((a, b) => a.day - b.day);
}
