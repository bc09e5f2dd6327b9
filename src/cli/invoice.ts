// One command-line invoice run: read the register workbook, bill the month, write the sheets.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  billWorkbook,
  countProblems,
  formatKr,
  monthKey,
  outputSheets,
  problemSheetName,
  RunError,
  SETTING_KEYS,
  type BillingOverrides,
  type BillingResult,
  type WorkbookInput,
} from '../engine/index.js';
import type { InvoiceArgs } from './args.js';
import { checkOutputTarget, replaceFileAtomically } from './outputFile.js';
import { readWorkbookInput } from './workbookInput.js';
import { openWorkbookFile } from './xlsxRead.js';
import { writeOutputWorkbook, type Progress } from './xlsxWrite.js';

export interface InvoiceOutcome {
  readonly result: BillingResult;
  readonly outputPath: string;
  readonly summary: string;
}

export type Say = (line: string) => void;

export async function runInvoice(args: InvoiceArgs, progress: Say = () => {}): Promise<InvoiceOutcome> {
  const inputPath = resolve(args.input);
  const outputPath = resolve(args.output ?? `faktura-${monthKey(args.month)}.xlsx`);
  if (!existsSync(inputPath)) throw new RunError(`Filen ${args.input} finns inte.`);
  const target = checkOutputTarget(outputPath, args.output ?? outputPath, inputPath, args.force);

  progress('Läser registret …');
  const book = await openWorkbookFile(inputPath, args.input);
  let input: WorkbookInput;
  try {
    input = await readWorkbookInput(book, args);
  } finally {
    await book.close();
  }
  const register = input.register;

  progress(`Fakturerar ${monthKey(args.month)} (${register.values.length - 1} rader) …`);
  const result = billWorkbook(input, {
    month: args.month,
    settings: runOverrides(args),
  });

  progress('Skriver fakturan …');
  const writeProgress: Progress = (done, total) => progress(`Skriver fakturan … ${Math.round((100 * done) / total)} %`);
  const output = outputSheets(result);
  await replaceFileAtomically(target.path, (stream) => writeOutputWorkbook(stream, output, writeProgress), {}, target.shown);
  return { result, outputPath, summary: summaryText(result, outputPath) };
}

/** The settings this run overrides; the rest come from the Taxa sheet. */
function runOverrides(args: InvoiceArgs): BillingOverrides {
  return Object.fromEntries(SETTING_KEYS.filter((k) => args[k] !== undefined).map((k) => [k, args[k]]));
}

export function summaryText(result: BillingResult, outputPath: string): string {
  const { errors, warnings } = countProblems(result.problems);
  const lines = [
    `Fakturering ${monthKey(result.month)} klar.`,
    `  Personer:   ${result.persons.length}`,
    `  Rader:      ${result.lines.length}`,
    `  Totalt:     ${formatKr(result.total)}`,
    `  Fel:        ${errors}`,
    `  Varningar:  ${warnings}`,
  ];
  if (errors + warnings > 0) lines.push(`Se bladet "${problemSheetName(result.month)}" för vad som behöver rättas.`);
  lines.push(`Fakturan skrevs till ${outputPath}`);
  return lines.join('\n');
}
