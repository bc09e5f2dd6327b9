// Writing output sheets to .xlsx with exceljs: numbers with formats, text as text.
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import {
  forEachGridRow,
  gridHeight,
  NUMBER_FORMAT,
  sheetColumnKinds,
  tableColumnOffsets,
  type OutputSheet,
} from '../engine/index.js';

export const SHEET_OPTIONS: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: 'frozen', ySplit: 1 }] };

export type Progress = (written: number, total: number) => void;

/**
 * Fills a worksheet (plain or streaming) with an output sheet: column formats and widths,
 * bold frozen header, a filter on the first table. Strings are always written as strings by
 * exceljs, so a name such as "=HYPERLINK(…)" never becomes a formula. Create the worksheet
 * with SHEET_OPTIONS: a streaming worksheet takes its frozen header only when created.
 */
export function fillWorksheet(ws: ExcelJS.Worksheet, sheet: OutputSheet, onRow?: () => void): void {
  const kinds = sheetColumnKinds(sheet);
  const widths: number[] = kinds.map(() => 3);
  const offsets = tableColumnOffsets(sheet);
  sheet.tables.forEach((t, ti) =>
    t.columns.forEach((c, ci) => {
      widths[offsets[ti]! + ci] = c.width;
    }),
  );
  ws.columns = kinds.map((k, i) => ({ width: widths[i], style: { numFmt: NUMBER_FORMAT[k] } }));
  const first = sheet.tables[0];
  if (first) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: first.columns.length } };
  forEachGridRow(sheet, (line, r) => {
    // No cell where nothing stands: exceljs would write each as an empty styled cell (the
    // summary's side-by-side padding alone was ~850 000 of them at 250 000 rows).
    const row = ws.addRow(line.map((v) => (v === '' ? undefined : v)));
    if (r === 0) row.font = { bold: true };
    (row as ExcelJS.Row & { commit?: () => void }).commit?.();
    onRow?.();
  });
}

/** Writes the workbook into `stream` and ends it (see replaceFileAtomically for a file). */
export async function writeOutputWorkbook(stream: Writable, sheets: readonly OutputSheet[], progress?: Progress): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'VT-avgifter';
  const total = sheets.reduce((n, s) => n + gridHeight(s), 0);
  let written = 0;
  const onRow = progress
    ? () => {
        if (++written % 20000 === 0) progress(written, total);
      }
    : undefined;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, SHEET_OPTIONS);
    fillWorksheet(ws, sheet, onRow);
    ws.commit();
  }
  await wb.commit();
}
