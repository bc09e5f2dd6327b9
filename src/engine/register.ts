// §4: reading the device register (Enhetsregister) from its cell values.
import {
  COLUMN_BY_FIELD,
  describeMissing,
  detectColumns,
  missingRequired,
  type ColumnMapping,
  type RegisterField,
} from './columns.js';
import { dayFromCell, dayFromYmd, dayToIso, type Day } from './days.js';
import { personnummerProblem } from './messages.js';
import { moneyFromCell, type Money } from './money.js';
import { parsePersonnummer } from './personnummer.js';
import { columnLetter, RunError, type Problem, type Severity } from './problems.js';
import { findService, SERVICES, type Service } from './services.js';
import { blankRegisterRow, RegisterTable } from './registerTable.js';
import { rowNumberOf, type SheetCells } from './sheet.js';
import { cellText, displayValue, isBlank, normaliseKey } from './text.js';

export type ReturnStatus = 'none' | 'returned' | 'unusable' | 'lost' | 'notReturned';
export type Housing = 'ordinary' | 'special';
export type InstallType = 'new' | 'replacement';

export interface RegisterRow {
  readonly rowNumber: number;
  readonly pnr: string;
  /** `pnr` as a number, for fast grouping and ordering. */
  readonly personKey: number;
  readonly name: string;
  readonly service: Service;
  readonly deviceId: string;
  readonly installed: Day;
  readonly ended?: Day;
  readonly returnStatus: ReturnStatus;
  readonly reminder?: Day;
  /** The Kostnad cell as it stands; read (rowCost) only where a charge is due (R4). */
  readonly costCell: unknown;
  readonly housing: Housing;
  readonly installType: InstallType;
}

export interface RejectedRow {
  readonly rowNumber: number;
  readonly pnr: string;
}

export interface RegisterReading {
  readonly sheetName: string;
  /** The rows accepted for billing, in register order. */
  readonly table: RegisterTable;
  readonly problems: readonly Problem[];
  /** Data rows in the used range that were not blank. */
  readonly dataRowCount: number;
  /**
   * Every personnummer was read with its century written: the reading is the same for any billing
   * year (a 10-digit one takes its century from the year, §4).
   */
  readonly sameEveryYear: boolean;
  /** Rows left out for a Fel whose personnummer could still be read (R7 holds that person's corrections). */
  readonly rejectedRows: readonly RejectedRow[];
  /** Header text as written, per field, for messages. */
  readonly headers: Readonly<Partial<Record<RegisterField, string>>>;
  /** Cell addresses need the column letter. */
  readonly columnLetters: Readonly<Partial<Record<RegisterField, string>>>;
}

/** R4/R6: the row's Kostnad kept to öre; undefined where blank or not a number. */
export function rowCost(row: Pick<RegisterRow, 'costCell'>): Money | undefined {
  return isBlank(row.costCell) ? undefined : moneyFromCell(row.costCell);
}

// --- one cell at a time: the parsers the register and the custom functions share ---

/**
 * One cell read on its own: its value, or the Fel the Problem sheet shows for it (§6), with the
 * column's standard header (the register names the column as its own header row writes it).
 */
export type CellReading<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly column: string; readonly message: string };

const ok = <T>(value: T): CellReading<T> => ({ ok: true, value });
const fel = (field: RegisterField, message: string): CellReading<never> => ({
  ok: false,
  column: COLUMN_BY_FIELD[field].header,
  message,
});

const UNREADABLE_DATE = (v: unknown): string =>
  `Datumet "${displayValue(v)}" går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.`;
// §4/issue 9: a number in a date column is an Excel serial; outside these years it is a typing
// slip (12 meant as "the 12th" is 1900-01-12), never a fee period, so it is a Fel, not a guess.
export const PLAUSIBLE_DATES = { first: dayFromYmd(1950, 1, 1), last: dayFromYmd(2099, 12, 31) } as const;
const IMPLAUSIBLE_DATE = (v: unknown, day: Day): string =>
  `Talet ${displayValue(v)} i en datumkolumn är inget rimligt datum (det blir ${dayToIso(day)}). Skriv datumet som ÅÅÅÅ-MM-DD; datum före 1950 och efter 2099 godtas inte som tal.`;
const implausible = (value: unknown, day: Day): boolean =>
  typeof value === 'number' && (day < PLAUSIBLE_DATES.first || day > PLAUSIBLE_DATES.last);
