// §10 "Skapa Export-blad": the Export sheet to fill in: an empty kontering per Typ, the settings
// at their defaults, and the default field table.
import { LINE_KINDS } from '../invoiceLine.js';
import { makeTable, sheetGrid, type OutputCell, type OutputSheet } from '../output/table.js';
import {
  DEFAULT_EXPORT_SETTINGS,
  DUE_DAYS_MAX,
  EXPORT_SETTING_LABEL,
  FORMAT_LABEL,
  ZERO_SUM_LABEL,
  type ExportSettingKey,
} from './exportSettings.js';
import { EXPORT_SHEET, KONTERING_TABLE_HEADERS, LAYOUT_TABLE_HEADERS } from './exportSheet.js';
import { ALIGN_LABEL, contentLabel, DEFAULT_LAYOUT, PAD_LABEL } from './layout.js';

const SETTING_ROWS: ReadonlyArray<{ key: ExportSettingKey; value: OutputCell; note: string }> = [
  { key: 'format', value: FORMAT_LABEL[DEFAULT_EXPORT_SETTINGS.format], note: 'Fast postlängd eller CSV' },
  {
    key: 'encoding',
    value: '',
    note: 'Tom: ISO-8859-1 för fast postlängd, UTF-8 med BOM för CSV. Annars ISO-8859-1, Windows-1252 eller UTF-8 (bara CSV)',
  },
  { key: 'lineEnd', value: DEFAULT_EXPORT_SETTINGS.lineEnd, note: 'CRLF eller LF' },
  { key: 'dueDate', value: '', note: 'Ett datum, ÅÅÅÅ-MM-DD; tom: räknas från exportdagen' },
  {
    key: 'dueDays',
    value: String(DEFAULT_EXPORT_SETTINGS.dueDays),
    note: `Dagar efter exportdagen, 0–${DUE_DAYS_MAX}, när Förfallodag är tom`,
  },
  { key: 'ourReference', value: DEFAULT_EXPORT_SETTINGS.ourReference, note: 'Text på fakturahuvudet' },
  {
    key: 'zeroSumInvoices',
    value: ZERO_SUM_LABEL[DEFAULT_EXPORT_SETTINGS.zeroSumInvoices],
    note: 'Utelämna eller Ta med personer vars rader summerar till 0 kr',
  },
];

export function exportTemplateSheet(name = EXPORT_SHEET): OutputSheet {
  const kontering = makeTable(
    'Export_kontering',
    KONTERING_TABLE_HEADERS.map((header) => ({ header, kind: 'text' as const })),
    // Care fees carry no VAT: Momskod 00 (§10).
    LINE_KINDS.map((kind) => KONTERING_TABLE_HEADERS.map((h) => (h === 'Typ' ? kind : h === 'Momskod' ? '00' : ''))),
  );
  const settings = makeTable(
    'Export_installningar',
    [
      { header: 'Inställning', kind: 'text' },
      { header: 'Värde', kind: 'text' },
      { header: 'Förklaring', kind: 'text' },
    ],
    SETTING_ROWS.map((s) => [EXPORT_SETTING_LABEL[s.key], s.value, s.note]),
  );
  const layout = makeTable(
    'Export_postlayout',
    LAYOUT_TABLE_HEADERS.map((header) => ({
      header,
      kind: header === 'Start' || header === 'Längd' ? ('int' as const) : ('text' as const),
    })),
    DEFAULT_LAYOUT.map((f) => [
      f.record,
      f.name,
      f.start,
      f.length,
      ALIGN_LABEL[f.align],
      PAD_LABEL[f.pad],
      contentLabel(f.content),
    ]),
  );
  return { name, tables: [kontering, settings, layout] };
}

/** The template's cells, header row first: the three tables side by side. */
export function exportTemplateValues(): OutputCell[][] {
  return sheetGrid(exportTemplateSheet());
}
