// Black-box harness: builds register workbooks with exceljs, bills them through the command
// line's runInvoice (or the real process) and reads the written .xlsx back. Nothing here looks
// at the engine: expected amounts in the tests come from ../shared/spec/fee-rules.md.
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runInvoice } from '../../src/cli/invoice.js';

export const DIR = mkdtempSync(join(tmpdir(), 'vt-blackbox-'));
let counter = 0;
export const tmpFile = (stem: string): string => join(DIR, `${stem}-${++counter}.xlsx`);

export const FULL_HEADERS = [
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
];

export type Row = Record<string, unknown>;

/** A calendar day as a date cell: UTC midnight, which is what exceljs stores as the serial. */
export const d = (iso: string): Date => {
  const [y, m, dd] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, dd));
};

// ---------- personnummer (own Luhn, independent of the product) ----------
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export function luhn(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

/** Valid 12-digit personnummer `YYYYMMDD-NNNC`; `day` is written as given (add 60 yourself for samordningsnummer). */
export function pnr(year: number, month: number, day: number, serial: number): string {
  const nine = `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}${pad(serial, 3)}`;
  return `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}-${pad(serial, 3)}${luhn(nine)}`;
}

/** The 10-digit form of a 12-digit number, with the given separator ('-', '+' or ''). */
export const ten = (twelve: string, sep: '-' | '+' | '' = '-'): string => `${twelve.slice(2, 8)}${sep}${twelve.slice(9)}`;
/** The 12-digit form without separator. */
export const twelveNoSep = (twelve: string): string => twelve.replace('-', '');
/** The same number with the check digit changed (invalid Luhn). */
export const badLuhn = (twelve: string): string => `${twelve.slice(0, 12)}${(Number(twelve[12]) + 1) % 10}`;

// ---------- building workbooks ----------
export interface SheetSpec {
  name: string;
  rows: unknown[][];
}
export interface WorkbookSpec {
  rows?: Row[];
  headers?: string[];
  registerName?: string;
  /** Raw register rows (header row included) instead of rows/headers. */
  registerRaw?: unknown[][];
  other?: unknown[][];
  ability?: unknown[][];
  taxa?: unknown[][];
  /** Sheets added before the register. */
  before?: SheetSpec[];
}

export async function writeWorkbook(spec: WorkbookSpec, stem = 'register'): Promise<string> {
  const path = tmpFile(stem);
  const wb = new ExcelJS.Workbook();
  for (const s of spec.before ?? []) addRows(wb.addWorksheet(s.name), s.rows);
  const ws = wb.addWorksheet(spec.registerName ?? 'Enhetsregister');
  if (spec.registerRaw) addRows(ws, spec.registerRaw);
  else {
    const headers = spec.headers ?? FULL_HEADERS;
    addRows(ws, [headers, ...(spec.rows ?? []).map((r) => headers.map((h) => (h in r ? r[h] : null)))]);
  }
  if (spec.other) addRows(wb.addWorksheet('Övriga avgifter'), spec.other);
  if (spec.ability) addRows(wb.addWorksheet('Avgiftsutrymme'), spec.ability);
  if (spec.taxa) addRows(wb.addWorksheet('Taxa'), spec.taxa);
  await wb.xlsx.writeFile(path);
  return path;
}

/** Writes rows cell by cell; strings are always stored as strings (never formulas). */
function addRows(ws: ExcelJS.Worksheet, rows: unknown[][]): void {
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, j) => {
      if (v === null || v === undefined) return;
      row.getCell(j + 1).value = v as ExcelJS.CellValue;
    });
    row.commit();
  });
}

// ---------- reading the output back ----------
export interface Line {
  Personnummer: string;
  Namn: unknown;
  Månad: string;
  Typ: string;
  Tjänst: unknown;
  'Enhets-ID': unknown;
  Antal: unknown;
  'À-pris': unknown;
  Belopp: number;
  Högkostnadsskydd: string;
  Regel: string;
  Källa: string;
  Förklaring: string;
  [k: string]: unknown;
}
export interface Problem {
  Allvarlighet: string;
  Blad: unknown;
  Rad: unknown;
  Kolumn: unknown;
  Cell: unknown;
  Värde: unknown;
  Meddelande: string;
  Regel: unknown;
  [k: string]: unknown;
}

