// `npm start`: builds and launches the desktop console. Where the Electron binary cannot be had
// (no download possible, as on the build machines), says so in one paragraph and names the
// alternative instead of printing a download stack trace.
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
  console.error(`
The Electron runtime is not available on this machine: it is downloaded on first use, and the
download did not succeed (this machine has no route to the Electron release server). The desktop
app cannot start here. Run the same console in a browser instead with:

    npm run web

It uses the same core, the same IPC contract and the same screens, and offers the demo until you
sign in. On a workstation with internet access, \`npm start\` fetches Electron once and opens the
desktop app.
`);
  process.exit(2);
}

const run = (args) => spawn(join('node_modules', '.bin', 'electron-vite'), args, { stdio: 'inherit' });
const build = run(['build']);
build.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  run(['preview', '--skipBuild']).on('exit', (c) => process.exit(c ?? 0));
});
