// §4: reading the device register (Enhetsregister) from its cell values.
import { COLUMN_BY_FIELD, describeMissing, detectColumns, missingRequired, type ColumnMapping, type RegisterField } from './columns.js';
import { dayFromCell, dayToIso, type Day } from './days.js';
import { personnummerProblem } from './messages.js';
import { amountFromCell, type Money } from './money.js';
import { parsePersonnummer } from './personnummer.js';
import { columnLetter, RunError, type Problem, type Severity } from './problems.js';
import { findService, type Service } from './services.js';
import { rowNumberOf, type SheetCells } from './sheet.js';
import { displayValue, isBlank, normaliseKey } from './text.js';

export type ReturnStatus = 'none' | 'returned' | 'unusable' | 'lost' | 'notReturned';
export type Housing = 'ordinary' | 'special';
export type InstallType = 'new' | 'replacement';

export interface RegisterRow {
  readonly rowNumber: number;
  readonly pnr: string;
  readonly name: string;
  readonly service: Service;
  readonly deviceId: string;
  readonly installed: Day;
  readonly ended?: Day;
  readonly returnStatus: ReturnStatus;
  readonly reminder?: Day;
  /** Parsed Kostnad; checked only where a charge is due (R4). */
  readonly cost?: Money;
  /** The Kostnad cell as the user wrote it, for messages. */
  readonly costText: string;
  readonly housing: Housing;
  readonly installType: InstallType;
}

export interface RegisterReading {
  readonly sheetName: string;
  readonly rows: readonly RegisterRow[];
  readonly problems: readonly Problem[];
  /** Data rows in the used range that were not blank. */
  readonly dataRowCount: number;
  /** Header text as written, per field, for messages. */
  readonly headers: Readonly<Partial<Record<RegisterField, string>>>;
  /** Cell addresses need the column letter. */
  readonly columnLetters: Readonly<Partial<Record<RegisterField, string>>>;
}

const RETURN_STATUS = new Map<string, ReturnStatus>([
  ['återlämnad', 'returned'],
  ['obrukbar', 'unusable'],
  ['borttappad', 'lost'],
  ['ej återlämnad', 'notReturned'],
]);
const HOUSING = new Map<string, Housing>([
  ['ordinärt boende', 'ordinary'], ['ordinärt', 'ordinary'],
  ['särskilt boende', 'special'], ['särskilt', 'special'], ['säbo', 'special'],
]);
const INSTALL_TYPE = new Map<string, InstallType>([
  ['ny', 'new'], ['nyinstallation', 'new'],
  ['byte', 'replacement'],
]);

function textOf(value: unknown): string {
  if (isBlank(value)) return '';
  if (value instanceof Date) return displayValue(value);
  return String(value).trim();
}

/**
 * Reads every data row. Rows with a Fel are reported and left out; a blank row is skipped.
 * Throws RunError when required columns cannot be found.
 */
