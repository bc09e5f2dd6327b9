// A strict in-memory fake of the Excel JavaScript API subset the VT-avgifter workbook adapter
// needs, for unit tests (Node) and the browser test (bundled into the page instead of Excel).
//
// What it models, like Office.js:
//  - Excel.run(batch) hands out a RequestContext; batch must return a promise; the context is
//    dead afterwards; pending actions are sent by a final sync.
//  - Writes and method calls are queued and applied at context.sync(), in order. A failing
//    action rejects the sync; earlier actions of that batch stay applied (no rollback).
//  - Reading a property before load(...) + sync() throws PropertyNotLoaded.
//  - Ranges return raw stored values: dates are serial numbers (in the workbook's date system, 1900
//    or 1904, as Excel stores them), empty cells are "".
//  - Text written to a non-text cell is parsed like typing ("0123" -> 123, "2025-01-31" -> a date
//    serial), so number formats ("@") must be set before values to keep text as text.
//  - Each sync records its request and response payload size (UTF-8 bytes of the JSON of the queued
//    arguments / loaded values); over the limit (default 5 000 000 bytes) the sync throws
//    RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded like Excel on the web.
//  - Events: Worksheet.onChanged (values written), WorksheetCollection.onAdded/onDeleted and
//    onNameChanged, delivered after the sync that made the change (events.ts); a host below an
//    event's ExcelApi version (option excelApi) refuses it. Excel.run(context, batch) re-enters
//    an earlier run's context, as removing an event handler needs.
//  - Application.calculate is recorded in `calculations`.
//
// What it does not model: formulas (workbook.functions knows DATE only), fonts, borders, other
// events, undo, table auto-expansion, tables without headers, locale-specific display text
// (Range.text is en-US style), the 1904 date system beyond DATE() (text and typed dates stay 1900).
//
// Files: address.ts (A1 addresses), model.ts (workbook state, value parsing, display text),
// proxies by Office.js object: proxy.ts (host interface, base proxy, collections), context.ts
// (RequestContext), workbook.ts (workbook, application, settings), worksheet.ts, range.ts, table.ts,
// events.ts; functions.ts (workbook.functions); errors.ts. No Node imports anywhere, so it bundles
// for a browser.
import { type Rect, parseA1, qualifiedAddress, rectToA1, splitSheet } from './excel-fake/address.js';
import { FakeRequestContext } from './excel-fake/context.js';
import type { ExecState, FakeClientObject, FakeHost, FakeLimits, QueuedAction, RequestRecord } from './excel-fake/proxy.js';
import { FakeOfficeError } from './excel-fake/errors.js';
import { FakeEventHub } from './excel-fake/events.js';
import { type CellValue, GENERAL, type SheetModel, WorkbookModel, formatText, toSerial, utf8Length } from './excel-fake/model.js';

export { FakeOfficeError } from './excel-fake/errors.js';
export type { FakeErrorCode } from './excel-fake/errors.js';
export type { FakeEventHub, FakeEventName, FakeEventOccurrence } from './excel-fake/events.js';
export type { CellValue } from './excel-fake/model.js';
export { fromSerial, toSerial } from './excel-fake/model.js';
export type { FakeLimits, RequestRecord } from './excel-fake/proxy.js';
export type { FakeRequestContext } from './excel-fake/context.js';
export type { FakeRange } from './excel-fake/range.js';
export type { FakeTable } from './excel-fake/table.js';
export type { FakeWorkbook } from './excel-fake/workbook.js';
export type { FakeWorksheet } from './excel-fake/worksheet.js';

/** The payload limit Excel on the web enforces per request and per response ("5 MB"; read strictly). */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5_000_000;

export interface FakeExcelOptions {
  /** Number formats per sheet, same shape as the values (null or missing = General). */
  numberFormats?: Record<string, (string | null | undefined)[][]>;
  /** Name of the sheet that starts active (default: the first). */
  activeSheet?: string;
  /** The workbook uses the 1904 date system; seed its date cells as 1904 serials. */
  date1904?: boolean;
  limits?: Partial<FakeLimits>;
  /** The highest ExcelApi requirement set the host supports (default 1.17): events above it are refused. */
  excelApi?: string;
}

