// Issue 9 items 1–2: --out never reaches the register (compared as files, not path strings), and a
// target the invoice cannot be written to gets a Swedish message before anything is billed.
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInvoice } from '../../src/cli/invoice.js';
import { date, syntheticPnr } from '../../examples/synthetic.js';
import { dayFromYmd, RunError } from '../../src/engine/index.js';

const MARCH = { year: 2025, month: 3 };
const PNR = syntheticPnr(dayFromYmd(1944, 4, 4), 321);
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const freshDir = (): string => mkdtempSync(join(tmpdir(), 'vt-out-'));

async function writeRegister(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Enhetsregister').addRows([
    ['Personnummer', 'Tjänst', 'Installerad'],
    [PNR, 'Trygghetslarm', date('2024-01-01')],
  ]);
  await wb.xlsx.writeFile(path);
}

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
}

describe('--out that is the register under another name (issue 9 item 1)', () => {
  const cases: [string, (register: string, dir: string) => string][] = [
    ['a symbolic link to it', (register, dir) => (symlinkSync(register, join(dir, 'länk.xlsx')), join(dir, 'länk.xlsx'))],
    ['a hard link to it', (register, dir) => (linkSync(register, join(dir, 'hård.xlsx')), join(dir, 'hård.xlsx'))],
    [
      'a path through a linked folder',
      (register, dir) => {
        symlinkSync(dirname(register), join(dir, 'mapplänk'));
        return join(dir, 'mapplänk', basename(register));
      },
    ],
  ];
  it.each(cases)('is refused with --force when --out is %s; the register keeps every sheet', async (_, alias) => {
    const dir = freshDir();
    mkdirSync(join(dir, 'data'));
    const register = join(dir, 'data', 'register.xlsx');
    await writeRegister(register);
    const before = sha(register);
    const run = runInvoice({ input: register, month: MARCH, output: alias(register, dir), force: true });
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(run).rejects.toThrow(/samma fil som --in/);
    expect(sha(register)).toBe(before);
    expect(await sheetNames(register)).toEqual(['Enhetsregister']);
  });

  it('still writes through a symbolic link to an earlier invoice, keeping the link', async () => {
    const dir = freshDir();
    const register = join(dir, 'register.xlsx');
    await writeRegister(register);
    const real = join(dir, 'faktura-verklig.xlsx');
    writeFileSync(real, 'gammal faktura');
    symlinkSync(real, join(dir, 'faktura.xlsx'));
    await runInvoice({ input: register, month: MARCH, output: join(dir, 'faktura.xlsx'), force: true });
    expect(await sheetNames(real)).toContain('Faktura 2025-03');
    expect(statSync(join(dir, 'faktura.xlsx')).ino).toBe(statSync(real).ino);
  });
});

describe('--out that cannot hold an invoice (issue 9 item 2)', () => {
  it('--out that is a folder, with or without --force: Swedish message, the folder untouched', async () => {
    const dir = freshDir();
    const input = join(dir, 'register.xlsx');
    await writeRegister(input);
    const folder = join(dir, 'fakturor');
    mkdirSync(folder);
    writeFileSync(join(folder, 'jan.xlsx'), 'januari');
    for (const force of [true, false]) {
      const run = runInvoice({ input, month: MARCH, output: folder, force });
      await expect(run).rejects.toBeInstanceOf(RunError);
      await expect(run).rejects.toThrow(/är en mapp/);
    }
    expect(readdirSync(folder)).toEqual(['jan.xlsx']);
  });

  it('--out below a file (ENOTDIR): Swedish message naming the path', async () => {
    const dir = freshDir();
    const input = join(dir, 'register.xlsx');
    await writeRegister(input);
    const run = runInvoice({ input, month: MARCH, output: join(input, 'faktura.xlsx'), force: true });
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(run).rejects.toThrow(/är en fil, inte en mapp/);
    await expect(run).rejects.not.toThrow(/ENOTDIR/);
  });
});
