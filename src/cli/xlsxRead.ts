// Reading a workbook's sheets with exceljs into plain cell values for the engine.
import ExcelJS from 'exceljs';
import type { SheetCells } from '../engine/index.js';

/** exceljs cell value → what the engine reads: string, number, boolean, Date or null. */
export function plainCellValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if ('result' in o) return plainCellValue(o.result); // formula: the value Excel last computed
  // A formula the file holds without a computed value (written by a script, never recalculated):
  // show the formula itself, so a problem names it instead of "[object Object]".
  if (typeof o.formula === 'string') return `=${o.formula}`;
  if (typeof o.sharedFormula === 'string') return `=${o.sharedFormula}`;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if (typeof o.text === 'string') return o.text; // hyperlink
  if (typeof o.error === 'string') return o.error;
  return String(v);
}

/** The used range of a worksheet: from its first to last non-empty row and column. */
export function sheetCells(ws: ExcelJS.Worksheet): SheetCells {
  let firstRow = 0,
    lastRow = 0,
    firstCol = Infinity,
    lastCol = 0;
  const rows: { n: number; values: unknown[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const raw = row.values as unknown[]; // 1-based, sparse
    const values: unknown[] = [];
    let any = false;
    for (let c = 1; c < raw.length; c++) {
      const v = plainCellValue(raw[c]);
      values[c] = v;
      if (v !== null && v !== '') {
        any = true;
        if (c < firstCol) firstCol = c;
        if (c > lastCol) lastCol = c;
      }
    }
    if (!any) return;
    if (!firstRow) firstRow = n;
    lastRow = n;
    rows.push({ n, values });
  });
  if (!firstRow) return { name: ws.name, values: [], firstRow: 1, firstColumn: 0 };
  const width = lastCol - firstCol + 1;
  const out: unknown[][] = [];
  let next = 0;
  for (let n = firstRow; n <= lastRow; n++) {
    const row = rows[next]?.n === n ? rows[next++]!.values : undefined;
    const line = new Array<unknown>(width);
    for (let c = 0; c < width; c++) line[c] = row?.[firstCol + c] ?? null;
    out.push(line);
  }
  return { name: ws.name, values: out, firstRow, firstColumn: firstCol - 1 };
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
