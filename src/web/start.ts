// The web shell started: composes the console, serves it, prints EVO_WEB_URL=<url>, and stops
// cleanly on SIGINT/SIGTERM. Loaded by server.ts once the compile cache is on.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { composeWebConsole } from './compose';
import { createWarmUp } from './warm-up';
import { startWebShell } from './web-shell';

export interface WebStartOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  offerDemo: boolean;
  /** A policy.json in the Linux form over the settings (`--policy FILE`). */
  policyFile?: string;
}

export async function startWebConsole(options: WebStartOptions): Promise<void> {
  const { dataDir } = options;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

  const warmUp = createWarmUp(() => shell.origin);
  const { core, demo, signIn, dispatch, notifier, log } = composeWebConsole({
    dataDir,
    appVersion: pkg.version,
    offerDemo: options.offerDemo,
    ...(options.policyFile ? { policyFile: options.policyFile } : {}),
  });
  await core.start();
  const shell = await startWebShell({
    core,
    signIn,
    dispatch,
    notifier,
    log,
    rendererDir: options.rendererDir,
    token: randomBytes(32).toString('base64url'),
    port: options.port,
    testHooks: process.env.EVO_CONSOLE_TEST_HOOKS === '1',
    // Once the first page is in and drawing: nothing else waits on the shell then.
    onPageAdmitted: () => warmUp.client(),
  });
  log.info('Web shell ready', { origin: shell.origin, dataDir });
  process.stdout.write(`EVO_WEB_URL=${shell.url}\n`);
  warmUp.handshake();

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
