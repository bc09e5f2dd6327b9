// Reading large ranges in row chunks: each sync's response stays under the budget. The first
// chunk's size is a guess from the column count; later chunks use the measured bytes per row.
import { CELLS_PER_SYNC, jsonBytes, RESPONSE_BUDGET } from './budget.js';
import { ExcelActionError, isResponseTooLarge } from './errors.js';

/** A rectangle on a sheet, as Excel's rowIndex/columnIndex/rowCount/columnCount. */
export interface SheetRect {
  readonly sheet: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** First guess per cell: generous, since an oversize response costs a retry. */
const GUESS_BYTES_PER_CELL = 40;
/** Smallest per-cell estimate ("", plus a comma). */
const MIN_BYTES_PER_CELL = 3;
/** Measured averages vary from chunk to chunk; keep a margin. */
const MARGIN = 1.25;

export interface ReadOptions {
  readonly responseBudget?: number;
  readonly cellsPerSync?: number;
  /** Rows read so far of all rows asked for. */
  readonly onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

/**
 * Loads the values of every rect, several rects per sync when they fit.
 * Returns one 2-D array per rect, in order.
 */
export async function readRects(
  context: Excel.RequestContext,
  rects: readonly SheetRect[],
  options: ReadOptions = {},
): Promise<unknown[][][]> {
  const budget = options.responseBudget ?? RESPONSE_BUDGET;
  const cellLimit = options.cellsPerSync ?? CELLS_PER_SYNC;
  const out = rects.map(() => [] as unknown[][]);
  const next = rects.map(() => 0);
  const bytesPerRow = rects.map((r) => Math.max(1, r.columnCount) * GUESS_BYTES_PER_CELL);
  const total = rects.reduce((n, r) => n + r.rowCount, 0);
  let done = 0;

  for (;;) {
    let bytes = 0;
    let cells = 0;
    const batch: { index: number; count: number; range: Excel.Range }[] = [];
    for (let i = 0; i < rects.length; i++) {
      const r = rects[i]!;
      const remaining = r.rowCount - next[i]!;
      if (remaining <= 0 || r.columnCount <= 0) continue;
      let count = Math.min(
        remaining,
        Math.floor((budget - bytes) / bytesPerRow[i]!),
        Math.floor((cellLimit - cells) / r.columnCount),
      );
      if (count < 1) {
        if (batch.length > 0) break; // next sync
        count = 1; // a single row always goes, even over the estimate
      }
      const range = context.workbook.worksheets
        .getItem(r.sheet)
        .getRangeByIndexes(r.rowIndex + next[i]!, r.columnIndex, count, r.columnCount)
        .load('values');
      batch.push({ index: i, count, range });
      bytes += count * bytesPerRow[i]!;
      cells += count * r.columnCount;
    }
    if (batch.length === 0) break;

    try {
      await context.sync();
    } catch (err) {
      if (!isResponseTooLarge(err)) throw err;
      if (batch.length === 1 && batch[0]!.count === 1) {
        const r = rects[batch[0]!.index]!;
        throw new ExcelActionError(
          `En rad på bladet "${r.sheet}" (rad ${r.rowIndex + next[batch[0]!.index]! + 1}) är för stor för att läsas från Excel. Korta ner texten i raden.`,
          { cause: err },
        );
      }
      // The guess was too low: halve the chunks and try again.
      for (const b of batch) bytesPerRow[b.index] = bytesPerRow[b.index]! * 2;
      continue;
    }

    for (const b of batch) {
      const values = b.range.values as unknown[][];
      const target = out[b.index]!;
      for (const row of values) target.push(row);
      const measured = jsonBytes(values) / b.count;
      bytesPerRow[b.index] = Math.max(measured * MARGIN, rects[b.index]!.columnCount * MIN_BYTES_PER_CELL);
      next[b.index] = next[b.index]! + b.count;
      done += b.count;
    }
    options.onProgress?.(done, total);
  }
  return out;
}
