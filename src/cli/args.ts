// Command-line arguments of `npm run invoice`, with Swedish messages.
import { isValidReminderDays, parseMonthKey, parseProration, type Proration, type YearMonth } from '../engine/index.js';

export interface InvoiceArgs {
  readonly input: string;
  readonly month: YearMonth;
  readonly output?: string;
  readonly proration?: Proration;
  readonly reminderDays?: number;
  readonly sheet?: string;
  readonly force: boolean;
}

export const USAGE = `Användning:
  npm run invoice -- --in REGISTER.xlsx --month ÅÅÅÅ-MM --out FAKTURA.xlsx
                     [--proration started-month|days-30|actual-days] [--reminder-days N]
                     [--sheet BLADNAMN] [--force]

  --in             registret (.xlsx) som ska faktureras; filen ändras aldrig
  --month          faktureringsmånad, t.ex. 2025-03
  --out            filen som skrivs (standard: faktura-ÅÅÅÅ-MM.xlsx)
  --proration      delmånad: started-month (påbörjad månad, standard), days-30 eller actual-days
  --reminder-days  dagar efter påminnelse innan ej återlämnad teknik debiteras (standard 30)
  --sheet          registrets blad (standard: Enhetsregister, annars första blad med rätt rubriker)
  --force          skriv över en befintlig --out-fil`;

export class ArgsError extends Error {}

export type ParsedArgs = { readonly help: true } | ({ readonly help: false } & InvoiceArgs);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { help: true };
    if (a === '--force') {
      force = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!['--in', '--month', '--out', '--proration', '--reminder-days', '--sheet'].includes(name)) {
      throw new ArgsError(`Okänt argument "${a}".`);
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new ArgsError(`${name} behöver ett värde.`);
    if (values.has(name)) throw new ArgsError(`${name} anges två gånger.`);
    values.set(name, value);
  }
  const input = values.get('--in');
  if (!input) throw new ArgsError('Ange registret med --in REGISTER.xlsx.');
  const monthText = values.get('--month');
  if (!monthText) throw new ArgsError('Ange faktureringsmånaden med --month ÅÅÅÅ-MM.');
  const month = parseMonthKey(monthText);
  if (!month) throw new ArgsError(`Månaden "${monthText}" går inte att läsa. Skriv den som ÅÅÅÅ-MM, t.ex. 2025-03.`);
  let proration: Proration | undefined;
  const p = values.get('--proration');
  if (p !== undefined) {
    proration = parseProration(p);
    if (!proration) throw new ArgsError(`Okänd delmånadsregel "${p}". Välj started-month, days-30 eller actual-days.`);
  }
  let reminderDays: number | undefined;
  const rd = values.get('--reminder-days');
  if (rd !== undefined) {
    reminderDays = /^\d+$/.test(rd) ? Number(rd) : NaN;
    if (!isValidReminderDays(reminderDays)) throw new ArgsError(`--reminder-days ska vara ett heltal från 0 (fick "${rd}").`);
  }
  const output = values.get('--out');
  const sheet = values.get('--sheet');
  return {
    help: false,
    input,
    month,
    force,
    ...(output !== undefined ? { output } : {}),
    ...(proration ? { proration } : {}),
    ...(reminderDays !== undefined ? { reminderDays } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
  };
}
