// How the command line reads .xlsx files (issue 8 speed, issue 9 items 3, 7, 9, 10, 11): the
// streaming reader keeps å/ä/ö whole across chunk borders, rows cost the cells in use, openpyxl's
// absolute relationship targets and tables' total rows are handled, the 1904 date system is
// honoured, and files that are not workbooks get a Swedish message saying what they are.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInvoice } from '../../src/cli/invoice.js';
import { main } from '../../src/cli/main.js';
import { openError } from '../../src/cli/workbookPackage.js';
import { openWorkbookFile } from '../../src/cli/xlsxRead.js';
import { date, syntheticPnr } from '../../examples/synthetic.js';
import { dayFromCell, dayFromYmd, RunError } from '../../src/engine/index.js';

const dir = mkdtempSync(join(tmpdir(), 'vt-cli-xlsx-'));
const MARCH = { year: 2025, month: 3 };
const pnr = (i: number): string => syntheticPnr(dayFromYmd(1930 + (i % 60), 1 + (i % 12), 1 + (i % 28)), i % 1000);
let files = 0;
const file = (name: string): string => join(dir, `${++files}-${name}`);

async function writeRegister(rows: unknown[][], setUp?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<string> {
  const path = file('register.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Enhetsregister');
  ws.addRows(rows);
  setUp?.(wb, ws);
  await wb.xlsx.writeFile(path);
  return path;
}

async function readSheet(path: string, name = 'Enhetsregister') {
  const book = await openWorkbookFile(path, path);
  try {
    return (await book.sheet(name))!;
  } finally {
    await book.close();
  }
}

const bill = (path: string) => runInvoice({ input: path, month: MARCH, output: `${path}.faktura.xlsx`, force: true });

/** Whether a UTF-8 character of this part straddles a 16 KB border (zlib's output chunk). */
async function splitsCharacterAtChunkBorder(path: string, part: string): Promise<boolean> {
  const bytes = await (await JSZip.loadAsync(readFileSync(path))).file(part)!.async('nodebuffer');
  for (let at = 16384; at < bytes.length; at += 16384) if ((bytes[at]! & 0xc0) === 0x80) return true;
  return false;
}

describe('å/ä/ö across chunk borders (issue 8: "Återlämnad" came back as "��terlämnad")', () => {
  const NAMES = ['Åsa Öberg', 'Örjan Ågren', 'Märta Sjöström', 'Ärla Åkesson', 'Göran Älvdal'];
  const rows = Array.from({ length: 3000 }, (_, i) => [
    pnr(i),
    `${NAMES[i % NAMES.length]} ${i}`, // distinct, so the shared strings are long too
    'Trygghetslarm',
    date('2020-01-01'),
    date('2025-02-10'),
    'Återlämnad',
  ]);
  const header = ['Personnummer', 'Namn', 'Tjänst', 'Installerad', 'Avslutad', 'Återlämning'];

  const expectEveryValueWhole = (sheet: Awaited<ReturnType<typeof readSheet>>): void => {
    expect(sheet.values).toHaveLength(rows.length + 1);
    expect(sheet.values[0]).toEqual(header);
    sheet.values.slice(1).forEach((r, i) => {
      expect(r[1]).toBe(rows[i]![1]);
      expect(r[5]).toBe('Återlämnad');
    });
  };

  it('reads shared strings whole', async () => {
    const path = await writeRegister([header, ...rows]);
    expect(await splitsCharacterAtChunkBorder(path, 'xl/sharedStrings.xml')).toBe(true);
    expectEveryValueWhole(await readSheet(path));
  });

  it('reads text kept in the sheet itself (inline strings) whole', async () => {
    const path = file('inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    const ws = wb.addWorksheet('Enhetsregister');
    ws.addRow(header).commit();
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
    await wb.commit();
    expect(await splitsCharacterAtChunkBorder(path, 'xl/worksheets/sheet1.xml')).toBe(true);
    expectEveryValueWhole(await readSheet(path));
  });
});

describe('memory follows the cells in use (issue 9 item 7)', () => {
  it('a stray cell in column XFD makes one long row, not a wide rectangle, and is billed as before', async () => {
    const rows = [
      ['Personnummer', 'Tjänst', 'Installerad'],
      ...Array.from({ length: 500 }, (_, i) => [pnr(i), 'Larm', date('2024-01-01')]),
    ];
    const path = await writeRegister(rows, (_, ws) => {
      ws.getCell('XFD7').value = 'x';
    });
    const sheet = await readSheet(path);
    expect(sheet.values).toHaveLength(501);
    expect(sheet.values[6]).toHaveLength(16384);
    expect(sheet.values.filter((r) => r.length > 3)).toHaveLength(1);
    const { result } = await bill(path);
    expect(result.total.toNumber()).toBe(500 * 239);
  });

  it('a sheet whose used range starts right of column A keeps its first column and cell addresses', async () => {
    const path = file('offset.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Enhetsregister');
    const cells = { C3: 'Personnummer', D3: 'Tjänst', E3: 'Installerad', C4: pnr(1), D4: 'Larm', E4: 'inte ett datum' };
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
    await wb.xlsx.writeFile(path);
    const sheet = await readSheet(path);
    expect(sheet).toMatchObject({ firstRow: 3, firstColumn: 2 });
    expect(sheet.values[1]).toEqual([pnr(1), 'Larm', 'inte ett datum']);
    const { result } = await bill(path);
    expect(result.problems).toEqual([expect.objectContaining({ row: 4, cell: 'E4', value: 'inte ett datum' })]);
  });
});

/** Rewrites every relationship target as openpyxl writes it: absolute from the package root. */
async function withAbsoluteTargets(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
    const owner = name.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const base = `http://package/${owner.slice(0, owner.lastIndexOf('/') + 1)}`;
    const xml = await zip.file(name)!.async('string');
    zip.file(
      name,
      xml.replace(/Target="([^"]*)"/g, (_, t: string) => `Target="${new URL(t, base).pathname}"`),
    );
  }
  const out = path.replace(/\.xlsx$/, '-absolut.xlsx');
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

/** A register kept as an Excel table with a total row ("Summa"), and a comment on a cell. */
async function tableRegister(): Promise<string> {
  return writeRegister([], (_, ws) => {
    ws.addTable({
      name: 'Register',
      ref: 'A1',
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: 'Personnummer', totalsRowLabel: 'Summa' },
        // The value Excel computed for the total; exceljs accepts it though its types do not say so.
        { name: 'Tjänst', totalsRowFunction: 'count', totalsRowResult: 2 } as ExcelJS.TableColumnProperties,
        { name: 'Installerad' },
      ],
      rows: [
        [pnr(1), 'Trygghetslarm', date('2024-01-01')],
        [pnr(2), 'Larmknapp', date('2024-01-01')],
      ],
    });
    ws.getCell('B2').note = 'Bytt 2024-05';
  });
}