const SERVICE_LIST = 'Ange en av: Trygghetslarm, Mobilt trygghetslarm, Larmknapp sammanboende, Digitalt lås, Digital tillsyn.';
// One reading per service, shared by every row: no object per cell over 250 000 rows.
const SERVICE_READINGS = new Map(SERVICES.map((s) => [s, ok(s)]));

/** §1 Tjänst: a service by any accepted spelling. */
export function serviceFromCell(value: unknown): CellReading<Service> {
  const service = findService(value);
  if (service) return SERVICE_READINGS.get(service)!;
  return fel('service', isBlank(value) ? `Tjänst saknas. ${SERVICE_LIST}` : `Okänd tjänst "${cellText(value)}". ${SERVICE_LIST}`);
}

// Formulas and text registers repeat the same date texts, and parsing one dominated a VT.FEE call.
const dayByText = new Map<string, Day | undefined>();

function dayOf(value: unknown, date1904: boolean): Day | undefined {
  if (typeof value !== 'string') return dayFromCell(value, date1904); // text does not depend on the date system
  let day = dayByText.get(value);
  if (day === undefined && !dayByText.has(value)) {
    day = dayFromCell(value);
    if (dayByText.size >= 20000) dayByText.clear();
    dayByText.set(value, day);
  }
  return day;
}

/** §4 Installerad: a date cell or ÅÅÅÅ-MM-DD text, required; a serial in the sheet's date system. */
export function installedFromCell(value: unknown, date1904 = false): CellReading<Day> {
  const day = dayOf(value, date1904);
  if (day !== undefined && implausible(value, day)) return fel('installed', IMPLAUSIBLE_DATE(value, day));
  if (day !== undefined) return { ok: true, value: day };
  return fel(
    'installed',
    isBlank(value) ? 'Installationsdatum saknas. Ange datumet då tekniken installerades (ÅÅÅÅ-MM-DD).' : UNREADABLE_DATE(value),
  );
}

const NO_DATE: CellReading<Day | undefined> = ok(undefined);

/** §4 Avslutad or Påminnelse: blank, or a date cell or ÅÅÅÅ-MM-DD text. */
export function optionalDateFromCell(
  value: unknown,
  field: 'ended' | 'reminder',
  date1904 = false,
): CellReading<Day | undefined> {
  if (isBlank(value)) return NO_DATE;
  const day = dayOf(value, date1904);
  if (day === undefined) return fel(field, UNREADABLE_DATE(value));
  return implausible(value, day) ? fel(field, IMPLAUSIBLE_DATE(value, day)) : { ok: true, value: day };
}

/** §4: the Fel when Avslutad lies before Installerad, if it does. */
export function endedBeforeInstalled(installed: Day, ended: Day | undefined): string | undefined {
  if (ended === undefined || ended >= installed) return undefined;
  return `Avslutad (${dayToIso(ended)}) ligger före Installerad (${dayToIso(installed)}). Rätta något av datumen.`;
}

/** R4: a lost or unusable device is charged in the month of Avslutad, so it must be there: the Fel when it is not. */
export function endedMissingForCharge(
  returnStatus: ReturnStatus,
  ended: Day | undefined,
  returnStatusCell: unknown,
): string | undefined {
  if (ended !== undefined || (returnStatus !== 'unusable' && returnStatus !== 'lost')) return undefined;
  return `Återlämning är "${cellText(returnStatusCell)}" men Avslutad saknas. Ange dagen då tekniken bedömdes obrukbar eller anmäldes borttappad (R4).`;
}

/** A choice column: blank gives `blank`, a known spelling its value, anything else a Fel listing `allowed`. */
function choiceReader<T>(
  field: RegisterField,
  spellings: ReadonlyArray<readonly [string, T]>,
  blank: T,
  allowed: string,
): (value: unknown) => CellReading<T> {
  // Readings made once per spelling and shared by every row.
  const readings = new Map(spellings.map(([spelling, value]) => [spelling, ok(value)]));
  const blankReading = ok(blank);
  return (value) => {
    if (isBlank(value)) return blankReading;
    return readings.get(normaliseKey(value)) ?? fel(field, `Okänt värde "${cellText(value)}". Tillåtna värden: ${allowed}.`);
  };
}

/** §4 Återlämning: blank, Återlämnad, Obrukbar, Borttappad or Ej återlämnad. */
export const returnStatusFromCell = choiceReader<ReturnStatus>(
  'returnStatus',
  [
    ['återlämnad', 'returned'],
    ['obrukbar', 'unusable'],
    ['borttappad', 'lost'],
    ['ej återlämnad', 'notReturned'],
  ],
  'none',
  'tomt, Återlämnad, Obrukbar, Borttappad, Ej återlämnad',
);

