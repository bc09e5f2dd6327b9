// Output tables as 2-D values with per-column kind, for any writer (exceljs, Excel JS API).

export type ColumnKind = 'text' | 'kr' | 'int' | 'date';

/** Number formats; they are locale-independent codes, shown with Swedish separators in Swedish Excel. */
export const NUMBER_FORMAT: Readonly<Record<ColumnKind, string>> = {
  text: '@',
  kr: '#,##0.00 "kr"',
  int: '0',
  date: 'yyyy-mm-dd',
};

export interface OutputColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  /** Width in characters that fits header and values (capped). */
  width: number;
}

export type OutputCell = string | number;

export interface OutputTable {
  /** Excel table name: letters, digits and underscores. */
  readonly name: string;
  readonly columns: OutputColumn[];
  /** Rows below the header. */
  readonly rowCount: number;
  /** Row i (0: the first below the header), made when a writer asks for it. */
  row(i: number): OutputCell[];
}

/** Rows made on demand: a national register's invoice is 10^5 rows, and none needs to be kept. */
export interface RowSource {
  readonly count: number;
  row(i: number): OutputCell[];
}

/** A sheet holds its tables side by side, one empty column between them. */
export interface OutputSheet {
  readonly name: string;
  readonly tables: readonly OutputTable[];
}

const MAX_WIDTH = 60;

type ColumnSpec = { header: string; kind: ColumnKind; longest?: number };

/**
 * `longest`: the longest value's length where the caller knows it, so the rows need no scan
 * (a RowSource whose columns all say it is never read here). `columns` as a function: measured
 * when a writer first asks for the columns, like the rows (the invoice's widths read every line).
 */
export function makeTable(
  name: string,
  columns: ReadonlyArray<ColumnSpec> | (() => ReadonlyArray<ColumnSpec>),
  rows: readonly OutputCell[][] | RowSource,
): OutputTable {
  const source: RowSource = isRowSource(rows) ? rows : { count: rows.length, row: (i) => rows[i]! };
  let scanned: OutputCell[][] | undefined;
  let measured: OutputColumn[] | undefined;
  const measure = (): OutputColumn[] =>
    (typeof columns === 'function' ? columns() : columns).map(({ longest: known, ...c }, i) => {
      const longest = known ?? longestCell((scanned ??= Array.from({ length: source.count }, (_, r) => source.row(r))), i);
      // Amounts show with separators, two decimals and " kr".
      const shown = c.kind === 'kr' ? longest + 6 : c.kind === 'date' ? 10 : longest;
      return { ...c, width: Math.min(MAX_WIDTH, Math.max(c.header.length + 2, shown + 2)) };
    });
  return {
    name,
    get columns() {
      return (measured ??= measure());
    },
    rowCount: source.count,
    row: (i) => (scanned ? scanned[i]! : source.row(i)),
  };
}

function isRowSource(rows: readonly OutputCell[][] | RowSource): rows is RowSource {
  return !Array.isArray(rows);
}

/** Width in characters of a column of amounts or counts whose largest magnitude is `largest`. */
export function numberWidth(largest: number): number {
  return largest >= 1e6 ? 12 : 9;
}

/** Every row of a table, made now (tests, small tables). */
export function tableRows(table: OutputTable): OutputCell[][] {
  return Array.from({ length: table.rowCount }, (_, i) => table.row(i));
}

/** Characters of the longest value in column `i`; the scan stops once the width cap is reached. */
function longestCell(rows: readonly OutputCell[][], i: number): number {
  let longest = 0,
    largest = -1;
  for (let r = 0; r < rows.length; r++) {
    const v = rows[r]![i];
    if (typeof v === 'string') {
      if (v.length > longest && (longest = v.length) >= MAX_WIDTH) return longest;
    } else if (typeof v === 'number') {
      const a = v < 0 ? -v : v;
      if (a > largest) largest = a;
    }
  }
  return largest < 0 ? longest : Math.max(longest, numberWidth(largest));
}

/** Column offset of each table within its sheet. */
export function tableColumnOffsets(sheet: OutputSheet): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const t of sheet.tables) {
    offsets.push(at);
    at += t.columns.length + 1;
  }
  return offsets;
}

/** Rows of the sheet's grid, header row first (tables side by side, '' where nothing stands). */
export function gridHeight(sheet: OutputSheet): number {
  return 1 + Math.max(0, ...sheet.tables.map((t) => t.rowCount));
}

/** Visits the sheet's grid row by row, each made as it is visited and not kept. */
export function forEachGridRow(sheet: OutputSheet, visit: (line: OutputCell[], r: number) => void): void {
  const offsets = tableColumnOffsets(sheet);
  const last = sheet.tables.length - 1;
  const width = last < 0 ? 0 : offsets[last]! + sheet.tables[last]!.columns.length;
  const height = gridHeight(sheet);
  for (let r = 0; r < height; r++) {
    const line: OutputCell[] = new Array<OutputCell>(width).fill('');
    sheet.tables.forEach((t, ti) => {
      const row = r === 0 ? t.columns.map((c) => c.header) : r <= t.rowCount ? t.row(r - 1) : undefined;
      if (row) for (let c = 0; c < row.length; c++) line[offsets[ti]! + c] = row[c]!;
    });
    visit(line, r);
  }
}

/** The sheet as one grid, header row first, tables side by side ('' where nothing stands). */
export function sheetGrid(sheet: OutputSheet): OutputCell[][] {
  const grid: OutputCell[][] = [];
  forEachGridRow(sheet, (line) => grid.push(line));
  return grid;
}

/** The kind of each grid column (text where no table stands). */
export function sheetColumnKinds(sheet: OutputSheet): ColumnKind[] {
  const offsets = tableColumnOffsets(sheet);
  const kinds: ColumnKind[] = [];
  sheet.tables.forEach((t, ti) =>
    t.columns.forEach((c, ci) => {
      kinds[offsets[ti]! + ci] = c.kind;
    }),
  );
  return Array.from(kinds, (k) => k ?? 'text');
}
