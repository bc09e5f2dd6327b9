// Client-side proxies of the Excel fake, behaving like Office.js:
//  - methods and property writes only queue actions; the workbook changes at context.sync();
//  - reading a property needs load(...) and a sync first, otherwise PropertyNotLoaded is thrown;
//  - objects returned by getItem/getRange/... are resolved in queue order at sync time, so a
//    missing sheet surfaces as ItemNotFound from sync(), and *OrNullObject gives isNullObject;
//  - every sync is recorded with the byte size of its request and response payloads.
import { MAX_COLUMNS, MAX_ROWS, type Rect, checked, parseA1, qualifiedAddress, splitSheet } from './address.js';
import { FakeOfficeError } from './errors.js';
import {
  type CellValue,
  NO_FILL,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
  coerceInput,
  formatText,
  valueType,
} from './model.js';

// ---------------------------------------------------------------------------------------------
// Host interface the proxies need (implemented by FakeExcel in ../excel-fake.ts)
// ---------------------------------------------------------------------------------------------

export interface FakeLimits {
  /** Largest request payload in bytes (Excel on the web rejects requests over 5 MB). */
  requestBytes: number;
  /** Largest response payload in bytes (Excel on the web has the same 5 MB limit for responses). */
  responseBytes: number;
  /** Largest number of cells one load of values/text/numberFormat may touch (a guard of the fake). */
  cellsPerLoad: number;
}

export interface RequestRecord {
  /** 1-based number of this sync within the fake's life (or since resetStats). */
  index: number;
  requestBytes: number;
  responseBytes: number;
  actions: number;
  suspendedCalculation: boolean;
  error?: string;
}

export interface FakeHost {
  readonly model: WorkbookModel;
  readonly limits: FakeLimits;
  /** Called by context.sync(): records the request, runs the actions, delivers loaded values. */
  execute(actions: QueuedAction[], created: FakeClientObject<unknown>[]): void;
}

export interface ExecState {
  record: RequestRecord;
  /** Adds a loaded value to the response; `deliver` runs only if the whole sync succeeds. */
  respond(payload: unknown, deliver: () => void): void;
}

export interface QueuedAction {
  name: string;
  payload: unknown;
  run: (exec: ExecState) => void;
}

type LoadOption = string | string[] | { select?: string | string[] } | undefined;

function propList(props: LoadOption): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string')
    return props
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
  if (Array.isArray(props)) return props.flatMap((p) => propList(p));
  return propList(props.select);
}

