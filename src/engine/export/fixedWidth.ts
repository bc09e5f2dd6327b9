// §10 "Fast postlängd": the records ! S H R K T as the layout places their fields. A value that
// does not fit refuses the export unless it is text (names, row texts), which is cut.
import type { Day } from '../days.js';
import { recordCell, type InvoiceRecord, type RecordField, type RecordLine } from '../record/invoiceRecord.js';
import type { ExportConfig } from './exportSheet.js';
import type { ExportInvoice, ExportLine, InvoiceTextField } from './invoices.js';
import {
  CONTENT_BY_KEY,
  KONTERING_LABEL,
  type Content,
  type KonteringField,
  type LayoutField,
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

interface Ctx {
  inv?: ExportInvoice;
  el?: ExportLine;
}

type Value = string | number | undefined;

interface CompiledField {
  readonly field: LayoutField;
  readonly kind: ValueKind | 'literal';
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

const pnrMemos = new WeakMap<WriteContext, Map<string, (inv: ExportInvoice) => string>>();
function pnrMemo(w: WriteContext, fmt: string, year: number): (inv: ExportInvoice) => string {
  let byFormat = pnrMemos.get(w);
  if (!byFormat) pnrMemos.set(w, (byFormat = new Map()));
  let memo = byFormat.get(fmt);
  if (!memo) {
    let last: ExportInvoice | undefined,
      shown = '';
    memo = (inv) => {
      if (inv !== last) {
        last = inv;
        shown = formatPnr(inv.pnr, fmt, year);
      }
      return shown;
    };
    byFormat.set(fmt, memo);
  }
  return memo;
}

function compile(field: LayoutField, w: WriteContext): CompiledField {
  const layoutSource = (value: unknown): ValueSource => ({
    sheet: field.cell ? w.config.sheet : 'standardlayouten',
    ...(field.cell ? { cell: field.cell } : {}),
    column: 'Innehåll',
    value,
  });
  const content: Content = field.content;
  if (content.kind === 'literal')
    return { field, kind: 'literal', get: () => content.text, source: () => layoutSource(content.text) };
  const spec = CONTENT_BY_KEY[content.key];
  const fmt = content.format ?? '';
  const f = w.file;
  const year = Number(f.billingMonth.slice(0, 4));
  const make = (get: (c: Ctx) => Value, source: (c: Ctx) => ValueSource): CompiledField => ({
    field,
    kind: spec.value,
    get,
    source,
  });
  const setting = (k: 'dueDate' | 'dueDays' | 'ourReference', value: unknown): ValueSource => {
    const cell = w.config.settingCells[k];
    return {
      sheet: w.config.sheet,
      ...(cell ? { cell } : {}),
      column: k === 'ourReference' ? 'Vår referens' : 'Förfallodag',
      value,
    };
  };
  const invoiceText = (t: InvoiceTextField) =>
    make(
      (c) => c.inv!.texts[t]?.value ?? '',
      (c) => {
        const found = c.inv!.texts[t];
        return found ? lineSource(w, found.line, t) : lineSource(w, c.inv!.lines[0]!.line, 'pnr');
      },
    );
  const kontering = (k: KonteringField) =>
    make(
      (c) => (c.el ?? c.inv!.lines[0]!).kontering.codes[k],
      (c) => {
        const kr = (c.el ?? c.inv!.lines[0]!).kontering;
        return { sheet: w.config.sheet, cell: kr.cells[k], column: KONTERING_LABEL[k], value: kr.codes[k] };
      },
    );
  switch (content.key) {
    case 'recordType':
      return make(
        () => field.record,
        () => layoutSource(field.record),
      );
    case 'created': {
      const v = formatDay(f.created, fmt);
      return make(
        () => v,
        () => layoutSource(v),
      );
    }
    case 'dueDate': {
      const v = formatDay(f.due, fmt);
      return make(
        () => v,
        () => setting(w.config.settings.dueDate !== undefined ? 'dueDate' : 'dueDays', v),
      );
    }
    case 'fileText':
      return make(
        () => f.fileText,
        () => layoutSource(f.fileText),
      );
    case 'billingMonth': {
      const v = formatMonth(f.billingMonth, fmt);
      return make(
        () => v,
        () => layoutSource(v),
      );
    }
    case 'ourReference':
      return make(
        () => f.ourReference,
        () => setting('ourReference', f.ourReference),
      );
    case 'pnr': {
      // S, H and every R of an invoice write the same number: format it once per invoice.
      const memo = pnrMemo(w, fmt, year);
      return make(
        (c) => memo(c.inv!),
        (c) => lineSource(w, c.inv!.lines[0]!.line, 'pnr'),
      );
    }
    case 'name':
    case 'customerReference':
      return invoiceText('name');
    case 'careOf':
    case 'street':
    case 'postal':
      return invoiceText(content.key);
    case 'invoiceTotal':
      return make(
        (c) => c.inv!.totalOre,
        (c) => lineSource(w, c.inv!.lines[0]!.line, 'pnr'),
      );
    case 'text':
      return make(
        (c) => c.el!.text,
        (c) => {
          const el = c.el!;
          return el.kontering.text !== ''
            ? { sheet: w.config.sheet, cell: el.kontering.cells.text, column: 'Text', value: el.kontering.text }
            : lineSource(w, el.line, 'services');
        },
      );
    case 'quantity':
      return make(
        (c) => c.el!.quantity,
        (c) => lineSource(w, c.el!.line, 'quantity'),
      );
    case 'unitPrice':
      return make(
        (c) => c.el!.unitPriceOre,
        (c) => lineSource(w, c.el!.line, 'unitPrice'),
      );
    case 'amount':
      return make(
        (c) => c.el!.line.amountOre,
        (c) => lineSource(w, c.el!.line, 'amount'),
      );
    case 'period': {
      const shown = new Map<string, string>();
      return make(
        (c) => {
          const m = c.el!.line.month;
          let v = shown.get(m);
          if (v === undefined) shown.set(m, (v = formatMonth(m, fmt)));
          return v;
        },
        (c) => lineSource(w, c.el!.line, 'month'),
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

/** Writes the file's records, in order: '!', then per invoice S, H, (R, K) per line, T. Returns the number of records. */
export function writeFixedWidth(invoices: readonly ExportInvoice[], w: WriteContext): number {
  const byRecord = new Map<RecordType, CompiledField[]>();
  for (const field of [...w.config.layout].sort((a, b) => a.start - b.start)) {
    const list = byRecord.get(field.record) ?? [];
    list.push(compile(field, w));
    byRecord.set(field.record, list);
  }
  const out = w.out;
  const tooLong = (cf: CompiledField, c: Ctx, shown: string): void => {
    const f = cf.field;
    w.refusals.add(
      cf.source(c),
      `Värdet "${shown}" har ${shown.length} tecken men fältet ${fieldName(f)} i post ${f.record} (positioner ${f.start}–${f.start + f.length - 1}) har ${f.length}; att korta ${MEANING[cf.kind]} skulle ändra dess betydelse.`,
    );
  };
  const writeField = (cf: CompiledField, c: Ctx): void => {
    const f = cf.field;
    const v = cf.get(c);
    if (v === undefined || v === '') return out.fill(SPACE, f.length);
    if (typeof v === 'number') {
      if (!writeNumber(v, f, out)) {
        tooLong(cf, c, String(v));
        out.fill(SPACE, f.length);
      }
      return;
    }
    let count = v.length;
    if (count > f.length) {
      if (cf.kind !== 'text') {
        tooLong(cf, c, v);
        return out.fill(SPACE, f.length);
      }
      count = f.length; // names and row texts are cut (§10)
    }
    const padByte = f.pad === 'space' ? SPACE : ZERO;
    if (f.align === 'right') out.fill(padByte, f.length - count);
    const bad = out.text(v, count);
    if (bad !== WROTE_ALL) {
      w.refusals.add(cf.source(c), `${charProblem(v, bad, w.encoding)} (post ${f.record}, fältet ${fieldName(f)}).`);
      out.fill(SPACE, count - bad);
    }
    if (f.align === 'left') out.fill(padByte, f.length - count);
  };
  let records = 0;
  const render = (type: RecordType, c: Ctx): void => {
    const fields = byRecord.get(type);
    if (!fields) return;
    let pos = 1;
    for (const cf of fields) {
      const f = cf.field;
      if (f.start > pos) out.fill(SPACE, f.start - pos);
      writeField(cf, c);
      pos = f.start + f.length;
    }
    out.ascii(w.lineEnd);
    records++;
  };

  render('!', {});
  const ctx: Ctx = {};
  for (const inv of invoices) {
    ctx.inv = inv;
    ctx.el = undefined;
    render('S', ctx);
    render('H', ctx);
    for (const el of inv.lines) {
      ctx.el = el;
      render('R', ctx);
      render('K', ctx);
    }
    ctx.el = undefined;
    render('T', ctx);
  }
  return records;
}

const fieldName = (f: LayoutField): string => (f.name !== '' ? `"${f.name}"` : `på position ${f.start}`);

/** Bytes of one record of each type (its last field's end) and the line end. */
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
