// What a file given as the register is, and where an .xlsx keeps its parts: the sheets by name,
// the date system, styles, shared strings and each sheet's tables. Relationship targets are
// resolved whether relative (Excel, exceljs) or absolute ("/xl/tables/table1.xml", openpyxl).
// Every refusal is a RunError with a Swedish message saying what the file is and what to do.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { RunError } from '../engine/index.js';
import { ZipArchive, ZipFormatError, type ZipEntry } from './zipArchive.js';

export interface SheetPart {
  readonly name: string;
  /** The worksheet part; undefined for a chart sheet, which has no cells. */
  readonly entry?: ZipEntry;
  /** Part name, for the sheet's own relationships (tables). */
  readonly partName: string;
}

/** An Excel table on a sheet: its range, and how many total rows end it. */
export interface TablePart {
  readonly ref: string;
  readonly totalsRowCount: number;
}

export interface WorkbookPackage {
  readonly zip: ZipArchive;
  readonly sheets: readonly SheetPart[];
  readonly date1904: boolean;
  readonly styles?: ZipEntry;
  readonly sharedStrings?: ZipEntry;
  tablesOf(sheet: SheetPart): Promise<TablePart[]>;
  close(): Promise<void>;
}

const REL = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  styles: '/styles',
  sharedStrings: '/sharedStrings',
  table: '/table',
} as const;

const SAVE_AS_XLSX = 'Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx), och kör sedan igen.';

/** Opens `path` as an Excel workbook; `shownAs` is how the user named it, for messages. */
export async function openWorkbookPackage(path: string, shownAs: string): Promise<WorkbookPackage> {
  const kind = await sniff(path, shownAs);
  if (kind === 'encrypted') {
    throw new RunError(
      `Filen ${shownAs} är lösenordsskyddad (krypterad). Öppna den i Excel, ta bort lösenordet (Arkiv → Info → Skydda arbetsbok → Kryptera med lösenord, töm fältet) och spara, eller spara en kopia utan lösenord, och kör sedan igen.`,
    );
  }
  if (kind === 'ole') {
    throw new RunError(`Filen ${shownAs} är en arbetsbok i det äldre Excel-formatet (.xls). ${SAVE_AS_XLSX}`);
  }
  if (kind === 'other') throw notAWorkbook(shownAs);

  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(path);
  } catch (e) {
    if (e instanceof ZipFormatError) throw damaged(shownAs);
    throw openError(e, shownAs);
  }
  try {
    return await readPackage(zip, shownAs);
  } catch (e) {
    await zip.close();
    if (e instanceof ZipFormatError) throw damaged(shownAs);
    throw e;
  }
}

/** A file-system error while opening or reading the register, in Swedish. */
export function openError(e: unknown, shownAs: string): Error {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new RunError(
        `Filen ${shownAs} går inte att läsa: behörighet saknas. Be den som äger filen om läsrätt, eller kopiera den till en mapp där du kan läsa den.`,
      );
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EAGAIN':
      return new RunError(
        `Filen ${shownAs} är låst av ett annat program (t.ex. öppen i Excel). Stäng den där, eller spara en kopia, och kör igen.`,
      );
    case 'EISDIR':
      return new RunError(`${shownAs} är en mapp, inte en fil. Ange registrets .xlsx-fil med --in.`);
    case 'ENOENT':
      return new RunError(`Filen ${shownAs} finns inte.`);
    default:
      return new RunError(
        `Filen ${shownAs} går inte att läsa (felkod ${code ?? 'okänd'}). Kontrollera att filen går att öppna, eller kopiera den till en annan mapp, och kör igen.`,
      );
  }
}

export function damaged(shownAs: string): RunError {
  return new RunError(
    `Filen ${shownAs} ser ut som en Excel-arbetsbok men går inte att läsa: den är skadad eller ofullständig (avbruten kopiering eller nedladdning?). Öppna den i Excel och spara den igen, eller hämta en hel kopia, och kör sedan igen.`,
  );
}

function notAWorkbook(shownAs: string): RunError {
  if (basename(shownAs).startsWith('~$')) {
    return new RunError(
      `Filen ${shownAs} är Excels låsfil för en öppen arbetsbok, inte själva arbetsboken. Ange arbetsboken (samma namn utan ~$).`,
    );
  }
  return new RunError(
    `Filen ${shownAs} är ingen Excel-arbetsbok (den kan vara text, CSV eller ett annat format). ${SAVE_AS_XLSX}`,
  );
}

type FileKind = 'zip' | 'encrypted' | 'ole' | 'other';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// An encrypted .xlsx is an OLE compound file holding a stream of this name (UTF-16LE).
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

async function sniff(path: string, shownAs: string): Promise<FileKind> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (e) {
    throw openError(e, shownAs);
  }
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await file.read(head, 0, 8, 0);
    if (bytesRead >= 4 && head[0] === 0x50 && head[1] === 0x4b) return 'zip'; // "PK"
    if (bytesRead === 8 && head.equals(OLE_MAGIC)) {
      // The directory naming the streams is small; the whole file is read once, only here.
      const all = await file.readFile();
      return all.includes(ENCRYPTED_PACKAGE) ? 'encrypted' : 'ole';
    }
    return 'other';
  } catch (e) {
    throw openError(e, shownAs);
  } finally {
    await file.close();
  }
}

