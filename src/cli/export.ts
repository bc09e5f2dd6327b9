// One command-line export (§10): the invoice sheet `Faktura ÅÅÅÅ-MM` of --in and the `Export`
// sheet (of --in or --settings) → the invoicing system's import file, written atomically.
import { resolve } from 'node:path';
import {
  dayFromYmd,
  describeRefusal,
  EXPORT_SHEET,
  exportInvoiceSheet,
  exportTemplateSheet,
  findSheetName,
  formatKr,
  invoiceSheetMonth,
  kronorOfOre,
  monthKey,
  RunError,
  type Day,
  type ExportSummary,
  type Problem,
  type SheetCells,
} from '../engine/index.js';
import type { ExportArgs, ExportTemplateArgs } from './exportArgs.js';
import { checkOutputTarget, isSameFile, replaceFileAtomically } from './outputFile.js';
import { openWorkbookFile, type WorkbookFile } from './xlsxRead.js';
import { writeOutputWorkbook } from './xlsxWrite.js';

/** The export was refused: every line that stands in the way, with sheet, cell and value. */
export class ExportRefused extends RunError {
  constructor(readonly refusals: readonly Problem[]) {
    super(
      [
        `Exporten gjordes inte: ${refusals.length} ${refusals.length === 1 ? 'sak' : 'saker'} måste rättas först. Ingen fil skrevs.`,
        ...refusals.map((r) => `  ${describeRefusal(r)}`),
      ].join('\n'),
    );
  }
}

export interface ExportOutcome {
  readonly summary: ExportSummary;
  readonly outputPath: string;
  readonly text: string;
}

/** The export date in the user's own calendar (not UTC: a run at 00:30 belongs to that day). */
export function today(): Day {
  const now = new Date();
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The sheet `Faktura ÅÅÅÅ-MM` of `book` for the month, spelled as the user may have spelled it. */
function invoiceSheetOf(book: WorkbookFile, args: ExportArgs): string {
  const key = monthKey(args.month);
  const name = book.sheetNames.find((n) => {
    const m = invoiceSheetMonth(n);
    return m !== undefined && monthKey(m) === key;
  });
  if (name) return name;
  const invoices = book.sheetNames.filter((n) => invoiceSheetMonth(n) !== undefined);
  throw new RunError(
    `Bladet "Faktura ${key}" finns inte i ${args.input}. ` +
      (invoices.length
        ? `Fakturabladen där är: ${invoices.map((n) => `"${n}"`).join(', ')}. Välj en av månaderna med --month.`
        : `Den har inga fakturablad; ange en fil som npm run invoice har skrivit.`),
  );
}

const CREATE_EXPORT_SHEET =
  'Skapa ett med npm run export -- --template export.xlsx (eller Skapa Export-blad i Excel), fyll i Konto, Ansvar m.fl. för varje Typ ' +
  'och ange filen med --settings export.xlsx.';

/** The Export sheet of `book`; `fromSettings`: the book is --settings, else --in. */
async function readExportSheet(book: WorkbookFile, shown: string, fromSettings: boolean): Promise<SheetCells> {
  const name = findSheetName(book.sheetNames, EXPORT_SHEET);
  const cells = name === undefined ? undefined : await book.sheet(name);
  if (cells) return cells;
  throw new RunError(
    fromSettings
      ? `Bladet "${EXPORT_SHEET}" med konteringen finns inte i --settings ${shown}. ${CREATE_EXPORT_SHEET}`
      : `Bladet "${EXPORT_SHEET}" med konteringen finns inte i ${shown}, och ingen --settings angavs. ${CREATE_EXPORT_SHEET}`,
  );
}

export async function runExport(args: ExportArgs, exportDay: Day = today()): Promise<ExportOutcome> {
  const inputPath = resolve(args.input);
  const outputPath = resolve(args.output);
  const settingsPath = args.settings === undefined ? undefined : resolve(args.settings);
  const target = checkOutputTarget(outputPath, args.output, inputPath, args.force, {
    input: 'fakturaarbetsboken',
    example: 'fakturaunderlag.txt',
  });
  if (settingsPath && isSameFile(outputPath, settingsPath)) {
    throw new RunError(
      `--out ${args.output} är samma fil som --settings: den skrivs aldrig över. Välj ett annat namn med --out.`,
    );
  }

  const book = await openWorkbookFile(inputPath, args.input);
  let invoice: SheetCells, exportCells: SheetCells;
  try {
    invoice = (await book.sheet(invoiceSheetOf(book, args)))!;
    if (settingsPath) {
      const settings = await openWorkbookFile(settingsPath, args.settings!);
      try {
        exportCells = await readExportSheet(settings, args.settings!, true);
      } finally {
        await settings.close();
      }
    } else exportCells = await readExportSheet(book, args.input, false);
  } finally {
    await book.close();
  }

  const result = exportInvoiceSheet(invoice, exportCells, {
    today: exportDay,
    month: args.month,
    ...(args.format ? { format: args.format } : {}),
  });
  if (!result.ok) throw new ExportRefused(result.refusals);
  await replaceFileAtomically(
    target.path,
    (stream) =>
      new Promise<void>((done, fail) => {
        stream.once('error', fail);
        stream.end(result.bytes, done);
      }),
    {},
    target.shown,
  );
  return { summary: result.summary, outputPath, text: exportSummaryText(result.summary, outputPath) };
}

const FORMAT_TEXT = { fixed: 'fast postlängd', csv: 'CSV' } as const;

export function exportSummaryText(s: ExportSummary, outputPath: string): string {
  const lines = [
    `Export av ${s.sheet} klar (${FORMAT_TEXT[s.format]}, ${s.encoding}, ${s.lineEnd}).`,
    `  Fakturor:        ${s.invoices}`,
    `  Varav kredit:    ${s.creditInvoices}`,
    `  Rader:           ${s.lines}`,
    `  Totalt:          ${formatKr(kronorOfOre(s.totalOre))}`,
  ];
  if (s.zeroSumInvoices > 0)
    lines.push(
      `  Utan faktura:    ${s.zeroSumInvoices} ${s.zeroSumInvoices === 1 ? 'person' : 'personer'} vars rader summerar till 0 kr (${s.zeroSumLines} rader)`,
    );
  lines.push(
    `Fakturabladet har ${s.sheetLines} rader på ${formatKr(kronorOfOre(s.sheetTotalOre))}; filen bär samma summa.`,
    `Underlaget skrevs till ${outputPath}`,
  );
  return lines.join('\n');
}

/** `--template FILE`: a workbook whose one sheet is the Export sheet to fill in. */
export async function writeExportTemplate(args: ExportTemplateArgs): Promise<string> {
  const outputPath = resolve(args.output);
  const target = checkOutputTarget(outputPath, args.output, '', args.force, { flag: '--template', example: 'export.xlsx' });
  await replaceFileAtomically(
    target.path,
    (stream) => writeOutputWorkbook(stream, [exportTemplateSheet()]),
    {},
    target.shown,
    '--template',
  );
  return [
    `Ett Export-blad skrevs till ${outputPath}.`,
    'Fyll i Konto, Ansvar, Verksamhet m.fl. för varje Typ i konteringstabellen, och kör sedan',
    `  npm run export -- --in FAKTURA.xlsx --month ÅÅÅÅ-MM --out UNDERLAG.txt --settings ${args.output}`,
  ].join('\n');
}