describe("Excel tables and openpyxl's absolute relationship targets (issue 9 items 9 and 10)", () => {
  it("a table's total row is not billed as a register row", async () => {
    const path = await tableRegister();
    const zip = await JSZip.loadAsync(readFileSync(path));
    expect(await zip.file('xl/tables/table1.xml')!.async('string')).toMatch(/ref="A1:C4" totalsRowCount="1"/);
    const sheet = await readSheet(path);
    expect(sheet.values).toHaveLength(3); // header and two persons; row 4 is the total row
    const { result } = await bill(path);
    expect(result.problems).toEqual([]);
    expect(result.total.toNumber()).toBe(239 + 40);
  });

  it('a workbook with absolute targets, a table and a comment is read, not refused as damaged', async () => {
    const path = await withAbsoluteTargets(await tableRegister());
    const rels = await (await JSZip.loadAsync(readFileSync(path))).file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string');
    expect(rels).toContain('Target="/xl/tables/table1.xml"');
    expect(rels).toContain('Target="/xl/comments1.xml"');
    // exceljs's own reader fails on this file (upstream); the command line must not.
    await expect(new ExcelJS.Workbook().xlsx.readFile(path)).rejects.toThrow();
    const book = await openWorkbookFile(path, path);
    expect(book.sheetNames).toEqual(['Enhetsregister']);
    await book.close();
    const { result } = await bill(path);
    expect(result.problems).toEqual([]);
    expect(result.total.toNumber()).toBe(239 + 40);
  });

  it('a table without a total row keeps its last row', async () => {
    const path = await writeRegister([], (_, ws) => {
      ws.addTable({
        name: 'Register',
        ref: 'A1',
        headerRow: true,
        totalsRow: false,
        columns: [{ name: 'Personnummer' }, { name: 'Tjänst' }, { name: 'Installerad' }],
        rows: [[pnr(3), 'Trygghetslarm', date('2024-01-01')]],
      });
    });
    expect((await bill(path)).result.total.toNumber()).toBe(239);
  });
});

