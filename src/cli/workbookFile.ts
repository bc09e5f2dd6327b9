// A workbook file opened for reading, its sheets read by name on demand.
import { existsSync, statSync } from 'node:fs';
import { RunError, type SheetCells } from '../engine/index.js';
import { readWorkbook, sheetCells } from './xlsxRead.js';

export interface WorkbookFile {
  /** Sheet names in tab order. */
  readonly sheetNames: readonly string[];
  /** The sheet's used range (undefined when no sheet has this exact name). */
  sheet(name: string): Promise<SheetCells | undefined>;
  close(): Promise<void>;
}

/** Opens an .xlsx for reading; a missing or unreadable file is a RunError in Swedish naming `shownAs`. */
export async function openWorkbookFile(path: string, shownAs: string): Promise<WorkbookFile> {
  if (!existsSync(path)) throw new RunError(`Filen ${shownAs} finns inte.`);
  if (statSync(path).isDirectory()) throw new RunError(`${shownAs} är en mapp, inte en Excel-arbetsbok (.xlsx).`);
  let wb;
  try {
    wb = await readWorkbook(path);
  } catch {
    // The library's own reason is English and technical; the user needs to know what to do.
    throw new RunError(
      `Filen ${shownAs} går inte att läsa som en Excel-arbetsbok (.xlsx). Den är skadad eller i ett annat format (.xls, .csv, .ods): öppna den i Excel och spara som Excel-arbetsbok (.xlsx).`,
    );
  }
  return {
    sheetNames: wb.worksheets.map((ws) => ws.name),
    sheet: (name) => {
      const ws = wb.getWorksheet(name);
      return Promise.resolve(ws && ws.name === name ? sheetCells(ws) : undefined);
    },
    close: () => Promise.resolve(),
  };
}
