#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16.png, -32, -64, -80): a blue rounded square with three
 * rising white bars and a tick — the scorecard. PNGs are encoded with Node's zlib only.
 *
 *   node scripts/make-icons.js
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80];
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];
const SUPERSAMPLE = 4;

/** Coverage of the shape at a point of the unit square (0..1 coordinates). */
function shapeAt(x, y) {
  const r = 0.18;
  const inside = (px, py) => {
    const cx = Math.min(Math.max(px, r), 1 - r);
    const cy = Math.min(Math.max(py, r), 1 - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
  };
  if (!inside(x, y)) return null;
  const bars = [
    [0.2, 0.58],
    [0.42, 0.44],
    [0.64, 0.3],
  ];
  for (const [left, top] of bars) if (x >= left && x <= left + 0.15 && y >= top && y <= 0.8) return WHITE;
  // A tick over the bars: two strokes.
  const stroke = (ax, ay, bx, by, w) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return (x - (ax + t * (bx - ax))) ** 2 + (y - (ay + t * (by - ay))) ** 2 <= w * w;
  };
  if (stroke(0.2, 0.3, 0.3, 0.4, 0.05) || stroke(0.3, 0.4, 0.52, 0.16, 0.05)) return WHITE;
  return BLUE;
}

function pixels(size) {
  const data = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = shapeAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a++;
        }
      }
      const i = (py * size + px) * 4;
      const n = SUPERSAMPLE * SUPERSAMPLE;
      data[i] = a ? Math.round(r / a) : 0;
      data[i + 1] = a ? Math.round(g / a) : 0;
      data[i + 2] = a ? Math.round(b / a) : 0;
      data[i + 3] = Math.round((255 * a) / n);
    }
  }
  return data;
}

function chunk(type, body) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/** A truecolour-with-alpha PNG: signature, IHDR, one IDAT of filtered rows, IEND. */
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  const file = path.join(out, `icon-${size}.png`);
  fs.writeFileSync(file, png(size, pixels(size)));
  console.log(`${path.relative(process.cwd(), file)}: ${size}×${size}`);
}
