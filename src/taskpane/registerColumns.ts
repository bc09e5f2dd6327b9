// Which sheet is the register and which column holds each field: found by header, or picked by hand.
import {
  chooseRegisterSheet,
  columnLetter,
  detectColumns,
  findSheetName,
  REGISTER_COLUMNS,
  type ColumnMapping,
  type RegisterField,
} from '../engine/index.js';
import type { SheetSummary, WorkbookOverview } from '../workbook/index.js';

/** Saved sheet if it still exists, else the engine's choice; none when several sheets fit. */
export function initialRegisterSheet(overview: WorkbookOverview, saved?: string): string | undefined {
  const names = overview.sheets.map((s) => s.name);
  if (saved) {
    const found = findSheetName(names, saved);
    if (found) return found;
  }
  return chooseRegisterSheet(overview.sheets.map((s) => ({ name: s.name, headerRow: s.headers }))).name;
}

export function sheetSummary(overview: WorkbookOverview | undefined, name: string | undefined): SheetSummary | undefined {
  return name === undefined ? undefined : overview?.sheets.find((s) => s.name === name);
}

/** A column as the user sees it: letter and header ("C – Produkt"), or a note that it has none. */
export function columnTitle(headers: readonly string[], index: number): string {
  const header = (headers[index] ?? '').trim();
  return `${columnLetter(index)} – ${header || '(utan rubrik)'}`;
}

export interface MappingRow {
  readonly field: RegisterField;
  /** Canonical Swedish header. */
  readonly label: string;
  readonly required: boolean;
  /** Found by header text; then the pane shows it and offers no choice. */
  readonly detected?: number;
  /** The user's pick for a field that was not found. */
  readonly chosen?: number;
  /** Columns the user may pick: those no other field uses. */
  readonly options: readonly { index: number; title: string }[];
}

/**
 * One row per register field. Column indexes are relative to the used range, as in
 * SheetSummary.headers and the engine's ColumnMapping. A stored choice that no longer fits the
 * headers (column gone, or now found by name) is dropped.
 */
export function mappingRows(headers: readonly string[], manual: ColumnMapping): MappingRow[] {
  const detected = detectColumns(headers).mapping;
  const valid = validManualMapping(headers, manual);
  const used = new Map<number, RegisterField>();
  for (const c of REGISTER_COLUMNS) {
    const i = detected[c.field] ?? valid[c.field];
    if (i !== undefined) used.set(i, c.field);
  }
  return REGISTER_COLUMNS.map((c) => {
    const det = detected[c.field];
    const chosen = det === undefined ? valid[c.field] : undefined;
    const options = headers
      .map((_, index) => ({ index, title: columnTitle(headers, index) }))
      .filter((o) => !used.has(o.index) || used.get(o.index) === c.field);
    return {
      field: c.field,
      label: c.header,
      required: c.required,
      ...(det !== undefined ? { detected: det } : {}),
      ...(chosen !== undefined ? { chosen } : {}),
      options,
    };
  });
}

/** Keeps manual choices that point inside the header row, at a field not found by name, one field per column. */
export function validManualMapping(headers: readonly string[], manual: ColumnMapping): ColumnMapping {
  const detected = detectColumns(headers).mapping;
  const taken = new Set(Object.values(detected));
  const out: ColumnMapping = {};
  for (const c of REGISTER_COLUMNS) {
    const i = manual[c.field];
    if (i === undefined || detected[c.field] !== undefined) continue;
    if (!Number.isInteger(i) || i < 0 || i >= headers.length || taken.has(i)) continue;
    taken.add(i);
    out[c.field] = i;
  }
  return out;
}

/** Required fields neither found nor chosen. */
export function missingFields(rows: readonly MappingRow[]): MappingRow[] {
  return rows.filter((r) => r.required && r.detected === undefined && r.chosen === undefined);
}
