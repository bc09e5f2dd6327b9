// What the pane shows: one immutable state, rendered by the components, changed by the flows.
import type { ColumnMapping, Problem, YearMonth } from '../engine/index.js';
import type { CellDifference, WorkbookOverview } from '../workbook/index.js';
import type { CorrectionsSummary } from './correctionsSummary.js';
import type { ExportFile, ExportSummaryView } from './exportSummary.js';
import type { RunSummary } from './runSummary.js';
import type { SettingInputs } from './settingInputs.js';

export type BusyAction =
  | 'start'
  | 'refresh'
  | 'preview'
  | 'create'
  | 'write'
  | 'review'
  | 'taxa'
  | 'exportCheck'
  | 'exportMake'
  | 'exportWrite'
  | 'exportSheet';

/** The export's actions: their progress and notices show in the export section. */
export const EXPORT_ACTIONS: ReadonlySet<BusyAction> = new Set(['exportCheck', 'exportMake', 'exportWrite', 'exportSheet']);

export interface Notice {
  readonly intent: 'error' | 'warning' | 'success' | 'info';
  readonly title: string;
  readonly text: string;
  /** Where it shows: beside the export (§10), else beside the billing runs. */
  readonly area?: 'export';
}

export interface RunView {
  /** preview: nothing written; created: the sheets are in the workbook. */
  readonly kind: 'preview' | 'created';
  readonly month: YearMonth;
  readonly summary: RunSummary;
  readonly problems: readonly Problem[];
  readonly registerSheet: string;
  /** R7 (§9): the months already billed, corrected. */
  readonly corrections: CorrectionsSummary;
}

export interface ReviewView {
  readonly sheet: string;
  readonly month: YearMonth;
  readonly differences: readonly CellDifference[];
}

export interface ExportView {
  readonly month: YearMonth;
  /** The invoice sheet exported. */
  readonly sheet: string;
  /** checked: nothing written yet; made: the Export sheet is written and the file can be fetched. */
  readonly kind: 'checked' | 'made';
  /** The file's key figures; undefined when the export is refused. */
  readonly summary?: ExportSummaryView;
  /** Why no file can be made: every failing cell, named. */
  readonly refusals: readonly Problem[];
  readonly file?: ExportFile;
}

/** What the replace dialog asks about: the month's invoice sheets, or its export sheet. */
export interface ReplaceQuestion {
  readonly existing: readonly string[];
  readonly month: YearMonth;
  readonly purpose: 'invoice' | 'export';
}

export interface PaneState {
  readonly busy?: BusyAction;
  readonly progress?: { readonly fraction: number; readonly text: string };
  readonly overview?: WorkbookOverview;
  readonly registerSheet?: string;
  /** Columns picked by hand for fields not found by header (index in the used range). */
  readonly manualMapping: ColumnMapping;
  readonly month: YearMonth;
  /** The billing overrides as typed or chosen; a missing or blank one: as the Taxa sheet says. */
  readonly settingInputs: SettingInputs;
  readonly notice?: Notice;
  readonly run?: RunView;
  /** Set while the replace dialog is open. */
  readonly confirm?: ReplaceQuestion;
  readonly review?: ReviewView;
  /** The invoice month chosen for the export; undefined: the billing month's, else the newest. */
  readonly exportMonth?: YearMonth;
  readonly exportView?: ExportView;
}
