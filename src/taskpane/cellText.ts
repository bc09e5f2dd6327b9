// Cell values in the pane's lists.
import type { OutputCell } from '../engine/index.js';

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 10 });

/** A cell value for a sentence: numbers Swedish style, blanks named. */
export function cellText(value: OutputCell | null | undefined): string {
  if (value === null || value === undefined || value === '') return '(tom)';
  if (typeof value === 'number') return numberFormat.format(value);
  return `"${value}"`;
}

/** Long lists are cut for the pane; the full list is in the sheets. */
export const LIST_LIMIT = 200;
