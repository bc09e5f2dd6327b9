// `npm run demo:rattelser`: the corrections walk-through (§9) end to end, into out/. Bills March
// and April from the example register, enters an end date in a copy of it, bills May with the
// two earlier invoices as --billed, prints the correction lines from May's invoice and exports
// it (§10). examples/ is never written to: the changed register is a copy in out/.
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_PERSON, EXAMPLE_PATH, writeExample } from '../../examples/make-example.js';
import { formatKr, kronorOfOre, readInvoiceRecord, recordText, type YearMonth } from '../engine/index.js';
import { exportMain } from './exportMain.js';
import { main } from './main.js';
import { openWorkbookFile } from './xlsxRead.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
process.chdir(root); // the commands below are shown as a user would type them in the project folder
mkdirSync('out', { recursive: true });
if (!existsSync(EXAMPLE_PATH)) await writeExample();

const REGISTER = 'examples/enhetsregister-exempel.xlsx';
const CHANGED = 'out/enhetsregister-andrad.xlsx';
const ENDED = '2025-02-20';
const say = (text = ''): boolean => process.stdout.write(text + '\n');

/** Runs one command as `npm run …` would, showing it first; stops the demo when it fails. */
async function step(title: string, command: 'invoice' | 'export', argv: string[]): Promise<void> {
  say(`\n== ${title}`);
  say(`$ npm run ${command} -- ${argv.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
  const code = await (command === 'invoice' ? main(argv) : exportMain(argv));
  if (code !== 0) {
    say(`\nExemplet avbröts: kommandot slutade med kod ${code}.`);
    process.exit(code);
  }
}

const invoiceOf = (m: YearMonth): string => `out/faktura-${m.year}-${String(m.month).padStart(2, '0')}.xlsx`;
const MARCH = { year: 2025, month: 3 },
  APRIL = { year: 2025, month: 4 },
  MAY = { year: 2025, month: 5 };

/** The register as it stands in May: the demo person's alarm ended on 2025-02-20 and was returned. */
async function enterEndDate(): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(REGISTER);
  const ws = wb.getWorksheet('Enhetsregister')!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (h: string): number => header.indexOf(h);
  let changed = 0;
  ws.eachRow((row, n) => {
    if (n === 1 || row.getCell(col('Personnummer')).text !== DEMO_PERSON.pnr) return;
    row.getCell(col('Avslutad')).value = new Date(`${ENDED}T00:00:00Z`);
    row.getCell(col('Återlämning')).value = 'Återlämnad';
    changed = n;
  });
  if (!changed) throw new Error(`${DEMO_PERSON.name} saknas i ${REGISTER}; kör npm run examples.`);
  await wb.xlsx.writeFile(CHANGED);
  return changed;
}

/** The R7 lines of May's invoice, read back from the file as a reviewer would see them. */
async function printCorrections(): Promise<void> {
  const book = await openWorkbookFile(invoiceOf(MAY), invoiceOf(MAY));
  const record = readInvoiceRecord((await book.sheet('Faktura 2025-05'))!);
  await book.close();
  const corrections = record.lines.filter((l) => recordText(record, l, 'rule') === 'R7');
  say(`\n== Rättelserna på bladet "${record.sheet}" i ${invoiceOf(MAY)} (Regel R7)`);
  if (corrections.length === 0) say('  (inga)');
  for (const l of corrections) {
    say(
      `  rad ${l.row}: ${l.pnr} ${recordText(record, l, 'name')}, Månad ${l.month}, ${l.kind} ${formatKr(kronorOfOre(l.amountOre))}`,
    );
    say(`    ${recordText(record, l, 'explanation')}`);
  }
}

say('Rättelser av redan fakturerade månader (R7) och export till faktureringssystemet, steg för steg.');
await step('1. Fakturera mars ur exempelregistret', 'invoice', [
  '--in',
  REGISTER,
  '--month',
  '2025-03',
  '--out',
  invoiceOf(MARCH),
  '--force',
]);
await step('2. Fakturera april; marsfakturan är det som redan fakturerats (inget har ändrats: inga rättelser)', 'invoice', [
  '--in',
  REGISTER,
  '--month',
  '2025-04',
  '--out',
  invoiceOf(APRIL),
  '--billed',
  invoiceOf(MARCH),
  '--force',
]);
const row = await enterEndDate();
say(`\n== 3. Registret ändras i efterhand`);
say(
  `${DEMO_PERSON.name} (${DEMO_PERSON.pnr}, rad ${row}) lämnade tillbaka sitt trygghetslarm redan ${ENDED}, men det förs in först nu:`,
);
say(`Avslutad ${ENDED} och Återlämning Återlämnad. Registret med ändringen sparas som ${CHANGED} (${REGISTER} lämnas orört).`);
await step('4. Fakturera maj med mars- och aprilfakturorna som --billed', 'invoice', [
  '--in',
  CHANGED,
  '--month',
  '2025-05',
  '--out',
  invoiceOf(MAY),
  '--billed',
  invoiceOf(MARCH),
  '--billed',
  invoiceOf(APRIL),
  '--force',
]);
await printCorrections();
await step('5. Exportera majfakturan till faktureringssystemet (Export-bladet i registret har konteringen)', 'export', [
  '--in',
  invoiceOf(MAY),
  '--month',
  '2025-05',
  '--settings',
  CHANGED,
  '--out',
  'out/fakturaunderlag-2025-05.txt',
  '--force',
]);
