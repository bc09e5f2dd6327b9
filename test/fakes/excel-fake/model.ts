// The workbook state behind the Excel fake: sheets of raw cell values and number formats,
// tables, settings, selection. Client proxies (proxy.ts and the files beside it) only touch it inside context.sync().
import { MAX_COLUMNS, type Rect, checked, overlaps, qualifiedAddress, rectToA1 } from './address.js';
import { FakeOfficeError } from './errors.js';

/** A stored cell value. "" is an empty cell; dates are serial numbers, as in Excel. */
export type CellValue = string | number | boolean;

export const GENERAL = 'General';
export const TEXT_FORMAT = '@';
/** Excel's default column width in points (8.43 characters). */
export const DEFAULT_COLUMN_WIDTH = 48;
export const NO_FILL = '#FFFFFF';
export const DEFAULT_TABLE_STYLE = 'TableStyleMedium2';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** Excel serial number (1900 date system) for a UTC date-time. */
export function toSerial(date: Date): number {
  return (date.getTime() - EPOCH_1900) / DAY_MS;
}

export function fromSerial(serial: number): Date {
  return new Date(EPOCH_1900 + Math.round(serial * DAY_MS));
}

export class SheetModel {
  /** Row-major and sparse: untouched rows and cells stay holes. */
  private values: (CellValue[] | undefined)[] = [];
  private formats: (string[] | undefined)[] = [];
  private fills = new Map<number, string>();
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  frozenColumns = 0;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  value(row: number, column: number): CellValue {
    return this.values[row]?.[column] ?? '';
  }

  setValue(row: number, column: number, value: CellValue): void {
    let line = this.values[row];
    if (!line) {
      if (value === '') return;
      line = this.values[row] = [];
    }
    line[column] = value;
  }

  format(row: number, column: number): string {
    return this.formats[row]?.[column] ?? GENERAL;
  }

  setFormat(row: number, column: number, format: string): void {
    let line = this.formats[row];
    if (!line) {
      if (format === GENERAL) return;
      line = this.formats[row] = [];
    }
    line[column] = format;
  }

  fill(row: number, column: number): string | undefined {
    return this.fills.get(row * MAX_COLUMNS + column);
  }

  setFill(row: number, column: number, color: string | undefined): void {
    if (color === undefined) this.fills.delete(row * MAX_COLUMNS + column);
    else this.fills.set(row * MAX_COLUMNS + column, color);
  }

