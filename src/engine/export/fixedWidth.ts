// §10 "Fast postlängd": the records ! S H R K T as the layout places their fields. A value that
// does not fit refuses the export unless it is text (names, row texts), which is cut.
import type { Day } from '../days.js';
import { recordCell, type InvoiceRecord, type RecordField, type RecordLine } from '../record/invoiceRecord.js';
import type { ExportConfig } from './exportSheet.js';
import { textLineOf, type ExportInvoice, type ExportLines, type InvoiceTextField } from './invoices.js';
import type { KonteringRow } from './kontering.js';
import {
  CONTENT_BY_KEY,
  KONTERING_LABEL,
  type Content,
  type KonteringField,
  type LayoutField,
  RECORD_TYPES,
  type RecordType,
  type ValueKind,
} from './layout.js';
import { ByteWriter, WROTE_ALL } from './byteWriter.js';
import { describeChar, type Encoding } from './encoding.js';
import type { Refusals, ValueSource } from './refusals.js';
import { formatDay, formatMonth, formatPnr } from './values.js';

/** What the whole file knows (the '!' record and every other). */
export interface FileValues {
  readonly created: Day;
  readonly due: Day;
  /** YYYY-MM. */
  readonly billingMonth: string;
  readonly ourReference: string;
  readonly fileText: string;
}

export interface WriteContext {
  readonly record: InvoiceRecord;
  readonly config: ExportConfig;
  readonly file: FileValues;
  readonly refusals: Refusals;
  /** The lines in invoice order, with their kontering and texts. */
  readonly lines: ExportLines;
  readonly out: ByteWriter;
  readonly encoding: Encoding;
  /** "\r\n" or "\n". */
  readonly lineEnd: string;
}

/** Why character `i` of `text` could not be written. */
export function charProblem(text: string, i: number, encoding: Encoding): string {
  const c = text.charCodeAt(i);
  if (c < 0x20 || c === 0x7f) return 'Texten innehåller en radbrytning eller ett annat styrtecken. Ta bort det';
  const cp = text.codePointAt(i)!;
  return `Tecknet ${describeChar(String.fromCodePoint(cp))} kan inte skrivas i ${encoding}. Byt ut det`;
}

/** What a field is written for: the file ('!'), an invoice (S, H, T) or line `i` of it (R, K). */
interface Ctx {
  inv: ExportInvoice | undefined;
  i: number;
}

type Value = string | number | undefined;

/** What a field's value depends on beyond the file: nothing, the kontering row, or more. */
type Depends = 'file' | 'kontering' | 'other';

interface CompiledField {
  readonly field: LayoutField;
  readonly kind: ValueKind | 'literal';
  readonly depends: Depends;
  readonly get: (c: Ctx) => Value;
  readonly source: (c: Ctx) => ValueSource;
}

const lineSource = (w: WriteContext, line: RecordLine, field: RecordField): ValueSource => {
  const c = w.record.columns[field];
  const cell = recordCell(w.record, line, field);
  return {
    sheet: line.sheet,
    row: line.row,
    column: c?.header ?? '',
    ...(cell ? { cell } : {}),
    value: c ? line.cells[c.index] : '',
  };
};

/** S, H and every R of an invoice write the same number: it is formatted once per invoice and format. */
function pnrMemo(fmt: string, year: number): (inv: ExportInvoice) => string {
  let last: ExportInvoice | undefined,
    shown = '';
  return (inv) => {
    if (inv !== last) {
      last = inv;
      shown = formatPnr(inv.pnr, fmt, year);
    }
    return shown;
  };
}

