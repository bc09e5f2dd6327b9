// §10: the fixed-width layout as data. Each field: record type, start (1-based), length,
// alignment, padding and content. The default follows a municipal Raindance customer-invoice
// import; the Export sheet's field table replaces it as a whole.
import { normaliseKey } from '../text.js';

export type RecordType = '!' | 'S' | 'H' | 'R' | 'K' | 'T';
/** Written in this order: "!" once, then per invoice S, H, (R, K) per line, T. */
export const RECORD_TYPES: readonly RecordType[] = ['!', 'S', 'H', 'R', 'K', 'T'];

export type Align = 'left' | 'right';
/** `zero-signed`: a sign (+ or -) first, then zeros; `zero` on a number: a minus first when negative. */
export type Pad = 'space' | 'zero' | 'zero-signed';

export const ALIGN_LABEL: Readonly<Record<Align, string>> = { left: 'Vänster', right: 'Höger' };
export const PAD_LABEL: Readonly<Record<Pad, string>> = {
  space: 'Blanksteg',
  zero: 'Nollor',
  'zero-signed': 'Nollor med tecken',
};

/** The kontering columns (§10), in the order of the kontering table. */
export type KonteringField =
  'account' | 'responsibility' | 'operation' | 'activity' | 'project' | 'object' | 'counterpart' | 'vatCode';
export const KONTERING_FIELDS: readonly KonteringField[] = [
  'account',
  'responsibility',
  'operation',
  'activity',
  'project',
  'object',
  'counterpart',
  'vatCode',
];
export const KONTERING_LABEL: Readonly<Record<KonteringField, string>> = {
  account: 'Konto',
  responsibility: 'Ansvar',
  operation: 'Verksamhet',
  activity: 'Aktivitet',
  project: 'Projekt',
  object: 'Objekt',
  counterpart: 'Motpart',
  vatCode: 'Momskod',
};

export type ContentKey =
  | 'recordType'
  | 'created'
  | 'fileText'
  | 'billingMonth'
  | 'dueDate'
  | 'ourReference'
  | 'pnr'
  | 'name'
  | 'careOf'
  | 'street'
  | 'postal'
  | 'customerReference'
  | 'invoiceTotal'
  | 'text'
  | 'quantity'
  | 'unitPrice'
  | 'amount'
  | 'period'
  | KonteringField;

/**
 * What a content is, which decides how it is written and whether it may be cut:
 * text is cut at the field's length; everything else refuses the export when it does not fit.
 */
export type ValueKind = 'letter' | 'date' | 'month' | 'pnr' | 'number' | 'text' | 'code';
/** Where a content is known: the whole file, one invoice (S, H, T and its lines), one line (R, K). */
export type Scope = 'file' | 'invoice' | 'line';

export interface ContentSpec {
  readonly key: ContentKey;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly value: ValueKind;
  readonly scope: Scope;
  /** The unit a number is written in, as the bracket after the label says it. */
  readonly unit?: string;
}

export const CONTENTS: readonly ContentSpec[] = [
  { key: 'recordType', label: 'Posttyp', aliases: [], value: 'letter', scope: 'file' },
  { key: 'created', label: 'Skapad', aliases: ['Skapad datum', 'Exportdatum'], value: 'date', scope: 'file' },
  { key: 'fileText', label: 'Filtext', aliases: [], value: 'text', scope: 'file' },
  { key: 'billingMonth', label: 'Fakturamånad', aliases: [], value: 'month', scope: 'file' },
  { key: 'dueDate', label: 'Förfallodag', aliases: [], value: 'date', scope: 'file' },
  { key: 'ourReference', label: 'Vår referens', aliases: [], value: 'text', scope: 'file' },
  { key: 'pnr', label: 'Personnummer', aliases: [], value: 'pnr', scope: 'invoice' },
  { key: 'name', label: 'Namn', aliases: [], value: 'text', scope: 'invoice' },
  { key: 'careOf', label: 'c/o', aliases: ['co'], value: 'text', scope: 'invoice' },
  { key: 'street', label: 'Gatuadress', aliases: ['Adress'], value: 'text', scope: 'invoice' },
  { key: 'postal', label: 'Postnummer och ort', aliases: ['Postadress'], value: 'text', scope: 'invoice' },
  { key: 'customerReference', label: 'Kundreferens', aliases: [], value: 'text', scope: 'invoice' },
  { key: 'invoiceTotal', label: 'Fakturasumma', aliases: ['Fakturabelopp'], value: 'number', scope: 'invoice', unit: 'öre' },
  // Motpart on S (invoice scope) is the kontering of the invoice's first line; on R and K the line's own.
  { key: 'counterpart', label: 'Motpart', aliases: [], value: 'code', scope: 'invoice' },
  { key: 'text', label: 'Text', aliases: ['Radtext'], value: 'text', scope: 'line' },
  { key: 'quantity', label: 'Antal', aliases: [], value: 'number', scope: 'line', unit: 'hundradelar' },
  { key: 'unitPrice', label: 'À-pris', aliases: ['A-pris'], value: 'number', scope: 'line', unit: 'öre' },
  { key: 'amount', label: 'Belopp', aliases: [], value: 'number', scope: 'line', unit: 'öre' },
  { key: 'period', label: 'Periodisering', aliases: ['Avser månad', 'Periodiseringsnyckel'], value: 'month', scope: 'line' },
  { key: 'account', label: 'Konto', aliases: [], value: 'code', scope: 'line' },
  { key: 'responsibility', label: 'Ansvar', aliases: [], value: 'code', scope: 'line' },
  { key: 'operation', label: 'Verksamhet', aliases: [], value: 'code', scope: 'line' },
  { key: 'activity', label: 'Aktivitet', aliases: [], value: 'code', scope: 'line' },
  { key: 'project', label: 'Projekt', aliases: [], value: 'code', scope: 'line' },
  { key: 'object', label: 'Objekt', aliases: [], value: 'code', scope: 'line' },
  { key: 'vatCode', label: 'Momskod', aliases: [], value: 'code', scope: 'line' },
];