describe('the 1904 date system (issue 9 item 3)', () => {
  it('a serial in a General cell and a date cell both give 2025-03-12', async () => {
    // Excel for Mac counts from 1904-01-01: 2025-03-12 is 44266 there (45728 in the 1900 system).
    const path = await writeRegister(
      [
        ['Personnummer', 'Tjänst', 'Installerad'],
        [pnr(1), 'Trygghetslarm', 44266],
        [pnr(2), 'Trygghetslarm', date('2025-03-12')],
      ],
      (wb) => {
        wb.properties.date1904 = true;
      },
    );
    expect(await (await JSZip.loadAsync(readFileSync(path))).file('xl/workbook.xml')!.async('string')).toContain('date1904="1"');
    const sheet = await readSheet(path);
    expect(sheet.date1904).toBe(true);
    const march12 = dayFromYmd(2025, 3, 12);
    expect(sheet.values.slice(1).map((r) => dayFromCell(r[2], sheet.date1904))).toEqual([march12, march12]);
    // Installed in March (not in 2021): each pays the installation fee (R3) beside the monthly fee.
    const { result } = await bill(path);
    expect(result.problems).toEqual([]);
    expect(result.total.toNumber()).toBe(2 * (239 + 200));
  });

  it('without date1904 the same serial is 2021-03-10, as Excel on Windows shows it', async () => {
    const path = await writeRegister([
      ['Personnummer', 'Tjänst', 'Installerad'],
      [pnr(1), 'Trygghetslarm', 44265],
    ]);
    const sheet = await readSheet(path);
    expect(sheet.date1904).toBeUndefined();
    expect(dayFromCell(sheet.values[1]![2], sheet.date1904)).toBe(dayFromYmd(2021, 3, 10));
  });
});

