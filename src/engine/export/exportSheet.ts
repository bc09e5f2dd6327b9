// §10: the workbook's "Export" sheet. Three tables anywhere on the sheet, each found by its header
// row: kontering (required), settings and the fixed-width field table (both optional: the
// defaults apply). Anything unreadable refuses the export with the cell named.
import { LINE_KINDS } from '../invoiceLine.js';
import { columnLetter, type Problem } from '../problems.js';
import { findService } from '../services.js';
import type { SheetCells } from '../sheet.js';
import { displayValue, isBlank, normaliseKey } from '../text.js';
import {
  DEFAULT_EXPORT_SETTINGS,
  exportSettingOf,
  EXPORT_SETTING_LABEL,
  parseExportSetting,
  type ExportSettingKey,
  type ExportSettings,
} from './exportSettings.js';
import type { KonteringRow } from './kontering.js';
import {
  ALIGN_LABEL,
  CONTENT_BY_KEY,
  DEFAULT_LAYOUT,
  FORMATS,
  KONTERING_FIELDS,
  KONTERING_LABEL,
  MAX_RECORD_LENGTH,
  PAD_LABEL,
  parseContent,
  RECORD_TYPES,
  SCOPE_RECORDS,
  type Align,
  type KonteringField,
  type LayoutField,
  type Pad,
  type RecordType,
} from './layout.js';
import { hasControlChar } from './values.js';

export const EXPORT_SHEET = 'Export';

export interface ExportConfig {
  readonly sheet: string;
  readonly kontering: readonly KonteringRow[];
  readonly settings: ExportSettings;
  /** A1 address of each setting's value cell, for messages. */
  readonly settingCells: Readonly<Partial<Record<ExportSettingKey, string>>>;
  readonly layout: readonly LayoutField[];
  readonly layoutFromSheet: boolean;
}

export type ExportConfigReading =
  { readonly ok: true; readonly config: ExportConfig } | { readonly ok: false; readonly refusals: readonly Problem[] };

const key = (v: unknown): string => normaliseKey(String(v ?? '').replace(/\([^)]*\)/g, ''));

type KonteringColumn = 'kind' | 'service' | KonteringField | 'text';
const KONTERING_HEADERS: ReadonlyArray<{ col: KonteringColumn; header: string; accepts: readonly string[]; required: boolean }> =
  [
    { col: 'kind', header: 'Typ', accepts: ['typ', 'radtyp'], required: true },
    { col: 'service', header: 'Tjänst', accepts: ['tjänst'], required: false },
    ...KONTERING_FIELDS.map((f) => ({ col: f, header: KONTERING_LABEL[f], accepts: [key(KONTERING_LABEL[f])], required: true })),
    { col: 'text', header: 'Text', accepts: ['text', 'radtext', 'fakturatext'], required: false },
  ];
type LayoutColumn = 'record' | 'name' | 'start' | 'length' | 'align' | 'pad' | 'content';
const LAYOUT_HEADERS: ReadonlyArray<{ col: LayoutColumn; header: string; accepts: readonly string[]; required: boolean }> = [
  { col: 'record', header: 'Post', accepts: ['post', 'posttyp'], required: true },
  { col: 'name', header: 'Fält', accepts: ['fält', 'fältnamn'], required: false },
  { col: 'start', header: 'Start', accepts: ['start', 'från position', 'startposition'], required: true },
  { col: 'length', header: 'Längd', accepts: ['längd'], required: true },
  { col: 'align', header: 'Justering', accepts: ['justering'], required: false },
  { col: 'pad', header: 'Utfyllnad', accepts: ['utfyllnad'], required: false },
  { col: 'content', header: 'Innehåll', accepts: ['innehåll'], required: true },
];
export const KONTERING_TABLE_HEADERS = KONTERING_HEADERS.map((h) => h.header);
export const SETTINGS_TABLE_HEADERS = ['Inställning', 'Värde'] as const;
export const LAYOUT_TABLE_HEADERS = LAYOUT_HEADERS.map((h) => h.header);

