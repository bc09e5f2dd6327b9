// The workbook as the faces inside Excel see it: the task pane (WorkbookPort) and the custom
// functions' follower (FunctionsWorkbookPort). src/excel/ implements both over Office.js; tests
// use the strict Excel fake or plain arrays. Nothing here calls Excel.
import type { CellDifference, OutputCell, OutputSheet, SheetCells, WorkbookInput, YearMonth } from '../engine/index.js';
import type { StoredSettings } from './storedSettings.js';

export type { CellDifference };

export interface SheetSummary {
  readonly name: string;
  /** Header row as text (first row of the used range). */
  readonly headers: readonly string[];
  /** Data rows below the header. */
  readonly rowCount: number;
}

export interface WorkbookOverview {
  readonly sheets: readonly SheetSummary[];
  readonly hasTaxaSheet: boolean;
  /** The workbook has the export's settings sheet "Export" (kontering, format, layout; §10). */
  readonly hasExportSheet: boolean;
}

export interface ReadOptions {
  /**
   * Also read the record (§9): every invoice sheet "Faktura ÅÅÅÅ-MM" of the workbook except the
   * one of month `except`, which is being replaced.
   */
  readonly record?: { readonly except: YearMonth };
}

/** What a run reads: the engine's input, and the record when asked for, oldest month first. */
export interface WorkbookRead extends WorkbookInput {
  readonly record?: readonly SheetCells[];
}

/** How far a long read or write has come: fraction 0..1 of that step, and a Swedish text. */
export type ProgressReport = (fraction: number, text: string) => void;

/** What the task pane reads from and writes to the workbook. */
export interface WorkbookPort {
  overview(): Promise<WorkbookOverview>;
  loadSettings(): Promise<StoredSettings>;
  saveSettings(settings: StoredSettings): Promise<void>;
  /** Register sheet and the optional side sheets (Övriga avgifter, Avgiftsutrymme, Taxa) as cells; the record if asked. */
  readWorkbook(registerSheet: string, progress: ProgressReport, options?: ReadOptions): Promise<WorkbookRead>;
  /** Sheets as cells (found as the engine finds sheet names), in the order asked; undefined where one is missing. */
  readSheets(names: readonly string[], progress: ProgressReport): Promise<(SheetCells | undefined)[]>;
  /** Names among `names` that already exist in the workbook. */
  existingSheets(names: readonly string[]): Promise<string[]>;
  /** Writes the sheets; existing sheets of those names are replaced (the pane asks first). */
  writeSheets(sheets: readonly OutputSheet[], progress: ProgressReport): Promise<void>;
  /**
   * Writes `lines` one a row in column A as text cells (number format "@": nothing becomes a
   * number, date or formula); an existing sheet of that name is replaced (the pane asks first).
   */
  writeTextSheet(name: string, lines: readonly string[], progress: ProgressReport): Promise<void>;
  /** Writes the built-in default tariff as a "Taxa" sheet (refuses to replace an existing one). */
  createTaxaSheet(): Promise<void>;
  /** Writes the export's template as an "Export" sheet (§10; refuses to replace an existing one). */
  createExportSheet(): Promise<void>;
  /** Selects a cell or whole rows ("12:12"), e.g. the register cell a problem points at. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** The used range of a sheet as values, header row first; undefined if the sheet is missing. */
  readSheetValues(sheet: string): Promise<OutputCell[][] | undefined>;
  /**
   * Marks exactly these cells (fill colour only: no value changes), clearing what the previous
   * Granska marked on that sheet, and selects the first. Refuses the register sheet.
   */
  highlightCells(sheet: string, addresses: readonly string[]): Promise<void>;
}

/** Stops a watch; resolves once Excel no longer calls the listener. */
export type StopWatching = () => Promise<void>;

/** What keeps the custom functions (VT.*) on the workbook's tariff and stored settings. */
export interface FunctionsWorkbookPort {
  /** The Taxa sheet's used range as cells; undefined when the workbook has none. A plain read. */
  readTaxaSheet(): Promise<SheetCells | undefined>;
  loadSettings(): Promise<StoredSettings>;
  /** A full recalculation: Excel does not recalculate custom functions when their tariff changes. */
  recalculate(): Promise<void>;
  /**
   * Calls `listener` after the Taxa sheet's cells change, or a sheet is added, deleted or
   * (where Excel reports it) renamed, since any of those may add, remove or replace the Taxa sheet.
   */
  watchTaxaSheet(listener: () => void): Promise<StopWatching>;
}
