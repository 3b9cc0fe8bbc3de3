// The web shell over real HTTP and WebSocket on loopback: who may connect, what the page gets,
// the contract framed over /ipc, and test hooks that exist only when asked for.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';
import { createDispatcher } from '../../src/main/ipc/dispatch';
import { composeSignIn } from '../../src/main/sign-in';
import { createWebClient, type SocketLike } from '../../src/renderer/src/bridge/web-client';
import { newNonce, proofText, type ServerProofFrame, tokenProof } from '../../src/shared/web-protocol';
import { createWebNotifier } from '../../src/web/notifier';
import { startWebShell, type WebShell } from '../../src/web/web-shell';
import { closeCode, nextFrame, opened, provenSocket } from '../security/web-handshake';
import { recordingCore, recordingDemo, recordingLog, signedOutState } from './recording-core';

const TOKEN = 'a'.repeat(43);

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evo-renderer-'));
  writeFileSync(join(dir, 'index.html'), readFileSync('src/renderer/index.html', 'utf8'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

/** An empty board's first rows, as the core hands them to the renderer. */
const EMPTY_ROWS = {
  version: 3,
  sessions: { strings: [], rows: [] },
  activity: { strings: [], rows: [] },
  total: { sessions: 0, activity: 0 },
};

const shells: WebShell[] = [];
afterEach(async () => {
  await Promise.all(shells.splice(0).map((s) => s.close()));
});

interface StartOptions {
  testHooks?: boolean;
  onPageAdmitted?: () => void;
  /** The console given as `load` (as the real shell does): called once, answering when `until` does. */
  load?: { calls: number; until: Promise<void>; loadAfterMs?: number };
}

async function start({ testHooks = false, onPageAdmitted, load }: StartOptions = {}) {
  let dnd = false;
  const { core, calls } = recordingCore({
    getState: () => signedOutState(dnd),
    getSnapshot: () => ({ version: 3, sessions: [], activity: [] }),
    getRowSnapshot: () => EMPTY_ROWS,
    getSettings: () => ({ doNotDisturb: dnd }),
    updateSettings: (patch) => {
      dnd = (patch as { doNotDisturb: boolean }).doNotDisturb;
      return {};
    },
    subscribe: (listener) => {
      (listener as (e: unknown) => void)({
        type: 'snapshot',
        snapshot: { version: 3, sessions: [], activity: [] },
        rows: EMPTY_ROWS,
      });
      return () => undefined;
    },
  });
  const { log, lines } = recordingLog();
  const demo = recordingDemo();
  const notifier = createWebNotifier(() => dnd);
  const signIn = composeSignIn(core, demo.demo);
  const dispatch = createDispatcher(core, { log, signIn, versions: () => ({}) });
  const parts = { core, signIn, dispatch, notifier };
  const loaded = load && {
    load: async () => {
      load.calls += 1;
      await load.until;
      return parts;
    },
    loadAfterMs: load.loadAfterMs ?? 60_000,
  };
  const shell = await startWebShell({
    ...(loaded ?? parts),
    log,
    rendererDir: rendererDir(),
    token: TOKEN,
    testHooks,
    ...(onPageAdmitted ? { onPageAdmitted } : {}),
  });
  shells.push(shell);
  return { shell, calls, lines, notifier, demoCalls: demo.calls };
}

/** Opens a WebSocket and resolves with the HTTP status it was refused with, or 101 when it opened. */
function handshake(url: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(0));
  });
}

