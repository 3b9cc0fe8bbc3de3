// The packed app as IT would install it: lists app.asar and the resources folder of the unpacked
// Linux build (made by `npm run package`, built here if missing) and fails on anything that does
// not belong there (sources, tests, maps, dev dependencies) or is missing (bundles, natives, icons).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { listPackage } from '@electron/asar';
import { beforeAll, describe, expect, it } from 'vitest';

import { PLACEHOLDER_MARKER } from '../../scripts/package/fuses';

const ROOT = join(import.meta.dirname, '..', '..');
const APP_DIR = join(ROOT, 'dist', 'linux-unpacked');
const RESOURCES = join(APP_DIR, 'resources');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split('\\').join('/'))
    .sort();
}

let asar: string[] = [];
beforeAll(() => {
  if (!existsSync(join(RESOURCES, 'app.asar'))) {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/package.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  asar = listPackage(join(RESOURCES, 'app.asar'), { isPack: false }).map((p) => p.split('\\').join('/'));
}, 240_000);

describe('app.asar', () => {
  it('holds the three built bundles and package.json', () => {
    expect(asar).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/index.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
      ]),
    );
  });

  it('holds no sources, tests, temp files or source maps', () => {
    const misplaced = asar.filter(
      (p) =>
        /^\/(src|tests|e2e|bench|docs|scripts|resources|\.tmp|dist|coverage)(\/|$)/.test(p) ||
        /\.(map|ts|tsx|svelte)$/.test(p) ||
        /\.(test|spec)\.[cm]?js$/.test(p),
    );
    expect(misplaced).toEqual([]);
  });

  it('holds every production dependency and no dev dependency', () => {
    const modules = new Set(asar.filter((p) => /^\/node_modules\/(@[^/]+\/)?[^/@]+$/.test(p)).map((p) => p.slice(14)));
    expect([...modules]).toEqual(expect.arrayContaining(Object.keys(pkg.dependencies)));
    const dev = Object.keys(pkg.devDependencies).filter((name) => !(name in pkg.dependencies));
    expect(dev.filter((name) => modules.has(name))).toEqual([]);
  });

  it('keeps native modules out of the archive: each .node is unpacked beside it', () => {
    const natives = asar.filter((p) => p.endsWith('.node'));
    expect(natives).toContain('/node_modules/keytar/build/Release/keytar.node');
    for (const native of natives) expect(existsSync(join(RESOURCES, 'app.asar.unpacked', native))).toBe(true);
  });
});

describe('resources folder', () => {
  it('holds the asar, its unpacked natives, the update feed, the window icon and every tray icon', () => {
    const tray = filesUnder(join(ROOT, 'resources', 'tray')).map((p) => `tray/${p}`);
    const files = filesUnder(RESOURCES).filter((p) => !p.startsWith('app.asar.unpacked/'));
    expect(files).toEqual(['app-update.yml', 'app.asar', 'icons/icon.png', ...tray].sort());
    expect(readFileSync(join(RESOURCES, 'app-update.yml'), 'utf8')).toContain('provider: generic');
  });

  it('unpacks only native modules and what they load', () => {
    const unpacked = filesUnder(join(RESOURCES, 'app.asar.unpacked'));
    expect(unpacked).toContain('node_modules/keytar/build/Release/keytar.node');
    expect(unpacked.filter((p) => !p.startsWith('node_modules/keytar/'))).toEqual([]);
  });
});

describe('runtime folder', () => {
  it('has the console executable, and says plainly when it is the placeholder runtime', () => {
    expect(existsSync(join(APP_DIR, 'evo-voice-console'))).toBe(true);
    const top = readdirSync(APP_DIR);
    if (top.includes(PLACEHOLDER_MARKER)) {
      expect(relative(APP_DIR, join(APP_DIR, 'evo-voice-console'))).toBe('evo-voice-console');
      expect(readFileSync(join(APP_DIR, PLACEHOLDER_MARKER), 'utf8')).toMatch(/stands in for the Electron runtime/);
    } else {
      expect(top).toEqual(expect.arrayContaining(['chrome-sandbox', 'resources.pak', 'icudtl.dat']));
    }
  });
});
