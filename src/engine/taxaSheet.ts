// §2: the workbook's "Taxa" sheet. Two tables anywhere on the sheet, each found by its header:
//   1. tariff versions: "Gäller från" + one column per amount and setting, one row per version;
//   2. prisbasbelopp: "År" + "Prisbasbelopp" (+ optional "Maxtaxa"), one row per year.
// A bad cell refuses the run: the tariff decides every amount, so nothing is guessed.
import { dayFromCell, dayToExcelSerial, dayToIso } from './days.js';
import { amountFromCell, isPlausibleAmount, MAX_AMOUNT_TEXT, moneyFromCell, type Money } from './money.js';
import { DEFAULT_PRISBASBELOPP, mergePrisbasbelopp, type PrisbasbeloppEntry, type PrisbasbeloppTable } from './maxtaxa.js';
import { columnLetter, RunError } from './problems.js';
import type { FeeCategory } from './services.js';
import {
  DEFAULT_SETTINGS,
  isValidReminderDays,
  parseProration,
  parseSetting,
  PRORATION_LABEL,
  RETRO_DEBITS_LABEL,
  SETTING_LABEL,
  type BillingSettings,
  type Proration,
} from './settings.js';
import type { SheetCells } from './sheet.js';
import type { Tariff, TariffVersion } from './tariff.js';
import { makeTable, sheetGrid, type ColumnKind, type OutputCell, type OutputSheet } from './output/table.js';
import { displayValue, isBlank, normaliseKey } from './text.js';

export const TAXA_SHEET = 'Taxa';

type TariffKey =
  | 'from'
  | FeeCategory
  | 'installation'
  | 'installationCapped'
  | 'proration'
  | 'reminderDays'
  | 'correctionMonths'
  | 'retroDebits';

interface TariffColumn {
  readonly key: TariffKey;
  readonly header: string; // what "Skapa Taxa-blad" writes
  readonly accepts: readonly string[]; // normalised, units in brackets stripped
  readonly required: boolean;
}

export const TARIFF_COLUMNS: readonly TariffColumn[] = [
  { key: 'from', header: 'Gäller från', accepts: ['gäller från', 'giltig från'], required: true },
  {
    key: 'alarm',
    header: 'Trygghetslarm (kr/mån)',
    accepts: ['trygghetslarm', 'larm', 'trygghetslarm/mobilt trygghetslarm'],
    required: true,
  },
  { key: 'button', header: 'Larmknapp sammanboende (kr/mån)', accepts: ['larmknapp sammanboende', 'larmknapp'], required: true },
  { key: 'lock', header: 'Digitalt lås (kr/mån)', accepts: ['digitalt lås'], required: true },
  { key: 'supervision', header: 'Digital tillsyn (kr/mån)', accepts: ['digital tillsyn'], required: true },
  { key: 'installation', header: 'Installationsavgift (kr)', accepts: ['installationsavgift'], required: true },
  {
    key: 'installationCapped',
    header: 'Installationsavgift inom högkostnadsskydd',
    accepts: ['installationsavgift inom högkostnadsskydd', 'installation inom högkostnadsskydd'],
    required: false,
  },
  { key: 'proration', header: 'Delmånad', accepts: ['delmånad'], required: false },
  { key: 'reminderDays', header: 'Påminnelsedagar', accepts: ['påminnelsedagar'], required: false },
  { key: 'correctionMonths', header: SETTING_LABEL.correctionMonths, accepts: ['rättelsemånader'], required: false },
  { key: 'retroDebits', header: SETTING_LABEL.retroDebits, accepts: ['retroaktiv debitering'], required: false },
];

const PBB_HEADERS = { year: ['år'], pbb: ['prisbasbelopp'], maxtaxa: ['maxtaxa', 'maxtaxa per månad'] };

const key = (v: unknown): string => normaliseKey(String(v ?? '').replace(/\([^)]*\)/g, ''));

export interface TaxaReading {
  readonly tariff: Tariff;
  readonly prisbasbelopp: PrisbasbeloppTable;
}

function yesNo(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const k = normaliseKey(v);
  if (k === 'ja') return true;
  if (k === 'nej' || k === '') return false;
  return undefined;
}

