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
  /**
   * The workbook counts dates in the 1904 system (Excel for Mac): a number in a date column is
   * a serial from 1904-01-01 (default false: the 1900 system).
   */
  readonly date1904?: boolean;
}

export function rowNumberOf(sheet: SheetCells, index: number): number {
  return (sheet.firstRow ?? 1) + index;
}
