// §4: reading the device register (Enhetsregister) from its cell values.
import {
  COLUMN_BY_FIELD,
  describeMissing,
  detectColumns,
  missingRequired,
  type ColumnMapping,
  type RegisterField,
} from './columns.js';
import { dayFromCell, dayToIso, type Day } from './days.js';
import { personnummerProblem } from './messages.js';
import { moneyFromCell, type Money } from './money.js';
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
  readonly rows: readonly RegisterRow[];
  readonly problems: readonly Problem[];
  /** Data rows in the used range that were not blank. */
  readonly dataRowCount: number;
  /** Rows left out for a Fel whose personnummer could still be read (R7 holds that person's corrections). */
  readonly rejectedRows: readonly RejectedRow[];
  /** Header text as written, per field, for messages. */
  readonly headers: Readonly<Partial<Record<RegisterField, string>>>;
  /** Cell addresses need the column letter. */
  readonly columnLetters: Readonly<Partial<Record<RegisterField, string>>>;
}

/** R4/R6: the row's Kostnad kept to öre; undefined where blank or not a number. */
export function rowCost(row: RegisterRow): Money | undefined {
  return isBlank(row.costCell) ? undefined : moneyFromCell(row.costCell);
}

const RETURN_STATUS = new Map<string, ReturnStatus>([
  ['återlämnad', 'returned'],
  ['obrukbar', 'unusable'],
  ['borttappad', 'lost'],
  ['ej återlämnad', 'notReturned'],
]);
const HOUSING = new Map<string, Housing>([
  ['ordinärt boende', 'ordinary'],
  ['ordinärt', 'ordinary'],
  ['särskilt boende', 'special'],
  ['särskilt', 'special'],
  ['säbo', 'special'],
]);
const INSTALL_TYPE = new Map<string, InstallType>([
  ['ny', 'new'],
  ['nyinstallation', 'new'],
  ['byte', 'replacement'],
]);

function textOf(value: unknown): string {
  if (isBlank(value)) return '';
  return typeof value === 'string' ? value.trim() : displayValue(value);
}

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

function cellAt(ctx: RowContext, i: number): unknown {
  return i < 0 ? undefined : ctx.cells[i];
}

const UNREADABLE_DATE = (v: unknown): string =>
  `Datumet "${displayValue(v)}" går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.`;
const SERVICE_LIST = 'Ange en av: Trygghetslarm, Mobilt trygghetslarm, Larmknapp sammanboende, Digitalt lås, Digital tillsyn.';

function optionalDate(ctx: RowContext, i: number, field: RegisterField): Day | undefined {
  const v = cellAt(ctx, i);
  if (isBlank(v)) return undefined;
  const d = dayFromCell(v);
  if (d === undefined) report(ctx, 'Fel', field, UNREADABLE_DATE(v), v);
  return d;
}

function choice<T>(ctx: RowContext, i: number, field: RegisterField, table: Map<string, T>, fallback: T, allowed: string): T {
  const v = cellAt(ctx, i);
  if (isBlank(v)) return fallback;
  const found = table.get(normaliseKey(v));
  if (found === undefined) report(ctx, 'Fel', field, `Okänt värde "${textOf(v)}". Tillåtna värden: ${allowed}.`, v);
  return found ?? fallback;
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
    headers[field] = textOf(headerRow[index]) || COLUMN_BY_FIELD[field].header;
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

  const rows: RegisterRow[] = [];
  const rejectedRows: RejectedRow[] = [];
  const problems: Problem[] = [];
  // §4 column order is free, so two columns for one field must not silently decide the bill.
  const headerRowNumber = rowNumberOf(sheet, 0);
  for (const rep of detected.repeated) {
    if (mappingOverride?.[rep.field] !== undefined) continue; // chosen by hand in the pane
    const ignored = textOf(headerRow[rep.index]);
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
  const ctx: RowContext = { sheetName: sheet.name, headers, letters, problems, cells: [], rowNumber: 0, failed: false };
  let dataRowCount = 0;

  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (isBlankRow(cells)) continue;
    dataRowCount++;
    ctx.cells = cells;
    ctx.rowNumber = rowNumberOf(sheet, r);
    ctx.failed = false;

    const pnrCell = cellAt(ctx, iPnr);
    const pnr = parsePersonnummer(pnrCell, billingYear);
    if (!pnr.ok) report(ctx, 'Fel', 'pnr', personnummerProblem(pnr.reason), pnrCell);

    const serviceCell = cellAt(ctx, iService);
    const service = findService(serviceCell);
    if (!service) {
      report(
        ctx,
        'Fel',
        'service',
        isBlank(serviceCell) ? `Tjänst saknas. ${SERVICE_LIST}` : `Okänd tjänst "${textOf(serviceCell)}". ${SERVICE_LIST}`,
        serviceCell,
      );
    }

    const installedCell = cellAt(ctx, iInstalled);
    const installed = dayFromCell(installedCell);
    if (installed === undefined) {
      report(
        ctx,
        'Fel',
        'installed',
        isBlank(installedCell)
          ? 'Installationsdatum saknas. Ange datumet då tekniken installerades (ÅÅÅÅ-MM-DD).'
          : UNREADABLE_DATE(installedCell),
        installedCell,
      );
    }
    const ended = optionalDate(ctx, iEnded, 'ended');
    const reminder = optionalDate(ctx, iReminder, 'reminder');
    if (installed !== undefined && ended !== undefined && ended < installed) {
      report(
        ctx,
        'Fel',
        'ended',
        `Avslutad (${dayToIso(ended)}) ligger före Installerad (${dayToIso(installed)}). Rätta något av datumen.`,
        cellAt(ctx, iEnded),
      );
    }

    const returnStatus = choice<ReturnStatus>(
      ctx,
      iStatus,
      'returnStatus',
      RETURN_STATUS,
      'none',
      'tomt, Återlämnad, Obrukbar, Borttappad, Ej återlämnad',
    );
    const housing = choice<Housing>(ctx, iHousing, 'housing', HOUSING, 'ordinary', 'tomt, Ordinärt boende, Särskilt boende');
    const installType = choice<InstallType>(ctx, iType, 'installType', INSTALL_TYPE, 'new', 'tomt, Ny, Byte');

    // R4: a lost or unusable device is charged in the month of Avslutad, so it must be there.
    if ((returnStatus === 'unusable' || returnStatus === 'lost') && isBlank(cellAt(ctx, iEnded))) {
      report(
        ctx,
        'Fel',
        iEnded < 0 ? 'returnStatus' : 'ended',
        `Återlämning är "${textOf(cellAt(ctx, iStatus))}" men Avslutad saknas. Ange dagen då tekniken bedömdes obrukbar eller anmäldes borttappad (R4).`,
        iEnded < 0 ? cellAt(ctx, iStatus) : '',
        'R4',
      );
    }

    if (ctx.failed || !pnr.ok || !service || installed === undefined) {
      if (pnr.ok) rejectedRows.push({ rowNumber: ctx.rowNumber, pnr: pnr.value });
      continue;
    }
    const costCell = cellAt(ctx, iCost);
    rows.push({
      rowNumber: ctx.rowNumber,
      pnr: pnr.value,
      personKey: pnr.key,
      name: textOf(cellAt(ctx, iName)),
      service,
      deviceId: textOf(cellAt(ctx, iDevice)),
      installed,
      ended,
      returnStatus,
      reminder,
      costCell,
      housing,
      installType,
    });
  }
  return { sheetName: sheet.name, rows, problems, dataRowCount, rejectedRows, headers, columnLetters: letters };
}