function compile(field: LayoutField, w: WriteContext, memos: Map<string, (inv: ExportInvoice) => string>): CompiledField {
  const layoutSource = (value: unknown): ValueSource => ({
    sheet: field.cell ? w.config.sheet : 'standardlayouten',
    ...(field.cell ? { cell: field.cell } : {}),
    column: 'Innehåll',
    value,
  });
  const content: Content = field.content;
  if (content.kind === 'literal')
    return { field, kind: 'literal', depends: 'file', get: () => content.text, source: () => layoutSource(content.text) };
  const spec = CONTENT_BY_KEY[content.key];
  const fmt = content.format ?? '';
  const f = w.file;
  const lines = w.lines;
  const year = Number(f.billingMonth.slice(0, 4));
  const make = (get: (c: Ctx) => Value, source: (c: Ctx) => ValueSource, depends: Depends = 'other'): CompiledField => ({
    field,
    kind: spec.value,
    depends,
    get,
    source,
  });
  const fixed = (v: string, source: () => ValueSource): CompiledField => make(() => v, source, 'file');
  const setting = (k: 'dueDate' | 'dueDays' | 'ourReference', value: unknown): ValueSource => {
    const cell = w.config.settingCells[k];
    return {
      sheet: w.config.sheet,
      ...(cell ? { cell } : {}),
      column: k === 'ourReference' ? 'Vår referens' : 'Förfallodag',
      value,
    };
  };
  const firstLine = (c: Ctx): RecordLine => lines.lines[c.inv!.from]!;
  const invoiceText = (t: InvoiceTextField) =>
    make(
      (c) => c.inv![t],
      (c) => {
        const found = textLineOf(c.inv!, t);
        return found ? lineSource(w, found, t) : lineSource(w, firstLine(c), 'pnr');
      },
    );
  // On S (no line) the kontering of the invoice's first line; on R and K the line's own.
  const konteringOf = (c: Ctx): KonteringRow => lines.kontering[c.i >= 0 ? c.i : c.inv!.from]!;
  const kontering = (k: KonteringField) =>
    make(
      (c) => konteringOf(c).codes[k],
      (c) => {
        const kr = konteringOf(c);
        return { sheet: w.config.sheet, cell: kr.cells[k], column: KONTERING_LABEL[k], value: kr.codes[k] };
      },
      'kontering',
    );
  const number = (a: Float64Array, field: RecordField) =>
    make(
      (c) => {
        const v = a[c.i]!;
        return v === v ? v : undefined; // NaN: blank
      },
      (c) => lineSource(w, lines.lines[c.i]!, field),
    );
  switch (content.key) {
    case 'recordType':
      return fixed(field.record, () => layoutSource(field.record));
    case 'created': {
      const v = formatDay(f.created, fmt);
      return fixed(v, () => layoutSource(v));
    }
    case 'dueDate': {
      const v = formatDay(f.due, fmt);
      return fixed(v, () => setting(w.config.settings.dueDate !== undefined ? 'dueDate' : 'dueDays', v));
    }
    case 'fileText':
      return fixed(f.fileText, () => layoutSource(f.fileText));
    case 'billingMonth': {
      const v = formatMonth(f.billingMonth, fmt);
      return fixed(v, () => layoutSource(v));
    }
    case 'ourReference':
      return fixed(f.ourReference, () => setting('ourReference', f.ourReference));
    case 'pnr': {
      let memo = memos.get(fmt);
      if (!memo) memos.set(fmt, (memo = pnrMemo(fmt, year)));
      const shown = memo;
      return make(
        (c) => shown(c.inv!),
        (c) => lineSource(w, firstLine(c), 'pnr'),
      );
    }
    case 'name':
    case 'customerReference':
      return invoiceText('name');
    case 'careOf':
    case 'street':
    case 'postal':
      // A sheet without the column leaves the field blank on every invoice: a fixed part of the record.
      return w.record.columns[content.key] === undefined ? fixed('', () => layoutSource('')) : invoiceText(content.key);
    case 'invoiceTotal':
      return make(
        (c) => c.inv!.totalOre,
        (c) => lineSource(w, firstLine(c), 'pnr'),
      );
    case 'text':
      return make(
        (c) => lines.texts[c.i]!,
        (c) => {
          const k = lines.kontering[c.i]!;
          return k.text !== ''
            ? { sheet: w.config.sheet, cell: k.cells.text, column: 'Text', value: k.text }
            : lineSource(w, lines.lines[c.i]!, 'services');
        },
      );
    case 'quantity':
      return number(lines.quantity, 'quantity');
    case 'unitPrice':
      return number(lines.unitPriceOre, 'unitPrice');
    case 'amount':
      return make(
        (c) => lines.lines[c.i]!.amountOre,
        (c) => lineSource(w, lines.lines[c.i]!, 'amount'),
      );
    case 'period': {
      const shown = new Map<string, string>();
      return make(
        (c) => {
          const m = lines.lines[c.i]!.month;
          let v = shown.get(m);
          if (v === undefined) shown.set(m, (v = formatMonth(m, fmt)));
          return v;
        },
        (c) => lineSource(w, lines.lines[c.i]!, 'month'),
      );
    }
    default:
      return kontering(content.key);
  }
}