describe('files that are not .xlsx workbooks (issue 9 item 11)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Runs the command line in-process: exit code and what it wrote to stderr. */
  async function cli(input: string): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await main(['--in', input, '--month', '2025-03', '--out', `${file('ut')}.xlsx`]);
    return { code, stderr };
  }

  async function zipFile(name: string, parts: Record<string, string>): Promise<string> {
    const zip = new JSZip();
    for (const [p, text] of Object.entries(parts)) zip.file(p, text);
    const path = file(name);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return path;
  }

  const NO_REGISTER_SHEET = /inget blad heter Enhetsregister/;

  it('an OpenDocument spreadsheet (.ods) is named as such, with what to do', async () => {
    const content =
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="Enhetsregister"/></office:spreadsheet></office:body></office:document-content>';
    const path = await zipFile('register.ods', {
      mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
      'content.xml': content,
      'META-INF/manifest.xml': '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    });
    const { code, stderr } = await cli(path);
    expect(code).toBe(1);
    expect(stderr).toMatch(/är ett OpenDocument-kalkylark \(\.ods.*spara den som Excel-arbetsbok \(\.xlsx\)/);
    expect(stderr).not.toMatch(NO_REGISTER_SHEET);
  });

  it('an empty zip archive', async () => {
    const path = await zipFile('tom.xlsx', {});
    expect(readFileSync(path).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const { code, stderr } = await cli(path);
    expect(code).toBe(1);
    expect(stderr).toMatch(/är ett tomt zip-arkiv, ingen Excel-arbetsbok/);
  });

  it('a zip archive of something else, and a Word document', async () => {
    const other = await cli(await zipFile('bilder.xlsx', { 'bild.txt': 'inte en arbetsbok' }));
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/är ett zip-arkiv, ingen Excel-arbetsbok/);
    const word = await cli(
      await zipFile('brev.xlsx', {
        '_rels/.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
      }),
    );
    expect(word.stderr).toMatch(/är ett Word-dokument, ingen Excel-arbetsbok/);
  });

  /** An OLE compound file (the container of .xls and of password-protected .xlsx). */
  function compoundFile(name: string, streams: string[]): string {
    const header = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    const directory = Buffer.alloc(512);
    streams.forEach((s, i) => directory.write(s, i * 128, 'utf16le'));
    const path = file(name);
    writeFileSync(path, Buffer.concat([header, directory]));
    return path;
  }

  it('a password-protected workbook says password, not damaged', async () => {
    const path = compoundFile('skyddad.xlsx', ['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    const { code, stderr } = await cli(path);
    expect(code).toBe(1);
    expect(stderr).toMatch(/är lösenordsskyddad \(krypterad\)/);
    expect(stderr).not.toMatch(/skadad/);
  });

  it('an old .xls workbook', async () => {
    const { code, stderr } = await cli(compoundFile('gammal.xls', ['Root Entry', 'Workbook']));
    expect(code).toBe(1);
    expect(stderr).toMatch(/äldre Excel-formatet \(\.xls\)\. Öppna den i Excel och spara den som Excel-arbetsbok/);
  });

  it('a CSV file, and Excel\'s lock file "~$register.xlsx"', async () => {
    const csv = file('register.csv');
    writeFileSync(csv, 'Personnummer;Tjänst;Installerad\n');
    expect((await cli(csv)).stderr).toMatch(/är ingen Excel-arbetsbok \(den kan vara text, CSV/);
    const lockDir = file('lås');
    mkdirSync(lockDir);
    const lock = join(lockDir, '~$register.xlsx');
    writeFileSync(lock, Buffer.alloc(165, 1));
    expect((await cli(lock)).stderr).toMatch(/är Excels låsfil för en öppen arbetsbok/);
  });

  it('a damaged (cut off) workbook says damaged', async () => {
    const whole = readFileSync(await tableRegister());
    const cut = file('avbruten.xlsx');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const { code, stderr } = await cli(cut);
    expect(code).toBe(1);
    expect(stderr).toMatch(/är skadad eller ofullständig/);
  });

  it('a folder given as --in', async () => {
    const folder = file('mapp.xlsx');
    mkdirSync(folder);
    const { code, stderr } = await cli(folder);
    expect(code).toBe(1);
    expect(stderr).toMatch(/är en mapp, inte en fil/);
  });

  it('a file that cannot be read for permission or a lock says so', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(openError(err('EACCES'), 'r.xlsx').message).toMatch(/går inte att läsa: behörighet saknas/);
    expect(openError(err('EPERM'), 'r.xlsx').message).toMatch(/behörighet saknas/);
    expect(openError(err('EBUSY'), 'r.xlsx').message).toMatch(/är låst av ett annat program \(t\.ex\. öppen i Excel\)/);
    expect(openError(err('EACCES'), 'r.xlsx')).toBeInstanceOf(RunError);
  });
});

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
// CI installs LibreOffice (.ci/run); without it these say so and skip.
const describeWithLibreOffice = hasSoffice || process.env.CI ? describe : describe.skip;

describeWithLibreOffice('files saved by LibreOffice', () => {
  /** The register converted by LibreOffice to `format` (ods, xlsx). */
  async function convertedRegister(format: string): Promise<string> {
    const source = await writeRegister([
      ['Personnummer', 'Namn', 'Tjänst', 'Installerad', 'Återlämning'],
      [pnr(1), 'Åsa Öberg', 'Trygghetslarm', date('2025-03-12'), null],
      [pnr(2), 'Örjan Ågren', 'Larmknapp', date('2020-01-01'), 'Återlämnad'],
    ]);
    const out = file('lo');
    mkdirSync(out);
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', format, '--outdir', out, source],
      { stdio: 'ignore', timeout: 120000 },
    );
    return join(out, source.replace(/^.*\//, '').replace(/xlsx$/, format));
  }

  it('a real .ods is named as an OpenDocument spreadsheet, with what to do', async () => {
    const ods = await convertedRegister('ods');
    const book = openWorkbookFile(ods, 'register.ods');
    await expect(book).rejects.toBeInstanceOf(RunError);
    await expect(book).rejects.toThrow(/register\.ods är ett OpenDocument-kalkylark .*spara den som Excel-arbetsbok \(\.xlsx\)/);
  }, 180000);

  it('an .xlsx written by LibreOffice is read with its text, dates and amounts', async () => {
    const xlsx = await convertedRegister('xlsx');
    const sheet = await readSheet(xlsx);
    expect(sheet.values.slice(1).map((r) => [r[1], dayFromCell(r[3]), r[4] ?? null])).toEqual([
      ['Åsa Öberg', dayFromYmd(2025, 3, 12), null],
      ['Örjan Ågren', dayFromYmd(2020, 1, 1), 'Återlämnad'],
    ]);
    expect((await bill(xlsx)).result.total.toNumber()).toBe(239 + 200 + 40);
  }, 180000);
});