// ---------------------------------------------------------------------------------------------
// Request context
// ---------------------------------------------------------------------------------------------

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  /** @internal */ readonly host: FakeHost;
  private queue: QueuedAction[] = [];
  private created: FakeClientObject<unknown>[] = [];
  private closed = false;

  constructor(host: FakeHost) {
    this.host = host;
    this.workbook = new FakeWorkbook(this, () => host.model);
    this.application = this.workbook.application;
  }

  /** Sends the queued actions, like Office.js: asynchronous, rejects with the first failing action. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    this.assertOpen();
    const actions = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    await Promise.resolve(); // a real sync is a round trip; never complete synchronously
    this.host.execute(actions, created);
    return passThroughValue as T;
  }

  /** @internal */ enqueue(name: string, payload: unknown, run: (exec: ExecState) => void): void {
    this.assertOpen();
    this.queue.push({ name, payload, run });
  }

  /** @internal */ track(obj: FakeClientObject<unknown>): void {
    this.created.push(obj);
  }

  /** @internal */ get hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** @internal */ close(): void {
    this.closed = true;
    this.queue = [];
  }

  /** @internal */ assertOpen(): void {
    if (this.closed) {
      throw new FakeOfficeError(
        'InvalidRequestContext',
        'This request context belongs to an Excel.run that has finished; objects cannot be used outside their Excel.run.',
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Base proxy
// ---------------------------------------------------------------------------------------------

export abstract class FakeClientObject<M> {
  /** @internal Resolved model: undefined = not resolved yet, null = a null object. */
  _model: M | null | undefined = undefined;
  /** @internal Known after the sync that resolved the object. */
  _isNull: boolean | undefined;
  protected readonly _loaded = new Map<string, unknown>();
  protected abstract readonly _typeName: string;
  /** Scalar properties load() accepts. */
  protected abstract readonly _scalars: readonly string[];

  constructor(
    protected readonly _ctx: FakeRequestContext,
    private readonly _resolver: () => M | null,
    /** true for objects returned by methods (resolved in queue order); false for navigation properties. */
    private readonly _created: boolean,
  ) {
    if (_created) _ctx.track(this as FakeClientObject<unknown>);
    else this._isNull = false;
  }

  /** The request context this object belongs to (Office.js exposes it as `context`). */
  get context(): FakeRequestContext {
    return this._ctx;
  }

  /** True when an *OrNullObject method found nothing. Readable only after a sync. */
  get isNullObject(): boolean {
    if (this._isNull === undefined) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `${this._typeName}.isNullObject is not known until context.sync() has run after the object was requested.`,
      );
    }
    return this._isNull;
  }

  load(props?: LoadOption): this {
    this._ctx.assertOpen();
    const wanted: string[] = [];
    for (const p of propList(props).length > 0 ? propList(props) : [...this._scalars]) {
      const [head = '', ...rest] = p.split('/');
      const nav = this._navigation(head);
      if (nav) {
        nav.load(rest.length > 0 ? rest.join('/') : undefined);
        continue;
      }
      if (rest.length > 0 || !this._scalars.includes(head)) {
        throw new FakeOfficeError(
          'InvalidArgument',
          `${this._typeName} has no property '${p}' in the fake (loadable: ${this._scalars.join(', ') || 'none'}).`,
        );
      }
      wanted.push(head);
    }
    if (wanted.length > 0) {
      this._ctx.enqueue(`${this._typeName}.load`, wanted, (exec) => {
        const model = this._modelOrNull(`${this._typeName}.load`);
        const snap = model === null ? Object.fromEntries(wanted.map((p) => [p, null])) : this._snapshotOf(model, wanted);
        exec.respond(snap, () => this._deliver(snap));
      });
    }
    return this;
  }

  /** Loaded properties as a plain object, like Office.js toJSON(). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** @internal Runs the resolver now (at the creation action's turn in the queue). */
  _bind(): void {
    this._model = this._resolver();
  }

  /** @internal */ _snapshotOf(model: M, props: readonly string[]): Record<string, unknown> {
    const snap: Record<string, unknown> = {};
    for (const p of props.length > 0 ? props : this._scalars) snap[p] = this._snapshot(model, p);
    return snap;
  }

  /** @internal */ _deliver(snap: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(snap)) this._loaded.set(k, v);
  }

  /** @internal */ get _scalarNames(): readonly string[] {
    return this._scalars;
  }

  /** Value of one scalar property, computed from the model at sync time. */
  protected abstract _snapshot(model: M, prop: string): unknown;

  /** Navigation properties that load("x/y") may go through. */
  protected _navigation(_name: string): FakeClientObject<unknown> | undefined {
    return undefined;
  }

  /** Whether a resolved model still exists (a deleted sheet does not). */
  protected _alive(_model: M): boolean {
    return true;
  }

  protected _modelOrNull(where: string): M | null {
    const m = this._created ? this._model : this._resolver();
    if (m === undefined) {
      // Its creation failed in an earlier sync (e.g. getItem of a missing sheet).
      throw new FakeOfficeError(
        'InvalidObjectPath',
        `${where}: the ${this._typeName} was never resolved; the sync that created it failed.`,
      );
    }
    if (m !== null && !this._alive(m)) {
      throw new FakeOfficeError('ItemNotFound', `${where}: the ${this._typeName} no longer exists (it was deleted).`);
    }
    return m;
  }

  /** @internal The model, or ItemNotFound if this is a null object. */
  _modelNow(where: string): M {
    const m = this._modelOrNull(where);
    if (m === null) {
      throw new FakeOfficeError(
        'ItemNotFound',
        `${where}: the ${this._typeName} is a null object (the *OrNullObject call found nothing).`,
      );
    }
    return m;
  }

  protected _get<T>(prop: string): T {
    if (this._isNull === true) return null as T;
    if (!this._loaded.has(prop)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' of ${this._typeName} is not loaded. Call load("${prop}") and await context.sync() before reading it.`,
      );
    }
    return this._loaded.get(prop) as T;
  }

  /** Queues a property write; like Office.js the local copy shows the written value at once. */
  protected _set(prop: string, value: unknown, apply: (model: M) => void): void {
    const where = `${this._typeName}.${prop}`;
    this._ctx.enqueue(where, value, () => apply(this._modelNow(where)));
    this._loaded.set(prop, value);
  }

  protected _call(method: string, payload: unknown, apply: (model: M) => void): void {
    const where = `${this._typeName}.${method}`;
    this._ctx.enqueue(where, payload, () => apply(this._modelNow(where)));
  }

  /** Returns a new object resolved when its creation action runs during sync. */
  protected _spawn<C extends FakeClientObject<unknown>>(method: string, payload: unknown, child: C): C {
    this._ctx.enqueue(`${this._typeName}.${method}`, payload, () => child._bind());
    return child;
  }
}

/** A value returned by a method such as getCount(); readable after sync. */
export class FakeClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  get value(): T {
    if (!this.loaded) {
      throw new FakeOfficeError(
        'ValueNotLoaded',
        'The value of this ClientResult is not available until context.sync() has run.',
      );
    }
    return this.result as T;
  }

  /** @internal */ _set(value: T): void {
    this.result = value;
    this.loaded = true;
  }
}

abstract class FakeCollection<M, IM, I extends FakeClientObject<IM>> extends FakeClientObject<M> {
  protected readonly _scalars: readonly string[] = [];
  protected abstract _itemModels(model: M): IM[];
  protected abstract _makeItem(model: IM): I;
  protected abstract readonly _itemScalars: readonly string[];

  get items(): I[] {
    return this._get<I[]>('items');
  }

