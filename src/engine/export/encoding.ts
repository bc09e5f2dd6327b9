// §10: the file's encodings. Our own tables, because a character the encoding cannot hold must
// refuse the export (TextEncoder writes UTF-8 only, and other encoders substitute "?").
export type Encoding = 'ISO-8859-1' | 'Windows-1252' | 'UTF-8';
export const ENCODINGS: readonly Encoding[] = ['ISO-8859-1', 'Windows-1252', 'UTF-8'];

// Windows-1252 bytes 0x80–0x9F; 0 where the code page has no character (0x81, 0x8D, 0x8F, 0x90, 0x9D).
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];
const CP1252_BYTE = new Map<number, number>();
CP1252_HIGH.forEach((code, i) => {
  if (code !== 0) CP1252_BYTE.set(code, 0x80 + i);
});

/** The byte for a UTF-16 code unit in a one-byte encoding, or -1. C1 controls (U+0080–U+009F) are refused in both. */
export function byteOf(code: number, encoding: Encoding): number {
  return encoding === 'UTF-8' ? -1 : singleByte(code, encoding);
}

function singleByte(code: number, encoding: 'ISO-8859-1' | 'Windows-1252'): number {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  return encoding === 'Windows-1252' ? (CP1252_BYTE.get(code) ?? -1) : -1;
}

/** How a message names a character: `"€" (U+20AC)`, or a control character by its code. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? `U+${hex} (styrtecken)` : `"${ch}" (U+${hex})`;
}

const CP1252_CHAR = new Map<number, number>();
CP1252_HIGH.forEach((code, i) => {
  if (code !== 0) CP1252_CHAR.set(0x80 + i, code);
});

/** Text from bytes this module wrote (for showing the file: one record a row). */
export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'UTF-8') {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  }
  const parts: string[] = [];
  const CHUNK = 8192;
  const codes = new Array<number>(CHUNK);
  for (let from = 0; from < bytes.length; from += CHUNK) {
    const to = Math.min(bytes.length, from + CHUNK);
    codes.length = to - from;
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      codes[i - from] = encoding === 'Windows-1252' && b >= 0x80 && b < 0xa0 ? (CP1252_CHAR.get(b) ?? b) : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
