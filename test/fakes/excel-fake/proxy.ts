// Host interface and the base proxies of the Excel fake, behaving like Office.js:
//  - methods and property writes only queue actions; the workbook changes at context.sync();
//  - reading a property needs load(...) and a sync first, otherwise PropertyNotLoaded is thrown;
//  - objects returned by getItem/getRange/... are resolved in queue order at sync time, so a
//    missing sheet surfaces as ItemNotFound from sync(), and *OrNullObject gives isNullObject;
//  - every sync is recorded with the byte size of its request and response payloads.
import type { FakeRequestContext } from './context.js';
import { FakeOfficeError } from './errors.js';
import type { FakeEventHub } from './events.js';
import type { WorkbookModel } from './model.js';

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
  readonly events: FakeEventHub;
  /** Application.calculate calls, by calculation type, in order. */
  readonly calculations: string[];
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

export abstract class FakeCollection<M, IM, I extends FakeClientObject<IM>> extends FakeClientObject<M> {
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
