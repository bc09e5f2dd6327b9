// One command-line invoice run: read the register workbook, bill the month, write the sheets.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  billMonthWithCorrections,
  factsOfRun,
  formatKr,
  monthKey,
  monthSpan,
  problemSheetName,
  RunError,
  runSheets,
  SETTING_KEYS,
  type BillingOverrides,
  type BillingResult,
  type CorrectionFigures,
  type CorrectionsResult,
  type CorrectionsRun,
  type WorkbookInput,
} from '../engine/index.js';
import type { InvoiceArgs } from './args.js';
import { readBilledRecord, type RecordSheet } from './billedRecord.js';
import { checkOutputTarget, replaceFileAtomically } from './outputFile.js';
import { readWorkbookInput } from './workbookInput.js';
import { openWorkbookFile } from './xlsxRead.js';
import { writeOutputWorkbook, type Progress } from './xlsxWrite.js';

export interface InvoiceOutcome {
  readonly result: BillingResult;
  readonly corrections: CorrectionsResult;
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
  let record: RecordSheet[] = [];
  try {
    input = await readWorkbookInput(book, args);
    if (args.correctionMonths !== 0)
      record = await readBilledRecord({ book, path: inputPath, shown: args.input }, args.billed ?? [], args.month);
  } finally {
    await book.close();
  }

  progress(`Fakturerar ${monthKey(args.month)} (${input.register.values.length - 1} rader) …`);
  const run = billMonthWithCorrections(
    input,
    { month: args.month, settings: runOverrides(args) },
    record.map((s) => s.record),
  );

  progress('Skriver fakturan …');
  const writeProgress: Progress = (done, total) => progress(`Skriver fakturan … ${Math.round((100 * done) / total)} %`);
  const output = runSheets(run);
  await replaceFileAtomically(target.path, (stream) => writeOutputWorkbook(stream, output, writeProgress), {}, target.shown);
  return { result: run.billing, corrections: run.corrections, outputPath, summary: summaryText(run, outputPath) };
}

/** The settings this run overrides; the rest come from the Taxa sheet. */
function runOverrides(args: InvoiceArgs): BillingOverrides {
  return Object.fromEntries(SETTING_KEYS.filter((k) => args[k] !== undefined).map((k) => [k, args[k]]));
}

export function summaryText(run: CorrectionsRun, outputPath: string): string {
  const facts = factsOfRun(run);
  const lines = [
    `Fakturering ${monthKey(facts.month)} klar.`,
    `  Personer:   ${facts.persons}`,
    `  Rader:      ${facts.lines}`,
    `  Totalt:     ${formatKr(facts.total)}`,
    `  Fel:        ${facts.errors}`,
    `  Varningar:  ${facts.warnings}`,
    ...correctionsText(facts.corrections),
  ];
  if (facts.errors + facts.warnings > 0) lines.push(`Se bladet "${problemSheetName(facts.month)}" för vad som behöver rättas.`);
  lines.push(`Fakturan skrevs till ${outputPath}`);
  return lines.join('\n');
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What R7 did: the months it checked, the lines it made and what it held back (§9 Shown). */
export function correctionsText(c: CorrectionFigures): string[] {
  if (c.correctionMonths === 0) return ['Rättelser (R7): avstängda (--correction-months 0 eller Rättelsemånader 0 i Taxa).'];
  const out = [
    `Rättelser (R7), ${count(c.correctionMonths, 'månad', 'månader')} bakåt, höjningar ${c.retroDebits === 'bill' ? 'debiteras' : 'rapporteras'}:`,
    c.checked.length > 0
      ? `  Kontrollerade:  ${monthSpan(c.checked)} (${count(c.checked.length, 'fakturerad månad', 'fakturerade månader')})`
      : '  Kontrollerade:  inga (inga fakturablad för månaderna före; ange tidigare fakturafiler med --billed)',
  ];
  if (c.withoutRecord.length > 0)
    out.push(
      `  Utan fakturablad, kontrollerades inte: ${monthSpan(c.withoutRecord)} (${count(c.withoutRecord.length, 'månad', 'månader')})`,
    );
  for (const n of c.notBillable) out.push(`  ${n.month} kontrollerades inte: ${n.reason}`);
  out.push(
    `  Rättelserader:  ${c.lines}${c.lines > 0 ? ` för ${count(c.persons, 'person', 'personer')}` : ''}`,
    `  Krediteras:     ${formatKr(c.credits.amount)} (${count(c.credits.lines, 'rad', 'rader')})`,
  );
  if (c.debits.lines > 0) out.push(`  Debiteras:      ${formatKr(c.debits.amount)} (${count(c.debits.lines, 'rad', 'rader')})`);
  out.push(
    c.heldBack.lines > 0
      ? `  Höjningar som inte debiteras (varningar): ${c.heldBack.lines}, sammanlagt ${formatKr(c.heldBack.amount)}`
      : '  Höjningar som inte debiteras: inga',
  );
  return out;
}
