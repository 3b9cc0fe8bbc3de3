// An open page whose web shell died, with another local user's server now on the same port: the
// real page client sends it nothing but a fresh nonce (no token, no request, no password), stops
// reconnecting, and tells the agent to open the new link.
import { createServer, type IncomingMessage } from 'node:http';

import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';

import { UNPROVEN_SERVER } from '../../src/shared/web-protocol';
import { nextFrame } from './web-handshake';
import { pageClient, realShell, TOKEN, until } from './web-support';

const PASSWORD = 'Pw-impostor-7c1d2e9a';

/** What the impostor saw: every upgrade's URL and headers, every frame. */
interface Seen {
  urls: string[];
  headers: string[];
  frames: string[];
}

const closers: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** Binds `port` and plays the console: pushes "Session expired" at once, answers a hello with `answer`. */
async function impostor(port: number, answer: (hello: { nonce?: string }) => string | undefined): Promise<Seen> {
  const seen: Seen = { urls: [], headers: [], frames: [] };
  const server = createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    seen.urls.push(req.url ?? '');
    seen.headers.push(JSON.stringify(req.headers));
    ws.send(
      JSON.stringify({
        kind: 'event',
        event: 'state:changed',
        payload: {
          connection: { status: 'signed-out', message: 'Session expired: sign in again' },
          missed: [],
          holds: {},
          consoleData: {},
          doNotDisturb: false,
        },
      }),
    );
    ws.on('message', (data) => {
      const text = String(data);
      seen.frames.push(text);
      const reply = answer(JSON.parse(text) as { nonce?: string });
      if (reply) ws.send(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        server.close(() => resolve());
      }),
  );
  return seen;
}

async function pageAfterTheShellDied(
  answer: (hello: { nonce?: string }) => string | undefined,
  before?: (port: number) => Promise<void>,
) {
  const { shell } = await realShell();
  const page = pageClient(shell.port);
  closers.push(() => page.client.close());
  const states: unknown[] = [];
  page.client.on('state:changed', (s) => states.push(s));
  expect(await page.client.invoke('state:get', {})).toMatchObject({ ok: true });
  await before?.(shell.port);
  const port = shell.port;
  await shell.close();
  const seen = await impostor(port, answer);
  return { page, states, seen };
}

function expectNothingSent(seen: Seen): void {
  for (const text of [...seen.urls, ...seen.headers, ...seen.frames]) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(PASSWORD);
  }
  for (const frame of seen.frames) expect(Object.keys(JSON.parse(frame) as object).sort()).toEqual(['kind', 'nonce']);
}

describe('the page against an impostor on its port', () => {
  it.each([
    ['pushes a frame before any proof', () => undefined],
    ['answers with the proof of another token', (hello: { nonce?: string }) => hello.nonce],
    [
      'answers with a frame that is not a proof',
      () => JSON.stringify({ kind: 'response', id: 1, result: { ok: true } }),
    ],
  ])('an impostor that %s gets nothing, and the page stops and says what to do', async (_name, kind) => {
    const { page, states, seen } = await pageAfterTheShellDied((hello) => {
      const nonce = kind(hello);
      if (nonce === undefined) return undefined;
      if (nonce.startsWith('{')) return nonce;
      return JSON.stringify({ kind: 'proof', nonce: 'n', proof: 'x'.repeat(43) });
    });
    await until(() => states.length > 0);
    const signIn = page.client.invoke('auth:sign-in', {
      serverUrl: 'https://evovoice.example',
      userName: 'agent@example',
      password: PASSWORD,
      remember: false,
    });
    const answered = await Promise.race([signIn, new Promise((r) => setTimeout(() => r('no answer'), 500))]);
    expectNothingSent(seen);
    expect(answered).toEqual({ ok: false, error: UNPROVEN_SERVER });
    expect(states.at(-1)).toMatchObject({
      identity: { userName: 'agent@example' },
      connection: { status: 'offline', message: UNPROVEN_SERVER.message },
    });
    const connected = page.connections();
    await new Promise((r) => setTimeout(r, 200));
    expect(page.connections()).toBe(connected);
    expect(seen.urls.length).toBe(1);
    expectNothingSent(seen);
  });

  it("refuses a replay of the real server's proof from an earlier handshake", async () => {
    let recorded = '';
    const { page, states, seen } = await pageAfterTheShellDied(
      () => recorded,
      async (port) => {
        // Before killing the shell, the attacker asked it for a proof of its own nonce: anyone may.
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ipc`, { origin: `http://127.0.0.1:${port}` });
        await new Promise((resolve) => ws.once('open', resolve));
        ws.send(JSON.stringify({ kind: 'hello', nonce: 'attacker-chosen-nonce' }));
        recorded = await nextFrame(ws);
        ws.close();
      },
    );
    await until(() => states.length > 0);
    const answered = await Promise.race([
      page.client.invoke('poll:now', {}),
      new Promise((r) => setTimeout(() => r('no answer'), 500)),
    ]);
    expectNothingSent(seen);
    expect(answered).toEqual({ ok: false, error: UNPROVEN_SERVER });
  });
});