  /** load("items"), load("items/name") and load("name") all load the items, as in Office.js. */
  override load(props?: LoadOption): this {
    this._ctx.assertOpen();
    const wanted = propList(props)
      .map((p) => (p.startsWith('items/') ? p.slice('items/'.length) : p))
      .filter((p) => p !== 'items' && p !== '$all');
    for (const p of wanted) {
      if (!this._itemScalars.includes(p)) {
        throw new FakeOfficeError(
          'InvalidArgument',
          `${this._typeName} items have no property '${p}' in the fake (loadable: ${this._itemScalars.join(', ')}).`,
        );
      }
    }
    this._ctx.enqueue(`${this._typeName}.load`, wanted, (exec) => {
      const models = this._itemModels(this._modelNow(`${this._typeName}.load`));
      const items = models.map((im) => {
        const item = this._makeItem(im);
        item._model = im;
        item._isNull = false;
        return item;
      });
      const snaps = models.map((im, i) => (items[i] as I)._snapshotOf(im, wanted));
      exec.respond(snaps, () => {
        items.forEach((item, i) => item._deliver(snaps[i] ?? {}));
        this._loaded.set('items', items);
      });
    });
    return this;
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this._ctx.enqueue(`${this._typeName}.getCount`, null, (exec) => {
      const n = this._itemModels(this._modelNow(`${this._typeName}.getCount`)).length;
      exec.respond(n, () => result._set(n));
    });
    return result;
  }

