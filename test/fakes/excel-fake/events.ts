// Events of the Excel fake, like Office.js: Worksheet.onChanged and WorksheetCollection.onAdded /
// onDeleted (ExcelApi 1.7), WorksheetCollection.onNameChanged (1.17).
//  - add(handler) queues the registration; it takes effect at the next sync (and not if that
//    sync fails first). It returns an EventHandlerResult whose remove() must be queued in the
//    context that added it, i.e. inside Excel.run(result.context, batch), and synced.
//  - A change made by a sync (through any context, including a test's fake.run) is delivered
//    after that sync, asynchronously, once per change action, to every handler registered then.
//  - Handlers must return a promise; one that does not, or that rejects, is recorded in
//    FakeEventHub.errors for the test to see.
//  - A host below the API version of an event refuses its registration with ApiNotFound at sync.
import type { FakeRequestContext } from './context.js';
import { FakeOfficeError } from './errors.js';
import type { SheetModel } from './model.js';

export type FakeEventName =
  'Worksheet.onChanged' | 'WorksheetCollection.onAdded' | 'WorksheetCollection.onDeleted' | 'WorksheetCollection.onNameChanged';

/** The ExcelApi version each event needs. */
const REQUIRED_VERSION: Readonly<Record<FakeEventName, string>> = {
  'Worksheet.onChanged': '1.7',
  'WorksheetCollection.onAdded': '1.7',
  'WorksheetCollection.onDeleted': '1.7',
  'WorksheetCollection.onNameChanged': '1.17',
};

const versionNumber = (v: string): number => {
  const [major = 0, minor = 0] = v.split('.').map(Number);
  return major * 1000 + minor;
};

type Handler = (args: Record<string, unknown>) => unknown;

export interface Registration {
  readonly event: FakeEventName;
  readonly handler: Handler;
  /** For Worksheet.onChanged: the sheet it watches. */
  sheet?: SheetModel;
}

export interface FakeEventOccurrence {
  readonly event: FakeEventName;
  /** The sheet the event concerns (Worksheet.onChanged handlers of other sheets do not hear it). */
  readonly sheet: SheetModel;
  readonly args: Record<string, unknown>;
}

export class FakeEventHub {
  private readonly registrations = new Set<Registration>();
  private pending: FakeEventOccurrence[] = [];
  private busy = 0;
  /** What handlers threw or failed to return a promise. */
  readonly errors: unknown[] = [];
  /** Every event delivered, in order (to a handler or not). */
  readonly delivered: FakeEventOccurrence[] = [];

  constructor(private readonly excelApi: () => string) {}

  /** Number of handlers registered now (per event, when given). */
  count(event?: FakeEventName): number {
    return [...this.registrations].filter((r) => event === undefined || r.event === event).length;
  }

  /** @internal Runs at sync: refuses events the host's API version lacks. */
  register(registration: Registration): void {
    const needs = REQUIRED_VERSION[registration.event];
    if (versionNumber(this.excelApi()) < versionNumber(needs)) {
      throw new FakeOfficeError(
        'ApiNotFound',
        `${registration.event} needs ExcelApi ${needs}; this host has ${this.excelApi()}.`,
      );
    }
    this.registrations.add(registration);
  }

  /** @internal */ unregister(registration: Registration): void {
    this.registrations.delete(registration);
  }

  /** @internal A deleted sheet takes its handlers along, as in Excel. */
  forgetSheet(sheet: SheetModel): void {
    for (const r of this.registrations) if (r.sheet === sheet) this.registrations.delete(r);
  }

  /** @internal Called by a change action during a sync. */
  note(occurrence: FakeEventOccurrence): void {
    this.pending.push(occurrence);
  }

  /** @internal After a sync (whether or not it failed: applied actions stay applied). */
  flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.busy++;
    setTimeout(() => {
      void this.dispatch(batch).finally(() => this.busy--);
    }, 0);
  }

  private async dispatch(batch: FakeEventOccurrence[]): Promise<void> {
    const running: Promise<unknown>[] = [];
    for (const occurrence of batch) {
      this.delivered.push(occurrence);
      for (const r of [...this.registrations]) {
        if (r.event !== occurrence.event || (r.sheet !== undefined && r.sheet !== occurrence.sheet)) continue;
        try {
          const result = r.handler({ ...occurrence.args });
          if (!result || typeof (result as Promise<unknown>).then !== 'function') {
            this.errors.push(new Error(`A ${occurrence.event} handler must return a promise.`));
            continue;
          }
          running.push((result as Promise<unknown>).catch((e: unknown) => this.errors.push(e)));
        } catch (e) {
          this.errors.push(e);
        }
      }
    }
    await Promise.all(running);
  }

  /** Resolves once every delivered event's handlers have finished (and the events they caused). */
  async settled(): Promise<void> {
    while (this.busy > 0 || this.pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** OfficeExtension.EventHandlers: `add` a handler, get a result to remove it with. */
export class FakeEventHandlers {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly event: FakeEventName,
    /** For worksheet events: the sheet, resolved when the registration runs. */
    private readonly sheet?: () => SheetModel,
  ) {}

  add(handler: Handler): FakeEventHandlerResult {
    if (typeof handler !== 'function') throw new FakeOfficeError('InvalidArgument', `${this.event}.add needs a function.`);
    const registration: Registration = { event: this.event, handler };
    this.ctx.enqueue(`${this.event}.add`, null, () => {
      if (this.sheet) registration.sheet = this.sheet();
      this.ctx.host.events.register(registration);
    });
    return new FakeEventHandlerResult(this.ctx, registration);
  }
}

export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly registration: Registration,
  ) {}

  /** Queued in `context`: call it inside Excel.run(result.context, …) and sync. */
  remove(): void {
    this.context.enqueue(`${this.registration.event}.remove`, null, () => this.context.host.events.unregister(this.registration));
  }
}