export const CONTENT_BY_KEY: Readonly<Record<ContentKey, ContentSpec>> = Object.fromEntries(
  CONTENTS.map((c) => [c.key, c]),
) as Record<ContentKey, ContentSpec>;

/** Formats a date, month or personnummer may be written in (the bracket after the label). Å is a year digit. */
export const FORMATS: Readonly<Partial<Record<ValueKind, readonly string[]>>> = {
  date: ['ÅÅMMDD', 'ÅÅÅÅMMDD', 'ÅÅÅÅ-MM-DD'],
  month: ['ÅÅMM', 'ÅÅÅÅMM', 'ÅÅÅÅ-MM'],
  pnr: ['ÅÅMMDDNNNN', 'ÅÅÅÅMMDDNNNN', 'ÅÅMMDD-NNNN', 'ÅÅÅÅMMDD-NNNN'],
};
const DEFAULT_FORMAT: Readonly<Partial<Record<ValueKind, string>>> = { date: 'ÅÅMMDD', month: 'ÅÅMM', pnr: 'ÅÅMMDDNNNN' };

/** Records in which a content of each scope is known. */
export const SCOPE_RECORDS: Readonly<Record<Scope, readonly RecordType[]>> = {
  file: RECORD_TYPES,
  invoice: ['S', 'H', 'R', 'K', 'T'],
  line: ['R', 'K'],
};

export type Content =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'data'; readonly key: ContentKey; readonly format?: string };

export interface LayoutField {
  readonly record: RecordType;
  /** A name for people; not interpreted. */
  readonly name: string;
  readonly start: number;
  readonly length: number;
  readonly align: Align;
  readonly pad: Pad;
  readonly content: Content;
  /** Address of the field's row on the Export sheet (its Innehåll cell), when it came from there. */
  readonly cell?: string;
}

const CONTENT_BY_LABEL = new Map<string, ContentSpec>();
for (const c of CONTENTS) for (const l of [c.label, ...c.aliases]) CONTENT_BY_LABEL.set(normaliseKey(l), c);

const QUOTED = /^["”“'](.*)["”“']$/s;

/** "Skapad (ÅÅMMDD)", "Belopp (öre)", "\"VT-avgifter\"": the content a cell names, or a Swedish reason. */
export function parseContent(raw: string): { ok: true; content: Content } | { ok: false; message: string } {
  const text = raw.normalize('NFC').trim();
  const quoted = QUOTED.exec(text);
  if (quoted) return { ok: true, content: { kind: 'literal', text: quoted[1]! } };
  const m = /^(.*?)\s*(?:\(([^)]*)\))?$/.exec(text)!;
  const spec = CONTENT_BY_LABEL.get(normaliseKey(m[1]));
  if (!spec)
    return {
      ok: false,
      message: `okänt innehåll; skriv ett av ${CONTENTS.map((c) => c.label).join(', ')} eller en fast text inom citattecken`,
    };
  const bracket = m[2]?.trim();
  const formats = FORMATS[spec.value];
  if (formats) {
    if (bracket === undefined || bracket === '')
      return { ok: true, content: { kind: 'data', key: spec.key, format: DEFAULT_FORMAT[spec.value]! } };
    const wanted = bracket.toUpperCase().replace(/[AY]/g, 'Å');
    const format = formats.find((f) => f === wanted);
    if (!format) return { ok: false, message: `okänt format "${bracket}" för ${spec.label}; skriv ${formats.join(', ')}` };
    return { ok: true, content: { kind: 'data', key: spec.key, format } };
  }
  if (bracket !== undefined && bracket !== '' && normaliseKey(bracket) !== spec.unit)
    return {
      ok: false,
      message: spec.unit
        ? `${spec.label} skrivs i ${spec.unit}; skriv "${spec.label} (${spec.unit})" eller bara "${spec.label}"`
        : `${spec.label} har inget format inom parentes`,
    };
  return { ok: true, content: { kind: 'data', key: spec.key } };
}

