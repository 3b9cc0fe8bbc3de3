// `npm start`: builds and launches the desktop console. Where the Electron binary cannot be had
// (no download possible, as on the build machines), says so in one line and starts the same
// console in the browser (`npm run web`) instead, so the start command always opens the console.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronDir = join('node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function fetchElectron() {
  console.log('Fetching the Electron runtime (first run only)...');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 180_000,
    encoding: 'utf8',
  });
  return result.status === 0 ? electronBinary() : undefined;
}

if (!existsSync(electronDir)) {
  console.error('Dependencies are not installed. Run `npm run setup` first.');
  process.exit(1);
}

if (!electronBinary() && !fetchElectron()) {
  console.log(
    'The Electron runtime is not available here (it could not be downloaded): starting the web console instead (npm run web).',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  spawn(npm, ['run', '--silent', 'web'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  launchDesktop();
}

function launchDesktop() {
  // node <electron-vite's JS entry>: the .bin shim is a .cmd on Windows, which spawn cannot start.
  const run = (args) =>
    spawn(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ...args], {
      stdio: 'inherit',
    });
  const build = run(['build']);
  build.on('exit', (code) => {
    if (code !== 0) process.exit(code ?? 1);
    run(['preview', '--skipBuild']).on('exit', (c) => process.exit(c ?? 0));
  });
}
