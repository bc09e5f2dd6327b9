// Shared by the command-line tests: registers written as .xlsx, the commands run as a user types
// them (exit code, stdout, stderr), and output sheets read back by header.
import ExcelJS from 'exceljs';
import { vi } from 'vitest';
import { exportMain } from '../../src/cli/exportMain.js';
import { main } from '../../src/cli/main.js';

export const REGISTER_HEADERS = [
  'Personnummer',
  'Namn',
  'Tjänst',
  'Enhets-ID',
  'Installerad',
  'Avslutad',
  'Återlämning',
  'Påminnelse',
  'Kostnad',
  'Boende',
  'Installationstyp',
] as const;
export type RegisterRow = Partial<Record<(typeof REGISTER_HEADERS)[number], unknown>>;

/** A register workbook: the Enhetsregister sheet and any extra sheets (name → rows, header first). */
export async function writeRegister(
  path: string,
  rows: readonly RegisterRow[],
  extra: Record<string, unknown[][]> = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Enhetsregister');
  ws.addRow([...REGISTER_HEADERS]);
  for (const r of rows) ws.addRow(REGISTER_HEADERS.map((h) => r[h] ?? null));
  for (const [name, values] of Object.entries(extra)) wb.addWorksheet(name).addRows(values);
  await wb.xlsx.writeFile(path);
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `npm run invoice` or `npm run export` in this process, as the user would type the words. */
export async function cli(command: 'invoice' | 'export', argv: string[]): Promise<CliRun> {
  let out = '',
    err = '';
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await (command === 'invoice' ? main(argv) : exportMain(argv));
    return { code, out, err };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

export type SheetRow = Record<string, unknown>;

/** A sheet's rows as objects keyed by the header row (first table of the sheet). */
export async function readRows(path: string, sheet: string): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${path}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const header = rows[0] as string[];
  const width = header.findIndex((h) => h === undefined || h === null);
  const used = width < 0 ? header.length : width;
  return rows.slice(1).map((r) => Object.fromEntries(header.slice(0, used).map((h, i) => [h, r[i] ?? ''])));
}
