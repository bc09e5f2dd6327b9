// Pure helpers behind the task pane: no React, no Office, so they are unit-tested in Node.
import {
  chooseRegisterSheet,
  countProblems,
  dayToIso,
  detectColumns,
  findSheetName,
  formatKr,
  isValidReminderDays,
  monthKey,
  parseMonthKey,
  previousMonth,
  PRORATION_LABEL,
  REGISTER_COLUMNS,
  columnLetter,
  type BillingResult,
  type ColumnMapping,
  type OutputCell,
  type Problem,
  type Proration,
  type RegisterField,
  type YearMonth,
} from '../engine/index.js';
import type { PaneSettings, SheetSummary, WorkbookOverview } from './officeActions.js';

const MONTH_NAMES = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** The user's calendar month (local time: the pane runs on the user's machine). */
export function monthOfDate(date: Date): YearMonth {
  return { year: date.getFullYear(), month: date.getMonth() + 1 };
}

/** Billing is done after the month has ended, so the default is last month. */
export function defaultMonth(today: Date): YearMonth {
  return previousMonth(monthOfDate(today));
}

export function monthLabel(m: YearMonth): string {
  return `${MONTH_NAMES[m.month - 1]} ${m.year}`;
}

/** Months offered in the picker, newest first: next month back `back` months, plus `selected` if outside. */
export function monthOptions(today: Date, selected: YearMonth, back = 48): { value: string; label: string }[] {
  const next = monthOfDate(today);
  let m: YearMonth = next.month === 12 ? { year: next.year + 1, month: 1 } : { year: next.year, month: next.month + 1 };
  const keys: string[] = [];
  for (let i = 0; i <= back + 1; i++) {
    keys.push(monthKey(m));
    m = previousMonth(m);
  }
  const chosen = monthKey(selected);
  if (!keys.includes(chosen)) keys.push(chosen);
  keys.sort().reverse();
  return keys.map((k) => ({ value: k, label: monthLabel(parseMonthKey(k)!) }));
}

// --- register sheet and columns ---

/** Saved sheet if it still exists, else the sheet whose headers fit (engine's choice). */
export function initialRegisterSheet(overview: WorkbookOverview, saved?: string): string | undefined {
  const names = overview.sheets.map((s) => s.name);
  if (saved) {
    const found = findSheetName(names, saved);
    if (found) return found;
  }
  return chooseRegisterSheet(overview.sheets.map((s) => ({ name: s.name, headerRow: s.headers })));
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

// --- settings ---

/** Empty means "as the tariff says"; otherwise a whole number of days. */
export function parseReminderDays(text: string): { ok: true; value?: number } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true };
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!isValidReminderDays(n))
    return { ok: false, message: 'Ange ett heltal mellan 0 och 3650, eller lämna tomt för taxans värde.' };
  return { ok: true, value: n };
}

export function prorationOptions(): { value: Proration | ''; label: string }[] {
  return [
    { value: '', label: 'Enligt taxan' },
    ...(Object.keys(PRORATION_LABEL) as Proration[]).map((p) => ({ value: p, label: PRORATION_LABEL[p] })),
  ];
}

/** What goes into the workbook's settings: only what the user chose. */
export function settingsToSave(s: {
  registerSheet?: string | undefined;
  mapping: ColumnMapping;
  proration?: Proration | undefined;
  reminderDays?: number | undefined;
}): PaneSettings {
  return {
    ...(s.registerSheet !== undefined ? { registerSheet: s.registerSheet } : {}),
    ...(Object.keys(s.mapping).length > 0 ? { mapping: s.mapping } : {}),
    ...(s.proration !== undefined ? { proration: s.proration } : {}),
    ...(s.reminderDays !== undefined ? { reminderDays: s.reminderDays } : {}),
  };
}

// --- results ---

export interface RunSummary {
  readonly month: string;
  readonly persons: number;
  readonly lines: number;
  readonly total: string;
  readonly errors: number;
  readonly warnings: number;
  /** e.g. "inbyggd standardtaxa (Mjölby kommun 2025), version från 2025-01-01" */
  readonly tariff: string;
  readonly maxtaxa: string;
  readonly proration: string;
  readonly reminderDays: number;
  readonly registerRows: number;
}

export function summarise(result: BillingResult): RunSummary {
  const { errors, warnings } = countProblems(result.problems);
  return {
    month: monthKey(result.month),
    persons: result.persons.length,
    lines: result.lines.length,
    total: formatKr(result.total),
    errors,
    warnings,
    tariff: `${result.tariffSource}, version från ${dayToIso(result.tariffVersion.validFrom)}`,
    maxtaxa: formatKr(result.maxtaxa),
    proration: PRORATION_LABEL[result.settings.proration],
    reminderDays: result.settings.reminderDays,
    registerRows: result.registerRows,
  };
}

/** Where activating a problem goes: its cell, else its whole row; nothing for sheet-wide problems. */
export function problemTarget(p: Problem): { sheet: string; address: string } | undefined {
  // A cell without its column letter ("12") is no address: fall back to the row.
  if (p.cell && /^[A-Z]{1,3}\d+$/.test(p.cell)) return { sheet: p.sheet, address: p.cell };
  if (p.row !== undefined) return { sheet: p.sheet, address: `${p.row}:${p.row}` };
  return undefined;
}

/** "Rad 12 · Personnummer" — where a problem is, in the words of the problem sheet. */
export function problemPlace(p: Problem, registerSheet?: string): string {
  const parts: string[] = [];
  if (registerSheet === undefined || p.sheet !== registerSheet) parts.push(`Blad ${p.sheet}`);
  if (p.row !== undefined) parts.push(`Rad ${p.row}`);
  if (p.column) parts.push(p.column);
  return parts.join(' · ');
}

export function problemCountText(errors: number, warnings: number): string {
  const e = errors === 1 ? '1 fel' : `${errors} fel`;
  const w = warnings === 1 ? '1 varning' : `${warnings} varningar`;
  return `${e}, ${w}`;
}

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 10 });

/** A cell value for a sentence: numbers Swedish style, blanks named. */
export function cellText(value: OutputCell | null | undefined): string {
  if (value === null || value === undefined || value === '') return '(tom)';
  if (typeof value === 'number') return numberFormat.format(value);
  return `"${value}"`;
}

/** Long lists are cut for the pane; the full list is in the sheets. */
export const LIST_LIMIT = 200;

export function errorText(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return String(e);
}
