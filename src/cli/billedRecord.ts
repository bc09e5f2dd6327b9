// §9 on the command line: the record of what was billed is every `Faktura ÅÅÅÅ-MM` sheet of --in
// and of each --billed workbook, except the sheet of the month being billed (it is being replaced).
import { resolve } from 'node:path';
import {
  invoiceSheetMonth,
  invoiceSheetNames,
  monthKey,
  readInvoiceRecord,
  RunError,
  type InvoiceRecord,
  type YearMonth,
} from '../engine/index.js';
import { isSameFile } from './outputFile.js';
import { openWorkbookFile, type WorkbookFile } from './xlsxRead.js';

/** One record sheet and the file it came from, as the user named it. */
export interface RecordSheet {
  readonly file: string;
  readonly record: InvoiceRecord;
}

async function readSheets(book: WorkbookFile, file: string, month: YearMonth, into: RecordSheet[]): Promise<number> {
  const names = invoiceSheetNames(book.sheetNames, month);
  for (const { name, month: sheetMonth } of names) {
    const cells = await book.sheet(name);
    if (cells) into.push({ file, record: readInvoiceRecord(cells, { month: sheetMonth }) });
  }
  return names.length;
}

/** Refuses two sheets for one month: the billed amounts would count twice. Names both files. */
function checkOneSheetPerMonth(sheets: readonly RecordSheet[]): void {
  const first = new Map<string, RecordSheet>();
  for (const s of sheets) {
    const key = monthKey(s.record.month!);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, s);
      continue;
    }
    const where = (x: RecordSheet) => `"${x.record.sheet}" i ${x.file}`;
    throw new RunError(
      `Fakturabladet för ${key} finns två gånger: ${where(earlier)} och ${where(s)}. Det fakturerade skulle räknas dubbelt; ange varje fakturerad månad en gång.`,
    );
  }
}

/**
 * The record for billing `month`: the invoice sheets of `input` (already open) and of each
 * --billed file. A --billed file that is missing, unreadable, the same as --in or given twice,
 * or that holds no invoice sheet at all, is refused with a Swedish message.
 */
export async function readBilledRecord(
  input: { readonly book: WorkbookFile; readonly path: string; readonly shown: string },
  billed: readonly string[],
  month: YearMonth,
): Promise<RecordSheet[]> {
  const sheets: RecordSheet[] = [];
  await readSheets(input.book, input.shown, month, sheets);
  const seen: string[] = [input.path];
  for (const file of billed) {
    const path = resolve(file);
    const shown = `${file} (--billed)`;
    const same = seen.findIndex((p) => p === path || isSameFile(p, path));
    if (same === 0)
      throw new RunError(`--billed ${file} är samma fil som --in; dess fakturablad räknas redan. Ta bort --billed ${file}.`);
    if (same > 0) throw new RunError(`--billed ${file} anges två gånger. Ange varje fil en gång.`);
    seen.push(path);
    const book = await openWorkbookFile(path, shown);
    try {
      if (book.sheetNames.every((n) => invoiceSheetMonth(n) === undefined)) {
        throw new RunError(
          `Filen ${shown} har inget fakturablad (Faktura ÅÅÅÅ-MM). Ange med --billed de fakturafiler som npm run invoice skrivit tidigare månader.`,
        );
      }
      await readSheets(book, shown, month, sheets);
    } finally {
      await book.close();
    }
  }
  checkOneSheetPerMonth(sheets);
  return sheets;
}
