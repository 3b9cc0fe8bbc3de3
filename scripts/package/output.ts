// Where `npm run package` puts the unpacked app on each OS (electron-builder's dir target names:
// linux-unpacked, win-unpacked, mac/<name>.app), and which OS it packs for: this one with a real
// Electron runtime, Linux on the placeholder runtime.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
/** electron-builder's productFilename: the top-level `executableName` (electron-builder.config.ts). */
export const EXECUTABLE_NAME = 'evo-voice-console';

/** The Electron runtime the electron npm package downloaded on first use, if it did. */
export function realElectronDist(platform: NodeJS.Platform = process.platform): string | undefined {
  const dist = join(ROOT, 'node_modules', 'electron', 'dist');
  const binary = { win32: 'electron.exe', darwin: 'Electron.app', linux: 'electron' }[platform as string];
  return binary && existsSync(join(dist, binary)) ? dist : undefined;
}

/** The OS `npm run package` (without --release) packs for here. */
export const packagedPlatform = (): NodeJS.Platform => (realElectronDist() ? process.platform : 'linux');

export interface UnpackedApp {
  dir: string;
  resources: string;
  executable: string;
}

export function unpackedApp(platform: NodeJS.Platform, arch: string = process.arch, root = ROOT): UnpackedApp {
  const suffix = arch === 'x64' ? '' : `-${arch}`;
  if (platform === 'darwin') {
    const dir = join(root, 'dist', `mac${suffix}`);
    const app = join(dir, `${EXECUTABLE_NAME}.app`, 'Contents');
    return { dir, resources: join(app, 'Resources'), executable: join(app, 'MacOS', EXECUTABLE_NAME) };
  }
  const key = platform === 'win32' ? 'win' : 'linux';
  const dir = join(root, 'dist', `${key}${suffix}-unpacked`);
  const executable = join(dir, platform === 'win32' ? `${EXECUTABLE_NAME}.exe` : EXECUTABLE_NAME);
  return { dir, resources: join(dir, 'resources'), executable };
}
