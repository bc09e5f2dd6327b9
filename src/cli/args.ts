// Command-line arguments of `npm run invoice`, read strictly (argv.ts), the settings by the
// engine's one settings parser.
export { ArgsError } from './argv.js';
import { ArgsError, readArgv } from './argv.js';
import { parseMonthKey, parseOverrides, type BillingOverrides, type SettingKey, type YearMonth } from '../engine/index.js';

/** What to bill and where to write it, with the run's settings over the Taxa sheet's. */
export interface InvoiceArgs extends BillingOverrides {
  readonly input: string;
  readonly month: YearMonth;
  readonly output?: string;
  readonly sheet?: string;
  readonly force: boolean;
  /** Earlier outputs whose invoice sheets are the record of what was billed (§9). */
  readonly billed?: readonly string[];
}

export const USAGE = `Användning:
  npm run invoice -- --in REGISTER.xlsx --month ÅÅÅÅ-MM --out FAKTURA.xlsx
                     [--billed FAKTURA-TIDIGARE.xlsx …]
                     [--proration started-month|days-30|actual-days] [--reminder-days N]
                     [--correction-months N] [--retro-debits report|bill]
                     [--sheet BLADNAMN] [--force]

  --in                 registret (.xlsx) som ska faktureras; filen ändras aldrig
  --month              faktureringsmånad, t.ex. 2025-03
  --out                filen som skrivs (standard: faktura-ÅÅÅÅ-MM.xlsx)
  --billed             en tidigare fakturafil; dess blad "Faktura ÅÅÅÅ-MM" visar vad som redan
                       fakturerats och rättas (R7). Anges en gång per fil. Fakturabladen i --in
                       räknas också; bladet för --month ersätts och räknas aldrig
  --proration          delmånad: started-month (påbörjad månad), days-30 eller actual-days
  --reminder-days      dagar efter påminnelse innan ej återlämnad teknik debiteras (0–3650)
  --correction-months  hur många månader bakåt som rättas (0–36, standard 12, 0 = inga rättelser)
  --retro-debits       rättelser som höjer en tidigare månad: report (rapportera) eller bill (debitera);
                       standard report: en höjning listas som varning men debiteras inte
                       (utan dessa fyra gäller Taxa-bladet, annars standardvärdena)
  --sheet              registrets blad (standard: Enhetsregister)
  --force              skriv över en befintlig --out-fil`;

export type ParsedArgs = { readonly help: true } | ({ readonly help: false } & InvoiceArgs);

const OPTIONS = {
  in: { type: 'string' },
  month: { type: 'string' },
  out: { type: 'string' },
  billed: { type: 'string', multiple: true },
  proration: { type: 'string' },
  'reminder-days': { type: 'string' },
  'correction-months': { type: 'string' },
  'retro-debits': { type: 'string' },
  sheet: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

const SETTING_OPTION: Readonly<Record<SettingKey, OptionName>> = {
  proration: 'proration',
  reminderDays: 'reminder-days',
  correctionMonths: 'correction-months',
  retroDebits: 'retro-debits',
};

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values = readArgv(argv, OPTIONS);
  if (values.help) return { help: true };

  const input = values.in;
  if (!input) throw new ArgsError('Ange registret med --in REGISTER.xlsx.');
  const monthText = values.month;
  if (!monthText) throw new ArgsError('Ange faktureringsmånaden med --month ÅÅÅÅ-MM.');
  const month = parseMonthKey(monthText);
  if (!month) throw new ArgsError(`Månaden "${monthText}" går inte att läsa. Skriv den som ÅÅÅÅ-MM, t.ex. 2025-03.`);

  const { overrides, problems } = parseOverrides({
    proration: values.proration,
    reminderDays: values['reminder-days'],
    correctionMonths: values['correction-months'],
    retroDebits: values['retro-debits'],
  });
  const problem = problems[0];
  if (problem) throw new ArgsError(`--${SETTING_OPTION[problem.setting]}: ${problem.message}`);

  return {
    help: false,
    input,
    month,
    force: values.force ?? false,
    billed: values.billed ?? [],
    ...(values.out !== undefined ? { output: values.out } : {}),
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    ...overrides,
  };
}
