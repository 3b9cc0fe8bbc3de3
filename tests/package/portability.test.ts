// What keeps the release workflow working on Windows and macOS runners: no spawn of an
// extension-less node_modules/.bin shim (JS entry points run with process.execPath), the unpacked
// app found where electron-builder puts it on each OS, and LF line endings in every checkout.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { binEntry } from '../../scripts/package/node-bin';
import { unpackedApp } from '../../scripts/package/output';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((p) => /\.(ts|mts|mjs|js)$/.test(p) && !p.includes('node_modules'))
    .map((p) => join(dir, p));
}

describe('portable scripts and tests', () => {
  it('never spawn a node_modules/.bin shim', () => {
    const shims = [...sources('scripts'), ...sources('tests'), ...sources('e2e')].filter((file) =>
      /['"]\.bin['"]|node_modules\/\.bin\//.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(shims).toEqual([]);
  });

  it('run tools by their JS entry point', () => {
    expect(binEntry('electron-vite')).toMatch(/electron-vite[\\/]bin[\\/]electron-vite\.js$/);
    expect(binEntry('tsx')).toMatch(/tsx[\\/]dist[\\/]cli\.mjs$/);
    expect(binEntry('@action-validator/cli')).toMatch(/cli\.mjs$/);
  });

  it('find the unpacked app where electron-builder writes it on each OS', () => {
    const at = (platform: NodeJS.Platform, arch: string) => {
      const app = unpackedApp(platform, arch, '/r');
      return [app.dir, app.resources, app.executable].map((p) => p.split('\\').join('/'));
    };
    expect(at('linux', 'x64')).toEqual([
      '/r/dist/linux-unpacked',
      '/r/dist/linux-unpacked/resources',
      '/r/dist/linux-unpacked/evo-voice-console',
    ]);
    expect(at('win32', 'x64')).toEqual([
      '/r/dist/win-unpacked',
      '/r/dist/win-unpacked/resources',
      '/r/dist/win-unpacked/evo-voice-console.exe',
    ]);
    expect(at('darwin', 'arm64')).toEqual([
      '/r/dist/mac-arm64',
      '/r/dist/mac-arm64/evo-voice-console.app/Contents/Resources',
      '/r/dist/mac-arm64/evo-voice-console.app/Contents/MacOS/evo-voice-console',
    ]);
  });

  it('check out with LF line endings everywhere (.gitattributes)', () => {
    const attributes = readFileSync(join(ROOT, '.gitattributes'), 'utf8').split('\n');
    expect(attributes).toContain('* text=auto eol=lf');
  });
});
