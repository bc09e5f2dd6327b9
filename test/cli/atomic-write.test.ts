// Issue 9 item 2: the invoice is written beside the target and renamed into place only when
// complete, so a failed write (disk full, read-only folder, file in use) keeps the previous file.
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { replaceFileAtomically, type FileIo } from '../../src/cli/outputFile.js';
import { writeOutputWorkbook } from '../../src/cli/xlsxWrite.js';
import { date, syntheticPnr } from '../../examples/synthetic.js';
import { billWorkbook, dayFromYmd, outputSheets, RunError, type SheetCells } from '../../src/engine/index.js';

const MARCH = { year: 2025, month: 3 };
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const freshDir = (): string => mkdtempSync(join(tmpdir(), 'vt-atomic-'));

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
}

/** A write stream onto the real file that fails with `code` once `limit` bytes are written (a full disk). */
function failingAfter(limit: number, code: string): FileIo['openStream'] {
  return (path) => {
    const file = createWriteStream(path, { flags: 'wx' });
    let written = 0;
    return new Writable({
      write(chunk: Buffer, _enc, done) {
        written += chunk.length;
        if (written > limit) return done(Object.assign(new Error(`${code}: simulated`), { code }));
        file.write(chunk, done);
      },
      final(done) {
        file.end(done);
      },
      destroy(err, done) {
        file.destroy();
        done(err);
      },
    });
  };
}

/** A stream that cannot even be opened (a read-only folder, a read-only disk). */
const unopenable =
  (code: string): FileIo['openStream'] =>
  () =>
    new Writable({
      construct(done) {
        done(Object.assign(new Error(`${code}: simulated`), { code }));
      },
    });

describe('a failed write keeps the previous invoice (issue 9 item 2)', () => {
  const register: SheetCells = {
    name: 'Enhetsregister',
    values: [
      ['Personnummer', 'Tjänst', 'Installerad'],
      ...Array.from({ length: 3000 }, (_, i) => [
        syntheticPnr(dayFromYmd(1930 + (i % 60), 1 + (i % 12), 1 + (i % 28)), i),
        'Trygghetslarm',
        date('2024-01-01'),
      ]),
    ],
    firstRow: 1,
    firstColumn: 0,
  };
  const sheets = outputSheets(billWorkbook({ register }, { month: MARCH }));

  function previousInvoice(): { dir: string; target: string; before: string } {
    const dir = freshDir();
    const target = join(dir, 'faktura.xlsx');
    writeFileSync(target, 'förra månadens faktura');
    return { dir, target, before: sha(target) };
  }

  it('disk full in the middle of the workbook: Swedish message, old file intact, no temporary file left', async () => {
    const { dir, target, before } = previousInvoice();
    const write = replaceFileAtomically(target, (out) => writeOutputWorkbook(out, sheets), {
      openStream: failingAfter(20000, 'ENOSPC'),
    });
    await expect(write).rejects.toBeInstanceOf(RunError);
    await expect(write).rejects.toThrow(/disken är full/);
    await expect(write).rejects.toThrow(/tidigare filen är oförändrad/);
    await expect(write).rejects.not.toThrow(/ENOSPC/);
    expect(sha(target)).toBe(before);
    expect(readdirSync(dir)).toEqual(['faktura.xlsx']);
  });

  it.runIf(existsSync('/dev/full'))('a real ENOSPC from the kernel (/dev/full) reads the same', async () => {
    const { dir, target, before } = previousInvoice();
    const write = replaceFileAtomically(target, (out) => writeOutputWorkbook(out, sheets), {
      openStream: () => createWriteStream('/dev/full'),
    });
    await expect(write).rejects.toThrow(/disken är full/);
    expect(sha(target)).toBe(before);
    expect(readdirSync(dir)).toEqual(['faktura.xlsx']);
  });

  it.each([
    ['EACCES', /behörighet/],
    ['EROFS', /skrivskyddad/],
    ['EDQUOT', /kvot/],
  ])('a folder that cannot be written (%s): Swedish message, old file intact', async (code, message) => {
    const { dir, target, before } = previousInvoice();
    const write = replaceFileAtomically(target, (out) => writeOutputWorkbook(out, sheets), { openStream: unopenable(code) });
    await expect(write).rejects.toThrow(message);
    await expect(write).rejects.not.toThrow(new RegExp(code));
    expect(sha(target)).toBe(before);
    expect(readdirSync(dir)).toEqual(['faktura.xlsx']);
  });

  it('a rename refused because the file is open elsewhere: old file intact, temporary file removed', async () => {
    const { dir, target, before } = previousInvoice();
    const busy = (): Promise<void> => Promise.reject(Object.assign(new Error('EBUSY: simulated'), { code: 'EBUSY' }));
    const write = replaceFileAtomically(target, (out) => writeOutputWorkbook(out, sheets), { rename: busy });
    await expect(write).rejects.toThrow(/används av ett annat program/);
    expect(sha(target)).toBe(before);
    expect(readdirSync(dir)).toEqual(['faktura.xlsx']);
  });

  it('a real write completes and replaces the old file whole', async () => {
    const { dir, target } = previousInvoice();
    await replaceFileAtomically(target, (out) => writeOutputWorkbook(out, sheets));
    expect(await sheetNames(target)).toEqual(['Faktura 2025-03', 'Summering 2025-03', 'Problem 2025-03']);
    expect(readdirSync(dir)).toEqual(['faktura.xlsx']);
  });
});
