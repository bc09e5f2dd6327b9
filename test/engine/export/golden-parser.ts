// An independent reader of §10's default fixed-width layout, written from the spec's positions
// (1-based, inclusive), not from the product's layout table.
export const POSITIONS = {
  '!': { length: 154, fields: { type: [1, 1], system: [2, 21], created: [22, 27], gap: [28, 28], text: [29, 154] } },
  S: {
    length: 154,
    fields: {
      type: [1, 1],
      pnr: [2, 11],
      name: [12, 46],
      co: [47, 81],
      street: [82, 116],
      postal: [117, 151],
      motpart: [152, 154],
    },
  },
  H: { length: 77, fields: { type: [1, 1], pnr: [2, 11], due: [12, 17], customerRef: [18, 47], ourRef: [48, 77] } },
  R: {
    length: 75,
    fields: {
      type: [1, 1],
      pnr: [2, 11],
      text: [12, 41],
      quantity: [42, 49],
      unitPrice: [50, 58],
      amount: [59, 73],
      moms: [74, 75],
    },
  },
  K: {
    length: 65,
    fields: {
      type: [1, 1],
      ansvar: [2, 9],
      konto: [10, 15],
      verksamhet: [16, 21],
      aktivitet: [22, 25],
      projekt: [26, 30],
      objekt: [31, 37],
      motpart: [38, 40],
      amount: [41, 52],
      period: [53, 65],
    },
  },
  T: { length: 16, fields: { type: [1, 1], total: [2, 16] } },
} as const;

export type RecordType = keyof typeof POSITIONS;
export interface ParsedRecord {
  readonly type: RecordType;
  readonly raw: string;
  readonly f: Record<string, string>;
}

/** Splits on CRLF (throws on a bare LF or CR) and cuts every record by position. */
export function parseFixedWidth(bytes: Uint8Array): ParsedRecord[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.endsWith('\r\n')) throw new Error('the file does not end with CRLF');
  const lines = text.slice(0, -2).split('\r\n');
  return lines.map((raw, i) => {
    if (/[\r\n]/.test(raw)) throw new Error(`bare CR or LF in record ${i + 1}`);
    const type = raw[0] as RecordType;
    const spec = POSITIONS[type];
    if (!spec) throw new Error(`unknown record type "${raw[0]}" in record ${i + 1}`);
    if (raw.length !== spec.length) throw new Error(`record ${i + 1} (${type}) has length ${raw.length}, not ${spec.length}`);
    const f: Record<string, string> = {};
    for (const [name, [from, to]] of Object.entries(spec.fields)) f[name] = raw.slice(from - 1, to);
    return { type, raw, f };
  });
}

/** A left-aligned integer field ("23900    ", "-9700    "), as öre. */
export function leftInt(field: string): number {
  const m = /^(-?\d+) *$/.exec(field);
  if (!m) throw new Error(`not a left-aligned integer: "${field}"`);
  return Number(m[1]);
}

/** K's amount: right-aligned, zero-padded, a minus first when negative ("-00000023900"). */
export function zeroPadded(field: string): number {
  const m = /^(-?)(\d+)$/.exec(field);
  if (!m) throw new Error(`not zero-padded: "${field}"`);
  return Number(m[0]);
}

/** T's total: sign and 14 digits ("+00000000043900"). */
export function signed14(field: string): number {
  const m = /^([+-])(\d{14})$/.exec(field);
  if (!m) throw new Error(`not sign and 14 digits: "${field}"`);
  return (m[1] === '-' ? -1 : 1) * Number(m[2]);
}

export interface ParsedInvoice {
  readonly pnr: string;
  readonly s: ParsedRecord;
  readonly h: ParsedRecord;
  readonly rows: Array<{ r: ParsedRecord; k: ParsedRecord }>;
  readonly t: ParsedRecord;
}

/** Checks the record order ! (S H (R K)+ T)* and groups the invoices. */
export function invoicesOf(records: ParsedRecord[]): ParsedInvoice[] {
  const order = records.map((r) => r.type).join('');
  if (!/^!(SH(RK)+T)*$/.test(order)) throw new Error(`record order ${order.slice(0, 60)}`);
  const invoices: ParsedInvoice[] = [];
  let i = 1;
  while (i < records.length) {
    const s = records[i++]!,
      h = records[i++]!;
    const rows: Array<{ r: ParsedRecord; k: ParsedRecord }> = [];
    while (records[i]!.type === 'R') rows.push({ r: records[i++]!, k: records[i++]! });
    invoices.push({ pnr: s.f.pnr!, s, h, rows, t: records[i++]! });
  }
  return invoices;
}
