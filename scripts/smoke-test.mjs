// The packaged app's own start-up check, for the release workflow after `npm run package -- --release`
// (Playwright cannot drive a fused build): runs the app dist/ holds for this OS with --smoke-test
// and a throwaway user-data folder; passes when it exits 0, which it does only after writing its
// "Smoke test: ready" line (src/main/smoke-test.ts). Linux needs a display (xvfb-run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', 'dist');

/** The app binary electron-builder left unpacked in dist/ for this OS. */
function packagedBinary() {
  if (!existsSync(dist)) return undefined;
  for (const entry of readdirSync(dist)) {
    const folder = join(dist, entry);
    if (process.platform === 'linux' && /^linux(-\w+)?-unpacked$/.test(entry)) return join(folder, 'evo-voice-console');
    if (process.platform === 'win32' && /^win(-\w+)?-unpacked$/.test(entry))
      return join(folder, 'evo-voice-console.exe');
    if (process.platform === 'darwin' && entry.startsWith('mac')) {
      const app = readdirSync(folder).find((name) => name.endsWith('.app'));
      if (app) return join(folder, app, 'Contents', 'MacOS', app.slice(0, -'.app'.length));
    }
  }
  return undefined;
}

const binary = packagedBinary();
if (!binary || !existsSync(binary)) {
  console.error(
    `smoke test: no packaged app for ${process.platform} in ${dist}: run npm run package -- --release first`,
  );
  process.exit(1);
}
const userData = mkdtempSync(join(tmpdir(), 'evo-smoke-'));
const run = spawnSync(binary, ['--smoke-test', `--user-data-dir=${userData}`], {
  encoding: 'utf8',
  timeout: 120_000,
});
const log = join(userData, 'logs', 'main.log');
const ready = existsSync(log) && readFileSync(log, 'utf8').includes('Smoke test: ready');
console.log(
  `smoke test: ${binary} exited ${run.status ?? run.signal}${existsSync(log) ? `, ready line ${ready ? 'written' : 'missing'} in ${log}` : ''}`,
);
if (run.status !== 0 || (existsSync(log) && !ready)) {
  console.error(run.stdout, run.stderr, run.error?.message ?? '');
  process.exit(1);
}