  protected override _snapshot(): unknown {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, settings
// ---------------------------------------------------------------------------------------------

export class FakeWorkbook extends FakeClientObject<WorkbookModel> {
  protected readonly _typeName = 'Workbook';
  protected readonly _scalars: readonly string[] = [];
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(ctx: FakeRequestContext, resolver: () => WorkbookModel) {
    super(ctx, resolver, false);
    this.worksheets = new FakeWorksheetCollection(ctx, resolver);
    this.settings = new FakeSettingCollection(ctx, resolver);
    this.tables = new FakeTableCollection(ctx, () => ({ wb: resolver() }));
    this.application = new FakeApplication(ctx, resolver);
  }

  /** The selected range; A1 of the active sheet when nothing was selected. */
  getSelectedRange(): FakeRange {
    const wb = () => this._modelNow('Workbook.getSelectedRange');
    return this._spawn(
      'getSelectedRange',
      null,
      new FakeRange(this._ctx, () => {
        const m = wb();
        const sel = m.selection;
        if (sel) return { sheet: sel.sheet, rect: sel.rect };
        const sheet = m.activeSheet ?? m.sheets[0];
        if (!sheet) throw new FakeOfficeError('ItemNotFound', 'The workbook has no worksheet.');
        return { sheet, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
      }),
    );
  }

  protected _snapshot(): unknown {
    return undefined;
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    const nav: Record<string, FakeClientObject<unknown>> = {
      worksheets: this.worksheets as FakeClientObject<unknown>,
      settings: this.settings as FakeClientObject<unknown>,
      tables: this.tables as FakeClientObject<unknown>,
      application: this.application as FakeClientObject<unknown>,
    };
    return nav[name];
  }
}

export class FakeApplication extends FakeClientObject<WorkbookModel> {
  protected readonly _typeName = 'Application';
  protected readonly _scalars: readonly string[] = ['calculationMode'];

  constructor(ctx: FakeRequestContext, resolver: () => WorkbookModel) {
    super(ctx, resolver, false);
  }

  /** Recorded on the request it belongs to (RequestRecord.suspendedCalculation). */
  suspendApiCalculationUntilNextSync(): void {
    this._ctx.enqueue('Application.suspendApiCalculationUntilNextSync', null, (exec) => {
      exec.record.suspendedCalculation = true;
    });
  }

  /** Recorded as an action only: the fake has no formulas to recalculate. */
  calculate(calculationType: string): void {
    this._ctx.enqueue('Application.calculate', [calculationType], () => {
      if (!['Recalculate', 'Full', 'FullRebuild'].includes(calculationType)) {
        throw new FakeOfficeError('InvalidArgument', `Application.calculate: unknown calculation type "${calculationType}".`);
      }
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._ctx.enqueue('Application.suspendScreenUpdatingUntilNextSync', null, () => undefined);
  }

  get calculationMode(): string {
    return this._get('calculationMode');
  }

  protected _snapshot(): unknown {
    return 'Automatic';
  }
}

export class FakeSettingCollection extends FakeCollection<WorkbookModel, string, FakeSetting> {
  protected readonly _typeName = 'SettingCollection';
  protected readonly _itemScalars = ['key', 'value'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => WorkbookModel) {
    super(ctx, resolver, false);
  }

  add(key: string, value: unknown): FakeSetting {
    const json = JSON.stringify(value);
    return this._spawn(
      'add',
      [key, value],
      new FakeSetting(this._ctx, () => {
        if (typeof key !== 'string' || key.length === 0)
          throw new FakeOfficeError('InvalidArgument', 'A setting key must be a non-empty string.');
        if (json === undefined) throw new FakeOfficeError('InvalidArgument', `Setting "${key}" must be JSON-serialisable.`);
        this._modelNow('SettingCollection.add').settings.set(key, json);
        return key;
      }),
    );
  }

  getItem(key: string): FakeSetting {
    return this._spawn(
      'getItem',
      [key],
      new FakeSetting(this._ctx, () => {
        if (!this._modelNow('SettingCollection.getItem').settings.has(key)) {
          throw new FakeOfficeError('ItemNotFound', `No setting "${key}".`);
        }
        return key;
      }),
    );
  }

  getItemOrNullObject(key: string): FakeSetting {
    return this._spawn(
      'getItemOrNullObject',
      [key],
      new FakeSetting(this._ctx, () => (this._modelNow('SettingCollection.getItemOrNullObject').settings.has(key) ? key : null)),
    );
  }

  protected _itemModels(model: WorkbookModel): string[] {
    return [...model.settings.keys()];
  }

  protected _makeItem(key: string): FakeSetting {
    return new FakeSetting(this._ctx, () => key, true);
  }
}

export class FakeSetting extends FakeClientObject<string> {
  protected readonly _typeName = 'Setting';
  protected readonly _scalars = ['key', 'value'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => string | null, created = true) {
    super(ctx, resolver, created);
  }

  get key(): string {
    return this._get('key');
  }

  get value(): unknown {
    return this._get('value');
  }

  set value(v: unknown) {
    const json = JSON.stringify(v);
    this._set('value', v, (key) => {
      if (json === undefined) throw new FakeOfficeError('InvalidArgument', `Setting "${key}" must be JSON-serialisable.`);
      this._ctx.host.model.settings.set(key, json);
    });
  }

  delete(): void {
    this._call('delete', null, (key) => this._ctx.host.model.settings.delete(key));
  }

  protected override _alive(key: string): boolean {
    return this._ctx.host.model.settings.has(key);
  }

  protected _snapshot(key: string, prop: string): unknown {
    if (prop === 'key') return key;
    return JSON.parse(this._ctx.host.model.settings.get(key) ?? 'null') as unknown;
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------

export class FakeWorksheetCollection extends FakeCollection<WorkbookModel, SheetModel, FakeWorksheet> {
  protected readonly _typeName = 'WorksheetCollection';
  protected readonly _itemScalars = FakeWorksheet.scalars;

  constructor(ctx: FakeRequestContext, resolver: () => WorkbookModel) {
    super(ctx, resolver, false);
  }

  /** By name (case-insensitive, as Excel) or id; ItemNotFound at sync if missing. */
  getItem(key: string): FakeWorksheet {
    return this._spawn(
      'getItem',
      [key],
      new FakeWorksheet(this._ctx, () => {
        const sheet = this._modelNow('WorksheetCollection.getItem').sheetByKey(key);
        if (!sheet) throw new FakeOfficeError('ItemNotFound', `There is no worksheet named "${key}".`);
        return sheet;
      }),
    );
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this._spawn(
      'getItemOrNullObject',
      [key],
      new FakeWorksheet(this._ctx, () => this._modelNow('WorksheetCollection.getItemOrNullObject').sheetByKey(key) ?? null),
    );
  }

  add(name?: string): FakeWorksheet {
    return this._spawn(
      'add',
      [name ?? null],
      new FakeWorksheet(this._ctx, () => this._modelNow('WorksheetCollection.add').addSheet(name)),
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return this._spawn(
      'getActiveWorksheet',
      null,
      new FakeWorksheet(this._ctx, () => {
        const wb = this._modelNow('WorksheetCollection.getActiveWorksheet');
        const sheet = wb.activeSheet ?? wb.sheets[0];
        if (!sheet) throw new FakeOfficeError('ItemNotFound', 'The workbook has no worksheet.');
        return sheet;
      }),
    );
  }

  protected _itemModels(model: WorkbookModel): SheetModel[] {
    return [...model.sheets];
  }

  protected _makeItem(sheet: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this._ctx, () => sheet, true);
  }
}

export class FakeWorksheet extends FakeClientObject<SheetModel> {
  static readonly scalars = ['name', 'id', 'position', 'visibility'] as const;
  protected readonly _typeName = 'Worksheet';
  protected readonly _scalars = FakeWorksheet.scalars;
  readonly freezePanes: FakeFreezePanes;
  readonly tables: FakeTableCollection;

  constructor(ctx: FakeRequestContext, resolver: () => SheetModel | null, created = true) {
    super(ctx, resolver, created);
    this.freezePanes = new FakeFreezePanes(ctx, () => this._modelNow('Worksheet.freezePanes'));
    this.tables = new FakeTableCollection(ctx, () => ({ wb: ctx.host.model, sheet: this._modelNow('Worksheet.tables') }));
  }

  get name(): string {
    return this._get('name');
  }

  set name(value: string) {
    this._set('name', value, (sheet) => {
      this._ctx.host.model.validateSheetName(value, sheet);
      sheet.name = value;
    });
  }

  get id(): string {
    return this._get('id');
  }

  get position(): number {
    return this._get('position');
  }

  set position(value: number) {
    this._set('position', value, (sheet) => this._ctx.host.model.moveSheet(sheet, value));
  }

  get visibility(): string {
    return this._get('visibility');
  }

  /** getRange() without an address is the whole sheet, as in Office.js. */
  getRange(address?: string): FakeRange {
    return this._spawn(
      'getRange',
      [address ?? null],
      new FakeRange(this._ctx, () => {
        const sheet = this._modelNow('Worksheet.getRange');
        if (address === undefined) return { sheet, rect: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } };
        const { sheet: named, cells } = splitSheet(address);
        if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) {
          throw new FakeOfficeError('InvalidArgument', `Worksheet "${sheet.name}" cannot return a range on sheet "${named}".`);
        }
        return { sheet, rect: parseA1(cells) };
      }),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this._spawn(
      'getRangeByIndexes',
      [startRow, startColumn, rowCount, columnCount],
      new FakeRange(this._ctx, () => ({
        sheet: this._modelNow('Worksheet.getRangeByIndexes'),
        rect: checked(`(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`, startRow, startColumn, rowCount, columnCount),
      })),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this._spawn(
      'getCell',
      [row, column],
      new FakeRange(this._ctx, () => ({
        sheet: this._modelNow('Worksheet.getCell'),
        rect: checked(`(${row}, ${column})`, row, column, 1, 1),
      })),
    );
  }

  /** Like Office.js: on an empty sheet this is A1, not an error. */
  getUsedRange(valuesOnly = false): FakeRange {
    return this._spawn(
      'getUsedRange',
      [valuesOnly],
      new FakeRange(this._ctx, () => {
        const sheet = this._modelNow('Worksheet.getUsedRange');
        return { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
      }),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this._spawn(
      'getUsedRangeOrNullObject',
      [valuesOnly],
      new FakeRange(this._ctx, () => {
        const sheet = this._modelNow('Worksheet.getUsedRangeOrNullObject');
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      }),
    );
  }

  delete(): void {
    this._call('delete', null, (sheet) => this._ctx.host.model.deleteSheet(sheet));
  }

  activate(): void {
    this._call('activate', null, (sheet) => {
      this._ctx.host.model.activeSheet = sheet;
    });
  }

  protected override _alive(sheet: SheetModel): boolean {
    return this._ctx.host.model.sheets.includes(sheet);
  }

  protected _snapshot(sheet: SheetModel, prop: string): unknown {
    switch (prop) {
      case 'name':
        return sheet.name;
      case 'id':
        return sheet.id;
      case 'position':
        return this._ctx.host.model.sheets.indexOf(sheet);
      default:
        return 'Visible';
    }
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'tables') return this.tables as FakeClientObject<unknown>;
    return undefined;
  }
}

export class FakeFreezePanes extends FakeClientObject<SheetModel> {
  protected readonly _typeName = 'WorksheetFreezePanes';
  protected readonly _scalars: readonly string[] = [];

  constructor(ctx: FakeRequestContext, resolver: () => SheetModel) {
    super(ctx, resolver, false);
  }

  freezeRows(count = 1): void {
    this._call('freezeRows', [count], (sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS)
        throw new FakeOfficeError('InvalidArgument', `freezeRows(${count})`);
      sheet.frozenRows = count;
    });
  }

  freezeColumns(count = 1): void {
    this._call('freezeColumns', [count], (sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLUMNS)
        throw new FakeOfficeError('InvalidArgument', `freezeColumns(${count})`);
      sheet.frozenColumns = count;
    });
  }

  unfreeze(): void {
    this._call('unfreeze', null, (sheet) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }

  protected _snapshot(): unknown {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------

export interface RangeModel {
  sheet: SheetModel;
  rect: Rect;
}

function cellCount(rect: Rect): number {
  return rect.rowCount * rect.columnCount;
}

/** Applies a 2-D array (or one value for every cell) to a rectangle; null leaves a cell alone. */
function forEachInput(
  where: string,
  rect: Rect,
  input: unknown,
  each: (row: number, column: number, value: unknown) => void,
): void {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) throw new FakeOfficeError('InvalidArgument', `${where}: no value given.`);
    for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.columnCount; c++) each(rect.row + r, rect.column + c, input);
    return;
  }
  const rows = input as unknown[];
  const badShape = rows.length !== rect.rowCount || rows.some((row) => !Array.isArray(row) || row.length !== rect.columnCount);
  if (badShape) {
    const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : '?';
    throw new FakeOfficeError(
      'InvalidArgument',
      `${where}: the input array is ${rows.length}x${width} but the range is ${rect.rowCount}x${rect.columnCount}.`,
    );
  }
  rows.forEach((row, r) =>
    (row as unknown[]).forEach((value, c) => {
      if (value !== null) each(rect.row + r, rect.column + c, value);
    }),
  );
}

export class FakeRange extends FakeClientObject<RangeModel> {
  protected readonly _typeName = 'Range';
  protected readonly _scalars = [
    'address',
    'addressLocal',
    'values',
    'valueTypes',
    'numberFormat',
    'text',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'cellCount',
  ] as const;
  readonly format: FakeRangeFormat;

  constructor(ctx: FakeRequestContext, resolver: () => RangeModel | null, created = true) {
    super(ctx, resolver, created);
    this.format = new FakeRangeFormat(ctx, () => this._modelNow('Range.format'));
  }

  private _worksheet: FakeWorksheet | undefined;
  get worksheet(): FakeWorksheet {
    this._worksheet ??= new FakeWorksheet(this._ctx, () => this._modelNow('Range.worksheet').sheet, false);
    return this._worksheet;
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get values(): CellValue[][] {
    return this._get('values');
  }
  set values(input: unknown[][]) {
    this._set('values', input, (range) =>
      forEachInput('Range.values', range.rect, input, (r, c, v) => {
        const coerced = coerceInput(
          v,
          range.sheet.format(r, c),
          `Range.values at ${qualifiedAddress(range.sheet.name, { row: r, column: c, rowCount: 1, columnCount: 1 })}`,
        );
        range.sheet.setValue(r, c, coerced.value);
        if (coerced.impliedFormat) range.sheet.setFormat(r, c, coerced.impliedFormat);
      }),
    );
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this._set('numberFormat', input, (range) =>
      forEachInput('Range.numberFormat', range.rect, input, (r, c, v) => {
        if (typeof v !== 'string')
          throw new FakeOfficeError('InvalidArgument', `Range.numberFormat: formats must be strings, got ${typeof v}.`);
        range.sheet.setFormat(r, c, v);
      }),
    );
  }
  get text(): string[][] {
    return this._get('text');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }

  /** One row of this range (0-based within the range), as Office.js Range.getRow. */
  getRow(row: number): FakeRange {
    return this._spawn(
      'getRow',
      [row],
      new FakeRange(this._ctx, () => {
        const { sheet, rect } = this._modelNow('Range.getRow');
        if (!Number.isInteger(row) || row < 0 || row >= rect.rowCount) {
          throw new FakeOfficeError('InvalidArgument', `getRow(${row}) is outside a range of ${rect.rowCount} rows.`);
        }
        return { sheet, rect: { row: rect.row + row, column: rect.column, rowCount: 1, columnCount: rect.columnCount } };
      }),
    );
  }

  /** Cell relative to this range's top-left corner. */
  getCell(row: number, column: number): FakeRange {
    return this._spawn(
      'getCell',
      [row, column],
      new FakeRange(this._ctx, () => {
        const { sheet, rect } = this._modelNow('Range.getCell');
        return { sheet, rect: checked(`getCell(${row}, ${column})`, rect.row + row, rect.column + column, 1, 1) };
      }),
    );
  }

  select(): void {
    this._call('select', null, (range) => {
      const wb = this._ctx.host.model;
      wb.activeSheet = range.sheet;
      wb.selection = { sheet: range.sheet, rect: range.rect };
    });
  }

  protected override _alive(range: RangeModel): boolean {
    return this._ctx.host.model.sheets.includes(range.sheet);
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'format') return this.format as FakeClientObject<unknown>;
    if (name === 'worksheet') return this.worksheet as FakeClientObject<unknown>;
    return undefined;
  }

  private grid<T>(range: RangeModel, prop: string, cell: (r: number, c: number) => T): T[][] {
    const { rect } = range;
    if (cellCount(rect) > this._ctx.host.limits.cellsPerLoad) {
      throw new FakeOfficeError(
        'RangeExceedsLimit',
        `Range.load("${prop}") on ${cellCount(rect)} cells exceeds the fake's limit of ${this._ctx.host.limits.cellsPerLoad} cells per load.`,
      );
    }
    const out: T[][] = new Array<T[]>(rect.rowCount);
    for (let r = 0; r < rect.rowCount; r++) {
      const row = new Array<T>(rect.columnCount);
      for (let c = 0; c < rect.columnCount; c++) row[c] = cell(rect.row + r, rect.column + c);
      out[r] = row;
    }
    return out;
  }

  protected _snapshot(range: RangeModel, prop: string): unknown {
    const { sheet, rect } = range;
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return qualifiedAddress(sheet.name, rect);
      case 'values':
        return this.grid(range, prop, (r, c) => sheet.value(r, c));
      case 'valueTypes':
        return this.grid(range, prop, (r, c) => valueType(sheet.value(r, c)));
      case 'numberFormat':
        return this.grid(range, prop, (r, c) => sheet.format(r, c));
      case 'text':
        return this.grid(range, prop, (r, c) => formatText(sheet.value(r, c), sheet.format(r, c)));
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rowCount;
      case 'columnCount':
        return rect.columnCount;
      default:
        return cellCount(rect);
    }
  }
}

export class FakeRangeFormat extends FakeClientObject<RangeModel> {
  protected readonly _typeName = 'RangeFormat';
  protected readonly _scalars = ['columnWidth', 'rowHeight'] as const;
  readonly fill: FakeRangeFill;

  constructor(ctx: FakeRequestContext, resolver: () => RangeModel) {
    super(ctx, resolver, false);
    this.fill = new FakeRangeFill(ctx, resolver);
  }

  /** Null when the columns differ, as Excel reports mixed widths. */
  get columnWidth(): number | null {
    return this._get('columnWidth');
  }

  set columnWidth(width: number) {
    this._set('columnWidth', width, ({ sheet, rect }) => {
      if (typeof width !== 'number' || !(width >= 0)) throw new FakeOfficeError('InvalidArgument', `columnWidth ${width}`);
      for (let c = 0; c < rect.columnCount; c++) sheet.columnWidths.set(rect.column + c, width);
    });
  }

  get rowHeight(): number {
    return this._get('rowHeight');
  }

  /** Sets each column to fit the longest displayed text within this range (~5.25 pt per character). */
  autofitColumns(): void {
    this._call('autofitColumns', null, ({ sheet, rect }) => {
      const limit = this._ctx.host.limits.cellsPerLoad;
      if (cellCount(rect) > limit) {
        throw new FakeOfficeError(
          'RangeExceedsLimit',
          `autofitColumns on ${cellCount(rect)} cells exceeds the fake's limit of ${limit}.`,
        );
      }
      for (let c = 0; c < rect.columnCount; c++) {
        let longest = 0;
        for (let r = 0; r < rect.rowCount; r++) {
          const col = rect.column + c;
          const text = formatText(sheet.value(rect.row + r, col), sheet.format(rect.row + r, col));
          if (text.length > longest) longest = text.length;
        }
        sheet.columnWidths.set(rect.column + c, longest === 0 ? 48 : Math.min(1_344, Math.round(longest * 5.25 + 7.5)));
      }
    });
  }

  autofitRows(): void {
    this._call('autofitRows', null, () => undefined);
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    return name === 'fill' ? (this.fill as FakeClientObject<unknown>) : undefined;
  }

  protected _snapshot({ sheet, rect }: RangeModel, prop: string): unknown {
    if (prop === 'rowHeight') return 15;
    const first = sheet.columnWidth(rect.column);
    for (let c = 1; c < rect.columnCount; c++) if (sheet.columnWidth(rect.column + c) !== first) return null;
    return first;
  }
}

export class FakeRangeFill extends FakeClientObject<RangeModel> {
  protected readonly _typeName = 'RangeFill';
  protected readonly _scalars = ['color'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => RangeModel) {
    super(ctx, resolver, false);
  }

  /** "#FFFFFF" without fill, null when cells differ (as Excel). */
  get color(): string | null {
    return this._get('color');
  }

  set color(color: string) {
    this._set('color', color, ({ sheet, rect }) => {
      if (typeof color !== 'string' || !/^(#[0-9a-f]{6}|[a-z]+)$/i.test(color)) {
        throw new FakeOfficeError('InvalidArgument', `fill.color "${color}" is not #RRGGBB or a colour name.`);
      }
      const value = color.startsWith('#') ? color.toUpperCase() : color.toLowerCase();
      for (let r = 0; r < rect.rowCount; r++)
        for (let c = 0; c < rect.columnCount; c++) sheet.setFill(rect.row + r, rect.column + c, value);
    });
  }

  clear(): void {
    this._call('clear', null, ({ sheet, rect }) => {
      for (let r = 0; r < rect.rowCount; r++)
        for (let c = 0; c < rect.columnCount; c++) sheet.setFill(rect.row + r, rect.column + c, undefined);
    });
  }

  protected _snapshot({ sheet, rect }: RangeModel): unknown {
    let seen: string | undefined;
    for (let r = 0; r < rect.rowCount; r++) {
      for (let c = 0; c < rect.columnCount; c++) {
        const color = sheet.fill(rect.row + r, rect.column + c) ?? NO_FILL;
        if (seen === undefined) seen = color;
        else if (seen !== color) return null;
      }
    }
    return seen ?? NO_FILL;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

interface TableScope {
  wb: WorkbookModel;
  /** Set for worksheet.tables; absent for workbook.tables. */
  sheet?: SheetModel;
}

const TABLE_STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

export class FakeTableCollection extends FakeCollection<TableScope, TableModel, FakeTable> {
  protected readonly _typeName = 'TableCollection';
  protected readonly _itemScalars = FakeTable.scalars;

  constructor(ctx: FakeRequestContext, resolver: () => TableScope) {
    super(ctx, resolver, false);
  }

  /** The address is "A1:C10" (this sheet), "Sheet!A1:C10" or a Range; only hasHeaders=true is modelled. */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    const payload = typeof address === 'string' ? address : '[Range]';
    return this._spawn(
      'add',
      [payload, hasHeaders],
      new FakeTable(this._ctx, () => {
        const scope = this._modelNow('TableCollection.add');
        let sheet: SheetModel | undefined;
        let rect: Rect;
        if (typeof address === 'string') {
          const parts = splitSheet(address);
          sheet = parts.sheet !== undefined ? scope.wb.sheetByName(parts.sheet) : (scope.sheet ?? scope.wb.activeSheet);
          if (!sheet) throw new FakeOfficeError('ItemNotFound', `tables.add: no worksheet for "${address}".`);
          if (scope.sheet && sheet !== scope.sheet)
            throw new FakeOfficeError('InvalidArgument', `tables.add: "${address}" is not on this worksheet.`);
          rect = parseA1(parts.cells);
        } else {
          const range = address._modelNow('TableCollection.add');
          sheet = range.sheet;
          rect = range.rect;
        }
        return scope.wb.addTable(sheet, rect, hasHeaders);
      }),
    );
  }

  getItem(name: string): FakeTable {
    return this._spawn(
      'getItem',
      [name],
      new FakeTable(this._ctx, () => {
        const t = this.find(name);
        if (!t) throw new FakeOfficeError('ItemNotFound', `There is no table named "${name}".`);
        return t;
      }),
    );
  }

  getItemOrNullObject(name: string): FakeTable {
    return this._spawn('getItemOrNullObject', [name], new FakeTable(this._ctx, () => this.find(name) ?? null));
  }

  private find(name: string): TableModel | undefined {
    const scope = this._modelNow('TableCollection.getItem');
    const t = scope.wb.tableByName(name);
    return t && (!scope.sheet || t.sheet === scope.sheet) ? t : undefined;
  }

  protected _itemModels(scope: TableScope): TableModel[] {
    return scope.wb.tables.filter((t) => !scope.sheet || t.sheet === scope.sheet);
  }

  protected _makeItem(table: TableModel): FakeTable {
    return new FakeTable(this._ctx, () => table, true);
  }
}

export class FakeTable extends FakeClientObject<TableModel> {
  static readonly scalars = ['name', 'id', 'style', 'showHeaders', 'showTotals'] as const;
  protected readonly _typeName = 'Table';
  protected readonly _scalars = FakeTable.scalars;
  readonly columns: FakeTableColumnCollection;

  constructor(ctx: FakeRequestContext, resolver: () => TableModel | null, created = true) {
    super(ctx, resolver, created);
    this.columns = new FakeTableColumnCollection(ctx, () => this._modelNow('Table.columns'));
  }

  get name(): string {
    return this._get('name');
  }

  set name(value: string) {
    this._set('name', value, (table) => {
      this._ctx.host.model.validateTableName(value, table);
      table.name = value;
    });
  }

  get id(): string {
    return this._get('id');
  }

  get style(): string {
    return this._get('style');
  }

  set style(value: string) {
    this._set('style', value, (table) => {
      if (value !== '' && !TABLE_STYLE.test(value))
        throw new FakeOfficeError('InvalidArgument', `Unknown table style "${value}".`);
      table.style = value;
    });
  }

  get showHeaders(): boolean {
    return this._get('showHeaders');
  }

  get showTotals(): boolean {
    return this._get('showTotals');
  }

  private _worksheet: FakeWorksheet | undefined;
  get worksheet(): FakeWorksheet {
    this._worksheet ??= new FakeWorksheet(this._ctx, () => this._modelNow('Table.worksheet').sheet, false);
    return this._worksheet;
  }

  getRange(): FakeRange {
    return this.part('getRange', (t) => t.rect);
  }

  getHeaderRowRange(): FakeRange {
    return this.part('getHeaderRowRange', (t) => ({ ...t.rect, rowCount: 1 }));
  }

  getDataBodyRange(): FakeRange {
    return this.part('getDataBodyRange', (t) => ({ ...t.rect, row: t.rect.row + 1, rowCount: t.rect.rowCount - 1 }));
  }

  private part(method: string, rectOf: (t: TableModel) => Rect): FakeRange {
    return this._spawn(
      method,
      null,
      new FakeRange(this._ctx, () => {
        const t = this._modelNow(`Table.${method}`);
        return { sheet: t.sheet, rect: rectOf(t) };
      }),
    );
  }

  protected override _alive(table: TableModel): boolean {
    return this._ctx.host.model.tables.includes(table);
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'columns') return this.columns as FakeClientObject<unknown>;
    if (name === 'worksheet') return this.worksheet as FakeClientObject<unknown>;
    return undefined;
  }

  protected _snapshot(table: TableModel, prop: string): unknown {
    switch (prop) {
      case 'name':
        return table.name;
      case 'id':
        return table.id;
      case 'style':
        return table.style;
      case 'showHeaders':
        return true;
      default:
        return false;
    }
  }
}

interface TableColumnModel {
  table: TableModel;
  index: number;
}

export class FakeTableColumnCollection extends FakeCollection<TableModel, TableColumnModel, FakeTableColumn> {
  protected readonly _typeName = 'TableColumnCollection';
  protected readonly _itemScalars = ['name', 'index', 'id'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => TableModel) {
    super(ctx, resolver, false);
  }

  protected _itemModels(table: TableModel): TableColumnModel[] {
    return Array.from({ length: table.rect.columnCount }, (_, index) => ({ table, index }));
  }

  protected _makeItem(model: TableColumnModel): FakeTableColumn {
    return new FakeTableColumn(this._ctx, () => model);
  }
}

export class FakeTableColumn extends FakeClientObject<TableColumnModel> {
  protected readonly _typeName = 'TableColumn';
  protected readonly _scalars = ['name', 'index', 'id'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => TableColumnModel) {
    super(ctx, resolver, true);
  }

  get name(): string {
    return this._get('name');
  }
  get index(): number {
    return this._get('index');
  }
  get id(): number {
    return this._get('id');
  }

  protected _snapshot({ table, index }: TableColumnModel, prop: string): unknown {
    if (prop === 'index') return index;
    if (prop === 'id') return index + 1;
    return String(table.sheet.value(table.rect.row, table.rect.column + index));
  }
}
