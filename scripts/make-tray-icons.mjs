// Draws the tray icons into resources/tray/ (PNG bytes written with zlib, no image library):
// Linux PNGs, macOS template images (black + alpha, @2x), Windows .ico (16 and 32 px PNGs inside).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

import { ico } from './image-containers.mjs';

const OUT = join(import.meta.dirname, '..', 'resources', 'tray');
const COLOURS = {
  'signed-out': [128, 128, 128],
  idle: [46, 160, 67],
  live: [31, 111, 235],
  missed: [218, 54, 51],
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage (0..1) of the icon's shape at a point in unit coordinates, per state. */
function coverage(state, u, v) {
  const d = Math.hypot(u - 0.5, v - 0.5);
  const disc = d <= 0.42;
  if (state === 'signed-out') return d <= 0.42 && d >= 0.3 ? 1 : 0;
  if (state === 'live') return disc && d >= 0.14 ? 1 : 0;
  if (state === 'missed') return disc || Math.hypot(u - 0.85, v - 0.15) <= 0.14 ? 1 : 0;
  return disc ? 1 : 0;
}

function draw(state, size, template) {
  const [r, g, b] = template ? [0, 0, 0] : COLOURS[state];
  const S = 4;
  return png(size, (x, y) => {
    let hits = 0;
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) hits += coverage(state, (x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
    return [r, g, b, Math.round((255 * hits) / (S * S))];
  });
}

for (const dir of ['linux', 'mac', 'win']) mkdirSync(join(OUT, dir), { recursive: true });
for (const state of Object.keys(COLOURS)) {
  writeFileSync(join(OUT, 'linux', `${state}.png`), draw(state, 32, false));
  writeFileSync(join(OUT, 'mac', `${state}Template.png`), draw(state, 16, true));
  writeFileSync(join(OUT, 'mac', `${state}Template@2x.png`), draw(state, 32, true));
  writeFileSync(
    join(OUT, 'win', `${state}.ico`),
    ico([16, 32].map((size) => ({ size, data: draw(state, size, false) }))),
  );
}
console.log(`tray icons written to ${OUT}`);
