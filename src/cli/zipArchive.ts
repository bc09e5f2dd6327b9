// A zip archive read from its central directory, so each part can be opened on its own and in
// any order (a workbook's shared strings and styles are stored after its sheets), and only the
// parts asked for are ever inflated. Node's zlib does the inflating.
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export class ZipFormatError extends Error {}

export interface ZipEntry {
  /** As stored, without a leading slash. */
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export class ZipArchive {
  private constructor(
    private readonly path: string,
    private readonly file: FileHandle,
    private readonly byName: ReadonlyMap<string, ZipEntry>,
  ) {}

  /** Opens the archive; throws ZipFormatError when the file is not a readable zip archive. */
  static async open(path: string): Promise<ZipArchive> {
    const file = await open(path, 'r');
    try {
      const entries = await readCentralDirectory(file);
      const byName = new Map<string, ZipEntry>();
      // Part names are case-insensitive (OPC); the first of two equal names wins.
      for (const e of entries) if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e);
      return new ZipArchive(path, file, byName);
    } catch (e) {
      await file.close();
      throw e;
    }
  }

  get entries(): IterableIterator<ZipEntry> {
    return this.byName.values();
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /** A small part whole, decoded as UTF-8 (workbook, relationships, tables). */
  async text(entry: ZipEntry): Promise<string> {
    const start = await this.dataStart(entry);
    const raw = Buffer.alloc(entry.compressedSize);
    if (entry.compressedSize > 0) await this.file.read(raw, 0, entry.compressedSize, start);
    try {
      return (entry.method === STORED ? raw : inflateRawSync(raw)).toString('utf8');
    } catch {
      throw new ZipFormatError(`part ${entry.name} cannot be inflated`);
    }
  }

  /**
   * A part as UTF-8 text in pieces. One streaming decoder per part carries a character split
   * between two inflated chunks over to the next piece (exceljs decodes each chunk on its own,
   * which turned "Återlämnad" into "��terlämnad").
   */
  async *textChunks(entry: ZipEntry): AsyncGenerator<string> {
    const start = await this.dataStart(entry);
    const decoder = new TextDecoder('utf-8');
    if (entry.compressedSize === 0) return;
    const raw = createReadStream(this.path, { start, end: start + entry.compressedSize - 1 });
    const source = entry.method === STORED ? raw : raw.pipe(createInflateRaw());
    if (source !== raw) raw.on('error', (e) => source.destroy(e));
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        const text = decoder.decode(chunk, { stream: true });
        if (text) yield text;
      }
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('Z_')) throw new ZipFormatError(`part ${entry.name} cannot be inflated`);
      throw e;
    } finally {
      raw.destroy();
      source.destroy();
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  close(): Promise<void> {
    return this.file.close();
  }

  private async dataStart(entry: ZipEntry): Promise<number> {
    if (entry.encrypted) throw new ZipFormatError(`part ${entry.name} is encrypted`);
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw new ZipFormatError(`part ${entry.name} uses compression method ${entry.method}`);
    }
    const header = Buffer.alloc(30);
    const { bytesRead } = await this.file.read(header, 0, 30, entry.localHeaderOffset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_ENTRY) throw new ZipFormatError(`part ${entry.name} has no header`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await file.read(buf, 0, length, position);
  if (bytesRead < length) throw new ZipFormatError('unexpected end of file');
  return buf;
}

async function readCentralDirectory(file: FileHandle): Promise<ZipEntry[]> {
  const { size } = await file.stat();
  // The end record (22 bytes) is followed by a comment of at most 65 535 bytes.
  const tailLength = Math.min(size, 22 + 0xffff);
  if (tailLength < 22) throw new ZipFormatError('too short for a zip archive');
  const tail = await readAt(file, size - tailLength, tailLength);
  let at = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError('no end of central directory');
  let count = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let dirOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locatorAt = size - tailLength + at - 20;
    if (locatorAt < 0) throw new ZipFormatError('zip64 locator missing');
    const locator = await readAt(file, locatorAt, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
    const record = await readAt(file, Number(locator.readBigUInt64LE(8)), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError('zip64 end record missing');
    count = Number(record.readBigUInt64LE(32));
    dirSize = Number(record.readBigUInt64LE(40));
    dirOffset = Number(record.readBigUInt64LE(48));
  }
  if (dirOffset + dirSize > size) throw new ZipFormatError('central directory beyond the end of the file');
  const dir = await readAt(file, dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_ENTRY) throw new ZipFormatError('central directory damaged');
    const flags = dir.readUInt16LE(p + 8);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    let compressedSize = dir.readUInt32LE(p + 20);
    let entrySize = dir.readUInt32LE(p + 24);
    let localHeaderOffset = dir.readUInt32LE(p + 42);
    const name = dir.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    // Zip64: values that do not fit are 0xffffffff here and follow in the extra field, in order.
    let x = p + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = dir.readUInt16LE(x);
      const length = dir.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        const next = (): number => {
          const v = Number(dir.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (entrySize === 0xffffffff) entrySize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      x += 4 + length;
    }
    entries.push({
      name: name.replace(/\\/g, '/').replace(/^\/+/, ''),
      method: dir.readUInt16LE(p + 10),
      compressedSize,
      size: entrySize,
      localHeaderOffset,
      encrypted: (flags & 1) === 1,
    });
    p = extraEnd + commentLength;
  }
  return entries;
}
