// The fake's RequestContext: queues actions and sends them to the host at sync().
import { FakeOfficeError } from './errors.js';
import type { ExecState, FakeClientObject, FakeHost, QueuedAction } from './proxy.js';
import { type FakeApplication, FakeWorkbook } from './workbook.js';

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

  /** @internal Excel.run(context, batch): the context of an earlier run serves one more batch. */
  reopen(): void {
    this.closed = false;
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
