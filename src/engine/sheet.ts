// A worksheet's used range as a 2-D array of cell values, as Excel or exceljs give it.

export type CellValue = string | number | boolean | Date | null | undefined;

export interface SheetCells {
  readonly name: string;
  /** Used range, header row first. */
  readonly values: ReadonlyArray<ReadonlyArray<unknown>>;
  /** Excel row number of values[0] (default 1). */
  readonly firstRow?: number;
  /** Zero-based column index of values[r][0] (default 0, column A). */
  readonly firstColumn?: number;
  /** Date serials count from 1904-01-01 (a workbook in the 1904 date system); default 1900. */
  readonly date1904?: boolean;
}

export function rowNumberOf(sheet: SheetCells, index: number): number {
  return (sheet.firstRow ?? 1) + index;
}
