// `node out/web/server.js [--port N] [--data-dir DIR] [--no-demo-offer] [--policy FILE]` (built from this file by
// `npm run build`): the console core in Node, its renderer in any browser on loopback. Prints one
// line, EVO_WEB_URL=<url>, when ready. This file only reads the arguments and turns on Node's
// compile cache in the agent's own data directory before loading the rest (`start.ts`): compiling
// the bundle is most of a start's CPU, and with the cache a second start skips it.
import { mkdirSync } from 'node:fs';
import nodeModule from 'node:module';
import { homedir, platform } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { configHomeFrom } from '../main/autostart';

const APP_NAME = 'evo-voice-console-web';

/** The OS config directory for this app, where conf would put it. */
function defaultDataDir(): string {
  const home = homedir();
  if (platform() === 'darwin') return join(home, 'Library', 'Preferences', APP_NAME);
  if (platform() === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME, 'Config');
  return join(configHomeFrom(process.env, home), APP_NAME);
}

/**
 * Compiled code is kept where only this user writes (the data directory, 0700), never in a shared
 * temporary folder another local user could fill. A cache that cannot be used is no error: the
 * start is only slower.
 */
function useCompileCache(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // Node 22.1 and later (the pinned Node 24); older ones start without it.
    (nodeModule as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache?.(
      join(dataDir, 'compile-cache'),
    );
  } catch {
    // Read-only or missing folder: compile as usual.
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string', default: 'out/renderer' },
      'no-demo-offer': { type: 'boolean', default: false },
      policy: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be 0..65535, not ${values.port}`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  useCompileCache(dataDir);
  const { startWebConsole } = await import('./start');
  await startWebConsole({
    port,
    dataDir,
    rendererDir: resolve(values['renderer-dir']),
    offerDemo: !values['no-demo-offer'],
    ...(values.policy ? { policyFile: resolve(values.policy) } : {}),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`The web shell could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
