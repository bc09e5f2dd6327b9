// A sheet of plain text lines, one a row in column A, every cell text ("@"): the export file
// (§10) as the sheet "Export ÅÅÅÅ-MM", so that hosts that block downloads still have the file.
// Like writeSheets: written under a temporary name and put in place of an old sheet of that name
// only once every line is in; the format goes before the values, so "0123", "=x" or
// "2025-03-01" stays the text it is; lines go in chunks packed by bytes, halved when Excel
// finds a request too large.
import { NUMBER_FORMAT } from '../engine/index.js';
import { ACTION_BYTES, jsonBytes, REQUEST_BUDGET, SyncBatcher, type ReplayableActions } from './budget.js';
import { ExcelActionError, runExcel } from './errors.js';
import { excelSheetName } from './sheetNames.js';
import { everyCell, removeSheets, widthInPoints, type WriteOptions } from './writeSheets.js';
import type { ProgressReport } from '../workbook/index.js';

/** Excel's widest column, in characters. */
const MAX_COLUMN_CHARACTERS = 255;

export async function writeTextSheet(
  excel: typeof Excel,
  name: string,
  lines: readonly string[],
  progress: ProgressReport,
  options: WriteOptions = {},
): Promise<void> {
  if (excelSheetName(options.protectedSheets ?? [], name) !== undefined) {
    throw new ExcelActionError(
      `Bladet "${name}" är registret och skrivs aldrig över. Byt namn på registerbladet och försök igen.`,
    );
  }
  const rowBytes = lines.map((l) => jsonBytes([l]) + 1);
  const totalBytes = rowBytes.reduce((a, b) => a + b, 0) || 1;
  let temp: string | undefined;
  try {
    await runExcel(excel, `skriva bladet "${name}"`, async (context) => {
      progress(0, `Förbereder bladet ${name} …`);
      const worksheets = context.workbook.worksheets.load('items/name, position');
      await context.sync();
      const existing = worksheets.items.map((w) => ({ name: w.name, position: w.position }));
      const taken = new Set(existing.map((e) => e.name.toLocaleLowerCase('sv')));
      let n = 1;
      while (taken.has(`vt skrivs ${n}`)) n++;
      const tempName = (temp = `VT skrivs ${n}`);
      const old = excelSheetName(
        existing.map((e) => e.name),
        name,
      );

      const batcher = new SyncBatcher(context, options.requestBudget ?? REQUEST_BUDGET);
      let sent = 0;
      batcher.onSync = (bytes) => {
        sent += bytes;
        progress(Math.min(0.95, sent / totalBytes), `Skriver ${name} …`);
      };
      const sheet = () => context.workbook.worksheets.getItem(tempName);
      await batcher.send({
        bytes: 2 * ACTION_BYTES,
        queue: () => {
          const ws = context.workbook.worksheets.add(tempName);
          // Text before values: a value written into a General cell is parsed like typing.
          if (lines.length > 0) ws.getRangeByIndexes(0, 0, lines.length, 1).numberFormat = everyCell(NUMBER_FORMAT.text);
        },
      });
      let start = 0;
      while (start < lines.length) {
        let room = batcher.room() - 2 * ACTION_BYTES;
        if (room < Math.min(64_000, rowBytes[start]! * 2)) {
          await batcher.flush();
          room = batcher.room() - 2 * ACTION_BYTES;
        }
        let end = start;
        let bytes = 0;
        while (end < lines.length && (end === start || bytes + rowBytes[end]! <= room)) bytes += rowBytes[end++]!;
        await batcher.send(lineChunk(sheet, name, lines, rowBytes, start, end));
        start = end;
      }
      await batcher.flush();

      batcher.onSync = undefined;
      await batcher.reserve(6 * ACTION_BYTES);
      if (old !== undefined) context.workbook.worksheets.getItem(old).delete();
      const ws = sheet();
      ws.name = name;
      const position = existing.find((e) => e.name === old)?.position;
      if (position !== undefined) ws.position = position;
      const longest = lines.reduce((m, l) => Math.max(m, l.length), 10);
      ws.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = widthInPoints(Math.min(MAX_COLUMN_CHARACTERS, longest + 1));
      ws.activate();
      await batcher.flush();
      progress(1, `Bladet ${name} är skrivet.`);
    });
  } catch (err) {
    if (temp !== undefined) await removeSheets(excel, [temp]);
    throw err;
  }
}

/** Lines [start, end) into A{start+1}:A{end}; halves by lines when Excel finds the request too large. */
function lineChunk(
  sheet: () => Excel.Worksheet,
  name: string,
  lines: readonly string[],
  rowBytes: readonly number[],
  start: number,
  end: number,
): ReplayableActions {
  let bytes = ACTION_BYTES;
  for (let r = start; r < end; r++) bytes += rowBytes[r]!;
  return {
    bytes,
    suspendCalculation: true,
    what: `Rad ${start + 1} på bladet "${name}"`,
    queue: () => {
      const values: string[][] = new Array<string[]>(end - start);
      for (let r = start; r < end; r++) values[r - start] = [lines[r]!];
      sheet().getRangeByIndexes(start, 0, end - start, 1).values = values;
    },
    split: () => {
      if (end - start < 2) return undefined;
      const middle = start + Math.floor((end - start) / 2);
      return [lineChunk(sheet, name, lines, rowBytes, start, middle), lineChunk(sheet, name, lines, rowBytes, middle, end)];
    },
  };
}
