// §10 encodings: our own byte writers. Windows-1252's 0x80–0x9F written out here as the
// characters themselves (a transcription independent of the product's code-point table).
import { describe, expect, it } from 'vitest';
import { ByteWriter, decodeText, WROTE_ALL } from '../../../src/engine/index.js';

// 0x80–0x9F in order; '_' where Windows-1252 has no character (0x81, 0x8D, 0x8F, 0x90, 0x9D).
const CP1252_80_9F = '€_‚ƒ„…†‡ˆ‰Š‹Œ_Ž__‘’“”•–—˜™š›œ_žŸ';

const write = (text: string, encoding: 'ISO-8859-1' | 'Windows-1252' | 'UTF-8') => {
  const w = new ByteWriter(encoding, 4);
  const bad = w.text(text);
  return { bad, bytes: [...w.bytes()] };
};

describe('encodings', () => {
  it('Windows-1252 writes every character of 0x80–0x9F as its byte, and refuses the five holes', () => {
    [...CP1252_80_9F].forEach((ch, i) => {
      if (ch === '_') return;
      expect(write(ch, 'Windows-1252')).toEqual({ bad: WROTE_ALL, bytes: [0x80 + i] });
      expect(write(ch, 'ISO-8859-1').bad).toBe(0);
    });
    for (const hole of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(write(String.fromCharCode(hole), 'Windows-1252').bad).toBe(0);
  });

  it('ISO-8859-1 and Windows-1252 write Latin-1 letters as one byte each; C1 controls are refused in ISO-8859-1', () => {
    expect(write('åäöÅÄÖéü', 'ISO-8859-1')).toEqual({ bad: WROTE_ALL, bytes: [0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc] });
    expect(write('åäöÅÄÖéü', 'Windows-1252').bytes).toEqual([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc]);
    expect(write('a\u0085b', 'ISO-8859-1').bad).toBe(1);
    expect(write('Ł', 'ISO-8859-1').bad).toBe(0);
    expect(write('ab😀', 'Windows-1252')).toEqual({ bad: 2, bytes: [0x61, 0x62] });
  });

  it('UTF-8: two, three and four bytes, and a lone surrogate refused', () => {
    expect(write('å€😀', 'UTF-8').bytes).toEqual([0xc3, 0xa5, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(write('Åsa € 😀', 'UTF-8').bytes))).toBe('Åsa € 😀');
    expect(write('a\ud800b', 'UTF-8').bad).toBe(1);
    expect(write('a\udc00', 'UTF-8').bad).toBe(1);
  });

  it('control characters stop the text; CR and LF only where allowed', () => {
    expect(write('a\nb', 'ISO-8859-1').bad).toBe(1);
    const w = new ByteWriter('ISO-8859-1');
    expect(w.text('a\r\nb', 4, true)).toBe(WROTE_ALL);
    expect(w.text('\t', 1, true)).toBe(0);
  });

  it('grows past its first capacity and decodes back', () => {
    const w = new ByteWriter('Windows-1252', 1);
    const text = 'Välfärdsteknik – €'.repeat(500);
    expect(w.text(text)).toBe(WROTE_ALL);
    w.digits(4390, 8);
    expect(decodeText(w.bytes(), 'Windows-1252')).toBe(text + '00004390');
  });
});
