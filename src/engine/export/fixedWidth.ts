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
  /** A reason a text cannot be written (encoding, control character), or undefined. */
  readonly textProblem: (text: string) => string | undefined;
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
    case 'pnr':
      return make(
        (c) => formatPnr(c.inv!.pnr, fmt, year),
        (c) => lineSource(w, c.inv!.lines[0]!.line, 'pnr'),
      );
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
    case 'period':
      return make(
        (c) => formatMonth(c.el!.line.month, fmt),
        (c) => lineSource(w, c.el!.line, 'month'),
      );
    default:
      return kontering(content.key);
  }
}

const SPACES = ' '.repeat(2000);
const ZEROS = '0'.repeat(2000);

/** A number of öre or hundredths in its field: integer digits, a leading minus; `zero-signed` always signs. */
function fitNumber(n: number, f: LayoutField): string | undefined {
  const digits = String(n < 0 ? -n : n);
  if (f.pad === 'zero-signed') {
    if (digits.length > f.length - 1) return undefined;
    return (n < 0 ? '-' : '+') + ZEROS.slice(0, f.length - 1 - digits.length) + digits;
  }
  const sign = n < 0 ? '-' : '';
  const width = sign.length + digits.length;
  if (width > f.length) return undefined;
  if (f.pad === 'zero') return sign + ZEROS.slice(0, f.length - width) + digits;
  return f.align === 'right'
    ? SPACES.slice(0, f.length - width) + sign + digits
    : sign + digits + SPACES.slice(0, f.length - width);
}

function fitText(text: string, f: LayoutField): string {
  const fill = f.pad === 'space' ? SPACES : ZEROS;
  const gap = f.length - text.length;
  return f.align === 'right' ? fill.slice(0, gap) + text : text + fill.slice(0, gap);
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

/** The file's records, in order: '!', then per invoice S, H, (R, K) per line, T. */
export function fixedWidthRecords(invoices: readonly ExportInvoice[], w: WriteContext): string[] {
  const byRecord = new Map<RecordType, CompiledField[]>();
  for (const field of [...w.config.layout].sort((a, b) => a.start - b.start)) {
    const list = byRecord.get(field.record) ?? [];
    list.push(compile(field, w));
    byRecord.set(field.record, list);
  }
  const render = (type: RecordType, c: Ctx): string | undefined => {
    const fields = byRecord.get(type);
    if (!fields) return undefined;
    let out = '';
    let pos = 1;
    for (const cf of fields) {
      const f = cf.field;
      if (f.start > pos) out += SPACES.slice(0, f.start - pos);
      pos = f.start + f.length;
      const v = cf.get(c);
      if (v === undefined || v === '') {
        out += SPACES.slice(0, f.length);
        continue;
      }
      if (typeof v === 'number') {
        const s = fitNumber(v, f);
        if (s !== undefined) out += s;
        else {
          tooLong(cf, c, String(v));
          out += SPACES.slice(0, f.length);
        }
        continue;
      }
      let text = v;
      if (text.length > f.length) {
        if (cf.kind === 'text') text = text.slice(0, f.length);
        else {
          tooLong(cf, c, text);
          out += SPACES.slice(0, f.length);
          continue;
        }
      }
      if (cf.kind === 'text' || cf.kind === 'code' || cf.kind === 'literal') {
        const problem = w.textProblem(text);
        if (problem !== undefined) {
          w.refusals.add(cf.source(c), `${problem} (post ${f.record}, fältet ${fieldName(f)}).`);
          out += SPACES.slice(0, f.length);
          continue;
        }
      }
      out += fitText(text, f);
    }
    return out;
  };
  const tooLong = (cf: CompiledField, c: Ctx, shown: string): void => {
    const f = cf.field;
    w.refusals.add(
      cf.source(c),
      `Värdet "${shown}" har ${shown.length} tecken men fältet ${fieldName(f)} i post ${f.record} (positioner ${f.start}–${f.start + f.length - 1}) har ${f.length}; att korta ${MEANING[cf.kind]} skulle ändra dess betydelse.`,
    );
  };

  const out: string[] = [];
  const push = (s: string | undefined): void => {
    if (s !== undefined) out.push(s);
  };
  push(render('!', {}));
  const ctx: Ctx = {};
  for (const inv of invoices) {
    ctx.inv = inv;
    ctx.el = undefined;
    push(render('S', ctx));
    push(render('H', ctx));
    for (const el of inv.lines) {
      ctx.el = el;
      push(render('R', ctx));
      push(render('K', ctx));
    }
    ctx.el = undefined;
    push(render('T', ctx));
  }
  return out;
}

const fieldName = (f: LayoutField): string => (f.name !== '' ? `"${f.name}"` : `på position ${f.start}`);