/** A rows x columns grid read back from the fake. */
export type Grid<T> = T[][];

export class FakeExcel implements FakeHost {
  readonly model = new WorkbookModel();
  readonly limits: FakeLimits;
  /** One entry per sync, in order. */
  readonly requests: RequestRecord[] = [];
  /** Number of Excel.run calls. */
  runCount = 0;
  readonly events: FakeEventHub;
  readonly calculations: string[] = [];

  constructor(sheets: Record<string, unknown[][]> = { Sheet1: [] }, options: FakeExcelOptions = {}) {
    this.limits = {
      requestBytes: EXCEL_WEB_PAYLOAD_LIMIT,
      responseBytes: EXCEL_WEB_PAYLOAD_LIMIT,
      cellsPerLoad: 5_000_000,
      ...options.limits,
    };
    this.events = new FakeEventHub(() => options.excelApi ?? '1.17');
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = this.model.addSheet(name);
      seedSheet(sheet, rows, options.numberFormats?.[name]);
    }
    if (this.model.sheets.length === 0) this.model.addSheet('Sheet1');
    if (options.activeSheet !== undefined) this.model.activeSheet = this.sheet(options.activeSheet);
    this.model.date1904 = options.date1904 ?? false;
  }

  // -------------------------------------------------------------------------------------------
  // The Excel API surface
  // -------------------------------------------------------------------------------------------

  /**
   * Excel.run(batch), Excel.run(options, batch), or Excel.run(context, batch) with the context of
   * an earlier run (e.g. an event handler result's). Running against existing objects
   * (Excel.run(range, batch)) is not modelled.
   */
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  run<T>(options: object, batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  async run<T>(...args: unknown[]): Promise<T> {
    const batch = (typeof args[0] === 'function' ? args[0] : args[1]) as ((ctx: FakeRequestContext) => unknown) | undefined;
    if (typeof batch !== 'function') throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function.');
    if (typeof args[0] === 'object' && args[0] !== null && 'context' in args[0]) {
      throw new FakeOfficeError('NotImplemented', 'Excel.run(object, batch) is not supported by the fake.');
    }
    let ctx: FakeRequestContext;
    if (args[0] instanceof FakeRequestContext) {
      if (args[0].host !== this)
        throw new FakeOfficeError('InvalidArgument', 'Excel.run was given a context of another workbook.');
      ctx = args[0];
      ctx.reopen();
    } else {
      ctx = new FakeRequestContext(this);
    }
    this.runCount++;
    try {
      const pending = batch(ctx);
      if (!pending || typeof (pending as Promise<unknown>).then !== 'function') {
        throw new FakeOfficeError('RunMustReturnPromise', 'The batch function passed to Excel.run must return a promise.');
      }
      const result = (await pending) as T;
      if (ctx.hasPending) await ctx.sync();
      return result;
    } finally {
      ctx.close();
    }
  }

  /** @internal Called by context.sync(). */
  execute(actions: QueuedAction[], created: FakeClientObject<unknown>[]): void {
    const record: RequestRecord = {
      index: this.requests.length + 1,
      requestBytes: 0,
      responseBytes: 0,
      actions: actions.length,
      suspendedCalculation: false,
    };
    this.requests.push(record);
    const fail = (err: unknown): never => {
      record.error = err instanceof FakeOfficeError ? err.code : String(err);
      throw err;
    };
    record.requestBytes = utf8Length(JSON.stringify(actions.map((a) => [a.name, a.payload ?? null])));
    if (record.requestBytes > this.limits.requestBytes) {
      fail(
        new FakeOfficeError(
          'RequestPayloadSizeLimitExceeded',
          `The request payload of sync #${record.index} is ${record.requestBytes} bytes, over the limit of ${this.limits.requestBytes}. Split the writes into smaller chunks.`,
        ),
      );
    }
    const responses: { payload: unknown; deliver: () => void }[] = [];
    const exec: ExecState = { record, respond: (payload, deliver) => responses.push({ payload, deliver }) };
    try {
      for (const action of actions) {
        try {
          action.run(exec);
        } catch (err) {
          fail(err);
        }
      }
    } finally {
      this.events.flush(); // what was applied stays applied, failed sync or not
    }
    record.responseBytes = utf8Length(JSON.stringify(responses.map((r) => r.payload ?? null)));
    if (record.responseBytes > this.limits.responseBytes) {
      fail(
        new FakeOfficeError(
          'ResponsePayloadSizeLimitExceeded',
          `The response payload of sync #${record.index} is ${record.responseBytes} bytes, over the limit of ${this.limits.responseBytes}. Load the range in smaller chunks.`,
        ),
      );
    }
    for (const r of responses) r.deliver();
    for (const obj of created) obj._isNull = obj._model === null;
  }

  // -------------------------------------------------------------------------------------------
  // Counters
  // -------------------------------------------------------------------------------------------

  get syncCount(): number {
    return this.requests.length;
  }

  get maxRequestBytes(): number {
    return this.requests.reduce((max, r) => Math.max(max, r.requestBytes), 0);
  }

  get maxResponseBytes(): number {
    return this.requests.reduce((max, r) => Math.max(max, r.responseBytes), 0);
  }

  /** Forget recorded syncs and runs, e.g. after arranging a test's workbook. */
  resetStats(): void {
    this.requests.length = 0;
    this.runCount = 0;
  }

  // -------------------------------------------------------------------------------------------
  // Test helpers: read the workbook directly, outside any sync
  // -------------------------------------------------------------------------------------------

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  activeSheetName(): string | undefined {
    return this.model.activeSheet?.name;
  }

  /** Raw values from A1 to the last used cell (or of `address`). An empty sheet gives []. */
  values(sheetName: string, address?: string): Grid<CellValue> {
    const sheet = this.sheet(sheetName);
    return mapRect(this.rectFor(sheet, address), (r, c) => sheet.value(r, c));
  }

  /** Number formats over the same area as values(). */
  numberFormats(sheetName: string, address?: string): Grid<string> {
    const sheet = this.sheet(sheetName);
    return mapRect(this.rectFor(sheet, address), (r, c) => sheet.format(r, c));
  }

  /** Display text (en-US style) over the same area as values(). */
  texts(sheetName: string, address?: string): Grid<string> {
    const sheet = this.sheet(sheetName);
    return mapRect(this.rectFor(sheet, address), (r, c) => formatText(sheet.value(r, c), sheet.format(r, c)));
  }

  /** Fill colour of one cell, undefined without fill. */
  fillColor(sheetName: string, cell: string): string | undefined {
    const rect = parseA1(cell);
    return this.sheet(sheetName).fill(rect.row, rect.column);
  }

  columnWidth(sheetName: string, column: number): number {
    return this.sheet(sheetName).columnWidth(column);
  }

  frozenRows(sheetName: string): number {
    return this.sheet(sheetName).frozenRows;
  }

  tables(): { name: string; sheet: string; address: string; style: string; headers: string[] }[] {
    return this.model.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: rectToA1(t.rect),
      style: t.style,
      headers: Array.from({ length: t.rect.columnCount }, (_, i) => String(t.sheet.value(t.rect.row, t.rect.column + i))),
    }));
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries([...this.model.settings].map(([k, json]) => [k, JSON.parse(json) as unknown]));
  }

  /** The selected range as "Sheet!A1" style address, or undefined. */
  selection(): string | undefined {
    const sel = this.model.selection;
    return sel ? qualifiedAddress(sel.sheet.name, sel.rect) : undefined;
  }

  private sheet(name: string): SheetModel {
    const sheet = this.model.sheetByName(name);
    if (!sheet) throw new Error(`fake workbook has no sheet "${name}" (has: ${this.sheetNames().join(', ')})`);
    return sheet;
  }

  private rectFor(sheet: SheetModel, address?: string): Rect | undefined {
    if (address !== undefined) return parseA1(splitSheet(address).cells);
    const used = sheet.usedRect(false);
    if (!used) return undefined;
    return { row: 0, column: 0, rowCount: used.row + used.rowCount, columnCount: used.column + used.columnCount };
  }
}

