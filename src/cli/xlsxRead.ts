// Reading a workbook's sheets into plain cell values for the engine, one sheet at a time and
// only the sheets asked for. The cells are parsed by exceljs's streaming reader
// (ExcelJS.stream.xlsx.WorkbookReader); we hand it the parts ourselves (workbookPackage.ts) so
// that styles and shared strings are known before any sheet whatever order the file stores
// them in, text reaches it already decoded (its own decoding split å/ä/ö at chunk borders), and
// relationship targets may be absolute. Memory follows the cells in use: each row keeps only
// its cells up to the last one with a value, so a stray cell in column XFD costs one long row.
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { columnLetter, dayFromExcelSerial, dayToUtcDate, RunError, type SheetCells } from '../engine/index.js';
import {
  damaged,
  openError,
  openWorkbookPackage,
  type SheetPart,
  type TablePart,
  type WorkbookPackage,
} from './workbookPackage.js';
import { ZipFormatError } from './zipArchive.js';

export interface WorkbookFile {
  /** Sheet names in tab order. */
  readonly sheetNames: readonly string[];
  /** Excel for Mac's 1904 date system: serial 0 is 1904-01-01. */
  readonly date1904: boolean;
  /** The first row holding a value, from column A: the row the register's headers are read from. */
  headerRow(name: string): Promise<unknown[]>;
  /** The sheet's used range (undefined when no sheet has this exact name). */
  sheet(name: string): Promise<SheetCells | undefined>;
  close(): Promise<void>;
}

/** exceljs cell value → what the engine reads: string, number, boolean, Date or null. */
export function plainCellValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if ('result' in o) return plainCellValue(o.result); // formula: the value Excel last computed
  // A formula the file holds without a computed value (written by a script, never recalculated):
  // show the formula itself, so a problem names it instead of "[object Object]".
  if (typeof o.formula === 'string') return `=${o.formula}`;
  if (typeof o.sharedFormula === 'string') return `=${o.sharedFormula}`;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if (typeof o.text === 'string') return o.text; // hyperlink
  if (typeof o.error === 'string') return o.error;
  return String(v);
}

/** Opens an .xlsx for reading; refuses anything else with a Swedish message naming `shownAs`. */
export async function openWorkbookFile(path: string, shownAs: string): Promise<WorkbookFile> {
  const pkg = await openWorkbookPackage(path, shownAs);
  let reader: CellReader;
  try {
    reader = new CellReader(pkg, shownAs);
  } catch (e) {
    await pkg.close();
    throw e;
  }
  const byName = new Map(pkg.sheets.map((s) => [s.name, s]));
  // What goes wrong past the zip's directory is the file's fault: a part that does not inflate
  // or parse, or a read the system refuses.
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof RunError) throw e;
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && !code.startsWith('Z_') && !(e instanceof ZipFormatError)) throw openError(e, shownAs);
      throw damaged(shownAs);
    }
  };
  return {
    sheetNames: pkg.sheets.map((s) => s.name),
    date1904: pkg.date1904,
    headerRow: (name) => guarded(() => reader.firstRow(byName.get(name))),
    sheet: (name) => {
      const part = byName.get(name);
      return part ? guarded(() => reader.sheet(part)) : Promise.resolve(undefined);
    },
    close: () => pkg.close(),
  };
}