export interface Billed {
  path: string;
  lines: Line[];
  problems: Problem[];
  summary: unknown[][];
  sheetNames: string[];
  invoice: ExcelJS.Worksheet;
  summarySheet: ExcelJS.Worksheet;
  /** Sum of Belopp per personnummer, rounded to öre. */
  totals: Record<string, number>;
  linesOf(p: string): Line[];
  totalOf(p: string): number;
  errors: Problem[];
  warnings: Problem[];
}

const öre = (x: number): number => Math.round(x * 100) / 100;

export function cellPlain(v: unknown): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('richText' in o) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o) return o.result;
    if ('text' in o) return o.text;
  }
  return v;
}

function objects<T>(ws: ExcelJS.Worksheet): T[] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1).map(cellPlain)));
  const header = rows[0] as string[];
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])) as T);
}

export async function readOutput(path: string, month: string): Promise<Omit<Billed, 'path'>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const get = (n: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(n);
    if (!ws) throw new Error(`no sheet "${n}" in output; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
    return ws;
  };
  const invoice = get(`Faktura ${month}`);
  const summarySheet = get(`Summering ${month}`);
  const lines = objects<Line>(invoice);
  const problems = objects<Problem>(get(`Problem ${month}`));
  const summary: unknown[][] = [];
  summarySheet.eachRow({ includeEmpty: true }, (row) => summary.push((row.values as unknown[]).slice(1).map(cellPlain)));
  const totals: Record<string, number> = {};
  for (const l of lines) totals[l.Personnummer] = öre((totals[l.Personnummer] ?? 0) + l.Belopp);
  return {
    lines,
    problems,
    summary,
    invoice,
    summarySheet,
    totals,
    sheetNames: wb.worksheets.map((w) => w.name),
    linesOf: (p) => lines.filter((l) => l.Personnummer === p),
    totalOf: (p) => totals[p] ?? 0,
    errors: problems.filter((p) => p.Allvarlighet === 'Fel'),
    warnings: problems.filter((p) => p.Allvarlighet === 'Varning'),
  };
}

export type Proration = 'started-month' | 'days-30' | 'actual-days';
export interface BillOptions {
  proration?: Proration;
  reminderDays?: number;
  sheet?: string;
}

/** Bills `month` (YYYY-MM) through runInvoice and reads the output workbook back. */
export async function bill(input: string | WorkbookSpec, month: string, opts: BillOptions = {}): Promise<Billed> {
  const path = typeof input === 'string' ? input : await writeWorkbook(input);
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const output = tmpFile('faktura');
  await runInvoice({
    input: path,
    month: { year, month: mm },
    output,
    force: false,
    ...(opts.proration ? { proration: opts.proration } : {}),
    ...(opts.reminderDays !== undefined ? { reminderDays: opts.reminderDays } : {}),
    ...(opts.sheet ? { sheet: opts.sheet } : {}),
  });
  return { path: output, ...(await readOutput(output, month)) };
}

// ---------- the real process ----------
const run = promisify(execFile);
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}
export async function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  try {
    const r = await run(tsx, ['src/cli/bin.ts', ...args], { env: { ...process.env, ...env }, timeout: 120000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** Typ + Belopp pairs of a person's lines, in output order. */
export const kinds = (ls: Line[]): [string, number][] => ls.map((l) => [l.Typ, l.Belopp]);

export const TAXA_HEADERS = [
  'Gäller från',
  'Trygghetslarm (kr/mån)',
  'Larmknapp sammanboende (kr/mån)',
  'Digitalt lås (kr/mån)',
  'Digital tillsyn (kr/mån)',
  'Installationsavgift (kr)',
  'Installationsavgift inom högkostnadsskydd',
  'Delmånad',
  'Påminnelsedagar',
];
export const PBB_HEADERS = ['År', 'Prisbasbelopp', 'Maxtaxa (kr/mån)'];