interface TableAt {
  readonly row: number; // index into values
  readonly from: number;
  readonly to: number; // exclusive
  end: number; // first index after the data rows
}

/** The first header row holding all of `wanted` within one run of non-blank cells. */
function findTable(values: ReadonlyArray<ReadonlyArray<unknown>>, wanted: readonly string[]): TableAt | undefined {
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    let c = 0;
    while (c < row.length) {
      if (isBlank(row[c])) {
        c++;
        continue;
      }
      let to = c;
      while (to < row.length && !isBlank(row[to])) to++;
      const keys = new Set(row.slice(c, to).map(key));
      if (wanted.every((w) => keys.has(w))) return { row: r, from: c, to, end: r + 1 };
      c = to;
    }
  }
  return undefined;
}

export function readExportSheet(sheet: SheetCells | undefined): ExportConfigReading {
  if (!sheet) {
    return {
      ok: false,
      refusals: [
        {
          severity: 'Fel',
          sheet: EXPORT_SHEET,
          column: '',
          value: '',
          message: `Bladet "${EXPORT_SHEET}" saknas. Skapa det med Skapa Export-blad och fyll i konteringen (Konto, Ansvar …) för varje Typ.`,
        },
      ],
    };
  }
  const values = sheet.values;
  const refusals: Problem[] = [];
  const at = (r: number, c: number): string => `${columnLetter((sheet.firstColumn ?? 0) + c)}${(sheet.firstRow ?? 1) + r}`;
  const excelRow = (r: number): number => (sheet.firstRow ?? 1) + r;
  const refuse = (r: number | undefined, c: number | undefined, column: string, value: unknown, message: string): void => {
    refusals.push({
      severity: 'Fel',
      sheet: sheet.name,
      ...(r !== undefined ? { row: excelRow(r) } : {}),
      column,
      ...(r !== undefined && c !== undefined ? { cell: at(r, c) } : {}),
      value: displayValue(value),
      message,
    });
  };
  const cellOf = (r: number, c: number): unknown => values[r]?.[c];
  const rowBlank = (t: TableAt, r: number): boolean => {
    for (let c = t.from; c < t.to; c++) if (!isBlank(cellOf(r, c))) return false;
    return true;
  };

  const konteringAt = findTable(values, ['typ', 'konto']);
  const settingsAt = findTable(values, ['inställning', 'värde']);
  const layoutAt =
    findTable(values, ['post', 'start', 'längd', 'innehåll']) ?? findTable(values, ['posttyp', 'start', 'längd', 'innehåll']);
  const tables = [konteringAt, settingsAt, layoutAt].filter((t): t is TableAt => t !== undefined);
  for (const t of tables) while (t.end < values.length && !rowBlank(t, t.end)) t.end++;
  // Rows below a blank row would be silently ignored: refuse them unless another table starts there.
  for (const t of tables) {
    for (let r = t.end + 1; r < values.length; r++) {
      const other = tables.some((o) => o !== t && r >= o.row && r < o.end && o.from < t.to && t.from < o.to);
      if (other) break;
      if (!rowBlank(t, r)) {
        const c = (() => {
          for (let i = t.from; i < t.to; i++) if (!isBlank(cellOf(r, i))) return i;
          return t.from;
        })();
        refuse(
          r,
          c,
          '',
          cellOf(r, c),
          `Raden står under en tom rad i tabellen som börjar på rad ${excelRow(t.row)} och skulle inte läsas. Ta bort den tomma raden ${excelRow(t.end)}.`,
        );
        break;
      }
    }
  }

  // --- kontering ---
  const kontering: KonteringRow[] = [];
  if (!konteringAt) {
    refuse(
      undefined,
      undefined,
      '',
      '',
      `Bladet "${sheet.name}" saknar konteringstabellen (rubrikerna ${KONTERING_TABLE_HEADERS.join(', ')}). Skapa bladet med Skapa Export-blad.`,
    );
  } else {
    const t = konteringAt;
    const colOf = columnsOf(values[t.row] ?? [], t, KONTERING_HEADERS);
    const missing = KONTERING_HEADERS.filter((h) => h.required && colOf[h.col] === undefined).map((h) => h.header);
    if (missing.length > 0) {
      refuse(t.row, t.from, '', '', `Konteringstabellen saknar kolumner: ${missing.join(', ')}.`);
    } else {
      const seen = new Map<string, number>();
      for (let r = t.row + 1; r < t.end; r++) {
        const kindCol = colOf.kind!;
        const kindCell = cellOf(r, kindCol);
        const kind = LINE_KINDS.find((k) => normaliseKey(k) === normaliseKey(kindCell));
        if (!kind) {
          refuse(
            r,
            kindCol,
            'Typ',
            kindCell,
            `${isBlank(kindCell) ? 'Typ saknas' : 'Okänd typ'}; skriv ${LINE_KINDS.join(', ')}.`,
          );
          continue;
        }
        let service: string | undefined;
        const sc = colOf.service;
        if (sc !== undefined && !isBlank(cellOf(r, sc))) {
          service = findService(cellOf(r, sc))?.name;
          if (!service) {
            refuse(
              r,
              sc,
              'Tjänst',
              cellOf(r, sc),
              'Okänd tjänst. Lämna tom för alla tjänster, eller skriv en tjänst som på fakturabladet.',
            );
            continue;
          }
        }
        const codes = {} as Record<KonteringField, string>;
        let readable = true;
        for (const f of KONTERING_FIELDS) {
          const c = colOf[f]!;
          const code = codeOf(cellOf(r, c));
          if (code === undefined) {
            readable = false;
            refuse(
              r,
              c,
              KONTERING_LABEL[f],
              cellOf(r, c),
              `${KONTERING_LABEL[f]} ska vara en kod (siffror eller bokstäver, utan radbrytning).`,
            );
          } else codes[f] = code;
        }
        const tc = colOf.text;
        const textCell = tc === undefined ? '' : cellOf(r, tc);
        const text = isBlank(textCell) ? '' : String(textCell).normalize('NFC').trim();
        if (/[\r\n\t]/.test(text)) {
          readable = false;
          refuse(r, tc, 'Text', textCell, 'Texten får inte innehålla radbrytningar eller tabbar.');
        }
        const dupKey = `${kind}|${service ?? ''}`;
        const earlier = seen.get(dupKey);
        if (earlier !== undefined) {
          refuse(
            r,
            kindCol,
            'Typ',
            kindCell,
            `Samma Typ${service ? ' och Tjänst' : ''} står redan på rad ${excelRow(earlier)}. Ta bort den ena raden.`,
          );
          continue;
        }
        seen.set(dupKey, r);
        if (!readable) continue;
        const cells = { kind: at(r, kindCol), service: at(r, sc ?? kindCol), text: at(r, tc ?? kindCol) } as Record<
          KonteringField | 'kind' | 'service' | 'text',
          string
        >;
        for (const f of KONTERING_FIELDS) cells[f] = at(r, colOf[f]!);
        kontering.push({ kind, ...(service ? { service } : {}), codes, text, row: excelRow(r), cells });
      }
    }
  }

  // --- settings ---
  const settings: { -readonly [K in ExportSettingKey]?: ExportSettings[K] } = {};
  const settingCells: Partial<Record<ExportSettingKey, string>> = {};
  if (settingsAt) {
    const t = settingsAt;
    const header = values[t.row] ?? [];
    let nameCol = t.from,
      valueCol = t.from + 1;
    for (let c = t.from; c < t.to; c++) {
      if (key(header[c]) === 'inställning') nameCol = c;
      if (key(header[c]) === 'värde') valueCol = c;
    }
    for (let r = t.row + 1; r < t.end; r++) {
      const nameCell = cellOf(r, nameCol);
      const valueCell = cellOf(r, valueCol);
      const k = exportSettingOf(nameCell);
      if (!k) {
        refuse(
          r,
          nameCol,
          'Inställning',
          nameCell,
          `Okänd inställning; skriv ${Object.values(EXPORT_SETTING_LABEL).join(', ')}.`,
        );
        continue;
      }
      if (settingCells[k] !== undefined) {
        refuse(
          r,
          nameCol,
          'Inställning',
          nameCell,
          `${EXPORT_SETTING_LABEL[k]} står redan i ${settingCells[k]}. Ta bort den ena raden.`,
        );
        continue;
      }
      settingCells[k] = at(r, valueCol);
      if (isBlank(valueCell)) continue;
      const read = parseExportSetting(k, valueCell);
      if (!read.ok) refuse(r, valueCol, EXPORT_SETTING_LABEL[k], valueCell, `${EXPORT_SETTING_LABEL[k]}: ${read.message}.`);
      else (settings as Record<string, unknown>)[k] = read.value;
    }
  }

  // --- field table ---
  let layout: readonly LayoutField[] = DEFAULT_LAYOUT;
  if (layoutAt) {
    const t = layoutAt;
    const colOf = columnsOf(values[t.row] ?? [], t, LAYOUT_HEADERS);
    const fields: LayoutField[] = [];
    for (let r = t.row + 1; r < t.end; r++) {
      const f = layoutField(r, colOf, cellOf, at, (c, column, message) => refuse(r, c, column, cellOf(r, c), message));
      if (!f) continue;
      const clash = fields.find((o) => o.record === f.record && o.start < f.start + f.length && f.start < o.start + o.length);
      if (clash) {
        refuse(
          r,
          colOf.start!,
          'Start',
          cellOf(r, colOf.start!),
          `Fältet överlappar fältet i ${clash.cell} (positioner ${clash.start}–${clash.start + clash.length - 1}) i post ${f.record}.`,
        );
        continue;
      }
      fields.push(f);
    }
    if (fields.length === 0 && refusals.length === 0)
      refuse(t.row, t.from, 'Post', '', 'Fälttabellen har inga fält. Ta bort tabellen för att använda standardlayouten.');
    layout = fields;
  }

  if (refusals.length > 0) return { ok: false, refusals };
  return {
    ok: true,
    config: {
      sheet: sheet.name,
      kontering,
      settings: { ...DEFAULT_EXPORT_SETTINGS, ...settings },
      settingCells,
      layout,
      layoutFromSheet: layoutAt !== undefined,
    },
  };
}

