// The page's WebSocket client against the real web shell: lost connections fail pending requests
// with a typed error, and it reconnects with doubling backoff (timers stepped by the test).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import { createDispatcher } from '../../src/main/ipc/dispatch';
import { composeSignIn } from '../../src/main/sign-in';
import { takeToken, webSocketUrl } from '../../src/renderer/src/bridge/index';
import { createWebClient, type SocketLike } from '../../src/renderer/src/bridge/web-client';
import { createWebNotifier } from '../../src/web/notifier';
import { startWebShell } from '../../src/web/web-shell';
import { recordingCore, recordingDemo, recordingLog } from './recording-core';

const TOKEN = 't'.repeat(43);

async function shellOn(port = 0, loadCallHistory: () => unknown = () => undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'evo-renderer-'));
  writeFileSync(join(dir, 'index.html'), readFileSync('src/renderer/index.html', 'utf8'));
  const { core } = recordingCore({ subscribe: () => () => undefined, getState: () => ({}), loadCallHistory });
  const { log } = recordingLog();
  const signIn = composeSignIn(core, recordingDemo().demo);
  const notifier = createWebNotifier(() => false);
  const dispatch = createDispatcher(core, { log, signIn, versions: () => ({}) });
  return startWebShell({ core, signIn, dispatch, notifier, log, rendererDir: dir, token: TOKEN, port });
}

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const tick = () => (check() ? resolve() : setImmediate(tick));
    tick();
  });
}

describe('web client', () => {
  it('builds the WebSocket URL without the token, and takes the token out of the address bar', () => {
    expect(webSocketUrl({ host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/ipc');
    const stored = new Map<string, string>();
    const replaced: string[] = [];
    const page = (hash: string) => ({
      location: { hash, pathname: '/', search: '' },
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url?: string | URL | null) => replaced.push(String(url)),
      },
      storage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) },
    });
    expect(takeToken(page('#token=abc-_1'))).toBe('abc-_1');
    expect(replaced).toEqual(['/']);
    // A reload of the same tab (the fragment is gone) still has it.
    expect(takeToken(page(''))).toBe('abc-_1');
    expect(replaced).toEqual(['/']);
    stored.clear();
    expect(takeToken(page(''))).toBeUndefined();
  });

  it('without a token, every request says how to open the console', async () => {
    const client = createWebClient({ url: 'ws://127.0.0.1:1/ipc', token: undefined });
    expect(await client.invoke('state:get', {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('fails in-flight requests when the server goes away, then reconnects with backoff', async () => {
    let shell = await shellOn();
    const port = shell.port;
    const timers: { ms: number; fn: () => void }[] = [];
    let opened = 0;
    const client = createWebClient({
      url: `ws://127.0.0.1:${port}/ipc`,
      token: TOKEN,
      connect: (url) => {
        const ws = new WebSocket(url, { origin: `http://127.0.0.1:${port}` });
        ws.on('open', () => (opened += 1));
        return ws as unknown as SocketLike;
      },
      // The proof deadline (10 s) is not a reconnect: only the backoff timers are kept.
      setTimeout: (fn, ms) => (ms === 10_000 ? undefined : timers.push({ fn, ms })),
    });
    expect(await client.invoke('poll:now', {})).toEqual({ ok: true, value: null });

    await shell.close();
    await until(() => timers.length === 1);
    expect(timers[0]?.ms).toBe(250);
    timers.shift()?.fn();
    await until(() => timers.length === 1);
    expect(timers[0]?.ms).toBe(500);

    shell = await shellOn(port);
    timers.shift()?.fn();
    expect(await client.invoke('poll:now', {})).toEqual({ ok: true, value: null });
    expect(opened).toBe(2);

    await shell.close();
    await until(() => timers.length === 1);
    expect(timers[0]?.ms).toBe(250);
    client.close();
  });

  it('answers a request in flight when the connection drops with a network error', async () => {
    let release: () => void = () => undefined;
    let reached = false;
    const shell = await shellOn(0, () => {
      reached = true;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const client = createWebClient({
      url: `ws://127.0.0.1:${shell.port}/ipc`,
      token: TOKEN,
      connect: (url) => new WebSocket(url, { origin: shell.origin }) as unknown as SocketLike,
      setTimeout: () => undefined,
    });
    const pending = client.invoke('history:load', { page: 0, countPerPage: 10 });
    await until(() => reached);
    await shell.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'network' } });
    release();
    client.close();
  });
});
