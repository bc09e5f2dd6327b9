// Writing output sheets (Faktura, Summering, Problem, Taxa) as Excel tables.
//
// Each sheet is first written under a temporary name; only when all values are in does one
// last sync delete the old sheet of that name, rename the new one into its place and add the
// tables. A failure half-way therefore leaves the old sheet as it was (and removes the
// temporary one). Number formats go before values, so text ("0123", "=x", "2025-01-01")
// stays text; values go in row chunks packed into syncs by byte size, halved and sent again
// when Excel finds a request too large (RequestPayloadSizeLimitExceeded).
import {
  NUMBER_FORMAT,
  tableColumnOffsets,
  type ColumnKind,
  type OutputCell,
  type OutputSheet,
  type OutputTable,
} from '../engine/index.js';
import { ACTION_BYTES, CELLS_PER_SYNC, jsonBytes, REQUEST_BUDGET, SyncBatcher, type ReplayableActions } from './budget.js';
import { ExcelActionError, runExcel } from './errors.js';
import { excelSheetName } from './sheetNames.js';
import type { ProgressReport } from '../workbook/index.js';

export interface WriteOptions {
  /** Sheets that must never be replaced: the register. */
  readonly protectedSheets?: readonly string[];
  readonly requestBudget?: number;
}

/** Office.js applies a single value to every cell of the range; the typings only know 2-D arrays. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Office.js's own parameter type
export const everyCell = (value: string): any[][] => value as unknown as any[][];

/** Column width in points for a width in characters (Calibri 11: 7 px a character, 5 px padding). */
export const widthInPoints = (characters: number): number => Math.round((characters * 7 + 5) * 0.75);

const FORMULA_START = /^[=+\-@]/;

/** Outside '@' columns a leading apostrophe keeps formula-like text as text (and is not shown). */
function safeCell(value: OutputCell, kind: ColumnKind): OutputCell {
  return typeof value === 'string' && kind !== 'text' && FORMULA_START.test(value) ? `'${value}` : value;
}

interface Block {
  readonly table: OutputTable;
  readonly column: number;
  /** Header row first, cells made safe. */
  readonly rows: OutputCell[][];
  readonly rowBytes: number[];
}

function blocksOf(sheet: OutputSheet): Block[] {
  const offsets = tableColumnOffsets(sheet);
  return sheet.tables.map((table, t) => {
    const kinds = table.columns.map((c) => c.kind);
    const width = table.columns.length;
    const rows: OutputCell[][] = [table.columns.map((c) => c.header)];
    for (let i = 0; i < table.rowCount; i++) {
      const row = table.row(i);
      const line = new Array<OutputCell>(width);
      for (let c = 0; c < width; c++) line[c] = safeCell(row[c] ?? '', kinds[c]!);
      rows.push(line);
    }
    return { table, column: offsets[t]!, rows, rowBytes: rows.map((r) => jsonBytes(r) + 1) };
  });
}

/** Runs of neighbouring columns with the same kind, so one range takes one format. */
function kindRuns(table: OutputTable): { start: number; count: number; kind: ColumnKind }[] {
  const runs: { start: number; count: number; kind: ColumnKind }[] = [];
  table.columns.forEach((c, i) => {
    const last = runs.at(-1);
    if (last && last.kind === c.kind) last.count++;
    else runs.push({ start: i, count: 1, kind: c.kind });
  });
  return runs;
}

function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function checkNames(sheets: readonly OutputSheet[], protectedSheets: readonly string[]): void {
  const seen = new Set<string>();
  for (const s of sheets) {
    const key = s.name.toLocaleLowerCase('sv');
    if (seen.has(key)) throw new ExcelActionError(`Bladet "${s.name}" finns två gånger bland bladen som ska skrivas.`);
    seen.add(key);
    if (excelSheetName(protectedSheets, s.name) !== undefined) {
      throw new ExcelActionError(
        `Bladet "${s.name}" är registret och skrivs aldrig över. Byt namn på registerbladet och försök igen.`,
      );
    }
  }
}

