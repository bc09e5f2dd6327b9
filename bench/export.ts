// Bench section for the export (§10): the invoice sheet of the synthetic register, as its cells
// read back (blank cells null, as exceljs gives them), exported in the engine: reading the sheet,
// the Export sheet, checking every line and writing the file's bytes. Target: under 1 000 ms.
import {
  billWorkbook,
  dayFromIso,
  exportInvoiceSheet,
  exportTemplateValues,
  invoiceSheet,
  sheetGrid,
  type ExportFormat,
  type SheetCells,
} from '../src/engine/index.js';
import { benchRegister } from '../examples/synthetic.js';

const MONTH = { year: 2025, month: 3 };
const TODAY = dayFromIso('2025-04-02')!;

/** The template with a kontering filled in for every Typ. */
function exportSheet(): SheetCells {
  const grid = exportTemplateValues();
  const col = (h: string): number => grid[0]!.indexOf(h);
  for (let r = 1; r <= 4; r++) {
    grid[r]![col('Konto')] = String(3511 + r);
    grid[r]![col('Ansvar')] = '51100';
    grid[r]![col('Verksamhet')] = '56010';
    grid[r]![col('Motpart')] = '900';
  }
  return { name: 'Export', values: grid };
}

const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * Exports the invoice sheet of `register` (default: the 250 000-row synthetic register) billed for
 * 2025-03. Returns the best of five in milliseconds for the fixed-width file (the default format).
 */
export async function benchExport(say: (line: string) => void, register?: SheetCells, rows = 250000): Promise<number> {
  const source = register ?? { name: 'Enhetsregister', values: benchRegister(rows) };
  const billed = billWorkbook({ register: source }, { month: MONTH });
  const faktura: SheetCells = {
    name: `Faktura 2025-03`,
    values: sheetGrid(invoiceSheet(billed)).map((row) => row.map((v) => (v === '' ? null : v))),
  };
  const settings = exportSheet();
  const best = (format: ExportFormat): { ms: number; bytes: number; invoices: number; lines: number } => {
    let ms = Infinity,
      bytes = 0,
      invoices = 0,
      lines = 0;
    for (let i = 0; i < 5; i++) {
      collect();
      const t = performance.now();
      const result = exportInvoiceSheet(faktura, settings, { today: TODAY, format });
      ms = Math.min(ms, performance.now() - t);
      if (!result.ok) throw new Error(`Exporten vägrades: ${result.refusals[0]!.message}`);
      ({ bytes, invoices, lines } = result.summary);
    }
    return { ms: Math.round(ms), bytes, invoices, lines };
  };
  const fixed = best('fixed');
  const csv = best('csv');
  say(
    `export: ${fixed.lines} fakturarader, ${fixed.invoices} fakturor: fast postlängd ${fixed.ms} ms (${fixed.bytes} byte), CSV ${csv.ms} ms (${csv.bytes} byte)`,
  );
  return fixed.ms;
}

// `npx tsx bench/export.ts` runs this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const ms = await benchExport((line) => process.stdout.write(line + '\n'), undefined, Number(process.env.BENCH_ROWS ?? 250000));
  process.stdout.write(`bench: export_ms=${ms}\n`);
}
