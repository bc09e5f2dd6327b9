// §10: the file's bytes. Small encoders of our own, because a character the encoding cannot hold
// must refuse the export (TextEncoder would write UTF-8 only; other encoders substitute "?").
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
function singleByte(code: number, encoding: 'ISO-8859-1' | 'Windows-1252'): number {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  return encoding === 'Windows-1252' ? (CP1252_BYTE.get(code) ?? -1) : -1;
}

/** The first character of `text` the encoding cannot hold, or undefined. A lone surrogate is never valid. */
export function unencodableChar(text: string, encoding: Encoding): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (encoding === 'UTF-8') {
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
        return text[i];
      }
      if (c >= 0xdc00 && c <= 0xdfff) return text[i];
      continue;
    }
    if (singleByte(c, encoding) < 0) {
      const cp = text.codePointAt(i)!;
      return String.fromCodePoint(cp);
    }
  }
  return undefined;
}

/** "U+20AC €": how a message names a character. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? `U+${hex} (styrtecken)` : `"${ch}" (U+${hex})`;
}

/** Bytes of `text`. Throws on a character the encoding cannot hold: the caller has refused such text already. */
export function encodeText(text: string, encoding: Encoding, bom = false): Uint8Array {
  if (encoding === 'UTF-8') return encodeUtf8(text, bom);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x80 ? c : singleByte(c, encoding);
    if (b < 0) throw new Error(`Internt fel: tecknet U+${c.toString(16)} kan inte skrivas i ${encoding}.`);
    out[i] = b;
  }
  return out;
}

function encodeUtf8(text: string, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 3 + (bom ? 3 : 0));
  let n = 0;
  if (bom) {
    out[n++] = 0xef;
    out[n++] = 0xbb;
    out[n++] = 0xbf;
  }
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff))
        throw new Error(`Internt fel: ensamt surrogattecken på plats ${i + 1} kan inte skrivas i UTF-8.`);
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 0x3f);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return out.subarray(0, n);
}