const SPACE = 0x20,
  ZERO = 0x30,
  PLUS = 0x2b,
  MINUS = 0x2d;

function digitCount(n: number): number {
  let count = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) count++;
  return count;
}

/** A number of öre or hundredths in its field: integer digits, a leading minus; `zero-signed` always signs. False: it does not fit. */
function writeNumber(n: number, f: LayoutField, out: ByteWriter): boolean {
  const negative = n < 0;
  const abs = negative ? -n : n;
  const d = digitCount(abs);
  if (f.pad === 'zero-signed') {
    if (d > f.length - 1) return false;
    out.byte(negative ? MINUS : PLUS);
    out.digits(abs, f.length - 1);
    return true;
  }
  const width = d + (negative ? 1 : 0);
  if (width > f.length) return false;
  if (f.pad === 'zero') {
    if (negative) out.byte(MINUS);
    out.digits(abs, f.length - (negative ? 1 : 0));
    return true;
  }
  if (f.align === 'right') out.fill(SPACE, f.length - width);
  if (negative) out.byte(MINUS);
  out.digits(abs);
  if (f.align === 'left') out.fill(SPACE, f.length - width);
  return true;
}

const MEANING: Readonly<Record<ValueKind | 'literal', string>> = {
  letter: 'posttypen',
  date: 'datumet',
  month: 'månaden',
  pnr: 'personnumret',
  number: 'talet',
  text: 'texten',
  code: 'koden',
  literal: 'texten',
};

/**
 * Consecutive fields that depend on nothing but the kontering row (the record type, Ansvar to
 * Motpart on K, Momskod on R): written once per kontering row and copied after that.
 */
interface Segment {
  readonly segment: true;
  readonly fields: readonly CompiledField[];
  /** Spaces before the segment's first field. */
  readonly gap: number;
  readonly byKontering: boolean;
  readonly written: Map<KonteringRow | null, Uint8Array>;
}

type Piece = { readonly segment: false; readonly gap: number; readonly field: CompiledField } | Segment;