/** How the Export sheet shows a content. */
export function contentLabel(content: Content): string {
  if (content.kind === 'literal') return `"${content.text}"`;
  const spec = CONTENT_BY_KEY[content.key];
  if (content.format) return `${spec.label} (${content.format})`;
  return spec.unit ? `${spec.label} (${spec.unit})` : spec.label;
}

const field = (
  record: RecordType,
  name: string,
  start: number,
  end: number,
  content: Content,
  align: Align = 'left',
  pad: Pad = 'space',
): LayoutField => ({ record, name, start, length: end - start + 1, align, pad, content });
const data = (key: ContentKey, format?: string): Content => ({ kind: 'data', key, ...(format ? { format } : {}) });

/** §10's default: a Raindance customer-invoice import. Positions are 1-based and inclusive. */
export const DEFAULT_LAYOUT: readonly LayoutField[] = [
  field('!', 'Posttyp', 1, 1, data('recordType')),
  field('!', 'Systemnamn', 2, 21, { kind: 'literal', text: 'VT-avgifter' }),
  field('!', 'Skapad', 22, 27, data('created', 'ÅÅMMDD')),
  field('!', 'Text', 29, 154, data('fileText')),
  field('S', 'Posttyp', 1, 1, data('recordType')),
  field('S', 'Personnummer', 2, 11, data('pnr', 'ÅÅMMDDNNNN')),
  field('S', 'Namn', 12, 46, data('name')),
  field('S', 'c/o', 47, 81, data('careOf')),
  field('S', 'Gatuadress', 82, 116, data('street')),
  field('S', 'Postnummer och ort', 117, 151, data('postal')),
  field('S', 'Motpart', 152, 154, data('counterpart')),
  field('H', 'Posttyp', 1, 1, data('recordType')),
  field('H', 'Personnummer', 2, 11, data('pnr', 'ÅÅMMDDNNNN')),
  field('H', 'Förfallodag', 12, 17, data('dueDate', 'ÅÅMMDD')),
  field('H', 'Kundreferens', 18, 47, data('customerReference')),
  field('H', 'Vår referens', 48, 77, data('ourReference')),
  field('R', 'Posttyp', 1, 1, data('recordType')),
  field('R', 'Personnummer', 2, 11, data('pnr', 'ÅÅMMDDNNNN')),
  field('R', 'Text', 12, 41, data('text')),
  field('R', 'Antal × 100', 42, 49, data('quantity')),
  field('R', 'À-pris i öre', 50, 58, data('unitPrice')),
  field('R', 'Belopp i öre', 59, 73, data('amount')),
  field('R', 'Momskod', 74, 75, data('vatCode')),
  field('K', 'Posttyp', 1, 1, data('recordType')),
  field('K', 'Ansvar', 2, 9, data('responsibility')),
  field('K', 'Konto', 10, 15, data('account')),
  field('K', 'Verksamhet', 16, 21, data('operation')),
  field('K', 'Aktivitet', 22, 25, data('activity')),
  field('K', 'Projekt', 26, 30, data('project')),
  field('K', 'Objekt', 31, 37, data('object')),
  field('K', 'Motpart', 38, 40, data('counterpart')),
  field('K', 'Belopp i öre', 41, 52, data('amount'), 'right', 'zero'),
  field('K', 'Periodiseringsnyckel', 53, 65, data('period', 'ÅÅMM')),
  field('T', 'Posttyp', 1, 1, data('recordType')),
  field('T', 'Fakturasumma i öre', 2, 16, data('invoiceTotal'), 'right', 'zero-signed'),
];

/** Longest record a layout may describe. */
export const MAX_RECORD_LENGTH = 2000;