/** §4 Boende: blank or "Ordinärt boende" → ordinary, "Särskilt boende" → special. */
export const housingFromCell = choiceReader<Housing>(
  'housing',
  [
    ['ordinärt boende', 'ordinary'],
    ['ordinärt', 'ordinary'],
    ['särskilt boende', 'special'],
    ['särskilt', 'special'],
    ['säbo', 'special'],
  ],
  'ordinary',
  'tomt, Ordinärt boende, Särskilt boende',
);

/** §4 Installationstyp: blank or "Ny" → new, "Byte" → replacement. */
export const installTypeFromCell = choiceReader<InstallType>(
  'installType',
  [
    ['ny', 'new'],
    ['nyinstallation', 'new'],
    ['byte', 'replacement'],
  ],
  'new',
  'tomt, Ny, Byte',
);

// --- the whole sheet ---

interface RowContext {
  readonly sheetName: string;
  readonly headers: Partial<Record<RegisterField, string>>;
  readonly letters: Partial<Record<RegisterField, string>>;
  readonly problems: Problem[];
  cells: ReadonlyArray<unknown>;
  rowNumber: number;
  failed: boolean;
}

// Plain functions over a reused context: no closures are made per row (250 000 rows).
function report(ctx: RowContext, severity: Severity, field: RegisterField, message: string, value: unknown, rule?: string): void {
  if (severity === 'Fel') ctx.failed = true;
  const letter = ctx.letters[field];
  ctx.problems.push({
    severity,
    sheet: ctx.sheetName,
    row: ctx.rowNumber,
    column: ctx.headers[field] ?? COLUMN_BY_FIELD[field].header,
    ...(letter ? { cell: `${letter}${ctx.rowNumber}` } : {}),
    value: displayValue(value),
    message,
    ...(rule ? { rule } : {}),
  });
}

/** The reading's value; its Fel reported against the register's own column. */
function valueOf<T>(ctx: RowContext, reading: CellReading<T>, field: RegisterField, cell: unknown): T | undefined {
  if (reading.ok) return reading.value;
  report(ctx, 'Fel', field, reading.message, cell);
  return undefined;
}

function cellAt(ctx: RowContext, i: number): unknown {
  return i < 0 ? undefined : ctx.cells[i];
}

function isBlankRow(cells: ReadonlyArray<unknown>): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}

/**
 * Reads every data row. Rows with a Fel are reported and left out; a blank row is skipped.
 * Throws RunError when required columns cannot be found.
 */