export function readTaxaSheet(sheet: SheetCells): TaxaReading {
  const values = sheet.values;
  const at = (r: number, c: number): string => `${columnLetter((sheet.firstColumn ?? 0) + c)}${(sheet.firstRow ?? 1) + r}`;
  const refuse = (r: number, c: number, what: string, value: unknown): never => {
    throw new RunError(
      `Bladet "${sheet.name}", cell ${at(r, c)}: ${what} (värde: "${displayValue(value)}"). Rätta taxan och kör igen.`,
    );
  };

  let tariffHeader: [number, number] | undefined;
  let pbbHeader: [number, number] | undefined;
  for (let r = 0; r < values.length && !(tariffHeader && pbbHeader); r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const k = key(row[c]);
      if (!tariffHeader && (k === 'gäller från' || k === 'giltig från')) tariffHeader = [r, c];
      if (!pbbHeader && k === 'år' && PBB_HEADERS.pbb.includes(key(row[c + 1]))) pbbHeader = [r, c];
    }
  }
  if (!tariffHeader) {
    throw new RunError(
      `Bladet "${sheet.name}" saknar tabellen med taxeversioner (rubriken "Gäller från"). Skapa ett nytt Taxa-blad eller rätta rubriken.`,
    );
  }

  // --- tariff versions ---
  const [hr, hc] = tariffHeader;
  const headerRow = values[hr] ?? [];
  const colOf: Partial<Record<TariffKey, number>> = {};
  for (let c = hc; c < headerRow.length; c++) {
    const k = key(headerRow[c]);
    if (k === '') break;
    const spec = TARIFF_COLUMNS.find((s) => s.accepts.includes(k));
    if (spec && colOf[spec.key] === undefined) colOf[spec.key] = c;
  }
  const missing = TARIFF_COLUMNS.filter((s) => s.required && colOf[s.key] === undefined).map((s) => s.header);
  if (missing.length) throw new RunError(`Bladet "${sheet.name}" saknar kolumner i taxetabellen: ${missing.join(', ')}.`);

  const versions: TariffVersion[] = [];
  for (let r = hr + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const fromCell = row[hc];
    if (isBlank(fromCell)) break;
    const from = dayFromCell(fromCell, sheet.date1904);
    if (from === undefined) refuse(r, hc, '"Gäller från" är inte ett datum', fromCell);
    const amount = (k: TariffKey): Money => {
      const c = colOf[k]!;
      const a = moneyFromCell(row[c]); // R6: tariff amounts kept to öre
      if (!a || a.isNegative()) return refuse(r, c, 'beloppet saknas, är inte ett tal eller är negativt', row[c]);
      if (!isPlausibleAmount(a)) return refuse(r, c, `beloppet är orimligt stort (${MAX_AMOUNT_TEXT})`, row[c]);
      return a;
    };
    const cappedCol = colOf.installationCapped;
    let installationCapped = false;
    if (cappedCol !== undefined) {
      const yn = yesNo(row[cappedCol]);
      if (yn === undefined) refuse(r, cappedCol, 'skriv Ja eller Nej', row[cappedCol]);
      installationCapped = yn!;
    }
    let proration: Proration = DEFAULT_SETTINGS.proration;
    const pc = colOf.proration;
    if (pc !== undefined && !isBlank(row[pc])) {
      const p = parseProration(String(row[pc]));
      if (!p) refuse(r, pc, `okänd delmånadsregel; skriv ${Object.values(PRORATION_LABEL).join(', ')}`, row[pc]);
      proration = p!;
    }
    let reminderDays = DEFAULT_SETTINGS.reminderDays;
    const rc = colOf.reminderDays;
    if (rc !== undefined && !isBlank(row[rc])) {
      const n = amountFromCell(row[rc]);
      if (!n || !n.isInteger() || !isValidReminderDays(n.toNumber()))
        refuse(r, rc, 'påminnelsedagar ska vara ett heltal från 0', row[rc]);
      reminderDays = n!.toNumber();
    }
    // §9 settings: read by the settings' own reader, so the Taxa sheet and the pane accept the same words.
    const setting = <K extends 'correctionMonths' | 'retroDebits'>(k: K): BillingSettings[K] => {
      const c = colOf[k];
      if (c === undefined || isBlank(row[c])) return DEFAULT_SETTINGS[k];
      const read = parseSetting(k, row[c]);
      return read.ok ? read.value : refuse(r, c, read.message.replace(/ \(fick "[^"]*"\)/, '').replace(/\.$/, ''), row[c]);
    };
    const correctionMonths = setting('correctionMonths');
    const retroDebits = setting('retroDebits');
    versions.push({
      validFrom: from!,
      monthlyFee: { alarm: amount('alarm'), button: amount('button'), lock: amount('lock'), supervision: amount('supervision') },
      installationFee: amount('installation'),
      installationCapped,
      settings: { ...DEFAULT_SETTINGS, proration, reminderDays, correctionMonths, retroDebits },
    });
  }
  if (versions.length === 0) throw new RunError(`Bladet "${sheet.name}" har ingen taxeversion under rubriken "Gäller från".`);
  versions.sort((a, b) => a.validFrom - b.validFrom);
  for (let i = 1; i < versions.length; i++) {
    if (versions[i]!.validFrom === versions[i - 1]!.validFrom) {
      throw new RunError(
        `Bladet "${sheet.name}" har två taxeversioner som gäller från ${dayToIso(versions[i]!.validFrom)}. Ta bort den ena.`,
      );
    }
  }

  // --- prisbasbelopp ---
  const extra: PrisbasbeloppEntry[] = [];
  if (pbbHeader) {
    const [pr, pc] = pbbHeader;
    const maxCol = PBB_HEADERS.maxtaxa.includes(key(values[pr]?.[pc + 2])) ? pc + 2 : undefined;
    for (let r = pr + 1; r < values.length; r++) {
      const row = values[r] ?? [];
      if (isBlank(row[pc])) break;
      const year = amountFromCell(row[pc]);
      if (!year || !year.isInteger() || year.lessThan(1900) || year.greaterThan(9999))
        refuse(r, pc, 'året ska vara ett årtal', row[pc]);
      const pbb = amountFromCell(row[pc + 1]);
      if (!pbb || !pbb.isPositive() || pbb.isZero())
        refuse(r, pc + 1, 'prisbasbeloppet saknas eller är inte ett positivt tal', row[pc + 1]);
      if (!isPlausibleAmount(pbb!)) refuse(r, pc + 1, `prisbasbeloppet är orimligt stort (${MAX_AMOUNT_TEXT})`, row[pc + 1]);
      let maxtaxa: Money | undefined;
      if (maxCol !== undefined && !isBlank(row[maxCol])) {
        maxtaxa = moneyFromCell(row[maxCol]); // R6: kept to öre
        if (!maxtaxa || maxtaxa.isNegative()) refuse(r, maxCol, 'maxtaxan är inte ett tal', row[maxCol]);
        if (!isPlausibleAmount(maxtaxa!)) refuse(r, maxCol, `maxtaxan är orimligt stor (${MAX_AMOUNT_TEXT})`, row[maxCol]);
      }
      if (extra.some((e) => e.year === year!.toNumber()))
        refuse(r, pc, 'året står redan på en rad ovanför; ta bort den ena', row[pc]);
      extra.push({ year: year!.toNumber(), prisbasbelopp: pbb!, ...(maxtaxa ? { maxtaxa } : {}) });
    }
  }
  return {
    tariff: { versions, source: `bladet "${sheet.name}"` },
    prisbasbelopp: mergePrisbasbelopp(DEFAULT_PRISBASBELOPP, extra),
  };
}

/** The Taxa sheet for a tariff and prisbasbelopp table ("Skapa Taxa-blad"): two tables side by side. */
export function taxaOutputSheet(tariff: Tariff, prisbasbelopp: PrisbasbeloppTable, name = TAXA_SHEET): OutputSheet {
  const kinds: Record<TariffKey, ColumnKind> = {
    from: 'date',
    alarm: 'kr',
    button: 'kr',
    lock: 'kr',
    supervision: 'kr',
    installation: 'kr',
    installationCapped: 'text',
    proration: 'text',
    reminderDays: 'int',
    correctionMonths: 'int',
    retroDebits: 'text',
  };
  const versions = makeTable(
    'Taxa_versioner',
    TARIFF_COLUMNS.map((c) => ({ header: c.header, kind: kinds[c.key] })),
    tariff.versions.map((v) => [
      dayToExcelSerial(v.validFrom),
      v.monthlyFee.alarm.toNumber(),
      v.monthlyFee.button.toNumber(),
      v.monthlyFee.lock.toNumber(),
      v.monthlyFee.supervision.toNumber(),
      v.installationFee.toNumber(),
      v.installationCapped ? 'Ja' : 'Nej',
      PRORATION_LABEL[v.settings.proration],
      v.settings.reminderDays,
      v.settings.correctionMonths,
      RETRO_DEBITS_LABEL[v.settings.retroDebits],
    ]),
  );
  const pbb = makeTable(
    'Taxa_prisbasbelopp',
    [
      { header: 'År', kind: 'int' },
      { header: 'Prisbasbelopp', kind: 'kr' },
      { header: 'Maxtaxa (kr/mån)', kind: 'kr' },
    ],
    [...prisbasbelopp.values()]
      .sort((a, b) => a.year - b.year)
      .map((e) => [e.year, e.prisbasbelopp.toNumber(), e.maxtaxa ? e.maxtaxa.toNumber() : '']),
  );
  return { name, tables: [versions, pbb] };
}

/** The Taxa sheet's cells, header row first (dates as Excel serials). */
export function taxaSheetValues(tariff: Tariff, prisbasbelopp: PrisbasbeloppTable): OutputCell[][] {
  return sheetGrid(taxaOutputSheet(tariff, prisbasbelopp));
}