  columnWidth(column: number): number {
    return this.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Bounding box of non-empty cells (and, unless valuesOnly, formatted or filled ones). */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const take = (r: number, c: number) => {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    this.values.forEach((line, r) => line?.forEach((v, c) => v !== '' && take(r, c)));
    if (!valuesOnly) {
      this.formats.forEach((line, r) => line?.forEach((f, c) => f !== GENERAL && take(r, c)));
      for (const key of this.fills.keys()) take(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
    }
    if (r1 < 0) return undefined;
    return { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
  }
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
}

export interface SelectionModel {
  sheet: SheetModel;
  rect: Rect;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  /** Settings are stored as JSON text, as Office persists them in the file. */
  settings = new Map<string, string>();
  activeSheet: SheetModel | undefined;
  selection: SelectionModel | undefined;
  /** The workbook counts dates from 1904 (Excel for Mac's old default): only DATE() follows it. */
  date1904 = false;
  private nextSheetId = 1;
  private nextTableNumber = 1;

  sheetByName(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  sheetByKey(key: string): SheetModel | undefined {
    return this.sheetByName(key) ?? this.sheets.find((s) => s.id === key);
  }

  addSheet(name?: string): SheetModel {
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    this.validateSheetName(chosen);
    const sheet = new SheetModel(`{fake-sheet-${this.nextSheetId++}}`, chosen);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /** Excel's sheet-name rules; the message names the rule so a failing test says why. */
  validateSheetName(name: string, except?: SheetModel): void {
    if (name.length < 1 || name.length > 31) {
      throw new FakeOfficeError('InvalidArgument', `Sheet name "${name}" must be 1-31 characters.`);
    }
    if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new FakeOfficeError('InvalidArgument', `Sheet name "${name}" contains a character Excel forbids.`);
    }
    if (name.toLowerCase() === 'history') {
      throw new FakeOfficeError('InvalidArgument', `Sheet name "History" is reserved by Excel.`);
    }
    const existing = this.sheetByName(name);
    if (existing && existing !== except) {
      throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${existing.name}" already exists.`);
    }
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) {
      throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one worksheet.');
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, index - 1)];
    if (this.selection?.sheet === sheet) this.selection = undefined;
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new FakeOfficeError('InvalidArgument', `Sheet position ${position} is out of range.`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  tableByName(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  /** Excel's table-name rules (no spaces, no cell-reference look-alikes, unique). */
  validateTableName(name: string, except?: TableModel): void {
    const valid =
      name.length <= 255 &&
      /^[\p{L}_\\][\p{L}\p{N}._]*$/u.test(name) &&
      !/^[A-Za-z]{1,3}\d+$/.test(name) &&
      !/^[RrCc]$/.test(name) &&
      !/^[Rr]\d*[Cc]\d*$/.test(name);
    if (!valid) {
      throw new FakeOfficeError(
        'InvalidArgument',
        `Table name "${name}" is invalid: start with a letter or _, then letters, digits, . or _ only (no spaces).`,
      );
    }
    const existing = this.tableByName(name);
    if (existing && existing !== except) {
      throw new FakeOfficeError('ItemAlreadyExists', `A table named "${existing.name}" already exists.`);
    }
  }

  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    if (!hasHeaders) {
      throw new FakeOfficeError('NotImplemented', 'The fake only supports tables.add(address, true).');
    }
    for (const t of this.tables) {
      if (t.sheet === sheet && overlaps(t.rect, rect)) {
        throw new FakeOfficeError('InvalidOperation', `The range overlaps table "${t.name}".`);
      }
    }
    // Excel always keeps one data row and turns the header row into unique text.
    const tableRect = rect.rowCount === 1 ? checked(rectToA1(rect), rect.row, rect.column, 2, rect.columnCount) : rect;
    const seen = new Set<string>();
    for (let c = 0; c < tableRect.columnCount; c++) {
      const raw = sheet.value(tableRect.row, tableRect.column + c);
      let header = raw === '' ? `Column${c + 1}` : String(raw);
      for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${raw === '' ? `Column${c + 1}` : String(raw)}${n}`;
      seen.add(header.toLowerCase());
      sheet.setValue(tableRect.row, tableRect.column + c, header);
    }
    let name: string;
    do name = `Table${this.nextTableNumber++}`;
    while (this.tableByName(name));
    const table: TableModel = { id: `{fake-table-${name}}`, name, sheet, rect: tableRect, style: DEFAULT_TABLE_STYLE };
    this.tables.push(table);
    return table;
  }

  address(sheet: SheetModel, rect: Rect): string {
    return qualifiedAddress(sheet.name, rect);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing a value into a cell: Excel parses text typed into a non-text cell. Writing
// "0123" into a General cell stores the number 123 and "2025-01-31" becomes a date serial;
// the fake does the same so "set number formats before values" is actually tested.
// ---------------------------------------------------------------------------------------------

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CoercedInput {
  value: CellValue;
  /** A number format Excel applies on its own (a date typed into a General cell). */
  impliedFormat?: string;
}

export function coerceInput(input: unknown, currentFormat: string, where: string): CoercedInput {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new FakeOfficeError('InvalidArgument', `${where}: ${input} is not a finite number.`);
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') {
    throw new FakeOfficeError(
      'InvalidArgument',
      `${where}: cell values must be string, number or boolean (got ${input === null ? 'null' : typeof input}).`,
    );
  }
  if (input === '' || currentFormat === TEXT_FORMAT) return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=')) {
    throw new FakeOfficeError('NotImplemented', `${where}: "${input}" would be a formula; the fake does not evaluate formulas.`);
  }
  const trimmed = input.trim();
  if (NUMBER_TEXT.test(trimmed)) return { value: Number(trimmed) };
  const date = ISO_DATE.exec(trimmed);
  if (date) {
    const d = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
    if (d.getUTCMonth() === Number(date[2]) - 1) {
      return { value: toSerial(d), impliedFormat: currentFormat === GENERAL ? 'yyyy-mm-dd' : undefined };
    }
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  return { value: input };
}

// ---------------------------------------------------------------------------------------------
// Range.text: an approximation of Excel's display text (en-US separators).
// ---------------------------------------------------------------------------------------------

function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s.length <= 11 ? s : n.toExponential(5).replace('e+', 'E+').replace('e-', 'E-');
}

function stripLiterals(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string): boolean {
  const s = stripLiterals(format.split(';')[0] ?? '');
  return /[yd]/i.test(s) || (/h/i.test(s) && /m|s/i.test(s));
}

function formatDate(serial: number, section: string): string {
  const d = fromSerial(serial);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const tokens: Record<string, string> = {
    yyyy: String(d.getUTCFullYear()),
    yy: pad(d.getUTCFullYear() % 100),
    dd: pad(d.getUTCDate()),
    d: String(d.getUTCDate()),
    hh: pad(d.getUTCHours()),
    h: String(d.getUTCHours()),
    ss: pad(d.getUTCSeconds()),
  };
  let out = '';
  let afterHour = false;
  const re = /"([^"]*)"|\\(.)|yyyy|yy|mm|m|dd|d|hh|h|ss|./gi;
  for (const m of section.matchAll(re)) {
    const tok = m[0];
    const lower = tok.toLowerCase();
    if (m[1] !== undefined) out += m[1];
    else if (m[2] !== undefined) out += m[2];
    else if (lower === 'mm' || lower === 'm') {
      const minutes = afterHour;
      const n = minutes ? d.getUTCMinutes() : d.getUTCMonth() + 1;
      out += lower === 'mm' ? pad(n) : String(n);
    } else if (lower in tokens) out += tokens[lower];
    else out += tok;
    if (lower === 'h' || lower === 'hh') afterHour = true;
    else if (/[a-z]/i.test(lower) && lower !== 'm' && lower !== 'mm') afterHour = false;
  }
  return out;
}

function formatNumber(n: number, section: string): string {
  const plain = section.replace(/"([^"]*)"/g, (_m, lit: string) => `\u0000${lit}\u0001`);
  const numeric = /[#0?][#0?,]*(\.[#0?]*)?|\.[#0?]+/.exec(stripLiterals(section));
  if (!numeric) return general(n);
  const pattern = numeric[0];
  const decimals = (pattern.split('.')[1] ?? '').length;
  const grouped = pattern.includes(',');
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  let body = Math.abs(value).toFixed(decimals);
  if (grouped) {
    const [int = '', frac] = body.split('.');
    body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const sign = value < 0 ? '-' : '';
  const at = plain.indexOf(pattern);
  const before = at >= 0 ? plain.slice(0, at) : '';
  const after = at >= 0 ? plain.slice(at + pattern.length) : '';
  // eslint-disable-next-line no-control-regex -- the format codes' own markers
  const clean = (s: string) => s.replace(/\\(.)/g, '$1').replace(/[\u0000\u0001]/g, '');
  return `${sign}${clean(before)}${body}${clean(after)}`;
}

export function formatText(value: CellValue, format: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (format === GENERAL || format === TEXT_FORMAT || format === '') return general(value);
  const sections = format.split(';');
  const section = value < 0 && sections[1] !== undefined ? sections[1] : (sections[0] ?? '');
  if (isDateFormat(section)) return formatDate(value, section);
  const shown = value < 0 && sections[1] !== undefined ? Math.abs(value) : value;
  return formatNumber(shown, section);
}

export function valueType(value: CellValue): 'Empty' | 'String' | 'Double' | 'Boolean' {
  if (value === '') return 'Empty';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

/** UTF-8 byte length without TextEncoder's copy (payloads can be tens of MB). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
