// §4: the register's columns, found by header text and aliases.
import { normaliseKey } from './text.js';

export type RegisterField =
  | 'pnr'
  | 'name'
  | 'service'
  | 'deviceId'
  | 'installed'
  | 'ended'
  | 'returnStatus'
  | 'reminder'
  | 'cost'
  | 'housing'
  | 'installType';

export interface RegisterColumn {
  readonly field: RegisterField;
  readonly header: string; // canonical Swedish header
  readonly aliases: readonly string[];
  readonly required: boolean;
}

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { field: 'pnr', header: 'Personnummer', aliases: ['Pnr', 'Personnr'], required: true },
  { field: 'name', header: 'Namn', aliases: [], required: false },
  { field: 'service', header: 'Tjänst', aliases: ['Produkt', 'Typ'], required: true },
  { field: 'deviceId', header: 'Enhets-ID', aliases: ['Serienummer', 'Enhet'], required: false },
  { field: 'installed', header: 'Installerad', aliases: ['Installationsdatum', 'Startdatum'], required: true },
  { field: 'ended', header: 'Avslutad', aliases: ['Slutdatum', 'Återlämnad'], required: false },
  { field: 'returnStatus', header: 'Återlämning', aliases: ['Status'], required: false },
  { field: 'reminder', header: 'Påminnelse', aliases: ['Påminnelse skickad'], required: false },
  { field: 'cost', header: 'Kostnad', aliases: ['Ersättningskostnad'], required: false },
  { field: 'housing', header: 'Boende', aliases: ['Boendeform'], required: false },
  { field: 'installType', header: 'Installationstyp', aliases: [], required: false },
];

export const COLUMN_BY_FIELD: Readonly<Record<RegisterField, RegisterColumn>> = Object.fromEntries(
  REGISTER_COLUMNS.map((c) => [c.field, c]),
) as Record<RegisterField, RegisterColumn>;

/** Index of the value within a row of the used range, per field. */
export type ColumnMapping = Partial<Record<RegisterField, number>>;

const fieldByHeader = new Map<string, RegisterField>();
for (const c of REGISTER_COLUMNS) {
  fieldByHeader.set(normaliseKey(c.header), c.field);
  for (const a of c.aliases) fieldByHeader.set(normaliseKey(a), c.field);
}

/** A unit in brackets is tolerated: "Kostnad (kr)" is Kostnad. */
export function fieldForHeader(header: unknown): RegisterField | undefined {
  const key = normaliseKey(header);
  return (
    fieldByHeader.get(key) ?? (key.includes('(') ? fieldByHeader.get(normaliseKey(key.replace(/\([^)]*\)/g, ''))) : undefined)
  );
}

export interface DetectedColumns {
  readonly mapping: ColumnMapping;
  readonly missing: readonly RegisterField[];
  /** Later columns naming a field that an earlier column already names (they are ignored). */
  readonly repeated: readonly { readonly field: RegisterField; readonly index: number }[];
}

/** The first column whose header names a field wins; later ones are ignored, and listed. */
export function detectColumns(headerRow: ReadonlyArray<unknown>): DetectedColumns {
  const mapping: ColumnMapping = {};
  const repeated: { field: RegisterField; index: number }[] = [];
  headerRow.forEach((h, i) => {
    const f = fieldForHeader(h);
    if (f === undefined) return;
    if (mapping[f] === undefined) mapping[f] = i;
    else repeated.push({ field: f, index: i });
  });
  return { mapping, missing: missingRequired(mapping), repeated };
}

export function missingRequired(mapping: ColumnMapping): RegisterField[] {
  return REGISTER_COLUMNS.filter((c) => c.required && mapping[c.field] === undefined).map((c) => c.field);
}

export function describeMissing(fields: readonly RegisterField[]): string {
  return fields
    .map((f) => {
      const c = COLUMN_BY_FIELD[f];
      return c.aliases.length ? `${c.header} (eller ${c.aliases.join(', ')})` : c.header;
    })
    .join('; ');
}
