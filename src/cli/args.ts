// Command-line arguments of `npm run invoice`: node:util's parseArgs in strict mode, its errors
// told in Swedish, and the settings read by the engine's one settings parser.
import { parseArgs as parseNodeArgs } from 'node:util';
import { parseMonthKey, parseOverrides, type BillingOverrides, type SettingKey, type YearMonth } from '../engine/index.js';

/** What to bill and where to write it, with the run's settings over the Taxa sheet's. */
export interface InvoiceArgs extends BillingOverrides {
  readonly input: string;
  readonly month: YearMonth;
  readonly output?: string;
  readonly sheet?: string;
  readonly force: boolean;
}

export const USAGE = `Användning:
  npm run invoice -- --in REGISTER.xlsx --month ÅÅÅÅ-MM --out FAKTURA.xlsx
                     [--proration started-month|days-30|actual-days] [--reminder-days N]
                     [--correction-months N] [--retro-debits report|bill]
                     [--sheet BLADNAMN] [--force]

  --in                 registret (.xlsx) som ska faktureras; filen ändras aldrig
  --month              faktureringsmånad, t.ex. 2025-03
  --out                filen som skrivs (standard: faktura-ÅÅÅÅ-MM.xlsx)
  --proration          delmånad: started-month (påbörjad månad), days-30 eller actual-days
  --reminder-days      dagar efter påminnelse innan ej återlämnad teknik debiteras (0–3650)
  --correction-months  hur många månader bakåt som rättas (0–36)
  --retro-debits       rättelser som höjer en tidigare månad: report (rapportera) eller bill (debitera)
                       (utan dessa fyra gäller Taxa-bladet, annars standardvärdena)
  --sheet              registrets blad (standard: Enhetsregister)
  --force              skriv över en befintlig --out-fil`;

export class ArgsError extends Error {}

export type ParsedArgs = { readonly help: true } | ({ readonly help: false } & InvoiceArgs);

const OPTIONS = {
  in: { type: 'string' },
  month: { type: 'string' },
  out: { type: 'string' },
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

const isOption = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name);

/**
 * parseArgs' errors carry English text only; the argument at fault is found again by a lenient
 * parse of the same words, which yields each one as a token.
 */
function swedishParseError(argv: readonly string[], code: unknown): ArgsError {
  const { tokens } = parseNodeArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'positional' && code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      return new ArgsError(`Okänt argument "${t.value}". Varje värde skrivs efter sitt argument, t.ex. --in REGISTER.xlsx.`);
    }
    if (t.kind !== 'option') continue;
    if (!isOption(t.name)) return new ArgsError(`Okänt argument "${t.rawName}".`);
    const takesValue = OPTIONS[t.name].type === 'string';
    if (takesValue && t.value === undefined) return new ArgsError(`${t.rawName} behöver ett värde.`);
    if (takesValue && !t.inlineValue && t.value?.startsWith('-')) {
      return new ArgsError(
        `${t.rawName} behöver ett värde, men följs av "${t.value}". Ett värde som börjar med bindestreck skrivs ${t.rawName}=${t.value}.`,
      );
    }
    if (!takesValue && t.value !== undefined)
      return new ArgsError(`${t.rawName} tar inget värde (fick "${t.rawName}=${t.value}").`);
  }
  return new ArgsError(`Argumenten går inte att läsa: ${argv.join(' ')}.`);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false, tokens: true });
  } catch (e) {
    throw swedishParseError(argv, (e as { code?: unknown }).code);
  }
  const { values, tokens } = parsed;
  if (values.help) return { help: true };
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) throw new ArgsError(`--${t.name} anges två gånger.`);
    seen.add(t.name);
    if (t.value !== undefined && t.value.trim() === '') throw new ArgsError(`--${t.name} behöver ett värde.`);
  }

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
    ...(values.out !== undefined ? { output: values.out } : {}),
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    ...overrides,
  };
}
