// What the pane shows: one immutable state, rendered by the components, changed by the flows.
import type { ColumnMapping, Problem, YearMonth } from '../engine/index.js';
import type { CellDifference, WorkbookOverview } from '../workbook/index.js';
import type { RunSummary } from './runSummary.js';
import type { SettingInputs } from './settingInputs.js';

export type BusyAction = 'start' | 'refresh' | 'preview' | 'create' | 'write' | 'review' | 'taxa';

export interface Notice {
  readonly intent: 'error' | 'warning' | 'success' | 'info';
  readonly title: string;
  readonly text: string;
}

export interface RunView {
  /** preview: nothing written; created: the sheets are in the workbook. */
  readonly kind: 'preview' | 'created';
  readonly month: YearMonth;
  readonly summary: RunSummary;
  readonly problems: readonly Problem[];
  readonly registerSheet: string;
}

export interface ReviewView {
  readonly sheet: string;
  readonly month: YearMonth;
  readonly differences: readonly CellDifference[];
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
  readonly confirm?: { readonly existing: readonly string[]; readonly month: YearMonth };
  readonly review?: ReviewView;
}
