// What the task pane needs from the workbook. The pane gets an implementation injected
// (src/excel/ in Excel, a fake in tests), so it never calls Excel.run itself.
import type { ColumnMapping, OutputCell, OutputSheet, Proration, RegisterField, WorkbookInput } from '../engine/index.js';

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
}

/** Stored with the workbook, so the next person opening it gets the same choices. */
export interface PaneSettings {
  readonly registerSheet?: string;
  /** Hand-made column choices, by field, as column index in the used range. */
  readonly mapping?: ColumnMapping;
  readonly proration?: Proration;
  readonly reminderDays?: number;
}

/** fraction 0..1 and a Swedish text for the progress bar. */
export type ProgressReport = (fraction: number, text: string) => void;

/** A cell whose value differs between the recomputed invoice and the sheet (Granska). */
export interface CellDifference {
  readonly address: string; // e.g. "I12"
  readonly header: string;
  readonly expected: OutputCell;
  readonly actual: OutputCell;
}

export interface OfficeActions {
  overview(): Promise<WorkbookOverview>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** Register sheet and the optional side sheets (Övriga avgifter, Avgiftsutrymme, Taxa) as cells. */
  readWorkbook(registerSheet: string, progress: ProgressReport): Promise<WorkbookInput>;
  /** Names among `names` that already exist in the workbook. */
  existingSheets(names: readonly string[]): Promise<string[]>;
  /** Writes the sheets; existing sheets of those names are replaced (the pane asks first). */
  writeSheets(sheets: readonly OutputSheet[], progress: ProgressReport): Promise<void>;
  /** Writes the built-in default tariff as a "Taxa" sheet (refuses to replace an existing one). */
  createTaxaSheet(): Promise<void>;
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

export type { RegisterField };