/** Writes the file's records, in order: '!', then per invoice S, H, (R, K) per line, T. Returns the number of records. */
export function writeFixedWidth(invoices: readonly ExportInvoice[], w: WriteContext): number {
  const memos = new Map<string, (inv: ExportInvoice) => string>();
  const byRecord = new Map<RecordType, Piece[]>();
  for (const type of RECORD_TYPES) {
    const fields = w.config.layout
      .filter((f) => f.record === type)
      .sort((a, b) => a.start - b.start)
      .map((f) => compile(f, w, memos));
    if (fields.length === 0) continue;
    const pieces: Piece[] = [];
    let pos = 1;
    let run: CompiledField[] = [],
      runGap = 0;
    const close = (): void => {
      if (run.length === 0) return;
      pieces.push({
        segment: true,
        fields: run,
        gap: runGap,
        byKontering: run.some((f) => f.depends === 'kontering'),
        written: new Map(),
      });
      run = [];
    };
    for (const cf of fields) {
      const gap = cf.field.start - pos;
      pos = cf.field.start + cf.field.length;
      // Records of one line (S, R, K) may share a segment per kontering row; '!', H and T only what is fixed.
      const cacheable = cf.depends === 'file' || (cf.depends === 'kontering' && type !== 'H' && type !== 'T');
      if (cacheable) {
        if (run.length === 0) runGap = gap;
        else if (gap > 0) {
          close();
          runGap = gap;
        }
        run.push(cf);
      } else {
        close();
        pieces.push({ segment: false, gap, field: cf });
      }
    }
    close();
    byRecord.set(type, pieces);
  }

  const out = w.out;
  const tooLong = (cf: CompiledField, c: Ctx, shown: string): void => {
    const f = cf.field;
    w.refusals.add(
      cf.source(c),
      `Värdet "${shown}" har ${shown.length} tecken men fältet ${fieldName(f)} i post ${f.record} (positioner ${f.start}–${f.start + f.length - 1}) har ${f.length}; att korta ${MEANING[cf.kind]} skulle ändra dess betydelse.`,
    );
  };
  const writeField = (cf: CompiledField, c: Ctx, to: ByteWriter): void => {
    const f = cf.field;
    const v = cf.get(c);
    if (v === undefined || v === '') return to.fill(SPACE, f.length);
    if (typeof v === 'number') {
      if (!writeNumber(v, f, to)) {
        tooLong(cf, c, String(v));
        to.fill(SPACE, f.length);
      }
      return;
    }
    let count = v.length;
    if (count > f.length) {
      if (cf.kind !== 'text') {
        tooLong(cf, c, v);
        return to.fill(SPACE, f.length);
      }
      count = f.length; // names and row texts are cut (§10)
    }
    const padByte = f.pad === 'space' ? SPACE : ZERO;
    if (f.align === 'right') to.fill(padByte, f.length - count);
    const bad = to.text(v, count);
    if (bad !== WROTE_ALL) {
      w.refusals.add(cf.source(c), `${charProblem(v, bad, w.encoding)} (post ${f.record}, fältet ${fieldName(f)}).`);
      to.fill(SPACE, count - bad);
    }
    if (f.align === 'left') to.fill(padByte, f.length - count);
  };
  const konteringOf = (c: Ctx): KonteringRow => w.lines.kontering[c.i >= 0 ? c.i : c.inv!.from]!;
  let records = 0;
  const render = (type: RecordType, c: Ctx): void => {
    const pieces = byRecord.get(type);
    if (!pieces) return;
    for (const p of pieces) {
      out.fill(SPACE, p.gap);
      if (!p.segment) {
        writeField(p.field, c, out);
        continue;
      }
      const key = p.byKontering ? konteringOf(c) : null;
      let bytes = p.written.get(key);
      if (!bytes) {
        const own = new ByteWriter(w.encoding, 64);
        let pos = p.fields[0]!.field.start;
        for (const cf of p.fields) {
          own.fill(SPACE, cf.field.start - pos);
          writeField(cf, c, own);
          pos = cf.field.start + cf.field.length;
        }
        bytes = own.bytes();
        p.written.set(key, bytes);
      }
      out.put(bytes);
    }
    out.ascii(w.lineEnd);
    records++;
  };

  const ctx: Ctx = { inv: undefined, i: -1 };
  render('!', ctx);
  for (const inv of invoices) {
    ctx.inv = inv;
    ctx.i = -1;
    render('S', ctx);
    render('H', ctx);
    for (let i = inv.from; i < inv.to; i++) {
      ctx.i = i;
      render('R', ctx);
      render('K', ctx);
    }
    ctx.i = -1;
    render('T', ctx);
  }
  return records;
}

const fieldName = (f: LayoutField): string => (f.name !== '' ? `"${f.name}"` : `på position ${f.start}`);

/** Bytes of one record of each type (its last field's end). */
export function recordLengths(layout: readonly LayoutField[]): Map<RecordType, number> {
  const lengths = new Map<RecordType, number>();
  for (const f of layout) lengths.set(f.record, Math.max(lengths.get(f.record) ?? 0, f.start + f.length - 1));
  return lengths;
}

/** The file's exact size in a one-byte encoding. */
export function fixedWidthSize(layout: readonly LayoutField[], invoices: number, lines: number, lineEnd: string): number {
  const len = recordLengths(layout);
  const size = (t: RecordType): number => (len.has(t) ? len.get(t)! + lineEnd.length : 0);
  return size('!') + invoices * (size('S') + size('H') + size('T')) + lines * (size('R') + size('K'));
}