function mapRect<T>(rect: Rect | undefined, cell: (r: number, c: number) => T): Grid<T> {
  if (!rect) return [];
  return Array.from({ length: rect.rowCount }, (_, r) =>
    Array.from({ length: rect.columnCount }, (_, c) => cell(rect.row + r, rect.column + c)),
  );
}

/** Stores test data as-is (no typing-style parsing); a Date becomes a serial with a date format. */
function seedSheet(sheet: SheetModel, rows: unknown[][], formats?: (string | null | undefined)[][]): void {
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const where = `${sheet.name}!${rectToA1({ row: r, column: c, rowCount: 1, columnCount: 1 })}`;
      if (value === null || value === undefined || value === '') return;
      if (value instanceof Date) {
        sheet.setValue(r, c, toSerial(value));
        sheet.setFormat(r, c, 'yyyy-mm-dd');
      } else if (
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value))
      ) {
        sheet.setValue(r, c, value);
      } else {
        throw new TypeError(`createFakeExcel: ${where} holds ${String(value)}; use string, number, boolean or Date.`);
      }
    }),
  );
  formats?.forEach((row, r) =>
    row.forEach((format, c) => {
      if (typeof format === 'string' && format !== GENERAL) sheet.setFormat(r, c, format);
    }),
  );
}