export async function writeSheets(
  excel: typeof Excel,
  sheets: readonly OutputSheet[],
  progress: ProgressReport,
  options: WriteOptions = {},
): Promise<void> {
  checkNames(sheets, options.protectedSheets ?? []);
  if (sheets.length === 0) return;
  const budget = options.requestBudget ?? REQUEST_BUDGET;
  const tempNames: string[] = [];
  try {
    await runExcel(excel, 'skriva bladen', async (context) => {
      progress(0, 'Förbereder bladen …');
      const worksheets = context.workbook.worksheets.load('items/name, position');
      const allTables = context.workbook.tables.load('items/name');
      await context.sync();
      const existing = worksheets.items.map((w) => ({ name: w.name, position: w.position }));
      const names = existing.map((e) => e.name);
      const takenSheetNames = new Set(names.map((n) => n.toLocaleLowerCase('sv')));

      const batcher = new SyncBatcher(context, budget);
      const blocks = sheets.map(blocksOf);
      const totalBytes = blocks.flat().reduce((n, b) => n + b.rowBytes.reduce((a, x) => a + x, 0), 0) || 1;
      let sentBytes = 0;
      let current = sheets[0]!.name;
      batcher.onSync = (bytes) => {
        sentBytes += bytes;
        progress(Math.min(0.95, sentBytes / totalBytes), `Skriver ${current} …`);
      };

      // Tables on the sheets being replaced: their names become free when those sheets go.
      let oldTables: (Excel.TableCollection | undefined)[] = [];
      await batcher.send({
        bytes: ACTION_BYTES * sheets.length,
        queue: () => {
          oldTables = sheets.map((s) => {
            const old = excelSheetName(names, s.name);
            return old === undefined ? undefined : context.workbook.worksheets.getItem(old).tables.load('items/name');
          });
        },
      });

      const targets = sheets.map((sheet, i) => {
        let n = 1;
        let temp = `VT skrivs ${n}`;
        while (takenSheetNames.has(temp.toLocaleLowerCase('sv'))) temp = `VT skrivs ${++n}`;
        takenSheetNames.add(temp.toLocaleLowerCase('sv'));
        tempNames.push(temp);
        const old = excelSheetName(names, sheet.name);
        return { sheet, blocks: blocks[i]!, temp, old, oldPosition: existing.find((e) => e.name === old)?.position };
      });

      for (const target of targets) {
        current = target.sheet.name;
        // Every write names the sheet afresh: a sync Excel rejects as too large is sent again,
        // and objects from the lost batch (the added sheet) never came to exist.
        const sheet = () => context.workbook.worksheets.getItem(target.temp);
        await batcher.send({
          bytes: ACTION_BYTES * (2 + target.sheet.tables.length * 8),
          queue: () => {
            const ws = context.workbook.worksheets.add(target.temp);
            // Formats first: a value written into a General cell is parsed like typing.
            for (const block of target.blocks) {
              const bodyRows = block.rows.length - 1;
              ws.getRangeByIndexes(0, block.column, 1, block.table.columns.length).numberFormat = everyCell(NUMBER_FORMAT.text);
              if (bodyRows > 0) {
                for (const run of kindRuns(block.table)) {
                  ws.getRangeByIndexes(1, block.column + run.start, bodyRows, run.count).numberFormat = everyCell(
                    NUMBER_FORMAT[run.kind],
                  );
                }
              }
            }
          },
        });
        for (const block of target.blocks) await writeBlock(sheet, target.sheet.name, block, batcher);
      }
      // The old sheets' table names must be known before the tables are added.
      await batcher.flush();

      batcher.onSync = undefined;
      progress(0.95, 'Skapar tabeller …');
      const taken = new Set(allTables.items.map((t) => t.name.toLowerCase()));
      for (const tables of oldTables) for (const t of tables?.items ?? []) taken.delete(t.name.toLowerCase());
      const finalActions = targets.reduce((n, t) => n + 6 + t.sheet.tables.reduce((m, tb) => m + 3 + tb.columns.length, 0), 2);
      await batcher.reserve(ACTION_BYTES * finalActions);
      let first: Excel.Worksheet | undefined;
      for (const target of targets) {
        if (target.old !== undefined) context.workbook.worksheets.getItem(target.old).delete();
        const ws = context.workbook.worksheets.getItem(target.temp);
        ws.name = target.sheet.name;
        if (target.old !== undefined && target.oldPosition !== undefined) ws.position = target.oldPosition;
        for (const block of target.blocks) {
          const { table, column } = block;
          // A Range, not an address: Office.js puts a sheetless address on the *active* sheet.
          const area = ws.getRangeByIndexes(0, column, block.rows.length, table.columns.length);
          ws.tables.add(area, true).name = uniqueName(table.name, taken);
          table.columns.forEach((c, i) => {
            ws.getRangeByIndexes(0, column + i, 1, 1).format.columnWidth = widthInPoints(c.width);
          });
        }
        ws.freezePanes.freezeRows(1);
        first ??= ws;
      }
      first?.activate();
      // Calculation was suspended during the writes; settle anything that depends on them.
      context.application.calculate('Recalculate' as Excel.CalculationType);
      await batcher.flush();
      progress(1, sheets.length === 1 ? `Bladet ${sheets[0]!.name} är skrivet.` : `${sheets.length} blad är skrivna.`);
    });
  } catch (err) {
    await removeSheets(excel, tempNames);
    throw err;
  }
}

