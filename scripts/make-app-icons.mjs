// Rasterises the one app icon source (resources/icon.svg) into what each OS needs:
// resources/icons/icon.ico (16-256), icon.icns (16-1024), icon.png (512, Linux and the window).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Resvg } from '@resvg/resvg-js';

import { icns, ico } from './image-containers.mjs';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'resources', 'icons');
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const svg = readFileSync(join(ROOT, 'resources', 'icon.svg'));
const cache = new Map();
function pngOfSize(size) {
  if (!cache.has(size)) cache.set(size, new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
  return cache.get(size);
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'icon.png'), pngOfSize(512));
writeFileSync(join(OUT, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, data: pngOfSize(size) }))));
writeFileSync(join(OUT, 'icon.icns'), icns(pngOfSize));
console.log(`app icons written to ${OUT}`);
