// `node out/web/server.js [--port N] [--data-dir DIR] [--no-demo-offer] [--policy FILE]` (built from this file by
// `npm run build`): the console core in Node, its renderer in any browser on loopback. Prints one
// line, EVO_WEB_URL=<url>, when ready.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { configHomeFrom } from '../main/autostart';
import { composeWebConsole } from './compose';
import { startWebShell } from './web-shell';

const APP_NAME = 'evo-voice-console-web';

/** The OS config directory for this app, where conf would put it. */
function defaultDataDir(): string {
  const home = homedir();
  if (platform() === 'darwin') return join(home, 'Library', 'Preferences', APP_NAME);
  if (platform() === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME, 'Config');
  return join(configHomeFrom(process.env, home), APP_NAME);
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
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

  const { core, demo, signIn, dispatch, notifier, log } = composeWebConsole({
    dataDir,
    appVersion: pkg.version,
    offerDemo: !values['no-demo-offer'],
    ...(values.policy ? { policyFile: resolve(values.policy) } : {}),
  });
  await core.start();
  const shell = await startWebShell({
    core,
    signIn,
    dispatch,
    notifier,
    log,
    rendererDir: resolve(values['renderer-dir']),
    token: randomBytes(32).toString('base64url'),
    port,
    testHooks: process.env.EVO_CONSOLE_TEST_HOOKS === '1',
  });
  log.info('Web shell ready', { origin: shell.origin, dataDir });
  process.stdout.write(`EVO_WEB_URL=${shell.url}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('Stopping', { signal });
    setTimeout(() => {
      log.error('Shutdown took longer than 5 s; exiting without waiting further');
      process.exit(1);
    }, 5000).unref();
    await shell.close();
    await core.stop();
    await demo.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`The web shell could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