/** Creates a fake workbook: `createFakeExcel({ Register: [["Personnummer", ...], [...]] })`. */
export function createFakeExcel(sheets?: Record<string, unknown[][]>, options?: FakeExcelOptions): FakeExcel {
  return new FakeExcel(sheets, options);
}

/** The object to use where code expects the global `Excel` namespace. */
export function excelNamespace(fake: FakeExcel): typeof Excel {
  const ns = {
    run: (...args: unknown[]) => (fake.run as (...a: unknown[]) => Promise<unknown>)(...args),
    ErrorCodes: {
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
      notImplemented: 'NotImplemented',
      rangeExceedsLimit: 'RangeExceedsLimit',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    },
  };
  return ns as unknown as typeof Excel;
}

/** A minimal `Office` namespace: enough for Office.onReady and ribbon/functions registration. */
export function officeNamespace(): typeof Office {
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const ns = {
    onReady: (callback?: (i: typeof info) => void) =>
      Promise.resolve().then(() => {
        callback?.(info);
        return info;
      }),
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      displayLanguage: 'sv-SE',
      contentLanguage: 'sv-SE',
      requirements: { isSetSupported: () => true },
    },
    actions: { associate: () => undefined },
    addin: {
      showAsTaskpane: () => Promise.resolve(),
      hide: () => Promise.resolve(),
      onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
    },
  };
  return ns as unknown as typeof Office;
}

/**
 * Installs the fake as the globals a built task pane uses (Excel, Office, OfficeExtension,
 * CustomFunctions) on `target` (globalThis by default, or a browser window). Returns an
 * uninstall function that restores what was there. Pass { office: false } to keep a real
 * office.js `Office` and replace only `Excel`.
 */
export function installFakeOffice(fake: FakeExcel, target: object = globalThis, options: { office?: boolean } = {}): () => void {
  const t = target as Record<string, unknown>;
  const names = ['Excel', 'Office', 'OfficeExtension', 'CustomFunctions'] as const;
  const saved = new Map(names.map((n) => [n, { had: n in t, value: t[n] }]));
  t.Excel = excelNamespace(fake);
  if (options.office !== false) {
    t.Office = officeNamespace();
    t.OfficeExtension = { Error: FakeOfficeError };
    t.CustomFunctions = { associate: () => undefined };
  }
  return () => {
    for (const [name, prev] of saved) {
      if (prev.had) t[name] = prev.value;
      else delete t[name];
    }
  };
}
