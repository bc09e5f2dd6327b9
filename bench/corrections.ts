// corrections_ms (§9, R7): billing month M of the synthetic register with a record of the 12
// months before it, each month's invoice sheet as the product writes it (~130 000 lines). Timed:
// the whole run in the engine from cell values, the record read by the product's reader, best of `repeats`.
import {
  billMonthWithCorrections,
  billWorkbook,
  invoiceSheet,
  monthKey,
  readInvoiceRecord,
  runSheets,
  sheetGrid,
  type SheetCells,
  type YearMonth,
} from '../src/engine/index.js';
import { benchRegister } from '../examples/synthetic.js';

export const CORRECTIONS_MONTH: YearMonth = { year: 2026, month: 1 };
const RECORD_MONTHS = 12;

/** The invoice sheets of the months before M, as cell values, billed from the same register. */
export function recordSheets(register: SheetCells, month = CORRECTIONS_MONTH, months = RECORD_MONTHS): SheetCells[] {
  const sheets: SheetCells[] = [];
  for (let i = months; i >= 1; i--) {
    const index = month.year * 12 + month.month - 1 - i;
    const m = { year: Math.floor(index / 12), month: (index % 12) + 1 };
    const sheet = invoiceSheet(billWorkbook({ register }, { month: m }));
    sheets.push({ name: sheet.name, values: sheetGrid(sheet) });
  }
  return sheets;
}

const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Best-of-`repeats` milliseconds of one corrections run; `log` gets a Swedish line about it. */
export function benchCorrections(
  register: SheetCells,
  log: (line: string) => void = () => {},
  repeats = 3,
): { ms: number; recordLines: number; corrections: number } {
  const record = recordSheets(register);
  let best = Infinity,
    recordLines = 0,
    corrections = 0;
  for (let i = 0; i < repeats; i++) {
    collect();
    const t = performance.now();
    const billed = record.map((sheet) => readInvoiceRecord(sheet));
    const run = billMonthWithCorrections({ register }, { month: CORRECTIONS_MONTH }, billed);
    runSheets(run);
    best = Math.min(best, performance.now() - t);
    recordLines = billed.reduce((n, s) => n + s.lines.length, 0);
    corrections = run.corrections.lines.length + run.corrections.heldBack.length;
  }
  const ms = Math.round(best);
  log(
    `rättelser: ${ms} ms för ${monthKey(CORRECTIONS_MONTH)} med ${RECORD_MONTHS} fakturerade månader (${recordLines} fakturarader), ${corrections} rättelser`,
  );
  return { ms, recordLines, corrections };
}

// `tsx bench/corrections.ts`: this figure alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.env.BENCH_ROWS ?? 250000);
  const values = benchRegister(rows);
  const { ms } = benchCorrections({ name: 'Enhetsregister', values }, (line) => process.stdout.write(line + '\n'));
  process.stdout.write(`bench: rows=${rows} corrections_ms=${ms}\n`);
}