export function readRegister(sheet: SheetCells, billingYear: number, mappingOverride?: ColumnMapping): RegisterReading {
  const values = sheet.values;
  const headerRow = values[0] ?? [];
  const detected = detectColumns(headerRow);
  const mapping: ColumnMapping = { ...detected.mapping, ...(mappingOverride ?? {}) };
  const missing = missingRequired(mapping);
  if (missing.length > 0) {
    throw new RunError(
      `Bladet "${sheet.name}" saknar kolumner som krävs: ${describeMissing(missing)}. ` +
        'Kontrollera rubrikraden (första raden) eller koppla kolumnerna för hand.',
    );
  }
  const firstColumn = sheet.firstColumn ?? 0;
  const headers: Partial<Record<RegisterField, string>> = {};
  const letters: Partial<Record<RegisterField, string>> = {};
  for (const [field, index] of Object.entries(mapping) as [RegisterField, number][]) {
    headers[field] = cellText(headerRow[index]) || COLUMN_BY_FIELD[field].header;
    letters[field] = columnLetter(firstColumn + index);
  }
  const col = (field: RegisterField): number => mapping[field] ?? -1;
  const iPnr = col('pnr'),
    iName = col('name'),
    iService = col('service'),
    iDevice = col('deviceId');
  const iInstalled = col('installed'),
    iEnded = col('ended'),
    iStatus = col('returnStatus');
  const iReminder = col('reminder'),
    iCost = col('cost'),
    iHousing = col('housing'),
    iType = col('installType');

  const table = new RegisterTable(Math.max(0, values.length - 1));
  const rejectedRows: RejectedRow[] = [];
  const problems: Problem[] = [];
  // §4 column order is free, so two columns for one field must not silently decide the bill.
  const headerRowNumber = rowNumberOf(sheet, 0);
  for (const rep of detected.repeated) {
    if (mappingOverride?.[rep.field] !== undefined) continue; // chosen by hand in the pane
    const ignored = cellText(headerRow[rep.index]);
    problems.push({
      severity: 'Varning',
      sheet: sheet.name,
      row: headerRowNumber,
      column: ignored,
      cell: `${columnLetter(firstColumn + rep.index)}${headerRowNumber}`,
      value: ignored,
      message: `Kolumnen "${ignored}" betyder också ${COLUMN_BY_FIELD[rep.field].header}, men kolumnen "${headers[rep.field]}" (kolumn ${letters[rep.field]}) används och "${ignored}" läses inte. Ta bort eller byt namn på en av dem.`,
    });
  }
  const date1904 = sheet.date1904 === true;
  const ctx: RowContext = { sheetName: sheet.name, headers, letters, problems, cells: [], rowNumber: 0, failed: false };
  let dataRowCount = 0;
  let sameEveryYear = true;
  // One row filled in again for each accepted row: the table keeps its numbers and texts, not the object.
  const accepted = blankRegisterRow();

  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (isBlankRow(cells)) continue;
    dataRowCount++;
    ctx.cells = cells;
    ctx.rowNumber = rowNumberOf(sheet, r);
    ctx.failed = false;

    const pnrCell = cellAt(ctx, iPnr);
    const pnr = parsePersonnummer(pnrCell, billingYear);
    if (!pnr.ok || !pnr.centuryWritten) sameEveryYear = false;
    if (!pnr.ok) report(ctx, 'Fel', 'pnr', personnummerProblem(pnr.reason), pnrCell);

    const serviceCell = cellAt(ctx, iService);
    const service = valueOf(ctx, serviceFromCell(serviceCell), 'service', serviceCell);
    const installedCell = cellAt(ctx, iInstalled);
    const installed = valueOf(ctx, installedFromCell(installedCell, date1904), 'installed', installedCell);
    const endedCell = cellAt(ctx, iEnded);
    const endedReading = optionalDateFromCell(endedCell, 'ended', date1904);
    const ended = valueOf(ctx, endedReading, 'ended', endedCell);
    const reminderCell = cellAt(ctx, iReminder);
    const reminder = valueOf(ctx, optionalDateFromCell(reminderCell, 'reminder', date1904), 'reminder', reminderCell);
    if (installed !== undefined) {
      const backwards = endedBeforeInstalled(installed, ended);
      if (backwards) report(ctx, 'Fel', 'ended', backwards, endedCell);
    }

    const statusCell = cellAt(ctx, iStatus);
    const returnStatus = valueOf(ctx, returnStatusFromCell(statusCell), 'returnStatus', statusCell) ?? 'none';
    const housingCell = cellAt(ctx, iHousing);
    const housing = valueOf(ctx, housingFromCell(housingCell), 'housing', housingCell) ?? 'ordinary';
    const typeCell = cellAt(ctx, iType);
    const installType = valueOf(ctx, installTypeFromCell(typeCell), 'installType', typeCell) ?? 'new';

    // An unreadable Avslutad is its own Fel, not also a missing one.
    const noEnded = endedReading.ok ? endedMissingForCharge(returnStatus, ended, statusCell) : undefined;
    if (noEnded) {
      // Without an Avslutad column the Fel points at Återlämning.
      if (iEnded < 0) report(ctx, 'Fel', 'returnStatus', noEnded, statusCell, 'R4');
      else report(ctx, 'Fel', 'ended', noEnded, '', 'R4');
    }

    if (ctx.failed || !pnr.ok || service === undefined || installed === undefined) {
      if (pnr.ok) rejectedRows.push({ rowNumber: ctx.rowNumber, pnr: pnr.value });
      continue;
    }
    accepted.rowNumber = ctx.rowNumber;
    accepted.pnr = pnr.value;
    accepted.personKey = pnr.key;
    accepted.name = cellText(cellAt(ctx, iName));
    accepted.service = service;
    accepted.deviceId = cellText(cellAt(ctx, iDevice));
    accepted.installed = installed;
    accepted.ended = ended;
    accepted.returnStatus = returnStatus;
    accepted.reminder = reminder;
    accepted.costCell = cellAt(ctx, iCost);
    accepted.housing = housing;
    accepted.installType = installType;
    table.add(accepted);
  }
  return { sheetName: sheet.name, table, problems, dataRowCount, sameEveryYear, rejectedRows, headers, columnLetters: letters };
}
