// Writes the add-in icons assets/icon-<size>.png (16, 32, 64, 80, 128 px).
// Uses only node:zlib so the icons can be regenerated offline: `node scripts/make-icons.mjs`.
// The motif is an alarm button (ring + dot) on a rounded teal square.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ICON_SIZES = [16, 32, 64, 80, 128];

const BACKGROUND = [0x0b, 0x6a, 0x75]; // teal
const FOREGROUND = [0xff, 0xff, 0xff];

// CRC-32 (IEEE), computed here because zlib.crc32 is missing in older Node 20 releases.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Coverage (0..1) of the shape at a point in unit coordinates (0..1 across the icon). */
function shape(x, y) {
  const r = 0.2; // corner radius of the background square
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  if (qx * qx + qy * qy > r * r) return { bg: false, fg: false };
  const d = Math.hypot(x - 0.5, y - 0.5);
  const ring = d > 0.25 && d < 0.35;
  const dot = d < 0.12;
  return { bg: true, fg: ring || dot };
}

/** RGBA pixels of one icon, 4x4 supersampled so small sizes stay smooth. */
export function renderIcon(size) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxI = 0; pxI < size; pxI++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const s = shape((pxI + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (s.bg) bg++;
          if (s.fg) fg++;
        }
      }
      const alpha = bg / (ss * ss);
      const mix = bg === 0 ? 0 : fg / bg;
      const o = (py * size + pxI) * 4;
      for (let i = 0; i < 3; i++) {
        px[o + i] = Math.round(BACKGROUND[i] * (1 - mix) + FOREGROUND[i] * mix);
      }
      px[o + 3] = Math.round(alpha * 255);
    }
  }
  return px;
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no interlace, filter type 0 on every row). */
export function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`wrote ${file}`);
  }
}
