// One command-line invoice run: read the register workbook, bill the month, write the sheets.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  billWorkbook,
  chooseRegisterSheet,
  countProblems,
  findSheetName,
  formatKr,
  monthKey,
  outputSheets,
  problemSheetName,
  RunError,
  SIDE_SHEETS,
  SETTING_KEYS,
  type BillingOverrides,
  type BillingResult,
  type SheetCells,
} from '../engine/index.js';
import type { InvoiceArgs } from './args.js';
import { checkOutputTarget, replaceFileAtomically } from './outputFile.js';
import { plainCellValue, readWorkbook, sheetCells } from './xlsxRead.js';
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
  let wb;
  try {
    wb = await readWorkbook(inputPath);
  } catch {
    // The library's own reason is English and technical; the user needs to know what to do.
    throw new RunError(
      `Filen ${args.input} går inte att läsa som en Excel-arbetsbok (.xlsx). Den är skadad eller i ett annat format (.xls, .csv, .ods): öppna den i Excel och spara som Excel-arbetsbok (.xlsx).`,
    );
  }
  const sheets = wb.worksheets;
  const names = sheets.map((s) => s.name);
  const headerRows = sheets.map((ws) => ({ name: ws.name, headerRow: firstRowValues(ws) }));
  const { name: registerName, candidates } = chooseRegisterSheet(headerRows, args.sheet);
  if (!registerName) {
    const list = (xs: readonly string[]): string => xs.map((n) => `"${n}"`).join(', ');
    throw new RunError(
      args.sheet
        ? `Bladet "${args.sheet}" finns inte i ${args.input}. Bladen är: ${list(names)}.`
        : candidates.length > 1
          ? `Flera blad i ${args.input} ser ut som ett register och inget heter Enhetsregister: ${list(candidates)}. Ange vilket som ska faktureras med --sheet, t.ex. --sheet "${candidates[candidates.length - 1]}".`
          : `Hittar inget registerblad i ${args.input}: inget blad heter Enhetsregister och inget har rubrikerna Personnummer, Tjänst och Installerad.`,
    );
  }
  const cellsOf = (name: string | undefined): SheetCells | undefined => {
    const ws = name === undefined ? undefined : wb.getWorksheet(name);
    return ws ? sheetCells(ws) : undefined;
  };
  const register = cellsOf(registerName)!;
  const otherFees = cellsOf(findSheetName(names, SIDE_SHEETS.otherFees));
  const ability = cellsOf(findSheetName(names, SIDE_SHEETS.ability));
  const taxa = cellsOf(findSheetName(names, SIDE_SHEETS.taxa));

  progress(`Fakturerar ${monthKey(args.month)} (${register.values.length - 1} rader) …`);
  const result = billWorkbook(
    { register, ...(otherFees ? { otherFees } : {}), ...(ability ? { ability } : {}), ...(taxa ? { taxa } : {}) },
    {
      month: args.month,
      settings: runOverrides(args),
    },
  );

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

/**
 * The header row the register sheet would be read with: the first row of the used range, its
 * cells read as sheetCells reads them (formula results, rich text, hyperlinks), skipping rows
 * whose cells are all empty (e.g. a styled banner row holding "").
 */
function firstRowValues(ws: import('exceljs').Worksheet): unknown[] {
  let found: unknown[] | undefined;
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (found) return;
    const values = (row.values as unknown[]).slice(1).map(plainCellValue);
    if (values.some((v) => v !== null && v !== undefined && v !== '')) found = values;
  });
  return found ?? [];
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