/** The pieces of exceljs's WorkbookReader that each read one part; we call them in our order. */
interface StreamingReaderParts {
  properties: { model: { date1904: boolean } };
  sharedStrings?: unknown[];
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(
    text: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

const EMPTY_ROW: readonly unknown[] = Object.freeze([]);
// A formula the file holds without the value Excel computed for it.
const UNCALCULATED = Symbol('uncalculated');

interface Uncalculated {
  count: number;
  first?: { sheet: string; cell: string; formula: string };
}

class CellReader {
  private readonly exceljs: StreamingReaderParts;
  private prepared?: Promise<void>;

  constructor(
    private readonly pkg: WorkbookPackage,
    private readonly shownAs: string,
  ) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader('', {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // date cells are told by their number format
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    this.exceljs = reader as unknown as StreamingReaderParts;
    for (const method of ['_parseStyles', '_parseSharedStrings', '_parseWorksheet'] as const) {
      if (typeof this.exceljs[method] !== 'function') throw new Error(`exceljs WorkbookReader lacks ${method}`);
    }
    this.exceljs.properties = { model: { date1904: pkg.date1904 } };
  }

  /** Styles and shared strings, read once before the first sheet. */
  private prepare(): Promise<void> {
    this.prepared ??= (async () => {
      const { styles, sharedStrings, zip } = this.pkg;
      if (styles) await this.exceljs._parseStyles(Readable.from(zip.textChunks(styles)));
      if (sharedStrings) {
        for await (const _ of this.exceljs._parseSharedStrings(Readable.from(zip.textChunks(sharedStrings))));
      }
      this.exceljs.sharedStrings ??= [];
    })();
    return this.prepared;
  }

  private async *rows(part: SheetPart): AsyncGenerator<ExcelJS.Row> {
    if (!part.entry) return; // a chart sheet
    await this.prepare();
    const emitted = this.exceljs._parseWorksheet(this.pkg.zip.textChunks(part.entry), '0').next();
    if (emitted.done) throw new ZipFormatError('worksheet reader not emitted');
    yield* emitted.value.value;
  }

  async firstRow(part: SheetPart | undefined): Promise<unknown[]> {
    if (!part) return [];
    const date1904 = this.pkg.date1904;
    for await (const row of this.rows(part)) {
      const cells: unknown[] = [];
      let any = false;
      row.eachCell((cell, col) => {
        const v = cellValue(cell, date1904);
        if (v === UNCALCULATED || v === null || v === '') return;
        cells[col - 1] = v;
        any = true;
      });
      if (any) return cells;
    }
    return [];
  }

  async sheet(part: SheetPart): Promise<SheetCells> {
    const date1904 = this.pkg.date1904;
    const totals = (await this.pkg.tablesOf(part)).flatMap(totalsRange);
    const values: unknown[][] = [];
    let firstRow = 0,
      firstColumn = Infinity;
    const uncalculated: Uncalculated = { count: 0 };
    const text = new OwnStrings();
    for await (const row of this.rows(part)) {
      const n = row.number;
      let cells: unknown[] | undefined;
      row.eachCell((cell, col) => {
        if (totals.length > 0 && totals.some((t) => n >= t.top && n <= t.bottom && col >= t.left && col <= t.right)) return;
        const v = cellValue(cell, date1904);
        if (v === UNCALCULATED) {
          if (uncalculated.count++ === 0) {
            uncalculated.first = { sheet: part.name, cell: `${columnLetter(col - 1)}${n}`, formula: cell.formula ?? '' };
          }
          return;
        }
        if (v === null || v === '') return;
        (cells ??= new Array<unknown>(row.cellCount))[col - 1] = typeof v === 'string' ? text.own(v) : v;
        if (col - 1 < firstColumn) firstColumn = col - 1;
      });
      if (!cells) continue;
      if (!firstRow) firstRow = n;
      while (values.length < n - firstRow) values.push(EMPTY_ROW as unknown[]);
      values.push(cells);
    }
    if (uncalculated.count > 0) throw notCalculated(this.shownAs, uncalculated);
    if (!firstRow) return { name: part.name, values: [], firstRow: 1, firstColumn: 0, ...(date1904 ? { date1904 } : {}) };
    if (firstColumn > 0) for (let i = 0; i < values.length; i++) values[i] = values[i]!.slice(firstColumn);
    return { name: part.name, values, firstRow, firstColumn, ...(date1904 ? { date1904 } : {}) };
  }
}

/**
 * Cell text as strings of their own. The XML parser hands out slices of the text chunk it read,
 * and V8 keeps a slice of 13 characters or more as a view that holds its whole chunk alive: a
 * copy costs the cell's own length instead. Values a register repeats (services, statuses) are
 * kept once.
 */
class OwnStrings {
  private readonly known = new Map<string, string>();

  own(text: string): string {
    const known = this.known.get(text);
    if (known !== undefined) return known;
    const copy = text.length < 13 ? text : (text + ' ').slice(0, -1);
    if (this.known.size < 20000) this.known.set(copy, copy);
    return copy;
  }
}

function notCalculated(shownAs: string, u: Uncalculated): RunError {
  const f = u.first!;
  const formula = f.formula ? ` (=${f.formula})` : '';
  const others = u.count > 1 ? ` och ${u.count - 1} till` : '';
  return new RunError(
    `Filen ${shownAs} har inte räknats om: formeln i bladet "${f.sheet}", cell ${f.cell}${formula}${others} saknar beräknat värde (filen är skapad av ett program som inte räknar). Öppna filen i Excel, spara den och kör sedan igen.`,
  );
}

/** One cell as the engine reads it; a formula gives the value Excel last computed. */
function cellValue(cell: ExcelJS.Cell, date1904: boolean): unknown {
  const type = cell.type;
  if (type === ExcelJS.ValueType.Null) return null;
  if (type === ExcelJS.ValueType.Number || type === ExcelJS.ValueType.Date) return cell.value;
  if (type === ExcelJS.ValueType.String) return cell.value;
  const value = cell.value as unknown;
  // exceljs keeps a shared formula's copies (no formula text of their own) as plain objects.
  if (type === ExcelJS.ValueType.Formula || (value !== null && typeof value === 'object' && 'formula' in value)) {
    const result = type === ExcelJS.ValueType.Formula ? (cell.result as unknown) : (value as { result?: unknown }).result;
    if (result === undefined) return UNCALCULATED;
    // The streaming reader keeps an error result (#SAKNAS!) as NaN: show the formula instead.
    if (typeof result === 'number' && Number.isNaN(result)) return `=${cell.formula ?? ''}`;
    if (typeof result === 'number' && isDateFormat(cell.numFmt)) {
      const day = dayFromExcelSerial(result, date1904);
      return day === undefined ? result : dayToUtcDate(day);
    }
    return result;
  }
  return plainCellValue(value);
}

/** A number format that shows a date (as exceljs tells date cells): y, m, d, h, s outside quotes. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhsb]/i.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')) && !/^general$/i.test(format);
}

interface CellBox {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The total rows at the bottom of a table, 1-based rows and columns. */
function totalsRange(table: TablePart): CellBox[] {
  if (table.totalsRowCount <= 0) return [];
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(table.ref.trim());
  if (!m) return [];
  const bottom = Number(m[4]);
  return [
    {
      top: bottom - table.totalsRowCount + 1,
      bottom,
      left: columnNumber(m[1]!),
      right: columnNumber(m[3]!),
    },
  ];
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