function columnsOf<C extends string>(
  header: ReadonlyArray<unknown>,
  t: TableAt,
  specs: ReadonlyArray<{ col: C; accepts: readonly string[] }>,
): Partial<Record<C, number>> {
  const colOf: Partial<Record<C, number>> = {};
  for (let c = t.from; c < t.to; c++) {
    const spec = specs.find((s) => s.accepts.includes(key(header[c])));
    if (spec && colOf[spec.col] === undefined) colOf[spec.col] = c;
  }
  return colOf;
}

/** A kontering code: text as typed, or a whole number (a cell Excel turned into a number). */
function codeOf(v: unknown): string | undefined {
  if (isBlank(v)) return '';
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : undefined;
  if (typeof v !== 'string') return undefined;
  const text = v.normalize('NFC').trim();
  return hasControlChar(text) ? undefined : text;
}

const RECORD_BY_KEY = new Map<string, RecordType>(RECORD_TYPES.map((t) => [t.toLowerCase(), t]));
const ALIGN_BY_KEY = new Map<string, Align>(
  (Object.entries(ALIGN_LABEL) as [Align, string][]).map(([k, l]) => [normaliseKey(l), k]),
);
const PAD_BY_KEY = new Map<string, Pad>((Object.entries(PAD_LABEL) as [Pad, string][]).map(([k, l]) => [normaliseKey(l), k]));
PAD_BY_KEY.set('mellanslag', 'space');

