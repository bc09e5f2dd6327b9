// Command-line arguments of `npm run export` (§10), read strictly like `npm run invoice`'s.
import { parseExportSetting, parseMonthKey, type ExportFormat, type YearMonth } from '../engine/index.js';
import { ArgsError, readArgv } from './argv.js';

/** Export one billed month's invoice sheet to the invoicing system's import file. */
export interface ExportArgs {
  readonly mode: 'export';
  /** The workbook with the sheet `Faktura ÅÅÅÅ-MM` (an output of `npm run invoice`, or the add-in's workbook). */
  readonly input: string;
  readonly month: YearMonth;
  readonly output: string;
  /** Chosen over the Export sheet's Format (§10). */
  readonly format?: ExportFormat;
  /** A workbook whose `Export` sheet is used instead of --in's. */
  readonly settings?: string;
  readonly force: boolean;
}

/** Write a workbook with an `Export` sheet to fill in (what the pane's *Skapa Export-blad* writes). */
export interface ExportTemplateArgs {
  readonly mode: 'template';
  readonly output: string;
  readonly force: boolean;
}

export type ParsedExportArgs = { readonly mode: 'help' } | ExportArgs | ExportTemplateArgs;

export const EXPORT_USAGE = `Användning:
  npm run export -- --in FAKTURA.xlsx --month ÅÅÅÅ-MM --out UNDERLAG.txt
                    [--format fast|csv] [--settings INSTÄLLNINGAR.xlsx] [--force]
  npm run export -- --template EXPORTBLAD.xlsx [--force]

  --in        arbetsboken med bladet "Faktura ÅÅÅÅ-MM" (utdata från npm run invoice); ändras aldrig
  --month     den fakturerade månaden som exporteras, t.ex. 2025-03
  --out       filen som skrivs: fakturaunderlaget till faktureringssystemet
  --format    fast (fast postlängd) eller csv; utan den gäller Export-bladets Format (standard fast)
  --settings  en arbetsbok vars blad "Export" (kontering, inställningar, postlayout) används;
              utan den läses bladet "Export" i --in
  --template  skriv en arbetsbok med ett ifyllt Export-blad (standardlayout, tom kontering) att
              fylla i, som Skapa Export-blad i Excel
  --force     skriv över en befintlig fil`;

const OPTIONS = {
  in: { type: 'string' },
  month: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  settings: { type: 'string' },
  template: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseExportArgs(argv: readonly string[]): ParsedExportArgs {
  const values = readArgv(argv, OPTIONS);
  if (values.help) return { mode: 'help' };
  const force = values.force ?? false;

  if (values.template !== undefined) {
    for (const other of ['in', 'month', 'out', 'format', 'settings'] as const) {
      if (values[other] !== undefined) {
        throw new ArgsError(
          `--template skriver bara ett Export-blad och tar inte --${other}. Kör exporten som ett eget kommando.`,
        );
      }
    }
    return { mode: 'template', output: values.template, force };
  }

  const input = values.in;
  if (!input) throw new ArgsError('Ange arbetsboken med fakturabladet med --in FAKTURA.xlsx.');
  const monthText = values.month;
  if (!monthText) throw new ArgsError('Ange den fakturerade månaden med --month ÅÅÅÅ-MM.');
  const month = parseMonthKey(monthText);
  if (!month) throw new ArgsError(`Månaden "${monthText}" går inte att läsa. Skriv den som ÅÅÅÅ-MM, t.ex. 2025-03.`);
  const output = values.out;
  if (!output) throw new ArgsError('Ange filen som ska skrivas med --out, t.ex. --out fakturaunderlag.txt.');
  let format: ExportFormat | undefined;
  if (values.format !== undefined) {
    // The Export sheet's own words for its Format setting: fast, fast postlängd, csv.
    const read = parseExportSetting('format', values.format);
    if (!read.ok) throw new ArgsError(`--format kan inte vara "${values.format}". Skriv fast eller csv.`);
    format = read.value as ExportFormat;
  }
  return {
    mode: 'export',
    input,
    month,
    output,
    force,
    ...(format ? { format } : {}),
    ...(values.settings !== undefined ? { settings: values.settings } : {}),
  };
}
