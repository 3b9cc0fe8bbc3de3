// `npm run package`: builds the bundles, then packages them with electron-builder. With a real
// Electron runtime it builds the installers this OS can make (`--release`) or the unpacked app;
// where the Electron zip cannot be downloaded it says so and packs the unpacked Linux app on a
// placeholder runtime, so the asar, unpacked natives and resources are still built for real.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { build, type Configuration, Platform } from 'electron-builder';

import config from '../electron-builder.config';
import { PLACEHOLDER_MARKER } from './package/fuses';
import { runBin } from './package/node-bin';
import { realElectronDist } from './package/output';

const ROOT = join(import.meta.dirname, '..');
export const PLACEHOLDER_DIR = join(ROOT, '.tmp', 'placeholder-electron-runtime');
const release = process.argv.includes('--release');

function makePlaceholderRuntime(): string {
  rmSync(PLACEHOLDER_DIR, { recursive: true, force: true });
  mkdirSync(join(PLACEHOLDER_DIR, 'resources'), { recursive: true });
  const stub = join(PLACEHOLDER_DIR, 'electron');
  writeFileSync(stub, '#!/bin/sh\necho "placeholder runtime: not Electron; this package cannot run" >&2\nexit 1\n');
  chmodSync(stub, 0o755);
  writeFileSync(
    join(PLACEHOLDER_DIR, PLACEHOLDER_MARKER),
    'This folder stands in for the Electron runtime, which cannot be downloaded on this machine.\n' +
      'The package built from it has the real asar, unpacked natives and resources, and no Electron.\n',
  );
  return PLACEHOLDER_DIR;
}

runBin('electron-vite', ['build'], { stdio: 'inherit' });

const dist = realElectronDist();
if (release) {
  // Installers for this OS; electron-builder fetches each target's Electron zip (the macOS
  // universal build needs both architectures) and rebuilds keytar for Electron's ABI.
  await build({ projectDir: ROOT, config, publish: 'never' });
} else if (dist) {
  await build({
    projectDir: ROOT,
    config: { ...config, electronDist: dist },
    publish: 'never',
    targets: Platform.current().createTarget('dir'),
  });
} else {
  console.log(
    'Electron runtime missing (the Electron zip cannot be downloaded here): packing the unpacked Linux app on the placeholder runtime in .tmp/placeholder-electron-runtime',
  );
  console.log(
    'keytar is NOT rebuilt for Electronʼs ABI here (npmRebuild off: @electron/rebuild needs Electron headers from the internet); the packed keytar.node is the Node build',
  );
  const placeholder: Configuration = { ...config, electronDist: makePlaceholderRuntime(), npmRebuild: false };
  await build({ projectDir: ROOT, config: placeholder, publish: 'never', targets: Platform.LINUX.createTarget('dir') });
}
