// §10: the export's settings, as the Export sheet's settings table names them. Each has a default,
// so the table is optional.
import { dayFromCell, type Day } from '../days.js';
import { normaliseKey } from '../text.js';
import type { Encoding } from './encoding.js';

export type ExportFormat = 'fixed' | 'csv';
export const FORMAT_LABEL: Readonly<Record<ExportFormat, string>> = { fixed: 'Fast postlängd', csv: 'CSV' };
export type LineEnd = 'CRLF' | 'LF';
export type ZeroSumInvoices = 'omit' | 'include';
export const ZERO_SUM_LABEL: Readonly<Record<ZeroSumInvoices, string>> = { omit: 'Utelämna', include: 'Ta med' };

export interface ExportSettings {
  readonly format: ExportFormat;
  /** Undefined: the format's default (fixed width ISO-8859-1, CSV UTF-8 with BOM). */
  readonly encoding?: Encoding;
  readonly lineEnd: LineEnd;
  /** A fixed due date; when absent, `dueDays` after the export date. */
  readonly dueDate?: Day;
  readonly dueDays: number;
  readonly ourReference: string;
  readonly zeroSumInvoices: ZeroSumInvoices;
}

export type ExportSettingKey = keyof ExportSettings;

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  format: 'fixed',
  lineEnd: 'CRLF',
  dueDays: 30,
  ourReference: '',
  zeroSumInvoices: 'omit',
};

export const DUE_DAYS_MAX = 365;

export const EXPORT_SETTING_LABEL: Readonly<Record<ExportSettingKey, string>> = {
  format: 'Format',
  encoding: 'Teckenkodning',
  lineEnd: 'Radslut',
  dueDate: 'Förfallodag',
  dueDays: 'Dagar till förfallodag',
  ourReference: 'Vår referens',
  zeroSumInvoices: 'Nollfakturor',
};

const SETTING_ALIASES: Readonly<Record<ExportSettingKey, readonly string[]>> = {
  format: ['Filformat'],
  encoding: ['Kodning', 'Teckenuppsättning'],
  lineEnd: ['Radbrytning'],
  dueDate: ['Förfallodatum'],
  dueDays: ['Förfallodagar', 'Betalningsvillkor'],
  ourReference: [],
  zeroSumInvoices: ['Fakturor på 0 kr'],
};

const settingByName = new Map<string, ExportSettingKey>();
for (const k of Object.keys(EXPORT_SETTING_LABEL) as ExportSettingKey[])
  for (const n of [EXPORT_SETTING_LABEL[k], ...SETTING_ALIASES[k]]) settingByName.set(normaliseKey(n), k);

/** The setting a name cell names (units in brackets ignored), or undefined. */
export function exportSettingOf(name: unknown): ExportSettingKey | undefined {
  return settingByName.get(normaliseKey(String(name ?? '').replace(/\([^)]*\)/g, '')));
}

type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

const choice = <T extends string>(value: unknown, options: Readonly<Record<string, T>>, shown: string): Reading<T> => {
  const v = options[normaliseKey(value)];
  return v !== undefined ? { ok: true, value: v } : { ok: false, message: `skriv ${shown}` };
};

const FORMAT_WORDS: Readonly<Record<string, ExportFormat>> = {
  'fast postlängd': 'fixed',
  'fast längd': 'fixed',
  fast: 'fixed',
  csv: 'csv',
};
const ENCODING_WORDS: Readonly<Record<string, Encoding>> = {
  'iso-8859-1': 'ISO-8859-1',
  'iso 8859-1': 'ISO-8859-1',
  'latin-1': 'ISO-8859-1',
  latin1: 'ISO-8859-1',
  'windows-1252': 'Windows-1252',
  cp1252: 'Windows-1252',
  ansi: 'Windows-1252',
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'utf-8 med bom': 'UTF-8',
};
const LINE_END_WORDS: Readonly<Record<string, LineEnd>> = { crlf: 'CRLF', lf: 'LF' };
const ZERO_WORDS: Readonly<Record<string, ZeroSumInvoices>> = { utelämna: 'omit', 'ta med': 'include' };

/** One setting's value from its cell; a blank cell is read by the caller as "the default". */
export function parseExportSetting(key: ExportSettingKey, value: unknown): Reading<ExportSettings[ExportSettingKey]> {
  switch (key) {
    case 'format':
      return choice(value, FORMAT_WORDS, 'Fast postlängd eller CSV');
    case 'encoding':
      return choice(value, ENCODING_WORDS, 'ISO-8859-1, Windows-1252 eller UTF-8');
    case 'lineEnd':
      return choice(value, LINE_END_WORDS, 'CRLF eller LF');
    case 'zeroSumInvoices':
      return choice(value, ZERO_WORDS, 'Utelämna eller Ta med');
    case 'dueDate': {
      const d = dayFromCell(value);
      return d === undefined ? { ok: false, message: 'skriv ett datum, ÅÅÅÅ-MM-DD' } : { ok: true, value: d };
    }
    case 'dueDays': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
      return Number.isInteger(n) && n >= 0 && n <= DUE_DAYS_MAX
        ? { ok: true, value: n }
        : { ok: false, message: `skriv ett heltal från 0 till ${DUE_DAYS_MAX}` };
    }
    case 'ourReference':
      return typeof value === 'string' || typeof value === 'number'
        ? { ok: true, value: String(value).normalize('NFC').trim() }
        : { ok: false, message: 'skriv en text' };
  }
}

/** The encoding a format uses when the setting is blank. */
export function encodingOf(settings: ExportSettings): Encoding {
  return settings.encoding ?? (settings.format === 'csv' ? 'UTF-8' : 'ISO-8859-1');
}
