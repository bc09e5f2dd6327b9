// The file is written straight into bytes in its encoding: no string per record, so 130 000
// lines cost little memory. A character the encoding cannot hold, or a control character, stops
// the text being written and is reported to the caller, who refuses the export.
import { byteOf, type Encoding } from './encoding.js';

export const WROTE_ALL = -1;

export class ByteWriter {
  private buf: Uint8Array;
  private n = 0;
  private readonly utf8: boolean;

  constructor(
    private readonly encoding: Encoding,
    capacity = 1 << 16,
  ) {
    this.buf = new Uint8Array(capacity);
    this.utf8 = encoding === 'UTF-8';
  }

  get length(): number {
    return this.n;
  }

  private ensure(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = Math.max(1024, this.buf.length * 2);
    while (size < this.n + k) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  fill(byte: number, count: number): void {
    if (count <= 0) return;
    this.ensure(count);
    if (count < 32) {
      const buf = this.buf;
      for (let i = 0; i < count; i++) buf[this.n + i] = byte;
    } else this.buf.fill(byte, this.n, this.n + count);
    this.n += count;
  }

  /** Text known to be ASCII: record letters, digits, formatted dates and months, separators. */
  ascii(s: string): void {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
  }

  /** Bytes written before (a record's part that is the same for every line of a kontering). */
  put(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    if (bytes.length < 48) {
      const buf = this.buf;
      for (let i = 0; i < bytes.length; i++) buf[this.n + i] = bytes[i]!;
    } else this.buf.set(bytes, this.n);
    this.n += bytes.length;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.n++] = b;
  }

  /** A non-negative integer's decimal digits, zero-padded on the left to `width`. */
  digits(n: number, width = 0): void {
    let count = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) count++;
    if (width > count) this.fill(0x30, width - count);
    this.ensure(count);
    let at = this.n + count - 1;
    for (let x = n; ;) {
      const q = Math.floor(x / 10);
      this.buf[at--] = 0x30 + (x - q * 10);
      if (q === 0) break;
      x = q;
    }
    this.n += count;
  }

  /**
   * The first `count` characters of `s` (NFC already). Returns WROTE_ALL, or the index of the first
   * character that cannot be written (nothing from there on is written). CR and LF pass only where
   * `lineBreaks` (inside a quoted CSV field).
   */
  text(s: string, count = s.length, lineBreaks = false): number {
    this.ensure(this.utf8 ? count * 3 : count);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < count; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f) {
        buf[n++] = c;
        continue;
      }
      if (c < 0x20 || c === 0x7f) {
        if (lineBreaks && (c === 10 || c === 13)) {
          buf[n++] = c;
          continue;
        }
        this.n = n;
        return i;
      }
      if (!this.utf8) {
        const b = byteOf(c, this.encoding);
        if (b < 0) {
          this.n = n;
          return i;
        }
        buf[n++] = b;
        continue;
      }
      if (c < 0x800) {
        buf[n++] = 0xc0 | (c >> 6);
        buf[n++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = s.charCodeAt(i + 1);
        if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff) || i + 1 >= count) {
          this.n = n;
          return i;
        }
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        buf[n++] = 0xf0 | (cp >> 18);
        buf[n++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[n++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[n++] = 0x80 | (cp & 0x3f);
        i++;
      } else {
        buf[n++] = 0xe0 | (c >> 12);
        buf[n++] = 0x80 | ((c >> 6) & 0x3f);
        buf[n++] = 0x80 | (c & 0x3f);
      }
    }
    this.n = n;
    return WROTE_ALL;
  }

  /** The bytes written; no copy when the capacity was right (a fixed-width file's size is known beforehand). */
  bytes(): Uint8Array {
    return this.n === this.buf.length ? this.buf : this.buf.slice(0, this.n);
  }
}