function positiveInt(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

function layoutField(
  r: number,
  colOf: Partial<Record<LayoutColumn, number>>,
  cellOf: (r: number, c: number) => unknown,
  at: (r: number, c: number) => string,
  refuse: (c: number, column: string, message: string) => void,
): LayoutField | undefined {
  const before = { count: 0 };
  const fail = (c: number, column: string, message: string): undefined => {
    before.count++;
    refuse(c, column, message);
    return undefined;
  };
  const rc = colOf.record!,
    sc = colOf.start!,
    lc = colOf.length!,
    cc = colOf.content!;
  const record = RECORD_BY_KEY.get(normaliseKey(cellOf(r, rc)));
  if (!record) fail(rc, 'Post', `Okänd posttyp; skriv ${RECORD_TYPES.join(', ')}.`);
  const start = positiveInt(cellOf(r, sc));
  if (start === undefined) fail(sc, 'Start', 'Start ska vara en position från 1 (heltal).');
  const length = positiveInt(cellOf(r, lc));
  if (length === undefined) fail(lc, 'Längd', 'Längd ska vara ett heltal från 1.');
  if (start !== undefined && length !== undefined && start + length - 1 > MAX_RECORD_LENGTH)
    fail(lc, 'Längd', `Fältet slutar efter position ${MAX_RECORD_LENGTH}.`);
  let align: Align = 'left';
  if (colOf.align !== undefined && !isBlank(cellOf(r, colOf.align))) {
    const a = ALIGN_BY_KEY.get(normaliseKey(cellOf(r, colOf.align)));
    if (!a) fail(colOf.align, 'Justering', 'Skriv Vänster eller Höger.');
    else align = a;
  }
  let pad: Pad = 'space';
  if (colOf.pad !== undefined && !isBlank(cellOf(r, colOf.pad))) {
    const p = PAD_BY_KEY.get(normaliseKey(cellOf(r, colOf.pad)));
    if (!p) fail(colOf.pad, 'Utfyllnad', `Skriv ${Object.values(PAD_LABEL).join(', ')}.`);
    else pad = p;
  }
  const contentCell = cellOf(r, cc);
  const parsed = isBlank(contentCell) ? { ok: false as const, message: 'Innehåll saknas' } : parseContent(String(contentCell));
  if (!parsed.ok) fail(cc, 'Innehåll', `${parsed.message.charAt(0).toUpperCase()}${parsed.message.slice(1)}.`);
  if (before.count > 0 || !record || start === undefined || length === undefined || !parsed.ok) return undefined;

  const content = parsed.content;
  if (content.kind === 'literal') {
    if (content.text.length > length)
      return fail(cc, 'Innehåll', `Den fasta texten har ${content.text.length} tecken men fältet bara ${length}.`);
  } else {
    const spec = CONTENT_BY_KEY[content.key];
    if (!SCOPE_RECORDS[spec.scope].includes(record))
      return fail(
        cc,
        'Innehåll',
        `${spec.label} finns inte i post ${record}; den kan stå i post ${SCOPE_RECORDS[spec.scope].join(', ')}.`,
      );
    if (pad === 'zero-signed' && spec.value !== 'number')
      return fail(colOf.pad ?? cc, 'Utfyllnad', 'Nollor med tecken gäller bara belopp och antal.');
    const formatLength = content.format ? content.format.length : spec.value === 'letter' ? 1 : 0;
    if (formatLength > length)
      return fail(
        lc,
        'Längd',
        `${spec.label} i formatet ${content.format ?? FORMATS[spec.value]?.[0] ?? ''} behöver ${formatLength} tecken men fältet har ${length}.`,
      );
  }
  if (pad !== 'space' && align === 'left')
    return fail(
      colOf.align ?? cc,
      'Justering',
      'Nollor till höger ändrar värdet; välj Höger justering med nollor, eller Blanksteg.',
    );
  const nameCell = colOf.name === undefined ? '' : cellOf(r, colOf.name);
  return { record, name: displayValue(nameCell), start, length, align, pad, content, cell: at(r, cc) };
}