/** Value chunks of one table, each as large as the current batch still has room for. */
async function writeBlock(sheet: () => Excel.Worksheet, name: string, block: Block, batcher: SyncBatcher): Promise<void> {
  const width = block.table.columns.length;
  const maxRows = Math.max(1, Math.floor(CELLS_PER_SYNC / width));
  let start = 0;
  while (start < block.rows.length) {
    // Two actions' worth of overhead: the write and a possible calculation suspension.
    let room = batcher.room() - 2 * ACTION_BYTES;
    if (room < Math.min(64_000, block.rowBytes[start]! * 2)) {
      await batcher.flush();
      room = batcher.room() - 2 * ACTION_BYTES;
    }
    let end = start;
    let bytes = 0;
    while (end < block.rows.length && end - start < maxRows && (end === start || bytes + block.rowBytes[end]! <= room)) {
      bytes += block.rowBytes[end]!;
      end++;
    }
    await batcher.send(valueChunk(sheet, name, block, start, end));
    start = end;
  }
}

/** Writing rows [start, end) of a table; halves by rows when Excel finds the request too large. */
function valueChunk(sheet: () => Excel.Worksheet, name: string, block: Block, start: number, end: number): ReplayableActions {
  let bytes = ACTION_BYTES;
  for (let r = start; r < end; r++) bytes += block.rowBytes[r]!;
  return {
    bytes,
    suspendCalculation: true,
    what: `Rad ${start + 1} på bladet "${name}"`,
    queue: () => {
      sheet().getRangeByIndexes(start, block.column, end - start, block.table.columns.length).values = block.rows.slice(
        start,
        end,
      );
    },
    split: () => {
      if (end - start < 2) return undefined;
      const middle = start + Math.floor((end - start) / 2);
      return [valueChunk(sheet, name, block, start, middle), valueChunk(sheet, name, block, middle, end)];
    },
  };
}

/** Best effort: removes half-written temporary sheets after a failure. */
export async function removeSheets(excel: typeof Excel, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  try {
    await excel.run(async (context) => {
      const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
      await context.sync();
      for (const ws of found) if (!ws.isNullObject) ws.delete();
      await context.sync();
    });
  } catch {
    // The original error is what the user needs to see.
  }
}