async function readPackage(zip: ZipArchive, shownAs: string): Promise<WorkbookPackage> {
  const names = [...zip.entries].map((e) => e.name);
  if (names.length === 0) {
    throw new RunError(`Filen ${shownAs} är ett tomt zip-arkiv, ingen Excel-arbetsbok. Ange registrets .xlsx-fil.`);
  }
  const mimetype = zip.entry('mimetype');
  if (mimetype) {
    const type = (await zip.text(mimetype)).trim();
    if (type.includes('opendocument.spreadsheet')) {
      throw new RunError(
        `Filen ${shownAs} är ett OpenDocument-kalkylark (.ods, t.ex. från LibreOffice), inte en Excel-arbetsbok. Öppna den i LibreOffice eller Excel och spara den som Excel-arbetsbok (.xlsx), och kör sedan igen.`,
      );
    }
    if (type.includes('opendocument')) throw notExcelZip(shownAs, 'ett OpenDocument-dokument');
  }

  const rootRels = await readRels(zip, '');
  const mainPart = rootRels.find((r) => r.type.endsWith(REL.officeDocument) && zip.entry(r.target))?.target;
  const workbookPart = mainPart ?? (zip.entry('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  const notExcel = (): RunError => {
    const top = (mainPart ?? names.find((n) => /^(word|ppt)\//i.test(n)) ?? '').toLowerCase();
    if (top.startsWith('word/')) return notExcelZip(shownAs, 'ett Word-dokument');
    if (top.startsWith('ppt/')) return notExcelZip(shownAs, 'en PowerPoint-presentation');
    return notExcelZip(shownAs, 'ett zip-arkiv');
  };
  if (!workbookPart) throw notExcel();
  if (workbookPart.toLowerCase().endsWith('.bin')) {
    throw new RunError(`Filen ${shownAs} är en binär Excel-arbetsbok (.xlsb). ${SAVE_AS_XLSX}`);
  }

  const workbookXml = await zip.text(zip.entry(workbookPart)!);
  if (xmlElements(workbookXml, 'workbook').length === 0) throw notExcel();
  const workbookRels = await readRels(zip, workbookPart);
  const relById = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  for (const s of xmlElements(workbookXml, 'sheet')) {
    const name = s.get('name');
    const rel = relById.get(s.get('id') ?? '');
    if (name === undefined) continue;
    if (!rel) throw new ZipFormatError(`sheet ${name} has no relationship`);
    const entry = rel.type.endsWith(REL.worksheet) ? zip.entry(rel.target) : undefined;
    if (rel.type.endsWith(REL.worksheet) && !entry) throw new ZipFormatError(`sheet ${name} has no part`);
    sheets.push({ name, partName: rel.target, ...(entry ? { entry } : {}) });
  }
  if (sheets.length === 0) throw new ZipFormatError('no sheets');
  const pr = xmlElements(workbookXml, 'workbookPr')[0];
  const date1904 = isTrue(pr?.get('date1904'));
  const partOf = (type: string): ZipEntry | undefined => {
    const rel = workbookRels.find((r) => r.type.endsWith(type));
    return rel ? zip.entry(rel.target) : undefined;
  };
  const styles = partOf(REL.styles);
  const sharedStrings = partOf(REL.sharedStrings);

  return {
    zip,
    sheets,
    date1904,
    ...(styles ? { styles } : {}),
    ...(sharedStrings ? { sharedStrings } : {}),
    async tablesOf(sheet: SheetPart): Promise<TablePart[]> {
      const tables: TablePart[] = [];
      for (const rel of await readRels(zip, sheet.partName)) {
        const entry = rel.type.endsWith(REL.table) ? zip.entry(rel.target) : undefined;
        if (!entry) continue;
        const table = xmlElements(await zip.text(entry), 'table')[0];
        const ref = table?.get('ref');
        if (!ref) continue;
        // totalsRowCount counts the total rows shown; totalsRowShown alone does not add one.
        tables.push({ ref, totalsRowCount: Number(table?.get('totalsRowCount') ?? 0) || 0 });
      }
      return tables;
    },
    close: () => zip.close(),
  };
}

function notExcelZip(shownAs: string, what: string): RunError {
  return new RunError(`Filen ${shownAs} är ${what}, ingen Excel-arbetsbok. Ange registrets .xlsx-fil.`);
}

const isTrue = (v: string | undefined): boolean => v === '1' || v === 'true';

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Part name the target resolves to, without a leading slash. */
  readonly target: string;
}

/** The relationships of `partName` ('' for the package itself), targets resolved to part names. */
async function readRels(zip: ZipArchive, partName: string): Promise<Relationship[]> {
  const slash = partName.lastIndexOf('/');
  const folder = slash < 0 ? '' : partName.slice(0, slash + 1);
  const entry = zip.entry(`${folder}_rels/${partName.slice(slash + 1)}.rels`);
  if (!entry) return [];
  const rels: Relationship[] = [];
  for (const r of xmlElements(await zip.text(entry), 'Relationship')) {
    const id = r.get('Id'),
      type = r.get('Type'),
      target = r.get('Target');
    if (id === undefined || type === undefined || target === undefined || r.get('TargetMode') === 'External') continue;
    rels.push({ id, type, target: resolvePartName(folder, target) });
  }
  return rels;
}

/** A relationship target as a part name: absolute from the package root, else from `folder`. */
export function resolvePartName(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : folder + target;
  const parts: string[] = [];
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // a stray % is part of the name
  }
  for (const p of decoded.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/**
 * Attributes of every element with this local name, by attribute local name ("r:id" → "id").
 * Enough for the small, machine-written parts read here; cells are read by exceljs.
 */
export function xmlElements(xml: string, localName: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  const tag = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  const attribute = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (const m of xml.matchAll(tag)) {
    const attrs = new Map<string, string>();
    for (const a of m[1]!.matchAll(attribute)) {
      const local = a[1]!.slice(a[1]!.indexOf(':') + 1);
      if (!attrs.has(local)) attrs.set(local, decodeEntities(a[2] ?? a[3] ?? ''));
    }
    found.push(attrs);
  }
  return found;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[k]!;
  });
}
