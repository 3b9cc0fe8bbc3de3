// A web shell on loopback over a recording core (the real dispatcher, sign-in and notifier), and
// the real page client connected to it: for the security tests of the web shell's socket.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { WebSocket } from 'ws';

import { createDispatcher } from '../../src/main/ipc/dispatch';
import { composeSignIn } from '../../src/main/sign-in';
import { createWebClient, type SocketLike, type WebClientOptions } from '../../src/renderer/src/bridge/web-client';
import type { ConsoleState } from '../../src/shared/live';
import { createWebNotifier } from '../../src/web/notifier';
import { startWebShell } from '../../src/web/web-shell';
import { recordingCore, recordingDemo, recordingLog } from '../shell/recording-core';

export const TOKEN = 's'.repeat(43);

/** A signed-in agent's state, as the page last saw it. */
export const SIGNED_IN: ConsoleState = {
  identity: { serverUrl: 'https://evovoice.example', userName: 'agent@example', accounts: [], demo: false },
  connection: { status: 'online' },
  missed: [],
  holds: {},
  consoleData: {},
  doNotDisturb: false,
} as unknown as ConsoleState;

export async function realShell(port = 0) {
  const dir = mkdtempSync(join(tmpdir(), 'evo-renderer-'));
  writeFileSync(join(dir, 'index.html'), readFileSync('src/renderer/index.html', 'utf8'));
  const { core, calls } = recordingCore({
    subscribe: () => () => undefined,
    getState: () => SIGNED_IN,
    getRowSnapshot: () => ({}),
  });
  const { log, lines } = recordingLog();
  const signIn = composeSignIn(core, recordingDemo().demo);
  const notifier = createWebNotifier(() => false);
  const dispatch = createDispatcher(core, { log, signIn, versions: () => ({}) });
  const shell = await startWebShell({ core, signIn, dispatch, notifier, log, rendererDir: dir, token: TOKEN, port });
  return { shell, calls, lines };
}

/** The real page client, as the bridge builds it, on a `ws` socket with the page's origin. */
export function pageClient(port: number, extra: Partial<WebClientOptions> = {}) {
  let connections = 0;
  const client = createWebClient({
    url: `ws://127.0.0.1:${port}/ipc`,
    token: TOKEN,
    connect: (url) => {
      connections += 1;
      return new WebSocket(url, {
        origin: `http://127.0.0.1:${port}`,
        maxPayload: 64 * 1024 * 1024,
      }) as unknown as SocketLike;
    },
    backoffMs: 20,
    maxBackoffMs: 40,
    ...extra,
  });
  return { client, connections: () => connections };
}

export function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() > end) reject(new Error('timed out waiting'));
      else setTimeout(tick, 5);
    };
    tick();
  });
}
