// Issue 9 item 7: a 300 000-row register with one stray cell in column XFD bills inside a 1 GB
// heap (the rectangle of the used range was rows × 16 384 cells: out of memory at 60 000 rows).
// The command line runs as its own process with --max-old-space-size=1024.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { syntheticPnr } from '../../examples/synthetic.js';
import { dayFromYmd } from '../../src/engine/index.js';

const ROWS = 300000;
const PERSONS = 10000;
const root = fileURLToPath(new URL('../../', import.meta.url));

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const text = (ref: string, s: string): string => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;

/** A zip archive of deflated parts (JSZip's deflate in JavaScript takes longer than the run). */
function zipArchive(parts: Record<string, string>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data, { level: 1 });
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    header.copy(entry, 6, 4, 30); // version needed … name length: the same fields in the same order
    entry.writeUInt32LE(offset, 42);
    local.push(header, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

/**
 * The register written directly as SpreadsheetML (exceljs would take longer than the run):
 * every person has one device in use and 29 returned long ago, so the invoice stays small and
 * the run measures reading and billing 300 000 rows.
 */
function writeLargeRegister(path: string): void {
  const rows: string[] = [];
  const header = ['Personnummer', 'Namn', 'Tjänst', 'Installerad', 'Avslutad', 'Återlämning'];
  rows.push(`<row r="1">${header.map((h, c) => text(`${'ABCDEF'[c]}1`, h)).join('')}</row>`);
  for (let i = 0; i < ROWS; i++) {
    const r = i + 2;
    const person = i % PERSONS;
    const pnr = syntheticPnr(dayFromYmd(1930 + (person % 50), 1 + (person % 12), 1 + (person % 28)), person % 1000);
    const earlier = Math.floor(i / PERSONS); // 0 for the device in use
    let cells =
      text(`A${r}`, pnr) +
      text(`B${r}`, `Åsa Öberg ${person}`) +
      text(`C${r}`, earlier ? 'Larmknapp' : 'Trygghetslarm') +
      `<c r="D${r}"><v>${earlier ? 43466 + earlier : 45292}</v></c>`; // from 2019-01-02; 2024-01-01
    if (earlier) cells += `<c r="E${r}"><v>${43831 + earlier}</v></c>${text(`F${r}`, 'Återlämnad')}`; // 2020
    if (r === 2) cells += text('XFD2', 'anteckning');
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const part = (...xml: string[]): string => xml.join('');
  const relsNs = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
  const parts = {
    '[Content_Types].xml': part(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
      '<Default Extension="xml" ContentType="application/xml"/>',
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
      '</Types>',
    ),
    '_rels/.rels': `<Relationships ${relsNs}><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Enhetsregister" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships ${relsNs}><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<worksheet ${ns}><sheetData>${rows.join('')}</sheetData></worksheet>`,
  };
  writeFileSync(path, zipArchive(parts));
}

describe('a 300 000-row register with a stray cell in column XFD (issue 9 item 7)', () => {
  it('bills inside a 1 GB heap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vt-cli-large-'));
    const input = join(dir, 'register.xlsx');
    writeLargeRegister(input);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/bin.ts', '--in', input, '--month', '2025-03', '--out', join(dir, 'faktura.xlsx')],
      { cwd: root, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=1024' }, maxBuffer: 1 << 20 },
    );
    expect(stdout).toContain(`Personer:   ${PERSONS}`);
    expect(stdout).toMatch(/Fel:\s+0\n/);
    expect(stdout).toMatch(/Totalt:\s+2\s390\s000 kr/); // 10 000 × 239
  }, 240000);
});
