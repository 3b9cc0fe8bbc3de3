// The web shell started: serves the page and prints EVO_WEB_URL=<url> at once, loads and starts the
// console (console.ts) while the browser fetches and runs the page, and stops cleanly on
// SIGINT/SIGTERM. Loaded by server.ts once the compile cache is on; kept light, since everything
// it imports is loaded before the address is printed.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { createFileLog } from '../main/file-log';
import type { WebConsole } from './compose';
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
  const log = createFileLog({ dir: join(dataDir, 'logs'), echo: (line) => process.stderr.write(`${line}\n`) });
  const warmUp = createWarmUp(() => shell.origin);
  let loading: Promise<WebConsole> | undefined;
  const load = () =>
    (loading ??= import('./console')
      .then(({ startConsole }) => startConsole(options, log))
      .catch((error: unknown) => {
        process.stderr.write(
          `The web shell could not start: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      }));
  const shell = await startWebShell({
    load,
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
    const parts = await loading;
    await parts?.core.stop();
    await parts?.demo.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
