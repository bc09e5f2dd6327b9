// Payload budgets: Excel on the web rejects any request or response over 5 MB, so every
// sync is kept under ~4 MB (headroom for Office.js's own envelope around our values).
import { ExcelActionError, isRequestTooLarge } from './errors.js';

/** Largest estimated request payload per sync. */
export const REQUEST_BUDGET = 4_000_000;
/** Largest estimated response payload per sync. */
export const RESPONSE_BUDGET = 4_000_000;
/** Cells per sync as well: huge all-empty ranges are cheap in bytes but not for Excel. */
export const CELLS_PER_SYNC = 1_000_000;

// eslint-disable-next-line no-control-regex -- every character outside ASCII, NUL included in the range
const NON_ASCII = /[^\x00-\x7f]/g;

/** UTF-8 byte length of a string, without allocating an encoded copy (mostly ASCII: count the rest). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m !== null; m = NON_ASCII.exec(text)) {
    const code = m[0].charCodeAt(0);
    // 2 bytes below U+0800; a surrogate pair is 4 bytes for 2 units; the rest of the BMP is 3.
    bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** Bytes the JSON of a value takes on the wire. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
}

/** A small, fixed cost per queued action (method name, object path, arguments). */
export const ACTION_BYTES = 200;

/**
 * Actions the batcher can queue again. Excel rejects a too-large request as a whole (none of its
 * actions ran), so the batch it carried is queued again in smaller syncs.
 */
export interface ReplayableActions {
  /** Estimated request bytes. */
  readonly bytes: number;
  /** The batch these land in suspends recalculation (large writes into the grid). */
  readonly suspendCalculation?: boolean;
  /** Queues the actions; called again after a sync that carried them was too large. */
  queue(): void;
  /** Two halves of a chunk (e.g. its rows); undefined when it cannot be made smaller. */
  split?(): readonly [ReplayableActions, ReplayableActions] | undefined;
  /** What it is, in Swedish, for the message when even it alone is too large. */
  readonly what?: string;
}

/**
 * Queues actions into syncs by estimated request size: a sync is sent only when the next
 * action would push the batch over the budget, so syncs grow with bytes, not with rows.
 * When Excel still finds a request too large, the estimate was low: the budget halves (for the
 * rest of the batcher's syncs too) and a batch of replayable actions is sent again, split.
 */
export class SyncBatcher {
  private pendingBytes = 0;
  private suspended = false;
  private replayable: ReplayableActions[] = [];
  /** The batch also holds actions queued through reserve(), which cannot be sent again. */
  private opaque = false;
  /** Syncs this batcher sent. */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private budget = REQUEST_BUDGET,
  ) {}

  /**
   * Makes room for an action of `bytes` before the caller queues it. With `suspendCalculation`
   * the batch it lands in suspends recalculation (large writes into the grid).
   */
  async reserve(bytes: number, suspendCalculation = false): Promise<void> {
    await this.makeRoom(bytes, suspendCalculation);
    this.opaque = true;
  }

  /** Queues actions that can be sent again if their sync turns out too large. */
  async send(actions: ReplayableActions): Promise<void> {
    await this.makeRoom(actions.bytes, actions.suspendCalculation ?? false);
    actions.queue();
    this.replayable.push(actions);
  }

  private async makeRoom(bytes: number, suspendCalculation: boolean): Promise<void> {
    const extra = suspendCalculation && !this.suspended ? ACTION_BYTES : 0;
    if (this.pendingBytes > 0 && this.pendingBytes + bytes + extra > this.budget) await this.flush();
    if (suspendCalculation && !this.suspended) {
      // Holds only until the next sync, so it is asked again in every batch that writes values.
      this.context.application.suspendApiCalculationUntilNextSync();
      this.suspended = true;
      this.pendingBytes += ACTION_BYTES;
    }
    this.pendingBytes += bytes;
  }

  /** Bytes that still fit in the current batch. */
  room(): number {
    return Math.max(0, this.budget - this.pendingBytes);
  }

  /** Sends what is queued (if anything was reserved). */
  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const sent = this.pendingBytes;
    const batch = this.replayable;
    const opaque = this.opaque;
    this.pendingBytes = 0;
    this.suspended = false;
    this.replayable = [];
    this.opaque = false;
    this.syncs++;
    try {
      await this.context.sync();
    } catch (err) {
      if (!isRequestTooLarge(err) || opaque || batch.length === 0) throw err;
      const only = batch.length === 1 ? batch[0]!.split?.() : undefined;
      if (batch.length === 1 && !only) {
        throw new ExcelActionError(
          `${batch[0]!.what ?? 'En ändring'} är för stor för att skickas till Excel i ett anrop. Korta ner texten och försök igen.`,
          { cause: err },
        );
      }
      this.budget = Math.max(1, Math.floor(Math.min(this.budget, sent) / 2));
      for (const actions of only ?? batch) await this.sendWithin(actions);
      await this.flush();
      return;
    }
    this.onSync?.(sent);
  }

  /** Sends actions, split until each part fits the (halved) budget or cannot be split. */
  private async sendWithin(actions: ReplayableActions): Promise<void> {
    const halves = actions.bytes > this.budget ? actions.split?.() : undefined;
    if (!halves) return this.send(actions);
    for (const half of halves) await this.sendWithin(half);
  }

  /** Called after each sync with the estimated bytes it carried. */
  onSync: ((bytes: number) => void) | undefined;
}