export function readRegister(sheet: SheetCells, billingYear: number, mappingOverride?: ColumnMapping): RegisterReading {
  const values = sheet.values;
  const headerRow = values[0] ?? [];
  const mapping: ColumnMapping = { ...detectColumns(headerRow).mapping, ...(mappingOverride ?? {}) };
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
    headers[field] = textOf(headerRow[index]) || COLUMN_BY_FIELD[field].header;
    letters[field] = columnLetter(firstColumn + index);
  }
  const col = (field: RegisterField): number => mapping[field] ?? -1;
  const iPnr = col('pnr'), iName = col('name'), iService = col('service'), iDevice = col('deviceId');
  const iInstalled = col('installed'), iEnded = col('ended'), iStatus = col('returnStatus');
  const iReminder = col('reminder'), iCost = col('cost'), iHousing = col('housing'), iType = col('installType');

  const rows: RegisterRow[] = [];
  const problems: Problem[] = [];
  let dataRowCount = 0;

  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (cells.every(isBlank)) continue;
    dataRowCount++;
    const rowNumber = rowNumberOf(sheet, r);
    let failed = false;
    const report = (severity: Severity, field: RegisterField, message: string, value: unknown): void => {
      if (severity === 'Fel') failed = true;
      problems.push({
        severity,
        sheet: sheet.name,
        row: rowNumber,
        column: headers[field] ?? COLUMN_BY_FIELD[field].header,
        cell: `${letters[field] ?? ''}${rowNumber}`,
        value: displayValue(value),
        message,
      });
    };
    const cell = (i: number): unknown => (i < 0 ? undefined : cells[i]);

    const pnrCell = cell(iPnr);
    const pnr = parsePersonnummer(pnrCell, billingYear);
    if (!pnr.ok) report('Fel', 'pnr', personnummerProblem(pnr.reason), pnrCell);

    const serviceCell = cell(iService);
    const service = findService(serviceCell);
    if (!service) {
      report('Fel', 'service', isBlank(serviceCell)
        ? 'Tjänst saknas. Ange en av: Trygghetslarm, Mobilt trygghetslarm, Larmknapp sammanboende, Digitalt lås, Digital tillsyn.'
        : `Okänd tjänst "${textOf(serviceCell)}". Ange en av: Trygghetslarm, Mobilt trygghetslarm, Larmknapp sammanboende, Digitalt lås, Digital tillsyn.`, serviceCell);
    }

    const installedCell = cell(iInstalled);
    const installed = dayFromCell(installedCell);
    if (installed === undefined) {
      report('Fel', 'installed', isBlank(installedCell)
        ? 'Installationsdatum saknas. Ange datumet då tekniken installerades (ÅÅÅÅ-MM-DD).'
        : `Datumet "${displayValue(installedCell)}" går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.`, installedCell);
    }

    const dateOrReport = (i: number, field: RegisterField): Day | undefined => {
      const v = cell(i);
      if (isBlank(v)) return undefined;
      const d = dayFromCell(v);
      if (d === undefined) report('Fel', field, `Datumet "${displayValue(v)}" går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.`, v);
      return d;
    };
    const ended = dateOrReport(iEnded, 'ended');
    const reminder = dateOrReport(iReminder, 'reminder');
    if (installed !== undefined && ended !== undefined && ended < installed) {
      report('Fel', 'ended', `Avslutad (${dayToIso(ended)}) ligger före Installerad (${dayToIso(installed)}). Rätta något av datumen.`, cell(iEnded));
    }

    const choice = <T,>(i: number, field: RegisterField, table: Map<string, T>, fallback: T, allowed: string): T => {
      const v = cell(i);
      if (isBlank(v)) return fallback;
      const found = table.get(normaliseKey(v));
      if (found === undefined) report('Fel', field, `Okänt värde "${textOf(v)}". Tillåtna värden: ${allowed}.`, v);
      return found ?? fallback;
    };
    const returnStatus = choice(iStatus, 'returnStatus', RETURN_STATUS, 'none' as ReturnStatus,
      'tomt, Återlämnad, Obrukbar, Borttappad, Ej återlämnad');
    const housing = choice(iHousing, 'housing', HOUSING, 'ordinary' as Housing, 'tomt, Ordinärt boende, Särskilt boende');
    const installType = choice(iType, 'installType', INSTALL_TYPE, 'new' as InstallType, 'tomt, Ny, Byte');

    if ((returnStatus === 'unusable' || returnStatus === 'lost') && ended === undefined && isBlank(cell(iEnded))) {
      report('Fel', iEnded < 0 ? 'returnStatus' : 'ended',
        `Återlämning är "${textOf(cell(iStatus))}" men Avslutad saknas. Ange dagen då tekniken bedömdes obrukbar eller anmäldes borttappad (R4).`,
        iEnded < 0 ? cell(iStatus) : '');
    }

    if (failed || !pnr.ok || !service || installed === undefined) continue;
    const costCell = cell(iCost);
    rows.push({
      rowNumber,
      pnr: pnr.value,
      name: textOf(cell(iName)),
      service,
      deviceId: textOf(cell(iDevice)),
      installed,
      ended,
      returnStatus,
      reminder,
      cost: amountFromCell(costCell),
      costText: displayValue(costCell),
      housing,
      installType,
    });
  }
  return { sheetName: sheet.name, rows, problems, dataRowCount, headers, columnLetters: letters };
}