describe('web shell', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token in the fragment', async () => {
    const { shell } = await start();
    expect(shell.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(shell.url).toBe(`${shell.origin}/#token=${TOKEN}`);
  });

  it('refuses a WebSocket from another origin, and a page that cannot prove the token', async () => {
    const { shell, lines, calls } = await start();
    const ws = `ws://127.0.0.1:${shell.port}/ipc`;
    expect(await handshake(ws, shell.origin)).toBe(101);
    expect(await handshake(ws, 'http://evil.example')).toBe(403);
    expect(await handshake(ws, `http://localhost:${shell.port}`)).toBe(403);
    expect(await handshake(ws)).toBe(403);
    expect(await handshake(`ws://127.0.0.1:${shell.port}/other`, shell.origin)).toBe(404);
    expect(lines.filter((l) => l.message.startsWith('Refused a WebSocket from another origin')).length).toBe(3);

    const wrong = await provenSocket(shell.port, 'b'.repeat(43));
    expect(await closeCode(wrong.ws)).toBe(1008);
    const early = new WebSocket(ws, { origin: shell.origin });
    await opened(early);
    early.send(JSON.stringify({ id: 1, channel: 'poll:now', args: {} }));
    expect(await closeCode(early)).toBe(1008);
    expect(calls.some((c) => c.method === 'pollNow')).toBe(false);
  });

  it('tells the shell once a page is in, after its first request was taken, and never for an unproven page', async () => {
    const admitted: string[][] = [];
    const { shell, calls } = await start({ onPageAdmitted: () => admitted.push(calls.map((c) => c.method)) });
    const wrong = await provenSocket(shell.port, 'b'.repeat(43));
    expect(await closeCode(wrong.ws)).toBe(1008);
    expect(admitted).toEqual([]);
    // As the page does: its proof and its first request back to back.
    const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/ipc`, { origin: shell.origin });
    await opened(ws);
    const nonce = newNonce();
    ws.send(JSON.stringify({ kind: 'hello', nonce }));
    const server = JSON.parse(await nextFrame(ws)) as ServerProofFrame;
    ws.send(JSON.stringify({ kind: 'proof', proof: await tokenProof(TOKEN, proofText('page', server.nonce, nonce)) }));
    ws.send(JSON.stringify({ id: 1, channel: 'state:get', args: {} }));
    await expect.poll(() => admitted.length).toBe(1);
    expect(admitted[0]).toContain('getState');
    ws.close();
  });

  it('serves the page before the console is loaded, and loads it once the page has its script', async () => {
    let ready = () => {};
    const load = { calls: 0, until: new Promise<void>((resolve) => (ready = resolve)) };
    const { shell } = await start({ load });
    expect((await fetch(`${shell.origin}/`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(load.calls).toBe(0);
    // A socket that comes before the console waits for it, then proves the token as usual.
    const early = provenSocket(shell.port, TOKEN);
    await expect.poll(() => load.calls).toBe(1);
    expect((await fetch(`${shell.origin}/assets/app.js`)).status).toBe(200);
    ready();
    const { ws } = await early;
    ws.send(JSON.stringify({ id: 1, channel: 'state:get', args: {} }));
    expect(JSON.parse(await nextFrame(ws))).toMatchObject({ kind: 'response', id: 1, result: { ok: true } });
    ws.close();
    expect(load.calls).toBe(1);
  });

  it('loads the console when the page script has been sent, or after a while with no page at all', async () => {
    const paged = { calls: 0, until: Promise.resolve() };
    const a = await start({ load: paged });
    expect((await fetch(`${a.shell.origin}/assets/app.js`)).status).toBe(200);
    await expect.poll(() => paged.calls).toBe(1);

    const idle = { calls: 0, until: Promise.resolve(), loadAfterMs: 100 };
    await start({ load: idle });
    expect(idle.calls).toBe(0);
    await expect.poll(() => idle.calls).toBe(1);
  });

  it('lets at most 8 sockets wait for the console to load; the next is refused at once', async () => {
    let ready = () => {};
    const load = { calls: 0, until: new Promise<void>((resolve) => (ready = resolve)) };
    const { shell, lines } = await start({ load });
    const target = `ws://127.0.0.1:${shell.port}/ipc`;
    const waiting = Array.from({ length: 8 }, () => new WebSocket(target, { origin: shell.origin }));
    await expect.poll(() => load.calls).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await handshake(target, shell.origin)).toBe(503);
    expect(lines.some((l) => l.message.includes('too many are waiting for the console'))).toBe(true);
    ready();
    await Promise.all(waiting.map(opened));
    for (const ws of waiting) ws.close();
  });

  it('refuses a socket with 503 when the console cannot load, and keeps serving', async () => {
    const load = { calls: 0, until: Promise.reject(new Error('settings folder is read-only')) };
    load.until.catch(() => undefined);
    const { shell, lines } = await start({ load });
    expect(await handshake(`ws://127.0.0.1:${shell.port}/ipc`, shell.origin)).toBe(503);
    expect(lines.some((l) => l.message === 'Loading the console failed')).toBe(true);
    expect((await fetch(`${shell.origin}/`)).status).toBe(200);
  });

  it('lets at most 8 sockets wait unproven; a proven page does not count', async () => {
    const { shell, lines } = await start();
    const proven = await provenSocket(shell.port, TOKEN);
    const waiting = Array.from(
      { length: 8 },
      () => new WebSocket(`ws://127.0.0.1:${shell.port}/ipc`, { origin: shell.origin }),
    );
    await Promise.all(waiting.map(opened));
    expect(await handshake(`ws://127.0.0.1:${shell.port}/ipc`, shell.origin)).toBe(503);
    expect(lines.some((l) => l.message.includes('too many connections have not proved'))).toBe(true);
    const gone = waiting.pop();
    gone?.close();
    await closeCode(gone as WebSocket);
    expect(await handshake(`ws://127.0.0.1:${shell.port}/ipc`, shell.origin)).toBe(101);
    for (const ws of [...waiting, proven.ws]) ws.close();
  });

  it('proves the token to the page with a fresh HMAC, never the token itself', async () => {
    const { shell } = await start();
    const { ws, server, nonce } = await provenSocket(shell.port, TOKEN);
    expect(server.proof).toBe(await tokenProof(TOKEN, proofText('server', nonce, server.nonce)));
    expect(JSON.stringify(server)).not.toContain(TOKEN);
    ws.close();
  });

  it('serves index.html with connect-src narrowed to its own WebSocket, and nothing outside the build', async () => {
    const { shell } = await start();
    const res = await fetch(`${shell.origin}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const policy = /content="(default-src[^"]+)"/.exec(html)?.[1];
    expect(policy).toBe(
      CONTENT_SECURITY_POLICY.replace("connect-src 'none'", `connect-src ws://127.0.0.1:${shell.port}`),
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe(policy);
    expect((await fetch(`${shell.origin}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${shell.origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${shell.origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${shell.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${shell.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses HTTP requests for another Host (DNS rebinding)', async () => {
    const { shell } = await start();
    const status = await new Promise<number>((resolve) => {
      import('node:http').then(({ request }) => {
        request(
          { host: '127.0.0.1', port: shell.port, path: '/', headers: { host: `evil.example:${shell.port}` } },
          (res) => resolve(res.statusCode ?? 0),
        ).end();
      });
    });
    expect(status).toBe(421);
  });

  it('carries requests, typed refusals and events through the page client', async () => {
    const { shell, calls } = await start();
    const client = createWebClient({
      url: `ws://127.0.0.1:${shell.port}/ipc`,
      token: TOKEN,
      connect: (url) => new WebSocket(url, { origin: shell.origin }) as unknown as SocketLike,
    });
    const snapshots: number[] = [];
    client.on('live:snapshot', (s) => snapshots.push(s.version));
    const state = await client.invoke('state:get', {});
    expect(state).toMatchObject({ ok: true, value: { snapshot: { version: 3 }, demoOffered: true } });
    // The first snapshot travels once, in the answer: pushing it too doubled the page load.
    expect(snapshots).toEqual([]);
    const bad = await client.invoke('call:hold', { sessionId: '', action: 'hold' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(calls.some((c) => c.method === 'hold')).toBe(false);
    expect(await client.invoke('poll:now', {})).toEqual({ ok: true, value: null });
    expect(calls.some((c) => c.method === 'pollNow')).toBe(true);
    client.close();
    expect(await client.invoke('poll:now', {})).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('closes a socket that sends a frame that is not a request', async () => {
    const { shell } = await start();
    const { ws } = await provenSocket(shell.port, TOKEN);
    const code = closeCode(ws);
    ws.send('{"channel":"poll:now","args":{}}');
    expect(await code).toBe(1008);
  });

  it('has no test hooks unless asked for', async () => {
    const { shell } = await start();
    expect((await fetch(`${shell.origin}/__test/notifications?token=${TOKEN}`)).status).toBe(404);
    const tray = await fetch(`${shell.origin}/__test/tray?token=${TOKEN}`, { method: 'POST', body: '{"item":"dnd"}' });
    expect(tray.status).toBe(405);
  });

  it('with test hooks: lists notifications and runs tray items, token required', async () => {
    const { shell, notifier, calls, demoCalls } = await start({ testHooks: true });
    notifier.show({ title: 'Missed call', body: 'From 555', sessionId: 's1' });
    expect((await fetch(`${shell.origin}/__test/notifications`)).status).toBe(403);
    const list = await fetch(`${shell.origin}/__test/notifications?token=${TOKEN}`);
    expect(await list.json()).toEqual([{ title: 'Missed call', body: 'From 555', sessionId: 's1' }]);
    const tray = (item: string) =>
      fetch(`${shell.origin}/__test/tray?token=${TOKEN}`, { method: 'POST', body: JSON.stringify({ item }) });
    expect((await tray('dnd')).status).toBe(200);
    notifier.show({ title: 'Missed call', body: 'From 556' });
    expect(await (await fetch(`${shell.origin}/__test/notifications?token=${TOKEN}`)).json()).toHaveLength(1);
    expect((await tray('sign-out')).status).toBe(200);
    expect(calls.some((c) => c.method === 'signOut')).toBe(true);
    expect(demoCalls).toContain('stop');
    expect((await tray('quit')).status).toBe(400);
    expect((await tray('format-disk')).status).toBe(400);
    const junk = await fetch(`${shell.origin}/__test/tray?token=${TOKEN}`, { method: 'POST', body: '{not json' });
    expect(junk.status).toBe(400);
  });
});
