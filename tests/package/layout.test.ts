// The packed app as IT would install it: lists app.asar and the resources folder of the unpacked
// build `npm run package` makes (this OS's with a real Electron, Linux on the placeholder runtime;
// built here if missing) and fails on anything that does not belong there (sources, tests, maps,
// dev dependencies, what the main bundle already contains, install-time tools, other OSes' tray
// art) or is missing (bundles, natives, icons, a package the bundle loads or one it needs).
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { extractAll, extractFile, listPackage } from '@electron/asar';
import { parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';

import { PLACEHOLDER_MARKER } from '../../scripts/package/fuses';
import { runBin } from '../../scripts/package/node-bin';
import { packagedPlatform, unpackedApp } from '../../scripts/package/output';
import { dependencyClosure, INSTALL_TIME_ONLY, RUNTIME_EXTERNALS } from '../../scripts/package/runtime-deps';

const ROOT = join(import.meta.dirname, '..', '..');
const PLATFORM = packagedPlatform();
const APP = unpackedApp(PLATFORM);
const RESOURCES = APP.resources;
const ASAR = join(RESOURCES, 'app.asar');
const TRAY_DIR = { win32: 'win', darwin: 'mac' }[PLATFORM as string] ?? 'linux';
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

/** Package names a bundle loads at run time: import/export-from, import(), require() and createRequire(...)(...) of a string. */
function packagesLoadedBy(code: string): string[] {
  const found = new Set<string>();
  const take = (node: unknown) => {
    const literal = node as { type?: string; value?: unknown } | undefined;
    if (literal?.type === 'Literal' && typeof literal.value === 'string') found.add(literal.value);
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Record<string, unknown> & { type?: string };
    if (n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration')
      take(n.source);
    if (n.type === 'ImportExpression') take(n.source);
    if (n.type === 'CallExpression') {
      const callee = n.callee as { type?: string; name?: string };
      if ((callee.type === 'Identifier' && callee.name === 'require') || callee.type === 'CallExpression') {
        take((n.arguments as unknown[])[0]);
      }
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  const builtins = new Set(builtinModules);
  return [...found]
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtins.has(s) && s !== 'electron')
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

let asar: string[] = [];
beforeAll(() => {
  if (!existsSync(ASAR)) runBin('tsx', ['scripts/package.ts'], { stdio: 'inherit' });
  asar = listPackage(ASAR, { isPack: false }).map((p) => p.split('\\').join('/'));
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

  it('holds exactly the packages out/main loads at run time and what they need; nothing bundled, no install-time tool', () => {
    const bundles = asar.filter((p) => /^\/out\/main\/.*\.js$/.test(p));
    const loaded = new Set(bundles.flatMap((p) => packagesLoadedBy(extractFile(ASAR, p.slice(1)).toString('utf8'))));
    expect([...loaded].sort()).toEqual([...RUNTIME_EXTERNALS].sort());
    const modules = new Set(asar.filter((p) => /^\/node_modules\/(@[^/]+\/)?[^/@]+$/.test(p)).map((p) => p.slice(14)));
    expect([...modules].sort()).toEqual([...dependencyClosure(RUNTIME_EXTERNALS)].sort());
    const bundled = ['zod', 'conf', 'electron-store'];
    const installTime = [...Object.values(INSTALL_TIME_ONLY).flat(), 'tar-fs', 'node-abi'];
    expect([...bundled, ...installTime].filter((name) => modules.has(name))).toEqual([]);
    const dev = Object.keys(pkg.devDependencies).filter((name) => !(name in pkg.dependencies));
    expect(dev.filter((name) => modules.has(name))).toEqual([]);
  });

  it('resolves every package the bundle loads, and each of their dependencies, inside the extracted asar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evo-asar-'));
    extractAll(ASAR, dir);
    const missing: string[] = [];
    // Node's lookup: node_modules/<name> in the requiring folder, then in each folder above, up to the asar root.
    const lookup = (name: string, from: string): string | undefined => {
      for (let at = from; at.startsWith(dir); at = dirname(at)) {
        const manifest = join(at, 'node_modules', name, 'package.json');
        if (existsSync(manifest)) return manifest;
      }
      return undefined;
    };
    const seen = new Set<string>();
    const check = (name: string, from: string) => {
      const manifest = lookup(name, from);
      if (!manifest) return void missing.push(`${name} (needed in ${from.slice(dir.length) || '/'})`);
      if (seen.has(manifest)) return;
      seen.add(manifest);
      const { dependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      const skip = INSTALL_TIME_ONLY[name] ?? [];
      for (const dep of Object.keys(dependencies)) if (!skip.includes(dep)) check(dep, dirname(manifest));
    };
    for (const name of RUNTIME_EXTERNALS) check(name, join(dir, 'out', 'main'));
    expect(missing).toEqual([]);
  });

  it('keeps native modules out of the archive: each .node is unpacked beside it', () => {
    const natives = asar.filter((p) => p.endsWith('.node'));
    expect(natives).toContain('/node_modules/keytar/build/Release/keytar.node');
    for (const native of natives) expect(existsSync(join(RESOURCES, 'app.asar.unpacked', native))).toBe(true);
  });
});

describe('resources folder', () => {
  it('holds the asar, its unpacked natives, the update feed, the clean-up command, the window icon and this OS’s tray icons only', () => {
    const tray = filesUnder(join(ROOT, 'resources', 'tray', TRAY_DIR)).map((p) => `tray/${TRAY_DIR}/${p}`);
    const files = filesUnder(RESOURCES).filter((p) => !p.startsWith('app.asar.unpacked/'));
    const cleanup = PLATFORM === 'win32' ? 'cleanup/remove-user-data.ps1' : 'cleanup/remove-user-data.sh';
    expect(files).toEqual(['app-update.yml', 'app.asar', cleanup, 'icons/icon.png', ...tray].sort());
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
    expect(existsSync(APP.executable)).toBe(true);
    const top = readdirSync(APP.dir);
    if (top.includes(PLACEHOLDER_MARKER)) {
      expect(PLATFORM).toBe('linux');
      expect(readFileSync(join(APP.dir, PLACEHOLDER_MARKER), 'utf8')).toMatch(/stands in for the Electron runtime/);
    } else if (PLATFORM !== 'darwin') {
      expect(top).toEqual(expect.arrayContaining(['resources.pak', 'icudtl.dat']));
    }
  });
});
